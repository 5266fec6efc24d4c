"""Drug inventory: products by NDC, lots with expiry, FEFO consumption that never goes negative.

Stock is counted in vials (containers). A single-dose vial is consumed whole: what was not
given is waste, whether or not the nurse wrote it down, so the vial count comes from the
containers opened. A multi-dose vial is consumed by the fraction drawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal
from typing import Literal

from reimbursement.domain.money import ZERO, cents
from reimbursement.domain.units import canonical_unit, convert, dimension

NdcUnit = Literal["UN", "ML", "GR", "ME", "F2"]
VIAL_STEP = Decimal("0.0001")


class InventoryError(ValueError):
    """A receipt or product definition is not acceptable."""


class InsufficientStock(Exception):
    """Consumption refused: the usable stock does not cover it. Nothing was changed."""

    def __init__(self, ndc: str, needed: Decimal, available: Decimal) -> None:
        super().__init__(f"NDC {ndc}: need {needed} vials, {available} usable on hand")
        self.ndc, self.needed, self.available = ndc, needed, available


@dataclass(frozen=True, slots=True)
class Product:
    ndc: str  # 11-digit
    name: str
    hcpcs: str | None
    strength: Decimal  # drug content of one vial, in ``strength_unit``
    strength_unit: str  # mg, g, mcg, iu, ml (for plain fluids)
    volume_ml: Decimal | None  # liquid volume of one vial; None for powders
    vials_per_package: int
    single_dose: bool
    ndc_unit: NdcUnit  # qualifier reported in CTP05 for this NDC
    package_cost: Decimal  # current contract acquisition price of one package
    cost_source: str  # e.g. "GPO contract (Vizient) 2026-Q1"; keeps price provenance
    reorder_point: int = 0  # vials; at or below it the product shows on the stock-out report

    def __post_init__(self) -> None:
        if self.strength <= 0 or self.vials_per_package <= 0:
            raise InventoryError(f"NDC {self.ndc}: strength and package size must be positive")
        if self.package_cost < 0:
            raise InventoryError(f"NDC {self.ndc}: cost cannot be negative")
        object.__setattr__(self, "strength_unit", canonical_unit(self.strength_unit))
        liquid = self.volume_ml or dimension(self.strength_unit) == "volume"
        if self.ndc_unit == "ML" and not liquid:
            raise InventoryError(f"NDC {self.ndc}: ML reporting needs the vial volume")

    @property
    def vial_cost(self) -> Decimal:
        return self.package_cost / self.vials_per_package

    @property
    def mg_per_ml(self) -> Decimal | None:
        if self.volume_ml and dimension(self.strength_unit) == "mass":
            return convert(self.strength, self.strength_unit, "mg") / self.volume_ml
        return None

    def to_strength_unit(self, amount: Decimal, unit: str) -> Decimal:
        return convert(amount, unit, self.strength_unit, mg_per_ml=self.mg_per_ml)

    def ndc_quantity(self, amount: Decimal, unit: str) -> Decimal:
        """Amount given (or discarded) in this NDC's reporting unit (CTP04/CTP05)."""
        if self.ndc_unit == "UN":  # containers
            return self.to_strength_unit(amount, unit) / self.strength
        target = {"ML": "ml", "GR": "g", "ME": "mg", "F2": "iu"}[self.ndc_unit]
        return convert(amount, unit, target, mg_per_ml=self.mg_per_ml)

    def vials_for(self, given: Decimal, wasted: Decimal) -> Decimal:
        """Containers consumed by a dose plus its documented waste (strength units)."""
        drawn = (given + wasted) / self.strength
        if self.single_dose:
            return drawn.to_integral_value(rounding=ROUND_CEILING)
        return drawn.quantize(VIAL_STEP, rounding=ROUND_CEILING)


@dataclass(frozen=True, slots=True)
class Lot:
    ndc: str
    lot_number: str
    expires_on: date
    vials_on_hand: Decimal
    vial_cost: Decimal  # acquisition cost per vial at receipt
    received_at: datetime
    cost_source: str = ""
    contract_id: str | None = None  # the GPO contract the cost came from
    wac_vial_cost: Decimal | None = None  # WAC per vial on the purchase date, when on file

    def usable_on(self, day: date) -> bool:
        # A lot is usable through its expiry date.
        return self.vials_on_hand > 0 and self.expires_on >= day


@dataclass(frozen=True, slots=True)
class LotDraw:
    lot_number: str
    vials: Decimal
    vial_cost: Decimal
    expired: bool = False

    @property
    def cost(self) -> Decimal:
        return self.vials * self.vial_cost


@dataclass(frozen=True, slots=True)
class ConsumptionPlan:
    ndc: str
    vials: Decimal
    draws: tuple[LotDraw, ...]
    flags: tuple[str, ...] = ()

    @property
    def cost(self) -> Decimal:
        return cents(sum((d.cost for d in self.draws), ZERO))


def receive(
    product: Product, *, lot_number: str, expires_on: date, packages: int,
    package_cost: Decimal | None, received_at: datetime, existing: Lot | None = None,
    cost_source: str | None = None, contract_id: str | None = None,
    wac_package_cost: Decimal | None = None,
) -> Lot:
    """A receipt of ``packages`` packages into a lot (new or topped up)."""
    if packages <= 0:
        raise InventoryError("a receipt needs at least one package")
    if expires_on < received_at.date():
        raise InventoryError(f"lot {lot_number} is already expired; refusing to receive it")
    price = product.package_cost if package_cost is None else package_cost
    if price < 0:
        raise InventoryError("package cost cannot be negative")
    vials = Decimal(packages * product.vials_per_package)
    vial_cost = price / product.vials_per_package
    wac_vial = (None if wac_package_cost is None
                else wac_package_cost / product.vials_per_package)
    if existing is None:
        return Lot(product.ndc, lot_number, expires_on, vials, vial_cost, received_at,
                   cost_source or product.cost_source, contract_id, wac_vial)
    if existing.expires_on != expires_on:
        raise InventoryError(f"lot {lot_number} already on hand with another expiry date")
    total = existing.vials_on_hand + vials
    # Weighted average keeps the lot's value equal to what was paid for it.
    blended = (existing.vials_on_hand * existing.vial_cost + vials * vial_cost) / total
    if existing.wac_vial_cost is not None and wac_vial is not None:
        wac_vial = (existing.vials_on_hand * existing.wac_vial_cost + vials * wac_vial) / total
    elif existing.vials_on_hand > 0:
        wac_vial = None  # part of the lot has no WAC: a blend would misstate the savings
    return replace(existing, vials_on_hand=total, vial_cost=blended, wac_vial_cost=wac_vial,
                   contract_id=contract_id if contract_id == existing.contract_id else None)


def fefo(lots: Iterable[Lot], day: date) -> list[Lot]:
    """Usable lots, first-expiring first (then oldest receipt, then lot number)."""
    usable = [lot for lot in lots if lot.usable_on(day)]
    return sorted(usable, key=lambda lot: (lot.expires_on, lot.received_at, lot.lot_number))


def plan_consumption(
    product: Product, lots: Sequence[Lot], *, vials: Decimal, day: date,
    recorded_lot: str | None = None,
) -> ConsumptionPlan:
    """Which lots supply ``vials``; raises InsufficientStock (changing nothing) when short.

    The lot the nurse recorded is drawn first: it is what physically left the shelf. If that
    lot is past its expiry a safety flag is raised, but the draw is still recorded.
    """
    if vials <= 0:
        return ConsumptionPlan(product.ndc, ZERO, ())
    mine = [lot for lot in lots if lot.ndc == product.ndc]
    flags: list[str] = []
    ordered = fefo(mine, day)
    if recorded_lot is not None:
        named = next((lot for lot in mine if lot.lot_number == recorded_lot), None)
        if named is None:
            flags.append(f"recorded lot {recorded_lot} is not on file; drew first-expiring")
        else:
            if named.expires_on < day:
                flags.append(f"lot {recorded_lot} expired {named.expires_on.isoformat()}")
            ordered = [named] + [lot for lot in ordered if lot.lot_number != recorded_lot]
    available = sum((lot.vials_on_hand for lot in ordered), ZERO)
    if available < vials:
        raise InsufficientStock(product.ndc, vials, available)
    draws: list[LotDraw] = []
    remaining = vials
    for lot in ordered:
        if remaining <= 0:
            break
        take = min(lot.vials_on_hand, remaining)
        if take > 0:
            draws.append(LotDraw(lot.lot_number, take, lot.vial_cost, lot.expires_on < day))
            remaining -= take
    return ConsumptionPlan(product.ndc, vials, tuple(draws), tuple(flags))


def apply_plan(lots: Sequence[Lot], plan: ConsumptionPlan) -> list[Lot]:
    """New lot states after the plan; asserts the never-negative invariant."""
    by_number = {d.lot_number: d.vials for d in plan.draws}
    out: list[Lot] = []
    for lot in lots:
        if lot.ndc == plan.ndc and lot.lot_number in by_number:
            left = lot.vials_on_hand - by_number[lot.lot_number]
            if left < 0:
                raise InsufficientStock(plan.ndc, by_number[lot.lot_number], lot.vials_on_hand)
            lot = replace(lot, vials_on_hand=left)
        out.append(lot)
    return out
