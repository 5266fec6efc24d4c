"""HTTP models of the recall due list (apart from the table and the event contract)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chairside_shared.inputs import Day

RecallStatus = Literal["due", "offered", "booked", "overdue", "closed"]


class RecallOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: UUID
    patient_id: UUID
    practice_id: str = Field(description="the referring practice of the dose")
    drug_code: str
    hcpcs: str | None
    status: RecallStatus
    source_order_id: UUID = Field(description="the order of the dose this recall follows")
    next_order_id: UUID | None = Field(description="the next dose's order, once signed")
    last_dose_on: date
    units_given: int
    earliest: date = Field(description="no visit of the next dose before this clinic day")
    target_from: date
    target_to: date
    latest: date = Field(description="overdue after this day")
    quantity_limit_units: int | None = Field(description="the payer's cap applied, if any")
    quantity_limit_period_days: int | None
    auth_valid_to: date | None = Field(description="the approval's last day (auth expiry)")
    pre_dose_checks: list[str]
    offered_at: datetime | None
    overdue_at: datetime | None


class RecallPage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[RecallOut]
    next_cursor: str | None = None


class RecallQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    status: RecallStatus | None = None
    practice_id: str | None = Field(None, min_length=1, max_length=80)
    from_: Day | None = Field(None, alias="from",
                              description="target window opening on or after this day")
    to: Day | None = Field(None, description="target window opening on or before this day")
    limit: int = Field(100, ge=1, le=500)
    cursor: UUID | None = None

    @model_validator(mode="after")
    def _ordered(self) -> RecallQuery:
        if self.from_ is not None and self.to is not None and self.to < self.from_:
            raise ValueError("to must not be before from")
        return self
