"""Read side of the catalogue and the business: inventory, fee schedules, margin and A/R."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from chairside_shared.errors import InvalidInput, NotFound
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.domain.fees import AspImport, AspQuarter, ChargeMaster, PayerContract
from reimbursement.domain.inventory import Lot, Product
from reimbursement.domain.reports import (
    ArReport,
    ClaimFacts,
    MarginBy,
    MarginRow,
    accounts_receivable,
    claim_facts,
    margin,
)
from reimbursement.domain.stock_reports import (
    ExpiringRow,
    InventoryFlag,
    OnHandRow,
    StockOutRow,
    expiring_soon,
    on_hand,
    stock_outs,
)
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class InventoryItem:
    product: Product
    on_hand: OnHandRow
    lots: tuple[Lot, ...]


@dataclass(frozen=True, slots=True)
class InventoryOverview:
    items: tuple[InventoryItem, ...]  # by NDC
    expiring: tuple[ExpiringRow, ...]
    stock_outs: tuple[StockOutRow, ...]
    flags: tuple[InventoryFlag, ...]


@dataclass(frozen=True, slots=True)
class FeeSchedules:
    contracts: tuple[PayerContract, ...]
    asp_quarters: tuple[AspImport, ...]
    charges: ChargeMaster


@dataclass(frozen=True, slots=True)
class ArPeriod:
    report: ArReport
    start: date
    end: date


async def inventory_overview(*, uow: ReimbursementUnitOfWork, now: datetime,
                             within_days: int | None = None) -> InventoryOverview:
    """Every product with its lots; ``within_days`` None: the configured expiry window."""
    today = now.astimezone(uow.config.clinic_tz).date()
    async with uow:
        products = await uow.catalog.products()
        lots = await uow.inventory.lots()
        flags = await uow.inventory.flags()
    rows = {r.ndc: r for r in on_hand(products.values(), lots, today)}
    window = uow.config.expiring_within_days if within_days is None else within_days
    return InventoryOverview(
        items=tuple(InventoryItem(p, rows[p.ndc], tuple(lot for lot in lots if lot.ndc == p.ndc))
                    for p in sorted(products.values(), key=lambda x: x.ndc)),
        expiring=tuple(expiring_soon(lots, today, window)),
        stock_outs=tuple(stock_outs(products.values(), lots, today)),
        flags=tuple(flags),
    )


async def inventory_item(*, uow: ReimbursementUnitOfWork, ndc: str, now: datetime,
                         ) -> InventoryItem:
    overview = await inventory_overview(uow=uow, now=now, within_days=0)
    return next(item for item in overview.items if item.product.ndc == ndc)


async def fee_schedules(*, uow: ReimbursementUnitOfWork) -> FeeSchedules:
    async with uow:
        return FeeSchedules(tuple(await uow.catalog.contracts()),
                            tuple(await uow.catalog.asp_quarters()),
                            await uow.catalog.charge_master())


async def asp_quarter(*, uow: ReimbursementUnitOfWork, quarter: str) -> AspQuarter:
    async with uow:
        found = await uow.catalog.asp_quarter(quarter)
    if found is None:
        raise NotFound(f"no ASP quarter {quarter[:8]}")
    return found


async def margin_report(*, uow: ReimbursementUnitOfWork, start: date, end: date,
                        by: MarginBy) -> list[MarginRow]:
    if end < start:
        raise InvalidInput("to", "must not be before from")
    facts = await _facts(uow, start=start, end=end)
    if by == "protocol":  # the protocol is the order's, known from order.signed
        async with uow:
            protocols = await uow.referrals.protocols([f.order_id for f in facts])
        facts = [replace(f, protocol_id=protocols.get(f.order_id)) for f in facts]
    return margin(facts, by)


async def ar_report(*, uow: ReimbursementUnitOfWork, start: date | None, end: date | None,
                    now: datetime) -> ArPeriod:
    """Days in A/R and aging; the period defaults to the 90 days ending today (clinic time)."""
    end = end or now.astimezone(uow.config.clinic_tz).date()
    start = start or date.fromordinal(end.toordinal() - 89)
    if end < start:
        raise InvalidInput("to", "must not be before from")
    report = accounts_receivable(await _facts(uow, start=None, end=end), start=start, end=end)
    return ArPeriod(report, start, end)


async def _facts(uow: ReimbursementUnitOfWork, *, start: date | None, end: date,
                 ) -> list[ClaimFacts]:
    async with uow:
        claims = await uow.claims.search(ClaimFilter(service_from=start, service_to=end))
        links = await uow.cob.links([claim.id for claim in claims])
    # A secondary claim bills the same services again for the patient's share, which its
    # primary's revenue (paid + patient responsibility) and charges already count.
    secondaries = {r.secondary_claim_id for r in links}
    return [claim_facts(claim) for claim in claims if claim.id not in secondaries]
