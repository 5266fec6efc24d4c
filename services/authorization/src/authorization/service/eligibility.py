"""Eligibility checks: opened when an order is signed (consumer) or on demand (API), run by
the eligibility worker or at once for an on-demand request, resolved by staff.

Running a check is three steps, so no transaction stays open across HTTP: claim it (attempts
+ 1, leased), ask (orders for the payer identity, then the clearinghouse: 270 out, 271 in, each
validated against 005010X279A1), record the answer and move the order's hold. Demographics
exist only in memory for the 270; logs name ids and codes only.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from opentelemetry import trace
from prometheus_client import Counter

from ..adapters.eligibility_clients import ClearinghouseClient, ClearinghouseUnavailable
from ..adapters.orders_client import IdentitySource
from ..adapters.x12_270 import Envelope, render_270
from ..adapters.x12_271 import read_271
from ..adapters.x12_validation import X12Invalid, split, validate
from ..domain.eligibility import Answer, MissingIdentity, Provider, build_inquiry
from ..domain.eligibility_check import EligibilityCheck, OrderHold, retry_delay
from ..domain.errors import FieldError, IdentityUnavailable, NotFound, ValidationFailed
from ..domain.orders import SignedOrder
from ..settings import AuthorizationSettings
from .uow import AuthorizationUnitOfWork, UowFactory

log = logging.getLogger("authorization.eligibility")
tracer = trace.get_tracer("authorization.eligibility")
ELIGIBILITY_ANSWERS = Counter("chairside_eligibility_answers_total",
                              "Eligibility checks recorded, by status and reason", ["status",
                                                                                    "reason"])


@dataclass(frozen=True)
class Parties:
    """The outside parties a check talks to, built once by bootstrap."""

    identity: IdentitySource
    clearinghouse: ClearinghouseClient | None


@dataclass(frozen=True)
class _Failure:
    code: str
    reason: str
    retryable: bool


@dataclass(frozen=True)
class _Answered:
    answer: Answer
    coverage_id: UUID
    member_ref: str | None


# --------------------------------------------------------------------------- opening checks
async def order_signed(*, uow: AuthorizationUnitOfWork, order: SignedOrder,
                       now: datetime) -> EligibilityCheck | None:
    """Inside the consumer's unit of work: a check to run and the order held until it answers
    (no I/O here; the worker sends the 270). None when checks on signing are off or no
    clearinghouse is set (then the order is not held either)."""
    settings = uow.settings
    if not settings.checks_on_sign or order.payer is None:
        return None
    check = EligibilityCheck(
        patient_id=order.patient_id, payer_id=order.payer.payer_id, order_id=order.order_id,
        trigger="order_signed", service_date=order.starts_at.astimezone(settings.tz).date(),
        requested_at=now, requested_by="consumer:order.signed", next_attempt_at=now)
    await uow.eligibility.add_check(check)
    await uow.eligibility.add_hold(OrderHold(order_id=order.order_id,
                                             patient_id=order.patient_id,
                                             payer_id=order.payer.payer_id, check_id=check.id,
                                             updated_at=now))
    return check


async def order_cancelled(*, uow: AuthorizationUnitOfWork, order_id: UUID,
                          now: datetime) -> None:
    hold = await uow.eligibility.hold(order_id, for_update=True)
    if hold is not None:
        hold.cancel(now)
        await uow.eligibility.take_withheld(order_id)  # never to be published
    for check in await uow.eligibility.for_order(order_id):
        check.cancel(now)


async def request_check(*, uows: UowFactory, patient_id: UUID, payer_id: str | None,
                        order_id: UUID | None, service_date: date | None,
                        expected_allowed: Decimal | None, actor: str, now: datetime) -> UUID:
    async with uows() as uow:
        facts = await uow.orders.get(order_id) if order_id else None
        if order_id and facts is None:
            raise NotFound(f"order {order_id} is not known to authorization")
        if facts is not None and facts.patient_id != patient_id:
            raise ValidationFailed("the order is not this patient's",
                                   [FieldError("order_id", "belongs to another patient")])
        payer = payer_id or (facts.payer_id if facts else None)
        if payer is None:
            raise ValidationFailed("no payer to ask", [FieldError(
                "payer_id", "required unless order_id names an order with a payer")])
        if await uow.payers.get(payer) is None:
            raise ValidationFailed("unknown payer", [FieldError("payer_id",
                                                                f"no payer {payer}")])
        check = EligibilityCheck(
            patient_id=patient_id, payer_id=payer, order_id=order_id, trigger="on_demand",
            service_date=service_date or now.astimezone(uow.settings.tz).date(),
            requested_at=now, requested_by=actor, expected_allowed=expected_allowed,
            next_attempt_at=now)
        await uow.eligibility.add_check(check)
        await uow.commit()
    return check.id


# --------------------------------------------------------------------------- running checks
def _member_ref(settings: AuthorizationSettings, member_id: str) -> str | None:
    key = settings.member_key
    if key is None:
        return None
    return hmac.new(key, member_id.encode(), hashlib.sha256).hexdigest()[:32]


def _is_999(text: str) -> bool:
    try:
        return any(s[0] == "ST" and s[1:2] == ["999"] for s in split(text)[0])
    except X12Invalid:
        return False


async def _ask(check: EligibilityCheck, payer_name: str, parties: Parties,
               settings: AuthorizationSettings, now: datetime) -> _Failure | _Answered:
    try:
        identity = await (parties.identity.for_order(check.order_id) if check.order_id
                          else parties.identity.for_patient(check.patient_id, check.payer_id))
    except IdentityUnavailable as exc:
        return _Failure("identity_unavailable", str(exc), exc.retryable)
    if identity is None:
        return _Failure("identity_unavailable", "orders answered 404", False)
    if identity.patient_id != check.patient_id:
        return _Failure("identity_mismatch", "orders answered for another patient", False)
    practice = (Provider(npi=settings.practice_npi, name=settings.eligibility_provider_name)
                if settings.practice_npi else None)
    try:
        inquiry = build_inquiry(identity=identity, payer_id=check.payer_id,
                                payer_name=payer_name, practice=practice,
                                service_date=check.service_date,
                                service_types=tuple(settings.eligibility_service_types),
                                reference=f"{check.id.hex}{check.attempts:02d}")
    except MissingIdentity as exc:
        return _Failure(f"identity:{exc.item}", str(exc), False)
    assert identity.coverage is not None  # build_inquiry refuses a missing coverage
    coverage_id, member_ref = identity.coverage.id, _member_ref(settings, inquiry.member_id)
    if parties.clearinghouse is None:
        return _Failure("clearinghouse_not_configured", "no clearinghouse is configured", False)
    control = (check.id.int + check.attempts) % 999_999_999 + 1
    x12 = render_270(inquiry, Envelope(settings.eligibility_sender_id,
                                       settings.eligibility_receiver_id,
                                       settings.eligibility_originator_id,
                                       settings.eligibility_usage, control), now)
    try:
        validate(x12, "270")
        reply = await parties.clearinghouse.exchange(x12)
        if _is_999(reply):
            return _Failure("rejected_999", "the clearinghouse rejected the 270 (999)", False)
        validate(reply, "271")
    except ClearinghouseUnavailable as exc:
        return _Failure("clearinghouse_unavailable", str(exc), True)
    except X12Invalid as exc:
        return _Failure(f"invalid_{exc.kind}", "; ".join(exc.problems[:3]), False)
    return _Answered(read_271(reply), coverage_id, member_ref)


async def run_check(*, uows: UowFactory, parties: Parties, check_id: UUID,
                    now: datetime) -> EligibilityCheck | None:
    """One attempt at a due check, in the trace that opened it (a visit's 270/271 and the
    decisions it releases belong to that visit); None when it is not due or another worker
    has it."""
    async with uows() as uow:
        opened_in = await uow.eligibility.trace_of(check_id)
    with tracer.start_as_current_span("eligibility check", context=opened_in,
                                      attributes={"chairside.eligibility_check_id":
                                                  str(check_id)}):
        return await _attempt(uows=uows, parties=parties, check_id=check_id, now=now)


async def _attempt(*, uows: UowFactory, parties: Parties, check_id: UUID,
                   now: datetime) -> EligibilityCheck | None:
    async with uows() as uow:
        settings = uow.settings
        lease = now + timedelta(seconds=max(60.0, 3 * settings.clearinghouse_timeout_s))
        if not await uow.eligibility.claim(check_id, now, lease):
            return None
        check = await uow.eligibility.get_check(check_id)
        payer = await uow.payers.get(check.payer_id) if check else None
        await uow.commit()
    if check is None:
        return None
    result = await _ask(check, payer[0].name if payer else check.payer_id, parties,
                        settings, now)
    async with uows() as uow:
        check = await uow.eligibility.get_check(check_id, for_update=True)
        if check is None or check.status != "pending":
            return check  # cancelled meanwhile
        delay = retry_delay(check.attempts, settings.eligibility_retry_base_s,
                            settings.eligibility_retry_max_s)
        if isinstance(result, _Answered):
            check.coverage_id, check.member_ref = result.coverage_id, result.member_ref
            check.record_answer(result.answer, now=now, delay=delay,
                                max_attempts=settings.eligibility_max_attempts)
        else:
            check.record_failure(code=result.code, reason=result.reason, now=now,
                                 retryable=result.retryable, delay=delay,
                                 max_attempts=settings.eligibility_max_attempts)
        await _move_hold(uow, check, now)
        await uow.commit()
    ELIGIBILITY_ANSWERS.labels(check.status, check.reason_code or "").inc()
    log.info("eligibility check %s (order %s): %s %s, attempt %d", check.id, check.order_id,
             check.status, check.reason_code or "", check.attempts)
    return check


async def _move_hold(uow: AuthorizationUnitOfWork, check: EligibilityCheck,
                     now: datetime) -> None:
    if check.order_id is None or check.status == "pending":
        return
    hold = await uow.eligibility.hold(check.order_id, for_update=True)
    if hold is None:
        if not check.needs_staff:
            return  # an on-demand check of an order never held: nothing to hold
        hold = OrderHold(order_id=check.order_id, patient_id=check.patient_id,
                         payer_id=check.payer_id, check_id=check.id, updated_at=now)
        await uow.eligibility.add_hold(hold)
    released = (await uow.eligibility.take_withheld(check.order_id)
                if check.status == "active" and hold.open else ())
    hold.follow(check, now, released)


async def run_due(*, uows: UowFactory, parties: Parties, now: datetime,
                  limit: int = 20) -> int:
    async with uows() as uow:
        due = await uow.eligibility.due(now, limit)
    done = 0
    for check_id in due:
        done += await run_check(uows=uows, parties=parties, check_id=check_id,
                                now=now) is not None
    return done


# --------------------------------------------------------------------------- staff and reads
async def resolve(*, uows: UowFactory, check_id: UUID, actor: str, reason: str,
                  now: datetime) -> EligibilityCheck:
    async with uows() as uow:
        check = await uow.eligibility.get_check(check_id, for_update=True)
        if check is None:
            raise NotFound(f"no eligibility check {check_id}")
        check.resolve(actor=actor, reason=reason, now=now)
        if check.order_id is not None:
            hold = await uow.eligibility.hold(check.order_id, for_update=True)
            if hold is not None and hold.open:
                hold.resolve(check, now, await uow.eligibility.take_withheld(check.order_id))
        await uow.commit()
    log.info("eligibility check %s resolved by %s", check.id, actor)
    return check


async def get_check(*, uows: UowFactory, check_id: UUID) -> EligibilityCheck:
    async with uows() as uow:
        check = await uow.eligibility.get_check(check_id)
    if check is None:
        raise NotFound(f"no eligibility check {check_id}")
    return check


async def history(*, uows: UowFactory, patient_id: UUID, limit: int,
                  offset: int) -> list[EligibilityCheck]:
    async with uows() as uow:
        return await uow.eligibility.history(patient_id, limit=limit, offset=offset)


async def flagged(*, uows: UowFactory, limit: int) -> list[OrderHold]:
    async with uows() as uow:
        return await uow.eligibility.flagged(limit)
