"""Purchasing reports: GPO contract vs WAC savings per drug (from wholesaler invoices) and
reorder suggestions (booked visits and open recalls against stock on hand).

Savings of an invoice line = (WAC on the invoice date − invoiced unit price) × packages; a line
whose drug has no WAC on file has unknown savings (counted apart, never as zero). Rebates are
expected (paid later by the GPO or manufacturer), reported beside the savings, not in them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from reimbursement.domain.gpo import GpoContract, Invoice, Quote, WacPrice, quote, wac_on
from reimbursement.domain.inventory import Lot, Product, fefo
from reimbursement.domain.money import ZERO, cents


@dataclass(frozen=True, slots=True)
class SavingsRow:
    drug: str  # HCPCS, or the NDC when the product has none
    packages: int
    spend: Decimal  # as invoiced
    wac_spend: Decimal  # the same packages at WAC (lines with a WAC only)
    savings: Decimal  # wac_spend − spend of those lines
    rebates_expected: Decimal
    contract_packages: int  # bought under a contract
    lines_without_wac: int


def savings_by_drug(invoices: Iterable[Invoice], contracts: Mapping[str, GpoContract],
                    wac: Sequence[WacPrice], hcpcs_of: Mapping[str, str | None],
                    *, start: date, end: date) -> list[SavingsRow]:
    acc: dict[str, dict[str, Decimal]] = {}
    for inv in invoices:
        if not start <= inv.invoice_date <= end:
            continue
        for line in inv.lines:
            hcpcs = hcpcs_of.get(line.ndc)
            a = acc.setdefault(hcpcs or line.ndc, dict.fromkeys((
                "packages", "spend", "wac_spend", "paid_with_wac", "rebates", "contract",
                "no_wac"), ZERO))
            spent = line.unit_price * line.quantity
            a["packages"] += line.quantity
            a["spend"] += spent
            w = wac_on(wac, ndc=line.ndc, hcpcs=hcpcs, day=inv.invoice_date)
            if w is None:
                a["no_wac"] += 1
            else:
                a["wac_spend"] += w * line.quantity
                a["paid_with_wac"] += spent
            c = contracts.get(line.contract_id) if line.contract_id else None
            item = c.item_for(line.ndc, hcpcs) if c else None
            if item is not None:
                a["contract"] += line.quantity
                if item.rebate is not None:
                    a["rebates"] += item.rebate.per_package(line.unit_price) * line.quantity
    return [SavingsRow(drug, int(a["packages"]), cents(a["spend"]), cents(a["wac_spend"]),
                       cents(a["wac_spend"] - a["paid_with_wac"]), cents(a["rebates"]),
                       int(a["contract"]), int(a["no_wac"]))
            for drug, a in sorted(acc.items())]


@dataclass(frozen=True, slots=True)
class Draw:
    """Vials drawn from a lot for a visit: at the lot's cost, and its WAC when known."""

    ndc: str
    vials: Decimal
    vial_cost: Decimal
    wac_vial_cost: Decimal | None


@dataclass(frozen=True, slots=True)
class DrugSavings:
    wac_cost: Decimal | None  # the draws with a WAC, at WAC; None: no draw had one
    savings: Decimal | None  # that WAC cost − what those draws cost
    vials_without_wac: Decimal


def drug_savings(draws: Iterable[Draw], hcpcs_of: Mapping[str, str | None],
                 ) -> dict[str, DrugSavings]:
    """Per HCPCS (or NDC) of the drug given: WAC cost and savings of the vials drawn."""
    acc: dict[str, list[Decimal]] = {}
    for d in draws:
        a = acc.setdefault(hcpcs_of.get(d.ndc) or d.ndc, [ZERO, ZERO, ZERO, ZERO])
        if d.wac_vial_cost is None:
            a[2] += d.vials
        else:
            a[0] += d.vials * d.wac_vial_cost
            a[1] += d.vials * (d.wac_vial_cost - d.vial_cost)
            a[3] += 1
    # Unknown is not zero: a drug none of whose draws has a WAC shows no savings figure.
    return {k: DrugSavings(cents(v[0]) if v[3] else None, cents(v[1]) if v[3] else None, v[2])
            for k, v in acc.items()}


# --------------------------------------------------------------------------- reorder
@dataclass(frozen=True, slots=True)
class Need:
    """One planned administration: a booked visit's line or an open recall's next dose."""

    day: date
    hcpcs: str
    amount: Decimal
    unit: str
    source: str  # "appointment" or "recall"


@dataclass(frozen=True, slots=True)
class ReorderRow:
    hcpcs: str
    ndc: str  # the product the suggestion is for
    doses: int
    vials_needed: Decimal
    vials_on_hand: Decimal  # usable today
    shortfall_vials: Decimal  # not covered by lots usable on each dose's day (FEFO)
    suggested_packages: int
    unit_price: Decimal | None
    basis: str  # contract, wac or none
    contract_id: str | None
    tier_min: int | None
    order_cost: Decimal | None
    wac_cost: Decimal | None
    notes: tuple[str, ...] = field(default=())


def reorder(needs: Iterable[Need], products: Iterable[Product], lots: Sequence[Lot], *,
            today: date, days: int, contracts: Sequence[GpoContract], wac: Sequence[WacPrice],
            volumes: Mapping[str, Mapping[tuple[str, str], int]]) -> list[ReorderRow]:
    """Per HCPCS with needs in [today, today + days): vials needed vs lots on hand, and the
    packages to order at the cheapest contract tier (``volumes``: per NDC, the contract
    period volumes bought so far)."""
    end = today + timedelta(days=days)
    by_code: dict[str, list[Need]] = {}
    for n in needs:
        if today <= n.day < end:
            by_code.setdefault(n.hcpcs, []).append(n)
    catalog: dict[str, list[Product]] = {}
    for p in products:
        if p.hcpcs:
            catalog.setdefault(p.hcpcs, []).append(p)
    rows = []
    for code, mine in sorted(by_code.items()):
        choices = catalog.get(code)
        if not choices:
            continue
        product = _primary(choices, lots, today)
        rows.append(_row(product, mine, lots, today=today, end=end, contracts=contracts,
                         wac=wac, volumes=volumes.get(product.ndc, {})))
    return rows


def _primary(choices: list[Product], lots: Sequence[Lot], today: date) -> Product:
    """The NDC with the most usable vials (then the lowest NDC): the one the shelf stocks."""
    def stock(p: Product) -> Decimal:
        return sum((lot.vials_on_hand for lot in fefo(lots, today) if lot.ndc == p.ndc), ZERO)
    return sorted(choices, key=lambda p: (-stock(p), p.ndc))[0]


def _row(product: Product, needs: list[Need], lots: Sequence[Lot], *, today: date, end: date,
         contracts: Sequence[GpoContract], wac: Sequence[WacPrice],
         volumes: Mapping[tuple[str, str], int]) -> ReorderRow:
    notes: list[str] = []
    shelf = {lot.lot_number: lot.vials_on_hand for lot in lots if lot.ndc == product.ndc}
    mine = [lot for lot in lots if lot.ndc == product.ndc]
    needed = short = ZERO
    doses = 0
    for n in sorted(needs, key=lambda x: x.day):
        try:
            vials = product.vials_for(product.to_strength_unit(n.amount, n.unit), ZERO)
        except ValueError:  # units.UnitError is one
            notes.append(f"{n.source} on {n.day}: dose unit {n.unit} not convertible; skipped")
            continue
        doses += 1
        needed += vials
        remaining = vials
        for lot in fefo(mine, n.day):  # what will still be usable on the dose's day
            take = min(shelf[lot.lot_number], remaining)
            shelf[lot.lot_number] -= take
            remaining -= take
        short += remaining
    on_hand = sum((lot.vials_on_hand for lot in fefo(mine, today)), ZERO)
    left = sum((v for n, v in shelf.items() if any(
        lot.lot_number == n and lot.expires_on >= end for lot in mine)), ZERO)
    target = short + max(ZERO, Decimal(product.reorder_point) - left)
    packages = int((target / product.vials_per_package).to_integral_value(ROUND_CEILING))
    if packages == 0:
        return ReorderRow(product.hcpcs or product.ndc, product.ndc, doses, needed, on_hand,
                          short, 0, None, "none", None, None, None, None, tuple(notes))
    packages, q = cheapest(product, packages, today=today, contracts=contracts, wac=wac,
                           volumes=volumes, notes=notes)
    return ReorderRow(
        product.hcpcs or product.ndc, product.ndc, doses, needed, on_hand, short, packages,
        q.unit_price, q.basis, q.contract_id, q.tier_min,
        cents(q.unit_price * packages) if q.unit_price is not None else None,
        cents(q.wac_price * packages) if q.wac_price is not None else None, tuple(notes))


def cheapest(product: Product, packages: int, *, today: date,
             contracts: Sequence[GpoContract], wac: Sequence[WacPrice],
             volumes: Mapping[tuple[str, str], int], notes: list[str]) -> tuple[int, Quote]:
    """The quote for ``packages``; or more packages when reaching a higher tier costs less in
    total than the quantity needed at the tier it reaches (more stock for less money)."""
    def priced(n: int) -> Quote:
        return quote(contracts, wac, ndc=product.ndc, hcpcs=product.hcpcs, day=today,
                     quantity=n, volumes=volumes)
    base = priced(packages)
    best_n, best = packages, base
    for c in contracts:
        item = c.item_for(product.ndc, product.hcpcs) if c.in_force(today) else None
        for tier in item.tiers if item else ():
            extra = tier.min_quantity - volumes.get((c.id, item.code), 0) if item else 0
            if extra <= packages:
                continue
            q = priced(extra)
            if (q.unit_price is not None and best.unit_price is not None
                    and q.unit_price * extra < best.unit_price * best_n):
                best_n, best = extra, q
    if best_n != packages:
        notes.append(f"{best_n} packages reach the tier >= {best.tier_min} and cost less in "
                     f"total than {packages}")
    return best_n, best
