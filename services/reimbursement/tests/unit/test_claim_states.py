"""The claim state machine: a table of the rules (allowed and refused pairs), the claim's
versions (CLM01 suffix, frequency, REF*F8), and properties over random sequences of actions:
the claim never reaches a status the table does not allow, a refused action changes nothing,
and the history is append-only and ends in the claim's status."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal as D
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chairside_shared.errors import DomainError
from reimbursement.domain.claim import build_claim
from reimbursement.domain.errors import ClaimConflict
from reimbursement.domain.events import ClaimAccepted, ClaimRejected
from reimbursement.domain.holds import Hold
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.remittance import PostingOutcome
from reimbursement.domain.submissions import (
    FilingRule,
    MissingIcn,
    ReplacementNotAccepted,
    TimelyFilingExpired,
    accepts_replacement,
    ensure_timely,
    filing_deadline,
)
from reimbursement.domain.transitions import (
    ACTIONS,
    ADJUDICATED,
    IN_FLIGHT,
    STATUSES,
    Transition,
    allowed,
    can,
    consistent,
)
from reimbursement.testing import T0, give, make_ctx, make_visit

EPTI = "70001000101"
ACTOR = "user:u-7@console"

RULES = [  # action, from, to, allowed
    ("build", None, "ready", True),
    ("build", None, "held", True),
    ("build", None, "submitted", False),
    ("settle", "rejected", "ready", True),  # a rejected claim is fixed like an unsent one
    ("settle", "submitted", "ready", False),
    ("submit", "ready", "submitted", True),
    ("submit", "rejected", "submitted", True),  # sent again as a new version
    ("submit", "held", "submitted", False),
    ("submit", "paid", "submitted", False),
    ("accept", "submitted", "accepted", True),
    ("accept", "corrected", "accepted", True),
    ("accept", "ready", "accepted", False),
    ("reject", "submitted", "rejected", True),
    ("reject", "accepted", "rejected", False),  # accepted into adjudication: denied, never
    ("reject", "paid", "rejected", False),
    ("post", "submitted", "paid", True),  # an 835 may come before the 277CA is read
    ("post", "accepted", "paid_zero", True),
    ("post", "denied", "reversed", True),
    ("post", "ready", "paid", False),
    ("post", "rejected", "paid", False),
    ("post", "closed", "paid", False),
    ("correct", "paid", "corrected", True),
    ("correct", "denied", "corrected", True),
    ("correct", "rejected", "corrected", False),  # rejected: no ICN, resend as frequency 1
    ("correct", "reversed", "corrected", False),
    ("void", "paid", "voided", True),
    ("void", "accepted", "voided", True),
    ("void", "submitted", "voided", False),
    ("appeal", "denied", "appealed", True),
    ("appeal", "partially_paid", "appealed", True),
    ("appeal", "rejected", "appealed", False),  # no adjudication, no appeal
    ("appeal", "paid", "appealed", False),
    ("write_off", "denied", "written_off", True),
    ("write_off", "ready", "written_off", False),
    ("close", "paid", "closed", True),
    ("close", "written_off", "closed", True),
    ("close", "submitted", "closed", False),
    ("migrate", None, "paid", True),
    ("migrate", "ready", "paid", False),
]


@pytest.mark.parametrize(("action", "source", "target", "expected"), RULES)
def test_the_transition_table(action: Any, source: Any, target: Any, expected: bool) -> None:
    assert allowed(action, source, target) is expected


def test_closed_is_final() -> None:
    assert [a for a in ACTIONS if can(a, "closed")] == []


def new_claim() -> Claim:
    visit = make_visit(give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35))
    return Claim.create(claim_id=uuid.UUID(int=7), draft=build_claim(visit, make_ctx()),
                        lot_costs={EPTI: D("1650")}, now=T0)


def posted(status: str, paid: str = "100") -> PostingOutcome:
    return PostingOutcome(cast(Any, status), D(paid), D("0"), D("0"), (), (), ())


def test_rejected_claim_is_sent_again_as_a_new_original_version() -> None:
    claim = new_claim()
    claim.submit(now=T0, actor=ACTOR)
    assert (claim.clm01, claim.current.frequency if claim.current else None) == (
        claim.account_number, "1")
    assert claim.acknowledge(claim.clm01, accepted=False, now=T0, actor="system:exchange",
                             reasons=("277CA A7:562 entity's NPI",))
    assert claim.status == "rejected" and isinstance(claim.events[-1], ClaimRejected)
    assert claim.payer_claim_number is None
    with pytest.raises(ClaimConflict):  # never adjudicated: fix and resend, not replace
        claim.replace_or_void("7", now=T0, actor=ACTOR, reason="fix", accepts_replacement=True)
    claim.submit(now=T0, actor=ACTOR)
    second = claim.current
    assert second is not None
    assert (second.number, second.clm01, second.frequency, second.original_icn) == (
        2, f"{claim.account_number}-2", "1", None)
    # a late answer about the first version changes nothing
    assert not claim.acknowledge(claim.account_number, accepted=True, now=T0, actor="s",
                                 icn="OLD")
    assert claim.acknowledge(second.clm01, accepted=True, now=T0, actor="s", icn="99X")
    assert (claim.status, claim.payer_claim_number) == ("accepted", "99X")
    event = claim.events[-1]
    assert isinstance(event, ClaimAccepted)
    assert (event.clm01, event.payer_claim_number) == (second.clm01, "99X")


def test_replacement_and_void_carry_the_icn_and_need_one() -> None:
    claim = new_claim()
    claim.submit(now=T0)
    claim.acknowledge(claim.clm01, accepted=True, now=T0, actor="s", icn="99X")
    claim.post(posted("paid"), now=T0)
    with pytest.raises(ReplacementNotAccepted) as refused:
        claim.replace_or_void("7", now=T0, actor=ACTOR, reason="fix",
                              accepts_replacement=False)
    assert refused.value.status == 409 and claim.status == "paid"
    claim.replace_or_void("7", now=T0, actor=ACTOR, reason="units corrected",
                          accepts_replacement=True)
    current = claim.current
    assert current is not None
    assert (claim.status, current.frequency, current.original_icn, current.clm01) == (
        "corrected", "7", "99X", f"{claim.account_number}-2")
    assert claim.history[-1] == Transition("correct", "paid", "corrected", ACTOR, T0,
                                           "units corrected")


def test_void_without_an_icn_is_refused_naming_it() -> None:  # case 16
    claim = new_claim()
    claim.submit(now=T0)
    claim.post(posted("paid"), now=T0)  # paid, but no 277CA / CLP07 recorded on the claim
    before = (claim.status, list(claim.history), list(claim.submissions), claim.version)
    with pytest.raises(MissingIcn) as refused:
        claim.replace_or_void("8", now=T0, actor=ACTOR, reason="duplicate",
                              accepts_replacement=True)
    assert refused.value.status == 409 and refused.value.code == "missing-icn"
    assert [e.field for e in refused.value.errors or []] == ["payer_claim_number"]
    assert (claim.status, claim.history, claim.submissions, claim.version) == before


def test_an_illegal_transition_is_a_409_naming_the_status() -> None:
    claim = new_claim()
    with pytest.raises(ClaimConflict) as refused:
        claim.move("close", "closed", now=T0, actor=ACTOR, reason="done")
    assert refused.value.status == 409
    assert refused.value.extra == {"status_now": "ready", "action": "close"}


FILING = [  # payer kind, days on file, date of service, deadline
    ("medicare", None, date(2025, 11, 5), date(2026, 11, 5)),
    ("medicare", None, date(2024, 2, 29), date(2025, 2, 28)),
    ("commercial", None, date(2026, 1, 1), date(2026, 4, 1)),  # default 90 days
    ("commercial", 180, date(2026, 1, 1), date(2026, 6, 30)),
    ("medicare_advantage", 365, date(2026, 1, 1), date(2027, 1, 1)),
]


@pytest.mark.parametrize(("kind", "days", "dos", "deadline"), FILING)
def test_timely_filing_deadlines(kind: str, days: int | None, dos: date, deadline: date) -> None:
    assert filing_deadline(dos, FilingRule(kind, days), default_days=90) == deadline


def test_thirteen_months_after_the_date_of_service_medicare_refuses() -> None:  # case 28
    dos = date(2025, 2, 2)
    deadline = filing_deadline(dos, FilingRule("medicare"), default_days=90)
    ensure_timely(dos, deadline, deadline)  # the last day is still in time
    with pytest.raises(TimelyFilingExpired) as refused:
        ensure_timely(dos, date(2026, 3, 2), deadline)
    assert refused.value.extra == {"deadline": "2026-02-02", "service_date": "2025-02-02"}
    assert "2026-02-02" in refused.value.detail


def test_replacement_claims_by_payer_kind() -> None:
    assert not accepts_replacement(FilingRule("medicare"))  # MACs reopen
    assert accepts_replacement(FilingRule("commercial"))
    assert accepts_replacement(FilingRule("medicare", accepts_replacement_claims=True))


# --------------------------------------------------------------------------- properties
OPS = st.sampled_from(["submit", "accept", "reject", "post", "correct", "void", "appeal",
                       "write_off", "close", "hold", "release"])
POSTED = st.sampled_from(sorted(ADJUDICATED))


def apply(claim: Claim, op: str, status: str, step: int) -> None:
    now = T0 + timedelta(minutes=step)
    if op == "submit":
        claim.submit(now=now, actor=ACTOR)
    elif op in {"accept", "reject"}:
        claim.acknowledge(claim.clm01, accepted=op == "accept", now=now, actor="system:x",
                          icn=f"ICN{step}" if op == "accept" else None,
                          reasons=() if op == "accept" else ("999 IK5 R",))
    elif op == "post":
        claim.post(posted(status), now=now)
    elif op in {"correct", "void"}:
        claim.replace_or_void("7" if op == "correct" else "8", now=now, actor=ACTOR,
                              reason=op, accepts_replacement=True)
    elif op in {"appeal", "write_off", "close"}:
        target = {"appeal": "appealed", "write_off": "written_off", "close": "closed"}[op]
        claim.move(cast(Any, op), cast(Any, target), now=now, actor=ACTOR, reason=op)
    elif op == "hold":
        claim.record_check((Hold("patient.address", "missing"),), now=now)
    else:
        claim.record_check((), now=now)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(OPS, POSTED), max_size=40))
def test_random_actions_never_reach_an_illegal_state(ops: list[tuple[str, str]]) -> None:
    claim = new_claim()
    for step, (op, status) in enumerate(ops):
        history = list(claim.history)
        before = (claim.status, len(claim.submissions), claim.version)
        try:
            apply(claim, op, status, step)
        except DomainError:
            # refused: nothing changed
            assert (claim.status, len(claim.submissions), claim.version) == before
            assert claim.history == history
        assert claim.history[:len(history)] == history  # append-only
        assert claim.status in STATUSES
        assert consistent(claim.history, claim.status)
        if claim.status in IN_FLIGHT:
            assert claim.current is not None and claim.current.outcome == "pending"
        if claim.status in {"corrected", "voided"}:
            assert claim.current is not None and claim.current.original_icn
        clm01s = [s.clm01 for s in claim.submissions]
        assert len(set(clm01s)) == len(clm01s)  # one CLM01 per version


def test_a_277ca_after_the_835_keeps_the_icn_and_the_status() -> None:
    claim = new_claim()
    claim.submit(now=T0)
    claim.post(posted("paid"), now=T0)
    history = list(claim.history)
    assert claim.acknowledge(claim.clm01, accepted=True, now=T0, actor="s", icn="77Y")
    assert (claim.status, claim.payer_claim_number, claim.history) == ("paid", "77Y", history)
    with pytest.raises(ClaimConflict):  # a rejection of an adjudicated claim makes no sense
        claim.acknowledge(claim.clm01, accepted=False, now=T0, actor="s", reasons=("A7",))
