"""Decimal helpers. Money is always Decimal; floats never enter the billing path."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0")
# CTP04 (NDC quantity) carries up to three decimals in the 837P guide.
QTY_STEP = Decimal("0.001")


def cents(value: Decimal) -> Decimal:
    """Round to the cent, half up (how payers and statements round)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def qty(value: Decimal) -> Decimal:
    return value.quantize(QTY_STEP, rounding=ROUND_HALF_UP)


def parse_decimal(text: str) -> Decimal:
    """Strict decimal parse: plain digits with an optional sign and point.

    Rejects floats written in exponent form, thousands separators and NaN/Infinity, which a
    price file or remittance must never contain. Raises ValueError with a short reason.
    """
    raw = text.strip()
    if raw.startswith("$"):
        raw = raw[1:]
    if not raw:
        raise ValueError("empty amount")
    body = raw[1:] if raw[0] in "+-" else raw
    if not body or body.count(".") > 1 or not body.replace(".", "", 1).isdigit():
        raise ValueError(f"not a decimal amount: {text.strip()[:20]!r}")
    try:
        return Decimal(raw)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the checks above
        raise ValueError(f"not a decimal amount: {text.strip()[:20]!r}") from exc


def fmt_amount(value: Decimal) -> str:
    """X12 R-type rendering: no trailing zeros, no exponent, '-' for negatives."""
    value = value.normalize()
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
