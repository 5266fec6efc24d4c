"""Handlers through a fake unit of work: validation stores nothing, events are staged with
the state change, practice scoping, concurrency, and the event consumers' idempotence."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace
from uuid import uuid4

import pytest

from orders.domain.administration import AdministrationRecord
from orders.domain.errors import Conflict, NotFound, NotPermitted, SignBlocked, ValidationFailed
from orders.domain.order import Actor, Status
from orders.entrypoints import consumers
from orders.seed import seed_protocols
from orders.service import handlers as h
from orders.service import records as r
from orders.testing import AS_OF, FakeStore, FakeUnitOfWork, lines, patient

CLIN = h.Scope(Actor("clin-1", frozenset({"orders:write", "orders:sign", "patients:write"})))
CLERK = h.Scope(Actor("clerk-1", frozenset({"orders:write"})))
PARTNER = h.Scope(Actor("partner", frozenset({"orders:write", "orders:sign"})), "demo-partner")
ADMIN = h.Scope(Actor("admin-1", frozenset({"admin"})))
PROTO = {p.key: p for p in seed_protocols()}


@pytest.fixture
def store():
    return FakeStore()


@pytest.fixture
def uow(store):
    return FakeUnitOfWork(store)


async def add_patient(uow, **kw):
    facts = patient(patient_id=uuid4(), **kw)
    return await r.create_patient(uow=uow, facts=facts, mrn=f"MRN-{facts.patient_id}", scope=CLIN,
                                  now=AS_OF)


async def new_order(uow, pt, specs=(("ketorolac", 30),), **kw):
    draft = h.OrderDraft(patient_id=pt.id, urgency="same_day", lines=lines(*specs) if specs else [],
                         diagnoses=["G43.909"], **kw)
    return await h.create_order(uow=uow, draft=draft, scope=CLERK, now=AS_OF)


async def test_create_order_stores_a_draft_with_findings(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt, (("prochlorperazine", 10),))
    assert store.orders[order.id].status == Status.DRAFT
    assert "akathisia_prophylaxis_suggested" in {f.code for f in order.findings}
    assert store.published == []


@pytest.mark.parametrize("specs,field", [
    ((("aspirin", 30),), "lines.0.drug_code"),
    ((("ketorolac", 0),), "lines.0.dose"),
    ((("ketorolac", 30, "mL"),), "lines.0.dose_unit"),
])
async def test_bad_lines_are_422_and_store_nothing(uow, store, specs, field):
    pt = await add_patient(uow)
    with pytest.raises(ValidationFailed) as err:
        await new_order(uow, pt, specs)
    assert field in {e.field for e in err.value.errors}
    assert store.orders == {}


async def test_unknown_patient_is_422_naming_patient_id(uow, store):
    draft = h.OrderDraft(patient_id=uuid4(), urgency="same_day", lines=lines(("ketorolac", 30)))
    with pytest.raises(ValidationFailed) as err:
        await h.create_order(uow=uow, draft=draft, scope=CLERK, now=AS_OF)
    assert err.value.errors[0].field == "patient_id" and store.orders == {}


async def test_child_without_weight_is_422_and_stores_nothing(uow, store):
    kid = await add_patient(uow, age=9, weight_kg=None)
    with pytest.raises(ValidationFailed) as err:
        await new_order(uow, kid, (("ondansetron", 2),))
    assert err.value.errors[0].field == "patient.weight_kg" and store.orders == {}


async def test_protocol_order_for_a_child_is_weight_based(uow):
    kid = await add_patient(uow, age=12, weight_kg=40)
    order = await new_order(uow, kid, (), protocol_id=PROTO["pediatric-cocktail"].id)
    assert [(ln.drug_code, ln.dose) for ln in order.lines] == [
        ("prochlorperazine", Decimal("6.0")), ("diphenhydramine", Decimal("40.0")),
        ("ketorolac", Decimal("20.0"))]
    assert not order.unresolved_blocks()


async def test_protocol_plus_extra_lines_are_renumbered(uow):
    pt = await add_patient(uow)
    order = await new_order(uow, pt, (("magnesium", 1000),), protocol_id=PROTO["dhe-antiemetic"].id)
    assert [(ln.sequence, ln.drug_code) for ln in order.lines] == [
        (1, "metoclopramide"), (2, "dhe"), (3, "magnesium")]


async def test_unknown_protocol_is_422(uow):
    pt = await add_patient(uow)
    with pytest.raises(ValidationFailed) as err:
        await new_order(uow, pt, (), protocol_id=uuid4())
    assert err.value.errors[0].field == "protocol_id"


async def test_sign_stages_order_signed_in_the_same_commit(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt)
    signed = await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    assert signed.status == Status.SIGNED
    [(etype, key, payload)] = store.published
    assert (etype, key) == ("order.signed", str(order.id)) and payload.lines[0].hcpcs == "J1885"
    assert store.orders[order.id].status == Status.SIGNED
    assert payload.protocol_id is None  # written line by line


async def test_order_signed_names_the_protocol_the_order_was_written_from(uow, store):
    """Issue 17: reimbursement reports margin per protocol from order.signed."""
    pt = await add_patient(uow)
    order = await new_order(uow, pt, (("magnesium", 1000),),
                            protocol_id=PROTO["dhe-antiemetic"].id)
    await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    [(etype, _, payload)] = store.published
    assert etype == "order.signed" and payload.protocol_id == PROTO["dhe-antiemetic"].id


async def test_sign_blocked_stores_nothing_and_publishes_nothing(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt, (("ketorolac", 60),))
    with pytest.raises(SignBlocked):
        await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    assert store.orders[order.id].status == Status.DRAFT and store.published == []


async def test_override_then_sign(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt, (("ketorolac", 60),))
    with pytest.raises(NotPermitted):
        await h.add_override(uow=uow, order_id=order.id, finding_code="dose_above_max",
                             reason="documented need", line=None, scope=CLERK, now=AS_OF)
    await h.add_override(uow=uow, order_id=order.id, finding_code="dose_above_max",
                         reason="documented clinical need", line=None, scope=CLIN, now=AS_OF)
    await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    assert store.orders[order.id].overrides[0].by == "clin-1"


async def test_outside_dose_counts_at_sign(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt, (("eptinezumab", 100),))
    await r.record_outside_dose(uow=uow, patient_id=pt.id, drug_code="eptinezumab",
                                dose=Decimal(100), dose_unit="mg",
                                given_at=AS_OF - timedelta(days=20), source="other clinic",
                                scope=CLIN, now=AS_OF)
    with pytest.raises(SignBlocked) as err:
        await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    assert [f.code for f in err.value.blocking] == ["repeat_too_soon"]


async def test_outside_dose_validation(uow, store):
    pt = await add_patient(uow)
    with pytest.raises(ValidationFailed) as err:
        await r.record_outside_dose(uow=uow, patient_id=pt.id, drug_code="dhe", dose=Decimal(1),
                                    dose_unit="mL", given_at=AS_OF + timedelta(days=1),
                                    source="x", scope=CLIN, now=AS_OF)
    assert {e.field for e in err.value.errors} == {"dose_unit", "given_at"}
    assert store.outside == []


async def test_center_administrations_feed_later_checks(uow, store):
    pt = await add_patient(uow)
    first = await new_order(uow, pt, (("eptinezumab", 100),))
    await h.sign_order(uow=uow, order_id=first.id, scope=CLIN, now=AS_OF)
    rec = AdministrationRecord(1, AS_OF, AS_OF + timedelta(minutes=30), Decimal(100), "mg",
                               ndc="0000000000")
    await h.record_administration(uow=uow, order_id=first.id, record=rec, scope=CLIN, now=AS_OF)
    await h.complete_order(uow=uow, order_id=first.id, scope=CLIN, now=AS_OF + timedelta(hours=1),
                           discharge_override_reason="no discharge check in this test")
    assert store.published[-1][0] == "order.administered"
    second = await new_order(uow, pt, (("eptinezumab", 100),))
    assert "repeat_too_soon" in {f.code for f in second.findings}
    assert second.acuity_class == "standard"  # no longer the first dose


async def test_partner_sees_only_its_practice(uow, store):
    pt = await add_patient(uow)  # demo-clinic
    order = await new_order(uow, pt)
    with pytest.raises(NotFound):
        await h.check_order(uow=uow, order_id=order.id, scope=PARTNER, now=AS_OF)
    with pytest.raises(ValidationFailed):
        await h.create_order(uow=uow, draft=h.OrderDraft(patient_id=pt.id, urgency="planned",
                                                     lines=lines(("ketorolac", 30))),
                             scope=PARTNER, now=AS_OF)


async def test_concurrent_edit_is_a_conflict(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt)
    stale = await uow.orders.get(order.id)
    await h.update_order(uow=uow, order_id=order.id, changes={"urgency": "planned"}, scope=CLERK,
                         now=AS_OF)
    with pytest.raises(Conflict):
        await uow.orders.save(stale)


async def test_update_relines_and_rechecks(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt)
    updated = await h.update_order(uow=uow, order_id=order.id, scope=CLERK, now=AS_OF,
                                   changes={"lines": lines(("ketorolac", 45))})
    assert "dose_above_max" in {f.code for f in updated.findings}


def envelope(etype, **payload):
    return SimpleNamespace(type=etype, payload=SimpleNamespace(**payload), time=AS_OF)


async def test_consumers_follow_authorization_and_appointments(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt)
    await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    async with uow:
        await consumers.on_authorization_event(uow, envelope(
            "authorization.approved", order_id=order.id, decided_at=AS_OF))
        await consumers.on_appointment_event(uow, envelope(
            "appointment.booked", order_id=order.id, status="booked", occurred_at=AS_OF))
        await consumers.on_appointment_event(uow, envelope(
            "appointment.booked", order_id=uuid4(), status="booked", occurred_at=AS_OF))
        await consumers.on_appointment_event(uow, envelope(
            "appointment.held", order_id=None, status="held", occurred_at=AS_OF))
        await uow.commit()
    stored = store.orders[order.id]
    assert (stored.authorization_status, stored.status) == ("approved", Status.SCHEDULED)


async def test_put_drug_needs_admin_and_versions_the_catalog(uow, store):
    data = (await r.current_catalog(uow=uow)).drug("ketorolac").model_dump()
    with pytest.raises(NotPermitted):
        await r.put_drug(uow=uow, code="ketorolac", data=data, scope=CLIN, now=AS_OF)
    data.update(max_dose="15", usual_dose="15")
    cat = await r.put_drug(uow=uow, code="ketorolac", data=data, scope=ADMIN, now=AS_OF)
    assert cat.version == 2 and sorted(store.catalogs) == [1, 2]
    with pytest.raises(ValidationFailed) as err:
        await r.put_drug(uow=uow, code="ketorolac", data={**data, "usual_dose": "-"}, scope=ADMIN)
    assert err.value.errors[0].field == "usual_dose" and sorted(store.catalogs) == [1, 2]


async def test_put_drug_refuses_a_recall_before_a_biosimilars_minimum_interval(uow, store):
    """Issue 18: a biosimilar's recall (or a product's regimen) may not let the next dose of
    the molecule come before another product's minimum interval; nothing is stored."""
    data = (await r.current_catalog(uow=uow)).drug("infliximab_dyyb").model_dump(mode="json")
    data["recall"]["by_dose"][0]["earliest_days"] = 10  # week 2 dose: regimen says >= 14 d
    data["recall"]["by_dose"][0]["target_from_days"] = 10
    with pytest.raises(ValidationFailed) as err:
        await r.put_drug(uow=uow, code="infliximab_dyyb", data=data, scope=ADMIN, now=AS_OF)
    assert err.value.errors[0].field == "recall.earliest_days"
    assert "after dose 1" in err.value.errors[0].message and sorted(store.catalogs) == [1]


async def test_order_keeps_the_catalog_version_it_was_checked_against(uow, store):
    pt = await add_patient(uow)
    order = await new_order(uow, pt)
    data = (await r.current_catalog(uow=uow)).drug("ketorolac").model_dump()
    await r.put_drug(uow=uow, code="ketorolac", data={**data, "max_dose": "15", "usual_dose": "15"},
                     scope=ADMIN, now=AS_OF)
    assert store.orders[order.id].catalog_version == 1
    with pytest.raises(SignBlocked):  # signing re-checks against the new version
        await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)


async def test_business_metrics_count_signing_and_refusals(uow):
    from orders import metrics

    def value(counter, *labels):
        return counter.labels(*labels)._value.get()

    pt = await add_patient(uow)
    good = await new_order(uow, pt)
    bad = await new_order(uow, pt, (("ketorolac", 60),))
    signed0 = value(metrics.ORDERS_SIGNED, "standard", "same_day")
    refused0 = value(metrics.SIGN_REFUSED, "dose_above_max")
    await h.sign_order(uow=uow, order_id=good.id, scope=CLIN, now=AS_OF)
    with pytest.raises(SignBlocked):
        await h.sign_order(uow=uow, order_id=bad.id, scope=CLIN, now=AS_OF)
    assert value(metrics.ORDERS_SIGNED, "standard", "same_day") == signed0 + 1
    assert value(metrics.SIGN_REFUSED, "dose_above_max") == refused0 + 1
