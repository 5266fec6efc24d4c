"""POST /v1/oauth/token and GET /.well-known/jwks.json."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from gateway.domain import problems as pb
from gateway.domain.ratelimit import retry_after_header
from gateway.entrypoints.api.schemas import TokenRequest
from gateway.service.auth import OAuthError, parse_basic

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def oauth_problem(status: int, error: str, description: str,
                   headers: dict[str, str] | None = None) -> Response:
    # problem+json like every error, carrying RFC 6749's `error` members for OAuth clients.
    problem = pb.Problem(status, f"oauth-{error.replace('_', '-')}", description,
                         extra={"error": error, "error_description": description},
                         headers={**NO_STORE, **(headers or {})})
    return Response(json.dumps(problem.body()), status_code=status,
                    media_type=pb.PROBLEM_MEDIA_TYPE, headers=problem.headers)


async def token_endpoint(request: Request) -> Response:
    gw = request.app.state.gateway
    if not gw.booted.is_set():
        return oauth_problem(503, "temporarily_unavailable", "the gateway is starting",
                              {"Retry-After": "1"})
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        return oauth_problem(415, "invalid_request",
                              "the body must be application/x-www-form-urlencoded")
    try:
        pairs = parse_qsl((await request.body()).decode(), keep_blank_values=True,
                          strict_parsing=False)
    except UnicodeDecodeError:
        return oauth_problem(400, "invalid_request", "the body is not UTF-8")
    names = [k for k, _ in pairs]
    if len(names) != len(set(names)):
        return oauth_problem(400, "invalid_request", "a parameter was given twice")
    form = dict(pairs)
    basic = parse_basic(request.headers.get("authorization"))
    if basic:
        if "client_secret" in form:
            return oauth_problem(400, "invalid_request", "use one client authentication method")
        form["client_id"], form["client_secret"] = basic
    try:
        req = TokenRequest.model_validate(form)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        field = ".".join(str(p) for p in first["loc"]) or "body"
        # A grant_type we do not support is its own OAuth error; a missing one is malformed.
        error = ("unsupported_grant_type" if field == "grant_type" and "grant_type" in form
                 else "invalid_request")
        return oauth_problem(400, error, f"{field}: {first['msg']}")
    # Throttle guessing: failed attempts drain a bucket per caller address and one per (caller
    # address, client id); while either is empty, requests from there are refused before the
    # (deliberately slow) secret check. Never a bucket per client id alone: anyone who knows a
    # client id could then lock that client out from everywhere. Successful sign-ins cost
    # nothing, so busy legitimate clients are not hit.
    host = request.client.host if request.client else "unknown"
    buckets = [(f"token-ip:{host}", gw.token_ip_bucket),
               (f"token-pair:{host}:{req.client_id or ''}", gw.token_pair_bucket)]
    for key, policy in buckets:
        level = (await gw.buckets.take(key, policy, cost=0)).level  # read, do not spend
        if level < 1:
            return oauth_problem(429, "slow_down", "too many failed token requests",
                                  {"Retry-After": retry_after_header((1 - level) / policy.rate)})
    try:
        if req.grant_type == "authorization_code":
            if gw.codes is None or gw.tokens.external is not None:
                raise OAuthError("unsupported_grant_type",
                                 "tokens are issued by the configured identity provider")
            if not req.code or not req.code_verifier:
                raise OAuthError("invalid_request", "code and code_verifier are required")
            issued = await gw.codes.exchange(code=req.code, verifier=req.code_verifier,
                                             client_id=req.client_id,
                                             redirect_uri=req.redirect_uri)
        else:
            issued = await gw.tokens.issue(
                grant_type=req.grant_type, client_id=req.client_id,
                client_secret=req.client_secret, scope=req.scope, username=req.username,
                password=req.password)
    except OAuthError as exc:
        for key, policy in buckets:
            await gw.buckets.take(key, policy)  # a failure costs one token
        extra = {"WWW-Authenticate": 'Basic realm="chairside"'} if exc.status == 401 else None
        return oauth_problem(exc.status, exc.error, exc.description, extra)
    body = {"access_token": issued.access_token, "token_type": "Bearer",
            "expires_in": issued.expires_in, "scope": issued.scope}
    return JSONResponse(body, headers=NO_STORE)


async def jwks(request: Request) -> Response:
    gw = request.app.state.gateway
    await gw.tokens.refresh_if_stale()
    # Short public caching: verifiers re-fetch soon enough to see a rotation.
    return JSONResponse(gw.tokens.jwks(), headers={"Cache-Control": "public, max-age=60"})
