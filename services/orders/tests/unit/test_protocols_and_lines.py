"""Protocol instantiation and line validation (the 422 cases)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from orders.domain.errors import ValidationFailed
from orders.domain.lines import LineSpec, validate_lines
from orders.domain.protocols import (
    DoseRule,
    Protocol,
    ProtocolLine,
    instantiate,
    protocol_from_data,
    validate_protocol,
)
from orders.seed import seed_catalog, seed_protocols
from orders.testing import check, patient

CAT = seed_catalog()
PROTOS = {p.key: p for p in seed_protocols()}


def test_pediatric_cocktail_is_weight_based_with_caps():
    ls = instantiate(PROTOS["pediatric-cocktail"], patient(age=12, weight_kg=40), CAT)
    assert [(ln.drug_code, ln.dose) for ln in ls] == [
        ("prochlorperazine", Decimal("6.0")), ("diphenhydramine", Decimal("40.0")),
        ("ketorolac", Decimal("20.0"))]
    assert ls[1].with_previous is True


def test_caps_bind_for_a_heavy_teenager():
    ls = instantiate(PROTOS["pediatric-cocktail"], patient(age=16, weight_kg=90), CAT)
    assert [ln.dose for ln in ls] == [Decimal(10), Decimal(50), Decimal(30)]


def test_weight_based_doses_round_down_to_the_step():
    # 0.15 mg/kg x 33.3 kg = 4.995 mg -> 4.9 mg (step 0.1), never 5.0
    ls = instantiate(PROTOS["pediatric-cocktail"], patient(age=9, weight_kg="33.3"), CAT)
    assert ls[0].dose == Decimal("4.9")


def test_weight_based_protocol_without_weight_names_the_field():
    with pytest.raises(ValidationFailed) as err:
        instantiate(PROTOS["pediatric-cocktail"], patient(age=9, weight_kg=None), CAT)
    assert err.value.errors[0].field == "patient.weight_kg"


def test_fixed_protocol_needs_no_weight():
    ls = instantiate(PROTOS["ed-style-cocktail"], patient(weight_kg=None), CAT)
    assert [ln.dose for ln in ls] == [Decimal(10), Decimal(25), Decimal(30), Decimal(10)]


def test_dhe_protocol_chair_time_includes_the_antiemetic_wait():
    ls = instantiate(PROTOS["dhe-antiemetic"], patient(), CAT)
    # metoclopramide 15 + wait 15 + DHE 3 + metoclopramide observation 60
    assert check(patient(), ls).estimated_chair_minutes == 93


def test_protocol_validation_names_fields():
    bad = Protocol(id=PROTOS["dhe-antiemetic"].id, practice_id="p", name=" ", population="adult",
                   lines=(ProtocolLine(1, "aspirin", DoseRule("fixed", dose=Decimal(1)), "push", 1),
                          ProtocolLine(1, "dhe", DoseRule("per_kg"), "infusion", 0)))
    fields = {e.field for e in validate_protocol(bad, CAT)}
    assert fields == {"name", "lines.0.drug_code", "lines.1.sequence", "lines.1.minutes",
                      "lines.1.dose_rule.mg_per_kg", "lines.1.dose_rule.max_dose"}


def test_protocol_from_data_gives_seed_protocols_stable_ids():
    data = {"key": "x", "name": "X", "population": "any", "lines": [
        {"sequence": 1, "drug_code": "dhe", "mode": "push", "minutes": 3,
         "dose_rule": {"kind": "fixed", "dose": "1"}}]}
    assert protocol_from_data(data, None).id == protocol_from_data(data, None).id


@pytest.mark.parametrize("spec,field", [
    (LineSpec(1, "aspirin", Decimal(1), "mg", "push", 1), "lines.0.drug_code"),
    (LineSpec(1, "ketorolac", Decimal(0), "mg", "push", 1), "lines.0.dose"),
    (LineSpec(1, "ketorolac", Decimal(-5), "mg", "push", 1), "lines.0.dose"),
    (LineSpec(1, "ketorolac", Decimal(30), "mL", "push", 1), "lines.0.dose_unit"),
    (LineSpec(1, "ketorolac", Decimal(30), "units", "push", 1), "lines.0.dose_unit"),
    (LineSpec(1, "droperidol", Decimal("2.5"), "mg", "infusion", 1), "lines.0.mode"),
    (LineSpec(1, "ketorolac", Decimal(30), "mg", "push", 0), "lines.0.minutes"),
    (LineSpec(0, "ketorolac", Decimal(30), "mg", "push", 1), "lines.0.sequence"),
])
def test_line_validation_names_the_field(spec, field):
    assert field in {e.field for e in validate_lines([spec], CAT)}


def test_duplicate_sequences_and_empty_orders_are_refused():
    ln = LineSpec(1, "ketorolac", Decimal(30), "mg", "push", 1)
    assert {e.field for e in validate_lines([ln, ln], CAT)} == {"lines.1.sequence"}
    assert {e.field for e in validate_lines([], CAT)} == {"lines"}


def test_grams_and_micrograms_convert():
    assert validate_lines([LineSpec(1, "magnesium", Decimal(2), "g", "infusion", 15)], CAT) == []
    assert validate_lines([LineSpec(1, "dhe", Decimal(500), "mcg", "push", 3)], CAT) == []
