"""Interactions: with home medications, and between the drugs of one order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from orders.domain.checks.context import CheckContext
from orders.domain.findings import Finding
from orders.domain.patient import normalize_name


def home_med_findings(ctx: CheckContext) -> Iterator[Finding]:
    for line in ctx.lines:
        for rule in line.drug.home_med_rules:
            meds = ctx.med_classes.get(rule.med_class, ())
            if not meds:
                continue
            code = f"interaction.{rule.med_class}"
            if rule.within_hours is None:
                yield Finding(code, rule.severity, rule.message, line.seq)
                continue
            # Timed rule (DHE after a triptan): "within 24 h" means strictly less than 24 h
            # before the dose; a dose exactly 24 h earlier is allowed.
            since = ctx.as_of - timedelta(hours=rule.within_hours)
            recent = [m.last_dose_at for m in meds if m.last_dose_at and m.last_dose_at > since]
            if recent:
                hours = (ctx.as_of - max(recent)).total_seconds() / 3600
                yield Finding(code, rule.severity,
                              f"{rule.message} (last dose {max(hours, 0):.1f} h before)", line.seq)
            elif any(m.last_dose_at is None for m in meds):
                yield Finding(f"{code}.timing_unknown", "warn",
                              f"{rule.message}: time of the last {rule.med_class} dose is not "
                              "recorded; confirm it", line.seq)


def dopamine_antagonist_findings(ctx: CheckContext) -> Iterator[Finding]:
    agents = {ln.drug.code for ln in ctx.lines_with("dopamine_antagonist")}
    in_order = set(agents)
    agents.update(normalize_name(m.name) for m in ctx.med_classes.get("dopamine_antagonist", ()))
    if in_order and len(agents) >= ctx.rules.duplicate_dopamine_antagonist_min:
        yield Finding("duplicate_dopamine_antagonist", "warn",
                      f"{len(agents)} dopamine antagonists in one session "
                      f"({', '.join(sorted(agents))}): EPS/akathisia, sedation, hypotension, QT")


def akathisia_findings(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.lines_with("akathisia_prophylaxis"):
        return
    for line in ctx.lines_with("dopamine_antagonist"):
        yield Finding(
            "akathisia_prophylaxis_suggested",
            "info",
            f"{line.drug.code} without akathisia prophylaxis: consider diphenhydramine "
            "25-50 mg (shown with prochlorperazine; no benefit with metoclopramide 10 mg)",
            line.seq,
        )


def qt_findings(ctx: CheckContext) -> Iterator[Finding]:
    p, limits = ctx.patient, ctx.rules.qtc_block_ms
    limit = {"male": limits.male, "female": limits.female}.get(p.sex, limits.other)
    long_qt = "long_qt" in ctx.conditions
    over = p.qtc_ms is not None and p.qtc_ms > limit
    if long_qt or over:
        why = f"QTc {p.qtc_ms} ms > {limit} ms" if over else "known long QT"
        for line in ctx.lines_with("qt_prolonging"):
            if "qt_block_on_long_qt" in line.drug.flags:
                yield Finding("qtc_prolonged", "block",
                              f"{why}: {line.drug.code} must not be given", line.seq)
            else:
                yield Finding("qtc_prolonged", "warn",
                              f"{why}: {line.drug.code} prolongs QT; ECG first", line.seq)
    agents = {ln.drug.code for ln in ctx.lines_with("qt_prolonging")}
    in_order = set(agents)
    agents.update(normalize_name(m.name) for m in ctx.med_classes.get("qt_prolonging", ()))
    if in_order and len(agents) >= ctx.rules.qt_stacking_min_agents:
        yield Finding("qt_stacking", "warn",
                      f"{len(agents)} QT-prolonging agents ({', '.join(sorted(agents))}): "
                      "ECG and electrolytes before giving")


def steroid_nsaid_findings(ctx: CheckContext) -> Iterator[Finding]:
    steroid_order = bool(ctx.lines_with("corticosteroid"))
    nsaid_order = bool(ctx.lines_with("nsaid"))
    steroid = steroid_order or "corticosteroid" in ctx.med_classes
    nsaid = nsaid_order or "nsaid" in ctx.med_classes
    if (steroid_order or nsaid_order) and steroid and nsaid:
        yield Finding("steroid_nsaid", "warn",
                      "corticosteroid with an NSAID raises GI bleeding risk")
