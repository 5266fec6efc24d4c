"""The PAS round trip against the payer sandbox running as a real HTTP server (never patched):
approve, deny, pended -> approved by inquiry, payer errors and bad payer data."""

from __future__ import annotations

import socket

import httpx
import pytest
from pydantic import SecretStr

from authorization.adapters.payer_client import PayerConnector, PayerEndpoint
from authorization.domain.errors import PayerResponseInvalid
from payer_sandbox.config import Rule, SandboxConfig, demo_config
from payer_sandbox.testing import running_sandbox

from ..conftest import NOW, NY, member_of
from ..pas_fixtures import parties_for
from ..unit.test_case import GOOD, frames, new_case


@pytest.fixture(scope="module")
def sandbox():
    with running_sandbox(demo_config()) as sb:
        yield sb


@pytest.fixture
async def connector(sandbox):
    sandbox.set_config(demo_config())
    conn = PayerConnector({}, PayerEndpoint(base_url=sandbox.fhir_base), inquire_retries=0)
    yield conn
    await conn.aclose()


def ready_case(book, extra=None, **kw):
    case = new_case(book, **kw)
    case.answer({**GOOD, **(extra or {})}, "user:demo", NOW)
    case.submit("user:demo", NOW, frames(case), NY)
    return case


def apply(case, reply):
    """What the handler does with a reply."""
    if reply.kind == "decision":
        return case.record_decision(reply.decision, reply.raw, f"payer:{case.payer_id}", NOW)
    case.record_payer_error(reply.error or reply.kind, reply.raw, f"payer:{case.payer_id}", NOW)
    return False


async def test_approve_round_trip(book, connector):
    case = ready_case(book)
    reply = await connector.submit(case, parties_for(case), NOW)
    assert reply.kind == "decision" and reply.status_code == 200
    d = reply.decision
    assert (d.kind, d.review_code) == ("approved", "A1")
    assert d.auth_number.startswith("SBX-") and d.approved_units == {"J3032": 100}
    assert (d.valid_from, d.valid_to) == (case.requested_from, case.requested_to)
    apply(case, reply)
    assert case.status == "approved" and case.auth_number == d.auth_number
    assert '"ClaimResponse"' in case.history[-1].payer_response  # stored verbatim
    # resubmitting the same request returns the same answer (payer de-duplicates)
    again = await connector.submit(case, parties_for(case), NOW)
    assert again.decision.auth_number == d.auth_number


async def test_deny_round_trip(book, connector):
    case = ready_case(book, member_id="DENY-1")
    reply = await connector.submit(case, parties_for(case), NOW)
    assert reply.decision.kind == "denied" and reply.decision.reason_code == "MN"
    apply(case, reply)
    assert case.status == "denied"
    assert "Medical necessity criteria not met" in case.denial_reason


async def test_dtr_answers_reach_the_payer(book, connector):
    case = new_case(book)
    case.answer({**GOOD, "J3032.concurrent-cgrp-antibody": True}, "user:demo", NOW)
    case.submit("user:demo", NOW, frames(case), NY)
    reply = await connector.submit(case, parties_for(case), NOW)
    assert reply.decision.kind == "denied"
    assert "Concurrent CGRP" in reply.decision.reason


async def test_pended_then_approved_by_inquiry(book, connector, sandbox):
    case = ready_case(book, member_id="PEND-1")  # demo rule: decided on the 2nd inquiry
    apply(case, await connector.submit(case, parties_for(case), NOW))
    assert case.status == "pended"
    first = await connector.inquire(case, parties_for(case), NOW)
    assert first.decision.kind == "pended"
    assert apply(case, first) is False and case.status == "pended"
    second = await connector.inquire(case, parties_for(case), NOW)
    assert second.decision.kind == "approved"
    apply(case, second)
    assert case.status == "approved" and case.lines[0].approved_units == 100
    assert [h.action for h in case.history][-2:] == ["pended", "approved"]
    ops = [r["op"] for r in sandbox.app.state.store.requests
           if r["identifier"] == case.request_identifier]
    assert ops == ["submit", "inquire", "inquire"]


async def test_inquiry_for_a_claim_the_payer_never_saw(book, connector):
    case = ready_case(book)
    assert (await connector.inquire(case, parties_for(case), NOW)).kind == "not_found"


async def test_payer_outage_is_a_transient_recorded_error(book, connector, sandbox):
    case = ready_case(book, member_id="ERR-1")
    reply = await connector.submit(case, parties_for(case), NOW)
    assert (reply.kind, reply.transient, reply.status_code) == ("error", True, 500)
    assert "payer system unavailable" in reply.error
    apply(case, reply)
    assert case.status == "submitted" and "HTTP 500" in case.last_error
    assert case.history[-1].action == "payer_error"


@pytest.mark.parametrize(
    "rule, problem",
    [
        (Rule(review_code="A6", approved_units=-5), "negative approved units"),
        (Rule(reverse_period=True), "before valid_from"),
        (Rule(review_code="NA"), "unsupported review action"),
    ],
)
async def test_bad_payer_data_is_recorded_not_applied(book, connector, sandbox, rule, problem):
    sandbox.set_config(SandboxConfig(default=rule))
    case = ready_case(book)
    reply = await connector.submit(case, parties_for(case), NOW)
    if reply.kind == "decision":  # read fine, but the case refuses to apply it
        with pytest.raises(PayerResponseInvalid) as err:
            case.record_decision(reply.decision, reply.raw, "payer", NOW)
        case.record_payer_error(str(err.value), reply.raw, "payer", NOW)
    else:
        apply(case, reply)
    assert case.status == "submitted" and problem in case.last_error
    assert case.history[-1].payer_response  # the verbatim body is kept for the record


async def test_unreachable_payer_and_missing_endpoint(book):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    conn = PayerConnector({"summit-health": PayerEndpoint(base_url=f"http://127.0.0.1:{port}")},
                          inquire_retries=1, retry_backoff_s=0.01)
    case = ready_case(book)
    reply = await conn.submit(case, parties_for(case), NOW)
    assert reply.kind == "error" and reply.transient and "unreachable" in reply.error
    reply = await conn.inquire(case, parties_for(case), NOW)
    assert reply.kind == "error" and reply.transient
    other = ready_case(book, {"J3032.failed-self-injected-cgrp": True},
                       payer_id="harbor-health", plan_id="harbor-hmo")
    reply = await conn.submit(other, parties_for(other), NOW)
    assert reply.kind == "error" and not reply.transient
    assert "no endpoint configured for payer harbor-health" in reply.error
    await conn.aclose()


async def test_credentials_per_payer(book, sandbox):
    sandbox.set_config(SandboxConfig(required_token="tok-summit"))
    case = ready_case(book)
    async with httpx.AsyncClient() as client:
        wrong = PayerConnector({}, PayerEndpoint(base_url=sandbox.fhir_base), client=client)
        reply = await wrong.submit(case, parties_for(case), NOW)
        assert (reply.kind, reply.status_code, reply.transient) == ("error", 401, False)
        right = PayerConnector(
            {"summit-health": PayerEndpoint(base_url=sandbox.fhir_base,
                                            token=SecretStr("tok-summit"))}, client=client)
        assert (await right.submit(case, parties_for(case), NOW)).decision.kind == "approved"


async def test_slow_payer_times_out(book, sandbox):
    sandbox.set_config(SandboxConfig(latency_ms=600))
    conn = PayerConnector({}, PayerEndpoint(base_url=sandbox.fhir_base, timeout_s=0.2))
    reply = await conn.submit(k := ready_case(book), parties_for(k), NOW)
    assert reply.kind == "error" and reply.transient and "timed out" in reply.error
    await conn.aclose()


async def test_dependent_several_drug_request_is_accepted_by_the_payer(book, connector,
                                                                        sandbox):
    """The sandbox refuses non-conformant PAS Bundles (400 naming the element): what the
    builder makes for a dependent with several drugs passes its intake."""
    from ..conftest import CHLORPROMAZINE, EPTINEZUMAB, KETOROLAC
    from ..pas_fixtures import SPOUSE, coverage

    case = new_case(book, payer_id="acme-unknown", plan_id=None,
                    lines=[EPTINEZUMAB, KETOROLAC, CHLORPROMAZINE])
    assert case.questions == []  # no policy: nothing to document
    case.blockers = []  # the payer is configured by endpoint only, for this test
    case.submit("user:demo", NOW, None, NY)
    cov = coverage("acme-unknown", member_id=member_of(case.order_id), relationship="spouse",
                   plan_id=None, subscriber=SPOUSE)
    reply = await connector.submit(case, parties_for(case, cov, ndc=False), NOW)
    assert reply.kind == "decision" and reply.decision.kind == "approved", reply.error
    assert reply.decision.approved_units == {"J1885": 2, "J3032": 100, "J3230": 1}
    ops = [r["op"] for r in sandbox.app.state.store.requests
           if r["identifier"] == case.request_identifier]
    assert ops == ["submit"]


async def test_connector_refuses_to_send_a_nonconformant_bundle(book, connector, sandbox):
    import dataclasses

    from ..pas_fixtures import ORDERING

    case = ready_case(book)
    bad = dataclasses.replace(parties_for(case), ordering=dataclasses.replace(
        ORDERING, npi="1234567890"))
    reply = await connector.submit(case, bad, NOW)
    assert reply.kind == "error" and not reply.transient
    assert "not conformant, not sent" in reply.error
    assert "Practitioner[0].identifier.where(system='http://hl7.org/fhir/sid/us-npi')" in \
        reply.error
    assert not [r for r in sandbox.app.state.store.requests
                if r["identifier"] == case.request_identifier]
