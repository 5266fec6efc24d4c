"""Orders' prior authorizations as ``authorization.approved`` carried them, and the units the
visits under one auth number draw. Never commits."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.appointment import OCCUPYING, Status
from ..domain.authorization_fit import Approval, ApprovedLine
from . import orm

# Visits whose units count against the approval: live ones, and those given already.
DRAWING = tuple(s.value for s in (*OCCUPYING, Status.COMPLETED))


class SqlApprovals:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, order_id: UUID) -> Approval | None:
        t = orm.order_approvals
        row = (await self.session.execute(select(t).where(t.c.order_id == order_id))).first()
        return _approval(row) if row is not None else None

    async def save(self, approval: Approval) -> None:
        """The latest approval of the order replaces the one kept (a renewal's dates)."""
        t = orm.order_approvals
        await self.session.execute(delete(t).where(t.c.order_id == approval.order_id))
        await self.session.execute(t.insert().values(
            order_id=approval.order_id, case_id=approval.case_id, payer_id=approval.payer_id,
            auth_number=approval.auth_number, valid_from=approval.valid_from,
            valid_to=approval.valid_to,
            lines=[{"hcpcs": ln.hcpcs, "approved_units": ln.approved_units,
                    "units_per_visit": ln.units_per_visit} for ln in approval.lines]))

    async def drawing_visits(self, auth_number: str, *, besides: UUID) -> list[dict[str, int]]:
        """What each visit of the other orders under ``auth_number`` draws, per HCPCS."""
        t, a = orm.order_approvals, orm.appointments
        rows = (await self.session.execute(
            select(t).join(a, a.c.order_id == t.c.order_id)
            .where(t.c.auth_number == auth_number, t.c.order_id != besides,
                   a.c.status.in_(DRAWING)))).all()
        return [_approval(row).visit_units() for row in rows]


def _approval(row: Row[Any]) -> Approval:
    return Approval(
        order_id=row.order_id, case_id=row.case_id, payer_id=row.payer_id,
        auth_number=row.auth_number, valid_from=row.valid_from, valid_to=row.valid_to,
        lines=tuple(ApprovedLine(hcpcs=ln["hcpcs"], approved_units=int(ln["approved_units"]),
                                 units_per_visit=ln.get("units_per_visit"))
                    for ln in row.lines or []))
