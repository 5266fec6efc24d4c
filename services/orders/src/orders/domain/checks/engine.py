"""Runs every rule and returns the findings plus the visit figures the order carries."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from orders.domain.catalog import Catalog
from orders.domain.checks import (
    course_checks,
    dosing,
    fluid_rules,
    frequency,
    interactions,
    patient_rules,
    reaction_checks,
    regimen_checks,
    response_history,
    session,
)
from orders.domain.checks.context import CheckContext, build_context
from orders.domain.errors import FieldError
from orders.domain.findings import Finding, sort_findings
from orders.domain.history import ResponseHistory
from orders.domain.lines import LineSpec
from orders.domain.observations import Observation
from orders.domain.patient import PastDose, PatientFacts
from orders.domain.reaction_rules import ReactionRules
from orders.domain.reactions import Reaction

Rule = Callable[[CheckContext], Iterable[Finding]]


def unresolved_findings(ctx: CheckContext) -> Iterator[Finding]:
    # Validation refuses these at the API; the engine still blocks them so a bad line can
    # never reach signing through some other path.
    for line, why in ctx.unresolved:
        yield Finding("line_unreadable", "block", f"{line.drug_code}: {why}", line.sequence)


RULES: tuple[Rule, ...] = (
    unresolved_findings,
    patient_rules.allergy_findings,
    patient_rules.past_reaction_findings,
    reaction_checks.prior_reaction_findings,
    reaction_checks.dra_intolerance_findings,
    reaction_checks.series_hold_findings,
    dosing.dose_findings,
    patient_rules.pregnancy_findings,
    patient_rules.condition_findings,
    interactions.home_med_findings,
    interactions.dopamine_antagonist_findings,
    interactions.qt_findings,
    interactions.steroid_nsaid_findings,
    interactions.akathisia_findings,
    frequency.frequency_findings,
    regimen_checks.regimen_findings,
    course_checks.course_findings,
    response_history.response_findings,
    fluid_rules.fluid_findings,
)


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    estimated_chair_minutes: int
    acuity_class: str
    requires_driver: bool
    catalog_version: int
    # line sequence -> the catalog's monitoring text for its drug (shown on the order line)
    monitoring: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    # the longest observation the drugs ask after this dose (by dose number); the chair time
    # also counts the clinic-wide minimum
    observation_minutes: int = 0
    # line sequence -> which dose of its molecule the line is in the patient's course, counted
    # on the same history the checks read (event consumers bill and schedule by it)
    dose_numbers: Mapping[int, int] = field(default_factory=dict)
    # line sequence -> the dose the drug's regimen gives next, in the drug's dose unit (a
    # drug without a regimen repeats its dose); lines where it is not known are left out.
    # Purchasing counts a recall's next dose with it.
    next_doses: Mapping[int, Decimal] = field(default_factory=dict)
    # what a new or edited order must fix before it is stored (422): a course day's dose that
    # is not the course total / N; signing meets the same as block findings
    field_errors: tuple[FieldError, ...] = ()

    @property
    def blocks(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "block"]


def run_checks(*, patient: PatientFacts, lines: list[LineSpec], catalog: Catalog,
               history: list[PastDose], as_of: datetime, reactions: Sequence[Reaction] = (),
               reaction_rules: ReactionRules | None = None,
               responses: ResponseHistory | None = None,
               protocol_id: UUID | None = None,
               observations: Sequence[Observation] = ()) -> CheckResult:
    """Pure: same inputs, same result. ``as_of`` is when the drugs are expected to be given.
    ``reactions`` are the patient's structured reactions, read by ``reaction_rules``;
    ``responses`` is the patient's response history (earlier visits' outcomes)."""
    ctx = build_context(patient=patient, lines=lines, catalog=catalog, history=history,
                        as_of=as_of, reactions=reactions, reaction_rules=reaction_rules,
                        responses=responses, protocol_id=protocol_id,
                        observations=observations)
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(ctx))
    minutes = session.chair_minutes(ctx)
    found.extend(session.chair_time_findings(ctx, minutes))
    unique = list(dict.fromkeys(found))
    return CheckResult(findings=tuple(sort_findings(unique)), estimated_chair_minutes=minutes,
                       acuity_class=session.acuity_class(ctx),
                       requires_driver=session.requires_driver(ctx),
                       catalog_version=catalog.version,
                       monitoring={ln.seq: ln.drug.monitoring for ln in ctx.lines},
                       observation_minutes=session.drug_observation_minutes(ctx),
                       dose_numbers={ln.seq: ctx.dose_number(ln.drug) for ln in ctx.lines},
                       next_doses=_next_doses(ctx),
                       field_errors=tuple(course_checks.course_field_errors(ctx, lines)))


def _next_doses(ctx: CheckContext) -> dict[int, Decimal]:
    out: dict[int, Decimal] = {}
    for ln in ctx.lines:
        reg = ln.drug.regimen
        found = ln.dose if reg is None else reg.next_dose(
            ctx.regimen_number(ln), ctx.patient.weight_kg, ln.spec.course, ln.drug.dose_step)
        if found is not None:
            out[ln.seq] = found
    return out
