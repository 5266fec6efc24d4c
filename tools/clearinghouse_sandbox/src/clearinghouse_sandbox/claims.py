"""837P batches in, 999 (005010X231A1) and 277CA (005010X214) out, as a clearinghouse and a
payer would answer.

The front end validates the interchange with pyx12 (the HIPAA maps it ships): a batch pyx12
refuses is answered with one 999 rejecting every transaction set, IK3 naming the segment and
its position. Otherwise each claim's :class:`ClaimScenario` decides: the 999 IK5 of its
transaction set (``R`` wins over ``E`` over ``A``; IK3/IK4 + CTX CLM01 for each claim that set
an error) and, for every claim of a set not rejected, one 277CA claim status (STC, with REF*1K
= the payer's claim control number when accepted, A2).
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import pyx12.error_handler
import pyx12.params
import pyx12.x12n_document

from .config import ClaimScenario, SandboxConfig

G999, G277, G837 = "005010X231A1", "005010X214", "005010X222A1"
REJECTED = {"A3", "A6", "A7", "A8"}


class NotAnInterchange(ValueError):
    """The body is not X12 at all (no ISA)."""


@dataclass
class SentLine:
    procedure: str  # SV101 as sent (HC:code:modifiers)
    charge: Decimal
    units: str


@dataclass
class SentClaim:
    clm01: str
    charge: Decimal
    frequency: str
    position: int  # of the CLM segment in its transaction set (ST = 1)
    original_icn: str | None = None  # 2300 REF*F8 (frequency 7 / 8)
    service_date: str | None = None
    billing_npi: str = ""
    billing_name: str = ""
    patient: tuple[str, str, str] = ("", "", "")  # last, first, member id (as sent)
    lines: list[SentLine] = field(default_factory=list)


@dataclass
class SentSet:
    st_control: str
    claims: list[SentClaim] = field(default_factory=list)


@dataclass
class Batch:
    sender: str  # ISA06
    gs_control: str
    payer_name: str
    payer_id: str
    sets: list[SentSet]
    pyx12_errors: list[str]


def segments(text: str) -> list[list[str]]:
    body = text.strip()
    if not body.startswith("ISA") or len(body) < 106:
        raise NotAnInterchange("body is not an X12 interchange (no ISA)")
    element, terminator = body[3], body[105]
    return [seg.strip().split(element) for seg in body.split(terminator) if seg.strip()]


def validate(text: str) -> list[str]:
    """pyx12's findings ('SEG: code message'); [] when the document is valid."""
    errors, ack = io.StringIO(), io.StringIO()
    logger = logging.getLogger("pyx12")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        ok = pyx12.x12n_document.x12n_document(
            param=pyx12.params.params(), src_file=io.StringIO(text), fd_997=ack, fd_html=None,
            fd_json=errors)
    finally:
        logger.setLevel(level)
    found: list[str] = []

    def walk(node: object, seg: str) -> None:
        if isinstance(node, dict):
            seg = node.get("seg_id") or seg
            for err in node.get("errors") or []:
                found.append(f"{seg or 'ISA'}: {err.get('err_cde')} {err.get('err_str')}")
            for key, value in node.items():
                if key != "errors":
                    walk(value, seg)
        elif isinstance(node, list):
            for item in node:
                walk(item, seg)

    walk(json.loads(errors.getvalue() or "{}"), "")
    return found if found or ok else ["pyx12 rejected the document"]


def read_837(text: str) -> Batch:
    segs = segments(text)
    isa, gs = segs[0], next((s for s in segs if s[0] == "GS"), ["GS"] * 7)
    batch = Batch(sender=isa[6].strip(), gs_control=gs[6], payer_name="", payer_id="",
                  sets=[], pyx12_errors=validate(text))
    current: SentSet | None = None
    position = 0
    billing = ("", "")
    patient = ("", "", "")
    for seg in segs:
        tag = seg[0]
        if tag == "ST":
            current, position = SentSet(seg[2]), 0
            batch.sets.append(current)
        position += 1
        if current is None:
            continue
        if tag == "NM1" and seg[1] == "85":
            billing = (seg[3], seg[9] if len(seg) > 9 else "")
        elif tag == "NM1" and seg[1] in {"IL", "QC"}:
            patient = (seg[3], seg[4] if len(seg) > 4 else "",
                       seg[9] if len(seg) > 9 else patient[2])
        elif tag == "NM1" and seg[1] == "PR":
            batch.payer_name, batch.payer_id = seg[3], seg[9] if len(seg) > 9 else ""
        elif tag == "CLM":
            parts = seg[5].split(":") if len(seg) > 5 else []
            current.claims.append(SentClaim(
                seg[1], Decimal(seg[2]), parts[2] if len(parts) > 2 else "1", position,
                billing_name=billing[0], billing_npi=billing[1], patient=patient))
        elif tag == "SV1" and current.claims:
            current.claims[-1].lines.append(SentLine(seg[1], Decimal(seg[2]), seg[4]))
        elif tag == "REF" and seg[1] == "F8" and current.claims:
            current.claims[-1].original_icn = seg[2]
        elif tag == "DTP" and seg[1] == "472" and current.claims:
            current.claims[-1].service_date = current.claims[-1].service_date or seg[3]
    return batch


def _isa(sender: str, receiver: str, control: int, now: datetime) -> str:
    return (f"ISA*00*{'':10}*00*{'':10}*ZZ*{sender:<15}*ZZ*{receiver[:15]:<15}*"
            f"{now:%y%m%d}*{now:%H%M}*^*00501*{control:09d}*0*T*:")


def _wrap(kind: str, guide: str, gs_code: str, body: list[str], *, me: str, to: str,
          control: int, now: datetime) -> str:
    st = f"{control % 10000:04d}"
    inner = [f"ST*{kind}*{st}*{guide}", *body]
    inner.append(f"SE*{len(inner) + 1}*{st}")
    segs = [_isa(me, to, control, now),
            f"GS*{gs_code}*{me}*{to}*{now:%Y%m%d}*{now:%H%M}*{control}*X*{guide}",
            *inner, f"GE*1*{control}", f"IEA*1*{control:09d}"]
    return "~\n".join(segs) + "~\n"


def set_outcome(sent: SentSet, config: SandboxConfig) -> str:
    codes = {config.scenario_for(c.clm01).ack for c in sent.claims}
    return "R" if "R" in codes else "E" if "E" in codes else "A"


def build_999(batch: Batch, config: SandboxConfig, *, control: int, now: datetime) -> str:
    body = [f"AK1*HC*{batch.gs_control}*{G837}"]
    accepted = 0
    for sent in batch.sets:
        body.append(f"AK2*837*{sent.st_control}*{G837}")
        if batch.pyx12_errors:
            outcome = "R"
            first = batch.pyx12_errors[0].split(":")[0]
            body.append(f"IK3*{first[:3] or 'ST'}*1**8")
        else:
            outcome = set_outcome(sent, config)
            for claim in sent.claims:
                sc = config.scenario_for(claim.clm01)
                if sc.ack == "A":
                    continue
                body += _ik3(sc, claim)
        body.append(f"IK5*{outcome}" + ("*5" if outcome == "R" else ""))
        accepted += outcome != "R"
    total = len(batch.sets)
    group = "A" if accepted == total else "R" if accepted == 0 else "P"
    if group == "A" and "*E" in "".join(b for b in body if b.startswith("IK5")):
        group = "E"
    body.append(f"AK9*{group}*{total}*{total}*{accepted}")
    return _wrap("999", G999, "FA", body, me=config.interchange_id, to=batch.sender,
                 control=control, now=now)


def _ik3(sc: ClaimScenario, claim: SentClaim) -> list[str]:
    # IK3: segment id, its position in the set, loop 2300, 8 = segment has element errors
    position = claim.position
    return [f"IK3*{sc.error_segment}*{position}*2300*8", f"CTX*CLM01:{claim.clm01}",
            f"IK4*{sc.error_element}*{sc.error_element_ref}*{sc.error_code}"]


def icn_for(control: int, index: int, now: datetime) -> str:
    """A payer claim control number: Julian date + batch + position."""
    return f"{now:%y%j}{control:05d}{index:03d}"


def accepted_claims(batch: Batch, config: SandboxConfig) -> list[SentClaim]:
    """The claims a payer gets to see: those of sets the 999 did not reject."""
    if batch.pyx12_errors:
        return []
    return [c for s in batch.sets if set_outcome(s, config) != "R" for c in s.claims]


def build_277ca(batch: Batch, claims: list[SentClaim], config: SandboxConfig, *,
                control: int, now: datetime) -> tuple[str, dict[str, str]]:
    """One 277CA for the claims the payer received; returns it and the ICN per CLM01."""
    day = f"{now:%Y%m%d}"
    icns: dict[str, str] = {}
    scenarios = [config.scenario_for(c.clm01) for c in claims]
    ok = [c for c, sc in zip(claims, scenarios, strict=True) if sc.status not in REJECTED]
    bad = [c for c, sc in zip(claims, scenarios, strict=True) if sc.status in REJECTED]
    body = [f"BHT*0085*08*{control}*{day}*{now:%H%M}*TH", "HL*1**20*1",
            f"NM1*PR*2*{batch.payer_name or 'PAYER'}*****PI*{batch.payer_id or 'PAYER'}",
            f"TRN*1*{control}", f"DTP*050*D8*{day}", f"DTP*009*D8*{day}",
            "HL*2*1*21*1", f"NM1*41*2*SUBMITTER*****46*{batch.sender}",
            f"TRN*2*{batch.gs_control}",
            f"STC*A1:19:PR*{day}*WQ*{amount(sum((c.charge for c in claims), Decimal(0)))}",
            f"QTY*90*{len(ok)}", f"QTY*AA*{len(bad)}",
            f"AMT*YU*{amount(sum((c.charge for c in ok), Decimal(0)))}",
            f"AMT*YY*{amount(sum((c.charge for c in bad), Decimal(0)))}"]
    hl = 2
    for index, (claim, sc) in enumerate(zip(claims, scenarios, strict=True), start=1):
        hl += 1
        provider_hl = hl
        body += [f"HL*{provider_hl}*2*19*1",
                 f"NM1*85*2*{claim.billing_name or 'PROVIDER'}*****XX*{claim.billing_npi}",
                 "TRN*1*0", f"STC*A1:19:85**WQ*{amount(claim.charge)}",
                 f"QTY*{'QA' if sc.status not in REJECTED else 'QC'}*1",
                 f"AMT*{'YU' if sc.status not in REJECTED else 'YY'}*{amount(claim.charge)}"]
        hl += 1
        last, first, member = claim.patient
        body += [f"HL*{hl}*{provider_hl}*PT",
                 f"NM1*QC*1*{last or 'PATIENT'}*{first}****MI*{member or 'UNKNOWN'}",
                 f"TRN*2*{claim.clm01}"]
        entity = f":{sc.entity}" if sc.entity else ""
        action = "U" if sc.status in REJECTED else "WQ"
        body.append(f"STC*{sc.status}:{sc.status_code}{entity}*{day}*{action}*"
                    f"{amount(claim.charge)}")
        if sc.status == "A2" and sc.send_icn:
            icns[claim.clm01] = icn_for(control, index, now)
            body.append(f"REF*1K*{icns[claim.clm01]}")
        if claim.service_date:
            body.append(f"DTP*472*D8*{claim.service_date}")
    return _wrap("277", G277, "HN", body, me=config.interchange_id, to=batch.sender,
                 control=control, now=now), icns


def amount(value: Decimal) -> str:
    text = f"{value:.2f}"
    return text[:-3] if text.endswith(".00") else text.rstrip("0")
