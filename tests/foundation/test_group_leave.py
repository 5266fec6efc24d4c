"""A member that stops leaves its group at once (real embedded broker).

The embedded broker numbers a group's first generation 0, and aiokafka leaves a group on stop
only from generation 1 (Apache Kafka's first): without ``leave_first_generation`` the first
member of every group stayed in it until its session timed out, and the next member (the
service restarted, the next test's runtime) got no partitions until then."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from chairside_shared.messaging.closing import close_consumer
from chairside_shared.messaging.kafka import ensure_topics, make_consumer
from chairside_shared.settings import ServiceSettings
from chairside_shared.testing.plugin import eventually

pytestmark = pytest.mark.integration


async def joined(broker, group: str, topic: str) -> AIOKafkaConsumer:
    settings = ServiceSettings(environment="test", kafka_topic_partitions=2)
    settings.kafka_bootstrap_servers = broker.bootstrap_servers
    await ensure_topics(settings, [topic], grow=False, client_id="leave-test")
    consumer = make_consumer(settings, topic, group_id=group, client_id="leave-test")
    await consumer.start()

    async def assigned():
        await consumer.getmany(timeout_ms=100)
        return consumer.assignment()
    await eventually(assigned)
    return consumer


async def members(broker, group: str) -> list[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap_servers)
    await admin.start()
    try:
        [description] = await admin.describe_consumer_groups([group])
    finally:
        await admin.close()
    return [m[0] for m in description.groups[0][5]]  # (member_id, ...) per member


async def test_the_first_member_of_a_group_leaves_it_when_closed(fresh_broker):
    group, topic = f"leave-{uuid.uuid4().hex[:8]}", "leave.events"
    consumer = await joined(fresh_broker, group, topic)
    member_id = consumer._coordinator.member_id
    assert consumer._coordinator.generation == 0  # the embedded broker's first generation
    assert await members(fresh_broker, group) == [member_id]

    await close_consumer(consumer)

    assert await members(fresh_broker, group) == []


async def test_without_it_aiokafka_leaves_the_first_member_behind(fresh_broker):
    """The reason for the fix, kept as a test: if aiokafka or the broker changes (a first
    generation of 1, or a leave at 0), this fails and the workaround can go."""
    group, topic = f"stay-{uuid.uuid4().hex[:8]}", "leave.events"
    consumer = await joined(fresh_broker, group, topic)
    member_id = consumer._coordinator.member_id

    await consumer.stop()

    assert await members(fresh_broker, group) == [member_id]
