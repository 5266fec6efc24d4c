"""HCPCS drug descriptors and the unit math that turns a dose into billed units.

Descriptors are data (they change by year: J1010 replaced J1020/J1030/J1040 in 2024), loaded
from a versioned file with its source. Two descriptor styles exist:

* "per X" / "X mg": one unit per X, a partial unit rounds up (CMS); some payers round to the
  nearest unit instead, so the rounding is a payer setting;
* "up to X": any dose up to X is one unit, so it always rounds up.

Discarded drug (JW) rounds *down*: administered units round up and the discarded remainder is
reported only in whole billing units, so the two lines together never exceed the vial content.
A discarded amount under one billing unit is absorbed by the administered line (JZ).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum

from reimbursement.domain.units import canonical_unit

_DESCRIPTOR = re.compile(
    r"^\s*(?P<upto>up\s+to\s+|per\s+)?(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>[a-zA-Zµ]+)\s*$",
    re.IGNORECASE,
)


class Rounding(StrEnum):
    UP = "up"  # CMS: a partial unit is billed as a whole unit
    NEAREST = "nearest"  # some commercial payers: half up, but never below one unit


@dataclass(frozen=True, slots=True)
class HcpcsDescriptor:
    code: str
    description: str
    amount: Decimal  # content of one billing unit
    unit: str  # canonical unit of ``amount`` (mg, g, mcg, ml, iu)
    up_to: bool = False
    unclassified: bool = False  # J3490/J3590: one unit, payer needs a description + invoice
    source: str = ""

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ValueError(f"{self.code}: descriptor amount must be positive")
        object.__setattr__(self, "unit", canonical_unit(self.unit))

    @property
    def label(self) -> str:
        prefix = "up to " if self.up_to else ""
        return f"{prefix}{self.amount.normalize():f} {self.unit}"


def parse_descriptor(text: str) -> tuple[Decimal, str, bool]:
    """'up to 10 mg' -> (10, 'mg', True); '15 mg' / 'per 500 mg' -> (amount, unit, False)."""
    match = _DESCRIPTOR.match(text)
    if not match:
        raise ValueError(f"unreadable HCPCS descriptor {text[:30]!r}")
    up_to = bool(match["upto"]) and match["upto"].lower().startswith("up")
    return Decimal(match["amount"]), canonical_unit(match["unit"]), up_to


def billing_units(dose: Decimal, descriptor: HcpcsDescriptor, rounding: Rounding) -> int:
    """Units for ``dose`` already expressed in the descriptor's unit."""
    if dose < 0:
        raise ValueError("dose cannot be negative")
    if dose == 0:
        return 0
    ratio = dose / descriptor.amount
    if descriptor.up_to or rounding is Rounding.UP:
        units = ratio.to_integral_value(rounding=ROUND_CEILING)
    else:
        units = ratio.to_integral_value(rounding=ROUND_HALF_UP)
    return max(1, int(units))


def discarded_units(waste: Decimal, descriptor: HcpcsDescriptor) -> int:
    """Whole billing units of discarded drug (rounded down), for the JW line."""
    if waste < 0:
        raise ValueError("waste cannot be negative")
    return int((waste / descriptor.amount).to_integral_value(rounding=ROUND_FLOOR))
