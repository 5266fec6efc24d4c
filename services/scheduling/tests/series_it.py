"""Builders for the series integration tests: a clinic week and one patient's signed orders."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import httpx
from sched_it import DAY, local, setup_clinic
from sqlalchemy import func, select

from scheduling.adapters import orm, series_orm
from scheduling.service import booking

MON = DAY + timedelta(days=6)  # the Monday after the tests' Tuesday: a whole clinic week
WEEK = [MON + timedelta(days=i) for i in range(5)]


async def clinic_week(client: httpx.AsyncClient, chairs: int = 1, nurses: int = 1,
                      days: list[date] = WEEK) -> None:
    for day in days:
        await setup_clinic(client, chairs=chairs, nurses=nurses, day=day)


async def patient_orders(runtime, n: int, *, minutes: int = 240, authorization: str = "approved",
                         patient_id: UUID | None = None, hold: bool = False,
                         prep: int | None = None) -> list[UUID]:
    """n signed orders of one patient (as order.signed records them); ``hold``: the first
    gets the hold order.signed would give it."""
    patient_id = patient_id or uuid4()
    out = []
    for i in range(n):
        async with runtime.uow() as uow:
            order = await booking.record_signed_order(
                uow, order_id=uuid4(), practice_id="demo-clinic", patient_id=patient_id,
                urgency="planned", minutes=minutes, acuity_class="standard", pediatric=False,
                requires_driver=False, signed_at=datetime.now(UTC),
                window_from=local(8, 0, MON), window_to=local(18, 0, WEEK[-1]),
                authorization=authorization, prep_minutes=prep)
            if hold and i == 0:
                await booking.hold_for_order(uow, order, local(7, 0, DAY), uow.options.policy)
            await uow.commit()
        out.append(order.order_id)
    return out


def body(order_ids: list[UUID], first: date = MON, offsets: list[int] | None = None,
         window: tuple[str, str] = ("08:00", "12:00"), gap: bool = False) -> dict:
    pattern = {"kind": "day_offsets", "offsets": offsets} if offsets else {
        "kind": "consecutive_days"}
    return {"order_ids": [str(o) for o in order_ids], "pattern": pattern,
            "first_day": first.isoformat(), "window": {"from": window[0], "to": window[1]},
            "allow_closed_day_gap": gap}


async def counts(runtime, order_ids: list[UUID]) -> tuple[int, int]:
    """(live or queued appointments of these orders, series rows)."""
    async with runtime.uow() as uow:
        a = orm.appointments
        live = (await uow.session.execute(select(func.count()).select_from(a).where(
            a.c.order_id.in_(order_ids), a.c.status.in_(orm.CURRENT_STATUSES)))).scalar()
        series = (await uow.session.execute(
            select(func.count()).select_from(series_orm.series))).scalar()
    return int(live or 0), int(series or 0)


async def publish(broker, event_type: str, payload, key) -> None:
    """One event on its contract's topic, as its producer would send it."""
    from aiokafka import AIOKafkaProducer

    from chairside_shared import contracts
    from chairside_shared.messaging.envelope import encode, kafka_headers

    enc = encode(event_type=event_type, payload=payload, source="test", key=str(key))
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        contract = contracts.contract_for(event_type)
        assert contract is not None
        await producer.send_and_wait(contract.topic, value=enc.value.encode(),
                                     key=str(key).encode(), headers=kafka_headers(enc.headers))
    finally:
        await producer.stop()
