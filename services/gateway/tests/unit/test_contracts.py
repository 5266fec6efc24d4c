"""One source of truth for the public schemas: the services' OpenAPI documents.

- The checked-in documents and the models generated from them are what `make contracts`
  writes today (a service changed a schema: regenerate, and review the diff).
- Every route of the table is its service's operation: same path shape, same parameters,
  body and 2xx answer, constraints included (required, bounds, lengths, enums, formats),
  named by the generated class; the public document says exactly what the service's says,
  except where differences.py declares otherwise, entry by entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chairside_shared.testing.modules import load_file
from gateway.domain.routing import UPSTREAMS, Route
from gateway.entrypoints.api import differences, openapi, public
from gateway.entrypoints.api.table import ROUTES

TOOL = Path(__file__).resolve().parents[2] / "tools" / "contracts.py"
PROXIED = [r for r in ROUTES if r.upstream in UPSTREAMS]
DOC = openapi.build(ROUTES, title="t", version="1")


def _tool():
    return load_file(TOOL, "gateway_contracts_tool")


def test_the_checked_in_contracts_are_what_make_contracts_writes():
    stale = _tool().stale()
    assert stale == [], f"stale: {stale}; run `make contracts` and review the diff"


def test_each_class_lives_in_its_resource_module_or_in_common():
    """A class only one resource's (or sub-resource's) operations reach is in its module; a
    class two sub-resources of one resource reach is in the resource's module; a class
    several resources reach is in common, and common uses no other module's class."""
    tool = _tool()
    doc = {"paths": {
        "/v1/orders": {"post": {"requestBody": {"$ref": "#/components/schemas/OrderIn"}}},
        "/v1/orders/{id}/vitals": {"get": {"$ref": "#/components/schemas/VitalsOut"}},
        "/v1/orders/{id}/reactions": {"get": {"$ref": "#/components/schemas/ReactionOut"}},
        "/v1/patients": {"get": {"$ref": "#/components/schemas/PatientOut"}},
    }}
    code = (
        "from pydantic import BaseModel\n\n\n"
        "class Dose(BaseModel):\n    value: int\n\n\n"
        "class Line(BaseModel):\n    dose: Dose\n\n\n"
        "class OrderIn(BaseModel):\n    lines: list[Line]\n\n\n"
        "class Reading(BaseModel):\n    at: str\n\n\n"
        "class VitalsOut(BaseModel):\n    hr: int\n    reading: Reading\n\n\n"
        "class ReactionOut(BaseModel):\n    readings: list[Reading]\n\n\n"
        "class PatientOut(BaseModel):\n    last: 'Dose'\n\n\n"
        "class Orphan(BaseModel):\n    line: Line\n")
    split = tool.module_of_schemas(doc, code)
    assert split.home == {"OrderIn": "orders", "VitalsOut": "orders__vitals",
                          "ReactionOut": "orders__reactions", "Reading": "orders",
                          "PatientOut": "patients", "Dose": "common", "Line": "common",
                          "Orphan": "common"}
    assert split.header == ["from pydantic import BaseModel"]


def test_the_package_re_exports_every_class_of_its_resource_modules():
    import importlib
    import pkgutil

    for service in ("orders", "scheduling", "authorization", "reimbursement"):
        package = importlib.import_module(f"gateway.entrypoints.api.contracts.{service}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes = [n for n, v in vars(module).items()
                       if n.isidentifier() and isinstance(v, type)
                       and v.__module__ == module.__name__]
            assert classes, f"{module.__name__} defines nothing"
            for name in classes:
                assert getattr(package, name) is getattr(module, name), (service, name)


def test_staleness_names_a_changed_file_and_a_file_generation_no_longer_writes(tmp_path):
    import shutil

    tool = _tool()
    copy = tmp_path / "contracts"
    shutil.copytree(tool.OUT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "orders.py").write_text("# the one-module layout\n")
    with (copy / "scheduling" / "slots.py").open("a") as f:
        f.write("# edited by hand\n")
    assert tool.stale(copy) == ["orders.py", "scheduling/slots.py"]


def test_two_schemas_sharing_a_class_name_are_refused():
    doc = {"paths": {}, "components": {"schemas": {
        "orders__entrypoints__api__a__ReactionOut": {},
        "orders__entrypoints__api__b__ReactionOut": {}}}}
    with pytest.raises(SystemExit, match="share a class name"):
        _tool().public_document(doc)


def test_a_path_names_its_module_and_a_clash_is_refused():
    tool = _tool()
    assert tool.resource_of("/v1/clinic-hours/{day}") == "clinic_hours"
    assert tool.resource_of("/v1/orders/{order_id}/reactions") == "orders__reactions"
    assert tool.resource_of("/v1/orders/{order_id}") == "orders"
    assert tool.resource_of("/v1/pricing/contracts/{payer_id}/versions/{version}") == \
        "pricing__versions"
    assert tool.resource_of("/v1/reports/reactions") == "reports"
    with pytest.raises(SystemExit):
        tool.resource_of("/v1/common")


def _inline(doc: dict[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    """`node` with every $ref of `doc` replaced by what it names (a cycle stays a $ref), less
    the named schema's title: the public document titles a component by its public name
    (`orders.OrderOut`, see openapi._Components), the service by its class name."""
    if isinstance(node, list):
        return [_inline(doc, v, seen) for v in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return {"$ref": "(cycle)"}
        target = {k: v for k, v in doc["components"]["schemas"][name].items()
                  if k != "title"}
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return _inline(doc, {**target, **rest}, (*seen, name))
    return {k: _inline(doc, v, seen) for k, v in node.items()}


def _label(route: Route) -> str:
    return f"{route.method} {route.path}"


def _component_name(model: type[Any] | None) -> str | None:
    return None if model is None else model.__name__


def _ref_name(content: dict[str, Any]) -> str | None:
    schema = content.get("schema") or {}
    return schema["$ref"].rsplit("/", 1)[-1] if "$ref" in schema else None


def _differences(route: Route) -> set[tuple[str, str, str]]:
    """(operation, location, public name) of every parameter where the public document and
    the service's operation differ (name, required, or schema)."""
    found = public.find_operation(route)
    assert found is not None, f"{_label(route)}: no operation"
    op = found[1]
    service_doc = public.document(route.upstream)
    theirs = [p for p in op.get("parameters", []) if p["in"] in ("path", "query")]
    ours = [p for p in DOC["paths"][route.path][route.method.lower()]["parameters"]
            if p["in"] in ("path", "query")]
    assert len(ours) == len(theirs), f"{_label(route)}: parameters differ in number"
    found = set()
    for mine, their in zip(ours, theirs, strict=True):
        assert mine["in"] == their["in"]
        same = (mine["name"] == their["name"]
                and mine["required"] == bool(their.get("required"))
                and _inline(DOC, mine["schema"]) == _inline(service_doc, their["schema"]))
        if not same:
            found.add((_label(route), mine["in"], mine["name"]))
    return found


@pytest.mark.parametrize("route", PROXIED, ids=_label)
def test_each_route_is_its_services_operation(route):
    found = public.find_operation(route)
    assert found is not None, f"the {route.upstream} service has no {_label(route)}"
    path, op = found
    service = public.document(route.upstream)
    module = f"gateway.entrypoints.api.contracts.{route.upstream}"
    for model in (route.body, route.query, route.response):  # contracts/<service>/<resource>
        assert model is None or model.__module__.startswith(module + "."), \
            f"{model} is not {module}'s"
    # query parameters: the generated model of exactly this operation's
    query = next((n for n, s in service["components"]["schemas"].items()
                  if s.get("x-operation") == f"{route.method} {path}"), None)
    assert _component_name(route.query) == query
    # the body: media type, whether it is required, the class
    body = op.get("requestBody")
    if body is None:
        assert route.body is None, "the gateway documents a body the service does not read"
    else:
        assert list(body["content"]) == [route.body_type]
        assert bool(body.get("required")) == (not route.body_optional)
        assert _component_name(route.body) == _ref_name(body["content"][route.body_type])
    # the answer: status, media type, the class
    ok = [s for s in op["responses"] if s.startswith("2")]
    assert ok == [str(s) for s in (route.status, *route.also)]
    content = op["responses"][ok[0]].get("content") or {}
    if content:
        assert list(content) == [route.response_type]
        assert _component_name(route.response) == _ref_name(content[route.response_type])
    else:
        assert route.response is None
    # the public document says what the service's says, constraints included (every 2xx)
    mine = DOC["paths"][route.path][route.method.lower()]
    assert _inline(DOC, mine.get("requestBody")) == _inline(service, op.get("requestBody"))
    assert [s for s in mine["responses"] if s.startswith("2")] == ok
    for status in ok:
        assert _inline(DOC, mine["responses"][status].get("content")) == \
            _inline(service, op["responses"][status].get("content"))


def test_parameters_differ_from_the_services_only_where_declared():
    found = set().union(*(_differences(r) for r in PROXIED))
    declared = {(op, d.location, d.name) for d in differences.DIFFERENCES
                for op in d.operations}
    assert found - declared == set(), "undeclared differences (differences.py)"
    assert declared - found == set(), "declared differences that no longer differ"


def test_every_declared_difference_names_a_route_and_says_why():
    labels = {_label(r) for r in ROUTES}
    for d in differences.DIFFERENCES:
        assert set(d.operations) <= labels
        assert len(d.reason) > 20
        assert (d.schema is None) != (d.service_name is None)
