"""Issue 14's pricing and underpayment routes at the edge: contract, fee schedule and charge
master versions are written by an admin only (a biller holding billing:write gets 403 and
nothing is forwarded), read with billing:read; the underpayment worklist (JSON and CSV) is
for the center's billing staff, never a partner's. The caller's client id reaches the service
(it records who added a version)."""

import pytest
from gateway_testkit.walk import BODIES

from gateway.entrypoints.api.contracts import reimbursement as rb

pytestmark = pytest.mark.integration
WRITES = [("/v1/pricing/contracts/demo-payer/versions", rb.ContractVersionIn),
          ("/v1/pricing/fee-schedules/demo-fees/versions", rb.RateTableVersionIn),
          ("/v1/pricing/charge-master/versions", rb.RateTableVersionIn)]


async def _biller(g) -> dict[str, str]:
    r = await g.client.post("/v1/oauth/token", data={
        "grant_type": "password", "client_id": "demo-admin",
        "client_secret": "demo-admin-secret", "username": "demo-biller",
        "password": "demo-biller-password"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _posts(fakes, path: str) -> list:
    return [s for s in fakes["reimbursement"].seen if s.method == "POST" and s.path == path]


@pytest.mark.parametrize(("path", "body"), WRITES)
async def test_a_pricing_version_is_an_admins_to_add(g, fakes, path, body):
    biller = await _biller(g)
    r = await g.client.post(path, json=BODIES[body], headers=biller)
    assert r.status_code == 403 and "admin" in r.json()["detail"]
    assert _posts(fakes, path) == []
    r = await g.client.post(path, json=BODIES[body], headers=await g.auth("demo-admin"))
    assert r.status_code == 201, r.text
    [seen] = _posts(fakes, path)
    assert seen.headers["x-chairside-client-id"] == "demo-admin"
    # a body the contract refuses never reaches the service: 422 naming the field
    r = await g.client.post(path, json=BODIES[body] | {"effective_from": "2026-13-01"},
                            headers=await g.auth("demo-admin"))
    assert r.status_code == 422 and "effective_from" in {e["field"] for e in r.json()["errors"]}
    assert len(_posts(fakes, path)) == 1


async def test_billing_staff_read_versions_and_the_underpayment_worklist(g, fakes):
    biller = await _biller(g)
    for path in ("/v1/pricing/contracts", "/v1/pricing/contracts/demo-payer/versions",
                 "/v1/pricing/fee-schedules", "/v1/pricing/charge-master/versions",
                 "/v1/underpayments"):
        r = await g.client.get(path, headers=biller)
        assert r.status_code == 200 and r.json()["items"] == [], path
    r = await g.client.get("/v1/underpayments/csv", headers=biller)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text == "claim_id,status\n"
    partner = await g.auth("demo-partner")
    for path in ("/v1/underpayments", "/v1/pricing/contracts"):
        assert (await g.client.get(path, headers=partner)).status_code == 403
