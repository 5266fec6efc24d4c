"""ClaimDraft + its parties -> X12 837P 005010X222A1 text (one or many claims, one interchange).

Loop map (payer-exchange.md §1): 1000A submitter, 1000B receiver; 2000A billing provider
(PRV*BI taxonomy) with 2010AA (NM1*85 XX NPI, N3 street, N4 ZIP+4, REF*EI) and 2010AB pay-to
(NM1*87, only when the practice records one); 2000B subscriber (SBR01 payer responsibility,
SBR02 ``18`` and HL04 ``0`` when the patient is the subscriber) with 2010BA (NM1*IL MI member
id; N3/N4/DMG when the patient is the subscriber) and 2010BB payer (NM1*PR PI); for a
dependent, SBR02 empty, HL04 ``1`` and 2000C (PAT01 01 spouse / 19 child / G8 other) with
2010CA (NM1*QC, the patient's own N3/N4/DMG); 2300 claim (CLM with CLM05-3 frequency 1/7/8,
REF*G1, REF*F8 = the payer's ICN for a replacement or void, REF*P4 = the registry number of a
coverage-with-evidence-development study (NCD 200.3), HI); 2310B rendering
provider = the supervising practitioner (NM1*82 + PRV*PE), when not the billing NPI; 2400 lines
(LX, SV1, DTP*472) with 2410 drug identification (LIN N4, CTP) and 2420E ordering provider
(NM1*DK) when the orderer is not the supervisor.

For a dependent the subscriber's address, birth date and sex are not sent: the TR3 requires
them only when the patient is the subscriber, and payment disclosures carry the minimum
necessary (payer-exchange.md §1.5). Claims are grouped under one 2000A per billing taxonomy
(the payer enrollment's PRV*BI may differ by payer).

The parties are read from orders at export time and never stored by this service. Nothing is
ever written as a stand-in: a claim that lacks an item, or whose parties carry a placeholder,
is refused (RenderError) before any text is produced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reimbursement.adapters.x12.envelope import Interchange, clean, composite, segment
from reimbursement.adapters.x12.render_837_cob import PriorPayer, cob_loops
from reimbursement.domain.claim import ClaimDraft, ClaimLine
from reimbursement.domain.holds import hold_items
from reimbursement.domain.money import ZERO, fmt_amount
from reimbursement.domain.parties import (
    PAT01,
    SBR01,
    ClaimParties,
    Person,
    Practitioner,
    stand_ins,
)
from reimbursement.domain.practice import BillingIdentity, PostalAddress

VERSION = "005010X222A1"
_SEX = {"female": "F", "male": "M", "unknown": "U"}


class RenderError(ValueError):
    """The claim cannot be rendered (it needs review, is held, or lacks an identity)."""


@dataclass(frozen=True, slots=True)
class Submitter:
    name: str
    id: str
    contact_name: str
    phone: str


@dataclass(frozen=True, slots=True)
class PayerParty:
    name: str
    payer_id: str  # electronic payer id (NM109, qualifier PI)
    claim_filing: str  # SBR09


@dataclass(frozen=True, slots=True)
class ClaimToRender:
    claim: ClaimDraft
    account_number: str  # CLM01 of this version, echoed back as CLP01 in the 835
    parties: ClaimParties
    payer: PayerParty
    # A secondary claim: the payers before this one (2320/2330/2430, render_837_cob.py).
    prior_payers: tuple[PriorPayer, ...] = ()
    frequency: str = "1"  # CLM05-3: 1 original, 7 replacement, 8 void
    original_icn: str | None = None  # 2300 REF*F8, required for 7 and 8


def render_837p(
    claims: Sequence[ClaimToRender], *, submitter: Submitter, receiver_name: str,
    receiver_id: str, control_number: int, created_at: datetime, usage: str = "T",
) -> str:
    """One interchange, one transaction set, a 2000A per billing taxonomy, N claims."""
    if not claims:
        raise RenderError("nothing to render")
    for item in claims:
        _refuse_incomplete(item)
    env = Interchange(submitter.id, receiver_id, control_number, created_at, usage)
    st_control = f"{control_number % 10000:04d}"
    body: list[str] = [
        segment("ST", "837", st_control, VERSION),
        segment("BHT", "0019", "00", f"B{control_number}", created_at.strftime("%Y%m%d"),
                created_at.strftime("%H%M"), "CH"),
        segment("NM1", "41", "2", clean(submitter.name, 60), "", "", "", "", "46",
                clean(submitter.id, 80)),
        segment("PER", "IC", clean(submitter.contact_name, 60), "TE", _digits(submitter.phone)),
        segment("NM1", "40", "2", clean(receiver_name, 60), "", "", "", "", "46",
                clean(receiver_id, 80)),
    ]
    groups: dict[tuple[str, str], list[ClaimToRender]] = {}
    for item in claims:
        groups.setdefault((item.parties.billing.npi, item.parties.billing_taxonomy),
                          []).append(item)
    hl = 0
    for (_, taxonomy), items in groups.items():
        hl += 1
        provider_hl = hl
        body += _billing_provider(provider_hl, items[0].parties.billing, taxonomy)
        for item in items:
            segments, hl = _subscriber_and_claim(item, provider_hl, hl)
            body += segments
    segments = [env.isa(), env.gs("HC", VERSION), *body,
                segment("SE", len(body) + 1, st_control), env.ge(1), env.iea()]
    return "\n".join(segments) + "\n"


def _refuse_incomplete(item: ClaimToRender) -> None:
    claim = item.claim
    if item.frequency in {"7", "8"} and not item.original_icn:
        raise RenderError(f"claim {item.account_number}: frequency {item.frequency} needs "
                          "REF*F8, the payer's claim control number")
    if claim.status in {"needs_review", "held"}:
        raise RenderError(f"claim for order {claim.order_id} is {claim.status}")
    if any(ln.kind == "drug" and not ln.ndc for ln in claim.lines):
        raise RenderError(f"claim for order {claim.order_id} has a drug line without an NDC")
    if found := stand_ins(item.parties):
        raise RenderError(f"claim for order {claim.order_id} lacks: "
                          + ", ".join(hold_items(found)))


def _billing_provider(hl: int, billing: BillingIdentity, taxonomy: str) -> list[str]:
    out = [
        segment("HL", hl, "", "20", "1"),
        segment("PRV", "BI", "PXC", clean(taxonomy)),
        segment("NM1", "85", "2", clean(billing.name, 60), "", "", "", "", "XX", billing.npi),
        *_address(billing.address),
        segment("REF", "EI", _digits(billing.ein)),
    ]
    if billing.pay_to is not None:
        out += [segment("NM1", "87", "2"), *_address(billing.pay_to)]
    return out


def _subscriber_and_claim(item: ClaimToRender, parent: int, hl: int) -> tuple[list[str], int]:
    claim, parties = item.claim, item.parties
    coverage = parties.coverage
    self_pay = coverage.relationship == "self"
    subscriber_hl = hl + 1
    out = [
        segment("HL", subscriber_hl, parent, "22", "0" if self_pay else "1"),
        segment("SBR", SBR01[coverage.priority], "18" if self_pay else "",
                clean(coverage.group_number or "", 50), "", "", "", "", "",
                item.payer.claim_filing),
        _person_name("IL", parties.subscriber, "MI", clean(coverage.member_id, 80)),
    ]
    if self_pay:
        out += _demographics(parties.patient)
    out.append(segment("NM1", "PR", "2", clean(item.payer.name, 60), "", "", "", "", "PI",
                       clean(item.payer.payer_id, 80)))
    hl = subscriber_hl
    if not self_pay:
        hl += 1
        out += [segment("HL", hl, subscriber_hl, "23", "0"),
                segment("PAT", PAT01[coverage.relationship]),
                _person_name("QC", parties.patient), *_demographics(parties.patient)]
    out.append(segment("CLM", clean(item.account_number, 38), fmt_amount(claim.total_charge),
                       "", "", composite(claim.place_of_service, "B", item.frequency), "Y",
                       "A", "Y", "Y"))
    if claim.auth_number:
        out.append(segment("REF", "G1", clean(claim.auth_number, 50)))
    if item.frequency in {"7", "8"} and item.original_icn:
        out.append(segment("REF", "F8", clean(item.original_icn, 50)))
    if claim.registry_number:  # the TR3's 2300 REF order: G1, F8, ..., P4 (then 1J)
        out.append(segment("REF", "P4", clean(claim.registry_number, 50)))
    out.append(segment("HI", *(composite("ABK" if i == 0 else "ABF", code)
                               for i, code in enumerate(claim.diagnoses))))
    rendering = parties.rendering
    if rendering.npi != parties.billing.npi:
        out += [_provider_name("82", rendering),
                segment("PRV", "PE", "PXC", clean(rendering.taxonomy or ""))]
    cob_claim, cob_lines = cob_loops(item.prior_payers, claim.lines)
    out += cob_claim
    for line in claim.lines:
        out += _service_line(line, claim.service_date, parties.ordering)
        out += cob_lines[line.number]
    return out, hl


def _service_line(line: ClaimLine, service_date: date,
                  ordering: Practitioner | None) -> list[str]:
    mods = list(line.modifiers[:4]) + [""] * (4 - min(len(line.modifiers), 4))
    procedure = composite("HC", line.code, *mods, clean(line.description or "", 80))
    out = [
        segment("LX", line.number),
        segment("SV1", procedure, fmt_amount(line.charge), "UN", line.units, "", "",
                composite(*line.dx_pointers)),
        segment("DTP", "472", "D8", service_date.strftime("%Y%m%d")),
    ]
    if line.ndc:
        out += [segment("LIN", "", "N4", line.ndc),
                segment("CTP", "", "", "", fmt_amount(line.ndc_qty or ZERO), line.ndc_unit)]
    if ordering is not None:
        out.append(_provider_name("DK", ordering))
    return out


def _person_name(qualifier: str, person: Person, id_qualifier: str = "",
                 identifier: str = "") -> str:
    return segment("NM1", qualifier, "1", clean(person.family_name, 60),
                   clean(person.given_name, 35), clean(person.middle_name or "", 25), "", "",
                   id_qualifier, identifier)


def _provider_name(qualifier: str, who: Practitioner) -> str:
    return segment("NM1", qualifier, "1", clean(who.family_name, 60), clean(who.given_name, 35),
                   "", "", "", "XX", who.npi)


def _demographics(person: Person) -> list[str]:
    return [*_address(person.address),
            segment("DMG", "D8", person.birth_date.strftime("%Y%m%d"), _SEX[person.sex])]


def _address(address: PostalAddress) -> list[str]:
    return [segment("N3", clean(address.line1, 55), clean(address.line2 or "", 55)),
            segment("N4", clean(address.city, 30), clean(address.state, 2),
                    _digits(address.postal_code))]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
