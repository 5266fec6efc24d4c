"""A service app records each request as exactly one server span, named by its route template
(so ids stay out of span names), and a rejected body's values never reach a span."""

from types import SimpleNamespace

import httpx
from fastapi import APIRouter
from opentelemetry.trace import SpanKind
from pydantic import BaseModel

from chairside_shared.metrics import REQUEST_SECONDS, REQUESTS
from chairside_shared.web import create_service_app


class Body(BaseModel):
    weight_kg: float


def _app():
    router = APIRouter()

    @router.get("/v1/broken")
    async def broken() -> dict:
        raise RuntimeError("escaped")

    @router.post("/v1/things/{thing_id}")
    async def put_thing(thing_id: str, body: Body) -> dict:
        return {"id": thing_id, "weight_kg": body.weight_kg}

    runtime = SimpleNamespace(spec=SimpleNamespace(name="webtest"),
                              keyed_responses=None)  # no database: no keyed answers
    return create_service_app(runtime=runtime, title="t", routers=[router])


async def test_one_server_span_per_request_and_no_operation_spans(span_exporter):
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://svc") as client:
        ok = await client.post("/v1/things/a1", json={"weight_kg": 70})
        bad = await client.post("/v1/things/a2", json={"weight_kg": "1999-12-31"})
    assert (ok.status_code, bad.status_code) == (200, 422)
    spans = span_exporter.get_finished_spans()
    servers = [s for s in spans if s.kind is SpanKind.SERVER]
    assert [s.name for s in servers] == ["POST /v1/things/{thing_id}"] * 2
    assert not [s for s in spans if s.name.startswith("fastapi.")]
    # nor the ASGI instrumentation's per-message spans ("http receive", "http send")
    assert [s.kind for s in spans] == [SpanKind.SERVER] * 2, [s.name for s in spans]
    # the rejected value never reaches a span
    assert "1999-12-31" not in repr([(dict(s.attributes), [e.attributes for e in s.events])
                                     for s in spans])


def _count(method: str, route: str, status: str) -> float:
    return REQUESTS.labels("webtest", method, route, status)._value.get()


def _timed(method: str, route: str) -> float:
    return REQUEST_SECONDS.labels("webtest", method, route)._sum.get()


async def test_requests_are_counted_by_route_template_and_the_status_sent():
    before = {k: _count(*k) for k in (("POST", "/v1/things/{thing_id}", "200"),
                                      ("POST", "/v1/things/{thing_id}", "422"),
                                      ("GET", "/v1/broken", "500"),
                                      ("GET", "unmatched", "404"))}
    timed_before = _timed("POST", "/v1/things/{thing_id}")
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://svc") as client:
        statuses = [(await client.post("/v1/things/a1", json={"weight_kg": 70})).status_code,
                    (await client.post("/v1/things/a2", json={"weight_kg": 70})).status_code,
                    (await client.post("/v1/things/a3", json={"weight_kg": "x"})).status_code,
                    (await client.get("/v1/broken")).status_code,
                    (await client.get("/v1/nothing-here")).status_code]
    assert statuses == [200, 200, 422, 500, 404]
    after = {k: _count(*k) for k in before}
    assert {k: after[k] - before[k] for k in before} == {
        ("POST", "/v1/things/{thing_id}", "200"): 2, ("POST", "/v1/things/{thing_id}", "422"): 1,
        ("GET", "/v1/broken", "500"): 1, ("GET", "unmatched", "404"): 1}
    assert _timed("POST", "/v1/things/{thing_id}") > timed_before
