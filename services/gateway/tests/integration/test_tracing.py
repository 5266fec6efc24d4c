"""The gateway starts the trace: one server span per request, named by route template,
its trace id returned in `traceparent` and carried to the service; ids only in attributes."""

import httpx
import pytest
from gateway_testkit.walk import seed_practice
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.trace import SpanKind

pytestmark = pytest.mark.integration
FOREIGN = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


async def test_server_span_per_request_with_route_template_and_no_phi(g, fakes, span_exporter):
    data = seed_practice(fakes, "demo-partner", "MRN-T-55")
    headers = await g.auth("demo-partner")
    span_exporter.clear()
    r = await g.client.get(f"/v1/patients/{data.patient['id']}", headers=headers)
    trace_id = int(r.headers["traceparent"].split("-")[1], 16)
    spans = [s for s in span_exporter.get_finished_spans() if s.context.trace_id == trace_id]
    # The fake services run in this process too: keep the gateway's own server spans.
    server = [s for s in spans if s.kind is SpanKind.SERVER
              and s.instrumentation_scope.name == "gateway"]
    assert [s.name for s in server] == ["GET /v1/patients/{patient_id}"]
    assert server[0].attributes["http.response.status_code"] == 200
    assert server[0].parent is None  # a new trace
    # The service continues the gateway's server span (no client span by default).
    upstream = fakes["orders"].calls("GET", f"/v1/patients/{data.patient['id']}")[-1]
    _, up_trace, up_parent, _ = upstream.headers["traceparent"].split("-")
    assert int(up_trace, 16) == trace_id and int(up_parent, 16) == server[0].context.span_id
    for span in spans:
        assert "MRN-T-55" not in str(dict(span.attributes or {}))
        assert "1979-02-11" not in str(dict(span.attributes or {}))


async def _get_with_traceparent(url: str) -> str:
    # An uninstrumented client: the test process's httpx instrumentation would replace the
    # header with its own span's.
    async with httpx.AsyncClient() as client:
        HTTPXClientInstrumentor.uninstrument_client(client)
        r = await client.get(f"{url}/healthz", headers={"traceparent": FOREIGN})
    return r.headers["traceparent"].split("-")[1]


async def test_a_callers_traceparent_is_not_continued_unless_trusted(start_gateway):
    async with start_gateway() as gt:
        assert await _get_with_traceparent(gt.url) != FOREIGN.split("-")[1]
    async with start_gateway(trust_inbound_traceparent=True) as gt:
        assert await _get_with_traceparent(gt.url) == FOREIGN.split("-")[1]


async def test_client_spans_for_upstream_calls_when_asked(start_gateway, fakes, span_exporter):
    async with start_gateway(trace_upstream_calls=True) as gt:
        headers = await gt.auth()
        span_exporter.clear()
        r = await gt.client.get("/v1/drugs", headers=headers)
        trace_id = int(r.headers["traceparent"].split("-")[1], 16)
        client = [s for s in span_exporter.get_finished_spans()
                  if s.context.trace_id == trace_id and s.kind is SpanKind.CLIENT
                  and s.instrumentation_scope.name.endswith("httpx")]
        assert len(client) == 1
        upstream = fakes["orders"].calls("GET", "/v1/drugs")[-1]
        assert int(upstream.headers["traceparent"].split("-")[2], 16) == client[0].context.span_id
