"""837P rendering: every coded claim is valid 005010X222A1 (pyx12) and reads back unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from reimbursement.adapters.x12.read_837 import read_837p
from reimbursement.adapters.x12.render_837 import (
    ClaimToRender,
    PayerParty,
    RenderError,
    Submitter,
    render_837p,
)
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.claim import ClaimDraft, build_claim
from reimbursement.domain.fees import CodingPolicy
from reimbursement.domain.parties import ClaimParties
from reimbursement.domain.visit import AuthorizationInfo
from reimbursement.testing import (
    MEDICARE,
    PATIENT,
    SUPERVISING,
    give,
    make_ctx,
    make_visit,
    parties,
)

from .test_coding_table import CASES

SUBMITTER = Submitter("Chairside Infusion", "CHAIRSIDE01", "Billing Office", "(617) 555-0100")
PAYER = PayerParty("Medicare Part B", "MCRB1", "MB")
PARTIES = parties()
CREATED = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)


def render(*claims: ClaimDraft, control: int = 17, who: ClaimParties = PARTIES) -> str:
    items = [ClaimToRender(c, f"CLM{i:04d}", who, PAYER) for i, c in enumerate(claims, start=1)]
    return render_837p(items, submitter=SUBMITTER, receiver_name="Clearinghouse",
                       receiver_id="CLEARHOUSE01", control_number=control, created_at=CREATED)


def assert_round_trip(claim: ClaimDraft, read) -> None:
    assert read.total_charge == claim.total_charge
    assert read.place_of_service == "11" and read.frequency == "1"
    assert read.diagnoses == claim.diagnoses
    assert read.rendering_npi == SUPERVISING.npi  # incident-to: the supervising practitioner
    assert read.auth_number == claim.auth_number
    assert [(r.code, r.modifiers, r.units, r.charge, r.pointers, r.ndc, r.ndc_qty, r.ndc_unit)
            for r in read.lines] == [
        (c.code, c.modifiers, D(c.units), c.charge, c.dx_pointers, c.ndc, c.ndc_qty, c.ndc_unit)
        for c in claim.lines]
    assert {r.service_date for r in read.lines} == {claim.service_date.strftime("%Y%m%d")}


READY = [c for c in CASES if c.status == "ready"]


@pytest.fixture(scope="module")
def ready_batch() -> tuple[list[ClaimDraft], str, list]:
    """Every ready coding case as one interchange: pyx12 loads its maps once, not 30 times."""
    claims = [build_claim(make_visit(*c.given), make_ctx(c.contract)) for c in READY]
    text = render(*claims)
    return claims, text, read_837p(text)


def test_all_ready_coding_cases_render_one_valid_837p(ready_batch) -> None:
    claims, text, read = ready_batch
    assert validate_x12(text) == []
    assert len(read) == len(claims) == len(READY)
    assert {(r.member_id, r.payer_id) for r in read} == {("1EG4TE5MK72", "MCRB1")}


@pytest.mark.parametrize("index", range(len(READY)), ids=[c.id for c in READY])
def test_every_ready_coding_case_reads_back_unchanged(ready_batch, index: int) -> None:
    claims, _, read = ready_batch
    assert read[index].account_number == f"CLM{index + 1:04d}"
    assert_round_trip(claims[index], read[index])


def test_prior_auth_number_goes_in_ref_g1() -> None:
    claim = build_claim(make_visit(give(1, "eptinezumab", "70001000101", "100", "mg",
                                        "infusion", 0, 35)),
                        make_ctx(), AuthorizationInfo("PA-778899", {"J3032": 300}))
    text = render(claim)
    assert "REF*G1*PA-778899~" in text
    assert validate_x12(text) == []
    assert read_837p(text)[0].auth_number == "PA-778899"


def test_batch_of_claims_in_one_interchange() -> None:
    one = build_claim(make_visit(give(1, "ketorolac", "70003000325", "30", "mg", "push", 0, 1)),
                      make_ctx())
    two = build_claim(make_visit(give(1, "eptinezumab", "70001000101", "300", "mg", "infusion",
                                      0, 40)), make_ctx())
    text = render(one, two, control=123456789)
    assert validate_x12(text) == []
    read = read_837p(text)
    assert [r.account_number for r in read] == ["CLM0001", "CLM0002"]
    assert_round_trip(one, read[0])
    assert_round_trip(two, read[1])
    assert text.count("HL*") == 3  # one billing provider, two subscribers


def test_unclassified_code_carries_the_drug_description() -> None:
    contract = replace(MEDICARE, policy=CodingPolicy(unclassified_needs_review=False))
    claim = build_claim(make_visit(give(1, "valproate", "70009000910", "1000", "mg", "infusion",
                                        0, 20)), make_ctx(contract))
    assert claim.status == "ready"
    text = render(claim)
    assert "SV1*HC:J3490:::::VALPROATE SODIUM 500 MG/5 ML SDV 1000 MG*" in text
    assert validate_x12(text) == []
    assert read_837p(text)[0].lines[1].description == "VALPROATE SODIUM 500 MG/5 ML SDV 1000 MG"


def test_claims_needing_review_are_not_rendered() -> None:
    claim = build_claim(make_visit(give(1, "x", "99999-0001-01", "1", "mg", "push", 0, 1)),
                        make_ctx())
    with pytest.raises(RenderError, match="needs_review"):
        render(claim)
    with pytest.raises(RenderError):
        render()


def test_delimiters_in_free_text_cannot_break_the_file() -> None:
    claim = build_claim(make_visit(give(1, "ketorolac", "70003000325", "30", "mg", "push", 0, 1)),
                        make_ctx())
    tricky = replace(PATIENT, family_name="O*Brien~Smith:Jr^")
    text = render_837p(
        [ClaimToRender(claim, "A*1~", parties(patient=tricky), PAYER)],
        submitter=SUBMITTER,
        receiver_name="X",
        receiver_id="RECV01",
        control_number=5,
        created_at=CREATED,
    )
    assert "NM1*IL*1*O BRIEN SMITH JR*ANA*M***MI*1EG4TE5MK72~" in text
    assert validate_x12(text) == []


def test_validator_catches_a_broken_file() -> None:
    claim = build_claim(make_visit(give(1, "ketorolac", "70003000325", "30", "mg", "push", 0, 1)),
                        make_ctx())
    text = render(claim)
    wrong_count = text.replace("\nSE*", "\nSE*9", 1)
    assert any("SE count" in e for e in validate_x12(wrong_count))
    bad_unit = text.replace("*ML~", "*XX~")
    assert any("CTP05-01" in e for e in validate_x12(bad_unit))


def test_replacement_carries_frequency_7_ref_f8_and_every_line() -> None:  # case 15
    claim = build_claim(make_visit(*READY[0].given), make_ctx(READY[0].contract))
    text = render_837p([ClaimToRender(claim, "CLM0001-2", PARTIES, PAYER, frequency="7",
                                      original_icn="99X")],
                       submitter=SUBMITTER, receiver_name="Clearinghouse",
                       receiver_id="CLEARHOUSE01", control_number=18, created_at=CREATED)
    assert validate_x12(text) == []
    segs = [s.split("*") for s in text.replace("\n", "").split("~") if s]
    [clm] = [s for s in segs if s[0] == "CLM"]
    assert (clm[1], clm[5]) == ("CLM0001-2", "11:B:7")
    assert [s for s in segs if s[0] == "REF" and s[1] == "F8"] == [["REF", "F8", "99X"]]
    assert len([s for s in segs if s[0] == "LX"]) == len(claim.lines) > 0


def test_a_void_without_the_payer_claim_number_is_not_rendered() -> None:  # case 16
    claim = build_claim(make_visit(*READY[0].given), make_ctx(READY[0].contract))
    with pytest.raises(RenderError, match="REF\\*F8"):
        render_837p([ClaimToRender(claim, "CLM0001-2", PARTIES, PAYER, frequency="8")],
                    submitter=SUBMITTER, receiver_name="Clearinghouse",
                    receiver_id="CLEARHOUSE01", control_number=18, created_at=CREATED)
