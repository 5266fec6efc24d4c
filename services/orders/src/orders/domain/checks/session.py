"""Whole-visit figures: chair minutes, acuity class for nurse ratios, driver requirement."""

from __future__ import annotations

from collections.abc import Iterator

from orders.domain.checks.context import CheckContext, ResolvedLine
from orders.domain.checks.regimen_checks import observation_minutes, reacted_before, run_minutes
from orders.domain.findings import Finding


def chair_minutes(ctx: CheckContext) -> int:
    """Run times in sequence (a with_previous line runs alongside the one before it), each
    group followed by its wait, then the longest observation any drug or the clinic asks."""
    total, group_run, group_wait = 0, 0, 0
    for i, line in enumerate(ctx.lines):
        if i > 0 and not line.spec.with_previous:
            total += group_run + group_wait
            group_run, group_wait = 0, 0
        group_run = max(group_run, _run(ctx, line))
        group_wait = max(group_wait, line.spec.wait_after_minutes)
    total += group_run + group_wait
    if not ctx.lines:
        return 0
    return total + max(ctx.rules.observation_minutes, drug_observation_minutes(ctx))


def _run(ctx: CheckContext, line: ResolvedLine) -> int:
    """Ordered minutes, or longer when the drug's rate titration needs longer."""
    if line.drug.regimen is None:
        return line.spec.minutes
    needed = run_minutes(line.drug, ctx.regimen_number(line), line.dose,
                         ctx.patient.weight_kg)
    return max(line.spec.minutes, needed or 0)


def drug_observation_minutes(ctx: CheckContext) -> int:
    """The longest observation any drug asks after this dose (by its dose number, and
    whether the patient has reacted to the molecule before)."""
    return max((observation_minutes(ln.drug, ctx.regimen_number(ln),
                                    reacted_before(ctx, ln.drug))
                if ln.drug.regimen is not None else ln.drug.observation_minutes
                for ln in ctx.lines), default=0)


def acuity_class(ctx: CheckContext) -> str:
    """Highest acuity of any line; a biologic's first dose counts at its first-dose class."""
    best = ctx.rules.acuity_rank[0]
    for line in ctx.lines:
        acuity = line.drug.acuity_class
        first = line.drug.first_dose_acuity_class
        if first and not ctx.molecule_history(line.drug):
            acuity = first
        if ctx.catalog.acuity_rank(acuity) > ctx.catalog.acuity_rank(best):
            best = acuity
    return best


def requires_driver(ctx: CheckContext) -> bool:
    return any(line.drug.requires_driver for line in ctx.lines)


def chair_time_findings(ctx: CheckContext, minutes: int) -> Iterator[Finding]:
    if minutes > ctx.rules.chair_minutes_warn:
        yield Finding("chair_time_long", "warn",
                      f"estimated chair time {minutes} min is above the "
                      f"{ctx.rules.chair_minutes_warn} min limit")
