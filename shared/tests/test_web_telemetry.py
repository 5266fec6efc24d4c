"""A service app records each request as exactly one server span, named by its route template
(so ids stay out of span names), and a rejected body's values never reach a span."""

from types import SimpleNamespace

import httpx
from fastapi import APIRouter
from opentelemetry.trace import SpanKind
from pydantic import BaseModel

from chairside_shared.web import create_service_app


class Body(BaseModel):
    weight_kg: float


def _app():
    router = APIRouter()

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
    # the rejected value never reaches a span
    assert "1999-12-31" not in repr([(dict(s.attributes), [e.attributes for e in s.events])
                                     for s in spans])
