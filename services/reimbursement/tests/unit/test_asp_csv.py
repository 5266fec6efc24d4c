"""The quarterly ASP CSV importer: CMS layout, all-or-nothing, line-numbered errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from importlib import resources

import pytest

from reimbursement.adapters.asp_csv import AspFileError, parse_asp_csv, quarter_dates

HEADER = '"HCPCS Code","Short Description","HCPCS Code Dosage","Payment Limit","Notes"\n'
PREAMBLE = '"Note 1: payment allowance limits are based on ASP data"\n\n'


def parse(body: str, header: str = HEADER):
    return parse_asp_csv(PREAMBLE + header + body, quarter="2026Q2", source="test")


def test_parses_cms_layout_and_keeps_payment_limit_as_medicare_rate() -> None:
    q = parse('"J3032","Inj eptinezumab-jjmr 1 mg","1 MG","18.215",""\n'
              '"90630","Flu vacc iiv4 id","0.1 ML","20.000",""\n'
              '"A9606","Radium ra-223","1 microCurie","N/A",""\n')
    assert (q.quarter, q.effective_from, q.effective_to) == (
        "2026Q2", date(2026, 4, 1), date(2026, 6, 30))
    assert set(q.entries) == {"J3032", "90630"}  # N/A rows are contractor-priced, not errors
    entry = q.entries["J3032"]
    assert (entry.payment_limit, entry.dosage, entry.line) == (D("18.215"), "1 MG", 4)
    assert entry.asp.quantize(D("0.0001")) == D("17.1840")  # 18.215 / 1.06


def test_bare_asp_column_gets_the_six_percent_add_on() -> None:
    q = parse('"J1885","Ketorolac","15 MG","0.200"\n',
              header='"HCPCS Code","Short Description","HCPCS Code Dosage","ASP"\n')
    assert q.entries["J1885"].payment_limit == D("0.212")


@pytest.mark.parametrize(("body", "reason", "line"), [
    ('"J3032","x","1 MG","abc",""\n', "not a decimal amount", 4),
    ('"J3032","x","1 MG","1.2e3",""\n', "not a decimal amount", 4),
    ('"J3032","x","1 MG","-4.00",""\n', "negative price", 4),
    ('"J3032","x","1 MG","",""\n', "empty amount", 4),
    ('"J1885","x","15 MG","0.2",""\n"J30","x","1 MG","1",""\n', "invalid HCPCS code 'J30'", 5),
    ('"J3032","x","1 MG","1",""\n"J3032","y","1 MG","2",""\n', "duplicate (first on line 5)", 5),
    ('"J3032","x","","1",""\n', "missing dosage", 4),
    ('"J3032","x"\n', "expected at least 4 columns, got 2", 4),
])
def test_bad_rows_reject_the_whole_file_with_the_line(body: str, reason: str, line: int) -> None:
    good = '"J1100","Dexamethasone","1 MG","0.104",""\n'
    with pytest.raises(AspFileError) as info:
        parse(good + body)
    assert any(e.line == line + 1 and reason in e.reason for e in info.value.errors), \
        info.value.errors


def test_every_error_is_reported_not_just_the_first() -> None:
    with pytest.raises(AspFileError) as info:
        parse('"J3032","x","1 MG","bad",""\n"J1885","x","15 MG","-1",""\n')
    assert [e.line for e in info.value.errors] == [4, 5]
    assert str(info.value).startswith("line 4: J3032")


@pytest.mark.parametrize(("text", "reason"), [
    ('"Code","Price"\n"J3032","1"\n', "no header row"),
    (PREAMBLE + HEADER, "no priced rows"),
    ("J3032\x00\x01", "binary content"),
])
def test_unusable_files(text: str, reason: str) -> None:
    with pytest.raises(AspFileError, match=reason):
        parse_asp_csv(text, quarter="2026Q1", source="test")


def test_quarter_dates() -> None:
    assert quarter_dates("2026Q1") == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_dates("2026Q4") == (date(2026, 10, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        quarter_dates("2026-Q5")


def test_the_seed_sample_file_imports() -> None:
    text = (resources.files("reimbursement.data") / "asp_2026Q4_sample.csv").read_text()
    q = parse_asp_csv(text, quarter="2026Q4", source="sample")
    assert q.entries["J3032"].payment_limit == D("18.215")
    assert "J3490" not in q.entries and len(q.entries) == 13
