"""Claim appeal rules as shipped (data/appeal_rules.json): deadlines per payer type and level,
the codes that take appeal rights away, the next level after a loss, and the denial worklist's
action per CARC (data/denial_actions.json)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chairside_shared.dates import Window, add_months
from chairside_shared.errors import InvalidInput
from reimbursement.adapters.appeal_data import appeal_rules, denial_actions
from reimbursement.domain.appeal_rules import NotAppealable
from reimbursement.domain.appeals import Appeal, AppealConflict, DeniedClaim
from reimbursement.domain.denial_actions import CarcAmount, act_by, denial_carcs

RULES = appeal_rules()
ERA = date(2026, 3, 20)  # the remittance that denied the claim
NOW = datetime(2026, 3, 25, 15, tzinfo=UTC)


@pytest.mark.parametrize(("payer_type", "level", "days", "months"), [
    ("medicare", "redetermination", 120, None),
    ("medicare", "reconsideration", 180, None),
    ("medicare", "alj_hearing", 60, None),
    ("medicare", "council_review", 60, None),
    ("medicare", "judicial_review", 60, None),
    ("medicare", "reopening", 365, None),
    ("medicare_advantage", "plan_reconsideration", 60, None),
    ("commercial", "internal_appeal", 180, None),
    ("commercial", "external_review", None, 4),
])
def test_each_level_window_as_the_sources_give_it(payer_type, level, days, months):
    found = RULES.for_payer(payer_type).level(level)
    assert found is not None and found.source
    assert (found.window.days, found.window.months) == (days, months)


@pytest.mark.parametrize(("payer_type", "clerical", "kind", "level", "deadline"), [
    ("medicare", False, "appeal", "redetermination", date(2026, 7, 18)),  # + 120 days
    ("medicare", True, "reopening", "reopening", date(2027, 3, 20)),  # + 365 days
    ("medicare_advantage", False, "appeal", "plan_reconsideration", date(2026, 5, 19)),
    ("commercial", False, "appeal", "internal_appeal", date(2026, 9, 16)),  # + 180 days
])
def test_first_step_and_its_deadline(payer_type, clerical, kind, level, deadline):
    step = RULES.first_step(payer_type, determined_on=ERA, carcs=["50"], rarcs=[],
                            clerical=clerical)
    assert (step.kind, step.level.code, step.deadline) == (kind, level, deadline)


@pytest.mark.parametrize(("carcs", "rarcs", "action"), [
    (["29"], [], "write_off"),  # timely filing: not appealable
    (["50", "29"], [], "write_off"),
    (["16"], ["MA130"], "correct_and_resubmit"),  # unprocessable: no appeal rights
    (["50"], ["N115", "MA130"], "correct_and_resubmit"),
])
@pytest.mark.parametrize("payer_type", ["medicare", "medicare_advantage", "commercial"])
def test_not_appealable_whatever_the_payer(carcs, rarcs, action, payer_type):
    with pytest.raises(NotAppealable) as err:
        RULES.first_step(payer_type, determined_on=ERA, carcs=carcs, rarcs=rarcs,
                         clerical=False)
    assert err.value.status == 409 and err.value.extra["suggested_action"] == action


@pytest.mark.parametrize("payer_type", ["medicare_advantage", "commercial"])
def test_a_clerical_error_outside_medicare_is_corrected_not_reopened(payer_type):
    with pytest.raises(NotAppealable) as err:
        RULES.first_step(payer_type, determined_on=ERA, carcs=["16"], rarcs=[], clerical=True)
    assert err.value.extra["suggested_action"] == "correct_and_resubmit"


@pytest.mark.parametrize("payer_type", [None, "medicaid", "tricare"])
def test_a_payer_type_without_rules_is_a_422(payer_type):
    with pytest.raises(InvalidInput) as err:
        RULES.first_step(payer_type, determined_on=ERA, carcs=["50"], rarcs=[], clerical=False)
    assert err.value.errors and err.value.errors[0].field == "payer_type"


@pytest.mark.parametrize(("payer_type", "level", "after"), [
    ("medicare", "redetermination", "reconsideration"),
    ("medicare", "reconsideration", "alj_hearing"),
    ("medicare", "alj_hearing", "council_review"),
    ("medicare", "council_review", "judicial_review"),
    ("medicare", "judicial_review", None),
    ("medicare", "reopening", None),
    ("medicare_advantage", "plan_reconsideration", "ire_review"),
    ("commercial", "internal_appeal", "external_review"),
    ("commercial", "external_review", None),
])
def test_next_level_after_a_loss(payer_type, level, after):
    nxt = RULES.for_payer(payer_type).after(level)
    assert (nxt.code if nxt else None) == after


@pytest.mark.parametrize(("year", "alj", "court"), [
    (2025, D("190.00"), None), (2026, D("200.00"), D("1960.00")),
    (2027, D("200.00"), D("1960.00")),  # the latest known until the data says otherwise
    (2024, None, None),
])
def test_amount_in_controversy_by_year(year, alj, court):
    medicare = RULES.for_payer("medicare")
    assert medicare.level("alj_hearing").threshold(year) == alj
    assert medicare.level("judicial_review").threshold(year) == court
    assert medicare.level("redetermination").threshold(year) is None


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2026, 1, 31), 4, date(2026, 5, 31)), (date(2026, 10, 31), 4, date(2027, 2, 28)),
    (date(2027, 10, 31), 4, date(2028, 2, 29)), (date(2026, 12, 15), 1, date(2027, 1, 15)),
])
def test_calendar_months(start, months, end):
    assert add_months(start, months) == end


@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
       days=st.integers(min_value=0, max_value=2000))
def test_a_deadline_is_the_receipt_date_plus_the_window_never_before(start, days):
    end = Window(days=days).end(start)
    assert end is not None and end >= start and (end - start).days == days


@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
       months=st.integers(min_value=0, max_value=60))
def test_a_month_window_never_ends_before_it_starts(start, months):
    end = add_months(start, months)
    assert end >= start and (end.year - start.year) * 12 + end.month - start.month == months


@given(received=st.dates(min_value=date(2020, 1, 1), max_value=date(2080, 1, 1)),
       payer_type=st.sampled_from(["medicare", "medicare_advantage", "commercial"]))
def test_every_first_level_deadline_follows_the_receipt(received, payer_type):
    step = RULES.first_step(payer_type, determined_on=received, carcs=["50"], rarcs=[],
                            clerical=False)
    assert step.deadline == received + timedelta(days=step.level.window.days or 0)
    assert step.deadline > received


# --------------------------------------------------------------------------- the aggregate
def denied(**kw) -> DeniedClaim:
    base = {"claim_id": uuid.uuid4(), "order_id": uuid.uuid4(), "practice_id": "p",
            "payer_id": "medicare", "status": "denied", "determined_on": ERA,
            "carcs": ("50",), "disputed": D("500.00")}
    return DeniedClaim(**(base | kw))


def open_medicare(today: date = date(2026, 3, 25), **kw) -> Appeal:
    step = RULES.first_step("medicare", determined_on=ERA, carcs=["50"], rarcs=[],
                            clerical=False)
    return Appeal.open(appeal_id=uuid.uuid4(), claim=denied(**kw), payer_type="medicare",
                       step=step, rarcs=(), reason="records attached", amount=None,
                       today=today, now=NOW)


def test_a_lost_redetermination_offers_reconsideration_180_days_from_the_decision():
    appeal = open_medicare()
    appeal.file(filed_on=date(2026, 4, 1), payer_reference="R1", now=NOW)
    medicare = RULES.for_payer("medicare")
    appeal.decide(outcome="lost", decided_on=date(2026, 5, 10), amount_awarded=None, note=None,
                  next_level=medicare.after("redetermination"), now=NOW)
    assert (appeal.next_level, appeal.next_deadline) == ("reconsideration", date(2026, 11, 6))
    assert appeal.claim_reopen is None
    [filed, decided] = appeal.events
    assert (filed.status, decided.outcome, decided.reopen_claim) == ("filed", "lost", False)
    nxt = appeal.escalate(appeal_id=uuid.uuid4(), level=medicare.level("reconsideration"),
                          reason="QIC", amount=None, today=date(2026, 6, 1), now=NOW)
    assert (nxt.level, nxt.level_number, nxt.clock_from, nxt.deadline, nxt.previous_appeal_id
            ) == ("reconsideration", 2, date(2026, 5, 10), date(2026, 11, 6), appeal.id)
    with pytest.raises(AppealConflict, match="deadline"):
        appeal.escalate(appeal_id=uuid.uuid4(), level=medicare.level("reconsideration"),
                        reason="late", amount=None, today=date(2026, 11, 7), now=NOW)


def test_an_alj_hearing_needs_the_years_amount_in_controversy():
    medicare = RULES.for_payer("medicare")
    appeal = open_medicare(disputed=D("150.00"))
    appeal.file(filed_on=date(2026, 4, 1), payer_reference=None, now=NOW)
    appeal.decide(outcome="lost", decided_on=date(2026, 5, 1), amount_awarded=None, note=None,
                  next_level=medicare.after("redetermination"), now=NOW)
    qic = appeal.escalate(appeal_id=uuid.uuid4(), level=medicare.level("reconsideration"),
                          reason="QIC", amount=None, today=date(2026, 5, 2), now=NOW)
    qic.file(filed_on=date(2026, 5, 2), payer_reference=None, now=NOW)
    qic.decide(outcome="lost", decided_on=date(2026, 8, 1), amount_awarded=None, note=None,
               next_level=medicare.after("reconsideration"), now=NOW)
    with pytest.raises(AppealConflict, match="200.00") as err:
        qic.escalate(appeal_id=uuid.uuid4(), level=medicare.level("alj_hearing"), reason="ALJ",
                     amount=None, today=date(2026, 8, 2), now=NOW)
    assert err.value.extra["threshold"] == "200.00"
    alj = qic.escalate(appeal_id=uuid.uuid4(), level=medicare.level("alj_hearing"),
                       reason="ALJ", amount=D("210.00"), today=date(2026, 8, 2), now=NOW)
    assert alj.deadline == date(2026, 9, 30)  # 60 days from the QIC decision


def test_a_won_appeal_asks_for_the_claim_and_offers_nothing_further():
    appeal = open_medicare()
    appeal.file(filed_on=date(2026, 4, 1), payer_reference=None, now=NOW)
    appeal.decide(outcome="won", decided_on=date(2026, 5, 1), amount_awarded=D("500.00"),
                  note=None, next_level=RULES.for_payer("medicare").after("redetermination"),
                  now=NOW)
    assert (appeal.status, appeal.next_level, appeal.claim_reopen) == ("decided", None,
                                                                       "requested")
    assert appeal.events[-1].reopen_claim is True
    with pytest.raises(AppealConflict):
        appeal.escalate(appeal_id=uuid.uuid4(), level=RULES.for_payer("medicare").levels[1],
                        reason="x", amount=None, today=date(2026, 5, 2), now=NOW)


def test_an_ma_loss_is_forwarded_to_the_ire_by_the_plan():
    ma = RULES.for_payer("medicare_advantage")
    step = RULES.first_step("medicare_advantage", determined_on=ERA, carcs=["50"], rarcs=[],
                            clerical=False)
    appeal = Appeal.open(appeal_id=uuid.uuid4(), claim=denied(), payer_type="medicare_advantage",
                         step=step, rarcs=(), reason="r", amount=None,
                         today=date(2026, 3, 25), now=NOW)
    appeal.file(filed_on=date(2026, 3, 30), payer_reference=None, now=NOW)
    appeal.decide(outcome="lost", decided_on=date(2026, 4, 20), amount_awarded=None, note=None,
                  next_level=ma.after("plan_reconsideration"), now=NOW)
    assert (appeal.next_level, appeal.next_auto_forwarded, appeal.next_deadline) == (
        "ire_review", True, None)
    with pytest.raises(AppealConflict, match="forwarded"):
        appeal.escalate(appeal_id=uuid.uuid4(), level=ma.level("ire_review"), reason="r",
                        amount=None, today=date(2026, 4, 21), now=NOW)


@pytest.mark.parametrize(("today", "status", "error"), [
    (date(2026, 7, 19), "denied", "deadline"),  # redetermination deadline 2026-07-18
    (date(2026, 3, 25), "paid", "no denial"),
])
def test_an_appeal_is_not_opened_late_or_for_a_paid_claim(today, status, error):
    with pytest.raises(AppealConflict, match=error):
        open_medicare(today=today, status=status)


@pytest.mark.parametrize(("action", "kwargs", "error"), [
    ("file_late", {"filed_on": date(2026, 7, 19)}, AppealConflict),
    ("file_early", {"filed_on": date(2026, 3, 19)}, InvalidInput),
])
def test_filing_outside_the_window_changes_nothing(action, kwargs, error):
    appeal = open_medicare()
    with pytest.raises(error):
        appeal.file(payer_reference=None, now=NOW, **kwargs)
    assert (appeal.status, appeal.events, appeal.version) == ("draft", [], 1)


def test_a_decision_needs_a_filed_appeal_and_a_sane_award():
    appeal = open_medicare()
    with pytest.raises(AppealConflict):
        appeal.decide(outcome="won", decided_on=date(2026, 5, 1), amount_awarded=None,
                      note=None, next_level=None, now=NOW)
    appeal.file(filed_on=date(2026, 4, 1), payer_reference=None, now=NOW)
    with pytest.raises(InvalidInput, match="amount_awarded"):
        appeal.decide(outcome="won", decided_on=date(2026, 5, 1), amount_awarded=D("501"),
                      note=None, next_level=None, now=NOW)
    with pytest.raises(InvalidInput, match="decided_on"):
        appeal.decide(outcome="lost", decided_on=date(2026, 3, 31), amount_awarded=None,
                      note=None, next_level=None, now=NOW)
    assert appeal.status == "filed"


# --------------------------------------------------------------------------- worklist actions
@pytest.mark.parametrize(("carc", "action", "clock"), [
    ("4", "correct_and_resubmit", "timely_filing"), ("11", "fix_or_appeal", "appeal"),
    ("167", "fix_or_appeal", "appeal"), ("15", "correct_and_resubmit", "timely_filing"),
    ("16", "resubmit_per_rarc", "timely_filing"), ("18", "replacement_not_new", "timely_filing"),
    ("22", "update_cob_eligibility", "timely_filing"),
    ("27", "update_cob_eligibility", "timely_filing"), ("29", "write_off", "none"),
    ("45", "contractual_write_off", "none"), ("97", "contractual_write_off", "none"),
    ("50", "appeal", "appeal"), ("96", "review_rarc", "appeal"), ("204", "review_rarc", "appeal"),
    ("119", "benefit_limit", "none"), ("151", "appeal", "appeal"),
    ("197", "retro_auth_or_appeal", "appeal"), ("198", "retro_auth_or_appeal", "appeal"),
    ("253", "expected", "none"), ("999", "review", "appeal"),
])
def test_suggested_action_per_carc(carc, action, clock):
    found = denial_actions().for_carc(carc)
    assert (found.carc, found.action, found.clock) == (carc, action, clock)
    assert found.action_label


@pytest.mark.parametrize(("carc", "payer_type", "act_by_"), [
    ("50", "medicare", date(2026, 7, 18)),  # redetermination: ERA + 120 days
    ("50", "medicare_advantage", date(2026, 5, 19)),
    ("197", "commercial", date(2026, 9, 16)),
    ("4", "medicare", date(2027, 3, 2)),  # timely filing: DOS + 12 months (365 days)
    ("4", "commercial", None),  # contract specific: unknown here
    ("29", "medicare", None), ("50", None, None), ("50", "medicaid", None),
])
def test_deadline_to_act(carc, payer_type, act_by_):
    action = denial_actions().for_carc(carc)
    assert act_by(action, rules=RULES, payer_type=payer_type, determined_on=ERA,
                  service_date=date(2026, 3, 2)) == act_by_


def test_the_primary_carc_carries_most_denied_dollars_and_ignores_paid_lines():
    amounts = [CarcAmount("CO", "45", D("900")), CarcAmount("CO", "197", D("300")),
               CarcAmount("CO", "50", D("400")), CarcAmount("CO", "197", D("200"))]
    reasons = ["CO-197 precertification/authorization absent", "CO-50 not medically necessary"]
    assert denial_carcs(amounts, reasons) == ("197", "50")
    assert denial_carcs([], ["CO-16 claim lacks information"]) == ("16",)
    assert denial_carcs([], []) == ()
