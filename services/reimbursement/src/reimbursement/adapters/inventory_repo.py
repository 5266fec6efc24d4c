"""Lots, stock movements and inventory flags."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.adapters.codec import lot_from_row
from reimbursement.adapters.dml import rowcount
from reimbursement.domain.inventory import Lot
from reimbursement.domain.stock_reports import InventoryFlag


class InventoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._postgres = session.bind.dialect.name == "postgresql" if session.bind else False

    async def lots(self, ndc: str | None = None, *, for_update: bool = False) -> list[Lot]:
        """Lots (of one NDC); ``for_update`` locks them so two visits cannot draw one vial."""
        stmt = sa.select(orm.lots).order_by(orm.lots.c.ndc, orm.lots.c.expires_on,
                                            orm.lots.c.lot_number)
        if ndc is not None:
            stmt = stmt.where(orm.lots.c.ndc == ndc)
        if for_update and self._postgres:
            stmt = stmt.with_for_update()
        return [lot_from_row(r) for r in (await self.session.execute(stmt)).mappings()]

    async def lot(self, ndc: str, lot_number: str) -> Lot | None:
        row = (await self.session.execute(sa.select(orm.lots).where(
            orm.lots.c.ndc == ndc, orm.lots.c.lot_number == lot_number))).mappings().first()
        return lot_from_row(row) if row else None

    async def save_lot(self, lot: Lot) -> None:
        t = orm.lots
        updated = await rowcount(self.session, t.update().where(
            t.c.ndc == lot.ndc, t.c.lot_number == lot.lot_number).values(
            vials_on_hand=lot.vials_on_hand, vial_cost=lot.vial_cost,
            expires_on=lot.expires_on, contract_id=lot.contract_id,
            wac_vial_cost=lot.wac_vial_cost))
        if updated == 0:
            await self.session.execute(t.insert().values(
                id=uuid.uuid4(), ndc=lot.ndc, lot_number=lot.lot_number,
                expires_on=lot.expires_on, vials_on_hand=lot.vials_on_hand,
                vial_cost=lot.vial_cost, received_at=lot.received_at,
                cost_source=lot.cost_source, contract_id=lot.contract_id,
                wac_vial_cost=lot.wac_vial_cost))

    async def add_movement(self, *, ndc: str, lot_number: str, kind: str, vials: Decimal,
                           vial_cost: Decimal, at: datetime, order_id: UUID | None = None,
                           line_sequence: int | None = None, reference: str | None = None) -> None:
        await self.session.execute(orm.stock_movements.insert().values(
            id=uuid.uuid4(), ndc=ndc, lot_number=lot_number, kind=kind, vials=vials,
            vial_cost=vial_cost, order_id=order_id, line_sequence=line_sequence,
            reference=reference, at=at))

    async def consumed_lines(self, order_id: UUID) -> set[tuple[str, int]]:
        """(NDC, line sequence) already drawn from stock for this order."""
        t = orm.stock_movements
        rows = (await self.session.execute(sa.select(t.c.ndc, t.c.line_sequence).where(
            t.c.order_id == order_id, t.c.kind == "administration"))).all()
        return {(r.ndc, r.line_sequence) for r in rows}

    async def add_flag(self, *, kind: str, detail: str, at: datetime, order_id: UUID | None,
                       ndc: str | None, needed: Decimal | None = None,
                       available: Decimal | None = None) -> UUID:
        flag_id = uuid.uuid4()
        await self.session.execute(orm.inventory_flags.insert().values(
            id=flag_id, order_id=order_id, ndc=ndc, kind=kind, detail=detail[:300],
            needed=needed, available=available, created_at=at))
        return flag_id

    async def flags(self, limit: int = 200) -> list[InventoryFlag]:
        t = orm.inventory_flags
        rows = (await self.session.execute(
            sa.select(t).order_by(t.c.created_at.desc()).limit(limit))).mappings()
        return [InventoryFlag(r["id"], r["order_id"], r["ndc"], r["kind"], r["detail"],
                              r["needed"], r["available"], r["created_at"]) for r in rows]
