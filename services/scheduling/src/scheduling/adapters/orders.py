"""What scheduling learned about orders from events (order.signed, payer decisions,
order.cancelled), as domain records. Never commits."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.appointment import OCCUPYING, Status
from ..domain.orders import RELEASED, CourseLine, OrderRequest, SignedOrder
from ..domain.series import CatalogCourse
from . import orm
from .repository import aware


class SqlOrders:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, order_id: UUID) -> OrderRequest | None:
        row = (await self.session.execute(
            select(orm.order_requests).where(orm.order_requests.c.order_id == order_id))).first()
        return _order_request(row) if row is not None else None

    async def get_many(self, order_ids: list[UUID]) -> dict[UUID, OrderRequest]:
        """The orders known here among ``order_ids``, by id, in one statement."""
        t = orm.order_requests
        rows = await self.session.execute(select(t).where(t.c.order_id.in_(order_ids)))
        return {row.order_id: _order_request(row) for row in rows}

    async def unplaced(self, limit: int = 200) -> list[SignedOrder]:
        """Signed orders still wanting chair time that have none: neither an appointment that
        holds or used a chair nor a place in the same-day queue (staff book these by hand)."""
        t, a = orm.order_requests, orm.appointments
        placed = select(a.c.id).where(a.c.order_id == t.c.order_id, a.c.status.in_(
            [s.value for s in (*OCCUPYING, Status.COMPLETED, Status.QUEUED)])).exists()
        rows = (await self.session.execute(
            select(t).where(t.c.signed_at.is_not(None), t.c.cancelled.is_(False),
                            t.c.authorization.not_in(RELEASED), ~placed)
            .order_by(t.c.signed_at, t.c.order_id).limit(limit))).all()
        return [_signed_order(row) for row in rows]

    async def record_signed(self, order: SignedOrder, *, authorization: str | None = None
                            ) -> None:
        """What order.signed asked for (a decision recorded before it is kept)."""
        values: dict[str, Any] = {
            "practice_id": order.practice_id, "patient_id": order.patient_id,
            "urgency": order.urgency, "minutes": order.minutes,
            "acuity_class": order.acuity_class, "pediatric": order.pediatric,
            "requires_driver": order.requires_driver, "window_from": order.window_from,
            "window_to": order.window_to, "signed_at": order.signed_at,
            "triage_category": order.triage_category, "headache_hours": order.headache_hours,
            "prep_minutes": order.prep_minutes,
            "series": _series_json(order.series),
            "course": [{"drug_code": ln.drug_code, "molecule": ln.molecule,
                        "dose_number": ln.dose_number} for ln in order.course],
            "high_acuity_chair": order.high_acuity_chair}
        if authorization is not None:
            values["authorization"] = authorization
        await self._upsert(order.order_id, values)

    async def record_authorization(self, order_id: UUID, decision: str) -> None:
        await self._upsert(order_id, {"authorization": decision})

    async def record_cancelled(self, order_id: UUID) -> None:
        await self._upsert(order_id, {"cancelled": True})

    async def record_escort(self, order_id: UUID, at: datetime) -> None:
        await self._upsert(order_id, {"escort_confirmed_at": at})

    async def record_administered(self, order_id: UUID, at: datetime) -> None:
        await self._upsert(order_id, {"administered_at": at})

    async def _upsert(self, order_id: UUID, values: dict[str, Any]) -> None:
        t = orm.order_requests
        exists = (await self.session.execute(
            select(t.c.order_id).where(t.c.order_id == order_id))).first()
        if exists:
            await self.session.execute(update(t).where(t.c.order_id == order_id).values(**values))
        else:
            await self.session.execute(t.insert().values(order_id=order_id, **values))


def _signed_order(row: Row[Any]) -> SignedOrder:
    return SignedOrder(
        order_id=row.order_id, practice_id=row.practice_id, patient_id=row.patient_id,
        urgency=row.urgency, minutes=row.minutes, acuity_class=row.acuity_class,
        pediatric=bool(row.pediatric), requires_driver=bool(row.requires_driver),
        signed_at=aware(row.signed_at), window_from=aware(row.window_from),
        window_to=aware(row.window_to), triage_category=row.triage_category,
        headache_hours=row.headache_hours, prep_minutes=row.prep_minutes,
        high_acuity_chair=bool(row.high_acuity_chair), series=_series(row.series),
        course=tuple(CourseLine(drug_code=ln["drug_code"], molecule=ln.get("molecule"),
                                dose_number=ln.get("dose_number"))
                     for ln in row.course or []))


def _series_json(course: CatalogCourse | None) -> dict[str, Any] | None:
    if course is None:
        return None
    return {"drug_code": course.drug_code, "kind": course.kind,
            "offsets": list(course.offsets), "min_visits": course.min_visits,
            "max_visits": course.max_visits}


def _series(data: dict[str, Any] | None) -> CatalogCourse | None:
    if not data:
        return None
    return CatalogCourse(drug_code=data["drug_code"], kind=data["kind"],
                         offsets=tuple(data.get("offsets") or ()),
                         min_visits=data.get("min_visits"), max_visits=data.get("max_visits"))


def _order_request(row: Row[Any]) -> OrderRequest:
    return OrderRequest(
        order_id=row.order_id, authorization=row.authorization, cancelled=row.cancelled,
        signed=_signed_order(row) if row.signed_at is not None else None,
        escort_confirmed_at=aware(row.escort_confirmed_at),
        administered_at=aware(row.administered_at))
