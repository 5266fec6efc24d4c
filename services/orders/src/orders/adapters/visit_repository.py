"""The visit record on the unit of work's session (vitals, escort, discharge checks). Never
commits. The escort is sealed and opened with the runtime's cipher (phi_crypto)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.engine import Row

from orders.adapters.codec import utc
from orders.adapters.identity_codec import sealed_columns, sealed_of
from orders.adapters.identity_repository import _Sealing
from orders.adapters.phi_crypto import escort_aad
from orders.adapters.visit_tables import discharge_checks, visit_escorts, vital_signs
from orders.domain.discharge import Assessment, Criterion
from orders.domain.visit import DischargeCheck, Escort
from orders.domain.vitals import VitalFinding, VitalSet

VALUES = ("bp_systolic", "bp_diastolic", "heart_rate", "respiratory_rate", "spo2",
          "temperature_c", "nrs", "poss", "rass", "weight_kg", "on_room_air")


def _vital(row: Row[Any]) -> VitalSet:
    return VitalSet(
        id=row.id, order_id=row.order_id, taken_at=utc(row.taken_at), kind=row.kind,
        **{k: getattr(row, k) for k in VALUES if k not in ("temperature_c", "weight_kg")},
        temperature_c=None if row.temperature_c is None else Decimal(row.temperature_c),
        weight_kg=None if row.weight_kg is None else Decimal(row.weight_kg),
        recorded_by=row.recorded_by, recorded_at=utc(row.recorded_at),
        findings=tuple(VitalFinding(**f) for f in row.findings))


class VisitRepository(_Sealing):
    async def add_vitals(self, v: VitalSet) -> VitalSet:
        row_id = v.id or uuid4()
        await self.session.execute(vital_signs.insert().values(
            id=row_id, order_id=v.order_id, taken_at=v.taken_at, kind=v.kind,
            **{k: getattr(v, k) for k in VALUES}, findings=[f.to_dict() for f in v.findings],
            recorded_by=v.recorded_by, recorded_at=v.recorded_at))
        return v if v.id else VitalSet(**{**v.__dict__, "id": row_id})

    async def vitals(self, order_id: UUID) -> list[VitalSet]:
        rows = await self.session.execute(sa.select(vital_signs).where(
            vital_signs.c.order_id == order_id).order_by(vital_signs.c.taken_at,
                                                         vital_signs.c.id))
        return [_vital(r) for r in rows]

    async def put_escort(self, escort: Escort) -> None:
        """The escort of the order, replacing an earlier one (a new person, a new phone)."""
        sealed = self.cipher.seal({"name": escort.name, "phone": escort.phone},
                                  escort_aad(escort.order_id))
        values = {**sealed_columns(sealed), "confirmed_at": escort.confirmed_at,
                  "recorded_by": escort.recorded_by}
        t = visit_escorts
        done = await self.session.execute(
            t.update().where(t.c.order_id == escort.order_id).values(**values))
        if getattr(done, "rowcount", 0) == 0:
            await self.session.execute(t.insert().values(order_id=escort.order_id, **values))

    async def escort_confirmed_at(self, order_id: UUID) -> datetime | None:
        """When the escort was confirmed; the sealed name and phone stay sealed."""
        at = (await self.session.execute(sa.select(visit_escorts.c.confirmed_at).where(
            visit_escorts.c.order_id == order_id))).scalar()
        return None if at is None else utc(at)

    async def escort(self, order_id: UUID) -> Escort | None:
        row = (await self.session.execute(sa.select(visit_escorts).where(
            visit_escorts.c.order_id == order_id))).first()
        if row is None:
            return None
        doc = self.cipher.open(sealed_of(row), escort_aad(order_id))
        return Escort(order_id=order_id, name=doc["name"], phone=doc["phone"],
                      confirmed_at=utc(row.confirmed_at), recorded_by=row.recorded_by)

    async def add_check(self, check: DischargeCheck) -> None:
        a = check.assessment
        await self.session.execute(discharge_checks.insert().values(
            id=check.id, order_id=check.order_id, checked_at=check.checked_at,
            gait_steady=a.gait_steady, orthostatics_negative=a.orthostatics_negative,
            nausea_controlled=a.nausea_controlled,
            criteria=[c.to_dict() for c in check.criteria], ready=check.ready,
            thresholds_version=check.thresholds_version, recorded_by=check.recorded_by))

    async def last_check(self, order_id: UUID) -> DischargeCheck | None:
        t = discharge_checks
        row = (await self.session.execute(sa.select(t).where(t.c.order_id == order_id)
                                          .order_by(t.c.checked_at.desc(), t.c.id.desc())
                                          .limit(1))).first()
        if row is None:
            return None
        return DischargeCheck(
            id=row.id, order_id=row.order_id, checked_at=utc(row.checked_at),
            assessment=Assessment(row.gait_steady, row.orthostatics_negative,
                                  row.nausea_controlled),
            criteria=tuple(Criterion(**c) for c in row.criteria), ready=row.ready,
            thresholds_version=row.thresholds_version, recorded_by=row.recorded_by)
