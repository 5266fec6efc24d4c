"""What happened, as the authorization domain records it: plain, immutable dataclasses.

Aggregates (a PA case, an order's coverage facts, a unit usage) append these to their
``events`` list; the unit of work drains them on commit and ``service/events.py`` maps each to
its public contract. Nothing here knows about contracts, topics or keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from .codes import Covered, PaNeeded, UsageCode


@dataclass(frozen=True)
class RequestedLine:
    hcpcs: str
    requested_units: int


@dataclass(frozen=True)
class ApprovedLine:
    hcpcs: str
    approved_units: int
    units_per_visit: int | None = None  # what one visit of the event's order draws


@dataclass(frozen=True)
class LineQuantityLimit:
    """The payer policy's cap of a code: at most ``units`` in any ``period_days`` days."""

    hcpcs: str
    units: int
    period_days: int


@dataclass(frozen=True)
class CoverageLine:
    hcpcs: str
    pa: PaNeeded
    coverage: Covered
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class CaseOpened:
    """A draft PA case was opened for an order (authorization.requested)."""

    case_id: UUID
    order_id: UUID
    payer_id: str
    plan_id: str | None
    status: str
    due_at: datetime | None
    lines: tuple[RequestedLine, ...]
    requested_at: datetime


@dataclass(frozen=True)
class CaseApproved:
    """The payer approved, or a later order now draws on the approval (``order_id``)."""

    case_id: UUID
    order_id: UUID
    payer_id: str
    auth_number: str
    lines: tuple[ApprovedLine, ...]
    valid_from: date
    valid_to: date
    decided_at: datetime
    quantity_limits: tuple[LineQuantityLimit, ...] = ()


@dataclass(frozen=True)
class CaseDenied:
    case_id: UUID
    order_id: UUID
    payer_id: str
    reason: str
    reason_code: str | None
    decided_at: datetime


@dataclass(frozen=True)
class CaseWithdrawn:
    case_id: UUID
    order_id: UUID
    payer_id: str
    reason: str
    occurred_at: datetime


@dataclass(frozen=True)
class CaseExpired:
    case_id: UUID
    order_id: UUID
    payer_id: str
    reason: str
    occurred_at: datetime


@dataclass(frozen=True)
class UsageFlagged:
    """An administration the billing side must see: outside the dates, beyond the units, or
    with no approval (``case_id`` None when no case covers it)."""

    case_id: UUID | None
    order_id: UUID
    code: UsageCode
    hcpcs: str
    detail: str
    occurred_at: datetime


@dataclass(frozen=True)
class AuthorizationNotRequired:
    """Coverage discovery decided that no line of the order needs prior authorization."""

    order_id: UUID
    payer_id: str | None
    plan_id: str | None
    lines: tuple[CoverageLine, ...]
    decided_at: datetime


@dataclass(frozen=True)
class OrderNotCovered:
    """A line of the order is not covered: no case can make it payable."""

    order_id: UUID
    payer_id: str | None
    plan_id: str | None
    lines: tuple[CoverageLine, ...]
    reason: str
    decided_at: datetime


CaseEvent = CaseOpened | CaseApproved | CaseDenied | CaseWithdrawn | CaseExpired | UsageFlagged
CoverageEvent = AuthorizationNotRequired | OrderNotCovered
DomainEvent = CaseEvent | CoverageEvent
