"""The PAS 2.2.1 checklist against every Bundle shape the builder makes, and each rule against
a Bundle missing its element (payer-exchange.md section 7; section 8 case 29)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from authorization.adapters import pas_request as req
from authorization.adapters.pas_conformance import RULES, check
from authorization.adapters.pas_parties import NDC, NPI, RXNORM, USEIN, X12_RELATIONSHIP

from ..conftest import CHLORPROMAZINE, EPTINEZUMAB, KETOROLAC, NOW, member_of
from ..pas_fixtures import PATIENT, SPOUSE, coverage, parties_for
from .test_case import GOOD, new_case

Json = dict[str, Any]


def _case(book, *, lines=None, renewal=False, expedited=False, **kw):
    case = new_case(book, lines=lines or [EPTINEZUMAB], **kw)
    if case.questions:
        case.answer(GOOD, "u", NOW)
    case.kind = "renewal" if renewal else case.kind
    case.expedited = expedited
    return case


def _shape(name: str, book) -> Json:
    if name == "self-one-item-ndc":
        case = _case(book)
        return req.build_bundle(case, parties_for(case), NOW)
    if name == "spouse-several-items-no-ndc":
        case = _case(book, payer_id="acme-unknown", plan_id=None,
                     lines=[EPTINEZUMAB, KETOROLAC, CHLORPROMAZINE])
        cov = coverage("acme-unknown", member_id=member_of(case.order_id), relationship="spouse",
                       plan_id=None, subscriber=SPOUSE)
        return req.build_bundle(case, parties_for(case, cov, ndc=False), NOW)
    if name == "child-plan-only-no-questions":
        case = _case(book, payer_id="acme-unknown", plan_id=None, lines=[KETOROLAC])
        cov = coverage("acme-unknown", member_id=member_of(case.order_id), relationship="child",
                       plan_id="acme-gold", group_number=None, subscriber=PATIENT)
        return req.build_bundle(case, parties_for(case, cov), NOW)
    if name == "other-group-only-renewal-expedited":
        case = _case(book, renewal=True, expedited=True)
        cov = coverage(member_id=member_of(case.order_id), relationship="other", plan_id=None,
                       subscriber=SPOUSE)
        return req.build_bundle(case, parties_for(case, cov), NOW)
    raise AssertionError(name)


SHAPES = ["self-one-item-ndc", "spouse-several-items-no-ndc", "child-plan-only-no-questions",
          "other-group-only-renewal-expedited"]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_the_builder_makes_is_conformant(book, shape):
    bundle = _shape(shape, book)
    assert check(bundle) == []


def test_shapes_differ_where_they_should(book):
    one = _shape("self-one-item-ndc", book)
    several = _shape("spouse-several-items-no-ndc", book)
    kinds = [e["resource"]["resourceType"] for e in several["entry"]]
    assert kinds.count("MedicationRequest") == 3 and kinds.count("Patient") == 2
    assert len(several["entry"][0]["resource"]["item"]) == 3
    cov = next(e["resource"] for e in several["entry"]
               if e["resource"]["resourceType"] == "Coverage")
    assert [c["code"] for c in cov["relationship"]["coding"]] == ["spouse", "01"]
    mr = next(e["resource"] for e in one["entry"]
              if e["resource"]["resourceType"] == "MedicationRequest")
    codings = mr["medicationCodeableConcept"]["coding"]
    assert [c["system"] for c in codings] == [RXNORM, NDC]
    assert all(c["system"] != req.HCPCS for c in codings)  # J3032 stays on the Claim item
    child = _shape("child-plan-only-no-questions", book)
    claim = child["entry"][0]["resource"]
    assert "supportingInfo" not in claim and claim["item"][0]["productOrService"][
        "coding"][0]["code"] == "J1885"


def _res(b: Json, rtype: str, n: int = 0) -> Json:
    return [e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == rtype][n]


def _claim(b: Json) -> Json:
    return b["entry"][0]["resource"]


def _target(b: Json, reference: Json) -> Json:
    return next(e["resource"] for e in b["entry"] if e["fullUrl"] == reference["reference"])


def _item_ext(b: Json, suffix: str) -> None:
    item = _claim(b)["item"][1]
    item["extension"] = [e for e in item["extension"] if not e["url"].endswith(suffix)]


Mutation = Callable[[Json], Any]
MUTATIONS: list[tuple[str, Mutation]] = [
    ("bundle.type", lambda b: b.update(type="batch")),
    ("bundle.identifier", lambda b: b.pop("identifier")),
    ("bundle.timestamp", lambda b: b.pop("timestamp")),
    ("bundle.claim-first", lambda b: b["entry"].append(b["entry"].pop(0))),
    ("bundle.fullurl", lambda b: b["entry"][3].update(fullUrl=b["entry"][4]["fullUrl"])),
    ("bundle.references", lambda b: b["entry"].append(
        {"fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001",
         "resource": {"resourceType": "Organization", "id": "stray", "name": "x"}})),
    ("claim.status", lambda b: _claim(b).update(status="draft")),
    ("claim.use", lambda b: _claim(b).update(use="claim")),
    ("claim.identifier", lambda b: _claim(b).pop("identifier")),
    ("claim.patient", lambda b: _claim(b).pop("patient")),
    ("claim.insurer", lambda b: _claim(b).pop("insurer")),
    ("claim.provider", lambda b: _claim(b).pop("provider")),
    ("claim.careteam", lambda b: _claim(b)["careTeam"][0].pop("qualification")),
    ("claim.diagnosis", lambda b: _claim(b).pop("diagnosis")),
    ("claim.insurance", lambda b: _claim(b)["insurance"][0].update(focal=False)),
    ("claim.item", lambda b: _claim(b).pop("item")),
    ("item.category", lambda b: _claim(b)["item"][1].pop("category")),
    ("item.productorservice", lambda b: _claim(b)["item"][1]["productOrService"]["coding"][0]
     .update(system=NDC)),
    ("item.location", lambda b: _claim(b)["item"][1]["locationCodeableConcept"]["coding"][0]
     .update(code="22")),
    ("item.quantity", lambda b: _claim(b)["item"][1].pop("quantity")),
    ("item.serviced", lambda b: [_claim(b)["item"][1].pop(k, None)
                                 for k in ("servicedPeriod", "servicedDate")]),
    ("item.requesttype", lambda b: _item_ext(b, "serviceItemRequestType")),
    ("item.certificationtype", lambda b: _item_ext(b, "certificationType")),
    ("item.requestedservice", lambda b: _item_ext(b, "requestedService")),
    ("patient.identifier", lambda b: _res(b, "Patient").pop("identifier")),
    ("patient.name", lambda b: _res(b, "Patient").pop("name")),
    ("patient.gender", lambda b: _res(b, "Patient").pop("gender")),
    ("patient.birthdate", lambda b: _res(b, "Patient", 1).update(birthDate="1982")),
    ("patient.address", lambda b: _res(b, "Patient").pop("address")),
    ("practitionerrole.practitioner", lambda b: _res(b, "PractitionerRole").pop("practitioner")),
    ("practitioner.npi", lambda b: _res(b, "Practitioner")["identifier"][0]
     .update(value="1234567890")),
    ("practitioner.name", lambda b: _res(b, "Practitioner").pop("name")),
    ("organization.active", lambda b: _target(b, _claim(b)["provider"]).update(active=False)),
    ("organization.name", lambda b: _target(b, _claim(b)["insurer"]).pop("name")),
    ("requestor.identifiers", lambda b: _target(b, _claim(b)["provider"]).update(
        identifier=[i for i in _target(b, _claim(b)["provider"])["identifier"]
                    if i["system"] != USEIN])),
    ("insurer.payerid", lambda b: _target(b, _claim(b)["insurer"])["identifier"][0].pop("type")),
    ("coverage.status", lambda b: _res(b, "Coverage").update(status="cancelled")),
    ("coverage.memberid", lambda b: _res(b, "Coverage").pop("identifier")),
    ("coverage.beneficiary", lambda b: _res(b, "Coverage").pop("beneficiary")),
    ("coverage.relationship", lambda b: _res(b, "Coverage")["relationship"]["coding"].pop()),
    ("coverage.subscriber", lambda b: _res(b, "Coverage").pop("subscriber")),
    ("coverage.payor", lambda b: _res(b, "Coverage").pop("payor")),
    ("coverage.class", lambda b: _res(b, "Coverage").pop("class")),
    ("medicationrequest.status-intent", lambda b: _res(b, "MedicationRequest")
     .update(intent="plan")),
    ("medicationrequest.subject-requester", lambda b: _res(b, "MedicationRequest")
     .pop("requester")),
    ("medicationrequest.timing", lambda b: _res(b, "MedicationRequest")
     .pop("dosageInstruction")),
    ("medicationrequest.quantity", lambda b: _res(b, "MedicationRequest").pop("dispenseRequest")),
    ("medicationrequest.rxnorm", lambda b: _res(b, "MedicationRequest").update(
        medicationCodeableConcept={"coding": [{"system": req.HCPCS, "code": "J3032"}]})),
]


def test_every_rule_has_a_removal_test():
    assert sorted(r for r, _ in MUTATIONS) == sorted(RULES)


@pytest.fixture(scope="module")
def dependent_bundle(book):
    return _shape("spouse-several-items-no-ndc", book)


@pytest.mark.parametrize("rule_id, mutate", MUTATIONS, ids=[r for r, _ in MUTATIONS])
def test_each_rule_fails_when_its_element_is_removed(dependent_bundle, rule_id, mutate):
    bundle = copy.deepcopy(dependent_bundle)
    assert check(bundle) == []
    mutate(bundle)
    failed = {i.rule for i in check(bundle)}
    assert rule_id in failed, check(bundle)


@pytest.mark.parametrize("relationship, needs_subscriber", [("self", False), ("spouse", True)])
def test_subscriber_rule_follows_the_x12_relationship(dependent_bundle, relationship,
                                                      needs_subscriber):
    bundle = copy.deepcopy(dependent_bundle)
    cov = _res(bundle, "Coverage")
    cov.pop("subscriber")
    code = {"self": "18", "spouse": "01"}[relationship]
    cov["relationship"]["coding"] = [{"system": "http://terminology.hl7.org/CodeSystem/"
                                                "subscriber-relationship", "code": relationship},
                                     {"system": X12_RELATIONSHIP, "code": code}]
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] != "Patient"
                       or e["fullUrl"] == _claim(bundle)["patient"]["reference"]]
    failed = {i.rule: i.expression for i in check(bundle)}
    assert ("coverage.subscriber" in failed) is needs_subscriber


def test_issues_name_the_element(dependent_bundle):
    bundle = copy.deepcopy(dependent_bundle)
    _res(bundle, "Patient", 1).pop("birthDate")  # the subscriber's
    [issue] = check(bundle)
    assert issue.expression == "Patient(subscriber).birthDate"
    _res(bundle, "Practitioner")["identifier"][0]["system"] = "urn:other"
    assert any(i.expression == f"Practitioner[0].identifier.where(system='{NPI}')"
               for i in check(bundle))
