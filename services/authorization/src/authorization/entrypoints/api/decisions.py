"""POST /v1/authorizations/{id}/decision: a payer decision obtained through the payer's portal,
by phone or by fax, recorded by staff when electronic PA (PAS) cannot be used.

The body's shape is checked here (422 naming the field); whether it fits the case (an approval
needs its number, dates and units, each line one of the case's) is the domain's
(domain/offline_decision.py), which answers 422 naming the field too, and 409 when the case is
no longer open.
"""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from chairside_shared.inputs import Day

from ...domain.offline_decision import DecidedLine, OfflineDecision
from ...service import cases as case_service
from ...service import queries
from .deps import ActorDep, NowDep, UowsDep
from .schemas import Authorization, detail

router = APIRouter(prefix="/v1/authorizations", tags=["prior authorization"])


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class DecisionLineIn(_In):
    hcpcs: str = Field(min_length=1, max_length=10, pattern=r"^[A-Z0-9]+$")
    approved_units: int = Field(ge=0, le=1_000_000)


class PayerDecisionIn(_In):
    channel: Literal["portal", "phone", "fax"] = Field(
        description="How the payer gave its decision")
    reference: str = Field(min_length=1, max_length=50, pattern=r"^[\x21-\x7e ]+$",
                           description="The payer's case or reference id")
    outcome: Literal["approved", "denied"]
    auth_number: str | None = Field(
        None, min_length=1, max_length=50, pattern=r"^[A-Za-z0-9][A-Za-z0-9./-]*$",
        description="Required when approved. Letters, digits, '.', '/', '-': it goes on the "
                    "claim (837P REF*G1), where X12 separators cannot appear")
    valid_from: Day | None = Field(None, description="Required when approved")
    valid_to: Day | None = Field(None, description="Required when approved")
    lines: list[DecisionLineIn] = Field(
        default_factory=list, max_length=50,
        description="Approved units by HCPCS (approved; each a line of the case)")
    reason: str | None = Field(None, min_length=1, max_length=500,
                               description="Required when denied")
    reason_code: str | None = Field(None, min_length=1, max_length=20,
                                    pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$",
                                    description="Required when denied")
    note: str | None = Field(None, max_length=1000)

    def to_domain(self) -> OfflineDecision:
        return OfflineDecision(
            channel=self.channel, reference=self.reference, outcome=self.outcome,
            auth_number=self.auth_number, valid_from=self.valid_from, valid_to=self.valid_to,
            lines=tuple(DecidedLine(hcpcs=ln.hcpcs, approved_units=ln.approved_units)
                        for ln in self.lines),
            reason=self.reason, reason_code=self.reason_code, note=self.note or None)


@router.post("/{authorization_id}/decision", response_model=Authorization,
             summary="Record the payer's decision obtained by portal, phone or fax")
async def record_decision(authorization_id: UUID, body: PayerDecisionIn, uows: UowsDep,
                          now: NowDep, actor: ActorDep) -> Authorization:
    await case_service.record_payer_decision(uows=uows, case_id=authorization_id,
                                             decision=body.to_domain(), actor=actor, now=now)
    entry = await queries.case_entry(uows=uows, case_id=authorization_id, now=now)
    return detail(entry.case, now, list(entry.worklist))
