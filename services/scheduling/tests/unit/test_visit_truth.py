"""Visit windows around the slot (bounds included, both sides named) and actual chair use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scheduling.domain.appointment import Appointment
from scheduling.domain.visit_truth import (
    OutsideWindow,
    VisitWindows,
    Window,
    actual_use,
    require_within,
)

SLOT = datetime(2026, 12, 8, 15, 0, tzinfo=UTC)
W = VisitWindows()


@given(st.integers(min_value=-600, max_value=600))
def test_check_in_window_is_60_before_to_30_after(offset: int) -> None:
    now = SLOT + timedelta(minutes=offset)
    if -60 <= offset <= 30:
        require_within("check-in", SLOT, W.check_in, now)
    else:
        with pytest.raises(OutsideWindow) as refused:
            require_within("check-in", SLOT, W.check_in, now)
        assert refused.value.extra["reason"] == ("too_early" if offset < 0 else "too_late")


def test_a_wide_window_accepts_any_time_of_the_day() -> None:
    wide = Window(24 * 60, 24 * 60)
    require_within("start", SLOT, wide, SLOT - timedelta(hours=23))
    require_within("start", None, W.start, SLOT + timedelta(days=3))  # no slot: not judged


def test_actual_use_counts_started_visits_only() -> None:
    def visit(minutes: int, started: int | None, ended: int | None) -> Appointment:
        a = Appointment.new(minutes=minutes, now=SLOT)
        a.started_at = None if started is None else SLOT + timedelta(minutes=started)
        a.completed_at = None if ended is None else SLOT + timedelta(minutes=ended)
        return a
    use = actual_use([visit(60, 0, 75), visit(120, 30, None), visit(30, None, None)],
                     now=SLOT + timedelta(minutes=90))
    assert (use.actual_chair_minutes, use.booked_minutes_of_started) == (75 + 60, 180)
    assert use.actual_to_booked == 0.75
    assert actual_use([], SLOT).actual_to_booked is None
