"""A requested slot checked, and the 409 with next options when it cannot be had.

A look without locks comes first (``peek``) and a refusal's next options are searched after the
locks are let go (``refused``): under contention a day's lock is held only for the check that
counts (``fit``, on the state read under it).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Protocol

from scheduling.domain.clinic import DayFrame, require_aware
from scheduling.domain.daystate import DayState
from scheduling.domain.errors import Busy, InvalidInput, Reason, SlotUnavailable
from scheduling.domain.slots import Slot, SlotRequest, check_slot, find_slots
from scheduling.service.days import Clinic, peek_day, peek_frame
from scheduling.service.uow import SchedulingUnitOfWork

NEXT_OPTIONS = 5
NEXT_DAYS = 7  # how far ahead a 409 looks for next options
HARD_REASONS = {"outside_hours", "chair_unavailable", "off_grid"}


class Visit(Protocol):
    """What a visit needs of a chair and a nurse (a signed order, or its appointment)."""

    @property
    def minutes(self) -> int: ...
    @property
    def acuity_class(self) -> str: ...
    @property
    def pediatric(self) -> bool: ...
    @property
    def requires_driver(self) -> bool: ...
    @property
    def prep_minutes(self) -> int | None: ...
    @property
    def high_acuity_chair(self) -> bool: ...


def request_of(clinic: Clinic, visit: Visit, ignore: str | None = None, *,
               now: datetime | None = None) -> SlotRequest:
    """The visit's needs; its pharmacy preparation (checked when the clinic's pharmacy is
    configured) must fit before the start and cannot begin before ``now``."""
    return SlotRequest(minutes=visit.minutes,
                       acuity_class=clinic.ratios.resolve(visit.acuity_class, strict=False),
                       pediatric=visit.pediatric, requires_driver=visit.requires_driver,
                       ignore_visit=ignore,
                       overtime_minutes=clinic.policy.booking_overtime_minutes,
                       prep_minutes=visit.prep_minutes or 0, prep_from=now,
                       high_acuity_chair=visit.high_acuity_chair)


def frame_of(clinic: Clinic, start: datetime, chair_id: str | None, now: datetime) -> DayFrame:
    """The clinic day of a requested start; 422 for what can never work."""
    start = require_aware(start, "start")
    if start < now - timedelta(minutes=1):
        raise InvalidInput("start is in the past", field="start")
    if chair_id is not None and clinic.chair(chair_id) is None:
        raise InvalidInput(f"unknown chair {chair_id}", field="chair_id")
    frame = clinic.frame(clinic.hours.local_date(start))
    if frame is None:
        raise InvalidInput("the clinic is closed that day", field="start")
    return frame


def fit(state: DayState, clinic: Clinic, req: SlotRequest, start: datetime,
        chair_id: str | None) -> Slot:
    """The requested chair (or the first that fits) at ``start``; 422 for impossible input,
    SlotUnavailable (options still to add) when taken."""
    candidates = [chair_id] if chair_id else [
        c.id for c in sorted(clinic.chairs, key=lambda c: (c.pediatric_capable, c.id))]
    reasons: list[Reason] = []
    for candidate in candidates:
        found = check_slot(state, req, clinic.policy, candidate, start)
        if not found:
            return Slot(chair_id=candidate, start=start, end=start + timedelta(minutes=req.minutes))
        reasons = reasons or found
        hard = [r for r in found if r.code in HARD_REASONS and r.code != "chair_unavailable"]
        if hard:
            raise InvalidInput(hard[0].detail, field="start")
    raise SlotUnavailable(reasons)


def _wanted(req: SlotRequest, start: datetime, now: datetime) -> SlotRequest:
    return replace(req, not_before=max(start, now), limit=NEXT_OPTIONS)


def _options_key(frame: DayFrame, wanted: SlotRequest, start: datetime,
                 clinic: Clinic) -> tuple[object, ...]:
    """What makes two refusals' next options the same, for sharing one search in flight.
    The request's own clock (``prep_from``, and ``not_before`` when the start is a moment
    ago) is left out, as ``peek_frame`` leaves it out of the day it reads: a search in flight
    began at most its own duration before, and the options are offers, each checked again
    when booked. With the clock in, no two requests ever shared a search (measured: a burst
    of 200 losers ran 200 searches, the largest share of a loser's CPU)."""
    return ("options", frame.day, start, replace(wanted, prep_from=None, not_before=None),
            clinic.policy)


async def _next_options(uow: SchedulingUnitOfWork, clinic: Clinic, frame: DayFrame,
                        req: SlotRequest, start: datetime, now: datetime,
                        same_day: list[Slot] | None = None) -> list[Slot]:
    """Feasible slots from ``start`` on: that day's (``same_day`` when the caller found them
    already), then the following days', read without locks."""
    policy, wanted = clinic.policy, _wanted(req, start, now)
    options = same_day if same_day is not None else \
        find_slots(await peek_frame(uow, clinic, frame, now), wanted, policy)
    for offset in range(1, NEXT_DAYS + 1):  # not enough left that day: the following days
        if len(options) >= NEXT_OPTIONS:
            break
        later = await peek_day(uow, clinic, frame.day + timedelta(days=offset), now)
        if later is not None:
            options += find_slots(later, replace(wanted, limit=NEXT_OPTIONS - len(options)),
                                  policy)
    return options


async def peek(uow: SchedulingUnitOfWork, clinic: Clinic, req: SlotRequest, start: datetime,
               chair_id: str | None, now: datetime, changes: int | None = None) -> DayFrame:
    """A look without any lock, between transactions. When many requests want one slot, most
    find it already taken here and answer at once, instead of queueing for the day's lock only
    to learn the same. Returns the day the start falls on. ``changes``: see peek_frame."""
    frame = frame_of(clinic, start, chair_id, now)
    state = await peek_frame(uow, clinic, frame, now, changes)
    try:
        fit(state, clinic, req, start, chair_id)
    except SlotUnavailable as exc:
        wanted = _wanted(req, start, now)
        options = await uow.read_shared(  # the same for every request like it
            _options_key(frame, wanted, start, clinic), lambda reader: _next_options(
                reader, clinic, frame, req, start, now, find_slots(state, wanted, clinic.policy)))
        raise SlotUnavailable(exc.reasons, options) from exc
    return frame


async def refused(uow: SchedulingUnitOfWork, clinic: Clinic, frame: DayFrame, req: SlotRequest,
                  start: datetime, now: datetime, exc: SlotUnavailable | Busy,
                  state: DayState | None) -> SlotUnavailable:
    """The 409 for a slot we could not have under the locks (taken, or the locks stayed busy
    past the request's wait budget). Only the day already read under the lock (``state``) is
    searched before letting go of the locks; the following days after, so the next request in
    line does not wait for that search."""
    same_day = find_slots(state, _wanted(req, start, now), clinic.policy) \
        if state is not None else None
    await uow.rollback()
    reasons = exc.reasons if isinstance(exc, SlotUnavailable) else [Reason("busy", str(exc))]
    return SlotUnavailable(reasons, await _next_options(uow, clinic, frame, req, start, now,
                                                        same_day))
