"""On SQLite (one serialized path per database), an API request waits for the path no longer
than its budget, then answers 409 with next options (scenario in tests/lock_waits.py)."""

from __future__ import annotations

import lock_waits


async def test_requests_for_a_day_locked_elsewhere_are_answered_with_next_options(embedded):
    await lock_waits.day_locked_elsewhere(embedded)
