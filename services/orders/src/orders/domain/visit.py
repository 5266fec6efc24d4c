"""The visit record besides the order's lines: the escort and the discharge checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from orders.domain.discharge import Assessment, Criterion
from orders.domain.errors import FieldError

PHONE_DIGITS = (7, 15)  # E.164 allows up to 15 digits; 7 is the shortest local number


@dataclass(frozen=True)
class Escort:
    """The responsible adult taking the patient home (PHI: sealed at rest, never logged)."""

    order_id: UUID
    name: str
    phone: str
    confirmed_at: datetime
    recorded_by: str | None = None

    def __repr__(self) -> str:  # a stray log of the object must not leak the name or phone
        return f"Escort(order_id={self.order_id}, confirmed_at={self.confirmed_at})"


def validate_escort(name: str, phone: str) -> list[FieldError]:
    errors: list[FieldError] = []
    if len(name.strip()) < 2:
        errors.append(FieldError("name", "give the escort's name"))
    digits = sum(ch.isdigit() for ch in phone)
    if not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1] \
            or any(not (ch.isdigit() or ch in " +-().") for ch in phone):
        errors.append(FieldError("phone", f"a phone number of {PHONE_DIGITS[0]} to "
                                 f"{PHONE_DIGITS[1]} digits"))
    return errors


@dataclass(frozen=True)
class DischargeCheck:
    """One discharge check as recorded: the nurse's assessment and the criteria then."""

    id: UUID
    order_id: UUID
    checked_at: datetime
    assessment: Assessment
    criteria: tuple[Criterion, ...]
    ready: bool
    thresholds_version: int
    recorded_by: str | None = None
