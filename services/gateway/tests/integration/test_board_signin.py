"""The board's sign-in: authorization code + PKCE at the built-in issuer, demo login in
development settings only, one-time codes, OAuth error redirects (RFC 6749 §4.1.2.1)."""

import asyncio
import secrets
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest

from gateway.domain import pkce

pytestmark = pytest.mark.integration

REDIRECT = "http://127.0.0.1:8000/board/"  # {issuer}/board/ with the test settings' issuer


def request_params(verifier: str, **change: str) -> dict[str, str]:
    return {"response_type": "code", "client_id": "chairside-board", "redirect_uri": REDIRECT,
            "state": "st-1", "code_challenge": pkce.s256(verifier),
            "code_challenge_method": "S256", **change}


async def sign_in(g, verifier: str, username="demo-scheduler", password=None):
    params = request_params(verifier)
    form = await g.client.get("/v1/oauth/authorize", params=params)
    assert form.status_code == 200 and 'name="password"' in form.text
    assert "script-src 'self'" in form.headers["content-security-policy"]
    r = await g.client.post("/v1/oauth/authorize", data={
        **params, "username": username, "password": password or f"{username}-password"})
    return r


def code_of(r) -> str:
    assert r.status_code == 303, r.text
    url = urlsplit(r.headers["location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == REDIRECT
    q = parse_qs(url.query)
    assert q["state"] == ["st-1"]
    return q["code"][0]


async def redeem(g, code: str, verifier: str, **change: str):
    return await g.client.post("/v1/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
        "client_id": "chairside-board", "code_verifier": verifier, **change})


async def test_code_flow_gives_a_staff_token_with_read_scopes_only(g, fakes):
    verifier = secrets.token_urlsafe(48)
    code = code_of(await sign_in(g, verifier))
    r = await redeem(g, code, verifier)
    assert r.status_code == 200, r.text
    claims = jwt.decode(r.json()["access_token"], options={"verify_signature": False})
    scopes = set(claims["scope"].split())
    assert "schedule:read" in scopes and not any(s.endswith(":write") for s in scopes)
    assert claims["client_id"] == "chairside-board" and claims["sub"].startswith("user:")
    board = await g.client.get("/v1/board?date=2026-12-07", headers={
        "Authorization": f"Bearer {r.json()['access_token']}"})
    assert board.status_code == 200, board.text
    # Used once: the same code again is refused.
    again = await redeem(g, code, verifier)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


async def test_wrong_verifier_or_redirect_is_refused_and_spends_the_code(g, fakes):
    verifier = secrets.token_urlsafe(48)
    code = code_of(await sign_in(g, verifier))
    r = await redeem(g, code, secrets.token_urlsafe(48))
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
    assert "code_verifier" in r.json()["error_description"]
    assert (await redeem(g, code, verifier)).status_code == 400  # spent by the failed try
    code = code_of(await sign_in(g, verifier))
    r = await redeem(g, code, verifier, redirect_uri="http://127.0.0.1:8000/elsewhere")
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
    r = await redeem(g, "no-such-code", verifier)
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"


async def test_wrong_password_shows_the_form_again_without_a_code(g, fakes):
    r = await sign_in(g, secrets.token_urlsafe(48), password="wrong")
    assert r.status_code == 401 and "Sign-in failed" in r.text and "location" not in r.headers


async def test_bad_requests_problem_or_error_redirect(g, fakes):
    verifier = secrets.token_urlsafe(48)
    # Untrusted client or redirect URI: shown as problem+json, never redirected.
    for change in ({"client_id": "evil"}, {"redirect_uri": "http://evil.example/board/"}):
        r = await g.client.get("/v1/oauth/authorize", params=request_params(verifier, **change))
        assert r.status_code == 400
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["error"] == "invalid_request"
    # Trusted redirect URI: the error goes back to the client with the state.
    r = await g.client.get("/v1/oauth/authorize",
                           params=request_params(verifier, code_challenge_method="plain"))
    assert r.status_code == 302
    q = parse_qs(urlsplit(r.headers["location"]).query)
    assert q["error"] == ["invalid_request"] and q["state"] == ["st-1"]
    assert "code_challenge_method" in q["error_description"][0]
    r = await redeem(g, "x", "short")  # malformed verifier and unknown code
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"


async def test_demo_login_is_off_when_the_settings_say_so(start_gateway, fakes):
    async with start_gateway(demo_staff_login=False) as g:
        r = await g.client.get("/v1/oauth/authorize",
                               params=request_params(secrets.token_urlsafe(48)))
        assert r.status_code == 302
        assert parse_qs(urlsplit(r.headers["location"]).query)["error"] == ["access_denied"]


async def test_board_page_and_config_are_served(g, fakes):
    page = await g.client.get("/board/")
    assert page.status_code == 200 and '<script src="board.js"' in page.text
    assert "<script>" not in page.text  # no inline script: the CSP allows 'self' only
    assert "script-src 'self'" in page.headers["content-security-policy"]
    js = await g.client.get("/board/signin.js")
    assert js.status_code == 200 and "code_challenge_method" in js.text
    cfg = (await g.client.get("/board/config.json")).json()
    assert cfg["client_id"] == "chairside-board" and cfg["redirect_uris"] == [REDIRECT]
    assert cfg["authorization_endpoint"] == "/v1/oauth/authorize"
    assert (await g.client.get("/board")).headers["location"] == "/board/"


async def test_a_code_redeemed_twice_at_once_gives_one_token(g, fakes):
    verifier = secrets.token_urlsafe(48)
    code = code_of(await sign_in(g, verifier))
    answers = await asyncio.gather(*(redeem(g, code, verifier) for _ in range(4)))
    assert sorted(r.status_code for r in answers) == [200, 400, 400, 400]


async def test_the_role_limits_what_the_board_token_may_read(g, fakes):
    verifier = secrets.token_urlsafe(48)
    code = code_of(await sign_in(g, verifier, username="demo-biller"))
    r = await redeem(g, code, verifier)
    assert set(r.json()["scope"].split()) == {"patients:read", "orders:read",
                                              "authorizations:read", "billing:read"}
    board = await g.client.get("/v1/board?date=2026-12-07", headers={
        "Authorization": f"Bearer {r.json()['access_token']}"})
    assert board.status_code == 403  # a biller has no schedule:read


async def test_an_external_issuer_is_found_by_discovery_and_the_builtin_one_is_off(
        start_gateway, fakes):
    from fastapi import FastAPI
    from gateway_testkit.servers import serve

    idp = FastAPI()

    @idp.get("/.well-known/openid-configuration")
    async def discovery():
        return {"authorization_endpoint": "https://idp.test/authorize",
                "token_endpoint": "https://idp.test/token"}

    server = await serve(idp, lifespan="off")
    try:
        async with start_gateway(token_issuer="external", oidc_issuer=server.url,
                                 oidc_jwks_url=f"{server.url}/jwks") as gt:
            cfg = (await gt.client.get("/board/config.json")).json()
            assert cfg["authorization_endpoint"] == "https://idp.test/authorize"
            assert cfg["token_endpoint"] == "https://idp.test/token"
            page = await gt.client.get("/board/")
            assert server.url in page.headers["content-security-policy"]  # connect-src
            r = await gt.client.get("/v1/oauth/authorize",
                                    params=request_params(secrets.token_urlsafe(48)))
            assert r.status_code == 404 and r.json()["error"] == "invalid_request"
    finally:
        await server.stop()
