"""Queries on the gateway's tables. Functions take the caller's session (the idempotency
queries: a connection, as the keyed write's claim and answer are a statement or two each and a
session's bookkeeping cost more than they do) and never commit: the service layer owns the
transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from gateway.adapters.orm import (
    api_clients,
    audit_log,
    idempotency_records,
    practices,
    signing_keys,
    staff_users,
)
from gateway.domain.audit import AuditEntry
from gateway.domain.idempotency import Record, Status
from gateway.domain.principal import parse_scopes


@dataclass(frozen=True)
class ClientRow:
    client_id: str
    secret_hash: str
    name: str
    scopes: frozenset[str]
    practice_id: str | None
    allows_password_grant: bool
    active: bool
    rate_capacity: float | None
    rate_per_s: float | None


@dataclass(frozen=True)
class UserRow:
    user_id: str
    username: str
    password_hash: str
    roles: frozenset[str]
    practice_id: str | None
    active: bool


async def get_client(s: AsyncSession, client_id: str) -> ClientRow | None:
    row = (await s.execute(select(api_clients).where(api_clients.c.client_id == client_id))
           ).mappings().first()
    if row is None:
        return None
    return ClientRow(
        client_id=row["client_id"], secret_hash=row["secret_hash"], name=row["name"],
        scopes=parse_scopes(row["scopes"]), practice_id=row["practice_id"],
        allows_password_grant=row["allows_password_grant"], active=row["active"],
        rate_capacity=row["rate_capacity"], rate_per_s=row["rate_per_s"],
    )


async def list_client_ids(s: AsyncSession) -> list[str]:
    return list((await s.execute(select(api_clients.c.client_id))).scalars())


async def all_client_hashes(s: AsyncSession) -> list[tuple[str, str]]:
    rows = await s.execute(select(api_clients.c.client_id, api_clients.c.secret_hash))
    return [(r[0], r[1]) for r in rows]


async def add_client(s: AsyncSession, **values: Any) -> None:
    await s.execute(insert(api_clients).values(**values))


async def get_user(s: AsyncSession, username: str) -> UserRow | None:
    row = (await s.execute(select(staff_users).where(staff_users.c.username == username))
           ).mappings().first()
    if row is None:
        return None
    return UserRow(row["user_id"], row["username"], row["password_hash"],
                   frozenset(row["roles"].split()), row["practice_id"], row["active"])


async def add_user(s: AsyncSession, **values: Any) -> None:
    await s.execute(insert(staff_users).values(**values))


async def add_practice(s: AsyncSession, **values: Any) -> None:
    await s.execute(insert(practices).values(**values))


async def practice_ids(s: AsyncSession) -> list[str]:
    return list((await s.execute(select(practices.c.practice_id))).scalars())


# --- signing keys

async def list_keys(s: AsyncSession) -> list[dict[str, Any]]:
    rows = await s.execute(select(signing_keys).order_by(signing_keys.c.created_at))
    return [dict(r) for r in rows.mappings()]


async def add_key(s: AsyncSession, **values: Any) -> None:
    await s.execute(insert(signing_keys).values(**values))


async def retire_keys(s: AsyncSession, *, except_kid: str, at: datetime,
                      verify_until: datetime) -> None:
    await s.execute(
        update(signing_keys)
        .where(and_(signing_keys.c.kid != except_kid, signing_keys.c.retired_at.is_(None)))
        .values(retired_at=at, verify_until=verify_until)
    )


async def drop_expired_keys(s: AsyncSession, now: datetime) -> None:
    await s.execute(delete(signing_keys).where(signing_keys.c.verify_until < now))


# --- idempotency

def _record(row: Any) -> Record:
    return Record(
        client_id=row["client_id"], key=row["key"], fingerprint=row["fingerprint"],
        status=Status(row["status"]), expires_at=row["expires_at"],
        response_status=row["response_status"], response_headers=row["response_headers"],
        response_body=row["response_body"], created_at=row["created_at"],
    )


async def get_idempotency(s: AsyncConnection, client_id: str, key: str) -> Record | None:
    row = (await s.execute(select(idempotency_records).where(and_(
        idempotency_records.c.client_id == client_id, idempotency_records.c.key == key)))
    ).mappings().first()
    return _record(row) if row else None


async def claim_idempotency(s: AsyncConnection, **values: Any) -> bool:
    """Insert an in-progress record; False when another request holds the key already (the
    primary key makes two concurrent first requests impossible: the second waits for the
    first's transaction, then inserts nothing). One statement, no savepoint."""
    upsert = pg_insert if s.dialect.name == "postgresql" else sqlite_insert
    res = await s.execute(upsert(idempotency_records).values(**values).on_conflict_do_nothing(
        index_elements=["client_id", "key"]))
    return res.rowcount == 1


async def delete_idempotency(s: AsyncConnection, client_id: str, key: str,
                             created_at: datetime | None = None) -> None:
    """``created_at``: only that record, not one another request claimed the key with since
    it was read (two retries taking over one abandoned key: one wins the claim)."""
    where = [idempotency_records.c.client_id == client_id, idempotency_records.c.key == key]
    if created_at is not None:
        where.append(idempotency_records.c.created_at == created_at)
    await s.execute(delete(idempotency_records).where(and_(*where)))


async def complete_idempotency(s: AsyncConnection, client_id: str, key: str, *, status: int,
                               headers: dict[str, str], body: bytes) -> None:
    await s.execute(
        update(idempotency_records)
        .where(and_(idempotency_records.c.client_id == client_id,
                    idempotency_records.c.key == key))
        .values(status=Status.COMPLETE.value, response_status=status,
                response_headers=headers, response_body=body)
    )


async def purge_idempotency(s: AsyncConnection, now: datetime) -> int:
    res = await s.execute(delete(idempotency_records).where(
        idempotency_records.c.expires_at <= now))
    return res.rowcount or 0


# --- audit

async def add_audit(s: AsyncSession, entries: list[AuditEntry]) -> None:
    if entries:
        await s.execute(insert(audit_log), [e.__dict__ for e in entries])


async def query_audit(s: AsyncSession, *, resource_id: str | None, client_id: str | None,
                      after_id: int | None, limit: int) -> list[dict[str, Any]]:
    q = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if resource_id:
        q = q.where(audit_log.c.resource_id == resource_id)
    if client_id:
        q = q.where(audit_log.c.client_id == client_id)
    if after_id is not None:
        q = q.where(audit_log.c.id < after_id)
    return [dict(r) for r in (await s.execute(q)).mappings()]
