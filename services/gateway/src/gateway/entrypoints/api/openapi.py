"""The OpenAPI 3.1 document, generated from the route table: each proxied route documented as
its service's operation (public.py, with differences.py applied), the gateway's own routes
from schemas.py, and the gateway's concerns (security, Idempotency-Key, problems) on every one.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from gateway.domain.principal import ALL_SCOPES
from gateway.domain.routing import GATEWAY, Access, Kind, Route
from gateway.entrypoints.api import public, schemas

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
    codes = {401, 403, 404, 422, 429, 502, 503, 504} | public.service_error_codes(route)
    if route.body is not None or route.method == "POST":
        codes |= {400, 409, 413}
    if route.method == "DELETE":  # e.g. ending a coverage that has already ended
        codes.add(409)
    if route.body is not None:
        codes.add(415)
    return sorted(codes)


def _own_query_params(model: type[Any] | None) -> list[dict[str, Any]]:
    if model is None:
        return []
    js = model.model_json_schema(by_alias=True)
    required = set(js.get("required", []))
    return [{"name": prop, "in": "query", "required": prop in required, "schema": schema}
            for prop, schema in js.get("properties", {}).items()]


def _own_path_params(route: Route) -> list[dict[str, Any]]:
    return [{"name": name, "in": "path", "required": True,
             "schema": {"type": "string", "format": "uuid"}} for name in route.path_params]


class _Components:
    """The services' component schemas the document uses, named `<service>.<Name>` and titled
    so: two services may each have a `CriterionOut`, and a client generator names a class by
    its schema's title (the typed client, clients/python)."""

    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {}

    def ref(self, service: str, node: Any) -> Any:
        """`node` with every $ref of the service's document pointing at a public component,
        each referenced component copied (once) with its own references followed."""
        if isinstance(node, list):
            return [self.ref(service, v) for v in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                name = value.rsplit("/", 1)[-1]
                public_name = f"{service}.{name}"
                out[key] = f"#/components/schemas/{public_name}"
                if public_name not in self.schemas:
                    self.schemas[public_name] = {}  # placeholder: cycles end here
                    schema = public.document(service)["components"]["schemas"][name]
                    self.schemas[public_name] = {**self.ref(service, schema),
                                                 "title": public_name}
            else:
                out[key] = self.ref(service, value)
        return out


def build(routes: tuple[Route, ...], *, title: str, version: str,
          token_url: str = "/v1/oauth/token") -> dict[str, Any]:
    own_requests = {r.body for r in routes if r.upstream == GATEWAY and r.body} | \
        {schemas.TokenRequest}
    own_responses = {r.response for r in routes if r.upstream == GATEWAY and r.response} | \
        {schemas.Problem}
    pairs: list[tuple[type[BaseModel], JsonSchemaMode]] = \
        [(m, "validation") for m in sorted(own_requests, key=lambda m: m.__name__)] + \
        [(m, "serialization") for m in sorted(own_responses, key=lambda m: m.__name__)]
    refs, top = models_json_schema(pairs, ref_template="#/components/schemas/{model}",
                                   by_alias=True)
    components = _Components()
    paths: dict[str, dict[str, Any]] = {}
    problem_ref = refs[(schemas.Problem, "serialization")]
    for route in routes:
        found = public.find_operation(route)
        op: dict[str, Any] = {
            "operationId": route.operation_id,
            "summary": route.summary,
            "tags": [route.upstream],
        }
        ok: dict[str, Any] = {"description": route.summary, "headers": dict(TRACEPARENT)}
        extra: dict[str, Any] = {}  # the route's other 2xx answers
        if found is not None:  # a service's operation: its parameters, body and answer
            _, service_op = found
            op["parameters"] = [p.as_openapi() for p in public.parameters(route)]
            if "requestBody" in service_op:
                op["requestBody"] = components.ref(route.upstream, service_op["requestBody"])
            answer = service_op["responses"].get(str(route.status), {})
            if answer.get("content"):
                ok["content"] = components.ref(route.upstream, answer["content"])
            for code in route.also:
                other = service_op["responses"].get(str(code), {})
                extra[str(code)] = {"description": other.get("description") or route.summary,
                                    "headers": dict(TRACEPARENT)}
                if other.get("content"):
                    extra[str(code)]["content"] = components.ref(route.upstream,
                                                                 other["content"])
        else:  # the gateway's own
            op["parameters"] = _own_path_params(route) + _own_query_params(route.query)
            if route.body is not None:
                op["requestBody"] = {"required": not route.body_optional, "content": {
                    route.body_type: {"schema": refs[(route.body, "validation")]}}}
            if route.response is not None:
                schema = refs[(route.response, "serialization")]
                if route.response_type == "text/event-stream":
                    # SSE text, not one JSON document: typed clients read it as text and
                    # parse each event's data line as the model (docs/stream.md)
                    schema = {"type": "string", "description": (
                        f"Server-Sent Events; each event's `data:` line is a "
                        f"{schema['$ref']} JSON document")}
                ok["content"] = {route.response_type: {"schema": schema}}
        if route.access is Access.PUBLIC:
            op["security"] = []
        elif route.scope is None:  # the stream: each event type under its own scope
            op["security"] = [{"oauth2": []}, {"bearer": []}]
            op["description"] = ("Needs any of the read scopes; each event type is sent only "
                                 "under its scope, and a partner client receives only its "
                                 "own practice's events. See docs/stream.md.")
        else:
            op["security"] = [{"oauth2": [route.scope]}, {"bearer": []}]
            op["description"] = f"Needs scope `{route.scope}`. " + {
                Access.PRACTICE: "A partner client sees only its own practice's data.",
                Access.SHARED: "Reference data, the same for every caller.",
                Access.CLINIC: "For the center's staff only; partner clients get 403.",
            }[route.access]
        if route.method == "POST" and route.access is not Access.PUBLIC \
                and route.kind is not Kind.SEARCH:
            op["parameters"].append({
                "name": "Idempotency-Key", "in": "header", "required": False,
                "description": "Same key + same body replays the stored response; same key + "
                               "different body answers 422.",
                "schema": {"type": "string", "minLength": 1, "maxLength": 255,
                           "pattern": "^[\\x21-\\x7e]+$"}})
        codes = [400, 401, 415, 429] if route.path == token_url else \
            ([] if route.access is Access.PUBLIC else _error_codes(route))
        op["responses"] = {str(route.status): ok, **extra,
                           **{str(c): _problem(c, problem_ref) for c in codes}}
        paths.setdefault(route.path, {})[route.method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version,
                 "description": "Chairside public API. Errors are RFC 9457 problem+json; "
                                "every response carries `traceparent`."},
        "paths": paths,
        "components": {
            "schemas": {**top.get("$defs", {}), **dict(sorted(components.schemas.items()))},
            "securitySchemes": {
                "oauth2": {"type": "oauth2", "flows": {"clientCredentials": {
                    "tokenUrl": token_url, "scopes": SCOPE_TEXT}}},
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            },
        },
    }
