"""The drug catalog and rule thresholds, as data.

Nothing clinical is a constant in code: doses, caps, intervals, QTc limits and tolerances all
live in these models, loaded from the seed (``orders/seed/catalog.json``) and edited by the
``admin`` scope. Each catalog state has a version number; an order records the version it was
checked against, so a later edit never silently changes what a clinician signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, model_validator

from orders.domain.ndc import catalog_ndc_problems
from orders.domain.observations import ObservationKind
from orders.domain.recall_data import RecallData
from orders.domain.regimen import Mode as Mode
from orders.domain.regimen import Regimen
from orders.domain.regimen import Severity as Severity
from orders.domain.series_data import SeriesData

Sedation = Literal["none", "low", "moderate", "high"]
PedsPolicy = Literal["weight_based", "capped", "not_established", "contraindicated"]
LimitKind = Literal["min_interval", "course_days", "amount_per_window", "count_per_window"]
# Why a fluid runs: only ``hydration`` can be billed as hydration (96360/96361); a carrier
# dilutes or flushes a drug and KVO keeps the vein open (clinical-loop.md §6).
FluidPurpose = Literal["hydration", "carrier", "kvo"]


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ConditionRule(_Data):
    """A patient condition flag that makes this drug risky."""

    condition: str
    severity: Severity
    message: str


class HomeMedRule(_Data):
    """A home-medication class that interacts with this drug.

    ``within_hours`` limits the rule to a recent dose (DHE after a triptan); when the last dose
    time is unknown the rule still fires, downgraded to a warning asking to confirm it.
    """

    med_class: str
    severity: Severity
    message: str
    within_hours: int | None = None


class FrequencyLimit(_Data):
    """A repeat limit counted over this center's administrations plus outside doses.

    ``tag`` counts every drug carrying that class tag (steroid pulses); otherwise the drug only.
    """

    kind: LimitKind
    severity: Severity
    tag: str | None = None
    days: int | None = None  # min_interval / count window
    hours: int | None = None  # amount window
    max_amount: Decimal | None = None  # in the drug's dose unit
    max_count: int | None = None
    max_days: int | None = None  # course_days
    gap_days: int | None = None  # course_days: a longer break starts a new course
    source: str

    @model_validator(mode="after")
    def _complete(self) -> FrequencyLimit:
        need = {
            "min_interval": ("days",),
            "course_days": ("max_days", "gap_days"),
            "amount_per_window": ("hours", "max_amount"),
            "count_per_window": ("days", "max_count"),
        }[self.kind]
        missing = [f for f in need if getattr(self, f) is None]
        if missing:
            raise ValueError(f"{self.kind} limit needs {', '.join(missing)}")
        return self


class AgeBandCap(_Data):
    """A pediatric per-dose ceiling for an age band, inclusive (DHE: 0.1 mg at 6-9 y)."""

    min_age: int = Field(ge=0)
    max_age: int = Field(ge=0)
    max_dose: Decimal = Field(gt=0)
    severity: Severity = "warn"


class DoseReduction(_Data):
    """Adult dose ceiling for at-risk patients (ketorolac 15 mg: >= 65 y, < 50 kg, renal)."""

    max_dose: Decimal
    age_at_least: int | None = None
    weight_below_kg: Decimal | None = None
    conditions: tuple[str, ...] = ()
    severity: Severity = "warn"


class Pregnancy(_Data):
    severity: Severity
    message: str
    check_unknown_status: bool = False  # ask for status in people of childbearing age


class FluidSpec(_Data):
    """An IV fluid bag, ordered by volume (mL) at a rate; billed one HCPCS unit per bag."""

    bag_volume_ml: Decimal = Field(gt=0)
    solution: str


class FluidRules(_Data):
    """Clinic thresholds for fluid orders (each with a source in ``RulesConfig.sources``)."""

    hydration_min_rate_ml_per_h: Decimal = Field(gt=0)  # slower looks like KVO, not rehydration


class Drug(_Data):
    code: str
    name: str
    molecule: str | None = None  # active ingredient: brands and biosimilars share it (RX-1)
    drug_class: str
    classes: tuple[str, ...]  # pharmacologic classes: allergy and past-reaction matching
    flags: tuple[str, ...] = ()  # rule tags: qt_prolonging, serotonergic, ...
    synonyms: tuple[str, ...] = ()
    route_modes: tuple[Mode, ...]
    default_mode: Mode
    dose_unit: str = "mg"
    usual_dose: Decimal = Field(gt=0)
    max_dose: Decimal = Field(gt=0)
    adult_mg_per_kg_max: Decimal | None = Field(default=None, gt=0)
    dose_step: Decimal = Field(default=Decimal("0.1"), gt=0)
    peds_policy: PedsPolicy
    peds_mg_per_kg: Decimal | None = Field(default=None, gt=0)
    peds_max: Decimal | None = Field(default=None, gt=0)
    peds_age_caps: tuple[AgeBandCap, ...] = ()  # on top of peds_max / mg per kg
    default_minutes: int = Field(ge=1)
    observation_minutes: int = Field(default=0, ge=0)
    # pharmacy hood minutes to compound one infusion of it (push lines: none, see prep.py)
    prep_minutes: int = Field(default=0, ge=0, le=240)
    sedation: Sedation
    requires_driver: bool
    monitoring: tuple[str, ...] = ()
    acuity_class: str = "standard"
    first_dose_acuity_class: str | None = None
    hcpcs: str | None = None
    hcpcs_unit: str | None = None  # descriptor text, e.g. "per 15 mg"
    hcpcs_unit_amount: Decimal | None = None  # in dose_unit; None = unclassified code
    vial_size: Decimal | None = None
    vial_volume_ml: Decimal | None = None
    single_dose: bool
    pregnancy: Pregnancy | None = None
    dose_reduction: DoseReduction | None = None
    condition_rules: tuple[ConditionRule, ...] = ()
    home_med_rules: tuple[HomeMedRule, ...] = ()
    frequency_limits: tuple[FrequencyLimit, ...] = ()
    fluid: FluidSpec | None = None  # set for IV fluids (ordered by volume, with a purpose)
    recall: RecallData | None = None  # recurring drugs: the next dose's recall (days)
    # dose by dose number, intervals, titration, premedication, gates (domain/regimen.py)
    regimen: Regimen | None = None
    series: SeriesData | None = None  # the visits a course starting at a dose number asks for
    # hyphenated 10-digit package NDCs a source confirms (domain/ndc.py); empty = unverified
    ndcs: tuple[str, ...] = ()
    sources: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Drug:
        if self.fluid is not None and (self.dose_unit.lower() != "ml"
                                       or self.max_dose > self.fluid.bag_volume_ml):
            raise ValueError(f"{self.code}: a fluid is dosed in mL, at most one bag")
        if self.default_mode not in self.route_modes:
            raise ValueError(f"{self.code}: default_mode not in route_modes")
        if self.peds_policy == "weight_based" and self.peds_mg_per_kg is None:
            raise ValueError(f"{self.code}: weight_based pediatric dosing needs peds_mg_per_kg")
        if self.peds_policy == "capped" and self.peds_max is None:
            raise ValueError(f"{self.code}: capped pediatric dosing needs peds_max")
        bands = sorted((b.min_age, b.max_age) for b in self.peds_age_caps)
        if any(lo > hi for lo, hi in bands) or any(
                a[1] >= b[0] for a, b in zip(bands, bands[1:], strict=False)):
            raise ValueError(f"{self.code}: pediatric age bands must be ordered and not overlap")
        if self.usual_dose > self.max_dose:
            raise ValueError(f"{self.code}: usual_dose above max_dose")
        if problems := catalog_ndc_problems(self.code, self.ndcs, self.sources):
            raise ValueError("; ".join(problems))
        return self

    # Derived once per catalog version (models are frozen): the checks read them per line.
    @cached_property
    def tags(self) -> frozenset[str]:
        return frozenset(self.classes) | frozenset(self.flags)

    @cached_property
    def molecule_key(self) -> str:
        """The molecule this product is; a drug without one is its own molecule."""
        from orders.domain.patient import normalize_name

        return normalize_name(self.molecule or self.code)

    @cached_property
    def match_names(self) -> frozenset[str]:
        """Names an allergy entry may use for this drug: code, name, first word, synonyms."""
        from orders.domain.patient import normalize_name

        name = normalize_name(self.name)
        return frozenset({normalize_name(self.code), name, name.split("_")[0],
                          *(normalize_name(s) for s in self.synonyms)})

    @cached_property
    def match_classes(self) -> frozenset[str]:
        from orders.domain.patient import normalize_name

        return frozenset({*(normalize_name(c) for c in self.classes),
                          normalize_name(self.drug_class)})


class QtcThresholds(_Data):
    """QTc above which droperidol must not be given (label: > 440 ms male, > 450 ms female)."""

    male: int
    female: int
    other: int


class RulesConfig(_Data):
    """Clinic-wide thresholds. Every value carries its source in ``sources``."""

    pediatric_below_age: int
    childbearing_age_min: int
    childbearing_age_max: int
    qtc_block_ms: QtcThresholds
    qt_stacking_min_agents: int
    duplicate_dopamine_antagonist_min: int
    observation_minutes: int
    chair_minutes_warn: int
    administration_dose_tolerance_pct: Decimal
    administration_time_tolerance_pct: Decimal
    administration_time_check_min_minutes: int
    override_reason_min_length: int
    mild_allergy_severities: tuple[str, ...]
    acuity_rank: tuple[str, ...]
    clinic_timezone: str = "UTC"  # calendar days (courses, intervals) are the clinic's days
    class_aliases: dict[str, str] = Field(default_factory=dict)  # allergy vocabulary
    class_limits: tuple[FrequencyLimit, ...] = ()
    fluids: FluidRules | None = None  # None in catalogs older than the fluid items
    sources: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_zone(self) -> RulesConfig:
        ZoneInfo(self.clinic_timezone)  # raises for an unknown zone name
        return self

    def local_date(self, moment: datetime) -> date:
        """The clinic's calendar day of a moment (ages, courses and intervals count these)."""
        return moment.astimezone(ZoneInfo(self.clinic_timezone)).date()


@dataclass(frozen=True)
class CatalogChange:
    """A catalog version that changed one drug: who made it, when and why."""

    version: int
    created_by: str | None
    created_at: datetime
    note: str | None


class Catalog(_Data):
    """One version of the whole catalog: drugs, home-med dictionary and rule thresholds."""

    version: int
    drugs: dict[str, Drug]
    rules: RulesConfig
    home_med_classes: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    references: dict[str, str] = Field(default_factory=dict)
    # the observation kinds gates may name (empty in snapshots older than the kinds as data)
    observation_kinds: dict[str, ObservationKind] = Field(default_factory=dict)

    def drug(self, code: str) -> Drug | None:
        return self.drugs.get(code)

    @cached_property
    def _names_by_molecule(self) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for d in self.drugs.values():
            out[d.molecule_key] = out.get(d.molecule_key, frozenset()) | d.match_names
        return out

    def molecule_names(self, drug: Drug) -> frozenset[str]:
        """Names of every product of the drug's molecule (an allergy to Remicade names
        Inflectra's molecule too: RX-1 same-molecule awareness)."""
        return self._names_by_molecule.get(drug.molecule_key, drug.match_names)

    def acuity_rank(self, acuity: str) -> int:
        ranks = self.rules.acuity_rank
        return ranks.index(acuity) if acuity in ranks else len(ranks)

    def with_observation_kind(self, key: str, kind: ObservationKind) -> Catalog:
        """A new catalog version with one observation kind added or replaced (admin edit)."""
        kinds = {**self.observation_kinds, key: kind}
        return self.model_copy(update={"observation_kinds": kinds, "version": self.version + 1})

    def with_drug(self, drug: Drug) -> Catalog:
        """A new catalog version with one drug added or replaced (admin edit)."""
        drugs = dict(self.drugs)
        drugs[drug.code] = drug
        return self.model_copy(update={"drugs": drugs, "version": self.version + 1})
