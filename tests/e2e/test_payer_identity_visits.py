"""Visits billed with real identities, through the gateway only (issue 13, items 3 and 6).

A Traditional Medicare patient's ketorolac cocktail, ordered without a ``plan_id`` (the
contract allows it: Medicare's only plan is used, and Part B drugs without a policy need no
PA), goes from the partner's order to a paid claim; its 837P carries the patient as the
subscriber (2000B SBR*P*18, 2010BA name / MBI / home address / birth date), the supervising
clinician as the rendering provider (2310B NM1*82 + PRV*PE), the partner's neurologist as the
orderer (2420E NM1*DK) and the infusion clinic's taxonomy (PRV*BI*PXC*261QI0500X). A child on
a parent's commercial plan is billed as a dependent (2000C PAT*19, 2010CA with the child's own
address and birth date).

The people are invented (bench/people.py); the practitioners are the orders demo seed's.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from uuid import UUID

import pytest
from chairside_client.api.authorization import get_authorizations
from chairside_client.models import AuthorizationAuthorizationPage

from bench import people

from .visits import (
    PARTNER_ORDERER,
    STOCK,
    SUPERVISOR,
    give,
    local_date,
    medicare,
    new_order,
    new_patient,
    pay,
    sign,
    status_of,
    submit_and_export,
    visit,
    visit_when,
)

pytestmark = pytest.mark.e2e
BILLING_STREET = "100 MAIN ST"  # the clinic (reimbursement demo billing identity)
STAND_INS = ("ON FILE", "RENDERING", "UNKNOWN", "JOHN DOE", "TEST")

# A Medicare migraine cocktail around ketorolac (catalog doses, protocol ed-style-cocktail).
KETOROLAC_COCKTAIL = [
    {"sequence": 1, "drug_code": "prochlorperazine", "dose": "10", "dose_unit": "mg",
     "mode": "infusion", "minutes": 15},
    {"sequence": 2, "drug_code": "diphenhydramine", "dose": "25", "dose_unit": "mg",
     "mode": "push", "minutes": 2},
    {"sequence": 3, "drug_code": "ketorolac", "dose": "30", "dose_unit": "mg", "mode": "push",
     "minutes": 1},
]
# protocol pediatric-cocktail for a 25 kg child (0.15 / 1 / 0.5 mg/kg)
PEDIATRIC_COCKTAIL = [
    {"sequence": 1, "drug_code": "prochlorperazine", "dose": "3.75", "dose_unit": "mg",
     "mode": "infusion", "minutes": 10},
    {"sequence": 2, "drug_code": "diphenhydramine", "dose": "25", "dose_unit": "mg",
     "mode": "push", "minutes": 2},
    {"sequence": 3, "drug_code": "ketorolac", "dose": "12.5", "dose_unit": "mg",
     "mode": "push", "minutes": 1},
]


def segments(x12: str) -> list[str]:
    return [s.strip() for s in x12.split("~") if s.strip()]


def after(segs: list[str], prefix: str, n: int = 4) -> list[str]:
    """The segment starting with ``prefix`` and the ``n - 1`` that follow it."""
    [i] = [k for k, s in enumerate(segs) if s.startswith(prefix)]
    return segs[i:i + n]


def name_segment(qualifier: str, person: dict, id_qual: str = "", ident: str = "") -> str:
    parts = ["NM1", qualifier, "1", person["family_name"].upper(),
             person["given_name"].upper(), (person.get("middle_name") or "").upper(), "", "",
             id_qual, ident]
    while parts[-1] == "":
        parts.pop()
    return "*".join(parts)


def address_segments(address: dict) -> list[str]:
    n3 = "N3*" + address["line1"].upper() + (f"*{address['line2'].upper()}"
                                             if address.get("line2") else "")
    return [n3, f"N4*{address['city'].upper()}*{address['state']}*{address['postal_code']}"]


def dmg(birth_date: str, sex: str) -> str:
    return f"DMG*D8*{birth_date.replace('-', '')}*{sex[0].upper()}"


def assert_no_stand_ins(x12: str, *people_: dict) -> None:
    for word in STAND_INS:
        assert word not in x12, word
    assert x12.count(BILLING_STREET) == 1  # 2010AA only: nobody "lives" at the clinic
    for p in people_:
        assert p["address"]["line1"].upper() != BILLING_STREET


def practitioner_segments(qualifier: str, who) -> str:
    return f"NM1*{qualifier}*1*{who.family_name.upper()}*{who.given_name.upper()}****XX*{who.npi}"


async def run_visit(stack, api, patient: dict, lines: list[dict], payer: dict, *,
                    wasted: dict[int, str] | None = None) -> tuple[dict, str]:
    """Order (partner), sign, book without PA, give, complete: the claim and its 837P."""
    draft = await new_order(api, patient["id"], lines, urgency="same_day", payer=payer)
    oid = draft["id"]
    assert draft["ordering_practitioner_id"] == str(PARTNER_ORDERER.id)
    assert draft["coverage_id"] is not None  # the patient's coverage with the order's payer
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["authorization_status"] == "not_required"
                         and v["order"]["status"] == "scheduled", "booked without PA",
                         who="demo-partner")
    assert v["authorization"] is None  # no PA case opened
    cases = await api.wire(AuthorizationAuthorizationPage, get_authorizations.asyncio_detailed,
                           client=await api.as_(), order_id=UUID(oid))
    assert cases["items"] == []
    done = await give(api, v["order"], v["appointment"]["id"], wasted=wasted)
    assert done["status"] == "administered"
    assert done["supervising_practitioner_id"] == str(SUPERVISOR.id)
    v = await visit_when(api, oid, lambda v: v["claim"] is not None, "claim built")
    claim = v["claim"]
    assert claim["status"] == "ready", claim["reviews"]
    assert claim["service_date"] == local_date(stack, done["administrations"][0]["started_at"])
    return claim, await submit_and_export(api, claim)


async def test_traditional_medicare_ketorolac_cocktail_without_plan_to_a_paid_claim(
        stack, api):
    payer = medicare(plan_id=None)
    assert "plan_id" not in payer
    who = people.demographics("male")
    birth = "1951-08-23"
    patient = await new_patient(api, birth_date=birth, sex="male", weight_kg=82, payer=payer,
                                demographics=who)
    claim, x12 = await run_visit(stack, api, patient, KETOROLAC_COCKTAIL, payer)
    assert claim["payer_id"] == "medicare" and claim["auth_number"] is None
    assert claim["rendering_npi"] == SUPERVISOR.npi
    assert [ln["code"] for ln in claim["lines"] if ln["kind"] == "drug"] == [
        "J0780", "J1200", "J1885"]
    assert {ln["ndc"] for ln in claim["lines"] if ln["kind"] == "drug"} == {
        STOCK["prochlorperazine"][0], STOCK["diphenhydramine"][0], STOCK["ketorolac"][0]}

    segs = segments(x12)
    # 2000A / 2010AA: the infusion clinic's own taxonomy (not an individual's)
    assert "PRV*BI*PXC*261QI0500X" in segs
    # 2000B: the patient is the subscriber (SBR02 18, HL04 0), Medicare Part B (SBR09 MB)
    hl, sbr, nm1, n3, n4, demo = after(segs, "HL*2*", 6)
    assert hl.endswith("*22*0") and sbr == "SBR*P*18*******MB"
    # 2010BA: name, MBI, home address and birth date as on the card
    assert nm1 == name_segment("IL", who, "MI", payer["member_id"])
    assert [n3, n4] == address_segments(who["address"])
    assert demo == dmg(birth, "male")
    assert not [s for s in segs if s.startswith(("PAT*", "NM1*QC*"))]
    # 2310B: the supervising clinician renders (incident-to), with their own taxonomy
    assert after(segs, "NM1*82*", 2) == [practitioner_segments("82", SUPERVISOR),
                                         f"PRV*PE*PXC*{SUPERVISOR.taxonomy}"]
    # 2420E: the partner's neurologist ordered (not the supervisor): on every line
    orderer = practitioner_segments("DK", PARTNER_ORDERER)
    assert segs.count(orderer) == len(claim["lines"])
    assert_no_stand_ins(x12, who)

    paid = await pay(api, claim)
    assert paid["status"] == "paid"
    final = await visit(api, claim["order_id"])
    assert final["order"]["status"] == "administered" and final["claim"]["status"] == "paid"


async def test_a_child_on_a_parents_plan_is_billed_as_a_dependent(stack, api):
    """2000B names the parent (the subscriber, no SBR02), 2000C PAT*19, 2010CA the child with
    the child's own home (the parents live apart) and birth date."""
    payer = {"payer_id": "summit-health", "plan_id": "summit-ppo",
             "member_id": people.commercial_member("S")}
    child_home, parent_home = people.home(), people.home()
    while parent_home["line1"] == child_home["line1"]:
        parent_home = people.home()
    family = "Halloran"
    child = people.demographics("male", family=family, address=child_home)
    parent = people.subscriber("female", date(1984, 2, 9), family=family, address=parent_home)
    today = datetime.now(UTC).date()
    birth = today.replace(year=today.year - 9, day=min(today.day, 28)).isoformat()
    coverage = people.coverage(payer, relationship="child", subscriber=parent,
                               group_number=f"GRP{uuid.uuid4().int % 10**5:05d}")
    patient = await new_patient(api, birth_date=birth, sex="male", weight_kg=25,
                                coverage=coverage, demographics=child)
    # what is left in the 50 mg diphenhydramine and 30 mg ketorolac vials is discarded
    claim, x12 = await run_visit(stack, api, patient, PEDIATRIC_COCKTAIL, payer,
                                 wasted={2: "25", 3: "17.5"})
    assert claim["payer_id"] == "summit-health"

    segs = segments(x12)
    hl, sbr, nm1 = after(segs, "HL*2*", 3)
    assert hl.endswith("*22*1")  # a patient level follows
    assert sbr == f"SBR*P**{coverage['group_number']}******CI"
    assert nm1 == name_segment("IL", parent, "MI", payer["member_id"])
    hl3, pat, qc, n3, n4, demo = after(segs, "HL*3*", 6)
    assert hl3 == "HL*3*2*23*0" and pat == "PAT*19"
    assert qc == name_segment("QC", child)
    assert [n3, n4] == address_segments(child_home)
    assert demo == dmg(birth, "male")
    assert "\n".join(address_segments(parent_home)) not in "\n".join(segs[segs.index(hl3):])
    assert_no_stand_ins(x12, child, parent)

    paid = await pay(api, claim)
    assert paid["status"] == "paid"
