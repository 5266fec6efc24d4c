"""Events the reimbursement service consumes: type -> handler (unit of work, envelope).

The consumer has opened the unit of work and written the inbox row; it commits after the
handler returns, so a redelivered event has one effect.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from chairside_shared import contracts
from chairside_shared.messaging.consumer import Handler
from chairside_shared.messaging.envelope import Envelope
from reimbursement.service import billing
from reimbursement.service.uow import ReimbursementUnitOfWork

SUBSCRIPTIONS: list[str] = [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC]


def make_handlers(clinic_tz: ZoneInfo) -> dict[str, Handler]:
    """Handlers bound to the clinic's time zone (claims carry the local date of service)."""

    async def on_order_administered(uow: ReimbursementUnitOfWork, envelope: Envelope) -> None:
        payload = envelope.payload
        assert isinstance(payload, contracts.OrderAdministered)
        await billing.bill_visit(uow, payload, now=datetime.now(UTC), tz=clinic_tz)

    async def on_authorization_approved(uow: ReimbursementUnitOfWork,
                                        envelope: Envelope) -> None:
        payload = envelope.payload
        assert isinstance(payload, contracts.AuthorizationApproved)
        await billing.record_authorization(uow, payload, now=datetime.now(UTC), tz=clinic_tz)

    return {
        "order.administered": on_order_administered,  # type: ignore[dict-item]
        "authorization.approved": on_authorization_approved,  # type: ignore[dict-item]
    }
