"""The claim aggregate: a built claim and its lifecycle, changed only through its methods.

    build  -> needs_review | held | ready   (ClaimCreated)
    needs_review | held | ready  --rebuild-->  needs_review | held | ready
    needs_review | held | ready  --record_check-->  needs_review | held | ready
    ready  --submit-->  submitted           (ClaimSubmitted)
    submitted | paid | partially_paid | paid_zero | denied | reversed
           --post-->  paid | partially_paid | paid_zero (ClaimPaid) | denied (ClaimDenied)
                      | reversed (every payment reversed: balance reopened)

An unsent claim's status is settled from what it carries: a coding review makes it
``needs_review``; else a hold (an item the 837P needs and the claim lacks: an NDC from the
build, an identity from the last check against orders) makes it ``held``; else ``ready``. A
held claim is never submitted or exported: the refusal names each missing item.

A remittance for a claim that was never submitted is *held*: the service records the payment
for a biller and leaves the claim alone (``accepts_remittance`` is false). Every change bumps
``version`` and ``updated_at``; an action the status does not allow is a ClaimConflict (409).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from reimbursement.domain.claim import (
    ClaimDraft,
    ClaimIds,
    ClaimLine,
    ClaimStatus,
    DrugCost,
    settled_status,
)
from reimbursement.domain.drug_coding import Review
from reimbursement.domain.errors import ClaimConflict, ClaimHeld
from reimbursement.domain.events import (
    ClaimCreated,
    ClaimDenied,
    ClaimEvent,
    ClaimPaid,
    ClaimSubmitted,
)
from reimbursement.domain.holds import Hold
from reimbursement.domain.money import ZERO
from reimbursement.domain.remittance import PostingOutcome
from reimbursement.domain.settlement import Settlement

EDITABLE: frozenset[ClaimStatus] = frozenset({"needs_review", "held", "ready"})
# A payer can only adjudicate what was sent to it; later remittances may adjust a decision.
POSTABLE: frozenset[ClaimStatus] = frozenset(
    {"submitted", "paid", "partially_paid", "paid_zero", "denied", "reversed"})
_POSTED_EVENT: dict[ClaimStatus, type[ClaimEvent]] = {
    "paid": ClaimPaid, "partially_paid": ClaimPaid, "paid_zero": ClaimPaid,
    "denied": ClaimDenied}
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
        )


@dataclass(frozen=True, slots=True)
class BilledLine:
    """One claim line as billed, and what remittances did with it so far."""

    line: ClaimLine
    paid: Decimal = ZERO
    denied: bool = False
    denial_reasons: tuple[str, ...] = ()


@dataclass(eq=False)
class Claim:
    id: UUID
    order_id: UUID
    account_number: str
    practice_id: str
    patient_id: UUID
    status: ClaimStatus
    coding: Coding
    lines: list[BilledLine]
    lot_costs: dict[str, Decimal]  # NDC -> what the lots drawn for this visit cost
    created_at: datetime
    updated_at: datetime
    paid_amount: Decimal = ZERO
    patient_responsibility: Decimal = ZERO
    denial_reasons: tuple[str, ...] = ()
    submitted_at: datetime | None = None
    adjudicated_at: datetime | None = None
    identity_holds: tuple[Hold, ...] = ()  # found by the last identity check
    identity_checked_at: datetime | None = None
    awaiting_crossover: bool = False  # the payer forwarded it to the next payer (835 MA18/MA07)
    version: int = 1
    events: list[ClaimEvent] = field(default_factory=list)

    @classmethod
    def create(cls, *, claim_id: UUID, draft: ClaimDraft, lot_costs: Mapping[str, Decimal],
               now: datetime) -> Claim:
        """A claim built from an administered visit (ready, or needing review)."""
        claim = cls(id=claim_id, order_id=draft.order_id,
                    account_number=account_number_for(claim_id),
                    practice_id=draft.practice_id, patient_id=draft.patient_id,
                    status=draft.status, coding=Coding.of(draft),
                    lines=[BilledLine(line) for line in draft.lines],
                    lot_costs=dict(lot_costs), created_at=now, updated_at=now)
        claim._record(ClaimCreated, now)
        return claim

    @property
    def expected_margin(self) -> Decimal | None:
        expected = self.coding.expected_payment
        return None if expected is None else expected - self.coding.acquisition_cost

    @property
    def holds(self) -> tuple[Hold, ...]:
        """Every item the claim still lacks: from the build, then from the identity check."""
        return self.coding.holds + self.identity_holds

    @property
    def editable(self) -> bool:
        """Not sent yet: the builder may run again (catalogue fixed, approval arrived)."""
        return self.status in EDITABLE

    @property
    def accepts_remittance(self) -> bool:
        return self.status in POSTABLE

    def ensure_editable(self, action: str = "rebuilt") -> None:
        if not self.editable:
            raise ClaimConflict(f"a {self.status} claim cannot be {action}",
                                status_now=self.status)

    def rebuild(self, draft: ClaimDraft, *, lot_costs: Mapping[str, Decimal],
                now: datetime) -> None:
        self.ensure_editable()
        self.coding = Coding.of(draft)
        self.lines = [BilledLine(line) for line in draft.lines]
        self.lot_costs = dict(lot_costs)
        self._settle()
        self._touch(now)

    def record_check(self, holds: tuple[Hold, ...], *, now: datetime) -> None:
        """The result of checking the claim's identities against orders (no holds: complete).
        Recorded on an unsent claim only; a sent claim is what the payer has."""
        self.ensure_editable("checked")
        self.identity_holds = holds
        self.identity_checked_at = now
        self._settle()
        self._touch(now)

    def submit(self, *, now: datetime) -> None:
        if self.status == "needs_review":
            raise ClaimConflict("the claim needs review before it can be submitted",
                                reasons=review_reasons(self.coding.reviews))
        if self.status == "held":
            raise ClaimHeld.of(self.id, self.holds, "submitted")
        if self.status != "ready":
            raise ClaimConflict(f"the claim is already {self.status}", status_now=self.status)
        self.status = "submitted"
        self.submitted_at = now
        self._touch(now)
        self._record(ClaimSubmitted, now)

    def ensure_exportable(self) -> None:
        if self.status == "needs_review":
            raise ClaimConflict("the claim needs review before it can be exported",
                                reasons=review_reasons(self.coding.reviews))
        if self.status == "held":
            raise ClaimHeld.of(self.id, self.holds, "exported")

    def post(self, outcome: PostingOutcome, *, now: datetime,
             settled: Settlement | None = None) -> None:
        """Apply one remittance's decision on this claim (its lines, amounts and status).

        ``settled``: the claim's balance over its whole payment history with this payment
        (reversals netted, domain/settlement.py); status and amounts are taken from it, so
        any order of original, reversal and correction ends the same. Without it the
        payment's own outcome and amounts are applied on top of the current ones."""
        if not self.accepts_remittance:
            raise ClaimConflict(f"a {self.status} claim was never sent to a payer",
                                status_now=self.status)
        at = {billed.line.number: i for i, billed in enumerate(self.lines)}
        for result in outcome.lines:
            if result.matched_line is not None:
                i = at[result.matched_line]
                self.lines[i] = replace(self.lines[i], paid=self.lines[i].paid + result.paid,
                                        denied=result.denied, denial_reasons=result.reasons)
        if settled is not None and settled.status is not None:
            self.status = settled.status
            self.paid_amount = settled.paid
            self.patient_responsibility = settled.patient_responsibility
            self.denial_reasons = settled.denial_reasons
            self.awaiting_crossover = settled.awaiting_crossover
        else:
            self.status = outcome.status
            self.paid_amount += outcome.paid
            self.patient_responsibility += outcome.patient_responsibility
            self.denial_reasons = (outcome.denial_reasons
                                   if outcome.status in {"denied", "partially_paid"} else ())
        self.adjudicated_at = now
        self._touch(now)
        if (kind := _POSTED_EVENT.get(self.status)) is not None:
            self._record(kind, now)

    def as_draft(self) -> ClaimDraft:
        """The claim as the renderers (837P, FHIR) read it, with its current status."""
        c = self.coding
        return ClaimDraft(
            order_id=self.order_id, practice_id=self.practice_id, patient_id=self.patient_id,
            payer_id=c.payer_id, member_id=c.member_id, status=self.status,
            service_date=c.service_date, rendering_npi=c.rendering_npi,
            diagnoses=c.diagnoses, auth_number=c.auth_number,
            lines=tuple(billed.line for billed in self.lines), reviews=c.reviews,
            warnings=c.warnings, notes=c.notes, total_charge=c.total_charge, payment=None,
            acquisition_cost=c.acquisition_cost, waste_cost=c.waste_cost, consumptions=(),
            drug_costs=c.drug_costs, place_of_service=c.place_of_service, holds=self.holds,
            ids=c.ids,
        )

    def _settle(self) -> None:
        self.status = settled_status(self.coding.reviews, self.holds)

    def _touch(self, now: datetime) -> None:
        self.updated_at = now
        self.version += 1

    def _record(self, kind: type[ClaimEvent], now: datetime) -> None:
        self.events.append(kind(
            claim_id=self.id, order_id=self.order_id, practice_id=self.practice_id,
            payer_id=self.coding.payer_id, status=self.status,
            total_charge=self.coding.total_charge,
            expected_payment=self.coding.expected_payment, paid_amount=self.paid_amount,
            denial_reasons=self.denial_reasons, occurred_at=now))
