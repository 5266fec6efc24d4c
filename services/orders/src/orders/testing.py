"""Builders for tests and benchmarks: a fixed clock, patients, lines and dose history.

Pure domain helpers (no pytest), importable from any test module and from bench/.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal, Self
from uuid import UUID

from chairside_shared.contracts import EventPayload
from chairside_shared.messaging.outbox import Seen
from orders.domain.administration import AdministrationRecord
from orders.domain.catalog import Catalog
from orders.domain.checks import CheckResult, run_checks
from orders.domain.errors import Conflict
from orders.domain.lines import LineSpec
from orders.domain.observations import Observation
from orders.domain.order import Order
from orders.domain.patient import (
    Allergy,
    HomeMed,
    OutsideDose,
    PastDose,
    PatientFacts,
    PatientRecord,
)
from orders.domain.protocols import Protocol
from orders.domain.reactions import Reaction
from orders.domain.units import convert
from orders.seed import seed_catalog, seed_protocols
from orders.service.events import to_messages
from orders.testing_identity import (
    FakeAccessLog,
    FakeCoverages,
    FakeDemographics,
    FakePractitioners,
    IdentityStore,
)
from orders.testing_visit import FakeVisits, VisitStore

AS_OF = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
PATIENT_ID = UUID("00000000-0000-4000-8000-000000000001")


def born(years: int, days: int = 0) -> date:
    """Birth date giving exactly ``years`` on AS_OF; ``days`` > 0 makes the birthday later."""
    d = AS_OF.date()
    return date(d.year - years, d.month, d.day) + timedelta(days=days)


def patient(**kw: Any) -> PatientFacts:
    base = PatientFacts(patient_id=PATIENT_ID, practice_id="demo-clinic", birth_date=born(40),
                        sex="female", weight_kg=Decimal("70"), pregnant=False)
    if "age" in kw:
        kw["birth_date"] = born(kw.pop("age"), kw.pop("birthday_in_days", 0))
    for key in ("weight_kg",):
        if kw.get(key) is not None:
            kw[key] = Decimal(str(kw[key]))
    if "allergies" in kw:
        kw["allergies"] = tuple(
            a if isinstance(a, Allergy) else Allergy(*a) for a in kw["allergies"]
        )
    if "conditions" in kw:
        kw["conditions"] = frozenset(kw["conditions"])
    if "medications" in kw:
        kw["medications"] = tuple(m if isinstance(m, HomeMed) else HomeMed(**m)
                                  for m in kw["medications"])
    return replace(base, **kw)


def line(drug: str, dose: object, seq: int = 1, unit: str = "mg", **kw: Any) -> LineSpec:
    catalog = seed_catalog()
    d = catalog.drug(drug)
    mode = kw.pop("mode", d.default_mode if d else "push")
    minutes = kw.pop("minutes", d.default_minutes if d else 1)
    return LineSpec(sequence=seq, drug_code=drug, dose=Decimal(str(dose)), dose_unit=unit,
                    mode=mode, minutes=minutes, **kw)


def lines(*specs: tuple[Any, ...]) -> list[LineSpec]:
    """lines(("ketorolac", 30), ("diphenhydramine", 25, {"with_previous": True})): sequences
    1..n; an optional third item is the unit, a trailing dict holds extra line fields."""
    out = []
    for i, spec in enumerate(specs):
        extra = spec[-1] if isinstance(spec[-1], dict) else {}
        positional = [x for x in spec[2:] if not isinstance(x, dict)]
        out.append(line(spec[0], spec[1], i + 1, *positional, **extra))
    return out


def past(drug: str, dose: object, ago: timedelta, source: Literal["center", "outside"] = "center",
         reaction: str | None = None) -> PastDose:
    return PastDose(drug_code=drug, dose=Decimal(str(dose)), given_at=AS_OF - ago, source=source,
                    reaction=reaction)


def check(pt: PatientFacts, ls: list[LineSpec], history: Iterable[PastDose] = (),
          as_of: datetime = AS_OF) -> CheckResult:
    return run_checks(patient=pt, lines=ls, catalog=seed_catalog(), history=list(history),
                      as_of=as_of)


# ------------------------------------------------------------------ fake unit of work
Published = tuple[str, str, EventPayload]  # (event type, key, contract payload)


class FakeStore:
    """In-memory state shared by fake units of work (what the database would hold)."""

    def __init__(self, catalog: Catalog | None = None, protocols: Iterable[Protocol] = ()):
        self.patients: dict[UUID, PatientRecord] = {}
        self.orders: dict[UUID, Order] = {}
        self.administrations: list[tuple[UUID, UUID, PastDose]] = []  # (patient, order, dose)
        self.outside: list[OutsideDose] = []
        self.catalogs: dict[int, Catalog] = {}
        cat = catalog or seed_catalog()
        self.catalogs[cat.version] = cat
        self.protocols = {p.id: p for p in (list(protocols) or seed_protocols())}
        self.published: list[Published] = []  # the outbox, after commit
        self.reactions: list[Reaction] = []
        self.identity = IdentityStore()
        self.visit = VisitStore()


class _Repo:
    def __init__(self, store: FakeStore):
        self.s = store


class FakePatients(_Repo):
    async def get(self, pid: UUID) -> PatientRecord | None:
        return copy.deepcopy(self.s.patients.get(pid))

    async def add(self, record: PatientRecord) -> None:
        if any(p.practice_id == record.practice_id and p.mrn == record.mrn
               for p in self.s.patients.values()):
            raise Conflict("a patient with this MRN exists in the practice")
        self.s.patients[record.id] = record

    async def save(self, record: PatientRecord) -> None:
        self.s.patients[record.id] = record


class FakeOrders(_Repo):
    """Like OrderRepository: what it loads or adds is tracked in the unit of work's seen."""

    def __init__(self, store: FakeStore, seen: Seen):
        super().__init__(store)
        self.seen = seen

    def _stored(self, order: Order) -> Order:
        stored = copy.deepcopy(order)
        stored.events = []  # events are not state: they leave through the outbox
        return stored

    async def get(self, oid: UUID, for_update: bool = False) -> Order | None:
        order = copy.deepcopy(self.s.orders.get(oid))
        if order is not None:
            self.seen.add(order)
        return order

    async def add(self, order: Order) -> None:
        self.s.orders[order.id] = self._stored(order)
        self.seen.add(order)

    async def save(self, order: Order) -> None:
        stored = self.s.orders.get(order.id)
        if stored is None or stored.version != order.version:
            raise Conflict("the order changed meanwhile; reload and retry")
        order.version += 1
        self.s.orders[order.id] = self._stored(order)

    async def add_administration(self, order: Order, rec: AdministrationRecord,
                                 catalog: Catalog) -> None:
        line = next(ln for ln in order.lines if ln.sequence == rec.line_sequence)
        drug = catalog.drugs[line.drug_code]
        self.s.administrations.append((order.patient_id, order.id, PastDose(
            drug_code=line.drug_code, dose=convert(rec.dose_given, rec.dose_unit, drug.dose_unit),
            given_at=rec.started_at, source="center", reaction=rec.reaction)))


class FakeDoses(_Repo):
    async def history(self, patient_id: UUID,
                      exclude_order: UUID | None = None) -> list[PastDose]:
        center = [d for p, o, d in self.s.administrations
                  if p == patient_id and o != exclude_order]
        outside = [PastDose(drug_code=r.drug_code, dose=r.dose_catalog_unit,
                            given_at=r.given_at, source="outside")
                   for r in self.s.outside if r.patient_id == patient_id]
        return center + outside

    async def add_outside(self, dose: OutsideDose) -> None:
        self.s.outside.append(dose)


class FakeCatalog(_Repo):
    async def current(self) -> Catalog:
        return self.s.catalogs[max(self.s.catalogs)]

    async def version(self, n: int) -> Catalog:
        return self.s.catalogs[n]

    async def add_version(self, catalog: Catalog, **_: object) -> None:
        self.s.catalogs[catalog.version] = catalog


class FakeProtocols(_Repo):
    async def get(self, pid: UUID) -> Protocol | None:
        return self.s.protocols.get(pid)

    async def add(self, protocol: Protocol, **_: object) -> None:
        self.s.protocols[protocol.id] = protocol

    async def list(self) -> list[Protocol]:
        return list(self.s.protocols.values())


class FakeReactions(_Repo):
    """The reads the safety checks and discharge make (ReactionRepository.for_patient,
    for_order)."""

    async def for_patient(self, patient_id: UUID) -> list[Reaction]:
        return [r for r in self.s.reactions if r.patient_id == patient_id]

    async def for_order(self, order_id: UUID) -> list[Reaction]:
        return sorted((r for r in self.s.reactions if r.order_id == order_id),
                      key=lambda r: r.onset_at)


class FakeObservations(_Repo):
    """Patient observations (``store.observations``) the regimen gates read."""

    async def add(self, obs: Observation) -> None:
        vars(self.s).setdefault("observations", []).append(obs)

    async def for_patient(self, patient_id: UUID) -> list[Observation]:
        return sorted((o for o in getattr(self.s, "observations", [])
                       if o.patient_id == patient_id), key=lambda o: o.observed_on)


class FakeOutcomes(_Repo):
    """The completed visits the response history reads (``store.visit_rows``), read-only."""

    async def visits(self, *, patient_id: UUID | None = None, **_: object) -> list[Any]:
        return [v for v in getattr(self.s, "visit_rows", [])
                if patient_id is None or v.patient_id == patient_id]

    async def protocol_names(self, ids: set[UUID]) -> dict[str, str]:
        return {str(i): p.name for i, p in self.s.protocols.items() if i in ids}


class FakeUnitOfWork:
    """Same surface as OrdersUnitOfWork: on commit the domain events of every order seen go
    through service/events.py into ``store.published``. Leaving without commit() restores the
    store, so a refused request can be shown to store and publish nothing."""

    def __init__(self, store: FakeStore):
        self.store = store
        self.seen = Seen()
        self.patients, self.orders = FakePatients(store), FakeOrders(store, self.seen)
        self.doses, self.catalog = FakeDoses(store), FakeCatalog(store)
        self.protocols, self.reactions = FakeProtocols(store), FakeReactions(store)
        self.outcomes = FakeOutcomes(store)
        self.demographics, self.coverages = FakeDemographics(store), FakeCoverages(store)
        self.practitioners, self.access_log = FakePractitioners(store), FakeAccessLog(store)
        self.visits, self.observations = FakeVisits(store), FakeObservations(store)
        self.staged: list[Published] = []
        self.commits = 0

    async def __aenter__(self) -> Self:
        self._snapshot = copy.deepcopy(dict(vars(self.store).items()))
        self.staged = []
        self.seen = self.orders.seen = Seen()
        self._committed = False
        return self

    async def __aexit__(self, *exc: object) -> None:
        if not self._committed:
            vars(self.store).update(self._snapshot)

    async def emit(self, event_type: str, payload: EventPayload, *, key: str,
                   **_: object) -> None:
        self.staged.append((event_type, key, payload))

    async def commit(self) -> None:
        for aggregate in self.seen:
            while aggregate.events:
                for message in to_messages(aggregate.events.pop(0)):
                    await self.emit(message.event_type, message.payload, key=message.key)
        self.store.published.extend(self.staged)
        self.staged = []
        self._committed = True
        self.commits += 1
