"""A patient statement as PDF (fpdf2, core Helvetica font: no font files to ship).

The core fonts carry Latin-1; a character outside it (rare in US names and addresses) is
written without its accent when it has one, else as '?', rather than failing the statement.
The document is built in memory and never written to disk or logged (it holds PHI).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from reimbursement.domain.practice import PostalAddress
from reimbursement.domain.statement import Statement

if TYPE_CHECKING:
    from fpdf import FPDF

GROUPS = {"CO": "contractual adjustment", "PR": "patient responsibility",
          "OA": "other adjustment", "PI": "payer-initiated adjustment"}


def statement_pdf(s: Statement) -> bytes:
    # fpdf2 (and the imaging libraries it brings) is imported on the first statement, not with
    # the service: most replicas never print one.
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_title("Patient statement")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    _line(pdf, s.practice.name, h=7)
    pdf.set_font("Helvetica", size=10)
    for text in _address(s.practice.pay_to or s.practice.address):
        _line(pdf, text)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    _line(pdf, "PATIENT STATEMENT", h=7)
    pdf.set_font("Helvetica", size=10)
    _line(pdf, f"Statement date: {s.statement_date.isoformat()}")
    _line(pdf, f"Account: {s.account_number}")
    pdf.ln(3)
    patient = s.patient
    _line(pdf, " ".join(p for p in (patient.given_name, patient.middle_name or "",
                                    patient.family_name) if p))
    for text in _address(patient.address):
        _line(pdf, text)
    pdf.ln(4)
    _line(pdf, f"Date of service: {s.service_date.isoformat()}")
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 10)
    _row(pdf, "Service", "Units", "Charge")
    pdf.set_font("Helvetica", size=10)
    for ln in s.lines:
        code = ln.code + "".join(f"-{m}" for m in ln.modifiers)
        label = f"{code} {ln.description}" if ln.description else code
        _row(pdf, label[:60], str(ln.units), money(ln.charge))
    pdf.set_font("Helvetica", "B", 10)
    _row(pdf, "Total charges", "", money(s.total_charge))
    pdf.ln(3)
    for payer in s.payers:
        pdf.set_font("Helvetica", "B", 10)
        _row(pdf, payer.name, "", "")
        pdf.set_font("Helvetica", size=10)
        _row(pdf, "  Paid by insurance", "", money(payer.paid))
        for group, amount in payer.adjusted:
            _row(pdf, f"  {GROUPS.get(group, group)} ({group})", "", money(amount))
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    _row(pdf, "AMOUNT DUE", "", money(s.amount_due))
    return bytes(pdf.output())


def money(amount: Decimal) -> str:
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def _address(a: PostalAddress) -> list[str]:
    code = a.postal_code
    code = f"{code[:5]}-{code[5:]}" if len(code) == 9 else code
    return [line for line in (a.line1, a.line2 or "") if line] + [f"{a.city}, {a.state} {code}"]


def _line(pdf: FPDF, text: str, h: float = 5) -> None:
    from fpdf.enums import XPos, YPos

    pdf.cell(0, h, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _row(pdf: FPDF, label: str, units: str, amount: str) -> None:
    from fpdf.enums import XPos, YPos

    pdf.cell(120, 6, _latin1(label))
    pdf.cell(20, 6, units, align="R")
    pdf.cell(0, 6, amount, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _latin1(text: str) -> str:
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                        if not unicodedata.combining(ch))
        return plain.encode("latin-1", "replace").decode("latin-1")
