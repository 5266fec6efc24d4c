"""The `dlq_size{service=...}` gauge: dead letters waiting for replay, counted from the
service's own `dead_letters` table (every service's runtime and the gateway's webhook
consumer keep one)."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from chairside_shared.metrics import DLQ_SIZE

log = logging.getLogger("chairside.consumer")


async def count_dead_letters(engine: AsyncEngine, dead_letters: Table) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(
            select(func.count()).select_from(dead_letters)
            .where(dead_letters.c.status == "dead")
        )).scalar_one()


async def watch_dead_letters(engine: AsyncEngine, dead_letters: Table, *, service: str,
                             every_s: float = 5.0) -> None:
    """Keep the gauge current until cancelled."""
    while True:
        try:
            DLQ_SIZE.labels(service).set(await count_dead_letters(engine, dead_letters))
        except Exception as exc:  # the database is down: /readyz says so
            log.debug("%s: dead letters not counted (%s)", service, type(exc).__name__)
        await asyncio.sleep(every_s)
