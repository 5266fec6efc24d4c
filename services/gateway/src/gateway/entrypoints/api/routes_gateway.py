"""The gateway's own routes: tokens and keys, composed views, the audit log, the live stream
and webhooks (a part of the route table, table.py)."""

from __future__ import annotations

from gateway.domain.routing import GATEWAY, Kind, Route
from gateway.entrypoints.api import schemas as gw
from gateway.entrypoints.api import webhook_schemas as wh
from gateway.entrypoints.api.route_kit import PUB, C, I, O, P, S
from gateway.entrypoints.api.route_kit import route as _r

ACCESS_ROUTES: tuple[Route, ...] = (
    # --- access (the gateway's own)
    _r("POST", "/v1/oauth/token", GATEWAY, None, PUB, O, "Issue an access token",
       body=gw.TokenRequest, response=gw.TokenResponse,
       body_type="application/x-www-form-urlencoded"),
    _r("GET", "/.well-known/jwks.json", GATEWAY, None, PUB, O, "Public signing keys",
       response=gw.Jwks),
)

GATEWAY_ROUTES: tuple[Route, ...] = (
    # --- composed views and the gateway's own records
    _r("GET", "/v1/visits/{order_id}", GATEWAY, "orders:read", P, I,
       "One visit: order, prior authorization, appointment and claim", response=gw.Visit),
    _r("GET", "/v1/audit", GATEWAY, "admin", C, O, "Audit log of patient-data access",
       query=gw.AuditQuery, response=gw.AuditPage),
    _r("GET", "/v1/stream", GATEWAY, None, P, Kind.STREAM,
       "Live events (Server-Sent Events): board, queue and alert changes of the caller's "
       "practice, each type under its read scope; resumable with Last-Event-ID "
       "(docs/stream.md)", query=gw.StreamQuery, response=gw.StreamMessage,
       response_type="text/event-stream"),
    _r("POST", "/v1/admin/signing-keys/rotate", GATEWAY, "admin", C, O,
       "Rotate the token signing key (the old key verifies until its tokens expire)",
       response=gw.Jwks),
    # --- webhooks (the gateway's own, docs/webhooks.md): each client manages only its own
    # subscriptions; a partner's receive only its practice's events. Literal paths first.
    _r("POST", "/v1/webhooks/subscriptions", GATEWAY, "webhooks", S, O,
       "Subscribe an endpoint to event types (the signing secret is shown once)",
       body=wh.SubscriptionIn, response=wh.Subscription, status=201),
    _r("GET", "/v1/webhooks/subscriptions", GATEWAY, "webhooks", S, O,
       "The caller's webhook subscriptions", response=wh.SubscriptionPage),
    _r("GET", "/v1/webhooks/dead-letters", GATEWAY, "webhooks", S, O,
       "Deliveries that failed every attempt (replay them once the endpoint works)",
       query=wh.PageQuery, response=wh.DeliveryPage),
    _r("POST", "/v1/webhooks/deliveries/{delivery_id}/replay", GATEWAY, "webhooks", S, O,
       "Send a delivery again (same webhook-id; attempts start again)", response=wh.Delivery),
    _r("GET", "/v1/webhooks/subscriptions/{subscription_id}", GATEWAY, "webhooks", S, O,
       "One webhook subscription (status, and why it was disabled)",
       response=wh.Subscription),
    _r("PATCH", "/v1/webhooks/subscriptions/{subscription_id}", GATEWAY, "webhooks", S, O,
       "Change a subscription: URL, event types, re-enable, rotate the secret",
       body=wh.SubscriptionPatch, response=wh.Subscription),
    _r("DELETE", "/v1/webhooks/subscriptions/{subscription_id}", GATEWAY, "webhooks", S, O,
       "Delete a subscription and its delivery log", status=204),
    _r("GET", "/v1/webhooks/subscriptions/{subscription_id}/deliveries", GATEWAY, "webhooks",
       S, O, "The subscription's delivery log, newest first", query=wh.PageQuery,
       response=wh.DeliveryPage),
)
