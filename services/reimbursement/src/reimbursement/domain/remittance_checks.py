"""Refusals that need more than the file: is the payee this practice, does every reversal
reverse a payment posted before (or in the same file)? Either failing refuses the whole 835.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reimbursement.domain.money import ZERO
from reimbursement.domain.practice import BillingIdentity
from reimbursement.domain.remittance import Remittance
from reimbursement.domain.settlement import Entry, unpaired_reversals


@dataclass(frozen=True, slots=True)
class Refusal:
    line: int
    reason: str


def _digits(text: str | None) -> str:
    return re.sub(r"[^0-9]", "", text or "")


def payee_refusals(remittance: Remittance, billing: BillingIdentity | None) -> list[Refusal]:
    """N1*PE (and REF*TJ) must name this practice: its billing NPI and/or its EIN."""
    line = remittance.payee_line or remittance.line
    if billing is None:
        return [Refusal(line, "N1: the practice's billing identity is not recorded, so the "
                              "835's payee cannot be checked; record it first")]
    out: list[Refusal] = []
    if remittance.payee_npi is not None and remittance.payee_npi != billing.npi:
        out.append(Refusal(line, f"N1: payee NPI {remittance.payee_npi} is not this "
                                 "practice's billing NPI"))
    if remittance.payee_tin is not None and _digits(remittance.payee_tin) != billing.ein:
        out.append(Refusal(line, "N1: payee TIN is not this practice's EIN"))
    if remittance.payee_npi is None and remittance.payee_tin is None:
        out.append(Refusal(line, f"N1: payee id {remittance.key.payee!r} is neither an NPI "
                                 "(XX) nor a TIN (FI): it cannot be checked as this practice"))
    return out


def reversal_refusals(remittances: Sequence[Remittance],
                      history: Mapping[str, Sequence[Entry]]) -> list[Refusal]:
    """Each CLP02 22 must pair (negated charge and paid) with a payment for the same CLP01
    posted before (``history``, applied or held) or elsewhere in these remittances."""
    in_file: dict[str, list[Entry]] = {}
    for r in remittances:
        for clp in r.claims:
            in_file.setdefault(clp.account_number, []).append(Entry(
                clp.status_code, None, clp.charge, clp.paid,
                clp.patient_responsibility or ZERO, line=clp.line or -1))
    out: list[Refusal] = []
    for account, entries in in_file.items():
        if not any(e.reversal for e in entries):
            continue
        for e in unpaired_reversals([*history.get(account, ()), *entries]):
            if e.line:
                out.append(Refusal(max(e.line, 0), f"CLP: reversal of claim {account} (charge "
                                   f"{e.charge}, paid {e.paid}) matches no payment posted for "
                                   "that claim, before or in this file"))
    return sorted(out, key=lambda r: r.line)
