"""The exchange worker's schedule: the interval while the clearinghouse answers, exponential
backoff with jitter (half to all of the step) up to a maximum after failures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimbursement.service.poll_schedule import PollSchedule


@pytest.mark.parametrize(("jitter", "delays"), [
    (0.0, [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]),  # half of 2, 4, 8 ... capped at 60
    (0.999999, [2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0]),
])
def test_backoff_doubles_up_to_the_maximum(jitter: float, delays: list[float]) -> None:
    schedule = PollSchedule(5.0, base_s=2.0, maximum_s=60.0, jitter=lambda: jitter)
    assert [round(schedule.failed(), 3) for _ in delays] == delays
    assert schedule.succeeded() == 5.0 and schedule.failures == 0
    assert round(schedule.failed(), 3) == delays[0]  # starts over after a success


@given(st.lists(st.booleans(), max_size=60), st.floats(0, 0.999999))
def test_a_delay_is_never_above_the_maximum_nor_below_half_a_step(outcomes: list[bool],
                                                                 jitter: float) -> None:
    schedule = PollSchedule(5.0, base_s=2.0, maximum_s=60.0, jitter=lambda: jitter)
    for ok in outcomes:
        delay = schedule.succeeded() if ok else schedule.failed()
        assert delay == 5.0 if ok else 1.0 <= delay <= 60.0
