"""The order's statuses and what moves them: the transition table, and how other services'
authorization and appointment events map onto the order."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

AuthorizationStatus = Literal["not_required", "pending", "approved", "denied"]


class Status(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    ADMINISTERED = "administered"
    CANCELLED = "cancelled"


# scheduled -> signed: the appointment was cancelled or missed; the order needs a new slot.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SIGNED, Status.CANCELLED}),
    Status.SIGNED: frozenset({Status.SCHEDULED, Status.IN_PROGRESS, Status.CANCELLED}),
    Status.SCHEDULED: frozenset({Status.SIGNED, Status.IN_PROGRESS, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset({Status.ADMINISTERED}),
    Status.ADMINISTERED: frozenset(),
    Status.CANCELLED: frozenset(),
}

# authorization.* event type -> authorization_status. An approval that expired or a withdrawn
# case leaves the order waiting for a new decision, hence "pending".
AUTHORIZATION_EVENTS: dict[str, AuthorizationStatus] = {
    "authorization.not_required": "not_required",
    "authorization.requested": "pending",
    "authorization.approved": "approved",
    "authorization.denied": "denied",
    "authorization.not_covered": "denied",
    "authorization.expired": "pending",
    "authorization.withdrawn": "pending",
}
# The events whose payload carries a reason worth showing on the order.
REASONED_AUTHORIZATION_EVENTS = frozenset({
    "authorization.denied", "authorization.not_covered", "authorization.expired",
    "authorization.withdrawn"})

# appointment status -> the order status it implies
APPOINTMENT_TARGETS: dict[str, Status] = {
    "held": Status.SCHEDULED, "booked": Status.SCHEDULED, "checked_in": Status.SCHEDULED,
    "in_chair": Status.IN_PROGRESS,
    "cancelled": Status.SIGNED, "no_show": Status.SIGNED,
}
