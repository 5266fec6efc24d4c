"""Newer outcome figures into a drafted renewal's questions (service/outcomes.py)."""

from __future__ import annotations

from .outcome_figures import OutcomeFigures
from .questions import Question, score_questions, whole_days


def outcome_prefill(questions: list[Question], hcpcs: str,
                    outcome: OutcomeFigures) -> list[Question]:
    """A drafted renewal's questions with newer outcome figures pre-filled: migraine days on
    treatment (and at baseline when the approval gave none), MIDAS and HIT-6 change.
    Explicit answers still win over any prefill (``effective_answers``)."""
    scores = {q.key: q for q in score_questions(hcpcs, outcome)}
    out: list[Question] = []
    for q in questions:
        if q.hcpcs != hcpcs:
            out.append(q)
        elif q.key in scores:
            out.append(scores.pop(q.key))  # the newer figure replaces the older
        elif q.key == "current-migraine-days" and outcome.current_migraine_days is not None:
            out.append(q.model_copy(update={"prefill": whole_days(outcome.current_migraine_days)}))
        elif q.key == "baseline-migraine-days" and q.prefill is None:
            out.append(q.model_copy(update={"prefill": whole_days(outcome.baseline_migraine_days)}))
        else:
            out.append(q)
    return out + list(scores.values())
