"""Closing a group member so that the next member's join does not wait for it, and so that
closing itself cannot wait for ever.

Two things left a closed member in its group until the broker's session timeout (10 s), and
the next member of the group (a restarted service, the next replica) could not be given
partitions until then: a member closed while still joining, and the first member of a group on
the embedded broker, which aiokafka never lets leave (below). A third kept a consumer from
ever reading again: aiokafka's stop waiting on a broker that died (close_consumer).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError
from aiokafka.protocol.group import LeaveGroupRequest

log = logging.getLogger("chairside.consumer")

# How long a consumer that has not joined its group yet may wait for the join to finish on close.
JOIN_GRACE_S = 0.5
# How long a member that holds partitions gets for aiokafka's orderly stop. Offsets are
# committed after each transaction, so the stop has nothing to commit; all an abandoned stop
# loses is the LeaveGroup, and the broker then drops the member at its session timeout.
STOP_GRACE_S = 5.0
# How long each further step of an abandoned stop may take.
STEP_S = 2.0


async def close_consumer(consumer: AIOKafkaConsumer) -> None:
    """Stop a consumer, leaving its group, in bounded time.

    aiokafka's ``stop`` first waits for its coordination task. A member still joining waits
    there for the broker to finish the rebalance (seconds), and a member whose broker died or
    came back empty mid-rebalance could wait there for ever: seen in a full run, a service's
    consumer that lost the broker never came back to read again (its close never returned, so
    its run loop never made a new client). So the stop gets a grace (short for a member that
    holds nothing), then the coordination task is cancelled, then the stop itself, and the
    fetcher and client are closed directly, each step bounded.
    """
    await leave_first_generation(consumer)
    stopping = asyncio.ensure_future(consumer.stop())
    grace = STOP_GRACE_S if consumer.assignment() else JOIN_GRACE_S
    if await _finished(stopping, grace):
        return
    log.info("consumer %s: its stop did not finish within %.1f s; abandoning it",
             getattr(consumer, "_group_id", "?"), grace)
    # aiokafka 0.14 (pinned) keeps these as attributes; there is no public "abandon".
    coordinator = getattr(consumer, "_coordinator", None)
    task = getattr(coordinator, "_coordination_task", None)
    if task is not None:
        task.cancel()
    if not await _finished(stopping, STEP_S):
        stopping.cancel()
        await _finished(stopping, STEP_S)
    for part in (getattr(consumer, "_fetcher", None), getattr(consumer, "_client", None)):
        if part is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(part.close(), STEP_S)


async def close_producer(producer: AIOKafkaProducer) -> None:
    """Stop a producer in bounded time.

    aiokafka's ``stop`` waits for every queued batch to be sent, which against a broker that
    died is as long as the request timeout for each. The relay's producer holds only what the
    outbox still has unmarked, so an abandoned flush loses nothing: those rows go out again.
    So the stop gets ``STOP_GRACE_S``, then it is cancelled and the client closed directly.
    """
    stopping = asyncio.ensure_future(producer.stop())
    if await _finished(stopping, STOP_GRACE_S):
        return
    log.info("producer %s: its stop did not finish within %.1f s; abandoning it",
             getattr(producer.client, "_client_id", "?"), STOP_GRACE_S)
    stopping.cancel()
    await _finished(stopping, STEP_S)
    with contextlib.suppress(Exception):
        await asyncio.wait_for(producer.client.close(), STEP_S)


async def _finished(stopping: asyncio.Future[None], timeout_s: float) -> bool:
    """Whether the stop ended within ``timeout_s`` (however it ended)."""
    done, _ = await asyncio.wait({stopping}, timeout=timeout_s)
    if done and not stopping.cancelled():
        stopping.exception()  # retrieved: a failed stop is still a finished one
    return bool(done)


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
