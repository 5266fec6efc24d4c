"""Regimen rules (clinical-loop.md §5): the minimum interval before this dose number, the dose
the regimen sets for it, the run time its titration needs, and the gates (screening results,
MRIs, ApoE, TOUCH checklist) with their freshness windows. Only drugs whose catalog entry has a
``regimen`` are read; everything they check is that data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from orders.domain.catalog import Drug
from orders.domain.checks.context import CheckContext, ResolvedLine
from orders.domain.findings import Finding
from orders.domain.observations import Observation, ObservationKind
from orders.domain.regimen import Gate, Regimen
from orders.domain.units import UnitMismatch, convert, fmt

INTERVAL, DOSE, RATE = "regimen.interval", "regimen.dose", "regimen.titration"


def _regimen_lines(ctx: CheckContext) -> Iterator[tuple[ResolvedLine, Regimen, int]]:
    seen: set[str] = set()
    for line in ctx.lines:
        reg = line.drug.regimen
        if reg is None or line.drug.code in seen:
            continue  # one finding per drug, on its first line
        seen.add(line.drug.code)
        yield line, reg, ctx.dose_number(line.drug)


def regimen_findings(ctx: CheckContext) -> Iterator[Finding]:
    for line, reg, n in _regimen_lines(ctx):
        step = reg.step_for(ctx.regimen_number(line))
        past = ctx.molecule_history(line.drug)
        # a course regimen's interval runs between courses (course_checks)
        if step.min_days_after_previous is not None and past and not reg.in_courses:
            last = ctx.local_date(max(d.given_at for d in past))
            days = (ctx.local_date(ctx.as_of) - last).days
            if days < step.min_days_after_previous:
                yield Finding(INTERVAL, "block",
                              f"{line.drug.code} dose {n} is {days} days after the last dose "
                              f"({last.isoformat()}); the regimen needs at least "
                              f"{step.min_days_after_previous} days", line.seq)
        expected = reg.expected_dose(ctx.regimen_number(line), ctx.patient.weight_kg)
        if expected is not None and abs(line.dose - expected) > expected * \
                reg.dose_tolerance_pct / 100:
            unit = line.drug.dose_unit
            yield Finding(DOSE, "warn",
                          f"{line.drug.code} dose {n}: the regimen gives {fmt(expected)} {unit}"
                          f", ordered {fmt(line.dose)} {unit}", line.seq)
        needed = run_minutes(line.drug, ctx.regimen_number(line), line.dose,
                             ctx.patient.weight_kg)
        if needed is not None and line.spec.minutes < needed:
            yield Finding(RATE, "warn",
                          f"{line.drug.code} dose {n} runs at least {needed} min at its rate "
                          f"steps; ordered {line.spec.minutes} min", line.seq)
        last_dose = ctx.local_date(max(d.given_at for d in past)) if past else None
        yield from _gates(ctx, line, reg.gates, n, last_dose)


def run_minutes(drug: Drug, dose_number: int, dose: Decimal,
                weight_kg: Decimal | None) -> int | None:
    """Run time the regimen sets for this dose: its titration, else its fixed minutes."""
    if drug.regimen is None:
        return None
    step = drug.regimen.step_for(dose_number)
    if step.titration is None:
        return step.minutes
    try:
        dose_mg = convert(dose, drug.dose_unit, "mg")
    except UnitMismatch:
        return step.minutes
    return step.titration.minutes(dose_mg, weight_kg)


def observation_minutes(drug: Drug, dose_number: int, reacted: bool = False) -> int:
    """Observation after this dose: the regimen's by dose number (its after-reaction figure
    when the patient has reacted to the molecule before), else the drug's."""
    if drug.regimen is not None:
        step = drug.regimen.step_for(dose_number)
        if reacted and step.observation_minutes_after_reaction is not None:
            return step.observation_minutes_after_reaction
        if step.observation_minutes is not None:
            return step.observation_minutes
    return drug.observation_minutes


def reacted_before(ctx: CheckContext, drug: Drug) -> bool:
    """A recorded reaction to the drug's molecule (structured, or flagged on a past dose)."""
    return bool(ctx.reactions_by_molecule.get(drug.molecule_key)) or any(
        d.reaction for d in ctx.molecule_history(drug))


def current_result(gate: Gate, observations: Iterable[Observation], on: date,
                   last_dose: date | None, order_id: UUID | None = None,
                   kind_max_age: int | None = None) -> Observation | None:
    """The newest observation of the gate's kind that still counts on ``on`` (within the
    gate's window, else the kind's own ``max_age_days``)."""
    max_age = gate.max_age_days if gate.max_age_days is not None else kind_max_age
    oldest = on - timedelta(days=max_age) if max_age is not None else None
    best: Observation | None = None
    for o in observations:
        if o.kind != gate.kind or o.observed_on > on:
            continue
        if oldest is not None and o.observed_on < oldest:
            continue
        if gate.since_previous_dose and last_dose is not None and o.observed_on < last_dose:
            continue
        if gate.per_infusion and (order_id is None or o.order_id != order_id):
            continue
        # same day: the one recorded later (observations come oldest first) corrects it
        if best is None or o.observed_on >= best.observed_on:
            best = o
    return best


def _gates(ctx: CheckContext, line: ResolvedLine, gates: tuple[Gate, ...], n: int,
           last_dose: date | None) -> Iterator[Finding]:
    on = ctx.local_date(ctx.as_of)
    for gate in gates:
        if not gate.applies_to(n):
            continue
        code = f"gate.{gate.kind}"
        if gate.per_infusion:  # enforced when the infusion starts (start_blocks)
            yield Finding(code, "info", f"{line.drug.code}: {gate.message} (checked when the "
                          "infusion starts)", line.seq)
            continue
        kind = ctx.catalog.observation_kinds.get(gate.kind)
        found = current_result(gate, ctx.observations, on, last_dose,
                               kind_max_age=kind.max_age_days if kind else None)
        if found is None:
            yield Finding(code, gate.severity, f"{line.drug.code} dose {n}: {gate.message}",
                          line.seq)
        elif (sev := gate.result_severity.get(found.result)) is not None:
            yield Finding(f"{code}.result", sev,
                          f"{line.drug.code} dose {n}: {gate.kind} {found.result} on "
                          f"{found.observed_on.isoformat()}", line.seq)


def start_blocks(*, drug: Drug, dose_number: int, order_id: UUID, on: date,
                 observations: Iterable[Observation],
                 kinds: Mapping[str, ObservationKind] | None = None) -> list[str]:
    """Why an infusion of ``drug`` may not start now (per-infusion gates, e.g. the TOUCH
    pre-infusion checklist for this very order); empty when it may."""
    if drug.regimen is None:
        return []
    obs = tuple(observations)
    why: list[str] = []
    for gate in drug.regimen.gates:
        if not gate.per_infusion or not gate.applies_to(dose_number):
            continue
        kind = (kinds or {}).get(gate.kind)
        found = current_result(gate, obs, on, None, order_id,
                               kind_max_age=kind.max_age_days if kind else None)
        if found is None or gate.result_severity.get(found.result) == "block":
            why.append(f"{drug.code}: {gate.message}")
    return why
