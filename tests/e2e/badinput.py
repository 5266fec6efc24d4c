"""Bad-input families, generated from an OpenAPI document and a valid request per operation.

Each family takes one valid request and breaks one thing in it, the way an attacker or a
careless integration would: JSON nested far too deep, dates at the edge of the calendar,
control characters in text, huge and negative numbers, dot segments and encoded slashes in
path parameters. Every field the operation's schema names is tried (body and query), not only
those of the base request, so a field a later change adds is covered without editing this file.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
EDGE_DATETIMES = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
                  "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-06-01T09:00:00"]
EDGE_DATES = ["0001-01-01", "9999-12-31"]
# JSON texts spliced in raw: a lone surrogate cannot be written by json.dumps on purpose.
CONTROL_TEXTS = ['"A\\u0000B"', '"A\\u001bB"', '"\\ud800"']
CONTROL_PARAMS = ["A\x00B", "A\x1bB", "A\tB"]
HUGE_NUMBERS = ["1e308", "-1e308", "1" + "0" * 40, "-1" + "0" * 40, "-1", "0", "NaN",
                "Infinity", "1.5"]
HUGE_PARAMS = ["1" + "0" * 40, "-1", "-1" + "0" * 40, "1e308", "NaN"]
DOT_SEGMENTS = [".", "..", "%2e%2e", "a%2Fb", "%2F", "a%5Cb", "%00"]
SENTINEL = "\u2063BADINPUT\u2063"  # stands for a raw JSON text in a body until it is encoded


@dataclass
class Operation:
    method: str
    template: str
    params: list[dict[str, Any]]
    body_schema: dict[str, Any] | None
    body_type: str | None


@dataclass
class Base:
    """A valid request: path parameters, query and body."""

    path: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    body: Any = None


@dataclass
class Probe:
    family: str
    what: str  # the field or parameter broken, for the report
    method: str
    template: str
    url: str  # path and query, percent-encoded as sent
    content: bytes | None = None
    content_type: str | None = None


def operations(doc: dict[str, Any]) -> list[Operation]:
    ops = []
    for template, item in doc["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            if "text/event-stream" in op.get("responses", {}).get("200", {}).get("content", {}):
                continue  # the live stream never ends: its `types` is tested in test_stream.py
            params = [resolve(doc, p) for p in op.get("parameters", [])]
            body_schema = body_type = None
            if rb := op.get("requestBody"):
                body_type, media = next(iter(resolve(doc, rb)["content"].items()))
                body_schema = media.get("schema")
            ops.append(Operation(method.upper(), template, params, body_schema, body_type))
    return ops


def resolve(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def leaves(doc: dict[str, Any], schema: Any, path: tuple[str, ...] = (),
           depth: int = 0) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every scalar field a schema describes, with the schema of that field."""
    schema = resolve(doc, schema)
    if not isinstance(schema, dict) or depth > 6:
        return
    branches = schema.get("anyOf") or schema.get("oneOf") or schema.get("allOf")
    if branches:
        seen: set[tuple[str, ...]] = set()
        for branch in branches:
            for leaf_path, leaf in leaves(doc, branch, path, depth + 1):
                if leaf_path not in seen or leaf.get("type") != "null":
                    seen.add(leaf_path)
                    yield leaf_path, leaf
        return
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        for name, sub in schema.get("properties", {}).items():
            yield from leaves(doc, sub, (*path, name), depth + 1)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            yield from leaves(doc, extra, (*path, "x"), depth + 1)
    elif kind == "array":
        yield from leaves(doc, schema.get("items", {}), (*path, "0"), depth + 1)
    elif kind != "null":
        yield path, schema


def kind_of(name: str, schema: dict[str, Any]) -> str:
    fmt, kind = schema.get("format"), schema.get("type")
    if fmt == "date-time" or (kind == "string" and name.endswith(("_at", "_before"))):
        return "datetime"
    if fmt == "date" or (kind == "string" and name in ("date", "birth_date", "expires_on")):
        return "date"
    if kind in ("integer", "number"):
        return "number"
    return "text" if kind in ("string", None) else str(kind)


def set_at(body: Any, path: tuple[str, ...], value: Any) -> Any:
    """A copy of ``body`` with ``value`` at ``path``, creating what is missing on the way."""
    root = copy.deepcopy(body) if body is not None else {}
    if not path:
        return value
    node = root
    for i, part in enumerate(path):
        last = i == len(path) - 1
        nxt_is_index = not last and path[i + 1].isdigit()
        if isinstance(node, list):
            idx = int(part)
            while len(node) <= idx:
                node.append([] if nxt_is_index else {})
            if last:
                node[idx] = value
            else:
                if not isinstance(node[idx], dict | list):
                    node[idx] = [] if nxt_is_index else {}
                node = node[idx]
        else:
            if not isinstance(node, dict):
                return root
            if last:
                node[part] = value
            else:
                if not isinstance(node.get(part), dict | list):
                    node[part] = [] if nxt_is_index else {}
                node = node[part]
    return root


def encode(body: Any, raw: str | None = None) -> bytes:
    text = json.dumps(body)
    if raw is not None:
        text = text.replace(json.dumps(SENTINEL), raw)
    return text.encode()


def url_of(op: Operation, path_params: dict[str, str], query: dict[str, str]) -> str:
    url = op.template
    for name, value in path_params.items():
        url = url.replace("{" + name + "}", value)
    return url + ("?" + urlencode(query, quote_via=quote) if query else "")


def probes(doc: dict[str, Any], op: Operation, base: Base) -> Iterator[Probe]:
    path_values = {p["name"]: quote(base.path.get(p["name"], "x"), safe="")
                   for p in op.params if p["in"] == "path"}
    query_params = [p for p in op.params if p["in"] == "query"]

    def probe(family: str, what: str, *, path: dict[str, str] | None = None,
              query: dict[str, str] | None = None, content: bytes | None = None,
              content_type: str | None = None) -> Probe:
        q = base.query if query is None else query
        url = url_of(op, path if path is not None else path_values, q)
        if content is None and op.body_type == "application/json" and base.body is not None:
            content, content_type = encode(base.body), "application/json"
        elif content is None and isinstance(base.body, str):
            content, content_type = base.body.encode(), op.body_type or "text/plain"
        return Probe(family, what, op.method, op.template, url, content, content_type)

    yield probe("base", "valid request")
    # -- path parameters: dot segments, encoded slashes, controls
    for p in op.params:
        if p["in"] != "path":
            continue
        for value in DOT_SEGMENTS:
            yield probe("dots", p["name"], path={**path_values, p["name"]: value})
        for value in CONTROL_PARAMS:
            yield probe("control", p["name"],
                        path={**path_values, p["name"]: quote(value, safe="")})
    # -- query parameters
    for p in query_params:
        name, schema = p["name"], resolve(doc, p.get("schema", {}))
        kinds = {kind_of(name, leaf) for _, leaf in leaves(doc, schema)} or {"text"}
        values: list[tuple[str, str]] = [("control", v) for v in CONTROL_PARAMS]
        if "datetime" in kinds:
            values += [("calendar", v) for v in EDGE_DATETIMES]
        if "date" in kinds:
            values += [("calendar", v) for v in EDGE_DATES]
        if "number" in kinds:
            values += [("numbers", v) for v in HUGE_PARAMS]
        for family, value in values:
            yield probe(family, name, query={**base.query, name: value})
    body_type = op.body_type or ("text/plain" if isinstance(base.body, str) else None)
    if body_type is None:
        return
    if body_type != "application/json":
        for raw in ("A\x00B", "\x1b[2J", "ISA*00*\x00"):
            yield probe("control", "body", content=raw.encode(), content_type=body_type)
        return
    # -- JSON bodies: nesting first, then every field of the schema
    yield probe("nested", "body", content=DEEP_ARRAY, content_type="application/json")
    yield probe("nested", "body", content=DEEP_OBJECT, content_type="application/json")
    fields = list(leaves(doc, op.body_schema or {}))
    first = next((p for p, _ in fields if p), ("x",))
    deep = "[" * 3000 + '"x"' + "]" * 3000  # a valid body but for one field 3,000 deep
    yield probe("nested", first[0], content=encode(set_at(base.body, first[:1], SENTINEL), deep),
                content_type="application/json")
    yield probe("control", "body key", content=encode(
        {**(base.body if isinstance(base.body, dict) else {}), "A\u0000B": 1}),
        content_type="application/json")
    for leaf_path, leaf in fields:
        name = ".".join(leaf_path)
        kind = kind_of(leaf_path[-1] if leaf_path else "", leaf)
        raws: list[tuple[str, str]] = []
        if kind == "text":
            raws += [("control", r) for r in CONTROL_TEXTS]
        if kind == "datetime":
            raws += [("calendar", json.dumps(v)) for v in EDGE_DATETIMES]
            raws += [("control", r) for r in CONTROL_TEXTS[:1]]
        if kind == "date":
            raws += [("calendar", json.dumps(v)) for v in EDGE_DATES]
        if kind == "number":
            raws += [("numbers", r) for r in HUGE_NUMBERS]
            raws += [("numbers", json.dumps(r)) for r in ("1" + "0" * 40, "-1", "NaN")]
        for family, raw in raws:
            body = set_at(base.body, leaf_path, SENTINEL)
            yield probe(family, name, content=encode(body, raw),
                        content_type="application/json")
