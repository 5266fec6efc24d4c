"""outcome.assessed end to end on the real broker and PostgreSQL: orders records a preventive
assessment (the event leaves through its outbox relay), authorization consumes it once and
keeps the figures a renewal is pre-filled with; a malformed outcome.assessed is dead-lettered
and the consumer goes on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaProducer

from authorization.adapters.outcomes_orm import patient_outcomes
from authorization.bootstrap import MIGRATIONS, build_runtime
from authorization.settings import AuthorizationSettings
from chairside_shared import contracts as c
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from orders.bootstrap import MIGRATIONS as ORDERS_MIGRATIONS
from orders.main import create_app as orders_app
from orders.settings import OrdersSettings

from ..pas_fixtures import TEST_CODES

pytestmark = pytest.mark.integration
STAFF = {"x-chairside-client-id": "demo-admin", "x-chairside-user-id": "dr-house",
         "x-chairside-scopes": "patients:read patients:write orders:read orders:write"}


async def rows(runtime):
    async with runtime.session_factory() as session:
        return (await session.execute(sa.select(patient_outcomes))).mappings().all()


async def dead(runtime):
    t = runtime.spec.tables.dead_letters
    async with runtime.session_factory() as session:
        return (await session.execute(sa.select(t.c.event_type, t.c.error))).all()


async def send_raw(broker, value: bytes, headers) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(c.ORDERS_TOPIC, value=value, key=b"bad",
                                     headers=kafka_headers(headers))
    finally:
        await producer.stop()


async def test_outcome_assessed_reaches_authorization_once_and_malformed_is_dead_lettered(
        make_database, fresh_broker):
    orders_db = await make_database("ord_oc", ORDERS_MIGRATIONS)
    o_settings = settings_for_test(OrdersSettings, database_url=orders_db, broker=fresh_broker)
    await ensure_topics(o_settings, [c.AUTHORIZATION_TOPIC, c.SCHEDULING_TOPIC],
                        client_id="orders-test")
    app = orders_app(o_settings)
    a_settings = settings_for_test(
        AuthorizationSettings, database_url=await make_database("authz_oc", MIGRATIONS),
        broker=fresh_broker, poller_enabled=False, inquire_every_s=0, rxnorm_codes=TEST_CODES,
        eligibility_on_sign=False)
    authz = build_runtime(a_settings)
    today = datetime.now(UTC).date()
    async with running(app.state.runtime), running(authz):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://orders", headers=STAFF) as client:
            r = await client.post("/v1/patients", json={
                "practice_id": "demo-clinic", "mrn": "OC-1", "birth_date": "1980-01-01"})
            pid = r.json()["id"]
            r = await client.post(f"/v1/patients/{pid}/outside-doses", json={  # dose 1
                "drug_code": "eptinezumab", "dose": "100", "dose_unit": "mg",
                "given_at": (datetime.now(UTC) - timedelta(days=30)).isoformat(),
                "source": "neurology clinic"})
            assert r.status_code == 201, r.text
            for days, start in ((12, 58), (5, 27)):
                r = await client.post(f"/v1/patients/{pid}/assessments", json={
                    "kind": "diary", "drug_code": "eptinezumab", "migraine_days": days,
                    "period_start": (today - timedelta(days=start)).isoformat(),
                    "taken_on": (today - timedelta(days=start - 27)).isoformat()})
                assert r.status_code == 201, r.text

        async def stored():
            got = await rows(authz)
            return got if got and got[0]["current_migraine_days"] == 5.0 else None
        [row] = await eventually(stored, timeout_s=30)
        assert str(row["patient_id"]) == pid and row["drug_code"] == "eptinezumab"
        # row 17: baseline 12 (the 28 days before dose 1), now 5: -58 %, renewal-ready
        assert row["baseline_migraine_days"] == 12.0
        assert row["migraine_days_change_pct"] == -58.3 and row["renewal_ready"] is True
        # the same event delivered again, and a malformed one: one row, one dead letter
        enc = encode(event_type="outcome.assessed", payload=c.OutcomeAssessed(
            assessment_id=row["assessment_id"], patient_id=row["patient_id"],
            practice_id="demo-clinic", kind="diary", drug_code="eptinezumab",
            assessed_at=row["assessed_at"] - timedelta(days=1), rules_version=1,
            current_migraine_days=30.0), source="test", key=pid)
        await send_raw(fresh_broker, enc.value.encode(), enc.headers)
        bad = enc.value.replace(pid, "not-a-uuid").encode()
        await send_raw(fresh_broker, bad, {**enc.headers, "ce_id": "bad-1"})
        [(etype, error)] = await eventually(lambda: dead(authz), timeout_s=30)
        assert etype == "outcome.assessed" and error
        [again] = await rows(authz)
        assert again["current_migraine_days"] == 5.0  # the older assessment did not win


async def test_row_17_a_renewal_case_is_prefilled_and_refreshed_from_outcome_figures(svc):
    """Real PostgreSQL, the consumer-side handlers: an expired approval makes the next order a
    renewal whose response answers come from orders' figures; newer figures refresh the draft."""
    from uuid import uuid4

    from authorization.domain.outcome_figures import OutcomeFigures
    from authorization.service import outcomes

    from ..conftest import make_order
    from .conftest import T0, feed

    first = make_order(signed_at=T0 - timedelta(days=400))
    await feed(svc, "order_signed", first)
    async with svc.uows() as uow:  # that approval ran out a month ago (the stored case)
        [old] = await uow.cases.by_order(first.order_id, for_update=True)
        old.status, old.auth_number = "expired", "A-OLD"
        old.valid_from, old.valid_to = (T0 - timedelta(days=390)).date(), \
            (T0 - timedelta(days=30)).date()
        await uow.commit()

    async def assessed(current: float, at) -> None:
        async with svc.uows() as uow:
            await outcomes.outcome_assessed(uow=uow, now=at, figures=OutcomeFigures(
                patient_id=first.patient_id, drug_code="eptinezumab", assessment_id=uuid4(),
                assessed_at=at, baseline_migraine_days=12.0, current_migraine_days=current,
                migraine_days_change_pct=-58.3, midas_baseline=30, midas_current=12))
            await uow.commit()

    await assessed(5.0, T0 - timedelta(days=2))
    second = make_order(signed_at=T0, patient_id=first.patient_id)
    await feed(svc, "order_signed", second)

    async def renewal():
        async with svc.uows() as uow:
            [case] = await uow.cases.by_order(second.order_id)
            return case
    case = await renewal()
    pre = {q.key: q.prefill for q in case.questions}
    assert case.kind == "renewal" and case.status == "draft"
    assert pre["baseline-migraine-days"] == 12 and pre["current-migraine-days"] == 5
    assert pre["midas-change"] == -18
    met = {r.key: r.status for r in case.criteria()}
    assert met["reauth-response"] == "met"

    await assessed(4.0, T0 - timedelta(days=1))  # a newer diary: the draft follows it
    case = await renewal()
    assert {q.key: q.prefill for q in case.questions}["current-migraine-days"] == 4
    assert case.history[-1].action == "outcomes_prefilled"
    await assessed(9.0, T0 - timedelta(days=5))  # an older one changes nothing
    assert {q.key: q.prefill for q in (await renewal()).questions}["current-migraine-days"] == 4
