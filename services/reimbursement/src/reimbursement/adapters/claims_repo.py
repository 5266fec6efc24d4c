"""Claims, their lines and drug costs, authorizations, remittances and claim payments."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.domain.claim import ClaimDraft
from reimbursement.domain.money import ZERO


def claim_values(draft: ClaimDraft) -> dict[str, Any]:
    pay = draft.payment
    return {
        "status": draft.status, "service_date": draft.service_date,
        "payer_id": draft.payer_id, "member_id": draft.member_id,
        "rendering_npi": draft.rendering_npi, "diagnoses": list(draft.diagnoses),
        "auth_number": draft.auth_number, "place_of_service": draft.place_of_service,
        "total_charge": draft.total_charge,
        "allowed": pay.allowed if pay else None,
        "patient_share": pay.patient_share if pay else None,
        "sequestration": pay.sequestration if pay else None,
        "expected_payment": draft.expected_payment,
        "acquisition_cost": draft.acquisition_cost, "waste_cost": draft.waste_cost,
        "reviews": [{"code": r.code, "detail": r.detail, "line": r.sequence}
                    for r in draft.reviews],
        "warnings": list(draft.warnings), "notes": list(draft.notes),
    }


class ClaimRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, claim_id: UUID, *, for_update: bool = False) -> dict | None:
        stmt = sa.select(orm.claims).where(orm.claims.c.id == claim_id)
        if for_update and self.session.bind and self.session.bind.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = (await self.session.execute(stmt)).mappings().first()
        return dict(row) if row else None

    async def by_order(self, order_id: UUID) -> dict | None:
        row = (await self.session.execute(sa.select(orm.claims).where(
            orm.claims.c.order_id == order_id))).mappings().first()
        return dict(row) if row else None

    async def by_account(self, account_number: str) -> dict | None:
        """Locked on PostgreSQL: two remittances for one claim post one after the other."""
        stmt = sa.select(orm.claims).where(orm.claims.c.account_number == account_number)
        if self.session.bind and self.session.bind.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = (await self.session.execute(stmt)).mappings().first()
        return dict(row) if row else None

    async def lines(self, claim_id: UUID) -> list[dict]:
        rows = (await self.session.execute(sa.select(orm.claim_lines).where(
            orm.claim_lines.c.claim_id == claim_id).order_by(orm.claim_lines.c.number)))
        return [dict(r) for r in rows.mappings()]

    async def drug_lines(self, claim_ids: list[UUID]) -> dict[UUID, list[dict]]:
        out: dict[UUID, list[dict]] = {}
        if not claim_ids:
            return out
        t = orm.claim_lines
        rows = (await self.session.execute(sa.select(t).where(
            t.c.claim_id.in_(claim_ids), t.c.kind == "drug"))).mappings()
        for r in rows:
            out.setdefault(r["claim_id"], []).append(dict(r))
        return out

    async def drug_costs(self, claim_ids: list[UUID]) -> dict[UUID, list[dict]]:
        out: dict[UUID, list[dict]] = {}
        if not claim_ids:
            return out
        rows = (await self.session.execute(sa.select(orm.claim_drug_costs).where(
            orm.claim_drug_costs.c.claim_id.in_(claim_ids)))).mappings()
        for r in rows:
            out.setdefault(r["claim_id"], []).append(dict(r))
        return out

    async def add(self, claim_id: UUID, draft: ClaimDraft, *, visit: dict, lot_costs: dict,
                  now: datetime) -> None:
        await self.session.execute(orm.claims.insert().values(
            id=claim_id, order_id=draft.order_id, account_number=claim_id.hex[:16].upper(),
            practice_id=draft.practice_id, patient_id=draft.patient_id, visit=visit,
            lot_costs=lot_costs, paid_amount=ZERO, patient_responsibility=ZERO,
            denial_reasons=[], created_at=now, updated_at=now, version=1,
            **claim_values(draft)))
        await self._write_lines(claim_id, draft)

    async def replace_draft(self, claim_id: UUID, draft: ClaimDraft, *, lot_costs: dict,
                            now: datetime) -> None:
        await self.session.execute(orm.claims.update().where(orm.claims.c.id == claim_id).values(
            lot_costs=lot_costs, updated_at=now, version=orm.claims.c.version + 1,
            **claim_values(draft)))
        for table in (orm.claim_lines, orm.claim_drug_costs):
            await self.session.execute(table.delete().where(table.c.claim_id == claim_id))
        await self._write_lines(claim_id, draft)

    async def _write_lines(self, claim_id: UUID, draft: ClaimDraft) -> None:
        if draft.lines:
            await self.session.execute(orm.claim_lines.insert(), [
                {"claim_id": claim_id, "number": ln.number, "kind": ln.kind, "code": ln.code,
                 "modifiers": list(ln.modifiers), "units": ln.units, "charge": ln.charge,
                 "allowed": ln.allowed, "dx_pointers": list(ln.dx_pointers),
                 "sequences": list(ln.sequences), "ndc": ln.ndc, "ndc_qty": ln.ndc_qty,
                 "ndc_unit": ln.ndc_unit, "description": ln.description, "paid": ZERO,
                 "denied": False, "denial_reasons": []} for ln in draft.lines])
        if draft.drug_costs:
            await self.session.execute(orm.claim_drug_costs.insert(), [
                {"claim_id": claim_id, "ndc": d.ndc, "hcpcs": d.hcpcs, "vials": d.vials,
                 "acquisition_cost": d.acquisition_cost, "waste_cost": d.waste_cost}
                for d in draft.drug_costs])

    async def update(self, claim_id: UUID, **values: Any) -> None:
        await self.session.execute(orm.claims.update().where(orm.claims.c.id == claim_id).values(
            version=orm.claims.c.version + 1, **values))

    async def update_line(self, claim_id: UUID, number: int, **values: Any) -> None:
        t = orm.claim_lines
        await self.session.execute(t.update().where(t.c.claim_id == claim_id,
                                                    t.c.number == number).values(**values))

    async def search(self, *, order_id: UUID | None = None, status: list[str] | None = None,
                     service_from: date | None = None, service_to: date | None = None,
                     submitted_from: datetime | None = None,
                     submitted_to: datetime | None = None, after: tuple | None = None,
                     limit: int | None = None, practice_id: str | None = None) -> list[dict]:
        c = orm.claims
        stmt = sa.select(c).order_by(c.c.created_at.desc(), c.c.id.desc())
        conditions = [
            (order_id is not None, lambda: c.c.order_id == order_id),
            (bool(status), lambda: c.c.status.in_(status or [])),
            (service_from is not None, lambda: c.c.service_date >= service_from),
            (service_to is not None, lambda: c.c.service_date <= service_to),
            (submitted_from is not None, lambda: c.c.submitted_at >= submitted_from),
            (submitted_to is not None, lambda: c.c.submitted_at <= submitted_to),
            (practice_id is not None, lambda: c.c.practice_id == practice_id),
            (after is not None, lambda: sa.tuple_(c.c.created_at, c.c.id) < sa.tuple_(*after)),
        ]
        for active, condition in conditions:
            if active:
                stmt = stmt.where(condition())
        if limit:
            stmt = stmt.limit(limit)
        return [dict(r) for r in (await self.session.execute(stmt)).mappings()]

    async def next_control_number(self, claim_ids: list[UUID], now: datetime) -> int:
        result = await self.session.execute(orm.x12_controls.insert().values(
            claim_ids=[str(i) for i in claim_ids], created_at=now)
            .returning(orm.x12_controls.c.control_number))
        return int(result.scalar_one())

    # ------------------------------------------------------------------ authorizations
    async def save_authorization(self, values: dict[str, Any]) -> None:
        t = orm.authorizations
        if (await self.session.execute(t.update().where(t.c.case_id == values["case_id"])
                                       .values(**values))).rowcount == 0:
            await self.session.execute(t.insert().values(**values))

    async def authorization_for(self, order_id: UUID) -> dict | None:
        t = orm.authorizations
        row = (await self.session.execute(sa.select(t).where(t.c.order_id == order_id)
                                          .order_by(t.c.decided_at.desc()).limit(1))).mappings()
        first = row.first()
        return dict(first) if first else None

    # ------------------------------------------------------------------ remittances
    async def remittance_by_digest(self, digest: str) -> dict | None:
        row = (await self.session.execute(sa.select(orm.remittances).where(
            orm.remittances.c.digest == digest))).mappings().first()
        return dict(row) if row else None

    async def add_remittance(self, values: dict[str, Any]) -> UUID:
        remittance_id = uuid.uuid4()
        await self.session.execute(orm.remittances.insert().values(id=remittance_id, **values))
        return remittance_id

    async def add_payment(self, values: dict[str, Any]) -> None:
        await self.session.execute(orm.claim_payments.insert().values(id=uuid.uuid4(), **values))

    async def payments(self, *, remittance_id: UUID | None = None,
                       claim_id: UUID | None = None) -> list[dict]:
        t = orm.claim_payments
        stmt = sa.select(t).order_by(t.c.posted_at, t.c.position)
        if remittance_id is not None:
            stmt = stmt.where(t.c.remittance_id == remittance_id)
        if claim_id is not None:
            stmt = stmt.where(t.c.claim_id == claim_id)
        return [dict(r) for r in (await self.session.execute(stmt)).mappings()]

