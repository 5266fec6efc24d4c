"""Complex biologic administration (96413 family) as a payer rule: time thresholds by table and
properties that hold for any visit timeline.

Sources for the rules (checked 2026-12-06): 96415 "for infusion intervals of greater than 30
minutes beyond 1-hour increments" (iframe.ai CPT 96415; medcoder.ai 96415: "must exceed the
first hour by at least 31 minutes"); one initial code per encounter and a second sequential
complex drug is +96417, not a second 96413 (carecostestimate.com / clearcostestimate.com CPT
96413-96415, citing CMS IOM 100-04 ch. 12 §30.5 and NCCI ch. XI); the Ocrevus manufacturer
lists 96413/96415 or 96365/96366 by payer (genentech-access.com Ocrevus sample coding).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.domain.admin_coding import (
    COMPLEX,
    STANDARD,
    additional_hours,
    code_administration,
)
from reimbursement.domain.fees import CodingPolicy
from reimbursement.domain.visit import Given
from reimbursement.testing import give

ALL_COMPLEX = CodingPolicy(complex_admin=frozenset({f"drug_{i}" for i in range(6)}))
NONE_COMPLEX = CodingPolicy()
TO_COMPLEX = dict(zip(
    (STANDARD.initial_infusion, STANDARD.additional_hour, STANDARD.sequential,
     STANDARD.initial_push, STANDARD.additional_push),
    (COMPLEX.initial_infusion, COMPLEX.additional_hour, COMPLEX.sequential,
     COMPLEX.initial_push, COMPLEX.additional_push), strict=True))
INITIALS = {"96365", "96413", "96374", "96409", "96360"}


def lines(given: list[Given], policy: CodingPolicy) -> list[tuple[str, int]]:
    return [(ln.code, ln.units) for ln in code_administration(given, policy).lines]


@pytest.mark.parametrize(("minutes", "expected"), [
    (15, [("96409", 1)]),  # 15 minutes or less is a push
    (16, [("96413", 1)]),
    (60, [("96413", 1)]),
    (90, [("96413", 1)]),  # 30 minutes past the hour: not more than 30
    (91, [("96413", 1), ("96415", 1)]),
    (150, [("96413", 1), ("96415", 1)]),
    (151, [("96413", 1), ("96415", 2)]),
    (210, [("96413", 1), ("96415", 2)]),
    (211, [("96413", 1), ("96415", 3)]),
    (480, [("96413", 1), ("96415", 7)]),
])
def test_complex_infusion_time_thresholds(minutes: int, expected: list[tuple[str, int]]) -> None:
    assert lines([give(1, "drug_0", None, "1", "mg", "infusion", 0, minutes)],
                 ALL_COMPLEX) == expected


def test_second_complex_drug_is_96417_with_its_own_additional_hours() -> None:
    visit = [give(1, "drug_0", None, "1", "mg", "infusion", 0, 100),
             give(2, "drug_1", None, "1", "mg", "infusion", 100, 200)]
    assert lines(visit, ALL_COMPLEX) == [("96413", 1), ("96415", 2), ("96417", 1)]


def test_complex_push_after_complex_initial_is_96411_and_other_push_96375() -> None:
    visit = [give(1, "drug_0", None, "1", "mg", "infusion", 10, 70),
             give(2, "drug_1", None, "1", "mg", "push", 0, 2),
             give(3, "ondansetron", None, "4", "mg", "push", 3, 4)]
    assert lines(visit, ALL_COMPLEX) == [("96413", 1), ("96411", 1), ("96375", 1)]


def test_complex_push_outranks_a_standard_infusion() -> None:
    visit = [give(1, "magnesium", None, "2", "g", "infusion", 0, 30),
             give(2, "drug_0", None, "1", "mg", "push", 40, 42)]
    policy = CodingPolicy(complex_admin=frozenset({"drug_0"}))
    assert lines(visit, policy) == [("96409", 1), ("96367", 1)]


def test_the_list_matches_order_hcpcs_or_the_products_hcpcs() -> None:
    policy = CodingPolicy(complex_admin=frozenset({"J2350"}))
    by_order = give(1, "x", None, "300", "mg", "infusion", 0, 60, hcpcs="J2350")
    by_ndc = give(1, "x", "50242015001", "300", "mg", "infusion", 0, 60)
    assert lines([by_order], policy) == [("96413", 1)]
    assert lines([by_ndc], policy) == [("96365", 1)]
    assert [(ln.code, ln.units) for ln in code_administration(
        [by_ndc], policy, hcpcs={1: "J2350"}).lines] == [("96413", 1)]


# --------------------------------------------------------------------------- properties
drug_events = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(["push", "infusion"]), st.integers(0, 300),
              st.integers(1, 400)),
    min_size=1, max_size=6)


def _visit(events: list[tuple[int, str, int, int]]) -> list[Given]:
    return [give(i + 1, f"drug_{d}", None, "1", "mg", mode, start,  # type: ignore[arg-type]
                 start + (2 if mode == "push" else length))
            for i, (d, mode, start, length) in enumerate(events)]


@given(st.integers(0, 24 * 60))
def test_96415_units_follow_the_over_30_minutes_rule(m: int) -> None:
    assert additional_hours(m) == sum(1 for k in range(1, 30) if m > 60 * k + 30)


@given(st.integers(16, 24 * 60), st.integers(16, 24 * 60))
def test_more_minutes_never_bill_fewer_96415(a: int, b: int) -> None:
    short, long = sorted((a, b))
    units = [dict(lines([give(1, "drug_0", None, "1", "mg", "infusion", 0, m)], ALL_COMPLEX))
             .get("96415", 0) for m in (short, long)]
    assert units[0] <= units[1]


@settings(max_examples=300, deadline=None)
@given(drug_events)
def test_an_all_complex_visit_is_the_standard_coding_in_the_complex_family(events) -> None:
    visit = _visit(events)
    standard = lines(visit, NONE_COMPLEX)
    assert lines(visit, ALL_COMPLEX) == [(TO_COMPLEX.get(c, c), u) for c, u in standard]


@settings(max_examples=300, deadline=None)
@given(drug_events, st.sets(st.integers(0, 5)))
def test_one_initial_service_and_add_ons_only_with_their_family(events, complex_ids) -> None:
    visit = _visit(events)
    policy = CodingPolicy(complex_admin=frozenset(f"drug_{i}" for i in complex_ids))
    coded = dict(lines(visit, policy))
    assert sum(coded.get(code, 0) for code in INITIALS) == 1
    if "96415" in coded or "96417" in coded or "96411" in coded:
        assert "96413" in coded or "96409" in coded
    complex_infused = [g for g in visit if g.drug_code in policy.complex_admin
                       and g.mode == "infusion" and g.minutes >= 16]
    if complex_infused:
        assert "96413" in coded  # the complex infusion leads the hierarchy
    if not any(g.drug_code in policy.complex_admin for g in visit):
        assert not set(coded) & {"96413", "96415", "96417", "96409", "96411"}
