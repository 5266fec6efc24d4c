"""Acceptance rows 9-13 and 17-19 of clinical-loop.md section 8, one test per row, plus the
property tests of the outcome scoring (NRS mapping, relief, HIT-6, MIDAS)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orders.domain import assessments as pv
from orders.domain.checks import run_checks
from orders.domain.history import GivenDrug, VisitResult, build_history
from orders.domain.outcomes import FollowUp, PainScore, classify, validate_follow_up
from orders.seed import outcome_rules, seed_catalog
from orders.testing import AS_OF, lines, patient

RULES = outcome_rules()
ACUTE, PREV = RULES.acute, RULES.preventive
T0 = datetime(2026, 12, 1, 10, tzinfo=UTC)


def series(*points: tuple[str, int]) -> list[PainScore]:
    return [PainScore(p, n, T0 + timedelta(minutes=30 * i))  # type: ignore[arg-type]
            for i, (p, n) in enumerate(points)]


def test_row_09_pain_8_to_2_is_relief_not_pain_free():
    out = classify(series(("pre_drug", 8), ("120_min", 2)), [], ACUTE)
    assert out.response == "relief" and out.relief_2h is True
    assert out.pain_free_2h is False and out.drop_50pct_2h is True
    assert out.time_to_relief_min == 30  # the series' points are 30 min apart


def test_row_10_pain_free_then_rescue_at_20h_is_not_sustained():
    calls = [FollowUp(24, rescue_used=True, rescue_hours=20)]
    out = classify(series(("pre_drug", 6), ("120_min", 0)), calls, ACUTE)
    assert out.response == "pain_free" and out.pain_free_2h is True
    assert out.sustained_freedom_24h is False and out.sustained_relief_24h is False
    assert out.rescue_use is True  # inside 2-48 h
    quiet = classify(series(("pre_drug", 6), ("120_min", 0)), [FollowUp(24)], ACUTE)
    assert quiet.sustained_freedom_24h is True and quiet.sustained_freedom_48h is None


def test_row_11_pain_7_to_5_at_discharge_is_failure():
    out = classify(series(("pre_drug", 7), ("120_min", 6), ("discharge", 5)), [], ACUTE)
    assert out.response == "failure" and out.failure is True


def test_row_12_ed_visit_at_40h_is_an_ed_return_and_in_history():
    calls = [FollowUp(72, ed_visit=True, ed_hours=40)]
    out = classify(series(("pre_drug", 7), ("discharge", 2)), calls, ACUTE)
    assert out.ed_return_72h is True and out.ed_return_hours == 40
    visit = VisitResult(uuid4(), uuid4(), T0, (GivenDrug("ketorolac"),), out)
    hist = build_history([visit], flag_after_failures=2)
    assert hist.visits[0].outcome.ed_return_72h is True


def _visit(protocol, days_ago, ok):
    scores = series(("pre_drug", 8), ("discharge", 2 if ok else 6))
    out = classify(scores, [FollowUp(24)], ACUTE)
    return VisitResult(uuid4(), protocol, T0 - timedelta(days=days_ago),
                       (GivenDrug("ketorolac", "30 mg over 15 min"),), out)


def test_row_13_two_failed_visits_flag_the_protocol_and_propose_the_last_success():
    worked, failing = uuid4(), uuid4()
    hist = build_history([_visit(worked, 30, True), _visit(failing, 10, False),
                          _visit(failing, 3, False)],
                         flag_after_failures=RULES.history.flag_after_failures,
                         protocol_names={str(worked): "DHE + antiemetic"})
    result = run_checks(patient=patient(), lines=lines(("ketorolac", 30)),
                        catalog=seed_catalog(), history=[], as_of=AS_OF, responses=hist,
                        protocol_id=failing)
    [flag] = [f for f in result.findings if f.code == "protocol_failed_recently"]
    assert flag.severity == "warn" and str(worked) in flag.message
    assert "DHE + antiemetic" in flag.message
    info = {f.code: f for f in result.findings if f.severity == "info"}
    assert "1/3" in info["prior_response"].message
    assert info["last_tolerated_rate"].message.endswith("30 mg over 15 min")
    # one failure is not enough
    once = build_history([_visit(worked, 30, True), _visit(failing, 3, False)],
                         flag_after_failures=2)
    again = run_checks(patient=patient(), lines=lines(("ketorolac", 30)),
                       catalog=seed_catalog(), history=[], as_of=AS_OF, responses=once,
                       protocol_id=failing)
    assert not [f for f in again.findings if f.code == "protocol_failed_recently"]


def test_row_17_eptinezumab_12_to_5_mmd_is_minus_58_pct_and_renewal_ready():
    first = date(2026, 3, 1)
    base = pv.Assessment("diary", first - timedelta(days=1),
                         period_start=first - timedelta(days=28), migraine_days=12)
    now = pv.Assessment("diary", date(2026, 8, 28), period_start=date(2026, 8, 1),
                        migraine_days=5)
    s = pv.summarize([base, now], first_dose=first, doses=2, months_on_treatment=6,
                     interval="quarterly", drug_code="eptinezumab", payer_id="bcbsnd",
                     rules=PREV)
    assert round(s.mmd_change_pct or 0) == -58
    assert s.renewal_ready is True and s.renewal_threshold_pct == 50
    assert s.ahs.effective is True
    assert PREV.renewal_threshold("qualchoice").met(58.3)  # >50 %
    assert not PREV.renewal_threshold("qualchoice").met(50)
    assert PREV.renewal_threshold("aetna").met(1)


def test_row_17_baseline_outside_28_to_90_days_is_not_a_baseline():
    first = date(2026, 3, 1)
    old = pv.Assessment("diary", first - timedelta(days=95),
                        period_start=first - timedelta(days=125), migraine_days=12)
    short = pv.Assessment("diary", first - timedelta(days=1),
                          period_start=first - timedelta(days=10), migraine_days=4)
    assert pv.baseline_diary([old, short], first, PREV) is None


def test_row_18_hit6_13_13_11_11_10_10_is_68_severe():
    assert pv.score("hit6", [13, 13, 11, 11, 10, 10], PREV) == (68, "severe")


def test_row_18_hit6_item_value_outside_the_scale_names_the_item():
    [err] = pv.validate_items("hit6", [13, 13, 12, 11, 10, 10], PREV)
    assert err.field == "items[2]"


def test_row_19_midas_15_is_grade_iii():
    assert pv.score("midas", [5, 4, 3, 2, 1], PREV) == (15, "III")


@pytest.mark.parametrize(("total", "grade"), [(0, "I"), (5, "I"), (6, "II"), (10, "II"),
                                              (11, "III"), (20, "III"), (21, "IV")])
def test_midas_grade_edges(total, grade):
    assert PREV.midas_grade(total) == grade


def test_follow_up_hours_need_their_event_and_fit_the_call():
    errs = validate_follow_up(FollowUp(24, ed_visit=True, ed_hours=30), ACUTE)
    assert [e.field for e in errs] == ["ed_hours"]
    assert [e.field for e in validate_follow_up(FollowUp(36), ACUTE)] == ["checkpoint_hours"]


# ------------------------------------------------------------------ properties
HIT6 = st.lists(st.sampled_from(sorted(PREV.hit6_item_values)), min_size=6, max_size=6)
ORDER = ["little_or_none", "some", "substantial", "severe"]


@given(HIT6)
def test_hit6_total_always_36_to_78_with_a_band(items):
    total, band = pv.score("hit6", items, PREV)
    assert 36 <= total <= 78 and band in ORDER


@given(HIT6, HIT6)
def test_hit6_band_is_monotone_in_the_total(a, b):
    (ta, ba), (tb, bb) = pv.score("hit6", a, PREV), pv.score("hit6", b, PREV)
    if ta <= tb:
        assert ORDER.index(ba) <= ORDER.index(bb)


@given(st.integers(0, 450), st.integers(0, 450))
def test_midas_grade_is_monotone(a, b):
    grades = ["I", "II", "III", "IV"]
    lo, hi = sorted((a, b))
    assert grades.index(PREV.midas_grade(lo)) <= grades.index(PREV.midas_grade(hi))


@given(st.integers(0, 10), st.integers(0, 10))
def test_relief_iff_moderate_or_severe_to_mild_or_none(before, after):
    out = classify(series(("pre_drug", before), ("120_min", after)), [], ACUTE)
    eligible = before >= 4  # the mapping: 4-6 moderate, 7-10 severe
    assert out.relief_2h is (after <= 3 if eligible else None)
    assert out.pain_free_2h is (after == 0)
    if eligible:
        assert (out.response in ("pain_free", "relief")) is (after <= 3)


@given(st.integers(0, 10))
def test_every_nrs_has_one_ihs_category(nrs):
    cat = ACUTE.category(nrs)
    assert cat == ("none" if nrs == 0 else "mild" if nrs <= 3 else
                   "moderate" if nrs <= 6 else "severe")


@given(st.integers(1, 31), st.integers(0, 31))
def test_change_pct_sign_follows_the_days(base, now):
    pct = pv.pct_change(base, now)
    assert pct is not None and (pct < 0) is (now < base) and pct >= -100


CALLS = st.lists(st.builds(
    lambda cp, r, rh, e, eh: FollowUp(cp, rescue_used=r, rescue_hours=min(rh, cp) if r else None,
                                      ed_visit=e, ed_hours=min(eh, cp) if e else None),
    st.sampled_from([24, 48, 72]), st.booleans(), st.floats(0, 72), st.booleans(),
    st.floats(0, 72)), max_size=3, unique_by=lambda f: f.checkpoint_hours)


@given(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10), CALLS)
def test_sustained_needs_the_2h_response_and_failure_excludes_relief(before, at2h, dc, calls):
    out = classify(series(("pre_drug", before), ("120_min", at2h), ("discharge", dc)), calls,
                   ACUTE)
    if out.sustained_relief_24h:
        assert out.relief_2h and not any(
            f.rescue_used and (f.rescue_hours or 0) <= 24 for f in calls)
    if out.sustained_freedom_48h:
        assert out.pain_free_2h and out.sustained_freedom_24h
    if out.failure:
        assert not out.relief_2h and not out.relief_at_discharge
    if out.ed_return_72h is False:
        assert not any(f.ed_visit for f in calls)
