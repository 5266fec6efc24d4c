"""Query strings never stay in a span attribute of this service.

The ASGI instrumentation records the full URL (``http.url``, ``url.query`` ...) on the server
span. A lookup by name and birth date (``GET /v1/patients/lookup?family_name=...``) would put
PHI there. This middleware runs inside the instrumentation, once the server span holds those
attributes, and cuts the query off them before the route runs (spans are exported later).
"""

from __future__ import annotations

from opentelemetry import trace
from starlette.types import ASGIApp, Receive, Scope, Send

URL_ATTRIBUTES = ("http.url", "url.full", "http.target")
QUERY_ATTRIBUTES = ("url.query", "http.query")


class QueryOutOfSpans:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            span = trace.get_current_span()
            attributes = getattr(span, "attributes", None) or {}
            if span.is_recording():
                for name in URL_ATTRIBUTES:
                    value = attributes.get(name)
                    if isinstance(value, str) and "?" in value:
                        span.set_attribute(name, value.split("?", 1)[0])
                for name in QUERY_ATTRIBUTES:
                    if attributes.get(name):
                        span.set_attribute(name, "")
        await self.app(scope, receive, send)
