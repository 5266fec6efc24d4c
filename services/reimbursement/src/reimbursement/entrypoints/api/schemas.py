"""API shapes of the Billing section of api.md. Money is a decimal string ("123.45")."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Generic, Literal, TypeVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator

from chairside_shared.inputs import Day, decimal_pattern, decimal_text
from reimbursement.domain.ndc import NdcError, normalize_ndc
from reimbursement.entrypoints.api.state_schemas import SubmissionOut, TransitionOut

T = TypeVar("T")


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def billing_ndc(value: str) -> str:
    """Any label form in, the 11-digit billing form out (422 naming the field otherwise)."""
    try:
        return normalize_ndc(value)
    except NdcError as exc:
        raise ValueError(str(exc)) from exc


Money = Annotated[Decimal, PlainSerializer(_money, return_type=str)]
# What a caller may send: inside NUMERIC(18,6) and far above any real vial, package or rate.
# A decimal's text form is documented with its pattern, and its number form as a multiple of
# its last decimal place (pydantic writes neither into JSON Schema).
Quantity = Annotated[Decimal, Field(
    gt=0, le=1_000_000, decimal_places=6, multiple_of=Decimal("0.000001"),
    json_schema_extra=decimal_text(decimal_pattern("[1-9][0-9]{0,5}", 6, zero=False)))]
Cost = Annotated[Decimal, Field(
    ge=0, le=10_000_000, decimal_places=6, multiple_of=Decimal("0.000001"),
    json_schema_extra=decimal_text(decimal_pattern("[1-9][0-9]{0,6}", 6, zero=True)))]
Amount = Annotated[Decimal, PlainSerializer(_plain, return_type=str)]
HCPCS_RE = re.compile(r"^[A-Z0-9]\d{3}[A-Z0-9]$")
HCPCS = Annotated[str, Field(pattern=HCPCS_RE.pattern)]
# What normalize_ndc takes: 11 digits, or 5-4-2, 4-4-2, 5-3-2, 5-4-1 with hyphens; a labeler
# code of zeros only is no NDC.
_L5 = r"(?:[1-9]\d{4}|0[1-9]\d{3}|00[1-9]\d{2}|000[1-9]\d|0000[1-9])"
_L4 = r"(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
NDC_PATTERN = (rf"^(?:{_L5}\d{{6}}|{_L5}-\d{{4}}-\d{{2}}|{_L4}-\d{{4}}-\d{{2}}"
               rf"|{_L5}-\d{{3}}-\d{{2}}|{_L5}-\d{{4}}-\d)$")


class In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(Out, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


# --------------------------------------------------------------------------- claims
class Review(Out):
    code: str
    detail: str
    line: int | None = None


class HoldOut(Out):
    item: str = Field(description="what is missing, by name (e.g. patient.demographics, ndc)")
    detail: str
    line: int | None = None


class ClaimLineOut(Out):
    number: int
    kind: Literal["admin", "drug"]
    code: str
    modifiers: list[str]
    units: int
    charge: Money
    allowed: Money | None
    ndc: str | None
    ndc_qty: Amount | None
    ndc_unit: str | None
    dx_pointers: list[int]
    description: str | None = None
    paid: Money
    denied: bool
    denial_reasons: list[str]


class PaymentOut(Out):
    remittance_id: UUID
    status_code: str
    outcome: str | None
    paid: Money
    patient_responsibility: Money
    contractual: Money
    denial_reasons: list[str]
    adjustments: list[dict[str, Any]]
    posted_at: datetime
    payer_claim_number: str | None = None
    crossover: bool = Field(False, description="CLP02 19/20/21 with RARC MA18/MA07: the payer "
                            "forwarded the claim to the next payer")
    remarks: list[str] = Field([], description="RARCs of the claim (MOA) and its lines (LQ*HE)")


class ProviderAdjustmentOut(Out):
    remittance_id: UUID
    reason: str = Field(description="PLB code: WO overpayment recovery, FB forwarding "
                        "balance, 72 authorized return, L6 interest...")
    reference: str | None
    amount: Money = Field(description="negative: paid now, to be recouped later (deferred); "
                          "positive: taken back")
    posted_at: datetime


CobStateOut = Literal["secondary_built", "secondary_refused", "awaiting_crossover",
                      "crossover_received", "released", "last_payer"]


class CobOut(Out):
    """What followed the primary payer's final decision (on the primary and its secondary)."""

    role: Literal["primary", "secondary"] = Field(
        description="this claim's place: the primary claim, or the secondary built after it")
    primary_claim_id: UUID
    secondary_claim_id: UUID | None = None
    state: CobStateOut = Field(description="secondary_built: a secondary claim was built; "
                               "secondary_refused: it could not be (detail says why); "
                               "awaiting_crossover: the primary forwarded the claim (CLP02 "
                               "19/20/21, MA18/MA07), the patient statement waits for the "
                               "crossover payer's 835; crossover_received; released: a biller "
                               "released the hold; last_payer: no other coverage")
    detail: str | None = None
    crossover: Literal["medigap", "medicaid", "forwarded"] | None = None
    released_by: str | None = None
    release_reason: str | None = None
    updated_at: datetime


class ClaimOut(Out):
    id: UUID
    order_id: UUID
    practice_id: str
    patient_id: UUID
    payer_id: str | None
    member_id: str | None
    account_number: str
    status: str
    service_date: date
    place_of_service: str
    rendering_npi: str | None
    diagnoses: list[str]
    auth_number: str | None
    registry_number: str | None = Field(None, description="the coverage-with-evidence-"
                                        "development study's registry number (837P 2300 "
                                        "REF*P4), e.g. NCD 200.3's 99999999")
    lines: list[ClaimLineOut]
    total_charge: Money
    allowed: Money | None
    patient_share: Money | None
    sequestration: Money | None
    expected_payment: Money | None
    acquisition_cost: Money
    waste_cost: Money
    expected_margin: Money | None
    paid_amount: Money
    patient_responsibility: Money
    reviews: list[Review]
    holds: list[HoldOut] = Field(description="items the 837P needs and the claim lacks "
                                 "(status held): from the build and the last identity check")
    identity_checked_at: datetime | None = None
    ordering_practitioner_id: UUID | None = None
    supervising_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    warnings: list[str]
    notes: list[str]
    denial_reasons: list[str]
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    adjudicated_at: datetime | None
    payments: list[PaymentOut] = []
    cob: CobOut | None = Field(None, description="coordination of benefits: the secondary "
                               "claim built after this one, or the primary this one follows, "
                               "and what the primary's final decision led to")
    awaiting_crossover: bool = Field(False, description="the primary forwarded the claim to "
                                     "the secondary itself (crossover): send no secondary")
    provider_adjustments: list[ProviderAdjustmentOut] = Field(
        [], description="PLB amounts whose reference names this claim")
    open_recoupment: Money = Field(Decimal(0), description="deferred recoupments (PLB WO/FB/72)"
                                   " the payer has not taken back yet")
    clm01: str | None = Field(None, description="CLM01 of the version sent last")
    frequency: str | None = Field(None, description="CLM05-3 of the version sent last")
    payer_claim_number: str | None = Field(None, description="the payer's ICN (277CA REF*1K)")
    rejection_reasons: list[str] = Field([], description="why the version sent last was "
                                         "rejected (999 IK3/IK4, 277CA STC)")
    filing_deadline: date | None = Field(None, description="timely filing: the last day to "
                                         "submit")
    history: list[TransitionOut] = Field([], description="every change of status, oldest "
                                         "first (append-only)")
    submissions: list[SubmissionOut] = Field([], description="each version as sent")


class DenialOut(Out):
    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None
    status: str
    service_date: date
    age_days: int
    total_charge: Money
    paid_amount: Money
    denial_reasons: list[str]
    denied_lines: list[ClaimLineOut]
    # Issue 14: what to do and by when (data/denial_actions.json, data/appeal_rules.json).
    carcs: list[str] = Field(default_factory=list, description="denying CARCs, primary first")
    suggested_action: str | None = None
    action_label: str | None = None
    payer_type: str | None = None
    determined_on: date | None = Field(None, description="the remittance that denied it")
    act_by: date | None = Field(None, description="deadline to act on the suggested action "
                                                  "(None: none, or contract-specific)")
    open_amount: Money | None = Field(None, description="charged, neither paid nor the "
                                                        "patient's")


# --------------------------------------------------------------------------- remittances
class RemittanceOut(Out):
    duplicate: bool
    remittances: list[dict[str, Any]]
    claims: list[dict[str, Any]]


class QuarantineReason(Out):
    field: str = Field(description="'line N': the line of the segment at fault")
    message: str


class QuarantinedRemittance(Out):
    id: UUID
    received_at: datetime
    trace_number: str | None = Field(description="TRN02 when it could be read")
    keys: list[dict[str, str]] = Field(description="remittance keys read (TRN03, TRN04, "
                                       "TRN02, payee)")
    reasons: list[QuarantineReason]


# --------------------------------------------------------------------------- inventory
class ProductIn(In):
    ndc: str = Field(min_length=10, max_length=13, pattern=NDC_PATTERN)
    name: str = Field(min_length=1, max_length=200)
    hcpcs: HCPCS | None = None
    strength: Quantity
    strength_unit: Literal["mg", "g", "mcg", "ml", "iu"]
    volume_ml: Quantity | None = None
    vials_per_package: int = Field(ge=1, le=1000)
    single_dose: bool
    ndc_unit: Literal["UN", "ML", "GR", "ME", "F2"]
    package_cost: Cost
    cost_source: str = Field(min_length=1, max_length=200)
    reorder_point: int = Field(default=0, ge=0, le=100_000)

    _ndc = field_validator("ndc")(classmethod(lambda cls, v: billing_ndc(v)))


class ReceiptIn(In):
    """Receive stock: a lot of an NDC; ``product`` defines the NDC when it is new."""

    ndc: str = Field(min_length=10, max_length=13, pattern=NDC_PATTERN)
    lot_number: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9\-]+$")
    expires_on: Day
    packages: int = Field(ge=1, le=10000)
    package_cost: Cost | None = Field(
        None, description="the invoiced price of one package; omitted: the GPO contract in "
                          "force on the purchase date at the tier reached, else WAC, else the "
                          "product's price")
    cost_source: str | None = Field(default=None, max_length=200)
    reference: str | None = Field(default=None, max_length=80)
    product: ProductIn | None = None
    purchased_on: Day | None = Field(None, description="the purchase (invoice) date that "
                                                       "selects the contract; default: today")

    _ndc = field_validator("ndc")(classmethod(lambda cls, v: billing_ndc(v)))


class LotOut(Out):
    lot_number: str
    expires_on: date
    vials_on_hand: Amount
    vial_cost: Money
    cost_source: str
    contract_id: str | None = Field(None, description="the GPO contract the cost came from")
    wac_vial_cost: Money | None = Field(None, description="WAC per vial on the purchase date")


class InventoryItemOut(Out):
    ndc: str
    name: str
    hcpcs: str | None
    strength: Amount
    strength_unit: str
    volume_ml: Amount | None
    vials_per_package: int
    single_dose: bool
    ndc_unit: str
    package_cost: Money
    cost_source: str
    reorder_point: int
    usable_vials: Amount
    expired_vials: Amount
    usable_value: Money
    lots: list[LotOut]


class InventoryPage(Page[InventoryItemOut]):
    expiring: list[dict[str, Any]] = []
    stock_outs: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []


# --------------------------------------------------------------------------- fee schedules
class EvidenceIn(In):
    """One payer's coverage-with-evidence-development choices (NCD 200.3 registry coding of
    J0174/J0175); each left out keeps the rule's own (data/evidence_development.json)."""

    applies: bool | None = Field(None, description="null: the rule's payer kinds decide "
                                 "(Medicare fee-for-service); true: this payer wants the "
                                 "registry coding too (e.g. a Medicare Advantage plan); false: "
                                 "never")
    registry_number: str | None = Field(None, pattern=r"^[0-9]{8}$", description="the "
                                        "clinic's dedicated NCT number (8 digits) instead of "
                                        "99999999, sent in 2300 REF*P4")
    drug_modifier: str | None = Field(None, pattern=r"^[A-Z0-9]{2}$",
                                      description="on the drug lines (default Q0)")
    admin_modifier: str | None = Field(None, pattern=r"^[A-Z0-9]{2}$",
                                       description="on the drug's administration lines "
                                       "(default Q1)")


class PolicyIn(In):
    rounding: Literal["up", "nearest"] = "up"
    hydration_codes: list[str] | None = None
    hydration_indications: list[Annotated[str, Field(pattern=r"^[A-TV-Z][0-9][0-9A-Z.]{0,6}$")]
                                ] | None = Field(
        default=None, max_length=100, description="ICD-10-CM prefixes that document a need for "
        "hydration (dehydration, fluid loss, unable to drink); left out, the default list")
    jw_jz: bool = True
    unclassified_needs_review: bool = True
    complex_admin: list[Annotated[str, Field(pattern=r"^[a-z0-9_]{1,64}$|^[A-Z][0-9]{4}$")]
                        ] = Field(
        default_factory=list, max_length=200, description="Drug codes or HCPCS codes this payer "
        "wants coded as complex biologic administration (96413 / +96415 / +96417) instead of "
        "96365 / +96366 / +96367")
    evidence_development: EvidenceIn = Field(default_factory=EvidenceIn)


class ContractIn(In):
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["medicare", "medicare_advantage", "medicaid", "commercial"]
    drug_basis: Literal["medicare_asp", "asp_percent", "awp_percent", "fixed"]
    drug_percent: Decimal = Field(default=Decimal(1), gt=0, le=5, json_schema_extra=decimal_text(
        decimal_pattern("[1-4]", 6, zero=False)))
    drug_rates: dict[HCPCS, Cost] = {}
    admin_rates: dict[Annotated[str, Field(max_length=16)], Cost] = {}
    coinsurance: Decimal = Field(default=Decimal("0.20"), ge=0, le=1,
                                 json_schema_extra=decimal_text(r"^(0(\.[0-9]{1,6})?|1)$"))
    sequestration: Decimal = Field(default=Decimal(0), ge=0, lt=1,
                                   json_schema_extra=decimal_text(r"^0(\.[0-9]{1,6})?$"))
    x12_payer_id: str = Field(min_length=2, max_length=80)
    claim_filing: str = Field(min_length=2, max_length=2)
    policy: PolicyIn = PolicyIn()
    source: str = Field(min_length=1, max_length=300)


class ChargeMasterIn(In):
    version: str = Field(min_length=1, max_length=40)
    rates: dict[Annotated[str, Field(max_length=16)], Cost]


class DescriptorIn(In):
    description: str = Field(min_length=1, max_length=200)
    amount: Quantity
    unit: Literal["mg", "g", "mcg", "ml", "iu"]
    up_to: bool = False
    unclassified: bool = False
    source: str = Field(min_length=1, max_length=300)


class FeeScheduleItem(Out):
    kind: Literal["contract", "asp_quarter", "charge_master"]
    id: str
    detail: dict[str, Any]


# --------------------------------------------------------------------------- reports
class MarginRowOut(Out):
    key: str
    claims: int
    charges: Money
    revenue: Money
    acquisition_cost: Money
    waste_cost: Money
    margin: Money
    wac_cost: Money | None = Field(None, description="by drug: the vials drawn, at WAC "
                                                     "(draws from lots with a WAC on file)")
    gpo_savings: Money | None = Field(None, description="by drug: that WAC cost minus what "
                                                        "those vials cost (GPO contract)")


class MarginReport(Out):
    by: str
    from_: date = Field(serialization_alias="from")
    to: date
    rows: list[MarginRowOut]
    total_margin: Money


class ArReportOut(Out):
    from_: date = Field(serialization_alias="from")
    to: date
    open_claims: int
    outstanding: Money
    average_daily_revenue: Money
    days_in_ar: Amount | None
    aging: list[dict[str, Any]]
    denial_rate: Amount | None
    any_denial_rate: Amount | None
    denied_charge_rate: Amount | None
    waste_cost: Money
