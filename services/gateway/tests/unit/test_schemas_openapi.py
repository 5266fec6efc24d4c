"""Public schemas and the generated OpenAPI document."""

import json

import pytest

from gateway.domain.routes import ROUTES, Access
from gateway.entrypoints.api import openapi, schemas

REGISTRY = schemas.registry()
DOC = openapi.build(ROUTES, title="t", version="1")


@pytest.mark.parametrize("name", sorted(n for n, m in REGISTRY.items()
                                        if (m.model_config.get("json_schema_extra") or {})
                                        .get("examples")))
def test_every_schema_example_is_valid_for_its_model(name):
    model = REGISTRY[name]
    for example in model.model_config["json_schema_extra"]["examples"]:
        model.model_validate(example)


def test_every_ref_in_the_document_resolves():
    text = json.dumps(DOC)
    components = DOC["components"]["schemas"]
    refs = {part.split('"')[0] for part in text.split('"$ref": "#/components/schemas/')[1:]}
    assert refs and refs <= set(components)


def test_every_operation_is_documented_with_scope_problems_and_traceparent():
    ops = [(p, m, op) for p, item in DOC["paths"].items() for m, op in item.items()]
    assert len(ops) == len(ROUTES)
    for path, method, op in ops:
        route = next(r for r in ROUTES if r.path == path and r.method.lower() == method)
        ok = op["responses"][str(route.status)]
        assert "traceparent" in ok["headers"]
        if route.access is Access.PUBLIC:
            assert op["security"] == []
            continue
        assert op["security"][0] == {"oauth2": [route.scope]}
        for code in ("401", "403", "429", "503"):
            assert "application/problem+json" in op["responses"][code]["content"]
        assert "Retry-After" in op["responses"]["429"]["headers"]
        if route.method == "POST":
            assert any(p["name"] == "Idempotency-Key" for p in op["parameters"])


@pytest.mark.parametrize("name,field", [("PatientCreate", "favourite_colour"),
                                        ("OrderCreate", "total_price"),
                                        ("AppointmentCreate", "nurse")])
def test_documented_request_bodies_refuse_unknown_fields(name, field):
    model = REGISTRY[name]
    example = dict(model.model_config["json_schema_extra"]["examples"][0])
    example[field] = "x"
    with pytest.raises(ValueError, match=field):
        model.model_validate(example)


def test_money_is_a_decimal_string_never_a_float():
    claim = REGISTRY["Claim"]
    claim.model_validate({"id": "c", "expected_payment": "123.45"})
    with pytest.raises(ValueError):
        claim.model_validate({"id": "c", "expected_payment": 123.45})
