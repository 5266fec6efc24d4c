"""Coverage with evidence development (CED) on the claim: Medicare covers the anti-amyloid
antibodies (lecanemab J0174, donanemab J0175) under NCD 200.3 only inside a CMS-approved study
(the CMS National Patient Registry), and the claim has to say so.

The rules are data (data/evidence_development.json, each rule with its sources: the MACs'
billing instructions); a payer contract's ``policy.evidence_development``
(fees.EvidenceSettings) switches them on or off for that payer and replaces the registry
number or the modifiers. When a rule applies to a claim (its payer, a line of its HCPCS):

* the claim carries the registry number: 837P loop 2300 REF*P4 ("99999999", or the clinic's
  dedicated NCT number);
* every line of those HCPCS gets the drug modifier (Q0), a JW line included (it bills the
  same drug), and every administration line of those drugs (by MAR sequence) the admin
  modifier (Q1). The sources say "Q0 or Q1" without assigning them per line: that split is a
  Chairside default [unverified], editable per payer. Modifiers already on the line (JZ, JW)
  stay, the CED one first by default (``modifier_first``), never more than four (SV101-3..6);
* Z00.6 is added to the diagnoses when missing, and those lines point at the qualifying
  diagnosis and Z00.6 first;
* with no qualifying diagnosis (MCI due to AD or mild AD dementia: G30.0, G30.1, G30.8,
  G30.9, G31.84) the claim is held (Hold ``diagnosis.evidence_development``), never sent with
  a guessed one.

Claims of other drugs, and of payers the rule does not apply to, are left exactly as built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reimbursement.domain.claim_checks import MAX_DIAGNOSES, normalize_icd10
from reimbursement.domain.drug_coding import Review
from reimbursement.domain.fees import PayerContract, PayerKind
from reimbursement.domain.holds import Hold

if TYPE_CHECKING:  # claim.py calls this module; only the type is needed here
    from reimbursement.domain.claim import ClaimLine

MAX_MODIFIERS = 4  # SV101-3..6
HOLD_ITEM = "diagnosis.evidence_development"
REGISTRY_NUMBER = re.compile(r"^[0-9]{8}$")  # "the registry trial number (eight-digit number)"
MODIFIER = re.compile(r"^[A-Z0-9]{2}$")


@dataclass(frozen=True, slots=True)
class EvidenceRule:
    id: str
    name: str
    hcpcs: frozenset[str]
    payer_kinds: frozenset[PayerKind]
    registry_number: str
    drug_modifier: str
    admin_modifier: str
    modifier_first: bool
    study_diagnosis: str  # ICD-10-CM without its point, as claims carry it ("Z006")
    qualifying: tuple[str, ...]  # likewise ("G301", ...)
    qualifying_label: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvidenceCoding:
    """One claim after the rules: its lines and diagnoses, the REF*P4 number, what it lacks."""

    lines: tuple[ClaimLine, ...]
    diagnoses: tuple[str, ...]
    registry_number: str | None = None
    holds: tuple[Hold, ...] = ()
    reviews: tuple[Review, ...] = ()
    notes: tuple[str, ...] = ()


def rules_from_doc(doc: Mapping[str, Any]) -> tuple[EvidenceRule, ...]:
    """The rules of data/evidence_development.json, checked (a bad file fails at load)."""
    return tuple(_rule(r) for r in doc["rules"])


def _rule(r: Mapping[str, Any]) -> EvidenceRule:
    def icd(code: str) -> str:
        found = normalize_icd10(code)
        if found is None:
            raise ValueError(f"rule {r['id']}: not an ICD-10-CM code: {code!r}")
        return found

    rule = EvidenceRule(
        id=r["id"], name=r["name"], hcpcs=frozenset(r["hcpcs"]),
        payer_kinds=frozenset(PayerKind(k) for k in r["payer_kinds"]),
        registry_number=r["registry_number"], drug_modifier=r["drug_modifier"],
        admin_modifier=r["admin_modifier"], modifier_first=bool(r["modifier_first"]),
        study_diagnosis=icd(r["study_diagnosis"]),
        qualifying=tuple(icd(c) for c in r["qualifying_diagnoses"]),
        qualifying_label=r["qualifying_label"], sources=tuple(r["sources"]))
    if not REGISTRY_NUMBER.match(rule.registry_number):
        raise ValueError(f"rule {rule.id}: the registry number has eight digits")
    if not (MODIFIER.match(rule.drug_modifier) and MODIFIER.match(rule.admin_modifier)):
        raise ValueError(f"rule {rule.id}: modifiers are two characters")
    if not rule.hcpcs or not rule.qualifying or not rule.sources:
        raise ValueError(f"rule {rule.id}: HCPCS codes, diagnoses and sources are required")
    return rule


def applies_to(rule: EvidenceRule, contract: PayerContract | None) -> bool:
    """The payer's own setting first; else whether its kind is one the rule names."""
    if contract is None:
        return False
    chosen = contract.policy.evidence_development.applies
    return contract.kind in rule.payer_kinds if chosen is None else chosen


def apply_evidence_rules(
    rules: Sequence[EvidenceRule], contract: PayerContract | None, diagnoses: tuple[str, ...],
    lines: Sequence[ClaimLine], *, max_pointers: int = 4,
) -> EvidenceCoding:
    """The claim's lines and diagnoses with every applicable rule's coding (see the module)."""
    out = EvidenceCoding(tuple(lines), diagnoses)
    for rule in rules:
        if contract is not None and applies_to(rule, contract):
            out = _apply(rule, contract, out, max_pointers)
    return out


def _apply(rule: EvidenceRule, contract: PayerContract, claim: EvidenceCoding,
           max_pointers: int) -> EvidenceCoding:
    drug_lines = [ln for ln in claim.lines if ln.kind == "drug" and ln.code in rule.hcpcs]
    if not drug_lines:
        return claim
    settings = contract.policy.evidence_development
    number = settings.registry_number or rule.registry_number
    drug_mod = settings.drug_modifier or rule.drug_modifier
    admin_mod = settings.admin_modifier or rule.admin_modifier
    codes = "/".join(sorted({ln.code for ln in drug_lines}))
    reviews: list[Review] = []
    notes: list[str] = []
    holds: list[Hold] = []

    diagnoses = claim.diagnoses
    if rule.study_diagnosis not in diagnoses:
        if len(diagnoses) >= MAX_DIAGNOSES:
            reviews.append(Review("evidence_development_diagnosis", (
                f"{codes} under {rule.name} needs {_dotted(rule.study_diagnosis)} and the "
                f"claim already has {MAX_DIAGNOSES} diagnoses")))
        else:
            diagnoses = (*diagnoses, rule.study_diagnosis)
            notes.append(f"{_dotted(rule.study_diagnosis)} added: {codes} is billed under "
                         f"{rule.name}")
    qualifying = next((d for d in diagnoses if d in rule.qualifying), None)
    if qualifying is None:
        holds.append(Hold(HOLD_ITEM, (
            f"{codes} billed to {contract.name} under {rule.name} needs a diagnosis of "
            f"{rule.qualifying_label} ({', '.join(_dotted(c) for c in rule.qualifying)}); "
            "none is on the claim")))
    first = [diagnoses.index(d) + 1 for d in (qualifying, rule.study_diagnosis)
             if d is not None and d in diagnoses]

    sequences = {s for ln in drug_lines for s in ln.sequences}
    updated: list[ClaimLine] = []
    for ln in claim.lines:
        if ln.kind == "drug" and ln.code in rule.hcpcs:
            mod = drug_mod
        elif ln.kind == "admin" and sequences & set(ln.sequences):
            mod = admin_mod
            if not set(ln.sequences) <= sequences:
                notes.append(f"{ln.code} also covers administrations of other drugs; it "
                             f"carries {admin_mod} for {codes}")
        else:
            updated.append(ln)
            continue
        modifiers = with_modifier(ln.modifiers, mod, first=rule.modifier_first)
        if len(modifiers) > MAX_MODIFIERS:
            reviews.append(Review("too_many_modifiers", (
                f"{ln.code} would carry {len(modifiers)} modifiers with {mod}; an 837P "
                f"line carries {MAX_MODIFIERS}"), ln.sequences[0] if ln.sequences else None))
            modifiers = ln.modifiers
        pointers = tuple(dict.fromkeys([*first, *ln.dx_pointers]))[:max_pointers]
        updated.append(replace(ln, modifiers=modifiers, dx_pointers=pointers))

    registry = claim.registry_number
    if registry is not None and registry != number:
        reviews.append(Review("registry_number_conflict", (
            f"{rule.name} wants registry number {number}, another rule {registry}: one "
            "claim carries one REF*P4")))
    else:
        registry = number
    notes.append(f"{rule.name}: registry number {number} (2300 REF*P4), {drug_mod} on "
                 f"{codes}, {admin_mod} on its administration")
    return EvidenceCoding(tuple(updated), diagnoses, registry, claim.holds + tuple(holds),
                          claim.reviews + tuple(reviews), claim.notes + tuple(notes))


def with_modifier(existing: Iterable[str], modifier: str, *, first: bool) -> tuple[str, ...]:
    """``existing`` with ``modifier`` added once, before or after the ones already there."""
    mods = tuple(existing)
    if modifier in mods:
        return mods
    return (modifier, *mods) if first else (*mods, modifier)


def _dotted(code: str) -> str:
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"
