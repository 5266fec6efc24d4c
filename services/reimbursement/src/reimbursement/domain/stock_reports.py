"""Inventory reports: on hand, expiring soon, stock-outs. Pure functions over products and lots."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal
from uuid import UUID

from reimbursement.domain.inventory import Lot, Product
from reimbursement.domain.money import ZERO, cents


@dataclass(frozen=True, slots=True)
class OnHandRow:
    ndc: str
    name: str
    usable_vials: Decimal
    expired_vials: Decimal
    usable_value: Decimal
    lots: int


@dataclass(frozen=True, slots=True)
class ExpiringRow:
    ndc: str
    lot_number: str
    expires_on: date
    days_left: int
    vials: Decimal
    value: Decimal


@dataclass(frozen=True, slots=True)
class StockOutRow:
    ndc: str
    name: str
    usable_vials: Decimal
    reorder_point: int
    state: Literal["out", "low"]


@dataclass(frozen=True, slots=True)
class InventoryFlag:
    """Something about stock a person should look at (stock_out, expired_lot, unknown_lot)."""

    id: UUID
    order_id: UUID | None
    ndc: str | None
    kind: str
    detail: str
    needed: Decimal | None
    available: Decimal | None
    created_at: datetime


def on_hand(products: Iterable[Product], lots: Sequence[Lot], today: date) -> list[OnHandRow]:
    rows = []
    for product in products:
        mine = [lot for lot in lots if lot.ndc == product.ndc and lot.vials_on_hand > 0]
        usable = [lot for lot in mine if lot.expires_on >= today]
        expired = [lot for lot in mine if lot.expires_on < today]
        rows.append(OnHandRow(
            ndc=product.ndc, name=product.name,
            usable_vials=sum((lot.vials_on_hand for lot in usable), ZERO),
            expired_vials=sum((lot.vials_on_hand for lot in expired), ZERO),
            usable_value=cents(sum((lot.vials_on_hand * lot.vial_cost for lot in usable), ZERO)),
            lots=len(mine),
        ))
    return sorted(rows, key=lambda r: r.ndc)


def expiring_soon(lots: Iterable[Lot], today: date, within_days: int = 60) -> list[ExpiringRow]:
    """Lots with stock that expire within ``within_days`` (already expired ones included, < 0)."""
    horizon = today + timedelta(days=within_days)
    rows = [
        ExpiringRow(lot.ndc, lot.lot_number, lot.expires_on, (lot.expires_on - today).days,
                    lot.vials_on_hand, cents(lot.vials_on_hand * lot.vial_cost))
        for lot in lots
        if lot.vials_on_hand > 0 and lot.expires_on <= horizon
    ]
    return sorted(rows, key=lambda r: (r.expires_on, r.ndc, r.lot_number))


def stock_outs(products: Iterable[Product], lots: Sequence[Lot], today: date) -> list[StockOutRow]:
    rows = []
    for row, product in ((r, p) for p in products for r in on_hand([p], lots, today)):
        if row.usable_vials <= 0:
            rows.append(StockOutRow(row.ndc, row.name, row.usable_vials, product.reorder_point,
                                    "out"))
        elif row.usable_vials <= product.reorder_point:
            rows.append(StockOutRow(row.ndc, row.name, row.usable_vials, product.reorder_point,
                                    "low"))
    return rows
