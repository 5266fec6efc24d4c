"""One trace per visit: every span of a visit (gateway, the four services, Kafka produce and
consume, database) shares one trace id.

Every process exports OTLP/HTTP to a collector running in the test. The front end starts the
visit's trace and sends its ``traceparent`` on every call (the gateway is configured to trust
it, GATEWAY_TRUST_INBOUND_TRACEPARENT=true); from there the trace travels through HTTP, the
outbox rows, the Kafka headers and the consumers.

Kafka spans of the visit are the relay's publish span and the aiokafka send span under it,
and on each consumer the per-record receive span and the handler's process span. The
aiokafka instrumentation also opens one span per batch fetched (getmany): that span belongs to
the consumer's poll loop, may carry several visits' events and names none of them, so it is
not a span of any one visit.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from uuid import UUID

import pytest
from chairside_client.api.reimbursement import post_claims_claim_id_submit
from chairside_client.models import ReimbursementClaimOut
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from chairside_shared.contracts import CONTRACTS

from .client import Api
from .otlp import Collector
from .reconcile import consumer_specs
from .stack import DOMAIN, start_stack, stop_stack
from .visits import (
    COCKTAIL,
    MEDICARE,
    billing_npi,
    give,
    new_order,
    new_patient,
    post_remittance,
    remittance_for,
    sign,
    status_of,
    visit_when,
)

pytestmark = pytest.mark.e2e
SERVICES = {*DOMAIN, "gateway"}


@pytest.fixture(scope="module")
def collector():
    c = Collector().start()
    try:
        yield c
    finally:
        c.stop()


@pytest.fixture(scope="module")
async def stack(tmp_path_factory, collector):
    s = await start_stack(tmp_path_factory.mktemp("e2e-trace"), "trace",
                          otlp_endpoint=collector.endpoint,
                          extra_env={"GATEWAY_TRUST_INBOUND_TRACEPARENT": "true",
                                     "OTEL_BSP_SCHEDULE_DELAY": "200"})
    try:
        yield s
    finally:
        await stop_stack(s)


async def visit_event_ids(stack, order_id: str) -> dict[str, list[tuple[str, str]]]:
    """service -> [(event id, type)] of every event the visit produced (key = order id)."""
    out = {}
    for svc in DOMAIN:
        engine = create_async_engine(stack.databases[svc])
        try:
            async with engine.connect() as conn:
                out[svc] = [(r.event_id, r.event_type) for r in await conn.execute(text(
                    "SELECT event_id, event_type FROM outbox WHERE key = :k ORDER BY id"),
                    {"k": order_id})]
        finally:
            await engine.dispose()
    return out


async def test_every_span_of_a_visit_shares_one_trace(stack, api, collector):
    trace_id = os.urandom(16).hex()
    api.traceparent = f"00-{trace_id}-{os.urandom(8).hex()}-01"

    # The cocktail visit, every step through the gateway under the visit's trace.
    patient = await new_patient(api)
    order = await new_order(api, patient["id"], COCKTAIL, urgency="same_day", payer=MEDICARE)
    oid = order["id"]
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked", "booked")
    await give(api, v["order"], v["appointment"]["id"])
    v = await visit_when(api, oid, lambda v: v["claim"] is not None
                         and status_of(v["appointment"]) == "completed", "claim built")
    # a payer pays what it got
    await api.call(ReimbursementClaimOut, post_claims_claim_id_submit.asyncio_detailed,
                   client=await api.as_(), claim_id=UUID(v["claim"]["id"]))
    await post_remittance(api, remittance_for(v["claim"], trace=f"T{uuid.uuid4().hex[:9]}",
                                              payee=await billing_npi(api)))
    await visit_when(api, oid, lambda v: status_of(v["claim"]) == "paid", "claim paid")

    events = await visit_event_ids(stack, oid)
    event_ids = {e for evs in events.values() for e, _ in evs}
    types = {t for evs in events.values() for _, t in evs}
    assert {"order.signed", "authorization.not_required", "appointment.held",
            "appointment.booked", "order.administered", "claim.created",
            "claim.submitted", "claim.paid"} <= types, types

    # Who must have handled each of them (subscriptions and handlers, from the code).
    specs = consumer_specs()
    expected = {(svc, eid) for evs in events.values() for eid, etype in evs
                for svc, (topics, handled) in specs.items()
                if etype in handled and CONTRACTS[etype].topic in topics}

    def parts(spans):
        mine = [s for s in spans if s.trace_id == trace_id]
        published = {s.attributes.get("messaging.message.id") for s in mine
                     if s.kind == "producer"}
        consumed = {(s.service, s.attributes.get("messaging.message.id")) for s in mine
                    if s.kind == "consumer"}
        return mine, published, consumed

    for _ in range(150):  # the processes export in batches (OTEL_BSP_SCHEDULE_DELAY=200)
        mine, published, consumed = parts(collector.snapshot())
        if ({s.service for s in mine} >= SERVICES and event_ids <= published
                and expected <= consumed):
            break
        await asyncio.sleep(0.2)
    await asyncio.sleep(1.0)  # the last batch of every process
    spans = collector.snapshot()
    visit_trace = [s for s in spans if s.trace_id == trace_id]

    # 1. Everything that belongs to the visit is in its trace: every span about one of its
    #    events (publish, consume), and every span naming one of its ids anywhere.
    about_events = [s for s in spans if s.attributes.get("messaging.message.id") in event_ids]
    ids = {oid, patient["id"], v["appointment"]["id"], v["claim"]["id"]}
    naming = [s for s in spans if any(i in str(val) for i in ids
                                      for val in s.attributes.values())]
    assert len(naming) > 20
    strays = {(s.service, s.name, s.trace_id) for s in about_events + naming
              if s.trace_id != trace_id}
    assert not strays, f"spans of the visit outside its trace: {sorted(strays)[:10]}"

    # 2. The trace covers every part: the gateway's server spans, each service's HTTP and
    #    database spans, and Kafka produce and consume for every event of the visit.
    by_service = {svc: [s for s in visit_trace if s.service == svc] for svc in SERVICES}
    assert all(by_service.values()), {k: len(v) for k, v in by_service.items()}
    assert {s.name for s in by_service["gateway"] if s.kind == "server"} >= {
        "POST /v1/orders", "POST /v1/orders/{order_id}/sign",
        "POST /v1/appointments/{appointment_id}/check-in", "POST /v1/remittances"}
    for svc in DOMAIN:
        kinds = {s.kind for s in by_service[svc]}
        assert {"consumer", "producer"} <= kinds, (svc, kinds)
        db = [s for s in by_service[svc] if s.attributes.get("db.system") == "postgresql"]
        assert db, f"{svc}: no database spans in the visit's trace"
    _, published, consumed = parts(spans)
    assert event_ids <= published, event_ids - published
    assert expected <= consumed, expected - consumed
    assert len(expected) >= 10  # order.signed alone is handled by three services

    # 3. The trace is one tree: every parent is a span of the trace, or the front end's own
    #    span (the traceparent it sent), never a span of another trace.
    ids = {s.span_id for s in visit_trace}
    roots = {s.parent_id for s in visit_trace if s.parent_id not in ids}
    assert roots == {api.traceparent.split("-")[2]}, roots

    # 4. Ids only: no patient data in any span.
    for s in spans:
        flat = str(s.attributes)
        assert patient["mrn"] not in flat and patient["birth_date"] not in flat, s.name


@pytest.fixture(scope="module")
async def api(stack) -> AsyncIterator[Api]:
    client = Api(stack.gateway_url)
    try:
        yield client
    finally:
        await client.aclose()
