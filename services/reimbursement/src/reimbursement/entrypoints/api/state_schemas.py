"""API shapes of a claim's state machine: its history, its versions as sent, the actions a
biller takes on a processed claim, and the timely filing worklist."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TransitionOut(_Out):
    action: str
    from_status: str | None = Field(description="null for the first transition (built)")
    to_status: str
    actor: str = Field(description="user:<id>, client:<id> or system:<component> (ids only)")
    at: datetime
    reason: str | None


class SubmissionOut(_Out):
    number: int
    clm01: str = Field(description="CLM01 of this version: the account number, then "
                                   "<account>-<n> for later versions")
    frequency: Literal["1", "7", "8"] = Field(description="CLM05-3: 1 original, 7 "
                                                          "replacement, 8 void")
    original_icn: str | None = Field(description="2300 REF*F8 (frequency 7/8)")
    submitted_at: datetime
    outcome: Literal["pending", "accepted", "rejected"]
    icn: str | None = Field(description="payer claim control number (277CA REF*1K)")
    reasons: list[str]
    acknowledged_at: datetime | None
    control_number: int | None


class ClaimActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500, pattern=r"\S",
                        description="why (kept in the claim's history)")


class ClaimStatusIn(ClaimActionIn):
    action: Literal["appeal", "write_off", "close"]


class PayerClaimRulesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timely_filing_days: int | None = Field(None, ge=1, le=3650, description=(
        "days from the date of service; null: Medicare FFS 12 months, others the default"))
    accepts_replacement_claims: bool | None = Field(None, description=(
        "frequency 7/8 claims; null: all payers but Medicare FFS (MACs reopen instead)"))


class PayerClaimRulesOut(_Out):
    payer_id: str
    payer_kind: str | None
    timely_filing_days: int | None
    accepts_replacement_claims: bool
    updated_at: datetime | None


class TimelyFilingOut(_Out):
    claim_id: UUID
    account_number: str
    payer_id: str | None
    status: str
    service_date: date
    deadline: date
    days_left: int
