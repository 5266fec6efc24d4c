"""Issue 13: a claim keeps no member id. An order.administered from an earlier producer that
still carries one is billed without storing it; the 837P names the member id orders' payer
identity answers; the migration clears the ones stored before."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
import sqlalchemy as sa
from reimb_it import EPTI, administered, administration, approval, bill, setup_catalog

from chairside_shared import contracts, db
from chairside_shared.migrations import alembic_config, upgrade_async
from reimbursement.adapters import orm
from reimbursement.adapters.x12.read_837 import read_837p
from reimbursement.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration
LEGACY = "LEGACY9M77"
IDENTITY_MEMBER = "1EG4TE5MK72"  # what the stand-in for orders' payer identity answers


async def test_a_member_id_in_an_old_event_is_not_kept_and_the_837p_asks_orders(svc):
    c = svc.client
    await setup_catalog(c)
    event = administered(administration(1, "eptinezumab", EPTI, "300", 0, 35))
    legacy = event.model_copy(update={"payer": contracts.PayerRef(
        payer_id="medicare", member_id=LEGACY)})
    claim_id = await bill(svc, legacy, approve=approval(event.order_id))
    async with svc.runtime.session_factory() as session:
        [row] = (await session.execute(sa.text("SELECT CAST(c AS text) FROM claims c"))
                 ).scalars().all()
        stored = (await session.execute(sa.select(orm.claims.c.member_id))).scalar_one()
    assert str(event.order_id) in row and LEGACY not in row and stored is None
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "ready" and claim["member_id"] is None
    x12 = await c.get(f"/v1/claims/{claim_id}/x12")
    assert x12.status_code == 200 and LEGACY not in x12.text
    [read] = read_837p(x12.text)
    assert read.member_id == IDENTITY_MEMBER


def _claim_row(member_id) -> dict:
    now = datetime.now(UTC)
    visit = administered(administration(1, "eptinezumab", EPTI, "300", 0, 35)).model_dump(
        mode="json")
    visit["payer"]["member_id"] = member_id
    return {"visit": visit, "acquisition_cost": 0, "waste_cost": 0, "paid_amount": 0,
            "patient_responsibility": 0, "reviews": [], "warnings": [], "notes": [],
            "denial_reasons": [], "lot_costs": {}, "id": uuid4(), "order_id": uuid4(),
            "account_number": uuid4().hex[:20],
            "practice_id": "demo-clinic", "patient_id": uuid4(), "payer_id": "medicare",
            "member_id": member_id, "status": "ready", "service_date": date(2026, 3, 2),
            "diagnoses": ["G43.709"], "place_of_service": "11", "total_charge": 10,
            "created_at": now, "updated_at": now, "version": 0}


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
async def test_the_migration_clears_stored_member_ids(backend, make_database, tmp_path):
    from alembic import command

    url = (await make_database("reimb_mig") if backend == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}/reimb.db")
    await asyncio.to_thread(command.upgrade, alembic_config(MIGRATIONS, url),
                            "reimbursement_0004")
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(orm.claims.insert(), [_claim_row(LEGACY), _claim_row(None)])
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            rows = (await conn.execute(sa.select(orm.claims.c.member_id, orm.claims.c.visit))
                    ).all()
        assert [(r.member_id, r.visit["payer"]["member_id"]) for r in rows] == [(None, None)] * 2
        assert all(r.visit["payer"]["payer_id"] == "medicare" for r in rows)
    finally:
        await engine.dispose()
