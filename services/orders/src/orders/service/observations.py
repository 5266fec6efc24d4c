"""Patient observations (screening results, MRIs, checklists) the regimen gates read."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from orders.domain.errors import FieldError, NotFound, ValidationFailed
from orders.domain.observations import Observation, observation_errors
from orders.service.handlers import Scope, utcnow
from orders.service.uow import OrdersUnitOfWork


async def record_observation(*, uow: OrdersUnitOfWork, patient_id: UUID, kind: str,
                             result: str | None, observed_on: date, source: str,
                             order_id: UUID | None, scope: Scope, value: Decimal | None = None,
                             now: datetime | None = None) -> Observation:
    now = now or utcnow()
    async with uow:
        record = await uow.patients.get(patient_id)
        if record is None or not scope.sees(record.practice_id):
            raise NotFound(f"patient {patient_id} not found")
        catalog = await uow.catalog.current()
        errors, result = observation_errors(
            kinds=catalog.observation_kinds, kind=kind, result=result, value=value,
            observed_on=observed_on, today=catalog.rules.local_date(now), source=source)
        if order_id is not None:
            order = await uow.orders.get(order_id)
            if order is None or order.patient_id != patient_id:
                errors.append(FieldError("order_id", "no such order for this patient"))
        if errors or result is None:
            raise ValidationFailed(errors)
        spec = catalog.observation_kinds[kind]
        obs = Observation(id=uuid4(), patient_id=patient_id, kind=kind, result=result,
                          observed_on=observed_on, source=source.strip(), order_id=order_id,
                          recorded_at=now, recorded_by=scope.actor.id, value=value,
                          unit=spec.unit if value is not None else None)
        await uow.observations.add(obs)
        await uow.commit()
    return obs


async def list_observations(*, uow: OrdersUnitOfWork, patient_id: UUID,
                            scope: Scope) -> list[Observation]:
    async with uow:
        record = await uow.patients.get(patient_id)
        if record is None or not scope.sees(record.practice_id):
            raise NotFound(f"patient {patient_id} not found")
        return await uow.observations.for_patient(patient_id)
