"""Calendar arithmetic the services share (no rule of any service): a window of days or of
calendar months after a start date, as deadlines are written ("120 days", "4 months")."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


def add_months(start: date, months: int) -> date:
    """Calendar months later; the last day of a shorter month when the day does not exist."""
    month0 = start.month - 1 + months
    year, month = start.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class Window:
    """How long after its start a clock runs: days, or calendar months; neither = no clock.
    The end is never before the start."""

    days: int | None = None
    months: int | None = None

    def __post_init__(self) -> None:
        if (self.days is not None and self.days < 0) or (
                self.months is not None and self.months < 0):
            raise ValueError("a window is never negative")

    @classmethod
    def of(cls, doc: Mapping[str, Any]) -> Window:
        """From a data file's entry: its ``days`` or ``months``."""
        return cls(days=doc.get("days"), months=doc.get("months"))

    def end(self, start: date) -> date | None:
        if self.days is not None:
            return start + timedelta(days=self.days)
        if self.months is not None:
            return add_months(start, self.months)
        return None
