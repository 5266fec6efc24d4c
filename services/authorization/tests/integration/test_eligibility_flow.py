"""Eligibility end to end on PostgreSQL, the real broker and the clearinghouse sandbox running
as its own process: order.signed in, a 270 out, the 271 read, authorization events out.

- a member the clearinghouse says is inactive: authorization.eligibility_flagged, and no
  authorization.not_required (scheduling cannot book) until staff resolve it;
- a member whose payer first answers AAA 42 ("retry later"), then active: the 270 is sent
  again after the backoff, nothing is flagged, and not_required follows the clearing.

Orders' payer-identity endpoint is being built on another branch: the identity comes from a
StaticIdentitySource (what orders would disclose), everything else is the real thing.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime

import httpx
import pytest

from authorization.adapters.orders_client import StaticIdentitySource
from authorization.bootstrap import MIGRATIONS, build_runtime
from authorization.domain.identity import PayerIdentity
from authorization.service import eligibility
from authorization.settings import AuthorizationSettings
from chairside_shared.processes import ServiceProcess
from chairside_shared.testing.plugin import eventually, running, settings_for_test

from ..conftest import KETOROLAC, make_order
from ..pas_fixtures import ORDERING, PATIENT, coverage
from .test_event_flow import Collector, publish

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def clearinghouse(tmp_path):
    port = _free_port()
    proc = ServiceProcess("clearinghouse-sandbox", "clearinghouse_sandbox", port, args=[],
                          env={"CLEARINGHOUSE_SANDBOX_PORT": str(port)},
                          log_path=tmp_path / "clearinghouse.log", health_path="/healthz")
    proc.start()
    try:
        proc.wait_ready(60)
        yield proc
    finally:
        proc.stop()


def identity_for(order, member_id: str) -> PayerIdentity:
    """What orders discloses for payment (fake demographics)."""
    return PayerIdentity(
        order_id=order.order_id, patient_id=order.patient_id, patient=PATIENT,
        coverage=coverage(order.payer.payer_id, member_id=member_id, plan_id=None,
                          group_number="G-1"),
        ordering=ORDERING)


async def test_inactive_flags_and_retry_later_is_retried(make_database, fresh_broker,
                                                         clearinghouse):
    admin = httpx.AsyncClient(base_url=clearinghouse.url, timeout=10)
    await admin.put("/admin/members/INACT-1", json={"status": "inactive"})
    await admin.put("/admin/members/BUSY-1", json={"retry_later_first": 1,
                                                   "deductible_remaining": "400"})
    settings = settings_for_test(
        AuthorizationSettings, database_url=await make_database("authzelig", MIGRATIONS),
        broker=fresh_broker, seed_demo_data=True, poller_enabled=False,
        eligibility_on_sign=True, clearinghouse_url=f"{clearinghouse.url}/x12",
        eligibility_poll_interval_s=0.2, eligibility_retry_base_s=0.5,
        eligibility_max_attempts=4)
    runtime = build_runtime(settings)
    identities = StaticIdentitySource()
    runtime.parties = eligibility.Parties(identity=identities,
                                          clearinghouse=runtime.parties.clearinghouse)
    now = datetime.now(UTC)
    inactive = make_order(lines=[KETOROLAC], member_id="INACT-1", signed_at=now)
    busy = make_order(lines=[KETOROLAC], member_id="BUSY-1", signed_at=now)
    for order, member in ((inactive, "INACT-1"), (busy, "BUSY-1")):
        identities.by_order[order.order_id] = identity_for(order, member)
    try:
        async with running(runtime), Collector(fresh_broker) as out:
            await publish(fresh_broker, ("order.signed", inactive), ("order.signed", busy))

            async def both_answered():
                return ("authorization.eligibility_flagged" in out.of(inactive.order_id)
                        and "authorization.not_required" in out.of(busy.order_id))
            await eventually(both_answered, timeout_s=40)
            await asyncio.sleep(1.0)  # anything else that would follow shows up now
            assert out.of(inactive.order_id) == ["authorization.eligibility_flagged"]
            [flag] = [p for t, k, p in out.seen if t == "authorization.eligibility_flagged"]
            assert (flag["reason_code"], flag["order_id"]) == ("inactive",
                                                               str(inactive.order_id))
            assert out.of(busy.order_id) == ["authorization.eligibility_cleared",
                                             "authorization.not_required"]
            sent = (await admin.get("/admin/inquiries")).json()["items"]
            assert [i["outcome"] for i in sent if i["member_id"] == "BUSY-1"] == [
                "AAA42", "active"]
            assert [i["outcome"] for i in sent if i["member_id"] == "INACT-1"] == ["inactive"]
            async with runtime.uow() as uow:
                [busy_check] = await uow.eligibility.for_order(busy.order_id)
                [flagged_check] = await uow.eligibility.for_order(inactive.order_id)
            assert (busy_check.status, busy_check.attempts) == ("active", 2)
            assert busy_check.figures.deductible_remaining == 400
            assert flagged_check.status == "inactive" and flagged_check.needs_staff

            # staff resolve the flag: the withheld decision goes out, after the clearing
            await eligibility.resolve(uows=runtime.uow, check_id=flagged_check.id,
                                      actor="user:staff-1", reason="self-pay agreed",
                                      now=datetime.now(UTC))
            await eventually(lambda: _has(out, inactive, "authorization.not_required"))
            assert out.of(inactive.order_id) == ["authorization.eligibility_flagged",
                                                 "authorization.eligibility_cleared",
                                                 "authorization.not_required"]
    finally:
        await admin.aclose()


async def _has(out: Collector, order, event_type: str) -> bool:
    return event_type in out.of(order.order_id)
