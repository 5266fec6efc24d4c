"""GPO contracts, WAC prices, wholesaler invoices and the demand projection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.adapters.dml import rowcount
from reimbursement.adapters.purchasing_tables import (
    demand_appointments,
    demand_order_lines,
    demand_recalls,
    gpo_contracts,
    purchase_invoice_lines,
    purchase_invoices,
    wac_prices,
)
from reimbursement.domain.gpo import (
    ContractItem,
    GpoContract,
    Invoice,
    InvoiceLine,
    PriceTier,
    Rebate,
    WacPrice,
)
from reimbursement.domain.purchasing_reports import Draw


@dataclass(frozen=True, slots=True)
class DemandLine:
    """A signed order's drug line, as the demand projection keeps it."""

    sequence: int
    drug_code: str
    hcpcs: str | None
    dose: Decimal
    dose_unit: str
    next_dose: Decimal | None = None
    next_dose_unit: str | None = None


# Appointments that will still use drug (not ended, not called off).
PLANNED = ("queued", "held", "booked", "checked_in", "in_chair", "started", "moved")
OPEN_RECALLS = ("due", "offered", "overdue")


def items_doc(items: Sequence[ContractItem]) -> list[dict[str, Any]]:
    return [{"code": i.code,
             "tiers": [{"min_quantity": t.min_quantity, "unit_price": str(t.unit_price)}
                       for t in i.tiers],
             "rebate": None if i.rebate is None else {"kind": i.rebate.kind,
                                                      "value": str(i.rebate.value)}}
            for i in items]


def _items(doc: list[dict[str, Any]]) -> tuple[ContractItem, ...]:
    return tuple(ContractItem(
        d["code"], tuple(PriceTier(t["min_quantity"], Decimal(t["unit_price"]))
                         for t in d["tiers"]),
        Rebate(d["rebate"]["kind"], Decimal(d["rebate"]["value"])) if d["rebate"] else None)
        for d in doc)


class PurchasingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # ----------------------------------------------------------------- contracts and WAC
    async def add_contract(self, c: GpoContract, now: datetime) -> bool:
        """False: a contract with this id exists (nothing changed)."""
        if await self._exists(c.id):
            return False
        await self.session.execute(gpo_contracts.insert().values(
            id=c.id, gpo=c.gpo, name=c.name, effective_from=c.effective_from,
            effective_to=c.effective_to, items=items_doc(c.items), source=c.source,
            created_at=now))
        return True

    async def _exists(self, contract_id: str) -> bool:
        return (await self.session.execute(sa.select(gpo_contracts.c.id).where(
            gpo_contracts.c.id == contract_id))).first() is not None

    async def contracts(self) -> dict[str, GpoContract]:
        rows = (await self.session.execute(
            sa.select(gpo_contracts).order_by(gpo_contracts.c.effective_from,
                                              gpo_contracts.c.id))).mappings()
        return {r["id"]: GpoContract(r["id"], r["gpo"], r["name"], r["effective_from"],
                                     r["effective_to"], _items(r["items"]), r["source"])
                for r in rows}

    async def save_wac(self, prices: Sequence[WacPrice]) -> None:
        t = wac_prices
        for p in prices:
            updated = await rowcount(self.session, t.update().where(
                t.c.code == p.code, t.c.effective_from == p.effective_from).values(
                package_price=p.package_price, source=p.source))
            if updated == 0:
                await self.session.execute(t.insert().values(
                    code=p.code, effective_from=p.effective_from,
                    package_price=p.package_price, source=p.source))

    async def wac(self) -> list[WacPrice]:
        rows = (await self.session.execute(sa.select(wac_prices).order_by(
            wac_prices.c.code, wac_prices.c.effective_from))).mappings()
        return [WacPrice(r["code"], r["effective_from"], r["package_price"], r["source"])
                for r in rows]

    # ----------------------------------------------------------------- invoices
    async def add_invoice(self, inv: Invoice, now: datetime) -> bool:
        """False: this wholesaler's invoice number is on file already (nothing changed)."""
        found = (await self.session.execute(sa.select(purchase_invoices.c.id).where(
            purchase_invoices.c.wholesaler == inv.wholesaler,
            purchase_invoices.c.id == inv.id))).first()
        if found is not None:
            return False
        await self.session.execute(purchase_invoices.insert().values(
            wholesaler=inv.wholesaler, id=inv.id, invoice_date=inv.invoice_date,
            source=inv.source, created_at=now))
        await self.session.execute(purchase_invoice_lines.insert(), [
            {"wholesaler": inv.wholesaler, "invoice_id": inv.id, "line_no": n, "ndc": ln.ndc,
             "quantity": ln.quantity, "unit_price": ln.unit_price,
             "contract_id": ln.contract_id} for n, ln in enumerate(inv.lines, 1)])
        return True

    async def invoices(self, *, start: date | None = None, end: date | None = None,
                       ) -> list[Invoice]:
        h, ln = purchase_invoices, purchase_invoice_lines
        stmt = sa.select(h).order_by(h.c.invoice_date, h.c.wholesaler, h.c.id)
        if start is not None:
            stmt = stmt.where(h.c.invoice_date >= start)
        if end is not None:
            stmt = stmt.where(h.c.invoice_date <= end)
        heads = list((await self.session.execute(stmt)).mappings())
        if not heads:
            return []
        lines = (await self.session.execute(sa.select(ln).where(
            ln.c.wholesaler.in_({r["wholesaler"] for r in heads}),
            ln.c.invoice_id.in_({r["id"] for r in heads})).order_by(ln.c.line_no))).mappings()
        by_key: dict[tuple[str, str], list[InvoiceLine]] = {}
        for r in lines:
            by_key.setdefault((r["wholesaler"], r["invoice_id"]), []).append(InvoiceLine(
                r["ndc"], r["quantity"], r["unit_price"], r["contract_id"]))
        return [Invoice(r["id"], r["wholesaler"], r["invoice_date"],
                        tuple(by_key.get((r["wholesaler"], r["id"]), ())), r["source"])
                for r in heads]

    # ----------------------------------------------------------------- demand projection
    async def save_order_lines(self, order_id: UUID, patient_id: UUID,
                               lines: Sequence[DemandLine]) -> None:
        t = demand_order_lines
        await self.session.execute(t.delete().where(t.c.order_id == order_id))
        if lines:
            await self.session.execute(t.insert(), [
                {"order_id": order_id, "sequence": ln.sequence, "patient_id": patient_id,
                 "drug_code": ln.drug_code, "hcpcs": ln.hcpcs, "dose": ln.dose,
                 "dose_unit": ln.dose_unit[:16], "next_dose": ln.next_dose,
                 "next_dose_unit": ln.next_dose_unit[:16] if ln.next_dose_unit else None}
                for ln in lines])

    async def save_appointment(self, *, appointment_id: UUID, order_id: UUID | None,
                               start: datetime | None, status: str, at: datetime) -> None:
        t = demand_appointments
        row = (await self.session.execute(sa.select(t.c.changed_at).where(
            t.c.appointment_id == appointment_id))).first()
        values = {"order_id": order_id, "start": start, "status": status, "changed_at": at}
        if row is None:
            await self.session.execute(t.insert().values(appointment_id=appointment_id,
                                                         **values))
        elif row.changed_at <= at:  # events may arrive out of order: the newest wins
            await self.session.execute(t.update().where(
                t.c.appointment_id == appointment_id).values(**values))

    async def save_recall(self, values: dict[str, Any]) -> None:
        t = demand_recalls
        row = (await self.session.execute(sa.select(t.c.changed_at).where(
            t.c.recall_id == values["recall_id"]))).first()
        if row is None:
            await self.session.execute(t.insert().values(**values))
        elif row.changed_at <= values["changed_at"]:
            await self.session.execute(t.update().where(
                t.c.recall_id == values["recall_id"]).values(**values))

    async def planned_lines(self, start: datetime, end: datetime,
                            ) -> list[dict[str, Any]]:
        """Order lines of appointments still planned that start in [start, end)."""
        a, ln = demand_appointments, demand_order_lines
        rows = await self.session.execute(
            sa.select(a.c.start, ln.c.patient_id, ln.c.drug_code, ln.c.hcpcs, ln.c.dose,
                      ln.c.dose_unit)
            .join(ln, ln.c.order_id == a.c.order_id)
            .where(a.c.status.in_(PLANNED), a.c.start >= start, a.c.start < end))
        return [dict(r) for r in rows.mappings()]

    async def open_recalls(self, until: date) -> list[dict[str, Any]]:
        """Open recalls due by ``until``, with their source order line's dose and the next
        dose per the regimen (``next_dose``, None when orders did not send it)."""
        r, ln = demand_recalls, demand_order_lines
        rows = await self.session.execute(
            sa.select(r.c.recall_id, r.c.patient_id, r.c.drug_code, r.c.earliest,
                      r.c.target_from, r.c.latest, sa.func.coalesce(r.c.hcpcs, ln.c.hcpcs)
                      .label("hcpcs"), ln.c.dose, ln.c.dose_unit, ln.c.next_dose,
                      ln.c.next_dose_unit)
            .join(ln, sa.and_(ln.c.order_id == r.c.source_order_id,
                              ln.c.drug_code == r.c.drug_code), isouter=True)
            .where(r.c.status.in_(OPEN_RECALLS), r.c.target_from < until))
        return [dict(x) for x in rows.mappings()]

    async def draws(self, order_ids: Sequence[UUID]) -> list[Draw]:
        """The vials drawn for these orders' visits, with their lots' WAC per vial."""
        if not order_ids:
            return []
        m, lot = orm.stock_movements, orm.lots
        rows = await self.session.execute(
            sa.select(m.c.ndc, m.c.vials, m.c.vial_cost, lot.c.wac_vial_cost)
            .join(lot, sa.and_(lot.c.ndc == m.c.ndc, lot.c.lot_number == m.c.lot_number))
            .where(m.c.kind == "administration", m.c.order_id.in_(list(order_ids))))
        return [Draw(r.ndc, -r.vials, r.vial_cost, r.wac_vial_cost) for r in rows]
