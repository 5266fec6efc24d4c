from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Diastolic, Rate, Spo2, Systolic
from .orders import Nrs


class VitalFindingOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    field: Annotated[str, Field(title='Field')]
    message: Annotated[str, Field(title='Message')]


class BpDiastolic(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=300, title='Bp Diastolic')]


class BpSystolic(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=400, title='Bp Systolic')]


class HeartRate1(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=400, title='Heart Rate')]


class Rass(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='Richmond Agitation-Sedation Scale', ge=-5, le=4, title='Rass'
        ),
    ]


class RespiratoryRate(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=120, title='Respiratory Rate')]


class Spo21(RootModel[int]):
    root: Annotated[int, Field(description='%', ge=0, le=100, title='Spo2')]


class TemperatureC(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=50.0, title='Temperature C')]


class WeightKg4(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, le=1000.0, title='Weight Kg')]


class VitalsIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    bp_diastolic: Annotated[BpDiastolic | None, Field(title='Bp Diastolic')] = None
    bp_systolic: Annotated[BpSystolic | None, Field(title='Bp Systolic')] = None
    heart_rate: Annotated[HeartRate1 | None, Field(title='Heart Rate')] = None
    kind: Annotated[
        Literal['baseline', 'during', 'end', 'discharge'], Field(title='Kind')
    ]
    nrs: Annotated[
        Nrs | None, Field(description='pain 0-10 (optional)', title='Nrs')
    ] = None
    on_room_air: Annotated[bool, Field(title='On Room Air')] = True
    poss: Annotated[
        Literal['S', '1', '2', '3', '4'] | None,
        Field(description='Pasero Opioid-Induced Sedation Scale', title='Poss'),
    ] = None
    rass: Annotated[
        Rass | None,
        Field(description='Richmond Agitation-Sedation Scale', title='Rass'),
    ] = None
    respiratory_rate: Annotated[
        RespiratoryRate | None, Field(title='Respiratory Rate')
    ] = None
    spo2: Annotated[Spo21 | None, Field(description='%', title='Spo2')] = None
    taken_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Taken At',
        ),
    ]
    temperature_c: Annotated[
        TemperatureC | str | None, Field(title='Temperature C')
    ] = None
    weight_kg: Annotated[WeightKg4 | str | None, Field(title='Weight Kg')] = None


class VitalsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    bp_diastolic: Annotated[int | None, Field(title='Bp Diastolic')]
    bp_systolic: Annotated[int | None, Field(title='Bp Systolic')]
    findings: Annotated[list[VitalFindingOut], Field(title='Findings')]
    heart_rate: Annotated[int | None, Field(title='Heart Rate')]
    id: Annotated[UUID, Field(title='Id')]
    kind: Annotated[
        Literal['baseline', 'during', 'end', 'discharge'], Field(title='Kind')
    ]
    nrs: Annotated[int | None, Field(title='Nrs')]
    on_room_air: Annotated[bool, Field(title='On Room Air')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    poss: Annotated[Literal['S', '1', '2', '3', '4'] | None, Field(title='Poss')]
    rass: Annotated[int | None, Field(title='Rass')]
    recorded_at: Annotated[AwareDatetime, Field(title='Recorded At')]
    recorded_by: Annotated[str | None, Field(title='Recorded By')]
    respiratory_rate: Annotated[int | None, Field(title='Respiratory Rate')]
    spo2: Annotated[int | None, Field(title='Spo2')]
    taken_at: Annotated[AwareDatetime, Field(title='Taken At')]
    temperature_c: Annotated[str | None, Field(title='Temperature C')]
    weight_kg: Annotated[str | None, Field(title='Weight Kg')]


class VitalsList(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[VitalsOut], Field(title='Items')]
