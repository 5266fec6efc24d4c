"""Request and response shapes of the visit record (vitals, escort, discharge). Structural
limits only (the seed's plausible ranges are checked by the domain, naming the field)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from chairside_shared.inputs import Instant
from orders.entrypoints.api.schemas import In

Kind = Literal["baseline", "during", "end", "discharge"]
Poss = Literal["S", "1", "2", "3", "4"]


class VitalsIn(In):
    taken_at: Instant
    kind: Kind
    bp_systolic: int | None = Field(default=None, ge=0, le=400)
    bp_diastolic: int | None = Field(default=None, ge=0, le=300)
    heart_rate: int | None = Field(default=None, ge=0, le=400)
    respiratory_rate: int | None = Field(default=None, ge=0, le=120)
    spo2: int | None = Field(default=None, ge=0, le=100, description="%")
    temperature_c: Decimal | None = Field(default=None, ge=0, le=50, decimal_places=1)
    nrs: int | None = Field(default=None, ge=0, le=10, description="pain 0-10 (optional)")
    poss: Poss | None = Field(default=None, description="Pasero Opioid-Induced Sedation Scale")
    rass: int | None = Field(default=None, ge=-5, le=4,
                             description="Richmond Agitation-Sedation Scale")
    weight_kg: Decimal | None = Field(default=None, gt=0, le=1000, decimal_places=2)
    on_room_air: bool = True


class VitalFindingOut(BaseModel):
    code: str
    field: str
    message: str


class VitalsOut(BaseModel):
    id: UUID
    order_id: UUID
    taken_at: datetime
    kind: Kind
    bp_systolic: int | None
    bp_diastolic: int | None
    heart_rate: int | None
    respiratory_rate: int | None
    spo2: int | None
    temperature_c: Decimal | None
    nrs: int | None
    poss: Poss | None
    rass: int | None
    weight_kg: Decimal | None
    on_room_air: bool
    findings: list[VitalFindingOut]
    recorded_by: str | None
    recorded_at: datetime


class VitalsList(BaseModel):
    items: list[VitalsOut]


class EscortIn(In):
    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=1, max_length=32)


class EscortOut(BaseModel):
    """The escort is on file; its name and phone are not echoed (PHI)."""

    order_id: UUID
    escort_confirmed: bool
    confirmed_at: datetime


class DischargeCheckIn(In):
    gait_steady: bool | None = None
    orthostatics_negative: bool | None = None
    nausea_controlled: bool | None = None


class CriterionOut(BaseModel):
    code: str
    met: bool
    reason: str


class DischargeOut(BaseModel):
    order_id: UUID
    ready: bool
    criteria: list[CriterionOut]
    unmet: list[str]
    recheck_at: datetime | None
    thresholds_version: int
    check_id: UUID | None = None
    checked_at: datetime | None = None
