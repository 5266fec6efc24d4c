"""PAS request Bundle shape (R4 via fhir.resources.R4B) and ClaimResponse reading."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.claimresponse import ClaimResponse

from authorization.adapters import pas_request as req
from authorization.adapters.pas_response import (
    EXT_ITEM_AUTHORIZED_DETAIL,
    EXT_ITEM_PREAUTH_PERIOD,
    EXT_REVIEW_ACTION,
    EXT_REVIEW_ACTION_CODE,
    X12_REVIEW_ACTION,
    claim_responses,
    read_decision,
)
from authorization.domain.errors import PayerResponseInvalid

from ..conftest import NOW
from ..pas_fixtures import parties_for
from .test_case import GOOD, new_case


@pytest.fixture
def case(book):
    k = new_case(book)
    k.answer(GOOD, "u", NOW)
    return k


def resources(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"]]


def test_request_bundle_shape(case):
    b = req.build_bundle(case, parties_for(case), NOW)
    Bundle.model_validate(b)
    assert b["type"] == "collection" and b["identifier"]["value"] and b["timestamp"]
    res = resources(b)
    assert [r["resourceType"] for r in res] == [
        "Claim", "Patient", "Coverage", "Organization", "Organization", "Practitioner",
        "PractitionerRole", "MedicationRequest", "QuestionnaireResponse"]
    claim = res[0]
    assert claim["use"] == "preauthorization" and claim["status"] == "active"
    assert claim["identifier"][0]["value"] == case.request_identifier
    assert claim["priority"]["coding"][0]["code"] == "normal"
    assert claim["insurance"][0]["focal"] is True
    assert claim["diagnosis"][0]["diagnosisCodeableConcept"]["coding"][0] == {
        "system": req.ICD10CM, "code": "G43.709"}
    [item] = claim["item"]
    assert item["productOrService"]["coding"][0] == {"system": req.HCPCS, "code": "J3032"}
    assert item["quantity"]["value"] == 100
    assert item["servicedPeriod"] == {"start": "2026-03-02", "end": "2026-09-01"}
    exts = {e["url"]: e for e in item["extension"]}
    mr = res[7]
    assert exts[req.EXT_REQUESTED_SERVICE]["valueReference"]["reference"] == f"urn:uuid:{mr['id']}"
    assert exts[req.EXT_CERTIFICATION_TYPE]["valueCodeableConcept"]["coding"][0]["code"] == "I"
    assert exts[req.EXT_REQUEST_TYPE]["valueCodeableConcept"]["coding"][0]["code"] == "HS"
    # every reference resolves inside the Bundle
    urls = {e["fullUrl"] for e in b["entry"]}
    for ref in (claim["patient"], claim["insurer"], claim["provider"],
                claim["insurance"][0]["coverage"], claim["supportingInfo"][0]["valueReference"]):
        assert ref["reference"] in urls
    assert claim["supportingInfo"][0]["category"]["coding"][0]["code"] == "additionalInformation"
    # minimum necessary: the member id identifies the patient, no phone, no internal id
    patient = res[1]
    assert set(patient) == {"resourceType", "id", "identifier", "name", "gender", "birthDate",
                            "address"}
    assert [i["value"] for i in patient["identifier"]] == ["M-1001"]
    assert res[2]["subscriberId"] == "M-1001"
    assert {c["value"] for c in res[2]["class"]} == {"summit-ppo", "GRP-77"}


def test_questionnaire_response_carries_answers_and_prefills(case):
    qr = resources(req.build_bundle(case, parties_for(case), NOW))[-1]
    items = {i["linkId"]: i["answer"] for i in qr["item"]}
    assert items["J3032.diagnosis"] == [{"valueCoding": {"system": req.ICD10CM, "code": "G43.709"}}]
    assert items["J3032.age"] == [{"valueInteger": 42}]
    assert items["J3032.concurrent-cgrp-antibody"] == [{"valueBoolean": False}]
    assert [a["valueCoding"]["code"] for a in items["J3032.failed-preventive-classes"]] == [
        "beta-blocker", "tca-snri"]
    assert qr["status"] == "completed" and qr["questionnaire"].endswith(":v1")


def test_stable_ids_and_inquiry_shape(case, book):
    pas = parties_for(case)
    a, b = req.build_bundle(case, pas, NOW), req.build_bundle(case, pas, NOW)
    assert [e["fullUrl"] for e in a["entry"]] == [e["fullUrl"] for e in b["entry"]]
    assert a["identifier"] != b["identifier"]  # a new Bundle each time, same Claim
    inq = req.build_bundle(case, parties_for(case), NOW, inquiry=True)
    kinds = [r["resourceType"] for r in resources(inq)]
    assert "QuestionnaireResponse" not in kinds and "MedicationRequest" not in kinds
    assert resources(inq)[0]["identifier"][0]["value"] == case.request_identifier
    case.expedited, case.kind = True, "renewal"
    claim = resources(req.build_bundle(case, parties_for(case), NOW))[0]
    assert claim["priority"]["coding"][0]["code"] == "stat"
    cert = {e["url"]: e for e in claim["item"][0]["extension"]}[req.EXT_CERTIFICATION_TYPE][
        "valueCodeableConcept"]["coding"][0]["code"]
    assert cert == "R"


def test_r5_guard():
    doc = {"entry": [{"resource": {"resourceType": "MedicationRequest", "medication": {}}},
                     {"resource": {"resourceType": "Claim", "traceNumber": []}}]}
    assert req.r5_only_elements(doc) == ["MedicationRequest.medication", "Claim.traceNumber"]


# --------------------------------------------------------------------------- reading
def cr_doc(case, *codes: str, number="AUTH-9", qty=None, period=("2026-03-02", "2026-09-01"),
           request_id=None, use="preauthorization") -> dict[str, Any]:
    items = []
    for seq, code in enumerate(codes, start=1):
        ra = [{"url": EXT_REVIEW_ACTION_CODE, "valueCodeableConcept": {
            "coding": [{"system": X12_REVIEW_ACTION, "code": code}]}}]
        if code in ("A1", "A2", "A6"):
            ra.append({"url": "number", "valueString": number})
        if code == "A3":
            ra.append({"url": "reasonCode", "valueCodeableConcept": {
                "coding": [{"code": "MN"}], "text": "not medically necessary"}})
        ext = [{"url": EXT_ITEM_PREAUTH_PERIOD,
                "valuePeriod": {"start": period[0], "end": period[1]}}]
        if qty is not None:
            ext.append({"url": EXT_ITEM_AUTHORIZED_DETAIL,
                        "extension": [{"url": "quantity", "valueQuantity": {"value": qty}}]})
        items.append({"itemSequence": seq, "extension": ext, "adjudication": [{
            "category": {"coding": [{"code": "submitted"}]},
            "extension": [{"url": EXT_REVIEW_ACTION, "extension": ra}]}]})
    return {"resourceType": "ClaimResponse", "status": "active",
            "type": {"coding": [{"code": "professional"}]}, "use": use,
            "patient": {"reference": "Patient/1"}, "created": "2026-03-02T16:00:00Z",
            "insurer": {"reference": "Organization/1"}, "outcome": "complete",
            "request": {"identifier": {"value": request_id or case.request_identifier}},
            "disposition": "see reason", "item": items}


def read(case, doc):
    return read_decision(ClaimResponse.model_validate(doc), case)


@pytest.mark.parametrize(
    "codes, qty, kind, units",
    [(("A1",), None, "approved", 100), (("A6",), 60, "approved", 60),
     (("A2",), 40, "approved", 40), (("A1",), 80, "approved", 80),
     (("A3",), None, "denied", None), (("A4",), None, "pended", None),
     (("CT",), None, "pended", None)],
)
def test_review_codes(case, codes, qty, kind, units):
    d = read(case, cr_doc(case, *codes, qty=qty))
    assert d.kind == kind and d.review_code == codes[0]
    if kind == "approved":
        assert d.approved_units == {"J3032": units} and d.auth_number == "AUTH-9"
        assert (d.valid_from, d.valid_to) == (date(2026, 3, 2), date(2026, 9, 1))
    if kind == "denied":
        assert d.reason_code == "MN" and "not medically necessary" in d.reason


@pytest.mark.parametrize(
    "kwargs, codes, problem",
    [
        ({}, ("NA",), "unsupported review action"),
        ({}, ("C",), "unsupported review action"),
        ({"qty": None}, ("A6",), "without an authorized quantity"),
        ({"qty": 12.5}, ("A1",), "fractional"),
        ({"request_id": "PA-OTHER"}, ("A1",), "another request"),
        ({"use": "claim"}, ("A1",), "ClaimResponse.use"),
        ({}, ("A1", "A1"), "matches no requested item"),
        ({}, (), "no reviewAction"),
    ],
)
def test_unusable_responses_are_refused(case, kwargs, codes, problem):
    with pytest.raises(PayerResponseInvalid) as err:
        read(case, cr_doc(case, *codes, **kwargs))
    assert any(problem in p for p in err.value.problems)


def test_negative_units_and_reversed_dates_are_read_then_refused_by_the_case(case):
    # The reader reports what the payer said; the case refuses to apply it.
    d = read(case, cr_doc(case, "A6", qty=-5, period=("2026-09-01", "2026-03-02")))
    problems = case.check_decision(d)
    assert any("negative" in p for p in problems) and any("before valid_from" in p
                                                          for p in problems)


def test_claim_responses_from_bundle_and_parameters(case):
    cr = cr_doc(case, "A1")
    bundle = {"resourceType": "Bundle", "type": "collection",
              "entry": [{"fullUrl": "urn:uuid:1", "resource": cr}]}
    assert len(claim_responses(bundle)) == 1
    params = {
        "resourceType": "Parameters",
        "parameter": [
            {"name": "return", "resource": bundle},
            {"name": "return", "resource": copy.deepcopy(bundle)},
        ],
    }
    assert len(claim_responses(params)) == 2
    assert claim_responses({"resourceType": "Parameters"}) == []
    with pytest.raises(PayerResponseInvalid, match="unexpected resource"):
        claim_responses({"resourceType": "Patient"})
    bad = copy.deepcopy(bundle)
    bad["entry"][0]["resource"]["reviewOutcome"] = {}  # R5-only element
    with pytest.raises(PayerResponseInvalid, match="not valid FHIR R4"):
        claim_responses(bad)


def test_mixed_items_approve_what_was_certified(case):
    from authorization.domain.case import CaseLine
    case.lines.append(CaseLine(hcpcs="J0585", requested_units=200))
    d = read(case, cr_doc(case, "A1", "A3"))
    assert d.kind == "approved" and d.approved_units == {"J3032": 100, "J0585": 0}
    d = read(case, cr_doc(case, "A1", "A4"))
    assert d.kind == "pended"  # the payer has not finished
    d = read(case, cr_doc(case, "A3", "A3"))
    assert d.kind == "denied"
