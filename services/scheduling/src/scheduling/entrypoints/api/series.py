"""Series routes (issue 16): book a course in one decision, read it, shift it.

Routes only translate HTTP to a handler call (service/series_handlers.py)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status

from scheduling.domain.course import visit_status
from scheduling.domain.series import Pattern, Window
from scheduling.entrypoints.api import series_schemas as s
from scheduling.entrypoints.api.deps import NowDep, UoWDep
from scheduling.entrypoints.api.routes import appointment_out
from scheduling.service import series_handlers
from scheduling.service.series import SeriesView

router = APIRouter(prefix="/v1", tags=["scheduling"])
INFEASIBLE = {409: {"model": s.SeriesInfeasibleProblem,
                    "description": "a visit has no room: nothing booked; next first days"}}


def series_out(v: SeriesView) -> s.SeriesOut:
    x, paused = v.series, bool(v.held_by)
    visits = []
    for visit in x.visits:
        appt = v.appointments.get(visit.order_id)
        visits.append(s.SeriesVisitOut(
            position=visit.position, order_id=visit.order_id, planned_day=visit.day,
            day=v.local_days.get(visit.order_id), status=visit_status(appt, paused),
            appointment=appointment_out(appt) if appt else None))
    offer = v.offer
    return s.SeriesOut(
        id=x.id, patient_id=x.patient_id, practice_id=x.practice_id,
        pattern=s.PatternOut(kind=x.pattern.kind, offsets=list(x.pattern.offsets)),
        first_day=x.first_day, window=s.WindowOut(from_=x.window.start, to=x.window.end),
        allow_closed_day_gap=x.allow_closed_day_gap, paused=paused,
        held_by_reactions=v.held_by, visits=visits,
        shift_offer=s.ShiftOfferOut(from_position=offer.from_position, days=offer.days,
                                    reason=offer.reason)
        if offer else None)


@router.post("/series", response_model=s.SeriesOut, status_code=status.HTTP_201_CREATED,
             responses=INFEASIBLE,  # type: ignore[arg-type]
             summary="Book a course (2-5 consecutive clinic days or day offsets) in one "
                     "decision: every visit or none; 409 names the failed day and the next "
                     "feasible first days")
async def create_series(body: s.SeriesCreate, uow: UoWDep, now: NowDep) -> s.SeriesOut:
    pattern = None
    if body.pattern is not None:
        offsets = tuple(body.pattern.offsets) if isinstance(body.pattern, s.DayOffsets) else ()
        pattern = Pattern(body.pattern.kind, offsets)
    return series_out(await series_handlers.book_series(
        uow=uow, order_ids=body.order_ids, pattern=pattern,
        first_day=body.first_day, window=Window(body.window.from_, body.window.to),
        allow_closed_day_gap=body.allow_closed_day_gap, now=now))


@router.get("/series/{series_id}", response_model=s.SeriesOut,
            summary="A series: its visits and their statuses (paused under an RX-6 hold), "
                    "and the shift it offers once a visit was moved or cancelled")
async def get_series(series_id: UUID, uow: UoWDep) -> s.SeriesOut:
    return series_out(await series_handlers.get_series(uow=uow, series_id=series_id))


@router.post("/series/{series_id}/shift", response_model=s.SeriesOut,
             responses=INFEASIBLE,  # type: ignore[arg-type]
             summary="Shift the rest of a series by n days (the offer of GET after a visit "
                     "was moved or cancelled): every visit from from_position moved, a "
                     "cancelled one booked again, in the same window; all or none")
async def shift_series(series_id: UUID, body: s.SeriesShift, uow: UoWDep,
                       now: NowDep) -> s.SeriesOut:
    return series_out(await series_handlers.shift_series(
        uow=uow, series_id=series_id, days=body.days, from_position=body.from_position,
        now=now))
