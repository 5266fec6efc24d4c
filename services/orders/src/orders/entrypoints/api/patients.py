"""/v1/patients: the clinical facts the checks need, and doses given elsewhere."""

from __future__ import annotations

import re
from uuid import UUID, uuid4

from fastapi import APIRouter, Query

from orders.domain.errors import FieldError, ValidationFailed
from orders.domain.patient import Allergy, HomeMed, PatientFacts
from orders.entrypoints.api import schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.views import patient_view
from orders.service import records

router = APIRouter(prefix="/v1/patients", tags=["patients"])
_QTC = re.compile(r"^qtc_ms\s*[:=]\s*(\d{3})$")


def _facts_fields(body: s.PatientCreate | s.PatientUpdate) -> dict:
    """API fields -> PatientFacts fields, only for what the caller sent.

    api.md lists ``qtc_ms`` among the condition codes: a condition written "qtc_ms:480" (or
    "qtc_ms=480") sets the numeric QTc the checks compare, unless qtc_ms is given itself.
    """
    out = {}
    for name in body.model_fields_set:
        value = getattr(body, name)
        if name == "allergies":
            value = tuple(Allergy(**a.model_dump()) for a in value or ())
        elif name == "medications":
            value = tuple(HomeMed(name=m.name, rxnorm=m.rxnorm, med_class=m.class_,
                                  last_dose_at=m.last_dose_at) for m in value or ())
        elif name == "conditions":
            codes = {c.strip().lower() for c in value or ()}
            for code in list(codes):
                match = _QTC.match(code)
                if match:
                    codes.discard(code)
                    if "qtc_ms" not in body.model_fields_set:
                        out["qtc_ms"] = int(match.group(1))
            value = frozenset(codes)
        elif name in ("practice_id", "mrn"):
            continue
        out[name] = value
    return out


def _bad(field: str, message: str) -> ValidationFailed:
    return ValidationFailed([FieldError(field, message)])


@router.post("", status_code=201, response_model=s.PatientOut, summary="Register a patient")
async def create_patient(body: s.PatientCreate, uow: UoW, caller: Caller):
    require(caller, "patients:write")
    practice = body.practice_id or caller.practice_id
    if not practice:
        raise _bad("practice_id", "practice_id is required")
    fields = _facts_fields(body)
    for nullable in ("sex",):
        fields.setdefault(nullable, getattr(body, nullable))
    facts = PatientFacts(patient_id=uuid4(), practice_id=practice, **fields)
    record = await records.create_patient(uow, facts=facts, mrn=body.mrn, scope=caller)
    return patient_view(record)


@router.get("", response_model=s.Page[s.PatientOut], summary="List patients")
async def list_patients(uow: UoW, caller: Caller, practice_id: str | None = None,
                        limit: int = Query(50, ge=1, le=200), cursor: str | None = None):
    require(caller, "patients:read")
    items, nxt = await records.list_patients(uow, scope=caller, practice_id=practice_id,
                                             limit=limit, cursor=_cursor(cursor))
    return {"items": [patient_view(p) for p in items], "next_cursor": nxt}


@router.get("/{patient_id}", response_model=s.PatientOut, summary="Get a patient")
async def get_patient(patient_id: UUID, uow: UoW, caller: Caller):
    require(caller, "patients:read")
    return patient_view(await records.get_patient(uow, patient_id=patient_id, scope=caller))


@router.patch("/{patient_id}", response_model=s.PatientOut, summary="Update a patient's facts")
async def update_patient(patient_id: UUID, body: s.PatientUpdate, uow: UoW, caller: Caller):
    require(caller, "patients:write")
    changes = _facts_fields(body)
    for required in ("birth_date", "sex"):
        if required in changes and changes[required] is None:
            raise _bad(required, f"{required} cannot be cleared")
    record = await records.update_patient(uow, patient_id=patient_id, changes=changes,
                                          scope=caller)
    return patient_view(record)


@router.post("/{patient_id}/outside-doses", status_code=201, response_model=s.OutsideDoseOut,
             summary="Record a dose given elsewhere (counted by the frequency checks)")
async def add_outside_dose(patient_id: UUID, body: s.OutsideDoseIn, uow: UoW, caller: Caller):
    require(caller, "patients:write")
    return await records.record_outside_dose(
        uow, patient_id=patient_id, drug_code=body.drug_code, dose=body.dose,
        dose_unit=body.dose_unit, given_at=body.given_at, source=body.source, scope=caller)


@router.get("/{patient_id}/outside-doses", response_model=s.Page[s.OutsideDoseOut],
            summary="Doses given elsewhere")
async def list_outside_doses(patient_id: UUID, uow: UoW, caller: Caller):
    require(caller, "patients:read")
    rows = await records.list_outside_doses(uow, patient_id=patient_id, scope=caller)
    return {"items": rows, "next_cursor": None}


def _cursor(cursor: str | None) -> str | None:
    from orders.adapters.repository import decode_cursor

    if cursor is None:
        return None
    try:
        decode_cursor(cursor)
    except Exception:
        raise _bad("cursor", "not a cursor this service issued") from None
    return cursor
