"""The demand projection the reorder report reads: each signed order's drug lines, each
appointment's latest state and start, each recall's window and state. Part of the consumer's
unit of work (it commits); a redelivered or late event changes nothing newer."""

from __future__ import annotations

from chairside_shared import contracts
from reimbursement.adapters.purchasing_repo import DemandLine
from reimbursement.service.uow import ReimbursementUnitOfWork


async def on_signed(*, uow: ReimbursementUnitOfWork, event: contracts.OrderSigned) -> None:
    lines = [DemandLine(ln.sequence, ln.drug_code, ln.hcpcs, ln.dose, ln.dose_unit,
                        ln.next_dose, ln.next_dose_unit)
             for ln in event.lines if ln.fluid is None]
    await uow.purchasing.save_order_lines(event.order_id, event.patient_id, lines)


async def on_appointment(*, uow: ReimbursementUnitOfWork,
                         event: contracts.AppointmentChanged) -> None:
    await uow.purchasing.save_appointment(
        appointment_id=event.appointment_id, order_id=event.order_id, start=event.start,
        status=event.status, at=event.occurred_at)


async def on_recall(*, uow: ReimbursementUnitOfWork, event: contracts.RecallChanged,
                    ) -> None:
    await uow.purchasing.save_recall({
        "recall_id": event.recall_id, "patient_id": event.patient_id,
        "drug_code": event.drug_code[:64], "hcpcs": event.hcpcs, "status": event.status,
        "source_order_id": event.source_order_id, "earliest": event.earliest,
        "target_from": event.target_from, "latest": event.latest,
        "changed_at": event.occurred_at})
