"""Coordination-of-benefits rules as tables (payer-exchange.md §4.5, §4.6, §6): which posting
is a payer's standing decision, what is a crossover, what the patient owes (PR only, from the
last payer), when a statement is held, which claims hold a credit, which coverage is next."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal as D
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.domain.cob import (
    credit_balance,
    crossover_of,
    final_payment,
    next_coverage,
    patient_responsibility,
)
from reimbursement.domain.parties import Coverage
from reimbursement.domain.posting import PostedAdjustment, PostedPayment
from reimbursement.domain.statement import amount_due, statement_hold

AT = datetime(2026, 3, 20, tzinfo=UTC)


def posting(status: str = "1", paid: str = "100", *adjustments: tuple[str, str, str],
            outcome: str | None = "paid") -> PostedPayment:
    return PostedPayment(
        remittance_id=UUID(int=1), position=0, claim_id=UUID(int=2), account_number="A1",
        status_code=status, payer_claim_number="ICN1", charge=D("500"), paid=D(paid),
        patient_responsibility=D(0), contractual=D(0), outcome=outcome,  # type: ignore[arg-type]
        denial_reasons=(), adjustments=tuple(
            PostedAdjustment("96365", g, r, D(a)) for g, r, a in adjustments),
        unmatched_lines=(), posted_at=AT)


@pytest.mark.parametrize(("status", "remarks", "expected"), [
    ("1", (), None),  # processed as primary: not a crossover
    ("19", (), "forwarded"),  # CLP02 19 alone says "forwarded to the next payer"
    ("19", ("MA18",), "medigap"),
    ("20", ("MA07",), "medicaid"),
    ("21", ("N4", "ma18"), "medigap"),
    ("1", ("MA18",), None),  # a remark without a forwarding status is not one
    ("1", ("MA07",), None),
    ("2", ("MA18",), None),  # processed as secondary: this payer is the crossover payer
])
def test_crossover_table(status, remarks, expected) -> None:
    assert crossover_of(replace(posting(status), remarks=remarks)) == expected


@pytest.mark.parametrize(("postings", "expected"), [
    ([], None),
    ([posting("1", "100")], "100"),
    ([posting("1", "100"), posting("22", "-100", outcome="reversed")], None),  # reopened
    ([posting("1", "100"), posting("22", "-100", outcome="reversed"), posting("1", "90")],
     "90"),
    ([posting("1", "100", outcome="unsubmitted")], None),  # held, never applied
    ([posting("1", "100", outcome=None)], None),  # matched no claim
    ([posting("4", "0", outcome="denied")], "0"),
])
def test_final_payment_table(postings, expected) -> None:
    found = final_payment(postings)
    assert (None if found is None else str(found.paid)) == expected


@pytest.mark.parametrize(("adjustments", "owed"), [
    ([("PR", "1", "40"), ("PR", "2", "12.50")], "52.50"),  # deductible + coinsurance
    ([("CO", "45", "200"), ("PR", "3", "20")], "20"),  # contractual never billed
    ([("OA", "23", "80"), ("PI", "94", "5"), ("CO", "253", "1.6")], "0"),
    ([("PR", "1", "40"), ("PR", "1", "-10")], "30"),  # a payer's own correction nets
])
def test_patient_owes_pr_only(adjustments, owed) -> None:
    assert patient_responsibility(posting("1", "0", *adjustments)) == D(owed)


def test_amount_due_is_the_last_payers_standing_pr() -> None:
    first = posting("1", "100", ("PR", "2", "30"))
    reversed_ = posting("22", "-100", ("PR", "2", "-30"), outcome="reversed")
    corrected = posting("1", "110", ("PR", "2", "20"))
    assert amount_due([first]) == D("30")
    assert amount_due([first, reversed_]) == D("0")
    assert amount_due([first, reversed_, corrected]) == D("20")


@pytest.mark.parametrize(("state", "primary", "secondary", "held"), [
    (None, False, None, "primary payer has not decided"),
    (None, True, None, "not decided yet"),
    ("awaiting_crossover", True, None, "crossover"),
    ("secondary_refused", True, None, "could not be built"),
    ("secondary_built", True, False, "pending with the secondary payer"),
    ("secondary_built", True, True, None),
    ("crossover_received", True, None, None),
    ("released", True, None, None),
    ("last_payer", True, None, None),
])
def test_statement_hold_table(state, primary, secondary, held) -> None:
    found = statement_hold(state, primary_final=primary, secondary_final=secondary)
    assert (found is None) == (held is None)
    if held is not None:
        assert held in found


@pytest.mark.parametrize(("payers", "charge", "credit"), [
    ([[posting("1", "100")]], "500", None),
    ([[posting("1", "100"), posting("22", "-100"), posting("1", "90")]], "500", None),
    ([[posting("1", "100"), posting("1", "90")]], "500", "100"),  # corrected, not reversed
    ([[posting("1", "100"), posting("22", "-100")]], "500", None),  # reopened, nothing held
    ([[posting("1", "400")], [posting("2", "200")]], "500", "100"),  # beyond the charge
    ([[posting("1", "300")], [posting("2", "150")]], "500", None),  # a crossover payer too
])
def test_credit_balance_table(payers, charge, credit) -> None:
    found = credit_balance("c1", "medicare", D(charge), payers)
    assert (None if found is None else str(found.credit)) == credit


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "22"]), st.integers(0, 100_000)),
                max_size=6))
def test_a_credit_is_never_negative_and_is_what_exceeds_the_decision(rows) -> None:
    payments = [posting(s, str(D(v) / 100 * (-1 if s == "22" else 1))) for s, v in rows]
    found = credit_balance("c1", None, D("1000"), [payments])
    held = sum((p.paid for p in payments), D(0))
    final = final_payment(payments)
    due = min(final.paid if final else D(0), D("1000"))
    assert (found is None) == (held <= due)
    if found is not None:
        assert found.credit == held - due > 0


SECONDARY = Coverage(UUID(int=12), "bay-medigap", "XGP1", "self", None, priority="secondary")


@pytest.mark.parametrize(("coverages", "expected"), [
    ([], None),
    ([SECONDARY], SECONDARY.id),
    ([replace(SECONDARY, priority="tertiary")], None),
    ([replace(SECONDARY, payer_id="medicare")], None),  # the primary's own payer
    ([replace(SECONDARY, id=UUID(int=11))], None),  # the primary's own coverage
    ([replace(SECONDARY, status="ended")], None),
    ([replace(SECONDARY, status="ended", effective_to=date(2026, 3, 31))], SECONDARY.id),
    ([replace(SECONDARY, effective_from=date(2026, 4, 1))], None),
    ([replace(SECONDARY, effective_to=date(2026, 3, 1))], None),
])
def test_next_coverage_table(coverages, expected) -> None:
    found = next_coverage(coverages, primary_payer="medicare", primary_coverage_id=UUID(int=11),
                          on=date(2026, 3, 2))
    assert (None if found is None else found.id) == expected
