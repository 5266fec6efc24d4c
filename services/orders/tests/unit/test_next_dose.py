"""The next dose per the regimen (order.signed ``next_dose``): what purchasing counts for a
recall of the drug, on the seed catalog through run_checks. A table of cases: the regimen's
next step (ocrelizumab, donanemab), a drug without a regimen repeating its dose
(eptinezumab), per-kg doses, and IVIG courses (the next day of a course under way, else the
whole next course). Pure domain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from orders.domain.checks import run_checks
from orders.domain.courses import CourseDay
from orders.domain.events import order_signed
from orders.domain.lines import LineSpec
from orders.domain.order import Actor, Order
from orders.domain.patient import PastDose
from orders.seed import seed_catalog
from orders.service.events import order_signed as contract_of
from orders.testing import AS_OF, line, patient

CATALOG = seed_catalog()
DAY = timedelta(days=1)


def given(code: str, dose: str, *days_ago: int) -> list[PastDose]:
    return [PastDose(drug_code=code, dose=Decimal(dose), given_at=AS_OF - d * DAY)
            for d in days_ago]


def ivig(dose: str, days: int | None, day: int | None) -> LineSpec:
    course = CourseDay(days, day) if days is not None and day is not None else None
    return line("ivig_privigen", dose, unit="g", course=course)


@dataclass(frozen=True)
class Case:
    line: LineSpec
    expected: str | None  # in the drug's dose unit; None: not known (left out)
    history: list[PastDose] = field(default_factory=list)
    weight: str | None = "70"


CASES = {
    # ocrelizumab: 300 mg day 1, 300 mg day 15, then 600 mg every 24 weeks
    "ocrelizumab_dose_1_then_the_second_300": Case(line("ocrelizumab", 300), "300"),
    "ocrelizumab_dose_2_then_600_maintenance": Case(
        line("ocrelizumab", 300), "600", given("ocrelizumab", "300", 14)),
    "ocrelizumab_maintenance_then_600": Case(
        line("ocrelizumab", 600), "600", given("ocrelizumab", "300", 400, 386)
        + given("ocrelizumab", "600", 210)),
    # donanemab titrates 350 -> 700 -> 1050 -> 1400 mg
    "donanemab_dose_1_then_700": Case(line("donanemab", 350), "700"),
    "donanemab_dose_3_then_1400": Case(
        line("donanemab", 1050), "1400", given("donanemab", "350", 56)
        + given("donanemab", "700", 28)),
    # no regimen: the next dose is the same dose
    "eptinezumab_repeats_its_dose": Case(line("eptinezumab", 300), "300"),
    # per kg: weight x 5 mg/kg; unknown without a weight
    "infliximab_5_mg_per_kg": Case(line("infliximab", 350), "350"),
    "infliximab_without_a_weight": Case(line("infliximab", 350), None, weight=None),
    # IVIG (Privigen, 70 kg): loading 2 g/kg over N days, then 1 g/kg courses
    "ivig_loading_day_1_of_2_then_day_2": Case(ivig("70", 2, 1), "70"),
    "ivig_loading_day_1_of_5_then_day_2": Case(ivig("28", 5, 1), "28"),
    "ivig_loading_last_day_then_the_maintenance_course": Case(
        ivig("70", 2, 2), "70", given("ivig_privigen", "70", 1)),
    "ivig_loading_day_5_of_5_then_the_maintenance_course": Case(
        ivig("28", 5, 5), "70", given("ivig_privigen", "28", 4, 3, 2, 1)),
    "ivig_maintenance_day_1_of_2_then_its_day_2": Case(
        ivig("35", 2, 1), "35", given("ivig_privigen", "70", 22, 21)),
    "ivig_course_day_unstated_is_not_known": Case(ivig("70", None, None), None),
    "ivig_without_a_weight_is_not_known": Case(ivig("70", 2, 1), None, weight=None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_next_dose_per_regimen(name: str) -> None:
    case = CASES[name]
    result = run_checks(patient=patient(weight_kg=case.weight), lines=[case.line],
                        catalog=CATALOG, history=case.history, as_of=AS_OF)
    found = result.next_doses.get(case.line.sequence)
    if case.expected is None:
        assert found is None, found
    else:
        assert found == Decimal(case.expected), found


def test_the_signed_event_carries_the_next_dose_in_the_drugs_unit() -> None:
    facts = patient()
    ls = [line("ocrelizumab", 300)]
    history = given("ocrelizumab", "300", 14)
    result = run_checks(patient=facts, lines=ls, catalog=CATALOG, history=history, as_of=AS_OF)
    order = Order.create(result=result, actor=Actor("clin-1", frozenset()), at=AS_OF,
                         id=uuid4(), practice_id="demo-clinic", patient_id=facts.patient_id,
                         urgency="planned", lines=ls, diagnoses=["G35"])
    signed = order_signed(order, facts, CATALOG, AS_OF, dose_numbers=result.dose_numbers,
                          next_doses=result.next_doses)
    [ln] = contract_of(signed).lines  # the order.signed message partners read
    assert (ln.dose_number, ln.next_dose, ln.next_dose_unit) == (2, Decimal("600"), "mg")
    # an event built without them (as before) says "not known", never the dose given
    [old] = contract_of(order_signed(order, facts, CATALOG, AS_OF)).lines
    assert (old.next_dose, old.next_dose_unit) == (None, None)
