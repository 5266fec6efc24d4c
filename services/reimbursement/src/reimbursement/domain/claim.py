"""The claim builder: one completed visit (+ its authorization) -> a professional claim draft.

Pure function of its inputs. A claim it cannot build with certainty comes back as
``needs_review`` with every reason, never as a guessed claim; one missing an item only a person
can record (a drug's NDC) comes back ``held``, naming each item. Coverage-with-evidence-
development rules (NCD 200.3: registry number, Q0/Q1, Z00.6) are applied to the coded lines
by domain/evidence_development.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, tzinfo
from decimal import Decimal
from typing import Literal
from uuid import UUID

from reimbursement.domain.admin_coding import AdminCoding, code_administration, product_hcpcs
from reimbursement.domain.claim_checks import (
    authorization_warnings,
    check_parties,
    claim_diagnoses,
    normalize_icd10,
)
from reimbursement.domain.drug_coding import Consumption, DrugCoding, DrugLine, Review, code_drugs
from reimbursement.domain.evidence_development import EvidenceRule, apply_evidence_rules
from reimbursement.domain.fees import (
    AspQuarter,
    ChargeMaster,
    CodingPolicy,
    DrugBasis,
    PayerContract,
    PaymentEstimate,
    admin_rate,
    drug_rate,
    estimate_payment,
)
from reimbursement.domain.hcpcs import HcpcsDescriptor
from reimbursement.domain.holds import Hold
from reimbursement.domain.hydration import HYDRATION_CODES, indication_pointers, with_indications
from reimbursement.domain.inventory import Product
from reimbursement.domain.money import ZERO, cents
from reimbursement.domain.npi import valid_npi
from reimbursement.domain.visit import AuthorizationInfo, Given, Visit

__all__ = [
    "BillingContext", "ClaimDraft", "ClaimIds", "ClaimLine", "ClaimStatus", "DrugCost",
    "build_claim", "normalize_icd10", "settled_status", "valid_npi", "with_lot_costs",
]

PLACE_OF_SERVICE_OFFICE = "11"
MAX_LINES = 50  # 837P loop 2400 repeats at most 50 times
MAX_POINTERS = 4  # SV107

# The claim state machine over these is domain/transitions.py.
ClaimStatus = Literal[
    "needs_review", "held", "ready", "submitted", "accepted", "rejected", "paid", "paid_zero",
    "partially_paid", "denied", "reversed", "corrected", "voided", "appealed", "written_off",
    "closed",
]


@dataclass(frozen=True, slots=True)
class ClaimLine:
    number: int
    kind: Literal["admin", "drug"]
    code: str
    modifiers: tuple[str, ...]
    units: int
    charge: Decimal
    allowed: Decimal | None
    dx_pointers: tuple[int, ...]
    sequences: tuple[int, ...]
    ndc: str | None = None
    ndc_qty: Decimal | None = None
    ndc_unit: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimIds:
    """The practitioners and coverage orders recorded on the administration (ids only)."""

    ordering_practitioner_id: UUID | None = None
    supervising_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None


@dataclass(frozen=True, slots=True)
class DrugCost:
    """What the drug of one NDC cost this visit, and how much of that went in the bin."""

    hcpcs: str | None
    ndc: str
    vials: Decimal
    acquisition_cost: Decimal
    waste_cost: Decimal


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    order_id: UUID
    practice_id: str
    patient_id: UUID
    payer_id: str | None
    member_id: str | None
    status: ClaimStatus
    service_date: date
    rendering_npi: str | None
    diagnoses: tuple[str, ...]
    auth_number: str | None
    lines: tuple[ClaimLine, ...]
    reviews: tuple[Review, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    total_charge: Decimal
    payment: PaymentEstimate | None
    acquisition_cost: Decimal
    waste_cost: Decimal
    consumptions: tuple[Consumption, ...]
    drug_costs: tuple[DrugCost, ...] = ()
    place_of_service: str = PLACE_OF_SERVICE_OFFICE
    holds: tuple[Hold, ...] = ()
    ids: ClaimIds = ClaimIds()
    registry_number: str | None = None  # 2300 REF*P4: a CED study (domain/evidence_development)

    @property
    def expected_payment(self) -> Decimal | None:
        return None if self.payment is None else self.payment.total_expected

    @property
    def expected_margin(self) -> Decimal | None:
        paid = self.expected_payment
        return None if paid is None else paid - self.acquisition_cost


@dataclass(frozen=True, slots=True)
class BillingContext:
    products: Mapping[str, Product]
    descriptors: Mapping[str, HcpcsDescriptor]
    charges: ChargeMaster
    contract: PayerContract | None
    asp: AspQuarter | None = None
    awp: Mapping[str, Decimal] = field(default_factory=dict)
    clinic_tz: tzinfo = UTC
    evidence_rules: tuple[EvidenceRule, ...] = ()  # data/evidence_development.json


def build_claim(
    visit: Visit, ctx: BillingContext, authorization: AuthorizationInfo | None = None,
) -> ClaimDraft:
    reviews: list[Review] = []
    warnings: list[str] = []
    policy = ctx.contract.policy if ctx.contract else CodingPolicy()
    timed, service_date = _timeline(visit, ctx.clinic_tz, reviews, warnings)
    admin = code_administration(timed, policy, hcpcs=product_hcpcs(timed, ctx.products))
    drugs = code_drugs(visit.administrations, ctx.products, ctx.descriptors, policy)
    reviews.extend(drugs.reviews)
    dx_visit = replace(visit, diagnoses=with_indications(visit.diagnoses, timed, policy))
    diagnoses = claim_diagnoses(dx_visit, reviews, warnings)
    check_parties(visit, ctx.contract, reviews)
    pointers = tuple(range(1, min(len(diagnoses), MAX_POINTERS) + 1)) or (1,)
    hydration_ptrs = indication_pointers(diagnoses, timed, policy, pointers, MAX_POINTERS)
    lines = _claim_lines(admin, drugs, pointers, ctx, reviews, given=bool(visit.administrations),
                         hydration_pointers=hydration_ptrs)
    ced = apply_evidence_rules(ctx.evidence_rules, ctx.contract, diagnoses, lines,
                               max_pointers=MAX_POINTERS)
    reviews.extend(ced.reviews)
    lines, diagnoses, holds = list(ced.lines), ced.diagnoses, drugs.holds + ced.holds
    warnings.extend(authorization_warnings(authorization, drugs.lines, service_date))
    payment = _expected_payment(ctx, lines, service_date, warnings)
    drug_costs = _costs(drugs.consumptions, ctx.products)
    return ClaimDraft(
        order_id=visit.order_id, practice_id=visit.practice_id, patient_id=visit.patient_id,
        payer_id=visit.payer_id, member_id=visit.member_id,
        status=settled_status(reviews, holds), service_date=service_date,
        rendering_npi=visit.rendering_npi, diagnoses=diagnoses,
        auth_number=authorization.auth_number if authorization else None,
        lines=tuple(lines), reviews=tuple(reviews), warnings=tuple(warnings),
        notes=admin.notes + drugs.notes + ced.notes,
        total_charge=sum((ln.charge for ln in lines), ZERO),
        payment=payment, acquisition_cost=sum((d.acquisition_cost for d in drug_costs), ZERO),
        waste_cost=sum((d.waste_cost for d in drug_costs), ZERO),
        consumptions=drugs.consumptions, drug_costs=drug_costs, holds=holds,
        ids=ClaimIds(visit.ordering_practitioner_id, visit.supervising_practitioner_id,
                     visit.coverage_id), registry_number=ced.registry_number,
    )


def settled_status(reviews: Sequence[Review], holds: Sequence[Hold]) -> ClaimStatus:
    """An unsent claim's status: a coding question first, then a missing item, else ready."""
    if reviews:
        return "needs_review"
    return "held" if holds else "ready"


def _timeline(visit: Visit, tz: tzinfo, reviews: list[Review], warnings: list[str],
              ) -> tuple[tuple[Given, ...], date]:
    """The administrations with usable times, and the local date of service."""
    given = visit.administrations
    for g in given:
        if g.stopped_at < g.started_at:
            reviews.append(Review("bad_times", f"line {g.sequence}: stopped before it started",
                                  g.sequence))
    if not given:
        reviews.append(Review("no_administrations", "the visit recorded no administrations"))
    timed = tuple(g for g in given if g.stopped_at >= g.started_at)
    first = min((g.started_at for g in given), default=visit.completed_at)
    service_date = first.astimezone(tz).date()
    if any(g.stopped_at.astimezone(tz).date() != service_date for g in timed):
        warnings.append("the visit crosses midnight; all lines carry the start date")
    return timed, service_date


def _claim_lines(
    admin: AdminCoding, drugs: DrugCoding, pointers: tuple[int, ...], ctx: BillingContext,
    reviews: list[Review], *, given: bool, hydration_pointers: tuple[int, ...],
) -> list[ClaimLine]:
    lines: list[ClaimLine] = []
    for a in admin.lines:
        ptrs = hydration_pointers if a.code in HYDRATION_CODES else pointers
        lines.append(_line(len(lines) + 1, "admin", a.code, (), a.units, a.sequences, ptrs,
                           ctx, reviews))
    for d in drugs.lines:
        lines.append(_drug_line(len(lines) + 1, d, pointers, ctx, reviews))
    if not lines and given:
        reviews.append(Review("no_billable_lines", "nothing in the visit is billable"))
    if len(lines) > MAX_LINES:
        reviews.append(Review("too_many_lines", f"{len(lines)} lines; an 837P carries {MAX_LINES}"))
    return lines


def with_lot_costs(claim: ClaimDraft, costs: Mapping[str, Decimal]) -> ClaimDraft:
    """Replace catalogue estimates with what the drawn lots cost (per NDC).

    The waste part of each NDC's cost keeps its share of the new figure."""
    updated = []
    for d in claim.drug_costs:
        actual = cents(costs.get(d.ndc, d.acquisition_cost))
        share = d.waste_cost / d.acquisition_cost if d.acquisition_cost else ZERO
        updated.append(replace(d, acquisition_cost=actual, waste_cost=cents(actual * share)))
    return replace(claim, drug_costs=tuple(updated),
                   acquisition_cost=sum((d.acquisition_cost for d in updated), ZERO),
                   waste_cost=sum((d.waste_cost for d in updated), ZERO))


def _line(
    number: int, kind: Literal["admin", "drug"], code: str, modifiers: tuple[str, ...],
    units: int, sequences: tuple[int, ...], pointers: tuple[int, ...], ctx: BillingContext,
    reviews: list[Review], drug: DrugLine | None = None,
) -> ClaimLine:
    unit_charge = ctx.charges.unit_charge(code)
    if unit_charge is None:
        reviews.append(Review("missing_charge", f"{code} has no price in the charge master"))
    allowed = None
    if ctx.contract is not None:
        rate = (admin_rate(ctx.contract, code) if kind == "admin"
                else drug_rate(ctx.contract, code, ctx.asp, ctx.awp))
        allowed = None if rate is None else cents(rate * units)
    return ClaimLine(number, kind, code, modifiers, units, cents((unit_charge or ZERO) * units),
                     allowed, pointers, sequences, ndc=drug.ndc if drug else None,
                     ndc_qty=drug.ndc_qty if drug else None,
                     ndc_unit=drug.ndc_unit if drug else None,
                     description=drug.description if drug else None)


def _drug_line(
    number: int, d: DrugLine, pointers: tuple[int, ...], ctx: BillingContext,
    reviews: list[Review],
) -> ClaimLine:
    return _line(number, "drug", d.code, d.modifiers, d.units, d.sequences, pointers, ctx,
                 reviews, drug=d)


def _expected_payment(
    ctx: BillingContext, lines: list[ClaimLine], service_date: date, warnings: list[str],
) -> PaymentEstimate | None:
    if ctx.contract is None:
        return None
    if ctx.asp is not None and not ctx.asp.covers(service_date):
        warnings.append(f"ASP quarter {ctx.asp.quarter} does not cover {service_date}")
    for ln in lines:
        if ln.allowed is None:
            warnings.append(_unpriced(ctx, ctx.contract, ln))
    return estimate_payment(ctx.contract, sum((ln.allowed or ZERO for ln in lines), ZERO))


def _unpriced(ctx: BillingContext, contract: PayerContract, ln: ClaimLine) -> str:
    """Why a line has no expected payment: an ASP-priced drug missing from the quarter's file
    stays unpriced (never a guessed figure) and says which file it was looked for in."""
    tail = "; expected payment leaves that line out"
    if (ln.kind == "drug" and ln.code not in contract.drug_rates
            and contract.drug_basis in (DrugBasis.MEDICARE_ASP, DrugBasis.ASP_PERCENT)):
        where = f"ASP quarter {ctx.asp.quarter} ({ctx.asp.source})" if ctx.asp else "no ASP file"
        return f"no {contract.name} rate for {ln.code}: unpriced, not in {where}{tail}"
    return f"no {contract.name} rate for {ln.code}{tail}"


def _costs(
    consumptions: tuple[Consumption, ...], products: Mapping[str, Product],
) -> tuple[DrugCost, ...]:
    totals: dict[str, list[Decimal]] = {}
    for c in consumptions:
        product = products[c.ndc]
        row = totals.setdefault(c.ndc, [ZERO, ZERO, ZERO])
        row[0] += c.vials
        row[1] += c.vials * product.vial_cost
        row[2] += (c.wasted + c.residual) / product.strength * product.vial_cost
    return tuple(DrugCost(products[ndc].hcpcs, ndc, v, cents(cost), cents(waste))
                 for ndc, (v, cost, waste) in totals.items())
