"""A payer decision obtained by portal, phone or fax: which case states take it, what it
records, the events it leaves, and the input it refuses (field by field)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from authorization.domain.case import PAS_BLOCKER, PACase
from authorization.domain.errors import InvalidTransition, ValidationFailed
from authorization.domain.offline_decision import (
    DecidedLine,
    OfflineDecision,
    record_offline_decision,
)

from ..conftest import NOW, take_events
from .test_case import APPROVE, DENY, GOOD, PEND, new_case, submitted

APPROVED = OfflineDecision(
    channel="portal", reference="AV-2026-0042", outcome="approved", auth_number="PORTAL-881",
    valid_from=date(2026, 3, 2), valid_to=date(2026, 8, 31),
    lines=(DecidedLine("J3032", 100),), note="read on the payer portal")
DENIED = OfflineDecision(channel="fax", reference="FX-77", outcome="denied",
                         reason="step therapy not documented", reason_code="MN")
LATER = NOW + timedelta(hours=2)


def _draft(book) -> PACase:
    return new_case(book)


def _held(book) -> PACase:
    case = new_case(book)
    case.answer(GOOD, "user:demo", NOW)
    case.hold_for_pas(["RxNorm code for eptinezumab"], "user:demo", NOW)
    return case


def _pended(book) -> PACase:
    case = submitted(book)
    case.record_decision(PEND, "{}", "payer:summit-health", NOW)
    return case


def _decided(decision):
    def build(book) -> PACase:
        case = submitted(book)
        case.record_decision(decision, "{}", "payer:summit-health", NOW)
        return case
    return build


def _withdrawn(book) -> PACase:
    case = new_case(book)
    case.withdraw("user:demo", "order cancelled", NOW)
    return case


def _expired(book) -> PACase:
    case = _decided(APPROVE)(book)
    assert case.expire_if_past(date(2026, 9, 2), NOW)
    return case


ALLOWED = {"draft": _draft, "draft held for PAS": _held, "submitted": submitted,
           "pended": _pended}
REFUSED = {"approved": _decided(APPROVE), "denied": _decided(DENY),
           "withdrawn": _withdrawn, "expired": _expired}


@pytest.mark.parametrize("state", sorted(ALLOWED))
@pytest.mark.parametrize("decision", [APPROVED, DENIED], ids=["approved", "denied"])
def test_open_cases_take_the_decision_with_its_events(book, state, decision):
    case = ALLOWED[state](book)
    take_events(case)
    record_offline_decision(case, decision, "user:nurse-7@console", LATER)
    assert case.status == decision.outcome and case.decided_at == LATER
    assert case.blockers == []
    entry = case.history[-1]
    assert (entry.action, entry.to_status, entry.actor) == (
        decision.outcome, decision.outcome, "user:nurse-7@console")
    assert entry.detail["channel"] == decision.channel
    assert entry.detail["reference"] == decision.reference
    assert entry.payer_response is None
    [(etype, ev)] = take_events(case)
    assert etype == f"authorization.{decision.outcome}" and ev.case_id == case.id
    if decision.outcome == "approved":
        assert (ev.auth_number, ev.valid_from, ev.valid_to) == (
            "PORTAL-881", date(2026, 3, 2), date(2026, 8, 31))
        assert [(ln.hcpcs, ln.approved_units) for ln in ev.lines] == [("J3032", 100)]
        assert case.lines[0].approved_units == 100 and case.auth_number == "PORTAL-881"
    else:
        assert (ev.reason, ev.reason_code) == ("step therapy not documented", "MN")
        assert (case.denial_reason, case.denial_code) == ("step therapy not documented", "MN")


def test_a_held_case_keeps_what_held_it_in_the_log(book):
    case = _held(book)
    record_offline_decision(case, APPROVED, "user:nurse-7", LATER)
    assert case.history[-1].detail["blockers_cleared"] == [
        PAS_BLOCKER + "RxNorm code for eptinezumab"]
    assert case.history[-1].from_status == "draft"


@pytest.mark.parametrize("state", sorted(REFUSED))
def test_closed_cases_refuse(book, state):
    case = REFUSED[state](book)
    before = (case.status, len(case.history), case.auth_number)
    take_events(case)
    with pytest.raises(InvalidTransition) as err:
        record_offline_decision(case, APPROVED, "user:nurse-7", LATER)
    assert err.value.current_status == state
    assert (case.status, len(case.history), case.auth_number) == before
    assert take_events(case) == []


@pytest.mark.parametrize("change, fields", [
    ({"auth_number": None}, ["auth_number"]),
    ({"valid_from": None, "valid_to": None}, ["valid_from", "valid_to"]),
    ({"valid_to": date(2026, 3, 1)}, ["valid_to"]),
    ({"lines": ()}, ["lines"]),
    ({"lines": (DecidedLine("J1885", 2),)}, ["lines.0.hcpcs"]),
    ({"lines": (DecidedLine("J3032", 1), DecidedLine("J3032", 2))}, ["lines.1.hcpcs"]),
    ({"lines": (DecidedLine("J3032", -1),)}, ["lines.0.approved_units"]),
    ({"reason_code": "MN"}, ["reason_code"]),
    ({"reference": "  "}, ["reference"]),
])
def test_bad_approvals_name_the_field_and_change_nothing(book, change, fields):
    case = _held(book)
    before = case.model_dump()
    with pytest.raises(ValidationFailed) as err:
        record_offline_decision(case, replace(APPROVED, **change), "user:nurse-7", LATER)
    assert [e.field for e in err.value.errors] == fields
    assert case.model_dump() == before
    assert [t for t, _ in take_events(case)] == ["authorization.requested"]


@pytest.mark.parametrize("change, fields", [
    ({"reason": None}, ["reason"]),
    ({"reason_code": None, "reason": None}, ["reason", "reason_code"]),
    ({"auth_number": "X-1"}, ["auth_number"]),
    ({"lines": (DecidedLine("J3032", 1),)}, ["lines"]),
])
def test_bad_denials_name_the_field(book, change, fields):
    case = submitted(book)
    with pytest.raises(ValidationFailed) as err:
        record_offline_decision(case, replace(DENIED, **change), "user:nurse-7", LATER)
    assert [e.field for e in err.value.errors] == fields
    assert case.status == "submitted"
