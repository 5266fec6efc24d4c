"""DTR-style questions from criteria; answer validation; criteria evaluation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authorization.adapters.seed import seed_book
from authorization.domain.questions import (
    derive_questions,
    effective_answers,
    evaluate_criteria,
    missing_answers,
    validate_answers,
)


@pytest.fixture
def summit(book):
    return book.policies("summit-health").lookup("summit-ppo", "J3032")


@pytest.fixture
def harbor(book):
    return book.policies("harbor-health").lookup("harbor-hmo", "J3032")


def keys(qs):
    return [q.key for q in qs]


def test_questions_follow_the_criteria(summit, harbor):
    qs = derive_questions("J3032", summit, diagnoses=["G43.709"], age_years=42)
    assert keys(qs) == ["diagnosis", "age", "baseline-migraine-days", "failed-preventive-classes",
                        "prescriber-specialty", "concurrent-cgrp-antibody"]
    assert all(q.link_id == f"J3032.{q.key}" for q in qs)
    by_key = {q.key: q for q in qs}
    assert by_key["diagnosis"].prefill == ["G43.709"]  # pre-populated from the order
    assert by_key["age"].prefill == 42
    assert "beta-blocker" in by_key["failed-preventive-classes"].options
    # Harbor adds the step through a self-injected CGRP antibody
    assert "failed-self-injected-cgrp" in keys(derive_questions("J3032", harbor))


def test_renewal_asks_for_the_response(summit):
    qs = derive_questions("J3032", summit, renewal=True, baseline_days=12)
    assert keys(qs) == ["diagnosis", "baseline-migraine-days", "current-migraine-days",
                        "acute-use-reduced", "prescriber-specialty", "concurrent-cgrp-antibody"]
    assert next(q for q in qs if q.key == "baseline-migraine-days").prefill == 12


def test_no_criteria_no_questions_but_units_when_unknown():
    assert derive_questions("J1885", None) == []
    [q] = derive_questions("J1885", None, need_units=True)
    assert (q.link_id, q.type, q.min_value) == ("J1885.requested-units", "integer", 1)


@pytest.mark.parametrize(
    "link, value, message",
    [
        ("J3032.nope", 1, "no such question"),
        ("J3032.age", "42", "whole number"),
        ("J3032.age", True, "whole number"),
        ("J3032.age", 42.5, "whole number"),
        ("J3032.age", 121, "at most 120"),
        ("J3032.baseline-migraine-days", -1, "at least 0"),
        ("J3032.baseline-migraine-days", 32, "at most 31"),
        ("J3032.concurrent-cgrp-antibody", "no", "true or false"),
        ("J3032.failed-preventive-classes", "beta-blocker", "list of strings"),
        ("J3032.failed-preventive-classes", ["beta-blocker", "beta-blocker"], "repeat"),
        ("J3032.failed-preventive-classes", ["beta-blocker", "vitamins"], "not among"),
        ("J3032.prescriber-specialty", "dermatology", "not among"),
        ("J3032.prescriber-specialty", "", "non-empty"),
        ("J3032.diagnosis", ["G43.709", "migraine"], "not ICD-10-CM"),
    ],
)
def test_bad_answers_are_rejected_with_field_errors(summit, link, value, message):
    qs = derive_questions("J3032", summit)
    clean, errors = validate_answers(qs, {link: value, "J3032.age": 40} if link != "J3032.age"
                                     else {link: value})
    assert [e.field for e in errors] == [f"answers.{link}"]
    assert message in errors[0].message
    assert link not in clean


def test_good_answers_are_normalized(summit):
    qs = derive_questions("J3032", summit)
    clean, errors = validate_answers(qs, {
        "J3032.diagnosis": ["g43.709"],
        "J3032.failed-preventive-classes": ["beta-blocker", "anticonvulsant"],
        "J3032.age": 30,
        "J3032.concurrent-cgrp-antibody": False,
    })
    assert errors == []
    assert clean["J3032.diagnosis"] == ["G43.709"]


def _answers(**kw):
    base = {
        "J3032.diagnosis": ["G43.709"], "J3032.age": 42,
        "J3032.baseline-migraine-days": 10,
        "J3032.failed-preventive-classes": ["beta-blocker", "anticonvulsant"],
        "J3032.prescriber-specialty": "neurology",
        "J3032.concurrent-cgrp-antibody": False,
    }
    base.update({f"J3032.{k.replace('_', '-')}": v for k, v in kw.items()})
    return base


@pytest.mark.parametrize(
    "change, failing",
    [
        ({}, set()),
        ({"diagnosis": ["G44.209"]}, {"diagnosis"}),
        ({"age": 17}, {"age"}),
        ({"baseline_migraine_days": 3}, {"migraine-days"}),
        ({"failed_preventive_classes": ["beta-blocker"]}, {"failed-preventive-classes"}),
        ({"prescriber_specialty": "primary-care"}, {"prescriber-specialty"}),
        ({"concurrent_cgrp_antibody": True}, {"no-concurrent-cgrp"}),
        ({"age": 12, "concurrent_cgrp_antibody": True}, {"age", "no-concurrent-cgrp"}),
    ],
)
def test_criteria_evaluation_table(summit, change, failing):
    qs = derive_questions("J3032", summit)
    res = evaluate_criteria("J3032", summit, qs, _answers(**change))
    assert {r.key for r in res if r.status == "not_met"} == failing
    assert all(r.status != "unknown" for r in res)


def test_unanswered_criteria_are_unknown_and_missing(summit):
    qs = derive_questions("J3032", summit, diagnoses=["G43.709"], age_years=50)
    res = {r.key: r.status for r in evaluate_criteria("J3032", summit, qs, {})}
    assert res["diagnosis"] == "met" and res["age"] == "met"  # from the prefill
    assert res["migraine-days"] == "unknown"
    assert set(missing_answers(qs, {})) == {
        "J3032.baseline-migraine-days", "J3032.failed-preventive-classes",
        "J3032.prescriber-specialty", "J3032.concurrent-cgrp-antibody"}
    # an explicit None clears a prefill, and the question becomes missing again
    assert "J3032.age" in missing_answers(qs, {"J3032.age": None})
    assert "J3032.age" not in effective_answers(qs, {"J3032.age": None})


@pytest.mark.parametrize(
    "baseline, current, acute, ok",
    [(12, 6, True, True), (12, 7, True, False), (10, 5, True, True), (10, 5, False, False),
     (0, 0, True, False)],
)
def test_reauthorization_needs_half_the_migraine_days(summit, baseline, current, acute, ok):
    qs = derive_questions("J3032", summit, renewal=True)
    ans = {"J3032.diagnosis": ["G43.709"], "J3032.baseline-migraine-days": baseline,
           "J3032.current-migraine-days": current, "J3032.acute-use-reduced": acute,
           "J3032.prescriber-specialty": "neurology", "J3032.concurrent-cgrp-antibody": False}
    res = evaluate_criteria("J3032", summit, qs, ans, renewal=True)
    assert all(r.status == "met" for r in res) == ok


_SUMMIT_QS = derive_questions(
    "J3032", seed_book().policies("summit-health").lookup("summit-ppo", "J3032"))


@given(st.dictionaries(st.text(max_size=20), st.one_of(st.integers(), st.text(), st.booleans(),
                                                      st.none(), st.lists(st.text()))))
def test_validation_never_crashes_and_never_accepts_unknown_links(answers):
    qs = _SUMMIT_QS
    clean, errors = validate_answers(qs, answers)
    known = {q.link_id for q in qs}
    assert set(clean) <= known
    assert len(clean) + len(errors) == len(answers)
