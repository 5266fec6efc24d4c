"""Placing a series' visits on their days, and the 409 when one day has no room.

``place`` reads each day with the series' own appointments left out (they are about to be
moved onto the plan, so they never block it) and decides with ``domain.series.place_series``.
Called under the orders' and days' locks it is the decision; called without them it is the
look that finds the next feasible first days for a refusal (``alternatives``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from scheduling.domain.daystate import DayState
from scheduling.domain.errors import Conflict
from scheduling.domain.orders import SignedOrder
from scheduling.domain.series import (
    Failure,
    Pattern,
    VisitNeed,
    Window,
    place_series,
    series_days,
    visit_request,
)
from scheduling.domain.slots import Slot
from scheduling.service.days import Clinic, load_frame
from scheduling.service.uow import SchedulingUnitOfWork

MAX_ALTERNATIVES = 3


@dataclass(frozen=True)
class Alternative:
    first_day: date
    slots: list[Slot]


class SeriesInfeasible(Conflict):
    """The course cannot be booked as asked: which visit and day failed and why, and the next
    feasible first days (nothing was booked)."""

    code = "series-infeasible"

    def __init__(self, failure: Failure, alternatives: Sequence[Alternative] = ()) -> None:
        super().__init__(
            f"visit {failure.position} on {failure.day}: {failure.detail}; nothing was booked",
            failed={"position": failure.position, "day": failure.day.isoformat(),
                    "reason": failure.code, "blocked_by": list(failure.reasons)},
            alternatives=[{"first_day": a.first_day.isoformat(), "visits": [
                {"position": i, "chair_id": s.chair_id, "start": s.start.isoformat(),
                 "end": s.end.isoformat()} for i, s in enumerate(a.slots, start=1)]}
                for a in alternatives])
        self.failure = failure
        self.alternatives = list(alternatives)


class DayStates:
    """Days read once per transaction, without the series' own appointments."""

    def __init__(self, uow: SchedulingUnitOfWork, clinic: Clinic, own: set[UUID],
                 now: datetime) -> None:
        self.uow, self.clinic, self.own, self.now = uow, clinic, own, now
        self._days: dict[date, DayState | None] = {}

    async def get(self, day: date) -> DayState | None:
        if day not in self._days:
            self._days[day] = await self._read(day)
        return self._days[day]

    async def _read(self, day: date) -> DayState | None:
        frame = self.clinic.frame(day)
        if frame is None:
            return None
        loaded = await load_frame(self.uow, self.clinic, frame, self.now, leave_out=self.own)
        return loaded.state


def need_of(clinic: Clinic, order: SignedOrder) -> VisitNeed:
    return VisitNeed(minutes=order.minutes,
                     acuity_class=clinic.ratios.resolve(order.acuity_class, strict=False),
                     pediatric=order.pediatric, requires_driver=order.requires_driver,
                     prep_minutes=order.prep_minutes, prep_limited=clinic.pharmacy_limited,
                     high_acuity_chair=order.high_acuity_chair)


async def place(states: DayStates, days: Sequence[date], needs: Sequence[VisitNeed],
                window: Window, *, verify: bool = True) -> list[Slot] | Failure:
    clinic, policy = states.clinic, states.clinic.policy
    found = [await states.get(d) for d in days]
    reqs = [visit_request(clinic.hours, d, window, n, states.now, policy)
            for d, n in zip(days, needs, strict=True)]
    return place_series(days, found, reqs, policy, verify=verify)


async def alternatives(uow: SchedulingUnitOfWork, clinic: Clinic, *, first_day: date,
                       pattern: Pattern, needs: Sequence[VisitNeed], window: Window,
                       allow_gap: bool, own: set[UUID], now: datetime) -> list[Alternative]:
    """The next first days (after ``first_day``, within the planning horizon) on which the
    whole course fits now, read without locks: options, not promises."""
    states = DayStates(uow, clinic, own, now)
    out: list[Alternative] = []
    for offset in range(1, clinic.policy.planned_horizon_days + 1):
        first = first_day + timedelta(days=offset)
        days = series_days(first, pattern, len(needs), lambda d: clinic.frame(d) is not None,
                           allow_gap)
        if isinstance(days, Failure):
            continue
        slots = await place(states, days, needs, window, verify=False)
        if not isinstance(slots, Failure):
            out.append(Alternative(first, slots))
            if len(out) >= MAX_ALTERNATIVES:
                break
    await uow.rollback()
    return out
