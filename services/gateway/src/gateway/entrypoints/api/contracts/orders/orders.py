from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Class, Cursor, Dose, Lines, Lot, OrderLineIn, Plan, PlanId, Reaction, Severity, Unit, Version


class AcuteOutcomeOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    baseline_category: Annotated[str | None, Field(title='Baseline Category')]
    baseline_nrs: Annotated[int | None, Field(title='Baseline Nrs')]
    drop_50pct_2h: Annotated[bool | None, Field(title='Drop 50Pct 2H')]
    ed_return_72h: Annotated[bool | None, Field(title='Ed Return 72H')]
    ed_return_hours: Annotated[float | None, Field(title='Ed Return Hours')]
    failure: Annotated[bool | None, Field(title='Failure')]
    held_24h: Annotated[
        bool | None,
        Field(description='no recurrence and no rescue up to 24 h', title='Held 24H'),
    ]
    pain_free_2h: Annotated[bool | None, Field(title='Pain Free 2H')]
    pain_free_60: Annotated[bool | None, Field(title='Pain Free 60')]
    recurrence: Annotated[bool | None, Field(title='Recurrence')]
    relief_2h: Annotated[bool | None, Field(title='Relief 2H')]
    relief_at_discharge: Annotated[bool | None, Field(title='Relief At Discharge')]
    rescue_use: Annotated[bool | None, Field(title='Rescue Use')]
    response: Annotated[str, Field(title='Response')]
    sustained_freedom_24h: Annotated[bool | None, Field(title='Sustained Freedom 24H')]
    sustained_freedom_48h: Annotated[bool | None, Field(title='Sustained Freedom 48H')]
    sustained_relief_24h: Annotated[bool | None, Field(title='Sustained Relief 24H')]
    sustained_relief_48h: Annotated[bool | None, Field(title='Sustained Relief 48H')]
    time_to_relief_min: Annotated[int | None, Field(title='Time To Relief Min')]


class Ndc(RootModel[str]):
    root: Annotated[str, Field(max_length=16, title='Ndc')]


class FindingOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    line: Annotated[int | None, Field(title='Line')] = None
    message: Annotated[str, Field(title='Message')]
    overridden: Annotated[bool, Field(title='Overridden')] = False
    severity: Annotated[Literal['block', 'warn', 'info'], Field(title='Severity')]


class FollowUpOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    checkpoint_hours: Annotated[int, Field(title='Checkpoint Hours')]
    ed_hours: Annotated[float | None, Field(title='Ed Hours')]
    ed_visit: Annotated[bool, Field(title='Ed Visit')]
    recurrence: Annotated[bool, Field(title='Recurrence')]
    recurrence_hours: Annotated[float | None, Field(title='Recurrence Hours')]
    rescue_hours: Annotated[float | None, Field(title='Rescue Hours')]
    rescue_used: Annotated[bool, Field(title='Rescue Used')]


class Diagnosi(RootModel[str]):
    root: Annotated[
        str, Field(pattern='(?i)^[A-TV-Z][0-9][0-9AB](\\.?[0-9A-TV-Z]{1,4})?$')
    ]


class HeadacheHours(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='How long the current attack has lasted, whole hours (same-day orders only); 72 or more counts as status migrainosus in the same-day queue',
            ge=0,
            le=2160,
            title='Headache Hours',
        ),
    ]


class Diagnosis(RootModel[list[Diagnosi]]):
    root: Annotated[list[Diagnosi], Field(max_length=12, title='Diagnosis')]


class Line(RootModel[int]):
    root: Annotated[int, Field(ge=1, le=99, title='Line')]


class OverrideOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    at: Annotated[AwareDatetime, Field(title='At')]
    by: Annotated[str, Field(title='By')]
    finding_code: Annotated[str, Field(title='Finding Code')]
    line: Annotated[int | None, Field(title='Line')]
    reason: Annotated[str, Field(title='Reason')]


class PainScoreOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    at: Annotated[AwareDatetime, Field(title='At')]
    category: Annotated[str, Field(title='Category')]
    nrs: Annotated[int, Field(title='Nrs')]
    point: Annotated[str, Field(title='Point')]


class PayerIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    member_id: Annotated[str, Field(max_length=64, min_length=1, title='Member Id')]
    payer_id: Annotated[str, Field(max_length=64, min_length=1, title='Payer Id')]
    plan_id: Annotated[PlanId | None, Field(title='Plan Id')] = None


class VisitOutcomeOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    follow_ups: Annotated[list[FollowUpOut], Field(title='Follow Ups')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    outcome: AcuteOutcomeOut
    rules_version: Annotated[int, Field(title='Rules Version')]
    scores: Annotated[list[PainScoreOut], Field(title='Scores')]


class Nrs(RootModel[int]):
    root: Annotated[
        int, Field(description='pain 0-10 (optional)', ge=0, le=10, title='Nrs')
    ]


class WindowIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    from_: Annotated[
        AwareDatetime,
        Field(
            alias='from',
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='From',
        ),
    ]
    to: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='To',
        ),
    ]


class AdministrationOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    dose_given: Annotated[str, Field(title='Dose Given')]
    dose_unit: Annotated[str, Field(title='Dose Unit')]
    findings: Annotated[list[FindingOut], Field(title='Findings')]
    line_sequence: Annotated[int, Field(title='Line Sequence')]
    lot: Annotated[str | None, Field(title='Lot')]
    monitoring: Annotated[
        list[str],
        Field(
            description="The catalog's monitoring text for the drug of this line",
            title='Monitoring',
        ),
    ] = []
    ndc: Annotated[str | None, Field(title='Ndc')]
    reaction: Annotated[str | None, Field(title='Reaction')]
    started_at: Annotated[AwareDatetime, Field(title='Started At')]
    stopped_at: Annotated[AwareDatetime, Field(title='Stopped At')]
    supervising_practitioner_id: Annotated[
        UUID | None, Field(title='Supervising Practitioner Id')
    ] = None
    wasted_amount: Annotated[str, Field(title='Wasted Amount')]


class OrderCreate(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    coverage_id: Annotated[
        UUID | None,
        Field(
            description="One of the patient's coverages; left out, the patient's active coverage for the order's payer (primary first) is used",
            title='Coverage Id',
        ),
    ] = None
    diagnosis: Annotated[
        list[Diagnosi], Field(max_length=12, title='Diagnosis', validate_default=True)
    ] = []
    headache_hours: Annotated[
        HeadacheHours | None,
        Field(
            description='How long the current attack has lasted, whole hours (same-day orders only); 72 or more counts as status migrainosus in the same-day queue',
            title='Headache Hours',
        ),
    ] = None
    lines: Annotated[list[OrderLineIn] | None, Field(title='Lines')] = None
    ordering_practitioner_id: Annotated[
        UUID | None,
        Field(
            description='A practitioner with the ordering role',
            title='Ordering Practitioner Id',
        ),
    ] = None
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer: PayerIn | None = None
    protocol_id: Annotated[UUID | None, Field(title='Protocol Id')] = None
    requested_window: WindowIn | None = None
    triage_category: Annotated[
        Literal['status_migrainosus', 'refractory_to_home_rescue', 'prolonged_attack', 'routine'] | None,
        Field(
            description="Same-day triage: status_migrainosus (a debilitating attack > 72 h), refractory_to_home_rescue, prolonged_attack or routine. Same-day orders only; the same-day queue orders by it (scheduling's triage rule)",
            title='Triage Category',
        ),
    ] = None
    urgency: Annotated[Literal['same_day', 'planned'], Field(title='Urgency')]


class OrderOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')]
    administrations: Annotated[list[AdministrationOut], Field(title='Administrations')]
    authorization_reason: Annotated[
        str | None,
        Field(
            description="The payer's reason when the drug was denied, not covered, or the approval expired or was withdrawn; null otherwise.",
            title='Authorization Reason',
        ),
    ] = None
    authorization_status: Annotated[str, Field(title='Authorization Status')]
    cancel_reason: Annotated[str | None, Field(title='Cancel Reason')]
    cancelled_at: Annotated[AwareDatetime | None, Field(title='Cancelled At')]
    catalog_version: Annotated[int, Field(title='Catalog Version')]
    completed_at: Annotated[AwareDatetime | None, Field(title='Completed At')]
    coverage_id: Annotated[UUID | None, Field(title='Coverage Id')] = None
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    diagnosis: Annotated[list[str], Field(title='Diagnosis')]
    estimated_chair_minutes: Annotated[int, Field(title='Estimated Chair Minutes')]
    findings: Annotated[list[FindingOut], Field(title='Findings')]
    headache_hours: Annotated[
        int | None,
        Field(
            description='How long the current attack has lasted, whole hours (same-day orders only); 72 or more counts as status migrainosus in the same-day queue',
            title='Headache Hours',
        ),
    ] = None
    history: Annotated[list[dict[str, Any]], Field(title='History')]
    id: Annotated[UUID, Field(title='Id')]
    lines: Annotated[
        list[dict[str, Any]],
        Field(
            description="The order's lines as ordered (an IV fluid's also carries `fluid`: purpose, rate, indication), each with the catalog's `monitoring` text for its drug",
            title='Lines',
        ),
    ]
    ordering_practitioner_id: Annotated[
        UUID | None, Field(title='Ordering Practitioner Id')
    ] = None
    overrides: Annotated[list[OverrideOut], Field(title='Overrides')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer: Annotated[dict[str, Any] | None, Field(title='Payer')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    prescriber_id: Annotated[str | None, Field(title='Prescriber Id')]
    protocol_id: Annotated[UUID | None, Field(title='Protocol Id')]
    requested_window: Annotated[dict[str, Any] | None, Field(title='Requested Window')]
    requires_driver: Annotated[bool, Field(title='Requires Driver')]
    signed_at: Annotated[AwareDatetime | None, Field(title='Signed At')]
    status: Annotated[str, Field(title='Status')]
    supervising_practitioner_id: Annotated[
        UUID | None, Field(title='Supervising Practitioner Id')
    ] = None
    triage_category: Annotated[
        str | None,
        Field(
            description="Same-day triage: status_migrainosus (a debilitating attack > 72 h), refractory_to_home_rescue, prolonged_attack or routine. Same-day orders only; the same-day queue orders by it (scheduling's triage rule)",
            title='Triage Category',
        ),
    ] = None
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]
    urgency: Annotated[str, Field(title='Urgency')]


class OrderUpdate(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    coverage_id: Annotated[UUID | None, Field(title='Coverage Id')] = None
    diagnosis: Annotated[Diagnosis | None, Field(title='Diagnosis')] = None
    headache_hours: Annotated[
        HeadacheHours | None,
        Field(
            description='How long the current attack has lasted, whole hours (same-day orders only); 72 or more counts as status migrainosus in the same-day queue',
            title='Headache Hours',
        ),
    ] = None
    lines: Annotated[Lines | None, Field(title='Lines')] = None
    ordering_practitioner_id: Annotated[
        UUID | None, Field(title='Ordering Practitioner Id')
    ] = None
    payer: PayerIn | None = None
    requested_window: WindowIn | None = None
    triage_category: Annotated[
        Literal['status_migrainosus', 'refractory_to_home_rescue', 'prolonged_attack', 'routine'] | None,
        Field(
            description="Same-day triage: status_migrainosus (a debilitating attack > 72 h), refractory_to_home_rescue, prolonged_attack or routine. Same-day orders only; the same-day queue orders by it (scheduling's triage rule)",
            title='Triage Category',
        ),
    ] = None
    urgency: Annotated[
        Literal['same_day', 'planned'] | None, Field(title='Urgency')
    ] = None


class PageOrderOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[OrderOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
