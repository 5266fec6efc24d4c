"""Order lifecycle: draft -> signed -> scheduled -> in_progress -> administered, or cancelled;
overrides, signing against blocks, events recorded for the outbox, and following other
services' events without ever failing on a late or repeated one."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from chairside_shared import contracts as c
from orders.domain.administration import AdministrationRecord
from orders.domain.errors import (
    Conflict,
    IllegalTransition,
    NotPermitted,
    SignBlocked,
    ValidationFailed,
)
from orders.domain.order import TRANSITIONS, Actor, Order, Status
from orders.seed import seed_catalog
from orders.service.events import to_messages
from orders.testing import AS_OF, check, lines, past, patient

CLINICIAN = Actor("clin-1", frozenset({"orders:read", "orders:write", "orders:sign"}))
CLERK = Actor("clerk-1", frozenset({"orders:read", "orders:write"}))
CAT = seed_catalog()


COCKTAIL = (("prochlorperazine", 10), ("diphenhydramine", 25, {"with_previous": True}),
            ("ketorolac", 30))


def draft(pt=None, specs=COCKTAIL,
          **kw) -> tuple[Order, object]:
    pt = pt or patient()
    ls = lines(*specs)
    order = Order.create(result=check(pt, ls), actor=CLERK, at=AS_OF, id=uuid4(),
                         practice_id="demo-clinic", patient_id=pt.patient_id, urgency="same_day",
                         lines=ls, diagnoses=["G43.909"],
                         payer={"payer_id": "p1", "member_id": "m1"}, **kw)
    return order, pt


def messages(order):
    """The outbox messages the order's recorded domain events become."""
    return [m for event in order.events for m in to_messages(event)]


def sign(order, pt, actor=CLINICIAN, at=AS_OF):
    order.sign(result=check(pt, order.lines, as_of=at), actor=actor, at=at, patient=pt, catalog=CAT)


def give(order, seq, dose=None, minutes=None, **kw):
    ln = next((x for x in order.lines if x.sequence == seq), order.lines[0])
    start = AS_OF + timedelta(hours=1)
    rec = AdministrationRecord(line_sequence=seq, started_at=start,
                               stopped_at=start + timedelta(minutes=minutes or ln.minutes),
                               dose_given=Decimal(str(dose)) if dose is not None else ln.dose,
                               dose_unit=ln.dose_unit, ndc="00409-3414-01", lot="L1", **kw)
    return order.record_administration(record=rec, catalog=CAT, actor=CLINICIAN,
                                       at=start + timedelta(minutes=30))


def test_create_is_a_draft_with_findings_and_visit_figures():
    order, _ = draft()
    assert order.status == Status.DRAFT
    assert order.requires_driver is True
    # DRA with DPH alongside (15), then ketorolac (1), then the DRA's 60 min observation
    assert order.estimated_chair_minutes == 15 + 1 + 60
    assert order.catalog_version == CAT.version
    assert order.events == []


def test_sign_emits_order_signed_with_what_scheduling_and_billing_need():
    order, pt = draft()
    sign(order, pt)
    assert order.status == Status.SIGNED and order.prescriber_id == "clin-1"
    [event] = messages(order)
    assert event.event_type == "order.signed" and event.key == str(order.id)
    p = event.payload
    assert isinstance(p, c.OrderSigned)
    assert [ln.hcpcs for ln in p.lines] == ["J0780", "J1200", "J1885"]
    assert p.patient_age_band == "18-64" and p.pediatric is False
    assert p.patient_weight_kg == Decimal(70) and p.requires_driver is True
    assert p.estimated_chair_minutes == order.estimated_chair_minutes
    assert p.payer.payer_id == "p1" and p.payer.member_id is None  # PHI stays home
    assert p.diagnoses == ["G43.909"]
    assert p.prep_minutes == 10  # the prochlorperazine infusion; the two pushes take none
    dumped = p.model_dump_json(by_alias=True)
    assert "birth" not in dumped and "mrn" not in dumped.lower()


@pytest.mark.parametrize(("earlier", "expected"), [
    ((), 1),                                                  # first dose of the molecule
    ((("infliximab", 350, 14),), 2),                 # reference product before
    ((("infliximab_dyyb", 350, 42), ("infliximab", 350, 14)), 3),  # both brands
    ((("ketorolac", 30, 14),), 1),                            # another molecule counts not
])
def test_order_signed_names_the_molecule_and_its_dose_number_across_brands(earlier, expected):
    """Issue 18: billing, PA and scheduling read the dose number and molecule from the event,
    counted as the checks count it (reference product and biosimilars together)."""
    pt = patient(weight_kg=70)
    history = [past(code, dose, timedelta(days=days)) for code, dose, days in earlier]
    ls = lines(("infliximab_dyyb", 350, {"mode": "infusion", "minutes": 120}))
    order = Order.create(result=check(pt, ls, history), actor=CLERK, at=AS_OF, id=uuid4(),
                         practice_id="demo-clinic", patient_id=pt.patient_id,
                         urgency="planned", lines=ls, diagnoses=["K50.90"])
    result = check(pt, order.lines, history)
    for f in result.blocks:  # gates (TB screen) are not this test's subject
        order.add_override(finding_code=f.code, line=f.line, reason="gate reviewed elsewhere",
                           actor=CLINICIAN, at=AS_OF, min_reason_length=5)
    order.sign(result=result, actor=CLINICIAN, at=AS_OF, patient=pt, catalog=CAT)
    [event] = messages(order)
    drug_lines = [ln for ln in event.payload.lines if ln.drug_code == "infliximab_dyyb"]
    assert [(ln.molecule, ln.dose_number) for ln in drug_lines] == [("infliximab", expected)]


@pytest.mark.parametrize(("earlier", "series"), [
    ((), ("infliximab_dyyb", 1, "day_offsets", [0, 14, 42])),  # dose 1 starts induction
    ((("infliximab", 350, 14),), None),                         # dose 2 starts nothing
])
def test_order_signed_names_the_course_its_dose_starts(earlier, series):
    """Issue 18 point 5: the catalog's course (weeks 0, 2, 6) travels with the dose that
    starts it, so scheduling books a series without staff typing the pattern."""
    pt = patient(weight_kg=70)
    history = [past(code, dose, timedelta(days=days)) for code, dose, days in earlier]
    ls = lines(("infliximab_dyyb", 350, {"mode": "infusion", "minutes": 120}))
    order = Order.create(result=check(pt, ls, history), actor=CLERK, at=AS_OF, id=uuid4(),
                         practice_id="demo-clinic", patient_id=pt.patient_id,
                         urgency="planned", lines=ls, diagnoses=["K50.90"])
    result = check(pt, order.lines, history)
    for f in result.blocks:
        order.add_override(finding_code=f.code, line=f.line, reason="gate reviewed elsewhere",
                           actor=CLINICIAN, at=AS_OF, min_reason_length=5)
    order.sign(result=result, actor=CLINICIAN, at=AS_OF, patient=pt, catalog=CAT)
    [event] = messages(order)
    got = event.payload.series
    assert (None if got is None else
            (got.drug_code, got.from_dose, got.kind, got.offsets)) == series


def test_sign_refused_while_a_block_stands_and_nothing_is_emitted():
    order, pt = draft(specs=(("ketorolac", 45),))
    with pytest.raises(SignBlocked) as err:
        sign(order, pt)
    assert [f.code for f in err.value.blocking] == ["dose_above_max"]
    assert order.status == Status.DRAFT and order.events == []


def test_override_needs_the_sign_scope_and_a_reason_then_signing_passes():
    order, pt = draft(specs=(("ketorolac", 45),))
    with pytest.raises(NotPermitted):
        order.add_override(finding_code="dose_above_max", line=None, reason="clinically needed",
                           actor=CLERK, at=AS_OF, min_reason_length=10)
    with pytest.raises(ValidationFailed) as short:
        order.add_override(finding_code="dose_above_max", line=None, reason="ok", actor=CLINICIAN,
                           at=AS_OF, min_reason_length=10)
    assert short.value.errors[0].field == "reason"
    with pytest.raises(ValidationFailed) as unknown:
        order.add_override(finding_code="qt_stacking", line=None, reason="not a finding here",
                           actor=CLINICIAN, at=AS_OF, min_reason_length=10)
    assert unknown.value.errors[0].field == "finding_code"
    order.add_override(finding_code="dose_above_max", line=1, reason="pharmacist confirmed",
                       actor=CLINICIAN, at=AS_OF, min_reason_length=10)
    sign(order, pt)
    assert order.status == Status.SIGNED
    entry = next(h for h in order.history if h.action == "override")
    assert entry.by == "clin-1" and entry.detail["reason"] == "pharmacist confirmed"


def test_override_on_another_line_does_not_cover():
    order, pt = draft(specs=(("prochlorperazine", 10), ("ketorolac", 45)))
    with pytest.raises(ValidationFailed):
        order.add_override(finding_code="dose_above_max", line=1, reason="wrong line override",
                           actor=CLINICIAN, at=AS_OF, min_reason_length=10)
    with pytest.raises(SignBlocked):
        sign(order, pt)


def test_clerk_cannot_sign():
    order, pt = draft()
    with pytest.raises(NotPermitted):
        sign(order, pt, actor=CLERK)


def test_editing_lines_clears_overrides():
    order, pt = draft(specs=(("ketorolac", 45),))
    order.add_override(finding_code="dose_above_max", line=None, reason="pharmacist confirmed",
                       actor=CLINICIAN, at=AS_OF, min_reason_length=10)
    new_lines = lines(("ketorolac", 60))
    order.update(result=check(pt, new_lines), actor=CLERK, at=AS_OF, lines=new_lines)
    assert order.overrides == []
    assert any(h.action == "overrides_cleared" for h in order.history)
    with pytest.raises(SignBlocked):
        sign(order, pt)


def test_sign_rechecks_with_fresh_history():
    """A block that appears between drafting and signing (a new dose elsewhere) stops signing."""
    order, pt = draft(specs=(("eptinezumab", 100),))
    assert not order.unresolved_blocks()
    outside = [past("eptinezumab", 100, timedelta(days=10), "outside")]
    with pytest.raises(SignBlocked):
        order.sign(result=check(pt, order.lines, outside), actor=CLINICIAN, at=AS_OF, patient=pt,
                   catalog=CAT)


def test_only_drafts_can_be_edited():
    order, pt = draft()
    sign(order, pt)
    with pytest.raises(IllegalTransition):
        order.update(result=check(pt, order.lines), actor=CLERK, at=AS_OF, urgency="planned")


ALL = list(Status)


@pytest.mark.parametrize("src", ALL)
@pytest.mark.parametrize("dst", ALL)
def test_transition_table_is_exactly_the_lifecycle(src, dst):
    allowed = {
        (Status.DRAFT, Status.SIGNED), (Status.DRAFT, Status.CANCELLED),
        (Status.SIGNED, Status.SCHEDULED), (Status.SIGNED, Status.IN_PROGRESS),
        (Status.SIGNED, Status.CANCELLED), (Status.SCHEDULED, Status.SIGNED),
        (Status.SCHEDULED, Status.IN_PROGRESS), (Status.SCHEDULED, Status.CANCELLED),
        (Status.IN_PROGRESS, Status.ADMINISTERED),
    }
    assert (dst in TRANSITIONS[src]) == ((src, dst) in allowed)


def test_cancel_emits_order_cancelled_and_is_final():
    order, pt = draft()
    sign(order, pt)
    order.cancel(reason="patient improved", actor=CLERK, at=AS_OF)
    event = messages(order)[-1]
    assert event.event_type == "order.cancelled"
    assert event.payload.previous_status == "signed" and event.payload.reason == "patient improved"
    for action in (lambda: order.cancel(reason="again", actor=CLERK, at=AS_OF),
                   lambda: sign(order, pt)):
        with pytest.raises(IllegalTransition):
            action()


def test_cancel_needs_a_reason():
    order, _ = draft()
    with pytest.raises(ValidationFailed):
        order.cancel(reason="  ", actor=CLERK, at=AS_OF)


def test_in_progress_cannot_be_cancelled():
    order, pt = draft()
    sign(order, pt)
    give(order, 1)
    with pytest.raises(IllegalTransition):
        order.cancel(reason="changed mind", actor=CLERK, at=AS_OF)


def test_appointment_events_move_the_order_and_ignore_stale_ones():
    order, pt = draft()
    assert order.apply_appointment("held", AS_OF) is False  # draft: not signed yet
    sign(order, pt)
    assert order.apply_appointment("held", AS_OF) is True and order.status == Status.SCHEDULED
    assert order.apply_appointment("booked", AS_OF) is False  # already scheduled
    assert order.apply_appointment("no_show", AS_OF) is True and order.status == Status.SIGNED
    assert order.apply_appointment("cancelled", AS_OF) is False  # nothing to release
    assert order.apply_appointment("booked", AS_OF) is True
    assert order.apply_appointment("in_chair", AS_OF) is True and order.status == Status.IN_PROGRESS
    assert order.apply_appointment("cancelled", AS_OF) is False  # too late to go back
    assert order.apply_appointment("completed", AS_OF) is False
    assert order.status == Status.IN_PROGRESS


def test_authorization_events_are_idempotent_and_ignore_older_decisions():
    order, pt = draft()
    sign(order, pt)
    assert order.authorization_status == "pending"
    assert order.apply_authorization("authorization.approved", AS_OF) is True
    assert order.apply_authorization("authorization.approved", AS_OF) is False
    assert order.apply_authorization("authorization.denied", AS_OF - timedelta(hours=1)) is False
    assert order.authorization_status == "approved"
    assert order.apply_authorization("authorization.expired", AS_OF + timedelta(days=30)) is True
    assert order.authorization_status == "pending"
    assert order.apply_authorization("authorization.not_covered", AS_OF + timedelta(days=31))
    assert order.authorization_status == "denied"
    assert order.apply_authorization("claim.paid", AS_OF + timedelta(days=40)) is False


def test_administration_and_completion_emit_what_billing_needs():
    order, pt = draft()
    sign(order, pt)
    order.apply_appointment("booked", AS_OF)
    give(order, 1, wasted_amount=Decimal(0))
    assert order.status == Status.IN_PROGRESS
    give(order, 2, dose=Decimal("25"), wasted_amount=Decimal("25"))
    with pytest.raises(Conflict):
        give(order, 1)
    with pytest.raises(ValidationFailed) as bad:
        give(order, 9)
    assert bad.value.errors[0].field == "line_sequence"
    order.complete(actor=CLINICIAN, at=AS_OF + timedelta(hours=3), catalog=CAT,
                   patient_age_years=40, rendering_provider_npi="1234567893")
    assert order.status == Status.ADMINISTERED
    event = messages(order)[-1]
    assert event.event_type == "order.administered"
    p = event.payload
    assert [a.line_sequence for a in p.administrations] == [1, 2]
    assert p.administrations[0].hcpcs == "J0780" and p.administrations[0].ndc == "00409-3414-01"
    assert p.administrations[1].wasted_amount == Decimal("25")
    assert p.diagnoses == ["G43.909"] and p.rendering_provider_npi == "1234567893"
    with pytest.raises(IllegalTransition):
        give(order, 3)


def test_cannot_complete_without_any_administration():
    order, pt = draft()
    sign(order, pt)
    order.apply_appointment("in_chair", AS_OF)
    with pytest.raises(Conflict):
        order.complete(actor=CLINICIAN, at=AS_OF, catalog=CAT, patient_age_years=40)


def test_draft_cannot_record_administrations_or_complete():
    order, _ = draft()
    with pytest.raises(IllegalTransition):
        give(order, 1)
    with pytest.raises(IllegalTransition):
        order.complete(actor=CLINICIAN, at=AS_OF, catalog=CAT, patient_age_years=40)


def test_pediatric_signed_event_carries_age_band_and_weight():
    kid = patient(age=12, weight_kg=40)
    order, pt = draft(pt=kid, specs=(("ketorolac", 20),))
    sign(order, pt)
    p = messages(order)[0].payload
    assert (p.patient_age_band, p.patient_age_years, p.pediatric) == ("12-17", 12, True)
    assert p.patient_weight_kg == Decimal(40)


def test_first_eptinezumab_dose_is_elevated_in_the_event():
    order, pt = draft(specs=(("eptinezumab", 100),))
    sign(order, pt)
    p = messages(order)[0].payload
    assert p.acuity_class == "elevated" and p.lines[0].acuity_class == "elevated"


def test_the_order_keeps_the_payers_reason_until_a_favourable_decision():
    order, pt = draft()
    sign(order, pt)
    denied = "Medical necessity not established: fewer than 4 migraine days a month"
    assert order.apply_authorization("authorization.denied", AS_OF, denied) is True
    assert (order.authorization_status, order.authorization_reason) == ("denied", denied)
    assert order.history[-1].detail == {"event": "authorization.denied", "status": "denied",
                                        "reason": denied}
    # the same denial redelivered changes nothing
    assert order.apply_authorization("authorization.denied", AS_OF, denied) is False
    # a reason on a favourable event is not a reason to show
    assert order.apply_authorization("authorization.approved", AS_OF + timedelta(days=2),
                                     "ignored") is True
    assert (order.authorization_status, order.authorization_reason) == ("approved", None)
    assert order.apply_authorization("authorization.expired", AS_OF + timedelta(days=90),
                                     "approval period ended") is True
    assert (order.authorization_status, order.authorization_reason) == (
        "pending", "approval period ended")
