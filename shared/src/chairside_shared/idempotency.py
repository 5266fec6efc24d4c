"""Idempotency-Key at the domain services: the answer to a keyed write is kept, so a retry that
reaches the service again gets that answer instead of running the write a second time.

The gateway owns Idempotency-Key for its clients and replays answers itself. This layer is for
when the gateway that ran a request died before it stored the answer (a replica killed
mid-request): the client's retry reaches another gateway, the key's lease there has lapsed, and
the request is forwarded again. Without it a retried ``POST /v1/patients`` answered 409 "MRN
already exists" for the very patient its first try had created.

Kept: successful (2xx) answers, for ``TTL`` (the gateway's own default), by the calling client's
id (``x-chairside-client-id``, set by the gateway) and the key. The answer is stored once the
route has answered, not in the write's own transaction: a service killed between its commit and
this insert runs a retry again, and its own rules answer that (a 409 for a duplicate MRN).
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.db import UTCDateTime, make_metadata
from chairside_shared.errors import TYPE_BASE
from chairside_shared.guards import read_body, replay_body
from chairside_shared.http_errors import problem_response

log = logging.getLogger("chairside.idempotency")
Scope = dict[str, Any]
TTL = timedelta(hours=24)
KEYED_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# What a replay must repeat; the rest (date, server, content-length) the server writes anew.
KEPT_HEADERS = frozenset({b"content-type", b"location", b"etag", b"link"})
REPLAYED = (b"idempotent-replayed", b"true")
TABLE = "idempotent_responses"


def add_idempotency_table(metadata: MetaData) -> Table:
    table = Table(
        TABLE,
        metadata,
        Column("client_id", String(200), nullable=False),
        Column("key", String(255), nullable=False),
        Column("fingerprint", String(64), nullable=False),
        Column("status", Integer, nullable=False),
        Column("headers", JSON, nullable=False),
        Column("body", LargeBinary, nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("expires_at", UTCDateTime(), nullable=False),
        PrimaryKeyConstraint("client_id", "key"),
    )
    Index(f"ix_{TABLE}_expires_at", table.c.expires_at)
    return table


def create_idempotency_table(bind: Any) -> None:
    """For a service's migration: ``create_idempotency_table(op.get_bind())``."""
    metadata = make_metadata()
    metadata.create_all(bind, tables=[add_idempotency_table(metadata)])


def drop_idempotency_table(bind: Any) -> None:
    metadata = make_metadata()
    metadata.drop_all(bind, tables=[add_idempotency_table(metadata)])


def fingerprint(scope: Scope, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (scope["method"].encode(), scope.get("path", "").encode(),
                 scope.get("query_string", b""), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class KeyedResponses:
    """The store behind :class:`KeyedWrites`: one row per (client, key)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], ttl: timedelta = TTL) -> None:
        self.sessions, self.ttl = sessions, ttl
        self.table = add_idempotency_table(make_metadata())

    async def find(self, client_id: str, key: str) -> Any:
        t = self.table
        async with self.sessions() as s:
            row = (await s.execute(select(t).where(
                t.c.client_id == client_id, t.c.key == key,
                t.c.expires_at > datetime.now(UTC)))).first()
        return row

    async def keep(self, *, client_id: str, key: str, fingerprint: str, status: int,
                   headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        t, now = self.table, datetime.now(UTC)
        kept = [[k.decode("latin-1"), v.decode("latin-1")] for k, v in headers
                if k.lower() in KEPT_HEADERS]
        async with self.sessions() as s, s.begin():
            # An expired answer under the same key gives way to the new one.
            await s.execute(delete(t).where(t.c.client_id == client_id, t.c.key == key,
                                            t.c.expires_at <= now))
            try:
                async with s.begin_nested():
                    await s.execute(insert(t).values(
                        client_id=client_id, key=key, fingerprint=fingerprint, status=status,
                        headers=kept, body=body, created_at=now, expires_at=now + self.ttl))
            except IntegrityError:  # a concurrent twin stored first: its answer stands
                pass

    async def purge(self) -> int:
        async with self.sessions() as s, s.begin():
            result = await s.execute(delete(self.table).where(
                self.table.c.expires_at <= datetime.now(UTC)))
        return int(getattr(result, "rowcount", 0) or 0)


class KeyedWrites:
    """Plain-ASGI layer: a keyed write seen before (same client, key and request) is answered
    from the store; the same key with another request is a 422, as at the gateway."""

    def __init__(self, app: Any, *, responses: KeyedResponses | None) -> None:
        self.app = app
        self.responses = responses

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        key = _header(scope, b"idempotency-key") if scope["type"] == "http" else None
        if not key or scope.get("method") not in KEYED_METHODS or self.responses is None:
            await self.app(scope, receive, send)
            return
        client_id = _header(scope, b"x-chairside-client-id") or ""
        body = await read_body(receive)
        print_ = fingerprint(scope, body)
        try:
            seen = await self.responses.find(client_id, key)
        except Exception as exc:  # the store unreadable (booting): the write decides alone
            log.warning("idempotency store unreadable: %s", type(exc).__name__)
            seen = None
        if seen is not None:
            if seen.fingerprint != print_:
                await problem_response(
                    422, "Idempotency-Key reused", type_=TYPE_BASE + "idempotency-key-reused",
                    detail="this Idempotency-Key was used with a different request",
                    errors=[{"field": "Idempotency-Key",
                             "message": "already used with a different request"}],
                    instance=scope.get("path"))(scope, receive, send)
                return
            await _replay_answer(seen, send)
            return
        status: int | None = None
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def keeping_send(message: dict[str, Any]) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, replay_body(body, receive), keeping_send)
        if status is not None and 200 <= status < 300:
            try:
                await self.responses.keep(client_id=client_id, key=key, fingerprint=print_,
                                          status=status, headers=headers, body=b"".join(chunks))
            except Exception as exc:  # the write stands; only a retry's replay is lost
                log.warning("idempotency store not written: %s", type(exc).__name__)


async def _replay_answer(seen: Any, send: Any) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in seen.headers]
    headers += [(b"content-length", str(len(seen.body)).encode()), REPLAYED]
    await send({"type": "http.response.start", "status": seen.status, "headers": headers})
    await send({"type": "http.response.body", "body": bytes(seen.body), "more_body": False})


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", ()):
        if k == name:
            return str(v.decode("latin-1"))
    return None

