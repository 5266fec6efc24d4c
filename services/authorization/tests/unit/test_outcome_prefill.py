"""Orders' outcome figures (outcome.assessed) pre-fill a renewal's response answers: migraine
days on treatment and at baseline, MIDAS and HIT-6 change; older assessments never win."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from authorization.domain.outcome_figures import OutcomeFigures
from authorization.domain.questions import derive_questions, evaluate_criteria

AT = datetime(2026, 12, 1, tzinfo=UTC)


def figures(**kw):
    base = {"patient_id": uuid4(), "drug_code": "eptinezumab", "assessment_id": uuid4(),
            "assessed_at": AT, "baseline_migraine_days": 12.0, "current_migraine_days": 5.0,
            "migraine_days_change_pct": -58.3}
    return OutcomeFigures(**{**base, **kw})


@pytest.fixture
def summit(book):
    return book.policies("summit-health").lookup("summit-ppo", "J3032")


def test_row_17_renewal_answers_prefilled_and_criterion_met(summit):
    qs = derive_questions("J3032", summit, renewal=True, outcome=figures(
        midas_baseline=30, midas_current=12, hit6_baseline=68, hit6_current=58))
    pre = {q.key: q.prefill for q in qs}
    assert pre["baseline-migraine-days"] == 12 and pre["current-migraine-days"] == 5
    assert pre["midas-change"] == -18 and pre["hit6-change"] == -10
    ans = {"J3032.diagnosis": ["G43.709"], "J3032.acute-use-reduced": True,
           "J3032.prescriber-specialty": "neurology", "J3032.concurrent-cgrp-antibody": False}
    res = {r.key: r.status for r in evaluate_criteria("J3032", summit, qs, ans, renewal=True)}
    assert res["reauth-response"] == "met"  # 12 -> 5 = -58 %, the policy asks 50 %


def test_the_approval_baseline_wins_over_the_diary(summit):
    qs = derive_questions("J3032", summit, renewal=True, baseline_days=10, outcome=figures())
    assert {q.key: q.prefill for q in qs}["baseline-migraine-days"] == 10


def test_no_figures_no_prefill_and_no_score_questions(summit):
    qs = derive_questions("J3032", summit, renewal=True)
    keys = [q.key for q in qs]
    assert "midas-change" not in keys and "hit6-change" not in keys
    assert {q.key: q.prefill for q in qs}["current-migraine-days"] is None


def test_an_initial_request_is_not_prefilled_from_outcomes(summit):
    qs = derive_questions("J3032", summit, renewal=False, outcome=figures())
    assert {q.key: q.prefill for q in qs}["baseline-migraine-days"] is None


def test_an_older_assessment_never_replaces_a_newer_one():
    new = figures()
    old = figures(assessed_at=AT - timedelta(days=1))
    assert new.replaces(old) and new.replaces(None) and not old.replaces(new)


def test_outcome_prefill_replaces_older_figures_and_keeps_other_lines(summit):
    from authorization.domain.outcome_questions import outcome_prefill

    qs = derive_questions("J3032", summit, renewal=True, outcome=figures(
        midas_baseline=30, midas_current=20))
    other = derive_questions("J1885", None, need_units=True)
    fresh = outcome_prefill(qs + other, "J3032", figures(
        current_migraine_days=3.0, midas_baseline=30, midas_current=10, hit6_baseline=66,
        hit6_current=60))
    pre = {q.link_id: q.prefill for q in fresh}
    assert pre["J3032.current-migraine-days"] == 3 and pre["J3032.midas-change"] == -20
    assert pre["J3032.hit6-change"] == -6 and pre["J3032.baseline-migraine-days"] == 12
    assert len([q for q in fresh if q.key == "midas-change"]) == 1
    assert [q for q in fresh if q.hcpcs == "J1885"] == other
