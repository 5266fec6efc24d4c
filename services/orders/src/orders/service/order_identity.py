"""Who ordered, who supervised, and which coverage an order bills: checked against the
practitioners and the patient's coverages before anything is written (422 naming the field)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from orders.domain.errors import FieldError
from orders.domain.identity import Coverage, pick_coverage
from orders.domain.practitioners import Role, role_problem
from orders.domain.values import Payer
from orders.service.uow import OrdersUnitOfWork


async def practitioner_error(uow: OrdersUnitOfWork, practitioner_id: UUID | None, role: Role,
                             practice_id: str, field_name: str) -> FieldError | None:
    if practitioner_id is None:
        return None
    why = role_problem(await uow.practitioners.get(practitioner_id), role, practice_id)
    return None if why is None else FieldError(field_name, why)


async def coverage_for(uow: OrdersUnitOfWork, *, patient_id: UUID, coverage_id: UUID | None,
                       payer: Payer | None, today: date,
                       errors: list[FieldError]) -> UUID | None:
    """The coverage the order bills: the one named (a coverage of this patient, not ended, of
    the order's payer), else the patient's coverage in force for the order's payer, primary
    first; None when the order has no payer or the patient no such coverage."""
    if coverage_id is not None:
        chosen: Coverage | None = await uow.coverages.get(coverage_id)
        if chosen is None or chosen.patient_id != patient_id:
            errors.append(FieldError("coverage_id", "not a coverage of this patient"))
        elif chosen.status == "ended":
            errors.append(FieldError("coverage_id", "the coverage has ended"))
        elif payer is not None and chosen.payer_id != payer["payer_id"]:
            errors.append(FieldError("coverage_id", "the coverage is with another payer than "
                                                    "the order's"))
        return coverage_id
    if payer is None:
        return None
    found = pick_coverage(await uow.coverages.of_patient(patient_id), payer["payer_id"], today)
    return None if found is None else found.id
