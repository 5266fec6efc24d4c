"""The renewal worklist: visits that fall outside their order's approval (scheduling's
``appointment.renewal_needed``), each due in time for the payer to decide before the visit.

A renewal request is due on the last day it can go to the payer and still be decided, by the
payer's standard decision time frame (domain/deadlines.py, the payer data), before the visit's
day starts. A request is taken as sent at the close of business that day (17:00 local, the
deadlines module's default), the latest a staff member would send it. A payer with no PA clock
on file (e.g. Medicare FFS) uses a default number of calendar days (a setting; 7 by default:
the longest standard clock in the payer data, CMS-0057-F's 7 calendar days for standard
requests, so a renewal is never started too late). Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from .deadlines import DecisionTimeFrames, HolidayCalendar, compute_due_at

DEFAULT_TURNAROUND_DAYS = 7
MAX_LOOKBACK_DAYS = 120  # no payer clock is longer than this
RenewalReason = Literal["outside_valid_dates", "units_exceeded"]


def renewal_due_on(visit_date: date, frames: DecisionTimeFrames | None, tz: ZoneInfo,
                   holidays: HolidayCalendar | None = None,
                   default_days: int = DEFAULT_TURNAROUND_DAYS) -> date:
    """The last day a renewal sent at close of business is decided before ``visit_date``."""
    if frames is None:
        return visit_date - timedelta(days=default_days)
    frame = frames.standard
    visit_starts = datetime.combine(visit_date, time(0), tzinfo=tz)
    for back in range(1, MAX_LOOKBACK_DAYS + 1):
        day = visit_date - timedelta(days=back)
        sent = datetime.combine(day, frame.close_of_business, tzinfo=tz)
        if compute_due_at(sent, frame, tz, holidays) <= visit_starts:
            return day
    return visit_date - timedelta(days=MAX_LOOKBACK_DAYS)


@dataclass
class RenewalNeed:
    """One order whose visit falls outside its approval; the latest word from scheduling
    replaces the earlier one (the visit moved, or was refused again)."""

    order_id: UUID
    auth_number: str
    visit_date: date
    valid_from: date
    valid_to: date
    reasons: list[RenewalReason]
    outcome: str  # refused | held | booked: what scheduling did with the visit
    due_on: date
    noted_at: datetime
    case_id: UUID | None = None
    payer_id: str | None = None
    practice_id: str | None = None
    appointment_id: UUID | None = None

    def overdue(self, today: date) -> bool:
        return today > self.due_on
