"""What a PA case is made of (its lines and history entries) and what a payer answered."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


class HistoryEntry(BaseModel):
    at: datetime
    actor: str
    action: str
    from_status: str | None = None
    to_status: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
    payer_response: str | None = None  # verbatim body, as received


class CaseLine(BaseModel):
    hcpcs: str
    requested_units: int | None = Field(default=None, ge=0)
    approved_units: int | None = Field(default=None, ge=0)
    used_units: int = Field(default=0, ge=0)

    @property
    def remaining(self) -> int | None:
        if self.approved_units is None:
            return None
        return self.approved_units - self.used_units


class PayerDecision(BaseModel):
    """What a payer said, already read out of FHIR (adapters/pas_response.py)."""

    kind: Literal["approved", "denied", "pended"]
    review_code: str | None = None
    auth_number: str | None = None
    approved_units: dict[str, int] = Field(default_factory=dict)
    valid_from: date | None = None
    valid_to: date | None = None
    reason_code: str | None = None
    reason: str | None = None
