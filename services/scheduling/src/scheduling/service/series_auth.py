"""A series respects its orders' prior authorizations like a single booking
(service/authorization_gate.py): a visit of an approved order placed on a day outside the
approval's dates, or needing more units than remain, refuses the whole series (409
``series-infeasible`` naming the visit, reason ``authorization_mismatch``), nothing booked,
whatever the ``auth_mismatch`` setting (a course is booked whole or not at all). Authorization
hears it (``appointment.renewal_needed``, outcome refused) in a transaction of its own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

from chairside_shared.contracts import AuthorizationRenewalNeeded
from scheduling.domain.series import Failure
from scheduling.domain.slots import Slot
from scheduling.service import authorization_gate as gate
from scheduling.service.days import Clinic
from scheduling.service.series_place import SeriesInfeasible
from scheduling.service.uow import SchedulingUnitOfWork

MISMATCH = "authorization_mismatch"


class SeriesAuthorizationMismatch(SeriesInfeasible):
    """409: one visit does not fit its order's approval; the event authorization is told."""

    def __init__(self, failure: Failure, renewal: AuthorizationRenewalNeeded) -> None:
        super().__init__(failure)
        self.renewal = renewal


async def refuse_misfits(uow: SchedulingUnitOfWork, clinic: Clinic, order_ids: Sequence[UUID],
                         days: Sequence[date], slots: Sequence[Slot], now: datetime, *,
                         positions: Sequence[int] | None = None) -> None:
    """Raise (after rolling back) at the first visit outside its order's approval. Called
    holding the orders' and the days' locks; the approval numbers' locks are taken here, last
    and in order (service/locks.py), so two bookings never draw the same units at once."""
    approvals = {}
    for oid in order_ids:
        order = await uow.orders.get(oid)
        approvals[oid] = await gate.approval_of(uow, order) if order is not None else None
    for auth_number in sorted({a.auth_number for a in approvals.values() if a is not None}):
        await uow.lock_authorization(auth_number)
    for i, (oid, day, slot) in enumerate(zip(order_ids, days, slots, strict=True)):
        order = await uow.orders.get(oid)
        approval = approvals[oid]
        if approval is None:
            continue
        misfit = await gate.misfit_at(uow, approval, slot.start, clinic.hours)
        if misfit is None:
            continue
        await uow.rollback()
        position = positions[i] if positions is not None else i + 1
        renewal = gate.renewal_needed(
            approval, misfit, day=day, outcome="refused",
            practice_id=order.signed.practice_id if order and order.signed else None,
            appointment_id=None, now=now)
        raise SeriesAuthorizationMismatch(
            Failure(position, day, MISMATCH, "; ".join(m.detail for m in misfit.misfits),
                    tuple(misfit.codes)), renewal)


async def tell_refused(uow: SchedulingUnitOfWork, exc: SeriesAuthorizationMismatch) -> None:
    """Nothing was booked, but authorization is told (its own transaction)."""
    async with uow:
        await gate.tell_authorization(uow, exc.renewal)
        await uow.commit()
