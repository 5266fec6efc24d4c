"""The 270 eligibility inquiry (005010X279A1) for one ``Inquiry``.

2100A payer (NM1*PR, PI), 2100B provider (NM1*1P, XX = NPI), 2100C subscriber (NM1*IL, MI =
member id, name, DMG birth date and sex), DTP*291 date of service, one EQ per service type
(30 plan coverage, 1 medical care); a dependent patient (relationship other than self) goes in
2000D/2100D (NM1*03) with its own DMG, DTP and EQs, the subscriber staying in 2100C. Text is
upper-case X12 basic characters; the delimiters can never appear inside an element.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from ..domain.eligibility import Inquiry, Provider
from ..domain.identity import Person

GUIDE = "005010X279A1"
_SEX = {"female": "F", "male": "M"}
_ALLOWED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-'&/()")


@dataclass(frozen=True)
class Envelope:
    sender_id: str  # ISA06 / GS02, up to 15
    receiver_id: str  # ISA08 / GS03, up to 15
    originator_id: str  # TRN03, 10 characters ("9" + an id of ours)
    usage: str  # ISA15: T test, P production
    control: int  # ISA13 / GS06, 1..999999999


def text(value: str | None, limit: int) -> str:
    """Upper-case X12 basic characters, accents folded, separators impossible."""
    if not value:
        return ""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().upper()
    cleaned = "".join(ch if ch in _ALLOWED else " " for ch in folded)
    return " ".join(cleaned.split())[:limit].strip()


def _d8(d: date) -> str:
    return d.strftime("%Y%m%d")


def _person(code: str, p: Person, member_id: str | None = None) -> list[str]:
    nm1 = ["NM1", code, "1", text(p.family_name, 60), text(p.given_name, 35),
           text(p.middle_name, 25), "", ""]
    if member_id:
        nm1 += ["MI", text(member_id, 80).replace(" ", "")]
    if p.birth_date is None:  # build_inquiry refuses a member without one
        return [_join(nm1)]
    dmg = ["DMG", "D8", _d8(p.birth_date)] + ([_SEX[p.sex]] if p.sex in _SEX else [])
    return [_join(nm1), _join(dmg)]


def _join(elements: list[str]) -> str:
    while elements and elements[-1] == "":
        elements = elements[:-1]
    return "*".join(elements)


def _provider(p: Provider) -> str:
    if p.is_person:
        return _join(["NM1", "1P", "1", text(p.name, 60), text(p.given_name, 35), "", "", "",
                      "XX", p.npi])
    return _join(["NM1", "1P", "2", text(p.name, 60), "", "", "", "", "XX", p.npi])


def _asks(inq: Inquiry) -> list[str]:
    return [f"DTP*291*D8*{_d8(inq.service_date)}", *(f"EQ*{t}" for t in inq.service_types)]


def render_270(inq: Inquiry, env: Envelope, now: datetime) -> str:
    ref = text(inq.reference, 50).replace(" ", "")
    trn = f"TRN*1*{ref}*{env.originator_id}"
    body = [
        f"ST*270*0001*{GUIDE}",
        f"BHT*0022*13*{ref}*{now:%Y%m%d}*{now:%H%M}",
        "HL*1**20*1",
        _join(["NM1", "PR", "2", text(inq.payer_name, 60) or text(inq.payer_id, 60), "", "",
               "", "", "PI", text(inq.payer_id, 80).replace(" ", "")]),
        "HL*2*1*21*1",
        _provider(inq.provider),
        f"HL*3*2*22*{1 if inq.dependent else 0}",
    ]
    if inq.dependent is None:
        body += [trn, *_person("IL", inq.subscriber, inq.member_id), *_asks(inq)]
    else:
        body += [*_person("IL", inq.subscriber, inq.member_id), "HL*4*3*23*0", trn,
                 *_person("03", inq.dependent), *_asks(inq)]
    body.append(f"SE*{len(body) + 1}*0001")
    sender, receiver = text(env.sender_id, 15), text(env.receiver_id, 15)
    isa = (f"ISA*00*{'':10}*00*{'':10}*ZZ*{sender:<15}*ZZ*{receiver:<15}*{now:%y%m%d}*"
           f"{now:%H%M}*^*00501*{env.control:09d}*0*{env.usage}*:")
    segments = [isa, f"GS*HS*{sender}*{receiver}*{now:%Y%m%d}*{now:%H%M}*{env.control}*X*{GUIDE}",
                *body, f"GE*1*{env.control}", f"IEA*1*{env.control:09d}"]
    return "~\n".join(segments) + "~\n"
