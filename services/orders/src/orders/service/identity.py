"""Demographics and coverages: written and read through the unit of work, every disclosure
audited in the same transaction (no read leaves without its audit row). Messages carry ids
only: a name, birth date or member id never enters an exception, a log line or a span."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Literal
from uuid import UUID, uuid4

from orders.domain.errors import Conflict, FieldError, NotFound, ValidationFailed
from orders.domain.identity import (
    COVERAGE_FIELDS,
    PERSON_FIELDS,
    AccessRecord,
    Coverage,
    CoverageChanges,
    CoverageEnded,
    Demographics,
    Person,
    Purpose,
    admin_sex,
    validate_coverage,
)
from orders.domain.patient import PatientRecord
from orders.service.handlers import Scope, utcnow
from orders.service.uow import OrdersUnitOfWork

Action = Literal["read", "write", "lookup"]


def access(scope: Scope, patient: PatientRecord, resource: str, action: Action,
           fields: tuple[str, ...], purpose: Purpose, now: datetime) -> AccessRecord:
    return AccessRecord(at=now, client_id=scope.client_id, user_id=scope.user_id,
                        patient_id=patient.id, practice_id=patient.practice_id,
                        resource=resource, action=action, fields=fields, purpose=purpose)


async def visible_patient(uow: OrdersUnitOfWork, patient_id: UUID,
                          scope: Scope) -> PatientRecord:
    record = await uow.patients.get(patient_id)
    if record is None or not scope.sees(record.practice_id):
        raise NotFound(f"patient {patient_id} not found")
    return record


def check_person(person: Person, now: datetime, prefix: str = "") -> list[FieldError]:
    if person.birth_date > now.date():
        return [FieldError(f"{prefix}birth_date", "birth date is in the future")]
    return []


# ------------------------------------------------------------------------------ demographics
async def write_demographics(uow: OrdersUnitOfWork, record: PatientRecord, person: Person,
                             scope: Scope, now: datetime) -> Demographics:
    """Within an open unit of work: the birth date and sex go to the patient's facts (their
    one home), the rest to the sealed demographic record."""
    errors = check_person(person, now)
    if errors:
        raise ValidationFailed(errors)
    facts = record.facts
    if facts.birth_date != person.birth_date or admin_sex(facts.sex) != person.sex:
        sex = facts.sex if admin_sex(facts.sex) == person.sex else person.sex
        record.facts = replace(facts, birth_date=person.birth_date, sex=sex)
        record.updated_at = now
        await uow.patients.save(record)
    existing = await uow.demographics.get(record.id)
    wanted = Demographics(patient_id=record.id, family_name=person.family_name,
                          given_name=person.given_name, middle_name=person.middle_name,
                          address=person.address, phone=person.phone, updated_at=now,
                          version=existing.version if existing else 0)
    saved = await uow.demographics.put(wanted, birth_date=person.birth_date,
                                       existed=existing is not None)
    await uow.access_log.add([access(scope, record, "demographics", "write", PERSON_FIELDS,
                                     "treatment", now)])
    return saved


async def put_demographics(*, uow: OrdersUnitOfWork, patient_id: UUID, person: Person,
                           scope: Scope, now: datetime | None = None) -> Person:
    now = now or utcnow()
    async with uow:
        record = await visible_patient(uow, patient_id, scope)
        saved = await write_demographics(uow, record, person, scope, now)
        await uow.commit()
    return saved.person(record.facts)


async def get_demographics(*, uow: OrdersUnitOfWork, patient_id: UUID, scope: Scope,
                           purpose: Purpose, now: datetime | None = None) -> Person:
    now = now or utcnow()
    async with uow:
        record = await visible_patient(uow, patient_id, scope)
        found = await uow.demographics.get(patient_id)
        if found is None:
            raise NotFound(f"patient {patient_id} has no demographics on file")
        await uow.access_log.add([access(scope, record, "demographics", "read", PERSON_FIELDS,
                                         purpose, now)])
        await uow.commit()
    return found.person(record.facts)


async def reindex_demographics(uow: OrdersUnitOfWork, record: PatientRecord) -> None:
    """After the birth date changed on the patient: the name + birth date index follows."""
    found = await uow.demographics.get(record.id)
    if found is not None:
        await uow.demographics.put(found, birth_date=record.facts.birth_date, existed=True)


# ------------------------------------------------------------------------------ coverages
def new_coverage(patient_id: UUID, fields: CoverageChanges, scope: Scope,
                 now: datetime) -> Coverage:
    return Coverage(id=uuid4(), patient_id=patient_id, recorded_at=now,
                    recorded_by=scope.actor.id, **fields)


async def write_coverage(uow: OrdersUnitOfWork, record: PatientRecord, coverage: Coverage,
                         scope: Scope, now: datetime, prefix: str = "") -> None:
    errors = validate_coverage(coverage)
    if coverage.subscriber is not None:
        errors += check_person(coverage.subscriber, now, "subscriber.")
    if errors:
        raise ValidationFailed([FieldError(prefix + e.field, e.message) for e in errors])
    await uow.coverages.add(coverage)
    await uow.access_log.add([access(scope, record, "coverages", "write", COVERAGE_FIELDS,
                                     "treatment", now)])


async def add_coverage(*, uow: OrdersUnitOfWork, patient_id: UUID, fields: CoverageChanges,
                       scope: Scope, now: datetime | None = None) -> Coverage:
    now = now or utcnow()
    async with uow:
        record = await visible_patient(uow, patient_id, scope)
        coverage = new_coverage(patient_id, fields, scope, now)
        await write_coverage(uow, record, coverage, scope, now)
        await uow.commit()
    return coverage


async def list_coverages(*, uow: OrdersUnitOfWork, patient_id: UUID, scope: Scope,
                         purpose: Purpose, status: str | None = None,
                         now: datetime | None = None) -> list[Coverage]:
    now = now or utcnow()
    async with uow:
        record = await visible_patient(uow, patient_id, scope)
        items = [c for c in await uow.coverages.of_patient(patient_id)
                 if status is None or c.status == status]
        if items:
            await uow.access_log.add([access(scope, record, "coverages", "read",
                                             COVERAGE_FIELDS, purpose, now)])
        await uow.commit()
    return items


async def _coverage(uow: OrdersUnitOfWork, patient_id: UUID, coverage_id: UUID,
                    scope: Scope) -> tuple[PatientRecord, Coverage]:
    record = await visible_patient(uow, patient_id, scope)
    coverage = await uow.coverages.get(coverage_id)
    if coverage is None or coverage.patient_id != patient_id:
        raise NotFound(f"coverage {coverage_id} not found")
    return record, coverage


async def change_coverage(*, uow: OrdersUnitOfWork, patient_id: UUID, coverage_id: UUID,
                          changes: CoverageChanges, scope: Scope, version: int | None = None,
                          now: datetime | None = None) -> Coverage:
    """A new version; the one before stays in the history."""
    now = now or utcnow()
    async with uow:
        record, current = await _coverage(uow, patient_id, coverage_id, scope)
        if version is not None and version != current.version:
            raise Conflict("the coverage changed meanwhile; reload and retry",
                           current_version=current.version)
        try:
            updated = current.changed(changes, at=now, by=scope.actor.id)
        except CoverageEnded:
            raise Conflict("the coverage has ended; add a new one") from None
        errors = validate_coverage(updated)
        if updated.subscriber is not None:
            errors += check_person(updated.subscriber, now, "subscriber.")
        if errors:
            raise ValidationFailed(errors)
        await uow.coverages.add_version(current, updated)
        await uow.access_log.add([access(scope, record, "coverages", "write",
                                         tuple(sorted(changes)), "treatment", now)])
        await uow.commit()
    return updated


async def end_coverage(*, uow: OrdersUnitOfWork, patient_id: UUID, coverage_id: UUID,
                       scope: Scope, on: date | None = None,
                       now: datetime | None = None) -> Coverage:
    now = now or utcnow()
    async with uow:
        record, current = await _coverage(uow, patient_id, coverage_id, scope)
        try:
            ended = current.ended(on=on or now.date(), at=now, by=scope.actor.id)
        except CoverageEnded:
            raise Conflict("the coverage has ended already") from None
        await uow.coverages.add_version(current, ended)
        await uow.access_log.add([access(scope, record, "coverages", "write",
                                         ("status", "effective_to"), "treatment", now)])
        await uow.commit()
    return ended


async def coverage_history(*, uow: OrdersUnitOfWork, patient_id: UUID, coverage_id: UUID,
                           scope: Scope, purpose: Purpose,
                           now: datetime | None = None) -> list[Coverage]:
    now = now or utcnow()
    async with uow:
        record, _ = await _coverage(uow, patient_id, coverage_id, scope)
        versions = await uow.coverages.history(coverage_id)
        await uow.access_log.add([access(scope, record, "coverage-history", "read",
                                         COVERAGE_FIELDS, purpose, now)])
        await uow.commit()
    return versions
