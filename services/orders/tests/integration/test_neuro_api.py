"""The neurology regimen through the orders API on real PostgreSQL: a drug added by an admin
PUT (no code change) is ordered and gated; observations are recorded, validated and read by
the checks; the TOUCH checklist holds the natalizumab infusion start; premedication lines are
added by rule and the order carries the titrated chair time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from orders.adapters.observation_tables import patient_observations
from orders.seed import seed_catalog

from .conftest import PARTNER
from .test_api import NOW, line, new_order, new_patient

pytestmark = pytest.mark.integration
# The clinic's date, as the service dates observations (not UTC's: for the hours UTC is already
# in tomorrow, an observation dated by it is in the clinic's future and refused).
TODAY = seed_catalog().rules.local_date(NOW)


def codes(order):
    return {f["code"]: f["severity"] for f in order["findings"]}


async def observe(c, patient_id, kind, result, days_ago=1, headers=None, **kw):
    return await c.post(f"/v1/patients/{patient_id}/observations", headers=headers, json={
        "kind": kind, "result": result, "source": "lab",
        "observed_on": (TODAY - timedelta(days=days_ago)).isoformat(), **kw})


async def test_a_drug_added_by_put_is_orderable_and_gated_without_code_change(svc):
    c = svc.client
    doc = (await c.get("/v1/drugs/rituximab_abbs")).json()
    new = {**doc, "code": "rituximab_pvvr", "name": "Rituximab-pvvr (Ruxience, biosimilar)",
           "hcpcs": "Q5119", "synonyms": ["ruxience"], "note": "add Ruxience"}
    r = await c.put("/v1/drugs/rituximab_pvvr", json=new)
    assert r.status_code == 200, r.text
    assert r.json()["molecule"] == "rituximab" and r.json()["regimen"]["gates"]

    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [line("rituximab_pvvr", 1000, mode="infusion",
                                               minutes=60)])
    assert codes(order)["gate.hbv_screen"] == "block"
    assert codes(order)["regimen.titration"] == "warn"  # 50 -> 400 mg/h needs 255 min
    # premedication by rule (rituximab: antihistamine) comes first, the drug after it
    assert [ln["drug_code"] for ln in order["lines"]] == ["diphenhydramine", "rituximab_pvvr"]
    assert order["estimated_chair_minutes"] >= 255
    assert order["acuity_class"] == "high"  # first dose of the molecule

    assert (await observe(c, pt["id"], "hbv_screen", "negative")).status_code == 201
    checked = (await c.post(f"/v1/orders/{order['id']}/check")).json()
    assert "gate.hbv_screen" not in {f["code"] for f in checked["findings"]}


async def test_observations_are_validated_listed_and_practice_bound(svc):
    c = svc.client
    pt = await new_patient(c)
    r = await observe(c, pt["id"], "hbv_screen", "maybe")
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert "result" in r.text
    r = await observe(c, pt["id"], "mri_brain", "no_aria", days_ago=-3)
    assert r.status_code == 422 and "observed_on" in r.text
    r = await observe(c, pt["id"], "weather", "sunny")
    assert r.status_code == 422 and "kind" in r.text
    assert await svc.count(patient_observations) == 0

    assert (await observe(c, pt["id"], "apoe", "e4_noncarrier", 30)).status_code == 201
    assert (await observe(c, pt["id"], "mri_brain", "no_aria", 10)).status_code == 201
    items = (await c.get(f"/v1/patients/{pt['id']}/observations")).json()["items"]
    assert [(o["kind"], o["result"]) for o in items] == [("apoe", "e4_noncarrier"),
                                                         ("mri_brain", "no_aria")]
    # a partner sends results for its own practice's patients only
    theirs = await new_patient(c, mrn="P-1", practice="demo-partner", headers=PARTNER)
    assert (await observe(c, theirs["id"], "anti_jcv", "negative", headers=PARTNER)
            ).status_code == 201
    assert (await observe(c, pt["id"], "anti_jcv", "negative", headers=PARTNER)
            ).status_code == 404
    assert (await c.get(f"/v1/patients/{pt['id']}/observations", headers=PARTNER)
            ).status_code == 404


async def test_natalizumab_start_needs_this_infusions_touch_checklist(svc):
    c = svc.client
    pt = await new_patient(c)
    await observe(c, pt["id"], "anti_jcv", "negative", 30)
    order = await new_order(c, pt["id"], [line("natalizumab", 300, mode="infusion",
                                               minutes=60)])
    assert codes(order)["gate.touch_checklist"] == "info"
    assert "gate.anti_jcv" not in codes(order)
    assert (await c.post(f"/v1/orders/{order['id']}/sign")).status_code == 200
    body = {"line_sequence": 1, "started_at": NOW.isoformat(),
            "stopped_at": (NOW + timedelta(minutes=60)).isoformat(), "dose_given": "300",
            "dose_unit": "mg", "wasted_amount": "0"}
    r = await c.post(f"/v1/orders/{order['id']}/administrations", json=body)
    assert r.status_code == 409 and "TOUCH" in r.text
    # a checklist for another infusion does not count; this infusion's does
    other = await new_order(c, pt["id"], [line("natalizumab", 300, mode="infusion",
                                               minutes=60)])
    await observe(c, pt["id"], "touch_checklist", "completed", 0, order_id=other["id"])
    r = await c.post(f"/v1/orders/{order['id']}/administrations", json=body)
    assert r.status_code == 409
    await observe(c, pt["id"], "touch_checklist", "completed", 0, order_id=order["id"])
    r = await c.post(f"/v1/orders/{order['id']}/administrations", json=body)
    assert r.status_code == 201, r.text


async def test_a_neuro_protocol_doses_by_weight_and_carries_the_gates(svc):
    c = svc.client
    pt = await new_patient(c)  # 70 kg
    items = (await c.get("/v1/protocols")).json()["items"]
    pid = next(p["id"] for p in items if p["key"] == "lecanemab-10-mg-kg")
    order = await new_order(c, pt["id"], protocol_id=pid)
    assert [(ln["drug_code"], ln["dose"]) for ln in order["lines"]] == [("lecanemab", "700")]
    found = codes(order)
    assert found["gate.mri_brain"] == "block" and found["gate.apoe"] == "block"
    assert "regimen.dose" not in found


async def test_an_observation_kind_added_by_put_gates_a_drug_added_by_put(svc):
    """Issue 18: adding a drug needs no code change, even when its gate reads a result no
    kind held before: the kind is catalog data (a numeric lab value read against its limits,
    with its own freshness window)."""
    c = svc.client
    doc = (await c.get("/v1/drugs/ublituximab")).json()
    ig_gate = {"kind": "quantitative_ig", "doses": [1], "severity": "block",
               "result_severity": {"low": "warn"}, "source": "test",
               "message": "quantitative serum immunoglobulins required before the first dose"}
    new = {**doc, "code": "ublituximab_clinic", "name": "Ublituximab (clinic test entry)",
           "synonyms": [], "regimen": {**doc["regimen"],
                                       "gates": [*doc["regimen"]["gates"], ig_gate]}}
    new.pop("recall", None)
    new.pop("series", None)
    # a gate naming a kind the catalog does not define could never be met: refused
    r = await c.put("/v1/drugs/ublituximab_clinic", json=new)
    assert r.status_code == 422 and "regimen.gates.1.kind" in r.text, r.text

    kind = {"label": "Quantitative serum IgG (test limits)", "unit": "mg/dL", "low": "600",
            "max_age_days": 90, "source": "test data", "note": "add quantitative Ig"}
    r = await c.put("/v1/observation-kinds/quantitative_ig", json=kind)
    assert r.status_code == 200, r.text
    assert (r.json()["unit"], r.json()["low"], r.json()["results"]) == ("mg/dL", "600", [])
    listed = (await c.get("/v1/observation-kinds")).json()["items"]
    assert {k["kind"] for k in listed} >= {"hbv_screen", "mri_brain", "quantitative_ig"}
    assert (await c.put("/v1/drugs/ublituximab_clinic", json=new)).status_code == 200

    pt = await new_patient(c)
    assert (await observe(c, pt["id"], "hbv_screen", "negative")).status_code == 201
    order = await new_order(c, pt["id"], [line("ublituximab_clinic", 150, mode="infusion",
                                               minutes=240)])
    assert codes(order)["gate.quantitative_ig"] == "block"

    async def value(v, days_ago=1, **kw):
        return await c.post(f"/v1/patients/{pt['id']}/observations", json={
            "kind": "quantitative_ig", "value": v, "source": "lab",
            "observed_on": (TODAY - timedelta(days=days_ago)).isoformat(), **kw})

    async def recheck():
        return codes((await c.post(f"/v1/orders/{order['id']}/check")).json())

    # a numeric kind takes a value, never a result of another vocabulary
    assert "value" in (await observe(c, pt["id"], "quantitative_ig", "negative")).text
    r = await value("450", result="normal")
    assert r.status_code == 422 and "result" in r.text
    # older than the kind's 90-day window: still blocked
    assert (await value("800", days_ago=120)).status_code == 201
    assert (await recheck())["gate.quantitative_ig"] == "block"
    r = await value("450")
    assert r.status_code == 201 and (r.json()["result"], r.json()["unit"]) == ("low", "mg/dL")
    found = await recheck()
    assert "gate.quantitative_ig" not in found and found["gate.quantitative_ig.result"] == "warn"
    assert (await value("820")).status_code == 201
    found = await recheck()
    assert not {k for k in found if k.startswith("gate.quantitative_ig")}
    assert "block" not in found.values(), found

    # the kind may not drop a result a drug's gate names
    r = await c.put("/v1/observation-kinds/quantitative_ig",
                    json={"results": ["done"], "source": "test"})
    assert r.status_code == 422 and "results" in r.text
    r = await c.put("/v1/observation-kinds/Bad-Kind", json={"results": ["x"], "source": "t"})
    assert r.status_code == 422 and "kind" in r.text
