"""In-memory fakes of the identity repositories (demographics, coverages, practitioners, the
access log) for handler tests. The blind index is the normalized key itself: these fakes hold
plain values, as the domain sees them; sealing is the real repositories' job."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from orders.domain.errors import Conflict
from orders.domain.identity import (
    AccessRecord,
    Coverage,
    Demographics,
    member_key,
    name_birth_key,
)
from orders.domain.practitioners import Practitioner, Role


class IdentityStore:
    def __init__(self) -> None:
        self.demographics: dict[UUID, tuple[Demographics, str]] = {}  # (record, name index)
        self.coverages: list[Coverage] = []  # every version
        self.practitioners: dict[UUID, Practitioner] = {}
        self.access: list[AccessRecord] = []


class _Repo:
    def __init__(self, store: Any):
        self.s: IdentityStore = store.identity
        self.store = store


class FakeDemographics(_Repo):
    def name_index(self, family_name: str, given_name: str, birth_date: date) -> str:
        return name_birth_key(family_name, given_name, birth_date)

    async def get(self, patient_id: UUID) -> Demographics | None:
        found = self.s.demographics.get(patient_id)
        return None if found is None else found[0]

    async def put(self, d: Demographics, *, birth_date: date, existed: bool) -> Demographics:
        current = self.s.demographics.get(d.patient_id)
        if existed != (current is not None) or (current and current[0].version != d.version):
            raise Conflict("the demographics changed meanwhile; reload and retry")
        saved = replace(d, version=d.version + 1)
        self.s.demographics[d.patient_id] = (
            saved, self.name_index(d.family_name, d.given_name, birth_date))
        return saved

    async def find(self, index: str, practice_id: str | None) -> list[UUID]:
        return sorted(pid for pid, (_, idx) in self.s.demographics.items() if idx == index
                      and practice_id in (None, self.store.patients[pid].practice_id))


class FakeCoverages(_Repo):
    def _current(self) -> dict[UUID, Coverage]:
        out: dict[UUID, Coverage] = {}
        for c in self.s.coverages:
            if c.id not in out or out[c.id].version < c.version:
                out[c.id] = c
        return out

    async def of_patient(self, patient_id: UUID) -> list[Coverage]:
        return [c for c in self._current().values() if c.patient_id == patient_id]

    async def get(self, coverage_id: UUID) -> Coverage | None:
        return self._current().get(coverage_id)

    async def history(self, coverage_id: UUID) -> list[Coverage]:
        return sorted((c for c in self.s.coverages if c.id == coverage_id),
                      key=lambda c: c.version)

    async def add(self, c: Coverage) -> None:
        self.s.coverages.append(c)

    async def add_version(self, previous: Coverage, new: Coverage) -> None:
        if self._current()[previous.id].version != previous.version:
            raise Conflict("the coverage changed meanwhile; reload and retry")
        self.s.coverages.append(new)

    async def find_patients(self, member_id: str, practice_id: str | None) -> list[UUID]:
        key = member_key(member_id)
        return sorted({c.patient_id for c in self._current().values()
                       if member_key(c.member_id) == key and practice_id in (
                           None, self.store.patients[c.patient_id].practice_id)})


class FakePractitioners(_Repo):
    async def get(self, practitioner_id: UUID) -> Practitioner | None:
        return copy.deepcopy(self.s.practitioners.get(practitioner_id))

    async def add(self, p: Practitioner) -> None:
        if any(x.npi == p.npi for x in self.s.practitioners.values()):
            raise Conflict("a practitioner with this NPI exists already", field="npi")
        self.s.practitioners[p.id] = copy.deepcopy(p)

    async def save(self, p: Practitioner) -> None:
        p.version += 1
        self.s.practitioners[p.id] = copy.deepcopy(p)

    async def list(self, *, practice_id: str | None, role: Role | None,
                   npi: str | None) -> list[Practitioner]:
        return [p for p in self.s.practitioners.values() if p.visible_to(practice_id)
                and (role is None or role in p.roles) and npi in (None, p.npi)]


class FakeAccessLog(_Repo):
    async def add(self, records: list[AccessRecord]) -> None:
        self.s.access.extend(records)

    async def of_patient(self, patient_id: UUID, *, limit: int,
                         before_id: int | None) -> list[tuple[int, AccessRecord]]:
        rows = [(i + 1, r) for i, r in enumerate(self.s.access) if r.patient_id == patient_id]
        rows = [(i, r) for i, r in rows if before_id is None or i < before_id]
        return list(reversed(rows))[:limit]
