"""Observation kinds as catalog data (issue 18): the seed defines every kind its gates read,
a kind is a vocabulary or a numeric value with limits, observations are checked against the
catalog's kinds, and a drug's gate may only name a kind (and results) the catalog defines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from orders.domain.observations import ObservationKind, observation_errors
from orders.domain.regimen import Gate, gate_kind_errors
from orders.seed import seed_catalog

CAT = seed_catalog()
TODAY = date(2026, 12, 7)
IG = ObservationKind(unit="mg/dL", low=Decimal(600), max_age_days=90, source="test")
KINDS = {**CAT.observation_kinds, "quantitative_ig": IG}


def test_the_seed_defines_every_kind_its_gates_read() -> None:
    assert set(CAT.observation_kinds) == {"hbv_screen", "tb_screen", "anti_jcv",
                                          "touch_checklist", "mri_brain", "apoe"}
    for drug in CAT.drugs.values():
        assert gate_kind_errors(drug.regimen, CAT.observation_kinds) == [], drug.code
    assert all(k.source for k in CAT.observation_kinds.values())


@pytest.mark.parametrize(("kind", "result", "value", "fields", "stored"), [
    ("hbv_screen", "negative", None, [], "negative"),
    ("hbv_screen", "maybe", None, ["result"], None),
    ("hbv_screen", None, None, ["result"], None),
    ("hbv_screen", "negative", Decimal(3), ["value"], None),
    ("weather", "sunny", None, ["kind"], None),
    ("quantitative_ig", None, Decimal(450), [], "low"),
    ("quantitative_ig", None, Decimal(600), [], "normal"),   # at the limit: not below it
    ("quantitative_ig", "low", Decimal(450), [], "low"),     # a matching result is fine
    ("quantitative_ig", "normal", Decimal(450), ["result"], None),
    ("quantitative_ig", None, None, ["value"], None),
])
def test_observations_are_checked_against_the_catalogs_kinds(kind, result, value, fields,
                                                             stored) -> None:
    errors, derived = observation_errors(kinds=KINDS, kind=kind, result=result, value=value,
                                         observed_on=TODAY, today=TODAY, source="lab")
    assert [e.field for e in errors] == fields
    if not fields:
        assert derived == stored


@pytest.mark.parametrize(("value", "low", "high", "result"), [
    (Decimal("0.5"), Decimal(1), Decimal(2), "low"),
    (Decimal(1), Decimal(1), Decimal(2), "normal"),
    (Decimal(2), Decimal(1), Decimal(2), "normal"),
    (Decimal("2.01"), Decimal(1), Decimal(2), "high"),
    (Decimal(9), None, Decimal(2), "high"), (Decimal(0), None, None, "normal"),
])
def test_a_numeric_kind_reads_its_value_against_its_limits(value, low, high, result) -> None:
    kind = ObservationKind(unit="mg/dL", low=low, high=high, source="t")
    assert kind.result_of(value) == result


@pytest.mark.parametrize("data", [
    {"source": "t"},                                             # neither shape
    {"results": ["a"], "unit": "mg/dL", "source": "t"},          # both
    {"results": ["a"], "low": "1", "source": "t"},               # limits without a unit
    {"unit": "mg/dL", "low": "3", "high": "2", "source": "t"},   # inverted
    {"results": ["a", "a"], "source": "t"},                      # repeated result
])
def test_a_kind_is_a_vocabulary_or_a_value(data) -> None:
    with pytest.raises(ValueError):
        ObservationKind.model_validate(data)


def _gate(kind: str, **kw) -> Gate:
    return Gate(kind=kind, message="m", source="t", **kw)


def test_a_gate_may_name_only_kinds_and_results_the_catalog_defines() -> None:
    reg = CAT.drugs["ublituximab"].regimen
    assert reg is not None
    gated = reg.model_copy(update={"gates": (*reg.gates, _gate("quantitative_ig"),
                                             _gate("creatinine"),
                                             _gate("quantitative_ig",
                                                   result_severity={"positive": "block"}))})
    found = [(e.field, e.message.split()[0]) for e in gate_kind_errors(gated, KINDS)]
    assert found == [("regimen.gates.2.kind", "unknown"),
                     ("regimen.gates.3.result_severity", "quantitative_ig")]
    assert gate_kind_errors(gated, CAT.observation_kinds)[0].field == "regimen.gates.1.kind"
    assert gate_kind_errors(None, {}) == []


def test_the_kinds_freshness_window_counts_when_the_gate_sets_none() -> None:
    from datetime import timedelta
    from uuid import uuid4

    from orders.domain.checks.regimen_checks import current_result
    from orders.domain.observations import Observation

    def seen(days_ago: int) -> list[Observation]:
        return [Observation(id=uuid4(), patient_id=uuid4(), kind="quantitative_ig",
                            result="normal", observed_on=TODAY - timedelta(days=days_ago),
                            source="lab", value=Decimal(800), unit="mg/dL")]

    gate = _gate("quantitative_ig")
    assert current_result(gate, seen(90), TODAY, None, kind_max_age=90) is not None
    assert current_result(gate, seen(91), TODAY, None, kind_max_age=90) is None
    assert current_result(gate, seen(91), TODAY, None) is not None  # no window at all
    own = _gate("quantitative_ig", max_age_days=200)  # the gate's own window wins
    assert current_result(own, seen(150), TODAY, None, kind_max_age=90) is not None
