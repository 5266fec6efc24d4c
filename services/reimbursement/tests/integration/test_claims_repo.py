"""The claim repository inside a unit of work: one object per claim, tracked in ``seen``;
commit writes what changed and stages the claim's events; no commit, no trace."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from reimb_it import EPTI, T0, administered, administration, bill, setup_catalog

from reimbursement.adapters import orm

pytestmark = pytest.mark.integration


async def stored(svc, claim_id) -> tuple[str, int, int]:
    """(status, version, outbox rows)"""
    outbox = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        row = (await session.execute(sa.select(orm.claims.c.status, orm.claims.c.version)
                                     .where(orm.claims.c.id == claim_id))).one()
        staged = (await session.execute(sa.select(sa.func.count()).select_from(outbox))
                  ).scalar_one()
    return row.status, row.version, staged


async def test_one_object_per_claim_and_writes_only_on_commit(svc):
    await setup_catalog(svc.client)
    claim_id = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0,
                                                           35)))
    assert await stored(svc, claim_id) == ("ready", 1, 1)  # claim.created
    async with svc.runtime.uow() as uow:
        claim = await uow.claims.get(claim_id)
        assert claim is not None
        assert await uow.claims.by_account(claim.account_number) is claim
        assert claim in list(uow.seen)
        await uow.commit()  # nothing changed: nothing written, nothing staged
    assert await stored(svc, claim_id) == ("ready", 1, 1)
    async with svc.runtime.uow() as uow:
        claim = await uow.claims.get(claim_id)
        assert claim is not None
        claim.submit(now=T0)  # left without commit: rolled back, no event
    assert await stored(svc, claim_id) == ("ready", 1, 1)
    async with svc.runtime.uow() as uow:
        claim = await uow.claims.get(claim_id)
        assert claim is not None
        claim.submit(now=T0)
        await uow.commit()
        assert claim.events == []  # drained into the outbox
    assert await stored(svc, claim_id) == ("submitted", 2, 2)
