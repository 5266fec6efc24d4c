"""IV fluids as orderable items (clinical-loop.md §6): the bags in the catalog, the 422s that
name the field, the warnings the engine adds, monitoring text on the line and the record, and
what order.signed / order.administered carry for hydration coding (ids and codes only)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orders.domain.administration import AdministrationRecord
from orders.domain.fluids import expected_volume_ml
from orders.domain.lines import FluidOrder, LineSpec, validate_lines
from orders.domain.order import Actor, Order
from orders.domain.protocols import DoseRule, Protocol, ProtocolLine, validate_protocol
from orders.seed import seed_catalog
from orders.service.events import order_administered, order_signed
from orders.testing import AS_OF, check, line, patient

CAT = seed_catalog()
CLINICIAN = Actor("clin-1", frozenset({"orders:write", "orders:sign"}))
HYDRATION = FluidOrder("hydration", Decimal(1000), "E86.0")


def ns(dose: object = 1000, seq: int = 1, drug: str = "ns_1000", unit: str = "mL",
       fluid: FluidOrder | None = HYDRATION, minutes: int = 60, **kw: object) -> LineSpec:
    return line(drug, dose, seq, unit, fluid=fluid, minutes=minutes, **kw)


@pytest.mark.parametrize("code,hcpcs,bag", [
    ("ns_1000", "J7030", 1000), ("ns_500", "J7040", 500), ("ns_250", "J7050", 250),
    ("lr_1000", "J7120", 1000)])
def test_the_bags_are_in_the_catalog(code: str, hcpcs: str, bag: int) -> None:
    drug = CAT.drug(code)
    assert drug is not None and drug.fluid is not None
    assert (drug.hcpcs, drug.fluid.bag_volume_ml, drug.dose_unit) == (hcpcs, bag, "mL")
    assert drug.route_modes == ("infusion",) and drug.monitoring


@pytest.mark.parametrize("spec,field,words", [
    (ns(1200), "lines.0.dose", "more than the 1000 mL bag"),
    (ns(600, drug="ns_500"), "lines.0.dose", "500 mL bag"),
    (ns(fluid=FluidOrder("hydration", None, "E86.0")), "lines.0.fluid.rate_ml_per_h", "rate"),
    (ns(fluid=FluidOrder("hydration", Decimal(1000), None)), "lines.0.fluid.indication",
     "indication"),
    (ns(fluid=FluidOrder("hydration", Decimal(1000), "  ")), "lines.0.fluid.indication",
     "indication"),
    (ns(fluid=None), "lines.0.fluid", "purpose"),
    (ns(minutes=90), "lines.0.minutes", "run out after 60 min"),
    (ns(unit="mg"), "lines.0.dose_unit", "dosed in mL"),
    (line("ketorolac", 30, fluid=HYDRATION), "lines.0.fluid", "not an IV fluid"),
    (ns(mode="push"), "lines.0.mode", "infusion"),
])
def test_bad_fluid_lines_are_refused_naming_the_field(spec: LineSpec, field: str,
                                                       words: str) -> None:
    errors = validate_lines([spec], CAT)
    assert [e.field for e in errors] == [field], errors
    assert words in errors[0].message


@pytest.mark.parametrize("spec", [
    ns(),  # 1 L over 60 min for dehydration
    ns(1, unit="L"),  # litres convert
    ns(250, drug="ns_250", fluid=FluidOrder("kvo", Decimal(20)), minutes=120),
    ns(100, drug="ns_250", fluid=FluidOrder("carrier", Decimal(200)), minutes=30),
    ns(1000, drug="lr_1000", fluid=FluidOrder("hydration", Decimal(500), "R11.2"), minutes=120),
])
def test_good_fluid_lines_pass(spec: LineSpec) -> None:
    assert validate_lines([spec], CAT) == []


def test_a_slow_hydration_rate_warns_and_kvo_does_not() -> None:
    slow = ns(fluid=FluidOrder("hydration", Decimal(50), "E86.0"), minutes=60)
    found = {f.code for f in check(patient(), [slow]).findings}
    assert "hydration_rate_low" in found
    kvo = ns(250, drug="ns_250", fluid=FluidOrder("kvo", Decimal(20)), minutes=60)
    assert "hydration_rate_low" not in {f.code for f in check(patient(), [kvo]).findings}


def test_a_carrier_with_no_drug_warns() -> None:
    carrier = ns(100, drug="ns_250", fluid=FluidOrder("carrier", Decimal(200)), minutes=30)
    assert "carrier_without_drug" in {f.code for f in check(patient(), [carrier]).findings}
    with_drug = [carrier, line("ketorolac", 30, 2)]
    assert "carrier_without_drug" not in {f.code for f in check(patient(), with_drug).findings}


def test_child_fluid_volume_is_capped_per_kg() -> None:
    child = patient(age=8, weight_kg=25)  # 20 mL/kg -> 500 mL
    found = {f.code for f in check(child, [ns(1000)]).findings}
    assert "pediatric_dose_above_cap" in found
    assert "pediatric_dose_above_cap" not in {
        f.code for f in check(child, [ns(500, drug="ns_500", minutes=30)]).findings}


def test_heart_failure_warns_on_fluid_volume() -> None:
    found = {(f.code, f.severity) for f in check(patient(conditions={"chf"}), [ns()]).findings}
    assert ("contraindication.chf", "warn") in found
    assert not any(f.code.startswith("contraindication") for f in check(patient(), [ns()]).findings)


def test_kvo_is_expected_to_deliver_rate_times_time() -> None:
    kvo = ns(250, drug="ns_250", fluid=FluidOrder("kvo", Decimal(20)), minutes=120)
    assert expected_volume_ml(kvo) == 40
    assert expected_volume_ml(ns()) == 1000


def _order(ls: list[LineSpec]) -> Order:
    pt = patient()
    return Order.create(result=check(pt, ls), actor=CLINICIAN, at=AS_OF, id=uuid4(),
                        practice_id="demo-clinic", patient_id=pt.patient_id,
                        urgency="same_day", lines=ls, diagnoses=["G43.709", "E86.0"])


def test_monitoring_text_is_on_the_line_and_the_record() -> None:
    order = _order([ns(), line("ketorolac", 30, 2)])
    assert order.lines[0].monitoring == CAT.drug("ns_1000").monitoring
    assert order.lines[1].monitoring == CAT.drug("ketorolac").monitoring
    assert "monitoring" in order.lines[0].to_dict()
    assert LineSpec.from_dict(order.lines[0].to_dict()) == order.lines[0]
    pt = patient()
    order.sign(result=check(pt, order.lines), actor=CLINICIAN, at=AS_OF, patient=pt,
               catalog=CAT)
    rec = AdministrationRecord(1, AS_OF, AS_OF + timedelta(minutes=60), Decimal(1000), "mL")
    saved = order.record_administration(record=rec, catalog=CAT, actor=CLINICIAN, at=AS_OF)
    assert saved.monitoring == CAT.drug("ns_1000").monitoring
    assert not saved.findings  # 1000 mL over 60 min is what was ordered


def test_the_monitoring_text_does_not_make_a_line_differ() -> None:
    plain = ns()
    assert replace(plain, monitoring=("x",)) == plain


def test_events_carry_the_fluid_purpose_rate_and_indication_code() -> None:
    order = _order([ns(), line("eptinezumab", 100, 2, minutes=40)])
    pt = patient()
    order.sign(result=check(pt, order.lines), actor=CLINICIAN, at=AS_OF, patient=pt,
               catalog=CAT)
    signed = order_signed(order.events[-1])  # type: ignore[arg-type]
    fluid = signed.lines[0].fluid
    assert fluid is not None and (fluid.purpose, fluid.indication) == ("hydration", "E86.0")
    assert signed.lines[1].fluid is None
    for seq, start, stop, dose, unit in ((1, 0, 60, 1000, "mL"), (2, 60, 100, 100, "mg")):
        order.record_administration(record=AdministrationRecord(
            seq, AS_OF + timedelta(minutes=start), AS_OF + timedelta(minutes=stop),
            Decimal(dose), unit), catalog=CAT, actor=CLINICIAN, at=AS_OF)
    order.complete(actor=CLINICIAN, at=AS_OF + timedelta(hours=2), catalog=CAT,
                   patient_age_years=40)
    given = order_administered(order.events[-1]).administrations  # type: ignore[arg-type]
    assert given[0].fluid is not None and given[0].fluid.purpose == "hydration"
    assert given[0].fluid.indication == "E86.0" and given[0].hcpcs == "J7030"
    assert given[0].stopped_at - given[0].started_at == timedelta(minutes=60)
    assert given[1].fluid is None


def test_a_protocol_line_cannot_be_a_fluid() -> None:
    proto = Protocol(id=uuid4(), practice_id=None, name="fluids first", population="adult",
                     lines=(ProtocolLine(1, "ns_1000", DoseRule("fixed", Decimal(1000)),
                                         "infusion", 60),))
    assert [e.field for e in validate_protocol(proto, CAT)] == ["lines.0.drug_code"]


@settings(max_examples=300, deadline=None)
@given(volume=st.integers(1, 1000), rate=st.integers(1, 2000), minutes=st.integers(1, 1440))
def test_a_fluid_line_passes_only_while_the_bag_lasts(volume: int, rate: int,
                                                      minutes: int) -> None:
    spec = ns(volume, fluid=FluidOrder("kvo", Decimal(rate)), minutes=minutes)
    fields = [e.field for e in validate_lines([spec], CAT)]
    lasts = -(-volume * 60 // rate)  # whole minutes, rounded up
    assert (fields == []) == (minutes <= lasts)
    assert set(fields) <= {"lines.0.minutes"}
    assert 0 < expected_volume_ml(spec) <= volume
