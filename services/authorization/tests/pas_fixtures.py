"""Identities for PAS tests (fake people; the shapes of orders' payer-identity contract)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import uuid4

from authorization.adapters.drug_codes import load_drug_codes
from authorization.adapters.orders_client import StaticIdentitySource
from authorization.domain.case import PACase
from authorization.domain.identity import (
    Address,
    Coverage,
    DrugCode,
    Medication,
    PasParties,
    PayerIdentity,
    Person,
    Practitioner,
    Requestor,
)
from authorization.service.pas import PasSources

from .conftest import member_of

# TEST FIXTURE ONLY, not a real RxCUI: eptinezumab's RxCUI is not verified yet (see
# seed_data/rxnorm.json), so tests that send J3032 requests supply this stand-in by setting,
# as ops would supply the verified one.
TEST_RXCUI = "9999001"
TEST_CODES = {"eptinezumab": TEST_RXCUI}

HOME = Address(line1="12 Harbor View Rd", line2="Apt 3", city="Quincy", state="MA",
               postal_code="021691234")
PATIENT = Person(family_name="Rivera", given_name="Ana", middle_name="L",
                 birth_date=date(1984, 5, 17), sex="female", address=HOME)
SPOUSE = Person(family_name="Rivera", given_name="Marco", birth_date=date(1982, 1, 9),
                sex="male", address=HOME)
ORDERING = Practitioner(id=str(uuid4()), npi="1234567893", family_name="Okafor",
                        given_name="Grace", taxonomy="2084N0402X")
REQUESTOR = Requestor(name="Chairside Infusion Center (test)", npi="1548392608",
                      ein="041234567")


def coverage(payer_id: str = "summit-health", *, member_id: str = "M-1001",
             relationship: str = "self", plan_id: str | None = "summit-ppo",
             group_number: str | None = "GRP-77", subscriber: Person | None = None) -> Coverage:
    return Coverage(id=uuid4(), payer_id=payer_id, plan_id=plan_id, member_id=member_id,
                    group_number=group_number, relationship=relationship,  # type: ignore[arg-type]
                    subscriber=subscriber)


def identity(payer_id: str = "summit-health", **kw) -> PayerIdentity:
    cov = kw.pop("coverage", None) or coverage(payer_id, **kw)
    return PayerIdentity(order_id=uuid4(), patient_id=uuid4(), patient=PATIENT, coverage=cov,
                         ordering=ORDERING)


def identity_of(order) -> PayerIdentity | None:
    """What orders would answer for a signed order (contracts.OrderSigned): the patient, the
    coverage with the order's payer, the ordering practitioner."""
    if order.payer is None:
        return None
    cov = coverage(order.payer.payer_id, member_id=member_of(order.order_id),
                   plan_id=order.payer.plan_id)
    return PayerIdentity(order_id=order.order_id, patient_id=order.patient_id, patient=PATIENT,
                         coverage=cov, ordering=ORDERING)


def sources(default: PayerIdentity | None = None,
            by_order: dict | None = None) -> PasSources:
    return PasSources(identity=StaticIdentitySource(default, by_order),
                      requestor=REQUESTOR, drug_codes=load_drug_codes(TEST_CODES))


DRUGS = {"J3032": ("eptinezumab", Decimal(100)), "J1885": ("ketorolac", Decimal(30)),
         "J3230": ("chlorpromazine", Decimal(25))}


def parties_for(case: PACase, cov: Coverage | None = None, *, ndc: bool = True) -> PasParties:
    """The parties of a case's request as the service would gather them."""
    codes = load_drug_codes(TEST_CODES)
    meds = []
    for ln in case.lines:
        drug, dose = DRUGS[ln.hcpcs]
        code = codes[drug] if ndc else DrugCode(drug, codes[drug].rxcui, codes[drug].rxnorm_name)
        meds.append(Medication(hcpcs=ln.hcpcs, drug_code=drug, dose=dose, dose_unit="mg",
                               code=code))
    cov = cov or coverage(case.payer_id, member_id=member_of(case.order_id),
                          plan_id=case.plan_id)
    return PasParties(patient=PATIENT, coverage=cov,
                      ordering=ORDERING, requestor=REQUESTOR, insurer_name="Summit Health",
                      medications=tuple(meds))
