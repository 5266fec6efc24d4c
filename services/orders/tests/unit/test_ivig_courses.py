"""IVIG courses on the seed catalog (clinical-loop.md §5.1: CIDP 2 g/kg over 2-5 days, then
1 g/kg q3 wk over 1-2 days for Privigen): a table of cases through run_checks and line
validation, each asserting on findings or field errors, and properties of the course split
and the titration run time. Pure domain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orders.domain.checks import run_checks
from orders.domain.checks.context import build_context
from orders.domain.checks.regimen_checks import run_minutes
from orders.domain.courses import CourseDay, course_runs, day_doses
from orders.domain.lines import LineSpec, validate_lines
from orders.domain.patient import PastDose
from orders.domain.recall_data import interval_conflicts
from orders.seed import seed_catalog
from orders.testing import AS_OF, patient

CATALOG = seed_catalog()
DAY = timedelta(days=1)
BLOCKS = {"course.days", "course.dose", "course.total", "regimen.interval"}


def given_on(*days_ago: int, dose: str, code: str = "ivig_privigen") -> list[PastDose]:
    return [PastDose(drug_code=code, dose=Decimal(dose), given_at=AS_OF - d * DAY)
            for d in days_ago]


def ivig(dose: str, days: int | None, day: int | None, code: str = "ivig_privigen",
         minutes: int = 600) -> LineSpec:
    course = CourseDay(days, day) if days is not None and day is not None else None
    return LineSpec(sequence=1, drug_code=code, dose=Decimal(dose), dose_unit="g",
                    mode="infusion", minutes=minutes, course=course)


@dataclass(frozen=True)
class Case:
    line: LineSpec
    history: list[PastDose] = field(default_factory=list)
    weight: str | None = "70"
    blocks: frozenset[str] = frozenset()  # course/interval blocks expected (exactly)
    errors: tuple[str, ...] = ()  # field errors expected (exactly)
    course_number: int = 1  # the regimen step's number (courses)


LOADING_5 = given_on(25, 24, 23, 22, 21, dose="28")
LOADING_2 = given_on(22, 21, dose="70")

CASES = {
    "loading_2_days_day_1_is_1_g_per_kg": Case(ivig("70", 2, 1)),
    "loading_2_days_day_2_the_next_day": Case(ivig("70", 2, 2), given_on(1, dose="70")),
    "loading_5_days_day_1_is_0_4_g_per_kg": Case(ivig("28", 5, 1)),
    "loading_5_days_day_5": Case(ivig("28", 5, 5), given_on(4, 3, 2, 1, dose="28")),
    "loading_3_days_rounding_day_1": Case(ivig("47", 3, 1), weight="70.3"),
    "loading_3_days_rounding_day_3_takes_the_smaller_share": Case(
        ivig("46.5", 3, 3), given_on(2, 1, dose="47"), weight="70.3"),
    "loading_3_days_day_3_at_47_is_within_one_step": Case(
        ivig("47", 3, 3), given_on(2, 1, dose="47"), weight="70.3",
        blocks=frozenset({"course.total"})),  # 141 g is above 2 g/kg x 70.3 kg = 140.6 g
    "maintenance_1_g_per_kg_in_1_day": Case(ivig("70", 1, 1), LOADING_2, course_number=2),
    "maintenance_in_2_days_day_1": Case(ivig("35", 2, 1), LOADING_2, course_number=2),
    "maintenance_in_2_days_day_2_the_next_day": Case(
        ivig("35", 2, 2), [*LOADING_2, *given_on(1, dose="35")], course_number=2),
    "second_course_is_maintenance_after_a_5_day_loading": Case(
        ivig("70", 1, 1), LOADING_5, course_number=2),
    "third_course_is_maintenance": Case(
        ivig("35", 2, 1), [*given_on(43, 42, dose="70"), *given_on(21, dose="70")],
        course_number=3),
    "loading_doses_again_on_course_2_are_refused": Case(
        ivig("70", 2, 1), LOADING_2, blocks=frozenset({"course.dose"}),
        errors=("lines.0.dose",), course_number=2),
    "loading_day_2_again_on_course_2_is_above_the_total": Case(
        ivig("70", 2, 2), [*LOADING_5, *given_on(1, dose="70")],
        blocks=frozenset({"course.dose", "course.total"}), errors=("lines.0.dose",),
        course_number=2),
    "maintenance_over_3_days_is_out_of_privigen_range": Case(
        ivig("23", 3, 1), LOADING_2, blocks=frozenset({"course.days"}), course_number=2),
    "new_course_7_days_after_is_too_soon": Case(
        ivig("70", 1, 1), given_on(8, 7, dose="70"),
        blocks=frozenset({"regimen.interval"}), course_number=2),
    "new_course_the_next_day_is_too_soon": Case(
        ivig("70", 1, 1), given_on(2, 1, dose="70"),
        blocks=frozenset({"regimen.interval"}), course_number=2),
    "day_2_a_week_after_day_1_is_a_new_course_too_soon": Case(
        ivig("70", 2, 2), given_on(7, dose="70"),
        blocks=frozenset({"regimen.interval", "course.dose"}), errors=("lines.0.dose",),
        course_number=2),
    # the prescriber's day k sets the course's first day; a day without a dose in it may be
    # one not given yet (a series is ordered ahead), so it is not refused
    "day_3_with_a_dose_yesterday_is_read_from_the_stated_day": Case(
        ivig("28", 5, 3), given_on(1, dose="28")),
    "day_3_ordered_ahead_with_day_2_not_given_yet": Case(
        ivig("28", 5, 3), given_on(2, dose="28")),
    "day_2_ordered_before_day_1_is_given": Case(ivig("70", 2, 2)),
    "maintenance_day_2_ordered_ahead_three_weeks_after_loading": Case(
        ivig("35", 2, 2), given_on(23, 22, dose="70"), course_number=2),
    "a_sixth_consecutive_day_unstated_is_above_the_loading_total": Case(
        ivig("28", None, None), given_on(5, 4, 3, 2, 1, dose="28"),
        blocks=frozenset({"course.total"})),
    "a_day_dose_off_the_split_is_a_field_error": Case(
        ivig("60", 2, 1), blocks=frozenset({"course.dose"}), errors=("lines.0.dose",)),
    "no_weight_is_a_field_error": Case(
        ivig("70", 2, 1), weight=None, blocks=frozenset({"course.dose"}),
        errors=("patient.weight_kg",)),
    "gamunex_maintenance_in_2_days": Case(
        ivig("35", 2, 1, "ivig_gamunex_c"), given_on(22, 21, dose="70"), course_number=2),
    "products_share_courses_privigen_then_gamunex": Case(
        ivig("70", 1, 1, "ivig_gamunex_c"), LOADING_2, course_number=2),
}


@pytest.mark.parametrize("name", list(CASES))
def test_course_case(name: str) -> None:
    case = CASES[name]
    facts = patient(weight_kg=case.weight)
    result = run_checks(patient=facts, lines=[case.line], catalog=CATALOG,
                        history=case.history, as_of=AS_OF)
    blocks = {f.code for f in result.blocks} & BLOCKS
    assert blocks == case.blocks, result.findings
    assert tuple(e.field for e in result.field_errors) == case.errors, result.field_errors
    ctx = build_context(patient=facts, lines=[case.line], catalog=CATALOG,
                        history=case.history, as_of=AS_OF)
    assert ctx.regimen_number(ctx.lines[0]) == case.course_number
    # the event's dose number still counts administrations (first-dose acuity, recall)
    assert result.dose_numbers[1] == len(case.history) + 1


def test_the_course_number_picks_the_step() -> None:
    reg = CATALOG.drugs["ivig_privigen"].regimen
    assert reg is not None and reg.in_courses
    assert reg.step_for(1).course is not None and reg.step_for(1).course.per_kg_total == 2
    maintenance = reg.step_for(2).course
    assert maintenance is not None and maintenance.per_kg_total == 1
    assert reg.step_for(7).course == maintenance
    assert reg.course_days == (1, 5)


@pytest.mark.parametrize(("days", "day", "field_name"), [
    (6, 1, "lines.0.course.days"),   # N=6 refused: no IVIG course is over 6 days
    (2, 3, "lines.0.course.day"),    # day k > N
    (5, 5, None), (1, 1, None),
])
def test_course_shape_is_validated(days: int, day: int, field_name: str | None) -> None:
    errors = validate_lines([ivig("28", days, day)], CATALOG)
    assert [e.field for e in errors] == ([field_name] if field_name else [])


def test_a_course_on_a_drug_not_dosed_in_courses_is_refused() -> None:
    line = LineSpec(sequence=1, drug_code="ketorolac", dose=Decimal(30), dose_unit="mg",
                    mode="push", minutes=1, course=CourseDay(2, 1))
    assert [e.field for e in validate_lines([line], CATALOG)] == ["lines.0.course"]


def test_an_order_without_a_course_still_checks_and_warns() -> None:
    result = run_checks(patient=patient(), lines=[ivig("70", None, None)], catalog=CATALOG,
                        history=given_on(1, dose="70"), as_of=AS_OF)
    codes = {f.code: f.severity for f in result.findings}
    assert codes.get("course.unstated") == "warn"
    assert "regimen.interval" not in codes  # inferred as day 2 of the course under way
    assert not result.field_errors


def test_each_day_runs_for_its_own_dose() -> None:
    drug = CATALOG.drugs["ivig_privigen"]
    five_day = run_minutes(drug, 1, Decimal(28), Decimal(70))
    two_day = run_minutes(drug, 1, Decimal(70), Decimal(70))
    # 0.5 mg/kg/min for 30 min (1.05 g), then 8 mg/kg/min (0.56 g/min)
    assert (five_day, two_day) == (30 + 49, 30 + 124)
    result = run_checks(patient=patient(), lines=[ivig("28", 5, 1, minutes=60)],
                        catalog=CATALOG, history=[], as_of=AS_OF)
    assert any(f.code == "regimen.titration" and "79 min" in f.message
               for f in result.findings)


def test_line_course_round_trips() -> None:
    line = ivig("28", 5, 3)
    assert LineSpec.from_dict(line.to_dict()) == line
    assert "course" not in ivig("28", None, None).to_dict()


@pytest.mark.parametrize(("total", "days", "expected"), [
    ("140", 2, ("70", "70")), ("140", 5, ("28", "28", "28", "28", "28")),
    ("140.6", 3, ("47", "47", "46.5")), ("70", 1, ("70",)), ("70", 2, ("35", "35")),
    ("0.4", 2, ("0", "0")),
])
def test_day_doses_table(total: str, days: int, expected: tuple[str, ...]) -> None:
    assert day_doses(Decimal(total), days, Decimal("0.5")) == tuple(Decimal(e)
                                                                     for e in expected)


def test_course_runs_group_consecutive_days() -> None:
    d = AS_OF.date()
    runs = course_runs([d, d + DAY, d + 2 * DAY, d + 23 * DAY, d + 23 * DAY])
    assert runs == [[d, d + DAY, d + 2 * DAY], [d + 23 * DAY]]


TOTALS = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("400"), places=2)
STEPS = st.sampled_from([Decimal("0.1"), Decimal("0.5"), Decimal("1"), Decimal("2.5")])


@given(TOTALS, st.integers(min_value=1, max_value=10), STEPS)
def test_course_sum_is_within_one_step_and_never_above(total: Decimal, days: int,
                                                       step: Decimal) -> None:
    doses = day_doses(total, days, step)
    assert len(doses) == days
    assert sum(doses) <= total
    assert total - sum(doses) < step
    assert max(doses) - min(doses) <= step
    assert all(d % step == 0 for d in doses)


@given(st.decimals(min_value=Decimal("30"), max_value=Decimal("200"), places=1),
       st.integers(min_value=1, max_value=10), STEPS)
def test_course_sum_from_weight(weight: Decimal, days: int, step: Decimal) -> None:
    course = CATALOG.drugs["ivig_privigen"].regimen.step_for(1).course  # type: ignore[union-attr]
    assert course is not None
    total = course.total(weight)
    doses = day_doses(total, days, step)
    assert total - step < sum(doses) <= total


@given(st.decimals(min_value=Decimal("1"), max_value=Decimal("200"), places=1),
       st.decimals(min_value=Decimal("0"), max_value=Decimal("100"), places=1),
       st.decimals(min_value=Decimal("30"), max_value=Decimal("200"), places=1),
       st.sampled_from(["ivig_privigen", "ivig_gamunex_c"]), st.integers(1, 3))
def test_run_time_is_monotone_in_dose(dose: Decimal, more: Decimal, weight: Decimal,
                                      code: str, course_number: int) -> None:
    drug = CATALOG.drugs[code]
    low = run_minutes(drug, course_number, dose, weight)
    high = run_minutes(drug, course_number, dose + more, weight)
    assert low is not None and high is not None and low <= high


def test_recall_meets_the_interval_between_courses() -> None:
    ivig = [CATALOG.drugs["ivig_privigen"], CATALOG.drugs["ivig_gamunex_c"]]
    assert interval_conflicts(ivig) == []  # by-dose "next day" is a course day: no interval
    early = ivig[0].recall.model_copy(update={"earliest_days": 7})  # type: ignore[union-attr]
    found = interval_conflicts([ivig[0].model_copy(update={"recall": early}), ivig[1]])
    assert found and all("between courses" in m and "14 days" in m for m in found)


def test_a_loading_course_given_twice_is_refused_with_its_reason() -> None:
    case = CASES["loading_day_2_again_on_course_2_is_above_the_total"]
    result = run_checks(patient=patient(), lines=[case.line], catalog=CATALOG,
                        history=case.history, as_of=AS_OF)
    total = next(f for f in result.blocks if f.code == "course.total")
    assert "course 2" in total.message and "140 g, above its total 70 g" in total.message
    assert "loading course again" in total.message
    (error,) = result.field_errors
    assert "day 2 is 35 g, not 70 g" in error.message


# A 5-day loading course booked Thursday, Friday, then Monday to Wednesday (the series skips the
# closed weekend): the Monday dose is day 3 of the same course, not a second course too soon.
ACROSS_WEEKEND = {
    "day_3_after_a_weekend_continues_the_course": (ivig("28", 5, 3), given_on(4, 3, dose="28"),
                                                   frozenset(), 1),
    "day_3_unstated_after_a_weekend_continues_the_course": (
        ivig("28", None, None), given_on(4, 3, dose="28"), frozenset(), 1),
    "day_5_after_a_weekend": (ivig("28", 5, 5), given_on(6, 5, 2, 1, dose="28"), frozenset(), 1),
    # a stated day 1 is a new course whatever the gap: two days after a course, too soon
    "day_1_two_days_after_a_course_is_a_new_course_too_soon": (
        ivig("70", 1, 1), given_on(3, 2, dose="70"), frozenset({"regimen.interval"}), 2),
    # longer than a closed long weekend: a new course, even unstated
    "a_dose_5_days_after_is_a_new_course": (
        ivig("70", None, None), given_on(6, 5, dose="70"), frozenset({"regimen.interval"}), 2),
}


@pytest.mark.parametrize("name", list(ACROSS_WEEKEND))
def test_course_days_may_straddle_closed_days(name: str) -> None:
    line, history, blocks, number = ACROSS_WEEKEND[name]
    facts = patient(weight_kg="70")
    result = run_checks(patient=facts, lines=[line], catalog=CATALOG, history=history,
                        as_of=AS_OF)
    assert {f.code for f in result.blocks} & BLOCKS == blocks, result.findings
    ctx = build_context(patient=facts, lines=[line], catalog=CATALOG, history=history,
                        as_of=AS_OF)
    assert ctx.regimen_number(ctx.lines[0]) == number


def test_course_runs_join_days_across_a_long_weekend_only() -> None:
    d = AS_OF.date()
    assert course_runs([d, d + 4 * DAY]) == [[d, d + 4 * DAY]]  # Friday -> Tuesday
    assert course_runs([d, d + 5 * DAY]) == [[d], [d + 5 * DAY]]
