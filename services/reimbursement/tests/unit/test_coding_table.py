"""The coding table: visits in, exact claim lines out.

Each case gives the MAR timeline (minutes after 10:00) and the exact lines expected, written
``CODE[-MOD]xUNITS [NDC QTYUNIT]``. Cases 1-9 are the worked examples of the domain reference
(prior-auth-billing.md, Part B1); the rest pin thresholds, JW/JZ, NDC handling and review
reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import pytest

from reimbursement.domain.claim import ClaimLine, build_claim
from reimbursement.domain.fees import CodingPolicy, DrugBasis, PayerContract, PayerKind
from reimbursement.domain.hcpcs import Rounding
from reimbursement.domain.visit import Given
from reimbursement.testing import (
    ADMIN_RATES,
    MEDICARE,
    MEDICARE_ELECTROLYTES,
    give,
    make_ctx,
    make_visit,
)

EPTI, MAG, KETO, PROCH = "70001000101", "70002000225", "70003000325", "70004000410"
DPH, INFLIX, ONDAN, DHE = "70005000525", "70006000601", "70007000701", "70008000810"
VPA, NS, DEXA, METOC = "70009000910", "71000001024", "71001001125", "71002001225"

# a fluid ordered as hydration with dehydration documented (clinical-loop.md §6)
hyd = partial(give, purpose="hydration", indication="E86.0")

NEAREST = PayerContract(
    payer_id="commercial-nearest", name="Commercial (nearest-unit rounding)",
    kind=PayerKind.COMMERCIAL, drug_basis=DrugBasis.ASP_PERCENT, admin_rates=ADMIN_RATES,
    policy=CodingPolicy(rounding=Rounding.NEAREST),
)


@dataclass
class Case:
    id: str
    given: list[Given]
    lines: list[str]
    contract: PayerContract = MEDICARE
    status: str = "ready"
    reviews: list[str] = field(default_factory=list)
    note: str | None = None  # a substring expected among the notes
    holds: list[str] = field(default_factory=list)  # items the claim is held for


def fmt(line: ClaimLine) -> str:
    text = line.code + "".join(f"-{m}" for m in line.modifiers) + f"x{line.units}"
    return text + (f" {line.ndc} {line.ndc_qty}{line.ndc_unit}" if line.ndc else "")


COCKTAIL = [
    give(1, "magnesium_sulfate", MAG, "2", "g", "infusion", 0, 30),
    give(2, "ketorolac", KETO, "30", "mg", "push", 31, 32),
    give(3, "prochlorperazine", PROCH, "10", "mg", "push", 33, 35),
    give(4, "diphenhydramine", DPH, "25", "mg", "push", 36, 38, wasted="25"),
]
COCKTAIL_DRUGS = [f"J3475-JZx4 {MAG} 4.000ML", f"J1885-JZx2 {KETO} 1.000ML",
                  f"J0780-JZx1 {PROCH} 2.000ML", f"J1200-JZx1 {DPH} 1.000ML"]

CASES = [
    # --- worked examples from the domain reference
    Case("ex1-migraine-cocktail", COCKTAIL, ["96365x1", "96375x3", *COCKTAIL_DRUGS]),
    Case(
        "ex1-electrolytes-as-hydration",
        COCKTAIL,
        ["96374x1", "96375x2", *COCKTAIL_DRUGS],
        contract=MEDICARE_ELECTROLYTES,
        note="hydration of 30 min",
    ),
    Case(
        "ex2-eptinezumab-100",
        [give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35)],
        ["96365x1", f"J3032-JZx100 {EPTI} 1.000ML"],
    ),
    Case(
        "ex2-eptinezumab-300",
        [give(1, "eptinezumab", EPTI, "300", "mg", "infusion", 0, 35)],
        ["96365x1", f"J3032-JZx300 {EPTI} 3.000ML"],
    ),
    Case(
        "ex3-infliximab-waste",
        [give(1, "infliximab", INFLIX, "360", "mg", "infusion", 0, 120, wasted="40")],
        ["96365x1", "96366x1", f"J1745x36 {INFLIX} 3.600UN", f"J1745-JWx4 {INFLIX} 0.400UN"],
    ),
    Case(
        "ex4-160-minute-infusion",
        [give(1, "infliximab", INFLIX, "400", "mg", "infusion", 0, 160)],
        ["96365x1", "96366x2", f"J1745-JZx40 {INFLIX} 4.000UN"],
    ),
    Case(
        "ex5-hydration-then-drug",
        [
            hyd(1, "normal_saline", None, "500", "ml", "infusion", 0, 60),
            give(2, "eptinezumab", EPTI, "100", "mg", "infusion", 60, 100),
        ],
        ["96365x1", "96361x1", f"J3032-JZx100 {EPTI} 1.000ML"],
        note="not billed as a supply",
    ),
    Case(
        "ex6-same-drug-pushed-twice",
        [
            give(1, "ketorolac", KETO, "30", "mg", "push", 0, 1),
            give(2, "ketorolac", KETO, "30", "mg", "push", 60, 61),
        ],
        ["96374x1", f"J1885-JZx4 {KETO} 2.000ML"],
        note="96376",
    ),
    Case(
        "ex6-two-drugs-one-line",
        [
            give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
            give(2, "dexamethasone", DEXA, "10", "mg", "infusion", 5, 25),
        ],
        ["96365x1", "96368x1", f"J3032-JZx100 {EPTI} 1.000ML", f"J1100-JZx10 {DEXA} 1.000ML"],
    ),
    Case(
        "ex6-12-minute-infusion",
        [give(1, "ketorolac", KETO, "30", "mg", "infusion", 0, 12)],
        ["96374x1", f"J1885-JZx2 {KETO} 1.000ML"],
        note="coded as a push",
    ),
    # --- time thresholds
    Case(
        "15-min-infusion-is-a-push",
        [give(1, "ketorolac", KETO, "30", "mg", "infusion", 0, 15)],
        ["96374x1", f"J1885-JZx2 {KETO} 1.000ML"],
    ),
    Case(
        "16-min-infusion",
        [give(1, "ketorolac", KETO, "30", "mg", "infusion", 0, 16)],
        ["96365x1", f"J1885-JZx2 {KETO} 1.000ML"],
    ),
    Case(
        "90-min-no-additional-hour",
        [give(1, "infliximab", INFLIX, "400", "mg", "infusion", 0, 90)],
        ["96365x1", f"J1745-JZx40 {INFLIX} 4.000UN"],
    ),
    Case(
        "91-min-first-additional-hour",
        [give(1, "infliximab", INFLIX, "400", "mg", "infusion", 0, 91)],
        ["96365x1", "96366x1", f"J1745-JZx40 {INFLIX} 4.000UN"],
    ),
    Case(
        "150-min-noridian-waste",
        [give(1, "infliximab", INFLIX, "350", "mg", "infusion", 0, 150, wasted="50")],
        ["96365x1", "96366x1", f"J1745x35 {INFLIX} 3.500UN", f"J1745-JWx5 {INFLIX} 0.500UN"],
    ),
    Case(
        "151-min-second-additional-hour",
        [give(1, "infliximab", INFLIX, "400", "mg", "infusion", 0, 151)],
        ["96365x1", "96366x2", f"J1745-JZx40 {INFLIX} 4.000UN"],
    ),
    # --- sequential and concurrent
    Case(
        "sequential-new-drug",
        [
            give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
            give(2, "dexamethasone", DEXA, "10", "mg", "infusion", 35, 55),
        ],
        ["96365x1", "96367x1", f"J3032-JZx100 {EPTI} 1.000ML", f"J1100-JZx10 {DEXA} 1.000ML"],
    ),
    Case(
        "sequential-under-16-min-is-push",
        [
            give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
            give(2, "dexamethasone", DEXA, "10", "mg", "infusion", 36, 46),
        ],
        ["96365x1", "96375x1", f"J3032-JZx100 {EPTI} 1.000ML", f"J1100-JZx10 {DEXA} 1.000ML"],
    ),
    Case(
        "sequential-with-additional-hour",
        [
            give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
            give(2, "infliximab", INFLIX, "400", "mg", "infusion", 40, 140),
        ],
        [
            "96365x1",
            "96367x1",
            "96366x1",
            f"J3032-JZx100 {EPTI} 1.000ML",
            f"J1745-JZx40 {INFLIX} 4.000UN",
        ],
    ),
    Case(
        "concurrent-reported-once",
        [
            give(1, "infliximab", INFLIX, "400", "mg", "infusion", 0, 60),
            give(2, "dexamethasone", DEXA, "10", "mg", "infusion", 10, 30),
            give(3, "eptinezumab", EPTI, "100", "mg", "infusion", 20, 55),
        ],
        [
            "96365x1",
            "96368x1",
            f"J1745-JZx40 {INFLIX} 4.000UN",
            f"J1100-JZx10 {DEXA} 1.000ML",
            f"J3032-JZx100 {EPTI} 1.000ML",
        ],
        note="96368 once per encounter",
    ),
    Case(
        "pushes-only-four-drugs",
        [
            give(1, "ondansetron", ONDAN, "4", "mg", "push", 0, 1),
            give(2, "ketorolac", KETO, "30", "mg", "push", 5, 6),
            give(3, "metoclopramide", METOC, "10", "mg", "push", 10, 12),
            give(4, "dexamethasone", DEXA, "10", "mg", "push", 15, 16),
        ],
        [
            "96374x1",
            "96375x3",
            f"J2405x4 {ONDAN} 2.000ML",
            f"J1885-JZx2 {KETO} 1.000ML",
            f"J2765-JZx1 {METOC} 2.000ML",
            f"J1100-JZx10 {DEXA} 1.000ML",
        ],
    ),
    Case(
        "push-before-infusion-infusion-is-initial",
        [
            give(1, "ondansetron", ONDAN, "4", "mg", "push", 0, 1),
            give(2, "eptinezumab", EPTI, "100", "mg", "infusion", 5, 40),
        ],
        ["96365x1", "96375x1", f"J2405x4 {ONDAN} 2.000ML", f"J3032-JZx100 {EPTI} 1.000ML"],
    ),
    Case(
        "push-of-the-infused-drug-not-billable",
        [
            give(1, "ketorolac", KETO, "30", "mg", "infusion", 0, 20),
            give(2, "ketorolac", KETO, "30", "mg", "push", 30, 31),
        ],
        ["96365x1", f"J1885-JZx4 {KETO} 2.000ML"],
        note="96376",
    ),
    # --- hydration
    Case(
        "secondary-hydration-91-min",
        [
            give(1, "ketorolac", KETO, "30", "mg", "push", 0, 1),
            hyd(2, "normal_saline", None, "1000", "ml", "infusion", 1, 92),
        ],
        ["96374x1", "96361x2", f"J1885-JZx2 {KETO} 1.000ML"],
    ),
    Case(
        "hydration-only-45-min",
        [hyd(1, "normal_saline", NS, "250", "ml", "infusion", 0, 45)],
        ["96360x1", f"J7050x1 {NS} 250.000ML"],
    ),
    Case(
        "hydration-only-160-min",
        [hyd(1, "normal_saline", NS, "500", "ml", "infusion", 0, 160)],
        ["96360x1", "96361x2", f"J7050x2 {NS} 500.000ML"],
    ),
    Case(
        "hydration-30-min-not-reportable",
        [hyd(1, "normal_saline", None, "250", "ml", "infusion", 0, 30)],
        [],
        status="needs_review",
        reviews=["no_billable_lines"],
        note="hydration of 30 min",
    ),
    Case(
        "hydration-as-carrier-not-billed",
        [
            hyd(1, "normal_saline", None, "100", "ml", "infusion", 0, 35),
            give(2, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
        ],
        ["96365x1", f"J3032-JZx100 {EPTI} 1.000ML"],
        note="hydration of 0 min",
    ),
    Case(
        "hydration-overlap-subtracted",
        [
            hyd(1, "normal_saline", None, "1000", "ml", "infusion", 0, 90),
            give(2, "ketorolac", KETO, "30", "mg", "push", 10, 11),
            give(3, "eptinezumab", EPTI, "100", "mg", "infusion", 30, 60),
        ],
        [
            "96365x1",
            "96375x1",
            "96361x1",
            f"J1885-JZx2 {KETO} 1.000ML",
            f"J3032-JZx100 {EPTI} 1.000ML",
        ],
    ),
    Case(
        "push-initial-then-hydration",
        [
            give(1, "ketorolac", KETO, "30", "mg", "push", 0, 2),
            hyd(2, "normal_saline", None, "1000", "ml", "infusion", 2, 102),
        ],
        ["96374x1", "96361x2", f"J1885-JZx2 {KETO} 1.000ML"],
    ),
    # --- units, JW/JZ, rounding
    Case(
        "multi-dose-vial-no-modifier",
        [give(1, "ondansetron", ONDAN, "8", "mg", "push", 0, 1)],
        ["96374x1", f"J2405x8 {ONDAN} 4.000ML"],
    ),
    Case(
        "up-to-descriptor-subunit-waste-is-jz",
        [give(1, "metoclopramide", METOC, "5", "mg", "push", 0, 2, wasted="5")],
        ["96374x1", f"J2765-JZx1 {METOC} 2.000ML"],
    ),
    Case(
        "per-unit-rounds-up",
        [give(1, "ondansetron", ONDAN, "4.4", "mg", "push", 0, 1)],
        ["96374x1", f"J2405x5 {ONDAN} 2.200ML"],
    ),
    Case(
        "payer-rounds-to-nearest",
        [give(1, "ondansetron", ONDAN, "4.4", "mg", "push", 0, 1)],
        ["96374x1", f"J2405x4 {ONDAN} 2.200ML"],
        contract=NEAREST,
    ),
    Case(
        "dose-in-ml-converted",
        [give(1, "ketorolac", KETO, "1", "ml", "push", 0, 1)],
        ["96374x1", f"J1885-JZx2 {KETO} 1.000ML"],
    ),
    Case(
        "hyphenated-10-digit-ndc",
        [give(1, "ketorolac", "70003-003-25", "30", "mg", "push", 0, 1)],
        ["96374x1", f"J1885-JZx2 {KETO} 1.000ML"],
    ),
    # --- review, never a wrong claim
    Case(
        "unknown-ndc",
        [give(1, "eptinezumab", "99999-0001-01", "100", "mg", "infusion", 0, 35)],
        ["96365x1"],
        status="needs_review",
        reviews=["unknown_ndc"],
    ),
    # --- a drug without an NDC keeps its line and holds the claim (never drops out)
    Case(
        "missing-ndc-keeps-the-line",
        [give(1, "ketorolac", None, "30", "mg", "push", 0, 1, hcpcs="J1885")],
        ["96374x1", "J1885x2"],
        status="held",
        holds=["ndc"],
    ),
    Case(
        "missing-ndc-no-hcpcs",
        [give(1, "eptinezumab", EPTI, "100", "mg", "infusion", 0, 35),
         give(2, "ketorolac", None, "30", "mg", "push", 40, 41)],
        ["96365x1", "96375x1", f"J3032-JZx100 {EPTI} 1.000ML"],
        status="held",
        holds=["ndc"],
    ),
    Case(
        "missing-ndc-and-a-review",
        [give(1, "ketorolac", None, "30", "mg", "push", 0, 1, hcpcs="J1885"),
         give(2, "eptinezumab", "99999-0001-01", "100", "mg", "infusion", 2, 40)],
        ["96365x1", "96375x1", "J1885x2"],
        status="needs_review",
        reviews=["unknown_ndc"],
        holds=["ndc"],
    ),
    Case(
        "bare-10-digit-ndc",
        [give(1, "ketorolac", "7000300325", "30", "mg", "push", 0, 1)],
        ["96374x1"],
        status="needs_review",
        reviews=["invalid_ndc"],
    ),
    Case(
        "order-hcpcs-disagrees-with-ndc",
        [give(1, "ketorolac", KETO, "30", "mg", "push", 0, 1, hcpcs="J1200")],
        ["96374x1"],
        status="needs_review",
        reviews=["hcpcs_mismatch"],
    ),
    Case(
        "unclassified-valproate",
        [give(1, "valproate", VPA, "1000", "mg", "infusion", 0, 20)],
        ["96365x1", f"J3490x1 {VPA} 10.000ML"],
        status="needs_review",
        reviews=["unclassified_code"],
    ),
    Case(
        "undocumented-single-dose-waste",
        [give(1, "infliximab", INFLIX, "360", "mg", "infusion", 0, 120)],
        ["96365x1", "96366x1", f"J1745-JZx36 {INFLIX} 3.600UN"],
        status="needs_review",
        reviews=["undocumented_waste"],
    ),
    Case(
        "dose-unit-not-convertible",
        [give(1, "ketorolac", KETO, "30", "iu", "push", 0, 1)],
        ["96374x1"],
        status="needs_review",
        reviews=["dose_unit"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_coding_table(case: Case) -> None:
    claim = build_claim(make_visit(*case.given), make_ctx(case.contract))
    assert [fmt(line) for line in claim.lines] == case.lines
    assert claim.status == case.status
    assert sorted(r.code for r in claim.reviews) == sorted(case.reviews)
    assert [h.item for h in claim.holds] == case.holds
    assert all(h.line is not None and h.detail.startswith(f"line {h.line}: no NDC")
               for h in claim.holds)
    if case.note:
        assert any(case.note in n for n in claim.notes), claim.notes


def test_table_has_at_least_25_cases() -> None:
    assert len(CASES) >= 25 and len({c.id for c in CASES}) == len(CASES)


def test_every_line_points_at_a_diagnosis_and_lines_are_numbered() -> None:
    visit = make_visit(*COCKTAIL, diagnoses=("G43.709", "R11.0"))
    claim = build_claim(visit, make_ctx())
    assert [ln.number for ln in claim.lines] == list(range(1, len(claim.lines) + 1))
    assert {ln.dx_pointers for ln in claim.lines} == {(1, 2)}
    assert claim.diagnoses == ("G43709", "R110")
    assert claim.place_of_service == "11"


def test_jw_line_never_exceeds_vial_content() -> None:
    claim = build_claim(make_visit(
        give(1, "infliximab", INFLIX, "355", "mg", "infusion", 0, 120, wasted="45")), make_ctx())
    units = {tuple(ln.modifiers): ln.units for ln in claim.lines if ln.code == "J1745"}
    assert units == {(): 36, ("JW",): 4}  # 35.5 rounds up, 4.5 rounds down: 40 = 4 vials
