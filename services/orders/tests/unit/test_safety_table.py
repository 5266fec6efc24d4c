"""The safety-check table: every rule both firing and not firing, with the edge cases issue #3
names (exactly 24 h after a triptan, exactly 84 days, a 17-year-old at the mg/kg cap, a 40 kg
adult, missing weight). Each row: patient facts, order lines, history -> the findings that must
appear (code, severity) and the codes that must not."""

from __future__ import annotations

from datetime import timedelta as td

import pytest

from orders.testing import AS_OF, check, lines, past, patient

H, D = td(hours=1), td(days=1)
TRIPTAN = "sumatriptan"


def med(name, ago=None, med_class=None):
    return {"name": name, "last_dose_at": None if ago is None else AS_OF - ago,
            "med_class": med_class}


# (id, patient kwargs, lines, history, expected {(code, severity)}, absent {code})
CASES = [
    # --- allergy / past reaction
    ("allergy-drug", {"allergies": [("ketorolac", "drug", "hives", "severe")]},
     [("ketorolac", 30)], [], {("allergy", "block")}, set()),
    ("allergy-class-plural", {"allergies": [("NSAIDs", "class", "angioedema", "severe")]},
     [("ketorolac", 30)], [], {("allergy", "block")}, set()),
    ("allergy-brand-name", {"allergies": [("Toradol", "drug", None, None)]},
     [("ketorolac", 30)], [], {("allergy", "block")}, set()),
    ("allergy-class-phenothiazine", {"allergies": [("phenothiazines", "class", "dystonia", "moderate")]},
     [("prochlorperazine", 10)], [], {("allergy", "block")}, set()),
    ("allergy-mild-only-warns", {"allergies": [("ketorolac", "drug", "nausea", "mild")]},
     [("ketorolac", 30)], [], {("allergy", "warn")}, set()),
    ("allergy-unrelated", {"allergies": [("penicillin", "drug", "rash", "severe")]},
     [("prochlorperazine", 10), ("ketorolac", 30)], [], set(), {"allergy"}),
    ("allergy-other-class", {"allergies": [("phenothiazine", "class", None, "severe")]},
     [("metoclopramide", 10)], [], set(), {"allergy"}),
    ("past-reaction-same-drug", {}, [("prochlorperazine", 10)],
     [past("prochlorperazine", 10, 20 * D, reaction="akathisia")], {("past_reaction", "warn")}, set()),
    ("past-reaction-same-class", {}, [("prochlorperazine", 10)],
     [past("chlorpromazine", "12.5", 40 * D, reaction="hypotension")], {("past_reaction", "warn")}, set()),
    ("past-reaction-other-class", {}, [("prochlorperazine", 10)],
     [past("ketorolac", 30, 40 * D, reaction="nausea")], set(), {"past_reaction"}),
    # --- adult dosing
    ("adult-above-max", {}, [("ketorolac", 31)], [], {("dose_above_max", "block")}, set()),
    ("adult-at-max", {}, [("ketorolac", 30)], [], set(), {"dose_above_max", "dose_reduction_advised"}),
    ("adult-grams-converted", {}, [("magnesium", "2.5", "g")], [], {("dose_above_max", "block")}, set()),
    ("adult-grams-at-max", {}, [("magnesium", 2, "g")], [], set(), {"dose_above_max"}),
    ("ketorolac-65y-reduction", {"age": 70}, [("ketorolac", 30)], [],
     {("dose_reduction_advised", "warn")}, set()),
    ("ketorolac-65y-15mg-ok", {"age": 70}, [("ketorolac", 15)], [], set(), {"dose_reduction_advised"}),
    ("ketorolac-40kg-adult", {"weight_kg": 40}, [("ketorolac", 30)], [],
     {("dose_reduction_advised", "warn")}, {"pediatric_dose_above_cap", "pediatric_weight_missing"}),
    ("ketorolac-50kg-adult-no-reduction", {"weight_kg": 50}, [("ketorolac", 30)], [], set(),
     {"dose_reduction_advised"}),
    ("ketorolac-renal", {"conditions": {"renal_impairment"}}, [("ketorolac", 30)], [],
     {("dose_reduction_advised", "warn"), ("contraindication.renal_impairment", "warn")}, set()),
    ("ketamine-above-mg-per-kg", {"weight_kg": 60}, [("ketamine", 40)], [],
     {("dose_above_weight_max", "block")}, set()),
    ("ketamine-at-mg-per-kg", {"weight_kg": 60}, [("ketamine", 30)], [], set(),
     {"dose_above_weight_max", "weight_needed_for_check"}),
    ("ketamine-no-weight", {"weight_kg": None}, [("ketamine", 20)], [],
     {("weight_needed_for_check", "warn")}, {"pediatric_weight_missing"}),
    # --- pediatric
    ("17y-at-mg-per-kg-cap", {"age": 17, "weight_kg": 50}, [("ketorolac", 25)], [], set(),
     {"pediatric_dose_above_cap", "dose_above_max", "pediatric_weight_missing"}),
    ("17y-just-above-mg-per-kg-cap", {"age": 17, "weight_kg": 50}, [("ketorolac", "25.5")], [],
     {("pediatric_dose_above_cap", "block")}, {"dose_above_max"}),
    ("17y-absolute-cap-binds", {"age": 17, "weight_kg": 80}, [("ketorolac", 30)], [], set(),
     {"pediatric_dose_above_cap"}),
    ("12y-prochlorperazine-above-cap", {"age": 12, "weight_kg": 40}, [("prochlorperazine", 10)], [],
     {("pediatric_dose_above_cap", "block")}, set()),
    ("12y-prochlorperazine-at-cap", {"age": 12, "weight_kg": 40}, [("prochlorperazine", 6)], [], set(),
     {"pediatric_dose_above_cap"}),
    ("child-missing-weight", {"age": 10, "weight_kg": None}, [("ondansetron", 4)], [],
     {("pediatric_weight_missing", "block")}, set()),
    ("adult-missing-weight", {"weight_kg": None}, [("ondansetron", 4)], [], set(),
     {"pediatric_weight_missing"}),
    ("17y-eptinezumab", {"age": 17, "birthday_in_days": 1}, [("eptinezumab", 100)], [],
     {("not_for_children", "block")}, set()),
    ("18-today-eptinezumab", {"age": 18}, [("eptinezumab", 100)], [], set(), {"not_for_children"}),
    ("child-droperidol", {"age": 15, "weight_kg": 55}, [("droperidol", "2.5")], [],
     {("pediatric_dose_not_established", "warn")}, set()),
    ("child-dhe-capped-ok", {"age": 15, "weight_kg": 55}, [("dhe", 1)], [],
     {("pediatric_dose_above_age_band", "warn")}, {"pediatric_dose_above_cap"}),
    # DHE's age bands (S30, a hospital parenteral manual; US labelling: not established): 0.1 mg 6-9 y, 0.15 mg 10-12 y, 0.2 mg 13-16 y
    ("7y-dhe-at-band", {"age": 7, "weight_kg": 25}, [("dhe", "0.1")], [], set(),
     {"pediatric_dose_above_age_band", "pediatric_dose_not_established"}),
    ("7y-dhe-above-band", {"age": 7, "weight_kg": 25}, [("dhe", "0.15")], [],
     {("pediatric_dose_above_age_band", "warn")}, {"pediatric_dose_above_cap"}),
    ("12y-dhe-at-band-edge", {"age": 12, "weight_kg": 40}, [("dhe", "0.15")], [], set(),
     {"pediatric_dose_above_age_band"}),
    ("12y-dhe-above-band", {"age": 12, "weight_kg": 40}, [("dhe", "0.2")], [],
     {("pediatric_dose_above_age_band", "warn")}, set()),
    ("13y-dhe-next-band", {"age": 13, "weight_kg": 45}, [("dhe", "0.2")], [], set(),
     {"pediatric_dose_above_age_band"}),
    ("17y-dhe-no-band", {"age": 17, "weight_kg": 60}, [("dhe", 1)], [], set(),
     {"pediatric_dose_above_age_band", "pediatric_dose_above_cap"}),
    ("5y-dhe-below-bands", {"age": 5, "weight_kg": 18}, [("dhe", "0.1")], [],
     {("pediatric_dose_not_established", "warn")}, {"pediatric_dose_above_age_band"}),
    ("8y-dhe-above-absolute-cap", {"age": 8, "weight_kg": 25}, [("dhe", "1.5")], [],
     {("pediatric_dose_above_cap", "block")}, {"pediatric_dose_above_age_band"}),
    # --- pregnancy
    ("pregnant-valproate", {"pregnant": True}, [("valproate", 1000)], [], {("pregnancy", "block")}, set()),
    ("pregnant-dhe", {"pregnant": True}, [("dhe", 1)], [], {("pregnancy", "block")}, set()),
    ("pregnant-ketorolac-warn", {"pregnant": True}, [("ketorolac", 30)], [], {("pregnancy", "warn")}, set()),
    ("pregnant-ondansetron-none", {"pregnant": True}, [("ondansetron", 4)], [], set(), {"pregnancy"}),
    ("not-pregnant-valproate", {"pregnant": False}, [("valproate", 1000)], [], set(),
     {"pregnancy", "pregnancy_status_unknown"}),
    ("unknown-pregnancy-valproate", {"pregnant": None}, [("valproate", 1000)], [],
     {("pregnancy_status_unknown", "warn")}, set()),
    ("unknown-pregnancy-male", {"pregnant": None, "sex": "male"}, [("valproate", 1000)], [], set(),
     {"pregnancy_status_unknown"}),
    # --- conditions
    ("valproate-liver-disease", {"conditions": {"hepatic_impairment"}}, [("valproate", 1000)], [],
     {("contraindication.hepatic_impairment", "block")}, set()),
    ("valproate-no-liver-disease", {}, [("valproate", 1000)], [], set(),
     {"contraindication.hepatic_impairment"}),
    ("ketorolac-gi-bleed", {"conditions": {"gi_bleed_history"}}, [("ketorolac", 30)], [],
     {("contraindication.gi_bleed_history", "block")}, set()),
    ("dhe-cad", {"conditions": {"cad"}}, [("dhe", 1)], [], {("contraindication.cad", "block")}, set()),
    # --- DHE windows and CYP3A4
    ("dhe-triptan-2h", {"medications": [med(TRIPTAN, 2 * H)]}, [("dhe", 1)], [],
     {("interaction.triptan", "block")}, set()),
    ("dhe-triptan-23h59", {"medications": [med(TRIPTAN, 24 * H - td(minutes=1))]}, [("dhe", 1)], [],
     {("interaction.triptan", "block")}, set()),
    ("dhe-triptan-exactly-24h", {"medications": [med(TRIPTAN, 24 * H)]}, [("dhe", 1)], [], set(),
     {"interaction.triptan", "interaction.triptan.timing_unknown"}),
    ("dhe-triptan-time-unknown", {"medications": [med("Sumatriptan 100 mg tablet")]}, [("dhe", 1)], [],
     {("interaction.triptan.timing_unknown", "warn")}, {"interaction.triptan"}),
    ("dhe-clarithromycin", {"medications": [med("clarithromycin")]}, [("dhe", 1)], [],
     {("interaction.strong_cyp3a4_inhibitor", "block")}, set()),
    ("dhe-class-given-explicitly", {"medications": [med("studyvir", med_class="Strong CYP3A4 inhibitor")]},
     [("dhe", 1)], [], {("interaction.strong_cyp3a4_inhibitor", "block")}, set()),
    ("no-dhe-triptan-irrelevant", {"medications": [med(TRIPTAN, 2 * H)]}, [("ketorolac", 30)], [],
     set(), {"interaction.triptan"}),
    # --- dopamine antagonists, QT
    ("two-dopamine-antagonists", {}, [("prochlorperazine", 10), ("metoclopramide", 10)], [],
     {("duplicate_dopamine_antagonist", "warn")}, set()),
    ("one-dopamine-antagonist", {}, [("prochlorperazine", 10), ("diphenhydramine", 25)], [], set(),
     {"duplicate_dopamine_antagonist", "akathisia_prophylaxis_suggested"}),
    ("dra-without-prophylaxis", {}, [("metoclopramide", 10)], [],
     {("akathisia_prophylaxis_suggested", "info")}, set()),
    ("droperidol-qtc-460-female", {"qtc_ms": 460}, [("droperidol", "2.5")], [],
     {("qtc_prolonged", "block")}, set()),
    ("droperidol-qtc-450-female-edge", {"qtc_ms": 450}, [("droperidol", "2.5")], [], set(),
     {"qtc_prolonged"}),
    ("droperidol-qtc-445-male", {"qtc_ms": 445, "sex": "male"}, [("droperidol", "2.5")], [],
     {("qtc_prolonged", "block")}, set()),
    ("droperidol-known-long-qt", {"conditions": {"long_qt"}}, [("droperidol", "2.5")], [],
     {("qtc_prolonged", "block")}, set()),
    ("ondansetron-long-qtc-warns", {"qtc_ms": 480}, [("ondansetron", 4)], [],
     {("qtc_prolonged", "warn")}, set()),
    ("qt-stacking-in-order", {}, [("droperidol", "2.5"), ("ondansetron", 4)], [],
     {("qt_stacking", "warn")}, set()),
    ("qt-stacking-home-med", {"medications": [med("citalopram")]}, [("ondansetron", 4)], [],
     {("qt_stacking", "warn"), ("interaction.serotonergic", "warn")}, set()),
    ("single-qt-agent", {}, [("ondansetron", 4)], [], set(), {"qt_stacking", "qtc_prolonged"}),
    # --- ketorolac bleeding, steroid + NSAID
    ("ketorolac-warfarin", {"medications": [med("warfarin")]}, [("ketorolac", 30)], [],
     {("interaction.anticoagulant", "warn")}, set()),
    ("ketorolac-home-ibuprofen", {"medications": [med("ibuprofen")]}, [("ketorolac", 30)], [],
     {("interaction.nsaid", "block")}, set()),
    ("ketorolac-no-bleeding-meds", {"medications": [med("propranolol")]}, [("ketorolac", 30)], [],
     set(), {"interaction.anticoagulant", "interaction.nsaid"}),
    ("steroid-plus-nsaid", {}, [("dexamethasone", 10), ("ketorolac", 30)], [],
     {("steroid_nsaid", "warn")}, set()),
    ("steroid-alone", {}, [("dexamethasone", 10)], [], set(), {"steroid_nsaid"}),
    # --- frequency and cumulative limits
    ("eptinezumab-83-days", {}, [("eptinezumab", 100)], [past("eptinezumab", 100, 83 * D)],
     {("repeat_too_soon", "block")}, set()),
    ("eptinezumab-exactly-84-days", {}, [("eptinezumab", 100)], [past("eptinezumab", 100, 84 * D)],
     set(), {"repeat_too_soon"}),
    # AS_OF is 11:00 in New York: 83 days 11 h earlier is 23:00 on the 84th calendar day back
    ("eptinezumab-84th-day-late-evening", {}, [("eptinezumab", 100)],
     [past("eptinezumab", 100, 83 * D + 11 * H)], set(), {"repeat_too_soon"}),
    ("eptinezumab-83rd-day-early-morning", {}, [("eptinezumab", 100)],
     [past("eptinezumab", 100, 83 * D + 9 * H)], {("repeat_too_soon", "block")}, set()),
    ("eptinezumab-outside-dose", {}, [("eptinezumab", 100)],
     [past("eptinezumab", 300, 30 * D, source="outside")], {("repeat_too_soon", "block")}, set()),
    ("ketorolac-day-6", {}, [("ketorolac", 15)], [past("ketorolac", 15, n * D) for n in range(1, 6)],
     {("course_days_exceeded", "block")}, set()),
    ("ketorolac-day-5", {}, [("ketorolac", 15)], [past("ketorolac", 15, n * D) for n in range(1, 5)],
     set(), {"course_days_exceeded"}),
    # Courses count the clinic's days: 21:00 on Mar 8 in New York is Mar 9 in UTC. Doses on
    # Mar 5, 6, 7, 8 (twice), none on the 9th, today the 10th: five clinic days (six UTC days).
    ("ketorolac-course-clinic-days", {}, [("ketorolac", 15)],
     [past("ketorolac", 15, ago) for ago in (D + 14 * H, 2 * D + H, 3 * D, 4 * D, 5 * D)],
     set(), {"course_days_exceeded"}),
    ("ketorolac-course-clinic-days-plus-one", {}, [("ketorolac", 15)],
     [past("ketorolac", 15, ago) for ago in (D + 14 * H, 2 * D + H, 3 * D, 4 * D, 5 * D, 6 * D)],
     {("course_days_exceeded", "block")}, set()),
    ("ketorolac-course-broken", {}, [("ketorolac", 15)],
     [past("ketorolac", 15, n * D) for n in (1, 2, 6, 7, 8)], set(), {"course_days_exceeded"}),
    ("ketorolac-daily-above-120", {}, [("ketorolac", 30)],
     [past("ketorolac", 30, n * H) for n in (2, 6, 10, 14)],
     {("cumulative_dose_exceeded", "block")}, set()),
    ("ketorolac-daily-exactly-120", {}, [("ketorolac", 30)],
     [past("ketorolac", 30, n * H) for n in (2, 6, 10, 30)], set(), {"cumulative_dose_exceeded"}),
    ("dhe-above-2mg-day", {}, [("dhe", 1)], [past("dhe", "1.5", 8 * H)],
     {("cumulative_dose_exceeded", "warn")}, set()),
    ("dhe-at-2mg-day", {}, [("dhe", 1)], [past("dhe", 1, 8 * H)], set(), {"cumulative_dose_exceeded"}),
    ("dhe-above-6mg-week", {}, [("dhe", 1)], [past("dhe", 1, n * D + H) for n in range(1, 7)],
     {("cumulative_dose_exceeded", "warn")}, set()),
    ("steroid-pulse-this-month", {}, [("dexamethasone", 10)], [past("methylprednisolone", 125, 10 * D)],
     {("repeat_count_exceeded", "warn")}, set()),
    ("steroid-pulse-last-month", {}, [("dexamethasone", 10)], [past("methylprednisolone", 125, 31 * D)],
     set(), {"repeat_count_exceeded"}),
    # --- chair time
    ("long-visit", {}, [("lidocaine", 100), ("ketamine", 30)], [], {("chair_time_long", "warn")}, set()),
    ("ed-cocktail-chair-time-ok", {},
     [("prochlorperazine", 10), ("diphenhydramine", 25), ("ketorolac", 30), ("dexamethasone", 10)],
     [], set(), {"chair_time_long"}),
]


def test_table_is_large_enough():
    assert len(CASES) >= 40
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("pt_kw,specs,history,expected,absent",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_safety_case(pt_kw, specs, history, expected, absent):
    result = check(patient(**pt_kw), lines(*specs), history)
    got = {(f.code, f.severity) for f in result.findings}
    assert expected <= got, f"missing {expected - got}; got {sorted(got)}"
    assert not ({c for c, _ in got} & absent), f"unexpected {absent & {c for c, _ in got}}"


def test_every_rule_fires_somewhere_in_the_table():
    """Each finding code the engine can produce for an order appears as expected in a row."""
    fired = {code.split(".")[0] for c in CASES for code, _ in c[4]}
    assert {"allergy", "past_reaction", "dose_above_max", "dose_above_weight_max",
            "weight_needed_for_check", "dose_reduction_advised", "pediatric_weight_missing",
            "pediatric_dose_above_cap", "pediatric_dose_not_established", "not_for_children",
            "pediatric_dose_above_age_band",
            "pregnancy", "pregnancy_status_unknown", "contraindication", "interaction",
            "duplicate_dopamine_antagonist", "akathisia_prophylaxis_suggested", "qtc_prolonged",
            "qt_stacking", "steroid_nsaid", "repeat_too_soon", "course_days_exceeded",
            "cumulative_dose_exceeded", "repeat_count_exceeded", "chair_time_long"} <= fired
