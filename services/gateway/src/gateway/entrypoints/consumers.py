"""The gateway's durable consumer: every event type of every topic -> webhook deliveries.

One consumer group (``gateway-webhooks``) across replicas, through the shared EventConsumer:
the inbox row and the delivery rows commit together, then the offset; a redelivered event has
one effect. After the commit the local delivery worker is woken, so a delivery usually leaves
within milliseconds of the event arriving. (The live stream reads the bus separately.)

An event the consumer cannot take (malformed, or a handler failing past its retries) is kept
in the gateway's ``dead_letters`` table with an outbox row for ``<topic>.dlq`` (the shared
consumer's rule). The gateway's outbox holds nothing else, but those rows must leave too: the
shared OutboxRelay publishes them, under the same rule as in every service (each replica runs
one; the PostgreSQL advisory lock lets one publish at a time).
"""

from __future__ import annotations

import asyncio
import logging

from chairside_shared.contracts import (
    AUTHORIZATION_TOPIC,
    ORDERS_TOPIC,
    REIMBURSEMENT_TOPIC,
    SCHEDULING_TOPIC,
)
from chairside_shared.contracts.base import dlq_topic
from chairside_shared.contracts.registry import CONTRACTS
from chairside_shared.messaging.consumer import EventConsumer, Handler
from chairside_shared.messaging.dead_letter_gauge import watch_dead_letters
from chairside_shared.messaging.envelope import Envelope
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.messaging.outbox import OutboxWriter, UnitOfWork
from chairside_shared.messaging.relay import OutboxRelay
from chairside_shared.status import DependencyStatus
from gateway.service.container import Gateway
from gateway.service.webhooks import Webhooks
from gateway.service.webhooks.fanout import fan_out

log = logging.getLogger("gateway.webhooks")
GROUP = "gateway-webhooks"
TOPICS = [ORDERS_TOPIC, SCHEDULING_TOPIC, AUTHORIZATION_TOPIC, REIMBURSEMENT_TOPIC]
DLQ_TOPICS = [dlq_topic(t) for t in TOPICS]  # the only topics the gateway writes to
RELAY_LOOK_S = 10.0


class WebhookUnitOfWork(UnitOfWork):
    """The consumer's transaction; wakes the delivery worker once it has committed."""

    hooks: Webhooks

    async def commit(self) -> None:
        await super().commit()
        self.hooks.worker.wake()


def build_consumer(gw: Gateway, hooks: Webhooks) -> EventConsumer:
    outbox = OutboxWriter(tables=hooks.messaging, source="gateway",
                          is_postgres=not gw.settings.is_sqlite)

    def uow() -> WebhookUnitOfWork:
        u = WebhookUnitOfWork(gw.sessions, outbox)
        u.hooks = hooks
        return u

    async def on_event(u: UnitOfWork, envelope: Envelope) -> None:
        await fan_out(u.session, hooks.tables, envelope)

    handlers: dict[str, Handler] = dict.fromkeys(CONTRACTS, on_event)
    return EventConsumer(settings=gw.settings, uow_factory=uow, session_factory=gw.sessions,
                         outbox=outbox, topics=TOPICS, handlers=handlers,
                         broker_status=DependencyStatus("broker"), group_id=GROUP)


def build_relay(gw: Gateway, hooks: Webhooks, consumer: EventConsumer,
                broker: DependencyStatus) -> OutboxRelay:
    """The relay of the gateway's outbox (its `.dlq` copies), woken by the consumer as soon as
    it has staged one."""
    # The consumer wakes the relay of its own replica, so the relay need not poll for rows:
    # it looks every RELAY_LOOK_S (a copy staged on a replica that does not hold the publish
    # lock waits that long) and checks the broker as seldom, which keeps an idle gateway idle.
    quiet = gw.settings.model_copy(update={
        "outbox_poll_interval_s": max(gw.settings.outbox_poll_interval_s, RELAY_LOOK_S),
        "outbox_idle_poll_s": max(gw.settings.outbox_idle_poll_s, RELAY_LOOK_S),
        "broker_check_interval_s": max(gw.settings.broker_check_interval_s, RELAY_LOOK_S)})
    relay = OutboxRelay(settings=quiet, engine=gw.engine, tables=hooks.messaging,
                        owned_topics=list(DLQ_TOPICS), broker_status=broker)
    consumer.outbox.wake_relay = relay.wake
    return relay


async def run_relay(relay: OutboxRelay) -> None:
    try:
        await relay.run()
    finally:
        await relay.stop()  # bounded, whatever the broker does


async def run_consumer(gw: Gateway, consumer: EventConsumer) -> None:
    """Topics first (a gateway may start before the services that own them), then consume."""
    delay = 0.5
    while True:
        try:
            await ensure_topics(gw.settings, TOPICS, client_id=f"{GROUP}-admin")
            break
        except Exception as exc:
            log.warning("webhooks: topics not ready (%s); retrying", type(exc).__name__)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)
    try:
        await consumer.run()
    finally:
        await consumer.stop()


def start_webhooks(gw: Gateway) -> None:
    """The consumer, the delivery worker and the relay of the consumer's `.dlq` copies, as
    tasks the gateway cancels on close."""
    hooks = gw.webhooks
    if hooks is None or not gw.settings.webhooks_enabled:
        return
    consumer = build_consumer(gw, hooks)
    relay = build_relay(gw, hooks, consumer, consumer.broker_status)
    gw.tasks += [asyncio.create_task(run_consumer(gw, consumer), name="webhook-consumer"),
                 asyncio.create_task(hooks.worker.run(), name="webhook-delivery"),
                 asyncio.create_task(run_relay(relay), name="webhook-dlq-relay"),
                 asyncio.create_task(
                     watch_dead_letters(gw.engine, hooks.messaging.dead_letters, service="gateway"),
                     name="webhook-dlq-size")]
