"""Purchasing reports: GPO savings per drug over a period, and reorder suggestions for the
next N days from booked visits and open recalls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from chairside_shared.errors import InvalidInput
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.domain.gpo import volumes_for
from reimbursement.domain.purchasing_reports import (
    DrugSavings,
    Need,
    ReorderRow,
    SavingsRow,
    drug_savings,
    reorder,
    savings_by_drug,
)
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class ReorderView:
    today: date
    days: int
    rows: list[ReorderRow]
    needs: int  # administrations counted (visits' lines and recalls)


async def gpo_savings(*, uow: ReimbursementUnitOfWork, start: date, end: date,
                      ) -> list[SavingsRow]:
    if end < start:
        raise InvalidInput("to", "must not be before from")
    async with uow:
        products = await uow.catalog.products()
        invoices = await uow.purchasing.invoices(start=start, end=end)
        contracts = await uow.purchasing.contracts()
        wac = await uow.purchasing.wac()
    return savings_by_drug(invoices, contracts, wac, {n: p.hcpcs for n, p in products.items()},
                           start=start, end=end)


async def reorder_suggestions(*, uow: ReimbursementUnitOfWork, days: int, now: datetime,
                              ) -> ReorderView:
    tz = uow.config.clinic_tz
    today = now.astimezone(tz).date()
    end = today + timedelta(days=days)
    async with uow:
        products = await uow.catalog.products()
        lots = await uow.inventory.lots()
        contracts = await uow.purchasing.contracts()
        wac = await uow.purchasing.wac()
        invoices = await uow.purchasing.invoices()
        planned = await uow.purchasing.planned_lines(
            datetime.combine(today, time(), tz), datetime.combine(end, time(), tz))
        recalls = await uow.purchasing.open_recalls(end)
    needs = [Need(r["start"].astimezone(tz).date(), r["hcpcs"], r["dose"], r["dose_unit"],
                  "appointment") for r in planned if r["hcpcs"]]
    booked: dict[tuple[object, str], list[date]] = {}
    for r in planned:
        booked.setdefault((r["patient_id"], r["drug_code"]), []).append(
            r["start"].astimezone(tz).date())
    for r in recalls:
        if not r["hcpcs"] or r["dose"] is None:
            continue  # the source order's line is not known here yet
        seen = booked.get((r["patient_id"], r["drug_code"]), [])
        if any(r["earliest"] <= day <= r["latest"] for day in seen):
            continue  # the recall's dose is booked already: counted with the visit
        # the dose the regimen gives next (ocrelizumab after the second 300 mg: 600 mg);
        # lines signed before orders sent it: the dose given, as before
        dose, unit = ((r["next_dose"], r["next_dose_unit"]) if r["next_dose"] is not None
                      else (r["dose"], r["dose_unit"]))
        needs.append(Need(max(r["target_from"], today), r["hcpcs"], Decimal(dose), unit,
                          "recall"))
    hcpcs_of = {n: p.hcpcs for n, p in products.items()}
    volumes = {p.ndc: volumes_for(invoices, contracts.values(), ndc=p.ndc, hcpcs=p.hcpcs,
                                  hcpcs_of=hcpcs_of, before=today + timedelta(days=1))
               for p in products.values()}
    rows = reorder(needs, products.values(), lots, today=today, days=days,
                   contracts=list(contracts.values()), wac=wac, volumes=volumes)
    return ReorderView(today, days, rows, len(needs))


async def margin_drug_savings(*, uow: ReimbursementUnitOfWork, start: date, end: date,
                              ) -> dict[str, DrugSavings]:
    """For the margin report by drug: the vials drawn for the period's claims at WAC, and
    what the contract saved on them."""
    async with uow:
        claims = await uow.claims.search(ClaimFilter(service_from=start, service_to=end))
        draws = await uow.purchasing.draws(sorted({c.order_id for c in claims}))
        products = await uow.catalog.products()
    return drug_savings(draws, {n: p.hcpcs for n, p in products.items()})
