"""The visit record: vital signs, the escort and discharge checks. Handlers own the
transaction like service/handlers.py; nothing here logs or raises a name or phone number.
The criteria themselves are read in service/discharge.py (also used to complete a visit)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID, uuid4

from orders.domain.discharge import Assessment, Evaluation
from orders.domain.errors import FieldError, IllegalTransition, ValidationFailed
from orders.domain.identity import AccessRecord
from orders.domain.lifecycle import Status
from orders.domain.visit import DischargeCheck, Escort, validate_escort
from orders.domain.vitals import DischargeThresholds, VitalSet, assess, baseline_of, validate_vitals
from orders.seed import discharge_thresholds
from orders.service.discharge import evaluation_for
from orders.service.handlers import Scope, _order, utcnow
from orders.service.uow import OrdersUnitOfWork

OPEN = (Status.SIGNED, Status.SCHEDULED, Status.IN_PROGRESS)


async def record_vitals(*, uow: OrdersUnitOfWork, order_id: UUID, vitals: VitalSet,
                        scope: Scope, now: datetime | None = None,
                        thresholds: DischargeThresholds | None = None) -> VitalSet:
    """Store one timed set with what is out of range in it (against the visit's baseline)."""
    now, t = now or utcnow(), thresholds or discharge_thresholds()
    async with uow:
        order = await _order(uow, order_id, scope, for_update=False)
        errors = validate_vitals(vitals, t)
        if vitals.taken_at > now:
            errors.append(FieldError("taken_at", "must not lie in the future"))
        if errors:
            raise ValidationFailed(errors)
        if order.status not in OPEN:
            raise IllegalTransition(order.status, "record vital signs for")
        earlier = await uow.visits.vitals(order.id)
        base = baseline_of(earlier) if vitals.kind != "baseline" else baseline_of(
            [*earlier, vitals])
        stored = replace(vitals, order_id=order.id, id=uuid4(), recorded_by=scope.actor.id,
                         recorded_at=now, findings=tuple(assess(vitals, base, t)))
        await uow.visits.add_vitals(stored)
        await uow.commit()
    return stored


async def list_vitals(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope) -> list[VitalSet]:
    async with uow:
        order = await _order(uow, order_id, scope, for_update=False)
        return await uow.visits.vitals(order.id)


async def record_escort(*, uow: OrdersUnitOfWork, order_id: UUID, name: str, phone: str,
                        scope: Scope, now: datetime | None = None) -> datetime:
    """Seal the escort, audit the write, emit ``order.escort_confirmed`` (ids only)."""
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope)
        errors = validate_escort(name, phone)
        if errors:
            raise ValidationFailed(errors)
        order.confirm_escort(actor=scope.actor, at=now)
        await uow.visits.put_escort(Escort(order.id, name.strip(), phone.strip(), now,
                                           scope.actor.id))
        await uow.access_log.add([AccessRecord(
            at=now, client_id=scope.client_id, user_id=scope.user_id,
            patient_id=order.patient_id, practice_id=order.practice_id, resource="escort",
            action="write", fields=("name", "phone"), purpose="treatment")])
        await uow.orders.save(order)
        await uow.commit()
    return now


async def discharge_status(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope,
                           now: datetime | None = None) -> Evaluation:
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope, for_update=False)
        return await evaluation_for(uow, order, now)


async def record_discharge_check(*, uow: OrdersUnitOfWork, order_id: UUID,
                                 assessment: Assessment, scope: Scope,
                                 now: datetime | None = None) -> tuple[DischargeCheck,
                                                                       Evaluation]:
    now, t = now or utcnow(), discharge_thresholds()
    async with uow:
        order = await _order(uow, order_id, scope, for_update=False)
        if order.status not in OPEN:
            raise IllegalTransition(order.status, "record a discharge check for")
        result = await evaluation_for(uow, order, now, assessment, t)
        check = DischargeCheck(id=uuid4(), order_id=order.id, checked_at=now,
                               assessment=assessment, criteria=result.criteria,
                               ready=result.ready, thresholds_version=t.version,
                               recorded_by=scope.actor.id)
        await uow.visits.add_check(check)
        await uow.commit()
    return check, result
