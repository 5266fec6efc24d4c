"""The orders client against a small real HTTP server answering the identity contract's
``GET /v1/orders/{order_id}/payer-identity?purpose=payment`` (the pattern of the gateway's
tests: an ASGI app on a real socket). It checks what the client asks (path, purpose, service
headers), how it reads the contract's shapes, and that a failing or unreadable answer becomes
IdentityUnavailable without a value from the body. The cross-service test against the real
orders service belongs to the lead's e2e suite."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from datetime import date

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from reimbursement.adapters.clients import IdentityUnavailable, OrdersPayerIdentityClient
from reimbursement.domain.practice import PostalAddress

pytestmark = pytest.mark.integration
SELF, CHILD, UNKNOWN, FAILING, GARBLED, SECONDARY, LOST_ONCE = (uuid.uuid4() for _ in range(7))
PRACTITIONER = {"id": str(uuid.uuid4()), "npi": "1234567893", "family_name": "Chen",
                "given_name": "Laura", "taxonomy": "2084N0402X",
                "roles": ["rendering", "supervising"], "practice_id": None, "active": True}
PERSON = {"family_name": "Rivera", "given_name": "Ana", "middle_name": "M",
          "birth_date": "1961-05-14", "sex": "female",
          "address": {"line1": "42 Elm St", "line2": None, "city": "Quincy", "state": "MA",
                      "postal_code": "02169"}, "phone": "6175550123"}


def answer(order_id: uuid.UUID) -> dict:
    dependent = order_id == CHILD
    return {
        "order_id": str(order_id), "patient_id": str(uuid.uuid4()), "practice_id": "demo-clinic",
        "patient": PERSON | ({"given_name": "Sofia", "birth_date": "2012-09-03"}
                             if dependent else {}),
        "coverage": {"id": str(uuid.uuid4()), "patient_id": str(uuid.uuid4()),
                     "payer_id": "medicare", "plan_id": None, "member_id": "1EG4TE5MK72",
                     "group_number": "G-1", "relationship": "child" if dependent else "self",
                     "subscriber": PERSON if dependent else None, "priority": "primary",
                     "effective_from": "2020-01-01", "effective_to": None, "status": "active",
                     "version": 3},
        "ordering": PRACTITIONER, "supervising": PRACTITIONER}


def orders_app(seen: list[dict]) -> FastAPI:
    app = FastAPI()

    @app.get("/v1/orders/{order_id}/payer-identity")
    async def payer_identity(order_id: uuid.UUID, request: Request) -> JSONResponse:
        seen.append({"order": order_id, "query": dict(request.query_params),
                     "client": request.headers.get("x-chairside-client-id"),
                     "scopes": request.headers.get("x-chairside-scopes")})
        if order_id == UNKNOWN:
            return JSONResponse({"detail": "no such order"}, status_code=404)
        if order_id == FAILING:
            return JSONResponse({"detail": "boom"}, status_code=500)
        if order_id == LOST_ONCE and sum(x["order"] == LOST_ONCE for x in seen) == 1:
            # what orders answers when the request met a dead database connection
            return JSONResponse({"title": "database connection lost"}, status_code=503,
                                headers={"retry-after": "1"})
        if order_id == GARBLED:
            return JSONResponse({"order_id": str(order_id), "patient": {
                "family_name": "Rivera", "birth_date": "not a date"}})
        return JSONResponse(answer(order_id))

    @app.get("/v1/patients/{patient_id}/coverages")
    async def coverages(patient_id: uuid.UUID, request: Request) -> JSONResponse:
        seen.append({"query": dict(request.query_params),
                     "client": request.headers.get("x-chairside-client-id"),
                     "scopes": request.headers.get("x-chairside-scopes")})
        if patient_id == UNKNOWN:
            return JSONResponse({"detail": "no such patient"}, status_code=404)
        if patient_id == GARBLED:
            return JSONResponse({"items": [{"id": "x", "priority": "ninth"}]})
        primary = answer(SELF)["coverage"]
        secondary = primary | {"id": str(SECONDARY), "payer_id": "bay-medigap",
                               "member_id": "XGP55501", "priority": "secondary"}
        return JSONResponse({"items": [primary, secondary], "next_cursor": None})

    return app


@pytest.fixture
async def orders():
    seen: list[dict] = []
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(orders_app(seen), log_level="warning",
                                           access_log=False, lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    deadline = time.monotonic() + 30
    while not server.started:
        assert not task.done() and time.monotonic() < deadline, "orders stand-in did not start"
        await asyncio.sleep(0.01)
    try:
        yield OrdersPayerIdentityClient(f"http://127.0.0.1:{sock.getsockname()[1]}"), seen
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)


async def test_the_client_asks_for_payment_as_a_service_and_reads_the_contract(orders):
    client, seen = orders
    found = await client.payer_identity(order_id=SELF)
    assert seen == [{"order": SELF, "query": {"purpose": "payment"},
                     "client": "reimbursement", "scopes": "patients:read"}]
    assert found is not None and found.order_id == SELF
    assert found.patient is not None
    assert (found.patient.family_name, found.patient.given_name, found.patient.middle_name,
            found.patient.birth_date, found.patient.sex) == (
        "Rivera", "Ana", "M", date(1961, 5, 14), "female")
    assert found.patient.address == PostalAddress("42 Elm St", "Quincy", "MA", "02169")
    cov = found.coverage
    assert cov is not None
    assert (cov.payer_id, cov.member_id, cov.relationship, cov.subscriber, cov.group_number,
            cov.effective_from) == ("medicare", "1EG4TE5MK72", "self", None, "G-1",
                                    date(2020, 1, 1))
    assert found.supervising is not None and found.supervising.npi == "1234567893"
    assert found.supervising.taxonomy == "2084N0402X"


async def test_a_dependent_comes_with_the_subscriber(orders):
    client, _ = orders
    found = await client.payer_identity(order_id=CHILD)
    assert found is not None and found.coverage is not None
    assert found.patient is not None and found.patient.given_name == "Sofia"
    assert found.coverage.relationship == "child"
    assert found.coverage.subscriber is not None
    assert found.coverage.subscriber.given_name == "Ana"


async def test_unknown_failing_and_unreadable_answers(orders):
    client, _ = orders
    assert await client.payer_identity(order_id=UNKNOWN) is None
    with pytest.raises(IdentityUnavailable, match="orders service answered 500"):
        await client.payer_identity(order_id=FAILING)
    with pytest.raises(IdentityUnavailable) as caught:
        await client.payer_identity(order_id=GARBLED)
    assert str(caught.value).startswith("unreadable payer identity")
    assert "Rivera" not in str(caught.value) and caught.value.__cause__ is None


async def test_a_read_that_meets_a_lost_database_connection_is_sent_again(orders):
    """Orders' 503 with Retry-After (one request met a dead connection) costs a second send,
    not a failed claim check."""
    client, seen = orders
    found = await client.payer_identity(order_id=LOST_ONCE)
    assert found is not None and found.patient.family_name == "Rivera"
    assert [x["order"] for x in seen] == [LOST_ONCE, LOST_ONCE]


async def test_coverages_are_read_for_payment_with_their_priorities(orders):
    client, seen = orders
    found = await client.coverages(patient_id=SELF)
    assert seen == [{"query": {"purpose": "payment"}, "client": "reimbursement",
                     "scopes": "patients:read"}]
    assert [(c.payer_id, c.member_id, c.priority) for c in found] == [
        ("medicare", "1EG4TE5MK72", "primary"), ("bay-medigap", "XGP55501", "secondary")]
    assert found[1].id == SECONDARY
    assert await client.coverages(patient_id=UNKNOWN) == []
    with pytest.raises(IdentityUnavailable, match="unreadable coverages"):
        await client.coverages(patient_id=GARBLED)
