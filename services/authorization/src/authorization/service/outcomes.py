"""Orders assessed a patient's outcome (``outcome.assessed``): keep the figures a renewal's
questions are pre-filled with, and refresh the pre-fills of the patient's renewal cases still
in draft. Runs in the consumer's unit of work (inbox row written, the consumer commits);
idempotent on its own key too: the same or an older assessment changes nothing."""

from __future__ import annotations

import logging
from datetime import datetime

from ..adapters import orm
from ..domain.outcome_figures import OutcomeFigures, figures_for
from ..domain.outcome_questions import outcome_prefill
from .uow import AuthorizationUnitOfWork

log = logging.getLogger("authorization.outcomes")
ACTOR = "consumer:outcome.assessed"


async def outcome_assessed(*, uow: AuthorizationUnitOfWork, figures: OutcomeFigures,
                           now: datetime) -> bool:
    """True when the figures were stored (newer than what was kept)."""
    kept = await uow.outcomes.get(figures.patient_id, figures.drug_code, for_update=True)
    if not figures.replaces(kept):
        return False
    await uow.outcomes.put(figures)
    await _refresh_drafts(uow, figures, now)
    log.info("outcome figures for assessment %s kept", figures.assessment_id)
    return True


async def _refresh_drafts(uow: AuthorizationUnitOfWork, figures: OutcomeFigures,
                          now: datetime) -> None:
    c = orm.pa_cases.c
    drafts = await uow.cases.find(c.patient_id == figures.patient_id, c.status == "draft",
                                  c.kind == "renewal", for_update=True)
    if not drafts:
        return
    known = await uow.outcomes.for_patient(figures.patient_id)
    for case in drafts:
        facts = await uow.orders.get(case.order_id)
        lines = facts.lines if facts is not None else ()
        questions = list(case.questions)
        for ln in case.lines:
            if (mine := figures_for(ln.hcpcs, lines, known)) is not None:
                questions = outcome_prefill(questions, ln.hcpcs, mine)
        if questions != case.questions:
            case.questions = questions
            case.log(now, ACTOR, "outcomes_prefilled", assessment_id=str(figures.assessment_id))
