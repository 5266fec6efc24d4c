"""The one place where a won appeal reaches the claim (issue 14: the claim state machine's
``reopen`` is built separately; the merger wires it here).

TODAY: the claim aggregate has no transition back to payment for a denied claim (``submit``
only takes a ready claim), so the win is *recorded*: the appeal keeps ``claim_reopen =
"requested"`` and its ``appeal.decided`` event carries ``reopen_claim: true``; the claim's
status is left as it is.

MERGER: replace the body below by the claim's own transition, in the same transaction, e.g.::

    claim = await uow.claims.get(claim_id)
    if claim is None:
        raise NotFound("no such claim")
    claim.reopen(now=now, reason=f"appeal {appeal_id} won")   # lifecycle.py
    return "reopened"

and the integration test ``test_appeal_won_asks_the_claim_to_reopen`` then expects the
claim's reopened status instead of the unchanged one (and ``claim_reopen == "reopened"``).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from chairside_shared.errors import NotFound
from reimbursement.service.uow import ReimbursementUnitOfWork


async def reopen_claim_after_appeal(*, uow: ReimbursementUnitOfWork, claim_id: UUID,
                                    appeal_id: UUID, now: datetime) -> str:
    """Inside the caller's open unit of work (it commits); what the claim did: "requested"
    (recorded for the claim state machine) or, once wired, "reopened"."""
    claim = await uow.claims.get(claim_id)
    if claim is None:
        raise NotFound("no such claim", claim_id=str(claim_id))
    del appeal_id, now  # used once the claim's reopen transition is wired (see above)
    return "requested"
