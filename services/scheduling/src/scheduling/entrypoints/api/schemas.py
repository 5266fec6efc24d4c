"""HTTP request/response models for the Scheduling API (contract: shared/api.md, Scheduling).

Kept apart from the tables and the event contracts on purpose: the public shape may differ.
Times are RFC 3339 with offset (aware datetimes only); ids are UUIDs except chair ids, which
are short staff-chosen codes ("c01").
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from chairside_shared.inputs import Day, Instant
from scheduling.entrypoints.api.queue_schemas import TriageOut

ChairId = str  # short code chosen by staff
Minutes = int
AcuityKey = Annotated[str, Field(min_length=1, max_length=40)]


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --------------------------------------------------------------------------- slots
class SlotOut(Schema):
    chair_id: ChairId
    start: AwareDatetime
    end: AwareDatetime


class SlotQuery(Schema):
    minutes: int = Field(gt=0, le=24 * 60)
    acuity_class: str = "standard"
    from_: Instant | None = Field(default=None, alias="from")
    to: Instant | None = None
    pediatric: bool = False
    requires_driver: bool = False
    limit: int = Field(default=10, ge=1, le=200)
    prep_minutes: int = Field(default=0, ge=0, le=240, description=(
        "pharmacy preparation finishing at the start; when the pharmacy is configured, only "
        "starts whose preparation finds a staffed hood (from now on) are offered"))

    @model_validator(mode="after")
    def _window(self) -> SlotQuery:
        if self.from_ and self.to and self.to <= self.from_:
            raise ValueError("'to' must be after 'from'")
        return self


# --------------------------------------------------------------------------- appointments
Status = Literal["queued", "held", "booked", "checked_in", "in_chair", "completed",
                 "cancelled", "no_show"]


class AppointmentCreate(Schema):
    order_id: UUID
    chair_id: ChairId | None = None  # none: the first free chair at that start
    start: Instant


class AppointmentMove(Schema):
    start: Instant
    chair_id: ChairId | None = None


class CancelBody(Schema):
    reason: str = Field(default="staff", min_length=1, max_length=200)


class ShiftOfferOut(Schema):
    from_position: int
    days: int
    reason: Literal["visit_moved", "visit_cancelled"]
    how: str = "POST /v1/series/{id}/shift with these days and from_position"


class AppointmentOut(Schema):
    id: UUID
    order_id: UUID | None
    practice_id: str | None
    status: Status
    chair_id: ChairId | None
    start: AwareDatetime | None
    end: AwareDatetime | None
    minutes: int
    acuity_class: str
    pediatric: bool
    requires_driver: bool
    urgency: Literal["same_day", "planned"]
    requested_start: AwareDatetime | None = None
    hold_expires_at: AwareDatetime | None = None
    queued_at: AwareDatetime | None = None
    reason: str | None = None
    version: int
    started_at: AwareDatetime | None = Field(None, description="actual start (in the chair)")
    completed_at: AwareDatetime | None = Field(None, description="actual end")
    series_id: UUID | None = Field(None, description="the series its order belongs to "
                                   "(GET /v1/appointments/{id} only)")
    paused_by_reactions: list[UUID] = Field(
        default_factory=list, description="RX-6: reactions holding its series until a "
        "provider clears them (GET /v1/appointments/{id} only); check-in and start are refused")
    series_shift_offer: ShiftOfferOut | None = Field(
        None, description="after a move or cancel of a series visit: the shift of the rest "
        "the series now offers (the same as GET /v1/series/{series_id}); null otherwise")


class WarningOut(Schema):
    code: str
    message: str


class CheckInOut(AppointmentOut):
    """The checked-in appointment, with what staff must still do (e.g. ``escort_missing``)."""

    warnings: list[WarningOut] = []


class AppointmentPage(Schema):
    items: list[AppointmentOut]
    next_cursor: str | None = None


class SlotTakenProblem(Schema):
    """409 body extension (problem+json): why, and the next feasible options."""

    type: str
    title: str
    status: int = 409
    detail: str
    reasons: list[dict[str, str]] = []
    next_options: list[SlotOut] = []


class QueueItemOut(AppointmentOut):
    """A queued same-day request and its triage priority at the moment asked."""

    triage: TriageOut


# --------------------------------------------------------------------------- board
class BoardAppointment(Schema):
    id: UUID
    order_id: UUID | None
    status: Status
    start: AwareDatetime
    end: AwareDatetime
    acuity_class: str


class BoardChair(Schema):
    chair_id: ChairId
    kind: str
    pediatric_capable: bool
    active: bool
    appointments: list[BoardAppointment]


class LoadBucketOut(Schema):
    start: AwareDatetime
    end: AwareDatetime
    nurses_available: int
    capacity_units: int
    peak_load_units: int
    peak_patients: int
    starts: int
    load_ratio: float | None


class UtilizationOut(Schema):
    booked_chair_minutes: int
    available_chair_minutes: int
    ratio: float
    overtime_minutes: int
    actual_chair_minutes: int = Field(
        0, description="chair minutes of started visits, actual start to actual end (or now)")
    actual_ratio: float = Field(0.0, description="actual chair minutes / available")
    booked_minutes_of_started: int = Field(
        0, description="what the started visits were booked for")
    actual_to_booked: float | None = Field(
        None, description="actual / booked minutes of started visits")


class UnplacedOut(Schema):
    """A signed order with no chair time: no room in its window when it was signed."""

    order_id: UUID
    practice_id: str | None
    urgency: str | None
    minutes: int | None
    acuity_class: str | None
    window_from: AwareDatetime | None
    window_to: AwareDatetime | None
    signed_at: AwareDatetime | None


class BoardOut(Schema):
    date: date
    open: AwareDatetime | None
    close: AwareDatetime | None
    closed: bool = False
    chairs: list[BoardChair]
    nurse_load: list[LoadBucketOut]
    utilization: UtilizationOut | None
    queue: list[QueueItemOut] = Field(
        default=[], description="Today's same-day requests in triage order (highest score first;"
        " rule: seed/triage.json), each with its priority and the parts of it")
    unplaced: list[UnplacedOut] = Field(
        default=[], description="Signed orders that found no room in their requested window "
        "and have no appointment yet: a worklist for staff to book by hand")


# --------------------------------------------------------------------------- optimizer
class Placement(Schema):
    chair_id: ChairId
    start: AwareDatetime
    end: AwareDatetime


class MoveOut(Schema):
    appointment_id: UUID
    from_: Placement = Field(alias="from")
    to: Placement

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class FiguresOut(Schema):
    visits: int
    makespan_minutes: int
    overtime_minutes: int
    total_wait_minutes: int
    mean_wait_minutes: float
    p90_wait_minutes: float
    chair_utilization: float


class NotPlannedOut(Schema):
    appointment_id: UUID
    reason: str = Field(description="no_capable_chair: no active chair takes it (pediatric, "
                                    "high-acuity first dose, or both); it stays where it is")


class OptimizeOut(Schema):
    date: date
    status: str  # optimal | feasible | infeasible | unknown | nothing_to_do
    applied: bool
    moves: list[MoveOut]
    before: FiguresOut | None
    after: FiguresOut | None
    solve_seconds: float
    objective: int | None = Field(
        default=None, description="The plan's cost: minutes of wait plus weighted overtime")
    lower_bound: int | None = Field(
        default=None, description="No plan of the same visits can cost less (solver bound or "
                                  "LP relaxation)")
    gap: float | None = Field(default=None, description="(objective - lower_bound) / objective; "
                                                        "0 when proven optimal")
    not_planned: list[NotPlannedOut] = Field(
        default_factory=list, description="Appointments the plan could not seat, with why")


# --------------------------------------------------------------------------- admin
class ChairIn(Schema):
    id: ChairId = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.-]+$")
    kind: str = Field(default="recliner", min_length=1, max_length=40)
    pediatric_capable: bool = False
    active: bool = True
    high_acuity_capable: bool = Field(
        default=False, description="takes a high-acuity first dose (the booking policy's "
                                   "classes, default 'high'); other visits may sit there too")


class ChairOut(ChairIn):
    pass


class BreakIn(Schema):
    start: Instant
    end: Instant


class NurseShiftIn(Schema):
    nurse_id: str = Field(min_length=1, max_length=60)
    start: Instant
    end: Instant
    breaks: list[BreakIn] = []


class NurseShiftOut(NurseShiftIn):
    id: UUID


class RatioPolicyIn(Schema):
    ratios: dict[AcuityKey, Annotated[int, Field(ge=1, le=20)]] = Field(
        min_length=1, description="acuity class -> max patients per nurse")
    setup_minutes: dict[AcuityKey, Annotated[int, Field(ge=0, le=240)]] = {}


class RatioPolicyOut(RatioPolicyIn):
    units_per_nurse: int
    state: str | None = None


# A time of day on the clinic's clock: no offset (the zone is the clinic's `timezone`), which
# JSON Schema's `time` format (RFC 3339, offset required) would demand.
LocalTime = Annotated[time, WithJsonSchema({
    "type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
    "description": "local time of day in the clinic's time zone, HH:MM[:SS]"})]


class WeekdayHours(Schema):
    weekday: int = Field(ge=0, le=6, description="0 = Monday")
    opens: LocalTime
    closes: LocalTime


class ClinicHoursIn(Schema):
    timezone: str = Field(min_length=1, max_length=64)
    state: str | None = Field(default=None, max_length=2)
    weekly: list[WeekdayHours]
    closed_dates: list[Day] = []


class ClinicHoursOut(ClinicHoursIn):
    updated_at: datetime | None = None
