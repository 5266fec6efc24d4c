"""Handlers for patients, outside doses, the drug catalog and protocols."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from pydantic import ValidationError

from orders.domain.catalog import Catalog, CatalogChange, Drug
from orders.domain.errors import Conflict, FieldError, NotFound, NotPermitted, ValidationFailed
from orders.domain.identity import CoverageChanges, Person, admin_sex
from orders.domain.observations import KIND_NAME, ObservationKind
from orders.domain.patient import (
    OutsideDose,
    PastDose,
    PatientChanges,
    PatientFacts,
    PatientRecord,
)
from orders.domain.protocols import Protocol, validate_protocol
from orders.domain.recall_data import interval_conflicts
from orders.domain.regimen import gate_kind_errors
from orders.domain.units import UnitMismatch, convert
from orders.service import identity
from orders.service.handlers import Scope, utcnow
from orders.service.uow import OrdersUnitOfWork

ADMIN_SCOPE = "admin"


async def create_patient(*, uow: OrdersUnitOfWork, facts: PatientFacts, mrn: str, scope: Scope,
                         demographics: Person | None = None,
                         coverages: Sequence[CoverageChanges] = (),
                         now: datetime | None = None) -> PatientRecord:
    """Files the patient, and with it (one transaction) the demographics and coverages sent."""
    now = now or utcnow()
    if scope.practice_id and facts.practice_id != scope.practice_id:
        raise ValidationFailed([FieldError("practice_id", "a partner client registers "
                                                          "patients of its own practice only")])
    if facts.birth_date > now.date():
        raise ValidationFailed([FieldError("birth_date", "birth date is in the future")])
    if demographics is not None and (demographics.birth_date, demographics.sex) != (
            facts.birth_date, admin_sex(facts.sex)):
        raise ValidationFailed([FieldError("demographics.birth_date", "birth_date and sex are "
                                           "the patient's own: give the same as the patient's")])
    record = PatientRecord(facts=facts, mrn=mrn, created_at=now, updated_at=now)
    async with uow:
        await uow.patients.add(record)
        if demographics is not None:
            await identity.write_demographics(uow, record, demographics, scope, now)
        for n, fields in enumerate(coverages):
            coverage = identity.new_coverage(record.id, fields, scope, now)
            await identity.write_coverage(uow, record, coverage, scope, now, f"coverages.{n}.")
        await uow.commit()
    return record


async def add_patient_once(*, uow: OrdersUnitOfWork, record: PatientRecord) -> bool:
    """Files the patient unless its id or MRN is already filed (idempotent demo seeding);
    True if it was added."""
    async with uow:
        if await uow.patients.get(record.id) is not None:
            return False
        try:
            await uow.patients.add(record)
        except Conflict:
            return False
        await uow.commit()
    return True


async def update_patient(*, uow: OrdersUnitOfWork, patient_id: UUID, changes: PatientChanges,
                         scope: Scope, now: datetime | None = None) -> PatientRecord:
    now = now or utcnow()
    async with uow:
        record = await uow.patients.get(patient_id)
        if record is None or not scope.sees(record.practice_id):
            raise NotFound(f"patient {patient_id} not found")
        if "birth_date" in changes and changes["birth_date"] > now.date():
            raise ValidationFailed([FieldError("birth_date", "birth date is in the future")])
        moved = "birth_date" in changes and changes["birth_date"] != record.facts.birth_date
        record.facts = replace(record.facts, **changes)
        record.updated_at = now
        await uow.patients.save(record)
        if moved:
            await identity.reindex_demographics(uow, record)
        await uow.commit()
    return record


async def get_patient(*, uow: OrdersUnitOfWork, patient_id: UUID, scope: Scope) -> PatientRecord:
    async with uow:
        record = await uow.patients.get(patient_id)
    if record is None or not scope.sees(record.practice_id):
        raise NotFound(f"patient {patient_id} not found")
    return record


async def record_outside_dose(*, uow: OrdersUnitOfWork, patient_id: UUID, drug_code: str,
                              dose: Decimal, dose_unit: str, given_at: datetime, source: str,
                              scope: Scope, now: datetime | None = None) -> OutsideDose:
    """A dose given elsewhere; the frequency checks count it with this center's doses."""
    now = now or utcnow()
    async with uow:
        record = await uow.patients.get(patient_id)
        if record is None or not scope.sees(record.practice_id):
            raise NotFound(f"patient {patient_id} not found")
        catalog = await uow.catalog.current()
        drug = catalog.drug(drug_code)
        errors: list[FieldError] = []
        converted: Decimal | None = None
        if drug is None:
            errors.append(FieldError("drug_code", f"unknown drug code {drug_code!r}"))
        else:
            try:
                converted = convert(dose, dose_unit, drug.dose_unit)
            except UnitMismatch:
                errors.append(FieldError("dose_unit", f"{drug_code} is dosed in {drug.dose_unit}"))
        if given_at > now:
            errors.append(FieldError("given_at", "an outside dose cannot be in the future"))
        if errors or converted is None:
            raise ValidationFailed(errors)
        recorded = OutsideDose(
            id=uuid4(), patient_id=patient_id, drug_code=drug_code, dose=dose,
            dose_unit=dose_unit, dose_catalog_unit=converted, given_at=given_at, source=source,
            recorded_at=now, recorded_by=scope.actor.id)
        await uow.doses.add_outside(recorded)
        await uow.commit()
    return recorded


async def list_history(*, uow: OrdersUnitOfWork, patient_id: UUID) -> list[PastDose]:
    async with uow:
        return await uow.doses.history(patient_id, exclude_order=None)


# ------------------------------------------------------------------------------ catalog
async def current_catalog(*, uow: OrdersUnitOfWork) -> Catalog:
    async with uow:
        return await uow.catalog.current()


async def catalog_version(*, uow: OrdersUnitOfWork, version: int | None) -> Catalog:
    """One version (None: the newest); LookupError when the catalog was never seeded."""
    async with uow:
        if version is None:
            return await uow.catalog.current()
        return await uow.catalog.version(version)


async def put_drug(*, uow: OrdersUnitOfWork, code: str, data: dict[str, Any], scope: Scope,
                   note: str | None = None, now: datetime | None = None) -> Catalog:
    """Create or replace one drug: a new catalog version with a full snapshot."""
    now = now or utcnow()
    if not scope.actor.can(ADMIN_SCOPE):
        raise NotPermitted("editing the catalog needs the admin scope")
    if data.get("code", code) != code:
        raise ValidationFailed([FieldError("code", "body code differs from the path")])
    try:
        drug = Drug.model_validate({**data, "code": code})
    except ValidationError as exc:
        raise ValidationFailed([FieldError(".".join(str(p) for p in e["loc"]) or "body",
                                           e["msg"]) for e in exc.errors()]) from None
    async with uow:
        catalog = (await uow.catalog.current()).with_drug(drug)
        # a gate naming a kind the catalog does not define could never be met
        unknown = gate_kind_errors(drug.regimen, catalog.observation_kinds)
        if unknown:
            raise ValidationFailed(unknown)
        # a recall may never open before a same-molecule product's minimum interval
        conflicts = interval_conflicts(d for d in catalog.drugs.values()
                                       if d.molecule_key == drug.molecule_key)
        if conflicts:
            raise ValidationFailed([FieldError("recall.earliest_days", m) for m in conflicts])
        await uow.catalog.add_version(catalog, changed_drug=code, by=scope.actor.id,
                                      note=note, at=now)
        await uow.commit()
    return catalog


async def put_observation_kind(*, uow: OrdersUnitOfWork, key: str, data: dict[str, Any],
                               scope: Scope, note: str | None = None,
                               now: datetime | None = None) -> Catalog:
    """Create or replace one observation kind: a new catalog version. A kind the current
    drugs' gates read must keep every result they name."""
    now = now or utcnow()
    if not scope.actor.can(ADMIN_SCOPE):
        raise NotPermitted("editing the catalog needs the admin scope")
    if not KIND_NAME.match(key):
        raise ValidationFailed([FieldError("kind", "lower-case letters, digits and _, "
                                                   "starting with a letter, at most 32")])
    try:
        kind = ObservationKind.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailed([FieldError(".".join(str(p) for p in e["loc"]) or "body",
                                           e["msg"]) for e in exc.errors()]) from None
    async with uow:
        catalog = (await uow.catalog.current()).with_observation_kind(key, kind)
        broken = [FieldError("results", f"{d.code} {e.field}: {e.message}")
                  for d in catalog.drugs.values()
                  for e in gate_kind_errors(d.regimen, catalog.observation_kinds)
                  if d.regimen and any(g.kind == key for g in d.regimen.gates)]
        if broken:
            raise ValidationFailed(broken)
        await uow.catalog.add_version(catalog, changed_drug=None, by=scope.actor.id,
                                      note=note or f"observation kind {key}", at=now)
        await uow.commit()
    return catalog


async def create_protocol(*, uow: OrdersUnitOfWork, protocol: Protocol, scope: Scope,
                          now: datetime | None = None) -> Protocol:
    now = now or utcnow()
    if scope.practice_id and protocol.practice_id != scope.practice_id:
        protocol = replace(protocol, practice_id=scope.practice_id)
    async with uow:
        catalog = await uow.catalog.current()
        errors = validate_protocol(protocol, catalog)
        if errors:
            raise ValidationFailed(errors)
        await uow.protocols.add(protocol, by=scope.actor.id, at=now)
        await uow.commit()
    return protocol


async def list_protocols(*, uow: OrdersUnitOfWork, scope: Scope) -> list[Protocol]:
    async with uow:
        return [p for p in await uow.protocols.list() if p.active
                and p.visible_to(scope.practice_id)]


async def list_patients(*, uow: OrdersUnitOfWork, scope: Scope, practice_id: str | None,
                        limit: int, cursor: str | None) -> tuple[list[PatientRecord], str | None]:
    if scope.practice_id:
        if practice_id not in (None, scope.practice_id):
            return [], None  # another practice's patients: nothing, as if none existed
        practice_id = scope.practice_id
    async with uow:
        return await uow.patients.list(practice_id=practice_id, limit=limit, cursor=cursor)


async def list_outside_doses(*, uow: OrdersUnitOfWork, patient_id: UUID,
                             scope: Scope) -> list[OutsideDose]:
    async with uow:
        record = await uow.patients.get(patient_id)
        if record is None or not scope.sees(record.practice_id):
            raise NotFound(f"patient {patient_id} not found")
        return await uow.doses.list_outside(patient_id)


async def drug_versions(*, uow: OrdersUnitOfWork, code: str) -> list[CatalogChange]:
    async with uow:
        return await uow.catalog.versions_of(code)
