"""Eligibility checks, order holds and withheld booking decisions. Never commits: what it
loads or adds joins the unit of work's ``seen`` (so a hold's events are published on commit)
and is written back by :meth:`SqlEligibility.flush`."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from opentelemetry import propagate
from opentelemetry.context import Context
from sqlalchemy import Row, and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.messaging.outbox import Seen

from ..domain.eligibility import BenefitFigures, Estimate, Rejection
from ..domain.eligibility_check import EligibilityCheck, HeldDecision, OrderHold
from . import eligibility_orm as t


def _json(obj: Any) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in asdict(obj).items()}


def _dec(v: Any) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def _figures(doc: dict[str, Any] | None) -> BenefitFigures | None:
    if doc is None:
        return None
    return BenefitFigures(plan=doc.get("plan"),
                          **{k: _dec(doc.get(k)) for k in (
                              "deductible", "deductible_remaining", "coinsurance", "copay",
                              "out_of_pocket", "out_of_pocket_remaining")})


def _estimate(doc: dict[str, Any] | None) -> Estimate | None:
    if doc is None:
        return None
    return Estimate(basis=doc["basis"], allowed=_dec(doc["allowed"]),
                    deductible_part=_dec(doc["deductible_part"]),
                    coinsurance_part=_dec(doc["coinsurance_part"]),
                    copay_part=_dec(doc["copay_part"]), amount=_dec(doc["amount"]))


def _values(c: EligibilityCheck) -> dict[str, Any]:
    values = {f: getattr(c, f) for f in (
        "id", "patient_id", "payer_id", "order_id", "trigger", "service_date", "requested_at",
        "requested_by", "expected_allowed", "status", "attempts", "next_attempt_at",
        "coverage_id", "member_ref", "reason_code", "answered_at", "resolved_at",
        "resolved_by", "resolution")}
    values.update(reason=c.reason[:500] if c.reason else None,
                  rejections=[asdict(r) for r in c.rejections], figures=_json(c.figures),
                  estimate=_json(c.estimate))
    return values


def _check(row: Row[Any]) -> EligibilityCheck:
    return EligibilityCheck(
        id=row.id, patient_id=row.patient_id, payer_id=row.payer_id, order_id=row.order_id,
        trigger=row.trigger, service_date=row.service_date, requested_at=row.requested_at,
        requested_by=row.requested_by, expected_allowed=_dec(row.expected_allowed),
        status=row.status, attempts=row.attempts, next_attempt_at=row.next_attempt_at,
        coverage_id=row.coverage_id, member_ref=row.member_ref, reason_code=row.reason_code,
        reason=row.reason, rejections=tuple(Rejection(**r) for r in row.rejections),
        figures=_figures(row.figures), estimate=_estimate(row.estimate),
        answered_at=row.answered_at, resolved_at=row.resolved_at, resolved_by=row.resolved_by,
        resolution=row.resolution)


def _hold(row: Row[Any]) -> OrderHold:
    return OrderHold(order_id=row.order_id, patient_id=row.patient_id, payer_id=row.payer_id,
                     check_id=row.check_id, updated_at=row.updated_at, state=row.state,
                     reason_code=row.reason_code)


class SqlEligibility:
    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self._seen = seen
        self._checks: dict[UUID, EligibilityCheck] = {}
        self._holds: dict[UUID, OrderHold] = {}

    # ------------------------------------------------------------------ checks
    async def add_check(self, check: EligibilityCheck) -> None:
        carrier: dict[str, str] = {}
        propagate.inject(carrier)  # the trace this check was opened in, if any
        await self.session.execute(insert(t.eligibility_checks).values(
            **_values(check), traceparent=carrier.get("traceparent")))
        self._track_check(check)

    async def trace_of(self, check_id: UUID) -> Context:
        """The trace context the check was opened in (empty when none was recorded)."""
        c = t.eligibility_checks.c
        value = (await self.session.execute(
            select(c.traceparent).where(c.id == check_id))).scalar_one_or_none()
        return propagate.extract({"traceparent": value} if value else {})

    def _track_check(self, check: EligibilityCheck) -> EligibilityCheck:
        self._checks[check.id] = check
        self._seen.add(check)
        return check

    async def get_check(self, check_id: UUID, *, for_update: bool = False
                        ) -> EligibilityCheck | None:
        q = select(t.eligibility_checks).where(t.eligibility_checks.c.id == check_id)
        row = (await self.session.execute(q.with_for_update() if for_update else q)).first()
        return self._track_check(_check(row)) if row is not None else None

    async def history(self, patient_id: UUID, *, limit: int, offset: int
                      ) -> list[EligibilityCheck]:
        c = t.eligibility_checks.c
        rows = (await self.session.execute(
            select(t.eligibility_checks).where(c.patient_id == patient_id)
            .order_by(c.requested_at.desc(), c.id.desc()).limit(limit).offset(offset))).all()
        return [_check(r) for r in rows]

    async def for_order(self, order_id: UUID) -> list[EligibilityCheck]:
        c = t.eligibility_checks.c
        rows = (await self.session.execute(select(t.eligibility_checks)
                                           .where(c.order_id == order_id))).all()
        return [self._track_check(_check(r)) for r in rows]

    async def due(self, now: datetime, limit: int) -> list[UUID]:
        c = t.eligibility_checks.c
        rows = (await self.session.execute(
            select(c.id).where(c.status == "pending", c.next_attempt_at <= now)
            .order_by(c.next_attempt_at).limit(limit))).all()
        return [r.id for r in rows]

    async def claim(self, check_id: UUID, now: datetime, lease_until: datetime) -> bool:
        """Take the check for one attempt (attempts + 1) unless someone else has it: a
        conditional update, so two workers never send the same attempt."""
        c = t.eligibility_checks.c
        result = await self.session.execute(
            update(t.eligibility_checks)
            .where(and_(c.id == check_id, c.status == "pending", c.next_attempt_at <= now))
            .values(attempts=c.attempts + 1, next_attempt_at=lease_until))
        return bool(getattr(result, "rowcount", 0) == 1)

    # ------------------------------------------------------------------ holds
    async def add_hold(self, hold: OrderHold) -> None:
        await self.session.execute(insert(t.eligibility_holds).values(
            order_id=hold.order_id, patient_id=hold.patient_id, payer_id=hold.payer_id,
            check_id=hold.check_id, state=hold.state, reason_code=hold.reason_code,
            updated_at=hold.updated_at))
        self._holds[hold.order_id] = hold
        self._seen.add(hold)

    async def hold(self, order_id: UUID, *, for_update: bool = False) -> OrderHold | None:
        q = select(t.eligibility_holds).where(t.eligibility_holds.c.order_id == order_id)
        row = (await self.session.execute(q.with_for_update() if for_update else q)).first()
        if row is None:
            return None
        hold = _hold(row)
        self._holds[hold.order_id] = hold
        self._seen.add(hold)
        return hold

    async def open_holds(self, order_ids: set[UUID]) -> set[UUID]:
        """The orders still held, their rows locked until commit as the release path locks
        them (``hold(for_update=True)``): a decision withheld here is then either taken by
        the release that follows, or not withheld at all because the release came first
        (PostgreSQL checks the state again once the lock is granted). Read without the lock,
        a release committing meanwhile left the decision withheld for ever: an approval
        never reached scheduling. In order_id order, so two writers cannot deadlock."""
        if not order_ids:
            return set()
        h = t.eligibility_holds.c
        rows = (await self.session.execute(
            select(h.order_id).where(h.order_id.in_(order_ids),
                                     h.state.in_(("awaiting", "flagged")))
            .order_by(h.order_id).with_for_update())).all()
        return {r.order_id for r in rows}

    async def flagged(self, limit: int) -> list[OrderHold]:
        h = t.eligibility_holds.c
        rows = (await self.session.execute(select(t.eligibility_holds)
                                           .where(h.state == "flagged")
                                           .order_by(h.updated_at).limit(limit))).all()
        return [_hold(r) for r in rows]

    # ------------------------------------------------------------------ withheld decisions
    async def withhold(self, order_id: UUID, decision: HeldDecision, now: datetime) -> None:
        await self.session.execute(insert(t.eligibility_held_events).values(
            order_id=order_id, event_type=decision.event_type, payload=decision.payload_json,
            subject=decision.subject, held_at=now))

    async def take_withheld(self, order_id: UUID) -> tuple[HeldDecision, ...]:
        e = t.eligibility_held_events.c
        rows = (await self.session.execute(select(t.eligibility_held_events)
                                           .where(e.order_id == order_id).order_by(e.id))).all()
        await self.session.execute(delete(t.eligibility_held_events)
                                   .where(e.order_id == order_id))
        return tuple(HeldDecision(r.event_type, r.payload, r.subject) for r in rows)

    # ------------------------------------------------------------------ write back
    async def flush(self) -> None:
        for check in self._checks.values():
            values = _values(check)
            values.pop("id")
            await self.session.execute(update(t.eligibility_checks)
                                       .where(t.eligibility_checks.c.id == check.id)
                                       .values(**values))
        for hold in self._holds.values():
            await self.session.execute(update(t.eligibility_holds)
                                       .where(t.eligibility_holds.c.order_id == hold.order_id)
                                       .values(check_id=hold.check_id, state=hold.state,
                                               reason_code=hold.reason_code,
                                               updated_at=hold.updated_at))
