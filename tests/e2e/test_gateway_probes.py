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
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .client import DEMO_SECRETS
from .stack import start_stack, stop_stack
from .visits import (
    COCKTAIL,
    EPTINEZUMAB,
    MEDICARE,
    new_order,
    new_patient,
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
    await api.post(f"/v1/orders/{order['id']}/sign")
    v = await visit_when(api, order["id"], lambda v: status_of(v["appointment"]) in (
        "held", "booked"), "placed")
    now = datetime.now(UTC)
    biologic = await new_order(api, patient["id"], EPTINEZUMAB, urgency="planned",
                               payer=summit(f"PEND-{uuid.uuid4().hex[:6]}"),
                               diagnosis=("G43.709",), who="demo-admin",
                               window=(now + timedelta(hours=1), now + timedelta(hours=6)))
    await api.post(f"/v1/orders/{biologic['id']}/sign")
    pa = await visit_when(api, biologic["id"], lambda v: status_of(v["authorization"])
                          == "draft", "PA case")
    return {"patient": patient["id"], "order": order["id"],
            "appointment": v["appointment"]["id"], "authorization": pa["authorization"]["id"]}


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


# ------------------------------------------------------------------------------ A
@pytest.mark.parametrize("body", [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 50_000 + "1" + "}" * 50_000,
    json.dumps({"mrn": "E2E-DEEP", "birth_date": "1984-06-02", "sex": "female",
                "weight_kg": 64, "allergies": "@"}).replace('"@"', "[" * 3000 + "]" * 3000),
], ids=["brackets", "objects", "allergies"])
async def test_deeply_nested_json_is_a_422_not_a_crash(api, body):
    r = await api.request("POST", "/v1/patients", who="demo-partner", expect=422,
                          content=body.encode(), headers={"content-type": "application/json"})
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"] == [{"field": "body",
                                   "message": "JSON nested deeper than 32 levels"}]
    assert (await new_patient(api))["practice_id"] == "demo-partner"


# ------------------------------------------------------------------------------ B
async def test_list_cursors_are_opaque_and_bound_to_the_caller(api, clinic):
    every = await api.pages("/v1/appointments")  # as the center's staff
    ids = {a["id"] for a in every}
    assert clinic["appointment"] in ids
    cursors, cursor, seen = [], None, []
    for _ in range(len(ids) + 1):  # as the partner, one appointment a page
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = await api.get("/v1/appointments", params=params, who="demo-partner")
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
        page = await api.get("/v1/appointments", params={
            "limit": 1, **({"cursor": cursor} if cursor else {})})
        staff += [a["id"] for a in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert set(staff) == ids and len(staff) == len(ids)
    # Somebody else's cursor, an altered one, the service's own: 422 naming cursor.
    altered = cursors[0][:-3] + ("AAA" if not cursors[0].endswith("AAA") else "BBB")
    for who, c in (("demo-admin", cursors[0]), ("demo-partner", altered),
                   ("demo-partner", clinic["appointment"])):
        r = await api.request("GET", "/v1/appointments", params={"cursor": c}, who=who,
                              expect=422)
        assert r.json()["errors"] == [{"field": "cursor",
                                       "message": "not a cursor this caller was given"}]


@pytest.mark.parametrize("kind", ["patients", "orders", "appointments", "authorizations"])
async def test_another_practices_id_answers_like_an_id_that_does_not_exist(api, clinic, kind):
    theirs = clinic[kind.removesuffix("s")]
    answers = []
    for rid in (theirs, str(uuid.uuid4())):
        r = await api.request("GET", f"/v1/{kind}/{rid}", who="demo-partner", expect=404)
        body = r.json()
        body["instance"] = body["instance"].replace(rid, "{id}")
        answers.append((r.status_code, r.headers["content-type"], body))
    assert answers[0] == answers[1]
    assert answers[0][2]["detail"] == f"no such {kind.removesuffix('s')}"
    # The center's staff still reach it.
    assert (await api.get(f"/v1/{kind}/{theirs}"))["id"] == theirs


async def raw_get(base_url: str, path: str, token: str) -> tuple[int, bytes]:
    """The path exactly as written (httpx itself would resolve a `.` segment)."""
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
async def gateway_signing_key(stack) -> tuple[str, object]:
    engine = create_async_engine(stack.databases["gateway"])
    try:
        async with engine.connect() as conn:
            kid, pem = (await conn.execute(text(
                "SELECT kid, private_key_pem FROM signing_keys WHERE retired_at IS NULL "
                "ORDER BY created_at DESC LIMIT 1"))).one()
    finally:
        await engine.dispose()
    return kid, serialization.load_pem_private_key(pem, password=KEY_PASSPHRASE)


async def test_a_validly_signed_token_whose_exp_is_a_string_is_refused(stack, api):
    kid, key = await gateway_signing_key(stack)
    claims = jwt.decode(await api.token("demo-partner"), options={"verify_signature": False})

    def signed(**over):
        return jwt.encode({**claims, **over}, key, algorithm="RS256",
                          headers={"kid": kid, "typ": "at+jwt"})

    ok = await api.http.get("/v1/drugs", headers=bearer(signed(jti=str(uuid.uuid4()))))
    assert ok.status_code == 200  # the key is the gateway's: only the claim types differ
    for over in ({"exp": "9999999999"}, {"exp": str(claims["exp"])}, {"nbf": True},
                 {"iat": float(claims["iat"])}):
        r = await api.http.get("/v1/drugs", headers=bearer(signed(jti=str(uuid.uuid4()),
                                                                  **over)))
        assert r.status_code == 401, (over, r.text)
        assert "must be an integer" in r.json()["detail"]


def caller_at(stack, address: str) -> httpx.AsyncClient:
    """Another caller address: all of 127.0.0.0/8 is local."""
    return httpx.AsyncClient(base_url=stack.gateway_url, timeout=30,
                             transport=httpx.AsyncHTTPTransport(local_address=address))


async def test_guessing_a_clients_secret_does_not_lock_the_client_out(stack):
    form = {"grant_type": "client_credentials", "client_id": "demo-partner",
            "client_secret": DEMO_SECRETS["demo-partner"]}
    async with caller_at(stack, "127.0.0.3") as guesser, \
            caller_at(stack, "127.0.0.4") as partner:
        codes = [(await guesser.post("/v1/oauth/token", data={
            **form, "client_secret": f"guess-{i}"})).status_code for i in range(11)]
        assert codes == [401] * PAIR_CAPACITY + [429]
        # The partner, from its own address, signs in as usual.
        r = await partner.post("/v1/oauth/token", data=form)
        assert r.status_code == 200, r.text
        ok = await partner.get("/v1/drugs", headers=bearer(r.json()["access_token"]))
        assert ok.status_code == 200
        # The guesser's address waits for the bucket (at most one refill), right secret or not.
        r = await guesser.post("/v1/oauth/token", data=form)
        assert r.status_code == 429 and int(r.headers["retry-after"]) <= 1 / PAIR_PER_S

