"""Prometheus metrics shared by every service (one registry per process)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter(
    "http_requests_total", "HTTP requests", ["service", "method", "route", "status"]
)
REQUEST_SECONDS = Histogram(
    "http_request_duration_seconds", "HTTP request duration", ["service", "method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
OUTBOX_BACKLOG = Gauge("outbox_backlog", "Outbox rows not yet published", ["service"])
OUTBOX_PUBLISHED = Counter("outbox_published_total", "Outbox rows published", ["service"])
EVENTS_CONSUMED = Counter(
    "events_consumed_total", "Events handled by consumers", ["service", "type", "outcome"]
)
CONSUMER_LAG = Gauge("consumer_lag", "Messages behind the end of each partition",
                     ["service", "topic", "partition"])
DLQ_SIZE = Gauge("dlq_size", "Dead letters waiting for replay", ["service"])
