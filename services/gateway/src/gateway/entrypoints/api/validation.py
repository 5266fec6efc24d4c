"""Edge validation: path parameters, query parameters and bodies are checked against the
route's schemas (the route table names them by class) before anything is forwarded. Bodies are
forwarded as the bytes the client sent."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import Request
from pydantic import BaseModel, ValidationError

from chairside_shared import inputs
from gateway.domain import problems as pb
from gateway.domain.principal import Principal
from gateway.domain.routing import UPSTREAMS, Route, expand, is_dot_segment
from gateway.entrypoints.api import public
from gateway.service.proxy import Call

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                     r"[0-9a-fA-F]{12}$")
CODE_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ENCODED_SEPARATOR = re.compile(rb"%(?:2f|5c)", re.IGNORECASE)
ENCODED_SLASH = re.compile(rb"%2f", re.IGNORECASE)
TEXT_TYPES = {"text/plain": ("text/plain", "application/edi-x12"), "text/csv": ("text/csv",)}


# Segments pydantic adds to a location for the branch of a union it tried (`weight_kg.str`,
# `dose.Dose`, `x.function-after[...]`): never field names of the API (all snake_case).
_BRANCH_TAGS = frozenset({"str", "int", "float", "bool", "decimal", "none"})


def _is_branch_tag(part: Any) -> bool:
    return isinstance(part, str) and (part in _BRANCH_TAGS or part[:1].isupper()
                                      or "[" in part or "-" in part)


def errors_of(exc: ValidationError, where: str = "") -> list[dict[str, str]]:
    """`{field, message}` per error: only location and message (pydantic's `input` would echo
    what was sent, possibly PHI). Of a union's branches, the type mismatches are left out when
    a branch of the right type says what is wrong (`weight_kg: -3` is "greater than 0", not
    also "not a string")."""
    found: dict[str, list[tuple[str, str]]] = {}
    for e in exc.errors(include_url=False, include_input=False):
        loc = [p for p in e["loc"] if not _is_branch_tag(p)]
        field = (where + pb.error_location(loc)) if loc else where or "body"
        found.setdefault(field, []).append((e["type"], e["msg"]))
    out = []
    for field, errors in found.items():
        meant = [m for t, m in errors if not t.endswith("_type")] or [m for _, m in errors]
        out += [{"field": field, "message": m} for m in dict.fromkeys(meant)]
    return out


def build_request_models(routes: tuple[Route, ...]) -> int:
    """Each route's body and query classes, built now rather than by the first request that
    needs them (generated contract classes are deferred, contract_base.py); how many."""
    built = 0
    for route in routes:
        for model in (route.body, route.query):
            if isinstance(model, type) and issubclass(model, BaseModel) \
                    and not model.__pydantic_complete__:
                model.model_rebuild(force=True)
                built += 1
    return built


def _is_uuid_param(route: Route, name: str) -> bool:
    if route.upstream in UPSTREAMS:
        return public.path_parameter_is_uuid(route, name)
    return True  # the gateway's own routes take only ids (/v1/visits/{order_id})


def check_path(route: Route, params: dict[str, str], raw_path: bytes | None = None) -> None:
    errors = []
    for name in _encoded_separators(route, raw_path or b""):
        errors.append({"field": name, "message": "must not contain an encoded / or \\"})
    for name, value in params.items():
        if any(e["field"] == name for e in errors):
            continue
        if is_dot_segment(value):
            errors.append({"field": name,
                           "message": "must not be only dots (. and .. navigate the path)"})
        elif _is_uuid_param(route, name):
            if not UUID_RE.fullmatch(value):
                errors.append({"field": name, "message": "must be a UUID"})
        elif not CODE_RE.fullmatch(value):
            errors.append({"field": name,
                           "message": "must be 1-64 letters, digits, dot, dash or underscore"})
    if errors:
        raise pb.validation(errors, "path parameter not valid")


def _encoded_separators(route: Route, raw_path: bytes) -> list[str]:
    """Parameters the client wrote with %2F or %5C in them. The server decodes those before
    routing, so /v1/drugs/x%2Fversions would otherwise be served as /v1/drugs/x/versions."""
    if not ENCODED_SEPARATOR.search(raw_path):
        return []
    template, names, at = route.path.split("/"), [], 0
    for segment in raw_path.split(b"/"):
        width = 1 + len(ENCODED_SLASH.findall(segment))  # decoded, it spans this many
        covered, at = template[at:at + width], at + width
        if ENCODED_SEPARATOR.search(segment):
            names += [t[1:-1] for t in covered if t.startswith("{")] or ["path"]
    return list(dict.fromkeys(names))


def check_query(route: Route, request: Request) -> dict[str, str]:
    if route.query is None:
        return {}
    m = route.query
    raw = dict(request.query_params)  # the last value wins for repeated names
    known = {(f.alias or n) for n, f in m.model_fields.items()}
    given = {k: v for k, v in raw.items() if k in known}
    if errors := inputs.params_errors(list(given.items())):
        raise pb.validation(errors, "query parameter not valid")
    checked = dict(given)
    cursor = public.cursor_parameter(route) if route.upstream in UPSTREAMS else None
    # The public cursor is the gateway's sealed one (differences.py), opened by the proxy.
    if cursor is not None and "cursor" in checked and \
            not 1 <= len(checked.pop("cursor")) <= cursor.schema["maxLength"]:
        raise pb.validation([{"field": "cursor", "message": "not a cursor of this list"}],
                            "query parameter not valid")
    if route.upstream in UPSTREAMS and (errors := _date_text_errors(route, checked)):
        raise pb.validation(errors, "query parameter not valid")
    try:
        m.model_validate(checked)
    except ValidationError as exc:
        raise pb.validation(errors_of(exc), "query parameter not valid") from None
    return given  # unknown parameters are dropped, never forwarded


def _formats(schema: dict[str, Any]) -> set[str]:
    branches = [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]
    return {b["format"] for b in branches if isinstance(b, dict) and "format" in b}


def _date_text_errors(route: Route, given: dict[str, str]) -> list[dict[str, str]]:
    """A parameter documented as a date is written as one (YYYY-MM-DD): pydantic's lax mode
    would read `0` as 1970-01-01 (a Unix time), which the document does not allow."""
    return [{"field": p.name, "message": "must be a date (YYYY-MM-DD)"}
            for p in public.parameters(route)
            if p.location == "query" and p.name in given and "date" in _formats(p.schema)
            and not DATE_RE.fullmatch(given[p.name])]


def _integral(doc: Any) -> Any:
    """`doc` with every integral float as an int: JSON Schema counts 3.0 as an integer, and
    so does every service; pydantic's strict mode would not."""
    if isinstance(doc, float) and doc.is_integer() and abs(doc) < 2 ** 53:
        return int(doc)
    if isinstance(doc, list):
        return [_integral(v) for v in doc]
    if isinstance(doc, dict):
        return {k: _integral(v) for k, v in doc.items()}
    return doc


async def read_body(route: Route, request: Request) -> tuple[bytes | None, Any, str | None]:
    if route.body is None:
        return None, None, None  # a body on a bodiless action is not forwarded
    raw = await request.body()
    if route.body_optional and not raw.strip():
        return None, None, None
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if route.body_type == "application/json":
        if ctype != "application/json" and not ctype.endswith("+json"):
            raise pb.Problem(415, "unsupported-media-type",
                             "the body must be application/json")
        try:
            doc = inputs.parse_json(raw)
        except inputs.TooDeep as exc:
            raise pb.validation([{"field": "body",
                                  "message": f"JSON nested deeper than {exc.limit} levels"}],
                                "the body nests too deeply") from None
        except ValueError:  # JSONDecodeError and UnicodeDecodeError alike
            raise pb.Problem(400, "malformed-json", "the body is not valid JSON") from None
        if errors := inputs.json_text_errors(doc):
            raise pb.validation(errors, "text fields must not contain control characters")
        try:
            # Strict: the JSON types the document names, not pydantic's readings of others
            # (0 for false, "5" for 5, a number of seconds for a time).
            route.body.model_validate_json(json.dumps(_integral(doc)), strict=True)
        except ValidationError as exc:
            raise pb.validation(errors_of(exc)) from None
        return raw, doc, "application/json"
    accepted = TEXT_TYPES.get(route.body_type, (route.body_type,))
    if ctype not in accepted:
        raise pb.Problem(415, "unsupported-media-type",
                         f"the body must be {' or '.join(accepted)}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise pb.validation([{"field": "body", "message": "must be UTF-8 text"}]) from None
    if not text.strip():
        raise pb.validation([{"field": "body", "message": "must not be empty"}])
    return raw, None, request.headers.get("content-type")


async def build_call(route: Route, request: Request, principal: Principal) -> Call:
    params = dict(request.path_params)
    check_path(route, params, request.scope.get("raw_path"))
    query = check_query(route, request)
    body, doc, ctype = await read_body(route, request)
    return Call(route=route, principal=principal, path=expand(route.path, params), params=params,
                query=query, body=body, body_doc=doc, content_type=ctype,
                paged=route.query is not None and "cursor" in route.query.model_fields)
