"""One order holds at most one chair on the embedded SQLite database too: the same races as on
PostgreSQL (tests/integration/test_one_per_order.py), through the serialized path, and the
partial unique index built by the migration."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import order_races as races
import pytest
from chairside_shared.migrations import upgrade_async
from sched_it import local
from scheduling.bootstrap import MIGRATIONS
from scheduling.entrypoints.api.deps import get_now
from scheduling.main import create_app
from scheduling.settings import SchedulingSettings


@pytest.fixture
async def embedded(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/scheduling.db"
    settings = SchedulingSettings(database_url=url, environment="test", seed_demo_data=False)
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: local(7)
    await upgrade_async(MIGRATIONS, url)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://s") as client:
            yield SimpleNamespace(client=client, runtime=app.state.runtime, settings=settings)
    finally:
        await app.state.runtime.engine.dispose()


async def test_same_start_on_eight_days_books_the_order_once(embedded):
    await races.same_start_on_eight_days(embedded.client, embedded.runtime)


async def test_several_starts_on_one_day_book_the_order_once(embedded):
    await races.several_starts_on_one_day(embedded.client, embedded.runtime)


async def test_holds_racing_bookings_leave_one_appointment(embedded):
    await races.holds_and_bookings_race(embedded.client, embedded.runtime,
                                        embedded.settings.booking_policy())


async def test_the_table_refuses_a_second_current_appointment(embedded):
    await races.index_refuses_a_second_current_appointment(embedded.runtime)


async def test_migration_stops_on_orders_the_bug_double_booked(tmp_path):
    await races.migration_stops_on_duplicates(f"sqlite+aiosqlite:///{tmp_path}/old.db")
