"""The appointment and its lifecycle.

    queued ──place──▶ held ──confirm──▶ booked ──check_in──▶ checked_in ──start──▶ in_chair
                                                                                     │
                                                                          complete ──▶ completed
    queued / held / booked / checked_in ──cancel──▶ cancelled      booked ──no_show──▶ no_show

held, booked and checked_in may move (same status, ``appointment.moved``). Every change records an
event;
any other transition raises IllegalTransition (mapped to 409).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TypedDict, Unpack
from uuid import UUID, uuid4

from .errors import Conflict, IllegalTransition, InvalidInput


class Status(StrEnum):
    QUEUED = "queued"
    HELD = "held"
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    IN_CHAIR = "in_chair"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


# Statuses whose chair time is reserved (they block the chair and count for nurse load).
OCCUPYING = frozenset({Status.HELD, Status.BOOKED, Status.CHECKED_IN, Status.IN_CHAIR})
# An order's current claim on chair time: a live appointment, or a same-day request waiting in
# the queue (placing it turns that same appointment into a hold). One per order at most.
CURRENT = OCCUPYING | {Status.QUEUED}
# Statuses the day optimizer may re-plan: not started yet.
MOVABLE = frozenset({Status.HELD, Status.BOOKED, Status.CHECKED_IN})
TERMINAL = frozenset({Status.COMPLETED, Status.CANCELLED, Status.NO_SHOW})

_TRANSITIONS: dict[str, tuple[frozenset[Status], Status | None, str]] = {
    # action: (allowed from, resulting status (None = unchanged), event type)
    "place": (frozenset({Status.QUEUED}), Status.HELD, "appointment.held"),
    "confirm": (frozenset({Status.HELD}), Status.BOOKED, "appointment.booked"),
    # a checked-in patient who has not started may still be re-seated or re-timed
    "move": (frozenset({Status.HELD, Status.BOOKED, Status.CHECKED_IN}), None,
             "appointment.moved"),
    "check_in": (frozenset({Status.BOOKED}), Status.CHECKED_IN, "appointment.checked_in"),
    "start": (frozenset({Status.CHECKED_IN}), Status.IN_CHAIR, "appointment.started"),
    "complete": (frozenset({Status.IN_CHAIR}), Status.COMPLETED, "appointment.completed"),
    "cancel": (frozenset({Status.QUEUED, Status.HELD, Status.BOOKED, Status.CHECKED_IN}),
               Status.CANCELLED, "appointment.cancelled"),
    "no_show": (frozenset({Status.BOOKED}), Status.NO_SHOW, "appointment.no_show"),
}


@dataclass(frozen=True)
class AppointmentEvent:
    """Recorded by the aggregate; the unit of work turns it into an outbox row."""

    type: str
    appointment_id: UUID
    order_id: UUID | None
    practice_id: str | None
    chair_id: str | None
    start: datetime | None
    end: datetime | None
    status: Status
    hold_expires_at: datetime | None
    reason: str | None
    occurred_at: datetime


class Details(TypedDict, total=False):
    """What a new appointment may be given besides its length (the rest start empty)."""

    acuity_class: str
    pediatric: bool
    requires_driver: bool
    urgency: str
    order_id: UUID | None
    practice_id: str | None
    requested_start: datetime | None
    window_from: datetime | None
    window_to: datetime | None
    ready_at: datetime | None
    prep_minutes: int
    queued_at: datetime | None
    priority: int
    triage_category: str | None
    headache_hours: int | None
    reason: str | None
    high_acuity_chair: bool


@dataclass
class Appointment:
    id: UUID
    status: Status
    minutes: int
    acuity_class: str = "standard"
    pediatric: bool = False
    requires_driver: bool = False
    urgency: str = "planned"  # same_day | planned
    high_acuity_chair: bool = False  # a high-acuity first dose: a chair that allows it
    order_id: UUID | None = None
    practice_id: str | None = None
    chair_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    requested_start: datetime | None = None  # what "wait" is measured from
    window_from: datetime | None = None
    window_to: datetime | None = None
    ready_at: datetime | None = None  # pharmacy prep done; no start before this
    prep_minutes: int = 0  # pharmacy preparation finishing at the start (holds a hood)
    hold_expires_at: datetime | None = None
    queued_at: datetime | None = None
    # Same-day triage (domain/triage.py): the effective category and the attack's length as the
    # order stated them; ``priority`` = the clinical points (category + pediatric) the request
    # was triaged with when it joined the queue. The queue's order is recomputed at each moment
    # (those points plus aging) under the rule in force.
    priority: int = 0
    triage_category: str | None = None
    headache_hours: int | None = None
    reason: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    version: int = 0
    events: list[AppointmentEvent] = field(default_factory=list, repr=False)

    # ------------------------------------------------------------------ creation
    @classmethod
    def new(cls, *, minutes: int, now: datetime, **fields: Unpack[Details]) -> Appointment:
        if minutes <= 0:
            raise InvalidInput("minutes must be > 0", field="minutes")
        appt = cls(id=uuid4(), status=Status.QUEUED, minutes=minutes, **fields)
        appt.queued_at = appt.queued_at or now
        return appt

    @classmethod
    def queued(cls, *, minutes: int, now: datetime, **fields: Unpack[Details]) -> Appointment:
        appt = cls.new(minutes=minutes, now=now, **fields)
        appt._record("appointment.queued", now)
        return appt

    @classmethod
    def held(cls, *, minutes: int, now: datetime, chair_id: str, start: datetime,
             end: datetime, hold_expires_at: datetime | None,
             **fields: Unpack[Details]) -> Appointment:
        appt = cls.new(minutes=minutes, now=now, **fields)
        appt.place(chair_id=chair_id, start=start, end=end, hold_expires_at=hold_expires_at,
                   now=now)
        return appt

    # ------------------------------------------------------------------ transitions
    def place(self, *, chair_id: str, start: datetime, end: datetime,
              hold_expires_at: datetime | None, now: datetime) -> None:
        self._check("place")
        self._set_slot(chair_id, start, end)
        self.hold_expires_at = hold_expires_at
        self._go("place", now)

    def confirm(self, now: datetime) -> None:
        self._check("confirm")
        self.hold_expires_at = None
        self._go("confirm", now)

    def wait_for(self, reason: str, now: datetime) -> None:
        """A hold kept, without expiry, until ``reason`` is resolved (e.g. the visit is outside
        its order's prior authorization): never confirmed meanwhile."""
        if self.status is not Status.HELD:
            raise IllegalTransition(self.id, self.status, "wait")
        self.reason, self.hold_expires_at = reason, None
        self._record("appointment.held", now)

    def move(self, *, chair_id: str, start: datetime, end: datetime, now: datetime) -> None:
        self._check("move")
        self._set_slot(chair_id, start, end)
        self._go("move", now)

    def check_in(self, now: datetime) -> None:
        self._check("check_in")
        self._go("check_in", now)

    def start_visit(self, now: datetime) -> None:
        self._check("start")
        self.started_at = now
        self._go("start", now)

    def complete(self, now: datetime) -> bool:
        """Finish the visit; returns True when it ended early and freed chair time."""
        self._check("complete")
        self.completed_at = now
        freed = self.end is not None and now < self.end
        if freed:
            self.end = max(now, self.start) if self.start else now
        self._go("complete", now)
        return freed

    def cancel(self, reason: str, now: datetime) -> None:
        self._check("cancel")
        self.reason = reason
        self.hold_expires_at = None
        self._go("cancel", now)

    def mark_no_show(self, now: datetime) -> None:
        self._check("no_show")
        self._go("no_show", now)

    def expire_hold(self, now: datetime) -> None:
        if self.status is not Status.HELD or self.hold_expires_at is None:
            raise IllegalTransition(self.id, self.status, "expire_hold")
        if now < self.hold_expires_at:
            raise Conflict(f"hold on appointment {self.id} has not expired yet")
        self.cancel("hold_expired", now)

    # ------------------------------------------------------------------ helpers
    @property
    def occupies(self) -> bool:
        return self.status in OCCUPYING

    def can(self, action: str) -> bool:
        return self.status in _TRANSITIONS[action][0]

    def _check(self, action: str) -> None:
        if not self.can(action):
            raise IllegalTransition(self.id, self.status, action)

    def _set_slot(self, chair_id: str, start: datetime, end: datetime) -> None:
        if end <= start:
            raise InvalidInput("end must be after start", field="start")
        self.chair_id, self.start, self.end = chair_id, start, end

    def _go(self, action: str, now: datetime) -> None:
        _, target, event_type = _TRANSITIONS[action]
        if target is not None:
            self.status = target
        self._record(event_type, now)

    def _record(self, event_type: str, now: datetime) -> None:
        self.version += 1
        self.events.append(AppointmentEvent(
            type=event_type, appointment_id=self.id, order_id=self.order_id,
            practice_id=self.practice_id, chair_id=self.chair_id, start=self.start,
            end=self.end, status=self.status, hold_expires_at=self.hold_expires_at,
            reason=self.reason, occurred_at=now,
        ))
