"""The eligibility rules: outcomes of a check, retry later with bounded backoff, the order's
hold (flag, clear, resolve), booking decisions recognised, the visit's estimate."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from authorization.domain.eligibility import Answer, Benefit, BenefitFigures, Rejection, estimate
from authorization.domain.eligibility_check import (
    EligibilityCheck,
    EligibilityCleared,
    EligibilityConflict,
    EligibilityFlagged,
    HeldDecision,
    OrderHold,
    booking_decision,
    retry_delay,
)
from authorization.domain.events import AuthorizationNotRequired, CaseDenied

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
ACTIVE = Answer(benefits=(Benefit("1", service_types=("30",)),
                          Benefit("C", "IND", ("30",), period="23", amount=Decimal(1500)),
                          Benefit("C", "IND", ("30",), period="29", amount=Decimal(400)),
                          Benefit("A", "IND", ("30",), percent=Decimal("0.20")),
                          Benefit("B", "IND", ("30",), period="27", amount=Decimal(25))),
                rejections=())
INACTIVE = Answer(benefits=(Benefit("6", service_types=("30",)),), rejections=())
BUSY = Answer(benefits=(), rejections=(Rejection("2100A", "42", "R"),))
NOT_FOUND = Answer(benefits=(), rejections=(Rejection("2100C", "75", "C"),))


def check(order_id=None, allowed=None, attempts=1) -> EligibilityCheck:
    c = EligibilityCheck(patient_id=uuid4(), payer_id="summit-health", order_id=order_id,
                         trigger="order_signed", service_date=date(2026, 3, 10),
                         requested_at=NOW, requested_by="test", expected_allowed=allowed,
                         next_attempt_at=NOW)
    c.attempts = attempts
    return c


def answer(c: EligibilityCheck, a: Answer, max_attempts: int = 3) -> None:
    c.record_answer(a, now=NOW, max_attempts=max_attempts, delay=timedelta(minutes=1))


@pytest.mark.parametrize("a, status, code", [
    (ACTIVE, "active", None), (INACTIVE, "inactive", "inactive"),
    (NOT_FOUND, "rejected", "AAA75"),
    (Answer(benefits=(Benefit("L"),), rejections=()), "error", "no_coverage_answer"),
])
def test_outcomes(a, status, code):
    c = check()
    answer(c, a)
    assert (c.status, c.reason_code) == (status, code)
    assert c.needs_staff is (status != "active")


def test_retry_later_is_retried_with_backoff_then_gives_up():
    c = check(attempts=1)
    answer(c, BUSY)
    assert c.status == "pending" and c.reason_code == "AAA42"
    assert c.next_attempt_at == NOW + timedelta(minutes=1)
    c.attempts = 3
    answer(c, BUSY)
    assert (c.status, c.reason_code) == ("error", "retry_exhausted")
    assert "after 3 attempts" in (c.reason or "")


def test_backoff_doubles_and_is_capped():
    assert [retry_delay(n, 30, 200).total_seconds() for n in (1, 2, 3, 4, 5)] == [
        30, 60, 120, 200, 200]


def test_failures_retry_only_when_retryable():
    c = check()
    c.record_failure(code="clearinghouse_unavailable", reason="down", retryable=True, now=NOW,
                     max_attempts=3, delay=timedelta(seconds=5))
    assert c.status == "pending"
    c.record_failure(code="identity:patient", reason="missing", retryable=False, now=NOW,
                     max_attempts=3, delay=timedelta(seconds=5))
    assert (c.status, c.reason_code) == ("error", "identity:patient")


def test_hold_flags_then_clears_on_an_active_recheck_releasing_what_was_held():
    order = uuid4()
    first = check(order)
    hold = OrderHold(order_id=order, patient_id=first.patient_id, payer_id="summit-health",
                     check_id=first.id, updated_at=NOW)
    answer(first, INACTIVE)
    hold.follow(first, NOW, ())
    assert hold.state == "flagged" and hold.open
    [flag] = hold.events
    assert isinstance(flag, EligibilityFlagged) and flag.reason_code == "inactive"
    recheck = check(order)
    answer(recheck, ACTIVE)
    held = (HeldDecision("authorization.not_required", "{}", None),)
    hold.follow(recheck, NOW, held)
    assert hold.state == "cleared" and not hold.open
    cleared = hold.events[-1]
    assert isinstance(cleared, EligibilityCleared)
    assert (cleared.how, cleared.released, cleared.check_id) == ("active", held, recheck.id)


def test_resolve_needs_a_check_that_needs_staff():
    c = check(uuid4())
    with pytest.raises(EligibilityConflict):
        c.resolve(actor="user:1", reason="ok", now=NOW)  # still pending
    answer(c, NOT_FOUND)
    c.resolve(actor="user:1", reason="verified by phone", now=NOW)
    assert not c.needs_staff and c.resolution == "verified by phone"
    with pytest.raises(EligibilityConflict):
        c.resolve(actor="user:1", reason="again", now=NOW)


def test_booking_decisions_are_not_required_and_approved_only():
    order = uuid4()
    nr = AuthorizationNotRequired(order_id=order, payer_id=None, plan_id=None, lines=(),
                                  decided_at=NOW)
    denied = CaseDenied(case_id=uuid4(), order_id=order, payer_id="p", reason="r",
                        reason_code=None, decided_at=NOW)
    assert booking_decision(nr) == order and booking_decision(denied) is None


@pytest.mark.parametrize("figures, allowed, amount", [
    # deductible remaining 400 first, 20 % of the rest, $25 copay
    (BenefitFigures(deductible_remaining=Decimal(400), coinsurance=Decimal("0.2"),
                    copay=Decimal(25)), Decimal(1000), Decimal("545.00")),
    # deductible met: coinsurance only
    (BenefitFigures(deductible_remaining=Decimal(0), coinsurance=Decimal("0.2")),
     Decimal("333.33"), Decimal("66.67")),
    # capped at the allowed amount, then at the out-of-pocket remaining
    (BenefitFigures(deductible_remaining=Decimal(400), copay=Decimal(50)), Decimal(300),
     Decimal("300.00")),
    (BenefitFigures(deductible_remaining=Decimal(900), out_of_pocket_remaining=Decimal(150)),
     Decimal(1000), Decimal("150.00")),
    # remaining unknown: the whole annual deductible is assumed
    (BenefitFigures(deductible=Decimal(500)), Decimal(800), Decimal("500.00")),
])
def test_estimate(figures, allowed, amount):
    assert estimate(figures, allowed).amount == amount


def test_estimate_without_allowed_amount_shows_the_figures_only():
    c = check(allowed=None)
    answer(c, ACTIVE)
    assert c.estimate is not None and c.estimate.basis == "benefit_figures"
    assert c.estimate.amount is None
    assert c.figures == BenefitFigures(deductible=Decimal(1500), deductible_remaining=Decimal(400),
                                       coinsurance=Decimal("0.20"), copay=Decimal(25))
    c2 = check(allowed=Decimal(1000))
    answer(c2, ACTIVE)
    assert c2.estimate.amount == Decimal("545.00")


def test_checks_on_sign_by_default_only_with_a_clearinghouse():
    from authorization.settings import AuthorizationSettings

    embedded = AuthorizationSettings()
    assert embedded.eligibility_on_sign and embedded.clearinghouse_url
    assert embedded.checks_on_sign  # the embedded default asks its sandbox
    prod_base = {"environment": "production", "database_url": "postgresql://db/authz",
                 "seed_demo_data": False}
    prod = AuthorizationSettings(**prod_base)
    assert prod.eligibility_on_sign and prod.clearinghouse_url is None
    assert not prod.checks_on_sign  # nothing to ask: no check, no hold
    clinic = AuthorizationSettings(**prod_base, clearinghouse_url="https://ch.example/x12")
    assert clinic.checks_on_sign
    off = AuthorizationSettings(**prod_base, clearinghouse_url="https://ch.example/x12",
                                eligibility_on_sign=False)
    assert not off.checks_on_sign
