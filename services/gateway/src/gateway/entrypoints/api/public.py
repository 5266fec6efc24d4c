"""Each proxied route's operation in its service's OpenAPI document (contracts/<service>.json),
and the public parameters derived from it: the service's own, with the differences declared
in differences.py applied. openapi.py documents these; validation.py checks requests with them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from gateway.domain.routing import UPSTREAMS, Route
from gateway.entrypoints.api import differences

CONTRACTS = Path(__file__).parent / "contracts"
SHAPE = re.compile(r"{\w+}")


@cache
def document(service: str) -> dict[str, Any]:
    """The service's OpenAPI document as `make contracts` checked it in."""
    doc: dict[str, Any] = json.loads((CONTRACTS / f"{service}.json").read_text())
    return doc


def operation_key(route: Route) -> str:
    return f"{route.method} {route.path}"


def find_operation(route: Route) -> tuple[str, dict[str, Any]] | None:
    """(service path template, operation) of the route's service operation, matched by method
    and path shape (parameter names aside); None for the gateway's own routes."""
    if route.upstream not in UPSTREAMS:
        return None
    shape = SHAPE.sub("{}", route.path)
    for path, item in document(route.upstream)["paths"].items():
        if SHAPE.sub("{}", path) == shape and route.method.lower() in item:
            return path, item[route.method.lower()]
    return None


@dataclass(frozen=True)
class Parameter:
    name: str  # the public name
    location: str  # "path" | "query"
    required: bool
    schema: dict[str, Any]
    description: str | None = None

    def as_openapi(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "in": self.location,
                               "required": self.required, "schema": self.schema}
        if self.description:
            out["description"] = self.description
        return out


def _service_parameters(route: Route) -> list[dict[str, Any]]:
    found = find_operation(route)
    return [] if found is None else list(found[1].get("parameters", []))


@cache
def parameters(route: Route) -> tuple[Parameter, ...]:
    """The route's public path and query parameters, in the service's order."""
    op = operation_key(route)
    public_path_names = route.path_params
    out: list[Parameter] = []
    path_index = 0
    for p in _service_parameters(route):
        if p["in"] not in ("path", "query"):
            continue
        name = p["name"]
        if p["in"] == "path":
            name = public_path_names[path_index]
            path_index += 1
        diff = differences.lookup(op, p["in"], name)
        schema = diff.schema if diff is not None and diff.schema is not None else p["schema"]
        out.append(Parameter(name, p["in"], bool(p.get("required")), schema,
                             p.get("description")))
    return tuple(out)


def path_parameter_is_uuid(route: Route, name: str) -> bool:
    return any(p.location == "path" and p.name == name and p.schema.get("format") == "uuid"
               for p in parameters(route))


def cursor_parameter(route: Route) -> Parameter | None:
    return next((p for p in parameters(route) if p.location == "query" and p.name == "cursor"),
                None)


def service_error_codes(route: Route) -> set[int]:
    """Error statuses the service documents for the operation (besides FastAPI's 422)."""
    found = find_operation(route)
    if found is None:
        return set()
    return {int(code) for code in found[1].get("responses", {})
            if code.isdigit() and int(code) >= 400}
