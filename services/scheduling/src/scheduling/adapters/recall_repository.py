"""Recalls and the payer limits per order, as domain records. Never commits."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.recall import OPEN, QuantityLimit, Recall
from . import recall_orm as t
from .repository import aware


class SqlRecalls:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, recall_id: UUID) -> Recall | None:
        row = (await self.session.execute(
            select(t.recalls).where(t.recalls.c.id == recall_id))).first()
        return _recall(row) if row is not None else None

    async def of_source(self, order_id: UUID) -> Recall | None:
        row = (await self.session.execute(
            select(t.recalls).where(t.recalls.c.source_order_id == order_id))).first()
        return _recall(row) if row is not None else None

    async def of_next_order(self, order_id: UUID) -> Recall | None:
        row = (await self.session.execute(
            select(t.recalls).where(t.recalls.c.next_order_id == order_id)
            .order_by(t.recalls.c.last_dose_on.desc()))).first()
        return _recall(row) if row is not None else None

    async def of_next_orders(self, order_ids: list[UUID]) -> dict[UUID, Recall]:
        """``of_next_order`` of each of ``order_ids`` that has one, in one statement."""
        rows = await self.session.execute(
            select(t.recalls).where(t.recalls.c.next_order_id.in_(order_ids))
            .order_by(t.recalls.c.last_dose_on.desc()))
        found: dict[UUID, Recall] = {}
        for row in rows:
            found.setdefault(row.next_order_id, _recall(row))  # the newest dose's
        return found

    async def of_patient_drug(self, patient_id: UUID, drug_code: str,
                              since: date | None = None, *, molecule: str | None = None
                              ) -> list[Recall]:
        """The patient's recalls of the drug (their doses), newest first; with ``molecule``,
        of every product of it (reference product and biosimilars)."""
        same: ColumnElement[bool] = t.recalls.c.drug_code == drug_code
        if molecule is not None:
            same = or_(same, t.recalls.c.molecule == molecule)
        q = select(t.recalls).where(t.recalls.c.patient_id == patient_id, same)
        if since is not None:
            q = q.where(t.recalls.c.last_dose_on >= since)
        rows = (await self.session.execute(
            q.order_by(t.recalls.c.last_dose_on.desc(), t.recalls.c.id))).all()
        return [_recall(r) for r in rows]

    async def open_for(self, patient_id: UUID, drug_codes: list[str],
                       molecules: list[str] | None = None) -> list[Recall]:
        """Open recalls of these drugs, or of any product of these molecules."""
        same: ColumnElement[bool] = t.recalls.c.drug_code.in_(drug_codes)
        if molecules:
            same = or_(same, t.recalls.c.molecule.in_(molecules))
        rows = (await self.session.execute(
            select(t.recalls).where(t.recalls.c.patient_id == patient_id, same,
                                    t.recalls.c.status.in_(OPEN))
            .order_by(t.recalls.c.last_dose_on.desc()).with_for_update())).all()
        return [_recall(r) for r in rows]

    async def to_offer(self, offer_from: date, limit: int) -> list[Recall]:
        """Due recalls whose target window opens by ``offer_from`` (target - N days)."""
        rows = (await self.session.execute(
            select(t.recalls).where(t.recalls.c.status == "due",
                                    t.recalls.c.target_from <= offer_from)
            .order_by(t.recalls.c.target_from, t.recalls.c.id).limit(limit)
            .with_for_update(skip_locked=True))).all()
        return [_recall(r) for r in rows]

    async def past_latest(self, today: date, limit: int) -> list[Recall]:
        rows = (await self.session.execute(
            select(t.recalls).where(t.recalls.c.status.in_(("due", "offered")),
                                    t.recalls.c.latest < today)
            .order_by(t.recalls.c.latest, t.recalls.c.id).limit(limit)
            .with_for_update(skip_locked=True))).all()
        return [_recall(r) for r in rows]

    async def page(self, *, status: str | None, practice_id: str | None,
                   date_from: date | None, date_to: date | None, after: UUID | None,
                   limit: int) -> list[Recall]:
        """The due list: by target day, filtered; ``date_from``/``date_to`` bound the target
        window's start. Paged by id within the filter (``after``)."""
        q = select(t.recalls)
        if status is not None:
            q = q.where(t.recalls.c.status == status)
        if practice_id is not None:
            q = q.where(t.recalls.c.practice_id == practice_id)
        if date_from is not None:
            q = q.where(t.recalls.c.target_from >= date_from)
        if date_to is not None:
            q = q.where(t.recalls.c.target_from <= date_to)
        if after is not None:
            q = q.where(t.recalls.c.id > after)
        rows = (await self.session.execute(q.order_by(t.recalls.c.id).limit(limit))).all()
        return [_recall(r) for r in rows]

    async def add(self, r: Recall) -> None:
        await self.session.execute(t.recalls.insert().values(id=r.id, **_values(r)))

    async def save(self, r: Recall) -> None:
        await self.session.execute(update(t.recalls).where(t.recalls.c.id == r.id).values(
            **_values(r), updated_at=func.now()))

    async def record_limits(self, order_id: UUID, auth_valid_to: date | None,
                            limits: dict[str, QuantityLimit | None]) -> None:
        """authorization.approved of an order: its codes' limits and approval end."""
        for hcpcs, q in limits.items():
            values: dict[str, Any] = {
                "limit_units": q.units if q else None,
                "limit_period_days": q.period_days if q else None,
                "auth_valid_to": auth_valid_to}
            where = (t.recall_payer_limits.c.order_id == order_id,
                     t.recall_payer_limits.c.hcpcs == hcpcs)
            found = (await self.session.execute(
                select(t.recall_payer_limits.c.order_id).where(*where))).first()
            if found:
                await self.session.execute(update(t.recall_payer_limits).where(*where)
                                           .values(**values))
            else:
                await self.session.execute(t.recall_payer_limits.insert().values(
                    order_id=order_id, hcpcs=hcpcs, **values))

    async def limits_of(self, order_id: UUID, hcpcs: str
                        ) -> tuple[QuantityLimit | None, date | None] | None:
        """(the payer's limit, the approval's end) known for an order's code, or None."""
        row = (await self.session.execute(select(t.recall_payer_limits).where(
            t.recall_payer_limits.c.order_id == order_id,
            t.recall_payer_limits.c.hcpcs == hcpcs))).first()
        if row is None:
            return None
        limit = None
        if row.limit_units is not None and row.limit_period_days is not None:
            limit = QuantityLimit(row.limit_units, row.limit_period_days)
        return limit, row.auth_valid_to


def _values(r: Recall) -> dict[str, Any]:
    return {
        "patient_id": r.patient_id, "practice_id": r.practice_id, "drug_code": r.drug_code,
        "molecule": r.molecule,
        "hcpcs": r.hcpcs, "source_order_id": r.source_order_id,
        "last_dose_on": r.last_dose_on, "units_given": r.units_given, "earliest": r.earliest,
        "target_from": r.target_from, "target_to": r.target_to, "latest": r.latest,
        "limit_units": r.limit.units if r.limit else None,
        "limit_period_days": r.limit.period_days if r.limit else None,
        "auth_valid_to": r.auth_valid_to, "pre_dose_checks": list(r.pre_dose_checks),
        "status": r.status, "next_order_id": r.next_order_id, "offered_at": r.offered_at,
        "overdue_at": r.overdue_at,
        "rule_days": list(r.rule_days) if r.rule_days else None}


def _recall(row: Row[Any]) -> Recall:
    limit = None
    if row.limit_units is not None and row.limit_period_days is not None:
        limit = QuantityLimit(row.limit_units, row.limit_period_days)
    return Recall(
        id=row.id, patient_id=row.patient_id, practice_id=row.practice_id,
        drug_code=row.drug_code, molecule=row.molecule, hcpcs=row.hcpcs,
        source_order_id=row.source_order_id,
        last_dose_on=row.last_dose_on, units_given=row.units_given, earliest=row.earliest,
        target_from=row.target_from, target_to=row.target_to, latest=row.latest,
        status=row.status, limit=limit, auth_valid_to=row.auth_valid_to,
        pre_dose_checks=tuple(row.pre_dose_checks or ()), next_order_id=row.next_order_id,
        offered_at=aware(row.offered_at), overdue_at=aware(row.overdue_at),
        rule_days=_days(row.rule_days))


def _days(value: Any) -> tuple[int, int, int, int] | None:
    if not value or len(value) != 4:
        return None
    a, b, c, d = (int(v) for v in value)
    return a, b, c, d
