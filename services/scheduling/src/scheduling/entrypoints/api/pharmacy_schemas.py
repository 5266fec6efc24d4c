"""HTTP models of the pharmacy's configuration (hoods, pharmacists' shifts)."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from chairside_shared.inputs import Instant
from scheduling.entrypoints.api.schemas import BreakIn, Schema


class PharmacyHoodsIn(Schema):
    hoods: int | None = Field(
        ge=0, le=50, description="hoods the pharmacy prepares in (one visit's drugs at a time "
        "each, while a pharmacist works it); null: preparation is not limited and the fixed "
        "preparation lead applies")


class PharmacyHoodsOut(PharmacyHoodsIn):
    limited: bool = Field(description="whether preparation is a limited resource")


class PharmacistShiftIn(Schema):
    pharmacist_id: str = Field(min_length=1, max_length=60)
    start: Instant
    end: Instant
    breaks: list[BreakIn] = []


class PharmacistShiftOut(PharmacistShiftIn):
    id: UUID
