"""OpenTelemetry and logs, configured in one function per process.

Spans carry ids only (no PHI); logs are JSON with ``trace_id`` and ``span_id``.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import structlog
from opentelemetry import trace
from opentelemetry.instrumentation.aiokafka import AIOKafkaInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from structlog.typing import Processor

_configured = False


def setup_telemetry(
    service_name: str,
    *,
    otlp_endpoint: str | None = None,
    extra_processor: SpanProcessor | None = None,
) -> TracerProvider:
    """Install the tracer provider and the client instrumentations (once per process)."""
    global _configured
    current = trace.get_tracer_provider()
    if _configured and isinstance(current, TracerProvider):
        if extra_processor is not None:
            current.add_span_processor(extra_processor)
        return current
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
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


def instrument_app(app) -> None:
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    # One server span per request. The ASGI instrumentation's default also opens an internal
    # span for every receive and send message (3+ per request): they carry nothing an operator
    # reads (the server span has the status and route), and building them was ~16 % of a
    # booking's CPU in the scheduling service (bench/contended_booking.py --profile).
    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,readyz,metrics",
                                       exclude_spans=["receive", "send"])


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
