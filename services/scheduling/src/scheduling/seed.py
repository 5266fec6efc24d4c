"""Demo data for the embedded `make run`: chairs and this week's nurse shifts (local use only)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from uuid import uuid4

from sqlalchemy import func, select

from scheduling.adapters import orm
from scheduling.domain.clinic import Break, Chair, NurseShift


async def seed_demo(runtime) -> None:
    async with runtime.uow() as uow:
        if (await uow.session.execute(select(func.count()).select_from(orm.chairs))).scalar():
            return  # seeded before
        for i in range(1, 11):
            await uow.config.save_chair(Chair(id=f"c{i:02d}", kind="recliner" if i < 9 else "bed",
                                              pediatric_capable=i == 10))
        hours = await uow.config.hours()
        today = datetime.now(UTC).astimezone(hours.zone).date()
        for offset in range(14):
            day = today + timedelta(days=offset)
            if hours.frame(day) is None:
                continue
            for n in range(4):
                lunch = hours.local_instant(day, time(11, 30)) + timedelta(minutes=30 * (n % 3))
                await uow.config.add_shift(NurseShift(
                    id=str(uuid4()), nurse_id=f"rn-{n + 1}",
                    start=hours.local_instant(day, time(7, 45)),
                    end=hours.local_instant(day, time(18, 15)),
                    breaks=(Break(lunch, lunch + timedelta(minutes=30)),)))
        await uow.commit()
