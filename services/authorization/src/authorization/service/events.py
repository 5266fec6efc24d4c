"""Domain events -> public contracts (``chairside_shared.contracts``), one place.

Bound on the unit of work (``to_messages``): on commit every event an aggregate recorded becomes
an outbox row. The key is the order id, so one visit's events stay in order; a case's events
carry the case id as the CloudEvents subject.
"""

from __future__ import annotations

from typing import assert_never
from uuid import UUID

from chairside_shared import contracts as c
from chairside_shared.messaging.outbox import Message

from ..domain import events as ev


def _message(event_type: str, payload: c.EventPayload, *, order_id: UUID,
             case_id: UUID | None = None) -> list[Message]:
    return [Message(event_type=event_type, payload=payload, key=str(order_id),
                    subject=str(case_id) if case_id else None)]


def _coverage_lines(lines: tuple[ev.CoverageLine, ...]) -> list[c.CoverageDecisionLine]:
    return [c.CoverageDecisionLine(hcpcs=ln.hcpcs, pa=ln.pa, coverage=ln.coverage,
                                   reasons=list(ln.reasons)) for ln in lines]


def _not_required(e: ev.AuthorizationNotRequired) -> list[Message]:
    return _message("authorization.not_required", c.AuthorizationNotRequired(
        order_id=e.order_id, payer_id=e.payer_id, plan_id=e.plan_id,
        lines=_coverage_lines(e.lines), decided_at=e.decided_at), order_id=e.order_id)


def _not_covered(e: ev.OrderNotCovered) -> list[Message]:
    return _message("authorization.not_covered", c.AuthorizationNotCovered(
        order_id=e.order_id, payer_id=e.payer_id, plan_id=e.plan_id,
        lines=_coverage_lines(e.lines), reason=e.reason, decided_at=e.decided_at),
        order_id=e.order_id)


def _requested(e: ev.CaseOpened) -> list[Message]:
    return _message("authorization.requested", c.AuthorizationRequested(
        case_id=e.case_id, order_id=e.order_id, payer_id=e.payer_id, plan_id=e.plan_id,
        status=e.status, due_at=e.due_at,
        lines=[c.RequestedUnits(hcpcs=ln.hcpcs, requested_units=ln.requested_units)
               for ln in e.lines],
        requested_at=e.requested_at), order_id=e.order_id, case_id=e.case_id)


def _approved(e: ev.CaseApproved) -> list[Message]:
    return _message("authorization.approved", c.AuthorizationApproved(
        case_id=e.case_id, order_id=e.order_id, payer_id=e.payer_id,
        auth_number=e.auth_number,
        lines=[c.ApprovedUnits(hcpcs=ln.hcpcs, approved_units=ln.approved_units,
                               units_per_visit=ln.units_per_visit)
               for ln in e.lines],
        valid_from=e.valid_from, valid_to=e.valid_to, decided_at=e.decided_at,
        quantity_limits=[c.QuantityLimitFacts(hcpcs=q.hcpcs, units=q.units,
                                              period_days=q.period_days)
                         for q in e.quantity_limits]),
        order_id=e.order_id, case_id=e.case_id)


def _denied(e: ev.CaseDenied) -> list[Message]:
    return _message("authorization.denied", c.AuthorizationDenied(
        case_id=e.case_id, order_id=e.order_id, payer_id=e.payer_id, reason=e.reason,
        reason_code=e.reason_code, decided_at=e.decided_at),
        order_id=e.order_id, case_id=e.case_id)


def _withdrawn(e: ev.CaseWithdrawn) -> list[Message]:
    return _message("authorization.withdrawn", c.AuthorizationClosed(
        case_id=e.case_id, order_id=e.order_id, payer_id=e.payer_id, reason=e.reason,
        occurred_at=e.occurred_at), order_id=e.order_id, case_id=e.case_id)


def _expired(e: ev.CaseExpired) -> list[Message]:
    return _message("authorization.expired", c.AuthorizationClosed(
        case_id=e.case_id, order_id=e.order_id, payer_id=e.payer_id, reason=e.reason,
        occurred_at=e.occurred_at), order_id=e.order_id, case_id=e.case_id)


def _usage_flagged(e: ev.UsageFlagged) -> list[Message]:
    return _message("authorization.usage_flagged", c.AuthorizationUsageFlagged(
        case_id=e.case_id, order_id=e.order_id, code=e.code, hcpcs=e.hcpcs, detail=e.detail,
        occurred_at=e.occurred_at), order_id=e.order_id, case_id=e.case_id)


def to_messages(event: ev.DomainEvent) -> list[Message]:
    """The outbox messages for one domain event (one each, today)."""
    match event:
        case ev.AuthorizationNotRequired():
            return _not_required(event)
        case ev.OrderNotCovered():
            return _not_covered(event)
        case ev.CaseOpened():
            return _requested(event)
        case ev.CaseApproved():
            return _approved(event)
        case ev.CaseDenied():
            return _denied(event)
        case ev.CaseWithdrawn():
            return _withdrawn(event)
        case ev.CaseExpired():
            return _expired(event)
        case ev.UsageFlagged():
            return _usage_flagged(event)
        case _:
            assert_never(event)
