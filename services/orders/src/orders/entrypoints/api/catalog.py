"""/v1/drugs and /v1/protocols: the catalog as data, and the cocktail templates."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse, Response
from pydantic import TypeAdapter

from orders.domain.catalog import Catalog
from orders.domain.errors import NotFound
from orders.domain.protocols import DoseRule, Protocol, ProtocolLine
from orders.entrypoints.api import schemas as s
from orders.entrypoints.api.deps import Caller, Head, UoW, require
from orders.entrypoints.api.views import catalog_change_view, drug_view, protocol_view
from orders.service import records

router = APIRouter(tags=["catalog"])


@router.get("/v1/drugs", summary="The drug catalog (current version)")
async def list_drugs(head: Head, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    # The newest version's number is read for every call (a PUT on any replica is seen by
    # the next read); the list itself is rendered once per version. A read costs one small
    # query: 1.5-2.0 ms of CPU per read before, when each one parsed nothing but still ran a
    # transaction and serialized 31 drugs.
    version = await head.latest()
    body = None if version is None else head.rendered("drug-list", version)
    if body is None:
        catalog = await records.catalog_version(uow=uow, version=version)
        body = _drug_list_body(catalog)
        head.keep_rendered("drug-list", catalog.version, body)
    # The body ready to send; the annotation stays the documented shape (OpenAPI, contracts).
    return Response(body, media_type="application/json")  # type: ignore[return-value]


_AS_JSON: TypeAdapter[dict[str, Any]] = TypeAdapter(dict[str, Any])


def _drug_list_body(catalog: Catalog) -> bytes:
    items = [s.DrugOut.model_validate(drug_view(d, catalog)).model_dump(by_alias=True)
             for d in sorted(catalog.drugs.values(), key=lambda d: d.code)]
    # what FastAPI sends for the route's dict[str, Any] (decimals as strings, as before)
    return bytes(JSONResponse(_AS_JSON.dump_python(
        {"items": items, "next_cursor": None, "catalog_version": catalog.version},
        mode="json")).body)


@router.get("/v1/drugs/{code}", summary="One catalog drug, with every value's source")
async def get_drug(code: str, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    catalog = await records.current_catalog(uow=uow)
    drug = catalog.drug(code)
    if drug is None:
        raise NotFound(f"drug {code} not found")
    return {**drug.model_dump(mode="json"), "catalog_version": catalog.version,
            "references": {k: catalog.references[k] for k in catalog.references
                           if any(k in v for v in drug.sources.values())}}


@router.put("/v1/drugs/{code}", summary="Create or replace a catalog drug (new catalog version)")
async def put_drug(code: str, uow: UoW, caller: Caller,
                   body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    require(caller, "admin")
    note = body.pop("note", None)
    for read_only in ("catalog_version", "references"):  # a GET document can be PUT back
        body.pop(read_only, None)
    catalog = await records.put_drug(uow=uow, code=code, data=body, scope=caller, note=note)
    return {**catalog.drugs[code].model_dump(mode="json"), "catalog_version": catalog.version}


@router.get("/v1/drugs/{code}/versions", summary="Catalog versions that changed this drug")
async def drug_versions(code: str, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    changes = await records.drug_versions(uow=uow, code=code)
    return {"items": [catalog_change_view(v) for v in changes], "next_cursor": None}


@router.get("/v1/observation-kinds", response_model=s.Page[s.ObservationKindOut],
            summary="The observation kinds regimen gates may name (catalog data)")
async def list_observation_kinds(uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    catalog = await records.current_catalog(uow=uow)
    return {"items": [_kind_view(k, catalog) for k in sorted(catalog.observation_kinds)],
            "next_cursor": None}


@router.put("/v1/observation-kinds/{kind}", response_model=s.ObservationKindOut,
            summary="Create or replace an observation kind (new catalog version)")
async def put_observation_kind(kind: str, body: s.ObservationKindIn, uow: UoW,
                               caller: Caller) -> dict[str, Any]:
    require(caller, "admin")
    data = body.model_dump(exclude={"note"})
    catalog = await records.put_observation_kind(uow=uow, key=kind, data=data, scope=caller,
                                                 note=body.note)
    return _kind_view(kind, catalog)


def _kind_view(key: str, catalog: Catalog) -> dict[str, Any]:
    return {"kind": key, **catalog.observation_kinds[key].model_dump(),
            "catalog_version": catalog.version}


@router.get("/v1/catalog/rules", summary="Rule thresholds of the current catalog version")
async def rules(uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    catalog = await records.current_catalog(uow=uow)
    return {**catalog.rules.model_dump(mode="json"), "catalog_version": catalog.version}


@router.get("/v1/protocols", response_model=s.Page[s.ProtocolOut], summary="Cocktail templates")
async def list_protocols(uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    items = await records.list_protocols(uow=uow, scope=caller)
    return {"items": [protocol_view(p) for p in items], "next_cursor": None}


@router.post("/v1/protocols", status_code=201, response_model=s.ProtocolOut,
             summary="Create a cocktail template")
async def create_protocol(body: s.ProtocolCreate, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "admin")
    protocol = Protocol(
        id=uuid4(), practice_id=body.practice_id or caller.practice_id, name=body.name,
        population=body.population, description=body.description,
        lines=tuple(ProtocolLine(sequence=ln.sequence, drug_code=ln.drug_code, mode=ln.mode,
                                 minutes=ln.minutes, wait_after_minutes=ln.wait_after_minutes,
                                 with_previous=ln.with_previous,
                                 dose_rule=DoseRule(**ln.dose_rule.model_dump()))
                    for ln in body.lines))
    return protocol_view(await records.create_protocol(uow=uow, protocol=protocol, scope=caller))


@router.get("/v1/protocols/{protocol_id}", response_model=s.ProtocolOut, summary="A template")
async def get_protocol(protocol_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    for p in await records.list_protocols(uow=uow, scope=caller):
        if p.id == protocol_id:
            return protocol_view(p)
    raise NotFound(f"protocol {protocol_id} not found")
