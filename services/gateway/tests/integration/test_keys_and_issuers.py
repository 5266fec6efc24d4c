"""Key rotation without downtime, staff roles, an external OIDC issuer, production guards."""

import asyncio
import time

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi import FastAPI
from gateway_testkit.servers import serve
from gateway_testkit.walk import seed_practice

from gateway.seed import refuse_demo_records

pytestmark = pytest.mark.integration


async def test_rotation_keeps_old_tokens_valid_and_other_replicas_follow(start_gateway, fakes):
    async with start_gateway() as one, start_gateway() as two:
        old = await one.token("demo-admin")
        old_kid = jwt.get_unverified_header(old)["kid"]
        r = await one.client.post("/v1/admin/signing-keys/rotate",
                                  headers={"Authorization": f"Bearer {old}"})
        assert r.status_code == 200
        assert len(r.json()["keys"]) == 2
        new = await one.token("demo-admin")
        assert jwt.get_unverified_header(new)["kid"] != old_kid
        for gt in (one, two):
            for token in (old, new):  # replica two has not reloaded yet: unknown kid -> reload
                resp = await gt.client.get(
                    "/v1/drugs", headers={"Authorization": f"Bearer {token}"}
                )
                assert resp.status_code == 200
        jwks = (await two.client.get("/.well-known/jwks.json")).json()
        assert {k["kid"] for k in jwks["keys"]} == {old_kid, jwt.get_unverified_header(new)["kid"]}


async def test_staff_roles_decide_what_a_user_may_do(g, fakes):
    data = seed_practice(fakes, "demo-clinic", "MRN-R-1")

    async def user_headers(username):
        r = await g.client.post("/v1/oauth/token", data={
            "grant_type": "password", "client_id": "demo-admin",
            "client_secret": "demo-admin-secret", "username": username,
            "password": f"{username}-password"})
        return {"Authorization": f"Bearer {r.json()['access_token']}"}

    sign = f"/v1/orders/{data.order['id']}/sign"
    assert (await g.client.post(sign, headers=await user_headers("demo-scheduler"))).status_code \
        == 403
    assert (await g.client.post(sign, headers=await user_headers("demo-biller"))).status_code \
        == 403
    r = await g.client.post(sign, headers=await user_headers("demo-clinician"))
    assert r.status_code == 200 and r.json()["status"] == "signed"
    seen = fakes["orders"].calls("POST", sign)[-1]
    assert seen.headers["x-chairside-roles"] == "clinician" and seen.headers["x-chairside-user-id"]
    biller = await user_headers("demo-biller")
    assert (await g.client.get("/v1/claims", headers=biller)).status_code == 200


class FakeIdp:
    def __init__(self):
        self.rsa = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.ec = ec.generate_private_key(ec.SECP256R1())
        self.keys = {"rsa-1": self.rsa}
        self.fetches = 0
        self.app = FastAPI()

        @self.app.get("/jwks")
        async def jwks():
            self.fetches += 1
            out = []
            for kid, key in self.keys.items():
                jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True) \
                    if isinstance(key, rsa.RSAPrivateKey) else \
                    jwt.algorithms.ECAlgorithm.to_jwk(key.public_key(), as_dict=True)
                out.append({**jwk, "kid": kid, "use": "sig"})
            return {"keys": out}

    def token(self, kid="rsa-1", alg="RS256", key=None, **claims):
        now = int(time.time())
        body = {"iss": "https://idp.test", "aud": "chairside-api", "sub": "idp-user-7",
                "iat": now, "nbf": now, "exp": now + 300, "roles": ["clinician"], **claims}
        return jwt.encode(body, key or self.keys[kid], algorithm=alg, headers={"kid": kid})


async def test_external_oidc_issuer_replaces_the_built_in_one(start_gateway, fakes):
    idp = FakeIdp()
    server = await serve(idp.app, lifespan="off")
    try:
        async with start_gateway(token_issuer="external", oidc_issuer="https://idp.test",
                                 oidc_jwks_url=f"{server.url}/jwks") as gt:
            def bearer(t):
                return {"Authorization": f"Bearer {t}"}

            assert (await gt.client.get("/v1/orders", headers=bearer(idp.token()))).status_code \
                == 200
            r = await gt.client.post("/v1/oauth/token", data={
                "grant_type": "client_credentials", "client_id": "demo-admin",
                "client_secret": "demo-admin-secret"})
            assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"
            assert (await gt.client.get("/.well-known/jwks.json")).json() == {"keys": []}
            # Built-in style tokens and foreign issuers are refused.
            bad = [idp.token(iss="https://evil.test"), idp.token(aud="other"),
                   idp.token(exp=int(time.time()) - 100),
                   idp.token(kid="rsa-1", alg="HS256", key=b"k" * 32),
                   idp.token(kid="rsa-1", alg="ES256", key=idp.ec)]
            for token in bad:
                assert (await gt.client.get("/v1/orders", headers=bearer(token))).status_code \
                    == 401
            # The IdP rotates: a new kid makes the gateway refetch the JWKS (unknown kids are
            # attacker-controlled, so refetches are at most one a second).
            idp.keys["ec-2"] = idp.ec
            await asyncio.sleep(1.1)
            fetched = idp.fetches
            token = idp.token(kid="ec-2", alg="ES256", practice_id="demo-partner")
            assert (await gt.client.get("/v1/orders", headers=bearer(token))).status_code == 200
            assert idp.fetches == fetched + 1
            # A practice claim binds the caller like a partner client.
            other = seed_practice(fakes, "practice-b", "MRN-X")
            r = await gt.client.get(f"/v1/orders/{other.order['id']}", headers=bearer(token))
            assert r.status_code == 404
    finally:
        await server.stop()


async def test_external_tokens_with_claims_of_the_wrong_type_are_refused(start_gateway, fakes):
    idp = FakeIdp()
    server = await serve(idp.app, lifespan="off")
    later = int(time.time()) + 300
    try:
        async with start_gateway(token_issuer="external", oidc_issuer="https://idp.test",
                                 oidc_jwks_url=f"{server.url}/jwks") as gt:
            def get(token):
                return gt.client.get("/v1/orders", headers={"Authorization": f"Bearer {token}"})

            assert (await get(idp.token())).status_code == 200
            for bad in ({"exp": str(later)}, {"exp": "9999999999"}, {"nbf": True},
                        {"iat": float(later - 300)}, {"roles": ["clinician", 7]},
                        {"practice_id": 42}):
                r = await get(idp.token(**bad))
                assert r.status_code == 401, (bad, r.text)
                assert r.headers["www-authenticate"].startswith("Bearer")
    finally:
        await server.stop()


async def test_production_refuses_demo_credentials_in_its_database(start_gateway):
    async with start_gateway() as gt:
        with pytest.raises(RuntimeError, match="demo credentials"):
            await refuse_demo_records(gt.gw.sessions)


async def test_production_gateway_on_a_database_with_demo_clients_never_opens(fakes, gateway_db):
    from gateway_testkit.settings import settings_for

    from gateway.main import create_app

    settings = settings_for(fakes, gateway_db, environment="production", seed_demo_data=False,
                            key_encryption_secret="p" * 40, issuer="https://api.clinic.example")
    app = create_app(settings)
    running = await serve(app)
    try:
        async with httpx.AsyncClient(base_url=running.url) as client:
            for _ in range(100):
                ready = await client.get("/readyz")
                if "failed" in ready.json()["checks"]["boot"]:
                    break
                await asyncio.sleep(0.05)
            assert ready.status_code == 503
            assert "demo credentials" in ready.json()["checks"]["boot"]
            r = await client.post("/v1/oauth/token", data={
                "grant_type": "client_credentials", "client_id": "demo-admin",
                "client_secret": "demo-admin-secret"})
            assert r.status_code == 503
    finally:
        await running.stop()


async def test_cached_tokens_still_expire_and_unknown_ones_are_verified(g):
    token = await g.token("demo-partner")
    headers = {"Authorization": f"Bearer {token}"}
    assert (await g.client.get("/v1/drugs", headers=headers)).status_code == 200
    tokens = g.gw.tokens
    assert len(tokens._verified) >= 1  # verified once, then served from the cache
    real_clock = tokens.clock
    tokens.clock = lambda: real_clock() + 3600  # an hour later: past exp + leeway
    try:
        r = await g.client.get("/v1/drugs", headers=headers)
        assert r.status_code == 401 and "expired" in r.json()["detail"]
    finally:
        tokens.clock = real_clock
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert (await g.client.get("/v1/drugs",
                               headers={"Authorization": f"Bearer {tampered}"})).status_code == 401
