"""The outermost layer (plain ASGI, no per-request task overhead): trace context and
`traceparent` on every response, security headers, the CORS allow-list, the request body
size limit, and problem+json for anything that escapes the app."""

from __future__ import annotations

import json
import logging
import re
import secrets
import time
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.trace import NonRecordingSpan, SpanContext, SpanKind, TraceFlags
from starlette.requests import Request

from chairside_shared.metrics import REQUEST_SECONDS, REQUESTS
from gateway.domain import problems as pb

log = logging.getLogger("gateway.edge")
tracer = trace.get_tracer("gateway")
UNTRACED = ("/healthz", "/readyz", "/metrics")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
API_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
# The board page and the login form: own scripts and styles only, no inline script.
PAGE_PATHS = ("/board", "/v1/oauth/authorize")
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'{extra}; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
CORS_ALLOW_HEADERS = ("authorization, content-type, idempotency-key, last-event-id, traceparent, "
                      "tracestate")
CORS_EXPOSE_HEADERS = "traceparent, retry-after, location, idempotent-replayed, www-authenticate"
CORS_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
# Document uploads (an appeal's records, base64 in JSON) may be larger than other bodies.
DOCUMENT_UPLOAD = re.compile(
    r"^/v1/(?:claim-appeals/[^/]+|authorizations/[^/]+/appeals/[^/]+)/documents$")


class BodyTooLarge(Exception):
    pass


def route_template(scope: dict[str, Any]) -> str:
    if template := scope.get("route_template"):
        return str(template)
    return str(getattr(scope.get("route"), "path", None) or "unmatched")


def _new_span_context() -> SpanContext:
    return SpanContext(trace_id=int.from_bytes(secrets.token_bytes(16), "big") or 1,
                       span_id=int.from_bytes(secrets.token_bytes(8), "big") or 1,
                       is_remote=False, trace_flags=TraceFlags(TraceFlags.SAMPLED))


def traceparent_of(ctx: SpanContext) -> str:
    return f"00-{ctx.trace_id:032x}-{ctx.span_id:016x}-{int(ctx.trace_flags):02x}"


async def send_problem(send: Any, problem: pb.Problem,
                       extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(problem.body()).encode()
    headers = [(b"content-type", pb.PROBLEM_MEDIA_TYPE.encode()),
               (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in problem.headers.items()]
    headers += extra_headers or []
    await send({"type": "http.response.start", "status": problem.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class EdgeMiddleware:
    def __init__(self, app: Any, *, max_body_bytes: int, cors_origins: list[str],
                 trust_inbound_traceparent: bool = False,
                 max_document_body_bytes: int | None = None,
                 page_connect_src: str = "",
                 direct: dict[tuple[str, str], Any] | None = None) -> None:
        self.app = app
        # table endpoints the router would pick for these (method, path) pairs (routes.py)
        self.direct = direct or {}
        self.max_body = max_body_bytes
        self.max_document_body = max(max_document_body_bytes or 0, max_body_bytes)
        self.origins = frozenset(cors_origins)
        self.trust_inbound = trust_inbound_traceparent
        extra = f" {page_connect_src}" if page_connect_src else ""
        self.page_csp = (b"content-security-policy", PAGE_CSP.format(extra=extra).encode())

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        # The gateway starts the trace: a client's traceparent is ignored unless trusted (it
        # would let any caller splice its requests into someone else's trace).
        parent = otel_context.Context()
        if self.trust_inbound:
            parent = propagate.extract({k.decode("latin-1"): v.decode("latin-1")
                                        for k, v in headers.items()})
        started_at = time.perf_counter()
        status_box = [500]
        with tracer.start_as_current_span(
            f"{scope['method']} gateway", context=parent, kind=SpanKind.SERVER,
            attributes={"http.request.method": scope["method"]},
            record_exception=False, set_status_on_exception=False,
        ) as span:
            await self._traced(scope, receive, send, headers, span, status_box)
        template = route_template(scope)
        if scope["path"] not in UNTRACED:
            REQUESTS.labels("gateway", scope["method"], template, str(status_box[0])).inc()
            REQUEST_SECONDS.labels("gateway", scope["method"], template).observe(
                time.perf_counter() - started_at)

    async def _traced(self, scope: dict[str, Any], receive: Any, send: Any,
                      headers: dict[bytes, bytes], span: Any,
                      status_box: list[int]) -> None:
        span_ctx = span.get_span_context()
        token = None
        if not span_ctx.is_valid:
            # No tracing SDK configured: mint ids anyway, so `traceparent` is still returned
            # to the client and propagated to the services.
            span_ctx = _new_span_context()
            token = otel_context.attach(trace.set_span_in_context(NonRecordingSpan(span_ctx)))
        traceparent = traceparent_of(span_ctx)
        scope.setdefault("state", {})["trace_id"] = f"{span_ctx.trace_id:032x}"
        origin = headers.get(b"origin", b"").decode("latin-1")
        path = scope["path"]
        extra = [(b"traceparent", traceparent.encode())] + SECURITY_HEADERS
        if path.startswith(PAGE_PATHS):
            extra.append(self.page_csp)
        elif not path.startswith(DOCS_PATHS):
            extra.append(API_CSP)
        if origin and origin in self.origins:
            extra += [(b"access-control-allow-origin", origin.encode()),
                      (b"access-control-expose-headers", CORS_EXPOSE_HEADERS.encode())]
        if origin:
            extra.append((b"vary", b"Origin"))
        try:
            if scope["method"] == "OPTIONS" and b"access-control-request-method" in headers:
                status_box[0] = await self._preflight(origin, send, extra)
                return
            limit = self._limit(scope)
            length = headers.get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > limit):
                status_box[0] = 413
                await send_problem(send, self._too_large(limit), extra)
                return
            await self._run(scope, receive, send, extra, status_box, limit)
        finally:
            if token is not None:
                otel_context.detach(token)
            template = route_template(scope)
            if template != "unmatched" and span.is_recording():
                # Route templates only: paths hold ids, never names, but keep spans generic.
                span.update_name(f"{scope['method']} {template}")
                span.set_attribute("http.route", template)
            if span.is_recording():
                span.set_attribute("http.response.status_code", status_box[0])

    def _limit(self, scope: dict[str, Any]) -> int:
        if scope["method"] == "POST" and DOCUMENT_UPLOAD.match(scope["path"]):
            return self.max_document_body
        return self.max_body

    def _too_large(self, limit: int) -> pb.Problem:
        return pb.Problem(413, "payload-too-large",
                          f"request bodies are limited to {limit} bytes")

    async def _preflight(self, origin: str, send: Any,
                         extra: list[tuple[bytes, bytes]]) -> int:
        if origin not in self.origins:
            await send_problem(send, pb.forbidden("origin not allowed"), extra)
            return 403
        headers = extra + [
            (b"access-control-allow-methods", CORS_METHODS.encode()),
            (b"access-control-allow-headers", CORS_ALLOW_HEADERS.encode()),
            (b"access-control-max-age", b"600"),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return 204

    async def _run(self, scope: dict[str, Any], receive: Any, send: Any,
                   extra: list[tuple[bytes, bytes]],
                   status_box: list[int], limit: int) -> None:
        started = False
        seen = 0

        async def counting_receive() -> dict[str, Any]:
            nonlocal seen
            message: dict[str, Any] = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:  # chunked bodies carry no Content-Length
                    raise BodyTooLarge
            return message

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                status_box[0] = message["status"]
                names = {k.lower() for k, _ in message.get("headers", [])}
                added = [(k, v) for k, v in extra if k not in names or k == b"vary"]
                if b"cache-control" not in names:
                    added.append((b"cache-control", b"no-store"))
                message = {**message, "headers": list(message.get("headers", [])) + added}
            await send(message)

        try:
            endpoint = None if scope.get("root_path") else \
                self.direct.get((scope["method"], scope["path"]))
            if endpoint is None:
                await self.app(scope, counting_receive, send_with_headers)
            else:
                response = await endpoint(Request(scope, counting_receive))
                await response(scope, counting_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await send_problem(send, self._too_large(limit), extra)
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if started:
                raise
            await send_problem(send, pb.Problem(500, "internal-error",
                                                "the gateway failed to handle the request"),
                               extra)
