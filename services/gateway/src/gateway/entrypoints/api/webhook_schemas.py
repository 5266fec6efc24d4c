"""Documents of the webhook routes (the gateway's own; docs/webhooks.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from gateway.entrypoints.api.schemas import Strict

EventType = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Url = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Description = Annotated[str, StringConstraints(max_length=200)]
DeliveryId = Annotated[str, StringConstraints(
    pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]


class SubscriptionIn(Strict):
    url: Url = Field(examples=["https://hooks.partner.example/chairside"])
    event_types: list[EventType] = Field(min_length=1, max_length=100,
                                         examples=[["order.signed", "authorization.approved"]])
    description: Description | None = None


class SubscriptionPatch(Strict):
    url: Url | None = None
    event_types: list[EventType] | None = Field(None, min_length=1, max_length=100)
    description: Description | None = None
    status: Literal["active", "disabled"] | None = Field(
        None, description="`active` re-enables a disabled subscription (failures reset)")
    rotate_secret: bool | None = Field(
        None, description="true: a new secret is generated and shown once in the answer")


class Subscription(BaseModel):
    id: str = Field(examples=["0f8e5b0c-9d8a-4c3e-9b7a-6f5e4d3c2b1a"])
    url: str
    event_types: list[str]
    description: str | None
    practice_id: str | None = Field(description="a partner's: only this practice's events")
    status: Literal["active", "disabled"]
    disabled_reason: str | None = Field(description="why it was disabled (failures or owner)")
    consecutive_failures: int
    created_at: datetime
    updated_at: datetime
    secret: str | None = Field(None, description="whsec_<base64>: shown once, on create or "
                               "rotation; verify every delivery with it")


class SubscriptionPage(BaseModel):
    items: list[Subscription]
    next_cursor: str | None = None


class PageQuery(Strict):
    limit: int = Field(50, ge=1, le=500)
    cursor: DeliveryId | None = None


class Delivery(BaseModel):
    id: str = Field(description="the webhook-id header: the same on every retry and replay")
    subscription_id: str
    event_id: str
    event_type: str
    status: Literal["pending", "delivered", "dead"]
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


class DeliveryPage(BaseModel):
    items: list[Delivery]
    next_cursor: str | None = None
