"""Admin routes of the pharmacy: its hoods and pharmacists' shifts (like nurse shifts).

The hoods staffed at a minute are min(hoods, pharmacists on shift and not on break); slot
search, booking and the optimizer fit each visit's preparation before its start into them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated
from uuid import UUID, uuid4

from fastapi import APIRouter, Query, Response, status

from chairside_shared.inputs import Instant
from scheduling.domain.clinic import Break
from scheduling.domain.pharmacy_staff import PharmacistShift
from scheduling.entrypoints.api import pharmacy_schemas as s
from scheduling.entrypoints.api.deps import UoWDep
from scheduling.entrypoints.api.schemas import BreakIn
from scheduling.service import pharmacy

router = APIRouter(prefix="/v1", tags=["scheduling admin"])


def _hoods_out(hoods: int | None) -> s.PharmacyHoodsOut:
    return s.PharmacyHoodsOut(hoods=hoods, limited=hoods is not None)


@router.get("/pharmacy-hoods", response_model=s.PharmacyHoodsOut)
async def get_pharmacy_hoods(uow: UoWDep) -> s.PharmacyHoodsOut:
    return _hoods_out(await pharmacy.hoods(uow=uow))


@router.put("/pharmacy-hoods", response_model=s.PharmacyHoodsOut)
async def put_pharmacy_hoods(body: s.PharmacyHoodsIn, uow: UoWDep) -> s.PharmacyHoodsOut:
    return _hoods_out(await pharmacy.save_hoods(uow=uow, hoods=body.hoods))


def _shift_out(x: PharmacistShift) -> s.PharmacistShiftOut:
    return s.PharmacistShiftOut(id=UUID(x.id), pharmacist_id=x.pharmacist_id, start=x.start,
                                end=x.end,
                                breaks=[BreakIn(start=b.start, end=b.end) for b in x.breaks])


@router.get("/pharmacy-shifts", response_model=list[s.PharmacistShiftOut])
async def list_pharmacist_shifts(uow: UoWDep,
                      from_: Annotated[Instant | None, Query(alias="from")] = None,
                      to: Instant | None = None) -> list[s.PharmacistShiftOut]:
    lo = from_ or datetime.now(UTC) - timedelta(days=1)
    hi = to or lo + timedelta(days=14)
    return [_shift_out(x) for x in await pharmacy.shifts(uow=uow, start=lo, end=hi)]


@router.post("/pharmacy-shifts", response_model=s.PharmacistShiftOut,
             status_code=status.HTTP_201_CREATED)
async def post_pharmacist_shift(body: s.PharmacistShiftIn, uow: UoWDep) -> s.PharmacistShiftOut:
    shift = PharmacistShift(id=str(uuid4()), pharmacist_id=body.pharmacist_id,
                            start=body.start, end=body.end,
                            breaks=tuple(Break(b.start, b.end) for b in body.breaks))
    return _shift_out(await pharmacy.add_shift(uow=uow, shift=shift))


@router.delete("/pharmacy-shifts/{shift_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_pharmacist_shift(shift_id: UUID, uow: UoWDep) -> Response:
    await pharmacy.delete_shift(uow=uow, shift_id=shift_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
