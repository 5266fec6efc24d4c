"""The patient's response history, read inside an open unit of work: for the order checks
(service/handlers.py) and GET /v1/patients/{id}/responses."""

from __future__ import annotations

from uuid import UUID

from orders.adapters.outcome_repository import VisitRows
from orders.domain.history import ResponseHistory, VisitResult, build_history
from orders.domain.outcome_rules import OutcomeRules
from orders.domain.outcomes import classify
from orders.seed import outcome_rules
from orders.service.uow import OrdersUnitOfWork


def visit_results(visits: list[VisitRows], rules: OutcomeRules) -> list[VisitResult]:
    return [VisitResult(order_id=v.order_id, protocol_id=v.protocol_id,
                        completed_at=v.completed_at, drugs=v.drugs,
                        outcome=classify(v.scores, v.follow_ups, rules.acute),
                        reactions=v.reactions) for v in visits]


async def load_history(uow: OrdersUnitOfWork, patient_id: UUID) -> ResponseHistory:
    """Inside an open unit of work: the patient's response history (for checks and reads)."""
    rules = outcome_rules()
    visits = visit_results(await uow.outcomes.visits(patient_id=patient_id), rules)
    names = await uow.outcomes.protocol_names({v.protocol_id for v in visits if v.protocol_id})
    return build_history(visits, flag_after_failures=rules.history.flag_after_failures,
                         protocol_names=names)
