"""Invented people for the demo day and the end-to-end tests: legal names, Massachusetts home
addresses (never the clinic's, 100 Main St, Boston), phones in the 555-01xx range reserved
for fiction, Medicare Beneficiary Identifiers in CMS's format, commercial member ids.

Nothing here is anyone's: names are drawn from common given and family names, streets and
house numbers at random. Practitioners are the orders demo seed's (fixed ids, valid NPIs):
the gateway does not list them yet.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from orders.seed.demo_identity import CENTER_SUPERVISORS, PARTNER_ORDERERS, PRACTITIONERS

GIVEN = {"female": ["Nadia", "Grace", "Lucia", "Hannah", "Maya", "Ingrid", "Renee", "Aisha",
                    "Beatriz", "Colleen", "Mei", "Tamsin", "Yolanda", "Sofia"],
         "male": ["Walter", "Theo", "Rafael", "Desmond", "Emil", "Jamal", "Kenji", "Declan",
                  "Mateo", "Owen", "Tobias", "Victor", "Anand", "Silas"]}
FAMILY = ["Kowalczyk", "Brennan", "Lindqvist", "Delgado", "Okonkwo", "Ferreira", "Nakamura",
          "Halloran", "Petrosyan", "Whitcombe", "Szabo", "Oyelaran", "Marchetti", "Thibodeau",
          "Castellano", "Rahimi", "Vasquez", "Bergstrom", "MacAllister", "Duarte"]
STREETS = ["Linden Ave", "Orchard Hill Rd", "Quarry St", "Elm St", "Prospect St", "Beacon St",
           "Chestnut Ter", "Walnut Park", "Highland Ave", "Pleasant St", "Cedar Ln",
           "Harvard St", "Washington St", "Maple Ave", "Centre St", "Forest Hills St"]
# (city, ZIP) pairs that belong together
TOWNS = [("Somerville", "02143"), ("Newton", "02458"), ("Quincy", "02169"),
         ("Cambridge", "02139"), ("Brookline", "02446"), ("Medford", "02155"),
         ("Arlington", "02474"), ("Waltham", "02453"), ("Dorchester", "02124"),
         ("Jamaica Plain", "02130"), ("Malden", "02148"), ("Watertown", "02472")]
# MBI positions: 1 = 1-9, letters never S L O I B Z (CMS MBI format)
_MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
_MBI_DIGIT = "0123456789"


def mbi() -> str:
    """A Medicare Beneficiary Identifier in CMS's 11-character format (C A AN N A AN N A A
    N N); made up, as every value here."""
    an = _MBI_ALPHA + _MBI_DIGIT
    pattern = ["123456789", _MBI_ALPHA, an, _MBI_DIGIT, _MBI_ALPHA, an, _MBI_DIGIT,
               _MBI_ALPHA, _MBI_ALPHA, _MBI_DIGIT, _MBI_DIGIT]
    return "".join(random.choice(chars) for chars in pattern)


def commercial_member(prefix: str = "S") -> str:
    return prefix + "".join(random.choice(_MBI_DIGIT) for _ in range(8))


def home() -> dict:
    city, zip5 = random.choice(TOWNS)
    address = {"line1": f"{random.randint(3, 480)} {random.choice(STREETS)}", "line2": None,
               "city": city, "state": "MA", "postal_code": f"{zip5}{random.randint(1000, 9999)}"}
    if random.random() < 0.25:
        address["line2"] = f"Apt {random.randint(1, 12)}"
    return address


def phone() -> str:
    return f"617555{random.randint(100, 199):04d}"  # 555-0100..0199: fictional numbers


def demographics(sex: str, *, family: str | None = None, address: dict | None = None) -> dict:
    """The ``demographics`` of a new patient (birth date and sex are the patient's own)."""
    given = random.choice(GIVEN.get(sex) or GIVEN["female"] + GIVEN["male"])
    return {"family_name": family or random.choice(FAMILY), "given_name": given,
            "middle_name": random.choice([None, "A", "J", "M", "R"]),
            "address": address or home(), "phone": phone()}


def subscriber(sex: str, birth_date: date, *, family: str, address: dict) -> dict:
    """A parent or spouse who holds the plan (the contract's Person shape)."""
    return {**demographics(sex, family=family, address=address),
            "birth_date": birth_date.isoformat(), "sex": sex}


def coverage(payer: dict, *, relationship: str = "self", subscriber: dict | None = None,
             group_number: str | None = None) -> dict:
    """A coverage for the order's payer: same payer id, plan and member id as the order's."""
    return {"payer_id": payer["payer_id"], "plan_id": payer.get("plan_id"),
            "member_id": payer["member_id"], "group_number": group_number,
            "relationship": relationship, "subscriber": subscriber, "priority": "primary"}


def member_of(payer: dict) -> dict:
    """The payer with a member id of the patient's own, in the payer's format."""
    made = {"medicare": mbi, "summit-health": lambda: commercial_member("S"),
            "river-medicaid": lambda: commercial_member("RM")}[payer["payer_id"]]
    return payer | {"member_id": made()}


def identify(body: dict, payer: dict, *, dependent: bool = False) -> None:
    """Adds invented demographics and the coverage the order's payer picks to a new patient's
    ``body``; a dependent child's plan is a parent's (the subscriber, with the parent's own
    demographics), and now and then the parents live apart (the child's home is not the
    subscriber's)."""
    sex = body["sex"] if body["sex"] in ("female", "male") else "female"
    body["demographics"] = demographics(sex)
    if not dependent:
        body["coverages"] = [coverage(payer)]
        return
    family, address = body["demographics"]["family_name"], body["demographics"]["address"]
    if random.random() < 0.3:
        address = home()
    today = datetime.now(UTC).date()
    born = date(today.year - random.randint(30, 48), random.randint(1, 12), random.randint(1, 28))
    body["coverages"] = [coverage(
        payer, relationship="child", group_number=f"GRP{random.randint(10000, 99999)}",
        subscriber=subscriber(random.choice(["female", "male"]), born, family=family,
                              address=address))]


__all__ = ["CENTER_SUPERVISORS", "PARTNER_ORDERERS", "PRACTITIONERS", "commercial_member",
           "coverage", "demographics", "home", "identify", "mbi", "member_of", "phone",
           "subscriber"]
