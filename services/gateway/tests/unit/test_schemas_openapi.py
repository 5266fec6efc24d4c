"""The generated OpenAPI document: every reference resolves, every operation carries the
gateway's concerns, and the edge refuses what the services refuse."""

import json

import pytest

from gateway.domain.routing import Access, Kind
from gateway.entrypoints.api import openapi
from gateway.entrypoints.api.contracts import orders, scheduling
from gateway.entrypoints.api.table import ROUTES

DOC = openapi.build(ROUTES, title="t", version="1")


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
        # The stream names no single scope: each event type is sent under its own.
        assert op["security"][0] == {"oauth2": [route.scope] if route.scope else []}
        for code in ("401", "403", "429", "503"):
            assert "application/problem+json" in op["responses"][code]["content"]
        assert "Retry-After" in op["responses"]["429"]["headers"]
        if route.method == "POST":  # a SEARCH is a read: nothing kept under a key
            assert any(p["name"] == "Idempotency-Key" for p in op["parameters"]) is \
                (route.kind is not Kind.SEARCH)


def test_a_service_documented_error_is_documented_at_the_edge():
    assert "409" in DOC["paths"]["/v1/claims/{claim_id}/x12"]["get"]["responses"]


@pytest.mark.parametrize("model,doc,field", [
    (orders.PatientCreate, {"mrn": "A-1", "birth_date": "1990-01-01"}, "favourite_colour"),
    (orders.OrderCreate, {"patient_id": "3f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a01",
                          "urgency": "same_day", "lines": []}, "total_price"),
    (scheduling.AppointmentCreate, {"order_id": "3f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a01",
                                    "start": "2026-03-02T14:00:00+00:00"}, "nurse"),
])
def test_request_bodies_refuse_unknown_fields_as_the_services_do(model, doc, field):
    model.model_validate(doc)
    with pytest.raises(ValueError, match=field):
        model.model_validate({**doc, field: "x"})


def test_a_child_may_be_registered_without_a_weight_at_the_edge():
    """orders requires a weight only for children (a domain rule it answers itself)."""
    orders.PatientCreate.model_validate({"mrn": "A-1", "birth_date": "2020-01-01"})
    with pytest.raises(ValueError, match="minutes"):
        orders.OrderLineIn.model_validate({"drug_code": "k", "dose": "30", "dose_unit": "mg",
                                           "mode": "push", "minutes": 0, "sequence": 1})


def test_a_delete_documents_409_a_state_conflict():
    """Ending a coverage that has already ended is a 409 from orders."""
    op = DOC["paths"]["/v1/patients/{patient_id}/coverages/{coverage_id}"]["delete"]
    assert "409" in op["responses"] and "400" not in op["responses"]
