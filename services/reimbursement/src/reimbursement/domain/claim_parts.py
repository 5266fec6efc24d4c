"""The parts of a built claim: its coding as billed, its lines and what remittances did with
them, and the small documents refusals list (reviews, holds). The Claim aggregate that owns
them is domain/lifecycle.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from reimbursement.domain.claim import ClaimDraft, ClaimIds, ClaimLine, DrugCost
from reimbursement.domain.drug_coding import Review
from reimbursement.domain.holds import Hold
from reimbursement.domain.money import ZERO

ReviewReason = dict[str, str | int | None]


def account_number_for(claim_id: UUID) -> str:
    """CLM01 (echoed back as CLP01 in the 835): the claim id's first 16 hex digits."""
    return claim_id.hex[:16].upper()


def review_reasons(reviews: tuple[Review, ...]) -> list[ReviewReason]:
    """Reviews as a refusal lists them (``reasons``): code, detail and line."""
    return [{"code": r.code, "detail": r.detail, "line": r.sequence} for r in reviews]


def hold_docs(holds: tuple[Hold, ...]) -> list[ReviewReason]:
    """Holds as a refusal and the API list them (``missing``): item, detail and line."""
    return [{"item": h.item, "detail": h.detail, "line": h.line} for h in holds]


@dataclass(frozen=True, slots=True)
class Coding:
    """What the builder decided, as billed; replaced whole when the claim is rebuilt."""

    service_date: date
    payer_id: str | None
    member_id: str | None  # None: not kept (PHI); the 837P reads orders' payer identity
    rendering_npi: str | None
    diagnoses: tuple[str, ...]
    auth_number: str | None
    place_of_service: str
    total_charge: Decimal
    allowed: Decimal | None
    patient_share: Decimal | None
    sequestration: Decimal | None
    expected_payment: Decimal | None
    acquisition_cost: Decimal
    waste_cost: Decimal
    reviews: tuple[Review, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    drug_costs: tuple[DrugCost, ...] = ()
    holds: tuple[Hold, ...] = ()  # items the build found missing (a drug's NDC)
    ids: ClaimIds = ClaimIds()
    registry_number: str | None = None  # 2300 REF*P4 (coverage with evidence development)

    @classmethod
    def of(cls, draft: ClaimDraft) -> Coding:
        pay = draft.payment
        return cls(
            service_date=draft.service_date, payer_id=draft.payer_id,
            member_id=draft.member_id, rendering_npi=draft.rendering_npi,
            diagnoses=draft.diagnoses, auth_number=draft.auth_number,
            place_of_service=draft.place_of_service, total_charge=draft.total_charge,
            allowed=pay.allowed if pay else None,
            patient_share=pay.patient_share if pay else None,
            sequestration=pay.sequestration if pay else None,
            expected_payment=draft.expected_payment, acquisition_cost=draft.acquisition_cost,
            waste_cost=draft.waste_cost, reviews=draft.reviews, warnings=draft.warnings,
            notes=draft.notes, drug_costs=draft.drug_costs, holds=draft.holds, ids=draft.ids,
            registry_number=draft.registry_number,
        )


@dataclass(frozen=True, slots=True)
class BilledLine:
    """One claim line as billed, and what remittances did with it so far."""

    line: ClaimLine
    paid: Decimal = ZERO
    denied: bool = False
    denial_reasons: tuple[str, ...] = ()
