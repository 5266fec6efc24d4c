"""API shapes of /v1/pricing (versioned contracts, fee schedules, charge master) and
/v1/underpayments. Money and rates are decimal strings."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field

from chairside_shared.inputs import Day, decimal_pattern, decimal_text
from reimbursement.entrypoints.api.schemas import HCPCS, Amount, Cost, In, Money, Out

KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
Key = Annotated[str, Field(min_length=1, max_length=64, pattern=KEY_PATTERN)]
Percent = Annotated[Decimal, Field(
    ge=0, le=1000, decimal_places=4,
    json_schema_extra=decimal_text(decimal_pattern("[1-9][0-9]{0,2}|1000", 4, zero=True)))]
Fraction = Annotated[Decimal, Field(ge=0, lt=1, decimal_places=6,
                                    json_schema_extra=decimal_text(r"^0(\.[0-9]{1,6})?$"))]
PayerKindName = Literal["medicare", "medicare_advantage", "medicaid", "commercial"]
VarianceStatusName = Literal["underpaid", "overpaid", "within_tolerance", "no_rate"]


class VersionIn(In):
    effective_from: Day = Field(description="first day the version prices (date of service)")
    effective_to: Day | None = Field(None, description="last day; null: until a later version")
    source: str = Field(min_length=1, max_length=300,
                        description="where the terms come from (contract, amendment, file)")


class ContractVersionIn(VersionIn):
    plan: str = Field("", max_length=64, pattern=r"^([A-Za-z0-9][A-Za-z0-9._-]*)?$",
                      description="the payer's plan; empty: every plan of the payer")
    name: str = Field(min_length=1, max_length=200)
    payer_kind: PayerKindName
    drug_pricing: Literal["asp", "awp", "fee_schedule"] = Field(
        description="asp: percent of ASP (106 = ASP + 6 %); awp: percent of AWP; "
                    "fee_schedule: per-code rates only")
    drug_percent: Percent = Field(Decimal(100), description="percent of the ASP or AWP basis")
    fee_schedule_id: Key | None = Field(None, description="a named, versioned fee schedule "
                                                          "for per-code rates")
    rates: dict[HCPCS, Cost] = Field({}, description="HCPCS/CPT -> allowed per unit; these "
                                                     "win over the fee schedule and the basis")
    sequestration: Fraction | None = Field(
        None, description="share of the paid portion withheld (CO-253); default 0.02 for "
                          "medicare, else 0")
    tolerance_amount: Cost = Field(Decimal(0), description="a line's variance up to this is "
                                                           "not flagged")
    tolerance_percent: Percent = Field(Decimal(0), description="...nor up to this percent of "
                                                               "the expected (the larger wins)")


class RateTableVersionIn(VersionIn):
    name: str = Field(min_length=1, max_length=200)
    rates: dict[HCPCS, Cost] = Field(min_length=1, description="HCPCS/CPT -> amount per unit")


class ClosedVersion(Out):
    version: int
    effective_to: date


class VersionOut(Out):
    kind: Literal["contract", "fee_schedule", "charge_master"]
    owner: str
    plan: str
    version: int
    effective_from: date
    effective_to: date | None
    source: str
    created_by: str
    created_at: datetime
    closed: ClosedVersion | None = Field(
        None, description="on create: the open-ended version this one ended")


class ContractTermsOut(Out):
    name: str
    payer_kind: PayerKindName
    drug_pricing: Literal["asp", "awp", "fee_schedule"]
    drug_percent: Amount
    fee_schedule_id: str | None
    rates: dict[str, Amount]
    sequestration: Amount
    tolerance_amount: Amount
    tolerance_percent: Amount


class ContractVersionOut(VersionOut):
    terms: ContractTermsOut


class RateTableVersionOut(VersionOut):
    name: str
    rates: dict[str, Amount]


class ContractVersionPage(Out):
    items: list[ContractVersionOut]
    next_cursor: str | None = None


class RateTableVersionPage(Out):
    items: list[RateTableVersionOut]
    next_cursor: str | None = None


class ContractRefOut(Out):
    payer_id: str
    plan: str
    version: int | None = Field(description="null: the unversioned contract")
    name: str


class VarianceOut(Out):
    claim_id: UUID
    account_number: str
    payer_id: str
    service_date: date
    contract: ContractRefOut
    lines: list[int]
    code: str
    modifiers: list[str]
    units: int
    expected: Money | None
    allowed: Money
    paid: Money
    sequestration: Money = Field(description="CO-253 counted as expected (not a variance)")
    variance: Money | None = Field(description="allowed - expected; negative: short")
    tolerance: Money | None
    status: VarianceStatusName


class UnderpaymentPage(Out):
    items: list[VarianceOut]
    total_variance: Money
    next_cursor: str | None = None
