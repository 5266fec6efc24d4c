"""What the claim builder reads: one completed visit and the authorization that covers it.

These mirror the ``order.administered`` and ``authorization.approved`` contracts but belong to
the domain, so the coding rules never depend on the wire format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Given:
    """One administration from the MAR."""

    sequence: int
    drug_code: str
    hcpcs: str | None
    mode: Literal["push", "infusion"]
    started_at: datetime
    stopped_at: datetime
    dose: Decimal
    dose_unit: str
    ndc: str | None = None
    lot: str | None = None
    wasted: Decimal = Decimal("0")  # documented discarded amount, in ``dose_unit``
    # IV fluids only: why it ran (hydration / carrier / kvo) and the documented indication
    # (ICD-10) as ordered; None for a drug, or a fluid from a producer that did not say
    fluid_purpose: Literal["hydration", "carrier", "kvo"] | None = None
    indication: str | None = None

    @property
    def minutes(self) -> int:
        """Whole minutes run; a partial minute does not count toward a time threshold."""
        return int((self.stopped_at - self.started_at).total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class Visit:
    order_id: UUID
    practice_id: str
    patient_id: UUID
    diagnoses: tuple[str, ...]
    payer_id: str | None
    member_id: str | None  # None: not sent any more (orders' payer identity has it)
    rendering_npi: str | None
    administrations: tuple[Given, ...]
    completed_at: datetime
    plan_id: str | None = None
    # Who ordered and who supervised (incident-to) the visit, and the coverage billed: ids
    # recorded by orders on the administration (None: not known). Names are read at export.
    ordering_practitioner_id: UUID | None = None
    supervising_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None


@dataclass(frozen=True, slots=True)
class AuthorizationInfo:
    auth_number: str
    approved_units: dict[str, int] = field(default_factory=dict)  # HCPCS -> units
    valid_from: date | None = None
    valid_to: date | None = None
    case_id: UUID | None = None


@dataclass(frozen=True, slots=True)
class Approval:
    """A payer's prior authorization as reimbursement keeps it, per PA case."""

    case_id: UUID
    order_id: UUID
    payer_id: str
    auth_number: str
    approved_units: dict[str, int]  # HCPCS -> units
    valid_from: date
    valid_to: date
    decided_at: datetime
