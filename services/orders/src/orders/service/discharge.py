"""The discharge criteria of a visit as stored now (vitals, escort, last assessment, reactions),
read inside an open unit of work: for GET/POST discharge and for completing the visit.

``reaction_state_of`` reads the visit's structured reactions (domain/reactions.py): one not
resolved keeps the patient in the chair; the quiet time after the last one is discharge.json's.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from orders.domain.discharge import (
    NO_REACTIONS,
    Assessment,
    Evaluation,
    ReactionState,
    Visit,
    evaluate,
)
from orders.domain.order import Order
from orders.domain.reactions import reaction_state
from orders.domain.vitals import DischargeThresholds
from orders.seed import discharge_thresholds
from orders.seed.reactions import seed_reaction_rules
from orders.service.uow import OrdersUnitOfWork


async def reaction_state_of(uow: OrdersUnitOfWork, order_id: UUID,
                            now: datetime) -> ReactionState:
    """The visit's reactions for the discharge criteria (no reaction: NO_REACTIONS)."""
    recorded = await uow.reactions.for_order(order_id)
    if not recorded:
        return NO_REACTIONS
    state = reaction_state(recorded, now, seed_reaction_rules())
    return ReactionState(active=state.active, last_symptom_at=state.symptom_free_since)


async def evaluation_for(uow: OrdersUnitOfWork, order: Order, now: datetime,
                         assessment: Assessment | None = None,
                         thresholds: DischargeThresholds | None = None) -> Evaluation:
    """The criteria now; without an ``assessment`` the last discharge check's is used."""
    visits = uow.visits
    t = thresholds or discharge_thresholds()
    if assessment is None:
        last = await visits.last_check(order.id)
        assessment = last.assessment if last else None
    visit = Visit(
        vitals=tuple(await visits.vitals(order.id)),
        drug_codes=frozenset(ln.drug_code for ln in order.lines),
        requires_escort=order.requires_driver,
        escort_confirmed=await visits.escort_confirmed_at(order.id) is not None,
        assessment=assessment, reactions=await reaction_state_of(uow, order.id, now))
    return evaluate(visit, t, now)
