"""Repositories on the unit of work's session. They never commit: the handler does. The order
repository adds every order it loads or adds to the unit of work's ``seen``, so the domain
events the order records leave through the outbox on commit."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.messaging.outbox import Seen
from orders.adapters import codec
from orders.adapters.order_payer import payer_columns, payer_of
from orders.adapters.orm import (
    administrations,
    catalog_versions,
    orders,
    outside_doses,
    patients,
    protocols,
)
from orders.adapters.phi_crypto import PhiCipher
from orders.domain.administration import AdministrationRecord
from orders.domain.catalog import Catalog, CatalogChange
from orders.domain.errors import Conflict
from orders.domain.order import Order
from orders.domain.patient import OutsideDose, PastDose, PatientRecord
from orders.domain.protocols import Protocol
from orders.domain.units import convert

# Catalog versions never change once written: parsed snapshots by version number, one cache
# per runtime (built by bootstrap.py), never invalidated.
CatalogCache = dict[int, Catalog]


def encode_cursor(created_at: datetime, row_id: UUID) -> str:
    raw = f"{codec.utc(created_at).isoformat()}|{row_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    padded = cursor + "=" * (-len(cursor) % 4)
    at, _, rid = base64.urlsafe_b64decode(padded.encode()).decode().partition("|")
    return datetime.fromisoformat(at), UUID(rid)


def _page(table: sa.Table, query: sa.Select[Any], *, limit: int,
          cursor: str | None) -> sa.Select[Any]:
    if cursor:
        at, rid = decode_cursor(cursor)
        query = query.where(sa.tuple_(table.c.created_at, table.c.id) < sa.tuple_(
            sa.literal(at, table.c.created_at.type), sa.literal(rid, table.c.id.type)))
    return query.order_by(table.c.created_at.desc(), table.c.id.desc()).limit(limit + 1)


def _next_cursor(rows: list[Any], limit: int) -> str | None:
    return encode_cursor(rows[limit - 1].created_at, rows[limit - 1].id) \
        if len(rows) > limit else None


def _rowcount(result: Result[Any]) -> int:
    # AsyncSession.execute is typed Result for every statement; an UPDATE's is a CursorResult
    return result.rowcount if isinstance(result, CursorResult) else -1


class _Repo:
    def __init__(self, session: AsyncSession):
        self.session = session

    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"


class PatientRepository(_Repo):
    async def get(self, patient_id: UUID) -> PatientRecord | None:
        row = (await self.session.execute(
            sa.select(patients).where(patients.c.id == patient_id))).first()
        return None if row is None else codec.patient_from_row(row)

    async def add(self, record: PatientRecord) -> None:
        try:
            async with self.session.begin_nested():
                await self.session.execute(patients.insert().values(codec.patient_row(record)))
        except IntegrityError:
            raise Conflict("a patient with this MRN already exists in the practice") from None

    async def save(self, record: PatientRecord) -> None:
        values = codec.patient_row(record) | {"version": record.version + 1}
        result = await self.session.execute(patients.update().where(
            patients.c.id == record.id, patients.c.version == record.version).values(values))
        if _rowcount(result) != 1:
            raise Conflict("the patient changed meanwhile; reload and retry")
        record.version += 1

    async def list(self, *, practice_id: str | None, limit: int,
                   cursor: str | None) -> tuple[list[PatientRecord], str | None]:
        query = sa.select(patients)
        if practice_id:
            query = query.where(patients.c.practice_id == practice_id)
        rows = list((await self.session.execute(
            _page(patients, query, limit=limit, cursor=cursor))).all())
        return [codec.patient_from_row(r) for r in rows[:limit]], _next_cursor(rows, limit)


class OrderRepository(_Repo):
    """Orders; the payer's member id is sealed with ``cipher`` (``order_payer``)."""

    def __init__(self, session: AsyncSession, seen: Seen, cipher: PhiCipher):
        super().__init__(session)
        self.seen = seen
        self.cipher = cipher

    def _row(self, order: Order) -> dict[str, Any]:
        return codec.order_row(order) | payer_columns(self.cipher, order.id, order.payer)

    def _order(self, row: Any, given: list[AdministrationRecord]) -> Order:
        return codec.order_from_row(row, given, payer_of(self.cipher, row))

    async def get(self, order_id: UUID, *, for_update: bool = False) -> Order | None:
        query = sa.select(orders).where(orders.c.id == order_id)
        if for_update and self._postgres:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        if row is None:
            return None
        given = await self._administrations([order_id])
        order = self._order(row, given.get(order_id, []))
        self.seen.add(order)
        return order

    async def _administrations(self, ids: list[UUID]) -> dict[UUID, list[AdministrationRecord]]:
        out: dict[UUID, list[AdministrationRecord]] = {}
        if not ids:
            return out
        rows = (await self.session.execute(sa.select(administrations).where(
            administrations.c.order_id.in_(ids)).order_by(administrations.c.line_sequence)))
        for r in rows:
            out.setdefault(r.order_id, []).append(codec.administration_from_row(r))
        return out

    async def add(self, order: Order) -> None:
        await self.session.execute(orders.insert().values(self._row(order) | {"version": 0}))
        order.version = 0
        self.seen.add(order)

    async def save(self, order: Order) -> None:
        values = self._row(order) | {"version": order.version + 1}
        result = await self.session.execute(orders.update().where(
            orders.c.id == order.id, orders.c.version == order.version).values(values))
        if _rowcount(result) != 1:
            raise Conflict("the order changed meanwhile; reload and retry")
        order.version += 1

    async def add_administration(self, order: Order, rec: AdministrationRecord,
                                 catalog: Catalog) -> None:
        line = next(ln for ln in order.lines if ln.sequence == rec.line_sequence)
        drug = catalog.drug(line.drug_code)
        if drug is None:  # the aggregate refused the record already
            raise LookupError(f"{line.drug_code} is not in catalog version {catalog.version}")
        try:
            async with self.session.begin_nested():
                await self.session.execute(administrations.insert().values(
                    id=uuid4(), order_id=order.id, patient_id=order.patient_id,
                    line_sequence=rec.line_sequence, drug_code=line.drug_code,
                    started_at=rec.started_at, stopped_at=rec.stopped_at,
                    dose_given=rec.dose_given, dose_unit=rec.dose_unit,
                    dose_catalog_unit=convert(rec.dose_given, rec.dose_unit, drug.dose_unit),
                    ndc=rec.ndc, lot=rec.lot, wasted_amount=rec.wasted_amount,
                    reaction=rec.reaction, findings=[f.to_dict() for f in rec.findings],
                    recorded_by=rec.recorded_by, recorded_at=rec.recorded_at,
                    supervising_practitioner_id=rec.supervising_practitioner_id))
        except IntegrityError:
            raise Conflict(f"line {rec.line_sequence} already has an administration record") \
                from None

    async def list(self, *, practice_id: str | None, status: str | None,
                   patient_id: UUID | None, limit: int, cursor: str | None,
                   ids: Sequence[UUID] = ()) -> tuple[list[Order], str | None]:
        query = sa.select(orders)
        for column, value in ((orders.c.practice_id, practice_id), (orders.c.status, status),
                              (orders.c.patient_id, patient_id)):
            if value is not None:
                query = query.where(column == value)
        if ids:
            query = query.where(orders.c.id.in_(list(ids)))
        rows = list((await self.session.execute(_page(orders, query, limit=limit,
                                                      cursor=cursor))).all())
        given = await self._administrations([r.id for r in rows[:limit]])
        items = [self._order(r, given.get(r.id, [])) for r in rows[:limit]]
        for order in items:
            self.seen.add(order)
        return items, _next_cursor(rows, limit)


class DoseRepository(_Repo):
    async def history(self, patient_id: UUID, *, exclude_order: UUID | None) -> list[PastDose]:
        a = administrations
        query = sa.select(a.c.drug_code, a.c.dose_catalog_unit, a.c.started_at, a.c.reaction) \
            .where(a.c.patient_id == patient_id)
        if exclude_order is not None:
            query = query.where(a.c.order_id != exclude_order)
        center = [PastDose(r.drug_code, r.dose_catalog_unit, codec.utc(r.started_at), "center",
                           r.reaction) for r in await self.session.execute(query)]
        o = outside_doses
        outside = [PastDose(r.drug_code, r.dose_catalog_unit, codec.utc(r.given_at), "outside")
                   for r in await self.session.execute(
                       sa.select(o.c.drug_code, o.c.dose_catalog_unit, o.c.given_at)
                       .where(o.c.patient_id == patient_id))]
        return center + outside

    async def add_outside(self, dose: OutsideDose) -> None:
        await self.session.execute(outside_doses.insert().values(codec.outside_dose_row(dose)))

    async def list_outside(self, patient_id: UUID) -> list[OutsideDose]:
        rows = await self.session.execute(sa.select(outside_doses).where(
            outside_doses.c.patient_id == patient_id).order_by(outside_doses.c.given_at.desc()))
        return [codec.outside_dose_from_row(r) for r in rows]


class CatalogRepository(_Repo):
    def __init__(self, session: AsyncSession, cache: CatalogCache):
        super().__init__(session)
        self._cache = cache

    async def current(self) -> Catalog:
        latest = (await self.session.execute(sa.select(sa.func.max(catalog_versions.c.version)))
                  ).scalar_one()
        if latest is None:
            raise LookupError("the catalog has not been seeded (run the migrations)")
        return await self.version(latest)

    async def version(self, version: int) -> Catalog:
        if version not in self._cache:
            snapshot = (await self.session.execute(sa.select(catalog_versions.c.snapshot).where(
                catalog_versions.c.version == version))).scalar_one()
            self._cache[version] = Catalog.model_validate(snapshot)
        return self._cache[version]

    async def add_version(self, catalog: Catalog, *, changed_drug: str | None, by: str | None,
                          note: str | None, at: datetime) -> None:
        try:
            async with self.session.begin_nested():
                await self.session.execute(catalog_versions.insert().values(
                    version=catalog.version, snapshot=catalog.model_dump(mode="json"),
                    changed_drug=changed_drug, created_by=by, note=note, created_at=at))
        except IntegrityError:
            raise Conflict("the catalog changed meanwhile; reload and retry") from None

    async def versions_of(self, code: str) -> list[CatalogChange]:
        rows = await self.session.execute(sa.select(
            catalog_versions.c.version, catalog_versions.c.created_by,
            catalog_versions.c.created_at, catalog_versions.c.note).where(
            catalog_versions.c.changed_drug == code).order_by(catalog_versions.c.version))
        return [CatalogChange(version=r.version, created_by=r.created_by,
                              created_at=r.created_at, note=r.note) for r in rows]


class ProtocolRepository(_Repo):
    async def get(self, protocol_id: UUID) -> Protocol | None:
        row = (await self.session.execute(
            sa.select(protocols).where(protocols.c.id == protocol_id))).first()
        return None if row is None else codec.protocol_from_row(row)

    async def add(self, protocol: Protocol, *, by: str | None, at: datetime) -> None:
        await self.session.execute(protocols.insert().values(
            codec.protocol_row(protocol) | {"created_by": by, "created_at": at}))

    async def list(self) -> list[Protocol]:
        rows = await self.session.execute(sa.select(protocols).order_by(protocols.c.name))
        return [codec.protocol_from_row(r) for r in rows]
