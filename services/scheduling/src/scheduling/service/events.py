"""Appointment domain events → their public contract: one ``AppointmentChanged`` message each,
keyed by the order id (so one visit's events stay in order; the appointment id when it has no
order), with the appointment id as the CloudEvents subject. Bound on the unit of work as
``to_messages``; the base commit stages what it returns."""

from __future__ import annotations

from chairside_shared.contracts import AppointmentChanged
from chairside_shared.messaging.outbox import Message
from scheduling.domain.appointment import AppointmentEvent


def to_messages(event: AppointmentEvent) -> list[Message]:
    payload = AppointmentChanged(
        appointment_id=event.appointment_id, order_id=event.order_id,
        practice_id=event.practice_id, chair_id=event.chair_id, start=event.start,
        end=event.end, status=str(event.status), hold_expires_at=event.hold_expires_at,
        reason=event.reason, occurred_at=event.occurred_at,
    )
    key = str(event.order_id or event.appointment_id)
    return [Message(event.type, payload, key=key, subject=str(event.appointment_id))]
