"""clinical-loop.md 8, acceptance rows 1-8 and 15 (reactions), each named by its row number,
with a negative control beside every rule so each test can fail."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from orders.domain.checks import run_checks
from orders.domain.errors import ValidationFailed
from orders.domain.lines import LineSpec
from orders.domain.reactions import record_errors
from orders.domain.rescue import check_rescue
from orders.seed.reactions import seed_reaction_rules
from orders.service.reaction_guards import override_reason
from orders.testing import AS_OF, lines, patient
from orders.testing_reactions import biologics_catalog, epi, reaction

RULES = seed_reaction_rules()
M = timedelta(minutes=1)


def bio_line(code: str, dose: str = "100") -> list[LineSpec]:
    return [LineSpec(sequence=1, drug_code=code, dose=Decimal(dose), dose_unit="mg",
                     mode="infusion", minutes=60)]


def findings(ls, reactions, **pt):
    result = run_checks(patient=patient(**pt), lines=ls, catalog=biologics_catalog(),
                        history=[], as_of=AS_OF, reactions=reactions, reaction_rules=RULES)
    return {f.code: f for f in result.findings}


def fields(errors):
    return {e.field for e in errors}


# ------------------------------------------------------------------ row 1
def test_row_01_grade3_metoclopramide_blocks_a_new_metoclopramide_order():
    found = findings(lines(("metoclopramide", 10)), [reaction("metoclopramide", 3)])
    assert found["reaction.hard_stop"].severity == "block"
    assert "plan" in found["reaction.hard_stop"].message


def test_row_01_override_needs_a_plan_beside_the_reason():
    with pytest.raises(ValidationFailed) as refused:
        override_reason("reaction.hard_stop", "benefit outweighs risk", None)
    assert fields(refused.value.errors) == {"plan"}
    text = override_reason("reaction.hard_stop", "benefit outweighs", "premedicate, slow rate")
    assert "plan: premedicate" in text


def test_row_01_control_a_grade3_to_another_molecule_does_not_block():
    found = findings(lines(("metoclopramide", 10)), [reaction("ketorolac", 3)])
    assert "reaction.hard_stop" not in found


# ------------------------------------------------------------------ row 2
def test_row_02_grade3_to_remicade_blocks_inflectra_same_molecule():
    found = findings(bio_line("inflectra"), [reaction("remicade", 3)])
    assert found["reaction.hard_stop"].severity == "block"
    assert "same molecule, infliximab" in found["reaction.hard_stop"].message


def test_row_02_control_remicade_reaction_does_not_block_ocrelizumab():
    assert "reaction.hard_stop" not in findings(bio_line("ocrelizumab"),
                                                [reaction("remicade", 3)])


# ------------------------------------------------------------------ row 3
def test_row_03_grade2_ocrelizumab_dose1_allows_dose2_with_premed_and_rate():
    found = findings(bio_line("ocrelizumab", "300"),
                     [reaction("ocrelizumab", 2, rate=40, dose_number=1, restart_rate=20)])
    warn = found["reaction.premedicate"]
    assert warn.severity == "warn"
    assert "methylprednisolone" in warn.message
    assert "last tolerated rate 20 mL/h" in warn.message
    assert all(f.severity != "block" for f in found.values())


def test_row_03_without_a_restart_the_rate_is_half_the_onset_rate():
    found = findings(bio_line("ocrelizumab", "300"), [reaction("ocrelizumab", 1, rate=40)])
    assert "start at <= 20 mL/h" in found["reaction.premedicate"].message


# ------------------------------------------------------------------ row 4
def test_row_04_epinephrine_with_grade2_is_refused_naming_grade():
    r = reaction("ocrelizumab", 2, rescue=(epi("0.5"),))
    assert "grade" in fields(record_errors(r, RULES, ["ocrelizumab"]))


def test_row_04_control_epinephrine_with_grade3_is_accepted():
    r = reaction("ocrelizumab", 3, rescue=(epi("0.5"),))
    assert record_errors(r, RULES, ["ocrelizumab"]) == []


# ------------------------------------------------------------------ row 5
def test_row_05_epinephrine_repeat_after_3_min_warns():
    out = check_rescue([epi("0.5"), epi("0.5", AS_OF + 3 * M)], Decimal("70"), RULES)
    assert out.errors == ()
    assert len(out.warnings) == 1 and "repeated after 3 min" in out.warnings[0]


def test_row_05_control_repeat_after_5_min_does_not_warn():
    out = check_rescue([epi("0.5"), epi("0.5", AS_OF + 5 * M)], Decimal("70"), RULES)
    assert out.warnings == () and out.errors == ()


# ------------------------------------------------------------------ row 6
def test_row_06_epinephrine_05mg_im_at_20kg_is_blocked():
    out = check_rescue([epi("0.5")], Decimal("20"), RULES)
    assert fields(out.errors) == {"rescue_meds[0].dose"}
    assert "0.2 mg" in out.errors[0].message


def test_row_06_weight_is_required():
    assert fields(check_rescue([epi("0.3")], None, RULES).errors) == {"patient.weight_kg"}


def test_row_06_control_02mg_at_20kg_is_accepted():
    assert check_rescue([epi("200", unit="mcg")], Decimal("20"), RULES).errors == ()


# ------------------------------------------------------------------ row 7
def test_row_07_akathisia_on_prochlorperazine_suggests_diphenhydramine_not_blocked():
    r = reaction("prochlorperazine", 1, term="other", kind="intolerance",
                 manifestations=("akathisia",))
    found = findings(lines(("prochlorperazine", 10)), [r])
    assert found["reaction.dra_intolerance"].severity == "warn"
    assert "diphenhydramine" in found["reaction.dra_intolerance"].message
    assert all(f.severity != "block" for f in found.values())


def test_row_07_next_dra_with_diphenhydramine_already_ordered_is_only_info():
    r = reaction("prochlorperazine", 1, term="other", kind="intolerance",
                 manifestations=("akathisia",))
    found = findings(lines(("metoclopramide", 10), ("diphenhydramine", 25)), [r])
    assert found["reaction.dra_intolerance"].severity == "info"


def test_row_07_control_nausea_on_prochlorperazine_is_no_dra_intolerance():
    r = reaction("prochlorperazine", 1, term="other", kind="intolerance",
                 manifestations=("nausea",))
    assert "reaction.dra_intolerance" not in findings(lines(("prochlorperazine", 10)), [r])


# ------------------------------------------------------------------ row 8
def test_row_08_laryngeal_dystonia_needs_grade3():
    r = reaction("droperidol", 2, term="other", kind="intolerance",
                 manifestations=("laryngeal_dystonia",))
    assert "grade" in fields(record_errors(r, RULES, ["droperidol"]))
    assert record_errors(replace(r, grade=3), RULES, ["droperidol"]) == []


def test_row_08_laryngeal_dystonia_grade3_hard_stops_droperidol():
    r = reaction("droperidol", 3, term="other", kind="intolerance",
                 manifestations=("laryngeal_dystonia",))
    found = findings(lines(("droperidol", "1.25")), [r], qtc_ms=400)
    assert found["reaction.hard_stop"].severity == "block"


# ------------------------------------------------------------------ row 15
def test_row_15_dhe_dose3_after_chest_pain_is_held_until_clearance():
    r = reaction("dhe", 2, term="other", kind="intolerance", manifestations=("chest_pain",))
    found = findings(lines(("dhe", 1)), [r])
    assert found["reaction.series_hold"].severity == "block"
    cleared = replace(r, cleared_at=AS_OF - timedelta(hours=1), cleared_by="md-1")
    assert "reaction.series_hold" not in findings(lines(("dhe", 1)), [cleared])


def test_row_15_the_hold_cannot_be_overridden():
    with pytest.raises(ValidationFailed) as refused:
        override_reason("reaction.series_hold", "patient feels fine now", "watch")
    assert fields(refused.value.errors) == {"finding_code"}


def test_row_15_control_nausea_on_dhe_holds_nothing():
    r = reaction("dhe", 1, term="other", kind="intolerance", manifestations=("nausea",))
    assert "reaction.series_hold" not in findings(lines(("dhe", 1)), [r])


def test_a_reaction_after_the_checked_moment_is_not_history():
    r = reaction("metoclopramide", 3, ago=-timedelta(days=1))
    assert "reaction.hard_stop" not in findings(lines(("metoclopramide", 10)), [r])


def test_the_rules_file_names_its_sources_and_marks_unverified_codes():
    refs = RULES.references
    for m in RULES.manifestations:
        assert m.code.isdigit()
        if m.verified:
            assert m.source and m.source.split()[0] in refs
    assert not all(m.verified for m in RULES.manifestations)  # some remain to be checked
    assert RULES.by_code["86075003"].min_grade == 3  # laryngeal dystonia (row 8)
    for block in (RULES.hard_stop, RULES.soft_warning, RULES.epinephrine, RULES.series_hold):
        assert block.source.split()[0] in refs
