"""Group purchasing: GPO contracts (volume price tiers, effective dates, rebates), WAC prices
and wholesaler invoices, as data; the acquisition price of a purchase follows from them.

Prices are per package of an NDC (what a wholesaler invoices). A contract item names an NDC or
a HCPCS code; an NDC item wins over a HCPCS item of the same contract. The tier is the one the
contract period's volume of that item reaches *with* the purchase being priced (quantity
purchased in the period), so a larger order can move into a cheaper tier. A rebate is not a
price: it is paid later and reported as expected, never subtracted from a lot's cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from reimbursement.domain.money import ZERO

RebateKind = Literal["percent", "per_unit"]
Basis = Literal["contract", "wac", "none"]
_NDC = re.compile(r"^\d{11}$")
_HCPCS = re.compile(r"^[A-Z0-9]\d{3}[A-Z0-9]$")
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class PriceTier:
    min_quantity: int  # packages purchased in the contract period, this purchase included
    unit_price: Decimal  # per package


@dataclass(frozen=True, slots=True)
class Rebate:
    kind: RebateKind
    value: Decimal  # percent of the contract spend, or an amount per package

    def per_package(self, unit_price: Decimal) -> Decimal:
        return unit_price * self.value / HUNDRED if self.kind == "percent" else self.value


@dataclass(frozen=True, slots=True)
class ContractItem:
    code: str  # 11-digit NDC or HCPCS
    tiers: tuple[PriceTier, ...]  # by min_quantity, ascending
    rebate: Rebate | None = None

    def tier_for(self, volume: int) -> PriceTier:
        """The highest tier ``volume`` reaches (the first tier starts at 0)."""
        reached = self.tiers[0]
        for tier in self.tiers:
            if tier.min_quantity <= volume:
                reached = tier
        return reached


@dataclass(frozen=True, slots=True)
class GpoContract:
    id: str
    gpo: str
    name: str
    effective_from: date
    effective_to: date | None  # inclusive; None: open-ended
    items: tuple[ContractItem, ...]
    source: str  # provenance; demo contracts say they are demo data

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None
                                                or day <= self.effective_to)

    def item_for(self, ndc: str, hcpcs: str | None) -> ContractItem | None:
        by_code = {i.code: i for i in self.items}
        return by_code.get(ndc) or (by_code.get(hcpcs) if hcpcs else None)


@dataclass(frozen=True, slots=True)
class WacPrice:
    code: str  # NDC or HCPCS
    effective_from: date
    package_price: Decimal
    source: str


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    ndc: str
    quantity: int  # packages
    unit_price: Decimal  # per package, as invoiced
    contract_id: str | None = None


@dataclass(frozen=True, slots=True)
class Invoice:
    id: str  # the wholesaler's invoice number, unique per wholesaler
    wholesaler: str
    invoice_date: date
    lines: tuple[InvoiceLine, ...]
    source: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """The acquisition price of one purchase and where it comes from."""

    basis: Basis
    unit_price: Decimal | None  # per package; None: neither contract nor WAC known
    wac_price: Decimal | None
    contract_id: str | None = None
    tier_min: int | None = None
    rebate_per_unit: Decimal = ZERO

    @property
    def savings_per_unit(self) -> Decimal | None:
        if self.unit_price is None or self.wac_price is None:
            return None
        return self.wac_price - self.unit_price

    def label(self, contracts: Mapping[str, GpoContract]) -> str:
        """The lot's cost provenance text (kept in ``cost_source``)."""
        if self.basis == "contract" and self.contract_id is not None:
            c = contracts[self.contract_id]
            return f"GPO {c.gpo} contract {c.id}, tier >= {self.tier_min} packages"[:200]
        return "WAC" if self.basis == "wac" else "no contract or WAC on file"


# --------------------------------------------------------------------------- validation
def contract_problems(contract: GpoContract) -> list[tuple[str, str]]:
    """(field, reason) for every rule the contract breaks; empty when acceptable."""
    out: list[tuple[str, str]] = []
    if contract.effective_to is not None and contract.effective_to < contract.effective_from:
        out.append(("effective_to", "must not be before effective_from"))
    if not contract.items:
        out.append(("items", "a contract prices at least one drug"))
    seen: set[str] = set()
    for n, item in enumerate(contract.items):
        at = f"items[{n}]"
        if not (_NDC.match(item.code) or _HCPCS.match(item.code)):
            out.append((f"{at}.code", "neither an 11-digit NDC nor a HCPCS code"))
        if item.code in seen:
            out.append((f"{at}.code", "priced twice in one contract"))
        seen.add(item.code)
        out += _tier_problems(at, item.tiers)
        if item.rebate is not None:
            r = item.rebate
            if r.value < 0 or (r.kind == "percent" and r.value > HUNDRED):
                out.append((f"{at}.rebate.value", "a percent between 0 and 100, or an "
                                                   "amount per package of 0 or more"))
    return out


def _tier_problems(at: str, tiers: Sequence[PriceTier]) -> list[tuple[str, str]]:
    if not tiers:
        return [(f"{at}.tiers", "at least one tier")]
    out: list[tuple[str, str]] = []
    if tiers[0].min_quantity != 0:
        out.append((f"{at}.tiers[0].min_quantity", "the first tier starts at 0"))
    for n, tier in enumerate(tiers):
        if tier.unit_price < 0:
            out.append((f"{at}.tiers[{n}].unit_price", "cannot be negative"))
        if n and tier.min_quantity <= tiers[n - 1].min_quantity:
            out.append((f"{at}.tiers[{n}].min_quantity", "tiers rise in volume"))
        if n and tier.unit_price > tiers[n - 1].unit_price:
            out.append((f"{at}.tiers[{n}].unit_price",
                        "a higher-volume tier cannot cost more than the one below it"))
    return out


def invoice_problems(invoice: Invoice, contracts: Mapping[str, GpoContract],
                     hcpcs_of: Mapping[str, str | None]) -> list[tuple[str, str]]:
    """An invoice line naming a contract must be a drug that contract prices, in force."""
    out: list[tuple[str, str]] = []
    if not invoice.lines:
        out.append(("lines", "an invoice has at least one line"))
    for n, line in enumerate(invoice.lines):
        at = f"lines[{n}]"
        if line.quantity <= 0:
            out.append((f"{at}.quantity", "must be positive"))
        if line.unit_price < 0:
            out.append((f"{at}.unit_price", "cannot be negative"))
        if line.contract_id is None:
            continue
        c = contracts.get(line.contract_id)
        if c is None:
            out.append((f"{at}.contract_id", "no such GPO contract"))
        elif not c.in_force(invoice.invoice_date):
            out.append((f"{at}.contract_id", "the contract is not in force on the invoice "
                                             "date"))
        elif c.item_for(line.ndc, hcpcs_of.get(line.ndc)) is None:
            out.append((f"{at}.contract_id", "the contract does not price this NDC"))
    return out


# --------------------------------------------------------------------------- pricing
def wac_on(prices: Iterable[WacPrice], *, ndc: str, hcpcs: str | None,
           day: date) -> Decimal | None:
    """WAC per package on ``day``: the latest entry in effect, an NDC entry before HCPCS."""
    for code in (ndc, hcpcs):
        if code is None:
            continue
        found = [p for p in prices if p.code == code and p.effective_from <= day]
        if found:
            return max(found, key=lambda p: p.effective_from).package_price
    return None


def quote(contracts: Iterable[GpoContract], wac: Iterable[WacPrice], *, ndc: str,
          hcpcs: str | None, day: date, quantity: int,
          volumes: Mapping[tuple[str, str], int]) -> Quote:
    """The price of ``quantity`` packages bought on ``day``: the cheapest contract in force at
    the tier its period volume reaches with them (``volumes``: (contract id, item code) ->
    packages bought before), else WAC."""
    wac_price = wac_on(list(wac), ndc=ndc, hcpcs=hcpcs, day=day)
    best: Quote | None = None
    for c in contracts:
        item = c.item_for(ndc, hcpcs) if c.in_force(day) else None
        if item is None:
            continue
        tier = item.tier_for(volumes.get((c.id, item.code), 0) + quantity)
        rebate = item.rebate.per_package(tier.unit_price) if item.rebate else ZERO
        candidate = Quote("contract", tier.unit_price, wac_price, c.id, tier.min_quantity,
                          rebate)
        if best is None or _key(candidate) < _key(best):
            best = candidate
    if best is not None:
        return best
    return Quote("wac" if wac_price is not None else "none", wac_price, wac_price)


def _key(q: Quote) -> tuple[Decimal, str]:
    # Net of the expected rebate, then by contract id so equal offers pick the same contract.
    assert q.unit_price is not None
    return q.unit_price - q.rebate_per_unit, q.contract_id or ""


def period_volume(invoices: Iterable[Invoice], contract: GpoContract, item: ContractItem,
                  hcpcs_of: Mapping[str, str | None], *, before: date | None = None) -> int:
    """Packages of ``item`` bought under ``contract`` in its period (before ``before``)."""
    total = 0
    for inv in invoices:
        if not contract.in_force(inv.invoice_date):
            continue
        if before is not None and inv.invoice_date >= before:
            continue
        for line in inv.lines:
            if line.contract_id == contract.id and (
                    line.ndc == item.code or hcpcs_of.get(line.ndc) == item.code):
                total += line.quantity
    return total


def volumes_for(invoices: Sequence[Invoice], contracts: Iterable[GpoContract], *, ndc: str,
                hcpcs: str | None, hcpcs_of: Mapping[str, str | None],
                before: date | None = None) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for c in contracts:
        item = c.item_for(ndc, hcpcs)
        if item is not None:
            out[(c.id, item.code)] = period_volume(invoices, c, item, hcpcs_of, before=before)
    return out
