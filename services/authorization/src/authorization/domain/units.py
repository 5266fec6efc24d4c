"""Dose -> HCPCS billing units (domain doc B2: units = dose / descriptor amount, rounded up).

Eptinezumab J3032 is 1 mg per unit, so 100 mg is 100 units; "up to X" descriptors cover any
dose up to X. Partial units round up here; payers that round differently are a later concern.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, Decimal, InvalidOperation

_DESCRIPTOR = re.compile(
    r"^\s*(?:per\s+|up\s+to\s+)?(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>mg|g|mcg|ug|ml|units?|iu)\s*$",
    re.IGNORECASE,
)

# Mass units in milligrams; volume and "units" only convert to themselves.
_MG = {"mg": Decimal(1), "g": Decimal(1000), "mcg": Decimal("0.001"), "ug": Decimal("0.001")}
_ALIASES = {"unit": "units", "iu": "units", "ml": "ml"}


class UnitConversionError(ValueError):
    pass


def _canon(unit: str) -> str:
    u = unit.strip().lower()
    return _ALIASES.get(u, u)


def parse_descriptor(descriptor: str) -> tuple[Decimal, str]:
    m = _DESCRIPTOR.match(descriptor or "")
    if not m:
        raise UnitConversionError(f"unreadable HCPCS unit descriptor {descriptor!r}")
    amount = Decimal(m["amount"])
    if amount <= 0:
        raise UnitConversionError(f"HCPCS unit descriptor {descriptor!r} has no amount")
    return amount, _canon(m["unit"])


def _in_unit(dose: Decimal, dose_unit: str, target: str) -> Decimal:
    src = _canon(dose_unit)
    if src == target:
        return dose
    if src in _MG and target in _MG:
        return dose * _MG[src] / _MG[target]
    raise UnitConversionError(f"cannot convert {dose_unit!r} to {target!r}")


def billing_units(dose: Decimal | int | str, dose_unit: str, descriptor: str) -> int:
    """Whole HCPCS units for ``dose`` given in ``dose_unit``; never fewer than the dose needs."""
    try:
        value = Decimal(str(dose))
    except InvalidOperation as exc:
        raise UnitConversionError(f"dose {dose!r} is not a number") from exc
    if not value.is_finite() or value < 0:
        raise UnitConversionError("dose must be a finite, non-negative number")
    if value == 0:
        return 0
    amount, unit = parse_descriptor(descriptor)
    units = (_in_unit(value, dose_unit, unit) / amount).to_integral_value(rounding=ROUND_CEILING)
    return int(units)


def descriptor_ratio(source: str, target: str) -> Decimal:
    """How many ``target`` units one ``source`` unit is ("per 1 g" -> "per 500 mg": 2)."""
    s_amount, s_unit = parse_descriptor(source)
    t_amount, t_unit = parse_descriptor(target)
    return _in_unit(s_amount, s_unit, t_unit) / t_amount
