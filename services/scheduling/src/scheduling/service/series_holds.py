"""RX-6 in scheduling (clinical-loop.md §1.5): a DHE chest-pain or ECG reaction holds the
patient's remaining series visits until a provider clears it. ``reaction.recorded`` with
``holds_series`` pauses them (their chair time is kept: the provider may clear soon), check-in
and start are refused while paused (409 ``series-paused``), ``reaction.cleared`` resumes them.
Both events are keyed by the order, so they arrive in order; a repeat changes nothing."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from scheduling.domain.appointment import Appointment
from scheduling.domain.errors import Conflict
from scheduling.service.uow import SchedulingUnitOfWork


class SeriesPaused(Conflict):
    code = "series-paused"


async def reaction_recorded(uow: SchedulingUnitOfWork, *, reaction_id: UUID, patient_id: UUID,
                            order_id: UUID, at: datetime) -> bool:
    return await uow.series.hold(reaction_id=reaction_id, patient_id=patient_id,
                                 order_id=order_id, at=at)


async def reaction_cleared(uow: SchedulingUnitOfWork, *, reaction_id: UUID,
                           at: datetime) -> bool:
    return await uow.series.clear(reaction_id=reaction_id, at=at)


async def paused_by(uow: SchedulingUnitOfWork, appt: Appointment) -> list[UUID]:
    """The reactions pausing this appointment's visit (empty: not in a paused series)."""
    if appt.order_id is None:
        return []
    patient = await uow.series.patient_of_order(appt.order_id)
    return [] if patient is None else await uow.series.open_holds(patient)


async def ensure_not_paused(uow: SchedulingUnitOfWork, appt_id: UUID, action: str) -> None:
    appt = await uow.appointments.get(appt_id)
    if appt is None:
        return  # the command answers 404
    held = await paused_by(uow, appt)
    if held:
        raise SeriesPaused(
            f"cannot {action}: the series is held since reaction {held[0]} until a provider "
            "clears it (RX-6)", reactions=[str(r) for r in held])
