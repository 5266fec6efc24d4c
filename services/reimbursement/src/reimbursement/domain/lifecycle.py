"""The claim aggregate: a built claim and its lifecycle, changed only through its methods.

Which action may move the claim from which status to which is the table in
domain/transitions.py; every change of status goes through ``_move``, which refuses a pair the
table does not hold (ClaimConflict, 409) and appends one Transition (who, when, why) to the
claim's ``history``. The history is append-only: the repository inserts only its new tail.
An 835 posts through the settlement of the claim's whole payment history
(domain/settlement.py): reversals net, so any order of original, reversal and correction
ends the same.

An unsent claim's status is settled from what it carries: a coding review makes it
``needs_review``; else a hold (an item the 837P needs and the claim lacks: an NDC from the
build, an identity from the last check against orders) makes it ``held``; else ``ready``. A
held claim is never submitted or exported: the refusal names each missing item. A ``rejected``
claim (999 / 277CA: the payer never adjudicated it) may be fixed like an unsent one and is sent
again as a new version (domain/submissions.py).

A remittance for a claim that was never submitted is *held*: the service records the payment
for a biller and leaves the claim alone (``accepts_remittance`` is false). Every change bumps
``version`` and ``updated_at``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from reimbursement.domain.claim import ClaimDraft, ClaimStatus, settled_status
from reimbursement.domain.claim_parts import (
    BilledLine,
    Coding,
    ReviewReason,
    account_number_for,
    hold_docs,
    review_reasons,
)
from reimbursement.domain.errors import ClaimConflict, ClaimHeld
from reimbursement.domain.events import (
    ClaimAccepted,
    ClaimCreated,
    ClaimDenied,
    ClaimEvent,
    ClaimPaid,
    ClaimRejected,
    ClaimSubmitted,
)
from reimbursement.domain.holds import Hold
from reimbursement.domain.money import ZERO
from reimbursement.domain.remittance import PostingOutcome
from reimbursement.domain.settlement import Settlement
from reimbursement.domain.submissions import (
    FREQUENCY_NAMES,
    Frequency,
    MissingIcn,
    ReplacementNotAccepted,
    Submission,
    clm01_for,
)
from reimbursement.domain.transitions import IN_FLIGHT, TABLE, Action, Transition, ensure

# The parts live in domain/claim_parts.py; importers keep reading them from here.
__all__ = ["EDITABLE", "POSTABLE", "BilledLine", "Claim", "Coding", "ReviewReason",
           "account_number_for", "hold_docs", "review_reasons"]

EDITABLE: frozenset[ClaimStatus] = TABLE["settle"][0]
# A payer can only adjudicate what was sent to it; later remittances may adjust a decision.
POSTABLE: frozenset[ClaimStatus] = TABLE["post"][0]
SYSTEM = "system:reimbursement"
_POSTED_EVENT: dict[ClaimStatus, type[ClaimEvent]] = {
    "paid": ClaimPaid, "partially_paid": ClaimPaid, "paid_zero": ClaimPaid,
    "denied": ClaimDenied}


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
    history: list[Transition] = field(default_factory=list)  # oldest first, append-only
    submissions: list[Submission] = field(default_factory=list)  # versions sent, oldest first
    events: list[ClaimEvent] = field(default_factory=list)

    @classmethod
    def create(cls, *, claim_id: UUID, draft: ClaimDraft, lot_costs: Mapping[str, Decimal],
               now: datetime, actor: str = "system:billing") -> Claim:
        """A claim built from an administered visit (ready, or needing review)."""
        claim = cls(id=claim_id, order_id=draft.order_id,
                    account_number=account_number_for(claim_id),
                    practice_id=draft.practice_id, patient_id=draft.patient_id,
                    status=draft.status, coding=Coding.of(draft),
                    lines=[BilledLine(line) for line in draft.lines],
                    lot_costs=dict(lot_costs), created_at=now, updated_at=now)
        ensure("build", None, draft.status)
        claim.history.append(Transition("build", None, draft.status, actor, now,
                                        "built from the administered visit"))
        claim._record(ClaimCreated, now)
        return claim

    @property
    def current(self) -> Submission | None:
        """The version sent last (None: never sent)."""
        return self.submissions[-1] if self.submissions else None

    @property
    def clm01(self) -> str:
        """The CLM01 of the version sent last (the account number before any)."""
        return self.current.clm01 if self.current else self.account_number

    @property
    def payer_claim_number(self) -> str | None:
        """The payer's claim control number (ICN) of the latest version that has one."""
        return next((s.icn for s in reversed(self.submissions) if s.icn), None)

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
                now: datetime, actor: str = "system:billing") -> None:
        self.ensure_editable()
        self.coding = Coding.of(draft)
        self.lines = [BilledLine(line) for line in draft.lines]
        self.lot_costs = dict(lot_costs)
        self._settle(now, actor, "rebuilt")
        self._touch(now)

    def record_check(self, holds: tuple[Hold, ...], *, now: datetime,
                     actor: str = "system:identity-check") -> None:
        """The result of checking the claim's identities against orders (no holds: complete).
        Recorded on an unsent (or rejected, being fixed) claim only; a sent claim is what
        the payer has."""
        self.ensure_editable("checked")
        self.identity_holds = holds
        self.identity_checked_at = now
        self._settle(now, actor, "identities checked against orders")
        self._touch(now)

    def submit(self, *, now: datetime, actor: str = SYSTEM, reason: str | None = None) -> None:
        """Send the claim: a ready claim as its first version, a rejected one (fixed) as a new
        version with the rejected version's frequency and REF*F8 (an original stays ``1``)."""
        if self.status == "needs_review":
            raise ClaimConflict("the claim needs review before it can be submitted",
                                reasons=review_reasons(self.coding.reviews))
        if self.status == "held":
            raise ClaimHeld.of(self.id, self.holds, "submitted")
        if self.status not in {"ready", "rejected"}:
            raise ClaimConflict(f"the claim is already {self.status}", status_now=self.status)
        last = self.current
        # after a rejection (the status may be ready again once fixed) the same kind of
        # version goes again: an original stays 1, a replacement 7 with its REF*F8
        resend = last is not None and last.outcome == "rejected"
        frequency: Frequency = last.frequency if last and resend else "1"
        self._send(frequency, last.original_icn if last and frequency != "1" else None, now)
        self._move("submit", "submitted", now, actor, reason or (
            "sent again after rejection" if last else "submitted"))
        self.submitted_at = now
        self._touch(now)
        self._record(ClaimSubmitted, now)

    def replace_or_void(self, frequency: Frequency, *, now: datetime, actor: str,
                        reason: str, accepts_replacement: bool,
                        remitted_icn: str | None = None) -> None:
        """Send a replacement (``7``, all lines as they stand) or a void (``8``) of a claim the
        payer processed; both carry REF*F8 = the payer's claim control number: the 277CA's
        REF*1K, else the latest 835 CLP07 (``remitted_icn``; the same number but after a
        split, RFI 1808)."""
        action: Action = "correct" if frequency == "7" else "void"
        target: ClaimStatus = "corrected" if frequency == "7" else "voided"
        ensure(action, self.status, target)
        icn = self.payer_claim_number or remitted_icn
        if not icn:
            raise MissingIcn(
                f"a {FREQUENCY_NAMES[frequency]} claim (frequency {frequency}) needs 2300 "
                "REF*F8 = the payer's claim control number, and no payer_claim_number is on "
                "file for this claim", field="payer_claim_number")
        if not accepts_replacement:
            raise ReplacementNotAccepted(
                f"payer {self.coding.payer_id} does not accept {FREQUENCY_NAMES[frequency]} "
                "claims (accepts_replacement_claims is false): request a reopening instead",
                payer_id=self.coding.payer_id)
        self._send(frequency, icn, now)
        self._move(action, target, now, actor, reason)
        self.submitted_at = now
        self._touch(now)
        self._record(ClaimSubmitted, now)

    def acknowledge(self, clm01: str, *, accepted: bool, now: datetime, actor: str,
                    icn: str | None = None, reasons: tuple[str, ...] = ()) -> bool:
        """The payer's (or clearinghouse's) word on the version sent as ``clm01``: accepted
        into adjudication (277CA A2, with its ICN) or rejected (999 IK5 R, 277CA A3/A6/A7/A8,
        with the reasons). False: an older version, nothing changed."""
        index = next((i for i, s in enumerate(self.submissions) if s.clm01 == clm01), None)
        if index is None or index != len(self.submissions) - 1:
            return False
        why = "; ".join(reasons) or None
        if accepted and self.status in POSTABLE - IN_FLIGHT:
            # the 835 came first (the payer adjudicated it): keep the ICN, the status stays
            self.submissions[index] = replace(self.submissions[index], outcome="accepted",
                                              icn=icn or self.submissions[index].icn,
                                              acknowledged_at=now)
            return True
        self._move("accept" if accepted else "reject", "accepted" if accepted else "rejected",
                   now, actor, why)
        self.submissions[index] = replace(
            self.submissions[index], outcome="accepted" if accepted else "rejected",
            icn=icn or self.submissions[index].icn, reasons=reasons, acknowledged_at=now)
        self._touch(now)
        sub = self.submissions[index]
        self.events.append((ClaimAccepted if accepted else ClaimRejected)(
            **self._snapshot(now), clm01=sub.clm01, frequency=sub.frequency,
            payer_claim_number=sub.icn, rejection_reasons=reasons))
        return True

    def record_sent(self, control_number: int | None) -> None:
        """The interchange that carries the current version (ISA13); None: not sent after
        all (the clearinghouse could not take it), to be sent again."""
        if self.current is not None:
            self.submissions[-1] = replace(self.current, control_number=control_number)

    def move(self, action: Action, target: ClaimStatus, *, now: datetime, actor: str,
             reason: str | None) -> None:
        """An action with no side effect beyond the status (appeal, reopen, write_off, close)."""
        if action not in {"appeal", "reopen", "write_off", "close"}:
            raise ClaimConflict(f"{action} is not a plain status change", action=action)
        self._move(action, target, now, actor, reason)
        self._touch(now)

    def _send(self, frequency: Frequency, original_icn: str | None, now: datetime) -> None:
        number = len(self.submissions) + 1
        self.submissions.append(Submission(number, clm01_for(self.account_number, number),
                                           frequency, now, original_icn))

    def ensure_exportable(self) -> None:
        if self.status == "needs_review":
            raise ClaimConflict("the claim needs review before it can be exported",
                                reasons=review_reasons(self.coding.reviews))
        if self.status == "held":
            raise ClaimHeld.of(self.id, self.holds, "exported")

    def post(self, outcome: PostingOutcome, *, now: datetime,
             settled: Settlement | None = None, actor: str = "system:remittance") -> None:
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
            self._move("post", settled.status, now, actor,
                       "; ".join(settled.denial_reasons) or f"835 {settled.status}")
            self.paid_amount = settled.paid
            self.patient_responsibility = settled.patient_responsibility
            self.denial_reasons = settled.denial_reasons
            self.awaiting_crossover = settled.awaiting_crossover
        else:
            self._move("post", outcome.status, now, actor,
                       "; ".join(outcome.denial_reasons) or f"835 {outcome.status}")
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
            ids=c.ids, registry_number=c.registry_number,
        )

    def _settle(self, now: datetime, actor: str, reason: str) -> None:
        target = settled_status(self.coding.reviews, self.holds)
        if target != self.status:
            self._move("settle", target, now, actor, reason)

    def _move(self, action: Action, target: ClaimStatus, now: datetime, actor: str,
              reason: str | None) -> None:
        ensure(action, self.status, target)
        self.history.append(Transition(action, self.status, target, actor, now, reason))
        self.status = target

    def _touch(self, now: datetime) -> None:
        self.updated_at = now
        self.version += 1

    def _record(self, kind: type[ClaimEvent], now: datetime) -> None:
        self.events.append(kind(**self._snapshot(now)))

    def _snapshot(self, now: datetime) -> dict[str, Any]:
        return {"claim_id": self.id, "order_id": self.order_id,
                "practice_id": self.practice_id, "payer_id": self.coding.payer_id,
                "status": self.status, "total_charge": self.coding.total_charge,
                "expected_payment": self.coding.expected_payment,
                "paid_amount": self.paid_amount, "denial_reasons": self.denial_reasons,
                "occurred_at": now}
