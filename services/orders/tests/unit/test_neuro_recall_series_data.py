"""Issue 18 point 5 as catalog data: the recall after each dose number of the neurology drugs
(loading doses recall sooner than maintenance) and the course a first dose starts; recalls
never open before the minimum interval of any product of the same molecule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orders.domain.recall_data import REPEAT_HORIZON, RecallData, RecallStep, interval_conflicts
from orders.domain.regimen import Regimen, RegimenStep
from orders.seed import seed_catalog

CAT = seed_catalog()


@pytest.mark.parametrize(("code", "dose", "days"), [
    ("ocrelizumab", 1, (14, 14, 14, 21)),        # day 15: the second 300 mg infusion
    ("ocrelizumab", 2, (140, 154, 154, 161)),    # 24 weeks after infusion 1
    ("ocrelizumab", 3, (140, 168, 168, 175)),    # then every 24 weeks, >= 20 weeks apart
    ("ocrelizumab", 9, (140, 168, 168, 175)),
    ("natalizumab", 1, (21, 28, 28, 35)),        # every 4 weeks
    ("infliximab", 1, (14, 14, 14, 17)),         # week 2
    ("infliximab", 2, (28, 28, 28, 31)),         # week 6
    ("infliximab", 3, (42, 56, 56, 63)),         # then every 8 weeks
    ("infliximab_dyyb", 2, (28, 28, 28, 31)),    # the biosimilar shares the schedule
    ("lecanemab", 1, (14, 14, 14, 21)),          # every 2 weeks
    ("donanemab", 4, (21, 28, 28, 35)),          # every 4 weeks, >= 21 days apart
    ("ivig_privigen", 1, (1, 1, 1, 1)),          # the next loading day
    ("ivig_gamunex_c", 2, (14, 21, 21, 28)),     # maintenance every 3 weeks
    ("ocrelizumab", None, (140, 168, 168, 175)),  # dose number not known: maintenance
    ("ublituximab", 1, (14, 14, 14, 21)),        # day 15: 450 mg
    ("ublituximab", 2, (150, 154, 154, 161)),    # 24 weeks after infusion 1, >= 5 months
    ("ublituximab", 3, (150, 168, 168, 175)),    # then every 24 weeks
    ("ublituximab", 8, (150, 168, 168, 175)),
    ("rituximab", 1, (14, 14, 14, 21)),          # infusion 2 of the course, 2 weeks on
    ("rituximab", 2, (98, 154, 154, 161)),       # next course 24 weeks after its start
    ("rituximab", 3, (14, 14, 14, 21)),          # course 2, infusion 1: its 2nd in 2 weeks
    ("rituximab", 4, (98, 154, 154, 161)),
    ("rituximab", 37, (14, 14, 14, 21)),
    ("rituximab_abbs", 6, (98, 154, 154, 161)),  # Truxima shares the schedule
    ("rituximab", None, (98, 154, 154, 161)),    # not known: never before a new course
])
def test_recall_days_by_dose_number(code, dose, days):
    drug = CAT.drug(code)
    assert drug is not None and drug.recall is not None and drug.recall.source
    r = drug.recall.for_dose(dose)
    assert (r.earliest_days, r.target_from_days, r.target_to_days, r.latest_days) == days


@pytest.mark.parametrize(("code", "kind", "offsets", "visits"), [
    ("ocrelizumab", "day_offsets", (0, 14), (2, 2)),
    ("infliximab", "day_offsets", (0, 14, 42), (3, 3)),
    ("infliximab_dyyb", "day_offsets", (0, 14, 42), (3, 3)),
    ("ivig_privigen", "consecutive_days", (), (2, 5)),
    ("ivig_gamunex_c", "consecutive_days", (), (2, 5)),
    ("ublituximab", "day_offsets", (0, 14), (2, 2)),
    ("rituximab", "day_offsets", (0, 14), (2, 2)),
    ("rituximab_abbs", "day_offsets", (0, 14), (2, 2)),
])
def test_courses_as_catalog_data(code, kind, offsets, visits):
    drug = CAT.drug(code)
    assert drug is not None and drug.series is not None
    s = drug.series
    assert (s.from_dose, s.kind, s.offsets, s.visits) == (1, kind, offsets, visits)
    assert s.source


def test_a_recall_before_a_biosimilars_minimum_interval_is_refused():
    """Same molecule, one course: the reference product's recall may not undercut the
    biosimilar's minimum interval."""
    ref, bio = CAT.drug("infliximab"), CAT.drug("infliximab_dyyb")
    assert ref is not None and bio is not None and bio.regimen is not None
    steps = tuple(s.model_copy(update={"min_days_after_previous": 50})
                  if s.from_dose >= 4 else s for s in bio.regimen.steps)
    stricter = bio.model_copy(update={"regimen": bio.regimen.model_copy(
        update={"steps": steps})})
    found = interval_conflicts([ref, stricter])
    assert any(m.startswith("infliximab: recall after dose 3") for m in found)
    assert interval_conflicts([ref, bio]) == []


def test_seeded_recalls_never_undercut_a_minimum_interval():
    assert interval_conflicts(CAT.drugs.values()) == []


DAYS = st.integers(min_value=0, max_value=400)


@settings(max_examples=150, deadline=None)
@given(mins=st.lists(st.one_of(st.none(), st.integers(1, 200)), min_size=1, max_size=6),
       earliest=st.lists(DAYS, min_size=6, max_size=6), dose=st.integers(1, 12))
def test_conflicts_found_exactly_when_earliest_is_before_the_next_doses_minimum(
        mins, earliest, dose):
    """Property: for every dose number, the recall is flagged iff its earliest day comes
    before the minimum interval the regimen sets for the next dose."""
    regimen = Regimen(source="t", steps=tuple(
        RegimenStep(from_dose=i + 1, dose=Decimal(1), min_days_after_previous=m, source="t")
        for i, m in enumerate(mins)))
    recall = RecallData(earliest_days=earliest[0], target_from_days=earliest[0],
                        target_to_days=earliest[0], latest_days=earliest[0], source="t",
                        by_dose=tuple(RecallStep(doses=(i,), earliest_days=e,
                                                 target_from_days=e, target_to_days=e,
                                                 latest_days=e, source="t")
                                      for i, e in enumerate(earliest[1:], start=1)))
    drug = CAT.drug("natalizumab")
    assert drug is not None
    probe = drug.model_copy(update={"regimen": regimen, "recall": recall})
    found = interval_conflicts([probe])
    need = regimen.step_for(dose + 1).min_days_after_previous
    bad = need is not None and recall.for_dose(dose).earliest_days < need
    last = max(len(mins), 5)
    if dose <= last:
        assert any(f"after dose {dose} " in m for m in found) == bad


@pytest.mark.parametrize(("code", "starts", "not_starts"), [
    ("rituximab", (1, 3, 5, 21), (2, 4, 6, 22)),      # a course every 2 doses
    ("rituximab_abbs", (1, 3, 7), (2, 8)),
    ("ocrelizumab", (1,), (2, 3, 5)),                 # one course only
    ("ublituximab", (1,), (2, 3)),
])
def test_which_doses_start_a_course(code, starts, not_starts):
    drug = CAT.drug(code)
    assert drug is not None and drug.series is not None
    assert all(drug.series.starts_at(n) for n in starts)
    assert not any(drug.series.starts_at(n) for n in not_starts)


@pytest.mark.parametrize("code", ["rituximab", "rituximab_abbs", "ocrelizumab"])
def test_the_recall_event_writes_a_cycle_out_as_plain_dose_lists(code):
    """Scheduling reads explicit dose numbers: the written-out steps give every dose up to
    the horizon the recall ``for_dose`` gives; past it, the top-level days."""
    drug = CAT.drug(code)
    assert drug is not None and drug.recall is not None
    plain = RecallData.model_validate(drug.recall.model_dump() | {
        "repeat_from": None,
        "by_dose": [s.model_dump() for s in drug.recall.listed_steps()]})
    for n in range(1, REPEAT_HORIZON + 1):
        assert plain.for_dose(n).earliest_days == drug.recall.for_dose(n).earliest_days, n
        assert plain.for_dose(n).target_from_days == drug.recall.for_dose(n).target_from_days


def test_a_recall_cycle_must_name_a_listed_dose():
    with pytest.raises(ValueError, match="repeat_from"):
        RecallData(earliest_days=1, target_from_days=1, target_to_days=1, latest_days=1,
                   source="t", repeat_from=3, by_dose=(RecallStep(
                       doses=(1,), earliest_days=1, target_from_days=1, target_to_days=1,
                       latest_days=1, source="t"),))
