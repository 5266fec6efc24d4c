"""Every kind of refusal the billing API answers, pinned as its whole problem+json body: status,
type, title, detail, errors and extras (and Retry-After where it applies)."""

from __future__ import annotations

from typing import Any

import pytest
from reimb_it import EPTI, KETO, administered, administration, bill, remittance_for, setup_catalog

from chairside_shared.errors import FieldError
from reimbursement.adapters import orm
from reimbursement.adapters.clients import OrdersPayerIdentityClient
from reimbursement.entrypoints.api.deps import get_identities

pytestmark = pytest.mark.integration
MISSING = "00000000-0000-4000-8000-000000000000"
UNREACHABLE = "http://127.0.0.1:9"
REVIEW = [{"code": "unknown_ndc", "line": 2,
           "detail": "line 2: NDC 70003-0003-25 is not a product in inventory"}]
BAD_PRODUCT = {"ndc": KETO, "name": "x", "strength": "30", "strength_unit": "mg",
               "vials_per_package": 1, "single_dose": True, "ndc_unit": "ML",
               "package_cost": "1", "cost_source": "x"}


def problem(status: int, code: str, title: str, detail: str, instance: str, *,
            errors: list[FieldError] | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"type": f"urn:chairside:problem:{code}", "title": title,
                            "status": status, "detail": detail, "instance": instance}
    if errors is not None:
        body["errors"] = [{"field": e.field, "message": e.message} for e in errors]
    return body | extra


def not_found(detail: str, instance: str) -> dict[str, Any]:
    return problem(404, "not-found", "Not found", detail, instance)


def conflict(detail: str, instance: str, **extra: Any) -> dict[str, Any]:
    return problem(409, "conflict", "Conflict", detail, instance, **extra)


def invalid(field: str, message: str, instance: str) -> dict[str, Any]:
    return problem(422, "validation-failed", "Validation failed", f"{field}: {message}",
                   instance, errors=[FieldError(field, message)])


def check(response: Any, expected: dict[str, Any]) -> None:
    assert response.headers["content-type"] == "application/problem+json", response.text
    assert (response.status_code, response.json()) == (expected["status"], expected)


async def test_refusals_before_anything_exists(svc):
    c = svc.client
    check(await c.get("/v1/claims", params={"status": "paid,bogus"}),
          invalid("status", "unknown status 'bogus'", "/v1/claims"))
    check(await c.get("/v1/claims", params={"cursor": "garbage!"}),
          invalid("cursor", "not a cursor this API issued", "/v1/claims"))
    for suffix, method in (("", "GET"), ("/x12", "GET"), ("/fhir", "GET"), ("/submit", "POST"),
                           ("/rebuild", "POST")):
        path = f"/v1/claims/{MISSING}{suffix}"
        check(await c.request(method, path), not_found("no such claim", path))
    check(await c.get("/v1/claims/x12"),
          not_found("no submitted claims in that window", "/v1/claims/x12"))
    check(await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "L1",
                                              "expires_on": "2027-01-01", "packages": 1}),
          not_found("NDC 70001000101 is not a product; add it first", "/v1/inventory"))
    check(await c.get("/v1/fee-schedules/asp/1999Q1"),
          not_found("no ASP quarter 1999Q1", "/v1/fee-schedules/asp/1999Q1"))
    check(await c.post("/v1/remittances", content=b"   "),
          invalid("body", "empty file", "/v1/remittances"))
    check(await c.post("/v1/remittances", content=b"\xff\xfe"),
          invalid("body", "not UTF-8 text", "/v1/remittances"))
    reason = "no header row with 'HCPCS Code' and 'Payment Limit' (or 'ASP') columns"
    check(await c.post("/v1/fee-schedules/asp", params={"quarter": "2026Q1"}, content="nope"),
          problem(422, "file-rejected", "File rejected",
                  f"1 problem(s); nothing was imported. First: line 1: {reason}",
                  "/v1/fee-schedules/asp", errors=[FieldError("line 1", reason)]))


async def test_refusals_of_catalogue_and_report_input(svc):
    c = svc.client
    await setup_catalog(c, lots={EPTI: [("E1", "2027-01-31", 3)]})
    check(await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "OLD",
                                              "expires_on": "2026-01-01", "packages": 1}),
          conflict("lot OLD is already expired; refusing to receive it", "/v1/inventory"))
    check(await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "L2",
                                              "expires_on": "2027-01-01", "packages": 1,
                                              "product": BAD_PRODUCT}),
          invalid("product.ndc", "must be the receipt's NDC", "/v1/inventory"))
    check(await c.put(f"/v1/inventory/{KETO}", json=BAD_PRODUCT),
          invalid("product", "NDC 70003000325: ML reporting needs the vial volume",
                  f"/v1/inventory/{KETO}"))
    check(await c.put("/v1/inventory/123", json=BAD_PRODUCT),
          invalid("ndc", "NDC must have 10 or 11 digits, got 3", "/v1/inventory/123"))
    check(await c.put(f"/v1/inventory/{EPTI}", json=BAD_PRODUCT),
          invalid("ndc", "path and body NDC differ", f"/v1/inventory/{EPTI}"))
    check(await c.put("/v1/fee-schedules/hcpcs/J9", json={
        "description": "x", "amount": "1", "unit": "mg", "source": "x"}),
        invalid("code", "not a HCPCS code", "/v1/fee-schedules/hcpcs/J9"))
    check(await c.put("/v1/fee-schedules/charge-master",
                      json={"version": "v", "rates": {"96365": "-1"}}),
          invalid("rates.96365", "Input should be greater than or equal to 0",
                  "/v1/fee-schedules/charge-master"))
    backwards = {"from": "2026-03-31", "to": "2026-03-01"}
    for path in ("/v1/reports/margin", "/v1/reports/ar"):
        check(await c.get(path, params=backwards), invalid("to", "must not be before from", path))
    # Day's bounds hold on every report's range, the required ones too (their Query() had
    # dropped the validators, and a day after 9999-12-31 overflows)
    for path in ("/v1/reports/margin", "/v1/reports/margin.csv", "/v1/reports/gpo-savings",
                 "/v1/reports/gpo-savings.csv", "/v1/reports/ar"):
        for field, params in (("to", {"from": "2026-03-01", "to": "9999-12-31"}),
                              ("from", {"from": "0001-01-01", "to": "2026-03-01"})):
            check(await c.get(path, params=params),
                  invalid(field, "Value error, must be between 1900-01-01 and 2199-12-31",
                          path))


async def test_refusals_of_the_claim_lifecycle(svc):
    c = svc.client
    await setup_catalog(c, lots={EPTI: [("E1", "2027-01-31", 3)]})  # ketorolac unknown
    review = await bill(svc, administered(
        administration(1, "eptinezumab", EPTI, "100", 0, 35),
        administration(2, "ketorolac", "70003-0003-25", "30", 40, 41, "push")))
    check(await c.post(f"/v1/claims/{review}/submit"),
          conflict("the claim needs review before it can be submitted",
                   f"/v1/claims/{review}/submit", reasons=REVIEW))
    check(await c.get(f"/v1/claims/{review}/x12"),
          conflict("the claim needs review before it can be exported",
                   f"/v1/claims/{review}/x12", reasons=REVIEW))
    ready = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    claim = (await c.get(f"/v1/claims/{ready}")).json()
    reason = "CAS: unknown adjustment group 'ZZ'"
    r = await c.post("/v1/remittances",
                     content=remittance_for(claim).replace("CAS*CO*45*", "CAS*ZZ*45*", 1))
    [kept] = (await c.get("/v1/remittances/quarantine")).json()["items"]
    check(r, problem(422, "remittance-rejected", "Remittance rejected",
                     f"1 problem(s); nothing was posted. First: line 16: {reason}",
                     "/v1/remittances", errors=[FieldError("line 16", reason)],
                     quarantine_id=kept["id"]))
    assert (await c.post(f"/v1/claims/{ready}/submit")).status_code == 200
    check(await c.post(f"/v1/claims/{ready}/submit"),
          conflict("the claim is already submitted", f"/v1/claims/{ready}/submit",
                   status_now="submitted"))
    check(await c.post(f"/v1/claims/{ready}/rebuild"),
          conflict("a submitted claim cannot be rebuilt", f"/v1/claims/{ready}/rebuild",
                   status_now="submitted"))


async def test_export_refusals(svc):
    c = svc.client
    await setup_catalog(c)
    ready = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    assert (await c.post(f"/v1/claims/{ready}/submit")).status_code == 200
    svc.app.dependency_overrides[get_identities] = lambda: OrdersPayerIdentityClient(
        UNREACHABLE, timeout_s=1)
    r = await c.get(f"/v1/claims/{ready}/x12")
    check(r, problem(503, "service-unavailable", "Service unavailable",
                     "payer identity unavailable: orders service unreachable "
                     "(ConnectError)", f"/v1/claims/{ready}/x12"))
    assert r.headers["retry-after"] == "30"
    async with svc.runtime.session_factory() as session:  # a contract removed behind our back
        await session.execute(orm.payer_contracts.delete())
        await session.commit()
    check(await c.get(f"/v1/claims/{ready}/x12"),
          conflict("no contract on file for payer medicare", f"/v1/claims/{ready}/x12"))
