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
from reimbursement.service import billing, referrals
from reimbursement.service.purchasing import demand
from reimbursement.service.uow import ReimbursementUnitOfWork

SUBSCRIPTIONS: list[str] = [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC,
                            contracts.SCHEDULING_TOPIC]


async def on_order_administered(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.OrderAdministered)
    await billing.bill_visit(uow=uow, event=payload, now=datetime.now(UTC))
    await referrals.on_administered(uow=uow, event=payload)


async def on_authorization_approved(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.AuthorizationApproved)
    await billing.record_authorization(uow=uow, event=payload, now=datetime.now(UTC))
    await referrals.on_pa_approved(uow=uow, event=payload)


# The referral projection (service/referrals.py): signing, appointments, PA denials.
async def on_order_signed(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.OrderSigned)
    await referrals.on_signed(uow=uow, event=payload)
    await demand.on_signed(uow=uow, event=payload)


async def on_appointment_changed(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.AppointmentChanged)
    await referrals.on_appointment(uow=uow, event=payload)
    await demand.on_appointment(uow=uow, event=payload)


# Recalls feed the reorder report's demand (service/purchasing/demand.py).
async def on_recall_changed(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.RecallChanged)
    await demand.on_recall(uow=uow, event=payload)


async def on_authorization_denied(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(uow, ReimbursementUnitOfWork)
    assert isinstance(payload, contracts.AuthorizationDenied)
    await referrals.on_pa_denied(uow=uow, event=payload)


HANDLERS: dict[str, Handler] = {
    "order.administered": on_order_administered,
    "authorization.approved": on_authorization_approved,
    "authorization.denied": on_authorization_denied,
    "order.signed": on_order_signed,
    **{f"appointment.{s}": on_appointment_changed for s in (
        "queued", "held", "booked", "moved", "checked_in", "started", "completed",
        "cancelled", "no_show")},
    "recall.offered": on_recall_changed,
    "recall.overdue": on_recall_changed,
}


def make_handlers(clinic_tz: ZoneInfo | None = None) -> dict[str, Handler]:
    """The handlers (a copy of HANDLERS). The time zone argument is no longer used: it comes
    with the unit of work. Kept because tests/e2e/reconcile.py lists handlers through it."""
    return dict(HANDLERS)
