"""The gateway defects of issue 11, each replayed as it was found: by probing the running
platform (every service a real process on PostgreSQL) through the public gateway.

A. deeply nested JSON bodies crashed the gateway (500);
B. tenant hints: list cursors that were another practice's appointment ids, "no such X" vs
   "X <id> not found" (an existence oracle), and GET /v1/drugs/. answering the whole list;
C. a validly signed token with a string `exp` was accepted, and 11 wrong secrets for a
   client id locked the client out from everywhere.
(D, one caller's dropped connection failing another's request, needs a service that drops
connections on purpose: services/gateway/tests/integration/test_upstream_connections.py.)
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

import httpx
import jwt
import pytest
from chairside_client import AuthenticatedClient, Client
from chairside_client.api.authorization import get_authorizations_authorization_id
from chairside_client.api.gateway import post_oauth_token
from chairside_client.api.orders import get_drugs, get_orders_order_id, get_patients_patient_id
from chairside_client.api.scheduling import get_appointments, get_appointments_appointment_id
from chairside_client.models import (
    AuthorizationAuthorization,
    OrdersListDrugsResponse,
    OrdersOrderOut,
    OrdersPatientOut,
    SchedulingAppointmentOut,
    SchedulingAppointmentPage,
    TokenRequest,
    TokenRequestGrantType,
    TokenResponse,
)
from chairside_client.types import UNSET, Response
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .client import DEMO_SECRETS, Api, ApiError
from .stack import start_stack, stop_stack
from .visits import (
    COCKTAIL,
    EPTINEZUMAB,
    MEDICARE,
    new_order,
    new_patient,
    sign,
    status_of,
    summit,
    visit_when,
)

pytestmark = pytest.mark.e2e
# The embedded default the stack runs with (GATEWAY_KEY_ENCRYPTION_SECRET is not set).
KEY_PASSPHRASE = b"embedded-key-encryption-secret"
# Failed token requests: production's burst, and a refill slow enough to watch it.
PAIR_CAPACITY, PAIR_PER_S = 10, 0.05


@pytest.fixture(scope="module")
async def stack(tmp_path_factory):
    s = await start_stack(tmp_path_factory.mktemp("e2e-probes"), "probes", extra_env={
        "GATEWAY_TOKEN_RATE_LIMIT_CAPACITY": str(PAIR_CAPACITY),
        "GATEWAY_TOKEN_RATE_LIMIT_PER_S": str(PAIR_PER_S)})
    try:
        yield s
    finally:
        await stop_stack(s)


@pytest.fixture(scope="module")
async def clinic(api):
    """A demo-clinic visit (booked by the center's staff) and a prior-authorization case."""
    patient = await new_patient(api, who="demo-admin", practice_id="demo-clinic")
    order = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE, who="demo-admin")
    await sign(api, order["id"], who="demo-admin")
    v = await visit_when(api, order["id"], lambda v: status_of(v["appointment"]) in (
        "held", "booked"), "placed")
    now = datetime.now(UTC)
    biologic = await new_order(api, patient["id"], EPTINEZUMAB, urgency="planned",
                               payer=summit(f"PEND-{uuid.uuid4().hex[:6]}"),
                               diagnosis=("G43.709",), who="demo-admin",
                               window=(now + timedelta(hours=1), now + timedelta(hours=6)))
    await sign(api, biologic["id"], who="demo-admin")
    pa = await visit_when(api, biologic["id"], lambda v: status_of(v["authorization"])
                          == "draft", "PA case")
    return {"patient": patient["id"], "order": order["id"],
            "appointment": v["appointment"]["id"], "authorization": pa["authorization"]["id"]}


# ------------------------------------------------------------------------------ A
@pytest.mark.parametrize("body", [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 50_000 + "1" + "}" * 50_000,
    json.dumps({"mrn": "E2E-DEEP", "birth_date": "1984-06-02", "sex": "female",
                "weight_kg": 64, "allergies": "@"}).replace('"@"', "[" * 3000 + "]" * 3000),
], ids=["brackets", "objects", "allergies"])
async def test_deeply_nested_json_is_a_422_not_a_crash(api, body):
    # Raw on purpose: a body no typed model can express (nesting past the gateway's limit).
    r = await api.request("POST", "/v1/patients", who="demo-partner", expect=422,
                          content=body.encode(), headers={"content-type": "application/json"})
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"] == [{"field": "body",
                                   "message": "JSON nested deeper than 32 levels"}]
    assert (await new_patient(api))["practice_id"] == "demo-partner"


# ------------------------------------------------------------------------------ B
async def appointments_page(api: Api, who: str, cursor: str | None, limit: int = 1) -> dict:
    return await api.wire(SchedulingAppointmentPage, get_appointments.asyncio_detailed,
                          client=await api.as_(who), limit=limit,
                          cursor=UNSET if cursor is None else cursor)


async def test_list_cursors_are_opaque_and_bound_to_the_caller(api, clinic):
    every = await api.every(SchedulingAppointmentPage, get_appointments.asyncio_detailed,
                            client=await api.as_())  # as the center's staff
    ids = {a["id"] for a in every}
    assert clinic["appointment"] in ids
    cursors, cursor, seen = [], None, []
    for _ in range(len(ids) + 1):  # as the partner, one appointment a page
        page = await appointments_page(api, "demo-partner", cursor)
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
        cursors.append(cursor)
    assert cursors, "a one-item page of a longer list has a next page"
    assert clinic["appointment"] not in seen
    for c in cursors:  # no appointment id, in clear or as a UUID
        assert not any(i in c for i in ids)
        with pytest.raises(ValueError):
            uuid.UUID(c)
    # Paging still reaches everything for the staff, one page at a time.
    staff, cursor = [], None
    while True:
        page = await appointments_page(api, "demo-admin", cursor)
        staff += [a["id"] for a in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert set(staff) == ids and len(staff) == len(ids)
    # Somebody else's cursor, an altered one, the service's own: 422 naming cursor.
    altered = cursors[0][:-3] + ("AAA" if not cursors[0].endswith("AAA") else "BBB")
    for who, c in (("demo-admin", cursors[0]), ("demo-partner", altered),
                   ("demo-partner", clinic["appointment"])):
        with pytest.raises(ApiError) as refused:
            await appointments_page(api, who, c, limit=100)
        assert refused.value.status == 422
        assert refused.value.body["errors"] == [{"field": "cursor",
                                                 "message": "not a cursor this caller was given"}]


# kind -> (the model of one, reading one by id)
READ_ONE: dict[str, tuple[type, Callable[..., Awaitable[Response[Any]]]]] = {
    "patients": (OrdersPatientOut, get_patients_patient_id.asyncio_detailed),
    "orders": (OrdersOrderOut, get_orders_order_id.asyncio_detailed),
    "appointments": (SchedulingAppointmentOut, get_appointments_appointment_id.asyncio_detailed),
    "authorizations": (AuthorizationAuthorization,
                       get_authorizations_authorization_id.asyncio_detailed),
}


@pytest.mark.parametrize("kind", ["patients", "orders", "appointments", "authorizations"])
async def test_another_practices_id_answers_like_an_id_that_does_not_exist(api, clinic, kind):
    theirs = clinic[kind.removesuffix("s")]
    model, read = READ_ONE[kind]
    answers = []
    for rid in (theirs, str(uuid.uuid4())):
        with pytest.raises(ApiError) as missing:
            await api.wire(model, read, UUID(rid), client=await api.as_("demo-partner"))
        r = missing.value.response
        body = missing.value.body
        body["instance"] = body["instance"].replace(rid, "{id}")
        answers.append((r.status_code, r.headers["content-type"], body))
    assert answers[0][0] == 404 and answers[0] == answers[1]
    assert answers[0][2]["detail"] == f"no such {kind.removesuffix('s')}"
    # The center's staff still reach it.
    assert (await api.wire(model, read, UUID(theirs), client=await api.as_()))["id"] == theirs


async def raw_get(base_url: str, path: str, token: str) -> tuple[int, bytes]:
    """The path exactly as written (httpx itself would resolve a `.` segment; the typed
    client would quote it): raw on purpose."""
    url = urlsplit(base_url)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    writer.write(f"GET {path} HTTP/1.1\r\nhost: {url.netloc}\r\nauthorization: Bearer "
                 f"{token}\r\nconnection: close\r\n\r\n".encode())
    await writer.drain()
    response = await reader.read()
    writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("path,param", [
    ("/v1/drugs/.", "code"), ("/v1/protocols/.", "protocol_id"), ("/v1/payers/.", "payer_id"),
    ("/v1/drugs/%2E", "code"), ("/v1/payers/..", "payer_id"),
    ("/v1/drugs/ketorolac%2Fversions", "code"),
])
async def test_a_dot_segment_or_encoded_slash_never_lists_the_collection(stack, api, path,
                                                                         param):
    status, body = await raw_get(stack.gateway_url, path, await api.token("demo-partner"))
    assert status == 422, body[:300]
    assert [e["field"] for e in json.loads(body)["errors"]] == [param]


# ------------------------------------------------------------------------------ C
async def gateway_signing_key(stack) -> tuple[str, RSAPrivateKey]:
    engine = create_async_engine(stack.databases["gateway"])
    try:
        async with engine.connect() as conn:
            kid, pem = (await conn.execute(text(
                "SELECT kid, private_key_pem FROM signing_keys WHERE retired_at IS NULL "
                "ORDER BY created_at DESC LIMIT 1"))).one()
    finally:
        await engine.dispose()
    key = serialization.load_pem_private_key(pem, password=KEY_PASSPHRASE)
    assert isinstance(key, RSAPrivateKey)
    return kid, key


async def test_a_validly_signed_token_whose_exp_is_a_string_is_refused(stack, api):
    kid, key = await gateway_signing_key(stack)
    claims = jwt.decode(await api.token("demo-partner"), options={"verify_signature": False})

    def signed(**over):
        return jwt.encode({**claims, **over}, key, algorithm="RS256",
                          headers={"kid": kid, "typ": "at+jwt"})

    async def drugs(token: str) -> Response[Any]:
        async with AuthenticatedClient(base_url=stack.gateway_url, token=token) as client:
            return await get_drugs.asyncio_detailed(client=client)

    ok = await drugs(signed(jti=str(uuid.uuid4())))
    # the key is the gateway's: only the claim types differ
    assert ok.status_code == 200 and isinstance(ok.parsed, OrdersListDrugsResponse)
    for over in ({"exp": "9999999999"}, {"exp": str(claims["exp"])}, {"nbf": True},
                 {"iat": float(claims["iat"])}):
        r = await drugs(signed(jti=str(uuid.uuid4()), **over))
        assert r.status_code == 401, (over, r.content)
        assert "must be an integer" in json.loads(r.content)["detail"]


def at(address: str) -> dict[str, Any]:
    """httpx arguments of another caller address: all of 127.0.0.0/8 is local."""
    return {"transport": httpx.AsyncHTTPTransport(local_address=address)}


def credentials(secret: str = DEMO_SECRETS["demo-partner"]) -> TokenRequest:
    return TokenRequest(grant_type=TokenRequestGrantType.CLIENT_CREDENTIALS,
                        client_id="demo-partner", client_secret=secret)


async def test_guessing_a_clients_secret_does_not_lock_the_client_out(stack):
    async with Client(base_url=stack.gateway_url, timeout=httpx.Timeout(30),
                      httpx_args=at("127.0.0.3")) as guesser, \
            Client(base_url=stack.gateway_url, timeout=httpx.Timeout(30),
                   httpx_args=at("127.0.0.4")) as partner:
        codes = [(await post_oauth_token.asyncio_detailed(
            client=guesser, body=credentials(f"guess-{i}"))).status_code for i in range(11)]
        assert codes == [401] * PAIR_CAPACITY + [429]
        # The partner, from its own address, signs in as usual.
        r = await post_oauth_token.asyncio_detailed(client=partner, body=credentials())
        assert r.status_code == 200 and isinstance(r.parsed, TokenResponse), r.content
        async with AuthenticatedClient(base_url=stack.gateway_url, token=r.parsed.access_token,
                                       httpx_args=at("127.0.0.4")) as signed_in:
            ok = await get_drugs.asyncio_detailed(client=signed_in)
        assert ok.status_code == 200
        # The guesser's address waits for the bucket (at most one refill), right secret or not.
        r = await post_oauth_token.asyncio_detailed(client=guesser, body=credentials())
        assert r.status_code == 429 and int(r.headers["retry-after"]) <= 1 / PAIR_PER_S

