"""OpenTelemetry and logs, configured in one function per process.

Spans carry ids only (no PHI); logs are JSON with ``trace_id`` and ``span_id``.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

import structlog
from opentelemetry import propagate, trace
from opentelemetry.instrumentation.aiokafka import AIOKafkaInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF
from opentelemetry.trace import SpanKind, Status, StatusCode
from structlog.typing import Processor

from chairside_shared.metrics import REQUEST_SECONDS, REQUESTS

_configured = False
EXCLUDED_PATHS = ("/healthz", "/readyz", "/metrics")


def setup_telemetry(
    service_name: str,
    *,
    otlp_endpoint: str | None = None,
    extra_processor: SpanProcessor | None = None,
) -> TracerProvider:
    """Install the tracer provider and the client instrumentations (once per process).

    With nowhere to send spans (no OTLP endpoint, no processor) and no sampler chosen by the
    operator (``OTEL_TRACES_SAMPLER``), spans are not recorded: building, filling and dropping
    them was an eighth of the gateway's CPU per proxied request (bench/cost.py). Trace
    context still flows: every span keeps its ids, so ``traceparent`` reaches the services and
    the client, and log lines carry ``trace_id`` and ``span_id`` as before."""
    global _configured
    current = trace.get_tracer_provider()
    if _configured and isinstance(current, TracerProvider):
        if extra_processor is not None:
            current.add_span_processor(extra_processor)
        return current
    exported = bool(otlp_endpoint) or extra_processor is not None
    sampler = None if exported or os.environ.get("OTEL_TRACES_SAMPLER") else ALWAYS_OFF
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}),
                              sampler=sampler)
    if otlp_endpoint:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(
            BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{otlp_endpoint.rstrip('/')}/v1/traces"))
        )
    if extra_processor is not None:
        provider.add_span_processor(extra_processor)
    trace.set_tracer_provider(provider)
    HTTPXClientInstrumentor().instrument()
    SQLAlchemyInstrumentor().instrument()  # wraps create_async_engine: every engine after this
    AIOKafkaInstrumentor().instrument()
    _configured = True
    return provider


def uninstrumented(obj: Any, name: str) -> Any:
    """``obj.name`` as its class defined it, bypassing a class-level instrumentation wrapper.

    For calls that make their own span and carry their own trace context (the outbox relay's
    publish, the gateway's upstream calls): the wrapper would add a second span and, for Kafka,
    append a second ``traceparent`` header that consumers may read instead of ours."""
    method = getattr(type(obj), name)
    original = getattr(method, "__wrapped__", method)
    return original.__get__(obj, type(obj))


def instrument_app(app, *, service: str) -> None:
    """One layer, outermost of the app's own: a server span and the request metrics
    (ServerSpans)."""
    app.add_middleware(ServerSpans, service=service)


_TRACE_HEADERS = (b"traceparent", b"tracestate", b"baggage")
_server_tracer = trace.get_tracer("chairside.http")


class ServerSpans:
    """One server span per request, continuing the caller's trace (the gateway's
    ``traceparent``), named by the route template once routing has run (ids stay out of
    names): ``GET /v1/drugs``. No span for the health and metrics probes. The same layer
    counts and times every request, probes included, by route template and status
    (``chairside_http_requests_total``): one wrapper of ``send`` per request, not one per
    concern.

    In place of the OpenTelemetry FastAPI instrumentation, which matched every request
    against the app's routes a second time to name its span and recorded a dozen attributes
    (the full URL among them, query string and all: PHI for a lookup): with the asyncio
    thread hops it was a fifth of a catalog read's CPU (bench/cost.py, py-spy). The span keeps
    what an operator reads: method, route, status, and an error status on a 5xx. Exceptions
    are not recorded on it: their messages may carry what a caller sent. Plain ASGI, as
    Starlette's ``@app.middleware("http")`` (BaseHTTPMiddleware) runs the rest of the app in a
    task group with memory streams for the body: ~10 % of a request's CPU in the scheduling
    service (bench/contended_booking.py --profile)."""

    def __init__(self, app: Any, *, service: str,
                 excluded: tuple[str, ...] = EXCLUDED_PATHS) -> None:
        self.app, self.service = app, service
        self.excluded = frozenset(excluded)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        method = scope["method"]
        status = 500  # an error that escaped with nothing sent: the server answers 500

        async def send_seeing_status(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            if scope["path"] in self.excluded:
                await self.app(scope, receive, send_seeing_status)
                return
            carrier = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]
                       if k in _TRACE_HEADERS}
            parent = propagate.extract(carrier) if carrier else None
            with _server_tracer.start_as_current_span(
                    method, context=parent, kind=SpanKind.SERVER,
                    attributes={"http.request.method": method},
                    record_exception=False, set_status_on_exception=False) as span:
                try:
                    await self.app(scope, receive, send_seeing_status)
                finally:
                    if span.is_recording():
                        route = getattr(scope.get("route"), "path", None)
                        if route:
                            span.update_name(f"{method} {route}")
                            span.set_attribute("http.route", route)
                        span.set_attribute("http.response.status_code", status)
                        if status >= 500:
                            span.set_status(Status(StatusCode.ERROR))
        finally:
            path = getattr(scope.get("route"), "path", "unmatched")
            REQUESTS.labels(self.service, method, path, str(status)).inc()
            REQUEST_SECONDS.labels(self.service, method, path).observe(
                time.perf_counter() - start)


def _add_trace_ids(_logger, _name, event_dict):
    ctx = trace.get_current_span().get_span_context()
    if ctx.is_valid:
        event_dict["trace_id"] = format(ctx.trace_id, "032x")
        event_dict["span_id"] = format(ctx.span_id, "016x")
    return event_dict


def setup_logging(service_name: str, *, level: str = "INFO", json_logs: bool = True) -> None:
    """Route stdlib and structlog through one JSON renderer carrying trace ids."""
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_trace_ids,
        lambda _l, _n, d: {**d, "service": service_name},
    ]
    renderer = (
        structlog.processors.JSONRenderer() if json_logs else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiokafka logs every reconnect attempt; our components log the one line that matters.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
