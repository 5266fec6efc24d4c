"""Business figures for /metrics (Prometheus): appointment events and same-day acceptance."""

from __future__ import annotations

from prometheus_client import Counter

APPOINTMENT_EVENTS = Counter(
    "scheduling_appointment_events_total", "Appointment events staged in the outbox", ["type"])
REQUEST_OUTCOMES = Counter(
    "scheduling_order_requests_total",
    "Signed orders by urgency and outcome (held, queued, unplaced); same-day acceptance = "
    "held / all same_day", ["urgency", "outcome"])
