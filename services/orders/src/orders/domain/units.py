"""Dose units and Decimal helpers.

Every amount the rules compare is converted to the catalog's unit first, so a line written
as "2 g" is checked against a magnesium limit stored as "2000 mg". Mass units convert among
themselves and volume units (IV fluids, dosed in mL) among themselves; mass never converts to
volume, and anything else (units, tablets) is refused rather than guessed.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

# factor to milligrams
_TO_MG: dict[str, Decimal] = {
    "g": Decimal("1000"),
    "mg": Decimal("1"),
    "mcg": Decimal("0.001"),
    "ug": Decimal("0.001"),
}
# factor to millilitres: IV fluids are ordered by volume
_TO_ML: dict[str, Decimal] = {"l": Decimal("1000"), "ml": Decimal("1")}


class UnitMismatch(ValueError):
    """The unit cannot be converted to the drug's dose unit."""


def normalize_unit(unit: str) -> str:
    return unit.strip().lower().replace("µg", "mcg")


def is_known_unit(unit: str) -> bool:
    return normalize_unit(unit) in _TO_MG


def is_volume_unit(unit: str) -> bool:
    return normalize_unit(unit) in _TO_ML


def convert(amount: Decimal, unit: str, to_unit: str) -> Decimal:
    src, dst = normalize_unit(unit), normalize_unit(to_unit)
    if src == dst:
        return amount
    for table in (_TO_MG, _TO_ML):
        if src in table and dst in table:
            return amount * table[src] / table[dst]
    raise UnitMismatch(f"cannot convert {unit} to {to_unit}")


def floor_to_step(amount: Decimal, step: Decimal) -> Decimal:
    """Round down to the dose step: a weight-based dose must never be rounded above its cap."""
    if step <= 0:
        return amount
    return (amount / step).to_integral_value(rounding=ROUND_FLOOR) * step


def billing_units(dose: Decimal, unit_amount: Decimal) -> int:
    """HCPCS units = dose / descriptor amount, rounded up (clinical.md §1.10)."""
    if unit_amount <= 0:
        raise ValueError("descriptor amount must be positive")
    return int((dose / unit_amount).to_integral_value(rounding=ROUND_CEILING))


def fmt(amount: Decimal) -> str:
    """Human form for messages: 30 not 30.000, 0.5 not 5E-1."""
    text = format(amount.normalize(), "f")
    return text
