"""The facts about a patient that the checks need, and the dose history they count.

Only clinical facts live here: no names or contact details ever enter the domain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Literal, TypedDict
from uuid import UUID

Sex = Literal["female", "male", "other", "unknown"]
AgeBand = Literal["0-5", "6-11", "12-17", "18-64", "65+"]


@dataclass(frozen=True)
class Allergy:
    substance: str
    kind: Literal["drug", "class"] = "drug"
    reaction: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class HomeMed:
    name: str
    rxnorm: str | None = None
    med_class: str | None = None
    last_dose_at: datetime | None = None


@dataclass(frozen=True)
class PatientFacts:
    patient_id: UUID
    practice_id: str
    birth_date: date
    sex: Sex = "unknown"
    weight_kg: Decimal | None = None
    pregnant: bool | None = None
    allergies: tuple[Allergy, ...] = ()
    conditions: frozenset[str] = field(default_factory=frozenset)
    qtc_ms: int | None = None
    medications: tuple[HomeMed, ...] = ()

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


@dataclass(frozen=True)
class PastDose:
    """A dose given before: at this center (from the MAR) or elsewhere (recorded outside dose)."""

    drug_code: str
    dose: Decimal  # in the drug's catalog dose unit
    given_at: datetime
    source: Literal["center", "outside"] = "center"
    reaction: str | None = None


@dataclass(frozen=True)
class OutsideDose:
    """A dose given elsewhere, as recorded; the frequency checks count it as a PastDose."""

    id: UUID
    patient_id: UUID
    drug_code: str
    dose: Decimal  # as given, in dose_unit
    dose_unit: str
    dose_catalog_unit: Decimal  # converted once, at recording, to the drug's catalog unit
    given_at: datetime
    source: str
    recorded_at: datetime
    recorded_by: str | None


class PatientChanges(TypedDict, total=False):
    """The facts an update may change; a key present means "set to this value"."""

    birth_date: date
    sex: Sex
    weight_kg: Decimal | None
    pregnant: bool | None
    allergies: tuple[Allergy, ...]
    conditions: frozenset[str]
    qtc_ms: int | None
    medications: tuple[HomeMed, ...]


def age_band(age: int) -> AgeBand:
    if age < 6:
        return "0-5"
    if age < 12:
        return "6-11"
    if age < 18:
        return "12-17"
    if age < 65:
        return "18-64"
    return "65+"


@lru_cache(maxsize=4096)
def normalize_name(text: str) -> str:
    """Lower-case, punctuation to underscores: 'D.H.E. 45' and 'NSAIDs' compare sanely."""
    out = "".join(ch if ch.isalnum() else "_" for ch in text.strip().lower())
    return "_".join(part for part in out.split("_") if part)


@dataclass
class PatientRecord:
    """The stored patient: the check facts plus the identifiers the practice files it under.

    The MRN and birth date are PHI: they go to the API caller and nowhere else (not into
    events, logs or exception messages).
    """

    facts: PatientFacts
    mrn: str
    created_at: datetime
    updated_at: datetime
    version: int = 0

    @property
    def id(self) -> UUID:
        return self.facts.patient_id

    @property
    def practice_id(self) -> str:
        return self.facts.practice_id
