"""NCD 200.3 coverage with evidence development on the claim (issue 18, billing): lecanemab
(J0174) and donanemab (J0175) billed to Medicare carry the registry number (2300 REF*P4), Q0 on
the drug lines, Q1 on their administration, Z00.6 with a qualifying AD/MCI diagnosis; a claim
without one is held. Other payers and other drugs are left as built. Lines are written as in
``test_coding_table``: ``CODE[-MOD]xUNITS [NDC QTYUNIT]``; minutes are after 10:00."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reimbursement.adapters.data_files import evidence_rules, read_text
from reimbursement.domain.claim import build_claim
from reimbursement.domain.evidence_development import (
    HOLD_ITEM,
    EvidenceRule,
    apply_evidence_rules,
    rules_from_doc,
    with_modifier,
)
from reimbursement.domain.fees import CodingPolicy, EvidenceSettings, PayerContract, PayerKind
from reimbursement.domain.visit import Given
from reimbursement.testing import MEDICARE, give, make_visit
from reimbursement.testing_neuro import COMPLEX_PAYER, DON, LEC, OCR, neuro_ctx

from .test_coding_table import fmt

EPTI, DPH = "70001000101", "70005000525"  # eptinezumab, diphenhydramine (testing.PRODUCTS)
MA = replace(MEDICARE, payer_id="sunrise-ma", name="Sunrise MA",
             kind=PayerKind.MEDICARE_ADVANTAGE, claim_filing="16")


def with_ced(contract: PayerContract, **settings: object) -> PayerContract:
    return replace(contract, policy=replace(
        contract.policy, evidence_development=EvidenceSettings(**settings)))  # type: ignore[arg-type]


LEC_1000 = give(1, "lecanemab", LEC, "1000", "mg", "infusion", 0, 60)  # 10 mg/kg x 100 kg
DON_700 = give(1, "donanemab", DON, "700", "mg", "infusion", 0, 30)
NO_CED = None  # the claim carries no registry number


@dataclass
class Case:
    id: str
    given: list[Given]
    diagnoses: tuple[str, ...]
    lines: list[str]
    registry: str | None
    claim_dx: tuple[str, ...]
    contract: PayerContract = MEDICARE
    status: str = "ready"
    holds: list[str] = field(default_factory=list)
    ced_pointers: tuple[int, ...] | None = None  # of every Q0/Q1 line


CASES = [
    Case("medicare-lecanemab-g30.1", [LEC_1000], ("G30.1",),
         ["96365-Q1x1", f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "99999999", ("G301", "Z006"),
         ced_pointers=(1, 2)),
    Case("medicare-lecanemab-waste-jw-line-also-q0",
         [give(1, "lecanemab", LEC, "730", "mg", "infusion", 0, 60, wasted="270")], ("G30.1",),
         ["96365-Q1x1", f"J0174-Q0x730 {LEC} 7.300ML", f"J0174-Q0-JWx270 {LEC} 2.700ML"],
         "99999999", ("G301", "Z006")),
    Case("medicare-donanemab-g30.9", [DON_700], ("G30.9",),
         ["96365-Q1x1", f"J0175-Q0-JZx350 {DON} 40.000ML"], "99999999", ("G309", "Z006")),
    Case("medicare-donanemab-mci-g31.84", [DON_700], ("G31.84",),
         ["96365-Q1x1", f"J0175-Q0-JZx350 {DON} 40.000ML"], "99999999", ("G3184", "Z006")),
    Case("commercial-payer-none-of-it", [LEC_1000], ("G30.1",),
         ["96365x1", f"J0174-JZx1000 {LEC} 10.000ML"], NO_CED, ("G301",),
         contract=COMPLEX_PAYER),
    Case("medicare-eptinezumab-none-of-it",
         [give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35)], ("G43.709",),
         ["96365x1", f"J3032-JZx100 {EPTI} 1.000ML"], NO_CED, ("G43709",)),
    Case("medicare-lecanemab-no-ad-diagnosis-held", [LEC_1000], ("G35",),
         ["96365-Q1x1", f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "99999999", ("G35", "Z006"),
         status="held", holds=[HOLD_ITEM], ced_pointers=(2, 1)),
    Case("medicare-only-z00.6-is-still-held", [LEC_1000], ("Z00.6",),
         ["96365-Q1x1", f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "99999999", ("Z006",),
         status="held", holds=[HOLD_ITEM]),
    Case("dedicated-nct-number", [LEC_1000], ("G30.1",),
         ["96365-Q1x1", f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "04567890", ("G301", "Z006"),
         contract=with_ced(MEDICARE, registry_number="04567890")),
    Case("z00.6-already-there-not-duplicated", [LEC_1000], ("Z00.6", "G30.1"),
         ["96365-Q1x1", f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "99999999", ("Z006", "G301"),
         ced_pointers=(2, 1)),
    Case("qualifying-dx-fourth-z00.6-fifth-pointed-first",
         [LEC_1000], ("I10", "E11.9", "E78.5", "G30.1"),
         ["96365-Q1x1", f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "99999999",
         ("I10", "E119", "E785", "G301", "Z006"), ced_pointers=(4, 5, 1, 2)),
    Case("premedication-push-keeps-its-own-coding",
         [give(1, "diphenhydramine", DPH, "50", "mg", "push", 0, 2),
          give(2, "lecanemab", LEC, "1000", "mg", "infusion", 5, 65)], ("G30.1",),
         ["96365-Q1x1", "96375x1", f"J1200-JZx1 {DPH} 1.000ML",
          f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "99999999", ("G301", "Z006")),
    Case("medicare-advantage-default-none", [LEC_1000], ("G30.1",),
         ["96365x1", f"J0174-JZx1000 {LEC} 10.000ML"], NO_CED, ("G301",), contract=MA),
    Case("medicare-advantage-opted-in", [LEC_1000], ("G30.1",),
         ["96365-Q1x1", f"J0174-Q0-JZx1000 {LEC} 10.000ML"], "99999999", ("G301", "Z006"),
         contract=with_ced(MA, applies=True)),
    Case("medicare-switched-off", [LEC_1000], ("G30.1",),
         ["96365x1", f"J0174-JZx1000 {LEC} 10.000ML"], NO_CED, ("G301",),
         contract=with_ced(MEDICARE, applies=False)),
    Case("payer-wants-q1-on-every-line", [LEC_1000], ("G30.1",),
         ["96365-Q1x1", f"J0174-Q1-JZx1000 {LEC} 10.000ML"], "99999999", ("G301", "Z006"),
         contract=with_ced(MEDICARE, drug_modifier="Q1")),
    Case("payer-without-jw-jz-q0-alone", [LEC_1000], ("G30.1",),
         ["96365-Q1x1", f"J0174-Q0x1000 {LEC} 10.000ML"], "99999999", ("G301", "Z006"),
         contract=replace(MEDICARE, policy=CodingPolicy(jw_jz=False))),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_evidence_development_table(case: Case) -> None:
    claim = build_claim(make_visit(*case.given, diagnoses=case.diagnoses),
                        neuro_ctx(case.contract))
    assert [fmt(line) for line in claim.lines] == case.lines
    assert claim.registry_number == case.registry
    assert claim.diagnoses == case.claim_dx
    assert (claim.status, [h.item for h in claim.holds]) == (case.status, case.holds), (
        claim.reviews)
    marked = [ln for ln in claim.lines if {"Q0", "Q1"} & set(ln.modifiers)]
    if case.ced_pointers is not None:
        assert {ln.dx_pointers for ln in marked} == {case.ced_pointers}
    if case.registry is None:  # exactly the claim the builder makes without the rules
        plain = build_claim(make_visit(*case.given, diagnoses=case.diagnoses),
                            replace(neuro_ctx(case.contract), evidence_rules=()))
        assert claim == plain
    else:
        assert any(f"registry number {case.registry} (2300 REF*P4)" in n for n in claim.notes)


def test_the_hold_says_what_is_missing() -> None:
    claim = build_claim(make_visit(LEC_1000, diagnoses=("G35",)), neuro_ctx(MEDICARE))
    [hold] = claim.holds
    assert hold.item == HOLD_ITEM and hold.line is None
    assert "J0174" in hold.detail and "Medicare Part B" in hold.detail
    assert "G30.0, G30.1, G30.8, G30.9, G31.84" in hold.detail
    assert "MCI due to Alzheimer's disease or mild Alzheimer's dementia" in hold.detail


def test_only_the_anti_amyloid_administration_line_carries_q1() -> None:
    # ocrelizumab (standard payer) then lecanemab: the initial 96365 is ocrelizumab's, the
    # sequential 96367 lecanemab's alone
    claim = build_claim(make_visit(
        give(1, "ocrelizumab", OCR, "300", "mg", "infusion", 0, 60),
        give(2, "lecanemab", LEC, "1000", "mg", "infusion", 60, 120),
        diagnoses=("G30.1", "G35")), neuro_ctx(MEDICARE))
    assert [fmt(ln) for ln in claim.lines][:2] == ["96365x1", "96367-Q1x1"]
    assert not any("also covers" in n for n in claim.notes)


def test_an_administration_line_shared_with_another_drug_carries_q1_and_says_so() -> None:
    # eptinezumab first, then lecanemab and ocrelizumab as sequential infusions: one 96367
    # line of 2 units covers both, so it carries Q1 and the claim notes why
    claim = build_claim(make_visit(
        give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
        give(2, "lecanemab", LEC, "1000", "mg", "infusion", 35, 95),
        give(3, "ocrelizumab", OCR, "300", "mg", "infusion", 95, 155),
        diagnoses=("G30.1", "G35", "G43.709")), neuro_ctx(MEDICARE))
    assert [fmt(ln) for ln in claim.lines][:2] == ["96365x1", "96367-Q1x2"]
    assert any("96367 also covers administrations of other drugs" in n for n in claim.notes)


def test_too_many_modifiers_is_a_review_not_a_fifth_modifier() -> None:
    rule = evidence_rules()[0]
    line = build_claim(make_visit(LEC_1000, diagnoses=("G30.1",)),
                       replace(neuro_ctx(MEDICARE), evidence_rules=())).lines[1]
    full = replace(line, modifiers=("JZ", "XS", "59", "76"))
    out = apply_evidence_rules([rule], MEDICARE, ("G301",), [full])
    assert out.lines[0].modifiers == ("JZ", "XS", "59", "76")
    assert [r.code for r in out.reviews] == ["too_many_modifiers"]


@pytest.mark.parametrize(("existing", "first", "expected"), [
    ((), True, ("Q0",)), (("JZ",), True, ("Q0", "JZ")), (("JW",), True, ("Q0", "JW")),
    (("JZ",), False, ("JZ", "Q0")), (("Q0", "JZ"), True, ("Q0", "JZ")),
])
def test_with_modifier(existing, first, expected) -> None:
    assert with_modifier(existing, "Q0", first=first) == expected


def test_the_shipped_rule_says_what_the_sources_say() -> None:
    [rule] = evidence_rules()
    assert rule.id == "ncd-200.3" and rule.hcpcs == {"J0174", "J0175"}
    assert rule.payer_kinds == {PayerKind.MEDICARE}
    assert (rule.registry_number, rule.drug_modifier, rule.admin_modifier) == (
        "99999999", "Q0", "Q1")
    assert rule.study_diagnosis == "Z006"
    assert rule.qualifying == ("G300", "G301", "G308", "G309", "G3184")
    text = " ".join(rule.sources)
    for url in ("palmettogba.com", "novitas-solutions.com", "med.noridianmedicare.com"):
        assert url in text
    doc = read_text("evidence_development.json")
    assert "unverified" in doc and "Q0 or Q1" in doc and "ngsmedicare.com" in doc


@pytest.mark.parametrize(("change", "message"), [
    ({"registry_number": "9999999"}, "eight digits"),
    ({"registry_number": "NCT99999999"}, "eight digits"),
    ({"drug_modifier": "Q"}, "two characters"),
    ({"qualifying_diagnoses": ["G30.1", "not-icd"]}, "not an ICD-10-CM code"),
    ({"sources": []}, "sources are required"),
    ({"payer_kinds": ["medicare_part_z"]}, "medicare_part_z"),
])
def test_a_bad_rule_file_fails_at_load(change, message) -> None:
    import json
    doc = json.loads(read_text("evidence_development.json"))
    doc["rules"][0] |= change
    with pytest.raises(ValueError, match=message):
        rules_from_doc(doc)


# --------------------------------------------------------------------------- properties
DRUGS = {
    "lecanemab": (LEC, "infusion", ("500", "730", "1000")),
    "donanemab": (DON, "infusion", ("350", "700", "1400")),
    "eptinezumab": (EPTI, "infusion", ("100", "300")),
    "diphenhydramine": (DPH, "push", ("25", "50")),
    "ocrelizumab": (OCR, "infusion", ("300",)),
}
DX_POOL = ("G30.1", "G30.9", "G31.84", "Z00.6", "G35", "G43.709", "I10", "E11.9", "E78.5",
           "F03.90", "R41.81", "M05.79", "K50.90")
CONTRACTS = (MEDICARE, COMPLEX_PAYER, MA, with_ced(MA, applies=True),
             with_ced(MEDICARE, registry_number="12345678"),
             replace(MEDICARE, policy=CodingPolicy(jw_jz=False)))


@st.composite
def visits(draw: st.DrawFn) -> tuple[list[Given], tuple[str, ...]]:
    names = draw(st.lists(st.sampled_from(sorted(DRUGS)), min_size=1, max_size=4, unique=True))
    given, start = [], 0
    for seq, name in enumerate(names, start=1):
        ndc, mode, doses = DRUGS[name]
        minutes = 2 if mode == "push" else draw(st.integers(16, 130))
        dose = draw(st.sampled_from(doses))
        wasted = draw(st.sampled_from(("0", "0", "50")))
        given.append(give(seq, name, ndc, dose, "mg", mode, start, start + minutes,  # type: ignore[arg-type]
                          wasted=wasted))
        start += minutes + draw(st.integers(0, 20))
    dx = tuple(draw(st.lists(st.sampled_from(DX_POOL), min_size=1, max_size=13, unique=True)))
    return given, dx


def ced_applies(rule: EvidenceRule, contract: PayerContract) -> bool:
    chosen = contract.policy.evidence_development.applies
    return contract.kind in rule.payer_kinds if chosen is None else chosen


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(visit=visits(), contract=st.sampled_from(CONTRACTS))
def test_registry_coding_properties(visit, contract) -> None:
    given_, dx = visit
    [rule] = evidence_rules()
    claim = build_claim(make_visit(*given_, diagnoses=dx), neuro_ctx(contract))
    plain = build_claim(make_visit(*given_, diagnoses=dx),
                        replace(neuro_ctx(contract), evidence_rules=()))
    # SV101 carries four modifiers; HI never names a code twice
    assert all(len(ln.modifiers) <= 4 for ln in claim.lines)
    assert len(set(claim.diagnoses)) == len(claim.diagnoses)
    assert claim.diagnoses.count("Z006") <= 1
    for ln in claim.lines:  # pointers name diagnoses on the claim, four at most, once each
        assert 1 <= len(ln.dx_pointers) <= 4
        assert len(set(ln.dx_pointers)) == len(ln.dx_pointers)
        assert all(1 <= p <= max(len(claim.diagnoses), 1) for p in ln.dx_pointers)
    ced_drug = any(ln.code in rule.hcpcs for ln in plain.lines if ln.kind == "drug")
    if not (ced_drug and ced_applies(rule, contract)):
        assert claim == plain  # other drugs, other payers: exactly as built
        return
    assert claim.registry_number == (
        contract.policy.evidence_development.registry_number or "99999999")
    assert "Z006" in claim.diagnoses or len(plain.diagnoses) == 12
    # same lines, codes, units and money; only modifiers and pointers may differ
    assert [(ln.code, ln.units, ln.charge, ln.allowed, ln.ndc) for ln in claim.lines] == [
        (ln.code, ln.units, ln.charge, ln.allowed, ln.ndc) for ln in plain.lines]
    assert claim.total_charge == plain.total_charge and claim.payment == plain.payment
    for before, after in zip(plain.lines, claim.lines, strict=True):
        extra = [m for m in after.modifiers if m not in before.modifiers]
        if after.kind == "drug" and after.code in rule.hcpcs:
            assert after.modifiers[0] == "Q0" and extra == ["Q0"]
        else:
            assert extra in ([], ["Q1"])  # an administration of the drug, or untouched
        assert [m for m in after.modifiers if m in before.modifiers] == list(before.modifiers)
    qualifying = set(rule.qualifying) & set(claim.diagnoses)
    if not claim.reviews:  # a review outranks a hold
        assert (claim.status == "held") == (not qualifying or bool(plain.holds))
    if not qualifying:
        assert HOLD_ITEM in [h.item for h in claim.holds]
