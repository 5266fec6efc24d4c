"""X12 835 (005010X221A1) text -> Remittance objects, or every problem with its line.

All-or-nothing: syntax, envelope counts, the guide version (GS08/ST03: a 4010 file is
refused), the 5010 code sets (CAS group CR is not valid in an 835) and the balancing rules are
all checked before the caller posts anything. Each transaction set's RemittanceKey (TRN03,
TRN04, TRN02, N1*PE) is read from its segments, never from the raw text. Patient names
(NM1*QC) are skipped, never kept: posting needs the patient control number (CLP01) only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from reimbursement.adapters.x12.segments import RemittanceFileError, Segment, X12Error, tokenize
from reimbursement.domain.balancing import balancing_errors
from reimbursement.domain.money import parse_decimal
from reimbursement.domain.remittance import (
    GROUPS,
    VERSION,
    Adjustment,
    ClaimPayment,
    ProviderAdjustment,
    Remittance,
    RemittanceKey,
    ServicePayment,
)

__all__ = ["RemittanceFileError", "X12Error", "parse_835", "tokenize"]

MAX_ERRORS = 50


@dataclass
class _State:
    component: str
    errors: list[X12Error] = field(default_factory=list)
    remittances: list[Remittance] = field(default_factory=list)
    keys: list[RemittanceKey] = field(default_factory=list)  # read, even from a bad file
    # the transaction set being read: BPR/TRN/N1 fields, then one dict per CLP and its SVCs
    header: dict[str, Any] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    plb: list[ProviderAdjustment] = field(default_factory=list)
    st: Segment | None = None
    st_count: int = 0

    def fail(self, seg: Segment, reason: str) -> None:
        self.errors.append(X12Error(seg.line, f"{seg.id}: {reason}"))

    def amount(self, seg: Segment, index: int, name: str, required: bool = True) -> Decimal | None:
        raw = seg.get(index)
        if not raw:
            if required:
                self.fail(seg, f"{name} is required")
            return None
        try:
            return parse_decimal(raw)
        except ValueError as exc:
            self.fail(seg, f"{name}: {exc}")
            return None


def parse_835(text: str) -> list[Remittance]:
    segments, component = tokenize(text)
    state = _State(component)
    if segments[-1].id != "IEA":
        state.errors.append(X12Error(segments[-1].line, "file does not end with IEA"))
    groups = 0
    for seg in segments:
        if len(state.errors) >= MAX_ERRORS:
            break
        if state.st is not None:
            state.st_count += 1
        handler = _HANDLERS.get(seg.id)
        if seg.id == "GS":
            groups += 1
            if seg.get(1) != "HP":
                state.fail(seg, f"functional group {seg.get(1)!r} is not a remittance (HP)")
            if seg.get(8) != VERSION:
                state.fail(seg, f"GS08 {seg.get(8)[:12]!r} is not {VERSION}: only 5010 835s "
                           "are posted")
        elif handler is not None:
            handler(state, seg)
        elif state.st is None and seg.id not in {"ISA", "GE", "IEA"}:
            state.fail(seg, "segment outside a transaction set")
    if groups == 0:
        state.errors.append(X12Error(segments[0].line, "no GS functional group"))
    if not state.errors:
        for rem in state.remittances:
            state.errors += [X12Error(e.line, f"{e.segment}: {e.reason}")
                             for e in balancing_errors(rem)]
    if state.errors:
        raise RemittanceFileError(state.errors, state.keys)
    return state.remittances


def _st(state: _State, seg: Segment) -> None:
    if seg.get(1) != "835":
        state.fail(seg, f"transaction set {seg.get(1)!r} is not an 835")
    if seg.get(3) and seg.get(3) != VERSION:
        state.fail(seg, f"ST03 {seg.get(3)[:12]!r} is not {VERSION}")
    state.st, state.st_count = seg, 1
    state.header, state.claims, state.plb = {}, [], []


def _se(state: _State, seg: Segment) -> None:
    if state.st is None:
        state.fail(seg, "SE without ST")
        return
    if seg.get(1) != str(state.st_count):
        state.fail(seg, f"SE01 says {seg.get(1)} segments, counted {state.st_count}")
    if seg.get(2) != state.st.get(2):
        state.fail(seg, "SE02 does not match ST02")
    for key, where in (("bpr", "BPR"), ("trn", "TRN"), ("payee", "N1*PE payee")):
        if key not in state.header:
            state.fail(state.st, f"transaction has no {where} segment")
    if "trn" in state.header:
        state.keys.append(_key(state.header))
    if all(k in state.header for k in ("bpr", "trn", "payee")):
        state.remittances.append(_build(state))
    state.st = None


def _key(h: dict[str, Any]) -> RemittanceKey:
    return RemittanceKey(h.get("originator", ""), h.get("originator_sub", ""), h["trn"],
                         h.get("payee", ""))


def _build(state: _State) -> Remittance:
    h = state.header
    claims = tuple(
        ClaimPayment(c["account"], c["status"], c["charge"], c["paid"], c["patient"],
                     c["payer_claim"], tuple(c["cas"]), tuple(_service(s) for s in c["services"]),
                     c["line"], tuple(c["remarks"]))
        for c in state.claims)
    return Remittance(h.get("payer_name"), h.get("payer_id"), h.get("payee_npi"), h["trn"],
                      h["bpr"], h.get("method"), h.get("date"), claims, tuple(state.plb),
                      h["bpr_line"], _key(h), h.get("payee_tin"), h["payee_line"])


def _service(s: dict[str, Any]) -> ServicePayment:
    return ServicePayment(s["code"], s["mods"], s["charge"], s["paid"], s["units"],
                          tuple(s["cas"]), s.get("allowed"), tuple(s["remarks"]), s["line"])


def _bpr(state: _State, seg: Segment) -> None:
    amount = state.amount(seg, 2, "BPR02 payment amount")
    if amount is not None:
        state.header.update(bpr=amount, bpr_line=seg.line, method=seg.get(4) or None)
    if seg.get(16):
        state.header["date"] = _date(state, seg, seg.get(16))


def _trn(state: _State, seg: Segment) -> None:
    if not seg.get(2):
        state.fail(seg, "TRN02 trace number is required")
        return
    state.header.update(trn=seg.get(2), originator=seg.get(3), originator_sub=seg.get(4))
    if seg.get(3):
        state.header.setdefault("payer_id", seg.get(3))


def _n1(state: _State, seg: Segment) -> None:
    if seg.get(1) == "PR":
        state.header["payer_name"] = seg.get(2) or None
    elif seg.get(1) == "PE":
        if not seg.get(3) or not seg.get(4):
            state.fail(seg, "N103/N104: the payee needs an identification (XX NPI, FI TIN)")
        state.header.update(payee=f"{seg.get(3)}:{seg.get(4)}", payee_line=seg.line)
        if seg.get(3) == "XX":
            state.header["payee_npi"] = seg.get(4) or None
        elif seg.get(3) == "FI":
            state.header["payee_tin"] = seg.get(4) or None


def _ref(state: _State, seg: Segment) -> None:
    if seg.get(1) == "2U" and not state.claims:
        state.header["payer_id"] = seg.get(2)
    elif seg.get(1) == "TJ" and not state.claims and "payee" in state.header:
        state.header["payee_tin"] = seg.get(2)  # the payee's TIN beside its NPI


def _clp(state: _State, seg: Segment) -> None:
    if state.st is None:
        state.fail(seg, "CLP outside a transaction set")
        return
    charge = state.amount(seg, 3, "CLP03 charge")
    paid = state.amount(seg, 4, "CLP04 paid")
    patient = state.amount(seg, 5, "CLP05 patient responsibility", required=False)
    if not seg.get(1):
        state.fail(seg, "CLP01 patient control number is required")
    state.claims.append({"account": seg.get(1), "status": seg.get(2), "charge": _z(charge),
                         "paid": _z(paid), "patient": patient,
                         "payer_claim": seg.get(7) or None, "cas": [], "services": [],
                         "line": seg.line, "remarks": []})


def _cas(state: _State, seg: Segment) -> None:
    if not state.claims:
        state.fail(seg, "CAS before any CLP")
        return
    group = seg.get(1)
    if group == "CR":
        state.fail(seg, "group CR is not valid in a 5010 835 (use CO, PR, OA or PI)")
        return
    if group not in GROUPS:
        state.fail(seg, f"unknown adjustment group {group!r}")
        return
    claim = state.claims[-1]
    target = claim["services"][-1]["cas"] if claim["services"] else claim["cas"]
    found = 0
    for i in range(2, 20, 3):
        reason = seg.get(i)
        if not reason:
            continue
        amount = state.amount(seg, i + 1, f"CAS{i + 1:02d} amount")
        quantity = state.amount(seg, i + 2, f"CAS{i + 2:02d} quantity", required=False)
        if amount is not None:
            target.append(Adjustment(group, reason, amount, quantity))
            found += 1
    if not found:
        state.fail(seg, "CAS carries no reason and amount")


def _svc(state: _State, seg: Segment) -> None:
    if not state.claims:
        state.fail(seg, "SVC before any CLP")
        return
    parts = seg.get(1).split(state.component)
    if len(parts) < 2 or parts[0] not in {"HC", "AD", "ER", "IV", "N4", "WK"} or not parts[1]:
        state.fail(seg, f"SVC01 {seg.get(1)[:20]!r} is not a qualified procedure code")
        return
    charge = state.amount(seg, 2, "SVC02 charge")
    paid = state.amount(seg, 3, "SVC03 paid")
    units = state.amount(seg, 5, "SVC05 units", required=False)
    state.claims[-1]["services"].append({
        "code": parts[1], "mods": tuple(m for m in parts[2:6] if m), "charge": _z(charge),
        "paid": _z(paid), "units": units, "cas": [], "remarks": [], "line": seg.line})


def _amt(state: _State, seg: Segment) -> None:
    if seg.get(1) == "B6" and state.claims and state.claims[-1]["services"]:
        state.claims[-1]["services"][-1]["allowed"] = state.amount(seg, 2, "AMT02")


def _lq(state: _State, seg: Segment) -> None:
    if seg.get(1) == "HE" and state.claims and state.claims[-1]["services"]:
        state.claims[-1]["services"][-1]["remarks"].append(seg.get(2))


def _moa(state: _State, seg: Segment) -> None:
    """MOA03-MOA07: the claim's remark codes (RARC), e.g. MA18 crossover."""
    if state.claims:
        state.claims[-1]["remarks"] += [seg.get(i) for i in range(3, 8) if seg.get(i)]


def _plb(state: _State, seg: Segment) -> None:
    for i in range(3, 15, 2):
        if not seg.get(i):
            continue
        reason, _, reference = seg.get(i).partition(state.component)
        amount = state.amount(seg, i + 1, f"PLB{i + 1:02d} amount")
        if amount is not None:
            state.plb.append(ProviderAdjustment(reason, reference or None, amount, seg.line))


def _z(value: Decimal | None) -> Decimal:
    """A missing amount was already reported as an error; zero keeps the walk going."""
    return value if value is not None else Decimal("0")


def _date(state: _State, seg: Segment, raw: str) -> date | None:
    try:
        return datetime.strptime(raw, "%Y%m%d").replace(tzinfo=UTC).date()
    except ValueError:
        state.fail(seg, f"bad date {raw[:10]!r}")
        return None


_HANDLERS = {"ST": _st, "SE": _se, "BPR": _bpr, "TRN": _trn, "N1": _n1, "REF": _ref,
             "CLP": _clp, "CAS": _cas, "SVC": _svc, "AMT": _amt, "LQ": _lq, "PLB": _plb,
             "MOA": _moa}
