"""The OpenAPI 3.1 document, generated from the route table and the public schemas."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from gateway.domain.principal import ALL_SCOPES
from gateway.domain.routes import ID_PARAMS, Access, Route
from gateway.entrypoints.api import schemas

PROBLEM = "application/problem+json"
TRACEPARENT = {"traceparent": {"description": "W3C trace context of this request; quote it "
                               "to support", "schema": {"type": "string"}}}
RETRY_AFTER = {"Retry-After": {"description": "seconds to wait", "schema": {"type": "string"}}}
ERRORS = {
    400: "Malformed request (bad JSON, bad Idempotency-Key)",
    401: "Missing or invalid bearer token",
    403: "Scope missing, or a clinic-only route asked by a partner client",
    404: "No such resource (or not the caller's practice)",
    409: "Conflict (state, or the same Idempotency-Key still in flight)",
    413: "Request body too large",
    415: "Unsupported content type",
    422: "Validation error (including a JSON body nested deeper than 32 levels), or an "
         "Idempotency-Key reused with another request",
    429: "Rate limit exceeded",
    502: "The service behind the gateway failed",
    503: "The service behind the gateway is unavailable",
    504: "The service behind the gateway timed out",
}
SCOPE_TEXT = {s: s.replace(":", " ") for s in sorted(ALL_SCOPES)}


def _problem(code: int, ref: dict[str, str]) -> dict[str, Any]:
    headers = dict(TRACEPARENT)
    if code in (429, 503):
        headers.update(RETRY_AFTER)
    return {"description": ERRORS[code], "headers": headers,
            "content": {PROBLEM: {"schema": ref}}}


def _error_codes(route: Route) -> list[int]:
    codes = [401, 403, 404, 422, 429, 502, 503, 504]
    if route.body is not None or route.method == "POST":
        codes += [400, 409, 413]
    if route.body is not None:
        codes.append(415)
    return sorted(codes)


def _path_params(route: Route) -> list[dict[str, Any]]:
    out = []
    for name in route.path.split("{")[1:]:
        name = name.split("}")[0]
        # Codes: letters, digits, dot, dash, underscore, but never only dots (`.`/`..`).
        schema = ({"type": "string", "format": "uuid"} if name in ID_PARAMS
                  else {"type": "string", "minLength": 1, "maxLength": 64,
                        "pattern": "^[.]*[A-Za-z0-9_-][A-Za-z0-9._-]*$"})
        out.append({"name": name, "in": "path", "required": True, "schema": schema})
    return out


def _query_params(name: str | None, reg: dict[str, Any]) -> list[dict[str, Any]]:
    if name is None:
        return []
    js = reg[name].model_json_schema(by_alias=True)
    required = set(js.get("required", []))
    return [{"name": prop, "in": "query", "required": prop in required, "schema": schema}
            for prop, schema in js.get("properties", {}).items()]


def build(routes: tuple[Route, ...], *, title: str, version: str,
          token_url: str = "/v1/oauth/token") -> dict[str, Any]:
    reg = schemas.registry()
    req_names = sorted({r.body for r in routes if r.body} | {"TokenRequest"})
    res_names = sorted({r.response for r in routes if r.response} | {"Problem"})
    pairs = [(reg[n], "validation") for n in req_names] + \
            [(reg[n], "serialization") for n in res_names]
    refs, top = models_json_schema(pairs, ref_template="#/components/schemas/{model}",
                                   by_alias=True)
    paths: dict[str, dict[str, Any]] = {}
    problem_ref = refs[(reg["Problem"], "serialization")]
    for route in routes:
        op: dict[str, Any] = {
            "operationId": route.operation_id,
            "summary": route.summary,
            "tags": [route.upstream],
            "parameters": _path_params(route) + _query_params(route.query, reg),
        }
        if route.access is Access.PUBLIC:
            op["security"] = []
        else:
            op["security"] = [{"oauth2": [route.scope]}, {"bearer": []}]
            op["description"] = f"Needs scope `{route.scope}`. " + {
                Access.PRACTICE: "A partner client sees only its own practice's data.",
                Access.SHARED: "Reference data, the same for every caller.",
                Access.CLINIC: "For the center's staff only; partner clients get 403.",
            }[route.access]
        if route.method == "POST" and route.access is not Access.PUBLIC:
            op["parameters"].append({
                "name": "Idempotency-Key", "in": "header", "required": False,
                "description": "Same key + same body replays the stored response; same key + "
                               "different body answers 422.",
                "schema": {"type": "string", "minLength": 1, "maxLength": 255,
                           "pattern": "^[\\x21-\\x7e]+$"}})
        if route.body:
            if route.body_type in ("application/json", "application/x-www-form-urlencoded"):
                schema = refs[(reg[route.body], "validation")]
            else:
                schema = {"type": "string", "minLength": 1}
            op["requestBody"] = {"required": not route.body_optional,
                                 "content": {route.body_type: {"schema": schema}}}
        ok: dict[str, Any] = {"description": route.summary, "headers": dict(TRACEPARENT)}
        if route.response:
            ok["content"] = {route.response_type: {
                "schema": refs[(reg[route.response], "serialization")]}}
        elif route.response_type.startswith("text/"):
            ok["content"] = {route.response_type: {"schema": {"type": "string"}}}
        codes = [400, 401, 415, 429] if route.path == token_url else \
            ([] if route.access is Access.PUBLIC else _error_codes(route))
        op["responses"] = {str(route.status): ok,
                           **{str(c): _problem(c, problem_ref) for c in codes}}
        paths.setdefault(route.path, {})[route.method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version,
                 "description": "Chairside public API. Errors are RFC 9457 problem+json; "
                                "every response carries `traceparent`."},
        "paths": paths,
        "components": {
            "schemas": top.get("$defs", {}),
            "securitySchemes": {
                "oauth2": {"type": "oauth2", "flows": {"clientCredentials": {
                    "tokenUrl": token_url, "scopes": SCOPE_TEXT}}},
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            },
        },
    }
