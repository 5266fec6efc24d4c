"""Events the orders service consumes: type -> handler (unit of work, envelope).

Each handler runs inside the consumer's transaction, which also writes the inbox row, so a
redelivered event has one effect.
"""

from __future__ import annotations

from chairside_shared import contracts
from chairside_shared.messaging.consumer import Handler
from orders.service.handlers import on_appointment_event, on_authorization_event

SUBSCRIPTIONS: list[str] = [contracts.AUTHORIZATION_TOPIC, contracts.SCHEDULING_TOPIC]
HANDLERS: dict[str, Handler] = {
    **dict.fromkeys(("authorization.not_required", "authorization.not_covered",
                     "authorization.requested", "authorization.approved",
                     "authorization.denied", "authorization.expired",
                     "authorization.withdrawn"), on_authorization_event),
    **{t: on_appointment_event for t in contracts.CONTRACTS if t.startswith("appointment.")},
}
