"""clinical-loop.md §8 rows 2-3 and 20-27 on the seed catalog's neurology drugs (§5): one row
per acceptance test, named by its number, each with a control that passes the same rule, so
every row can fail. Pure domain: run_checks, start_blocks, add_premedication."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID, uuid4

import pytest

from orders.domain.checks import run_checks
from orders.domain.checks.regimen_checks import start_blocks
from orders.domain.lines import LineSpec
from orders.domain.observations import Observation
from orders.domain.patient import PastDose
from orders.domain.premedication import add_premedication
from orders.domain.reactions import Reaction
from orders.seed import seed_catalog
from orders.seed.reactions import seed_reaction_rules
from orders.testing import AS_OF, PATIENT_ID, patient
from orders.testing_reactions import reaction

CATALOG = seed_catalog()
TODAY = AS_OF.date()
DAY = timedelta(days=1)
ORDER = UUID("00000000-0000-4000-8000-0000000000aa")


def obs(kind: str, result: str, days_ago: int, order_id: UUID | None = None) -> Observation:
    return Observation(id=uuid4(), patient_id=PATIENT_ID, kind=kind, result=result,
                       observed_on=TODAY - days_ago * DAY, source="lab", order_id=order_id)


def doses(code: str, *days_ago: int, dose: str = "300") -> list[PastDose]:
    return [PastDose(drug_code=code, dose=Decimal(dose), given_at=AS_OF - d * DAY)
            for d in days_ago]


@dataclass(frozen=True)
class Row:
    drug: str
    dose: str
    history: list[PastDose] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    minutes: int = 240
    expect: dict[str, str] = field(default_factory=dict)  # finding code -> severity
    absent: tuple[str, ...] = ()  # finding codes that must not be there
    blocked: bool | None = None  # any block at all


BASELINE_MRI = obs("mri_brain", "no_aria", 40)
APOE = obs("apoe", "e4_noncarrier", 40)
HBV_NEG = obs("hbv_screen", "negative", 30)

ROWS = {
    "02_grade3_remicade_blocks_inflectra": Row(
        "infliximab_dyyb", "350", observations=[obs("tb_screen", "negative", 10)],
        reactions=[reaction("infliximab", 3)],
        expect={"reaction.hard_stop": "block"}, blocked=True),
    "02_control_grade3_remicade_does_not_touch_ocrelizumab": Row(
        "ocrelizumab", "300", observations=[HBV_NEG], reactions=[reaction("infliximab", 3)],
        absent=("reaction.hard_stop",), blocked=False),
    "03_grade2_ocrelizumab_dose1_allows_dose2_with_premed_and_rate": Row(
        "ocrelizumab", "300", history=doses("ocrelizumab", 15), observations=[HBV_NEG],
        reactions=[reaction("ocrelizumab", 2, ago=15 * DAY, rate=60, dose_number=1,
                            restart_rate=30)],
        expect={"reaction.premedicate": "warn"}, absent=("reaction.hard_stop",),
        blocked=False),
    "20_natalizumab_no_anti_jcv_in_6_months_warns": Row(
        "natalizumab", "300", observations=[obs("anti_jcv", "negative", 200)], minutes=60,
        expect={"gate.anti_jcv": "warn"}, blocked=False),
    "20_control_anti_jcv_within_6_months": Row(
        "natalizumab", "300", observations=[obs("anti_jcv", "negative", 100)], minutes=60,
        absent=("gate.anti_jcv",), blocked=False),
    "22_lecanemab_5th_dose_no_mri_after_the_pre3rd_mri_blocks": Row(
        "lecanemab", "700", history=doses("lecanemab", 56, 42, 28, 14, dose="700"),
        observations=[BASELINE_MRI, APOE, obs("mri_brain", "no_aria", 30)], minutes=60,
        expect={"gate.mri_brain": "block"}, blocked=True),
    "22_control_mri_after_dose_4": Row(
        "lecanemab", "700", history=doses("lecanemab", 56, 42, 28, 14, dose="700"),
        observations=[BASELINE_MRI, APOE, obs("mri_brain", "no_aria", 30),
                      obs("mri_brain", "no_aria", 3)], minutes=60,
        absent=("gate.mri_brain",), blocked=False),
    "23_lecanemab_3rd_dose_no_mri_after_dose_2_blocks": Row(
        "lecanemab", "700", history=doses("lecanemab", 28, 14, dose="700"),
        observations=[obs("mri_brain", "no_aria", 35), APOE], minutes=60,
        expect={"gate.mri_brain": "block"}, blocked=True),
    "23_control_4th_dose_needs_no_mri": Row(
        "lecanemab", "700", history=doses("lecanemab", 42, 28, 14, dose="700"),
        observations=[obs("mri_brain", "no_aria", 50), APOE], minutes=60,
        absent=("gate.mri_brain",), blocked=False),
    "24_donanemab_2nd_dose_18_days_after_1st_blocks_and_needs_mri": Row(
        "donanemab", "700", history=doses("donanemab", 18, dose="350"),
        observations=[obs("mri_brain", "no_aria", 25), APOE], minutes=30,
        expect={"regimen.interval": "block", "gate.mri_brain": "block"}, blocked=True),
    "24_control_21_days_and_mri_after_dose_1": Row(
        "donanemab", "700", history=doses("donanemab", 21, dose="350"),
        observations=[obs("mri_brain", "no_aria", 25), obs("mri_brain", "no_aria", 2), APOE],
        minutes=30, absent=("regimen.interval", "gate.mri_brain"), blocked=False),
    "25_ocrelizumab_dose1_no_hbv_blocks": Row(
        "ocrelizumab", "300", expect={"gate.hbv_screen": "block"}, blocked=True),
    "25_control_hbv_negative": Row(
        "ocrelizumab", "300", observations=[HBV_NEG], absent=("gate.hbv_screen",),
        blocked=False),
    "25_hbv_positive_blocks": Row(
        "ocrelizumab", "300", observations=[obs("hbv_screen", "positive", 3)],
        expect={"gate.hbv_screen.result": "block"}, blocked=True),
    "26_ocrelizumab_maintenance_19_weeks_after_last_blocks": Row(
        "ocrelizumab", "600", history=doses("ocrelizumab", 19 * 7 + 14, 19 * 7),
        expect={"regimen.interval": "block"}, blocked=True),
    "26_control_20_weeks": Row(
        "ocrelizumab", "600", history=doses("ocrelizumab", 20 * 7 + 14, 20 * 7),
        absent=("regimen.interval",), blocked=False),
    # issue 18 audit: minimum intervals the catalog lacked (clinical-loop.md §5.1)
    "lecanemab_dose2_5_days_after_dose1_blocks": Row(
        "lecanemab", "700", history=doses("lecanemab", 5, dose="700"), minutes=60,
        expect={"regimen.interval": "block"}, blocked=True),
    "lecanemab_10_days_blocks_below_the_11_day_default": Row(
        "lecanemab", "700", history=doses("lecanemab", 24, 10, dose="700"), minutes=60,
        expect={"regimen.interval": "block"}, blocked=True),
    "lecanemab_control_11_days": Row(
        "lecanemab", "700", history=doses("lecanemab", 11, dose="700"), minutes=60,
        absent=("regimen.interval",), blocked=False),
    "lecanemab_control_q4wk_after_18_months": Row(
        "lecanemab", "700", history=doses("lecanemab", *range(28, 28 + 40 * 14, 14),
                                          dose="700"),
        minutes=60, absent=("regimen.interval",), blocked=False),
    "rituximab_dose3_14_days_after_dose2_blocks": Row(
        "rituximab", "1000", history=doses("rituximab", 28, 14, dose="1000"),
        expect={"regimen.interval": "block"}, blocked=True),
    "rituximab_control_dose3_16_weeks_after_course_start": Row(
        "rituximab", "1000", history=doses("rituximab", 112, 98, dose="1000"),
        absent=("regimen.interval",), blocked=False),
    "rituximab_control_dose4_2_weeks_into_course_2": Row(
        "rituximab", "1000", history=doses("rituximab", 182, 168, 14, dose="1000"),
        absent=("regimen.interval",), blocked=False),
    "rituximab_dose5_2_weeks_after_course_2_blocks": Row(
        "rituximab", "1000", history=doses("rituximab", 196, 182, 28, 14, dose="1000"),
        expect={"regimen.interval": "block"}, blocked=True),
    "truxima_dose3_after_rituxan_course_14_days_blocks": Row(
        "rituximab_abbs", "1000", history=doses("rituximab", 28, 14, dose="1000"),
        expect={"regimen.interval": "block"}, blocked=True),
    "truxima_control_dose3_at_24_weeks": Row(
        "rituximab_abbs", "1000", history=doses("rituximab", 168, 154, dose="1000"),
        absent=("regimen.interval",), blocked=False),
}


def _run(row: Row):  # type: ignore[no-untyped-def]
    line = LineSpec(sequence=1, drug_code=row.drug, dose=Decimal(row.dose), dose_unit="mg",
                    mode="infusion", minutes=row.minutes)
    return run_checks(patient=patient(), lines=[line], catalog=CATALOG, history=row.history,
                      as_of=AS_OF, reactions=row.reactions, reaction_rules=seed_reaction_rules(),
                      observations=row.observations)


@pytest.mark.parametrize("name", sorted(ROWS))
def test_acceptance_row(name: str) -> None:
    row = ROWS[name]
    result = _run(row)
    found = {f.code: f.severity for f in result.findings}
    for code, severity in row.expect.items():
        assert found.get(code) == severity, (code, found)
    for code in row.absent:
        assert code not in found, (code, found)
    if row.blocked is not None:
        assert bool(result.blocks) is row.blocked, [f.code for f in result.blocks]


def test_row_03_message_names_the_premedication_and_the_last_tolerated_rate() -> None:
    result = _run(ROWS["03_grade2_ocrelizumab_dose1_allows_dose2_with_premed_and_rate"])
    msg = next(f.message for f in result.findings if f.code == "reaction.premedicate")
    assert "methylprednisolone 100 mg" in msg and "last tolerated rate 30 mL/h" in msg


def test_row_03_premedication_lines_are_added_before_ocrelizumab() -> None:
    drug = [LineSpec(sequence=1, drug_code="ocrelizumab", dose=Decimal(300), dose_unit="mg",
                     mode="infusion", minutes=160)]
    out = add_premedication(drug, CATALOG)
    assert [(ln.sequence, ln.drug_code, ln.dose) for ln in out] == [
        (1, "methylprednisolone", Decimal(100)), (2, "diphenhydramine", Decimal(50)),
        (3, "ocrelizumab", Decimal(300))]
    assert out[1].with_previous and out[1].wait_after_minutes == 15  # 30 min before - 15 run
    assert add_premedication(out, CATALOG) == out  # never added twice


def test_row_21_natalizumab_start_blocked_without_this_infusions_touch_checklist() -> None:
    drug = CATALOG.drugs["natalizumab"]
    other = obs("touch_checklist", "completed", 0, order_id=uuid4())
    assert start_blocks(drug=drug, dose_number=5, order_id=ORDER, on=TODAY,
                        observations=[other]) != []
    assert start_blocks(drug=drug, dose_number=5, order_id=ORDER, on=TODAY,
                        observations=[obs("touch_checklist", "not_completed", 0, ORDER)]) != []
    assert start_blocks(drug=drug, dose_number=5, order_id=ORDER, on=TODAY,
                        observations=[obs("touch_checklist", "completed", 0, ORDER)]) == []


def test_row_21_order_check_says_the_checklist_is_checked_at_start() -> None:
    result = _run(Row("natalizumab", "300", minutes=60,
                      observations=[obs("anti_jcv", "negative", 10)]))
    assert {f.code: f.severity for f in result.findings}["gate.touch_checklist"] == "info"


UBL_DOSE3 = doses("ublituximab", 328, 314, dose="450")


@pytest.mark.parametrize(("name", "dose", "history", "reactions", "observation"), [
    ("dose 1", "150", [], [], 60),
    ("dose 2", "450", doses("ublituximab", 14, dose="150"), [], 60),
    ("dose 3, no prior IRR", "450", UBL_DOSE3, [], 0),
    ("dose 7, no prior IRR", "450", doses("ublituximab", *range(900, 0, -170)), [], 0),
    ("dose 3, IRR on dose 1", "450", UBL_DOSE3,
     [reaction("ublituximab", 2, ago=328 * DAY, dose_number=1)], 60),
    ("dose 3, grade 1 IRR on dose 2", "450", UBL_DOSE3,
     [reaction("ublituximab", 1, ago=314 * DAY, dose_number=2)], 60),
    ("dose 3, IRR to another anti-CD20 only", "450", UBL_DOSE3,
     [reaction("ocrelizumab", 2, ago=400 * DAY)], 0),
    ("dose 3, reaction recorded after the order's moment", "450", UBL_DOSE3,
     [reaction("ublituximab", 2, ago=-DAY)], 0),
])
def test_row_27_ublituximab_observation_by_dose_number_and_prior_irr(
        name: str, dose: str, history: list[PastDose], reactions: list[Reaction],
        observation: int) -> None:
    """Doses 1-2: 60 min; from dose 3 none routine, unless the patient reacted to the
    molecule before (catalog ``observation_minutes_after_reaction``, not the drug's name)."""
    result = _run(Row("ublituximab", dose, history=history, reactions=reactions,
                      observations=[HBV_NEG]))
    assert result.observation_minutes == observation, name


def test_row_27_a_reaction_flagged_on_a_past_dose_keeps_the_observation() -> None:
    flagged = [PastDose("ublituximab", Decimal(150), AS_OF - 328 * DAY, reaction="urticaria"),
               *doses("ublituximab", 314, dose="450")]
    assert _run(Row("ublituximab", "450", history=flagged,
                    observations=[HBV_NEG])).observation_minutes == 60


def test_observation_after_a_reaction_is_catalog_data() -> None:
    """Any drug whose step carries the after-reaction figure gets it: an admin edit to
    natalizumab (no code) keeps 90 min after a prior reaction."""
    drug = CATALOG.drugs["natalizumab"]
    assert drug.regimen is not None
    steps = tuple(s.model_copy(update={"observation_minutes_after_reaction": 90})
                  for s in drug.regimen.steps)
    edited = CATALOG.with_drug(drug.model_copy(update={"regimen": drug.regimen.model_copy(
        update={"steps": steps})}))
    line = LineSpec(sequence=1, drug_code="natalizumab", dose=Decimal(300), dose_unit="mg",
                    mode="infusion", minutes=60)
    hist = doses("natalizumab", 56, 28)
    jcv = [obs("anti_jcv", "negative", 10)]
    for reactions, minutes in (([reaction("natalizumab", 2, ago=28 * DAY)], 90), ([], 60)):
        result = run_checks(patient=patient(), lines=[line], catalog=edited, history=hist,
                            as_of=AS_OF, reactions=reactions,
                            reaction_rules=seed_reaction_rules(), observations=jcv)
        assert result.observation_minutes == minutes


def test_titration_sets_chair_time_ublituximab_dose1_four_hours() -> None:
    result = _run(Row("ublituximab", "150", minutes=60, observations=[HBV_NEG]))
    codes = {f.code for f in result.findings}
    assert "regimen.titration" in codes  # ordered 60 min; 10->20->35->100 mL/h needs 240
    clinic = CATALOG.rules.observation_minutes
    assert result.estimated_chair_minutes == 240 + max(60, clinic)


def test_a_mg_per_kg_regimen_dose_is_checked_against_weight() -> None:
    row = Row("lecanemab", "900", observations=[BASELINE_MRI, APOE], minutes=60)
    found = {f.code for f in _run(row).findings}
    assert "regimen.dose" in found  # 10 mg/kg x 70 kg = 700 mg
    assert "regimen.dose" not in {f.code for f in _run(
        Row("lecanemab", "700", observations=[BASELINE_MRI, APOE], minutes=60)).findings}


def test_every_neuro_drug_has_a_regimen_hcpcs_and_a_molecule() -> None:
    neuro = {"ocrelizumab", "natalizumab", "ublituximab", "ivig_privigen", "ivig_gamunex_c",
             "infliximab", "infliximab_dyyb", "rituximab", "rituximab_abbs", "lecanemab",
             "donanemab"}
    for code in neuro:
        drug = CATALOG.drugs[code]
        assert drug.regimen is not None and drug.hcpcs and drug.molecule, code
        assert drug.ndcs or "UNVERIFIED" in drug.sources["ndcs"], code
    assert CATALOG.drugs["infliximab_dyyb"].molecule_key == \
        CATALOG.drugs["infliximab"].molecule_key
    assert (CATALOG.drugs["rituximab_abbs"].hcpcs, CATALOG.drugs["lecanemab"].hcpcs,
            CATALOG.drugs["donanemab"].hcpcs) == ("Q5115", "J0174", "J0175")


def test_observed_on_in_the_future_does_not_count() -> None:
    future = Observation(id=uuid4(), patient_id=PATIENT_ID, kind="hbv_screen",
                         result="negative", observed_on=date(2030, 1, 1), source="lab")
    found = {f.code for f in _run(Row("ocrelizumab", "300", observations=[future])).findings}
    assert "gate.hbv_screen" in found


def test_row_02_an_allergy_recorded_as_remicade_blocks_inflectra() -> None:
    line = LineSpec(sequence=1, drug_code="infliximab_dyyb", dose=Decimal(350), dose_unit="mg",
                    mode="infusion", minutes=120)
    remicade = ("Remicade", "drug", "anaphylaxis", "severe")
    result = run_checks(patient=patient(allergies=[remicade]), lines=[line], catalog=CATALOG,
                        history=[], as_of=AS_OF)
    assert {f.code: f.severity for f in result.findings}["allergy"] == "block"
    ocrevus = ("Ocrevus", "drug", "anaphylaxis", "severe")
    control = run_checks(patient=patient(allergies=[ocrevus]), lines=[line], catalog=CATALOG,
                         history=[], as_of=AS_OF)
    assert "allergy" not in {f.code for f in control.findings}
