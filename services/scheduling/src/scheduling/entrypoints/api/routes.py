"""Scheduling routes: slots, appointments, board and optimizer (shared/api.md, Scheduling).

Routes only translate HTTP to a handler or query call (service/handlers.py, queries.py); each
write runs in one unit of work that the handler commits, state and events together.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Query, status

from chairside_shared.inputs import Day
from scheduling.domain.appointment import Appointment
from scheduling.domain.daystate import Visit
from scheduling.domain.slots import SlotRequest
from scheduling.domain.triage import Priority
from scheduling.entrypoints.api import schemas as s
from scheduling.entrypoints.api.deps import NowDep, UoWDep
from scheduling.entrypoints.api.queue_schemas import TriageOut
from scheduling.service import handlers, queries, series_handlers
from scheduling.service.uow import SchedulingUnitOfWork

router = APIRouter(prefix="/v1", tags=["scheduling"])


def appointment_out(a: Appointment) -> s.AppointmentOut:
    return s.AppointmentOut(
        id=a.id, order_id=a.order_id, practice_id=a.practice_id, status=a.status,
        chair_id=a.chair_id, start=a.start, end=a.end, minutes=a.minutes,
        acuity_class=a.acuity_class, pediatric=a.pediatric, requires_driver=a.requires_driver,
        urgency=a.urgency, requested_start=a.requested_start, hold_expires_at=a.hold_expires_at,
        queued_at=a.queued_at, reason=a.reason, version=a.version, started_at=a.started_at,
        completed_at=a.completed_at)


def queue_item_out(a: Appointment, p: Priority, rank: int, bound: int) -> s.QueueItemOut:
    return s.QueueItemOut(**appointment_out(a).model_dump(), triage=TriageOut(
        rank=rank, score=p.score, category=p.category, headache_hours=a.headache_hours,
        category_points=p.category_points, pediatric_points=p.pediatric_points,
        clinical_points=p.clinical_points, waited_minutes=p.waited_minutes,
        aging_points=p.aging_points, rule_version=p.rule_version, bound_minutes=bound))


@router.get("/slots", response_model=list[s.SlotOut], summary="Earliest feasible slots")
async def get_slots(uow: UoWDep, now: NowDep,
                    q: Annotated[s.SlotQuery, Query()]) -> list[s.SlotOut]:
    req = SlotRequest(minutes=q.minutes, acuity_class=q.acuity_class, pediatric=q.pediatric,
                      requires_driver=q.requires_driver, limit=q.limit,
                      prep_minutes=q.prep_minutes)
    slots = await queries.search_slots(uow=uow, request=req, start=q.from_, end=q.to, now=now)
    return [s.SlotOut(chair_id=x.chair_id, start=x.start, end=x.end) for x in slots]


@router.get("/appointments", response_model=s.AppointmentPage)
async def list_appointments(
    uow: UoWDep, date_: Annotated[Day | None, Query(alias="date")] = None,
    order_id: UUID | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 100,
    cursor: UUID | None = None,
) -> s.AppointmentPage:
    items = await queries.list_appointments(uow=uow, day=date_, order_id=order_id,
                                            after=cursor, limit=limit)
    nxt = str(items[-1].id) if len(items) == limit else None
    return s.AppointmentPage(items=[appointment_out(a) for a in items], next_cursor=nxt)


@router.post("/appointments", response_model=s.AppointmentOut,
             status_code=status.HTTP_201_CREATED,
             responses={409: {"model": s.SlotTakenProblem}})
async def create_appointment(body: s.AppointmentCreate, uow: UoWDep,
                             now: NowDep) -> s.AppointmentOut:
    return appointment_out(await handlers.book_appointment(
        uow=uow, order_id=body.order_id, start=body.start, chair_id=body.chair_id, now=now))


@router.get("/appointments/{appt_id}", response_model=s.AppointmentOut)
async def get_appointment(appt_id: UUID, uow: UoWDep) -> s.AppointmentOut:
    appt, series_id, held = await series_handlers.appointment_in_series(uow=uow, appt_id=appt_id)
    return appointment_out(appt).model_copy(update={"series_id": series_id,
                                                    "paused_by_reactions": held})


@router.post("/appointments/{appt_id}/move", response_model=s.AppointmentOut,
             responses={409: {"model": s.SlotTakenProblem}})
async def move_appointment(appt_id: UUID, body: s.AppointmentMove, uow: UoWDep,
                           now: NowDep) -> s.AppointmentOut:
    moved = await handlers.move_appointment(
        uow=uow, appt_id=appt_id, start=body.start, chair_id=body.chair_id, now=now)
    return await _with_series_offer(uow, moved)


@router.post("/appointments/{appt_id}/check-in", response_model=s.CheckInOut,
             responses={409: {"description": "outside the check-in window, or not booked"}})
async def check_in(appt_id: UUID, uow: UoWDep, now: NowDep) -> s.CheckInOut:
    appt, warnings = await handlers.check_in(uow=uow, appt_id=appt_id, now=now)
    return s.CheckInOut(**appointment_out(appt).model_dump(),
                        warnings=[s.WarningOut(code=w.code, message=w.message)
                                  for w in warnings])


@router.post("/appointments/{appt_id}/start", response_model=s.AppointmentOut)
async def start(appt_id: UUID, uow: UoWDep, now: NowDep) -> s.AppointmentOut:
    return appointment_out(await handlers.start_visit(uow=uow, appt_id=appt_id, now=now))


@router.post("/appointments/{appt_id}/complete", response_model=s.AppointmentOut)
async def complete(appt_id: UUID, uow: UoWDep, now: NowDep) -> s.AppointmentOut:
    return appointment_out(await handlers.complete(uow=uow, appt_id=appt_id, now=now))


@router.post("/appointments/{appt_id}/cancel", response_model=s.AppointmentOut)
async def cancel(appt_id: UUID, uow: UoWDep, now: NowDep,
                 body: Annotated[s.CancelBody | None, Body()] = None) -> s.AppointmentOut:
    reason = body.reason if body else "staff"
    cancelled = await handlers.cancel(uow=uow, appt_id=appt_id, reason=reason, now=now)
    return await _with_series_offer(uow, cancelled)


async def _with_series_offer(uow: SchedulingUnitOfWork, appt: Appointment) -> s.AppointmentOut:
    series_id, offer = await series_handlers.offer_after_change(uow=uow, appt=appt)
    if series_id is None:
        return appointment_out(appt)
    return appointment_out(appt).model_copy(update={
        "series_id": series_id,
        "series_shift_offer": s.ShiftOfferOut(from_position=offer.from_position,
                                              days=offer.days, reason=offer.reason)
        if offer else None})


@router.post("/appointments/{appt_id}/no-show", response_model=s.AppointmentOut)
async def no_show(appt_id: UUID, uow: UoWDep, now: NowDep) -> s.AppointmentOut:
    return appointment_out(await handlers.no_show(uow=uow, appt_id=appt_id, now=now))


@router.get("/board", response_model=s.BoardOut)
async def get_board(uow: UoWDep, now: NowDep,
                    date_: Annotated[Day, Query(alias="date")]) -> s.BoardOut:
    b = await queries.day_board(uow=uow, day=date_, now=now)
    bound = queries.triage_bound_minutes()
    chairs = [s.BoardChair(chair_id=c.id, kind=c.kind, pediatric_capable=c.pediatric_capable,
                           active=c.active, appointments=[
                               s.BoardAppointment(id=a.id, order_id=a.order_id, status=a.status,
                                                  start=a.start, end=a.end,
                                                  acuity_class=a.acuity_class) for a in appts])
              for c, appts in b.chairs]
    return s.BoardOut(
        date=date_, open=b.frame.open_at if b.frame else None,
        close=b.frame.close_at if b.frame else None, closed=b.frame is None, chairs=chairs,
        nurse_load=[s.LoadBucketOut(**vars(x)) for x in b.buckets],
        utilization=s.UtilizationOut(**vars(b.utilization)) if b.utilization else None,
        queue=[queue_item_out(a, p, rank, bound)
               for rank, (a, p) in enumerate(b.queue, start=1)],
        unplaced=[s.UnplacedOut(order_id=u.order_id, practice_id=u.practice_id,
                                urgency=u.urgency, minutes=u.minutes,
                                acuity_class=u.acuity_class, window_from=u.window_from,
                                window_to=u.window_to, signed_at=u.signed_at)
                  for u in b.unplaced])


@router.post("/schedule/optimize", response_model=s.OptimizeOut)
async def optimize(uow: UoWDep, now: NowDep, date_: Annotated[Day, Query(alias="date")],
                   apply: bool = False) -> s.OptimizeOut:
    res = await handlers.optimize_day(uow=uow, day=date_, apply=apply, now=now)
    frame = res.frame

    def placement(v: Visit) -> s.Placement:
        return s.Placement(chair_id=v.chair_id, start=frame.at(v.start), end=frame.at(v.end))
    return s.OptimizeOut(
        date=date_, status=res.status, applied=res.applied, solve_seconds=res.solve_seconds,
        objective=res.objective, lower_bound=res.lower_bound, gap=res.gap,
        moves=[s.MoveOut(appointment_id=m.appointment.id, from_=placement(m.before),
                         to=placement(m.after)) for m in res.moves],
        before=s.FiguresOut(**vars(res.before)) if res.before else None,
        after=s.FiguresOut(**vars(res.after)) if res.after else None,
        not_planned=[s.NotPlannedOut(appointment_id=UUID(i), reason=r)
                     for i, r in sorted(res.unplaced.items())])
