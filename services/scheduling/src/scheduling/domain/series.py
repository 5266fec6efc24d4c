"""Series booking rules (clinical-loop.md §4): which clinic days a course asks for, and the one
decision that places every visit of it or none.

A course is 2+ signed orders of one patient, one per visit, in dose order. ``consecutive_days``
asks for 2-5 consecutive clinic days; ``day_offsets`` for exact days counted from the first
(e.g. day 1 and day 15 are offsets 0 and 14). Every visit starts within the same local
time-of-day window. A closed day inside a consecutive course is skipped only when the protocol
allows a gap (``allow_closed_day_gap``, e.g. the weekend); offsets are exact days, never moved.
Pure: the caller reads the days' states and decides under the days' locks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .booking import lead_minutes
from .clinic import BookingPolicy, ClinicHours
from .daystate import DayState, Visit
from .errors import InvalidInput, Violation
from .slots import Slot, SlotRequest, check_slot, find_slots
from .verify import verify_day

MIN_VISITS = 2
MAX_CONSECUTIVE = 5  # clinical-loop.md §4: DHE 2-5 sequential days
MAX_OFFSET_DAYS = 366
MAX_GAP_DAYS = 4  # closed days skipped in a row at most (a long weekend)
CONSECUTIVE, OFFSETS = "consecutive_days", "day_offsets"


@dataclass(frozen=True)
class Pattern:
    kind: str  # consecutive_days | day_offsets
    offsets: tuple[int, ...] = ()

    def validate(self, visits: int) -> None:
        """422 naming the field for a pattern that can never fit ``visits`` orders."""
        if visits < MIN_VISITS:
            raise InvalidInput(f"a series has at least {MIN_VISITS} visits", field="order_ids")
        if self.kind == CONSECUTIVE:
            if self.offsets:
                raise InvalidInput("consecutive days take no offsets", field="pattern.offsets")
            if visits > MAX_CONSECUTIVE:
                raise InvalidInput(f"a consecutive-day course has {MIN_VISITS}-"
                                   f"{MAX_CONSECUTIVE} visits", field="order_ids")
            return
        if self.kind != OFFSETS:
            raise InvalidInput(f"unknown pattern {self.kind!r}", field="pattern.kind")
        if len(self.offsets) != visits:
            raise InvalidInput("one offset per order", field="pattern.offsets")
        if self.offsets[0] != 0:
            raise InvalidInput("the first offset is 0 (the first day)", field="pattern.offsets")
        if any(b <= a for a, b in zip(self.offsets, self.offsets[1:], strict=False)):
            raise InvalidInput("offsets must be strictly increasing", field="pattern.offsets")
        if self.offsets[-1] > MAX_OFFSET_DAYS:
            raise InvalidInput(f"offsets go up to {MAX_OFFSET_DAYS} days",
                               field="pattern.offsets")


@dataclass(frozen=True)
class CatalogCourse:
    """The course a signed dose starts, as the orders catalog names it (``order.signed``
    series): the pattern a series of the patient's orders takes when staff give none."""

    drug_code: str
    kind: str  # consecutive_days | day_offsets
    offsets: tuple[int, ...] = ()
    min_visits: int | None = None
    max_visits: int | None = None

    def pattern_for(self, visits: int) -> Pattern:
        """The pattern of a series of ``visits`` orders; 422 (order_ids) when the course
        has another number of visits."""
        if self.kind == OFFSETS:
            if visits != len(self.offsets):
                raise InvalidInput(f"the {self.drug_code} course has {len(self.offsets)} "
                                   f"visits (days {list(self.offsets)})", field="order_ids")
            return Pattern(OFFSETS, self.offsets)
        lo, hi = self.min_visits or MIN_VISITS, self.max_visits or MAX_CONSECUTIVE
        if not lo <= visits <= hi:
            raise InvalidInput(f"the {self.drug_code} course has {lo}-{hi} consecutive days",
                               field="order_ids")
        return Pattern(CONSECUTIVE)


def catalog_pattern(courses: Sequence[CatalogCourse | None]) -> Pattern:
    """The pattern of a series of orders (in dose order) whose first dose starts a catalog
    course; 422 naming ``pattern`` when it starts none (staff then give one)."""
    first = courses[0] if courses else None
    if first is None:
        raise InvalidInput("no pattern given and the first order starts no course of the "
                           "catalog", field="pattern")
    return first.pattern_for(len(courses))


@dataclass(frozen=True)
class Window:
    """The same local time-of-day window every day: each visit starts within it."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidInput("the window must end after it starts", field="window.to")


@dataclass(frozen=True)
class Failure:
    """Why a course cannot start on a day: the visit (1-based) and day that failed."""

    position: int
    day: date
    code: str  # closed_day | gap_too_long | no_slot | too_far
    detail: str
    reasons: tuple[str, ...] = ()  # no_slot: what blocked the window (chair_busy, ...)


def series_days(first: date, pattern: Pattern, visits: int, is_open: Callable[[date], bool],
                allow_closed_day_gap: bool) -> list[date] | Failure:
    """The clinic day of every visit, or why the pattern does not fit from ``first``."""
    if pattern.kind == OFFSETS:
        days = [first + timedelta(days=o) for o in pattern.offsets]
        for i, day in enumerate(days, start=1):
            if not is_open(day):
                return Failure(i, day, "closed_day", f"the clinic is closed on {day}")
        return days
    if not is_open(first):
        return Failure(1, first, "closed_day", f"the clinic is closed on {first}")
    days = [first]
    while len(days) < visits:
        day = days[-1] + timedelta(days=1)
        skipped = 0
        while not is_open(day):
            if not allow_closed_day_gap:
                return Failure(len(days) + 1, day, "closed_day",
                               f"the clinic is closed on {day} and the protocol allows no gap")
            skipped += 1
            if skipped > MAX_GAP_DAYS:
                return Failure(len(days) + 1, day, "gap_too_long",
                               f"more than {MAX_GAP_DAYS} closed days in a row")
            day += timedelta(days=1)
        days.append(day)
    return days


@dataclass(frozen=True)
class VisitNeed:
    """What one visit of the course needs (its order's chair time and nursing)."""

    minutes: int
    acuity_class: str
    pediatric: bool
    requires_driver: bool
    prep_minutes: int | None = None  # pharmacy preparation (None: the order did not say)
    prep_limited: bool = False  # the clinic's pharmacy (hoods) is configured
    high_acuity_chair: bool = False  # a high-acuity first dose: a chair that allows it


def visit_request(hours: ClinicHours, day: date, window: Window, need: VisitNeed,
                  now: datetime, policy: BookingPolicy) -> SlotRequest | None:
    """The slot request of one visit on its day: a start within the window, never before the
    drugs can be ready (the order's own preparation when the pharmacy is limited, whose hood
    the slot search then checks; else the fixed lead: domain/booking.py ``prep_lead``); None
    when the window is over by then."""
    ready = now + timedelta(minutes=lead_minutes(need.prep_minutes, need.prep_limited, policy))
    not_before = max(hours.local_instant(day, window.start), ready)
    latest_start = hours.local_instant(day, window.end)
    if latest_start < not_before:
        return None
    return SlotRequest(minutes=need.minutes, acuity_class=need.acuity_class,
                       pediatric=need.pediatric, requires_driver=need.requires_driver,
                       not_before=not_before,
                       not_after=latest_start + timedelta(minutes=need.minutes), limit=1,
                       overtime_minutes=policy.booking_overtime_minutes,
                       prep_minutes=need.prep_minutes or 0, prep_from=now,
                       high_acuity_chair=need.high_acuity_chair)


def blocked_by(state: DayState, req: SlotRequest, policy: BookingPolicy) -> tuple[str, ...]:
    """What stood in the way at each start of the window, on every chair (codes only)."""
    codes: set[str] = set()
    start = state.frame.minute_ceil(req.not_before) if req.not_before else 0
    start = -(-start // policy.grid_minutes) * policy.grid_minutes
    end = state.frame.minute_floor(req.not_after) if req.not_after else state.frame.close
    for s in range(start, max(start, end - req.minutes) + 1, policy.grid_minutes):
        for chair in state.chairs:
            codes.update(r.code for r in check_slot(state, req, policy, chair.id,
                                                    state.frame.at(s)))
    return tuple(sorted(codes)) or ("no_chair",)


NEW_VISIT = "series-visit"


def violations_of(state: DayState, req: SlotRequest, slot: Slot) -> list[Violation]:
    """What the independent verifier finds wrong with the day once the visit is added (only
    what involves the visit: a day already broken elsewhere is not this booking's doing)."""
    frame = state.frame
    new = Visit(id=NEW_VISIT, chair_id=slot.chair_id, start=frame.minute_floor(slot.start),
                end=frame.minute_ceil(slot.end), acuity_class=req.acuity_class,
                pediatric=req.pediatric, prep_minutes=req.prep_minutes,
                high_acuity_chair=req.high_acuity_chair)
    found = verify_day(frame, state.chairs, state.nurses, state.policy,
                       [*state.visits.values(), new],
                       end_limit=min(frame.close + req.overtime_minutes, frame.horizon),
                       pharmacy=state.pharmacy)
    return [v for v in found if NEW_VISIT in v.ids]


def place_series(days: Sequence[date], states: Sequence[DayState | None],
                 requests: Sequence[SlotRequest | None],
                 policy: BookingPolicy, *, verify: bool = False) -> list[Slot] | Failure:
    """Every visit's earliest slot in its window on its day, or the first visit that has none
    (then nothing is placed). Visits sit on distinct days, so one placement never takes
    another's capacity. With ``verify`` (the decision, not a look for options) every placement
    is checked again by the verifier (domain/verify.py)."""
    slots: list[Slot] = []
    for i, (day, state, req) in enumerate(zip(days, states, requests, strict=True), start=1):
        if state is None:
            return Failure(i, day, "closed_day", f"the clinic is closed on {day}")
        if req is None:
            return Failure(i, day, "no_slot", "the window is over before the drugs can be ready",
                           ("too_late",))
        found = find_slots(state, req, policy)
        if not found:
            return Failure(i, day, "no_slot", f"no chair and nurse free in the window on {day}",
                           blocked_by(state, req, policy))
        broken = violations_of(state, req, found[0]) if verify else []
        if broken:
            return Failure(i, day, "verifier", "the verifier refused the placement",
                           tuple(sorted({v.kind for v in broken})))
        slots.append(found[0])
    return slots
