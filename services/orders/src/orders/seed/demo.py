"""Demo patients (with their demographics, coverages and the practitioners: demo_identity.py)
for the embedded ``make run`` (never in production: settings refuse it).

The catalog and protocol templates are not demo data: the migration seeds them everywhere.
Idempotent: a patient whose id or MRN already exists in its practice is left alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from chairside_shared.runtime import ServiceRuntime
from orders.domain.patient import Allergy, HomeMed, PatientFacts, PatientRecord
from orders.seed.demo_identity import seed_identities
from orders.service import records
from orders.service.uow import OrdersUnitOfWork

# Fixed ids so the other services' demo data and the README can refer to them.
DEMO_PATIENTS: list[tuple[str, PatientFacts]] = [
    ("DEMO-1001", PatientFacts(
        patient_id=UUID("5e1c0000-0000-4000-8000-000000001001"), practice_id="demo-clinic",
        birth_date=date(1986, 5, 12), sex="female", weight_kg=Decimal("64"), pregnant=False,
        medications=(HomeMed("sumatriptan", med_class="triptan"),))),
    ("DEMO-1002", PatientFacts(
        patient_id=UUID("5e1c0000-0000-4000-8000-000000001002"), practice_id="demo-clinic",
        birth_date=date(2012, 9, 3), sex="male", weight_kg=Decimal("42"))),
    ("DEMO-1003", PatientFacts(
        patient_id=UUID("5e1c0000-0000-4000-8000-000000001003"), practice_id="demo-clinic",
        birth_date=date(1955, 1, 20), sex="male", weight_kg=Decimal("81"),
        conditions=frozenset({"renal_impairment"}), medications=(HomeMed("warfarin"),),
        allergies=(Allergy("NSAIDs", "class", "GI bleed", "severe"),))),
    ("PARTNER-2001", PatientFacts(
        patient_id=UUID("5e1c0000-0000-4000-8000-000000002001"), practice_id="demo-partner",
        birth_date=date(1992, 11, 30), sex="female", weight_kg=Decimal("58"), pregnant=False,
        qtc_ms=430)),
]


def _as_of(facts: PatientFacts, now: datetime) -> PatientFacts:
    """The demo sumatriptan was taken six hours before seeding (DHE then interacts)."""
    meds = tuple(m if m.last_dose_at or m.name != "sumatriptan"
                 else HomeMed(m.name, med_class=m.med_class, last_dose_at=now - timedelta(hours=6))
                 for m in facts.medications)
    return replace(facts, medications=meds)


async def seed_demo(runtime: ServiceRuntime[OrdersUnitOfWork]) -> None:
    now = datetime.now(UTC)
    for mrn, facts in DEMO_PATIENTS:
        record = PatientRecord(facts=_as_of(facts, now), mrn=mrn, created_at=now, updated_at=now)
        await records.add_patient_once(uow=runtime.uow(), record=record)
    await seed_identities(runtime.uow(), now)
