"""JSON nested deeper than the gateway allows, wherever the gateway reads JSON: a client's
body, a service's answer, a bearer token's segments, an identity provider's keys. Each used
to crash json.loads with RecursionError (a 500); each is now a clear 4xx or 502/401."""

import base64
import json
import uuid

import pytest
from fastapi import FastAPI
from fastapi.responses import Response
from gateway_testkit.servers import serve
from gateway_testkit.walk import add_partner, seed_practice

pytestmark = pytest.mark.integration

PATIENT = {"mrn": "MRN-DEEP-1", "birth_date": "1984-07-19", "sex": "female", "weight_kg": 62.5}
DEEP_BODIES = {
    "brackets": "[" * 100_000 + "]" * 100_000,  # 200 KB, under the body limit
    "objects": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "allergies": json.dumps({**PATIENT, "allergies": "@"}).replace(
        '"@"', "[" * 3000 + "]" * 3000),
}
DEEP_ANSWER = ("[" * 5000 + "]" * 5000).encode()


@pytest.mark.parametrize("name", DEEP_BODIES)
async def test_deeply_nested_bodies_are_a_422_naming_the_body(g, fakes, name):
    auth = await g.auth()
    r = await g.client.post("/v1/patients", content=DEEP_BODIES[name].encode(),
                            headers={**auth, "content-type": "application/json"})
    assert r.status_code == 422, r.text[:300]
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"] == [{"field": "body",
                                   "message": "JSON nested deeper than 32 levels"}]
    assert fakes["orders"].seen == []
    ok = await g.client.post("/v1/patients", json=PATIENT, headers=auth)
    assert ok.status_code == 201


async def test_a_body_at_the_documented_depth_is_still_accepted(g, fakes):
    answers = {"J3032.nested": json.loads("[" * 30 + "]" * 30)}  # body, answers, 30: 32
    data = seed_practice(fakes, "demo-clinic", "MRN-DEEP-2")
    r = await g.client.post(f"/v1/authorizations/{data.authorization['id']}/answers",
                            json={"answers": answers}, headers=await g.auth())
    assert r.status_code == 200, r.text[:300]


async def test_a_deeply_nested_service_answer_is_a_502_not_a_crash(g, fakes):
    data = seed_practice(fakes, "demo-partner", "MRN-DEEP-3")
    admin, partner = await g.auth(), await g.auth("demo-partner")
    cases = [  # what the service answers (deeply nested) -> what the caller gets
        ("GET", f"/v1/orders/{data.order['id']}", admin, 200, 502),  # the answer itself
        ("GET", f"/v1/orders/{uuid.uuid4()}", admin, 404, 404),  # a service's error body
        ("POST", f"/v1/orders/{data.order['id']}/sign", partner, 200, 502),  # owner lookup
    ]
    for method, path, headers, answered, expected in cases:
        fakes["orders"].raw_answers = [(answered, "application/json", DEEP_ANSWER)]
        r = await g.client.request(method, path, headers=headers)
        assert r.status_code == expected, (path, r.status_code, r.text[:200])
        assert r.headers["content-type"] == "application/problem+json"
    fakes["orders"].raw_answers = [(200, "application/json", DEEP_ANSWER)]
    r = await g.client.get(f"/v1/visits/{data.order['id']}", headers=admin)
    assert r.status_code == 200 and r.json()["order"] == {"unavailable": True,
                                                          "service": "orders"}


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def test_a_bearer_token_with_a_deeply_nested_header_is_a_401(g, fakes):
    header = b'{"alg":"RS256","kid":' + b"[" * 1500 + b"]" * 1500 + b"}"
    token = f"{_b64(header)}.{_b64(b'{}')}.{_b64(b'sig')}"
    r = await g.client.get("/v1/drugs", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and r.json()["detail"] == "token malformed"
    assert fakes["orders"].seen == []


async def test_an_identity_providers_deeply_nested_key_set_is_refused(start_gateway, fakes):
    idp = FastAPI()

    @idp.get("/jwks")
    async def jwks() -> Response:
        return Response(b'{"keys":' + DEEP_ANSWER + b"}", media_type="application/json")

    server = await serve(idp, lifespan="off")
    try:
        async with start_gateway(token_issuer="external", oidc_issuer="https://idp.test",
                                 oidc_jwks_url=f"{server.url}/jwks") as gt:
            header = _b64(json.dumps({"alg": "RS256", "kid": "k1"}).encode())
            token = f"{header}.{_b64(b'{}')}.{_b64(b'sig')}"
            r = await gt.client.get("/v1/drugs", headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 401
            assert r.json()["detail"] == "identity provider keys unavailable"
    finally:
        await server.stop()


async def test_partner_answers_use_the_same_bound(start_gateway, fakes):
    """A partner's list is parsed to filter it: a deep page is a 502 there too."""
    async with start_gateway() as gt:
        await add_partner(gt.gw, "partner-deep", "practice-deep")
        fakes["orders"].raw_answers = [(200, "application/json",
                                        b'{"items":' + DEEP_ANSWER + b"}")]
        r = await gt.client.get("/v1/orders", headers=await gt.auth("partner-deep"))
        assert r.status_code == 502 and r.json()["service"] == "orders"
