"""Where the public contract differs from the owning service ON PURPOSE: the one reviewed list.

Every proxied route's parameters, body and responses are its service's own (contracts/, built
from the service's OpenAPI document). The entries below are the only exceptions; each names
the operations it applies to, the parameter, what the public side says instead, and why.
tests/unit/test_contracts.py compares every route with its service operation, constraints
included, and fails on any difference missing here (and on any entry here that no longer
differs), so a change to this list is a change to the contract a reviewer sees.

Concerns that are the gateway's alone and change no body or parameter of a service
(authentication and scopes, rate limits, `Idempotency-Key`, problem+json errors with 401, 403,
429, 502, 503 and 504 documented, `traceparent`) are added to every operation by openapi.py.
Routes the gateway answers itself (token, keys, `/v1/visits/{order_id}`, `/v1/board`, the
audit log, key rotation) have no service operation; their schemas are schemas.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gateway.entrypoints.api.schemas import CURSOR_TEXT


@dataclass(frozen=True)
class Difference:
    operations: tuple[str, ...]  # "METHOD /public/path/{template}"
    location: str  # "path" or "query"
    name: str  # the public name
    reason: str
    schema: dict[str, Any] | None = None  # the public schema, when it replaces the service's
    service_name: str | None = None  # the service's name, when the public one differs


# The sealed cursor (adapters/cursors.py): at most 300 characters of a service's cursor, sealed
# with a nonce and a tag and base64url-encoded.
PUBLIC_CURSOR: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": 500,
                                 "description": CURSOR_TEXT}
# A code in the path (a drug code, chair id, payer id, NDC): one segment that no client or
# server can resolve away (never only dots) and that holds no encoded separator.
PATH_CODE: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": 64,
                             "pattern": "^[.]*[A-Za-z0-9_-][A-Za-z0-9._-]*$"}

DIFFERENCES: tuple[Difference, ...] = (
    Difference(
        ("GET /v1/patients", "GET /v1/orders", "GET /v1/appointments", "GET /v1/authorizations",
         "GET /v1/claims", "GET /v1/patients/{patient_id}/access-log",
         "GET /v1/patients/{patient_id}/eligibility", "GET /v1/remittances/quarantine",
         "GET /v1/alerts", "GET /v1/recalls", "GET /v1/authorizations/renewals"),
        "query", "cursor", schema=PUBLIC_CURSOR,
        reason="Cursors are sealed by the gateway and bound to the caller, practice and list "
               "(issue 11): the public cursor is the sealed one, never the service's (which "
               "is a UUID for appointments and a plain string elsewhere)."),
    Difference(
        ("GET /v1/drugs/{code}", "PUT /v1/drugs/{code}", "GET /v1/drugs/{code}/versions"),
        "path", "code", schema=PATH_CODE,
        reason="Path safety (issue 11): a code is refused at the edge when it is only dots or "
               "holds characters a code never has; the service takes any string."),
    Difference(
        ("PUT /v1/chairs/{chair_id}",), "path", "chair_id", schema=PATH_CODE,
        reason="Path safety (issue 11), as for drug codes."),
    Difference(
        ("GET /v1/payers/{payer_id}", "PUT /v1/payers/{payer_id}",
         "GET /v1/payers/{payer_id}/policies", "PUT /v1/payers/{payer_id}/policies"),
        "path", "payer_id", schema=PATH_CODE,
        reason="Path safety (issue 11), as for drug codes."),
    Difference(
        ("PUT /v1/inventory/{ndc}",), "path", "ndc", schema=PATH_CODE,
        reason="Path safety (issue 11), as for drug codes."),
    Difference(
        ("GET /v1/appointments/{appointment_id}",
         "POST /v1/appointments/{appointment_id}/move",
         "POST /v1/appointments/{appointment_id}/check-in",
         "POST /v1/appointments/{appointment_id}/start",
         "POST /v1/appointments/{appointment_id}/complete",
         "POST /v1/appointments/{appointment_id}/cancel",
         "POST /v1/appointments/{appointment_id}/no-show"),
        "path", "appointment_id", service_name="appt_id",
        reason="api.md's name (`/v1/appointments/{id}`, an appointment id) wins; a path "
               "parameter's name is not sent on the wire, only its position."),
)


def lookup(operation: str, location: str, name: str) -> Difference | None:
    for d in DIFFERENCES:
        if operation in d.operations and d.location == location and d.name == name:
            return d
    return None
