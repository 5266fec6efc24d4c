"""Fee schedules and payer contracts, as data, and the pricing of claim lines.

Medicare Part B pays most separately payable drugs at 106% of ASP per HCPCS unit. CMS publishes
that figure quarterly as the "Payment Limit" column of the ASP pricing file, so the Medicare
rate is the file's limit as-is (multiplying it by 1.06 again would overpay by 6%). The bare ASP
used by commercial "percent of ASP" contracts is derived as limit / 1.06.

Sequestration (2%) reduces the Medicare-paid portion after coinsurance; it is shown as its own
figure, not folded into the allowed amount: 1.06 x (0.20 + 0.80 x 0.98) ~= 104.3% of ASP.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from reimbursement.domain.hcpcs import Rounding
from reimbursement.domain.money import ZERO, cents

ASP_ADD_ON = Decimal("1.06")
MEDICARE_SEQUESTRATION = Decimal("0.02")

# Fluids that count as hydration unless they only carry a drug. Matched on drug_code or HCPCS.
DEFAULT_HYDRATION = frozenset({
    "normal_saline", "sodium_chloride_0_9", "lactated_ringers", "d5w", "d5_half_ns", "d5ns",
    "J7030", "J7040", "J7042", "J7050", "J7060", "J7070", "J7120",
})
ELECTROLYTES = frozenset({"magnesium", "magnesium_sulfate", "J3475"})
# ICD-10-CM prefixes that document why hydration was needed: dehydration / volume depletion
# (E86), nausea and vomiting (R11), diarrhea (R19.7), gastroenteritis (A09), dysphagia, i.e.
# unable to drink (R13.1). Source: clinical-loop.md §6 (CMS RAC topic 0137, Noridian A52732:
# "dehydration, fluid loss or inability to drink documented"); the code list itself is
# [general knowledge, verify] and per payer (a contract's policy may replace it).
DEFAULT_HYDRATION_INDICATIONS = frozenset({"E86", "R11", "R197", "A09", "R131"})
# Which drugs a payer wants coded with the chemotherapy / highly complex biologic family
# (96413 / +96415 / +96417, pushes 96409 / +96411) instead of 96365 / +96366 / +96367: payers
# differ (Genentech's Ocrevus coding lists both, "for payers who do not yet recognize OCREVUS as
# approved for chemotherapy administration codes 96413 and 96415, other administration codes,
# such as 96365 and 96366, may be used"), so it is contract data, empty by default. Matched on
# the administration's drug_code or HCPCS code, like ``hydration_codes``.
NO_COMPLEX_ADMIN: frozenset[str] = frozenset()


class PayerKind(StrEnum):
    MEDICARE = "medicare"
    MEDICARE_ADVANTAGE = "medicare_advantage"
    MEDICAID = "medicaid"
    COMMERCIAL = "commercial"


class DrugBasis(StrEnum):
    MEDICARE_ASP = "medicare_asp"  # the ASP file's payment limit (106% of ASP)
    ASP_PERCENT = "asp_percent"  # percent of ASP, e.g. 1.15 = ASP + 15%
    AWP_PERCENT = "awp_percent"  # percent of AWP, e.g. 0.83 = AWP - 17%
    FIXED = "fixed"  # only the per-code rates in ``drug_rates``


@dataclass(frozen=True, slots=True)
class AspEntry:
    hcpcs: str
    description: str
    dosage: str  # the file's "HCPCS Code Dosage", e.g. "10 MG"
    payment_limit: Decimal  # Medicare allowed per HCPCS unit (106% of ASP)
    line: int = 0  # line in the source file, for audits

    @property
    def asp(self) -> Decimal:
        return self.payment_limit / ASP_ADD_ON


@dataclass(frozen=True, slots=True)
class AspQuarter:
    quarter: str  # "2026Q1"
    effective_from: date
    effective_to: date
    entries: Mapping[str, AspEntry]
    source: str

    def covers(self, day: date) -> bool:
        return self.effective_from <= day <= self.effective_to


@dataclass(frozen=True, slots=True)
class AspImport:
    """One imported ASP quarter, without its prices."""

    quarter: str
    effective_from: date
    effective_to: date
    source: str
    rows: int
    imported_at: datetime


@dataclass(frozen=True, slots=True)
class EvidenceSettings:
    """One payer's choices on coverage-with-evidence-development rules (NCD 200.3 registry:
    data/evidence_development.json, domain/evidence_development.py); None keeps the rule's.

    ``applies`` None: the rule's payer kinds decide (Medicare fee-for-service); True: this
    payer wants it too (a Medicare Advantage plan that asks for the registry coding); False:
    never. ``registry_number``: the clinic's dedicated NCT number instead of "99999999"."""

    applies: bool | None = None
    registry_number: str | None = None  # 8 digits (2300 REF*P4)
    drug_modifier: str | None = None  # default Q0 (Chairside's split, unverified)
    admin_modifier: str | None = None  # default Q1


@dataclass(frozen=True, slots=True)
class CodingPolicy:
    """Per-payer coding choices where payers and MACs disagree."""

    rounding: Rounding = Rounding.UP
    hydration_codes: frozenset[str] = DEFAULT_HYDRATION
    jw_jz: bool = True  # report JW/JZ on single-dose-container drugs
    unclassified_needs_review: bool = True  # J3490 etc. need a description and invoice
    hydration_indications: frozenset[str] = DEFAULT_HYDRATION_INDICATIONS  # ICD-10 prefixes
    complex_admin: frozenset[str] = NO_COMPLEX_ADMIN  # drug codes / HCPCS coded 96413-family
    evidence_development: EvidenceSettings = EvidenceSettings()  # NCD 200.3 registry coding

    @classmethod
    def electrolytes_as_hydration(
        cls, *, rounding: Rounding = Rounding.UP, jw_jz: bool = True,
        unclassified_needs_review: bool = True,
    ) -> CodingPolicy:
        return cls(rounding=rounding, hydration_codes=DEFAULT_HYDRATION | ELECTROLYTES,
                   jw_jz=jw_jz, unclassified_needs_review=unclassified_needs_review)


@dataclass(frozen=True, slots=True)
class PayerContract:
    payer_id: str
    name: str
    kind: PayerKind
    drug_basis: DrugBasis
    drug_percent: Decimal = Decimal("1")
    drug_rates: Mapping[str, Decimal] = field(default_factory=dict)  # per HCPCS unit, overrides
    admin_rates: Mapping[str, Decimal] = field(default_factory=dict)  # CPT -> per unit
    coinsurance: Decimal = Decimal("0.20")
    sequestration: Decimal = ZERO
    policy: CodingPolicy = field(default_factory=CodingPolicy)
    x12_payer_id: str = ""  # 2010BB NM109
    claim_filing: str = "CI"  # SBR09: MB Medicare B, CI commercial, MC Medicaid, 16 MA HMO
    source: str = ""


@dataclass(frozen=True, slots=True)
class ChargeMaster:
    """The practice's own prices per code and unit (what goes in SV102)."""

    rates: Mapping[str, Decimal]
    version: str = ""

    def unit_charge(self, code: str) -> Decimal | None:
        return self.rates.get(code)


@dataclass(frozen=True, slots=True)
class PaymentEstimate:
    allowed: Decimal
    patient_share: Decimal
    payer_share: Decimal  # before sequestration
    sequestration: Decimal
    payer_expected: Decimal
    total_expected: Decimal  # payer_expected + patient_share


def drug_rate(
    contract: PayerContract, hcpcs: str, asp: AspQuarter | None, awp: Mapping[str, Decimal],
) -> Decimal | None:
    """Allowed amount per HCPCS unit under the contract, or None when no rate exists."""
    if hcpcs in contract.drug_rates:
        return contract.drug_rates[hcpcs]
    basis = contract.drug_basis
    if basis in (DrugBasis.MEDICARE_ASP, DrugBasis.ASP_PERCENT):
        entry = asp.entries.get(hcpcs) if asp else None
        if entry is None:
            return None
        if basis is DrugBasis.MEDICARE_ASP:
            return entry.payment_limit * contract.drug_percent
        return entry.asp * contract.drug_percent
    if basis is DrugBasis.AWP_PERCENT:
        price = awp.get(hcpcs)
        return None if price is None else price * contract.drug_percent
    return None


def admin_rate(contract: PayerContract, cpt: str) -> Decimal | None:
    return contract.admin_rates.get(cpt)


def estimate_payment(contract: PayerContract, allowed: Decimal) -> PaymentEstimate:
    allowed = cents(allowed)
    patient = cents(allowed * contract.coinsurance)
    payer = allowed - patient
    seq = cents(payer * contract.sequestration)
    return PaymentEstimate(
        allowed=allowed, patient_share=patient, payer_share=payer, sequestration=seq,
        payer_expected=payer - seq, total_expected=allowed - seq,
    )
