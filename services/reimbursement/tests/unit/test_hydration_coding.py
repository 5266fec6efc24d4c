"""Hydration coding of IV fluids (clinical-loop.md §6, acceptance rows 30 and 31;
prior-auth-billing.md B1 example 5): 96360 / +96361 only for fluid ordered as hydration, with
dehydration, fluid loss or inability to drink documented, timed, more than 30 minutes, and only
for the minutes no other infusion ran alongside. The bag is billed by its J-code, one unit per
bag, with its NDC like any drug line; a carrier or KVO bag is not billed.

Each case gives the MAR timeline (minutes after 10:00) and the exact claim lines,
``CODE[-MOD]xUNITS [NDC QTYUNIT]`` as in test_coding_table.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.domain.claim import ClaimLine, build_claim
from reimbursement.domain.fees import CodingPolicy
from reimbursement.domain.hydration import (
    first_hour_extra_units,
    net_minutes,
    secondary_units,
    why_not_hydration,
)
from reimbursement.domain.visit import Given
from reimbursement.testing import give, make_ctx, make_visit

EPTI, KETO, NS250 = "70001000101", "70003000325", "71000001024"
NS1000, NS500, LR = "71003001312", "71004001424", "71005001512"

hyd = partial(give, purpose="hydration", indication="E86.0")  # dehydration documented


def ns_1l(seq: int, start: int, stop: int, **kw: object) -> Given:
    return give(seq, "ns_1000", NS1000, "1000", "ml", "infusion", start, stop, hcpcs="J7030",
                **{"purpose": "hydration", "indication": "E86.0", **kw})  # type: ignore[arg-type]


def epti(seq: int, start: int, stop: int) -> Given:
    return give(seq, "eptinezumab", EPTI, "100", "mg", "infusion", start, stop)


EPTI_LINE = f"J3032-JZx100 {EPTI} 1.000ML"
NS_LINE = f"J7030x1 {NS1000} 1000.000ML"


@dataclass
class Case:
    id: str
    given: list[Given]
    lines: list[str]
    note: str | None = None  # a substring expected among the claim's notes
    status: str = "ready"
    reviews: list[str] = field(default_factory=list)


def fmt(line: ClaimLine) -> str:
    text = line.code + "".join(f"-{m}" for m in line.modifiers) + f"x{line.units}"
    return text + (f" {line.ndc} {line.ndc_qty}{line.ndc_unit}" if line.ndc else "")


CASES = [
    # --- acceptance rows of clinical-loop.md §8
    Case("row30-ns-1l-concurrent-with-drug-infusion",
         [ns_1l(1, 0, 60), epti(2, 0, 60)],
         ["96365x1", NS_LINE, EPTI_LINE], note="hydration of 0 min"),
    Case("row31-ns-1l-60-min-then-drug-40-min",
         [ns_1l(1, 0, 60), epti(2, 60, 100)],
         ["96365x1", "96361x1", NS_LINE, EPTI_LINE]),
    # --- qualifying hydration
    Case("hydration-only-45-min-is-96360",
         [ns_1l(1, 0, 45)], ["96360x1", NS_LINE]),
    Case("hydration-only-91-min-adds-96361",
         [ns_1l(1, 0, 91)], ["96360x1", "96361x1", NS_LINE]),
    Case("hydration-only-90-min-no-96361",
         [ns_1l(1, 0, 90)], ["96360x1", NS_LINE]),
    Case("lactated-ringers-up-to-1000",
         [give(1, "lr_1000", LR, "1000", "ml", "infusion", 0, 60, hcpcs="J7120",
               purpose="hydration", indication="R11.2")],
         ["96360x1", f"J7120x1 {LR} 1000.000ML"]),
    Case("ns-500-bag-one-unit",
         [give(1, "ns_500", NS500, "500", "ml", "infusion", 0, 40, hcpcs="J7040",
               purpose="hydration", indication="E86.9")],
         ["96360x1", f"J7040x1 {NS500} 500.000ML"]),
    Case("secondary-after-a-push-91-min-is-two-units",
         [give(1, "ketorolac", KETO, "30", "mg", "push", 0, 1), ns_1l(2, 1, 92)],
         ["96374x1", "96361x2", f"J1885-JZx2 {KETO} 1.000ML", NS_LINE]),
    # --- partial overlap: only the minutes with no drug running count
    Case("partial-overlap-counts-the-rest-only",
         # 120 min of fluid, 75 of them alongside the drug: 45 min -> one 96361 (not two)
         [ns_1l(1, 0, 120), epti(2, 0, 75)],
         ["96365x1", "96361x1", NS_LINE, EPTI_LINE]),
    Case("partial-overlap-leaves-30-min-not-reportable",
         [ns_1l(1, 0, 90), epti(2, 30, 90)],
         ["96365x1", NS_LINE, EPTI_LINE], note="hydration of 30 min"),
    # --- never hydration
    Case("kvo-not-hydration-and-bag-not-billed",
         [give(1, "ns_250", NS250, "250", "ml", "infusion", 0, 120, hcpcs="J7050",
               purpose="kvo"), epti(2, 30, 65)],
         ["96365x1", EPTI_LINE], note="kept the vein open"),
    Case("carrier-not-hydration-and-bag-not-billed",
         [give(1, "ns_250", NS250, "100", "ml", "infusion", 0, 45, hcpcs="J7050",
               purpose="carrier"), epti(2, 0, 35)],
         ["96365x1", EPTI_LINE], note="carried a drug"),
    Case("under-31-min-not-reportable",
         [ns_1l(1, 0, 30)], [NS_LINE], note="hydration of 30 min"),
    Case("no-indication-not-hydration",
         [ns_1l(1, 0, 60, indication=None), epti(2, 60, 100)],
         ["96365x1", NS_LINE, EPTI_LINE], note="no documented indication"),
    Case("migraine-is-not-a-hydration-indication",
         [ns_1l(1, 0, 60, indication="G43.709"), epti(2, 60, 100)],
         ["96365x1", NS_LINE, EPTI_LINE], note="documents no dehydration"),
    Case("fluid-without-a-purpose-is-not-hydration",
         [ns_1l(1, 0, 60, purpose=None, indication=None), epti(2, 60, 100)],
         ["96365x1", NS_LINE, EPTI_LINE], note="not ordered as hydration"),
    Case("bag-without-ndc-keeps-its-line-and-holds",
         [give(1, "ns_1000", None, "1000", "ml", "infusion", 0, 60, hcpcs="J7030",
               purpose="hydration", indication="E86.0")],
         ["96360x1", "J7030x1"], status="held"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hydration_table(case: Case) -> None:
    claim = build_claim(make_visit(*case.given), make_ctx())
    assert [fmt(line) for line in claim.lines] == case.lines
    assert claim.status == case.status
    assert sorted(r.code for r in claim.reviews) == sorted(case.reviews)
    if case.note:
        assert any(case.note in n for n in claim.notes), claim.notes


def test_row31_hydration_line_is_secondary_to_the_drug_infusion() -> None:
    claim = build_claim(make_visit(ns_1l(1, 0, 60), epti(2, 60, 100)), make_ctx())
    admin = {ln.code: ln for ln in claim.lines if ln.kind == "admin"}
    assert "96360" not in admin and admin["96361"].sequences == (1,)
    assert admin["96365"].sequences == (2,)


def test_a_payer_may_replace_the_indication_list() -> None:
    policy = CodingPolicy(hydration_indications=frozenset({"R11"}))
    assert why_not_hydration(ns_1l(1, 0, 60, indication="R11.10"), policy) is None
    assert why_not_hydration(ns_1l(1, 0, 60), policy) is not None  # E86.0 not on this list


# --------------------------------------------------------------------------- properties
minutes = st.integers(min_value=-100, max_value=2000)


@given(minutes)
def test_96361_units_never_negative(m: int) -> None:
    assert first_hour_extra_units(m) >= 0 and secondary_units(m) >= 0


@given(minutes)
def test_units_follow_the_over_30_minutes_rule(m: int) -> None:
    # an hour block is billed once more than 30 minutes of it ran: after a 96360 first hour
    # the k-th +96361 needs m > 60k + 30; as a secondary service the first one needs m > 30
    assert first_hour_extra_units(m) == sum(1 for k in range(1, 40) if m > 60 * k + 30)
    assert secondary_units(m) == sum(1 for k in range(40) if m > 60 * k + 30)


spans = st.tuples(st.integers(0, 300), st.integers(1, 240)).map(lambda t: (t[0], t[0] + t[1]))


def _minute_set(intervals: list[tuple[int, int]]) -> set[int]:
    return {m for a, b in intervals for m in range(a, b)}


@settings(max_examples=300, deadline=None)
@given(fluids=st.lists(spans, min_size=1, max_size=3), drugs=st.lists(spans, max_size=4))
def test_concurrent_time_is_never_billed(fluids: list[tuple[int, int]],
                                         drugs: list[tuple[int, int]]) -> None:
    f = [ns_1l(i + 1, a, b) for i, (a, b) in enumerate(fluids)]
    d = [epti(10 + i, a, b) for i, (a, b) in enumerate(drugs)]
    net = net_minutes(f, d)
    fluid_minutes = _minute_set(fluids)
    # hydration minutes never exceed the fluid's minutes, and are exactly those no drug shares
    assert 0 <= net <= len(fluid_minutes)
    assert net == len(fluid_minutes - _minute_set(drugs))


@settings(max_examples=200, deadline=None)
@given(fluid=spans, drug=spans)
def test_claim_bills_only_the_non_overlapping_hydration(fluid: tuple[int, int],
                                                        drug: tuple[int, int]) -> None:
    claim = build_claim(make_visit(ns_1l(1, *fluid), epti(2, *drug)), make_ctx())
    units = {ln.code: ln.units for ln in claim.lines if ln.kind == "admin"}
    free = len(_minute_set([fluid]) - _minute_set([drug]))
    assert "96360" not in units  # the drug (infusion or push) is always the initial service
    assert units.get("96361", 0) == secondary_units(free)
    if free <= 30:
        assert "96361" not in units



def test_the_indication_joins_the_claim_and_the_hydration_line_points_at_it() -> None:
    visit = make_visit(ns_1l(1, 0, 60), epti(2, 60, 100),
                       diagnoses=("G43.709", "R51.9", "G44.209", "R11.0", "G43.909"))
    claim = build_claim(visit, make_ctx())
    assert claim.diagnoses[-1] == "E860"  # not on the order: added from the fluid's indication
    hydration = next(ln for ln in claim.lines if ln.code == "96361")
    assert hydration.dx_pointers == (6, 1, 2, 3)
    assert next(ln for ln in claim.lines if ln.code == "96365").dx_pointers == (1, 2, 3, 4)


def test_an_undocumented_fluid_adds_no_diagnosis() -> None:
    claim = build_claim(make_visit(ns_1l(1, 0, 60, indication="G43.709")), make_ctx())
    assert claim.diagnoses == ("G43709",)


def test_a_kvo_bag_is_not_billed_but_leaves_the_shelf() -> None:
    kvo = give(1, "ns_250", NS250, "40", "ml", "infusion", 0, 120, hcpcs="J7050", purpose="kvo")
    claim = build_claim(make_visit(kvo, epti(2, 30, 65)), make_ctx())
    assert "J7050" not in {ln.code for ln in claim.lines}
    [bag] = [c for c in claim.consumptions if c.ndc == NS250]
    assert (bag.vials, bag.given, bag.residual) == (1, 40, 210)
    assert any(d.ndc == NS250 and d.acquisition_cost == 2 for d in claim.drug_costs)
