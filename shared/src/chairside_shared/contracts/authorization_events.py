"""Payloads the authorization service publishes on ``authorization.events``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import Field

from chairside_shared.contracts.base import EventPayload


# --------------------------------------------------------------------------- authorization.events
class CoverageDecisionLine(EventPayload):
    hcpcs: str
    # Da Vinci CRD: no PA code is given when the service is not covered.
    pa: Literal["no-auth", "auth-needed", "conditional"] | None
    coverage: Literal["covered", "not-covered", "conditional"]
    reasons: list[str] = []


class AuthorizationNotRequired(EventPayload):
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    payer_id: str | None = None
    plan_id: str | None = None
    lines: list[CoverageDecisionLine]
    decided_at: datetime


class AuthorizationNotCovered(EventPayload):
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    payer_id: str | None = None
    plan_id: str | None = None
    lines: list[CoverageDecisionLine]
    reason: str
    decided_at: datetime


class RequestedUnits(EventPayload):
    hcpcs: str
    requested_units: int


class AuthorizationRequested(EventPayload):
    case_id: UUID
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    payer_id: str
    plan_id: str | None = None
    status: str
    due_at: datetime | None = None
    lines: list[RequestedUnits]
    requested_at: datetime


class QuantityLimitFacts(EventPayload):
    """The payer's quantity limit of a code: at most ``units`` in any ``period_days`` days."""

    hcpcs: str
    units: int = Field(gt=0)
    period_days: int = Field(gt=0)


class ApprovedUnits(EventPayload):
    hcpcs: str
    approved_units: int
    # what one visit of the order draws, as authorization works units out (domain/units.py);
    # None when it could not (scheduling then checks the approval's dates only)
    units_per_visit: int | None = None


class AuthorizationApproved(EventPayload):
    case_id: UUID
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    payer_id: str
    auth_number: str
    lines: list[ApprovedUnits]
    valid_from: date
    valid_to: date
    decided_at: datetime
    # the payer policy's quantity limits of the approved codes (empty in older messages)
    quantity_limits: list[QuantityLimitFacts] = []


class AuthorizationDenied(EventPayload):
    case_id: UUID
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    payer_id: str
    reason: str
    reason_code: str | None = None
    decided_at: datetime


class AuthorizationClosed(EventPayload):
    """Expired or withdrawn: the case no longer covers the order."""

    case_id: UUID
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    payer_id: str
    reason: str
    occurred_at: datetime


class AuthorizationUsageFlagged(EventPayload):
    case_id: UUID | None = None
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    code: Literal["outside_valid_dates", "units_exceeded", "no_authorization", "units_unknown"]
    hcpcs: str | None = None
    detail: str
    occurred_at: datetime


class AuthorizationEligibilityFlagged(EventPayload):
    """A 270/271 check for the order did not come back active (inactive coverage, an AAA
    rejection, no usable answer): its booking decision is withheld until staff resolve it."""

    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    check_id: UUID
    patient_id: UUID | None = None
    payer_id: str | None = None
    # inactive | AAA<code> (AAA72, AAA75, AAA58...) | retry_exhausted | identity:<item> |
    # clearinghouse_unavailable | invalid_270 | invalid_271 | rejected_999 | no_coverage_answer
    reason_code: str
    reason: str | None = None  # the code's text; never a name, date or member id
    flagged_at: datetime


class AuthorizationEligibilityCleared(EventPayload):
    """The order's eligibility hold is over: a check came back active, or staff resolved it."""

    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    check_id: UUID
    how: Literal["active", "resolved"]
    cleared_at: datetime


class AuthorizationRenewalNeeded(EventPayload):
    """Scheduling: a visit of the order does not fit its approval (a day outside the valid
    dates, or more units than remain under the auth number). The visit was refused, held, or
    is booked already; authorization puts the case on its renewal worklist, due in time for
    the payer to decide before ``visit_date``. Ids, codes and dates only."""

    order_id: UUID
    case_id: UUID | None = None
    appointment_id: UUID | None = None
    practice_id: str | None = None
    payer_id: str | None = None
    auth_number: str
    visit_date: date
    valid_from: date
    valid_to: date
    reasons: list[Literal["outside_valid_dates", "units_exceeded"]]
    outcome: Literal["refused", "held", "booked"]
    occurred_at: datetime



class AuthorizationAppealChanged(EventPayload):
    """A prior-authorization appeal (peer-to-peer, reconsideration...) was filed or decided
    (authorization.events, keyed by order id). A win also publishes authorization.approved
    through the case's decision."""

    appeal_id: UUID
    case_id: UUID
    order_id: UUID
    practice_id: str | None = None  # the order's practice (None in older messages)
    payer_id: str
    payer_type: str | None = None
    level: str  # peer_to_peer, reconsideration, external_review...
    status: Literal["filed", "scheduled", "decided"]
    deadline: date | None = None
    scheduled_at: datetime | None = None
    outcome: Literal["won", "partially_won", "lost"] | None = None
    next_level: str | None = None
    next_deadline: date | None = None
    occurred_at: datetime
