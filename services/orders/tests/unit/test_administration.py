"""Administration record checks: tolerance on dose, run time, waste, reactions."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from orders.domain.administration import (
    AdministrationRecord,
    check_administration,
    validate_administration,
)
from orders.domain.lines import LineSpec
from orders.seed import seed_catalog
from orders.testing import AS_OF

CAT = seed_catalog()
RULES = CAT.rules


def rec(dose, minutes=15, unit="mg", wasted="0", **kw):
    return AdministrationRecord(line_sequence=1, started_at=AS_OF,
                                stopped_at=AS_OF + timedelta(minutes=minutes),
                                dose_given=Decimal(str(dose)), dose_unit=unit,
                                wasted_amount=Decimal(str(wasted)), **kw)


def codes(record, line, drug):
    return {f.code for f in check_administration(record, line, CAT.drug(drug), RULES)}


MG = LineSpec(1, "magnesium", Decimal(2000), "mg", "infusion", 15)
KET = LineSpec(1, "ketorolac", Decimal(30), "mg", "push", 1)


@pytest.mark.parametrize("dose,expect", [
    (2000, False), (2200, False), (2201, True), (1800, False), (1799, True), (4000, True),
])
def test_dose_tolerance_is_ten_percent_both_ways(dose, expect):
    assert (
        "administration_dose_deviation" in codes(rec(dose, wasted=0), MG, "magnesium")
    ) == expect


def test_grams_on_the_record_compare_with_mg_on_the_order():
    assert "administration_dose_deviation" not in codes(rec(2, unit="g"), MG, "magnesium")


def test_infusion_run_much_faster_than_ordered_is_flagged():
    assert "administration_faster_than_ordered" in codes(rec(2000, minutes=5), MG, "magnesium")
    assert "administration_faster_than_ordered" not in codes(rec(2000, minutes=8), MG, "magnesium")


def test_short_pushes_are_not_timed():
    assert "administration_faster_than_ordered" not in codes(
        rec(30, minutes=0, wasted=0), KET, "ketorolac")


def test_given_above_the_drug_max_is_flagged():
    line = LineSpec(1, "ketorolac", Decimal(30), "mg", "push", 1)
    assert "administration_above_max" in codes(rec(45, minutes=1), line, "ketorolac")


def test_single_dose_vial_waste_math():
    # ketorolac 15 mg from a 30 mg single-dose vial leaves 15 mg
    line = LineSpec(1, "ketorolac", Decimal(15), "mg", "push", 1)
    assert "waste_differs_from_vials" not in codes(rec(15, 1, wasted=15), line, "ketorolac")
    assert "waste_differs_from_vials" in codes(rec(15, 1, wasted=0), line, "ketorolac")


def test_waste_on_a_multi_dose_vial_is_noted():
    line = LineSpec(1, "ketamine", Decimal(20), "mg", "infusion", 40)
    assert "waste_on_multi_dose_vial" in codes(rec(20, 40, wasted=5), line, "ketamine")


def test_reaction_is_noted_for_future_orders():
    assert "administration_reaction" in codes(rec(2000, reaction="flushing"), MG, "magnesium")


@pytest.mark.parametrize("record,field", [
    (rec(2000, minutes=-5), "stopped_at"),
    (rec(0), "dose_given"),
    (rec(2000, wasted=-1), "wasted_amount"),
    (rec(2000, unit="mL"), "dose_unit"),
    (rec(2000, ndc="12-34"), "ndc"),
    (AdministrationRecord(1, AS_OF.replace(tzinfo=None), AS_OF.replace(tzinfo=None),
                          Decimal(1), "mg"), "started_at"),
])
def test_record_validation_names_the_field(record, field):
    assert field in {e.field for e in validate_administration(record, CAT.drug("magnesium"))}


def test_valid_record_passes_validation():
    assert validate_administration(rec(2000, ndc="00409-2168-02"), CAT.drug("magnesium")) == []
