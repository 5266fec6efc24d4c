"""Rules from the patient's structured reactions (clinical-loop.md 1.5): RX-1 hard stop on a
grade >= 3 reaction to the same molecule, RX-2 premedication and last tolerated rate after a
grade 1-2 IRR, RX-4 dopamine-antagonist intolerance, RX-6 a DHE series held until a provider
clears it. Thresholds and texts are data (``ReactionRules``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from orders.domain.checks.context import CheckContext, ResolvedLine
from orders.domain.findings import Finding
from orders.domain.reactions import Reaction
from orders.domain.units import fmt

HARD_STOP, PREMEDICATE = "reaction.hard_stop", "reaction.premedicate"
DRA_INTOLERANCE, SERIES_HOLD = "reaction.dra_intolerance", "reaction.series_hold"


def _what(ctx: CheckContext, r: Reaction, code: str, line: ResolvedLine) -> str:
    same = "this drug" if code == line.drug.code else \
        f"{code} (same molecule, {line.drug.molecule_key})"
    return (f"grade {r.grade} {r.term.replace('_', ' ')} to {same} on "
            f"{ctx.local_date(r.onset_at).isoformat()}")


def prior_reaction_findings(ctx: CheckContext) -> Iterator[Finding]:
    """RX-1 and RX-2: per line, the worst earlier reaction to the same molecule decides."""
    rules = ctx.reaction_rules
    if rules is None or not ctx.reaction_history:
        return
    hard, soft = rules.hard_stop, rules.soft_warning
    for line in ctx.lines:
        hits = ctx.reactions_by_molecule.get(line.drug.molecule_key, ())
        severe = [h for h in hits if h[0].grade >= hard.min_grade and h[0].term in hard.terms]
        if severe:
            r, code = max(severe, key=lambda h: (h[0].grade, h[0].onset_at))
            yield Finding(HARD_STOP, "block",
                          f"{_what(ctx, r, code, line)}: new orders are blocked; a prescriber "
                          "override needs a reason and a plan (premedication, "
                          "desensitization, setting)", line.seq)
            continue
        mild = [h for h in hits if h[0].grade <= soft.max_grade and h[0].term in soft.terms]
        if not mild:
            continue
        r, code = max(mild, key=lambda h: h[0].onset_at)
        premed = rules.premedication.for_molecule(line.drug.molecule_key)
        yield Finding(PREMEDICATE, "warn",
                      f"{_what(ctx, r, code, line)}: premedicate ({premed}); "
                      f"{_rate_text(r, code, soft.restart_rate_factor)}", line.seq)


def _rate_text(r: Reaction, code: str, factor: Decimal) -> str:
    tolerated = r.last_tolerated_rate()
    if tolerated is not None:
        return f"last tolerated rate {fmt(tolerated)} mL/h"
    onset = r.onset_rate(code)
    if onset is None:
        return "no tolerated rate recorded"
    return (f"no tolerated rate recorded: start at <= {fmt(onset * factor)} "
            f"mL/h (onset rate {fmt(onset)} mL/h)")


def dra_intolerance_findings(ctx: CheckContext) -> Iterator[Finding]:
    """RX-4: akathisia/dystonia after a dopamine antagonist -> suggest diphenhydramine with the
    next one; never a block (laryngeal dystonia is grade >= 3 and blocks through RX-1)."""
    rules = ctx.reaction_rules
    if rules is None or not ctx.reaction_history:
        return
    dra = rules.dra_intolerance
    lines = ctx.lines_with(dra.drug_tag)
    if not lines:
        return
    hits = [r for r in ctx.reaction_history
            if r.kind == "intolerance" and set(r.manifestations) & rules.dra_codes
            and any(dra.drug_tag in d.tags for c in r.drug_codes
                    if (d := ctx.catalog.drug(c)) is not None)]
    if not hits:
        return
    r = max(hits, key=lambda h: h.onset_at)
    covered = bool(ctx.lines_with(dra.prophylaxis_tag))
    for line in lines:
        yield Finding(DRA_INTOLERANCE, "info" if covered else "warn",
                      f"intolerance to {', '.join(r.drug_codes)} on "
                      f"{ctx.local_date(r.onset_at).isoformat()} (dopamine antagonist): "
                      f"{dra.suggestion}", line.seq)


def series_hold_findings(ctx: CheckContext) -> Iterator[Finding]:
    """RX-6: chest pain or an ECG change on DHE holds every further DHE dose until cleared."""
    rules = ctx.reaction_rules
    if rules is None or not ctx.reaction_history:
        return
    held_drugs = set(rules.series_hold.drug_codes)
    for line in ctx.lines:
        if line.drug.code not in held_drugs:
            continue
        for r in ctx.reaction_history:
            if (r.cleared_at is None and line.drug.code in r.drug_codes
                    and set(r.manifestations) & rules.series_hold_codes):
                yield Finding(SERIES_HOLD, "block",
                              f"{line.drug.code} held since the reaction of "
                              f"{ctx.local_date(r.onset_at).isoformat()} (reaction {r.id}): "
                              "the provider must clear it before the next dose", line.seq)
                break
