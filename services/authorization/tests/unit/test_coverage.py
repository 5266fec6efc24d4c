"""The coverage table: payer x drug x criteria met / not met, against the seed policies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from authorization.domain.coverage import ApprovalSummary, discover_coverage
from authorization.domain.intake import record_coverage
from authorization.domain.policy import CoveragePolicy, Payer, Plan, PolicyBook, PolicySet

from ..conftest import EPTINEZUMAB, KETAMINE, KETOROLAC, NOW, NY, make_signed, take_events

EPTI_300 = {**EPTINEZUMAB, "dose": Decimal(300)}
EPTI_400 = {**EPTINEZUMAB, "dose": Decimal(400)}

# payer, plan, lines, diagnoses, age -> outcome, {hcpcs: (pa, coverage)}, words in reasons
TABLE = [
    ("medicare", "part-b", [EPTINEZUMAB], ["G43.709"], 42,
     "not_required", {"J3032": ("no-auth", "conditional")}, []),
    ("medicare", "part-b", [EPTINEZUMAB], ["G44.209"], 42,
     "not_covered", {"J3032": ("no-auth", "not-covered")}, ["no diagnosis in ['G43']"]),
    ("medicare", "part-b", [EPTINEZUMAB], ["G43.709"], 16,
     "not_covered", {"J3032": ("no-auth", "not-covered")}, ["age 16 < 18"]),
    ("medicare", "part-b", [KETOROLAC], ["G43.909"], 42,
     "not_required", {"J1885": ("no-auth", "covered")}, ["plan default"]),
    ("summit-health", "summit-ppo", [EPTINEZUMAB], ["G43.709"], 42,
     "pa_required", {"J3032": ("auth-needed", "conditional")}, ["prior authorization required"]),
    ("summit-health", "summit-ppo", [EPTINEZUMAB], ["G44.209"], 42,
     "pa_required", {"J3032": ("auth-needed", "conditional")}, ["criterion not met"]),
    ("summit-health", "summit-ppo", [EPTI_400], ["G43.709"], 42,
     "pa_required", {"J3032": ("auth-needed", "conditional")}, ["limit of 300 per 84 days"]),
    ("summit-health", "summit-ppo", [KETOROLAC], ["G43.909"], 42,
     "not_required", {"J1885": ("no-auth", "covered")}, []),
    ("summit-health", "summit-ppo", [KETOROLAC, EPTINEZUMAB], ["G43.709"], 42,
     "pa_required", {"J1885": ("no-auth", "covered"), "J3032": ("auth-needed", "conditional")},
     []),
    ("summit-health", "gold-plan", [EPTINEZUMAB], ["G43.709"], 42,
     "pa_required", {"J3032": ("conditional", "conditional")}, ["plan gold-plan unknown"]),
    ("harbor-health", "harbor-hmo", [EPTI_300], ["G43.709"], 42,
     "pa_required", {"J3032": ("auth-needed", "conditional")}, []),
    ("harbor-health", "harbor-hmo", [KETAMINE], ["G43.909"], 42,
     "not_covered", {"J3490": ("no-auth", "not-covered")}, ["no HCPCS code", "ketamine"]),
    ("harbor-health", "harbor-hmo", [KETAMINE, EPTINEZUMAB], ["G43.709"], 42,
     "not_covered", {"J3490": ("no-auth", "not-covered"), "J3032": ("auth-needed", "conditional")},
     []),
    ("river-medicaid", None, [EPTINEZUMAB], ["G43.709"], 30,
     "pa_required", {"J3032": ("auth-needed", "conditional")}, []),
    ("sunrise-ma", "sunrise-ma-hmo", [EPTINEZUMAB], ["G43.109"], 70,
     "pa_required", {"J3032": ("auth-needed", "conditional")}, []),
    ("no-such-payer", None, [EPTINEZUMAB], ["G43.709"], 42,
     "pa_required", {"J3032": ("conditional", "conditional")}, ["not configured"]),
    (None, None, [EPTINEZUMAB, KETOROLAC], ["G43.709"], 42,
     "not_required", {"J3032": ("no-auth", "conditional"), "J1885": ("no-auth", "conditional")},
     ["self-pay"]),
]


@pytest.mark.parametrize("payer, plan, lines, dx, age, outcome, expect, words", TABLE)
def test_coverage_table(book, payer, plan, lines, dx, age, outcome, expect, words):
    order = make_signed(payer_id=payer, plan_id=plan, lines=lines, diagnoses=dx, age=age)
    decision = discover_coverage(order, book, [], tz=NY, now=NOW)
    assert decision.outcome == outcome
    got = {ln.hcpcs: (ln.pa, ln.coverage) for ln in decision.lines}
    assert got == expect
    reasons = " | ".join(r for ln in decision.lines for r in ln.reasons)
    for w in words:
        assert w in reasons


def test_units_and_payer_details(book):
    order = make_signed(lines=[KETOROLAC, EPTINEZUMAB, {**EPTINEZUMAB, "dose": Decimal(200)}])
    d = discover_coverage(order, book, [], tz=NY, now=NOW)
    j3032 = next(ln for ln in d.lines if ln.hcpcs == "J3032")
    assert j3032.requested_units == 300  # two J3032 lines add up
    assert j3032.sequences == (2, 3)
    assert next(ln for ln in d.lines if ln.hcpcs == "J1885").requested_units == 2
    assert d.payer_known and d.policy_version == 1
    assert [ln.hcpcs for ln in d.case_lines] == ["J3032"]


def test_units_fall_back_to_policy_descriptor_and_report_unknown(book):
    no_desc = {**EPTINEZUMAB, "hcpcs_unit": None}
    d = discover_coverage(make_signed(lines=[no_desc]), book, [], tz=NY, now=NOW)
    assert d.lines[0].requested_units == 100  # policy billing_unit "1 mg"
    vial = {**EPTINEZUMAB, "dose_unit": "vial"}
    d = discover_coverage(make_signed(lines=[vial]), book, [], tz=NY, now=NOW)
    assert d.lines[0].requested_units is None
    assert any("requested units unknown" in r for r in d.lines[0].reasons)


def decision_events(order, book):
    """The events the order's facts record for its coverage decision."""
    d = discover_coverage(order, book, [], tz=NY, now=NOW)
    return take_events(record_coverage(d, order))


def test_events_for_outcomes(book):
    [(etype, payload)] = decision_events(make_signed(lines=[KETOROLAC]), book)
    assert etype == "authorization.not_required"
    assert payload.lines[0].hcpcs == "J1885" and payload.payer_id == "summit-health"
    [(etype, payload)] = decision_events(make_signed(payer_id="harbor-health",
                                                     plan_id="harbor-hmo", lines=[KETAMINE]), book)
    assert etype == "authorization.not_covered"
    assert "J3490" in payload.reason and "not covered" in payload.reason
    # the case records authorization.requested itself
    assert decision_events(make_signed(), book) == []


def _approval(**kw) -> ApprovalSummary:
    base = {
        "case_id": uuid4(),
        "hcpcs": "J3032",
        "auth_number": "AUTH-1",
        "status": "approved",
        "valid_from": date(2026, 1, 1),
        "valid_to": date(2026, 6, 30),
        "approved_units": 300,
        "used_units": 100,
    }
    return ApprovalSummary(**{**base, **kw})


@pytest.mark.parametrize(
    "approval, outcome",
    [
        ({}, "satisfied"),
        ({"used_units": 250}, "pa_required"),  # 50 left < 100 requested
        ({"valid_to": date(2026, 2, 28)}, "pa_required"),  # ended before the visit
        ({"status": "denied"}, "pa_required"),
        ({"hcpcs": "J1885"}, "pa_required"),
    ],
)
def test_existing_approval_satisfies_a_later_order(book, approval, outcome):
    a = _approval(**approval)
    d = discover_coverage(make_signed(), book, [a], tz=NY, now=NOW)
    assert d.outcome == outcome
    line = d.lines[0]
    assert (line.satisfied_by == a) == (outcome == "satisfied")


def test_renewal_detected_from_earlier_approval(book):
    old = _approval(status="expired", valid_to=date(2026, 1, 31), baseline_migraine_days=12)
    d = discover_coverage(make_signed(), book, [old], tz=NY, now=NOW)
    assert d.outcome == "pa_required"
    assert d.lines[0].renewal_of == old
    assert "renewal" in " ".join(d.lines[0].reasons)


def _threshold_book(threshold: int) -> PolicyBook:
    payer = Payer(id="acme", name="Acme", payer_type="commercial",
                  plans=(Plan(id="p1", name="P1"),))
    pol = CoveragePolicy(hcpcs="J3032", pa="conditional", coverage="covered",
                         pa_units_threshold=threshold, billing_unit="1 mg")
    return PolicyBook([payer], [PolicySet(payer_id="acme", version=3, policies=(pol,))])


@pytest.mark.parametrize("threshold, pa, outcome", [(100, "no-auth", "not_required"),
                                                     (99, "auth-needed", "pa_required")])
def test_conditional_pa_by_units_threshold(threshold, pa, outcome):
    book = _threshold_book(threshold)
    d = discover_coverage(make_signed(payer_id="acme", plan_id="p1"), book, [], tz=NY, now=NOW)
    assert (d.lines[0].pa, d.outcome, d.policy_version) == (pa, outcome, 3)


def test_service_day_uses_requested_window_in_practice_zone(book):
    # Approval ends Jun 30; a visit requested for Jun 30 23:30 New York time is still inside
    # (it is already Jul 1 in UTC), one requested a day later is not.
    inside = datetime(2026, 7, 1, 3, 30, tzinfo=UTC)
    d = discover_coverage(make_signed(window_from=inside), book, [_approval()], tz=NY, now=NOW)
    assert d.outcome == "satisfied"
    later = inside + timedelta(days=1)
    d = discover_coverage(make_signed(window_from=later), book, [_approval()], tz=NY, now=NOW)
    assert d.outcome == "pa_required"
