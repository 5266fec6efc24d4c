"""Events the scheduling service consumes: type → handler (unit of work, envelope).

Each handler maps the contract payload to a booking step; the shared consumer wrote the inbox
row on the same session and commits after the handler returns.
"""

from __future__ import annotations

from datetime import UTC, datetime

from chairside_shared import contracts
from chairside_shared.messaging.consumer import Handler
from chairside_shared.messaging.envelope import Envelope
from scheduling.service import booking


def _policy(uow):
    return uow.settings_or_default().booking_policy()


async def on_order_signed(uow, env: Envelope) -> None:
    p: contracts.OrderSigned = env.payload  # type: ignore[assignment]
    window = p.requested_window
    order = await booking.record_signed_order(
        uow, order_id=p.order_id, now=datetime.now(UTC), practice_id=p.practice_id,
        patient_id=p.patient_id, urgency=p.urgency, minutes=p.estimated_chair_minutes,
        acuity_class=p.acuity_class, pediatric=p.pediatric, requires_driver=p.requires_driver,
        window_from=window.from_ if window else None, window_to=window.to if window else None,
        signed_at=p.signed_at)
    await booking.hold_for_order(uow, order, datetime.now(UTC), _policy(uow))


async def on_order_cancelled(uow, env: Envelope) -> None:
    p: contracts.OrderCancelled = env.payload  # type: ignore[assignment]
    await booking.release_order(uow, p.order_id, "order_cancelled", datetime.now(UTC),
                                _policy(uow), cancelled=True)


def _decision(decision: str) -> Handler:
    async def handle(uow, env: Envelope) -> None:
        await booking.authorization_decided(uow, env.payload.order_id, decision,  # type: ignore[attr-defined]
                                            datetime.now(UTC), _policy(uow))
    handle.__name__ = f"on_authorization_{decision}"
    return handle


SUBSCRIPTIONS: list[str] = [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC]
HANDLERS: dict[str, Handler] = {
    "order.signed": on_order_signed,
    "order.cancelled": on_order_cancelled,
    "authorization.approved": _decision("approved"),
    "authorization.not_required": _decision("not_required"),
    "authorization.denied": _decision("denied"),
    "authorization.not_covered": _decision("not_covered"),
    "authorization.expired": _decision("closed"),
    "authorization.withdrawn": _decision("closed"),
}
