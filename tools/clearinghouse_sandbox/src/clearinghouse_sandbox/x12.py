"""Reading a 270 and writing the 271 (or the 999 that rejects a bad 270), 005010X279A1.

The 270 is validated with x12sdk's 005010X279A1 models (the transaction set) and its envelope
models (ISA, GS); an inquiry that fails is answered with a 999 (005010X231A1) whose IK5/AK9 say
"rejected", as a clearinghouse's front end would. The 271 echoes the payer, the provider, the
inquiry's trace (TRN*2) and the member, then carries the benefits or the AAA rejection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from x12sdk.io import X12ModelReader
from x12sdk.v5010.segments import GsSegment, IsaSegment
from x12sdk.v5010.x12_270_005010X279A1.transaction_set import EligibilityInquiry

from .config import AAA_FOLLOW_UP, AAA_LOOP, Answer

GUIDE = "005010X279A1"


class BadInquiry(Exception):
    """The body is not a valid 005010X279A1 270; ``where`` names the place, never a value."""

    def __init__(self, where: str, st_control: str = "0001", gs_control: str = "1") -> None:
        super().__init__(where)
        self.where = where
        self.st_control = st_control
        self.gs_control = gs_control


@dataclass(frozen=True)
class Person:
    last: str
    first: str | None
    birth_date: str | None  # CCYYMMDD as sent
    sex: str | None


@dataclass(frozen=True)
class Inquiry:
    sender_id: str  # ISA06
    usage: str  # ISA15 T/P
    gs_control: str
    st_control: str
    reference: str  # BHT03
    payer_name: str
    payer_id: str
    provider_type: str  # NM102 1 person / 2 organization
    provider_name: str
    provider_first: str | None
    provider_npi: str
    trace: str  # 2000C TRN02
    trace_originator: str  # TRN03
    member_id: str | None
    subscriber: Person
    dependent: Person | None
    service_date: str | None
    service_types: tuple[str, ...]


def _envelope(text: str) -> tuple[list[str], list[list[str]]]:
    if len(text) < 106 or not text.startswith("ISA"):
        raise BadInquiry("ISA: the interchange must start with a 106-character ISA segment")
    sep, term = text[3], text[105]
    segments = [s.strip().split(sep) for s in text.replace("\n", "").replace("\r", "")
                .split(term) if s.strip()]
    isa = segments[0]
    try:
        IsaSegment(**dict(zip(list(IsaSegment.model_fields)[2:], isa[1:], strict=True)))
        gs = next(s for s in segments if s[0] == "GS")
        GsSegment(**dict(zip(list(GsSegment.model_fields)[2:], gs[1:], strict=True)))
    except (ValidationError, ValueError, StopIteration) as exc:
        raise BadInquiry("ISA/GS: the envelope is not valid") from exc
    if gs[1] != "HS" or gs[8] != GUIDE:
        raise BadInquiry(f"GS: expected a GS01 HS group of {GUIDE}", gs_control=gs[6])
    return isa, segments


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date | datetime):
        return value.strftime("%Y%m%d")
    return str(getattr(value, "value", value))


def _person(nm1: Any, dmg: Any) -> Person:
    return Person(last=nm1.name_last_or_organization_name, first=nm1.name_first,
                  birth_date=_str(dmg.date_time_period) if dmg else None,
                  sex=_str(dmg.gender_code) if dmg else None)


def read_270(text: str) -> Inquiry:
    isa, segments = _envelope(text)
    gs = next(s for s in segments if s[0] == "GS")
    st = next((s for s in segments if s[0] == "ST"), ["ST", "", "0001"])
    try:
        with X12ModelReader(text) as reader:
            models = list(reader.models())
    except ValidationError as exc:
        where = "; ".join(".".join(str(p) for p in e["loc"]) or e["type"]
                          for e in exc.errors(include_input=False))
        raise BadInquiry(f"270: {where}", st[2], gs[6]) from exc
    except (KeyError, ValueError, LookupError) as exc:
        raise BadInquiry(f"270: {type(exc).__name__}", st[2], gs[6]) from exc
    m = models[0] if len(models) == 1 else None
    if not isinstance(m, EligibilityInquiry):
        raise BadInquiry("ST: expected exactly one 270 transaction set", st[2], gs[6])
    source = m.loop_2000a[0]
    receiver = source.loop_2000b[0]
    subscriber = receiver.loop_2000c[0]
    c = subscriber.loop_2100c
    dependent = subscriber.loop_2000d[0].loop_2100d if subscriber.loop_2000d else None
    who = dependent or c
    loops = (dependent.loop_2110d if dependent else c.loop_2110c) or []
    types = tuple(t for lp in loops if lp.eq_segment
                  for t in (_str(x) for x in lp.eq_segment.service_type_code or []) if t)
    dtp = who.dtp_segment or c.dtp_segment
    patient_loop = subscriber.loop_2000d[0] if subscriber.loop_2000d else subscriber
    trns = patient_loop.trn_segment or subscriber.trn_segment or []
    trn = trns[0] if trns else None
    prov = receiver.loop_2100b.nm1_segment
    return Inquiry(
        sender_id=isa[6].strip(), usage=isa[15], gs_control=gs[6], st_control=st[2],
        reference=m.header.bht_segment.submitter_transactional_identifier,
        payer_name=source.loop_2100a.nm1_segment.name_last_or_organization_name,
        payer_id=source.loop_2100a.nm1_segment.identification_code or "",
        provider_type=_str(prov.entity_type_qualifier) or "2",
        provider_name=prov.name_last_or_organization_name, provider_first=prov.name_first,
        provider_npi=prov.identification_code or "",
        trace=trn.reference_identification_1 if trn else m.header.bht_segment
        .submitter_transactional_identifier,
        trace_originator=trn.originating_company_identifier if trn else "9CLEARHOUS",
        member_id=c.nm1_segment.identification_code,
        subscriber=_person(c.nm1_segment, c.dmg_segment),
        dependent=_person(dependent.nm1_segment, dependent.dmg_segment) if dependent else None,
        service_date=_str(dtp.date_time_period) if dtp else None,
        service_types=types or ("30",))


# --------------------------------------------------------------------------- writing
def _money(v: Decimal) -> str:
    return f"{v.normalize():f}"


def _percent(v: Decimal) -> str:
    text = f"{v:f}"
    return text[1:] if text.startswith("0.") else text  # .20, as payers send it


def _benefits(answer: Answer, types: tuple[str, ...]) -> list[str]:
    if answer.status == "inactive":
        return [f"EB*6**{t}" for t in types]
    out = [f"EB*1**{types[0]}**{answer.plan_name}"] + [f"EB*1**{t}" for t in types[1:]]
    for t in types:
        if answer.deductible is not None:
            out.append(f"EB*C*IND*{t}***23*{_money(answer.deductible)}*****Y")
        if answer.deductible_remaining is not None:
            out.append(f"EB*C*IND*{t}***29*{_money(answer.deductible_remaining)}*****Y")
        if answer.coinsurance is not None:
            out.append(f"EB*A*IND*{t}*****{_percent(answer.coinsurance)}****Y")
        if answer.copay is not None:
            out.append(f"EB*B*IND*{t}***27*{_money(answer.copay)}*****Y")
        if answer.out_of_pocket is not None:
            out.append(f"EB*G*IND*{t}***23*{_money(answer.out_of_pocket)}*****Y")
        if answer.out_of_pocket_remaining is not None:
            out.append(f"EB*G*IND*{t}***29*{_money(answer.out_of_pocket_remaining)}*****Y")
    return out


def _name(kind: str, p: Person, id_qual: str = "", ident: str | None = None) -> str:
    tail = f"****{id_qual}*{ident}" if ident else ""
    return f"NM1*{kind}*1*{p.last}*{p.first or ''}{tail}"


def _isa(sender: str, receiver: str, control: int, usage: str, now: datetime) -> str:
    return (f"ISA*00*{'':10}*00*{'':10}*ZZ*{sender:<15}*ZZ*{receiver:<15}*"
            f"{now:%y%m%d}*{now:%H%M}*^*00501*{control:09d}*0*{usage}*:")


def _wrap(body: list[str], *, gs_code: str, guide: str, sender: str, receiver: str,
          control: int, usage: str, now: datetime) -> str:
    st = f"{control % 10000:04d}"
    inner = [f"ST*{body[0]}*{st}*{guide}", *body[1:]]
    inner.append(f"SE*{len(inner) + 1}*{st}")
    segs = [_isa(sender, receiver, control, usage, now),
            f"GS*{gs_code}*{sender}*{receiver}*{now:%Y%m%d}*{now:%H%M}*{control}*X*{guide}",
            *inner, f"GE*1*{control}", f"IEA*1*{control:09d}"]
    return "~\n".join(segs) + "~\n"


def build_271(inq: Inquiry, answer: Answer, *, me: str, control: int, now: datetime,
              aaa_code: str | None = None) -> str:
    """The 271 for one inquiry. ``aaa_code`` overrides the answer (42: retry later)."""
    code, follow, loop = None, "", None
    if aaa_code:
        code, follow, loop = aaa_code, AAA_FOLLOW_UP.get(aaa_code, "R"), AAA_LOOP.get(
            aaa_code, "2100C")
    elif answer.status == "rejected" and answer.aaa_code:
        code, follow, loop = answer.aaa_code, answer.follow_up(), answer.loop()
    aaa = f"AAA*N**{code}*{follow}"
    body = ["271", f"BHT*0022*11*{inq.reference}*{now:%Y%m%d}*{now:%H%M}",
            "HL*1**20*1", f"NM1*PR*2*{inq.payer_name}*****PI*{inq.payer_id}"]
    if loop == "2100A":  # the information source cannot answer: nothing below it (HL04
        body.append(aaa)  # stays 1, as the guide fixes it for 2000A)
        return _wrap(body, gs_code="HB", guide=GUIDE, sender=me, receiver=inq.sender_id,
                     control=control, usage=inq.usage, now=now)
    body += ["HL*2*1*21*1",
             f"NM1*1P*{inq.provider_type}*{inq.provider_name}*{inq.provider_first or ''}"
             f"****XX*{inq.provider_npi}"]
    if loop == "2100B":
        body.append(aaa)
    body += [f"HL*3*2*22*{1 if inq.dependent and loop is None else 0}",
             f"TRN*2*{inq.trace}*{inq.trace_originator}",
             _name("IL", inq.subscriber, "MI", inq.member_id)]
    if loop == "2100C":
        body.append(aaa)
    sub = inq.subscriber
    if sub.birth_date:
        body.append(f"DMG*D8*{sub.birth_date}" + (f"*{sub.sex}" if sub.sex else ""))
    if loop is None and not inq.dependent:
        body += _plan_dates(answer) + _benefits(answer, inq.service_types)
    if inq.dependent and loop is None:
        dep = inq.dependent
        body += ["HL*4*3*23*0", f"TRN*2*{inq.trace}*{inq.trace_originator}", _name("03", dep)]
        if dep.birth_date:
            body.append(f"DMG*D8*{dep.birth_date}" + (f"*{dep.sex}" if dep.sex else ""))
        body += _plan_dates(answer) + _benefits(answer, inq.service_types)
    return _wrap(body, gs_code="HB", guide=GUIDE, sender=me, receiver=inq.sender_id,
                 control=control, usage=inq.usage, now=now)


def _plan_dates(answer: Answer) -> list[str]:
    return [f"DTP*346*D8*{answer.plan_begin:%Y%m%d}"] if answer.plan_begin else []


def build_999(*, st_control: str, gs_control: str, receiver: str, me: str, control: int,
              usage: str, now: datetime) -> str:
    """A 999 rejecting the inquiry's transaction set (IK5 R, AK9 R)."""
    body = ["999", f"AK1*HS*{gs_control}*{GUIDE}", f"AK2*270*{st_control}*{GUIDE}", "IK5*R*5",
            "AK9*R*1*1*0"]
    return _wrap(body, gs_code="FA", guide="005010X231A1", sender=me, receiver=receiver,
                 control=control, usage=usage, now=now)
