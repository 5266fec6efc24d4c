"""reimbursement_0006_remit_key keeps remittances posted under the old digest scheme: their
key is backfilled (the same file posted twice under two digests stays two valid rows), their
payments get ordinals and '' for a missing CLP07, and a re-send of such a file is known."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from chairside_shared.migrations import alembic_config
from reimbursement.adapters.remittance_repo import RemittanceRepository
from reimbursement.bootstrap import MIGRATIONS
from reimbursement.domain.remittance import RemittanceKey

pytestmark = pytest.mark.integration
T = datetime(2026, 3, 20, 12, tzinfo=UTC)


async def test_old_remittances_survive_and_are_recognised(make_database):
    url = await make_database("reimb_remit_mig")
    config = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, config, "reimbursement_0005")
    ids = [uuid.uuid4() for _ in range(3)]
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            for i, (rid, trace) in enumerate(zip(ids, ["EFT1", "EFT1", "EFT2"], strict=True)):
                await conn.execute(text(
                    "INSERT INTO remittances (id, digest, trace_number, payer_id, payment_amount,"
                    " provider_adjustments, received_at) VALUES (:id, :digest, :trace, "
                    "'1000MCRB1', 10, '[]', :at)"),
                    {"id": rid, "digest": f"{i:064d}:0", "trace": trace,
                     "at": T + timedelta(minutes=i)})  # the first posted keeps the key
            for position in (0, 1):  # one CLP twice in a file, no CLP07
                await conn.execute(text(
                    "INSERT INTO claim_payments (id, remittance_id, position, account_number, "
                    "status_code, payer_claim_number, charge, paid, patient_responsibility, "
                    "contractual, denial_reasons, adjustments, unmatched_lines, posted_at) "
                    "VALUES (:id, :rid, :pos, 'A1', '1', NULL, 10, 5, 0, 5, '[]', '[]', '[]',"
                    " :at)"), {"id": uuid.uuid4(), "rid": ids[0], "pos": position, "at": T})
        await asyncio.to_thread(command.upgrade, config, "head")
        async with engine.connect() as conn:
            rows = (await conn.execute(text(
                "SELECT id, originator, originator_sub, trace_number, payee_id, digest "
                "FROM remittances ORDER BY digest"))).all()
            assert [(r.originator, r.originator_sub, r.trace_number, r.payee_id) for r in rows] \
                == [("1000MCRB1", "", "EFT1", ""),
                    ("1000MCRB1", "", "EFT1", f"legacy:{1:064d}:0"),
                    ("1000MCRB1", "", "EFT2", "")]
            payments = (await conn.execute(text(
                "SELECT position, ordinal, payer_claim_number, crossover FROM claim_payments "
                "ORDER BY position"))).all()
            assert [tuple(p) for p in payments] == [(0, 0, "", False), (1, 1, "", False)]
        async with engine.connect() as conn, AsyncSession(conn) as session:
            repo = RemittanceRepository(session)
            resent = RemittanceKey("1000MCRB1", "", "EFT2", "XX:1245319599")
            fresh = RemittanceKey("1000MCRB1", "", "EFT3", "XX:1245319599")
            assert await repo.known([resent, fresh]) == {resent}
    finally:
        await engine.dispose()
