"""The 837P's identity loops (payer-exchange.md §1 and §8 cases 3-9): each rendered file is
parsed by pyx12 against 005010X222A1 (valid, and each segment placed in its loop), then the
loops' segments and elements are asserted. Every name, address and id is synthetic."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from reimbursement.adapters.x12.read_837 import LoopSegment, loop_segments
from reimbursement.adapters.x12.render_837 import (
    ClaimToRender,
    PayerParty,
    RenderError,
    Submitter,
    render_837p,
)
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.claim import ClaimDraft, build_claim
from reimbursement.domain.parties import ClaimParties
from reimbursement.testing import (
    BILLING,
    CHILD,
    CLINIC_ADDRESS,
    LOCKBOX,
    ORDERING,
    PATIENT,
    SUPERVISING,
    coverage,
    give,
    make_ctx,
    make_visit,
    parties,
)

SUBMITTER = Submitter("Chairside Infusion Center", "CHAIRSIDE01", "Billing Office",
                      "6175550100")
PAYER = PayerParty("Medicare Part B", "MCRB1", "MB")
CREATED = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
PLACEHOLDERS = ("ON FILE", "RENDERING PROVIDER", "RENDERING*PROVIDER", "207RN0300X")


def cocktail() -> ClaimDraft:
    claim = build_claim(make_visit(
        give(1, "eptinezumab", "70001000101", "100", "mg", "infusion", 0, 35),
        give(2, "ketorolac", "70003000325", "30", "mg", "push", 40, 41)), make_ctx())
    assert claim.status == "ready"
    return claim


def render(who: ClaimParties, *claims: ClaimDraft) -> str:
    items = [ClaimToRender(c, f"A{i:03d}", who, PAYER)
             for i, c in enumerate(claims or (cocktail(),), start=1)]
    return render_837p(items, submitter=SUBMITTER, receiver_name="Clearinghouse",
                       receiver_id="CLEARHOUSE01", control_number=41, created_at=CREATED)


def parsed(text: str) -> list[LoopSegment]:
    """pyx12 finds no error, and says which loop each segment is in."""
    assert validate_x12(text) == []
    for placeholder in PLACEHOLDERS:
        assert placeholder not in text
    return loop_segments(text)


def loop(segments: list[LoopSegment], name: str) -> list[str]:
    return [s.text for s in segments if s.loop == name]


def test_billing_provider_loops_2000a_2010aa() -> None:
    segments = parsed(render(parties()))
    assert loop(segments, "2000A") == ["HL*1**20*1", "PRV*BI*PXC*261QI0500X"]
    assert loop(segments, "2010AA") == [
        "NM1*85*2*CHAIRSIDE INFUSION CENTER*****XX*1245319599",
        "N3*100 MAIN ST*SUITE 300",
        "N4*BOSTON*MA*021101234",  # ZIP+4
        "REF*EI*049990001"]
    assert loop(segments, "2010AB") == []  # no pay-to address recorded: no 2010AB


def test_case3_a_po_box_is_refused_as_billing_address_and_kept_as_pay_to() -> None:
    boxed = replace(BILLING, address=replace(CLINIC_ADDRESS, line1="PO BOX 12", line2=None))
    with pytest.raises(RenderError, match=r"lacks: billing_identity\.address\.line1"):
        render(parties(billing=boxed))
    segments = parsed(render(parties(billing=replace(BILLING, pay_to=LOCKBOX))))
    assert loop(segments, "2010AA")[1] == "N3*100 MAIN ST*SUITE 300"
    assert loop(segments, "2010AB") == ["NM1*87*2", "N3*PO BOX 4471", "N4*BOSTON*MA*022414471"]


def test_case4_the_patient_is_the_subscriber() -> None:
    segments = parsed(render(parties(cov=coverage(group="GRP-778"))))
    assert loop(segments, "2000B") == ["HL*2*1*22*0", "SBR*P*18*GRP-778******MB"]
    sbr = loop(segments, "2000B")[1].split("*")
    assert (sbr[1], sbr[2], sbr[9]) == ("P", "18", "MB")
    assert loop(segments, "2010BA") == [
        "NM1*IL*1*RIVERA*ANA*M***MI*1EG4TE5MK72", "N3*42 ELM ST*APT 2",
        "N4*QUINCY*MA*02169", "DMG*D8*19610514*F"]
    assert loop(segments, "2010BB") == ["NM1*PR*2*MEDICARE PART B*****PI*MCRB1"]
    assert loop(segments, "2000C") == [] and loop(segments, "2010CA") == []


@pytest.mark.parametrize(("relationship", "pat01"), [("child", "19"), ("spouse", "01"),
                                                     ("other", "G8")])
def test_case5_a_dependent_gets_2000c_with_their_own_address(relationship: str,
                                                             pat01: str) -> None:
    cov = coverage(relationship, subscriber=PATIENT)  # type: ignore[arg-type]
    segments = parsed(render(parties(patient=CHILD, cov=cov)))
    assert loop(segments, "2000B") == ["HL*2*1*22*1", "SBR*P********MB"]
    sbr = loop(segments, "2000B")[1].split("*")
    assert (sbr[1], sbr[2], sbr[9]) == ("P", "", "MB")  # SBR02 empty
    # the subscriber: name and member id only (address/DOB not required for a dependent)
    assert loop(segments, "2010BA") == ["NM1*IL*1*RIVERA*ANA*M***MI*1EG4TE5MK72"]
    assert loop(segments, "2000C") == ["HL*3*2*23*0", f"PAT*{pat01}"]
    assert loop(segments, "2010CA") == [
        "NM1*QC*1*RIVERA*SOFIA", "N3*7 HARBOR WAY", "N4*SALEM*MA*019701234",
        "DMG*D8*20120903*F"]
    paths = {s.path for s in segments if s.loop == "2300"}
    assert paths == {"2000A/2000B/2000C/2300"}  # the claim hangs under the patient


@pytest.mark.parametrize("patient", [
    replace(PATIENT, family_name="ON FILE", given_name="ON FILE"),
    replace(PATIENT, address=CLINIC_ADDRESS),
    replace(PATIENT, address=replace(CLINIC_ADDRESS, line1="100  main st.", line2=None,
                                     postal_code="02110")),
], ids=["on-file-name", "clinic-address", "clinic-address-spelled-differently"])
def test_case6_a_stand_in_patient_blocks_the_file(patient) -> None:
    with pytest.raises(RenderError, match=r"lacks: patient\.(name|address)"):
        render(parties(patient=patient))


def test_case7_rendering_is_the_supervising_practitioner_with_prv_pe() -> None:
    segments = parsed(render(parties()))
    assert loop(segments, "2310B") == ["NM1*82*1*CHEN*LAURA****XX*1234567893",
                                       "PRV*PE*PXC*2084N0402X"]
    solo = replace(BILLING, npi=SUPERVISING.npi)  # billed under the practitioner's own NPI
    assert loop(parsed(render(parties(billing=solo))), "2310B") == []


def test_case8_an_orderer_who_is_not_the_supervisor_is_on_every_line() -> None:
    claim = cocktail()
    segments = parsed(render(parties(ordering=ORDERING), claim))
    assert loop(segments, "2420E") == ["NM1*DK*1*OKAFOR*DAVID****XX*1620513378"] * len(
        claim.lines)
    assert loop(segments, "2310B")[0] == "NM1*82*1*CHEN*LAURA****XX*1234567893"
    assert loop(parsed(render(parties(ordering=None), claim)), "2420E") == []


def test_case9_a_taxonomy_not_on_the_billing_npi_blocks_the_file() -> None:
    nephrology = replace(BILLING, taxonomy="207RN0300X")  # NPPES lists only 261QI0500X
    with pytest.raises(RenderError, match=r"lacks: billing_identity\.taxonomy"):
        render(parties(billing=nephrology))


def test_claims_billed_under_two_taxonomies_get_a_2000a_each() -> None:
    both = replace(BILLING, npi_taxonomies=("261QI0500X", "193200000X"))
    items = [ClaimToRender(cocktail(), "A001", parties(billing=both), PAYER),
             ClaimToRender(cocktail(), "A002", parties(billing=both, taxonomy="193200000X"),
                           PAYER)]
    text = render_837p(items, submitter=SUBMITTER, receiver_name="Clearinghouse",
                       receiver_id="CLEARHOUSE01", control_number=42, created_at=CREATED)
    segments = parsed(text)
    assert loop(segments, "2000A") == ["HL*1**20*1", "PRV*BI*PXC*261QI0500X",
                                       "HL*3**20*1", "PRV*BI*PXC*193200000X"]
    assert [s for s in loop(segments, "2000B") if s.startswith("HL")] == [
        "HL*2*1*22*0", "HL*4*3*22*0"]


def test_a_drug_line_without_an_ndc_is_never_rendered() -> None:
    held = build_claim(make_visit(give(1, "ketorolac", None, "30", "mg", "push", 0, 1,
                                       hcpcs="J1885")), make_ctx())
    assert held.status == "held"
    with pytest.raises(RenderError, match="held"):
        render(parties(), held)
    with pytest.raises(RenderError, match="without an NDC"):
        render(parties(), replace(held, status="ready"))
