"""Discharge criteria (clinical-loop.md §2) and acceptance rows 28 and 29 of §8: each
criterion met and unmet, from a ready visit changed in one respect."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orders.domain.discharge import (
    Assessment,
    DischargeBlocked,
    ReactionState,
    Visit,
    evaluate,
    require_ready,
)
from orders.domain.errors import ValidationFailed
from orders.domain.vitals import VitalSet, assess, validate_vitals, within_baseline
from orders.seed import discharge_thresholds

T = discharge_thresholds()
NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
ORDER = uuid4()


def vitals(kind: str, minutes_ago: int, **values: object) -> VitalSet:
    base: dict[str, object] = {"bp_systolic": 120, "bp_diastolic": 80, "heart_rate": 70,
                               "respiratory_rate": 14, "spo2": 98}
    base.update(values)
    return VitalSet(order_id=ORDER, taken_at=NOW - timedelta(minutes=minutes_ago),
                    kind=kind, **base)  # type: ignore[arg-type]


def ready_visit(**changes: object) -> Visit:
    visit = Visit(
        vitals=(vitals("baseline", 180), vitals("discharge", 5, poss="1")),
        drug_codes=frozenset({"ketorolac"}), requires_escort=False, escort_confirmed=False,
        assessment=Assessment(gait_steady=None, orthostatics_negative=None,
                              nausea_controlled=True))
    return replace(visit, **changes)  # type: ignore[arg-type]


def by_code(visit: Visit) -> dict[str, tuple[bool, str]]:
    return {c.code: (c.met, c.reason) for c in evaluate(visit, T, NOW).criteria}


def test_a_ready_visit_meets_every_criterion() -> None:
    result = evaluate(ready_visit(), T, NOW)
    assert result.ready, result.unmet
    assert require_ready(result, None, 10) is None


def test_row_28_ketamine_visit_without_escort_blocks_discharge() -> None:
    visit = ready_visit(drug_codes=frozenset({"ketamine"}), requires_escort=True,
                        assessment=Assessment(True, True, True))
    met, reason = by_code(visit)["escort"]
    assert not met and "escort" in reason
    assert [c.code for c in evaluate(visit, T, NOW).unmet] == ["escort"]
    assert by_code(replace(visit, escort_confirmed=True))["escort"][0]


def test_row_29_poss_3_blocks_discharge_and_asks_for_a_recheck_in_15_min() -> None:
    visit = ready_visit(vitals=(vitals("baseline", 180), vitals("discharge", 5, poss="3")))
    result = evaluate(visit, T, NOW)
    assert [c.code for c in result.unmet] == ["sedation"]
    assert "recheck in 15 min" in result.unmet[0].reason
    assert result.recheck_at == NOW - timedelta(minutes=5) + timedelta(minutes=15)
    with pytest.raises(DischargeBlocked) as refused:
        require_ready(result, None, 10)
    assert refused.value.extra["unmet"][0]["code"] == "sedation"


# (id, changes to the ready visit, criterion, met)
V = vitals
CASES = [
    ("vitals-no-baseline", {"vitals": (V("discharge", 5, poss="1"),)}, "vitals_baseline", False),
    ("vitals-no-discharge-set", {"vitals": (V("baseline", 90), V("end", 5, poss="1"))},
     "vitals_baseline", False),
    ("vitals-hr-21pct-up", {"vitals": (V("baseline", 90), V("discharge", 5, poss="1",
                                                            heart_rate=85))},
     "vitals_baseline", False),
    ("vitals-sbp-exactly-20pct-down", {"vitals": (V("baseline", 90), V(
        "discharge", 5, poss="1", bp_systolic=96, bp_diastolic=70))}, "vitals_baseline", True),
    ("spo2-91", {"vitals": (V("baseline", 90), V("discharge", 5, poss="1", spo2=91))},
     "spo2", False),
    ("spo2-92", {"vitals": (V("baseline", 90), V("discharge", 5, poss="1", spo2=92))},
     "spo2", True),
    ("spo2-on-oxygen", {"vitals": (V("baseline", 90), V("discharge", 5, poss="1",
                                                        on_room_air=False))}, "spo2", False),
    ("poss-S", {"vitals": (V("baseline", 90), V("discharge", 5, poss="S"))}, "sedation", True),
    ("poss-2", {"vitals": (V("baseline", 90), V("discharge", 5, poss="2"))}, "sedation", True),
    ("poss-4", {"vitals": (V("baseline", 90), V("discharge", 5, poss="4"))}, "sedation", False),
    ("rass-minus-1", {"vitals": (V("baseline", 90), V("discharge", 5, rass=-1))},
     "sedation", True),
    ("rass-minus-2", {"vitals": (V("baseline", 90), V("discharge", 5, rass=-2))},
     "sedation", False),
    ("rass-plus-1", {"vitals": (V("baseline", 90), V("discharge", 5, rass=1))},
     "sedation", False),
    ("no-sedation-score", {"vitals": (V("baseline", 90), V("discharge", 5))}, "sedation", False),
    ("gait-after-prochlorperazine-unassessed", {"drug_codes": frozenset({"prochlorperazine"})},
     "gait_orthostatics", False),
    ("gait-after-diphenhydramine-positive-orthostatics",
     {"drug_codes": frozenset({"diphenhydramine"}),
      "assessment": Assessment(True, False, True)}, "gait_orthostatics", False),
    ("gait-after-ketamine-ok", {"drug_codes": frozenset({"ketamine"}),
                                "assessment": Assessment(True, True, True)},
     "gait_orthostatics", True),
    ("gait-not-needed-for-ketorolac", {}, "gait_orthostatics", True),
    ("nausea-uncontrolled", {"assessment": Assessment(None, None, False)}, "nausea", False),
    ("nausea-unassessed", {"assessment": None}, "nausea", False),
    ("escort-needed-missing", {"requires_escort": True}, "escort", False),
    ("escort-needed-confirmed", {"requires_escort": True, "escort_confirmed": True},
     "escort", True),
    ("reaction-active", {"reactions": ReactionState(active=True)}, "reactions", False),
    ("reaction-29-min-ago", {"reactions": ReactionState(
        last_symptom_at=NOW - timedelta(minutes=29))}, "reactions", False),
    ("reaction-30-min-ago", {"reactions": ReactionState(
        last_symptom_at=NOW - timedelta(minutes=30))}, "reactions", True),
]


@pytest.mark.parametrize(("changes", "code", "met"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_criterion(changes: dict[str, object], code: str, met: bool) -> None:
    assert by_code(ready_visit(**changes))[code][0] is met


def test_an_override_needs_a_reason_and_names_the_unmet_criteria() -> None:
    result = evaluate(ready_visit(requires_escort=True), T, NOW)
    with pytest.raises(ValidationFailed):
        require_ready(result, "  short ", 10)
    assert require_ready(result, "escort waiting in the lobby, phoned", 10) == {
        "reason": "escort waiting in the lobby, phoned", "unmet": ["escort"]}


def test_vital_ranges_are_refused_by_field() -> None:
    bad = vitals("during", 0, spo2=101, poss="5", bp_diastolic=130, nrs=11)
    fields = {e.field for e in validate_vitals(bad, T)}
    assert fields == {"spo2", "poss", "bp_diastolic", "nrs"}
    assert validate_vitals(vitals("during", 0, nrs=None), T) == []
    empty = VitalSet(order_id=ORDER, taken_at=NOW, kind="during")
    assert [e.field for e in validate_vitals(empty, T)] == ["bp_systolic"]


def test_findings_of_a_during_set() -> None:
    base = vitals("baseline", 60)
    low = vitals("during", 0, spo2=90, heart_rate=100, poss="3")
    assert {f.code for f in assess(low, base, T)} == {"off_baseline", "spo2_low",
                                                      "sedation_unacceptable"}
    assert assess(base, base, T) == []


@given(st.integers(min_value=20, max_value=300), st.integers(min_value=-400, max_value=400))
def test_within_20_pct_of_baseline_property(baseline: int, delta_tenths: int) -> None:
    """Inside exactly when |change| ≤ 20 % of the baseline, bounds included, both ways."""
    b = Decimal(baseline)
    value = b + b * Decimal(delta_tenths) / 1000  # -40 % .. +40 % in 0.1 % steps
    inside = abs(delta_tenths) <= 200
    assert within_baseline(value, b, Decimal(20)) is inside
    mirrored = b - (value - b)
    assert within_baseline(mirrored, b, Decimal(20)) is inside
