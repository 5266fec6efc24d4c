"""Repositories of identities: demographics and coverages (sealed with ``PhiCipher`` on the
way in, opened on the way out), practitioners, and the append-only PHI access log. They never
commit: the handler does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from orders.adapters import identity_codec as ic
from orders.adapters.codec import utc
from orders.adapters.orm import (
    coverage_versions,
    patient_demographics,
    patients,
    phi_access_log,
    practitioners,
)
from orders.adapters.phi_crypto import PhiCipher, coverage_aad, demographics_aad
from orders.adapters.repository import _Repo, _rowcount
from orders.domain.errors import Conflict
from orders.domain.identity import (
    AccessRecord,
    Coverage,
    Demographics,
    member_key,
    name_birth_key,
)
from orders.domain.practitioners import Practitioner, Role

NAME_INDEX, MEMBER_INDEX = "name-birth", "member-id"


class _Sealing(_Repo):
    def __init__(self, session: Any, cipher: PhiCipher):
        super().__init__(session)
        self.cipher = cipher


class DemographicsRepository(_Sealing):
    def name_index(self, family_name: str, given_name: str, birth_date: date) -> str:
        return self.cipher.index(NAME_INDEX, name_birth_key(family_name, given_name, birth_date))

    async def get(self, patient_id: UUID) -> Demographics | None:
        row = (await self.session.execute(sa.select(patient_demographics).where(
            patient_demographics.c.patient_id == patient_id))).first()
        if row is None:
            return None
        doc = self.cipher.open(ic.sealed_of(row), demographics_aad(patient_id))
        return ic.demographics_from(row, doc)

    async def put(self, d: Demographics, *, birth_date: date, existed: bool) -> Demographics:
        """Insert, or replace the version the caller read (409 if it changed meanwhile)."""
        sealed = self.cipher.seal(ic.demographics_doc(d), demographics_aad(d.patient_id))
        values = {**ic.sealed_columns(sealed), "updated_at": d.updated_at,
                  "name_index": self.name_index(d.family_name, d.given_name, birth_date)}
        t = patient_demographics
        if not existed:
            try:
                async with self.session.begin_nested():
                    await self.session.execute(t.insert().values(
                        patient_id=d.patient_id, created_at=d.updated_at, version=1, **values))
            except IntegrityError:
                raise Conflict("the demographics changed meanwhile; reload and retry") from None
            return _versioned(d, 1)
        result = await self.session.execute(t.update().where(
            t.c.patient_id == d.patient_id, t.c.version == d.version).values(
            version=d.version + 1, **values))
        if _rowcount(result) != 1:
            raise Conflict("the demographics changed meanwhile; reload and retry")
        return _versioned(d, d.version + 1)

    async def find(self, index: str, practice_id: str | None) -> list[UUID]:
        query = sa.select(patients.c.id).join(
            patient_demographics, patient_demographics.c.patient_id == patients.c.id).where(
            patient_demographics.c.name_index == index)
        if practice_id is not None:
            query = query.where(patients.c.practice_id == practice_id)
        return list((await self.session.execute(query.order_by(patients.c.id))).scalars())


def _versioned(d: Demographics, version: int) -> Demographics:
    return replace(d, version=version)


class CoverageRepository(_Sealing):
    def _open(self, row: Any) -> Coverage:
        doc = self.cipher.open(ic.sealed_of(row), coverage_aad(row.coverage_id, row.version))
        return ic.coverage_from(row, doc)

    def _row(self, c: Coverage, *, current: bool) -> dict[str, Any]:
        sealed = self.cipher.seal(ic.coverage_doc(c), coverage_aad(c.id, c.version))
        return {"coverage_id": c.id, "version": c.version, "patient_id": c.patient_id,
                "is_current": current, "payer_id": c.payer_id, "priority": c.priority,
                "status": c.status, "recorded_at": c.recorded_at, "recorded_by": c.recorded_by,
                "member_index": self.cipher.index(MEMBER_INDEX, member_key(c.member_id)),
                **ic.sealed_columns(sealed)}

    async def of_patient(self, patient_id: UUID) -> list[Coverage]:
        t = coverage_versions
        rows = await self.session.execute(sa.select(t).where(
            t.c.patient_id == patient_id, t.c.is_current).order_by(t.c.recorded_at))
        return [self._open(r) for r in rows]

    async def get(self, coverage_id: UUID) -> Coverage | None:
        t = coverage_versions
        row = (await self.session.execute(sa.select(t).where(
            t.c.coverage_id == coverage_id, t.c.is_current))).first()
        return None if row is None else self._open(row)

    async def history(self, coverage_id: UUID) -> list[Coverage]:
        t = coverage_versions
        rows = await self.session.execute(sa.select(t).where(
            t.c.coverage_id == coverage_id).order_by(t.c.version))
        return [self._open(r) for r in rows]

    async def add(self, c: Coverage) -> None:
        await self.session.execute(coverage_versions.insert().values(self._row(c, current=True)))

    async def add_version(self, previous: Coverage, new: Coverage) -> None:
        """The previous version stays as history; the new one is current (409 if another
        change came first)."""
        t = coverage_versions
        result = await self.session.execute(t.update().where(
            t.c.coverage_id == previous.id, t.c.version == previous.version,
            t.c.is_current).values(is_current=False))
        if _rowcount(result) != 1:
            raise Conflict("the coverage changed meanwhile; reload and retry")
        await self.session.execute(t.insert().values(self._row(new, current=True)))

    async def find_patients(self, member_id: str, practice_id: str | None) -> list[UUID]:
        index = self.cipher.index(MEMBER_INDEX, member_key(member_id))
        t = coverage_versions
        query = sa.select(t.c.patient_id).distinct().join(
            patients, patients.c.id == t.c.patient_id).where(
            t.c.member_index == index, t.c.is_current)
        if practice_id is not None:
            query = query.where(patients.c.practice_id == practice_id)
        return list((await self.session.execute(query.order_by(t.c.patient_id))).scalars())


class AccessLogRepository(_Repo):
    async def add(self, records: list[AccessRecord]) -> None:
        if records:
            await self.session.execute(phi_access_log.insert(), [
                {"at": r.at, "client_id": r.client_id, "user_id": r.user_id,
                 "patient_id": r.patient_id, "practice_id": r.practice_id,
                 "resource": r.resource, "action": r.action, "fields": list(r.fields),
                 "purpose": r.purpose} for r in records])

    async def of_patient(self, patient_id: UUID, *, limit: int,
                         before_id: int | None) -> list[tuple[int, AccessRecord]]:
        t = phi_access_log
        query = sa.select(t).where(t.c.patient_id == patient_id)
        if before_id is not None:
            query = query.where(t.c.id < before_id)
        rows = await self.session.execute(query.order_by(t.c.id.desc()).limit(limit))
        return [(r.id, AccessRecord(at=utc(r.at), client_id=r.client_id, user_id=r.user_id,
                                    patient_id=r.patient_id, resource=r.resource,
                                    action=r.action, fields=tuple(r.fields), purpose=r.purpose,
                                    practice_id=r.practice_id)) for r in rows]


class PractitionerRepository(_Repo):
    async def get(self, practitioner_id: UUID) -> Practitioner | None:
        row = (await self.session.execute(sa.select(practitioners).where(
            practitioners.c.id == practitioner_id))).first()
        return None if row is None else ic.practitioner_from(row)

    async def add(self, p: Practitioner) -> None:
        try:
            async with self.session.begin_nested():
                await self.session.execute(practitioners.insert().values(
                    ic.practitioner_row(p) | {"version": 0}))
        except IntegrityError:
            raise Conflict("a practitioner with this NPI exists already", field="npi") from None

    async def save(self, p: Practitioner) -> None:
        t = practitioners
        try:
            async with self.session.begin_nested():
                result = await self.session.execute(t.update().where(
                    t.c.id == p.id, t.c.version == p.version).values(
                    ic.practitioner_row(p) | {"version": p.version + 1}))
        except IntegrityError:
            raise Conflict("a practitioner with this NPI exists already", field="npi") from None
        if _rowcount(result) != 1:
            raise Conflict("the practitioner changed meanwhile; reload and retry")
        p.version += 1

    async def list(self, *, practice_id: str | None, role: Role | None,
                   npi: str | None) -> list[Practitioner]:
        t = practitioners
        query = sa.select(t)
        if practice_id is not None:
            query = query.where(sa.or_(t.c.practice_id.is_(None), t.c.practice_id == practice_id))
        if npi is not None:
            query = query.where(t.c.npi == npi)
        items = [ic.practitioner_from(r) for r in await self.session.execute(
            query.order_by(t.c.family_name, t.c.given_name, t.c.id))]
        return [p for p in items if role is None or role in p.roles]
