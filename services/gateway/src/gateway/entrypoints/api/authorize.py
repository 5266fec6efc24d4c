"""GET/POST /v1/oauth/authorize: the built-in issuer's authorization endpoint (RFC 6749 §4.1
with PKCE, RFC 7636) and its demo staff login form (development settings only)."""

from __future__ import annotations

import html
from urllib.parse import parse_qsl, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gateway.domain.pkce import AuthorizeError
from gateway.entrypoints.api.tokens import NO_STORE, oauth_problem
from gateway.service.authcode import SignInFailed

# The request's parameters, carried through the login form as hidden fields.
PARAMS = ("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
          "code_challenge_method")


def _error_redirect(params: dict[str, str], error: str, description: str) -> Response:
    query = {"error": error, "error_description": description, "state": params.get("state", "")}
    return RedirectResponse(f"{params['redirect_uri']}?{urlencode(query)}", status_code=302,
                            headers=NO_STORE)


def _form(params: dict[str, str], message: str = "", status: int = 200) -> Response:
    hidden = "\n".join(
        f'<input type="hidden" name="{k}" value="{html.escape(params.get(k, ""))}">'
        for k in PARAMS)
    note = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chairside staff sign-in</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/board/board.css"></head>
<body class="signin"><main><h1>Chairside staff sign-in</h1>
<p class="warning">Demo login: development settings only.</p>{note}
<form method="post" action="/v1/oauth/authorize">{hidden}
<label>Username <input id="username" name="username" autocomplete="username" required></label>
<label>Password <input id="password" name="password" type="password"
 autocomplete="current-password" required></label>
<button id="sign-in" type="submit">Sign in</button></form></main></body></html>"""
    return HTMLResponse(page, status_code=status, headers=NO_STORE)


def _problem(exc: AuthorizeError) -> Response:
    return oauth_problem(400, exc.error, exc.description)


def _refused(request: Request) -> Response | None:
    gw = request.app.state.gateway
    if not gw.booted.is_set():
        return oauth_problem(503, "temporarily_unavailable", "the gateway is starting",
                              {"Retry-After": "1"})
    if gw.codes is None or gw.settings.token_issuer != "builtin":
        return oauth_problem(404, "invalid_request",
                              "staff sign in at the configured identity provider")
    return None


async def authorize(request: Request) -> Response:
    if (refused := _refused(request)) is not None:
        return refused
    gw = request.app.state.gateway
    pairs = parse_qsl(request.url.query, keep_blank_values=True)
    if len({k for k, _ in pairs}) != len(pairs):
        return oauth_problem(400, "invalid_request", "a parameter was given twice")
    params = dict(pairs)
    try:
        gw.codes.check(params)
    except AuthorizeError as exc:
        return _error_redirect(params, exc.error, exc.description) if exc.redirect \
            else _problem(exc)
    if not gw.settings.demo_login_enabled:
        # The built-in issuer has no staff login outside development: RFC 6749 §4.1.2.1.
        return _error_redirect(params, "access_denied",
                               "the demo staff login is for development settings only")
    return _form(params)


async def sign_in(request: Request) -> Response:
    if (refused := _refused(request)) is not None:
        return refused
    gw = request.app.state.gateway
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        return oauth_problem(415, "invalid_request",
                              "the body must be application/x-www-form-urlencoded")
    try:
        form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
    except UnicodeDecodeError:
        return oauth_problem(400, "invalid_request", "the body is not UTF-8")
    params = {k: form.get(k, "") for k in PARAMS if k in form}
    try:
        gw.codes.check(params)
        if not gw.settings.demo_login_enabled:
            raise AuthorizeError("access_denied", "the demo staff login is for development "
                                 "settings only", redirect=True)
        host = request.client.host if request.client else "unknown"
        key = f"token-ip:{host}"
        if (await gw.buckets.take(key, gw.token_ip_bucket, cost=0)).level < 1:
            return _form(params, "Too many failed sign-ins; wait a moment.", 429)
        try:
            code = await gw.codes.sign_in(params, form.get("username", "")[:100],
                                          form.get("password", "")[:500])
        except SignInFailed:
            await gw.buckets.take(key, gw.token_ip_bucket)
            return _form(params, "Sign-in failed: check the username and password.", 401)
    except AuthorizeError as exc:
        return _error_redirect(params, exc.error, exc.description) if exc.redirect \
            else _problem(exc)
    query = urlencode({"code": code, "state": params["state"]})
    return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=303,
                            headers=NO_STORE)


__all__ = ["authorize", "sign_in"]
