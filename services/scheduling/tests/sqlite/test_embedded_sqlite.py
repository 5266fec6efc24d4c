"""The embedded default (`make run`): migrations apply on SQLite, concurrent bookings for the
last nurse capacity still yield one winner (serialized path: SQLite has no exclusion
constraints or advisory locks), and the demo seed is idempotent."""

from __future__ import annotations

import asyncio

import httpx
from sched_it import DAY, local, setup_clinic, signed_order
from sqlalchemy import func, select

from chairside_shared.migrations import upgrade_async
from scheduling.adapters import orm
from scheduling.bootstrap import MIGRATIONS
from scheduling.entrypoints.api.deps import get_now
from scheduling.main import create_app
from scheduling.seed import seed_demo
from scheduling.settings import SchedulingSettings


async def test_sqlite_serialized_booking_and_seed(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/scheduling.db"
    app = create_app(SchedulingSettings(database_url=url, environment="test",
                                        seed_demo_data=False))
    app.dependency_overrides[get_now] = lambda: local(7)
    runtime = app.state.runtime
    await upgrade_async(MIGRATIONS, url)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://s") as c:
            await setup_clinic(c, chairs=6, nurses=1)
            for i in range(3):  # three of the nurse's four units in use 09:00-12:00
                o = await signed_order(runtime, minutes=180)
                r = await c.post("/v1/appointments", json={
                    "order_id": str(o), "chair_id": f"c0{i + 1}",
                    "start": local(9, 15 * i).isoformat()})
                assert r.status_code == 201, r.text
            orders = [await signed_order(runtime) for _ in range(30)]
            responses = await asyncio.gather(*(c.post("/v1/appointments", json={
                "order_id": str(o), "chair_id": f"c0{4 + i % 3}",
                "start": local(10, 15 * (i % 3)).isoformat()}) for i, o in enumerate(orders)))
            codes = sorted(r.status_code for r in responses)
            assert codes.count(201) == 1 and set(codes) == {201, 409}
            r = await c.get("/v1/board", params={"date": DAY.isoformat()})
            assert max(b["peak_load_units"] for b in r.json()["nurse_load"]) == 4
        await seed_demo(runtime)
        await seed_demo(runtime)  # idempotent: chairs already there
        async with runtime.session_factory() as session:
            chairs = (await session.execute(select(func.count()).select_from(orm.chairs)))
            assert chairs.scalar() == 6  # the test's chairs were kept, no demo chairs added
    finally:
        await runtime.engine.dispose()
