"""The COB loops of a secondary 837P (payer-exchange.md §6; TR3 005010X222A1, RFI 1551).

2320 other subscriber information (one per prior payer): SBR (payer responsibility P, the
patient's relationship to that insured, filing indicator), the prior payer's claim-level CAS
copied verbatim (grouped by group code, at most six reasons per CAS), AMT*D paid, AMT*A8
non-covered (when any), AMT*EAF remaining patient liability (when any), OI; 2330A the other
subscriber (NM1*IL, MI member id); 2330B the other payer (NM1*PR PI, DTP*573 adjudication date,
REF*F8 its claim control number). Per service line, 2430: SVD (paid on the line, the procedure
as billed), the line's CAS verbatim, DTP*573.

Only D, A8 and EAF are 2320 AMT qualifiers (no F2). A claim whose prior adjudication does not
balance (SV102 = SVD02 + sum 2430 CAS on every line; AMT*D = sum SVD02 - sum 2320 CAS) is
refused (CobError) before any text is produced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reimbursement.adapters.x12.envelope import clean, composite, segment
from reimbursement.domain.claim import ClaimLine
from reimbursement.domain.cob import Cas, CobError, PriorAdjudication, balance_problems
from reimbursement.domain.money import fmt_amount
from reimbursement.domain.parties import Coverage, Person

SBR02 = {"self": "18", "spouse": "01", "child": "19", "other": "G8"}  # individual relationship
AMT_QUALIFIERS = ("D", "A8", "EAF")
MAX_CAS_REASONS = 6


@dataclass(frozen=True, slots=True)
class PriorPayer:
    """One payer before this one: who it is, whom it covered, and what it decided."""

    name: str
    x12_payer_id: str  # 2330B NM109 and SVD01
    claim_filing: str  # 2320 SBR09
    coverage: Coverage  # the patient's coverage with that payer
    subscriber: Person  # its insured (the patient when relationship is self)
    adjudication: PriorAdjudication


def cob_loops(prior_payers: Sequence[PriorPayer], lines: Sequence[ClaimLine],
              ) -> tuple[list[str], dict[int, list[str]]]:
    """(2320/2330 segments for the claim, 2430 segments per line number)."""
    claim_loops: list[str] = []
    line_loops: dict[int, list[str]] = {ln.number: [] for ln in lines}
    for payer in prior_payers:
        _refuse_unbalanced(payer.adjudication, lines)
        claim_loops += other_subscriber(payer)
        by_number = {p.number: p for p in payer.adjudication.lines}
        for ln in lines:
            line_loops[ln.number] += line_adjudication(payer, ln, by_number[ln.number].paid,
                                                       by_number[ln.number].adjustments)
    return claim_loops, line_loops


def _refuse_unbalanced(prior: PriorAdjudication, lines: Sequence[ClaimLine]) -> None:
    problems = balance_problems(prior)
    adjudicated = {p.number: p for p in prior.lines}
    for ln in lines:
        found = adjudicated.get(ln.number)
        if found is None:
            problems.append(f"line {ln.number}: no adjudication by payer {prior.payer_id}")
        elif found.charge != ln.charge:
            problems.append(f"line {ln.number}: billed {ln.charge}, adjudicated as "
                            f"{found.charge}")
    if problems:
        raise CobError("the secondary claim does not balance: " + "; ".join(problems))


def other_subscriber(payer: PriorPayer) -> list[str]:
    prior, coverage = payer.adjudication, payer.coverage
    out = [segment("SBR", "P", SBR02[coverage.relationship],
                   clean(coverage.group_number or "", 50), "", "", "", "", "",
                   payer.claim_filing)]
    out += cas_segments(prior.adjustments)
    out += [segment("AMT", q, fmt_amount(v)) for q, v in amounts(prior)]
    out.append(segment("OI", "", "", "Y", "P", "", "Y"))
    s = payer.subscriber
    out.append(segment("NM1", "IL", "1", clean(s.family_name, 60), clean(s.given_name, 35),
                       clean(s.middle_name or "", 25), "", "", "MI",
                       clean(coverage.member_id, 80)))
    out += [segment("NM1", "PR", "2", clean(payer.name, 60), "", "", "", "", "PI",
                     clean(payer.x12_payer_id, 80)),
            segment("DTP", "573", "D8", prior.adjudicated_on.strftime("%Y%m%d")),
            segment("REF", "F8", clean(prior.payer_claim_number, 50))]
    return out


def amounts(prior: PriorAdjudication) -> list[tuple[str, Decimal]]:
    """2320 AMT: D always; A8 and EAF only when there is such an amount."""
    out: list[tuple[str, Decimal]] = [("D", prior.paid)]
    if prior.non_covered:
        out.append(("A8", prior.non_covered))
    if prior.patient_liability:
        out.append(("EAF", prior.patient_liability))
    assert all(q in AMT_QUALIFIERS for q, _ in out)
    return out


def line_adjudication(payer: PriorPayer, line: ClaimLine, paid: Decimal,
                      adjustments: Sequence[Cas]) -> list[str]:
    mods = list(line.modifiers[:4])
    procedure = composite("HC", line.code, *mods)
    return [segment("SVD", clean(payer.x12_payer_id, 80), fmt_amount(paid), procedure, "",
                    line.units),
            *cas_segments(adjustments),
            segment("DTP", "573", "D8", payer.adjudication.adjudicated_on.strftime("%Y%m%d"))]


def cas_segments(adjustments: Sequence[Cas]) -> list[str]:
    """CAS as the payer sent them: one segment per group (in first-seen order), up to six
    reason/amount pairs each; never netted or regrouped across groups."""
    groups: dict[str, list[Cas]] = {}
    for a in adjustments:
        groups.setdefault(a.group, []).append(a)
    out = []
    for group, items in groups.items():
        for start in range(0, len(items), MAX_CAS_REASONS):
            chunk = items[start:start + MAX_CAS_REASONS]
            elements: list[object] = []
            for a in chunk:
                elements += [a.reason, fmt_amount(a.amount), ""]
            out.append(segment("CAS", group, *elements))
    return out
