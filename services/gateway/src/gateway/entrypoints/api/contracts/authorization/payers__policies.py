from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Criteria, Payer, Period, Plan, Reason, Version


class InitialApprovalMonths(RootModel[int]):
    root: Annotated[int, Field(gt=0, le=24, title='Initial Approval Months')]


class PaUnitsThreshold(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=100000, title='Pa Units Threshold')]


class PolicyVersion(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    created_at: Annotated[AwareDatetime | None, Field(title='Created At')]
    created_by: Annotated[str, Field(title='Created By')]
    version: Annotated[int, Field(title='Version')]


class PreferredProduct(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    name: Annotated[str, Field(title='Name')]


class ProductPreference(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    mode: Annotated[Literal['step', 'not-covered'], Field(title='Mode')] = 'step'
    molecule: Annotated[str, Field(title='Molecule')]
    preferred: Annotated[list[PreferredProduct], Field(min_length=1, title='Preferred')]
    source: Annotated[str | None, Field(title='Source')] = None


class QuantityLimit(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    period_days: Annotated[int, Field(gt=0, le=3660, title='Period Days')]
    units: Annotated[int, Field(gt=0, le=100000, title='Units')]


class ReauthRule(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    approval_months: Annotated[int, Field(gt=0, le=24, title='Approval Months')]
    migraine_response: Annotated[bool, Field(title='Migraine Response')] = True
    min_reduction_pct: Annotated[
        int, Field(ge=0, le=100, title='Min Reduction Pct')
    ] = 50
    requires_reduced_acute_use: Annotated[
        bool, Field(title='Requires Reduced Acute Use')
    ] = True


class CoveragePolicy(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    billing_unit: Annotated[str | None, Field(title='Billing Unit')] = None
    coverage: Annotated[
        Literal['covered', 'not-covered', 'conditional'], Field(title='Coverage')
    ]
    criteria: Criteria | None = None
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    initial_approval_months: Annotated[
        InitialApprovalMonths | None, Field(title='Initial Approval Months')
    ] = None
    not_covered_reason: Annotated[str | None, Field(title='Not Covered Reason')] = None
    pa: Annotated[
        Literal['no-auth', 'auth-needed', 'conditional'] | None, Field(title='Pa')
    ] = None
    pa_units_threshold: Annotated[
        PaUnitsThreshold | None, Field(title='Pa Units Threshold')
    ] = None
    plan_id: Annotated[str | None, Field(title='Plan Id')] = None
    preference: ProductPreference | None = None
    quantity_limit: QuantityLimit | None = None
    reauth: ReauthRule | None = None
    source: Annotated[str | None, Field(title='Source')] = None


class PolicyList(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    policies: Annotated[list[CoveragePolicy], Field(title='Policies')]


class PolicyListOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    payer_id: Annotated[str, Field(title='Payer Id')]
    policies: Annotated[list[CoveragePolicy], Field(title='Policies')]
    version: Annotated[int, Field(title='Version')]
    versions: Annotated[list[PolicyVersion], Field(title='Versions')]
