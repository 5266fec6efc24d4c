"""Builders for the prior-authorization integration tests: an approval kept as the consumer
would keep it, and the renewal events staged in the outbox."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

from sched_it import DAY
from sqlalchemy import select

from chairside_shared import contracts
from chairside_shared.messaging.envelope import Envelope
from scheduling.entrypoints.consumers import HANDLERS


async def approve(svc, order_id: uuid.UUID, *, valid_to: date, auth: str = "PA-1",
                  approved: int = 300, per_visit: int | None = 100,
                  valid_from: date | None = None) -> None:
    """authorization.approved, handled as the consumer would (its own transaction)."""
    payload = contracts.AuthorizationApproved(
        case_id=uuid.uuid4(), order_id=order_id, payer_id="harbor-health", auth_number=auth,
        lines=[contracts.ApprovedUnits(hcpcs="J3032", approved_units=approved,
                                       units_per_visit=per_visit)],
        valid_from=valid_from or DAY - timedelta(days=90), valid_to=valid_to,
        decided_at=datetime.now(UTC))
    env = Envelope(id=str(uuid.uuid4()), type="authorization.approved", source="test",
                   subject=None, time=datetime.now(UTC), key=str(order_id), version=1,
                   payload=payload)
    async with svc.runtime.uow() as uow:
        await HANDLERS["authorization.approved"](uow, env)
        await uow.commit()


async def renewals(svc) -> list[dict]:
    outbox = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(select(outbox).where(
            outbox.c.event_type == "appointment.renewal_needed").order_by(outbox.c.id))).all()
    return [json.loads(r.payload)["data"] if "data" in json.loads(r.payload)
            else json.loads(r.payload) for r in rows]
