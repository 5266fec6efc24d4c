"""End-to-end event latency and relay throughput on PostgreSQL and the embedded broker.

Latency: a state change committed in one service (outbox row in the same transaction) until the
handler's transaction has committed in another, per event, over N events sent one after another
with a small gap (p50/p95/p99). Throughput: N events committed first, then the relay drains them
(events/s from the first to the last send). Run: ``make bench`` or
``python -m bench.event_latency --events 2000``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer, String, Table, func, select

from chairside_shared import contracts, db
from chairside_shared.broker import EmbeddedBroker
from chairside_shared.messaging.outbox import UnitOfWork
from chairside_shared.messaging.tables import add_messaging_tables
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from chairside_shared.settings import ServiceSettings, service_config

ADMIN_URL = os.environ.get("CHAIRSIDE_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")

consumer_md = db.make_metadata()
consumer_tables = add_messaging_tables(consumer_md)
handled = Table("handled", consumer_md,
                Column("id", Integer, primary_key=True, autoincrement=True),
                Column("event_id", String(64), nullable=False, unique=True),
                Column("committed_at", DateTime(timezone=True), nullable=False))
producer_md = db.make_metadata()
producer_tables = add_messaging_tables(producer_md)


class BenchSettings(ServiceSettings):
    model_config = service_config("BENCH_")


async def on_cancelled(uow: UnitOfWork, envelope) -> None:
    await uow.session.execute(handled.insert().values(event_id=envelope.id,
                                                      committed_at=datetime.now(UTC)))


def _settings(url: str, broker: EmbeddedBroker, name: str) -> ServiceSettings:
    s = BenchSettings(environment="test", database_url=url, seed_demo_data=False,
                      service_name=name, outbox_poll_interval_s=1.0)
    s.kafka_bootstrap_servers = broker.bootstrap_servers
    return s


async def _emit(runtime: ServiceRuntime) -> tuple[str, float]:
    order_id = uuid.uuid4()
    async with runtime.uow() as uow:
        event_id = await uow.emit("order.cancelled", contracts.OrderCancelled(
            order_id=order_id, practice_id="bench", reason="bench", previous_status="draft",
            cancelled_at=datetime.now(UTC)), key=str(order_id))
        await uow.commit()
    return event_id, time.time()


async def _wait_handled(consumer: ServiceRuntime, n: int, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    got = 0
    while time.monotonic() < deadline:
        async with consumer.session_factory() as s:
            got = (await s.execute(select(func.count()).select_from(handled))).scalar_one()
            if got >= n:
                return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"{got} of {n} events handled")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def main(events: int, gap_ms: float) -> None:
    names = [f"cs_bench_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    urls = [await db.create_database(ADMIN_URL, n) for n in names]
    with EmbeddedBroker() as broker:
        producer = ServiceRuntime(ServiceSpec(
            name="benchproducer", metadata=producer_md, tables=producer_tables,
            migrations=None, owned_topics=[contracts.ORDERS_TOPIC], uow_class=UnitOfWork),
            _settings(urls[0], broker, "benchproducer"))
        consumer = ServiceRuntime(ServiceSpec(
            name="benchconsumer", metadata=consumer_md, tables=consumer_tables,
            migrations=None, owned_topics=[], uow_class=UnitOfWork,
            subscriptions=[contracts.ORDERS_TOPIC], handlers={"order.cancelled": on_cancelled}),
            _settings(urls[1], broker, "benchconsumer"))
        try:
            for r in (producer, consumer):
                await r.start()
                await r.booted.wait()
            await _emit(producer)  # warm-up: topics, group join
            await _wait_handled(consumer, 1)

            sent: dict[str, float] = {}
            for _ in range(events):
                event_id, t = await _emit(producer)
                sent[event_id] = t
                await asyncio.sleep(gap_ms / 1000)
            await _wait_handled(consumer, events + 1)
            async with consumer.session_factory() as s:
                rows = (await s.execute(select(handled.c.event_id, handled.c.committed_at))).all()
            lat = [(r.committed_at.timestamp() - sent[r.event_id]) * 1000
                   for r in rows if r.event_id in sent]

            # Throughput: commit a backlog with the relay paused by a stopped broker? Simpler:
            # commit the burst as fast as possible and time the drain to the consumer.
            t0 = time.time()
            burst = [await _emit(producer) for _ in range(events)]
            t_committed = time.time()
            await _wait_handled(consumer, 2 * events + 1)
            t_done = time.time()

            # Relay throughput: a backlog committed in one transaction, drained by the relay.
            outbox = producer.spec.tables.outbox
            backlog = events * 5
            async with producer.uow() as uow:
                for _ in range(backlog):
                    oid = uuid.uuid4()
                    await uow.emit("order.cancelled", contracts.OrderCancelled(
                        order_id=oid, practice_id="bench", reason="bench",
                        previous_status="draft", cancelled_at=datetime.now(UTC)), key=str(oid))
                t_relay = time.time()
                await uow.commit()
            while True:
                async with producer.session_factory() as s:
                    unsent = (await s.execute(select(func.count()).select_from(outbox)
                                              .where(outbox.c.sent_at.is_(None)))).scalar_one()
                if unsent == 0:
                    break
                await asyncio.sleep(0.01)
            relay_s = time.time() - t_relay
        finally:
            await producer.stop()
            await consumer.stop()
    for n in names:
        await db.drop_database(ADMIN_URL, n)

    print(f"event latency, commit in producer -> handler committed in consumer "
          f"({len(lat)} events, {gap_ms} ms apart, PostgreSQL + embedded broker, loopback)")
    print(f"  p50 {pct(lat, 50):7.2f} ms   p95 {pct(lat, 95):7.2f} ms   "
          f"p99 {pct(lat, 99):7.2f} ms   max {max(lat):7.2f} ms   "
          f"mean {statistics.mean(lat):7.2f} ms")
    print(f"burst of {len(burst)} events: committed in {t_committed - t0:.2f} s "
          f"({len(burst) / (t_committed - t0):.0f} commits/s); relayed and handled end to end "
          f"in {t_done - t0:.2f} s ({len(burst) / (t_done - t0):.0f} events/s)")
    print(f"relay throughput: a backlog of {backlog} outbox rows published and marked sent in "
          f"{relay_s:.2f} s ({backlog / relay_s:.0f} events/s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--gap-ms", type=float, default=2.0)
    args = parser.parse_args()
    asyncio.run(main(args.events, args.gap_ms))
