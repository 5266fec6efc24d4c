"""Appointment domain events → the public ``AppointmentChanged`` contract payload."""

from __future__ import annotations

from chairside_shared.contracts import AppointmentChanged
from scheduling.domain.appointment import AppointmentEvent


def payload_of(event: AppointmentEvent) -> AppointmentChanged:
    return AppointmentChanged(
        appointment_id=event.appointment_id, order_id=event.order_id,
        practice_id=event.practice_id, chair_id=event.chair_id, start=event.start,
        end=event.end, status=str(event.status), hold_expires_at=event.hold_expires_at,
        reason=event.reason, occurred_at=event.occurred_at,
    )
