"""Test and benchmark data: an explicit, synthetic catalog (NDCs are made up, labeler 7xxxx-9xxxx),
and synthetic identities (a practice, two practitioners, a patient and coverages: every name,
address and id here is invented).

Descriptors follow the domain reference (J3032 1 mg, J3475 500 mg, J1885 15 mg, J0780 up to
10 mg, J1200 up to 50 mg, J1745 10 mg, J2405 1 mg, J1110 1 mg, J2765 up to 10 mg, J1100 1 mg).
The tests pin these values on purpose so a change in the seed files cannot move them. No
pytest here: tests get fixtures from tests/conftest.py, and bench/ uses the same data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal as D
from typing import Literal
from uuid import UUID

from reimbursement.domain.claim import BillingContext
from reimbursement.domain.fees import (
    MEDICARE_SEQUESTRATION,
    AspEntry,
    AspQuarter,
    ChargeMaster,
    CodingPolicy,
    DrugBasis,
    PayerContract,
    PayerKind,
)
from reimbursement.domain.hcpcs import HcpcsDescriptor
from reimbursement.domain.inventory import NdcUnit, Product
from reimbursement.domain.parties import (
    ClaimParties,
    Coverage,
    PayerIdentity,
    Person,
    Practitioner,
    Relationship,
)
from reimbursement.domain.practice import BillingIdentity, PayerEnrollment, PostalAddress
from reimbursement.domain.visit import Given, Visit

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # 10:00 in New York
NPI = "1234567893"  # passes the NPI check digit
ORDER_ID = UUID("00000000-0000-4000-8000-000000000001")
PATIENT_ID = UUID("00000000-0000-4000-8000-000000000002")


def _p(ndc: str, name: str, hcpcs: str | None, strength: str, unit: str, volume: str | None,
       single: bool, ndc_unit: NdcUnit, cost: str, per_pkg: int = 1) -> Product:
    return Product(ndc=ndc, name=name, hcpcs=hcpcs, strength=D(strength), strength_unit=unit,
                   volume_ml=D(volume) if volume else None, vials_per_package=per_pkg,
                   single_dose=single, ndc_unit=ndc_unit, package_cost=D(cost),
                   cost_source="test GPO contract")


PRODUCTS = {p.ndc: p for p in [
    _p("70001000101", "eptinezumab 100 mg/mL SDV", "J3032", "100", "mg", "1", True, "ML", "1650.00"),
    _p("70002000225", "magnesium sulfate 50% 1 g/2 mL SDV", "J3475", "1", "g", "2", True, "ML", "12.50", 25),
    _p("70003000325", "ketorolac 30 mg/mL SDV", "J1885", "30", "mg", "1", True, "ML", "25.00", 25),
    _p("70004000410", "prochlorperazine 10 mg/2 mL SDV", "J0780", "10", "mg", "2", True, "ML", "45.00", 10),
    _p("70005000525", "diphenhydramine 50 mg/mL SDV", "J1200", "50", "mg", "1", True, "ML", "30.00", 25),
    _p("70006000601", "infliximab 100 mg powder SDV", "J1745", "100", "mg", None, True, "UN", "650.00"),
    _p("70007000701", "ondansetron 40 mg/20 mL MDV", "J2405", "40", "mg", "20", False, "ML", "4.00"),
    _p("70008000810", "dihydroergotamine 1 mg/mL ampule", "J1110", "1", "mg", "1", True, "ML", "950.00", 10),
    _p("70009000910", "valproate sodium 500 mg/5 mL SDV", "J3490", "500", "mg", "5", True, "ML", "80.00", 10),
    # IV fluid bags are not single-dose *drug* containers for JW/JZ purposes.
    _p("71000001024", "sodium chloride 0.9% 250 mL", "J7050", "250", "ml", None, False, "ML", "48.00", 24),
    _p("71003001312", "sodium chloride 0.9% 1000 mL", "J7030", "1000", "ml", None, False, "ML", "36.00", 12),
    _p("71004001424", "sodium chloride 0.9% 500 mL", "J7040", "500", "ml", None, False, "ML", "40.00", 24),
    _p("71005001512", "lactated Ringer's 1000 mL", "J7120", "1000", "ml", None, False, "ML", "42.00", 12),
    _p("71001001125", "dexamethasone 10 mg/mL SDV", "J1100", "10", "mg", "1", True, "ML", "25.00", 25),
    _p("71002001225", "metoclopramide 10 mg/2 mL SDV", "J2765", "10", "mg", "2", True, "ML", "20.00", 25),
]}


def _d(code: str, amount: str, unit: str, up_to: bool = False, unclassified: bool = False,
       ) -> HcpcsDescriptor:
    return HcpcsDescriptor(code, f"test {code}", D(amount), unit, up_to, unclassified, "test")


DESCRIPTORS = {d.code: d for d in [
    _d("J3032", "1", "mg"), _d("J3475", "500", "mg"), _d("J1885", "15", "mg"),
    _d("J0780", "10", "mg", up_to=True), _d("J1200", "50", "mg", up_to=True),
    _d("J1745", "10", "mg"), _d("J2405", "1", "mg"), _d("J1110", "1", "mg"),
    _d("J3490", "1", "mg", unclassified=True), _d("J7050", "250", "ml"),
    _d("J7030", "1000", "ml"), _d("J7040", "500", "ml"), _d("J7120", "1000", "ml", up_to=True),
    _d("J1100", "1", "mg"), _d("J2765", "10", "mg", up_to=True),
]}

CHARGES = ChargeMaster({
    "96365": D("350.00"), "96366": D("95.00"), "96367": D("150.00"), "96368": D("90.00"),
    "96374": D("160.00"), "96375": D("65.00"), "96360": D("200.00"), "96361": D("60.00"),
    "J3032": D("25.00"), "J3475": D("5.00"), "J1885": D("6.00"), "J0780": D("20.00"),
    "J1200": D("8.00"), "J1745": D("150.00"), "J2405": D("2.00"), "J1110": D("180.00"),
    "J3490": D("150.00"), "J7050": D("30.00"), "J7030": D("45.00"), "J7040": D("35.00"),
    "J7120": D("45.00"), "J1100": D("1.50"), "J2765": D("10.00"),
}, version="test-2026")

ASP = AspQuarter("2026Q1", date(2026, 1, 1), date(2026, 3, 31), {
    e.hcpcs: e for e in [
        AspEntry("J3032", "Inj eptinezumab-jjmr 1 mg", "1 MG", D("10.60")),
        AspEntry("J3475", "Inj magnesium sulfate", "500 MG", D("0.212")),
        AspEntry("J1885", "Ketorolac tromethamine inj", "15 MG", D("0.318")),
        AspEntry("J1745", "Infliximab not biosimil 10mg", "10 MG", D("45.580")),
        AspEntry("J2405", "Ondansetron hcl injection", "1 MG", D("0.053")),
    ]
}, source="test ASP file")

ADMIN_RATES = {"96365": D("71.32"), "96366": D("22.14"), "96367": D("31.10"),
               "96368": D("21.00"), "96374": D("41.58"), "96375": D("18.20"),
               "96360": D("35.60"), "96361": D("14.31")}

MEDICARE = PayerContract(
    payer_id="medicare-b", name="Medicare Part B", kind=PayerKind.MEDICARE,
    drug_basis=DrugBasis.MEDICARE_ASP, admin_rates=ADMIN_RATES,
    sequestration=MEDICARE_SEQUESTRATION, x12_payer_id="MCRB1", claim_filing="MB",
)
MEDICARE_ELECTROLYTES = PayerContract(
    payer_id="mac-electrolytes", name="MAC treating electrolytes as hydration",
    kind=PayerKind.MEDICARE, drug_basis=DrugBasis.MEDICARE_ASP, admin_rates=ADMIN_RATES,
    sequestration=MEDICARE_SEQUESTRATION, policy=CodingPolicy.electrolytes_as_hydration(),
)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def give(seq: int, drug: str, ndc: str | None, dose: str, unit: str,
         mode: Literal["push", "infusion"], start: int, stop: int, wasted: str = "0",
         hcpcs: str | None = None, lot: str | None = None,
         purpose: Literal["hydration", "carrier", "kvo"] | None = None,
         indication: str | None = None) -> Given:
    return Given(seq, drug, hcpcs, mode, at(start), at(stop), D(dose), unit, ndc, lot,
                 D(wasted), fluid_purpose=purpose, indication=indication)


def make_visit(*given: Given, diagnoses: tuple[str, ...] = ("G43.709",), payer: str | None =
               "medicare-b", member: str | None = None, npi: str | None = NPI) -> Visit:
    return Visit(ORDER_ID, "demo-clinic", PATIENT_ID, diagnoses, payer, member, npi, given,
                 completed_at=at(240))


def make_ctx(contract: PayerContract | None = MEDICARE, *, charges: ChargeMaster = CHARGES,
             asp: AspQuarter | None = ASP, clinic_tz: tzinfo = UTC) -> BillingContext:
    return BillingContext(products=PRODUCTS, descriptors=DESCRIPTORS, charges=charges,
                          contract=contract, asp=asp, clinic_tz=clinic_tz)


# --------------------------------------------------------------------------- identities
CLINIC_ADDRESS = PostalAddress("100 Main St", "Boston", "MA", "021101234", "Suite 300")
LOCKBOX = PostalAddress("PO Box 4471", "Boston", "MA", "022414471")
BILLING = BillingIdentity(
    name="Chairside Infusion Center", npi="1245319599", ein="049990001",
    npi_taxonomies=("261QI0500X",), address=CLINIC_ADDRESS, taxonomy="261QI0500X")
ENROLLMENT = PayerEnrollment("medicare-b", "1245319599", "261QI0500X", "active",
                             date(2020, 1, 1))
SUPERVISING = Practitioner(UUID("00000000-0000-4000-8000-0000000000a1"), NPI, "Chen",
                           "Laura", "2084N0402X")
ORDERING = Practitioner(UUID("00000000-0000-4000-8000-0000000000a2"), "1620513378",
                        "Okafor", "David", "2084N0402X")
PATIENT = Person("Rivera", "Ana", date(1961, 5, 14), "female",
                 PostalAddress("42 Elm St", "Quincy", "MA", "02169", "Apt 2"), middle_name="M")
CHILD = Person("Rivera", "Sofia", date(2012, 9, 3), "female",
               PostalAddress("7 Harbor Way", "Salem", "MA", "019701234"))
COVERAGE_ID = UUID("00000000-0000-4000-8000-0000000000c1")


def coverage(relationship: Relationship = "self", *, subscriber: Person | None = None,
             payer_id: str = "medicare-b", member_id: str = "1EG4TE5MK72",
             group: str | None = None) -> Coverage:
    return Coverage(COVERAGE_ID, payer_id, member_id, relationship, subscriber,
                    group_number=group)


def payer_identity(*, patient: Person | None = PATIENT, cov: Coverage | None = None,
                   ordering: Practitioner | None = SUPERVISING,
                   supervising: Practitioner | None = SUPERVISING,
                   order_id: UUID = ORDER_ID) -> PayerIdentity:
    return PayerIdentity(order_id, patient, cov if cov is not None else coverage(), ordering,
                         supervising)


def parties(*, patient: Person = PATIENT, cov: Coverage | None = None,
            billing: BillingIdentity = BILLING, rendering: Practitioner = SUPERVISING,
            ordering: Practitioner | None = None, taxonomy: str = "261QI0500X",
            ) -> ClaimParties:
    cov = cov if cov is not None else coverage()
    subscriber = patient if cov.relationship == "self" else cov.subscriber
    assert subscriber is not None
    return ClaimParties(billing, taxonomy, patient, cov, subscriber, rendering, ordering)
