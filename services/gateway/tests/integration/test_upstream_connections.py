"""One caller's trouble must never fail another caller's request: the gateway's pooled
connections against a real service that drops connections (gateway_testkit/rude_server.py).

A request that never fully reached the service (connect failed, or the connection was reset
while the request was being written) is sent once more on a new connection, POST included;
one the service may have read keeps the old rule (only idempotent methods are retried)."""

import asyncio
import re

import pytest
from gateway_testkit.rude_server import RudeServer
from gateway_testkit.servers import free_port

pytestmark = pytest.mark.integration

# An 835 remittance file large enough that it cannot all sit in socket buffers (about 1.4 MB
# on loopback for the sender, 8 KB for the rude server): the gateway is still writing it when
# the service resets the connection.
BIG_835 = ("ISA*00*          *00*~ST*835*0001~" + "CLP*X*1*100*80~" * 400_000 + "SE*2*0001~")
SMALL_835 = "ISA*00*          *00*~ST*835*0001~SE*2*0001~"
TEXT = {"content-type": "text/plain"}


@pytest.fixture
async def rude():
    server = await RudeServer().start()
    yield server
    await server.stop()


async def retries(gt, reason: str) -> float:
    text = (await gt.client.get("/metrics")).text
    for labels, value in re.findall(r"^gateway_upstream_retries_total\{(.*)\} (\S+)$", text,
                                    re.MULTILINE):
        if set(labels.split(",")) == {'upstream="reimbursement"', f'reason="{reason}"'}:
            return float(value)
    return 0.0


async def test_a_post_cut_off_by_a_reset_pooled_connection_is_sent_again_on_a_new_one(
        start_gateway, rude):
    assert len(BIG_835) > 6_000_000
    async with start_gateway(reimbursement_url=rude.url, max_body_bytes=8_000_000) as gt:
        # One caller's read leaves a kept-alive connection in the pool ...
        assert (await gt.client.get("/v1/claims", headers=await gt.auth())).status_code == 200
        assert rude.connections == 1
        before = await retries(gt, "unsent")
        # ... which the service resets while another caller's upload is being written on it.
        rude.plan = ["reset_after_head"]
        r = await gt.client.post("/v1/remittances", content=BIG_835.encode(),
                                 headers={**TEXT, **await gt.auth()})
        assert r.status_code == 201, r.text
        posts = rude.requests("POST")
        assert [(p.connection, p.action) for p in posts] == [(1, "reset_after_head"),
                                                             (2, "answer")]
        assert posts[1].body_bytes == len(BIG_835)  # the whole file, received once
        assert await retries(gt, "unsent") == before + 1


async def test_a_request_never_sent_is_sent_again_once_only(start_gateway, rude):
    async with start_gateway(reimbursement_url=rude.url, max_body_bytes=8_000_000) as gt:
        rude.plan = ["reset_after_head"] * 5
        r = await gt.client.post("/v1/remittances", content=BIG_835.encode(),
                                 headers={**TEXT, **await gt.auth()})
        assert r.status_code == 503 and r.json()["service"] == "reimbursement"
        assert [p.connection for p in rude.requests("POST")] == [1, 2]


async def test_a_post_that_may_have_been_received_is_not_sent_again(start_gateway, rude):
    async with start_gateway(reimbursement_url=rude.url) as gt:
        headers = await gt.auth()
        assert (await gt.client.get("/v1/claims", headers=headers)).status_code == 200
        rude.plan = ["close_after_request"]
        r = await gt.client.post("/v1/remittances", content=SMALL_835.encode(),
                                 headers={**TEXT, **headers})
        assert r.status_code == 503
        assert [p.action for p in rude.requests("POST")] == ["close_after_request"]
        # A GET the service dropped the same way is simply asked again (idempotent).
        rude.plan = ["close_after_request"]
        assert (await gt.client.get("/v1/claims", headers=headers)).status_code == 200
        assert [p.action for p in rude.requests("GET")][-2:] == ["close_after_request",
                                                                 "answer"]


async def test_a_refused_connection_is_tried_once_more_whatever_the_method(start_gateway):
    async with start_gateway(reimbursement_url=f"http://127.0.0.1:{free_port()}") as gt:
        before = await retries(gt, "unsent")
        r = await gt.client.post("/v1/remittances", content=SMALL_835.encode(),
                                 headers={**TEXT, **await gt.auth()})
        assert r.status_code == 503
        assert await retries(gt, "unsent") == before + 1


async def test_idle_connections_are_dropped_after_the_configured_expiry(start_gateway, rude):
    """The pool gives up an idle connection after upstream_keepalive_expiry_s, which must be
    shorter than the services' keep-alive: then the gateway, not the service, ends it."""

    async def connections_for_two_calls(**settings) -> int:
        start = rude.connections
        async with start_gateway(reimbursement_url=rude.url, **settings) as gt:
            headers = await gt.auth()
            for _ in range(2):
                assert (await gt.client.get("/v1/claims", headers=headers)).status_code == 200
                await asyncio.sleep(0.3)
        return rude.connections - start

    assert await connections_for_two_calls(upstream_keepalive_expiry_s=0.1) == 2  # expired
    assert await connections_for_two_calls() == 1  # the 30 s default: reused
