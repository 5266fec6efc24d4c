"""One endpoint per route-table entry, all through the same pipeline:

authenticate -> scope -> rate limit -> validate at the edge -> Idempotency-Key -> practice
binding + forward (or a composed view) -> audit. Nothing that fails a step reaches a service.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match as StarletteMatch

from gateway.adapters.orm import utcnow
from gateway.adapters.upstream import Unavailable
from gateway.domain import idempotency as idem
from gateway.domain import problems as pb
from gateway.domain.audit import AuditEntry
from gateway.domain.principal import Principal
from gateway.domain.ratelimit import retry_after_header
from gateway.domain.routing import Access, Kind, Route, RouteTable
from gateway.entrypoints.api import validation
from gateway.entrypoints.api.admin import AUDIT_PATH, audit_page, rotate_keys
from gateway.entrypoints.api.authorize import authorize, sign_in
from gateway.entrypoints.api.stream import open_stream
from gateway.entrypoints.api.tokens import jwks, token_endpoint
from gateway.entrypoints.api.webhooks import WEBHOOKS_PREFIX, webhook_call
from gateway.service.container import Gateway
from gateway.service.proxy import Call, Result

log = logging.getLogger("gateway.api")

# Collection segment -> resource type, for audit rows of lists and creates.
_COLLECTIONS = {"patients": "patient", "orders": "order", "appointments": "appointment",
                "authorizations": "authorization", "claims": "claim", "visits": "order",
                "board": "appointment", "remittances": "claim"}


def problem_response(problem: pb.Problem, instance: str | None = None) -> Response:
    return Response(json.dumps(problem.body(instance)), status_code=problem.status,
                    media_type=pb.PROBLEM_MEDIA_TYPE, headers=problem.headers)


def result_response(result: Result) -> Response:
    headers = {k: v for k, v in result.headers.items() if k.lower() != "content-type"}
    return Response(result.content, status_code=result.status, headers=headers,
                    media_type=result.headers.get("content-type", "application/json"))


async def authenticate(gw: Gateway, request: Request) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        raise pb.Problem(401, "unauthorized", "a bearer token is required",
                         headers={"WWW-Authenticate": 'Bearer realm="chairside"'})
    if scheme.lower() != "bearer" or not token.strip():
        raise pb.unauthorized("the Authorization header must be `Bearer <token>`",
                              "invalid_request")
    from gateway.domain.tokens import TokenRejected

    try:
        return await gw.tokens.authenticate(token.strip())
    except TokenRejected as exc:
        raise pb.unauthorized(str(exc)) from None


async def rate_limit(gw: Gateway, key: str, policy: Any) -> None:
    decision = await gw.buckets.take(key, policy)
    if not decision.allowed:
        raise pb.Problem(429, "rate-limited", "too many requests; slow down",
                         headers={"Retry-After": retry_after_header(decision.retry_after)})


def upstream_headers(request: Request, principal: Principal) -> dict[str, str]:
    from opentelemetry import propagate

    headers: dict[str, str] = {"x-chairside-client-id": principal.client_id,
                               "x-chairside-scopes": " ".join(sorted(principal.scopes))}
    if principal.practice_id:
        headers["x-chairside-practice-id"] = principal.practice_id
    if principal.user_id:
        headers["x-chairside-user-id"] = principal.user_id
        headers["x-chairside-roles"] = " ".join(sorted(principal.roles))
    if key := request.headers.get("idempotency-key"):
        headers["idempotency-key"] = key
    if accept := request.headers.get("accept"):
        headers["accept"] = accept
    propagate.inject(headers)  # traceparent of the gateway's span
    return headers


async def dispatch(gw: Gateway, call: Call) -> Result:
    route = call.route
    if route.upstream != "gateway":
        return await gw.proxy.handle(call)
    if route.path.startswith(WEBHOOKS_PREFIX):
        return await webhook_call(gw, call)
    if route.path == "/v1/visits/{order_id}":
        doc = await gw.views.visit(call.params["order_id"], call)
    elif route.path == "/v1/board":
        if call.principal.is_bound:
            raise pb.forbidden("this route is for the center's staff, not partner clients")
        doc = await gw.views.board(call.query.get("date"), call)
    elif route.path == AUDIT_PATH:
        doc = await audit_page(gw, call.query)
    elif route.path == "/v1/admin/signing-keys/rotate":
        doc = await rotate_keys(gw)
    else:  # pragma: no cover - every gateway route is listed above
        raise pb.not_found()
    return gw.proxy._json_result(200, doc)


async def with_idempotency(gw: Gateway, request: Request, call: Call, key: str) -> Response:
    try:
        idem.validate_key(key)
    except idem.InvalidIdempotencyKey as exc:
        raise pb.Problem(400, "bad-idempotency-key", str(exc)) from None
    fp = idem.fingerprint(call.route.method, call.path, request.url.query,
                          call.content_type or "", call.body or b"")
    client = call.principal.client_id
    begun = await gw.idempotency.begin(client_id=client, key=key, fingerprint=fp,
                                       method=call.route.method, path=call.path)
    if begun.outcome is idem.Outcome.MISMATCH:
        raise pb.Problem(422, "idempotency-key-reused",
                         "this Idempotency-Key was used with a different request")
    if begun.outcome is idem.Outcome.IN_FLIGHT:
        raise pb.Problem(409, "idempotency-in-flight",
                         "a request with this Idempotency-Key is still being processed",
                         headers={"Retry-After": "1"})
    if begun.outcome is idem.Outcome.REPLAY and begun.record is not None:
        rec = begun.record
        headers = {**(rec.response_headers or {}), "idempotent-replayed": "true"}
        media = headers.pop("content-type", "application/json")
        return Response(rec.response_body or b"", status_code=rec.response_status or 200,
                        headers=headers, media_type=media)
    try:
        response = await run(gw, call)
    except BaseException:
        await gw.idempotency.finish(client_id=client, key=key, status=500, headers={}, body=b"")
        raise
    headers = {k.lower(): v for k, v in response.headers.items()}
    await gw.idempotency.finish(client_id=client, key=key, status=response.status_code,
                                headers=headers, body=bytes(response.body))
    return response


async def run(gw: Gateway, call: Call) -> Response:
    """Dispatch and answer; errors become problem responses here so they can be stored."""
    try:
        result = await dispatch(gw, call)
        call.result_ids = result.ids
        return result_response(result)
    except Unavailable as exc:
        return problem_response(pb.service_unavailable(exc.upstream, exc.retry_after), call.path)
    except pb.Problem as problem:
        return problem_response(problem, call.path)


def audit(gw: Gateway, request: Request, route: Route, call: Call | None,
          principal: Principal, status: int) -> None:
    segment = route.path.split("/")[2] if route.path.count("/") >= 2 else ""
    rtype = route.resource or _COLLECTIONS.get(segment)
    ids: list[str | None] = []
    if call is not None and route.id_param:
        ids = [call.params.get(route.id_param)]
    elif call is not None and call.result_ids:
        ids = list(call.result_ids)
    for rid in ids or [None]:
        gw.audit.record(AuditEntry(
            at=utcnow(), client_id=principal.client_id, user_id=principal.user_id,
            practice_id=principal.practice_id, action=f"{route.method} {route.path}",
            resource_type=rtype, resource_id=rid, status=status,
            trace_id=request.scope.get("state", {}).get("trace_id")))


async def pipeline(gw: Gateway, route: Route, request: Request) -> Response:
    principal: Principal | None = None
    call: Call | None = None
    status = 500
    try:
        if not gw.booted.is_set():
            raise pb.Problem(503, "starting", "the gateway is starting; retry shortly",
                             headers={"Retry-After": "1"})
        principal = await authenticate(gw, request)
        if route.scope and not principal.has(route.scope):
            raise pb.insufficient_scope(route.scope)
        await rate_limit(gw, f"client:{principal.client_id}", gw.bucket_for(principal.client_id))
        call = await validation.build_call(route, request, principal)
        call.headers = upstream_headers(request, principal)
        key = request.headers.get("idempotency-key")
        if route.kind is Kind.STREAM:
            response = await open_stream(gw, request, call)
        elif route.method == "POST" and key is not None and route.kind is not Kind.SEARCH:
            response = await with_idempotency(gw, request, call, key)
        else:
            response = await run(gw, call)
        status = response.status_code
        return response
    except pb.Problem as problem:
        status = problem.status
        return problem_response(problem, request.url.path)
    finally:
        if principal is not None and route.phi:
            audit(gw, request, route, call, principal, status)
            if route.method != "GET":
                # Writes of patient data are on disk before the answer leaves; reads are
                # batched (see service/audit.py).
                try:
                    await gw.audit.flush()
                except Exception:
                    log.error("audit flush failed on %s %s", route.method, route.path)


def _endpoint(route: Route) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        # For the edge's span name and metrics label (plain routes leave no `route` in scope).
        request.scope["route_template"] = route.path
        return await pipeline(request.app.state.gateway, route, request)

    endpoint.__name__ = route.operation_id
    endpoint.table_route = route  # type: ignore[attr-defined]  # see direct_routes
    return endpoint


Endpoint = Callable[[Request], Awaitable[Response]]


def direct_routes(app: FastAPI) -> dict[tuple[str, str], Endpoint]:
    """(method, path) -> endpoint, for the table's routes without path parameters, where
    Starlette's router would pick that endpoint itself (its first full match, asked here once
    per pair, against every route the app has): the edge calls those endpoints directly. The
    layers between the edge and an endpoint (exception middleware, exit stack, the router's
    scan of 200 routes, the request/response wrappers) did nothing for them but cost about a
    tenth of a proxied request's CPU. Templated paths and HEAD go through the router."""
    direct: dict[tuple[str, str], Endpoint] = {}
    for candidate in app.router.routes:
        endpoint = getattr(candidate, "endpoint", None)
        if not hasattr(endpoint, "table_route") or getattr(candidate, "param_convertors", None):
            continue
        path = candidate.path  # type: ignore[attr-defined]
        for method in sorted((candidate.methods or set()) - {"HEAD"}):  # type: ignore[attr-defined]
            scope = {"type": "http", "path": path, "method": method, "root_path": ""}
            first = next((r for r in app.router.routes
                          if r.matches(scope)[0] is StarletteMatch.FULL), None)
            if first is candidate:
                direct[(method, path)] = endpoint  # type: ignore[assignment]
    return direct


async def _not_allowed(request: Request) -> Response:
    raise StarletteHTTPException(405)


def register(app: FastAPI, routes: tuple[Route, ...]) -> None:
    """Plain Starlette routes: the pipeline does its own parsing and validation, so FastAPI's
    per-request dependency solving would be pure overhead (the OpenAPI document is built from
    the route table, see openapi.py)."""
    app.router.add_route("/v1/oauth/token", token_endpoint, methods=["POST"],
                         include_in_schema=False)
    app.router.add_route("/v1/oauth/authorize", authorize, methods=["GET"],
                         include_in_schema=False)
    app.router.add_route("/v1/oauth/authorize", sign_in, methods=["POST"],
                         include_in_schema=False)
    app.router.add_route("/.well-known/jwks.json", jwks, methods=["GET"],
                         include_in_schema=False)
    # First: a literal path's other methods are 405s, never its templated neighbour's.
    for path, methods in RouteTable(routes).shadowed().items():
        app.router.add_route(path, _not_allowed, methods=methods, include_in_schema=False)
    validation.build_request_models(routes)
    for route in routes:
        if route.access is Access.PUBLIC:
            continue
        app.router.add_route(route.path, _endpoint(route), methods=[route.method],
                             name=route.operation_id, include_in_schema=False)


__all__ = ["Kind", "direct_routes", "problem_response", "register"]
