"""Payloads the scheduling service publishes on ``scheduling.events``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from chairside_shared.contracts.base import EventPayload

# --------------------------------------------------------------------------- scheduling.events
AppointmentStatus = Literal[
    "queued", "held", "booked", "checked_in", "in_chair", "completed", "cancelled", "no_show"
]


class AppointmentChanged(EventPayload):
    """Every appointment event carries the appointment's state after the change."""

    appointment_id: UUID
    order_id: UUID | None = None
    practice_id: str | None = None
    chair_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    status: AppointmentStatus
    hold_expires_at: datetime | None = None
    reason: str | None = None
    occurred_at: datetime


class RecallSlot(EventPayload):
    chair_id: str
    start: datetime
    end: datetime


class RecallChanged(EventPayload):
    """A recall of a recurring drug (dates are clinic days). ``practice_id`` is the referring
    practice of the dose, so partners receive their patients' recalls. Ids and codes only."""

    recall_id: UUID
    patient_id: UUID
    practice_id: str
    drug_code: str
    hcpcs: str | None = None
    status: Literal["due", "offered", "booked", "overdue", "closed"]
    source_order_id: UUID
    last_dose_on: date
    earliest: date
    target_from: date
    target_to: date
    latest: date
    auth_valid_to: date | None = None
    pre_dose_checks: list[str] = []
    slots: list[RecallSlot] = []  # recall.offered: feasible slots from earliest in the window
    occurred_at: datetime
