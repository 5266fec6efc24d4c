"""Rules about the patient's own facts: allergies, past reactions, pregnancy, conditions."""

from __future__ import annotations

from collections.abc import Iterator

from orders.domain.checks.context import CheckContext
from orders.domain.findings import Finding, Severity
from orders.domain.patient import normalize_name


def _candidates(substance: str, aliases: dict[str, str]) -> set[str]:
    sub = normalize_name(substance)
    out = {sub}
    if sub.endswith("s"):
        out.add(sub[:-1])  # "NSAIDs", "steroids"
    out.update(aliases[c] for c in list(out) if c in aliases)
    return out


def allergy_findings(ctx: CheckContext) -> Iterator[Finding]:
    """A documented allergy to the drug or to its class blocks; a mild one only warns."""
    mild = {s.lower() for s in ctx.rules.mild_allergy_severities}
    for line in ctx.lines:
        # every product of the molecule: a Remicade allergy also matches Inflectra
        drug_names = ctx.catalog.molecule_names(line.drug)
        class_names = line.drug.match_classes
        for allergy in ctx.patient.allergies:
            cands = _candidates(allergy.substance, ctx.rules.class_aliases)
            if cands & drug_names:
                what = "drug"
            elif cands & class_names:
                what = "class"
            else:
                continue
            severity: Severity = "warn" if (allergy.severity or "").lower() in mild else "block"
            yield Finding("allergy", severity,
                          f"documented {what} allergy ({allergy.substance}) matches "
                          f"{line.drug.code}", line.seq)


def past_reaction_findings(ctx: CheckContext) -> Iterator[Finding]:
    """A reaction recorded after this drug, or a drug of the same class, on an earlier visit."""
    for line in ctx.lines:
        flagged: set[str] = set()
        for dose in ctx.reactions:
            if dose.drug_code in flagged:
                continue
            other = ctx.catalog.drug(dose.drug_code)
            same_drug = dose.drug_code == line.drug.code or (
                other is not None and other.molecule_key == line.drug.molecule_key)
            same_class = other is not None and set(other.classes) & set(line.drug.classes)
            if same_drug or same_class:
                flagged.add(dose.drug_code)
                what = ("this drug" if dose.drug_code == line.drug.code else
                        f"{dose.drug_code} (same molecule)" if same_drug else
                        f"{dose.drug_code} (same class)")
                yield Finding("past_reaction", "warn",
                              f"a reaction was recorded after {what} on "
                              f"{ctx.local_date(dose.given_at).isoformat()}", line.seq)


def pregnancy_findings(ctx: CheckContext) -> Iterator[Finding]:
    p, rules = ctx.patient, ctx.rules
    childbearing = (p.sex == "female"
                    and rules.childbearing_age_min <= ctx.age <= rules.childbearing_age_max)
    for line in ctx.lines:
        preg = line.drug.pregnancy
        if preg is None:
            continue
        if p.pregnant is True:
            yield Finding("pregnancy", preg.severity, preg.message, line.seq)
        elif p.pregnant is None and preg.check_unknown_status and childbearing:
            yield Finding("pregnancy_status_unknown", "warn",
                          f"pregnancy status unknown: {line.drug.code} is contraindicated in "
                          "pregnancy; confirm before giving", line.seq)


def condition_findings(ctx: CheckContext) -> Iterator[Finding]:
    for line in ctx.lines:
        for rule in line.drug.condition_rules:
            if rule.condition in ctx.conditions:
                yield Finding(f"contraindication.{rule.condition}", rule.severity, rule.message,
                              line.seq)
