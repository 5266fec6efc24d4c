"""UTCDateTime keeps the instant, whatever offset it was given, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import StatementError

from chairside_shared.db import UTCDateTime, create_engine, make_metadata

metadata = make_metadata()
events = sa.Table("events", metadata, sa.Column("id", sa.Integer, primary_key=True),
                  sa.Column("at", UTCDateTime(), nullable=True))

NEW_YORK = ZoneInfo("America/New_York")
CASES = [
    datetime(2026, 12, 3, 17, 30, tzinfo=NEW_YORK),  # EST, -05:00
    datetime(2026, 7, 3, 17, 30, tzinfo=NEW_YORK),  # EDT, -04:00
    datetime(2026, 12, 3, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=14))),
    datetime(2026, 12, 3, 0, 0, tzinfo=UTC),
]


@pytest.fixture(params=["sqlite", "postgresql"])
async def engine(request, tmp_path, make_database):
    url = f"sqlite+aiosqlite:///{tmp_path}/t.db" if request.param == "sqlite" else \
        await make_database("utc")
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield engine
    await engine.dispose()


async def test_the_instant_survives_any_offset_and_comes_back_in_utc(engine):
    async with engine.begin() as conn:
        await conn.execute(events.insert(), [{"id": i, "at": at} for i, at in enumerate(CASES)])
        rows = (await conn.execute(sa.select(events).order_by(events.c.id))).all()
        # comparisons in SQL see the same instants: 22:30 UTC is after 22:29 given in UTC
        later = (await conn.execute(sa.select(events.c.id).where(
            events.c.at > datetime(2026, 12, 3, 22, 29, tzinfo=UTC)))).scalars().all()
    assert [r.at for r in rows] == CASES
    assert all(r.at.tzinfo is UTC for r in rows)
    assert sorted(later) == [0]


async def test_a_naive_datetime_is_refused(engine):
    with pytest.raises(StatementError, match="naive datetime"):
        async with engine.begin() as conn:
            await conn.execute(events.insert(), [{"id": 9, "at": datetime(2026, 12, 3, 9)}])
