"""Events the scheduling service consumes: type → handler (unit of work, envelope).

Each handler maps the contract payload to a booking step; the shared consumer wrote the inbox
row on the same session and commits after the handler returns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from chairside_shared import contracts
from chairside_shared.messaging.consumer import Handler
from chairside_shared.messaging.envelope import Envelope
from chairside_shared.messaging.outbox import UnitOfWork
from scheduling.domain.authorization_fit import Approval, ApprovedLine
from scheduling.domain.orders import CourseLine
from scheduling.domain.series import CatalogCourse
from scheduling.service import booking, commands, recalls, series_holds
from scheduling.service.uow import SchedulingUnitOfWork

P = TypeVar("P", bound=contracts.EventPayload)
Decision = (contracts.AuthorizationApproved | contracts.AuthorizationNotRequired
            | contracts.AuthorizationDenied | contracts.AuthorizationNotCovered
            | contracts.AuthorizationClosed)
SchedulingHandler = Callable[[SchedulingUnitOfWork, Envelope], Awaitable[None]]


def _payload(env: Envelope, model: type[P]) -> P:
    if not isinstance(env.payload, model):
        raise TypeError(f"{env.type}: unexpected payload {type(env.payload).__name__}")
    return env.payload


def _decision_of(env: Envelope) -> Decision:
    p = env.payload
    if isinstance(p, (contracts.AuthorizationApproved, contracts.AuthorizationNotRequired,
                      contracts.AuthorizationDenied, contracts.AuthorizationNotCovered,
                      contracts.AuthorizationClosed)):
        return p
    raise TypeError(f"{env.type}: unexpected payload {type(p).__name__}")


def _in_scheduling(handler: SchedulingHandler) -> Handler:
    """The consumer's unit of work is the one bootstrap.py builds: a SchedulingUnitOfWork."""
    async def handle(uow: UnitOfWork, env: Envelope) -> None:
        if not isinstance(uow, SchedulingUnitOfWork):
            raise TypeError(f"scheduling handlers run in a SchedulingUnitOfWork, not {uow!r}")
        await handler(uow, env)
    handle.__name__ = handler.__name__
    return handle


async def on_order_signed(uow: SchedulingUnitOfWork, env: Envelope) -> None:
    p = _payload(env, contracts.OrderSigned)
    window = p.requested_window
    # the next dose of a recalled drug: never held before the recall's earliest day
    window_from, window_to = recalls.not_before_earliest(
        window.from_ if window else None, window.to if window else None,
        await recalls.link_signed(uow, p))
    order = await booking.record_signed_order(
        uow, order_id=p.order_id, practice_id=p.practice_id,
        patient_id=p.patient_id, urgency=p.urgency, minutes=p.estimated_chair_minutes,
        acuity_class=p.acuity_class, pediatric=p.pediatric, requires_driver=p.requires_driver,
        window_from=window_from, window_to=window_to, signed_at=p.signed_at,
        triage_category=p.triage_category, headache_hours=p.headache_hours,
        prep_minutes=p.prep_minutes, series=_course_of(p.series),
        course=tuple(CourseLine(drug_code=ln.drug_code, molecule=ln.molecule,
                                dose_number=ln.dose_number) for ln in p.lines))
    await booking.hold_for_order(uow, order, datetime.now(UTC), uow.options.policy)


def _course_of(s: contracts.SeriesFacts | None) -> CatalogCourse | None:
    if s is None:
        return None
    return CatalogCourse(drug_code=s.drug_code, kind=s.kind, offsets=tuple(s.offsets),
                         min_visits=s.min_visits, max_visits=s.max_visits)


async def on_order_cancelled(uow: SchedulingUnitOfWork, env: Envelope) -> None:
    p = _payload(env, contracts.OrderCancelled)
    await booking.release_order(uow, p.order_id, "order_cancelled", datetime.now(UTC),
                                uow.options.policy, cancelled=True)
    await recalls.unlink_cancelled(uow, p.order_id)


async def on_order_administered(uow: SchedulingUnitOfWork, env: Envelope) -> None:
    """The visit was completed in orders: its appointment is completed with it."""
    p = _payload(env, contracts.OrderAdministered)
    first = min((a.started_at for a in p.administrations), default=None)
    await commands.order_administered(uow, p.order_id, p.completed_at, first,
                                      uow.options.policy)
    await recalls.open_recalls(uow, p)  # recurring drugs given: the next dose's recall


async def on_escort_confirmed(uow: SchedulingUnitOfWork, env: Envelope) -> None:
    p = _payload(env, contracts.OrderEscortConfirmed)
    await uow.orders.record_escort(p.order_id, p.confirmed_at)


async def on_reaction_recorded(uow: SchedulingUnitOfWork, env: Envelope) -> None:
    """RX-6: a reaction holding the series pauses the patient's remaining series visits."""
    p = _payload(env, contracts.ReactionRecorded)
    if p.holds_series:
        await series_holds.reaction_recorded(uow, reaction_id=p.reaction_id,
                                             patient_id=p.patient_id, order_id=p.order_id,
                                             at=p.recorded_at)


async def on_reaction_cleared(uow: SchedulingUnitOfWork, env: Envelope) -> None:
    """RX-6: the provider cleared the hold: the paused visits resume."""
    p = _payload(env, contracts.ReactionCleared)
    await series_holds.reaction_cleared(uow, reaction_id=p.reaction_id, at=p.cleared_at)


async def on_authorization_approved(uow: SchedulingUnitOfWork, env: Envelope) -> None:
    """The approval is kept (auth number, dates, units) before the visit is booked on it."""
    p = _payload(env, contracts.AuthorizationApproved)
    await uow.approvals.save(Approval(
        order_id=p.order_id, case_id=p.case_id, payer_id=p.payer_id,
        auth_number=p.auth_number, valid_from=p.valid_from, valid_to=p.valid_to,
        lines=tuple(ApprovedLine(hcpcs=ln.hcpcs, approved_units=ln.approved_units,
                                 units_per_visit=ln.units_per_visit) for ln in p.lines)))
    await recalls.record_approval(uow, p)  # quantity limits, auth expiry
    await booking.authorization_decided(uow, p.order_id, "approved", datetime.now(UTC),
                                        uow.options.policy)


def _decision(decision: str) -> SchedulingHandler:
    async def handle(uow: SchedulingUnitOfWork, env: Envelope) -> None:
        await booking.authorization_decided(uow, _decision_of(env).order_id, decision,
                                            datetime.now(UTC), uow.options.policy)
    handle.__name__ = f"on_authorization_{decision}"
    return handle


SUBSCRIPTIONS: list[str] = [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC]
HANDLERS: dict[str, Handler] = {t: _in_scheduling(h) for t, h in {
    "order.signed": on_order_signed,
    "order.cancelled": on_order_cancelled,
    "order.administered": on_order_administered,
    "order.escort_confirmed": on_escort_confirmed,
    "reaction.recorded": on_reaction_recorded,
    "reaction.cleared": on_reaction_cleared,
    "authorization.approved": on_authorization_approved,
    "authorization.not_required": _decision("not_required"),
    "authorization.denied": _decision("denied"),
    "authorization.not_covered": _decision("not_covered"),
    "authorization.expired": _decision("closed"),
    "authorization.withdrawn": _decision("closed"),
}.items()}
