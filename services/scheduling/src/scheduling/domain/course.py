"""A booked series as scheduling keeps it: its orders in dose order with their planned days,
and what each visit's appointment says now. Pure: statuses, pause (RX-6) and the shift offered
after one visit was moved or cancelled."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from .appointment import MOVABLE, Appointment, Status
from .series import Pattern, Window

# A visit not started yet: it is paused by an open RX-6 hold, and a shift moves it.
UNSTARTED = MOVABLE | {Status.QUEUED}
REBOOKABLE = frozenset({Status.CANCELLED, Status.NO_SHOW})


@dataclass(frozen=True)
class SeriesVisit:
    position: int  # dose number, 1-based
    order_id: UUID
    day: date  # planned clinic day


@dataclass
class Series:
    id: UUID
    patient_id: UUID
    practice_id: str
    pattern: Pattern
    first_day: date
    window: Window
    allow_closed_day_gap: bool
    visits: list[SeriesVisit] = field(default_factory=list)

    def visit_of(self, order_id: UUID) -> SeriesVisit | None:
        return next((v for v in self.visits if v.order_id == order_id), None)


@dataclass(frozen=True)
class ShiftOffer:
    """After a visit left its planned day: shift it and the later ones by ``days``."""

    from_position: int
    days: int
    reason: str  # visit_moved | visit_cancelled


def visit_status(appt: Appointment | None, paused: bool) -> str:
    """The visit as staff see it: its appointment's status, or ``paused`` while an RX-6 hold
    is open and the visit has not started."""
    if appt is None:
        return "unbooked"
    if paused and appt.status in UNSTARTED:
        return "paused"
    return str(appt.status)


def shift_offer(series: Series, current: dict[UUID, Appointment | None],
                local_day: dict[UUID, date | None]) -> ShiftOffer | None:
    """The first visit that left its planned day offers to take the later ones along: moved by
    n days → shift by n; cancelled (or missed) with its order still open → shift by one day."""
    for visit in series.visits:
        appt = current.get(visit.order_id)
        if appt is None:
            continue
        if appt.status in REBOOKABLE:
            return ShiftOffer(visit.position, 1, "visit_cancelled")
        day = local_day.get(visit.order_id)
        if appt.status in UNSTARTED and day is not None and day != visit.day:
            return ShiftOffer(visit.position, (day - visit.day).days, "visit_moved")
    return None
