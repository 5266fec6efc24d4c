"""Issue 18 point 5 as catalog data: the recall after each dose number of the neurology drugs
(loading doses recall sooner than maintenance) and the course a first dose starts; recalls
never open before the minimum interval of any product of the same molecule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orders.domain.recall_data import RecallData, RecallStep, interval_conflicts
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
