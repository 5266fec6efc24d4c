"""The reaction rules (RX-1..RX-7 of clinical-loop.md 1.5) as versioned data.

Loaded from ``orders/seed/reaction_rules.json``: grades, epinephrine limits, premedication per
molecule, the SNOMED-coded manifestations and which of them hold a DHE series or mean a
dopamine-antagonist intolerance. Every block names its source; no threshold lives in code.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SeverityMap(_Data):
    mild_max_grade: int
    moderate_max_grade: int
    criticality_high_min_grade: int
    source: str


class HardStop(_Data):
    min_grade: int
    terms: tuple[str, ...]
    override_needs_plan: bool
    source: str


class SoftWarning(_Data):
    max_grade: int
    terms: tuple[str, ...]
    restart_rate_factor: Decimal
    source: str


class Premedication(_Data):
    default: str
    by_molecule: dict[str, str] = Field(default_factory=dict)
    sources: dict[str, str] = Field(default_factory=dict)

    def for_molecule(self, molecule: str) -> str:
        return self.by_molecule.get(molecule, self.default)


class DraIntolerance(_Data):
    drug_tag: str
    prophylaxis_tag: str
    suggestion: str
    source: str


class Epinephrine(_Data):
    names: tuple[str, ...]
    limited_routes: tuple[str, ...]
    max_single_mg: Decimal
    child_below_kg: Decimal
    child_max_single_mg: Decimal
    mg_per_kg: Decimal
    repeat_min_minutes: int
    requires_min_grade: int
    ems_checklist: tuple[str, ...]
    source: str

    def is_epinephrine(self, drug: str) -> bool:
        return drug.strip().lower() in self.names


class VisitAcuity(_Data):
    acuity_class: str
    min_grade: int
    any_reaction_drugs: tuple[str, ...]
    source: str


class SeriesHold(_Data):
    drug_codes: tuple[str, ...]
    override_allowed: bool  # False: only the provider's clearance lifts the hold
    source: str


class Alerts(_Data):
    always: str
    provider_min_grade: int
    source: str


class Discharge(_Data):
    symptom_free_minutes: int
    source: str


class Manifestation(_Data):
    code: str  # SNOMED CT concept id
    display: str
    verified: bool  # False: the code was not found in a published value set (see source)
    source: str | None = None  # where a verified code was found
    series_hold: bool = False  # RX-6
    dra_intolerance: bool = False  # RX-4
    min_grade: int | None = None  # laryngeal dystonia: >= 3


class ReactionRules(_Data):
    version: int
    references: dict[str, str]
    severity: SeverityMap
    hard_stop: HardStop
    soft_warning: SoftWarning
    premedication: Premedication
    dra_intolerance: DraIntolerance
    epinephrine: Epinephrine
    visit_acuity: VisitAcuity
    series_hold: SeriesHold
    alerts: Alerts
    discharge: Discharge
    manifestations: tuple[Manifestation, ...]
    manifestations_source: str

    @cached_property
    def by_code(self) -> dict[str, Manifestation]:
        return {m.code: m for m in self.manifestations}

    @cached_property
    def series_hold_codes(self) -> frozenset[str]:
        return frozenset(m.code for m in self.manifestations if m.series_hold)

    @cached_property
    def dra_codes(self) -> frozenset[str]:
        return frozenset(m.code for m in self.manifestations if m.dra_intolerance)
