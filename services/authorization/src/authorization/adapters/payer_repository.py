"""The payer repository: payers (with their plans) and every version of their coverage
policies. It never commits: the unit of work does."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.errors import ConcurrentUpdate
from ..domain.policy import CoveragePolicy, Payer, PolicyBook, PolicySet, PolicyVersionEntry
from . import orm
from .repository import aware, rowcount


class SqlPayers:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, payer_id: str) -> tuple[Payer, int] | None:
        row = (await self.session.execute(
            select(orm.payers).where(orm.payers.c.id == payer_id))).first()
        return (Payer.model_validate(row.body), row.policy_version) if row else None

    async def all(self) -> list[tuple[Payer, int]]:
        rows = (await self.session.execute(select(orm.payers).order_by(orm.payers.c.id))).all()
        return [(Payer.model_validate(r.body), r.policy_version) for r in rows]

    async def save(self, payer: Payer, now: datetime, *, create: bool) -> None:
        values = {"name": payer.name, "payer_type": payer.payer_type,
                  "body": payer.model_dump(mode="json"), "updated_at": now}
        if create:
            await self.session.execute(insert(orm.payers).values(
                id=payer.id, policy_version=0, created_at=now, **values))
        else:
            await self.session.execute(
                update(orm.payers).where(orm.payers.c.id == payer.id).values(**values))

    async def policies(self, payer_id: str, version: int | None = None) -> PolicySet | None:
        if version is None:
            found = await self.get(payer_id)
            if found is None or found[1] == 0:
                return None
            version = found[1]
        row = (await self.session.execute(select(orm.policy_sets).where(
            orm.policy_sets.c.payer_id == payer_id, orm.policy_sets.c.version == version))).first()
        if row is None:
            return None
        return PolicySet(payer_id=payer_id, version=version,
                         policies=tuple(CoveragePolicy.model_validate(p) for p in row.policies))

    async def versions(self, payer_id: str) -> list[PolicyVersionEntry]:
        rows = (await self.session.execute(
            select(orm.policy_sets.c.version, orm.policy_sets.c.created_at,
                   orm.policy_sets.c.created_by)
            .where(orm.policy_sets.c.payer_id == payer_id)
            .order_by(orm.policy_sets.c.version))).all()
        return [PolicyVersionEntry(version=r.version, created_at=aware(r.created_at),
                                   created_by=r.created_by) for r in rows]

    async def put_policies(self, payer_id: str, current: int,
                           policies: tuple[CoveragePolicy, ...], actor: str,
                           now: datetime) -> PolicySet:
        new = PolicySet(payer_id=payer_id, version=current + 1, policies=policies)
        # Compare-and-set on the version: two concurrent saves cannot both become version N+1.
        result = await self.session.execute(
            update(orm.payers).where(orm.payers.c.id == payer_id,
                                     orm.payers.c.policy_version == current)
            .values(policy_version=new.version, updated_at=now))
        if rowcount(result) != 1:
            raise ConcurrentUpdate(f"policies of {payer_id} changed meanwhile")
        await self.session.execute(insert(orm.policy_sets).values(
            payer_id=payer_id, version=new.version, created_at=now, created_by=actor,
            policies=[p.model_dump(mode="json") for p in policies]))
        return new

    async def book(self) -> PolicyBook:
        payers = await self.all()
        sets = [s for p, v in payers if v and (s := await self.policies(p.id, v)) is not None]
        return PolicyBook([p for p, _ in payers], sets)
