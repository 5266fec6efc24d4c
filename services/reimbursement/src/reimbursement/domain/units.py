"""Dose units: mass, volume and activity, and conversion between them.

Mass and volume convert only through a product's concentration (mg per mL), which comes from
the inventory record of the NDC actually given, never from a guess.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

Dimension = Literal["mass", "volume", "activity"]

_ALIASES = {
    "mcg": "mcg", "ug": "mcg", "µg": "mcg", "microgram": "mcg", "micrograms": "mcg",
    "mg": "mg", "milligram": "mg", "milligrams": "mg",
    "g": "g", "gm": "g", "gram": "g", "grams": "g",
    "ml": "ml", "cc": "ml", "milliliter": "ml", "milliliters": "ml",
    "l": "l", "liter": "l", "liters": "l",
    "iu": "iu", "unit": "iu", "units": "iu", "u": "iu",
}
_FACTORS: dict[str, tuple[Dimension, Decimal]] = {
    "mcg": ("mass", Decimal("0.001")),
    "mg": ("mass", Decimal("1")),
    "g": ("mass", Decimal("1000")),
    "ml": ("volume", Decimal("1")),
    "l": ("volume", Decimal("1000")),
    "iu": ("activity", Decimal("1")),
}


class UnitError(ValueError):
    """A dose cannot be expressed in the unit billing needs."""


def canonical_unit(unit: str) -> str:
    key = unit.strip().lower()
    if key not in _ALIASES:
        raise UnitError(f"unknown unit {unit.strip()[:12]!r}")
    return _ALIASES[key]


def dimension(unit: str) -> Dimension:
    return _FACTORS[canonical_unit(unit)][0]


def convert(
    amount: Decimal, from_unit: str, to_unit: str, *, mg_per_ml: Decimal | None = None
) -> Decimal:
    """Convert ``amount`` between units; mass<->volume needs the product concentration."""
    src_dim, src_factor = _FACTORS[canonical_unit(from_unit)]
    dst_dim, dst_factor = _FACTORS[canonical_unit(to_unit)]
    base = amount * src_factor  # mg, mL or IU
    if src_dim != dst_dim:
        if {src_dim, dst_dim} != {"mass", "volume"}:
            raise UnitError(f"cannot convert {from_unit} to {to_unit}")
        if mg_per_ml is None or mg_per_ml <= 0:
            raise UnitError(f"converting {from_unit} to {to_unit} needs the concentration")
        base = base * mg_per_ml if src_dim == "volume" else base / mg_per_ml
    return base / dst_factor
