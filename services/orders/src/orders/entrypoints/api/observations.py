"""/v1/patients/{id}/observations: results the regimen gates read (HBV/TB screens, anti-JCV,
TOUCH checklist, brain MRI, ApoE, and any kind an admin adds to the catalog, such as a lab
value). Partners send them for their practice's patients."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import Field

from chairside_shared.inputs import Day
from orders.domain.observations import Observation
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.schema_base import In, Out
from orders.entrypoints.api.schemas import ObservedValue, Page
from orders.service import observations

router = APIRouter(prefix="/v1/patients", tags=["patients"])


class ObservationIn(In):
    kind: str = Field(min_length=1, max_length=32, pattern=r"^[a-z][a-z0-9_]*$",
                      description="a kind the catalog defines (GET /v1/observation-kinds), e.g. "
                                  "hbv_screen, tb_screen, anti_jcv, touch_checklist, mri_brain, "
                                  "apoe; an unknown kind is refused with a 422 naming `kind`")
    result: str | None = Field(default=None, min_length=1, max_length=32,
                               description="one of the kind's results (e.g. hbv_screen "
                                           "negative|positive|indeterminate); left out for a "
                                           "numeric kind, whose value sets it (low|normal|high)")
    value: ObservedValue | None = Field(default=None, description="a numeric kind's value, in "
                                                                  "the kind's unit")
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
    value: Decimal | None = None
    unit: str | None = None


@router.post("/{patient_id}/observations", status_code=201, response_model=ObservationOut,
             summary="Record a result a regimen gate reads (screen, MRI, checklist, ApoE)")
async def add_observation(patient_id: UUID, body: ObservationIn, uow: UoW,
                          caller: Caller) -> Observation:
    require(caller, "patients:write")
    return await observations.record_observation(
        uow=uow, patient_id=patient_id, kind=body.kind, result=body.result, value=body.value,
        observed_on=body.observed_on, source=body.source, order_id=body.order_id,
        scope=caller)


@router.get("/{patient_id}/observations", response_model=Page[ObservationOut],
            summary="The patient's recorded observations, oldest first")
async def list_observations(patient_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:read")
    items = await observations.list_observations(uow=uow, patient_id=patient_id, scope=caller)
    return {"items": items, "next_cursor": None}
