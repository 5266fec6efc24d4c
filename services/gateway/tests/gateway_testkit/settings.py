"""Gateway settings pointed at the fake services, for tests that build their own app."""

from __future__ import annotations

from typing import Any

from gateway.settings import GatewaySettings


def settings_for(fakes: Any, database_url: str, **overrides: Any) -> GatewaySettings:
    values: dict[str, Any] = {
        "environment": "test",
        "database_url": database_url,
        "seed_demo_data": True,  # the demo clients of api.md are what the tests sign in with
        "orders_url": fakes.urls["orders"], "scheduling_url": fakes.urls["scheduling"],
        "authorization_url": fakes.urls["authorization"],
        "reimbursement_url": fakes.urls["reimbursement"],
        "rate_limit_capacity": 100_000, "rate_limit_per_s": 100_000,
        "token_rate_limit_capacity": 1000, "token_rate_limit_per_s": 1000,
        "token_ip_rate_limit_capacity": 10_000, "token_ip_rate_limit_per_s": 10_000,
        "upstream_timeout_s": 2.0, "upstream_timeouts": {}, "breaker_reset_s": 1.0,
        "audit_flush_interval_s": 0.05,
        "redis_url": None,
        "webhooks_enabled": False,  # no broker here: test_webhooks turns it on
        # No bus reader unless a test streams (test_stream.py turns it on with the broker).
        "stream_enabled": False,
    }
    values.update(overrides)
    return GatewaySettings(**values)
