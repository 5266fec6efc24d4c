"""Per payer claim rules (timely filing days, frequency 7/8 accepted) and the payer's kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.adapters.dml import rowcount
from reimbursement.domain.submissions import FilingRule


@dataclass(frozen=True, slots=True)
class StoredRules:
    payer_id: str
    rule: FilingRule
    updated_at: datetime | None


class ClaimRulesRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def rules(self, payer_id: str | None) -> StoredRules:
        """The payer's rules; its kind from its contract (``commercial`` when none is on
        file, which a claim without a contract never reaches: it cannot be exported)."""
        kind = None
        row = None
        if payer_id:
            kind = (await self.session.execute(sa.select(orm.payer_contracts.c.kind).where(
                orm.payer_contracts.c.payer_id == payer_id))).scalar_one_or_none()
            row = (await self.session.execute(sa.select(orm.payer_claim_rules).where(
                orm.payer_claim_rules.c.payer_id == payer_id))).mappings().first()
        rule = FilingRule(kind or "commercial",
                          row["timely_filing_days"] if row else None,
                          row["accepts_replacement_claims"] if row else None)
        return StoredRules(payer_id or "", rule, row["updated_at"] if row else None)

    async def save(self, payer_id: str, *, days: int | None, accepts: bool | None,
                   now: datetime) -> None:
        t = orm.payer_claim_rules
        values = {"timely_filing_days": days, "accepts_replacement_claims": accepts,
                  "updated_at": now}
        if await rowcount(self.session, t.update().where(t.c.payer_id == payer_id)
                          .values(**values)) == 0:
            await self.session.execute(t.insert().values(payer_id=payer_id, **values))
