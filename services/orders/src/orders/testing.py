"""Builders for tests and benchmarks: a fixed clock, patients, lines and dose history.

Pure domain helpers (no pytest), importable from any test module and from bench/.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from orders.domain.checks import run_checks
from orders.domain.lines import LineSpec
from orders.domain.patient import Allergy, HomeMed, PastDose, PatientFacts
from orders.seed import seed_catalog

AS_OF = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
PATIENT_ID = UUID("00000000-0000-4000-8000-000000000001")


def born(years: int, days: int = 0) -> date:
    """Birth date giving exactly ``years`` on AS_OF; ``days`` > 0 makes the birthday later."""
    d = AS_OF.date()
    return date(d.year - years, d.month, d.day) + timedelta(days=days)


def patient(**kw) -> PatientFacts:
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


def line(drug: str, dose, seq: int = 1, unit: str = "mg", **kw) -> LineSpec:
    catalog = seed_catalog()
    d = catalog.drug(drug)
    mode = kw.pop("mode", d.default_mode if d else "push")
    minutes = kw.pop("minutes", d.default_minutes if d else 1)
    return LineSpec(sequence=seq, drug_code=drug, dose=Decimal(str(dose)), dose_unit=unit,
                    mode=mode, minutes=minutes, **kw)


def lines(*specs) -> list[LineSpec]:
    """lines(("ketorolac", 30), ("diphenhydramine", 25, {"with_previous": True})): sequences
    1..n; an optional third item is the unit, a trailing dict holds extra line fields."""
    out = []
    for i, spec in enumerate(specs):
        extra = spec[-1] if isinstance(spec[-1], dict) else {}
        positional = [x for x in spec[2:] if not isinstance(x, dict)]
        out.append(line(spec[0], spec[1], i + 1, *positional, **extra))
    return out


def past(drug: str, dose, ago: timedelta, source: str = "center", reaction: str | None = None):
    return PastDose(drug_code=drug, dose=Decimal(str(dose)), given_at=AS_OF - ago, source=source,
                    reaction=reaction)


def check(pt: PatientFacts, ls: list[LineSpec], history=(), as_of: datetime = AS_OF):
    return run_checks(patient=pt, lines=ls, catalog=seed_catalog(), history=list(history),
                      as_of=as_of)


# ------------------------------------------------------------------ fake unit of work
class FakeStore:
    """In-memory state shared by fake units of work (what the database would hold)."""

    def __init__(self, catalog=None, protocols=()):
        from orders.seed import seed_protocols

        self.patients: dict = {}
        self.orders: dict = {}
        self.administrations: list = []  # (patient_id, order_id, PastDose)
        self.outside: list = []
        self.catalogs: dict = {}
        cat = catalog or seed_catalog()
        self.catalogs[cat.version] = cat
        self.protocols = {p.id: p for p in (protocols or seed_protocols())}
        self.published: list = []  # (type, key, payload) after commit


class _Repo:
    def __init__(self, store: FakeStore):
        self.s = store


class FakePatients(_Repo):
    async def get(self, pid):
        import copy
        return copy.deepcopy(self.s.patients.get(pid))

    async def add(self, record):
        from orders.domain.errors import Conflict
        if any(p.practice_id == record.practice_id and p.mrn == record.mrn
               for p in self.s.patients.values()):
            raise Conflict("a patient with this MRN exists in the practice")
        self.s.patients[record.id] = record

    async def save(self, record):
        self.s.patients[record.id] = record


class FakeOrders(_Repo):
    async def get(self, oid, for_update=False):
        import copy
        return copy.deepcopy(self.s.orders.get(oid))

    async def add(self, order):
        import copy
        self.s.orders[order.id] = copy.deepcopy(order)

    async def save(self, order):
        import copy

        from orders.domain.errors import Conflict
        stored = self.s.orders.get(order.id)
        if stored is None or stored.version != order.version:
            raise Conflict("the order changed meanwhile; reload and retry")
        order.version += 1
        self.s.orders[order.id] = copy.deepcopy(order)

    async def add_administration(self, order, rec, catalog):
        from orders.domain.units import convert
        line = next(ln for ln in order.lines if ln.sequence == rec.line_sequence)
        drug = catalog.drug(line.drug_code)
        self.s.administrations.append((order.patient_id, order.id, PastDose(
            drug_code=line.drug_code, dose=convert(rec.dose_given, rec.dose_unit, drug.dose_unit),
            given_at=rec.started_at, source="center", reaction=rec.reaction)))


class FakeDoses(_Repo):
    async def history(self, patient_id, exclude_order=None):
        center = [d for p, o, d in self.s.administrations
                  if p == patient_id and o != exclude_order]
        outside = [PastDose(drug_code=r["drug_code"], dose=r["dose_catalog_unit"],
                            given_at=r["given_at"], source="outside")
                   for r in self.s.outside if r["patient_id"] == patient_id]
        return center + outside

    async def add_outside(self, row):
        self.s.outside.append(row)


class FakeCatalog(_Repo):
    async def current(self):
        return self.s.catalogs[max(self.s.catalogs)]

    async def version(self, n):
        return self.s.catalogs[n]

    async def add_version(self, catalog, **_):
        self.s.catalogs[catalog.version] = catalog


class FakeProtocols(_Repo):
    async def get(self, pid):
        return self.s.protocols.get(pid)

    async def add(self, protocol, **_):
        self.s.protocols[protocol.id] = protocol

    async def list(self):
        return list(self.s.protocols.values())


class FakeUnitOfWork:
    """Same surface as OrdersUnitOfWork. Leaving without commit() restores the store, so a
    refused request can be shown to store nothing."""

    def __init__(self, store: FakeStore):
        self.store = store
        self.patients, self.orders = FakePatients(store), FakeOrders(store)
        self.doses, self.catalog = FakeDoses(store), FakeCatalog(store)
        self.protocols = FakeProtocols(store)
        self.staged: list = []
        self.commits = 0

    async def __aenter__(self):
        import copy
        self._snapshot = copy.deepcopy(dict(vars(self.store).items()))
        self.staged = []
        self._committed = False
        return self

    async def __aexit__(self, *exc):
        if not self._committed:
            vars(self.store).update(self._snapshot)

    async def emit(self, event_type, payload, *, key, **_):
        self.staged.append((event_type, key, payload))

    async def commit(self):
        self.store.published.extend(self.staged)
        self.staged = []
        self._committed = True
        self.commits += 1
