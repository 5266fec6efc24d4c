"""IV fluids through the running reimbursement service (migrations, consumer, relay) on
PostgreSQL and the embedded broker: an order.administered carrying a normal-saline bag ordered
as hydration becomes claim lines with +96361 and the bag's J-code and NDC (clinical-loop.md §8
row 31); the same bag running alongside the drug adds no hydration code (row 30)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from reimb_it import (
    EPTI,
    NS1000,
    T0,
    administered,
    administration,
    approval,
    publish,
    setup_catalog,
)

from chairside_shared import contracts
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from reimbursement.adapters import orm
from reimbursement.bootstrap import MIGRATIONS
from reimbursement.entrypoints.api.deps import get_now
from reimbursement.main import create_app
from reimbursement.settings import ReimbursementSettings

pytestmark = pytest.mark.integration

HYDRATION = contracts.FluidFacts(purpose="hydration", rate_ml_per_h=1000, indication="E86.0")


def ns_bag(start: int, stop: int) -> contracts.Administration:
    return administration(1, "ns_1000", NS1000, "1000", start, stop, unit="mL", hcpcs="J7030",
                          fluid=HYDRATION)


async def claim_lines(runtime, order_id) -> list[tuple[str, tuple[str, ...], int, str | None]]:
    async with runtime.session_factory() as session:
        claim = (await session.execute(sa.select(orm.claims.c.id).where(
            orm.claims.c.order_id == order_id))).scalar_one_or_none()
        if claim is None:
            return []
        rows = (await session.execute(sa.select(orm.claim_lines).where(
            orm.claim_lines.c.claim_id == claim).order_by(orm.claim_lines.c.number))).mappings()
        return [(r["code"], tuple(r["modifiers"]), r["units"], r["ndc"]) for r in rows]


async def test_hydration_bag_reaches_the_claim_lines(make_database, fresh_broker):
    import httpx

    url = await make_database("reimbfluid", MIGRATIONS)
    settings = settings_for_test(ReimbursementSettings, database_url=url, broker=fresh_broker)
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: T0
    runtime = app.state.runtime
    async with running(runtime):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://r") as c:
            await setup_catalog(c, lots={
                EPTI: [("E1", "2027-06-30", 3)], NS1000: [("N1", "2027-06-30", 1)]})
        # row 31: 60 min of hydration, then the drug infusion 40 min
        row31 = administered(ns_bag(0, 60),
                             administration(2, "eptinezumab", EPTI, "100", 60, 100))
        # row 30: the same bag running alongside the drug infusion
        row30 = administered(ns_bag(0, 60),
                             administration(2, "eptinezumab", EPTI, "100", 0, 60))
        for event in (row31, row30):
            await publish(fresh_broker, contracts.AUTHORIZATION_TOPIC, "authorization.approved",
                          approval(event.order_id))
            await publish(fresh_broker, contracts.ORDERS_TOPIC, "order.administered", event)
        lines31 = await eventually(lambda: claim_lines(runtime, row31.order_id), timeout_s=30)
        lines30 = await eventually(lambda: claim_lines(runtime, row30.order_id), timeout_s=30)
    assert lines31 == [("96365", (), 1, None), ("96361", (), 1, None),
                       ("J7030", (), 1, NS1000), ("J3032", ("JZ",), 100, EPTI)]
    assert lines30 == [("96365", (), 1, None),
                       ("J7030", (), 1, NS1000), ("J3032", ("JZ",), 100, EPTI)]
