"""Read-side and planning: slot search across days, the day board, and the day optimizer."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from scheduling.adapters.triage_seed import triage_rule
from scheduling.domain.appointment import MOVABLE, OCCUPYING, Appointment, Status
from scheduling.domain.board import LoadBucket, Utilization, load_buckets, utilization
from scheduling.domain.booking import visit_of
from scheduling.domain.clinic import BookingPolicy, Chair, DayFrame
from scheduling.domain.daystate import Visit
from scheduling.domain.errors import InvalidInput
from scheduling.domain.figures import DayFigures, day_figures
from scheduling.domain.orders import SignedOrder
from scheduling.domain.slots import Slot, SlotRequest, find_slots
from scheduling.domain.triage import Priority, ranked
from scheduling.domain.visit_truth import actual_use
from scheduling.optimizer.problem import DayProblem, PlanItem, SolveOptions
from scheduling.service.days import Clinic, load_clinic, load_day, load_frame, search_range
from scheduling.service.uow import SchedulingUnitOfWork

if TYPE_CHECKING:
    from scheduling.optimizer.cpsat import PlanResult

_NEVER = datetime.max.replace(tzinfo=UTC)  # sorts after every real start


async def search_slots(uow: SchedulingUnitOfWork, req: SlotRequest, start: datetime | None,
                       end: datetime | None, now: datetime, policy: BookingPolicy,
                       max_days: int) -> list[Slot]:
    clinic = await load_clinic(uow, policy)
    clinic.ratios.resolve(req.acuity_class)  # unknown class: 422, never a silent default
    start = max(start or now, now)
    end = end or start + timedelta(days=policy.planned_horizon_days)
    if end <= start:
        return []
    req = replace(req, not_before=max(req.not_before or start, start), not_after=end,
                  overtime_minutes=policy.booking_overtime_minutes, prep_from=now)
    out: list[Slot] = []
    for day in search_range(clinic, start, end, max_days):
        loaded = await load_day(uow, clinic, day, now)
        if loaded is None:
            continue
        out += find_slots(loaded.state, replace(req, limit=req.limit - len(out)), policy)
        if len(out) >= req.limit:
            break
    return out


@dataclass
class Board:
    day: date
    frame: DayFrame | None
    chairs: list[tuple[Chair, list[Appointment]]] = field(default_factory=list)
    buckets: list[LoadBucket] = field(default_factory=list)
    utilization: Utilization | None = None
    # today's same-day requests in triage order at the board's moment, each with its priority
    queue: list[tuple[Appointment, Priority]] = field(default_factory=list)
    unplaced: list[SignedOrder] = field(default_factory=list)  # signed, with no chair time


async def board(uow: SchedulingUnitOfWork, day: date, now: datetime,
                policy: BookingPolicy) -> Board:
    clinic = await load_clinic(uow, policy)
    loaded = await load_day(uow, clinic, day, now)
    unplaced = await uow.orders.unplaced()
    queue = []  # today's, in triage order, even on a day the clinic is closed
    if clinic.hours.local_date(now) == day:
        queue = ranked(await uow.appointments.queued(), now, triage_rule())
    if loaded is None:
        return Board(day=day, frame=None, chairs=[(c, []) for c in clinic.chairs],
                     queue=queue, unplaced=unplaced)
    shown = [a for a in loaded.appointments
             if a.status in OCCUPYING or a.status is Status.COMPLETED]
    per_chair = [(c, sorted((a for a in shown if a.chair_id == c.id),
                            key=lambda a: a.start or _NEVER)) for c in clinic.chairs]
    return Board(day=day, frame=loaded.state.frame, chairs=per_chair,
                 buckets=load_buckets(loaded.state),
                 utilization=utilization(loaded.state).with_actual(actual_use(shown, now)),
                 queue=queue, unplaced=unplaced)


@dataclass
class Move:
    appointment: Appointment
    before: Visit
    after: Visit


@dataclass
class Optimization:
    day: date
    status: str
    applied: bool
    frame: DayFrame
    moves: list[Move] = field(default_factory=list)
    before: DayFigures | None = None
    after: DayFigures | None = None
    solve_seconds: float = 0.0
    objective: int | None = None  # the plan's cost: minutes of wait + weighted overtime
    lower_bound: int | None = None  # no plan of these visits can cost less
    gap: float | None = None  # (objective - lower_bound) / objective
    # appointments the plan could not seat, with the reason (no_capable_chair: no active chair
    # takes a pediatric or high-acuity first dose); they stay where they are booked
    unplaced: dict[str, str] = field(default_factory=dict)


def _item(appt: Appointment, visit: Visit, frame: DayFrame, now_m: int, clinic: Clinic,
          policy: BookingPolicy) -> PlanItem:
    def minute(t: datetime | None, default: int) -> int:
        return default if t is None else frame.minute_ceil(t)
    earliest = max(now_m, 0, minute(appt.ready_at, 0), minute(appt.window_from, 0))
    if clinic.pharmacy_limited and appt.prep_minutes > 0:
        # a preparation not begun yet cannot begin before now (one under way stays put)
        earliest = max(earliest, min(visit.start, now_m + appt.prep_minutes))
    latest_start = frame.horizon
    if appt.requires_driver and policy.driver_latest_start is not None:
        latest_start = frame.local_minute(policy.driver_latest_start)
    latest_end = min(frame.horizon, frame.minute_floor(appt.window_to) if appt.window_to
                     else frame.horizon)
    return PlanItem(id=visit.id, minutes=visit.end - visit.start,
                    acuity_class=clinic.ratios.resolve(appt.acuity_class, strict=False),
                    pediatric=appt.pediatric, earliest=earliest, latest_start=latest_start,
                    latest_end=latest_end, requested=minute(appt.requested_start, visit.start),
                    prep_minutes=appt.prep_minutes if clinic.pharmacy_limited else 0,
                    current=visit, high_acuity_chair=appt.high_acuity_chair)


@dataclass
class _Parts:
    """A day's visits as the optimizer sees them."""

    fixed: list[Visit] = field(default_factory=list)  # started, or another day's: facts
    items: list[PlanItem] = field(default_factory=list)  # what it may move
    current: dict[str, Visit] = field(default_factory=dict)  # where each item is now
    movable: dict[str, Appointment] = field(default_factory=dict)  # each item's appointment


def _parts(appts: list[Appointment], clinic: Clinic, frame: DayFrame, day: date,
           now: datetime) -> _Parts:
    parts, now_m = _Parts(), max(0, frame.minute_ceil(now))
    for appt in appts:
        visit = visit_of(appt, frame, now)
        if visit is None or appt.start is None or clinic.hours.local_date(appt.start) != day:
            if visit is not None:
                parts.fixed.append(visit)  # spills over from another day: a fact here
            continue
        # a high-acuity first dose moves too, only between chairs that take it (the flag
        # BookingPolicy.needs_high_acuity_chair set at signing rides on the item)
        if appt.status in MOVABLE:
            parts.items.append(_item(appt, visit, frame, now_m, clinic, clinic.policy))
            parts.current[visit.id] = visit
            parts.movable[visit.id] = appt
        else:
            parts.fixed.append(visit)
    return parts


async def optimize(uow: SchedulingUnitOfWork, day: date, apply: bool, now: datetime,
                   policy: BookingPolicy, options: SolveOptions) -> Optimization:
    clinic = await load_clinic(uow, policy)
    frame = clinic.frame(day, policy.optimizer_overtime_minutes)
    if frame is None:
        raise InvalidInput("the clinic is closed that day", field="date")
    if apply:
        await uow.lock_days(day)
    loaded = await load_frame(uow, clinic, frame, now)
    parts = _parts(loaded.appointments, clinic, frame, day, now)
    items, fixed, current = parts.items, parts.fixed, parts.current
    result = Optimization(day=day, status="nothing_to_do", applied=False, frame=frame)
    requested = {it.id: it.requested for it in items}
    result.before = day_figures(frame, clinic.chairs, [*fixed, *current.values()], requested)
    if not items:
        return result
    problem = DayProblem(frame, clinic.chairs, loaded.state.nurses, clinic.ratios, fixed, items,
                         grid=policy.grid_minutes, pharmacy=loaded.state.pharmacy)
    plan = await asyncio.to_thread(_solve_day, problem, options)
    result.status, result.solve_seconds = plan.status, round(plan.solve_seconds, 3)
    result.objective, result.lower_bound, result.gap = plan.objective, plan.lower_bound, plan.gap
    result.unplaced = {i: plan.reasons.get(i, "no_room") for i in plan.refused}
    if not plan.ok:
        return result
    kept = [current[i] for i in plan.refused if i in current]  # not moved: where they are
    result.after = day_figures(frame, clinic.chairs, [*fixed, *kept, *plan.visits], requested)
    result.moves = [Move(parts.movable[v.id], current[v.id], v) for v in plan.visits
                    if (v.chair_id, v.start) != (current[v.id].chair_id, current[v.id].start)]
    if apply and result.moves:
        await uow.defer_chair_constraint()
        for mv in result.moves:
            mv.appointment.move(chair_id=mv.after.chair_id, start=frame.at(mv.after.start),
                                end=frame.at(mv.after.end), now=now)
        result.applied = True
    return result


def _solve_day(problem: DayProblem, options: SolveOptions) -> PlanResult:
    # OR-Tools is imported on the first solve (or by the start-up preload), in this worker
    # thread: a service that never plans never pays its seconds of import.
    from scheduling.optimizer.cpsat import solve_day

    return solve_day(problem, options)
