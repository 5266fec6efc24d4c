"""The messaging tables every service carries in its own database: outbox, inbox, dead letters.

Services add them to their own MetaData with :func:`add_messaging_tables`; their first Alembic
migration creates them with :func:`create_messaging_tables` so the definition lives only here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from chairside_shared.db import UTCDateTime, make_metadata

# SQLite only auto-increments an INTEGER PRIMARY KEY.
_BIGID = BigInteger().with_variant(Integer(), "sqlite")


@dataclass(frozen=True)
class MessagingTables:
    outbox: Table
    inbox: Table
    dead_letters: Table


def add_messaging_tables(metadata: MetaData) -> MessagingTables:
    outbox = Table(
        "outbox",
        metadata,
        # The id orders publication: rows go out in id order, so one key's events keep order.
        Column("id", _BIGID, primary_key=True, autoincrement=True),
        Column("event_id", String(200), nullable=False, unique=True),
        Column("topic", String(200), nullable=False),
        Column("key", String(200), nullable=False),
        Column("event_type", String(100), nullable=False),
        Column("headers", JSON, nullable=False),
        Column("payload", Text, nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("sent_at", UTCDateTime()),
        Column("sent_partition", Integer),
        Column("sent_offset", BigInteger),
        Column("attempts", Integer, nullable=False, default=0),
        Column("last_error", Text),
    )
    Index("ix_outbox_unsent", outbox.c.sent_at, outbox.c.id)
    inbox = Table(
        "inbox",
        metadata,
        Column("consumer", String(100), nullable=False),
        Column("event_id", String(200), nullable=False),
        Column("event_type", String(100), nullable=False),
        Column("topic", String(200), nullable=False),
        Column("partition", Integer, nullable=False),
        Column("offset", BigInteger, nullable=False),
        Column("processed_at", UTCDateTime(), nullable=False),
        PrimaryKeyConstraint("consumer", "event_id"),
    )
    dead_letters = Table(
        "dead_letters",
        metadata,
        Column("id", _BIGID, primary_key=True, autoincrement=True),
        Column("consumer", String(100), nullable=False),
        # The event id, or topic:partition:offset when the message had none we could read.
        Column("message_key", String(300), nullable=False),
        Column("event_type", String(100)),
        Column("topic", String(200), nullable=False),
        Column("partition", Integer, nullable=False),
        Column("offset", BigInteger, nullable=False),
        Column("kafka_key", Text),
        Column("headers", JSON, nullable=False),
        Column("value", Text, nullable=False),
        Column("error", Text, nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("failed_at", UTCDateTime(), nullable=False),
        Column("status", String(20), nullable=False, default="dead"),
        Column("replayed_at", UTCDateTime()),
        UniqueConstraint("consumer", "message_key", name="uq_dead_letters_consumer_message"),
    )
    return MessagingTables(outbox=outbox, inbox=inbox, dead_letters=dead_letters)


def create_messaging_tables(bind) -> None:
    """For a service's first migration: ``create_messaging_tables(op.get_bind())``."""
    metadata = make_metadata()
    tables = add_messaging_tables(metadata)
    metadata.create_all(bind, tables=[tables.outbox, tables.inbox, tables.dead_letters])


def drop_messaging_tables(bind) -> None:
    metadata = make_metadata()
    tables = add_messaging_tables(metadata)
    metadata.drop_all(bind, tables=[tables.outbox, tables.inbox, tables.dead_letters])
