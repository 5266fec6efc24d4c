"""Events in, deliveries out: for one event from the bus, one ``webhook_deliveries`` row per
active subscription that receives it, written in the consumer's transaction (with its inbox
row), so an event is either fanned out completely or read again. Nothing is sent here: the
delivery worker (delivery.py) sends what is pending.
"""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.messaging.envelope import Envelope
from gateway.adapters.orm import utcnow
from gateway.adapters.webhook_tables import WebhookTables
from gateway.domain import webhooks as rules


def delivery_id(now: datetime) -> str:
    """A UUID-shaped id (the gateway's path ids are UUIDs) led by the creation time in
    microseconds, then 72 random bits: unique, and sorted by creation (the log's order)."""
    return str(uuid.UUID(int=(int(now.timestamp() * 1_000_000) << 72) | secrets.randbits(72)))


async def fan_out(session: AsyncSession, tables: WebhookTables, envelope: Envelope) -> int:
    """Stage the event's deliveries; returns how many."""
    payload: dict[str, Any] = envelope.payload.model_dump(mode="json")
    practice = payload.get("practice_id")
    practice = str(practice) if practice else None
    t = tables.subscriptions
    subs = (await session.execute(
        select(t.c.id, t.c.practice_id, t.c.event_types).where(t.c.status == "active"))).all()
    targets = [s.id for s in subs
               if rules.receives(sub_practice=s.practice_id, sub_types=s.event_types,
                                 event_type=envelope.type, event_practice=practice)]
    if not targets:
        return 0
    body = json.dumps(rules.delivery_body(
        event_id=envelope.id, event_type=envelope.type, occurred_at=envelope.time.isoformat(),
        practice_id=practice, payload=payload), separators=(",", ":"))
    now = utcnow()
    await session.execute(tables.deliveries.insert(), [
        {"id": delivery_id(now), "subscription_id": sub_id, "event_id": envelope.id,
         "event_type": envelope.type, "practice_id": practice, "body": body,
         "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now,
         "updated_at": now}
        for sub_id in targets])
    return len(targets)
