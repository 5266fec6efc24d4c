"""Quarterly ASP pricing file (CSV) -> AspQuarter. All-or-nothing, with line-numbered errors.

The CMS layout puts note lines above the header row ("HCPCS Code", "Short Description",
"HCPCS Code Dosage", "Payment Limit", ...). We skip everything above that header and refuse the
whole file at the first sign of damage: a half-imported price file silently misprices claims.
A file that carries bare ASP instead ("ASP" column) gets the 6% add-on applied here, so the
stored figure is always the Medicare payment limit.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from reimbursement.domain.fees import ASP_ADD_ON, AspEntry, AspQuarter
from reimbursement.domain.money import parse_decimal

_CODE = re.compile(r"^(?:[A-Z]\d{4}|\d{4}[0-9A-Z])$")  # HCPCS level II or CPT (vaccines)
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_NOT_PRICED = {"N/A", "NA", "-"}  # contractor-priced rows carry no national limit
MAX_ERRORS = 50


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class AspFileError(ValueError):
    def __init__(self, errors: list[LineError]) -> None:
        super().__init__("; ".join(str(e) for e in errors[:5]))
        self.errors = errors


def quarter_dates(quarter: str) -> tuple[date, date]:
    match = _QUARTER.match(quarter)
    if not match:
        raise ValueError(f"quarter must look like 2026Q1, got {quarter[:10]!r}")
    year, q = int(match[1]), int(match[2])
    start = date(year, 3 * q - 2, 1)
    end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def _header_map(row: list[str]) -> dict[str, int] | None:
    cells = [c.strip().lower() for c in row]
    if "hcpcs code" not in cells:
        return None
    price = "payment limit" if "payment limit" in cells else ("asp" if "asp" in cells else None)
    if price is None:
        return None
    wanted = {"code": "hcpcs code", "price": price, "description": "short description",
              "dosage": "hcpcs code dosage"}
    found = {key: cells.index(name) for key, name in wanted.items() if name in cells}
    found["is_asp"] = int(price == "asp")
    return found


def parse_asp_csv(text: str, *, quarter: str, source: str) -> AspQuarter:
    start, end = quarter_dates(quarter)
    errors: list[LineError] = []
    entries: dict[str, AspEntry] = {}
    if "\x00" in text:
        raise AspFileError([LineError(1, "binary content; expected a CSV text file")])
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    columns: dict[str, int] | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                columns = _header_map(row)
                continue
            _parse_row(row, line, columns, entries, errors)
            if len(errors) >= MAX_ERRORS:
                break
    except csv.Error as exc:
        errors.append(LineError(reader.line_num, f"CSV syntax: {exc}"))
    if columns is None:
        raise AspFileError([LineError(1, "no header row with 'HCPCS Code' and 'Payment Limit' "
                                         "(or 'ASP') columns")])
    if not errors and not entries:
        errors.append(LineError(reader.line_num or 1, "the file has no priced rows"))
    if errors:
        raise AspFileError(errors)
    return AspQuarter(quarter, start, end, entries, source)


def _parse_row(
    row: list[str], line: int, columns: dict[str, int], entries: dict[str, AspEntry],
    errors: list[LineError],
) -> None:
    needed = max(v for k, v in columns.items() if k != "is_asp")
    if len(row) <= needed:
        errors.append(LineError(line, f"expected at least {needed + 1} columns, got {len(row)}"))
        return
    code = row[columns["code"]].strip().upper()
    if not _CODE.match(code):
        errors.append(LineError(line, f"invalid HCPCS code {code[:12]!r}"))
        return
    raw_price = row[columns["price"]].strip()
    if raw_price.upper() in _NOT_PRICED:
        return
    try:
        price = parse_decimal(raw_price)
    except ValueError as exc:
        errors.append(LineError(line, f"{code}: {exc}"))
        return
    if price < 0:
        errors.append(LineError(line, f"{code}: negative price"))
        return
    if code in entries:
        errors.append(LineError(line, f"{code}: duplicate (first on line {entries[code].line})"))
        return
    dosage = row[columns["dosage"]].strip() if "dosage" in columns else ""
    if "dosage" in columns and not dosage:
        errors.append(LineError(line, f"{code}: missing dosage"))
        return
    limit = price * ASP_ADD_ON if columns["is_asp"] else price
    description = row[columns["description"]].strip() if "description" in columns else ""
    entries[code] = AspEntry(code, description, dosage, limit, line)
