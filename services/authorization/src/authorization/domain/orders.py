"""Orders as the authorization domain sees them: what a signed or administered order tells us,
and the facts we keep per order (its lines and what coverage discovery decided).

These are the domain's own records; the entrypoint translates the order events into them, so
the rules never depend on the wire format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from .codes import Covered, Outcome, PaNeeded
from .events import DomainEvent

Urgency = Literal["same_day", "planned"]


@dataclass(frozen=True)
class PayerRef:
    payer_id: str
    # Not sent any more (issue 13, ids only): the member id is read from orders' payer
    # identity when a request discloses it; nothing here depends on it.
    member_id: str | None = None
    plan_id: str | None = None


@dataclass(frozen=True)
class OrderLine:
    sequence: int
    drug_code: str
    hcpcs: str | None
    hcpcs_unit: str | None  # billing descriptor, e.g. "15 mg"
    dose: Decimal
    dose_unit: str
    # The active ingredient a reference product and its biosimilars share (biosimilar-first
    # policies); None: the drug is its own molecule.
    molecule: str | None = None
    dose_number: int | None = None  # which dose of the molecule in the patient's course


@dataclass(frozen=True)
class SignedOrder:
    order_id: UUID
    practice_id: str
    patient_id: UUID
    urgency: Urgency
    lines: tuple[OrderLine, ...]
    diagnoses: tuple[str, ...]
    payer: PayerRef | None
    patient_age_years: int
    prescriber_id: str | None
    signed_at: datetime
    requested_from: datetime | None = None  # start of the requested window, if any
    prescriber_specialty: str | None = None  # pre-fills the specialist criterion

    @property
    def starts_at(self) -> datetime:
        """When treatment is wanted: the requested window's start, else the signing time."""
        return self.requested_from or self.signed_at


@dataclass(frozen=True)
class Administration:
    line_sequence: int
    hcpcs: str | None
    started_at: datetime
    dose_given: Decimal
    dose_unit: str
    wasted_amount: Decimal = Decimal(0)


@dataclass(frozen=True)
class AdministeredOrder:
    order_id: UUID
    patient_id: UUID
    payer: PayerRef | None
    administrations: tuple[Administration, ...]


@dataclass(frozen=True)
class LineOutcome:
    """What coverage discovery decided for one HCPCS code of an order, as kept."""

    hcpcs: str
    pa: PaNeeded
    coverage: Covered
    reasons: tuple[str, ...]
    requested_units: int | None
    sequences: tuple[int, ...]
    satisfied_by: UUID | None = None  # the case whose approval already covers it

    @property
    def needs_auth(self) -> bool:
        return self.pa != "no-auth" and self.coverage != "not-covered"


@dataclass
class OrderFacts:
    """What an order.signed told us and what we decided for it. It records the coverage events
    that open no case (not required, not covered)."""

    order_id: UUID
    practice_id: str
    patient_id: UUID
    payer_id: str | None
    plan_id: str | None
    outcome: Outcome
    policy_version: int | None
    lines: tuple[OrderLine, ...]
    decision: tuple[LineOutcome, ...]
    decided_at: datetime
    status: str = "signed"
    events: list[DomainEvent] = field(default_factory=list, compare=False, repr=False)

    def line(self, sequence: int) -> OrderLine | None:
        return next((ln for ln in self.lines if ln.sequence == sequence), None)

    def decided(self, hcpcs: str) -> LineOutcome | None:
        return next((d for d in self.decision if d.hcpcs == hcpcs), None)

    def payer_ref(self) -> PayerRef | None:
        """The payer the order was signed with (no member id is kept)."""
        if not self.payer_id:
            return None
        return PayerRef(payer_id=self.payer_id, plan_id=self.plan_id)
