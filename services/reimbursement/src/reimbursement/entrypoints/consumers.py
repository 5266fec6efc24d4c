"""Events the reimbursement service consumes: type -> handler (unit of work, envelope).

The consumer has opened the unit of work and written the inbox row; it commits after the
handler returns (the claims' events go to the outbox then), so a redelivered event has one
effect. The clinic's time zone comes with the unit of work (bootstrap.py builds it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from chairside_shared import contracts
from chairside_shared.messaging.consumer import Handler
from chairside_shared.messaging.envelope import Envelope
from chairside_shared.messaging.outbox import UnitOfWork
from reimbursement.service import billing
from reimbursement.service.uow import ReimbursementUnitOfWork

SUBSCRIPTIONS: list[str] = [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC]


async def on_order_administered(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.OrderAdministered)
    await billing.bill_visit(uow=uow, event=payload, now=datetime.now(UTC))


async def on_authorization_approved(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.AuthorizationApproved)
    await billing.record_authorization(uow=uow, event=payload, now=datetime.now(UTC))


HANDLERS: dict[str, Handler] = {
    "order.administered": on_order_administered,
    "authorization.approved": on_authorization_approved,
}


def make_handlers(clinic_tz: ZoneInfo | None = None) -> dict[str, Handler]:
    """The handlers (a copy of HANDLERS). The time zone argument is no longer used: it comes
    with the unit of work. Kept because tests/e2e/reconcile.py lists handlers through it."""
    return dict(HANDLERS)
