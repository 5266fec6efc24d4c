"""The one place where an appeal reaches the claim's state machine (domain/transitions.py).

Filing moves a denied (or partly paid) claim to ``appealed``; a win, in full or in part,
reopens it for payment (``appealed -> accepted``: the payer adjudicates again and its next 835
posts as usual), in the same transaction as the decision. A loss leaves the claim ``appealed``
so the next level can be filed, or the biller writes it off.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from chairside_shared.errors import NotFound
from reimbursement.domain.lifecycle import Claim
from reimbursement.service.uow import ReimbursementUnitOfWork

ACTOR = "system:appeals"


async def _claim(uow: ReimbursementUnitOfWork, claim_id: UUID) -> Claim:
    claim = await uow.claims.get(claim_id, for_update=True)
    if claim is None:
        raise NotFound("no such claim", claim_id=str(claim_id))
    return claim


async def mark_claim_appealed(*, uow: ReimbursementUnitOfWork, claim_id: UUID,
                              appeal_id: UUID, now: datetime) -> None:
    """Inside the caller's open unit of work: the claim is being appealed (idempotent for a
    claim already ``appealed``, e.g. the next level after a loss)."""
    claim = await _claim(uow, claim_id)
    if claim.status != "appealed":
        claim.move("appeal", "appealed", now=now, actor=ACTOR,
                   reason=f"appeal {appeal_id} filed")


async def reopen_claim_after_appeal(*, uow: ReimbursementUnitOfWork, claim_id: UUID,
                                    appeal_id: UUID, now: datetime) -> str:
    """Inside the caller's open unit of work (it commits): "reopened" once the claim is back
    for payment."""
    claim = await _claim(uow, claim_id)
    if claim.status != "appealed":  # decided without a recorded filing
        claim.move("appeal", "appealed", now=now, actor=ACTOR,
                   reason=f"appeal {appeal_id} decided")
    claim.move("reopen", "accepted", now=now, actor=ACTOR,
               reason=f"appeal {appeal_id} won: reopened for payment")
    return "reopened"
