"""/v1/patients/{id}/demographics and /coverages, lookups, the PHI access log, and the payer
identity (/v1/orders/{id}/payer-identity, /v1/patients/{id}/payer-identity). Every read takes
a purpose and is audited by the handler."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal
from uuid import UUID

from fastapi import APIRouter, Query

from orders.domain.errors import FieldError, ValidationFailed
from orders.domain.identity import Address, CoverageChanges, Person
from orders.entrypoints.api import identity_schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.identity_views import (
    access_view,
    coverage_view,
    payer_identity_view,
    person_view,
)
from orders.entrypoints.api.schemas import Page
from orders.service import disclosure, identity

router = APIRouter(prefix="/v1/patients", tags=["patient identity"])
orders_router = APIRouter(prefix="/v1/orders", tags=["orders"])
PURPOSE = Query("treatment", description="Why the PHI is read (recorded in the access log)")


def person(body: s.PersonIn) -> Person:
    a = body.address
    return Person(family_name=body.family_name, given_name=body.given_name,
                  middle_name=body.middle_name, birth_date=body.birth_date, sex=body.sex,
                  address=Address(line1=a.line1, line2=a.line2, city=a.city, state=a.state,
                                  postal_code=a.postal_code), phone=body.phone)


# A coverage always has these; a PATCH may change them but not set them to null.
NOT_CLEARABLE = frozenset({"member_id", "relationship", "priority"})


def coverage_fields(body: s.CoverageIn | s.CoveragePatch) -> CoverageChanges:
    """Only what the caller sent (for a new coverage, the defaults too)."""
    sent = body.model_fields_set if isinstance(body, s.CoveragePatch) else set(
        s.CoverageIn.model_fields)
    out: dict[str, Any] = {}
    uncleared = sorted(n for n in sent & NOT_CLEARABLE if getattr(body, n) is None)
    if uncleared:
        raise ValidationFailed([FieldError(n, f"{n} can be changed, not cleared")
                                for n in uncleared])
    for name in sent - {"version"}:
        value = getattr(body, name)
        out[name] = person(value) if name == "subscriber" and value is not None else value
    return out  # type: ignore[return-value]


@router.get("/lookup", response_model=s.LookupOut,
            summary="Find patients by family name + given name + birth date, or by member id")
async def lookup(uow: UoW, caller: Caller, family_name: str | None = Query(None, max_length=60),
                 given_name: str | None = Query(None, max_length=35),
                 birth_date: date | None = None,
                 member_id: str | None = Query(None, max_length=80),
                 practice_id: str | None = Query(None, max_length=64),
                 purpose: s.Purpose = PURPOSE) -> dict[str, Any]:
    require(caller, "patients:read")
    return {"patient_ids": await disclosure.lookup_patients(
        uow=uow, scope=caller, purpose=purpose, family_name=family_name, given_name=given_name,
        birth_date=birth_date, member_id=member_id, practice_id=practice_id)}


@router.post("/lookup", response_model=s.LookupOut,
             summary="Find patients (the same lookup, with the names in the body, not the URL)")
async def lookup_by_body(body: s.LookupIn, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:read")
    return {"patient_ids": await disclosure.lookup_patients(
        uow=uow, scope=caller, purpose=body.purpose, family_name=body.family_name,
        given_name=body.given_name, birth_date=body.birth_date, member_id=body.member_id,
        practice_id=body.practice_id)}


@router.put("/{patient_id}/demographics", response_model=s.DemographicsOut,
            summary="Set the patient's demographics (birth date and sex are the patient's own)")
async def put_demographics(patient_id: UUID, body: s.PersonIn, uow: UoW,
                           caller: Caller) -> dict[str, Any]:
    require(caller, "patients:write")
    saved = await identity.put_demographics(uow=uow, patient_id=patient_id, person=person(body),
                                            scope=caller)
    return {"patient_id": patient_id, **person_view(saved)}


@router.get("/{patient_id}/demographics", response_model=s.DemographicsOut,
            summary="The patient's demographics (audited read)")
async def get_demographics(patient_id: UUID, uow: UoW, caller: Caller,
                           purpose: s.Purpose = PURPOSE) -> dict[str, Any]:
    require(caller, "patients:read")
    found = await identity.get_demographics(uow=uow, patient_id=patient_id, scope=caller,
                                            purpose=purpose)
    return {"patient_id": patient_id, **person_view(found)}


@router.post("/{patient_id}/coverages", status_code=201, response_model=s.CoverageOut,
             summary="Add a coverage")
async def add_coverage(patient_id: UUID, body: s.CoverageIn, uow: UoW,
                       caller: Caller) -> dict[str, Any]:
    require(caller, "patients:write")
    return coverage_view(await identity.add_coverage(
        uow=uow, patient_id=patient_id, fields=coverage_fields(body), scope=caller))


@router.get("/{patient_id}/coverages", response_model=Page[s.CoverageOut],
            summary="The patient's coverages, current versions (audited read)")
async def list_coverages(patient_id: UUID, uow: UoW, caller: Caller,
                         status: Literal["active", "ended"] | None = None,
                         purpose: s.Purpose = PURPOSE) -> dict[str, Any]:
    require(caller, "patients:read")
    items = await identity.list_coverages(uow=uow, patient_id=patient_id, scope=caller,
                                          purpose=purpose, status=status)
    return {"items": [coverage_view(c) for c in items], "next_cursor": None}


@router.patch("/{patient_id}/coverages/{coverage_id}", response_model=s.CoverageOut,
              summary="Change a coverage (writes its next version; the earlier one is kept)")
async def change_coverage(patient_id: UUID, coverage_id: UUID, body: s.CoveragePatch, uow: UoW,
                          caller: Caller) -> dict[str, Any]:
    require(caller, "patients:write")
    return coverage_view(await identity.change_coverage(
        uow=uow, patient_id=patient_id, coverage_id=coverage_id,
        changes=coverage_fields(body), scope=caller, version=body.version))


@router.delete("/{patient_id}/coverages/{coverage_id}", response_model=s.CoverageOut,
               summary="End a coverage (its history is kept)")
async def end_coverage(patient_id: UUID, coverage_id: UUID, uow: UoW, caller: Caller,
                       effective_to: date | None = Query(None, description="Last day covered "
                                                         "(default: today)")
                       ) -> dict[str, Any]:
    require(caller, "patients:write")
    return coverage_view(await identity.end_coverage(
        uow=uow, patient_id=patient_id, coverage_id=coverage_id, scope=caller, on=effective_to))


@router.get("/{patient_id}/coverages/{coverage_id}/history",
            response_model=Page[s.CoverageVersionOut],
            summary="Every version of a coverage, oldest first (audited read)")
async def coverage_history(patient_id: UUID, coverage_id: UUID, uow: UoW, caller: Caller,
                           purpose: s.Purpose = PURPOSE) -> dict[str, Any]:
    require(caller, "patients:read")
    versions = await identity.coverage_history(uow=uow, patient_id=patient_id,
                                               coverage_id=coverage_id, scope=caller,
                                               purpose=purpose)
    return {"items": [coverage_view(v, with_record=True) for v in versions],
            "next_cursor": None}


@router.get("/{patient_id}/access-log", response_model=Page[s.AccessEntryOut],
            summary="Who read or wrote this patient's demographics and coverages (admin)")
async def access_log(patient_id: UUID, uow: UoW, caller: Caller,
                     limit: int = Query(100, ge=1, le=500),
                     cursor: str | None = Query(None, pattern=r"^[0-9]{1,18}$")
                     ) -> dict[str, Any]:
    entries = await disclosure.access_log(uow=uow, patient_id=patient_id, scope=caller,
                                          limit=limit, before_id=int(cursor) if cursor else None)
    nxt = str(entries[-1][0]) if len(entries) == limit else None
    return {"items": [access_view(i, r) for i, r in entries], "next_cursor": nxt}


@router.get("/{patient_id}/payer-identity", response_model=s.PayerIdentityOut,
            summary="Who a 270 for this patient and payer names, without an order: the "
                    "coverage with the payer in force today, primary first (audited read)")
async def patient_payer_identity(patient_id: UUID, uow: UoW, caller: Caller,
                                 payer_id: str = Query(min_length=1, max_length=64),
                                 purpose: s.Purpose = Query("payment")) -> dict[str, Any]:
    require(caller, "patients:read")
    return payer_identity_view(await disclosure.patient_payer_identity(
        uow=uow, patient_id=patient_id, payer_id=payer_id, scope=caller, purpose=purpose))


@orders_router.get("/{order_id}/payer-identity", response_model=s.PayerIdentityOut,
                   summary="Who the claim or PAS request for this order names (audited read)")
async def payer_identity(order_id: UUID, uow: UoW, caller: Caller,
                         purpose: s.Purpose = Query("payment")) -> dict[str, Any]:
    require(caller, "patients:read")
    return payer_identity_view(await disclosure.payer_identity(
        uow=uow, order_id=order_id, scope=caller, purpose=purpose))
