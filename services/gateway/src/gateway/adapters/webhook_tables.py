"""The webhook tables (subscriptions, deliveries) and the messaging tables the gateway's
consumer needs (inbox for idempotency, dead letters; the outbox only because the shared
consumer stages its `.dlq` copies there). Defined once here; the migration creates them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from chairside_shared.db import UTCDateTime, make_metadata
from chairside_shared.messaging.tables import MessagingTables, add_messaging_tables
from gateway.adapters import orm


@dataclass(frozen=True)
class WebhookTables:
    subscriptions: Table
    deliveries: Table


def add_webhook_tables(metadata: MetaData) -> WebhookTables:
    subscriptions = Table(
        "webhook_subscriptions", metadata,
        Column("id", String(64), primary_key=True),
        Column("client_id", String(100), nullable=False, index=True),
        Column("practice_id", String(64)),  # set: a partner's, receives only that practice
        Column("url", Text, nullable=False),
        Column("event_types", JSON, nullable=False),
        Column("secret_sealed", Text, nullable=False),  # AES-GCM under key_encryption_secret
        Column("description", String(200)),
        Column("status", String(16), nullable=False),  # active | disabled
        Column("disabled_reason", Text),
        Column("consecutive_failures", Integer, nullable=False, default=0),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("updated_at", UTCDateTime(), nullable=False),
    )
    deliveries = Table(
        "webhook_deliveries", metadata,
        Column("id", String(64), primary_key=True),  # the webhook-id, kept across retries
        Column("subscription_id", String(64),
               ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), nullable=False),
        Column("event_id", String(200), nullable=False),
        Column("event_type", String(100), nullable=False),
        Column("practice_id", String(64)),
        Column("body", Text, nullable=False),  # exactly the bytes signed and sent
        Column("status", String(16), nullable=False),  # pending | delivered | dead
        Column("attempts", Integer, nullable=False, default=0),
        Column("next_attempt_at", UTCDateTime(), nullable=False),
        Column("claimed_until", UTCDateTime()),
        Column("last_status_code", Integer),
        Column("last_error", Text),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("updated_at", UTCDateTime(), nullable=False),
        Column("delivered_at", UTCDateTime()),
        UniqueConstraint("subscription_id", "event_id", name="uq_webhook_delivery_event"),
    )
    Index("ix_webhook_deliveries_due", deliveries.c.status, deliveries.c.next_attempt_at)
    Index("ix_webhook_deliveries_log", deliveries.c.subscription_id, deliveries.c.created_at)
    return WebhookTables(subscriptions, deliveries)


# On the gateway's metadata (the migration below creates them from a fresh one).
WEBHOOK_TABLES = add_webhook_tables(orm.metadata)
MESSAGING_TABLES = add_messaging_tables(orm.metadata)


def create_all(bind: object) -> None:
    metadata = make_metadata()
    add_webhook_tables(metadata)
    add_messaging_tables(metadata)
    metadata.create_all(bind)  # type: ignore[arg-type]


def drop_all(bind: object) -> None:
    metadata = make_metadata()
    add_webhook_tables(metadata)
    add_messaging_tables(metadata)
    metadata.drop_all(bind)  # type: ignore[arg-type]


__all__ = ["MESSAGING_TABLES", "WEBHOOK_TABLES", "MessagingTables", "WebhookTables",
           "add_webhook_tables", "create_all", "drop_all"]
