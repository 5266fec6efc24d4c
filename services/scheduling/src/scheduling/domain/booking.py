"""Booking decisions on top of slot search: projecting appointments onto a day, what a signed
order asks for, multi-day search, and the same-day queue policy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .appointment import OCCUPYING, Appointment, Status
from .clinic import BookingPolicy, DayFrame
from .daystate import DayState, Visit
from .slots import Slot, SlotRequest, find_slots
from .triage import TriageRule, triage_order


def visit_of(appt: Appointment, frame: DayFrame, now: datetime | None = None) -> Visit | None:
    """The appointment as chair time on this day, or None if it does not touch the day."""
    if appt.status not in OCCUPYING and appt.status is not Status.COMPLETED:
        return None
    if appt.chair_id is None or appt.start is None or appt.end is None:
        return None
    end = appt.end
    if appt.status is Status.IN_CHAIR and now is not None and now > end:
        end = now  # running long: the chair and the nurse are still busy
    start_m, end_m = frame.minute_floor(appt.start), frame.minute_ceil(end)
    if end_m <= 0 or start_m >= frame.horizon:
        return None
    return Visit(id=str(appt.id), chair_id=appt.chair_id, start=start_m, end=end_m,
                 acuity_class=appt.acuity_class, pediatric=appt.pediatric,
                 prep_minutes=appt.prep_minutes, high_acuity_chair=appt.high_acuity_chair)


def visits_of(appts: Iterable[Appointment], frame: DayFrame,
              now: datetime | None = None) -> list[Visit]:
    return [v for a in appts if (v := visit_of(a, frame, now)) is not None]


@dataclass(frozen=True)
class Need:
    """What one order needs from the schedule (from order.signed or a queued appointment)."""

    minutes: int
    acuity_class: str
    pediatric: bool
    requires_driver: bool
    urgency: str  # same_day | planned
    window_from: datetime | None = None
    window_to: datetime | None = None
    prep_minutes: int | None = None  # pharmacy preparation (None: unknown)
    prep_limited: bool = False  # the clinic's pharmacy is configured (hoods and pharmacists)
    high_acuity_chair: bool = False  # a high-acuity first dose (BookingPolicy)


def prep_lead(need: Need, policy: BookingPolicy) -> int:
    """Minutes from now until the drugs can be ready: the order's own preparation when the
    pharmacy is a limited resource (the hoods are then checked by slot search), else the fixed
    lead (no pharmacy configured, or an order that did not say)."""
    return lead_minutes(need.prep_minutes, need.prep_limited, policy)


def lead_minutes(prep_minutes: int | None, prep_limited: bool, policy: BookingPolicy) -> int:
    """``prep_lead`` of an order's preparation minutes (None: it did not say)."""
    if prep_limited and prep_minutes is not None:
        return prep_minutes
    return policy.prep_lead_minutes


def ready_time(need: Need, now: datetime, policy: BookingPolicy) -> datetime:
    """Earliest start: pharmacy prep for the drugs, and never before the requested window."""
    ready = now + timedelta(minutes=prep_lead(need, policy))
    if need.window_from is not None and need.window_from > ready:
        ready = need.window_from
    return ready


def planned_span(need: Need, now: datetime, policy: BookingPolicy
                 ) -> tuple[datetime, datetime] | None:
    """When a planned need may start (ready) and must end by (its window's end, else the
    planning horizon); None when that leaves no time."""
    not_before = ready_time(need, now, policy)
    not_after = need.window_to
    if not_after is None:
        not_after = now + timedelta(days=policy.planned_horizon_days)
    return None if not_after <= not_before else (not_before, not_after)


def request_for(need: Need, now: datetime, policy: BookingPolicy, *, limit: int = 1,
                day_end: datetime | None = None) -> SlotRequest | None:
    """The slot request for a need; a same-day need must fit today (ends by ``day_end``).

    None when nothing can fit: the window closes before the drugs can be ready (or, same day,
    the day ends first, e.g. a same-day order whose requested window starts tomorrow). That is
    an outcome (the order waits), not an error: an event handler that raised would be retried
    and dead-lettered."""
    not_before = ready_time(need, now, policy)
    not_after: datetime | None
    if need.urgency == "same_day":
        not_after = need.window_to
        if not_after is None or (day_end and day_end < not_after):
            not_after = day_end
        if not_after is not None and not_after <= not_before:
            return None
    else:
        span = planned_span(need, now, policy)
        if span is None:
            return None
        not_before, not_after = span
    return SlotRequest(minutes=need.minutes, acuity_class=need.acuity_class,
                       pediatric=need.pediatric, requires_driver=need.requires_driver,
                       not_before=not_before, not_after=not_after,
                       limit=limit, overtime_minutes=policy.booking_overtime_minutes,
                       prep_minutes=need.prep_minutes or 0, prep_from=now,
                       high_acuity_chair=need.high_acuity_chair)


# --------------------------------------------------------------------------- same-day queue
def queue_order(entries: Iterable[Appointment], now: datetime,
                rule: TriageRule) -> list[Appointment]:
    """The waiting same-day requests in triage order at ``now`` (domain/triage.py)."""
    return triage_order((e for e in entries if e.status is Status.QUEUED), now, rule)


def offer_freed_capacity(state: DayState, queue: Iterable[Appointment], now: datetime,
                         policy: BookingPolicy, rule: TriageRule
                         ) -> list[tuple[Appointment, Slot]]:
    """Place queued same-day requests into today's free capacity in triage order at ``now``
    (the highest score that fits is placed first; one that does not fit leaves the time to
    the next).

    Each placement is added to ``state`` before the next entry is tried, so two entries never
    get the same chair time. Entries that still do not fit stay queued.
    """
    placed: list[tuple[Appointment, Slot]] = []
    day_end = state.frame.at(state.frame.close)
    for entry in queue_order(queue, now, rule):
        not_before = max(now, entry.ready_at or now)
        if entry.window_from and entry.window_from > not_before:
            not_before = entry.window_from
        not_after = min(day_end, entry.window_to) if entry.window_to else day_end
        if not_after <= not_before:
            continue
        req = SlotRequest(minutes=entry.minutes, acuity_class=entry.acuity_class,
                          pediatric=entry.pediatric, requires_driver=entry.requires_driver,
                          not_before=not_before, not_after=not_after, limit=1,
                          overtime_minutes=policy.booking_overtime_minutes,
                          prep_minutes=entry.prep_minutes, prep_from=now,
                          high_acuity_chair=entry.high_acuity_chair)
        slots = find_slots(state, req, policy)
        if not slots:
            continue
        slot = slots[0]
        frame = state.frame
        state.add(Visit(id=str(entry.id), chair_id=slot.chair_id,
                        start=frame.minute_floor(slot.start), end=frame.minute_ceil(slot.end),
                        acuity_class=entry.acuity_class, pediatric=entry.pediatric,
                        prep_minutes=entry.prep_minutes,
                        high_acuity_chair=entry.high_acuity_chair))
        placed.append((entry, slot))
    return placed
