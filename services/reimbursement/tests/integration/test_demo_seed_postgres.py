"""The shipped demo seed loads on PostgreSQL, whose column limits SQLite does not enforce
(a contract's source text once outgrew its column and `make run` on PostgreSQL never seeded),
and loading it again changes nothing."""

from __future__ import annotations

import pytest

from reimbursement.seed import seed_demo

pytestmark = pytest.mark.integration


async def test_the_demo_seed_loads_on_postgresql_and_again_without_change(svc):
    c = svc.client
    await seed_demo(svc.runtime)
    contracts = (await c.get("/v1/fee-schedules")).json()
    await seed_demo(svc.runtime)  # idempotent
    assert (await c.get("/v1/fee-schedules")).json() == contracts
    payers = {row["id"] for row in contracts["items"] if row["kind"] == "contract"}
    assert {"medicare", "summit-health", "river-medicaid"} <= payers, payers
    identity = (await c.get("/v1/billing-identity")).json()
    assert identity["npi"] == "2998877668"
    stock = (await c.get("/v1/inventory")).json()["items"]
    assert {i["ndc"] for i in stock} >= {"99207001225"}
