"""In-memory visit record for the fake unit of work (orders.testing): vitals, escorts (kept
as they would be once opened) and discharge checks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol
from uuid import UUID, uuid4

from orders.domain.visit import DischargeCheck, Escort
from orders.domain.vitals import VitalSet


@dataclass
class VisitStore:
    vitals: list[VitalSet] = field(default_factory=list)
    escorts: dict[UUID, Escort] = field(default_factory=dict)
    checks: list[DischargeCheck] = field(default_factory=list)


class _HasVisit(Protocol):
    visit: VisitStore


class FakeVisits:
    """Reads ``store.visit`` each time: a unit of work left without commit puts back a copy."""

    def __init__(self, store: _HasVisit):
        self._store = store

    @property
    def s(self) -> VisitStore:
        return self._store.visit

    async def add_vitals(self, v: VitalSet) -> VitalSet:
        stored = v if v.id else replace(v, id=uuid4())
        self.s.vitals.append(stored)
        return stored

    async def vitals(self, order_id: UUID) -> list[VitalSet]:
        return sorted((v for v in self.s.vitals if v.order_id == order_id),
                      key=lambda v: v.taken_at)

    async def put_escort(self, escort: Escort) -> None:
        self.s.escorts[escort.order_id] = escort

    async def escort_confirmed_at(self, order_id: UUID) -> datetime | None:
        escort = self.s.escorts.get(order_id)
        return escort.confirmed_at if escort else None

    async def escort(self, order_id: UUID) -> Escort | None:
        return self.s.escorts.get(order_id)

    async def add_check(self, check: DischargeCheck) -> None:
        self.s.checks.append(check)

    async def last_check(self, order_id: UUID) -> DischargeCheck | None:
        return max((c for c in self.s.checks if c.order_id == order_id),
                   key=lambda c: c.checked_at, default=None)
