"""On PostgreSQL, an API request waits for a clinic day whose lock is held elsewhere no longer
than its budget, then answers 409 with next options (scenario in tests/lock_waits.py)."""

from __future__ import annotations

import lock_waits
import pytest

pytestmark = pytest.mark.integration


async def test_requests_for_a_day_locked_elsewhere_are_answered_with_next_options(svc):
    await lock_waits.day_locked_elsewhere(svc)
