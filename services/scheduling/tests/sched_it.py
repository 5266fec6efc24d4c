"""Builders for the scheduling integration tests: clinic days and signed orders."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import httpx

from scheduling.service import booking

TZ = ZoneInfo("America/New_York")


def next_weekday(weekday: int = 1) -> date:
    today = datetime.now(TZ).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


DAY = next_weekday(1)  # next Tuesday (never today)


def local(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=TZ).astimezone(UTC)


async def setup_clinic(client: httpx.AsyncClient, chairs: int = 3, nurses: int = 1,
                       ped: int = 0, day: date = DAY, lunch: bool = False) -> None:
    for i in range(1, chairs + 1):
        r = await client.put(f"/v1/chairs/c{i:02d}", json={
            "id": f"c{i:02d}", "pediatric_capable": i > chairs - ped})
        assert r.status_code == 200, r.text
    for n in range(nurses):
        breaks = [{"start": local(12, 0, day).isoformat(), "end": local(12, 30, day).isoformat()}]
        r = await client.post("/v1/nurse-shifts", json={
            "nurse_id": f"rn{n}", "start": local(8, 0, day).isoformat(),
            "end": local(18, 0, day).isoformat(), "breaks": breaks if lunch else []})
        assert r.status_code == 201, r.text


async def signed_orders(runtime, n: int, **kw: object) -> list[UUID]:
    return [await signed_order(runtime, **kw) for _ in range(n)]


async def signed_order(runtime, *, minutes: int = 60, acuity: str = "standard",
                       urgency: str = "planned", authorization: str = "pending",
                       pediatric: bool = False, driver: bool = False,
                       window: tuple[datetime, datetime] | None = None) -> UUID:
    """An order scheduling has heard of (as order.signed would record it), without a hold."""
    order_id = uuid4()
    async with runtime.uow() as uow:
        await booking.record_signed_order(
            uow, order_id=order_id, practice_id="demo-clinic",
            patient_id=uuid4(), urgency=urgency, minutes=minutes, acuity_class=acuity,
            pediatric=pediatric, requires_driver=driver,
            window_from=window[0] if window else None, window_to=window[1] if window else None,
            signed_at=datetime.now(UTC), authorization=authorization)
        await uow.commit()
    return order_id
