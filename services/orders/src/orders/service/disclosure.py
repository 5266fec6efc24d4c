"""Finding patients by who they are (blind index), what a payer needs for one order (the
payer identity), and who has seen a patient's PHI (the access log)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from orders.domain.errors import FieldError, NotFound, NotPermitted, ValidationFailed
from orders.domain.identity import (
    COVERAGE_FIELDS,
    PERSON_FIELDS,
    AccessRecord,
    Coverage,
    Person,
    Purpose,
    pick_coverage,
)
from orders.domain.patient import PatientRecord
from orders.domain.practitioners import Practitioner
from orders.service.handlers import Scope, _order, utcnow
from orders.service.identity import access, visible_patient
from orders.service.uow import OrdersUnitOfWork

ADMIN_SCOPE = "admin"


async def lookup_patients(*, uow: OrdersUnitOfWork, scope: Scope, purpose: Purpose,
                          family_name: str | None = None, given_name: str | None = None,
                          birth_date: date | None = None, member_id: str | None = None,
                          practice_id: str | None = None,
                          now: datetime | None = None) -> list[UUID]:
    """Patient ids matching name + birth date, or member id, in the caller's practice."""
    now = now or utcnow()
    by_name = (family_name, given_name, birth_date)
    if member_id is None and None in by_name:
        missing = [n for n, v in zip(("family_name", "given_name", "birth_date"), by_name,
                                     strict=True) if v is None]
        raise ValidationFailed([FieldError(n, "give family_name, given_name and birth_date, "
                                              "or member_id") for n in missing])
    if member_id is not None and any(v is not None for v in by_name):
        raise ValidationFailed([FieldError("member_id", "look up by member_id or by name and "
                                                        "birth date, not both")])
    if scope.practice_id is not None:
        practice_id = scope.practice_id
    async with uow:
        if member_id is not None:
            ids = await uow.coverages.find_patients(member_id, practice_id)
            fields: tuple[str, ...] = ("member_id",)
        else:
            assert family_name is not None and given_name is not None and birth_date is not None
            index = uow.demographics.name_index(family_name, given_name, birth_date)
            ids = await uow.demographics.find(index, practice_id)
            fields = ("family_name", "given_name", "birth_date")
        records = [r for r in [await uow.patients.get(i) for i in ids] if r is not None]
        await uow.access_log.add([access(scope, r, "lookup", "lookup", fields, purpose, now)
                                  for r in records])
        await uow.commit()
    return [r.id for r in records]


async def access_log(*, uow: OrdersUnitOfWork, patient_id: UUID, scope: Scope, limit: int,
                     before_id: int | None) -> list[tuple[int, AccessRecord]]:
    if not scope.actor.can(ADMIN_SCOPE):
        raise NotPermitted("the access log needs the admin scope")
    async with uow:
        await visible_patient(uow, patient_id, scope)
        return await uow.access_log.of_patient(patient_id, limit=limit, before_id=before_id)


@dataclass(frozen=True)
class PayerIdentity:
    order_id: UUID | None  # None: read for a patient and payer, not an order
    patient_id: UUID
    practice_id: str
    patient: Person | None
    coverage: Coverage | None
    ordering: Practitioner | None
    supervising: Practitioner | None


async def _disclose(uow: OrdersUnitOfWork, record: PatientRecord, coverage: Coverage | None,
                    scope: Scope, purpose: Purpose, now: datetime) -> Person | None:
    """Within an open unit of work: the patient as a Person, the read audited (what was
    disclosed: the person's fields when on file, the coverage's when there is one)."""
    found = await uow.demographics.get(record.id)
    person = None if found is None else found.person(record.facts)
    fields = (PERSON_FIELDS if person else ()) + (COVERAGE_FIELDS if coverage else ())
    await uow.access_log.add([access(scope, record, "payer-identity", "read", fields,
                                     purpose, now)])
    return person


async def payer_identity(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope,
                         purpose: Purpose, now: datetime | None = None) -> PayerIdentity:
    """What a claim, a PAS request or a 270 for this order discloses, read at that moment:
    the patient as a Person, the order's coverage and its practitioners (audited)."""
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope, for_update=False)
        record = await uow.patients.get(order.patient_id)
        if record is None:
            raise NotFound(f"order {order_id} not found")
        coverage = None
        if order.coverage_id is not None:
            coverage = await uow.coverages.get(order.coverage_id)
        elif order.payer is not None:
            coverage = pick_coverage(await uow.coverages.of_patient(record.id),
                                     order.payer["payer_id"], now.date())
        ordering = supervising = None
        if order.ordering_practitioner_id is not None:
            ordering = await uow.practitioners.get(order.ordering_practitioner_id)
        if order.supervising_practitioner_id is not None:
            supervising = await uow.practitioners.get(order.supervising_practitioner_id)
        person = await _disclose(uow, record, coverage, scope, purpose, now)
        await uow.commit()
    return PayerIdentity(order.id, record.id, order.practice_id, person, coverage, ordering,
                         supervising)


async def patient_payer_identity(*, uow: OrdersUnitOfWork, patient_id: UUID, payer_id: str,
                                 scope: Scope, purpose: Purpose,
                                 now: datetime | None = None) -> PayerIdentity:
    """What a 270 for this patient and payer discloses without an order (an on-demand
    eligibility check): the patient and the coverage with that payer in force today, primary
    first; no practitioners (audited like the order read)."""
    now = now or utcnow()
    async with uow:
        record = await visible_patient(uow, patient_id, scope)
        coverage = pick_coverage(await uow.coverages.of_patient(record.id), payer_id,
                                 now.date())
        person = await _disclose(uow, record, coverage, scope, purpose, now)
        await uow.commit()
    return PayerIdentity(None, record.id, record.practice_id, person, coverage, None, None)
