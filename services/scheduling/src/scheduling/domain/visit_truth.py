"""Visit truth: when check-in and start are accepted around the booked slot, and how much
chair time visits really used against what was booked.

Windows are clinic settings (``SCHEDULING_CHECKIN_*``/``SCHEDULING_START_*``). Defaults:
check-in from 60 min before the slot (early arrivals for labs, forms, IV access) to 30 min
after it (later, the chair time and the nurse's load around it no longer match the booking:
staff re-book or move the visit); start from 30 min before (the chair may free early) to 60
min after the slot (a late pharmacy prep or check-in still fits most slots).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .appointment import Appointment
from .errors import Conflict


@dataclass(frozen=True)
class Window:
    opens_before_minutes: int
    closes_after_minutes: int


@dataclass(frozen=True)
class VisitWindows:
    check_in: Window = Window(60, 30)
    start: Window = Window(30, 60)


class OutsideWindow(Conflict):
    """409: check-in or start outside the window around the slot (the body says which)."""

    code = "outside-visit-window"

    def __init__(self, action: str, opens: datetime, closes: datetime, now: datetime) -> None:
        when = "too early" if now < opens else "too late"
        super().__init__(f"{action} is {when}: accepted from {opens.isoformat()} to "
                         f"{closes.isoformat()}", action=action, reason=when.replace(" ", "_"),
                         opens_at=opens.isoformat(), closes_at=closes.isoformat())


def require_within(action: str, slot_start: datetime | None, window: Window,
                   now: datetime) -> None:
    """Refuses ``action`` outside [slot - opens_before, slot + closes_after] (bounds in)."""
    if slot_start is None:
        return  # no slot yet: the transition itself refuses
    opens = slot_start - timedelta(minutes=window.opens_before_minutes)
    closes = slot_start + timedelta(minutes=window.closes_after_minutes)
    if not opens <= now <= closes:
        raise OutsideWindow(action, opens, closes, now)


@dataclass(frozen=True)
class VisitWarning:
    code: str
    message: str


ESCORT_MISSING = VisitWarning(
    "escort_missing", "the order has a no-drive (sedating) drug and no escort on file: record "
    "the escort's name and phone (POST /v1/orders/{order_id}/escort); discharge waits for it")


@dataclass(frozen=True)
class ActualUse:
    actual_chair_minutes: int  # started visits: from actual start to actual end (or now)
    booked_minutes_of_started: int  # what those visits were booked for
    actual_to_booked: float | None  # actual / booked of started visits


def actual_use(appointments: Iterable[Appointment], now: datetime) -> ActualUse:
    actual = booked = 0
    for a in appointments:
        if a.started_at is None:
            continue
        end = a.completed_at or now
        actual += max(0, int((end - a.started_at).total_seconds() // 60))
        booked += a.minutes
    return ActualUse(actual, booked, round(actual / booked, 4) if booked else None)
