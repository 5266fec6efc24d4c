"""Admin routes: chairs, nurse shifts, ratio policy and clinic hours.

Bad configuration answers 422 and stores nothing: overlapping shifts of one nurse, breaks
outside their shift, unknown time zones, ratios below 1.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID, uuid4

from fastapi import APIRouter, Query, Response, status

from scheduling.domain.clinic import (
    Break,
    Chair,
    ClinicHours,
    NurseShift,
    RatioPolicy,
    validate_shifts,
)
from scheduling.domain.errors import InvalidInput, NotFound
from scheduling.entrypoints.api import schemas as s
from scheduling.entrypoints.api.deps import UoWDep

router = APIRouter(prefix="/v1", tags=["scheduling admin"])


@router.get("/chairs", response_model=list[s.ChairOut])
async def list_chairs(uow: UoWDep) -> list[s.ChairOut]:
    async with uow:
        return [s.ChairOut(**vars(c)) for c in await uow.config.chairs()]


@router.put("/chairs/{chair_id}", response_model=s.ChairOut)
async def put_chair(chair_id: str, body: s.ChairIn, uow: UoWDep) -> s.ChairOut:
    if body.id != chair_id:
        raise InvalidInput("id in the body must match the path", field="id")
    async with uow:
        await uow.config.save_chair(Chair(**body.model_dump()))
        await uow.commit()
    return s.ChairOut(**body.model_dump())


@router.post("/chairs", response_model=s.ChairOut, status_code=status.HTTP_201_CREATED)
async def post_chair(body: s.ChairIn, uow: UoWDep) -> s.ChairOut:
    return await put_chair(body.id, body, uow)


def _shift_out(x: NurseShift) -> s.NurseShiftOut:
    return s.NurseShiftOut(id=UUID(x.id), nurse_id=x.nurse_id, start=x.start, end=x.end,
                           breaks=[s.BreakIn(start=b.start, end=b.end) for b in x.breaks])


@router.get("/nurse-shifts", response_model=list[s.NurseShiftOut])
async def list_shifts(uow: UoWDep,
                      from_: Annotated[s.Instant | None, Query(alias="from")] = None,
                      to: s.Instant | None = None) -> list[s.NurseShiftOut]:
    from datetime import UTC, datetime, timedelta
    lo = from_ or datetime.now(UTC) - timedelta(days=1)
    hi = to or lo + timedelta(days=14)
    async with uow:
        return [_shift_out(x) for x in await uow.config.shifts(lo, hi)]


@router.post("/nurse-shifts", response_model=s.NurseShiftOut,
             status_code=status.HTTP_201_CREATED)
async def post_shift(body: s.NurseShiftIn, uow: UoWDep) -> s.NurseShiftOut:
    shift = NurseShift(id=str(uuid4()), nurse_id=body.nurse_id, start=body.start, end=body.end,
                       breaks=tuple(Break(b.start, b.end) for b in body.breaks))
    async with uow:
        validate_shifts([*await uow.config.shifts_of_nurse(body.nurse_id), shift])
        await uow.config.add_shift(shift)
        await uow.commit()
    return _shift_out(shift)


@router.delete("/nurse-shifts/{shift_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_shift(shift_id: UUID, uow: UoWDep) -> Response:
    async with uow:
        if not await uow.config.delete_shift(shift_id):
            raise NotFound(f"shift {shift_id} not found")
        await uow.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _policy_out(p: RatioPolicy, state: str | None) -> s.RatioPolicyOut:
    return s.RatioPolicyOut(ratios=p.ratios, setup_minutes=p.setup_minutes,
                            units_per_nurse=p.units_per_nurse, state=state)


@router.get("/ratio-policy", response_model=s.RatioPolicyOut)
async def get_ratio_policy(uow: UoWDep) -> s.RatioPolicyOut:
    async with uow:
        hours = await uow.config.hours()
        return _policy_out(await uow.config.ratio_policy(hours.state), hours.state)


@router.put("/ratio-policy", response_model=s.RatioPolicyOut)
async def put_ratio_policy(body: s.RatioPolicyIn, uow: UoWDep) -> s.RatioPolicyOut:
    setup = {name: body.setup_minutes.get(name, 15) for name in body.ratios}
    policy = RatioPolicy(ratios=dict(body.ratios), setup_minutes=setup)
    extra = set(body.setup_minutes) - set(body.ratios)
    if extra:
        raise InvalidInput(f"set-up minutes for unknown classes {sorted(extra)}",
                           field="setup_minutes")
    async with uow:
        await uow.config.save_ratio_policy(policy)
        hours = await uow.config.hours()
        await uow.commit()
    return _policy_out(policy, hours.state)


def _hours_out(h: ClinicHours) -> s.ClinicHoursOut:
    return s.ClinicHoursOut(
        timezone=h.timezone, state=h.state, closed_dates=sorted(h.closed_dates),
        weekly=[s.WeekdayHours(weekday=d, opens=o, closes=c)
                for d, (o, c) in sorted(h.weekly.items())])


@router.get("/clinic-hours", response_model=s.ClinicHoursOut)
async def get_hours(uow: UoWDep) -> s.ClinicHoursOut:
    async with uow:
        return _hours_out(await uow.config.hours())


@router.put("/clinic-hours", response_model=s.ClinicHoursOut)
async def put_hours(body: s.ClinicHoursIn, uow: UoWDep) -> s.ClinicHoursOut:
    days = [w.weekday for w in body.weekly]
    if len(days) != len(set(days)):
        raise InvalidInput("each weekday at most once", field="weekly")
    hours = ClinicHours(timezone=body.timezone, state=body.state.upper() if body.state else None,
                        weekly={w.weekday: (w.opens, w.closes) for w in body.weekly},
                        closed_dates=frozenset(body.closed_dates))
    async with uow:
        await uow.config.save_hours(hours)
        await uow.commit()
    return _hours_out(hours)
