"""The coding table, neurology infusion drugs (issue 18 point 4): every new drug's units, waste
(JW) and no-waste (JZ) lines, and the administration codes with and without a payer that
wants complex biologic administration (96413 / +96415). Lines are written as in
``test_coding_table``: ``CODE[-MOD]xUNITS [NDC QTYUNIT]``; minutes are after 10:00.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import partial

import pytest

from reimbursement.adapters.data_files import hcpcs_descriptors
from reimbursement.domain.claim import build_claim
from reimbursement.domain.fees import PayerContract
from reimbursement.domain.hcpcs import Rounding
from reimbursement.domain.visit import Given
from reimbursement.testing import MEDICARE, give, make_visit
from reimbursement.testing_neuro import (
    COMPLEX_PAYER,
    DON,
    GAMU,
    INFL_DYYB,
    LEC,
    MEDICARE_NO_JW,
    MP,
    NAT,
    NEURO_DESCRIPTORS,
    OCR,
    PRIV,
    RITUX,
    TRUX,
    UBL,
    neuro_ctx,
)

from .test_coding_table import NEAREST, fmt

DPH = "70005000525"  # diphenhydramine 50 mg/mL SDV (testing.PRODUCTS)
G35 = ("G35",)
hyd = partial(give, purpose="hydration", indication="E86.0")


@dataclass
class Case:
    id: str
    given: list[Given]
    lines: list[str]
    contract: PayerContract = MEDICARE
    status: str = "ready"
    reviews: list[str] = field(default_factory=list)
    note: str | None = None
    diagnoses: tuple[str, ...] = ("G35",)


# ocrelizumab dose 1: 300 mg, titrated 30 -> 180 mL/h over 250 mL (orders catalog): 158 min,
# after methylprednisolone 100 mg over 15 min (a push by time) and diphenhydramine 50 mg IVP
OCR_DOSE_1 = [
    give(1, "methylprednisolone", MP, "100", "mg", "infusion", 0, 15),
    give(2, "diphenhydramine", DPH, "50", "mg", "push", 16, 18),
    give(3, "ocrelizumab", OCR, "300", "mg", "infusion", 30, 188),
]
OCR_DOSE_1_DRUGS = [f"J2930-JZx1 {MP} 1.600ML", f"J1200-JZx1 {DPH} 1.000ML",
                    f"J2350-JZx300 {OCR} 10.000ML"]

CASES = [
    # --- ocrelizumab
    Case("ocrelizumab-dose-1-standard", OCR_DOSE_1,
         ["96365x1", "96366x2", "96375x2", *OCR_DOSE_1_DRUGS], note="coded as a push"),
    Case("ocrelizumab-dose-1-complex-payer", OCR_DOSE_1,
         ["96413x1", "96415x2", "96375x2", *OCR_DOSE_1_DRUGS], contract=COMPLEX_PAYER),
    Case("ocrelizumab-600-maintenance-210-min",
         [give(1, "ocrelizumab", OCR, "600", "mg", "infusion", 0, 210)],
         ["96413x1", "96415x2", f"J2350-JZx600 {OCR} 20.000ML"], contract=COMPLEX_PAYER),
    Case("ocrelizumab-211-min-third-hour",
         [give(1, "ocrelizumab", OCR, "600", "mg", "infusion", 0, 211)],
         ["96413x1", "96415x3", f"J2350-JZx600 {OCR} 20.000ML"], contract=COMPLEX_PAYER),
    Case("ocrelizumab-premed-infusion-is-sequential-after-complex",
         [give(1, "methylprednisolone", MP, "125", "mg", "infusion", 0, 30),
          give(2, "ocrelizumab", OCR, "600", "mg", "infusion", 30, 150)],
         ["96413x1", "96415x1", "96367x1", f"J2930-JZx1 {MP} 2.000ML",
          f"J2350-JZx600 {OCR} 20.000ML"], contract=COMPLEX_PAYER),
    Case("ocrelizumab-premed-infusion-initial-when-standard",
         [give(1, "methylprednisolone", MP, "125", "mg", "infusion", 0, 30),
          give(2, "ocrelizumab", OCR, "600", "mg", "infusion", 30, 150)],
         ["96365x1", "96367x1", "96366x1", f"J2930-JZx1 {MP} 2.000ML",
          f"J2350-JZx600 {OCR} 20.000ML"]),
    # --- natalizumab (complex for this test payer by its drug code, not its HCPCS)
    Case("natalizumab-300-one-hour",
         [give(1, "natalizumab", NAT, "300", "mg", "infusion", 0, 60)],
         ["96365x1", f"J2323-JZx300 {NAT} 15.000ML"]),
    Case("natalizumab-by-drug-code-complex",
         [give(1, "natalizumab", NAT, "300", "mg", "infusion", 0, 60)],
         ["96413x1", f"J2323-JZx300 {NAT} 15.000ML"], contract=COMPLEX_PAYER),
    # --- ublituximab: day 1 150 mg over 4 h, then 450 mg over 1 h (three vials)
    Case("ublituximab-dose-1-four-hours",
         [give(1, "ublituximab", UBL, "150", "mg", "infusion", 0, 240)],
         ["96413x1", "96415x3", f"J2329-JZx150 {UBL} 6.000ML"], contract=COMPLEX_PAYER),
    Case("ublituximab-450-one-hour-standard",
         [give(1, "ublituximab", UBL, "450", "mg", "infusion", 0, 60)],
         ["96365x1", f"J2329-JZx450 {UBL} 18.000ML"]),
    # --- IVIG: dose in grams, billed per 500 mg
    Case("privigen-35-g-documented-waste",
         [give(1, "ivig_privigen", PRIV, "35", "g", "infusion", 0, 180, wasted="5")],
         ["96365x1", "96366x2", f"J1459x70 {PRIV} 350.000ML", f"J1459-JWx10 {PRIV} 50.000ML"]),
    Case("privigen-40-g-no-waste",
         [give(1, "ivig_privigen", PRIV, "40", "g", "infusion", 0, 200)],
         ["96365x1", "96366x2", f"J1459-JZx80 {PRIV} 400.000ML"]),
    Case("gamunex-partial-unit-rounds-up",
         [give(1, "ivig_gamunex_c", GAMU, "27.2", "g", "infusion", 0, 150, wasted="2.8")],
         ["96365x1", "96366x1", f"J1561x55 {GAMU} 272.000ML", f"J1561-JWx5 {GAMU} 28.000ML"]),
    Case("gamunex-nearest-rounding-payer",
         [give(1, "ivig_gamunex_c", GAMU, "27.2", "g", "infusion", 0, 150, wasted="2.8")],
         ["96365x1", "96366x1", f"J1561x54 {GAMU} 272.000ML", f"J1561-JWx5 {GAMU} 28.000ML"],
         contract=NEAREST),
    Case("ivig-undocumented-waste-is-a-review",
         [give(1, "ivig_privigen", PRIV, "35", "g", "infusion", 0, 180)],
         ["96365x1", "96366x2", f"J1459-JZx70 {PRIV} 350.000ML"], status="needs_review",
         reviews=["undocumented_waste"]),
    # --- infliximab biosimilar (Inflectra): 5 mg/kg x 73 kg = 365 mg from four 100 mg vials
    Case("infliximab-dyyb-waste",
         [give(1, "infliximab_dyyb", INFL_DYYB, "365", "mg", "infusion", 0, 120, wasted="35")],
         ["96365x1", "96366x1", f"Q5103x37 {INFL_DYYB} 3.650UN",
          f"Q5103-JWx3 {INFL_DYYB} 0.350UN"]),
    # --- rituximab and its biosimilar
    Case("rituximab-1000-two-vials",
         [give(1, "rituximab", RITUX, "1000", "mg", "infusion", 0, 255)],
         ["96413x1", "96415x3", f"J9312-JZx100 {RITUX} 100.000ML"], contract=COMPLEX_PAYER),
    Case("rituximab-700-waste",
         [give(1, "rituximab", RITUX, "700", "mg", "infusion", 0, 200, wasted="300")],
         ["96365x1", "96366x2", f"J9312x70 {RITUX} 70.000ML", f"J9312-JWx30 {RITUX} 30.000ML"]),
    Case("rituximab-payer-without-jw-jz",
         [give(1, "rituximab", RITUX, "700", "mg", "infusion", 0, 200, wasted="300")],
         ["96365x1", "96366x2", f"J9312x70 {RITUX} 70.000ML"], contract=MEDICARE_NO_JW),
    Case("rituximab-abbs-1000",
         [give(1, "rituximab_abbs", TRUX, "1000", "mg", "infusion", 0, 255)],
         ["96413x1", "96415x3", f"Q5115-JZx100 {TRUX} 100.000ML"], contract=COMPLEX_PAYER),
    Case("rituximab-abbs-standard",
         [give(1, "rituximab_abbs", TRUX, "1000", "mg", "infusion", 0, 255)],
         ["96365x1", "96366x3", f"Q5115-JZx100 {TRUX} 100.000ML"]),
    # --- anti-amyloid antibodies (not complex for this payer: 96365)
    Case("lecanemab-730-waste",
         [give(1, "lecanemab", LEC, "730", "mg", "infusion", 0, 60, wasted="270")],
         ["96365x1", f"J0174x730 {LEC} 7.300ML", f"J0174-JWx270 {LEC} 2.700ML"],
         contract=COMPLEX_PAYER),
    # Medicare: NCD 200.3 registry coding (Q0/Q1, test_evidence_development.py)
    Case("donanemab-350-dose-1",
         [give(1, "donanemab", DON, "350", "mg", "infusion", 0, 30)],
         ["96365-Q1x1", f"J0175-Q0-JZx175 {DON} 20.000ML"], diagnoses=("G30.1",)),
    Case("donanemab-1400-maintenance",
         [give(1, "donanemab", DON, "1400", "mg", "infusion", 0, 35)],
         ["96365-Q1x1", f"J0175-Q0-JZx700 {DON} 80.000ML"], diagnoses=("G31.84",)),
    # --- complex family edges
    Case("complex-15-min-is-a-push-96409",
         [give(1, "ocrelizumab", OCR, "300", "mg", "infusion", 0, 15)],
         ["96409x1", f"J2350-JZx300 {OCR} 10.000ML"], contract=COMPLEX_PAYER,
         note="coded as a push"),
    Case("complex-90-min-no-96415",
         [give(1, "ocrelizumab", OCR, "300", "mg", "infusion", 0, 90)],
         ["96413x1", f"J2350-JZx300 {OCR} 10.000ML"], contract=COMPLEX_PAYER),
    Case("complex-91-min-one-96415",
         [give(1, "ocrelizumab", OCR, "300", "mg", "infusion", 0, 91)],
         ["96413x1", "96415x1", f"J2350-JZx300 {OCR} 10.000ML"], contract=COMPLEX_PAYER),
    Case("complex-150-min-still-one-96415",
         [give(1, "ocrelizumab", OCR, "300", "mg", "infusion", 0, 150)],
         ["96413x1", "96415x1", f"J2350-JZx300 {OCR} 10.000ML"], contract=COMPLEX_PAYER),
    Case("complex-then-hydration-is-96361",
         [give(1, "ocrelizumab", OCR, "300", "mg", "infusion", 0, 150),
          hyd(2, "normal_saline", None, "500", "ml", "infusion", 150, 195)],
         ["96413x1", "96415x1", "96361x1", f"J2350-JZx300 {OCR} 10.000ML"],
         contract=COMPLEX_PAYER, note="not billed as a supply"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_neuro_coding_table(case: Case) -> None:
    claim = build_claim(make_visit(*case.given, diagnoses=case.diagnoses),
                        neuro_ctx(case.contract))
    assert [fmt(line) for line in claim.lines] == case.lines
    assert claim.status == case.status
    assert sorted(r.code for r in claim.reviews) == sorted(case.reviews)
    if case.note:
        assert any(case.note in n for n in claim.notes), claim.notes


NEW_CODES = ("J2350", "J2323", "J2329", "J1459", "J1561", "Q5103", "J9312", "Q5115", "J0174",
             "J0175")


def test_every_new_drug_has_a_case_with_and_without_waste_or_a_jz_line() -> None:
    # the NCD 200.3 modifier (Q0) aside: JZ/JW are what this checks
    billed = {ln.split("x")[0].replace("-Q0", "") for c in CASES for ln in c.lines
              if ln[0] in "JQ"}
    assert {code for code in NEW_CODES if f"{code}-JZ" in billed or code in billed} == set(
        NEW_CODES)
    assert {code.split("-")[0] for code in billed if code.endswith("-JW")} >= {
        "J1459", "J1561", "Q5103", "J9312", "J0174"}


def test_reference_file_agrees_with_the_pinned_billing_units() -> None:
    on_file = {d.code: d for d in hcpcs_descriptors()}
    for code in NEW_CODES:
        pinned, real = NEURO_DESCRIPTORS[code], on_file[code]
        assert (real.amount, real.unit, real.up_to, real.unclassified) == (
            pinned.amount, pinned.unit, False, False), code
        assert real.source and "checked" in real.source, code


def test_reference_file_rows_name_a_source_and_stay_sorted() -> None:
    from reimbursement.adapters.data_files import read_text
    rows = list(csv.DictReader(io.StringIO(read_text("hcpcs_descriptors.csv"))))
    codes = [r["code"] for r in rows]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert all(r["source"].strip() for r in rows)


def test_a_drug_missing_from_the_asp_file_is_unpriced_and_says_so() -> None:
    claim = build_claim(make_visit(give(1, "ocrelizumab", OCR, "600", "mg", "infusion", 0, 210),
                                   diagnoses=G35), neuro_ctx(MEDICARE))
    [drug] = [ln for ln in claim.lines if ln.code == "J2350"]
    assert drug.allowed is None and drug.charge > 0
    assert any("J2350: unpriced, not in ASP quarter 2026Q1 (test ASP file)" in w
               for w in claim.warnings), claim.warnings
    # the administration is still priced and counted; the drug adds nothing made up
    assert claim.payment is not None
    assert claim.payment.allowed == sum(ln.allowed for ln in claim.lines if ln.allowed) > 0


def test_without_an_asp_file_the_warning_says_so() -> None:
    claim = build_claim(make_visit(give(1, "natalizumab", NAT, "300", "mg", "infusion", 0, 60),
                                   diagnoses=G35), neuro_ctx(MEDICARE, asp=None))
    assert any("J2323: unpriced, not in no ASP file" in w for w in claim.warnings)


def test_nearest_rounding_never_bills_zero_units() -> None:
    assert Rounding.NEAREST is NEAREST.policy.rounding
    claim = build_claim(make_visit(give(1, "donanemab", DON, "0.5", "mg", "infusion", 0, 30,
                                        wasted="349.5"), diagnoses=G35), neuro_ctx(NEAREST))
    assert [fmt(ln) for ln in claim.lines][:2] == ["96365x1", f"J0175x1 {DON} 0.029ML"]
