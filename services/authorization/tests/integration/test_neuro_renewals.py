"""Issue 18 on PostgreSQL: an anti-amyloid approval goes on the renewal worklist like a
migraine drug's, and the next order after it ends opens a renewal case asking the drug's own
renewal criteria (MRI monitoring, response), not migraine days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID, uuid4

import pytest

from authorization.adapters.drug_codes import load_drug_codes

from ..conftest import make_order
from ..pas_fixtures import TEST_CODES
from .conftest import T0, feed
from .test_renewal_worklist import renewal_needed

pytestmark = pytest.mark.integration

LECANEMAB = {"drug_code": "lecanemab", "hcpcs": "J0174", "hcpcs_unit": "per 1 mg",
             "dose": Decimal(700), "dose_unit": "mg", "mode": "infusion", "minutes": 60,
             "molecule": "lecanemab", "dose_number": 1}
FIRST = {"amyloid-confirmed": True, "mmse-score": 25, "baseline-mri-recent": True,
         "aria-risk-discussed": True, "recent-tia-stroke-seizure": False}


async def test_lecanemab_renewal_on_the_worklist_and_as_a_renewal_case(svc):
    # TEST FIXTURE ONLY, not a real RxCUI (the PAS request needs one; see pas_fixtures)
    svc.runtime.pas = replace(svc.runtime.pas, drug_codes=load_drug_codes(
        {**TEST_CODES, "lecanemab": "9999004"}))
    pid = uuid4()
    first = make_order(lines=[LECANEMAB], diagnoses=["G30.1"], age=72, patient_id=pid,
                       prescriber_specialty="neurology", signed_at=T0)
    await feed(svc, "order_signed", first)
    item = (await svc.client.get("/v1/authorizations",
                                 params={"order_id": str(first.order_id)})).json()["items"][0]
    url = f"/v1/authorizations/{item['id']}"
    r = await svc.client.post(f"{url}/answers",
                              json={"answers": {f"J0174.{k}": v for k, v in FIRST.items()}})
    assert r.status_code == 200, r.text
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "approved", case
    # the policy's 3-month initial approval was asked for (and the sandbox grants it)
    assert case["valid_from"] == "2026-03-02" and case["valid_to"] == "2026-06-01"
    assert {c["status"] for c in case["criteria"]} == {"met"}
    assert case["lines"][0]["requested_units"] == 700

    visit = date(2026, 6, 15)
    await renewal_needed(svc, first.order_id, visit=visit, case_id=UUID(item["id"]))
    [todo] = (await svc.client.get("/v1/authorizations/renewals")).json()["items"]
    assert todo["order_id"] == str(first.order_id) and todo["payer_id"] == "summit-health"
    assert date.fromisoformat(todo["due_on"]) < visit

    later = make_order(lines=[LECANEMAB], diagnoses=["G30.1"], age=72, patient_id=pid,
                       prescriber_specialty="neurology", signed_at=T0 + timedelta(days=105))
    decision = await feed(svc, "order_signed", later)
    assert decision.outcome == "pa_required"
    [renewal] = (await svc.client.get("/v1/authorizations",
                                      params={"order_id": str(later.order_id)})).json()["items"]
    k = (await svc.client.get(f"/v1/authorizations/{renewal['id']}")).json()
    assert k["kind"] == "renewal"
    keys = {q["link_id"].split(".", 1)[1] for q in k["questions"]}
    assert {"mri-monitoring-done", "cognitive-response"} <= keys
    assert not {"amyloid-confirmed", "baseline-migraine-days", "current-migraine-days"} & keys
