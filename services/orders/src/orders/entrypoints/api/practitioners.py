"""/v1/practitioners: who orders, renders and supervises (NPI, taxonomy, roles)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Query

from orders.domain.practitioners import PractitionerChanges
from orders.entrypoints.api import identity_schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.identity_views import practitioner_view
from orders.entrypoints.api.schemas import Page
from orders.service import practitioners as p

router = APIRouter(prefix="/v1/practitioners", tags=["practitioners"])


def _changes(body: s.PractitionerIn | s.PractitionerPatch, *, every: bool) -> PractitionerChanges:
    sent = set(type(body).model_fields) if every else body.model_fields_set
    out: dict[str, Any] = {}
    for name in sent:
        value = getattr(body, name)
        if value is None and name != "practice_id":
            continue  # nothing but the practice can be cleared
        out[name] = frozenset(value) if name == "roles" else value
    return out  # type: ignore[return-value]


@router.post("", status_code=201, response_model=s.PractitionerOut,
             summary="Register a practitioner (admin)")
async def create_practitioner(body: s.PractitionerIn, uow: UoW, caller: Caller) -> dict[str, Any]:
    return practitioner_view(await p.create_practitioner(
        uow=uow, fields=_changes(body, every=True), scope=caller))


@router.get("", response_model=Page[s.PractitionerOut], summary="List practitioners")
async def list_practitioners(uow: UoW, caller: Caller, role: s.Role | None = None,
                             npi: str | None = Query(None, pattern=r"^[0-9]{10}$")
                             ) -> dict[str, Any]:
    require(caller, "orders:read")
    items = await p.list_practitioners(uow=uow, scope=caller, role=role, npi=npi)
    return {"items": [practitioner_view(x) for x in items], "next_cursor": None}


@router.get("/{practitioner_id}", response_model=s.PractitionerOut,
            summary="Get a practitioner")
async def get_practitioner(practitioner_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    return practitioner_view(await p.get_practitioner(uow=uow, practitioner_id=practitioner_id,
                                                      scope=caller))


@router.patch("/{practitioner_id}", response_model=s.PractitionerOut,
              summary="Change a practitioner (admin)")
async def update_practitioner(practitioner_id: UUID, body: s.PractitionerPatch, uow: UoW,
                              caller: Caller) -> dict[str, Any]:
    return practitioner_view(await p.update_practitioner(
        uow=uow, practitioner_id=practitioner_id, changes=_changes(body, every=False),
        scope=caller))
