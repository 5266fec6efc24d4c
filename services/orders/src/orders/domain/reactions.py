"""A structured infusion reaction (clinical-loop.md 1.4) and the rules applied when one is
recorded: grade plausibility (epinephrine or laryngeal dystonia means grade >= 3), the FHIR
severity mapping, the alerts it raises (RX-3) and the visit acuity it forces (RX-7).

Pure: no I/O. Thresholds come from ``ReactionRules`` (seed/reaction_rules.json).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Literal
from uuid import UUID

from orders.domain.errors import FieldError
from orders.domain.reaction_rules import ReactionRules

Term = Literal["infusion_related_reaction", "anaphylaxis", "other"]
Kind = Literal["allergy", "intolerance"]
Outcome = Literal["resolved", "ongoing", "ems_transfer", "admitted"]
Rechallenge = Literal["no", "premedicate", "slower_rate", "desensitization"]
ActionKind = Literal["stop", "slow", "restart"]
Audience = Literal["charge_nurse", "ordering_provider"]
FhirSeverity = Literal["mild", "moderate", "severe"]


@dataclass(frozen=True)
class SuspectDrug:
    drug_code: str  # catalog drug code
    lot: str | None = None
    amount_infused: Decimal | None = None
    amount_unit: str | None = None
    rate_at_onset: Decimal | None = None  # mL/h
    dose_number: int | None = None  # 1 = first dose of this drug for the patient


@dataclass(frozen=True)
class Vitals:
    at: datetime
    systolic: int | None = None
    diastolic: int | None = None
    heart_rate: int | None = None
    resp_rate: int | None = None
    spo2: int | None = None
    temp_c: Decimal | None = None


@dataclass(frozen=True)
class Action:
    kind: ActionKind
    at: datetime
    rate: Decimal | None = None  # mL/h, for slow and restart
    drug_code: str | None = None


@dataclass(frozen=True)
class RescueMed:
    drug: str
    dose: Decimal
    unit: str
    route: str
    given_at: datetime
    given_by: str


@dataclass
class Reaction:
    id: UUID
    order_id: UUID
    patient_id: UUID
    practice_id: str
    onset_at: datetime
    minutes_from_start: int | None
    suspects: tuple[SuspectDrug, ...]
    manifestations: tuple[str, ...]  # SNOMED CT codes from the rules' list
    term: Term
    grade: int
    graded_by: str
    kind: Kind
    outcome: Outcome
    rechallenge: Rechallenge
    vitals: tuple[Vitals, ...] = ()
    actions: tuple[Action, ...] = ()
    rescue_meds: tuple[RescueMed, ...] = ()
    provider_notified_at: datetime | None = None
    resolved_at: datetime | None = None
    ordering_practitioner_id: UUID | None = None
    recorded_at: datetime | None = None
    recorded_by: str | None = None
    cleared_at: datetime | None = None  # RX-6: provider clearance of a held series
    cleared_by: str | None = None
    clearance_note: str | None = None
    warnings: tuple[str, ...] = ()  # RX-5 repeat-dose warnings, kept with the record
    acuity_class: str | None = None  # RX-7: acuity forced for the rest of the visit

    @cached_property  # read per line by the checks; suspects are an immutable tuple
    def drug_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.drug_code for s in self.suspects))

    def last_tolerated_rate(self) -> Decimal | None:
        """The last restart rate of a reaction that resolved: the rate the patient tolerated."""
        restarts = [a for a in self.actions if a.kind == "restart" and a.rate is not None]
        if self.outcome != "resolved" or not restarts:
            return None
        return max(restarts, key=lambda a: a.at).rate

    def onset_rate(self, drug_code: str) -> Decimal | None:
        return next((s.rate_at_onset for s in self.suspects if s.drug_code == drug_code), None)


def fhir_severity(grade: int, rules: ReactionRules) -> FhirSeverity:
    """AllergyIntolerance.reaction.severity: 1 mild, 2 moderate, >= 3 severe [default]."""
    if grade <= rules.severity.mild_max_grade:
        return "mild"
    if grade <= rules.severity.moderate_max_grade:
        return "moderate"
    return "severe"


def fhir_criticality(grade: int, rules: ReactionRules) -> Literal["high", "low"]:
    return "high" if grade >= rules.severity.criticality_high_min_grade else "low"


def epinephrine_given(reaction: Reaction, rules: ReactionRules) -> bool:
    return any(rules.epinephrine.is_epinephrine(m.drug) for m in reaction.rescue_meds)


def record_errors(reaction: Reaction, rules: ReactionRules,
                  order_drugs: Iterable[str]) -> list[FieldError]:
    """What makes a reaction record unsavable (422), every field at fault."""
    errors: list[FieldError] = []
    known = set(order_drugs)
    if not reaction.suspects:
        errors.append(FieldError("suspects", "name at least one suspect drug"))
    for i, s in enumerate(reaction.suspects):
        if s.drug_code not in known:
            errors.append(FieldError(f"suspects[{i}].drug_code", "not a drug of this order"))
    for i, code in enumerate(reaction.manifestations):
        if code not in rules.by_code:
            errors.append(FieldError(f"manifestations[{i}]", "not a known manifestation code"))
    if not reaction.manifestations:
        errors.append(FieldError("manifestations", "name at least one manifestation"))
    need = rules.epinephrine.requires_min_grade
    if epinephrine_given(reaction, rules) and reaction.grade < need:
        errors.append(FieldError("grade", f"epinephrine was given: grade must be >= {need}"))
    for code in reaction.manifestations:
        m = rules.by_code.get(code)
        if m and m.min_grade and reaction.grade < m.min_grade:
            errors.append(FieldError("grade", f"{m.display}: grade must be >= {m.min_grade}"))
    if reaction.outcome == "resolved" and reaction.resolved_at is None:
        errors.append(FieldError("resolved_at", "a resolved reaction needs resolved_at"))
    if reaction.resolved_at is not None and reaction.resolved_at < reaction.onset_at:
        errors.append(FieldError("resolved_at", "before the onset"))
    for i, a in enumerate(reaction.actions):
        if a.kind in ("slow", "restart") and a.rate is None:
            errors.append(FieldError(f"actions[{i}].rate", f"a {a.kind} needs the new rate"))
    return errors


def visit_acuity(reaction: Reaction, rules: ReactionRules) -> str | None:
    """RX-7: grade >= 2, or any ketamine/lidocaine reaction -> acuity H for the visit."""
    va = rules.visit_acuity
    if reaction.grade >= va.min_grade or set(reaction.drug_codes) & set(va.any_reaction_drugs):
        return va.acuity_class
    return None


@dataclass(frozen=True)
class AlertTarget:
    audience: Audience
    practitioner_id: UUID | None = None


def alert_targets(reaction: Reaction, rules: ReactionRules) -> list[AlertTarget]:
    """RX-3: every reaction alerts the charge nurse; grade >= 3 also the ordering provider."""
    out = [AlertTarget("charge_nurse")]
    if reaction.grade >= rules.alerts.provider_min_grade:
        out.append(AlertTarget("ordering_provider", reaction.ordering_practitioner_id))
    return out


def ems_checklist(reaction: Reaction, rules: ReactionRules) -> tuple[str, ...]:
    """RX-3: epinephrine given opens the EMS checklist."""
    return rules.epinephrine.ems_checklist if epinephrine_given(reaction, rules) else ()


@dataclass(frozen=True)
class ReactionState:
    """For discharge: is a reaction active, and how long has the patient been symptom-free."""

    active: bool
    symptom_free_since: datetime | None
    symptom_free_long_enough: bool


def reaction_state(reactions: Iterable[Reaction], now: datetime,
                   rules: ReactionRules) -> ReactionState:
    """A visit's reactions -> discharge state. A reaction not resolved (ongoing, EMS,
    admitted) is active; otherwise symptom-free since the last resolution, and long enough
    once ``discharge.symptom_free_minutes`` have passed. No reaction: free, long enough."""
    items = list(reactions)
    if not items:
        return ReactionState(False, None, True)
    if any(r.outcome != "resolved" or r.resolved_at is None for r in items):
        return ReactionState(True, None, False)
    since = max(r.resolved_at for r in items if r.resolved_at is not None)
    quiet = timedelta(minutes=rules.discharge.symptom_free_minutes)
    return ReactionState(False, since, now - since >= quiet)
