"""The payer's 835 (005010X221A1) for the claims it accepted, per each claim's scenario: paid in
full, short-paid, denied with CARC/RARC, reversed and corrected, with a PLB WO recoupment.

Balanced as a payer must: each SVC charge - its CAS = its paid; each CLP charge - CAS = paid;
BPR02 = sum(CLP04) - sum(PLB).
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from .claims import Batch, SentClaim, SentLine, amount
from .config import ClaimScenario, SandboxConfig

G835 = "005010X221A1"
CENT = Decimal("0.01")


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _svc(line: SentLine, paid: Decimal, cas: list[tuple[str, str, Decimal]], day: str,
         sign: int, allowed: Decimal | None, rarc: str | None) -> list[str]:
    procedure = line.procedure.split(":")
    out = [f"SVC*{':'.join(procedure[:6]).rstrip(':')}*{amount(sign * line.charge)}*"
           f"{amount(sign * paid)}**{line.units}", f"DTM*472*{day}"]
    for group, reason, value in cas:
        out.append(f"CAS*{group}*{reason}*{amount(sign * value)}")
    if allowed is not None:
        out.append(f"AMT*B6*{amount(sign * allowed)}")
    if rarc:
        out.append(f"LQ*HE*{rarc}")
    return out


def _clp(claim: SentClaim, sc: ClaimScenario, icn: str, status: str, mode: str,
         sign: int = 1) -> tuple[list[str], Decimal]:
    """One CLP and what it pays (negative for a reversal)."""
    day = claim.service_date or "20260101"
    services: list[str] = []
    paid_total = patient_total = Decimal(0)
    for line in claim.lines:
        if mode == "denied":
            paid, cas, allowed = Decimal(0), [("CO", sc.carc, line.charge)], None
        elif mode == "short":
            allowed = _cents(line.charge * sc.allowed_ratio)
            coins = _cents(allowed * Decimal("0.2"))
            paid = allowed - coins
            cas = [("CO", "45", line.charge - allowed), ("PR", "2", coins)]
            patient_total += coins
        else:
            paid, cas, allowed = line.charge, [], line.charge
        paid_total += paid
        services += _svc(line, paid, [c for c in cas if c[2]], day, sign, allowed,
                         sc.rarc if mode == "denied" else None)
    last, first, member = claim.patient
    clp05 = amount(sign * patient_total) if patient_total else ""
    head = [f"CLP*{claim.clm01}*{status}*{amount(sign * claim.charge)}*"
            f"{amount(sign * paid_total)}*{clp05}*MB*{icn}*11*1",
            f"NM1*QC*1*{last or 'PATIENT'}*{first}****MI*{member or 'UNKNOWN'}"]
    return head + services, sign * paid_total


def build_835(batch: Batch, claims: list[tuple[SentClaim, str]], config: SandboxConfig, *,
              control: int, now: datetime) -> str | None:
    """The 835 for ``(claim, icn)`` pairs whose scenario remits; None when none does."""
    body: list[str] = []
    total = Decimal(0)
    plb: list[str] = []
    payee = ("PROVIDER", "")
    for claim, icn in claims:
        sc = config.scenario_for(claim.clm01)
        if sc.remit == "none":
            continue
        payee = (claim.billing_name or "PROVIDER", claim.billing_npi)
        if sc.remit == "reverse_correct":
            segs, paid = _clp(claim, sc, icn, "22", "paid", sign=-1)
            body += segs
            total += paid
            segs, paid = _clp(claim, sc, icn, "1", "short")
        else:
            status = {"paid": "1", "short": "1", "denied": "4"}[sc.remit]
            segs, paid = _clp(claim, sc, icn, status, sc.remit)
        body += segs
        total += paid
        if sc.recoup:
            plb.append(f"PLB*{claim.billing_npi}*{now:%Y}1231*WO:{icn}*{amount(sc.recoup)}")
            total -= sc.recoup
    if not body:
        return None
    day = f"{now:%Y%m%d}"
    payer_tin = "1" + (batch.payer_id or "PAYER").rjust(9, "0")[-9:]
    head = [f"BPR*{'I' if total else 'H'}*{amount(total)}*C*{'CHK' if total else 'NON'}"
            f"************{day}", f"TRN*1*EFT{control:08d}*{payer_tin}", f"DTM*405*{day}",
            f"N1*PR*{batch.payer_name or 'PAYER'}", "N3*PO BOX 1", "N4*CHICAGO*IL*60601",
            "PER*BL*PROVIDER SERVICES*TE*8005550199",
            f"N1*PE*{payee[0]}*XX*{payee[1]}", "LX*1"]
    st = f"{control % 10000:04d}"
    inner = [f"ST*835*{st}", *head, *body, *plb]
    inner.append(f"SE*{len(inner) + 1}*{st}")
    me, to = config.interchange_id, batch.sender
    segs = [f"ISA*00*{'':10}*00*{'':10}*ZZ*{me:<15}*ZZ*{to[:15]:<15}*{now:%y%m%d}*"
            f"{now:%H%M}*^*00501*{control:09d}*0*T*:",
            f"GS*HP*{me}*{to}*{day}*{now:%H%M}*{control}*X*{G835}", *inner,
            f"GE*1*{control}", f"IEA*1*{control:09d}"]
    return "~\n".join(segs) + "~\n"
