"""API shapes of /v1/purchasing (GPO contracts, WAC, wholesaler invoices, reorder) and the GPO
savings report. Money is a decimal string; prices are per package of an NDC."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator

from chairside_shared.inputs import Day
from reimbursement.entrypoints.api.schemas import (
    HCPCS_RE,
    NDC_PATTERN,
    Amount,
    Cost,
    In,
    Money,
    Out,
    billing_ndc,
)

KEY = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
Key = Annotated[str, Field(min_length=1, max_length=64, pattern=KEY)]


def _drug_code(value: str) -> str:
    """A HCPCS code as is; an NDC in any label form to its 11-digit billing form."""
    return value if HCPCS_RE.match(value) else billing_ndc(value)


DrugCode = Annotated[str, Field(min_length=5, max_length=13,
                                description="11-digit NDC (or a label form) or HCPCS code"),
                     AfterValidator(_drug_code)]


class TierIn(In):
    min_quantity: int = Field(ge=0, le=10_000_000, description="packages bought in the "
                              "contract period (this purchase included) that reach the tier")
    unit_price: Cost = Field(description="price of one package at this tier")


class RebateIn(In):
    kind: Literal["percent", "per_unit"]
    value: Cost = Field(description="percent of the contract spend, or an amount per package")


class ContractItemIn(In):
    code: DrugCode
    tiers: list[TierIn] = Field(min_length=1, max_length=20)
    rebate: RebateIn | None = None


class GpoContractIn(In):
    id: Key
    gpo: str = Field(min_length=1, max_length=120, description="the group purchasing "
                                                               "organization")
    name: str = Field(min_length=1, max_length=200)
    effective_from: Day
    effective_to: Day | None = Field(None, description="last day in force; null: open-ended")
    items: list[ContractItemIn] = Field(min_length=1, max_length=500)
    source: str = Field(min_length=1, max_length=300, description="where the terms come from; "
                        "demo data says so")


class TierOut(Out):
    min_quantity: int
    unit_price: Money


class RebateOut(Out):
    kind: str
    value: Amount


class ContractItemOut(Out):
    code: str
    tiers: list[TierOut]
    rebate: RebateOut | None


class GpoContractOut(Out):
    id: str
    gpo: str
    name: str
    effective_from: date
    effective_to: date | None
    items: list[ContractItemOut]
    source: str


class GpoContractPage(Out):
    items: list[GpoContractOut]
    next_cursor: str | None = None


class WacIn(In):
    code: DrugCode
    effective_from: Day
    package_price: Cost
    source: str = Field(min_length=1, max_length=300)


class WacListIn(In):
    prices: list[WacIn] = Field(min_length=1, max_length=1000)


class WacOut(Out):
    code: str
    effective_from: date
    package_price: Money
    source: str


class WacPage(Out):
    items: list[WacOut]
    next_cursor: str | None = None


class InvoiceLineIn(In):
    ndc: str = Field(min_length=10, max_length=13, pattern=NDC_PATTERN)
    quantity: int = Field(ge=1, le=100_000, description="packages")
    unit_price: Cost = Field(description="invoiced price of one package")
    contract_id: Key | None = Field(None, description="the GPO contract the line was bought "
                                                      "under")

    _ndc = field_validator("ndc")(classmethod(lambda cls, v: billing_ndc(v)))


class InvoiceIn(In):
    id: Key = Field(description="the wholesaler's invoice number")
    wholesaler: str = Field(min_length=1, max_length=120)
    invoice_date: Day
    lines: list[InvoiceLineIn] = Field(min_length=1, max_length=500)
    source: str = Field("", max_length=300)


class InvoiceLineOut(Out):
    ndc: str
    quantity: int
    unit_price: Money
    contract_id: str | None


class InvoiceOut(Out):
    id: str
    wholesaler: str
    invoice_date: date
    lines: list[InvoiceLineOut]
    source: str
    total: Money


class InvoicePage(Out):
    items: list[InvoiceOut]
    next_cursor: str | None = None


class SavingsRowOut(Out):
    drug: str = Field(description="HCPCS, or the NDC when the product has none")
    packages: int
    spend: Money
    wac_spend: Money
    savings: Money = Field(description="WAC − invoiced, over lines whose drug has a WAC")
    rebates_expected: Money
    contract_packages: int
    lines_without_wac: int


class GpoSavingsOut(Out):
    from_: date = Field(serialization_alias="from")
    to: date
    rows: list[SavingsRowOut]
    total_spend: Money
    total_savings: Money
    total_rebates_expected: Money


class ReorderRowOut(Out):
    hcpcs: str
    ndc: str
    doses: int
    vials_needed: Amount
    vials_on_hand: Amount
    shortfall_vials: Amount
    suggested_packages: int
    unit_price: Money | None
    basis: str = Field(description="contract, wac or none")
    contract_id: str | None
    tier_min: int | None
    order_cost: Money | None
    wac_cost: Money | None
    notes: list[str]


class ReorderOut(Out):
    today: date
    days: int
    doses_counted: int
    rows: list[ReorderRowOut]
