"""What a PAS request needs to know before it is sent (each missing item named, never a
stand-in), the case kept a draft meanwhile, and orders' payer-identity answer read as the
identity contract shapes it."""

from __future__ import annotations

import dataclasses
import socket
from uuid import uuid4

import httpx
import pytest

from authorization.adapters.drug_codes import load_drug_codes
from authorization.adapters.orders_client import OrdersIdentitySource, parse_payer_identity
from authorization.domain.case import PAS_BLOCKER
from authorization.domain.errors import IdentityUnavailable, SubmissionBlocked
from authorization.domain.identity import (
    Medication,
    PasParties,
    Requestor,
    npi_valid,
    pas_parties,
)

from ..conftest import NOW, NY
from ..pas_fixtures import ORDERING, PATIENT, REQUESTOR, SPOUSE, TEST_CODES, coverage, identity
from .test_case import GOOD, frames, new_case

CODES = load_drug_codes(TEST_CODES)
EPTI = Medication(hcpcs="J3032", drug_code="eptinezumab", dose=100, dose_unit="mg",  # type: ignore[arg-type]
                  code=CODES["eptinezumab"])


def _parties(ident, *, requestor=REQUESTOR, meds=(EPTI,), dx=("G43.709",), insurer="Summit"):
    return pas_parties(ident, payer_id="summit-health", requestor=requestor,
                       insurer_name=insurer, medications=meds, hcpcs=("J3032",),
                       diagnoses=dx)


def _replace(obj, **kw):
    return dataclasses.replace(obj, **kw)


# what changes -> the missing items named
MISSING = [
    (lambda i: None, {}, ["payer identity of the order (orders has none)"]),
    (lambda i: _replace(i, patient=None), {}, ["patient demographics"]),
    (lambda i: _replace(i, patient=_replace(PATIENT, birth_date=None, sex=None)), {},
     ["patient birth date", "patient administrative sex"]),
    (lambda i: _replace(i, patient=_replace(PATIENT, address=None)), {}, ["patient address"]),
    (lambda i: _replace(i, coverage=None), {}, ["coverage with payer summit-health"]),
    (lambda i: _replace(i, coverage=coverage("harbor-health")), {},
     ["coverage with payer summit-health (the order's coverage is with harbor-health)"]),
    (lambda i: _replace(i, coverage=coverage(relationship="spouse")), {},
     ["subscriber demographics (patient is the subscriber's spouse)"]),
    (lambda i: _replace(i, coverage=coverage(relationship="child",
                                             subscriber=_replace(SPOUSE, family_name=""))), {},
     ["subscriber name"]),
    (lambda i: _replace(i, coverage=coverage(plan_id=None, group_number=None)), {},
     ["coverage plan or group number"]),
    (lambda i: _replace(i, coverage=coverage(member_id=" ")), {}, ["member id"]),
    (lambda i: _replace(i, ordering=None), {}, ["ordering practitioner"]),
    (lambda i: _replace(i, ordering=_replace(ORDERING, npi="1234567890", taxonomy=None)), {},
     ["ordering practitioner NPI (valid check digit)",
      "ordering practitioner taxonomy (NUCC)"]),
    (lambda i: i, {"requestor": Requestor(name=None, npi="1234567890", ein="12-3")},
     ["requestor organization name (setting AUTHORIZATION_PRACTICE_NAME)",
      "requestor organization NPI (setting AUTHORIZATION_PRACTICE_NPI)",
      "requestor organization EIN (setting AUTHORIZATION_PRACTICE_EIN)"]),
    (lambda i: i, {"dx": ()}, ["diagnosis (ICD-10-CM)"]),
    (lambda i: i, {"meds": ()}, ["ordered drug for J3032"]),
    (lambda i: i, {"meds": (_replace(EPTI, code=load_drug_codes()["eptinezumab"]),)},
     ["RxNorm code for eptinezumab (data/rxnorm.json or setting AUTHORIZATION_RXNORM_CODES)"]),
    (lambda i: i, {"insurer": None}, ["payer summit-health configuration (insurer name)"]),
]


@pytest.mark.parametrize("change, kw, missing", MISSING)
def test_each_missing_item_is_named(change, kw, missing):
    assert _parties(change(identity()), **kw) == missing


def test_complete_identity_gives_the_parties():
    got = _parties(identity(relationship="spouse", subscriber=SPOUSE))
    assert isinstance(got, PasParties) and got.coverage.subscriber == SPOUSE


@pytest.mark.parametrize("npi, ok", [("1234567893", True), ("1234567890", False),
                                     ("1548392608", True), ("3234567893", False),
                                     ("123456789", False), (None, False)])
def test_npi_check_digit(npi, ok):
    assert npi_valid(npi) is ok


def test_shipped_rxnorm_map_has_only_verified_codes():
    codes = load_drug_codes()
    assert {d: c.rxcui for d, c in codes.items() if c.rxcui} == {
        "ketorolac": "1665461", "chlorpromazine": "1730076"}
    assert codes["eptinezumab"].ndc == "67386-130-51"
    assert load_drug_codes({"eptinezumab": "123"})["eptinezumab"].ndc == "67386-130-51"


def test_case_stays_draft_naming_each_missing_item(book):
    case = new_case(book)
    case.answer(GOOD, "u", NOW)
    assert case.hold_for_pas(["patient birth date", "member id"], "user:a", NOW)
    assert case.status == "draft"
    assert case.blockers == [PAS_BLOCKER + "patient birth date", PAS_BLOCKER + "member id"]
    assert case.history[-1].action == "held_for_pas"
    with pytest.raises(SubmissionBlocked) as err:
        case.submit("user:a", NOW, frames(case), NY)
    assert err.value.reasons == case.blockers
    assert not case.hold_for_pas(["patient birth date", "member id"], "user:a", NOW)  # same
    assert case.hold_for_pas([], "user:a", NOW) and case.blockers == []
    assert case.history[-1].action == "pas_hold_cleared"
    case.submit("user:a", NOW, frames(case), NY)
    assert case.status == "submitted"


CONTRACT_ANSWER = {
    "order_id": str(uuid4()), "patient_id": str(uuid4()), "practice_id": "demo-clinic",
    "patient": {"family_name": "Rivera", "given_name": "Ana", "middle_name": None,
                "birth_date": "1984-05-17", "sex": "female",
                "address": {"line1": "12 Harbor View Rd", "line2": None, "city": "Quincy",
                            "state": "MA", "postal_code": "02169"}, "phone": "6175550123"},
    "coverage": {"id": str(uuid4()), "patient_id": str(uuid4()), "payer_id": "summit-health",
                 "plan_id": "summit-ppo", "member_id": "M-1001", "group_number": "GRP-77",
                 "relationship": "child", "priority": "primary", "effective_from": None,
                 "effective_to": None, "status": "active", "version": 1,
                 "subscriber": {"family_name": "Rivera", "given_name": "Marco",
                                "middle_name": None, "birth_date": "1982-01-09", "sex": "male",
                                "address": {"line1": "12 Harbor View Rd", "line2": None,
                                            "city": "Quincy", "state": "MA",
                                            "postal_code": "021691234"}, "phone": None}},
    "ordering": {"id": str(uuid4()), "npi": "1234567893", "family_name": "Okafor",
                 "given_name": "Grace", "taxonomy": "2084N0402X",
                 "roles": ["ordering"], "practice_id": None, "active": True},
    "supervising": None,
}


def test_contract_answer_is_read():
    got = parse_payer_identity(CONTRACT_ANSWER)
    assert got.patient.birth_date.isoformat() == "1984-05-17" and got.patient.sex == "female"
    assert got.coverage.relationship == "child" and got.coverage.subscriber.given_name == "Marco"
    assert got.ordering.npi == "1234567893"
    assert isinstance(_parties(_replace(got, coverage=got.coverage)), PasParties)
    assert parse_payer_identity({**CONTRACT_ANSWER, "patient": None}).patient is None


async def test_orders_client_over_http():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        kind, oid = request.url.path.split("/")[2:4]
        if kind == "patients" and oid == CONTRACT_ANSWER["patient_id"]:
            return httpx.Response(200, json={**CONTRACT_ANSWER, "order_id": None})
        if kind == "orders" and oid == CONTRACT_ANSWER["order_id"]:
            return httpx.Response(200, json=CONTRACT_ANSWER)
        if oid.startswith("b"):
            return httpx.Response(200, json={**CONTRACT_ANSWER, "patient_id": "not-a-uuid"})
        return httpx.Response({"0": 404, "4": 403}.get(oid[0], 500), json={})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        src = OrdersIdentitySource("http://orders", client=client)
        got = await src.for_order(CONTRACT_ANSWER["order_id"])
        assert got.coverage.member_id == "M-1001"
        req = seen[0]
        assert req.url.params["purpose"] == "payment"
        assert req.headers["x-chairside-client-id"] == "authorization"
        assert req.headers["x-chairside-scopes"] == "patients:read"
        assert await src.for_order("00000000-0000-4000-8000-000000000000") is None
        with pytest.raises(IdentityUnavailable, match="answered 500") as err:
            await src.for_order("f0000000-0000-4000-8000-000000000000")
        assert err.value.retryable
        with pytest.raises(IdentityUnavailable, match="answered 403") as err:
            await src.for_order("40000000-0000-4000-8000-000000000000")
        assert not err.value.retryable
        with pytest.raises(IdentityUnavailable, match="unreadable") as err:
            await src.for_order("b0000000-0000-4000-8000-000000000000")
        assert not err.value.retryable
        # a patient and payer without an order (on-demand eligibility)
        got = await src.for_patient(CONTRACT_ANSWER["patient_id"], "summit-health")
        assert got.order_id is None and str(got.patient_id) == CONTRACT_ANSWER["patient_id"]
        assert got.coverage.payer_id == "summit-health"
        req = seen[-1]
        assert req.url.path == f"/v1/patients/{CONTRACT_ANSWER['patient_id']}/payer-identity"
        assert dict(req.url.params) == {"purpose": "payment", "payer_id": "summit-health"}
        assert req.headers["x-chairside-scopes"] == "patients:read"
        assert await src.for_patient("00000000-0000-4000-8000-000000000000", "x") is None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(IdentityUnavailable, match="unreachable"):
        await OrdersIdentitySource(f"http://127.0.0.1:{port}").for_order(uuid4())


def test_requestor_settings(monkeypatch):
    from authorization.settings import AuthorizationSettings

    embedded = AuthorizationSettings()
    assert npi_valid(embedded.practice_npi) and embedded.practice_ein == "041234567"
    prod_base = {"environment": "production", "database_url": "postgresql://db/authz",
                 "seed_demo_data": False}
    prod = AuthorizationSettings(**prod_base)
    assert (prod.practice_name, prod.practice_npi, prod.practice_ein) == (None, None, None)
    kept = AuthorizationSettings(**prod_base, practice_npi="1234567893")
    assert kept.practice_npi == "1234567893" and kept.practice_name is None
    with pytest.raises(ValueError, match="check digit"):
        AuthorizationSettings(practice_npi="1234567890")
    with pytest.raises(ValueError, match="RxCUIs are digits"):
        AuthorizationSettings(rxnorm_codes={"eptinezumab": "J3032"})
