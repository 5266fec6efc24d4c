"""/v1/billing-identity and /v1/payer-enrollments: the practice's billing identity as data
(admin). Every broken rule is a 422 naming its field."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path

from reimbursement.domain.practice import BillingIdentity, PayerEnrollment, PostalAddress
from reimbursement.entrypoints.api import practice_schemas as ps
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.service import practice

router = APIRouter(tags=["billing"])
PayerId = Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
REFUSALS: dict[int | str, dict[str, Any]] = {
    422: {"description": "A field breaks a rule (check digit, PO Box in the billing address, "
                         "ZIP+4, taxonomy not on billing NPI...): each is named"}}


@router.get("/v1/billing-identity", response_model=ps.BillingIdentityOut,
            summary="The practice's billing identity (2010AA/2010AB, PRV*BI)",
            responses={404: {"description": "Not recorded yet"}})
async def get_billing_identity(uow: UoW) -> dict[str, Any]:
    return identity_doc(await practice.billing_identity(uow=uow))


@router.put("/v1/billing-identity", response_model=ps.BillingIdentityOut,
            summary="Record or replace the practice's billing identity", responses=REFUSALS)
async def put_billing_identity(body: ps.BillingIdentityIn, uow: UoW, now: Now) -> dict[str, Any]:
    identity = BillingIdentity(
        name=body.name.strip(), npi=body.npi, ein=body.ein.replace("-", ""),
        npi_taxonomies=tuple(dict.fromkeys(body.npi_taxonomies)),
        address=_address(body.address), taxonomy=body.taxonomy,
        pay_to=_address(body.pay_to_address) if body.pay_to_address else None)
    return identity_doc(await practice.save_billing_identity(uow=uow, identity=identity,
                                                             now=now))


@router.get("/v1/payer-enrollments", response_model=ps.EnrollmentPage,
            summary="The practice's enrollment with each payer")
async def list_enrollments(uow: UoW) -> dict[str, Any]:
    return {"items": [enrollment_doc(e) for e in await practice.enrollments(uow=uow)],
            "next_cursor": None}


@router.get("/v1/payer-enrollments/{payer_id}", response_model=ps.EnrollmentOut,
            summary="The practice's enrollment with one payer",
            responses={404: {"description": "No enrollment recorded for the payer"}})
async def get_enrollment(uow: UoW, payer_id: str = PayerId) -> dict[str, Any]:
    return enrollment_doc(await practice.enrollment(uow=uow, payer_id=payer_id))


@router.put("/v1/payer-enrollments/{payer_id}", response_model=ps.EnrollmentOut,
            summary="Record or replace the practice's enrollment with a payer",
            responses={**REFUSALS, 409: {"description": "No billing identity recorded yet"}})
async def put_enrollment(body: ps.EnrollmentIn, uow: UoW, now: Now,
                         payer_id: str = PayerId) -> dict[str, Any]:
    enrollment = PayerEnrollment(payer_id, body.npi, body.taxonomy, body.status,
                                 body.effective_from, body.effective_to)
    return enrollment_doc(await practice.save_enrollment(uow=uow, enrollment=enrollment,
                                                         now=now))


def _address(a: ps.AddressIn) -> PostalAddress:
    return PostalAddress(a.line1.strip(), a.city.strip(), a.state,
                         a.postal_code.replace("-", ""), a.line2.strip() if a.line2 else None)


def address_doc(a: PostalAddress) -> dict[str, Any]:
    return {"line1": a.line1, "line2": a.line2, "city": a.city, "state": a.state,
            "postal_code": a.postal_code}


def identity_doc(b: BillingIdentity) -> dict[str, Any]:
    return {"name": b.name, "npi": b.npi, "ein": b.ein, "taxonomy": b.taxonomy,
            "npi_taxonomies": list(b.npi_taxonomies), "address": address_doc(b.address),
            "pay_to_address": address_doc(b.pay_to) if b.pay_to else None}


def enrollment_doc(e: PayerEnrollment) -> dict[str, Any]:
    return {"payer_id": e.payer_id, "npi": e.npi, "taxonomy": e.taxonomy, "status": e.status,
            "effective_from": e.effective_from, "effective_to": e.effective_to}
