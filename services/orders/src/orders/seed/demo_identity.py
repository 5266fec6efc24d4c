"""Demo identities for the embedded ``make run``: practitioners, and the demo patients'
demographics and coverages. Every person here is invented; the NPIs pass the CMS check digit
(Luhn over 80840 + the first nine digits) but are made up; taxonomies are real NUCC codes;
member ids follow each payer's format (Medicare's MBI) without being anyone's. No patient
lives at the clinic's address (100 Main St, Boston).

Fixed ids so the demo day (bench/demo_day) and the end-to-end tests can name them until the
gateway lists practitioners. Idempotent: what exists is left alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import UUID

from orders.domain.identity import Address, CoverageChanges, Person, admin_sex
from orders.domain.order import Actor
from orders.domain.practitioners import Practitioner, Role
from orders.service import identity
from orders.service.handlers import Scope
from orders.service.uow import OrdersUnitOfWork

SEED_SCOPE = Scope(actor=Actor("orders-demo-seed", frozenset({"admin"})),
                   client_id="orders-demo-seed")
ALL_ROLES: frozenset[Role] = frozenset({"ordering", "rendering", "supervising"})


def _practitioner(n: int, npi: str, family: str, given: str, taxonomy: str,
                  roles: frozenset[Role], practice_id: str | None) -> Practitioner:
    at = datetime(2026, 1, 5, tzinfo=UTC)  # replaced by the seeding time when filed
    return Practitioner(id=UUID(f"5e1c0000-0000-4000-8000-00000000300{n}"), npi=npi,
                        family_name=family, given_name=given, taxonomy=taxonomy, roles=roles,
                        practice_id=practice_id, created_at=at, updated_at=at)


# The center's clinicians supervise the nurses' infusions (incident-to) and order; the partner
# practice's physicians refer (order) only.
PRACTITIONERS: tuple[Practitioner, ...] = (
    _practitioner(1, "1645028733", "Raman", "Priya", "2084N0400X", ALL_ROLES, None),  # neurology
    _practitioner(2, "1329584068", "Whitfield", "Marcus", "2084H0002X", ALL_ROLES,
                  None),  # headache medicine
    _practitioner(3, "1873104628", "Sokolova", "Elena", "363L00000X", ALL_ROLES,
                  None),  # nurse practitioner
    _practitioner(4, "1549270316", "Castellanos", "Jonah", "2084N0400X",
                  frozenset({"ordering"}), "demo-partner"),  # partner neurologist
    _practitioner(5, "1198457263", "Okafor", "Amara", "207Q00000X",
                  frozenset({"ordering"}), "demo-partner"),  # partner family medicine
)
CENTER_SUPERVISORS = tuple(p for p in PRACTITIONERS if p.practice_id is None)
PARTNER_ORDERERS = tuple(p for p in PRACTITIONERS if p.practice_id == "demo-partner")


def _home(line1: str, city: str, postal_code: str, line2: str | None = None) -> Address:
    return Address(line1=line1, line2=line2, city=city, state="MA", postal_code=postal_code)


# patient id (demo.py) -> (family, given, middle, home, phone)
DEMOGRAPHICS: dict[UUID, tuple[str, str, str | None, Address, str]] = {
    UUID("5e1c0000-0000-4000-8000-000000001001"): (
        "Kowalczyk", "Nadia", "J", _home("48 Linden Ave", "Somerville", "021433517"),
        "6175550148"),
    UUID("5e1c0000-0000-4000-8000-000000001002"): (
        "Brennan", "Theo", None, _home("17 Orchard Hill Rd", "Newton", "024581902"),
        "6175550117"),
    UUID("5e1c0000-0000-4000-8000-000000001003"): (
        "Lindqvist", "Walter", "E", _home("9 Quarry St", "Quincy", "021692284", "Apt 2"),
        "6175550109"),
    UUID("5e1c0000-0000-4000-8000-000000002001"): (
        "Delgado", "Rosa", None, _home("230 Elm St", "Cambridge", "021396011"),
        "6175550230"),
}
# The child's plan is his mother's (a dependent: 2000C on the 837P).
_CLAIRE = Person(family_name="Brennan", given_name="Claire", birth_date=date(1981, 3, 14),
                 sex="female", address=_home("17 Orchard Hill Rd", "Newton", "024581902"),
                 phone="6175550117")
COVERAGES: dict[UUID, tuple[CoverageChanges, ...]] = {
    UUID("5e1c0000-0000-4000-8000-000000001001"): (CoverageChanges(
        payer_id="summit-health", plan_id="summit-ppo", member_id="S40718862",
        group_number="GRP20417", relationship="self", priority="primary"),),
    UUID("5e1c0000-0000-4000-8000-000000001002"): (CoverageChanges(
        payer_id="summit-health", plan_id="summit-ppo", member_id="S40733105",
        group_number="GRP55120", relationship="child", subscriber=_CLAIRE,
        priority="primary"),),
    UUID("5e1c0000-0000-4000-8000-000000001003"): (CoverageChanges(
        payer_id="medicare", plan_id="part-b", member_id="3TC7QR8FK22", relationship="self",
        priority="primary", effective_from=date(2020, 1, 1)),),
    UUID("5e1c0000-0000-4000-8000-000000002001"): (CoverageChanges(
        payer_id="river-medicaid", plan_id="river-mco", member_id="RM7731420",
        relationship="self", priority="primary"),),
}


async def seed_identities(uow: OrdersUnitOfWork, now: datetime) -> None:
    async with uow:
        for p in PRACTITIONERS:
            if await uow.practitioners.get(p.id) is None:
                await uow.practitioners.add(replace(p, created_at=now, updated_at=now))
        for patient_id, (family, given, middle, home, phone) in DEMOGRAPHICS.items():
            record = await uow.patients.get(patient_id)
            if record is None:
                continue
            if await uow.demographics.get(patient_id) is None:
                person = Person(family_name=family, given_name=given, middle_name=middle,
                                birth_date=record.facts.birth_date,
                                sex=admin_sex(record.facts.sex), address=home, phone=phone)
                await identity.write_demographics(uow, record, person, SEED_SCOPE, now)
            if not await uow.coverages.of_patient(patient_id):
                for fields in COVERAGES.get(patient_id, ()):
                    coverage = identity.new_coverage(patient_id, fields, SEED_SCOPE, now)
                    await identity.write_coverage(uow, record, coverage, SEED_SCOPE, now)
        await uow.commit()
