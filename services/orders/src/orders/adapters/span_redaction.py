"""Query strings never reach a span attribute of this service.

The ASGI instrumentation records the full URL (``http.url``, ``http.target``, ``url.query``
...) as the server span starts. A lookup by name and birth date (``GET
/v1/patients/lookup?family_name=...``) would put PHI there; this processor removes the query
from those attributes when the span starts, before any exporter reads it.
"""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider

URL_ATTRIBUTES = ("http.url", "http.target", "url.full")
QUERY_ATTRIBUTES = ("url.query", "http.query")
_installed: set[int] = set()


class QueryRedactor(SpanProcessor):
    def on_start(self, span: Span, parent_context: Context | None = None) -> None:
        attributes = span.attributes or {}
        for name in URL_ATTRIBUTES:
            value = attributes.get(name)
            if isinstance(value, str) and "?" in value:
                span.set_attribute(name, value.split("?", 1)[0])
        for name in QUERY_ATTRIBUTES:
            if attributes.get(name):
                span.set_attribute(name, "")

    def on_end(self, span: ReadableSpan) -> None:
        return None


def install_query_redaction() -> None:
    """Once per tracer provider (the process's, set up by the CLI or a test fixture)."""
    provider = trace.get_tracer_provider()
    if isinstance(provider, TracerProvider) and id(provider) not in _installed:
        provider.add_span_processor(QueryRedactor())
        _installed.add(id(provider))
