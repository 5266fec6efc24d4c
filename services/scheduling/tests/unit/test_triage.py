"""Same-day triage (domain/triage.py, seed/triage.json): a table of cases, the rule's parts,
the document checks, and the no-starvation bound as a property over arrival sequences."""

from __future__ import annotations

import copy
import math
import typing
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sched_helpers import FRAME, POLICY, at, day, visit

from chairside_shared import contracts
from scheduling.adapters.triage_seed import triage_document, triage_rule
from scheduling.domain.appointment import Appointment, Status
from scheduling.domain.booking import offer_freed_capacity
from scheduling.domain.triage import DurationCategory, TriageRule, priority_of, triage_order

RULE = triage_rule()


@dataclass(frozen=True)
class Req:
    """A queued request as the rule reads it; minute = when it joined (minutes after 08:00)."""

    name: str
    minute: float
    triage_category: str | None = None
    pediatric: bool = False
    id: UUID = UUID(int=0)

    @property
    def queued_at(self):
        return at(0) + timedelta(minutes=self.minute)


def order_at(minute: float, *reqs: Req, rule: TriageRule = RULE) -> list[str]:
    return [r.name for r in triage_order(reqs, at(0) + timedelta(minutes=minute), rule)]


def test_seed_rule_and_its_bound():
    assert RULE.version == 1
    assert dict(RULE.category_points) == {"status_migrainosus": 120,
                                          "refractory_to_home_rescue": 60,
                                          "prolonged_attack": 45, "routine": 0}
    assert (RULE.pediatric_points, RULE.points_per_minute) == (30, 1)
    assert (RULE.spread, RULE.bound_minutes) == (150, 150)


def test_seed_knows_exactly_the_contract_categories():
    assert set(RULE.category_points) == set(typing.get_args(contracts.TriageCategory))


CASES = [
    # (why, now minute, requests, expected order)
    ("status migrainosus adult before a routine adult queued 20 min earlier", 30,
     [Req("routine", 0), Req("sm", 20, "status_migrainosus")], ["sm", "routine"]),
    ("a child with a 3-day migraine (category from its duration) before a routine adult "
     "queued an hour earlier", 70,
     [Req("routine", 0), Req("child", 60, "status_migrainosus", pediatric=True)],
     ["child", "routine"]),
    ("a child before an adult of the same category queued at the same time", 10,
     [Req("adult", 0, "status_migrainosus"), Req("child", 0, "status_migrainosus", True)],
     ["child", "adult"]),
    ("a child does not pass an adult of a higher category arriving together", 5,
     [Req("child", 0, "prolonged_attack", True), Req("adult", 0, "status_migrainosus")],
     ["adult", "child"]),
    ("equal categories: the one who waited longer first", 50,
     [Req("newer", 30, "refractory_to_home_rescue"), Req("older", 10,
                                                         "refractory_to_home_rescue")],
     ["older", "newer"]),
    ("refractory to home rescue before a prolonged attack", 1,
     [Req("prolonged", 0, "prolonged_attack"), Req("refractory", 0,
                                                   "refractory_to_home_rescue")],
     ["refractory", "prolonged"]),
    ("aging: a routine request 61 min older passes a refractory one", 100,
     [Req("refractory", 61, "refractory_to_home_rescue"), Req("routine", 0)],
     ["routine", "refractory"]),
    ("the bound: after 150 min a routine adult is ahead of a newly arrived child in status "
     "migrainosus (equal score, earlier queued)", 150,
     [Req("child", 150, "status_migrainosus", True), Req("routine", 0)],
     ["routine", "child"]),
    ("one minute short of the bound the child is still first", 149,
     [Req("child", 149, "status_migrainosus", True), Req("routine", 0)],
     ["child", "routine"]),
    ("untriaged (legacy) and unknown categories count as routine", 5,
     [Req("unknown", 0, "no_such_category"), Req("legacy", 1)], ["unknown", "legacy"]),
]


@pytest.mark.parametrize(("why", "now", "reqs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_queue_order_cases(why, now, reqs, expected):
    assert order_at(now, *reqs) == expected, why


def test_equal_score_and_time_break_ties_by_id():
    a = Req("a", 0, id=UUID(int=2))
    b = Req("b", 0, id=UUID(int=1))
    assert order_at(5, a, b) == ["b", "a"]


@pytest.mark.parametrize(("stated", "hours", "expected"), [
    (None, None, "routine"), (None, 23, "routine"), (None, 24, "prolonged_attack"),
    (None, 71, "prolonged_attack"), (None, 72, "status_migrainosus"),
    ("routine", 100, "status_migrainosus"), ("refractory_to_home_rescue", 30,
                                             "refractory_to_home_rescue"),
    ("refractory_to_home_rescue", 72, "status_migrainosus"),
    ("status_migrainosus", 2, "status_migrainosus"), ("no_such_category", None, "routine"),
])
def test_effective_category(stated, hours, expected):
    assert RULE.category_of(stated, hours) == expected


def test_priority_parts():
    child = Req("child", 0, "status_migrainosus", pediatric=True)
    p = priority_of(child, at(0) + timedelta(minutes=42, seconds=59), RULE)
    assert (p.category, p.category_points, p.pediatric_points, p.clinical_points,
            p.waited_minutes, p.aging_points, p.score, p.rule_version) == (
        "status_migrainosus", 120, 30, 150, 42, 42, 192, 1)
    assert priority_of(child, at(0) - timedelta(minutes=5), RULE).waited_minutes == 0


def test_document_checks():
    doc = triage_document()
    capped = copy.deepcopy(doc)
    capped["aging"]["cap"] = 300
    with pytest.raises(ValueError, match="uncapped"):
        TriageRule.from_document(capped)
    flat = copy.deepcopy(doc)
    flat["aging"]["points_per_minute"] = 0
    with pytest.raises(ValueError, match="points_per_minute"):
        TriageRule.from_document(flat)
    no_routine = copy.deepcopy(doc)
    del no_routine["categories"]["routine"]
    with pytest.raises(ValueError, match="routine"):
        TriageRule.from_document(no_routine)
    bad_duration = copy.deepcopy(doc)
    bad_duration["duration_categories"]["value"][0]["category"] = "stroke"
    with pytest.raises(ValueError, match="not categories"):
        TriageRule.from_document(bad_duration)


def test_freed_capacity_goes_to_the_highest_priority():
    # one chair, full but for 120..240; a routine request waited longer than a status
    # migrainosus one (within the bound): the latter gets the time
    st_ = day(n_chairs=1, nurses=2, visits=[visit("x", "c01", 0, 120),
                                            visit("y", "c01", 240, 360)])
    routine = Appointment.queued(minutes=120, now=at(10), urgency="same_day", ready_at=at(10))
    urgent = Appointment.queued(minutes=120, now=at(60), urgency="same_day", ready_at=at(60),
                                triage_category="status_migrainosus")
    placed = offer_freed_capacity(st_, [routine, urgent], at(100), POLICY, RULE)
    assert [(e.id, FRAME.minute_floor(s.start)) for e, s in placed] == [(urgent.id, 120)]
    assert routine.status is Status.QUEUED


# --------------------------------------------------------------------------- no starvation
@st.composite
def rules(draw) -> TriageRule:
    names = ["status_migrainosus", "refractory_to_home_rescue", "prolonged_attack", "routine"]
    points = {n: draw(st.integers(0, 400)) for n in names}
    return TriageRule(version=1, category_points=points,
                      duration_categories=(DurationCategory(72, "status_migrainosus"),),
                      pediatric_points=draw(st.integers(0, 100)),
                      points_per_minute=draw(st.integers(1, 5)))


CATEGORIES = st.sampled_from([*typing.get_args(contracts.TriageCategory), None])
# whole minutes (so arrival gaps hit the bound exactly) plus a fraction of a minute
MINUTES = st.builds(lambda m, f: m + f, st.integers(0, 600), st.sampled_from([0, 0.5, 0.999]))
ARRIVALS = st.lists(st.tuples(MINUTES, CATEGORIES, st.booleans()), min_size=2, max_size=25)


@settings(max_examples=300, deadline=None)
@given(rule=st.one_of(st.just(RULE), rules()), arrivals=ARRIVALS,
       after=st.one_of(st.integers(0, 300), st.floats(0, 300, allow_nan=False),
                       st.just("bound")),
       echo=st.booleans())
def test_no_request_is_passed_by_one_queued_a_bound_later(rule, arrivals, after, echo):
    """For any arrival sequence and any moment: a request is ahead of every request that
    joined at least ``bound_minutes`` after it; so one that has waited the bound is ahead of
    every new arrival. (``echo`` adds the most urgent request exactly the bound after the
    first; ``after="bound"`` looks exactly the bound after the first arrival.)"""
    top = max(rule.category_points, key=lambda k: rule.category_points[k])
    reqs = [Req(f"r{i}", m, cat, ped, id=uuid4()) for i, (m, cat, ped) in enumerate(arrivals)]
    if echo:
        reqs.append(Req("echo", reqs[0].minute + rule.bound_minutes, top, True, id=uuid4()))
    last = max(r.minute for r in reqs)
    now_minute = max(last, reqs[0].minute + rule.bound_minutes) if after == "bound" \
        else last + after
    now = at(0) + timedelta(minutes=now_minute)
    ordered = triage_order(reqs, now, rule)
    place = {r.name: i for i, r in enumerate(ordered)}
    for a in reqs:
        for b in reqs:
            gap = math.floor((b.queued_at - a.queued_at).total_seconds() / 60)
            if b.queued_at > a.queued_at and gap >= rule.bound_minutes:
                assert place[a.name] < place[b.name], (a, b, rule)
    newcomer = Req("new", now_minute, top, True, id=uuid4())
    with_new = triage_order([*reqs, newcomer], now, rule)
    for a in reqs:
        if a.queued_at < now and priority_of(a, now, rule).waited_minutes >= rule.bound_minutes:
            assert with_new.index(a) < with_new.index(newcomer)


@settings(max_examples=100, deadline=None)
@given(rule=rules())
def test_the_bound_is_tight(rule):
    """One minute less and the lowest request can still be passed: the bound is no larger
    than it must be."""
    low = min(rule.category_points, key=lambda k: rule.category_points[k])
    high = max(rule.category_points, key=lambda k: rule.category_points[k])
    if rule.bound_minutes == 0:
        return
    old = Req("old", 0, low, False)
    new = Req("new", rule.bound_minutes - 1, high, True)
    # scored when the newcomer arrives: the old one waited one minute short of the bound
    if (rule.bound_minutes - 1) * rule.points_per_minute < rule.spread:
        assert order_at(rule.bound_minutes - 1, old, new, rule=rule) == ["new", "old"]
