"""Closing a group member so that the next member's join does not wait for it.

Two things left a closed member in its group until the broker's session timeout (10 s), and
the next member of the group (a restarted service, the next replica) could not be given
partitions until then: a member closed while still joining, and the first member of a group on
the embedded broker, which aiokafka never lets leave (below).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError
from aiokafka.protocol.group import LeaveGroupRequest

log = logging.getLogger("chairside.consumer")

# How long a consumer that has not joined its group yet may wait for the join to finish on close.
JOIN_GRACE_S = 0.5


async def close_consumer(consumer: AIOKafkaConsumer) -> None:
    """Stop a consumer, leaving its group, without waiting out a group join in progress.

    aiokafka's ``stop`` first waits for its coordination task, and a member still joining waits
    there for the broker to finish the rebalance (seconds). A member that holds no partitions
    has nothing to commit and nothing to hand back, so after a short grace the join is
    abandoned (the broker drops the member at its session timeout) and the fetcher and client
    are closed directly. A member with partitions always gets the full, orderly stop.
    """
    await leave_first_generation(consumer)
    stopping = asyncio.ensure_future(consumer.stop())
    done, _ = await asyncio.wait({stopping}, timeout=JOIN_GRACE_S)
    if not done and not consumer.assignment():
        # aiokafka 0.14 (pinned) keeps these as attributes; there is no public "abandon join".
        coordinator = getattr(consumer, "_coordinator", None)
        task = getattr(coordinator, "_coordination_task", None)
        if task is not None:
            task.cancel()
    with contextlib.suppress(Exception, asyncio.CancelledError):
        await stopping
    if stopping.cancelled():
        for part in (getattr(consumer, "_fetcher", None), getattr(consumer, "_client", None)):
            if part is not None:
                with contextlib.suppress(Exception):
                    await part.close()


async def leave_first_generation(consumer: AIOKafkaConsumer) -> bool:
    """Send LeaveGroup for a member of generation 0; True when it was sent and accepted.

    aiokafka (0.14, pinned) leaves a group on stop only when ``generation > 0``: Apache Kafka
    numbers a group's first generation 1, so 0 there means "never joined". The embedded broker
    (Tansu) numbers the first generation 0, so the first member of every group was stopped
    without leaving, and the next member's join waited for its session to time out (measured:
    the second of two tests on one group got its partitions 18 s after starting, the first 5 s).
    Sent before ``stop``: the run loop has already stopped fetching, and nothing is committed
    on stop (offsets are committed after each transaction).
    """
    coordinator = getattr(consumer, "_coordinator", None)
    if coordinator is None or getattr(coordinator, "generation", None) != 0:
        return False
    # stop does not leave again: the generation is still 0 to aiokafka
    return await send_leave_group(coordinator)


async def send_leave_group(coordinator: Any) -> bool:
    """LeaveGroup for the member the coordinator holds, whatever its generation; True when the
    broker accepted it. (aiokafka 0.14, pinned, has no public call for it.)"""
    if not getattr(coordinator, "member_id", None):
        return False  # not joined: the broker knows no member to remove
    try:
        await coordinator._send_req(LeaveGroupRequest(coordinator.group_id, coordinator.member_id))
    except KafkaError as exc:
        log.info("consumer %s: leaving the group failed (%s); the broker drops the member at "
                 "its session timeout", coordinator.group_id, type(exc).__name__)
        return False
    return True
