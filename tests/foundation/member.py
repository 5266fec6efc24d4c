"""One process of the flow: ``python -m tests.foundation.member consumer|relay DB_URL BROKER
PARTITIONS``, so a test can SIGKILL a replica (issue 19).

- ``consumer``: a member of the "flowconsumer" group (flow.py's consumer runtime: inbox, handler,
  commit); each handled event takes ``FLOW_HANDLER_DELAY_S`` longer, so a kill lands mid-batch.
  Prints ``assigned N`` whenever its partition count changes, ``repeats N`` whenever its inbox
  absorbs one more event it had already applied.
- ``relay``: the "flowproducer" runtime with no HTTP and no writes of its own: only its outbox
  relay runs. Prints ``leading`` when its relay holds the service's relay lock.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys

from chairside_shared.messaging.outbox import UnitOfWork

from . import flow


def settings(database_url: str, bootstrap: str, partitions: int) -> flow.FlowSettings:
    # Values of settings_for_test (the plugin needs a broker object, a child only has its address)
    # (FLOW_OUTBOX_POLL_INTERVAL_S in the environment keeps its own value: the failover bench)
    values = {
        "environment": "test", "database_url": database_url, "seed_demo_data": False,
        "broker_check_interval_s": 0.5, "consumer_retry_backoff_s": 0.01,
        "kafka_topic_partitions": partitions,
    }
    if "FLOW_OUTBOX_POLL_INTERVAL_S" not in os.environ:
        values["outbox_poll_interval_s"] = 0.2
        values["outbox_idle_poll_s"] = 0.2
    made = flow.FlowSettings(**values)
    made.kafka_bootstrap_servers = bootstrap
    return made


async def consumer(made: flow.FlowSettings) -> None:
    delay = float(os.environ.get("FLOW_HANDLER_DELAY_S", "0"))

    async def slow(uow: UnitOfWork, envelope) -> None:
        await asyncio.sleep(delay)
        await flow.record_cancellation(uow, envelope)

    runtime = flow.consumer_runtime(made)
    assert runtime.consumer is not None
    runtime.consumer.handlers["order.cancelled"] = slow
    repeats = 0
    process = runtime.consumer.process_record

    async def counted(record):
        nonlocal repeats
        outcome = await process(record)
        if outcome == "duplicate":
            repeats += 1
            print(f"repeats {repeats}", flush=True)
        return outcome

    runtime.consumer.process_record = counted  # type: ignore[method-assign]
    await runtime.start()
    await runtime.booted.wait()
    shown = -1
    while True:
        kafka = runtime.consumer._consumer
        count = len(kafka.assignment()) if kafka is not None else 0
        if count != shown:
            print(f"assigned {count}", flush=True)
            shown = count
        await asyncio.sleep(0.05)


async def relay(made: flow.FlowSettings) -> None:
    runtime = flow.producer_runtime(made)
    await runtime.start()
    await runtime.booted.wait()
    while True:  # the relay's own loop takes the lock: watch it
        if runtime.relay._is_leader:
            break
        await asyncio.sleep(0.01)
    print("leading", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    role, database_url, bootstrap, partitions = sys.argv[1:5]
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    made = settings(database_url, bootstrap, int(partitions))
    asyncio.run(consumer(made) if role == "consumer" else relay(made))
