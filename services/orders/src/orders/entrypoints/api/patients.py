"""/v1/patients: the clinical facts the checks need, and doses given elsewhere."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from uuid import UUID, uuid4

from fastapi import APIRouter, Query

from orders.domain.errors import FieldError, ValidationFailed
from orders.domain.identity import Address, Person, admin_sex
from orders.domain.patient import Allergy, HomeMed, OutsideDose, PatientChanges, PatientFacts
from orders.entrypoints.api import schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.identity import coverage_fields
from orders.entrypoints.api.views import patient_view
from orders.service import records

router = APIRouter(prefix="/v1/patients", tags=["patients"])
_QTC = re.compile(r"^qtc_ms\s*[:=]\s*(\d{3})$")


def _conditions(body: s.PatientCreate | s.PatientUpdate,
                changes: PatientChanges) -> frozenset[str]:
    """api.md lists ``qtc_ms`` among the condition codes: a condition written "qtc_ms:480" (or
    "qtc_ms=480") sets the numeric QTc the checks compare, unless qtc_ms is given itself."""
    codes = {c.strip().lower() for c in body.conditions or ()}
    for code in list(codes):
        match = _QTC.match(code)
        if match:
            codes.discard(code)
            if "qtc_ms" not in body.model_fields_set:
                changes["qtc_ms"] = int(match.group(1))
    return frozenset(codes)


def _facts_fields(body: s.PatientCreate | s.PatientUpdate) -> PatientChanges:
    """API fields -> PatientFacts fields, only for what the caller sent. Birth date and sex
    can be changed, not cleared."""
    sent = body.model_fields_set
    out: PatientChanges = {}
    if "birth_date" in sent:
        if body.birth_date is None:
            raise _bad("birth_date", "birth_date cannot be cleared")
        out["birth_date"] = body.birth_date
    if "sex" in sent:
        if body.sex is None:
            raise _bad("sex", "sex cannot be cleared")
        out["sex"] = body.sex
    if "weight_kg" in sent:
        out["weight_kg"] = body.weight_kg
    if "pregnant" in sent:
        out["pregnant"] = body.pregnant
    if "qtc_ms" in sent:
        out["qtc_ms"] = body.qtc_ms
    if "allergies" in sent:
        out["allergies"] = tuple(Allergy(**a.model_dump()) for a in body.allergies or ())
    if "medications" in sent:
        out["medications"] = tuple(HomeMed(name=m.name, rxnorm=m.rxnorm, med_class=m.class_,
                                           last_dose_at=m.last_dose_at)
                                   for m in body.medications or ())
    if "conditions" in sent:
        out["conditions"] = _conditions(body, out)
    return out


def _bad(field: str, message: str) -> ValidationFailed:
    return ValidationFailed([FieldError(field, message)])


@router.post("", status_code=201, response_model=s.PatientOut, summary="Register a patient")
async def create_patient(body: s.PatientCreate, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:write")
    practice = body.practice_id or caller.practice_id
    if not practice:
        raise _bad("practice_id", "practice_id is required")
    facts = replace(PatientFacts(patient_id=uuid4(), practice_id=practice,
                                 birth_date=body.birth_date, sex=body.sex), **_facts_fields(body))
    record = await records.create_patient(
        uow=uow, facts=facts, mrn=body.mrn, scope=caller,
        demographics=_demographics(body, facts),
        coverages=[coverage_fields(c) for c in body.coverages])
    return patient_view(record)


def _demographics(body: s.PatientCreate, facts: PatientFacts) -> Person | None:
    d = body.demographics
    if d is None:
        return None
    errors = []
    if d.birth_date is not None and d.birth_date != facts.birth_date:
        errors.append(FieldError("demographics.birth_date", "differs from the patient's "
                                                            "birth_date: they are one fact"))
    if d.sex is not None and d.sex != admin_sex(facts.sex):
        errors.append(FieldError("demographics.sex", "differs from the patient's sex: they are "
                                                     "one fact"))
    if errors:
        raise ValidationFailed(errors)
    a = d.address
    return Person(family_name=d.family_name, given_name=d.given_name,
                  middle_name=d.middle_name, birth_date=facts.birth_date,
                  sex=admin_sex(facts.sex), phone=d.phone,
                  address=Address(line1=a.line1, line2=a.line2, city=a.city, state=a.state,
                                  postal_code=a.postal_code))


@router.get("", response_model=s.Page[s.PatientOut], summary="List patients")
async def list_patients(uow: UoW, caller: Caller, practice_id: str | None = None,
                        limit: int = Query(50, ge=1, le=200),
                        cursor: str | None = None) -> dict[str, Any]:
    require(caller, "patients:read")
    items, nxt = await records.list_patients(uow=uow, scope=caller, practice_id=practice_id,
                                             limit=limit, cursor=_cursor(cursor))
    return {"items": [patient_view(p) for p in items], "next_cursor": nxt}


@router.get("/{patient_id}", response_model=s.PatientOut, summary="Get a patient")
async def get_patient(patient_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:read")
    return patient_view(await records.get_patient(uow=uow, patient_id=patient_id, scope=caller))


@router.patch("/{patient_id}", response_model=s.PatientOut, summary="Update a patient's facts")
async def update_patient(patient_id: UUID, body: s.PatientUpdate, uow: UoW,
                         caller: Caller) -> dict[str, Any]:
    require(caller, "patients:write")
    record = await records.update_patient(uow=uow, patient_id=patient_id,
                                          changes=_facts_fields(body), scope=caller)
    return patient_view(record)


@router.post("/{patient_id}/outside-doses", status_code=201, response_model=s.OutsideDoseOut,
             summary="Record a dose given elsewhere (counted by the frequency checks)")
async def add_outside_dose(patient_id: UUID, body: s.OutsideDoseIn, uow: UoW,
                           caller: Caller) -> OutsideDose:
    require(caller, "patients:write")
    return await records.record_outside_dose(
        uow=uow, patient_id=patient_id, drug_code=body.drug_code, dose=body.dose,
        dose_unit=body.dose_unit, given_at=body.given_at, source=body.source, scope=caller)


@router.get("/{patient_id}/outside-doses", response_model=s.Page[s.OutsideDoseOut],
            summary="Doses given elsewhere")
async def list_outside_doses(patient_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:read")
    doses = await records.list_outside_doses(uow=uow, patient_id=patient_id, scope=caller)
    return {"items": doses, "next_cursor": None}


def _cursor(cursor: str | None) -> str | None:
    from orders.adapters.repository import decode_cursor

    if cursor is None:
        return None
    try:
        decode_cursor(cursor)
    except Exception:
        raise _bad("cursor", "not a cursor this service issued") from None
    return cursor
