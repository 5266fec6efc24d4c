"""Everything a rule reads, resolved once per check so each rule stays a few lines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from uuid import UUID

from orders.domain.catalog import Catalog, Drug, RulesConfig
from orders.domain.courses import CoursePlace, place_in_course
from orders.domain.history import ResponseHistory
from orders.domain.lines import LineSpec
from orders.domain.observations import Observation
from orders.domain.patient import HomeMed, PastDose, PatientFacts, normalize_name
from orders.domain.reaction_rules import ReactionRules
from orders.domain.reactions import Reaction
from orders.domain.units import UnitMismatch


@dataclass(frozen=True)
class ResolvedLine:
    spec: LineSpec
    drug: Drug
    dose: Decimal  # in drug.dose_unit

    @property
    def seq(self) -> int:
        return self.spec.sequence


@dataclass(frozen=True)
class CheckContext:
    patient: PatientFacts
    catalog: Catalog
    lines: tuple[ResolvedLine, ...]
    unresolved: tuple[tuple[LineSpec, str], ...]  # (line, why) for lines no rule can read
    history: tuple[PastDose, ...]
    as_of: datetime
    age: int
    med_classes: dict[str, tuple[HomeMed, ...]]
    # structured reactions (domain/reactions.py) and the rules that read them
    reaction_history: tuple[Reaction, ...] = ()
    reaction_rules: ReactionRules | None = None
    responses: ResponseHistory | None = None  # earlier visits' outcomes (response history)
    protocol_id: UUID | None = None  # the protocol the order was built from
    observations: tuple[Observation, ...] = ()  # screening results, MRIs, checklists (gates)

    @property
    def rules(self) -> RulesConfig:
        return self.catalog.rules

    @property
    def pediatric(self) -> bool:
        return self.age < self.rules.pediatric_below_age

    @cached_property
    def _local_dates(self) -> dict[datetime, date]:
        return {}

    def local_date(self, moment: datetime) -> date:
        # Memoized: the interval, course and count rules ask for the same doses' days, and a
        # time-zone conversion per ask was a tenth of a check.
        day = self._local_dates.get(moment)
        if day is None:
            day = self._local_dates[moment] = self.rules.local_date(moment)
        return day

    @cached_property
    def conditions(self) -> frozenset[str]:
        return frozenset(normalize_name(c) for c in self.patient.conditions)

    def lines_with(self, tag: str) -> list[ResolvedLine]:
        return [ln for ln in self.lines if tag in ln.drug.tags]

    @cached_property
    def _past(self) -> tuple[PastDose, ...]:
        # doses after the moment checked (a planned order's window) are not history yet
        return tuple(d for d in self.history if d.given_at <= self.as_of)

    @cached_property
    def _past_by_drug(self) -> dict[str, list[PastDose]]:
        out: dict[str, list[PastDose]] = defaultdict(list)
        for dose in self._past:
            out[dose.drug_code].append(dose)
        return out

    @cached_property
    def _past_by_tag(self) -> dict[str, list[PastDose]]:
        # Built from the per-drug lists (one catalog lookup and one extend per drug and tag,
        # not per dose), so a tag's doses are grouped by drug rather than in time order: the
        # frequency rules that read them take maxima, sums and sets.
        out: dict[str, list[PastDose]] = defaultdict(list)
        for code, doses in self._past_by_drug.items():
            drug = self.catalog.drug(code)
            for tag in (drug.tags if drug else ()):
                out[tag].extend(doses)
        return out

    @cached_property
    def _past_by_molecule(self) -> dict[str, list[PastDose]]:
        out: dict[str, list[PastDose]] = defaultdict(list)
        molecule_of: dict[str, str] = {}  # one catalog lookup per drug, not per dose
        for dose in self._past:
            key = molecule_of.get(dose.drug_code)
            if key is None:
                drug = self.catalog.drug(dose.drug_code)
                key = molecule_of[dose.drug_code] = drug.molecule_key if drug else dose.drug_code
            out[key].append(dose)
        return out

    def molecule_history(self, drug: Drug) -> list[PastDose]:
        """Earlier doses of this drug's molecule (reference product and biosimilars)."""
        return self._past_by_molecule.get(drug.molecule_key, [])

    def dose_number(self, drug: Drug) -> int:
        """The number this dose will be in the patient's course of the molecule."""
        return len(self.molecule_history(drug)) + 1

    @cached_property
    def course_places(self) -> dict[int, CoursePlace]:
        """line sequence -> its place in a course, for drugs whose regimen counts courses."""
        out: dict[int, CoursePlace] = {}
        for ln in self.lines:
            reg = ln.drug.regimen
            if reg is None or not reg.in_courses:
                continue
            days = [self.local_date(d.given_at) for d in self.molecule_history(ln.drug)]
            out[ln.seq] = place_in_course(self.local_date(self.as_of), days, ln.spec.course)
        return out

    def regimen_number(self, line: ResolvedLine) -> int:
        """The number the regimen's steps read: the course number for a drug dosed in
        courses, else the dose number."""
        place = self.course_places.get(line.seq)
        return place.number if place is not None else self.dose_number(line.drug)

    @cached_property
    def reactions_by_molecule(self) -> dict[str, list[tuple[Reaction, str]]]:
        """Structured reactions indexed once per check by each suspect drug's molecule (a
        drug without one is its own): (reaction, suspect drug code)."""
        out: dict[str, list[tuple[Reaction, str]]] = defaultdict(list)
        for r in self.reaction_history:
            for code in r.drug_codes:
                drug = self.catalog.drug(code)
                out[drug.molecule_key if drug else code].append((r, code))
        return out

    @cached_property
    def reactions(self) -> tuple[PastDose, ...]:
        return tuple(d for d in self._past if d.reaction)

    def history_for(self, drug_code: str | None = None, tag: str | None = None) -> list[PastDose]:
        if drug_code is not None and tag is None:
            return list(self._past_by_drug.get(drug_code, ()))
        if tag is not None and drug_code is None:
            return list(self._past_by_tag.get(tag, ()))
        doses = self._past_by_drug.get(drug_code, ()) if drug_code else self._past
        return [d for d in doses if tag is None or d in self._past_by_tag.get(tag, ())]


def home_med_classes(med: HomeMed, catalog: Catalog) -> set[str]:
    """Classes of a home medication: the one given, plus the catalog dictionary by name."""
    classes: set[str] = set()
    if med.med_class:
        classes.add(normalize_name(med.med_class))
    name = med.name.strip().lower()
    known = catalog.home_med_classes.get(name)
    if known is None and name:
        known = catalog.home_med_classes.get(name.split()[0])
    classes.update(known or ())
    return classes


def build_context(*, patient: PatientFacts, lines: list[LineSpec], catalog: Catalog,
                  history: list[PastDose], as_of: datetime,
                  reactions: Sequence[Reaction] = (),
                  reaction_rules: ReactionRules | None = None,
                  responses: ResponseHistory | None = None,
                  protocol_id: UUID | None = None,
                  observations: Sequence[Observation] = ()) -> CheckContext:
    if as_of.tzinfo is None:
        raise ValueError("as_of must be timezone-aware")
    resolved: list[ResolvedLine] = []
    unresolved: list[tuple[LineSpec, str]] = []
    for line in sorted(lines, key=lambda ln: ln.sequence):
        drug = catalog.drug(line.drug_code)
        if drug is None:
            unresolved.append((line, "unknown drug"))
            continue
        try:
            resolved.append(ResolvedLine(line, drug, line.dose_in(drug.dose_unit)))
        except UnitMismatch:
            unresolved.append((line, f"unit {line.dose_unit} cannot be read as {drug.dose_unit}"))
    by_class: dict[str, list[HomeMed]] = defaultdict(list)
    for med in patient.medications:
        for cls in home_med_classes(med, catalog):
            by_class[cls].append(med)
    return CheckContext(
        patient=patient, catalog=catalog, lines=tuple(resolved), unresolved=tuple(unresolved),
        history=tuple(history), as_of=as_of,
        age=patient.age_on(catalog.rules.local_date(as_of)),
        med_classes={k: tuple(v) for k, v in by_class.items()},
        # only reactions before the moment checked count, like doses
        reaction_history=tuple(r for r in reactions if r.onset_at <= as_of),
        reaction_rules=reaction_rules,
        responses=responses, protocol_id=protocol_id,
        # like doses, only results known at the moment checked count
        observations=tuple(o for o in observations
                           if o.observed_on <= catalog.rules.local_date(as_of)),
    )
