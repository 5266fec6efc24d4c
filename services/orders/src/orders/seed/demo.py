"""Demo patients for the embedded ``make run`` (never in production: settings refuse it).

The catalog and protocol templates are not demo data: the migration seeds them everywhere.
Idempotent: a patient whose MRN already exists in its practice is left alone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from orders.domain.errors import Conflict
from orders.domain.patient import Allergy, HomeMed, PatientFacts, PatientRecord

# Fixed ids so the other services' demo data and the README can refer to them.
DEMO_PATIENTS = [
    (
        "demo-clinic",
        "DEMO-1001",
        UUID("5e1c0000-0000-4000-8000-000000001001"),
        {
            "birth_date": date(1986, 5, 12),
            "sex": "female",
            "weight_kg": Decimal("64"),
            "pregnant": False,
            "medications": (HomeMed("sumatriptan", med_class="triptan"),),
        },
    ),
    (
        "demo-clinic",
        "DEMO-1002",
        UUID("5e1c0000-0000-4000-8000-000000001002"),
        {"birth_date": date(2012, 9, 3), "sex": "male", "weight_kg": Decimal("42")},
    ),
    (
        "demo-clinic",
        "DEMO-1003",
        UUID("5e1c0000-0000-4000-8000-000000001003"),
        {
            "birth_date": date(1955, 1, 20),
            "sex": "male",
            "weight_kg": Decimal("81"),
            "conditions": frozenset({"renal_impairment"}),
            "medications": (HomeMed("warfarin"),),
            "allergies": (Allergy("NSAIDs", "class", "GI bleed", "severe"),),
        },
    ),
    (
        "demo-partner",
        "PARTNER-2001",
        UUID("5e1c0000-0000-4000-8000-000000002001"),
        {
            "birth_date": date(1992, 11, 30),
            "sex": "female",
            "weight_kg": Decimal("58"),
            "pregnant": False,
            "qtc_ms": 430,
        },
    ),
]


async def seed_demo(runtime) -> None:
    now = datetime.now(UTC)
    for practice, mrn, pid, facts in DEMO_PATIENTS:
        meds = tuple(m if m.last_dose_at or m.name != "sumatriptan"
                     else HomeMed(m.name, med_class=m.med_class,
                                  last_dose_at=now - timedelta(hours=6))
                     for m in facts.get("medications", ()))
        record = PatientRecord(
            facts=PatientFacts(patient_id=pid, practice_id=practice,
                               **{**facts, "medications": meds}),
            mrn=mrn, created_at=now, updated_at=now)
        async with runtime.uow() as uow:
            if await uow.patients.get(pid) is not None:
                continue
            try:
                await uow.patients.add(record)
            except Conflict:
                continue
            await uow.commit()
