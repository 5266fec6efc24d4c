"""Webhook rules (pure): Standard Webhooks signatures, which URLs may be called, which events a
subscription receives, what a delivery carries and when it is tried again.

Signatures follow the Standard Webhooks spec: ``webhook-signature: v1,<base64 HMAC-SHA256>`` over
``{webhook-id}.{webhook-timestamp}.{body}`` with the secret's bytes (``whsec_<base64>``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

SECRET_PREFIX = "whsec_"
EVENT_TYPE_PREFIX_SCOPES = {
    "order.": "orders:read", "reaction.": "orders:read", "outcome.": "orders:read",
    "appointment.": "schedule:read", "recall.": "schedule:read",
    "authorization.": "authorizations:read",
    "claim.": "billing:read", "appeal.": "billing:read",
}
# What a delivery's ``data`` keeps of an event: ids and states, never a name, a dose or money.
_KEPT_FIELDS = frozenset({"status", "outcome", "how", "code", "reason_code", "kind", "level"})
_NEVER_SENT = frozenset({"member_id"})  # an insurer's member id is PHI, though named `_id`


class WebhookRuleError(ValueError):
    """A subscription the rules refuse; ``field`` names the input at fault."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


# --------------------------------------------------------------------------- signatures
def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def secret_bytes(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def sign(secret: str, msg_id: str, timestamp: int, body: str | bytes) -> str:
    """The ``webhook-signature`` header value for one delivery attempt."""
    raw = body.encode() if isinstance(body, str) else body
    content = f"{msg_id}.{timestamp}.".encode() + raw
    digest = hmac.new(secret_bytes(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(secret: str, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {"webhook-id": msg_id, "webhook-timestamp": str(timestamp),
            "webhook-signature": sign(secret, msg_id, timestamp, body),
            "content-type": "application/json"}


# --------------------------------------------------------------------------- URLs (SSRF)
@dataclass(frozen=True)
class UrlPolicy:
    allowed_hosts: frozenset[str]  # exact host names or ``*.example.com`` suffixes
    allow_loopback: bool = False  # development settings only


def _host_allowed(host: str, allowed: Iterable[str]) -> bool:
    for pattern in allowed:
        p = pattern.lower()
        if p == "*" or host == p or (p.startswith("*.") and host.endswith(p[1:])):
            return True
    return False


def check_address(address: str, policy: UrlPolicy) -> None:
    """Refuse loopback, private, link-local and other non-public addresses (loopback only
    when the policy allows it): a webhook must never reach into the clinic's network."""
    ip = ipaddress.ip_address(address)
    if ip.is_loopback:
        if not policy.allow_loopback:
            raise WebhookRuleError("url", "loopback addresses are refused")
        return
    if (ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified):
        raise WebhookRuleError("url", "private or reserved addresses are refused")


def check_url(url: str, policy: UrlPolicy) -> str:
    """The URL as it will be called, or WebhookRuleError naming ``url``."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise WebhookRuleError("url", "not a valid URL") from None
    if parts.scheme not in ("http", "https"):
        raise WebhookRuleError("url", "only http and https URLs are allowed")
    if parts.username is not None or parts.password is not None:
        raise WebhookRuleError("url", "credentials in the URL are refused")
    host = (parts.hostname or "").lower()
    if not host:
        raise WebhookRuleError("url", "the URL has no host")
    if port == 0:
        raise WebhookRuleError("url", "port 0 is refused")
    if parts.fragment:
        raise WebhookRuleError("url", "a fragment is not allowed")
    literal = _literal_ip(host)
    if literal is not None:
        check_address(literal, policy)
        if ipaddress.ip_address(literal).is_loopback:
            return url  # loopback allowed by the policy (development)
    if not _host_allowed(host, policy.allowed_hosts):
        raise WebhookRuleError("url", f"host {host!r} is not on the allowed list")
    return url


def _literal_ip(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return "127.0.0.1" if host in ("localhost", "localhost.") else None


# --------------------------------------------------------------------------- event types
def scope_for(event_type: str) -> str | None:
    for prefix, scope in EVENT_TYPE_PREFIX_SCOPES.items():
        if event_type.startswith(prefix):
            return scope
    return None


def check_event_types(types: list[str], known: Iterable[str], scopes: frozenset[str]) -> None:
    known_set = set(known)
    if not types:
        raise WebhookRuleError("event_types", "name at least one event type")
    for t in types:
        if t not in known_set:
            raise WebhookRuleError("event_types", f"unknown event type {t!r}")
        scope = scope_for(t)
        if scope is None or scope not in scopes:
            raise WebhookRuleError("event_types", f"{t!r} needs the {scope} scope")


def receives(*, sub_practice: str | None, sub_types: Iterable[str], event_type: str,
             event_practice: str | None) -> bool:
    """Whether a subscription gets an event. A partner's subscription (bound to a practice)
    gets only that practice's events; an event naming no practice goes to no partner."""
    if event_type not in sub_types:
        return False
    if sub_practice is None:
        return True  # the center's own subscription: every practice
    return event_practice is not None and event_practice == sub_practice


def delivery_body(*, event_id: str, event_type: str, occurred_at: str,
                  practice_id: str | None, payload: Mapping[str, Any]) -> dict[str, Any]:
    """``{id, type, occurred_at, practice_id, data}``: data keeps ids and states only."""
    data = {k: v for k, v in payload.items()
            if (k.endswith("_id") or k in _KEPT_FIELDS) and k not in _NEVER_SENT
            and not isinstance(v, dict | list)}
    return {"id": event_id, "type": event_type, "occurred_at": occurred_at,
            "practice_id": practice_id, "data": data}


# --------------------------------------------------------------------------- retries
def backoff_s(attempts: int, base_s: float, max_s: float) -> float:
    """Delay before the next attempt after ``attempts`` failures: base, 2 base, 4 base... capped."""
    return float(min(max_s, base_s * 2 ** max(0, attempts - 1)))


@dataclass(frozen=True)
class AttemptOutcome:
    status: str  # pending | delivered | dead
    disable: bool  # the subscription failed too many times in a row


def after_attempt(*, ok: bool, attempts: int, max_attempts: int, consecutive_failures: int,
                  disable_after: int) -> AttemptOutcome:
    """``attempts`` counts this one; ``consecutive_failures`` the subscription's, this one in."""
    if ok:
        return AttemptOutcome("delivered", False)
    return AttemptOutcome("dead" if attempts >= max_attempts else "pending",
                          consecutive_failures >= disable_after)
