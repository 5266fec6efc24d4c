"""PA appeal rules as shipped (seed_data/pa_appeal_rules.json): what may be requested after a
denial and by when, per payer type; the next level after a loss; a peer-to-peer's schedule."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authorization.adapters.appeal_rules_file import pa_appeal_rules
from authorization.domain.appeals import (
    PEER_TO_PEER,
    AppealConflict,
    PaAppeal,
    options,
)
from chairside_shared.errors import InvalidInput

RULES = pa_appeal_rules()
DENIED = date(2026, 3, 10)
NOW = datetime(2026, 3, 11, 15, tzinfo=UTC)


def opts(payer_type: str, appeals=(), denied: date = DENIED) -> list[tuple[str, date]]:
    return [(o.level.code, o.deadline)
            for o in options(RULES.for_payer(payer_type), list(appeals), denied)]


@pytest.mark.parametrize(("payer_type", "expected"), [
    ("medicare_advantage", [(PEER_TO_PEER, date(2026, 3, 24)),
                            ("reconsideration", date(2026, 5, 9))]),  # + 60 days
    ("commercial", [(PEER_TO_PEER, date(2026, 3, 24)),
                    ("internal_appeal", date(2026, 9, 6))]),  # + 180 days
    ("qhp_exchange", [(PEER_TO_PEER, date(2026, 3, 24)),
                      ("internal_appeal", date(2026, 9, 6))]),
    ("medicaid", [(PEER_TO_PEER, date(2026, 3, 24)), ("plan_appeal", date(2026, 5, 9))]),
])
def test_options_after_a_denial(payer_type, expected):
    assert opts(payer_type) == expected


@pytest.mark.parametrize("payer_type", ["medicare_ffs", None, "tricare"])
def test_no_rules_no_appeal(payer_type):
    with pytest.raises(InvalidInput) as err:
        RULES.for_payer(payer_type)
    assert err.value.errors[0].field == "payer_type"


def test_the_peer_to_peer_window_is_marked_unverified_with_its_source():
    for payer_type in ("medicare_advantage", "commercial", "medicaid", "qhp_exchange"):
        p2p = RULES.for_payer(payer_type).peer_to_peer
        assert p2p is not None and p2p.verified is False and "unverified" in p2p.source


def appeal(level: str, payer_type: str = "commercial", *,
           today: date = date(2026, 3, 11)) -> PaAppeal:
    """A peer-to-peer or first-level appeal as offered right after the denial."""
    offered = options(RULES.for_payer(payer_type), [], DENIED)
    option = next(o for o in offered if o.level.code == level)
    return PaAppeal.request(appeal_id=uuid.uuid4(), case_id=uuid.uuid4(),
                            order_id=uuid.uuid4(), payer_id="summit-health", option=option,
                            payer_type=payer_type, denied_on=DENIED, reason="r",
                            payer_reference=None, today=today, now=NOW)


@pytest.mark.parametrize(("payer_type", "first", "after_first"), [
    ("commercial", "internal_appeal", [("external_review", date(2026, 8, 20))]),  # 4 months
    ("medicaid", "plan_appeal", [("state_fair_hearing", date(2026, 8, 18))]),  # 120 days
    ("medicare_advantage", "reconsideration", []),  # the plan forwards it to the IRE
])
def test_a_lost_peer_to_peer_then_a_lost_first_level(payer_type, first, after_first):
    rules = RULES.for_payer(payer_type)
    p2p = appeal(PEER_TO_PEER, payer_type)
    assert opts(payer_type, [p2p]) == []  # one at a time
    p2p.schedule(reviewer="Dr Reviewer", at=datetime(2026, 3, 13, 18, tzinfo=UTC), now=NOW)
    p2p.decide(outcome="lost", decided_on=date(2026, 3, 13), note=None, rules=rules, now=NOW)
    # the first level's clock still runs from the denial
    assert (p2p.next_level, p2p.next_deadline) == (first, rules.levels[0].window.end(DENIED))
    assert opts(payer_type, [p2p]) == [(first, rules.levels[0].window.end(DENIED))]
    level1 = appeal(first, payer_type)
    level1.decide(outcome="lost", decided_on=date(2026, 4, 20), note=None, rules=rules, now=NOW)
    assert opts(payer_type, [p2p, level1]) == after_first
    if payer_type == "medicare_advantage":
        assert (level1.next_level, level1.next_deadline) == ("ire_review", None)
    assert [e.status for e in p2p.events] == ["requested", "scheduled", "decided"]


def test_a_won_appeal_offers_nothing_more():
    rules = RULES.for_payer("commercial")
    p2p = appeal(PEER_TO_PEER)
    p2p.decide(outcome="won", decided_on=date(2026, 3, 12), note=None, rules=rules, now=NOW)
    assert p2p.next_level is None and opts("commercial", [p2p]) == []


@pytest.mark.parametrize(("today", "ok"), [(date(2026, 3, 24), True),
                                           (date(2026, 3, 25), False)])
def test_a_peer_to_peer_after_its_window_is_refused(today, ok):
    if ok:
        assert appeal(PEER_TO_PEER, today=today).deadline == date(2026, 3, 24)
    else:
        with pytest.raises(AppealConflict, match="2026-03-24"):
            appeal(PEER_TO_PEER, today=today)


def test_only_an_undecided_peer_to_peer_is_scheduled():
    rules = RULES.for_payer("commercial")
    level1 = appeal("internal_appeal")
    with pytest.raises(AppealConflict, match="only a peer-to-peer"):
        level1.schedule(reviewer="x", at=NOW, now=NOW)
    p2p = appeal(PEER_TO_PEER)
    p2p.decide(outcome="lost", decided_on=date(2026, 3, 12), note=None, rules=rules, now=NOW)
    with pytest.raises(AppealConflict):
        p2p.schedule(reviewer="x", at=NOW, now=NOW)
    with pytest.raises(AppealConflict):
        p2p.decide(outcome="won", decided_on=date(2026, 3, 12), note=None, rules=rules,
                   now=NOW)
    with pytest.raises(InvalidInput, match="decided_on"):
        appeal(PEER_TO_PEER).decide(outcome="lost", decided_on=date(2026, 3, 1), note=None,
                                    rules=rules, now=NOW)


@given(denied=st.dates(min_value=date(2020, 1, 1), max_value=date(2080, 1, 1)),
       payer_type=st.sampled_from(["medicare_advantage", "commercial", "qhp_exchange",
                                   "medicaid"]))
def test_every_deadline_is_the_denial_plus_its_window(denied, payer_type):
    rules = RULES.for_payer(payer_type)
    for option in options(rules, [], denied):
        assert option.deadline >= denied
        assert option.deadline == denied + timedelta(days=option.level.window.days or 0)
