"""837P for neurology visits (issue 18): an ocrelizumab dose 1 visit with its premedication,
and an infliximab biosimilar visit with discarded drug, as the payer receives them."""

from __future__ import annotations

import pytest

from reimbursement.adapters.x12.read_837 import read_837p
from reimbursement.adapters.x12.render_837 import ClaimToRender, PayerParty, render_837p
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.claim import ClaimDraft, build_claim
from reimbursement.testing import MEDICARE, coverage, give, make_visit, parties
from reimbursement.testing_neuro import COMPLEX_PAYER, INFL_DYYB, OCR, neuro_ctx

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
