"""The gateway on a real socket in front of real (fake) HTTP services."""

import re
import uuid

import jwt
import pytest

pytestmark = pytest.mark.integration

TRACEPARENT = re.compile(r"^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
PATIENT = {"practice_id": "demo-partner", "mrn": "MRN-778812", "birth_date": "1984-07-19",
           "sex": "female", "weight_kg": 62.5}


async def test_token_endpoint_issues_a_short_lived_rs256_jwt_verifiable_with_jwks(g):
    r = await g.client.post("/v1/oauth/token", data={
        "grant_type": "client_credentials", "client_id": "demo-partner",
        "client_secret": "demo-partner-secret", "scope": "orders:read patients:read"})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 600
    assert body["scope"] == "orders:read patients:read"
    jwks = (await g.client.get("/.well-known/jwks.json")).json()
    header = jwt.get_unverified_header(body["access_token"])
    assert header["alg"] == "RS256"
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    claims = jwt.decode(body["access_token"], jwt.PyJWK(key).key, algorithms=["RS256"],
                        audience="chairside-api", issuer=g.gw.settings.issuer)
    assert claims["practice_id"] == "demo-partner" and claims["exp"] - claims["iat"] == 600
    assert "d" not in key and "p" not in key  # never a private part


@pytest.mark.parametrize(
    "form,status,error",
    [
        ({"grant_type": "client_credentials", "client_id": "demo-partner",
          "client_secret": "wrong"}, 401, "invalid_client"),
        ({"grant_type": "client_credentials", "client_id": "nobody",
          "client_secret": "demo-partner-secret"}, 401, "invalid_client"),
        ({"grant_type": "client_credentials", "client_id": "demo-partner",
          "client_secret": "demo-partner-secret", "scope": "admin"}, 400, "invalid_scope"),
        ({"grant_type": "urn:ietf:params:oauth:grant-type:device_code",
          "client_id": "demo-partner", "client_secret": "demo-partner-secret"},
         400, "unsupported_grant_type"),
        # the board's grant (PKCE): a code and its verifier are required
        ({"grant_type": "authorization_code", "client_id": "demo-partner",
          "client_secret": "demo-partner-secret"}, 400, "invalid_request"),
        # a confidential client is not the board's public client: no code of its own
        ({"grant_type": "authorization_code", "client_id": "demo-partner",
          "code": "x" * 43, "code_verifier": "v" * 43}, 401, "invalid_client"),
        ({"grant_type": "password", "client_id": "demo-partner",
          "client_secret": "demo-partner-secret", "username": "demo-clinician",
          "password": "demo-clinician-password"}, 400, "unauthorized_client"),
        ({"grant_type": "password", "client_id": "demo-admin", "client_secret": "demo-admin-secret",
          "username": "demo-clinician", "password": "nope"}, 400, "invalid_grant"),
        ({"client_id": "demo-partner"}, 400, "invalid_request"),
    ],
)
async def test_token_endpoint_errors_are_problems_with_oauth_codes(g, form, status, error):
    r = await g.client.post("/v1/oauth/token", data=form)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["error"] == error and r.json()["status"] == status
    assert "access_token" not in r.text


async def test_token_endpoint_refuses_json_and_accepts_basic_auth(g):
    r = await g.client.post("/v1/oauth/token", json={"grant_type": "client_credentials"})
    assert r.status_code == 415
    r = await g.client.post("/v1/oauth/token", data={"grant_type": "client_credentials"},
                            auth=("demo-partner", "demo-partner-secret"))
    assert r.status_code == 200


async def test_staff_user_password_grant_carries_roles_and_role_scopes(g):
    r = await g.client.post("/v1/oauth/token", data={
        "grant_type": "password", "client_id": "demo-admin", "client_secret": "demo-admin-secret",
        "username": "demo-scheduler", "password": "demo-scheduler-password"})
    assert r.status_code == 200
    claims = jwt.decode(r.json()["access_token"], options={"verify_signature": False})
    assert claims["roles"] == ["scheduler"] and claims["sub"].startswith("user:")
    assert "schedule:write" in claims["scope"] and "orders:sign" not in claims["scope"]


async def test_every_response_carries_traceparent_and_security_headers(g):
    for method, path in [("GET", "/healthz"), ("GET", "/nope"), ("GET", "/v1/orders"),
                         ("GET", "/.well-known/jwks.json"), ("DELETE", "/v1/orders")]:
        r = await g.client.request(method, path)
        assert TRACEPARENT.match(r.headers["traceparent"]), (method, path)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert "default-src 'none'" in r.headers["content-security-policy"]
    r = await g.client.get("/nope")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    r = await g.client.delete("/v1/orders", headers=await g.auth())
    assert r.status_code == 405 and r.json()["status"] == 405


async def test_proxy_forwards_with_identity_and_trace_headers(g, fakes):
    patient = fakes["orders"].put("patients", PATIENT)
    r = await g.client.get(f"/v1/patients/{patient['id']}", headers=await g.auth("demo-partner"))
    assert r.status_code == 200 and r.json()["id"] == patient["id"]
    seen = fakes["orders"].calls("GET", f"/v1/patients/{patient['id']}")[-1]
    assert seen.headers["x-chairside-client-id"] == "demo-partner"
    assert seen.headers["x-chairside-practice-id"] == "demo-partner"
    assert "authorization" not in seen.headers  # the token stops at the gateway
    trace_id = r.headers["traceparent"].split("-")[1]
    assert seen.headers["traceparent"].split("-")[1] == trace_id


@pytest.mark.parametrize(
    "headers,status,detail",
    [
        ({}, 401, "bearer token is required"),
        ({"Authorization": "Basic abc"}, 401, "Bearer"),
        ({"Authorization": "Bearer not.a.token"}, 401, "malformed"),
    ],
)
async def test_missing_or_bad_token_is_401_and_nothing_is_forwarded(g, fakes, headers, status,
                                                                      detail):
    r = await g.client.get("/v1/orders", headers=headers)
    assert r.status_code == status and detail in r.json()["detail"]
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert fakes["orders"].seen == []


async def test_scope_missing_is_403_and_not_forwarded(g, fakes):
    headers = await g.auth("demo-partner", scope="orders:read")
    r = await g.client.post("/v1/patients", json=PATIENT, headers=headers)
    assert r.status_code == 403 and "patients:write" in r.json()["detail"]
    assert 'insufficient_scope' in r.headers["www-authenticate"]
    assert fakes["orders"].seen == []


@pytest.mark.parametrize(
    "kwargs,status,field",
    [
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, None),
        ({"content": b"a=b", "headers": {"content-type": "application/x-www-form-urlencoded"}},
         415, None),
        ({"json": {**PATIENT, "favourite_colour": "blue"}}, 422, "favourite_colour"),
        ({"json": {**PATIENT, "birth_date": "19/07/1984"}}, 422, "birth_date"),
        ({"json": {**PATIENT, "weight_kg": -3}}, 422, "weight_kg"),
        ({"json": {k: v for k, v in PATIENT.items() if k != "mrn"}}, 422, "mrn"),
    ],
)
async def test_bad_bodies_are_refused_at_the_edge(g, fakes, kwargs, status, field):
    headers = {**kwargs.pop("headers", {}), **await g.auth()}
    r = await g.client.post("/v1/patients", headers=headers, **kwargs)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/problem+json"
    if field:
        assert field in {e["field"] for e in r.json()["errors"]}
        assert "MRN-778812" not in r.text and "1984-07-19" not in r.text
    assert fakes["orders"].seen == []


async def test_bad_path_ids_and_query_values_are_422_not_forwarded(g, fakes):
    auth = await g.auth()
    r = await g.client.get("/v1/orders/not-a-uuid", headers=auth)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "order_id"
    r = await g.client.get("/v1/orders", params={"limit": "0"}, headers=auth)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "limit"
    assert fakes["orders"].seen == []
    r = await g.client.get("/v1/orders", params={"limit": "5", "evil": "1"}, headers=auth)
    assert r.status_code == 200
    assert fakes["orders"].seen[-1].query == {"limit": "5"}  # unknown parameter dropped


async def test_oversized_body_is_413_by_length_and_when_chunked(start_gateway, fakes):
    async with start_gateway(max_body_bytes=2048) as gt:
        auth = await gt.auth()
        big = {**PATIENT, "conditions": ["x" * 100] * 40}
        r = await gt.client.post("/v1/patients", json=big, headers=auth)
        assert r.status_code == 413 and r.json()["status"] == 413

        async def chunks():
            for _ in range(10):
                yield b" " * 500

        r = await gt.client.post("/v1/patients", content=chunks(),
                                 headers={**auth, "content-type": "application/json"})
        assert r.status_code == 413
        assert "traceparent" in r.headers
    assert fakes["orders"].seen == []


async def test_upstream_errors_become_problems(g, fakes):
    auth = await g.auth()
    r = await g.client.get(f"/v1/orders/{uuid.uuid4()}", headers=auth)
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    fakes["orders"].fail_with = [500]
    r = await g.client.post("/v1/orders/" + str(uuid.uuid4()) + "/sign", headers=auth)
    assert r.status_code == 502 and r.json()["service"] == "orders"
    assert "failing on purpose" not in r.text  # a service's internals stay inside


async def test_cors_allow_list(g):
    ok = "http://localhost:5173"
    r = await g.client.options("/v1/orders", headers={
        "Origin": ok, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, idempotency-key"})
    assert r.status_code == 204 and r.headers["access-control-allow-origin"] == ok
    assert "idempotency-key" in r.headers["access-control-allow-headers"]
    r = await g.client.options("/v1/orders", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    r = await g.client.get("/healthz", headers={"Origin": ok})
    assert r.headers["access-control-allow-origin"] == ok
    assert "traceparent" in r.headers["access-control-expose-headers"]
    r = await g.client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


async def test_openapi_document_is_complete(g):
    doc = (await g.client.get("/openapi.json")).json()
    assert doc["components"]["securitySchemes"]["oauth2"]["flows"]["clientCredentials"]
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert any(c.startswith("2") for c in op["responses"]), (method, path)
            if path not in ("/v1/oauth/token", "/.well-known/jwks.json"):
                assert op["security"] and "401" in op["responses"]
                assert "application/problem+json" in op["responses"]["401"]["content"]
    assert "traceparent" in doc["paths"]["/v1/orders"]["get"]["responses"]["200"]["headers"]
    r = await g.client.get("/docs")
    assert r.status_code == 200 and "swagger" in r.text.lower()


async def test_identity_headers_sent_by_a_caller_are_never_forwarded(g, fakes):
    headers = {**await g.auth("demo-partner"), "x-chairside-practice-id": "practice-b",
               "x-chairside-scopes": "admin", "x-chairside-user-id": "someone-else",
               "x-chairside-client-id": "demo-admin"}
    assert (await g.client.get("/v1/drugs", headers=headers)).status_code == 200
    seen = fakes["orders"].calls("GET", "/v1/drugs")[-1].headers
    assert seen["x-chairside-practice-id"] == "demo-partner"
    assert seen["x-chairside-client-id"] == "demo-partner"
    assert "admin" not in seen["x-chairside-scopes"].split()
    assert "x-chairside-user-id" not in seen


async def test_an_unexpected_failure_is_a_500_problem_with_traceparent(g, monkeypatch):
    async def boom(call):
        raise RuntimeError("bug")

    monkeypatch.setattr(g.gw.proxy, "handle", boom)
    r = await g.client.get("/v1/drugs", headers=await g.auth())
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"] == "the gateway failed to handle the request"
    assert "bug" not in r.text and "traceparent" in r.headers
