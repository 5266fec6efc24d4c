"""HTTP models of series booking (kept apart from the tables and the event contracts)."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field

from chairside_shared.inputs import Day
from scheduling.entrypoints.api.schemas import AppointmentOut, Schema, ShiftOfferOut, SlotOut


class ConsecutiveDays(Schema):
    kind: Literal["consecutive_days"]


class DayOffsets(Schema):
    kind: Literal["day_offsets"]
    offsets: list[Annotated[int, Field(ge=0, le=366)]] = Field(
        min_length=2, max_length=10,
        description="days after the first, one per order, strictly increasing, from 0")


PatternIn = Annotated[ConsecutiveDays | DayOffsets, Field(discriminator="kind")]


class WindowIn(Schema):
    from_: time = Field(alias="from", description="local time of day: the earliest start")
    to: time = Field(description="local time of day: the latest start")


class SeriesCreate(Schema):
    order_ids: list[UUID] = Field(min_length=2, max_length=10,
                                  description="signed orders of one patient, in dose order")
    pattern: PatternIn | None = Field(
        default=None, description="omitted: the course the first order's dose starts, as "
                                  "the orders catalog names it (order.signed series), e.g. "
                                  "day 1 and day 15, or 2-5 consecutive days")
    first_day: Day
    window: WindowIn
    allow_closed_day_gap: bool = Field(
        default=False, description="skip closed days (a weekend) inside consecutive days; "
                                   "only when the protocol allows it")


class SeriesShift(Schema):
    days: int = Field(ge=-28, le=28, description="clinic days later (or earlier), not 0")
    from_position: int | None = Field(
        default=None, ge=1, le=10,
        description="the first visit to shift; default: the one the series offers")


class WindowOut(Schema):
    from_: time = Field(alias="from")
    to: time


class PatternOut(Schema):
    kind: Literal["consecutive_days", "day_offsets"]
    offsets: list[int] = []


class SeriesVisitOut(Schema):
    position: int
    order_id: UUID
    planned_day: date
    day: date | None = Field(description="the local day its appointment is on now")
    status: str = Field(description="the appointment's status, 'paused' while an RX-6 hold "
                                    "is open and the visit has not started, or 'unbooked'")
    appointment: AppointmentOut | None


class SeriesOut(Schema):
    id: UUID
    patient_id: UUID
    practice_id: str
    pattern: PatternOut
    first_day: date
    window: WindowOut
    allow_closed_day_gap: bool
    paused: bool
    held_by_reactions: list[UUID]
    visits: list[SeriesVisitOut]
    shift_offer: ShiftOfferOut | None = None


class SeriesVisitSlot(Schema):
    position: int
    chair_id: str
    start: str
    end: str


class SeriesAlternative(Schema):
    first_day: date
    visits: list[SeriesVisitSlot]


class SeriesFailure(Schema):
    position: int
    day: date
    reason: str
    blocked_by: list[str] = []


class SeriesInfeasibleProblem(Schema):
    """409 body extension (problem+json): the visit and day that failed, and the next first
    days on which the whole course fits; nothing was booked."""

    type: str
    title: str
    status: int = 409
    detail: str
    failed: SeriesFailure
    alternatives: list[SeriesAlternative] = []


__all__ = ["SeriesCreate", "SeriesOut", "SeriesShift", "SlotOut"]
