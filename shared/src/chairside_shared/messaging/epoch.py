"""Has the broker lost its state since we last looked?

The embedded broker keeps nothing across a restart: topics, logs and committed offsets are all
gone, and a new log can grow past a position a client still holds from the old one. Each
watcher keeps a marker topic that nothing else creates or touches; a broker without it is a new
broker. (Apache Kafka keeps its logs across restarts, so there the marker simply stays.)

The relay and the consumer both watch one: the relay re-publishes its retained window whenever
its marker is missing (``marker_present``, then ``mark``); the consumer rewinds only when a
marker it had seen disappears (``broker_was_reset``).
"""

from __future__ import annotations

import asyncio
import contextlib

from aiokafka.admin import AIOKafkaAdminClient

from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.settings import ServiceSettings


class BrokerEpochWatch:
    def __init__(self, settings: ServiceSettings, *, marker_topic: str, client_id: str) -> None:
        self.settings = settings
        self.marker_topic = marker_topic
        self.client_id = client_id
        self._admin: AIOKafkaAdminClient | None = None
        self.seen = False  # the marker was there (or we made it) at an earlier look

    async def marker_present(self) -> bool:
        """Does the broker have our marker? Raises when the broker cannot be asked."""
        admin = await self._ensure_admin()
        try:
            topics = set(await asyncio.wait_for(admin.list_topics(), 10))
        except BaseException:
            await self.close()
            raise
        present = self.marker_topic in topics
        self.seen = self.seen or present
        return present

    async def mark(self, *also_create: str) -> None:
        """Create the marker (and any other topics, in the same call)."""
        await ensure_topics(self.settings, [*also_create, self.marker_topic],
                            client_id=self.client_id)
        self.seen = True

    async def broker_was_reset(self) -> bool:
        """True when the marker we saw before is gone (it is created again at once). The first
        look at a broker without the marker is a new broker, not a reset."""
        seen_before = self.seen
        if await self.marker_present():
            return False
        await self.mark()
        return seen_before

    async def _ensure_admin(self) -> AIOKafkaAdminClient:
        if self._admin is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.settings.kafka_bootstrap_servers,
                                        client_id=self.client_id, request_timeout_ms=10_000)
            try:
                await admin.start()
            except BaseException:
                await admin.close()
                raise
            self._admin = admin
        return self._admin

    async def close(self) -> None:
        admin, self._admin = self._admin, None
        if admin is not None:
            with contextlib.suppress(Exception):
                await admin.close()
