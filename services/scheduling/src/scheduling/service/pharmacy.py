"""The pharmacy's configuration (hoods, pharmacists' shifts): admin handlers and queries.

Each handler opens the unit of work and commits; bad configuration answers 422 and stores
nothing (overlapping shifts of one pharmacist, breaks outside their shift, hoods out of range).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from scheduling.domain.errors import NotFound
from scheduling.domain.pharmacy_staff import (
    PharmacistShift,
    validate_hoods,
    validate_pharmacist_shifts,
)
from scheduling.service.uow import SchedulingUnitOfWork


async def hoods(*, uow: SchedulingUnitOfWork) -> int | None:
    async with uow:
        return await uow.pharmacy.hoods()


async def save_hoods(*, uow: SchedulingUnitOfWork, hoods: int | None) -> int | None:
    """The pharmacy's hoods; None makes preparation unlimited again (the fixed lead)."""
    validate_hoods(hoods)
    async with uow:
        await uow.pharmacy.save_hoods(hoods)
        await uow.commit()
    return hoods


async def shifts(*, uow: SchedulingUnitOfWork, start: datetime,
                 end: datetime) -> list[PharmacistShift]:
    async with uow:
        return await uow.pharmacy.shifts(start, end)


async def add_shift(*, uow: SchedulingUnitOfWork, shift: PharmacistShift) -> PharmacistShift:
    async with uow:
        validate_pharmacist_shifts([*await uow.pharmacy.shifts_of(shift.pharmacist_id), shift])
        await uow.pharmacy.add_shift(shift)
        await uow.commit()
    return shift


async def delete_shift(*, uow: SchedulingUnitOfWork, shift_id: UUID) -> None:
    async with uow:
        if not await uow.pharmacy.delete_shift(shift_id):
            raise NotFound(f"pharmacist shift {shift_id} not found")
        await uow.commit()


async def seed(*, uow: SchedulingUnitOfWork, hoods: int,
               shifts: list[PharmacistShift]) -> bool:
    """Demo pharmacy for a clinic whose pharmacy is not configured yet (else left alone)."""
    async with uow:
        if await uow.pharmacy.hoods() is not None:
            return False
        await uow.pharmacy.save_hoods(hoods)
        for shift in shifts:
            await uow.pharmacy.add_shift(shift)
        await uow.commit()
    return True
