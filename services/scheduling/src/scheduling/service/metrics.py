"""Business figures for /metrics (Prometheus): appointment events, same-day acceptance, and
today's chair utilization and same-day queue."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

APPOINTMENT_EVENTS = Counter(
    "scheduling_appointment_events_total", "Appointment events staged in the outbox", ["type"])
REQUEST_OUTCOMES = Counter(
    "scheduling_order_requests_total",
    "Signed orders by urgency and outcome (held, queued, unplaced); same-day acceptance = "
    "held / all same_day", ["urgency", "outcome"])
CHAIR_UTILIZATION = Gauge(
    "scheduling_chair_utilization_ratio",
    "Today (clinic time): booked chair minutes within opening hours / available chair minutes")
CHAIR_MINUTES = Gauge(
    "scheduling_chair_minutes", "Today's chair minutes within opening hours", ["kind"])
BOOKING_ATTEMPTS = Counter(
    "scheduling_booking_attempts_total",
    "Staff bookings of a chosen slot by where they ended: placed; refused at the first look "
    "(no lock); refused at a look again (no lock), after a booking committed on the day while "
    "they queued; refused under the day's lock; refused busy (the locks stayed taken past the "
    "request's wait budget)", ["outcome"])
SAME_DAY_QUEUE = Gauge(
    "scheduling_same_day_queue_length", "Same-day requests waiting for capacity")


def record_day(booked_minutes: int, available_minutes: int, ratio: float, queued: int) -> None:
    CHAIR_UTILIZATION.set(ratio)
    CHAIR_MINUTES.labels("booked").set(booked_minutes)
    CHAIR_MINUTES.labels("available").set(available_minutes)
    SAME_DAY_QUEUE.set(queued)
