"""/v1/patients/{id}/observations: results the regimen gates read (HBV/TB screens, anti-JCV,
TOUCH checklist, brain MRI, ApoE). Partners send them for their practice's patients."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from fastapi import APIRouter
from pydantic import Field

from chairside_shared.inputs import Day
from orders.domain.observations import Observation
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.schema_base import In, Out
from orders.entrypoints.api.schemas import Page
from orders.service import observations

router = APIRouter(prefix="/v1/patients", tags=["patients"])
Kind = Literal["hbv_screen", "tb_screen", "anti_jcv", "touch_checklist", "mri_brain", "apoe"]


class ObservationIn(In):
    kind: Kind
    result: str = Field(min_length=1, max_length=32,
                        description="per kind: hbv_screen/tb_screen/anti_jcv negative|positive|"
                                    "indeterminate; touch_checklist completed|not_completed; "
                                    "mri_brain no_aria|aria_e|aria_h|aria_e_and_h|other_finding; "
                                    "apoe e4_noncarrier|e4_heterozygote|e4_homozygote|declined")
    observed_on: Day
    source: str = Field(min_length=1, max_length=200)
    order_id: UUID | None = Field(default=None, description="the infusion a TOUCH checklist "
                                                            "is for")


class ObservationOut(Out):
    id: UUID
    patient_id: UUID
    kind: str
    result: str
    observed_on: date
    source: str
    order_id: UUID | None
    recorded_at: datetime | None


@router.post("/{patient_id}/observations", status_code=201, response_model=ObservationOut,
             summary="Record a result a regimen gate reads (screen, MRI, checklist, ApoE)")
async def add_observation(patient_id: UUID, body: ObservationIn, uow: UoW,
                          caller: Caller) -> Observation:
    require(caller, "patients:write")
    return await observations.record_observation(
        uow=uow, patient_id=patient_id, kind=body.kind, result=body.result,
        observed_on=body.observed_on, source=body.source, order_id=body.order_id,
        scope=caller)


@router.get("/{patient_id}/observations", response_model=Page[ObservationOut],
            summary="The patient's recorded observations, oldest first")
async def list_observations(patient_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:read")
    items = await observations.list_observations(uow=uow, patient_id=patient_id, scope=caller)
    return {"items": items, "next_cursor": None}
