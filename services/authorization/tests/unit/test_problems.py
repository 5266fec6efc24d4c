"""Every kind of authorization error answers one exact problem+json body (RFC 9457).

The body is part of the public API: status, ``type``, ``title``, ``detail``, ``errors`` and the
extras (``reasons``, ``current_status``) are pinned here through the real app, whatever maps
them.
"""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest

from authorization.domain.errors import (
    AuthorizationError,
    ConcurrentUpdate,
    FieldError,
    InvalidTransition,
    NotFound,
    PayerResponseInvalid,
    SubmissionBlocked,
    ValidationFailed,
)
from authorization.main import create_app
from authorization.service.payers import PayerExists
from authorization.settings import AuthorizationSettings

CASE = UUID("00000000-0000-0000-0000-00000000c0de")
P = "urn:chairside:problem:"

KINDS: dict[str, tuple[Exception, dict[str, object]]] = {
    "not-found": (
        NotFound(f"no authorization {CASE}"),
        {"type": P + "not-found", "title": "Not found", "status": 404,
         "detail": f"no authorization {CASE}"}),
    "invalid-transition": (
        InvalidTransition(CASE, "approved", "submit"),
        {"type": P + "invalid-transition", "title": "Conflict", "status": 409,
         "detail": f"case {CASE} is approved; cannot submit", "current_status": "approved"}),
    "submission-blocked": (
        SubmissionBlocked(CASE, ["unanswered: J3032.age", "payer x is not configured"]),
        {"type": P + "submission-blocked", "title": "Conflict", "status": 409,
         "detail": f"case {CASE} cannot be submitted: unanswered: J3032.age; "
                   "payer x is not configured",
         "reasons": ["unanswered: J3032.age", "payer x is not configured"]}),
    "concurrent-update": (
        ConcurrentUpdate(f"case {CASE} changed since it was read"),
        {"type": P + "concurrent-update", "title": "Conflict", "status": 409,
         "detail": f"case {CASE} changed since it was read"}),
    "validation-failed": (
        ValidationFailed("answers do not match the case's questions",
                         [FieldError("answers.J3032.nope", "no such question")]),
        {"type": P + "validation-failed", "title": "Validation failed", "status": 422,
         "detail": "answers do not match the case's questions",
         "errors": [{"field": "answers.J3032.nope", "message": "no such question"}]}),
    "validation-failed-bare": (
        ValidationFailed("bad cursor"),
        {"type": P + "validation-failed", "title": "Validation failed", "status": 422,
         "detail": "bad cursor", "errors": [{"field": "body", "message": "bad cursor"}]}),
    "payer-exists": (
        PayerExists("payer summit-health exists",
                    [FieldError("id", "payer summit-health already exists")]),
        {"type": P + "payer-exists", "title": "Validation failed", "status": 422,
         "detail": "payer summit-health exists",
         "errors": [{"field": "id", "message": "payer summit-health already exists"}]}),
    "payer-response-invalid": (
        PayerResponseInvalid(["negative approved units for J3032: -5", "no reviewAction"]),
        {"type": P + "payer-response-invalid", "title": "Bad gateway", "status": 502,
         "detail": "invalid payer response: negative approved units for J3032: -5; "
                   "no reviewAction"}),
    "authorization-error": (
        AuthorizationError("something the service refused"),
        {"type": P + "authorization-error", "title": "Bad request", "status": 400,
         "detail": "something the service refused"}),
}


@pytest.fixture(scope="module")
async def client():
    settings = AuthorizationSettings(database_url="sqlite+aiosqlite:///:memory:",
                                     poller_enabled=False, seed_demo_data=False)
    app = create_app(settings)

    async def boom(kind: str) -> None:
        raise KINDS[kind][0]

    app.add_api_route("/boom/{kind}", boom)
    runtime = app.state.runtime
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://authz") as c:
            yield c
    finally:
        await runtime.connector.aclose()
        await runtime.engine.dispose()


@pytest.mark.parametrize("kind", list(KINDS))
async def test_problem_body(client, kind):
    r = await client.get(f"/boom/{kind}")
    expected = {**KINDS[kind][1], "instance": f"/boom/{kind}"}
    assert r.status_code == expected["status"]
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json() == expected
