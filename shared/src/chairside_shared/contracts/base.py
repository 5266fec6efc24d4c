"""The event bus's ground: one topic per producing service, the payload base class and the
parts several payloads share."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

# --- topics: one per producing service, keyed by order id so one visit's events stay in order
ORDERS_TOPIC = "orders.events"
SCHEDULING_TOPIC = "scheduling.events"
AUTHORIZATION_TOPIC = "authorization.events"
REIMBURSEMENT_TOPIC = "reimbursement.events"


def dlq_topic(topic: str) -> str:
    return f"{topic}.dlq"


class EventPayload(BaseModel):
    """Base of every payload. Unknown fields are ignored so producers can add fields."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# --------------------------------------------------------------------------- shared parts
class Window(EventPayload):
    from_: datetime = Field(alias="from")
    to: datetime

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class PayerRef(EventPayload):
    payer_id: str
    # Not sent any more (None): a member id is PHI and events carry ids only. Read the
    # coverage through orders' payer identity (GET /v1/orders/{id}/payer-identity); the
    # event's ``coverage_id`` names it. Kept optional so old messages still parse.
    member_id: str | None = Field(
        None, description="not sent any more: read the coverage through orders' payer identity")
    plan_id: str | None = None
