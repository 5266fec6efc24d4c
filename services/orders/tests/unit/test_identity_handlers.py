"""Identity handlers through the fake unit of work: practitioners (NPI), orders naming who
ordered and supervised and which coverage pays, demographics with one birth date, coverage
history, lookups, scoping, and an audit record for every disclosure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

import pytest

from orders.domain.errors import Conflict, NotFound, NotPermitted, ValidationFailed
from orders.domain.identity import Address, Person
from orders.domain.order import Actor
from orders.service import disclosure, identity
from orders.service import handlers as h
from orders.service import practitioners as pr
from orders.service import records as r
from orders.testing import AS_OF, FakeStore, FakeUnitOfWork, lines, patient

STAFF = h.Scope(Actor("dr-a", frozenset({"admin", "orders:write", "orders:sign",
                                         "patients:write"})), client_id="ui", user_id="dr-a")
PARTNER = h.Scope(Actor("partner", frozenset({"orders:write", "patients:write"})),
                  "demo-partner", client_id="demo-partner")
HOME = Address(line1="12 Elm St", city="Boston", state="MA", postal_code="02110")
MEDICARE = {"payer_id": "medicare", "member_id": "1EG4TE5MK73"}


@pytest.fixture
def store():
    return FakeStore()


@pytest.fixture
def uow(store):
    return FakeUnitOfWork(store)


async def a_patient(uow, practice="demo-clinic", **kw):
    facts = patient(patient_id=uuid4(), practice_id=practice, **kw)
    return await r.create_patient(uow=uow, facts=facts, mrn=f"M-{facts.patient_id}",
                                  scope=STAFF, now=AS_OF)


async def a_practitioner(uow, npi="1234567893", roles=("ordering", "supervising")):
    return await pr.create_practitioner(uow=uow, scope=STAFF, now=AS_OF, fields={
        "npi": npi, "family_name": "House", "given_name": "Greg", "taxonomy": "2084N0402X",
        "roles": frozenset(roles)})


def person(pt, **kw):
    return Person(**{"family_name": "Okafor", "given_name": "Ada", "birth_date":
                     pt.facts.birth_date, "sex": "female", "address": HOME, **kw})


def coverage(**kw):
    return {"payer_id": "medicare", "member_id": "1EG4TE5MK73", "relationship": "self",
            "priority": "primary", **kw}


async def test_practitioner_npi_check_digit_admin_and_unique_npi(uow, store):
    with pytest.raises(ValidationFailed) as err:
        await a_practitioner(uow, npi="1234567890")
    assert err.value.errors[0].field == "npi" and "check digit" in err.value.errors[0].message
    with pytest.raises(NotPermitted):
        await pr.create_practitioner(uow=uow, scope=PARTNER, fields={
            "npi": "1234567893", "family_name": "X", "given_name": "Y",
            "taxonomy": "2084N0402X", "roles": frozenset({"ordering"})})
    await a_practitioner(uow)
    with pytest.raises(Conflict):
        await a_practitioner(uow)
    assert len(store.identity.practitioners) == 1


async def test_order_names_its_orderer_and_coverage_and_the_events_carry_the_ids(uow, store):
    pt = await a_patient(uow)
    doc = await a_practitioner(uow)
    renderer = await a_practitioner(uow, npi="1245319599", roles=("rendering",))
    secondary = await identity.add_coverage(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                                            fields=coverage(priority="secondary"))
    draft = h.OrderDraft(patient_id=pt.id, urgency="same_day", lines=lines(("ketorolac", 15)),
                         payer=MEDICARE, ordering_practitioner_id=renderer.id)
    with pytest.raises(ValidationFailed) as err:
        await h.create_order(uow=uow, draft=draft, scope=STAFF, now=AS_OF)
    assert [(e.field, e.message) for e in err.value.errors] == [
        ("ordering_practitioner_id", "the practitioner does not have the ordering role")]
    assert store.orders == {}

    primary = await identity.add_coverage(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                                          fields=coverage())
    order = await h.create_order(uow=uow, scope=STAFF, now=AS_OF, draft=replace(
        draft, ordering_practitioner_id=doc.id))
    assert (order.ordering_practitioner_id, order.coverage_id) == (doc.id, primary.id)
    assert secondary.id != primary.id
    signed = await h.sign_order(uow=uow, order_id=order.id, scope=STAFF, now=AS_OF)
    payload = store.published[-1][2]
    assert (payload.ordering_practitioner_id, payload.coverage_id) == (doc.id, primary.id)
    assert "Okafor" not in payload.model_dump_json()
    assert signed.coverage_id == primary.id


async def test_a_coverage_added_after_the_draft_is_billed_when_signing(uow, store):
    pt = await a_patient(uow)
    draft = h.OrderDraft(patient_id=pt.id, urgency="same_day", lines=lines(("ketorolac", 15)),
                         payer=MEDICARE)
    order = await h.create_order(uow=uow, draft=draft, scope=STAFF, now=AS_OF)
    assert order.coverage_id is None
    cov = await identity.add_coverage(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                                      fields=coverage())
    await h.sign_order(uow=uow, order_id=order.id, scope=STAFF, now=AS_OF)
    assert store.published[-1][2].coverage_id == cov.id


async def test_coverage_id_must_be_the_patients_live_coverage_of_the_orders_payer(uow, store):
    pt, other = await a_patient(uow), await a_patient(uow)
    theirs = await identity.add_coverage(uow=uow, patient_id=other.id, scope=STAFF, now=AS_OF,
                                         fields=coverage())
    mine = await identity.add_coverage(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                                       fields=coverage(payer_id="summit"))
    ended = await identity.add_coverage(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                                        fields=coverage())
    await identity.end_coverage(uow=uow, patient_id=pt.id, coverage_id=ended.id, scope=STAFF,
                                now=AS_OF)
    for cid, why in ((theirs.id, "not a coverage of this patient"),
                     (mine.id, "another payer"), (ended.id, "has ended")):
        draft = h.OrderDraft(patient_id=pt.id, urgency="same_day", payer=MEDICARE,
                             lines=lines(("ketorolac", 15)), coverage_id=cid)
        with pytest.raises(ValidationFailed) as err:
            await h.create_order(uow=uow, draft=draft, scope=STAFF, now=AS_OF)
        assert err.value.errors[0].field == "coverage_id" and why in err.value.errors[0].message
    assert store.orders == {}


async def test_supervising_practitioner_on_administration_and_completion(uow, store):
    from orders.domain.administration import AdministrationRecord

    pt = await a_patient(uow)
    doc = await a_practitioner(uow)
    orderer = await a_practitioner(uow, npi="1245319599", roles=("ordering",))
    draft = h.OrderDraft(patient_id=pt.id, urgency="same_day", lines=lines(("ketorolac", 15)),
                         ordering_practitioner_id=orderer.id)
    order = await h.create_order(uow=uow, draft=draft, scope=STAFF, now=AS_OF)
    await h.sign_order(uow=uow, order_id=order.id, scope=STAFF, now=AS_OF)
    record = AdministrationRecord(line_sequence=1, started_at=AS_OF,
                                  stopped_at=AS_OF + timedelta(minutes=2), dose_given=15,
                                  dose_unit="mg", supervising_practitioner_id=orderer.id)
    with pytest.raises(ValidationFailed) as err:
        await h.record_administration(uow=uow, order_id=order.id, record=record, scope=STAFF,
                                      now=AS_OF)
    assert err.value.errors[0].field == "supervising_practitioner_id"
    await h.record_administration(uow=uow, order_id=order.id, scope=STAFF, now=AS_OF,
                                  record=replace(record, supervising_practitioner_id=doc.id))
    assert store.orders[order.id].supervising_practitioner_id == doc.id
    await h.complete_order(uow=uow, order_id=order.id, scope=STAFF, now=AS_OF,
                           discharge_override_reason="no discharge check in this test")
    payload = store.published[-1][2]
    assert (payload.ordering_practitioner_id, payload.supervising_practitioner_id,
            payload.coverage_id) == (orderer.id, doc.id, None)


async def test_demographics_keep_one_birth_date_and_every_read_is_audited(uow, store):
    pt = await a_patient(uow, sex="other")
    later = pt.facts.birth_date + timedelta(days=1)
    await identity.put_demographics(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                                    person=person(pt, birth_date=later, sex="unknown"))
    assert store.patients[pt.id].facts.birth_date == later
    assert store.patients[pt.id].facts.sex == "other"  # "unknown" is how payers write it
    got = await identity.get_demographics(uow=uow, patient_id=pt.id, scope=STAFF,
                                          purpose="payment", now=AS_OF)
    assert (got.birth_date, got.sex, got.family_name) == (later, "unknown", "Okafor")
    # the clinical record moves the birth date: the demographics follow, and so does lookup
    await r.update_patient(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                           changes={"birth_date": date(1980, 1, 2)})
    got = await identity.get_demographics(uow=uow, patient_id=pt.id, scope=STAFF,
                                          purpose="treatment", now=AS_OF)
    assert got.birth_date == date(1980, 1, 2)
    found = await disclosure.lookup_patients(uow=uow, scope=STAFF, purpose="treatment",
                                             family_name="OKAFOR", given_name="ada",
                                             birth_date=date(1980, 1, 2))
    assert found == [pt.id]
    assert [(a.action, a.resource, a.purpose, a.client_id, a.user_id)
            for a in store.identity.access] == [
        ("write", "demographics", "treatment", "ui", "dr-a"),
        ("read", "demographics", "payment", "ui", "dr-a"),
        ("read", "demographics", "treatment", "ui", "dr-a"),
        ("lookup", "lookup", "treatment", "ui", "dr-a")]


async def test_partners_see_and_write_only_their_practices_patients(uow, store):
    clinic = await a_patient(uow)
    await identity.put_demographics(uow=uow, patient_id=clinic.id, person=person(clinic),
                                    scope=STAFF, now=AS_OF)
    audited = len(store.identity.access)
    with pytest.raises(NotFound):
        await identity.get_demographics(uow=uow, patient_id=clinic.id, scope=PARTNER,
                                        purpose="treatment")
    with pytest.raises(NotFound):
        await identity.add_coverage(uow=uow, patient_id=clinic.id, scope=PARTNER,
                                    fields=coverage())
    assert await disclosure.lookup_patients(
        uow=uow, scope=PARTNER, purpose="treatment", family_name="Okafor", given_name="Ada",
        birth_date=clinic.facts.birth_date, practice_id="demo-clinic") == []
    assert len(store.identity.access) == audited  # nothing disclosed, nothing audited


async def test_coverage_changes_are_versions_and_the_history_keeps_them(uow, store):
    pt = await a_patient(uow)
    cov = await identity.add_coverage(uow=uow, patient_id=pt.id, scope=STAFF, now=AS_OF,
                                      fields=coverage())
    with pytest.raises(ValidationFailed) as err:
        await identity.change_coverage(uow=uow, patient_id=pt.id, coverage_id=cov.id,
                                       scope=STAFF, changes={"relationship": "child"})
    assert err.value.errors[0].field == "subscriber"
    parent = person(pt, given_name="Obi", birth_date=date(1970, 5, 5))
    v2 = await identity.change_coverage(uow=uow, patient_id=pt.id, coverage_id=cov.id,
                                        scope=STAFF, changes={"relationship": "child",
                                                              "subscriber": parent})
    with pytest.raises(Conflict):
        await identity.change_coverage(uow=uow, patient_id=pt.id, coverage_id=cov.id,
                                       scope=STAFF, version=1, changes={"group_number": "G"})
    v3 = await identity.end_coverage(uow=uow, patient_id=pt.id, coverage_id=cov.id,
                                     scope=STAFF, now=AS_OF)
    history = await identity.coverage_history(uow=uow, patient_id=pt.id, coverage_id=cov.id,
                                              scope=STAFF, purpose="operations")
    assert [(c.version, c.relationship, c.status) for c in history] == [
        (1, "self", "active"), (2, "child", "active"), (3, "child", "ended")]
    assert history[1].subscriber == parent and v2.version == 2 and v3.effective_to == AS_OF.date()
    with pytest.raises(Conflict):
        await identity.end_coverage(uow=uow, patient_id=pt.id, coverage_id=cov.id, scope=STAFF)
