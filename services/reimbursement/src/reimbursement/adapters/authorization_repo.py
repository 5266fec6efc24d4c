"""Prior authorizations the payer approved, as the claim builder reads them."""

from __future__ import annotations

from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.adapters.dml import rowcount
from reimbursement.domain.visit import Approval, AuthorizationInfo


class AuthorizationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def save(self, approval: Approval) -> None:
        """One row per PA case: a later decision on the same case replaces it."""
        t = orm.authorizations
        values = {"case_id": approval.case_id, "order_id": approval.order_id,
                  "payer_id": approval.payer_id, "auth_number": approval.auth_number,
                  "approved_units": dict(approval.approved_units),
                  "valid_from": approval.valid_from, "valid_to": approval.valid_to,
                  "decided_at": approval.decided_at}
        if await rowcount(self.session, t.update().where(
                t.c.case_id == approval.case_id).values(values)) == 0:
            await self.session.execute(t.insert().values(values))

    async def for_order(self, order_id: UUID) -> AuthorizationInfo | None:
        """The latest decision covering the order."""
        t = orm.authorizations
        row = (await self.session.execute(sa.select(t).where(t.c.order_id == order_id)
                                          .order_by(t.c.decided_at.desc()).limit(1))
               ).mappings().first()
        if row is None:
            return None
        return AuthorizationInfo(row["auth_number"], {k: int(v) for k, v in
                                                      row["approved_units"].items()},
                                 row["valid_from"], row["valid_to"], row["case_id"])
