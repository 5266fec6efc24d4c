"""API shapes of coordination of benefits, patient statements and credit balances."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from reimbursement.entrypoints.api.schemas import CobOut, Money, Out

__all__ = ["CobOut", "CreditBalanceOut", "ReleaseIn"]

class ReleaseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    released_by: str = Field(min_length=1, max_length=120, pattern=r"\S",
                             description="who releases the hold (staff id or name)")
    reason: str = Field(min_length=1, max_length=300, pattern=r"\S")


class CreditBalanceOut(Out):
    claim_id: UUID
    payer_id: str | None
    paid: Money = Field(description="net of every applied posting")
    due: Money = Field(description="what the payers' standing decisions say")
    credit: Money = Field(description="to refund")
    reason: str
