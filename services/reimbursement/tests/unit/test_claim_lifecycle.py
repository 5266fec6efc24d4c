"""The Claim aggregate: which transitions exist, which are refused (409), what each records."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal as D

import pytest

from reimbursement.domain.claim import ClaimDraft, build_claim
from reimbursement.domain.errors import ClaimConflict
from reimbursement.domain.events import ClaimCreated, ClaimDenied, ClaimPaid, ClaimSubmitted
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.remittance import LineResult, PostedStatus, PostingOutcome
from reimbursement.testing import T0, give, make_ctx, make_visit

EPTI = "70001000101"
CLAIM_ID = uuid.UUID("12345678-9abc-4def-8123-456789abcdef")
LATER = T0 + timedelta(days=1)


def draft(*, review: bool = False) -> ClaimDraft:
    visit = make_visit(give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
                       npi=None if review else "1234567893")
    return build_claim(visit, make_ctx())


def new_claim(*, review: bool = False) -> Claim:
    return Claim.create(claim_id=CLAIM_ID, draft=draft(review=review),
                        lot_costs={EPTI: D("1650")}, now=T0)


def outcome(status: PostedStatus, paid: str, *, line_paid: str = "0", denied: bool = False,
            reasons: tuple[str, ...] = ()) -> PostingOutcome:
    line = LineResult("J3032", ("JZ",), D("2500"), D(line_paid), None, denied, reasons, 2)
    return PostingOutcome(status, D(paid), D("10"), D("5"), reasons, (line,), ())


def refused(action, **expected: object) -> ClaimConflict:
    with pytest.raises(ClaimConflict) as caught:
        action()
    error = caught.value
    assert (error.status, error.title, error.code) == (409, "Conflict", "conflict")
    assert error.extra == expected
    return error


def test_created_from_a_draft_records_claim_created() -> None:
    claim = new_claim()
    assert claim.status == "ready" and claim.version == 1
    assert claim.account_number == "123456789ABC4DEF"
    assert [b.line.code for b in claim.lines] == ["96365", "J3032"]
    [event] = claim.events
    assert event == ClaimCreated(
        claim_id=CLAIM_ID, order_id=claim.order_id, practice_id="demo-clinic",
        payer_id="medicare-b", status="ready", total_charge=claim.coding.total_charge,
        expected_payment=claim.coding.expected_payment, paid_amount=D(0),
        denial_reasons=(), occurred_at=T0)


def test_submit_ready_only_once() -> None:
    claim = new_claim()
    claim.submit(now=LATER)
    assert (claim.status, claim.submitted_at, claim.updated_at, claim.version) == (
        "submitted", LATER, LATER, 2)
    assert isinstance(claim.events[-1], ClaimSubmitted)
    error = refused(lambda: claim.submit(now=LATER), status_now="submitted")
    assert error.detail == "the claim is already submitted"
    assert len(claim.events) == 2 and claim.version == 2


def test_a_claim_needing_review_is_neither_submitted_nor_exported() -> None:
    claim = new_claim(review=True)
    reasons = [{"code": "missing_npi", "detail": "no rendering provider NPI", "line": None}]
    error = refused(lambda: claim.submit(now=LATER), reasons=reasons)
    assert error.detail == "the claim needs review before it can be submitted"
    error = refused(claim.ensure_exportable, reasons=reasons)
    assert error.detail == "the claim needs review before it can be exported"
    assert claim.status == "needs_review" and len(claim.events) == 1


def test_rebuild_while_unsent_then_refused() -> None:
    claim = new_claim(review=True)
    claim.rebuild(draft(), lot_costs={EPTI: D("1")}, now=LATER)
    assert (claim.status, claim.lot_costs, claim.version) == ("ready", {EPTI: D("1")}, 2)
    assert len(claim.events) == 1  # a rebuild publishes nothing
    claim.submit(now=LATER)
    error = refused(lambda: claim.rebuild(draft(), lot_costs={}, now=LATER),
                    status_now="submitted")
    assert error.detail == "a submitted claim cannot be rebuilt"


def test_a_payment_for_an_unsent_claim_is_held_not_posted() -> None:
    claim = new_claim()
    assert not claim.accepts_remittance
    refused(lambda: claim.post(outcome("paid", "100"), now=LATER), status_now="ready")
    assert claim.paid_amount == 0 and claim.status == "ready"


@pytest.mark.parametrize(("status", "event", "reasons"), [
    ("paid", ClaimPaid, ()),
    ("partially_paid", ClaimPaid, ("CO-197 x",)),
    ("denied", ClaimDenied, ("CO-50 y",)),
    ("reversed", None, ()),
])
def test_posting_sets_status_amounts_lines_and_event(status, event, reasons) -> None:
    claim = new_claim()
    claim.submit(now=T0)
    claim.post(outcome(status, "100", line_paid="90", denied=bool(reasons), reasons=reasons),
               now=LATER)
    assert (claim.status, claim.paid_amount, claim.patient_responsibility) == (
        status, D("100"), D("10"))
    assert claim.denial_reasons == reasons and claim.adjudicated_at == LATER
    assert claim.version == 3
    line = claim.lines[1]
    assert (line.paid, line.denied, line.denial_reasons) == (D("90"), bool(reasons), reasons)
    assert claim.lines[0].paid == 0
    last = claim.events[-1]
    if event is None:
        assert isinstance(last, ClaimSubmitted)
    else:
        assert type(last) is event and last.status == status and last.paid_amount == D("100")


def test_later_remittances_adjust_and_each_event_keeps_its_moment() -> None:
    claim = new_claim()
    claim.submit(now=T0)
    claim.post(outcome("paid", "100", line_paid="90"), now=LATER)
    claim.post(outcome("reversed", "-100", line_paid="-90"), now=LATER)
    claim.post(outcome("denied", "0", denied=True, reasons=("CO-50 y",)), now=LATER)
    assert claim.paid_amount == 0 and claim.patient_responsibility == D("30")
    assert claim.lines[1].paid == 0
    paid, denied = claim.events[-2:]
    assert isinstance(paid, ClaimPaid) and paid.paid_amount == D("100")
    assert isinstance(denied, ClaimDenied) and denied.paid_amount == 0
    assert denied.denial_reasons == ("CO-50 y",)
