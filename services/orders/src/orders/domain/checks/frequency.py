"""Frequency and cumulative limits over this center's administrations and outside doses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

from orders.domain.catalog import FrequencyLimit
from orders.domain.checks.context import CheckContext, ResolvedLine
from orders.domain.findings import Finding, Severity
from orders.domain.patient import PastDose
from orders.domain.units import fmt


def frequency_findings(ctx: CheckContext) -> Iterator[Finding]:
    by_drug: dict[str, list[ResolvedLine]] = {}
    for line in ctx.lines:
        by_drug.setdefault(line.drug.code, []).append(line)
    for code, lines in by_drug.items():
        for limit in lines[0].drug.frequency_limits:
            yield from _apply(ctx, limit, code, lines, ctx.history_for(drug_code=code))
    for limit in ctx.rules.class_limits:
        tag = limit.tag
        lines = ctx.lines_with(tag) if tag is not None else []
        if tag is not None and lines:
            yield from _apply(ctx, limit, tag, lines, ctx.history_for(tag=tag))


def _apply(ctx: CheckContext, limit: FrequencyLimit, label: str, lines: list[ResolvedLine],
           past: list[PastDose]) -> Iterator[Finding]:
    seq, sev = lines[0].seq, limit.severity
    days, hours = limit.days, limit.hours
    if limit.kind == "min_interval" and days is not None:
        yield from _min_interval(ctx, label, seq, sev, past, days)
    elif limit.kind == "course_days" and limit.max_days is not None \
            and limit.gap_days is not None:
        used = _course_length(ctx, past, limit.gap_days)
        if used > limit.max_days:
            yield Finding("course_days_exceeded", sev,
                          f"{label} would be on day {used} of its course; limit is "
                          f"{limit.max_days} days", seq)
    elif limit.kind == "amount_per_window" and hours is not None \
            and limit.max_amount is not None:
        yield from _amount(ctx, label, lines, sev, past, hours, limit.max_amount)
    elif limit.kind == "count_per_window" and days is not None and limit.max_count is not None:
        since = ctx.as_of - timedelta(days=days)
        visits = {ctx.local_date(d.given_at) for d in past if d.given_at > since}
        if len(visits) + 1 > limit.max_count:
            yield Finding("repeat_count_exceeded", sev,
                          f"{label}: {len(visits)} earlier dose day(s) in the last {days} "
                          f"days; limit is {limit.max_count}", seq)
    else:  # the catalog refuses such a limit (FrequencyLimit._complete): never let it pass
        yield Finding("line_unreadable", "block",
                      f"{label}: the {limit.kind} limit lacks a value it needs", seq)


def _min_interval(ctx: CheckContext, label: str, seq: int, severity: Severity,
                  past: list[PastDose], min_days: int) -> Iterator[Finding]:
    if not past:
        return
    last = max(d.given_at for d in past)
    # Calendar days in the clinic's zone, as payers and clinicians count them: "again in
    # < 84 days" blocks; the 84th day after the last dose is allowed, whatever the hour.
    days = (ctx.local_date(ctx.as_of) - ctx.local_date(last)).days
    if days < min_days:
        due = (ctx.local_date(last) + timedelta(days=min_days)).isoformat()
        yield Finding("repeat_too_soon", severity,
                      f"{label} was given {days} days ago; minimum interval is {min_days} "
                      f"days (next on {due})", seq)


def _amount(ctx: CheckContext, label: str, lines: list[ResolvedLine], severity: Severity,
            past: list[PastDose], hours: int, max_amount: Decimal) -> Iterator[Finding]:
    unit = lines[0].drug.dose_unit
    since = ctx.as_of - timedelta(hours=hours)
    before = sum((d.dose for d in past if d.given_at > since), Decimal(0))
    total = before + sum((ln.dose for ln in lines), Decimal(0))
    if total > max_amount:
        yield Finding("cumulative_dose_exceeded", severity,
                      f"{label}: {fmt(total)} {unit} within {_window(hours)} "
                      f"(this order plus {fmt(before)} {unit} before) exceeds "
                      f"{fmt(max_amount)} {unit}", lines[0].seq)


def _course_length(ctx: CheckContext, past: list[PastDose], gap_days: int) -> int:
    """Days of use in the course that includes today: a break longer than gap_days ends it."""
    today = ctx.local_date(ctx.as_of)
    days = sorted({ctx.local_date(d.given_at) for d in past
                   if ctx.local_date(d.given_at) < today}, reverse=True)
    count, previous = 1, today
    for day in days:
        if (previous - day).days > gap_days:
            break
        count, previous = count + 1, day
    return count


def _window(hours: int) -> str:
    return f"{hours // 24} days" if hours % 24 == 0 and hours > 24 else f"{hours} h"
