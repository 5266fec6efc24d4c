"""Neurology drugs billed on PostgreSQL (issue 18 point 4): the migrated reference data knows
their HCPCS codes, a payer's complex-biologic rule is stored with its contract, and a visit
billed from its administration carries the payer's administration family, the J-code units,
JZ or a separate JW line and the NDC on the 837P; lecanemab billed to Medicare carries the NCD
200.3 registry coding (REF*P4, Q0/Q1, Z00.6), kept with the claim, and is held without an
Alzheimer's or MCI diagnosis."""

from __future__ import annotations

import pytest
from reimb_it import administered, administration, bill, setup_catalog

from reimbursement.adapters.data_files import hcpcs_descriptors
from reimbursement.adapters.x12.read_837 import read_837p
from reimbursement.adapters.x12.validate import validate_x12

pytestmark = pytest.mark.integration

OCR = "50242015001"  # Ocrevus 300 mg/10 mL single-dose vial (genentech-access.com)
MP = "72011001101"  # synthetic test NDC
GAMU = "13533080501"  # Gamunex-C 10% 50 mL (13533-805-01, orders catalog ndcs)
LEC = "62856021501"  # Leqembi 500 mg/5 mL vial (62856-215-01, orders catalog ndcs)
NEURO_CODES = ("J2350", "J2323", "J2329", "J1459", "J1561", "Q5103", "J9312", "Q5115",
               "J0174", "J0175")
PRODUCTS = {
    OCR: {"name": "ocrelizumab 300 mg/10 mL SDV", "hcpcs": "J2350", "strength": "300",
          "strength_unit": "mg", "volume_ml": "10", "vials_per_package": 1, "single_dose": True,
          "ndc_unit": "ML", "package_cost": "16000.00", "cost_source": "test"},
    MP: {"name": "methylprednisolone 125 mg/2 mL SDV", "hcpcs": "J2930", "strength": "125",
         "strength_unit": "mg", "volume_ml": "2", "vials_per_package": 1, "single_dose": True,
         "ndc_unit": "ML", "package_cost": "9.00", "cost_source": "test"},
    GAMU: {"name": "immune globulin 10% 5 g/50 mL", "hcpcs": "J1561", "strength": "5",
           "strength_unit": "g", "volume_ml": "50", "vials_per_package": 1,
           "single_dose": True, "ndc_unit": "ML", "package_cost": "750.00",
           "cost_source": "test"},
    LEC: {"name": "lecanemab 500 mg/5 mL SDV", "hcpcs": "J0174", "strength": "500",
          "strength_unit": "mg", "volume_ml": "5", "vials_per_package": 1, "single_dose": True,
          "ndc_unit": "ML", "package_cost": "2400.00", "cost_source": "test"},
}
ADMIN = {"96365": "71.32", "96366": "22.14", "96367": "31.10", "96374": "41.58",
         "96375": "18.20", "96413": "136.10", "96415": "29.40"}
CHARGES = {"96365": "350.00", "96366": "95.00", "96374": "160.00", "96375": "65.00",
           "96413": "420.00", "96415": "110.00", "J2350": "75.00", "J2930": "30.00",
           "J1561": "90.00", "J0174": "20.00"}


async def stock(c) -> None:
    await setup_catalog(c, lots={})
    r = await c.put("/v1/fee-schedules/charge-master", json={"version": "neuro", "rates": CHARGES})
    assert r.status_code == 200, r.text
    for i, (ndc, product) in enumerate(PRODUCTS.items()):
        r = await c.post("/v1/inventory", json={
            "ndc": ndc, "lot_number": f"N{i}", "expires_on": "2027-06-30", "packages": 10,
            "reference": f"INV-N{i}", "product": {"ndc": ndc, **product}})
        assert r.status_code == 201, r.text


async def contract(c, complex_admin: list[str], evidence: dict | None = None,
                   kind: str = "medicare") -> None:
    policy: dict = {"complex_admin": complex_admin}
    if evidence is not None:
        policy["evidence_development"] = evidence
    r = await c.put("/v1/fee-schedules/contracts/medicare", json={
        "name": "Medicare Part B", "kind": kind, "drug_basis": "medicare_asp",
        "sequestration": "0.02", "x12_payer_id": "MCRB1", "claim_filing": "MB",
        "admin_rates": ADMIN, "policy": policy, "source": "test"})
    assert r.status_code == 200, r.text


async def test_the_migrated_database_knows_the_checked_neurology_codes(svc):
    on_file = {d.code: d for d in hcpcs_descriptors()}
    async with svc.runtime.uow() as uow:
        stored = await uow.catalog.descriptors()
    for code in NEURO_CODES:
        want, got = on_file[code], stored[code]
        assert (got.amount, got.unit, got.up_to, got.description, got.source) == (
            want.amount, want.unit, want.up_to, want.description, want.source), code


async def test_the_complex_rule_is_stored_with_the_contract(svc):
    await contract(svc.client, ["J2350", "ocrelizumab"])
    async with svc.runtime.uow() as uow:
        stored = await uow.catalog.contract("medicare")
    assert stored is not None
    assert stored.policy.complex_admin == frozenset({"J2350", "ocrelizumab"})
    r = await svc.client.put("/v1/fee-schedules/contracts/medicare", json={
        "name": "Medicare Part B", "kind": "medicare", "drug_basis": "medicare_asp",
        "policy": {"complex_admin": ["not a code!"]}})
    assert r.status_code == 422
    assert "complex_admin" in r.text
    async with svc.runtime.uow() as uow:  # the refused body changed nothing
        again = await uow.catalog.contract("medicare")
    assert again is not None and again.policy.complex_admin == stored.policy.complex_admin


# ocrelizumab dose 1 (300 mg, 158 min) after methylprednisolone 100 mg over 15 min
DOSE_1 = (administration(1, "methylprednisolone", MP, "100", 0, 15),
          administration(2, "ocrelizumab", OCR, "300", 30, 188))


@pytest.mark.parametrize(("complex_admin", "admin"), [
    (["J2350"], [("96413", 1), ("96415", 2), ("96375", 1)]),
    ([], [("96365", 1), ("96366", 2), ("96375", 1)]),
], ids=["payer-wants-96413", "standard"])
async def test_an_ocrelizumab_dose_1_visit_is_billed_and_exported(svc, complex_admin, admin):
    c = svc.client
    await stock(c)
    await contract(c, complex_admin)
    claim_id = await bill(svc, administered(*DOSE_1))
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "ready", claim
    assert [(ln["code"], ln["modifiers"], ln["units"], ln["ndc"], ln["ndc_qty"])
            for ln in claim["lines"]] == [
        *((code, [], units, None, None) for code, units in admin),
        ("J2930", ["JZ"], 1, MP, "1.6"), ("J2350", ["JZ"], 300, OCR, "10")]
    # the 2026Q1 test file has no J2350: unpriced, and the claim says so
    assert any("J2350: unpriced, not in ASP quarter 2026Q1" in w for w in claim["warnings"])
    x12 = await c.get(f"/v1/claims/{claim_id}/x12")
    assert x12.status_code == 200 and validate_x12(x12.text) == []
    assert f"LIN**N4*{OCR}~" in x12.text.replace("\n", "")
    [read] = read_837p(x12.text)
    assert [(r.code, r.modifiers, r.units, r.ndc) for r in read.lines][-1] == (
        "J2350", ("JZ",), 300, OCR)


async def test_ivig_waste_is_a_separate_jw_line_through_the_service(svc):
    c = svc.client
    await stock(c)
    await contract(c, [])
    event = administered(administration(1, "ivig_gamunex_c", GAMU, "27.2", 0, 150,
                                        wasted="2.8", unit="g"))
    claim = (await c.get(f"/v1/claims/{await bill(svc, event)}")).json()
    assert claim["status"] == "ready", claim
    assert [(ln["code"], ln["modifiers"], ln["units"], ln["ndc_qty"]) for ln in claim["lines"]
            ] == [("96365", [], 1, None), ("96366", [], 1, None), ("J1561", [], 55, "272"),
                  ("J1561", ["JW"], 5, "28")]
    read = read_837p((await c.get(f"/v1/claims/{claim['id']}/x12")).text)[0]
    assert [(r.code, r.modifiers, r.units) for r in read.lines][2:] == [
        ("J1561", (), 55), ("J1561", ("JW",), 5)]


# --------------------------------------------------------------------------- NCD 200.3
LECANEMAB = administration(1, "lecanemab", LEC, "1000", 0, 60)


@pytest.mark.parametrize(("evidence", "registry"), [
    (None, "99999999"), ({"registry_number": "04567890"}, "04567890"),
], ids=["registry-99999999", "dedicated-nct-number"])
async def test_lecanemab_to_medicare_is_billed_with_the_registry_coding(svc, evidence,
                                                                       registry):
    c = svc.client
    await stock(c)
    await contract(c, [], evidence)
    event = administered(LECANEMAB).model_copy(update={"diagnoses": ["G30.1"]})
    claim = (await c.get(f"/v1/claims/{await bill(svc, event)}")).json()
    assert claim["status"] == "ready", claim
    assert claim["registry_number"] == registry
    assert claim["diagnoses"] == ["G301", "Z006"]
    assert [(ln["code"], ln["modifiers"], ln["units"], ln["dx_pointers"])
            for ln in claim["lines"]] == [("96365", ["Q1"], 1, [1, 2]),
                                          ("J0174", ["Q0", "JZ"], 1000, [1, 2])]
    x12 = await c.get(f"/v1/claims/{claim['id']}/x12")
    assert x12.status_code == 200 and validate_x12(x12.text) == []
    assert f"REF*P4*{registry}~" in x12.text.replace("\n", "")
    [read] = read_837p(x12.text)
    assert read.registry_number == registry
    assert [(r.code, r.modifiers) for r in read.lines] == [("96365", ("Q1",)),
                                                          ("J0174", ("Q0", "JZ"))]


async def test_lecanemab_without_an_alzheimers_diagnosis_is_held_and_not_exported(svc):
    c = svc.client
    await stock(c)
    await contract(c, [])
    event = administered(LECANEMAB).model_copy(update={"diagnoses": ["G35"]})
    claim = (await c.get(f"/v1/claims/{await bill(svc, event)}")).json()
    assert claim["status"] == "held", claim
    [hold] = claim["holds"]
    assert hold["item"] == "diagnosis.evidence_development"
    assert "G30.0, G30.1, G30.8, G30.9, G31.84" in hold["detail"]
    x12 = await c.get(f"/v1/claims/{claim['id']}/x12")
    assert x12.status_code == 409, x12.text
    assert "diagnosis.evidence_development" in x12.text


async def test_a_medicare_advantage_plan_opts_in_and_the_setting_is_stored(svc):
    c = svc.client
    await stock(c)
    await contract(c, [], kind="medicare_advantage")
    event = administered(LECANEMAB).model_copy(update={"diagnoses": ["G30.1"]})
    claim = (await c.get(f"/v1/claims/{await bill(svc, event)}")).json()
    assert claim["registry_number"] is None and claim["diagnoses"] == ["G301"]
    await contract(c, [], {"applies": True, "registry_number": "04567890"},
                   kind="medicare_advantage")
    async with svc.runtime.uow() as uow:
        stored = await uow.catalog.contract("medicare")
    assert stored is not None
    assert (stored.policy.evidence_development.applies,
            stored.policy.evidence_development.registry_number) == (True, "04567890")
    listed = (await c.get("/v1/fee-schedules")).json()["items"]
    [item] = [i for i in listed if i["kind"] == "contract"]
    assert item["detail"]["evidence_development"] == {
        "applies": True, "registry_number": "04567890", "drug_modifier": None,
        "admin_modifier": None}
    rebuilt = await c.post(f"/v1/claims/{claim['id']}/rebuild")
    assert rebuilt.status_code == 200, rebuilt.text
    claim = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert claim["registry_number"] == "04567890" and claim["diagnoses"] == ["G301", "Z006"]


@pytest.mark.parametrize("evidence", [
    {"registry_number": "NCT04567890"}, {"registry_number": "1234567"},
    {"drug_modifier": "q0"}, {"applies": "sometimes"}, {"unknown": True},
])
async def test_a_bad_evidence_setting_is_refused(svc, evidence):
    r = await svc.client.put("/v1/fee-schedules/contracts/medicare", json={
        "name": "Medicare Part B", "kind": "medicare", "drug_basis": "medicare_asp",
        "x12_payer_id": "MCRB1", "claim_filing": "MB",
        "policy": {"evidence_development": evidence}})
    assert r.status_code == 422, r.text
