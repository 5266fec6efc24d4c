"""DTR-style documentation: questions derived from a policy's criteria, answers checked.

Each criterion of a policy (domain doc A4) becomes one question, the way a payer's DTR
Questionnaire would ask it; what the order already tells us (diagnoses, age) is pre-filled, as
DTR pre-populates from the EHR. Link ids are ``<HCPCS>.<key>`` so two drugs never collide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from .codes import PREVENTIVE_CLASSES, SPECIALTIES
from .errors import FieldError
from .outcome_figures import OutcomeFigures
from .policy import CoveragePolicy, Criteria, ReauthRule, normalize_icd10
from .questions_model import AnswerValue, Check, Question, QuestionType
from .requirements import (
    preference_checks,
    preference_question,
    requirement_checks,
    requirement_questions,
)

__all__ = ["AnswerValue", "Check", "CriterionResult", "Question", "QuestionType",
           "derive_questions", "evaluate_criteria", "missing_answers", "validate_answers"]

CriterionStatus = Literal["met", "not_met", "unknown"]

ICD10_RE = re.compile(r"^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")


class CriterionResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    hcpcs: str
    key: str
    status: CriterionStatus
    detail: str


def _q(hcpcs: str, key: str, text: str, type_: QuestionType, **kw: Any) -> Question:
    return Question(link_id=f"{hcpcs}.{key}", hcpcs=hcpcs, key=key, text=text, type=type_, **kw)


def migraine_renewal(policy: CoveragePolicy | None) -> bool:
    """Is a renewal's response counted in migraine days (the default) or by its own
    renewal requirements (``reauth.migraine_response`` false)?"""
    return policy is None or policy.reauth is None or policy.reauth.migraine_response


def derive_questions(
    hcpcs: str,
    policy: CoveragePolicy | None,
    *,
    renewal: bool = False,
    diagnoses: list[str] | None = None,
    age_years: int | None = None,
    need_units: bool = False,
    baseline_days: int | None = None,
    outcome: OutcomeFigures | None = None,
    prescriber_specialty: str | None = None,
    steered: bool = False,
) -> list[Question]:
    """``outcome``: the patient's figures from orders (outcome.assessed); a renewal's answers
    about the response (migraine days, MIDAS, HIT-6 change) are pre-filled from them.
    ``steered``: the payer prefers another product of the molecule (biosimilar-first), so
    the request asks why the preferred one cannot be used."""
    qs: list[Question] = []
    if need_units:
        qs.append(_q(hcpcs, "requested-units", f"Units of {hcpcs} requested",
                     "integer", min_value=1, max_value=100_000))
    c = policy.criteria if policy else None
    if policy is None or c is None:
        return qs
    migraine = migraine_renewal(policy)
    if baseline_days is None and outcome is not None and renewal and migraine:
        baseline_days = whole_days(outcome.baseline_migraine_days)
    qs += _history_questions(hcpcs, c, renewal=renewal and migraine, diagnoses=diagnoses,
                             age_years=age_years, baseline_days=baseline_days,
                             initial=not renewal)
    if renewal and policy.reauth and migraine:
        qs += _response_questions(hcpcs, policy.reauth, outcome)
    qs += _treatment_questions(hcpcs, c, renewal=renewal,
                               specialty=prescriber_specialty)
    if steered and not renewal:
        qs += preference_question(hcpcs, policy)
    return qs + requirement_questions(hcpcs, c.requirements, renewal=renewal)


def _history_questions(hcpcs: str, c: Criteria, *, renewal: bool, diagnoses: list[str] | None,
                       age_years: int | None, baseline_days: int | None,
                       initial: bool) -> list[Question]:
    """Diagnosis, age and the baseline the criteria (or a migraine renewal) compare against.
    ``renewal``: a renewal counted in migraine days; ``initial``: a first request."""
    qs: list[Question] = []
    if c.icd10_prefixes:
        qs.append(_q(hcpcs, "diagnosis", "ICD-10-CM diagnosis codes supporting the request",
                     "string", repeats=True, prefill=list(diagnoses or []) or None))
    if c.min_age is not None and initial:
        qs.append(_q(hcpcs, "age", "Patient age in years", "integer",
                     min_value=0, max_value=120, prefill=age_years))
    if c.min_monthly_migraine_days is not None or renewal:
        qs.append(_q(hcpcs, "baseline-migraine-days",
                     "Documented baseline migraine days per month (before this treatment)",
                     "integer", min_value=0, max_value=31, prefill=baseline_days))
    return qs


def whole_days(value: float | None) -> int | None:
    """Diary days per month, as the whole number the question asks for (0-31)."""
    return None if value is None else min(31, max(0, round(value)))


def _response_questions(hcpcs: str, reauth: ReauthRule,
                        outcome: OutcomeFigures | None = None) -> list[Question]:
    """A renewal: how the patient responded to the treatment."""
    qs = [_q(hcpcs, "current-migraine-days", "Migraine days per month on treatment", "integer",
             min_value=0, max_value=31,
             prefill=whole_days(outcome.current_migraine_days) if outcome else None)]
    qs += score_questions(hcpcs, outcome)
    if reauth.requires_reduced_acute_use:
        qs.append(_q(hcpcs, "acute-use-reduced",
                     "Has acute (abortive) medication use decreased on treatment?", "boolean"))
    return qs


def score_questions(hcpcs: str, outcome: OutcomeFigures | None) -> list[Question]:
    """Documented scores, asked only when orders has them (not required by the criteria)."""
    qs: list[Question] = []
    if outcome is not None and outcome.midas_change is not None:
        qs.append(_q(hcpcs, "midas-change", "Change in MIDAS score from baseline (points)",
                     "integer", required=False, min_value=-450, max_value=450,
                     prefill=outcome.midas_change))
    if outcome is not None and outcome.hit6_change is not None:
        qs.append(_q(hcpcs, "hit6-change", "Change in HIT-6 score from baseline (points)",
                     "integer", required=False, min_value=-42, max_value=42,
                     prefill=outcome.hit6_change))
    return qs


def _treatment_questions(hcpcs: str, c: Criteria, *, renewal: bool,
                         specialty: str | None = None) -> list[Question]:
    """Earlier treatments, the prescriber, and other antibodies at the same time."""
    qs: list[Question] = []
    if c.min_failed_preventive_classes and not renewal:
        qs.append(_q(hcpcs, "failed-preventive-classes",
                     "Preventive classes tried for about 2 months each and failed or not "
                     "tolerated", "choice", repeats=True, options=PREVENTIVE_CLASSES,
                     required=True))
    if c.requires_failed_self_injected_cgrp and not renewal:
        qs.append(_q(hcpcs, "failed-self-injected-cgrp",
                     "Has a self-injected CGRP antibody (erenumab, fremanezumab, galcanezumab) "
                     "failed or not been tolerated?", "boolean"))
    if c.prescriber_specialties:
        qs.append(_q(hcpcs, "prescriber-specialty", "Prescriber specialty", "choice",
                     options=SPECIALTIES,
                     prefill=specialty if specialty in SPECIALTIES else None))
    if c.no_concurrent_cgrp_antibody:
        qs.append(_q(hcpcs, "concurrent-cgrp-antibody",
                     "Will the patient receive another CGRP monoclonal antibody at the same "
                     "time?", "boolean"))
    return qs


# --------------------------------------------------------------------------- answers
def _check(q: Question, value: Any) -> tuple[AnswerValue | None, str | None]:
    if value is None:
        return None, None
    if q.repeats:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None, "expected a list of strings"
        if len(set(value)) != len(value):
            return None, "values repeat"
        items = value
    elif q.type == "boolean":
        return (value, None) if isinstance(value, bool) else (None, "expected true or false")
    elif q.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return None, "expected a whole number"
        if q.min_value is not None and value < q.min_value:
            return None, f"must be at least {q.min_value}"
        if q.max_value is not None and value > q.max_value:
            return None, f"must be at most {q.max_value}"
        return value, None
    elif not isinstance(value, str) or not value.strip():
        return None, "expected a non-empty string"
    else:
        items = [value]
    if q.options:
        bad = [v for v in items if v not in q.options]
        if bad:
            return None, f"not among the options {list(q.options)}: {bad}"
    if q.key == "diagnosis":
        bad = [v for v in items if not ICD10_RE.match(v.strip().upper())]
        if bad:
            return None, f"not ICD-10-CM codes: {bad}"
        items = [v.strip().upper() for v in items]
    return (items if q.repeats else items[0]), None


def validate_answers(
    questions: list[Question], answers: Mapping[str, object]
) -> tuple[dict[str, AnswerValue | None], list[FieldError]]:
    """Typed answers keyed by link id, or the field errors; all-or-nothing for the caller."""
    by_id = {q.link_id: q for q in questions}
    clean: dict[str, AnswerValue | None] = {}
    errors: list[FieldError] = []
    for link_id, value in answers.items():
        q = by_id.get(link_id)
        if q is None:
            errors.append(FieldError(field=f"answers.{link_id}", message="no such question"))
            continue
        checked, problem = _check(q, value)
        if problem:
            errors.append(FieldError(field=f"answers.{link_id}", message=problem))
        else:
            clean[link_id] = checked
    return clean, errors


def effective_answers(
    questions: list[Question], answers: dict[str, AnswerValue | None]
) -> dict[str, AnswerValue]:
    """Explicit answers override pre-filled ones; an explicit ``None`` clears a prefill."""
    out: dict[str, AnswerValue] = {}
    for q in questions:
        value = answers.get(q.link_id, q.prefill)
        if value is not None and value != []:
            out[q.link_id] = value
    return out


def missing_answers(questions: list[Question], answers: dict[str, AnswerValue | None]) -> list[str]:
    eff = effective_answers(questions, answers)
    return [q.link_id for q in questions if q.required and q.link_id not in eff]


# --------------------------------------------------------------------------- criteria

def evaluate_criteria(
    hcpcs: str,
    policy: CoveragePolicy | None,
    questions: list[Question],
    answers: dict[str, AnswerValue | None],
    *,
    renewal: bool = False,
) -> list[CriterionResult]:
    c = policy.criteria if policy else None
    if policy is None or c is None:
        return []
    eff = effective_answers(questions, answers)

    def get(key: str) -> Any:
        return eff.get(f"{hcpcs}.{key}")

    checks = _criteria_checks(c, get, renewal=renewal)
    if renewal and policy.reauth and migraine_renewal(policy):
        checks += _reauth_checks(policy.reauth, get)
    checks += preference_checks(hcpcs, policy, questions, get)
    checks += requirement_checks(c.requirements, get, renewal=renewal)
    return [CriterionResult(hcpcs=hcpcs, key=key, detail=detail,
                            status="unknown" if ok is None else ("met" if ok else "not_met"))
            for key, ok, detail in checks]


def _criteria_checks(c: Criteria, get: Callable[[str], Any], *, renewal: bool) -> list[Check]:
    out: list[Check] = []
    if c.icd10_prefixes:
        dx = get("diagnosis")
        ok = None if dx is None else any(
            normalize_icd10(d).startswith(p) for d in dx for p in c.icd10_prefixes)
        out.append(("diagnosis", ok, f"a diagnosis starting with one of {list(c.icd10_prefixes)}"))
    if c.min_age is not None and not renewal:
        age = get("age")
        out.append(("age", None if age is None else age >= c.min_age, f"age >= {c.min_age}"))
    base = get("baseline-migraine-days")
    if c.min_monthly_migraine_days is not None and not renewal:
        out.append(("migraine-days", None if base is None else base >= c.min_monthly_migraine_days,
                    f">= {c.min_monthly_migraine_days} documented migraine days per month"))
    if c.min_failed_preventive_classes and not renewal:
        failed = get("failed-preventive-classes")
        out.append(("failed-preventive-classes",
                    None if failed is None else len(set(failed)) >= c.min_failed_preventive_classes,
                    f">= {c.min_failed_preventive_classes} preventive classes failed"))
    if c.requires_failed_self_injected_cgrp and not renewal:
        out.append(("failed-self-injected-cgrp", get("failed-self-injected-cgrp"),
                    "a self-injected CGRP antibody failed first"))
    if c.prescriber_specialties:
        spec = get("prescriber-specialty")
        out.append(("prescriber-specialty",
                    None if spec is None else spec in c.prescriber_specialties,
                    f"prescribed by {list(c.prescriber_specialties)}"))
    if c.no_concurrent_cgrp_antibody:
        v = get("concurrent-cgrp-antibody")
        out.append(("no-concurrent-cgrp", None if v is None else not v,
                    "no second CGRP antibody at the same time"))
    return out


def _reauth_checks(r: ReauthRule, get: Callable[[str], Any]) -> list[Check]:
    base, cur = get("baseline-migraine-days"), get("current-migraine-days")
    ok = None
    if base is not None and cur is not None:
        # >= N% fewer days than baseline, in integers: (base - cur) * 100 >= N * base
        ok = base > 0 and (base - cur) * 100 >= r.min_reduction_pct * base
    out: list[Check] = [("reauth-response", ok,
                         f">= {r.min_reduction_pct}% fewer migraine days than baseline")]
    if r.requires_reduced_acute_use:
        out.append(("reauth-acute-use", get("acute-use-reduced"), "less acute medication use"))
    return out
