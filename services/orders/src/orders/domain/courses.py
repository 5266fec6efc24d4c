"""Dosing courses (clinical-loop.md §5.1, IVIG in CIDP: 2 g/kg over 2-5 days, then 1 g/kg over
1-4 days): a regimen step whose dose is a total per kg divided over N consecutive clinic days,
the prescriber choosing N within the step's range.

Why courses, not single doses: the regimen's steps (loading, then maintenance) follow courses
whatever N the loading used, and the minimum interval runs from the previous course, while the
days of one course are consecutive. A course's days are found in the dose history as runs of
consecutive dose days (the interval between courses is far longer), so history needs no course
record and outside doses count too. Everything here is plain data and rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_COURSE_DAYS = 10  # as many visits as one series booking takes


class CourseDose(BaseModel):
    """``per_kg_total`` (drug dose unit per kg) divided over ``min_days``..``max_days``
    consecutive clinic days."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    per_kg_total: Decimal = Field(gt=0)
    min_days: int = Field(ge=1, le=MAX_COURSE_DAYS)
    max_days: int = Field(ge=1, le=MAX_COURSE_DAYS)
    source: str
    unverified: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _range(self) -> CourseDose:
        if self.min_days > self.max_days:
            raise ValueError("a course needs min_days <= max_days")
        return self

    def total(self, weight_kg: Decimal) -> Decimal:
        return self.per_kg_total * weight_kg


@dataclass(frozen=True)
class CourseDay:
    """The order's place in a course: day ``day`` of ``days`` (the prescriber's N)."""

    days: int
    day: int

    def to_dict(self) -> dict[str, int]:
        return {"days": self.days, "day": self.day}

    @classmethod
    def from_dict(cls, d: Any) -> CourseDay | None:
        return None if not d else cls(days=int(d["days"]), day=int(d["day"]))


def day_doses(total: Decimal, days: int, step: Decimal) -> tuple[Decimal, ...]:
    """The doses of a course's days: the total rounded down to ``step`` (never above it),
    shared out in whole steps so no two days differ by more than one step and the sum is
    within one step of the total. The earlier days take the extra steps."""
    if days < 1 or step <= 0 or total < 0:
        raise ValueError("a course needs days >= 1, a step > 0 and a total >= 0")
    steps = int((total / step).to_integral_value(rounding=ROUND_FLOOR))
    each, extra = divmod(steps, days)
    return tuple(step * (each + (1 if k < extra else 0)) for k in range(days))


def day_dose(total: Decimal, course: CourseDay, step: Decimal) -> Decimal:
    """The dose of day ``course.day`` (1-based) of the course."""
    return day_doses(total, course.days, step)[course.day - 1]


# A course's next day may follow closed days (a series booked across a weekend, or a long
# weekend: Friday to Tuesday). Courses themselves are weeks apart (IVIG: at least 14 days), so
# a gap this short never joins two courses.
COURSE_GAP_DAYS = 4


def course_runs(days: Iterable[date]) -> list[list[date]]:
    """Dose days grouped into courses: days at most COURSE_GAP_DAYS apart are one course (two
    doses on one day are one course day)."""
    runs: list[list[date]] = []
    for d in sorted(set(days)):
        if runs and (d - runs[-1][-1]).days <= COURSE_GAP_DAYS:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def _run_before(on: date, days: list[date]) -> list[date]:
    """The given days of the course ``on`` would continue: the latest run of dose days that
    reaches within COURSE_GAP_DAYS of ``on``."""
    run: list[date] = []
    cursor = on
    for d in reversed(days):
        if (cursor - d).days > COURSE_GAP_DAYS:
            break
        run.insert(0, d)
        cursor = d
    return run


@dataclass(frozen=True)
class CoursePlace:
    """Where a dose of a course drug falls: the course number (the regimen's steps count
    these), its day in the course, the course's first day, the days since the previous
    course's last dose, and the course's days already given."""

    number: int
    day: int
    start: date
    days_since_previous: int | None
    given_days: tuple[date, ...]


def place_in_course(on: date, past_days: Iterable[date], stated: CourseDay | None) -> CoursePlace:
    """Day k on ``on`` continues the latest run of given days (closed days may fall between
    them): its k-1 latest days are this course's, and its first of those is the course's
    first day; the doses before it are earlier courses. Later days may be ordered before the
    earlier ones are given (a series is signed ahead): the days not given yet are counted back
    from ``on`` as consecutive, and nothing asks them to be given yet. With no course stated
    (older orders), the run's days before ``on`` make this the next day of its course."""
    days = sorted({d for d in past_days if d < on})
    run = _run_before(on, days)
    k = stated.day if stated is not None else len(run) + 1
    current = run[-(k - 1):] if k > 1 else []
    start = current[0] if current else on - timedelta(days=k - 1)
    before = [d for d in days if d < start]
    return CoursePlace(number=len(course_runs(before)) + 1, day=k, start=start,
                       days_since_previous=(start - before[-1]).days if before else None,
                       given_days=tuple(d for d in days if d >= start))
