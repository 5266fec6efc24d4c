"""999 and 277CA interpretation (payer-exchange.md §3): tables of what each acknowledgement
means for the claims it names, and the readers over real 005010X231A1 / X214 text."""

from __future__ import annotations

import pytest

from reimbursement.adapters.x12.read_acks import (
    AckFileError,
    read_277ca,
    read_999,
    transaction_type,
)
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.acks import (
    ElementError,
    SegmentProblem,
    Verdict,
    claim_verdict,
    set_rejections,
)

ISA = ("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CHAIRSIDE01    *260302*1200*^*"
       "00501*000000009*0*T*:~")
ACK_999 = ISA + """
GS*FA*CLEARINGHOUSE*CHAIRSIDE01*20260302*1200*9*X*005010X231A1~
ST*999*0009*005010X231A1~
AK1*HC*41*005010X222A1~
AK2*837*0041*005010X222A1~
IK3*CLM*21*2300*8~
CTX*CLM01:A1001~
IK4*5*1325*7~
IK5*R*5~
AK9*R*1*1*0~
SE*9*0009~
GE*1*9~
IEA*1*000000009~
"""
ACK_277 = ISA + """
GS*HN*CLEARINGHOUSE*CHAIRSIDE01*20260302*1200*9*X*005010X214~
ST*277*0009*005010X214~
BHT*0085*08*9*20260302*1200*TH~
HL*1**20*1~
NM1*PR*2*MEDICARE PART B*****PI*MCRB1~
TRN*1*9~
DTP*050*D8*20260302~
DTP*009*D8*20260302~
HL*2*1*21*1~
NM1*41*2*SUBMITTER*****46*CHAIRSIDE01~
TRN*2*41~
STC*A1:19:PR*20260302*WQ*955~
HL*3*2*19*1~
NM1*85*2*CLINIC*****XX*1245319599~
TRN*1*0~
STC*A1:19:85**WQ*605~
HL*4*3*PT~
NM1*QC*1*DOE*JANE****MI*M1~
TRN*2*A1001~
STC*A2:20*20260302*WQ*605~
REF*1K*26061000090001~
DTP*472*D8*20260302~
HL*5*2*19*1~
NM1*85*2*CLINIC*****XX*1245319599~
TRN*1*0~
STC*A1:19:85**WQ*350~
HL*6*5*PT~
NM1*QC*1*DOE*JOHN****MI*M2~
TRN*2*A1002-2~
STC*A7:562:85*20260302*U*350~
DTP*472*D8*20260302~
SE*31*0009~
GE*1*9~
IEA*1*000000009~
"""

CLAIM_STATUSES = [  # STC01-1, code, entity, ICN -> accepted?, reason
    ("A1", "19", "PR", None, None, None),
    ("A2", "20", None, "ICN1", True, None),
    ("A5", "20", None, "ICN2", True, None),
    ("A3", "21", None, None, False, "277CA A3 returned unprocessable: status code 21"),
    ("A4", "35", None, None, False, "277CA A4 not found: status code 35"),
    ("A6", "33", "IL", None, False,
     "277CA A6 rejected for missing information: status code 33, subscriber"),
    ("A7", "562", "85", None, False,
     "277CA A7 rejected for invalid information: status code 562, billing provider"),
    ("A8", "454", "QC", None, False,
     "277CA A8 rejected for relational error: status code 454, patient"),
]


@pytest.mark.parametrize(("category", "code", "entity", "icn", "accepted", "reason"),
                         CLAIM_STATUSES)
def test_277ca_categories(category, code, entity, icn, accepted, reason) -> None:
    verdict = claim_verdict("A1", category, code, entity, icn)
    if accepted is None:
        assert verdict is None  # received only: nothing changes
    else:
        assert verdict == Verdict("A1", accepted, icn if accepted else None,
                                  (reason,) if reason else ())


PROBLEM = SegmentProblem("CLM", "21", "2300", "8", "A1001", (ElementError("5", "1325", "7"),))


@pytest.mark.parametrize(("outcome", "rejected"), [
    ("A", False), ("E", False), ("R", True), ("M", True), ("W", True), ("X", True)])
def test_999_set_outcomes(outcome: str, rejected: bool) -> None:
    verdicts = set_rejections(outcome, "0041", (PROBLEM,), ("A1001", "A1002", "A1003"))
    assert [v.clm01 for v in verdicts] == (["A1001", "A1002", "A1003"] if rejected else [])
    assert all(not v.accepted and v.icn is None for v in verdicts)


def test_999_ik5_r_rejects_all_three_and_names_the_error_on_its_claim() -> None:  # case 12
    first, second, third = set_rejections("R", "0041", (PROBLEM,), ("A1001", "A1002", "A1003"))
    general = "999 IK5 R: transaction set 0041 rejected (claim A1001 in error)"
    assert first.reasons == (general, "999 IK3 CLM segment 21 (loop 2300): segment has data "
                             "element errors; IK4 CLM05 (element 1325): invalid code value")
    assert second.reasons == third.reasons == (general,)


def test_reading_a_999() -> None:
    [ack] = read_999(ACK_999)
    assert (ack.gs_control, ack.group_outcome) == ("41", "R")
    [st] = ack.sets
    assert (st.st_control, st.outcome) == ("0041", "R")
    [error] = st.errors
    assert (error.segment, error.position, error.loop, error.code, error.clm01) == (
        "CLM", "21", "2300", "8", "A1001")
    assert error.elements == [("5", "1325", "7")]


def test_reading_a_277ca_claim_by_claim() -> None:
    found = {(c.clm01, c.category, c.status_code, c.entity, c.icn) for c in read_277ca(ACK_277)}
    assert found == {("A1001", "A2", "20", None, "26061000090001"),
                     ("A1002-2", "A7", "562", "85", None)}


@pytest.mark.parametrize(("text", "kind"), [(ACK_999, "999"), (ACK_277, "277")])
def test_transaction_type(text: str, kind: str) -> None:
    assert transaction_type(text) == kind


def test_not_x12_is_refused() -> None:
    with pytest.raises(AckFileError):
        transaction_type("hello")


@pytest.mark.parametrize("text", [ACK_999, ACK_277], ids=["999", "277CA"])
def test_the_fixtures_are_valid_x12(text: str) -> None:
    assert validate_x12(text) == []
