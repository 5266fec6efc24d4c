"""The PA case state machine: transitions, history, events, bad payer answers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authorization.domain.case import PACase, PayerDecision
from authorization.domain.coverage import discover_coverage
from authorization.domain.deadlines import time_frames_for
from authorization.domain.errors import (
    InvalidTransition,
    PayerResponseInvalid,
    SubmissionBlocked,
    ValidationFailed,
)
from authorization.domain.intake import add_months, approval_period, open_case

from ..conftest import NOW, NY, make_order, make_signed, take_events

GOOD = {
    "J3032.baseline-migraine-days": 10,
    "J3032.failed-preventive-classes": ["beta-blocker", "tca-snri"],
    "J3032.prescriber-specialty": "neurology",
    "J3032.concurrent-cgrp-antibody": False,
}
APPROVE = PayerDecision(kind="approved", review_code="A1", auth_number="AUTH-77",
                        approved_units={"J3032": 100}, valid_from=date(2026, 3, 2),
                        valid_to=date(2026, 9, 1))
DENY = PayerDecision(kind="denied", review_code="A3", reason_code="MN",
                     reason="criteria for preventive failures not met")
PEND = PayerDecision(kind="pended", review_code="A4")


def new_case(book, **order_kw) -> PACase:
    order = make_signed(**order_kw)
    decision = discover_coverage(order, book, [], tz=NY, now=NOW)
    return open_case(decision, order, book, NOW, NY)


def frames(case):
    return time_frames_for(case.payer_type)


def submitted(book, **kw) -> PACase:
    case = new_case(book, **kw)
    case.answer(GOOD, "user:demo", NOW)
    case.submit("user:demo", NOW, frames(case), NY)
    return case


def test_open_case_is_a_draft_with_questions_and_requested_event(book):
    case = new_case(book)
    assert case.status == "draft" and case.kind == "initial"
    assert [ln.hcpcs for ln in case.lines] == ["J3032"] and case.lines[0].requested_units == 100
    assert case.payer_type == "commercial" and case.policy_version == 1
    assert (case.requested_from, case.requested_to) == (date(2026, 3, 2), date(2026, 9, 1))
    assert case.request_identifier.startswith("PA-")
    assert case.history[0].action == "opened" and case.history[0].actor == "consumer:order.signed"
    [(etype, ev)] = take_events(case)
    assert etype == "authorization.requested"
    assert (ev.case_id, ev.status, ev.lines[0].requested_units) == (case.id, "draft", 100)
    assert take_events(case) == []


def test_submit_needs_answers_then_sets_due_time(book):
    case = new_case(book)
    with pytest.raises(SubmissionBlocked) as err:
        case.submit("user:demo", NOW, frames(case), NY)
    assert "unanswered: J3032.prescriber-specialty" in err.value.reasons
    assert case.status == "draft"
    case.answer(GOOD, "user:demo", NOW)
    case.submit("user:demo", NOW, frames(case), NY)
    assert case.status == "submitted" and case.submitted_at == NOW
    # commercial default: 3 business days, Mon Mar 2 -> Thu Mar 5, 17:00 EST
    assert case.due_at == datetime(2026, 3, 5, 22, tzinfo=UTC)
    assert [h.action for h in case.history] == ["opened", "answered", "submitted"]
    assert case.history[-1].detail["criteria"]


@pytest.mark.parametrize(
    "payer, plan, urgency, due",
    [
        ("sunrise-ma", "sunrise-ma-hmo", "planned", NOW + timedelta(hours=72)),
        ("sunrise-ma", "sunrise-ma-hmo", "same_day", NOW + timedelta(hours=24)),
        ("river-medicaid", None, "planned", NOW + timedelta(hours=24)),
        # Mon + 5 calendar days = Sat Mar 7 -> next business day Mon Mar 9, 17:00 EDT (DST began)
        ("harbor-health", "harbor-hmo", "planned", datetime(2026, 3, 9, 21, tzinfo=UTC)),
        ("harbor-health", "harbor-hmo", "same_day", NOW + timedelta(hours=72)),
    ],
)
def test_due_time_by_payer_type(book, payer, plan, urgency, due):
    case = new_case(book, payer_id=payer, plan_id=plan, urgency=urgency)
    answers = {k: v for k, v in {**GOOD, "J3032.failed-self-injected-cgrp": True}.items()
               if any(q.link_id == k for q in case.questions)}
    case.answer(answers, "user:demo", NOW)
    case.submit("user:demo", NOW, case_frames(book, case), NY)
    assert case.expedited == (urgency == "same_day")
    assert case.due_at == due


def case_frames(book, case):
    payer = book.payer(case.payer_id)
    return time_frames_for(case.payer_type, payer.frames_override(payer.plan(case.plan_id)))


def test_approval_flow_and_event(book):
    case = submitted(book)
    take_events(case)
    assert case.record_decision(PEND, '{"raw": "pend"}', "payer:summit-health", NOW)
    assert case.status == "pended"
    assert not case.record_decision(PEND, "{}", "payer:summit-health", NOW)  # no change
    assert case.record_decision(APPROVE, '{"raw": "ok"}', "payer:summit-health", NOW)
    assert case.status == "approved" and case.auth_number == "AUTH-77"
    assert case.lines[0].approved_units == 100 and case.decided_at == NOW
    assert case.history[-1].payer_response == '{"raw": "ok"}'
    assert [h.action for h in case.history][-2:] == ["pended", "approved"]
    [(etype, ev)] = take_events(case)
    assert etype == "authorization.approved"
    assert (ev.auth_number, ev.valid_from, ev.valid_to) == ("AUTH-77", date(2026, 3, 2),
                                                            date(2026, 9, 1))


def test_denial_keeps_specific_reason(book):
    case = submitted(book)
    take_events(case)
    case.record_decision(DENY, "{}", "payer:summit-health", NOW)
    assert (case.status, case.denial_code) == ("denied", "MN")
    [(etype, ev)] = take_events(case)
    assert etype == "authorization.denied" and "preventive" in ev.reason
    vague = submitted(book)
    vague.record_decision(PayerDecision(kind="denied"), "{}", "payer:x", NOW)
    assert vague.denial_reason == "payer gave no specific denial reason"


@pytest.mark.parametrize(
    "decision, problem",
    [
        (APPROVE.model_copy(update={"approved_units": {"J3032": -5}}), "negative approved units"),
        (APPROVE.model_copy(update={"valid_to": date(2026, 3, 1)}), "before valid_from"),
        (APPROVE.model_copy(update={"auth_number": None}), "authorization number"),
        (APPROVE.model_copy(update={"valid_from": None}), "valid dates"),
        (APPROVE.model_copy(update={"approved_units": {"J9999": 5}}), "not requested"),
    ],
)
def test_bad_payer_approval_changes_nothing(book, decision, problem):
    case = submitted(book)
    before = case.model_dump()
    with pytest.raises(PayerResponseInvalid) as err:
        case.record_decision(decision, "{}", "payer:summit-health", NOW)
    assert any(problem in p for p in err.value.problems)
    assert case.model_dump() == before
    case.record_payer_error(str(err.value), '{"bad": true}', "payer:summit-health", NOW)
    assert case.status == "submitted" and problem in case.last_error
    assert case.history[-1].action == "payer_error"
    assert case.history[-1].payer_response == '{"bad": true}'


ACTIONS = ["answer", "submit", "decide", "withdraw", "expire"]
# status -> actions allowed from it
ALLOWED = {
    "draft": {"answer", "submit", "withdraw"},
    "submitted": {"decide", "withdraw"},
    "pended": {"answer", "decide", "withdraw"},
    "approved": {"withdraw", "expire"},
    "denied": set(),
    "withdrawn": set(),
    "expired": set(),
}


def case_in(book, status: str) -> PACase:
    case = new_case(book)
    if status == "draft":
        return case
    case.answer(GOOD, "u", NOW)
    case.submit("u", NOW, frames(case), NY)
    if status == "pended":
        case.record_decision(PEND, "{}", "p", NOW)
    elif status == "approved":
        case.record_decision(APPROVE, "{}", "p", NOW)
    elif status == "denied":
        case.record_decision(DENY, "{}", "p", NOW)
    elif status == "withdrawn":
        case.withdraw("u", "no longer needed", NOW)
    elif status == "expired":
        case.record_decision(APPROVE, "{}", "p", NOW)
        case.expire_if_past(date(2026, 9, 2), NOW)
    assert case.status == status
    return case


def act(case: PACase, action: str) -> None:
    if action == "answer":
        case.answer({"J3032.baseline-migraine-days": 11}, "u", NOW)
    elif action == "submit":
        case.submit("u", NOW, frames(case), NY)
    elif action == "decide":
        case.record_decision(APPROVE, "{}", "p", NOW)
    elif action == "withdraw":
        case.withdraw("u", "test", NOW)
    elif action == "expire":
        assert case.expire_if_past(date(2026, 9, 2), NOW)


@pytest.mark.parametrize("status", list(ALLOWED))
@pytest.mark.parametrize("action", ACTIONS)
def test_transition_table(book, status, action):
    case = case_in(book, status)
    if action == "submit" and status == "draft":
        case.answer(GOOD, "u", NOW)
    n = len(case.history)
    if action in ALLOWED[status]:
        act(case, action)
        assert len(case.history) == n + 1
    else:
        before = case.model_dump()
        if action == "expire":
            assert not case.expire_if_past(date(2026, 9, 2), NOW)
        else:
            with pytest.raises(InvalidTransition):
                act(case, action)
        assert case.model_dump() == before


def test_expiry_only_after_valid_to(book):
    case = case_in(book, "approved")
    assert not case.expire_if_past(date(2026, 9, 1), NOW)  # last valid day
    assert case.expire_if_past(date(2026, 9, 2), NOW)
    assert take_events(case)[-1][0] == "authorization.expired"


def test_bad_answers_leave_the_case_untouched(book):
    case = new_case(book)
    before = case.model_dump()
    with pytest.raises(ValidationFailed) as err:
        case.answer({"J3032.prescriber-specialty": "astrology", "J3032.bogus": 1}, "u", NOW)
    assert {e.field for e in err.value.errors} == {
        "answers.J3032.prescriber-specialty", "answers.J3032.bogus"}
    assert case.model_dump() == before


def test_unknown_payer_blocks_submission(book):
    case = new_case(book, payer_id="ghost-payer", plan_id=None)
    assert case.blockers == ["payer ghost-payer is not configured"]
    with pytest.raises(SubmissionBlocked, match="not configured"):
        case.submit("u", NOW, None, NY)


def test_unknown_units_become_a_question(book):
    case = new_case(book, lines=[{"drug_code": "eptinezumab", "hcpcs": "J3032",
                                  "hcpcs_unit": None, "dose": 1, "dose_unit": "vial",
                                  "mode": "infusion", "minutes": 30}])
    assert case.lines[0].requested_units is None
    case.answer(GOOD, "u", NOW)
    with pytest.raises(SubmissionBlocked, match="requested units unknown"):
        case.submit("u", NOW, frames(case), NY)
    case.answer({"J3032.requested-units": 100}, "u", NOW)
    case.submit("u", NOW, frames(case), NY)
    assert case.lines[0].requested_units == 100


def test_order_cancel_withdraws_only_when_nothing_else_relies_on_it(book):
    case = case_in(book, "approved")
    other = make_order().order_id
    case.attach_order(other, "consumer", NOW)
    assert take_events(case)[-1][1].order_id == other
    assert case.detach_order(case.order_id, "consumer", "patient moved", NOW)
    assert case.status == "approved" and case.order_ids == [other]
    assert case.detach_order(other, "consumer", "patient moved", NOW)
    assert case.status == "withdrawn"
    assert not case.detach_order(other, "consumer", "again", NOW)  # idempotent


def test_add_months_and_period():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert approval_period(date(2026, 1, 10), 3) == (date(2026, 1, 10), date(2026, 4, 9))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ACTIONS + ["pend", "deny", "bad"]), max_size=12))
def test_random_action_sequences_keep_invariants(book, steps):
    case = new_case(book)
    for step in steps:
        before_status, n = case.status, len(case.history)
        try:
            if step == "pend":
                case.record_decision(PEND, "{}", "p", NOW)
            elif step == "deny":
                case.record_decision(DENY, "{}", "p", NOW)
            elif step == "bad":
                case.record_decision(APPROVE.model_copy(update={"approved_units": {"J3032": -1}}),
                                     "{}", "p", NOW)
            elif step == "submit":
                case.answer(GOOD, "u", NOW)
                act(case, step)
            else:
                act(case, step)
        except (InvalidTransition, PayerResponseInvalid, AssertionError):
            assert case.status == before_status
        else:
            assert len(case.history) >= n
        # invariants
        if case.status == "approved":
            assert case.auth_number and case.valid_from <= case.valid_to
            assert all(ln.approved_units is not None and ln.approved_units >= 0
                       for ln in case.lines)
        if case.status in ("submitted", "pended", "approved", "denied"):
            assert case.submitted_at is not None and case.due_at is not None
        for h in case.history[1:]:
            assert h.from_status is not None and h.to_status is not None
        # every status change is in the history, in order
        changes = [h.to_status for h in case.history if h.to_status != h.from_status]
        assert (changes[-1] if changes else "draft") == case.status

