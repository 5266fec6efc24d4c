"""Patient observations (regimen gates): one table and its repository on the unit of work's
session (it never commits). ``for_patient`` is the one query the safety checks add."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from orders.adapters.codec import utc
from orders.adapters.observation_tables import patient_observations
from orders.adapters.repository import _Repo
from orders.domain.observations import Observation


def _observation(row: Any) -> Observation:
    return Observation(id=row.id, patient_id=row.patient_id, kind=row.kind, result=row.result,
                       observed_on=row.observed_on, source=row.source, order_id=row.order_id,
                       recorded_at=utc(row.recorded_at), recorded_by=row.recorded_by,
                       value=row.value, unit=row.unit)


class ObservationRepository(_Repo):
    async def add(self, obs: Observation) -> None:
        await self.session.execute(patient_observations.insert().values(
            id=obs.id, patient_id=obs.patient_id, kind=obs.kind, result=obs.result,
            observed_on=obs.observed_on, source=obs.source, order_id=obs.order_id,
            recorded_at=obs.recorded_at, recorded_by=obs.recorded_by, value=obs.value,
            unit=obs.unit))

    async def for_patient(self, patient_id: UUID) -> list[Observation]:
        """Every observation of the patient, oldest first (one query per check)."""
        rows = await self.session.execute(
            sa.select(patient_observations)
            .where(patient_observations.c.patient_id == patient_id)
            .order_by(patient_observations.c.observed_on, patient_observations.c.recorded_at))
        return [_observation(r) for r in rows]
