"""Code sets the authorization domain speaks.

CRD codes come from the Da Vinci CRD coverage-information extension
(CodeSystem temp / CoverageInformationCodes): ``covered`` and ``pa-needed``. The brief's
"yes/no/conditional" does not exist; these are the real codes. Our event contract
(``CoverageDecisionLine``) carries the three ``pa-needed`` values a payer policy can state
up front; ``satisfied`` and ``performpa`` are payer-side answers we never produce ourselves.
"""

from __future__ import annotations

from typing import Literal, get_args

PaNeeded = Literal["no-auth", "auth-needed", "conditional"]
Covered = Literal["covered", "not-covered", "conditional"]
DocNeeded = Literal["no-doc", "clinical", "admin", "patient", "conditional"]

PA_NEEDED_CODES: tuple[str, ...] = get_args(PaNeeded)
COVERED_CODES: tuple[str, ...] = get_args(Covered)

# Payer types decide the default decision time frame (see domain/deadlines.py).
PayerType = Literal[
    "medicare_ffs",  # traditional Medicare (Part B): no PA for these drugs
    "medicare_advantage",
    "medicaid",
    "commercial",
    "qhp_exchange",
]
PAYER_TYPES: tuple[str, ...] = get_args(PayerType)

CaseStatus = Literal["draft", "submitted", "pended", "approved", "denied", "expired", "withdrawn"]
CASE_STATUSES: tuple[str, ...] = get_args(CaseStatus)
OPEN_STATUSES = frozenset({"draft", "submitted", "pended"})
AWAITING_PAYER = frozenset({"submitted", "pended"})
FINAL_STATUSES = frozenset({"denied", "expired", "withdrawn"})

CaseKind = Literal["initial", "renewal"]

# What coverage discovery decides for a whole order (domain/coverage.py).
Outcome = Literal["not_required", "not_covered", "pa_required", "satisfied"]

# X12 306 (HCR01) review action codes as carried in the PAS reviewAction extension.
# A1/A3/A4 are the ones Inferno's PAS test kit exercises; A2/A6/CT/NA/C are listed in the
# domain doc as general knowledge, so we accept them conservatively (see fhir reader).
REVIEW_APPROVED = "A1"
REVIEW_PARTIAL = "A2"
REVIEW_DENIED = "A3"
REVIEW_PENDED = "A4"
REVIEW_MODIFIED = "A6"
REVIEW_CONTACT_PAYER = "CT"
REVIEW_NO_ACTION = "NA"
REVIEW_CANCELLED = "C"

# Usage finding codes, as in the AuthorizationUsageFlagged contract.
UsageCode = Literal["outside_valid_dates", "units_exceeded", "no_authorization"]

# Preventive migraine drug classes payers count as "tried and failed" (domain doc A4).
PREVENTIVE_CLASSES: tuple[str, ...] = (
    "beta-blocker",
    "anticonvulsant",
    "tca-snri",
    "calcium-channel-blocker",
    "acei-arb",
    "onabotulinumtoxinA",
)

# Prescriber specialties offered in the DTR question (payers require "a specialist").
SPECIALTIES: tuple[str, ...] = (
    "neurology",
    "headache-medicine",
    "pain-medicine",
    "gastroenterology",
    "rheumatology",
    "immunology",
    "geriatrics",
    "primary-care",
    "emergency-medicine",
    "other",
)
