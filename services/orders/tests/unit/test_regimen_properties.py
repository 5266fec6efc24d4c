"""Property tests for the regimen rules: dose numbers count the molecule (brand and
biosimilar together), the interval block fires exactly below the minimum for that dose number,
the regimen step is the last one started, and titration run time is monotone in the dose."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from orders.domain.checks import run_checks
from orders.domain.lines import LineSpec
from orders.domain.patient import PastDose
from orders.domain.regimen import RateStep, Titration
from orders.seed import seed_catalog
from orders.testing import AS_OF, patient

CATALOG = seed_catalog()
DAY = timedelta(days=1)


def _line(code: str, dose: Decimal) -> list[LineSpec]:
    return [LineSpec(sequence=1, drug_code=code, dose=dose, dose_unit="mg", mode="infusion",
                     minutes=600)]


def _codes(code: str, dose: Decimal, history: list[PastDose]) -> set[str]:
    result = run_checks(patient=patient(), lines=_line(code, dose), catalog=CATALOG,
                        history=history, as_of=AS_OF)
    return {f.code for f in result.findings if f.severity == "block"}


@settings(max_examples=60, deadline=None)
@given(gap=st.integers(min_value=1, max_value=60), earlier=st.integers(min_value=1, max_value=5))
def test_donanemab_interval_blocks_exactly_below_21_days(gap: int, earlier: int) -> None:
    # earlier doses spaced 28 days apart, the last one ``gap`` days ago
    history = [PastDose("donanemab", Decimal(700), AS_OF - (gap + 28 * i) * DAY)
               for i in range(earlier)]
    blocked = "regimen.interval" in _codes("donanemab", Decimal(1400), history)
    assert blocked == (gap < 21)


@settings(max_examples=60, deadline=None)
@given(gap_weeks=st.integers(min_value=1, max_value=40),
       product=st.sampled_from(["rituximab", "rituximab_abbs"]))
def test_a_biosimilar_dose_counts_for_the_molecule(gap_weeks: int, product: str) -> None:
    """Rituximab dose 2 needs >= 14 days after dose 1 whichever product dose 1 was."""
    history = [PastDose(product, Decimal(1000), AS_OF - gap_weeks * 7 * DAY)]
    blocked = "regimen.interval" in _codes("rituximab", Decimal(1000), history)
    assert blocked == (gap_weeks * 7 < 14)


@settings(max_examples=60, deadline=None)
@given(given_before=st.integers(min_value=0, max_value=12),
       code=st.sampled_from(["ocrelizumab", "ublituximab", "donanemab", "infliximab"]))
def test_the_step_is_the_last_one_started(given_before: int, code: str) -> None:
    reg = CATALOG.drugs[code].regimen
    assert reg is not None
    n = given_before + 1
    step = reg.step_for(n)
    assert step.from_dose <= n
    assert not any(step.from_dose < s.from_dose <= n for s in reg.steps)


rates = st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=6)


@given(rates=rates, step_minutes=st.integers(min_value=5, max_value=60),
       small=st.integers(min_value=1, max_value=5000),
       extra=st.integers(min_value=0, max_value=5000))
def test_titration_minutes_grow_with_the_dose_and_cover_it(rates: list[int], step_minutes: int,
                                                          small: int, extra: int) -> None:
    steps = tuple(RateStep(rate=Decimal(r), minutes=step_minutes) for r in rates[:-1]) + (
        RateStep(rate=Decimal(rates[-1])),)
    t = Titration(rate_unit="mg_per_h", steps=steps, source="test")
    low, high = t.minutes(Decimal(small), None), t.minutes(Decimal(small + extra), None)
    assert low is not None and high is not None and 1 <= low <= high
    # what the steps deliver in ``high`` minutes covers the dose (in mg-minutes per hour:
    # exact, where a sum of rate/60 terms would round below a dose it meets exactly)
    delivered_x60, left = Decimal(0), high
    for s in steps:
        run = left if s.minutes is None else min(left, s.minutes)
        delivered_x60 += s.rate * run
        left -= run
        if left == 0:
            break
    assert delivered_x60 >= (small + extra) * 60


@settings(max_examples=80, deadline=None)
@given(gap=st.integers(min_value=1, max_value=200), given_before=st.integers(1, 9),
       product=st.sampled_from(["rituximab", "rituximab_abbs"]))
def test_rituximab_courses_repeat_two_weeks_then_16_weeks(gap: int, given_before: int,
                                                          product: str) -> None:
    """Dose n: the second infusion of a course (n even) needs >= 14 days, the first of a
    later course (n odd >= 3) >= 98 days (16 weeks from the course start) after the last."""
    history = [PastDose("rituximab", Decimal(1000), AS_OF - (gap + 200 * i) * DAY)
               for i in range(given_before)]
    n = given_before + 1
    need = 14 if n % 2 == 0 else 98
    assert ("regimen.interval" in _codes(product, Decimal(1000), history)) == (gap < need)


@settings(max_examples=60, deadline=None)
@given(gap=st.integers(min_value=1, max_value=40), earlier=st.integers(min_value=1, max_value=50))
def test_lecanemab_interval_blocks_exactly_below_the_11_day_default(gap: int,
                                                                   earlier: int) -> None:
    history = [PastDose("lecanemab", Decimal(700), AS_OF - (gap + 14 * i) * DAY)
               for i in range(earlier)]
    assert ("regimen.interval" in _codes("lecanemab", Decimal(700), history)) == (gap < 11)


@given(n=st.integers(min_value=1, max_value=60),
       code=st.sampled_from(["rituximab", "rituximab_abbs"]))
def test_a_repeating_regimen_maps_past_doses_round_its_cycle(n: int, code: str) -> None:
    reg = CATALOG.drugs[code].regimen
    assert reg is not None and reg.repeat_from == 3
    last = reg.steps[-1].from_dose
    if n > last:
        assert reg.step_for(n) == reg.step_for(n - 2)
    else:
        assert reg.step_for(n).from_dose == n
