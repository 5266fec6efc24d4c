"""RX-3 alert targets, RX-7 visit acuity, the discharge state helper, and the RX-6 hold on a
dose signed before the reaction (through the handlers, fakes only)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from orders.domain.administration import AdministrationRecord
from orders.domain.errors import Conflict
from orders.domain.order import Actor
from orders.domain.reactions import alert_targets, ems_checklist, reaction_state, visit_acuity
from orders.seed.reactions import seed_reaction_rules
from orders.service import handlers as h
from orders.service import records
from orders.testing import AS_OF, FakeStore, FakeUnitOfWork, lines, patient
from orders.testing_reactions import epi, reaction

RULES = seed_reaction_rules()
CLIN = h.Scope(Actor("clin-1", frozenset({"orders:write", "orders:sign", "patients:write"})))


@pytest.mark.parametrize("grade,drug,expected", [
    (1, "metoclopramide", None), (2, "metoclopramide", "high"), (3, "ocrelizumab", "high"),
    (1, "ketamine", "high"), (1, "lidocaine", "high"),
])
def test_rx7_grade2_or_ketamine_lidocaine_raises_the_visit_to_high(grade, drug, expected):
    assert visit_acuity(reaction(drug, grade), RULES) == expected


def test_rx3_charge_nurse_always_provider_from_grade3():
    provider = uuid4()
    low = alert_targets(reaction(grade=2, ordering_practitioner_id=provider), RULES)
    assert [t.audience for t in low] == ["charge_nurse"]
    high = alert_targets(reaction(grade=3, ordering_practitioner_id=provider), RULES)
    assert [(t.audience, t.practitioner_id) for t in high] == [
        ("charge_nurse", None), ("ordering_provider", provider)]


def test_rx3_epinephrine_opens_the_ems_checklist():
    assert ems_checklist(reaction(grade=3, rescue=(epi("0.5"),)), RULES)
    assert ems_checklist(reaction(grade=3), RULES) == ()


def test_discharge_state_needs_30_symptom_free_minutes():
    r = reaction(grade=2, onset=AS_OF - timedelta(hours=1))  # resolved 1 h after onset
    resolved = r.resolved_at
    assert reaction_state([], AS_OF, RULES).symptom_free_long_enough
    early = reaction_state([r], resolved + timedelta(minutes=29), RULES)
    assert not early.active and not early.symptom_free_long_enough
    assert reaction_state([r], resolved + timedelta(minutes=30), RULES).symptom_free_long_enough
    ongoing = reaction_state([replace(r, outcome="ongoing", resolved_at=None)], AS_OF, RULES)
    assert ongoing.active and not ongoing.symptom_free_long_enough


async def test_rx6_a_dhe_dose_signed_before_the_reaction_is_not_given_until_cleared():
    store = FakeStore()
    uow = FakeUnitOfWork(store)
    pt = await records.create_patient(uow=uow, facts=patient(patient_id=uuid4()), mrn="M-1",
                                      scope=CLIN, now=AS_OF)
    draft = h.OrderDraft(patient_id=pt.id, urgency="same_day", lines=lines(("dhe", 1)))
    order = await h.create_order(uow=uow, draft=draft, scope=CLIN, now=AS_OF)
    await h.sign_order(uow=uow, order_id=order.id, scope=CLIN, now=AS_OF)
    held = reaction("dhe", 2, term="other", manifestations=("chest_pain",), patient_id=pt.id)
    store.reactions.append(held)
    record = AdministrationRecord(line_sequence=1, started_at=AS_OF, stopped_at=AS_OF
                                  + timedelta(minutes=3), dose_given=Decimal("1"),
                                  dose_unit="mg")
    with pytest.raises(Conflict):
        await h.record_administration(uow=uow, order_id=order.id, record=record, scope=CLIN,
                                      now=AS_OF)
    store.reactions[0] = replace(held, cleared_at=AS_OF, cleared_by="md-1")
    saved = await h.record_administration(uow=uow, order_id=order.id, record=record,
                                          scope=CLIN, now=AS_OF)
    assert saved.line_sequence == 1
