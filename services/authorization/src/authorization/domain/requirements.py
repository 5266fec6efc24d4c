"""Criteria stated as data (``Requirement``) and the biosimilar-first exception: the DTR
questions they ask and whether the answers meet them. A payer adding a drug policy with its
own requirements needs no code: the question, its options and its test come from the policy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .policy import CoveragePolicy, Requirement
from .questions_model import Check, Question, question

PREFERENCE_KEY = "preferred-product-exception"


def requirement_questions(hcpcs: str, requirements: tuple[Requirement, ...], *,
                          renewal: bool) -> list[Question]:
    out: list[Question] = []
    for r in requirements:
        if not r.asked(renewal=renewal):
            continue
        if r.type == "choice":
            out.append(question(hcpcs, r.key, r.text, "choice", repeats=True, options=r.options))
        else:
            out.append(question(hcpcs, r.key, r.text, r.type))
    return out


def requirement_checks(requirements: tuple[Requirement, ...], get: Callable[[str], Any], *,
                       renewal: bool) -> list[Check]:
    out: list[Check] = []
    for r in requirements:
        if not r.asked(renewal=renewal):
            continue
        value = get(r.key)
        out.append((r.key, None if value is None else _meets(r, value), _describe(r)))
    return out


def _meets(r: Requirement, value: Any) -> bool:
    if r.type == "boolean":
        return bool(value is r.expect)
    if r.type == "integer":
        low_ok = r.min_value is None or value >= r.min_value
        return low_ok and (r.max_value is None or value <= r.max_value)
    chosen = set(value) & set(r.options)
    return len(chosen) >= (r.min_selected or 1)


def _describe(r: Requirement) -> str:
    if r.type == "boolean":
        return f"{r.text} -> {'yes' if r.expect else 'no'}"
    if r.type == "integer":
        low = "" if r.min_value is None else f">= {r.min_value}"
        high = "" if r.max_value is None else f"<= {r.max_value}"
        return f"{r.text}: {' and '.join(x for x in (low, high) if x)}"
    return f"{r.text}: at least {r.min_selected} of {list(r.options)}"


def preference_question(hcpcs: str, policy: CoveragePolicy) -> list[Question]:
    """The exception a steered product needs (policy ``preference``, mode ``step``)."""
    pref = policy.preference
    if pref is None or pref.mode != "step":
        return []
    return [question(hcpcs, PREFERENCE_KEY,
                     f"The payer prefers {pref.names()} for {pref.molecule}. Has the preferred "
                     "product been tried and failed or not been tolerated, or is there a "
                     "documented medical reason it cannot be used?", "boolean")]


def preference_checks(hcpcs: str, policy: CoveragePolicy, questions: list[Question],
                      get: Callable[[str], Any]) -> list[Check]:
    """Checked only when the case asked it (the order was for a steered product)."""
    pref = policy.preference
    if pref is None or not any(q.link_id == f"{hcpcs}.{PREFERENCE_KEY}" for q in questions):
        return []
    value = get(PREFERENCE_KEY)
    return [(PREFERENCE_KEY, None if value is None else value is True,
             f"a documented reason {pref.names()} cannot be used")]
