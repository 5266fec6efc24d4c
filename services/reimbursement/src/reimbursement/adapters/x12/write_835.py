"""A small 835 writer: balanced remittances for the payer sandbox, tests and demo data.

Totals are computed, not typed: CLP03/CLP04 from the service lines and adjustments, BPR02
from the claims and provider adjustments, so what it writes always balances.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from reimbursement.adapters.x12.envelope import Interchange, clean, composite, segment
from reimbursement.domain.money import ZERO, fmt_amount

VERSION = "005010X221A1"

Cas = tuple[str, str, Decimal]  # group, reason, amount


@dataclass(frozen=True, slots=True)
class SvcSpec:
    code: str
    charge: Decimal
    paid: Decimal
    adjustments: Sequence[Cas] = ()
    modifiers: tuple[str, ...] = ()
    units: int | None = None
    allowed: Decimal | None = None
    remarks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClpSpec:
    account: str
    status: str
    services: Sequence[SvcSpec]
    claim_adjustments: Sequence[Cas] = ()
    payer_claim_number: str = ""
    filing: str = "MB"
    service_date: date | None = None
    sign: int = 1  # -1 writes a reversal of the same amounts
    member_id: str = "MEMBER0001"
    patient_last: str = "PATIENT"
    patient_first: str = "TEST"
    remarks: tuple[str, ...] = ()  # MOA claim-level RARCs (e.g. MA18 crossover)

    def charge(self) -> Decimal:
        return self.sign * sum((s.charge for s in self.services), ZERO)

    def paid(self) -> Decimal:
        return self.sign * (sum((s.paid for s in self.services), ZERO)
                            - sum((a[2] for a in self.claim_adjustments), ZERO))

    def patient(self) -> Decimal:
        every = list(self.claim_adjustments) + [a for s in self.services for a in s.adjustments]
        return self.sign * sum((a[2] for a in every if a[0] == "PR"), ZERO)


@dataclass(frozen=True, slots=True)
class RemitSpec:
    payer_name: str
    payer_id: str
    payee_name: str
    payee_npi: str
    trace: str
    paid_on: date
    claims: Sequence[ClpSpec]
    provider_adjustments: Sequence[tuple[str, str, Decimal]] = field(default_factory=tuple)
    originator_sub: str = ""  # TRN04

    def total(self) -> Decimal:
        return (sum((c.paid() for c in self.claims), ZERO)
                - sum((p[2] for p in self.provider_adjustments), ZERO))


def write_835(spec: RemitSpec, *, control_number: int, created_at: datetime) -> str:
    env = Interchange(spec.payer_id.ljust(2, "0"), spec.payee_npi, control_number, created_at)
    st = f"{control_number % 10000:04d}"
    total = spec.total()
    body = [
        segment("ST", "835", st),
        segment("BPR", "I" if total else "H", fmt_amount(total), "C", "CHK" if total else "NON",
                *([""] * 11), spec.paid_on.strftime("%Y%m%d")),
        segment("TRN", "1", clean(spec.trace, 50), "1" + clean(spec.payer_id, 9).rjust(9, "0"),
                *([clean(spec.originator_sub, 50)] if spec.originator_sub else [])),
        segment("DTM", "405", spec.paid_on.strftime("%Y%m%d")),
        segment("N1", "PR", clean(spec.payer_name, 60)),
        segment("N3", "PO BOX 1"),
        segment("N4", "CHICAGO", "IL", "60601"),
        segment("PER", "BL", "PROVIDER SERVICES", "TE", "8005550199"),
        segment("N1", "PE", clean(spec.payee_name, 60), "XX", spec.payee_npi),
    ]
    if spec.claims:
        body.append(segment("LX", "1"))
    for clp in spec.claims:
        body += _claim(clp)
    for reason, reference, amount in spec.provider_adjustments:
        body.append(segment("PLB", spec.payee_npi, spec.paid_on.strftime("%Y") + "1231",
                            composite(reason, reference), fmt_amount(amount)))
    segments = [env.isa(), env.gs("HP", VERSION), *body,
                segment("SE", len(body) + 1, st), env.ge(1), env.iea()]
    return "\n".join(segments) + "\n"


def _claim(clp: ClpSpec) -> list[str]:
    out = [segment("CLP", clean(clp.account, 38), clp.status, fmt_amount(clp.charge()),
                   fmt_amount(clp.paid()), fmt_amount(clp.patient()), clp.filing,
                   clean(clp.payer_claim_number or f"PCN{clp.account}", 50))]
    out += _cas(clp.claim_adjustments, clp.sign)
    out.append(segment("NM1", "QC", "1", clean(clp.patient_last, 60), clean(clp.patient_first, 35),
                       "", "", "", "MI", clean(clp.member_id, 80)))
    if clp.remarks:
        out.append(segment("MOA", "", "", *clp.remarks[:5]))
    for svc in clp.services:
        out.append(segment("SVC", composite("HC", svc.code, *svc.modifiers),
                           fmt_amount(clp.sign * svc.charge), fmt_amount(clp.sign * svc.paid),
                           "", svc.units if svc.units is not None else ""))
        if clp.service_date:
            out.append(segment("DTM", "472", clp.service_date.strftime("%Y%m%d")))
        out += _cas(svc.adjustments, clp.sign)
        if svc.allowed is not None:
            out.append(segment("AMT", "B6", fmt_amount(clp.sign * svc.allowed)))
        out += [segment("LQ", "HE", r) for r in svc.remarks]
    return out


def _cas(adjustments: Sequence[Cas], sign: int) -> list[str]:
    by_group: dict[str, list[str]] = {}
    for group, reason, amount in adjustments:
        by_group.setdefault(group, []).extend([reason, fmt_amount(sign * amount), ""])
    out = []
    for group, triplets in by_group.items():
        for start in range(0, len(triplets), 18):  # at most six reason triplets per CAS
            out.append(segment("CAS", group, *triplets[start:start + 18]))
    return out
