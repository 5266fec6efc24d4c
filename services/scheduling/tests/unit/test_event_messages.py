"""Appointment events become AppointmentChanged messages keyed by the order id (the appointment
id when there is no order), with the appointment id as subject: service/events.to_messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from chairside_shared.contracts import AppointmentChanged
from scheduling.domain.appointment import Appointment
from scheduling.service.events import to_messages
from scheduling.service.uow import SchedulingUnitOfWork

NOW = datetime(2030, 1, 1, 13, tzinfo=UTC)


def _held(order_id=None) -> Appointment:
    return Appointment.held(minutes=60, now=NOW, chair_id="c01", start=NOW + timedelta(hours=1),
                            end=NOW + timedelta(hours=2), hold_expires_at=NOW + timedelta(days=2),
                            order_id=order_id, practice_id="p1")


def test_each_event_is_one_message_keyed_by_its_order():
    order = uuid4()
    appt = _held(order)
    appt.cancel("patient asked", NOW + timedelta(minutes=5))
    messages = [m for e in appt.events for m in to_messages(e)]
    assert [(m.event_type, m.key, m.subject) for m in messages] == [
        ("appointment.held", str(order), str(appt.id)),
        ("appointment.cancelled", str(order), str(appt.id))]
    assert messages[1].payload == AppointmentChanged(
        appointment_id=appt.id, order_id=order, practice_id="p1", chair_id="c01",
        start=NOW + timedelta(hours=1), end=NOW + timedelta(hours=2), status="cancelled",
        hold_expires_at=None, reason="patient asked", occurred_at=NOW + timedelta(minutes=5))


def test_an_appointment_without_order_is_keyed_by_itself():
    appt = _held()
    [message] = to_messages(appt.events[0])
    assert message.key == message.subject == str(appt.id)


def test_the_unit_of_work_stages_through_it():
    assert SchedulingUnitOfWork.to_messages is to_messages
