"""Orders assessed a patient's outcome (``outcome.assessed``): keep the figures a renewal's
questions are pre-filled with. Runs in the consumer's unit of work (inbox row written, the
consumer commits); idempotent on its own key too: the same or an older assessment changes
nothing."""

from __future__ import annotations

import logging

from ..domain.outcome_figures import OutcomeFigures
from .uow import AuthorizationUnitOfWork

log = logging.getLogger("authorization.outcomes")


async def outcome_assessed(*, uow: AuthorizationUnitOfWork, figures: OutcomeFigures) -> bool:
    """True when the figures were stored (newer than what was kept)."""
    kept = await uow.outcomes.get(figures.patient_id, figures.drug_code, for_update=True)
    if not figures.replaces(kept):
        return False
    await uow.outcomes.put(figures)
    log.info("outcome figures for assessment %s kept", figures.assessment_id)
    return True
