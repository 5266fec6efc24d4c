"""A booking decision is never left withheld by a release that commits at the same moment, on
PostgreSQL: the release locks the order's hold row (``hold(for_update=True)``) and takes the
withheld decisions; a decision's writer asks whether the order is still held with the row
locked too, so it waits for a release in progress and then sees the hold cleared. Read
without the lock, it saw the hold open, withheld the decision after the release had taken
the withheld ones, and the decision (an approval) never left."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import uuid4

import pytest
from sqlalchemy import insert, update

from authorization.adapters import eligibility_orm as t
from authorization.adapters.eligibility_repository import SqlEligibility
from authorization.bootstrap import MIGRATIONS
from chairside_shared import db
from chairside_shared.messaging.outbox import Seen

pytestmark = pytest.mark.integration


async def test_a_writer_waits_for_a_release_in_progress_and_sees_the_hold_cleared(
        make_database):
    engine = db.create_engine(await make_database("authhold", MIGRATIONS))
    sessions = db.session_factory(engine)
    order_id = uuid4()
    try:
        async with sessions() as s:
            await s.execute(insert(t.eligibility_holds).values(
                order_id=order_id, patient_id=uuid4(), payer_id="summit-health",
                check_id=uuid4(), state="awaiting", updated_at=datetime.now(UTC)))
            await s.commit()
        async with sessions() as releasing, sessions() as deciding:
            # the release: the hold row locked, the hold cleared, not yet committed
            assert await SqlEligibility(releasing, Seen()).hold(order_id, for_update=True)
            await releasing.execute(update(t.eligibility_holds).where(
                t.eligibility_holds.c.order_id == order_id).values(state="cleared"))
            asking = asyncio.ensure_future(
                SqlEligibility(deciding, Seen()).open_holds({order_id}))
            await asyncio.sleep(0.5)
            assert not asking.done()  # it waits for the release ...
            await releasing.commit()
            assert await asyncio.wait_for(asking, 10) == set()  # ... and sees it cleared
            await deciding.rollback()
        async with sessions() as s:  # still held: the writer is told so (and locks it)
            await s.execute(update(t.eligibility_holds).where(
                t.eligibility_holds.c.order_id == order_id).values(state="flagged"))
            await s.commit()
        async with sessions() as s:
            assert await SqlEligibility(s, Seen()).open_holds({order_id}) == {order_id}
    finally:
        await engine.dispose()
