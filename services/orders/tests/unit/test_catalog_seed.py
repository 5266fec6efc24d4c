"""The seed catalog holds the 16 drugs of clinical.md and the IV fluids of clinical-loop.md §6,
with every attribute and its source."""

from decimal import Decimal

import pytest

from orders.domain.protocols import validate_protocol
from orders.domain.units import billing_units
from orders.seed import raw_seed, seed_catalog, seed_protocols

DRUGS_OF_CLINICAL_MD = {
    "valproate", "magnesium", "lidocaine", "dhe", "prochlorperazine", "dexamethasone",
    "eptinezumab", "levetiracetam", "ketamine", "chlorpromazine", "metoclopramide", "droperidol",
    "methylprednisolone", "ketorolac", "ondansetron", "diphenhydramine",
}
IV_FLUIDS = {"ns_1000", "ns_500", "ns_250", "lr_1000"}
# clinical-loop.md §5: the neurology expansion drugs (regimens, gates, premedication)
NEURO = {"ocrelizumab", "natalizumab", "ublituximab", "ivig_privigen", "ivig_gamunex_c",
         "infliximab", "infliximab_dyyb", "rituximab", "rituximab_abbs", "lecanemab",
         "donanemab"}
# every attribute issue #3 names must carry a source
SOURCED = ("class", "route_modes", "dose_unit", "usual_dose", "max_dose", "peds",
           "default_minutes", "sedation", "requires_driver", "monitoring", "acuity_class",
           "hcpcs", "vial", "single_dose", "frequency_limits")


def test_catalog_has_the_16_drugs_the_fluids_and_the_neuro_drugs():
    assert set(seed_catalog().drugs) == DRUGS_OF_CLINICAL_MD | IV_FLUIDS | NEURO


@pytest.mark.parametrize("code", sorted(DRUGS_OF_CLINICAL_MD | IV_FLUIDS))
def test_every_drug_attribute_names_its_source(code):
    drug = seed_catalog().drug(code)
    missing = [k for k in SOURCED if not drug.sources.get(k)]
    assert missing == []
    refs = seed_catalog().references
    for key, value in drug.sources.items():
        first = value.split()[0].split(",")[0]
        assert first in refs or first.startswith("issue") or first.startswith("rules."), (
            key,
            value,
        )


@pytest.mark.parametrize("code,hcpcs,unit_amount", [
    ("magnesium", "J3475", Decimal(500)), ("ketorolac", "J1885", Decimal(15)),
    ("ondansetron", "J2405", Decimal(1)), ("dhe", "J1110", Decimal(1)),
    ("eptinezumab", "J3032", Decimal(1)), ("metoclopramide", "J2765", Decimal(10)),
    ("lidocaine", "J2001", Decimal(10)), ("valproate", "J3490", None), ("ketamine", "J3490", None),
    # one unit per bag (clinical-loop.md §6; descriptors in cc/mL)
    ("ns_1000", "J7030", Decimal(1000)), ("ns_500", "J7040", Decimal(500)),
    ("ns_250", "J7050", Decimal(250)), ("lr_1000", "J7120", Decimal(1000)),
    ("ocrelizumab", "J2350", Decimal(1)), ("natalizumab", "J2323", Decimal(1)),
    ("ublituximab", "J2329", Decimal(1)), ("ivig_privigen", "J1459", Decimal("0.5")),
    ("ivig_gamunex_c", "J1561", Decimal("0.5")), ("infliximab", "J1745", Decimal(10)),
    ("infliximab_dyyb", "Q5103", Decimal(10)), ("rituximab", "J9312", Decimal(10)),
    ("rituximab_abbs", "Q5115", Decimal(10)), ("lecanemab", "J0174", Decimal(1)),
    ("donanemab", "J0175", Decimal(2)),
])
def test_hcpcs_codes_and_billing_units(code, hcpcs, unit_amount):
    drug = seed_catalog().drug(code)
    assert (drug.hcpcs, drug.hcpcs_unit_amount) == (hcpcs, unit_amount)


@pytest.mark.parametrize("dose,unit_amount,units", [
    (Decimal(2000), Decimal(500), 4), (Decimal(30), Decimal(15), 2), (Decimal(8), Decimal(1), 8),
    (Decimal(10), Decimal(10), 1), (Decimal("12.5"), Decimal(10), 2),
])
def test_billing_units_round_up(dose, unit_amount, units):
    assert billing_units(dose, unit_amount) == units


def test_high_monitoring_acuity_for_the_drugs_the_issue_names():
    """Classes are the scheduling service's ratio classes (standard 1:4, elevated 1:2, high 1:1)."""
    cat = seed_catalog()
    assert cat.rules.acuity_rank == ("standard", "elevated", "high")
    assert {c: d.acuity_class for c, d in cat.drugs.items()
            if d.acuity_class != "standard" and c not in NEURO} == {
        "ketamine": "high", "lidocaine": "elevated", "droperidol": "elevated"}
    # clinical-loop.md §5.2: M -> elevated for every neuro drug but natalizumab (L); IVIG and
    # rituximab are H on the first dose
    assert {c for c in NEURO if cat.drugs[c].acuity_class == "elevated"} == NEURO - {
        "natalizumab"}
    assert {c for c in NEURO if cat.drugs[c].first_dose_acuity_class == "high"} == {
        "ivig_privigen", "ivig_gamunex_c", "rituximab", "rituximab_abbs"}
    assert cat.drug("eptinezumab").first_dose_acuity_class == "elevated"


def test_sedating_drugs_require_a_driver_and_non_sedating_do_not():
    cat = seed_catalog()
    assert all(d.requires_driver for d in cat.drugs.values() if d.sedation == "high")
    assert not cat.drug("ketorolac").requires_driver
    assert not cat.drug("eptinezumab").requires_driver


def test_rule_thresholds_are_data_with_sources():
    rules = seed_catalog().rules
    assert rules.qtc_block_ms.male == 440 and rules.qtc_block_ms.female == 450
    for key in ("pediatric_below_age", "qtc_block_ms", "chair_minutes_warn",
                "observation_minutes", "class_limits"):
        assert rules.sources.get(key)
    steroid = rules.class_limits[0]
    assert (steroid.tag, steroid.days, steroid.max_count) == ("corticosteroid", 30, 1)


def test_seed_protocols_cover_clinical_md_section_2_and_validate():
    cat = seed_catalog()
    protos = {p.key: p for p in seed_protocols()}
    assert set(protos) == {"ed-style-cocktail", "dhe-antiemetic", "pediatric-cocktail",
                           "eptinezumab-100", "ocrelizumab-maintenance-600",
                           "lecanemab-10-mg-kg", "infliximab-5-mg-kg", "ivig-gamunex-c-1-g-kg"}
    for p in protos.values():
        assert validate_protocol(p, cat) == []
    assert {ln.dose_rule.kind for ln in protos["pediatric-cocktail"].lines} == {"per_kg"}
    assert protos["dhe-antiemetic"].lines[0].wait_after_minutes == 15


def test_seed_file_is_versioned():
    assert raw_seed()["version"] == 1 == seed_catalog().version


def test_admin_edit_makes_a_new_catalog_version():
    cat = seed_catalog()
    edited = cat.with_drug(cat.drug("ketorolac").model_copy(update={"max_dose": Decimal(15)}))
    assert edited.version == cat.version + 1
    assert edited.drug("ketorolac").max_dose == 15 and cat.drug("ketorolac").max_dose == 30


@pytest.mark.parametrize("bands", [
    [{"min_age": 6, "max_age": 9, "max_dose": "0.1"}, {"min_age": 9, "max_age": 12,
                                                      "max_dose": "0.15"}],  # overlap at 9
    [{"min_age": 12, "max_age": 10, "max_dose": "0.15"}],  # inverted
])
def test_pediatric_age_bands_must_not_overlap(bands):
    from orders.domain.catalog import Drug

    data = seed_catalog().drug("dhe").model_dump(mode="json") | {"peds_age_caps": bands}
    with pytest.raises(ValueError, match="age bands"):
        Drug.model_validate(data)


@pytest.mark.parametrize("code", sorted(NEURO))
def test_neuro_drug_sources_name_a_reference(code):
    drug = seed_catalog().drug(code)
    refs = seed_catalog().references
    for key, value in drug.sources.items():
        assert value.split()[0].split(",")[0] in refs, (key, value)
