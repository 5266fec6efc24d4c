"""A claim appeal: its own aggregate, referring to the denied claim by id.

    open (draft) --file--> filed --decide--> decided (won | partially_won | lost)
    decided (partially_won | lost) --escalate--> a new draft appeal at the next level

The level and its deadline come from the payer type's rules (domain/appeal_rules.py): the first
level counts from the initial determination (the remittance date), every later level from the
previous level's decision as received. Filing after the deadline is refused (409); so is a
level whose amount in controversy is below the year's threshold. A win (in full or in part)
asks for the claim to be reopened for payment: the AppealDecided event says so
(``reopen_claim``), and the service hands it to the claim (service/claim_reopen.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from chairside_shared.errors import Conflict, InvalidInput
from reimbursement.domain.appeal_rules import AppealKind, FirstStep, Level

AppealStatus = Literal["draft", "filed", "decided"]
AppealOutcome = Literal["won", "partially_won", "lost"]
APPEALABLE_CLAIM_STATUSES = frozenset({"denied", "partially_paid"})
DOCUMENTS_WHILE: frozenset[AppealStatus] = frozenset({"draft", "filed"})


class AppealConflict(Conflict):
    """The appeal's status (or its clock) does not allow the action (409)."""


@dataclass(frozen=True, slots=True)
class DeniedClaim:
    """What an appeal needs to know of the claim it is about."""

    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None
    status: str
    determined_on: date | None  # the remittance that denied it (BPR16, else received)
    carcs: tuple[str, ...]
    disputed: Decimal  # charged, neither paid nor the patient's


@dataclass(frozen=True, slots=True)
class AppealEvent:
    appeal_id: UUID
    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None
    payer_type: str
    level: str
    kind: AppealKind
    status: AppealStatus
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class AppealFiled(AppealEvent):
    deadline: date
    filed_on: date


@dataclass(frozen=True, slots=True)
class AppealDecided(AppealEvent):
    outcome: AppealOutcome
    decided_on: date
    amount_awarded: Decimal | None
    reopen_claim: bool
    next_level: str | None
    next_deadline: date | None


@dataclass(eq=False)
class Appeal:
    id: UUID
    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None
    payer_type: str
    kind: AppealKind
    level: str
    level_number: int
    status: AppealStatus
    clock_from: date  # the decision appealed, as received
    deadline: date
    amount_in_controversy: Decimal
    carcs: tuple[str, ...]
    rarcs: tuple[str, ...]
    reason: str
    created_at: datetime
    updated_at: datetime
    previous_appeal_id: UUID | None = None
    payer_reference: str | None = None
    filed_on: date | None = None
    outcome: AppealOutcome | None = None
    decided_on: date | None = None
    amount_awarded: Decimal | None = None
    decision_note: str | None = None
    next_level: str | None = None
    next_deadline: date | None = None
    next_auto_forwarded: bool = False
    claim_reopen: str | None = None  # what the claim did with a win: "requested", "reopened"
    version: int = 1
    events: list[AppealEvent] = field(default_factory=list)

    @classmethod
    def open(cls, *, appeal_id: UUID, claim: DeniedClaim, payer_type: str, step: FirstStep,
             rarcs: tuple[str, ...], reason: str, amount: Decimal | None, today: date,
             now: datetime) -> Appeal:
        if claim.status not in APPEALABLE_CLAIM_STATUSES:
            raise AppealConflict(f"a {claim.status} claim has no denial to appeal",
                                 status_now=claim.status)
        if claim.determined_on is None:
            raise AppealConflict("no remittance denied this claim: nothing to appeal yet")
        appeal = cls(
            id=appeal_id, claim_id=claim.claim_id, order_id=claim.order_id,
            practice_id=claim.practice_id, payer_id=claim.payer_id, payer_type=payer_type,
            kind=step.kind, level=step.level.code, level_number=step.level.number,
            status="draft", clock_from=claim.determined_on, deadline=step.deadline,
            amount_in_controversy=claim.disputed if amount is None else amount,
            carcs=claim.carcs, rarcs=rarcs, reason=reason, created_at=now, updated_at=now)
        appeal._check_open(step.level, today)
        return appeal

    def escalate(self, *, appeal_id: UUID, level: Level, reason: str,
                 amount: Decimal | None, today: date, now: datetime) -> Appeal:
        """The next level after this one was lost (in full or in part), as a new draft."""
        if self.status != "decided" or self.outcome == "won":
            raise AppealConflict("only a decided appeal that was not won in full goes to the "
                                 "next level", status_now=self.status, outcome=self.outcome)
        if self.next_level != level.code or self.next_deadline is None:
            raise AppealConflict(
                "no further level to file" if self.next_level is None else
                f"{self.next_level} is forwarded by the payer itself: nothing to file",
                next_level=self.next_level)
        nxt = Appeal(
            id=appeal_id, claim_id=self.claim_id, order_id=self.order_id,
            practice_id=self.practice_id, payer_id=self.payer_id, payer_type=self.payer_type,
            kind="appeal", level=level.code, level_number=level.number, status="draft",
            clock_from=self.decided_on or today, deadline=self.next_deadline,
            amount_in_controversy=self.amount_in_controversy if amount is None else amount,
            carcs=self.carcs, rarcs=self.rarcs, reason=reason, created_at=now, updated_at=now,
            previous_appeal_id=self.id)
        nxt._check_open(level, today)
        return nxt

    def file(self, *, filed_on: date, payer_reference: str | None, now: datetime) -> None:
        """Sent to the payer on ``filed_on`` (no later than the deadline)."""
        if self.status != "draft":
            raise AppealConflict(f"the appeal is already {self.status}", status_now=self.status)
        if filed_on < self.clock_from:
            raise InvalidInput("filed_on", f"before the decision appealed ({self.clock_from})")
        if filed_on > self.deadline:
            raise AppealConflict(f"the deadline to file was {self.deadline}",
                                 deadline=self.deadline.isoformat())
        self.status, self.filed_on, self.payer_reference = "filed", filed_on, payer_reference
        self._touch(now)
        self.events.append(AppealFiled(**self._facts(now), deadline=self.deadline,
                                       filed_on=filed_on))

    def decide(self, *, outcome: AppealOutcome, decided_on: date, amount_awarded: Decimal | None,
               note: str | None, next_level: Level | None, now: datetime) -> None:
        """The payer's decision as received on ``decided_on``. After a loss (in full or in
        part) the next level is offered with its deadline, counted from ``decided_on``."""
        if self.status != "filed":
            raise AppealConflict(f"a {self.status} appeal cannot be decided",
                                 status_now=self.status)
        if self.filed_on is not None and decided_on < self.filed_on:
            raise InvalidInput("decided_on", f"before the appeal was filed ({self.filed_on})")
        if outcome == "lost" and amount_awarded:
            raise InvalidInput("amount_awarded", "a lost appeal awards nothing")
        if amount_awarded is not None and amount_awarded > self.amount_in_controversy:
            raise InvalidInput("amount_awarded", "more than the amount in controversy "
                               f"({self.amount_in_controversy})")
        self.status, self.outcome, self.decided_on = "decided", outcome, decided_on
        self.amount_awarded, self.decision_note = amount_awarded, note
        if outcome != "won" and next_level is not None:
            self.next_level = next_level.code
            self.next_auto_forwarded = next_level.auto_forwarded
            self.next_deadline = next_level.window.end(decided_on)
        won = outcome in {"won", "partially_won"}
        self.claim_reopen = "requested" if won else None
        self._touch(now)
        self.events.append(AppealDecided(
            **self._facts(now), outcome=outcome, decided_on=decided_on,
            amount_awarded=amount_awarded, reopen_claim=won, next_level=self.next_level,
            next_deadline=self.next_deadline))

    def record_claim_reopen(self, state: str, now: datetime) -> None:
        """What the claim did with this win (service/claim_reopen.py)."""
        self.claim_reopen = state
        self._touch(now)

    def ensure_accepts_documents(self) -> None:
        if self.status not in DOCUMENTS_WHILE:
            raise AppealConflict(f"a {self.status} appeal takes no more documents",
                                 status_now=self.status)

    def _check_open(self, level: Level, today: date) -> None:
        if today > self.deadline:
            raise AppealConflict(f"the deadline to file a {level.name.lower()} was "
                                 f"{self.deadline}", deadline=self.deadline.isoformat())
        if self.amount_in_controversy <= 0:
            raise InvalidInput("amount_in_controversy", "must be more than zero")
        threshold = level.threshold(today.year)
        if threshold is not None and self.amount_in_controversy < threshold:
            raise AppealConflict(
                f"a {level.name.lower()} needs at least {threshold} in controversy in "
                f"{today.year}; this appeal has {self.amount_in_controversy}",
                threshold=str(threshold))

    def _facts(self, now: datetime) -> dict[str, Any]:
        return {"appeal_id": self.id, "claim_id": self.claim_id, "order_id": self.order_id,
                "practice_id": self.practice_id, "payer_id": self.payer_id,
                "payer_type": self.payer_type, "level": self.level, "kind": self.kind,
                "status": self.status, "occurred_at": now}

    def _touch(self, now: datetime) -> None:
        self.updated_at = now
        self.version += 1
