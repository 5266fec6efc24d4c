"""837P for neurology visits (issue 18): an ocrelizumab dose 1 visit with its premedication,
an infliximab biosimilar visit with discarded drug, and anti-amyloid visits billed to Medicare
under NCD 200.3 (REF*P4 registry number, Q0/Q1, Z00.6), as the payer receives them."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from reimbursement.adapters.fhir_claim import claim_resource
from reimbursement.adapters.x12.read_837 import loop_segments, read_837p
from reimbursement.adapters.x12.render_837 import (
    ClaimToRender,
    PayerParty,
    RenderError,
    render_837p,
)
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.claim import ClaimDraft, build_claim
from reimbursement.domain.fees import CodingPolicy, EvidenceSettings
from reimbursement.domain.visit import AuthorizationInfo
from reimbursement.testing import MEDICARE, coverage, give, make_visit, parties
from reimbursement.testing_neuro import COMPLEX_PAYER, DON, INFL_DYYB, LEC, OCR, neuro_ctx

from .test_coding_neuro import OCR_DOSE_1
from .test_x12_837 import CREATED, SUBMITTER, assert_round_trip

SUMMIT = PayerParty("Summit Health", "SUMMT1", "CI")
MEDICARE_PARTY = PayerParty("Medicare Part B", "MCRB1", "MB")


def render(claim: ClaimDraft, payer: PayerParty) -> str:
    who = parties(cov=coverage(payer_id=payer.payer_id, member_id="SH12345678"))
    return render_837p([ClaimToRender(claim, "CLM0001", who, payer)], submitter=SUBMITTER,
                       receiver_name="Clearinghouse", receiver_id="CLEARHOUSE01",
                       control_number=41, created_at=CREATED)


def segments(text: str) -> list[list[str]]:
    return [s.split("*") for s in text.replace("\n", "").split("~") if s]


def service_lines(text: str) -> list[list[str]]:
    """Each 2400 loop as [SV1 composite, unit qualifier, units, LIN NDC or '', CTP qty+unit]."""
    out: list[list[str]] = []
    for seg in segments(text):
        if seg[0] == "SV1":
            out.append([seg[1], seg[3], seg[4], "", ""])
        elif seg[0] == "LIN":
            assert seg[2] == "N4"  # the NDC qualifier
            out[-1][3] = seg[3]
        elif seg[0] == "CTP":
            out[-1][4] = f"{seg[4]} {seg[5]}"
    return out


@pytest.mark.parametrize(("contract", "payer", "admin"), [
    (COMPLEX_PAYER, SUMMIT, [["HC:96413", "UN", "1", "", ""], ["HC:96415", "UN", "2", "", ""],
                             ["HC:96375", "UN", "2", "", ""]]),
    (MEDICARE, MEDICARE_PARTY, [["HC:96365", "UN", "1", "", ""],
                                ["HC:96366", "UN", "2", "", ""],
                                ["HC:96375", "UN", "2", "", ""]]),
], ids=["complex-biologic-payer", "medicare"])
def test_ocrelizumab_dose_1_837p(contract, payer, admin) -> None:
    claim = build_claim(make_visit(*OCR_DOSE_1, diagnoses=("G35",), payer=payer.payer_id),
                        neuro_ctx(contract))
    assert claim.status == "ready", claim.reviews
    text = render(claim, payer)
    assert validate_x12(text) == []
    assert "HI*ABK:G35~" in text
    assert service_lines(text) == [
        *admin,
        ["HC:J2930:JZ", "UN", "1", "72011001101", "1.6 ML"],
        ["HC:J1200:JZ", "UN", "1", "70005000525", "1 ML"],
        # 300 mg of J2350 (1 mg units) from one 300 mg/10 mL vial, real NDC 50242-0150-01
        ["HC:J2350:JZ", "UN", "300", OCR, "10 ML"],
    ]
    assert "JW" not in text.replace("\n", "").split("SV1*HC:J2350")[1].split("~")[0]
    [read] = read_837p(text)
    assert_round_trip(claim, read)


def test_a_dose_with_discarded_drug_has_its_own_jw_line_in_the_837p() -> None:
    claim = build_claim(make_visit(
        give(1, "infliximab_dyyb", INFL_DYYB, "365", "mg", "infusion", 0, 120, wasted="35"),
        diagnoses=("K50.90",), payer="medicare-b"), neuro_ctx(MEDICARE))
    assert claim.status == "ready", claim.reviews
    text = render(claim, MEDICARE_PARTY)
    assert validate_x12(text) == []
    assert service_lines(text) == [
        ["HC:96365", "UN", "1", "", ""], ["HC:96366", "UN", "1", "", ""],
        ["HC:Q5103", "UN", "37", INFL_DYYB, "3.65 UN"],
        ["HC:Q5103:JW", "UN", "3", INFL_DYYB, "0.35 UN"],
    ]
    assert_round_trip(claim, read_837p(text)[0])


# --------------------------------------------------------------------------- NCD 200.3
def _ced_claim(diagnoses: tuple[str, ...] = ("G30.1",), contract=MEDICARE) -> ClaimDraft:
    lecanemab = give(1, "lecanemab", LEC, "1000", "mg", "infusion", 0, 60)
    return build_claim(make_visit(lecanemab, diagnoses=diagnoses, payer=contract.payer_id),
                       neuro_ctx(contract), AuthorizationInfo("PA-LEC-1"))


def _refs_before_hi(text: str) -> list[str]:
    """The 2300 REF segments in order, up to HI."""
    out: list[str] = []
    found = segments(text)
    clm = next(i for i, seg in enumerate(found) if seg[0] == "CLM")
    for seg in found[clm:]:
        if seg[0] == "HI":
            return out
        if seg[0] == "REF":
            out.append("*".join(seg))
    raise AssertionError("no HI")


def test_lecanemab_to_medicare_carries_the_registry_coding_in_a_valid_837p() -> None:
    claim = _ced_claim()
    assert claim.status == "ready", (claim.reviews, claim.holds)
    text = render(claim, MEDICARE_PARTY)
    assert validate_x12(text) == []
    assert _refs_before_hi(text) == ["REF*G1*PA-LEC-1", "REF*P4*99999999"]
    assert "HI*ABK:G301*ABF:Z006~" in text
    assert service_lines(text) == [
        ["HC:96365:Q1", "UN", "1", "", ""],
        ["HC:J0174:Q0:JZ", "UN", "1000", LEC, "10 ML"],
    ]
    assert [s[7] for s in segments(text) if s[0] == "SV1"] == ["1:2", "1:2"]
    # pyx12 puts REF*P4 in loop 2300, and the reader reads it back
    [p4] = [s for s in loop_segments(text) if s.text.startswith("REF*P4")]
    assert p4.loop == "2300"
    [read] = read_837p(text)
    assert read.registry_number == "99999999"
    assert_round_trip(claim, read)


def test_a_replacement_sends_g1_f8_then_p4_in_the_tr3_order() -> None:
    claim = _ced_claim()
    who = parties(cov=coverage(payer_id="medicare-b", member_id="1EG4TE5MK72"))
    text = render_837p([ClaimToRender(claim, "CLM0001R2", who, MEDICARE_PARTY, frequency="7",
                                      original_icn="ICN12345")],
                       submitter=SUBMITTER, receiver_name="Clearinghouse",
                       receiver_id="CLEARHOUSE01", control_number=42, created_at=CREATED)
    assert validate_x12(text) == []
    assert _refs_before_hi(text) == ["REF*G1*PA-LEC-1", "REF*F8*ICN12345",
                                     "REF*P4*99999999"]


def test_a_dedicated_nct_number_and_donanemab() -> None:
    contract = replace(MEDICARE, policy=CodingPolicy(
        evidence_development=EvidenceSettings(registry_number="04567890")))
    claim = build_claim(make_visit(give(1, "donanemab", DON, "700", "mg", "infusion", 0, 30),
                                   diagnoses=("G31.84",)), neuro_ctx(contract))
    text = render(claim, MEDICARE_PARTY)
    assert validate_x12(text) == []
    assert "REF*P4*04567890~" in text and "99999999" not in text
    assert service_lines(text)[1][0] == "HC:J0175:Q0:JZ"
    assert read_837p(text)[0].registry_number == "04567890"


def test_a_commercial_claim_for_lecanemab_has_no_registry_coding() -> None:
    claim = _ced_claim(contract=COMPLEX_PAYER)
    text = render(claim, SUMMIT)
    assert validate_x12(text) == []
    assert "REF*P4" not in text and "Z006" not in text and ":Q0" not in text
    assert read_837p(text)[0].registry_number is None


def test_a_held_registry_claim_is_never_rendered() -> None:
    claim = _ced_claim(diagnoses=("G35",))
    assert claim.status == "held"
    with pytest.raises(RenderError, match="held"):
        render(claim, MEDICARE_PARTY)


def test_the_fhir_claim_carries_the_registry_number() -> None:
    resource = claim_resource(_ced_claim(), claim_id=uuid.uuid4(), created=CREATED)
    [info] = resource.supportingInfo
    assert info.valueString == "99999999" and info.category.coding[0].code == "info"
    assert [m.coding[0].code for m in resource.item[1].modifier] == ["Q0", "JZ"]
    assert claim_resource(_ced_claim(contract=COMPLEX_PAYER), claim_id=uuid.uuid4(),
                          created=CREATED).supportingInfo is None
