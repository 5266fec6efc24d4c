"""Webhook subscriptions as their owner manages them: create (the secret shown once), list,
read, change (re-enable, rotate the secret), delete, the delivery log, dead letters, replay.

A client sees only its own subscriptions (others answer 404); a partner's subscription is bound
to its practice and receives only that practice's events (service/webhooks/fanout.py).
"""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, select, update

from chairside_shared.contracts.registry import CONTRACTS
from gateway.adapters.orm import utcnow
from gateway.adapters.webhook_secrets import SecretBox
from gateway.adapters.webhook_tables import WebhookTables
from gateway.domain import problems as pb
from gateway.domain import webhooks as rules
from gateway.domain.principal import Principal

Sessions = Any  # async_sessionmaker[AsyncSession]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def subscription_doc(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "url": row["url"], "event_types": list(row["event_types"]),
            "description": row["description"], "practice_id": row["practice_id"],
            "status": row["status"], "disabled_reason": row["disabled_reason"],
            "consecutive_failures": row["consecutive_failures"],
            "created_at": _iso(row["created_at"]), "updated_at": _iso(row["updated_at"])}


def delivery_doc(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "subscription_id": row["subscription_id"],
            "event_id": row["event_id"], "event_type": row["event_type"],
            "status": row["status"], "attempts": row["attempts"],
            "next_attempt_at": _iso(row["next_attempt_at"]) if row["status"] == "pending"
            else None,
            "last_status_code": row["last_status_code"], "last_error": row["last_error"],
            "created_at": _iso(row["created_at"]), "delivered_at": _iso(row["delivered_at"])}


def _invalid(exc: rules.WebhookRuleError) -> pb.Problem:
    return pb.validation([{"field": exc.field, "message": str(exc)}], str(exc))


async def resolve_and_check(url: str, policy: rules.UrlPolicy) -> None:
    """The URL's rules, then every address its host resolves to (a name on the allowed list
    must not point into a private network either)."""
    rules.check_url(url, policy)
    host = urlsplit(url).hostname or ""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None,
                                                             type=socket.SOCK_STREAM)
    except OSError:
        raise rules.WebhookRuleError("url", f"host {host!r} does not resolve") from None
    for info in infos:
        rules.check_address(str(info[4][0]), policy)


class WebhookSubscriptions:
    def __init__(self, sessions: Sessions, tables: WebhookTables, box: SecretBox,
                 policy: rules.UrlPolicy) -> None:
        self.sessions, self.t, self.box, self.policy = sessions, tables, box, policy

    async def _owned(self, s: Any, principal: Principal, sub_id: str) -> Mapping[str, Any]:
        t = self.t.subscriptions
        row = (await s.execute(select(t).where(t.c.id == sub_id,
                                               t.c.client_id == principal.client_id))).first()
        if row is None:
            raise pb.not_found()
        return row._mapping

    async def create(self, principal: Principal, body: Mapping[str, Any]) -> dict[str, Any]:
        url, types = str(body["url"]), list(body["event_types"])
        try:
            rules.check_event_types(types, CONTRACTS, principal.scopes)
            await resolve_and_check(url, self.policy)
        except rules.WebhookRuleError as exc:
            raise _invalid(exc) from None
        secret, now = rules.new_secret(), utcnow()
        row = {"id": str(uuid.uuid4()), "client_id": principal.client_id,
               "practice_id": principal.practice_id, "url": url, "event_types": types,
               "secret_sealed": self.box.seal(secret), "description": body.get("description"),
               "status": "active", "disabled_reason": None, "consecutive_failures": 0,
               "created_at": now, "updated_at": now}
        async with self.sessions() as s:
            await s.execute(self.t.subscriptions.insert().values(**row))
            await s.commit()
        return {**subscription_doc(row), "secret": secret}

    async def list(self, principal: Principal) -> dict[str, Any]:
        t = self.t.subscriptions
        async with self.sessions() as s:
            rows = (await s.execute(select(t).where(t.c.client_id == principal.client_id)
                                    .order_by(t.c.created_at, t.c.id))).all()
        return {"items": [subscription_doc(r._mapping) for r in rows], "next_cursor": None}

    async def get(self, principal: Principal, sub_id: str) -> dict[str, Any]:
        async with self.sessions() as s:
            return subscription_doc(await self._owned(s, principal, sub_id))

    async def update(self, principal: Principal, sub_id: str,
                     body: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        try:
            if body.get("url") is not None:
                await resolve_and_check(str(body["url"]), self.policy)
                values["url"] = str(body["url"])
            if body.get("event_types") is not None:
                rules.check_event_types(list(body["event_types"]), CONTRACTS, principal.scopes)
                values["event_types"] = list(body["event_types"])
        except rules.WebhookRuleError as exc:
            raise _invalid(exc) from None
        if "description" in body:
            values["description"] = body["description"]
        if body.get("status") == "active":  # re-enable: the failure count starts again
            values.update(status="active", disabled_reason=None, consecutive_failures=0)
        elif body.get("status") == "disabled":
            values.update(status="disabled", disabled_reason="disabled by its owner")
        secret = rules.new_secret() if body.get("rotate_secret") else None
        if secret is not None:
            values["secret_sealed"] = self.box.seal(secret)
        t = self.t.subscriptions
        async with self.sessions() as s:
            await self._owned(s, principal, sub_id)
            if values:
                await s.execute(update(t).where(t.c.id == sub_id)
                                .values(**values, updated_at=utcnow()))
            row = await self._owned(s, principal, sub_id)
            await s.commit()
        doc = subscription_doc(row)
        return {**doc, "secret": secret} if secret else doc

    async def delete(self, principal: Principal, sub_id: str) -> None:
        async with self.sessions() as s:
            await self._owned(s, principal, sub_id)
            await s.execute(delete(self.t.deliveries)
                            .where(self.t.deliveries.c.subscription_id == sub_id))
            await s.execute(delete(self.t.subscriptions)
                            .where(self.t.subscriptions.c.id == sub_id))
            await s.commit()

    async def deliveries(self, principal: Principal, sub_id: str | None,
                         query: Mapping[str, str], *, status: str | None = None
                         ) -> dict[str, Any]:
        """The delivery log, newest first, ``limit`` a page, ``cursor`` the last id seen."""
        limit = int(query.get("limit") or 50)
        d, t = self.t.deliveries, self.t.subscriptions
        stmt = (select(d).join(t, t.c.id == d.c.subscription_id)
                .where(t.c.client_id == principal.client_id))
        if sub_id is not None:
            stmt = stmt.where(d.c.subscription_id == sub_id)
        if status is not None:
            stmt = stmt.where(d.c.status == status)
        if cursor := query.get("cursor"):
            stmt = stmt.where(d.c.id < cursor)
        async with self.sessions() as s:
            if sub_id is not None:
                await self._owned(s, principal, sub_id)
            rows = (await s.execute(stmt.order_by(d.c.id.desc()).limit(limit + 1))).all()
        page = [delivery_doc(r._mapping) for r in rows[:limit]]
        more = len(rows) > limit
        return {"items": page, "next_cursor": page[-1]["id"] if more and page else None}

    async def replay(self, principal: Principal, delivery_id: str) -> dict[str, Any]:
        """Send a delivery again (a dead letter, or one already delivered): same webhook-id,
        so receivers that deduplicate recognise it; the attempt count starts again."""
        d, t = self.t.deliveries, self.t.subscriptions
        async with self.sessions() as s:
            row = (await s.execute(
                select(d).join(t, t.c.id == d.c.subscription_id)
                .where(d.c.id == delivery_id, t.c.client_id == principal.client_id))).first()
            if row is None:
                raise pb.not_found()
            if row.status == "pending":
                raise pb.Problem(409, "conflict", "the delivery is still being attempted")
            now = utcnow()
            await s.execute(update(d).where(d.c.id == delivery_id).values(
                status="pending", attempts=0, next_attempt_at=now, claimed_until=None,
                updated_at=now))
            row = (await s.execute(select(d).where(d.c.id == delivery_id))).first()
            await s.commit()
        assert row is not None
        return delivery_doc(row._mapping)
