"""Admin routes: chairs, nurse shifts, ratio policy and clinic hours.

Bad configuration answers 422 and stores nothing: overlapping shifts of one nurse, breaks
outside their shift, unknown time zones, ratios below 1.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated
from uuid import UUID, uuid4

from fastapi import APIRouter, Query, Response, status

from chairside_shared.inputs import Instant
from scheduling.domain.clinic import Break, Chair, ClinicHours, NurseShift, RatioPolicy
from scheduling.domain.errors import InvalidInput
from scheduling.entrypoints.api import schemas as s
from scheduling.entrypoints.api.deps import UoWDep
from scheduling.service import handlers, queries

router = APIRouter(prefix="/v1", tags=["scheduling admin"])


@router.get("/chairs", response_model=list[s.ChairOut])
async def list_chairs(uow: UoWDep) -> list[s.ChairOut]:
    return [s.ChairOut(**vars(c)) for c in await queries.chairs(uow=uow)]


@router.put("/chairs/{chair_id}", response_model=s.ChairOut)
async def put_chair(chair_id: str, body: s.ChairIn, uow: UoWDep) -> s.ChairOut:
    if body.id != chair_id:
        raise InvalidInput("id in the body must match the path", field="id")
    chair = await handlers.save_chair(uow=uow, chair=Chair(**body.model_dump()))
    return s.ChairOut(**vars(chair))


@router.post("/chairs", response_model=s.ChairOut, status_code=status.HTTP_201_CREATED)
async def post_chair(body: s.ChairIn, uow: UoWDep) -> s.ChairOut:
    return await put_chair(body.id, body, uow)


def _shift_out(x: NurseShift) -> s.NurseShiftOut:
    return s.NurseShiftOut(id=UUID(x.id), nurse_id=x.nurse_id, start=x.start, end=x.end,
                           breaks=[s.BreakIn(start=b.start, end=b.end) for b in x.breaks])


@router.get("/nurse-shifts", response_model=list[s.NurseShiftOut])
async def list_shifts(uow: UoWDep,
                      from_: Annotated[Instant | None, Query(alias="from")] = None,
                      to: Instant | None = None) -> list[s.NurseShiftOut]:
    lo = from_ or datetime.now(UTC) - timedelta(days=1)
    hi = to or lo + timedelta(days=14)
    return [_shift_out(x) for x in await queries.nurse_shifts(uow=uow, start=lo, end=hi)]


@router.post("/nurse-shifts", response_model=s.NurseShiftOut,
             status_code=status.HTTP_201_CREATED)
async def post_shift(body: s.NurseShiftIn, uow: UoWDep) -> s.NurseShiftOut:
    shift = NurseShift(id=str(uuid4()), nurse_id=body.nurse_id, start=body.start, end=body.end,
                       breaks=tuple(Break(b.start, b.end) for b in body.breaks))
    return _shift_out(await handlers.add_shift(uow=uow, shift=shift))


@router.delete("/nurse-shifts/{shift_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_shift(shift_id: UUID, uow: UoWDep) -> Response:
    await handlers.delete_shift(uow=uow, shift_id=shift_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _policy_out(p: RatioPolicy, state: str | None) -> s.RatioPolicyOut:
    return s.RatioPolicyOut(ratios=p.ratios, setup_minutes=p.setup_minutes,
                            units_per_nurse=p.units_per_nurse, state=state)


@router.get("/ratio-policy", response_model=s.RatioPolicyOut)
async def get_ratio_policy(uow: UoWDep) -> s.RatioPolicyOut:
    return _policy_out(*await queries.ratio_policy(uow=uow))


@router.put("/ratio-policy", response_model=s.RatioPolicyOut)
async def put_ratio_policy(body: s.RatioPolicyIn, uow: UoWDep) -> s.RatioPolicyOut:
    setup = {name: body.setup_minutes.get(name, 15) for name in body.ratios}
    policy = RatioPolicy(ratios=dict(body.ratios), setup_minutes=setup)
    extra = set(body.setup_minutes) - set(body.ratios)
    if extra:
        raise InvalidInput(f"set-up minutes for unknown classes {sorted(extra)}",
                           field="setup_minutes")
    return _policy_out(policy, await handlers.save_ratio_policy(uow=uow, policy=policy))


def _hours_out(h: ClinicHours) -> s.ClinicHoursOut:
    return s.ClinicHoursOut(
        timezone=h.timezone, state=h.state, closed_dates=sorted(h.closed_dates),
        weekly=[s.WeekdayHours(weekday=d, opens=o, closes=c)
                for d, (o, c) in sorted(h.weekly.items())])


@router.get("/clinic-hours", response_model=s.ClinicHoursOut)
async def get_hours(uow: UoWDep) -> s.ClinicHoursOut:
    return _hours_out(await queries.clinic_hours(uow=uow))


@router.put("/clinic-hours", response_model=s.ClinicHoursOut)
async def put_hours(body: s.ClinicHoursIn, uow: UoWDep) -> s.ClinicHoursOut:
    days = [w.weekday for w in body.weekly]
    if len(days) != len(set(days)):
        raise InvalidInput("each weekday at most once", field="weekly")
    hours = ClinicHours(timezone=body.timezone, state=body.state.upper() if body.state else None,
                        weekly={w.weekday: (w.opens, w.closes) for w in body.weekly},
                        closed_dates=frozenset(body.closed_dates))
    return _hours_out(await handlers.save_clinic_hours(uow=uow, hours=hours))
