"""Visit handlers through the fake unit of work: the escort leaves as ids only, a refused
completion stores and publishes nothing, an override is kept with who and why."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from orders.domain.administration import AdministrationRecord
from orders.domain.discharge import Assessment, DischargeBlocked
from orders.domain.errors import IllegalTransition, ValidationFailed
from orders.domain.order import Status
from orders.domain.vitals import VitalSet
from orders.service import handlers as h
from orders.service import visit
from orders.testing import AS_OF, FakeStore, FakeUnitOfWork

from .test_handlers import CLIN, add_patient, new_order


@pytest.fixture
def store():
    return FakeStore()


@pytest.fixture
def uow(store):
    return FakeUnitOfWork(store)


async def in_chair(uow, specs=(("diphenhydramine", 25),)):
    pt = await add_patient(uow)
    order = await new_order(uow, pt, specs)
    await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    rec = AdministrationRecord(1, AS_OF, AS_OF + timedelta(minutes=2), Decimal(25), "mg",
                               ndc="0000000000")
    await h.record_administration(uow=uow, order_id=order.id, record=rec, scope=CLIN, now=AS_OF)
    return order


def vitals(order, kind, minutes, **kw):
    base = {"bp_systolic": 120, "bp_diastolic": 80, "heart_rate": 70, "respiratory_rate": 14,
            "spo2": 98}
    return VitalSet(order_id=order.id, taken_at=AS_OF + timedelta(minutes=minutes), kind=kind,
                    **{**base, **kw})


async def test_escort_event_carries_ids_only(uow, store):
    order = await in_chair(uow)
    await visit.record_escort(uow=uow, order_id=order.id, name="Quill Nakamura",
                              phone="555-010-1234", scope=CLIN, now=AS_OF)
    etype, key, payload = store.published[-1]
    assert (etype, key) == ("order.escort_confirmed", str(order.id))
    assert "Quill" not in payload.model_dump_json() and "1234" not in payload.model_dump_json()
    assert "Quill" not in repr(store.visit.escorts[order.id])
    assert store.identity.access[-1].resource == "escort"


async def test_refused_completion_changes_nothing(uow, store):
    order = await in_chair(uow)
    published = len(store.published)
    with pytest.raises(DischargeBlocked) as refused:
        await h.complete_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    assert {u["code"] for u in refused.value.extra["unmet"]} >= {"escort", "vitals_baseline"}
    assert store.orders[order.id].status == Status.IN_PROGRESS
    assert len(store.published) == published


async def test_ready_visit_completes_without_override(uow, store):
    order = await in_chair(uow)
    await visit.record_vitals(uow=uow, order_id=order.id, vitals=vitals(order, "baseline", -30),
                              scope=CLIN, now=AS_OF + timedelta(hours=1))
    await visit.record_vitals(uow=uow, order_id=order.id,
                              vitals=vitals(order, "discharge", 50, poss="S"),
                              scope=CLIN, now=AS_OF + timedelta(hours=1))
    await visit.record_escort(uow=uow, order_id=order.id, name="Quill Nakamura",
                              phone="555-010-1234", scope=CLIN, now=AS_OF)
    check, result = await visit.record_discharge_check(
        uow=uow, order_id=order.id, assessment=Assessment(True, True, True), scope=CLIN,
        now=AS_OF + timedelta(hours=1))
    assert result.ready and check.ready
    done = await h.complete_order(uow=uow, order_id=order.id, scope=CLIN,
                                  now=AS_OF + timedelta(hours=1))
    assert done.status == Status.ADMINISTERED
    assert "discharge_override" not in [e.action for e in done.history]


async def test_vitals_refused_on_a_closed_order_and_in_the_future(uow, store):
    order = await in_chair(uow)
    with pytest.raises(ValidationFailed):
        await visit.record_vitals(uow=uow, order_id=order.id,
                                  vitals=vitals(order, "during", 10), scope=CLIN, now=AS_OF)
    await h.complete_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF,
                           discharge_override_reason="transferred to the ED")
    with pytest.raises(IllegalTransition):
        await visit.record_vitals(uow=uow, order_id=order.id,
                                  vitals=vitals(order, "during", -1), scope=CLIN, now=AS_OF)
    assert store.visit.vitals == []


async def ready_for_discharge(uow, order, now):
    await visit.record_vitals(uow=uow, order_id=order.id, vitals=vitals(order, "baseline", -30),
                              scope=CLIN, now=now)
    await visit.record_vitals(uow=uow, order_id=order.id,
                              vitals=vitals(order, "discharge", 50, poss="S"), scope=CLIN, now=now)
    await visit.record_escort(uow=uow, order_id=order.id, name="Quill Nakamura",
                              phone="555-010-1234", scope=CLIN, now=AS_OF)
    await visit.record_discharge_check(uow=uow, order_id=order.id,
                                       assessment=Assessment(True, True, True), scope=CLIN,
                                       now=now)


@pytest.mark.parametrize("outcome,quiet_minutes,ready", [
    ("ongoing", 120, False),  # a reaction not resolved keeps the patient in the chair
    ("resolved", 10, False),  # symptoms within the last 30 min
    ("resolved", 45, True),
])
async def test_the_visits_recorded_reaction_decides_the_reaction_criterion(
        uow, store, outcome, quiet_minutes, ready):
    from dataclasses import replace

    from orders.testing_reactions import reaction

    order = await in_chair(uow)
    recorded = reaction("diphenhydramine", 2, onset=AS_OF, order_id=order.id,
                        patient_id=store.orders[order.id].patient_id, outcome=outcome)
    if outcome != "resolved":
        recorded = replace(recorded, resolved_at=None)
    store.reactions.append(recorded)
    resolved = recorded.resolved_at or AS_OF
    now = resolved + timedelta(minutes=quiet_minutes)
    await ready_for_discharge(uow, order, now)
    if ready:
        done = await h.complete_order(uow=uow, order_id=order.id, scope=CLIN, now=now)
        assert done.status == Status.ADMINISTERED
        return
    with pytest.raises(DischargeBlocked) as refused:
        await h.complete_order(uow=uow, order_id=order.id, scope=CLIN, now=now)
    assert [u["code"] for u in refused.value.extra["unmet"]] == ["reactions"]
