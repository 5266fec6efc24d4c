"""ClaimDraft -> X12 837P 005010X222A1 text (one or many claims in one interchange).

Loop map: 1000A submitter, 1000B receiver, 2000A/2010AA billing provider, 2000B/2010BA
subscriber (the patient is the subscriber: SBR02 = 18; dependents are not modelled yet),
2010BB payer, 2300 claim (CLM, REF*G1, HI), 2310B rendering provider, 2400 lines (LX, SV1,
DTP*472), 2410 drug identification (LIN N4, CTP quantity + unit).

Patient demographics are passed in at render time and never stored by this service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reimbursement.adapters.x12.envelope import Interchange, clean, composite, segment
from reimbursement.domain.claim import ClaimDraft, ClaimLine
from reimbursement.domain.money import ZERO, fmt_amount

VERSION = "005010X222A1"


class RenderError(ValueError):
    """The claim cannot be rendered (e.g. it still needs review)."""


@dataclass(frozen=True, slots=True)
class Address:
    line1: str
    city: str
    state: str
    postal_code: str  # 2010AA needs the 9-digit ZIP


@dataclass(frozen=True, slots=True)
class BillingProvider:
    name: str
    npi: str
    tax_id: str  # EIN, digits only
    address: Address
    taxonomy: str | None = None


@dataclass(frozen=True, slots=True)
class Submitter:
    name: str
    id: str
    contact_name: str
    phone: str


@dataclass(frozen=True, slots=True)
class Subscriber:
    member_id: str
    last_name: str
    first_name: str
    birth_date: date
    sex: str  # F / M / U
    address: Address
    group_number: str | None = None


@dataclass(frozen=True, slots=True)
class PayerParty:
    name: str
    payer_id: str  # electronic payer id (NM109, qualifier PI)
    claim_filing: str  # SBR09


@dataclass(frozen=True, slots=True)
class Provider:
    npi: str
    last_name: str
    first_name: str
    taxonomy: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimToRender:
    claim: ClaimDraft
    account_number: str  # CLM01, echoed back as CLP01 in the 835
    subscriber: Subscriber
    payer: PayerParty
    rendering: Provider


def render_837p(
    claims: Sequence[ClaimToRender], *, submitter: Submitter, receiver_name: str,
    receiver_id: str, billing: BillingProvider, control_number: int, created_at: datetime,
    usage: str = "T",
) -> str:
    """One interchange, one transaction set, one billing provider, N claims."""
    if not claims:
        raise RenderError("nothing to render")
    for item in claims:
        if item.claim.status == "needs_review":
            raise RenderError(f"claim for order {item.claim.order_id} still needs review")
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
        segment("HL", "1", "", "20", "1"),
    ]
    if billing.taxonomy:
        body.append(segment("PRV", "BI", "PXC", clean(billing.taxonomy)))
    body += [
        segment("NM1", "85", "2", clean(billing.name, 60), "", "", "", "", "XX", billing.npi),
        *_address(billing.address),
        segment("REF", "EI", _digits(billing.tax_id)),
    ]
    for index, item in enumerate(claims):
        body += _subscriber_and_claim(item, hl_id=index + 2)
    segments = [env.isa(), env.gs("HC", VERSION), *body,
                segment("SE", len(body) + 1, st_control), env.ge(1), env.iea()]
    return "\n".join(segments) + "\n"


def _subscriber_and_claim(item: ClaimToRender, hl_id: int) -> list[str]:
    claim, sub = item.claim, item.subscriber
    out = [
        segment("HL", hl_id, "1", "22", "0"),
        segment("SBR", "P", "18", clean(sub.group_number or "", 50), "", "", "", "", "",
                item.payer.claim_filing),
        segment("NM1", "IL", "1", clean(sub.last_name, 60), clean(sub.first_name, 35), "", "",
                "", "MI", clean(sub.member_id, 80)),
        *_address(sub.address),
        segment("DMG", "D8", sub.birth_date.strftime("%Y%m%d"), clean(sub.sex, 1)),
        segment("NM1", "PR", "2", clean(item.payer.name, 60), "", "", "", "", "PI",
                clean(item.payer.payer_id, 80)),
        segment("CLM", clean(item.account_number, 38), fmt_amount(claim.total_charge), "", "",
                composite(claim.place_of_service, "B", "1"), "Y", "A", "Y", "Y"),
    ]
    if claim.auth_number:
        out.append(segment("REF", "G1", clean(claim.auth_number, 50)))
    out.append(segment("HI", *(composite("ABK" if i == 0 else "ABF", code)
                               for i, code in enumerate(claim.diagnoses))))
    r = item.rendering
    out.append(segment("NM1", "82", "1", clean(r.last_name, 60), clean(r.first_name, 35), "", "",
                       "", "XX", r.npi))
    if r.taxonomy:
        out.append(segment("PRV", "PE", "PXC", clean(r.taxonomy)))
    for line in claim.lines:
        out += _service_line(line, claim.service_date)
    return out


def _service_line(line: ClaimLine, service_date: date) -> list[str]:
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
    return out


def _address(address: Address) -> list[str]:
    return [segment("N3", clean(address.line1, 55)),
            segment("N4", clean(address.city, 30), clean(address.state, 2),
                    _digits(address.postal_code))]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
