"""Events the authorization service consumes: type -> handler (unit of work, envelope).

The consumer has opened the unit of work and written the inbox row; it commits after the
handler returns, so each handler here only translates the event's contract into the domain's
records (``domain/orders.py``) and makes one service call.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from chairside_shared import contracts as c
from chairside_shared.messaging.consumer import Handler
from chairside_shared.messaging.envelope import Envelope
from chairside_shared.messaging.outbox import UnitOfWork

from ..domain.orders import (
    AdministeredOrder,
    Administration,
    OrderLine,
    PayerRef,
    SignedOrder,
)
from ..domain.outcome_figures import OutcomeFigures
from ..service import orders, outcomes, renewals
from ..service.uow import AuthorizationUnitOfWork

SUBSCRIPTIONS: list[str] = [c.ORDERS_TOPIC, c.SCHEDULING_TOPIC]
P = TypeVar("P", bound=c.EventPayload)


def payer_ref(payer: c.PayerRef | None) -> PayerRef | None:
    if payer is None:
        return None
    # payer.member_id is not read: events carry ids only (orders' payer identity has it)
    return PayerRef(payer_id=payer.payer_id, plan_id=payer.plan_id)


def signed_order(event: c.OrderSigned) -> SignedOrder:
    return SignedOrder(
        order_id=event.order_id, practice_id=event.practice_id, patient_id=event.patient_id,
        urgency=event.urgency,
        lines=tuple(OrderLine(sequence=ln.sequence, drug_code=ln.drug_code, hcpcs=ln.hcpcs,
                              hcpcs_unit=ln.hcpcs_unit, dose=ln.dose, dose_unit=ln.dose_unit,
                              molecule=ln.molecule, dose_number=ln.dose_number)
                    for ln in event.lines),
        diagnoses=tuple(event.diagnoses), payer=payer_ref(event.payer),
        patient_age_years=event.patient_age_years, prescriber_id=event.prescriber_id,
        signed_at=event.signed_at, prescriber_specialty=event.prescriber_specialty,
        requested_from=event.requested_window.from_ if event.requested_window else None)


def administered_order(event: c.OrderAdministered) -> AdministeredOrder:
    return AdministeredOrder(
        order_id=event.order_id, patient_id=event.patient_id, payer=payer_ref(event.payer),
        administrations=tuple(
            Administration(line_sequence=a.line_sequence, hcpcs=a.hcpcs, started_at=a.started_at,
                           dose_given=a.dose_given, dose_unit=a.dose_unit,
                           wasted_amount=a.wasted_amount)
            for a in event.administrations))


async def on_order_signed(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    event = _payload(envelope, c.OrderSigned)
    await orders.order_signed(uow=uow, order=signed_order(event), now=datetime.now(UTC))


async def on_order_cancelled(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    event = _payload(envelope, c.OrderCancelled)
    await orders.order_cancelled(uow=uow, order_id=event.order_id, reason=event.reason,
                                 now=datetime.now(UTC))


async def on_order_administered(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    event = _payload(envelope, c.OrderAdministered)
    await orders.order_administered(uow=uow, order=administered_order(event),
                                    now=datetime.now(UTC))


def outcome_figures(event: c.OutcomeAssessed) -> OutcomeFigures:
    return OutcomeFigures(
        patient_id=event.patient_id, drug_code=event.drug_code or "",
        assessment_id=event.assessment_id, assessed_at=event.assessed_at,
        baseline_migraine_days=event.baseline_migraine_days,
        current_migraine_days=event.current_migraine_days,
        migraine_days_change_pct=event.migraine_days_change_pct,
        midas_baseline=event.midas_baseline, midas_current=event.midas_current,
        hit6_baseline=event.hit6_baseline, hit6_current=event.hit6_current,
        renewal_ready=event.renewal_ready)


async def on_outcome_assessed(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    event = _payload(envelope, c.OutcomeAssessed)
    await outcomes.outcome_assessed(uow=uow, figures=outcome_figures(event),
                                    now=datetime.now(UTC))


async def on_renewal_needed(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    """Scheduling found a visit outside its approval: the renewal worklist."""
    e = _payload(envelope, c.AuthorizationRenewalNeeded)
    await renewals.renewal_needed(
        uow=uow, order_id=e.order_id, case_id=e.case_id, payer_id=e.payer_id,
        practice_id=e.practice_id, appointment_id=e.appointment_id,
        auth_number=e.auth_number, visit_date=e.visit_date, valid_from=e.valid_from,
        valid_to=e.valid_to, reasons=list(e.reasons), outcome=e.outcome,
        now=datetime.now(UTC))


def _payload(envelope: Envelope, contract: type[P]) -> P:
    if not isinstance(envelope.payload, contract):
        raise TypeError(f"{envelope.type}: expected {contract.__name__}, "
                        f"got {type(envelope.payload).__name__}")
    return envelope.payload


def _handler(
    handle: Callable[[AuthorizationUnitOfWork, Envelope], Awaitable[None]],
) -> Handler:
    """The consumer hands every handler the unit of work it opened: ours, by bootstrap."""
    async def run(uow: UnitOfWork, envelope: Envelope) -> None:
        if not isinstance(uow, AuthorizationUnitOfWork):
            raise TypeError(f"expected an AuthorizationUnitOfWork, got {type(uow).__name__}")
        await handle(uow, envelope)
    return run


HANDLERS: dict[str, Handler] = {
    "order.signed": _handler(on_order_signed),
    "order.cancelled": _handler(on_order_cancelled),
    "order.administered": _handler(on_order_administered),
    "outcome.assessed": _handler(on_outcome_assessed),
    "appointment.renewal_needed": _handler(on_renewal_needed),
}
