"""Property tests: RX-5 epinephrine limits and the grade -> FHIR severity mapping."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from orders.domain.reactions import fhir_criticality, fhir_severity
from orders.domain.rescue import check_rescue, epinephrine_limit_mg
from orders.seed.reactions import seed_reaction_rules
from orders.testing import AS_OF
from orders.testing_reactions import epi

RULES = seed_reaction_rules()
weights = st.decimals(min_value=Decimal("2"), max_value=Decimal("200"), places=1)
doses = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("2"), places=2)


@given(weights, doses)
def test_a_single_im_dose_is_blocked_exactly_above_every_limit(weight, dose):
    blocked = bool(check_rescue([epi(dose)], weight, RULES).errors)
    over = (dose > Decimal("0.5") or dose > Decimal("0.01") * weight
            or (weight < 30 and dose > Decimal("0.3")))
    assert blocked == over


@given(weights)
def test_the_limit_never_exceeds_the_adult_ceiling_nor_001_mg_per_kg(weight):
    limit = epinephrine_limit_mg(weight, RULES)
    assert limit <= Decimal("0.5") and limit <= Decimal("0.01") * weight
    assert check_rescue([epi(limit)], weight, RULES).errors == ()


@given(st.integers(min_value=0, max_value=30))
def test_repeat_warns_exactly_below_five_minutes(minutes):
    out = check_rescue([epi("0.3"), epi("0.3", AS_OF + timedelta(minutes=minutes))],
                       Decimal("80"), RULES)
    assert bool(out.warnings) == (minutes < 5)


@given(st.integers(min_value=1, max_value=5))
def test_grade_maps_to_severity_and_criticality(grade):
    expected = {1: "mild", 2: "moderate"}.get(grade, "severe")
    assert fhir_severity(grade, RULES) == expected
    assert fhir_criticality(grade, RULES) == ("high" if grade >= 3 else "low")
