"""835 parsing, balancing and posting: paid, partially paid, denied, reversed, malformed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.adapters.x12.parse_835 import RemittanceFileError, parse_835
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.adapters.x12.write_835 import ClpSpec, RemitSpec, SvcSpec, write_835
from reimbursement.domain.remittance import post_claim_payment

DOS = date(2026, 3, 2)
# Our claim CLM0001: 96365 + J3032-JZ x100 under Medicare (see test_fees_and_claim).
OUR_LINES = [(1, "96365", ()), (2, "J3032", ("JZ",))]
ADMIN_PAID = SvcSpec("96365", D("350"), D("55.92"), [("CO", "45", D("278.68")),
                     ("PR", "2", D("14.26")), ("CO", "253", D("1.14"))], units=1,
                     allowed=D("71.32"))
DRUG_PAID = SvcSpec("J3032", D("2500"), D("831.04"), [("CO", "45", D("1440")),
                    ("PR", "2", D("212")), ("CO", "253", D("16.96"))], ("JZ",), 100, D("1060"))
DRUG_DENIED = SvcSpec("J3032", D("2500"), D("0"), [("CO", "4", D("2500"))], ("JZ",), 100,
                      remarks=("N519",))


def remit(*claims: ClpSpec, plb: tuple = ()) -> str:
    spec = RemitSpec("Medicare Part B", "MCRB1", "Chairside Infusion", "1245319599", "EFT0001",
                     date(2026, 3, 20), claims, plb)
    return write_835(spec, control_number=42, created_at=datetime(2026, 3, 20, 12, tzinfo=UTC))


def one_claim(text: str):
    [remittance] = parse_835(text)
    return remittance


def test_paid_claim_posts_payment_cost_share_and_contractual() -> None:
    text = remit(ClpSpec("CLM0001", "1", [ADMIN_PAID, DRUG_PAID], service_date=DOS))
    assert validate_x12(text) == []  # the fixture itself is a valid 005010X221A1
    r = one_claim(text)
    assert (r.payment_amount, r.trace_number, r.payee_npi) == (D("886.96"), "EFT0001", "1245319599")
    outcome = post_claim_payment(OUR_LINES, r.claims[0])
    assert outcome.status == "paid"
    assert outcome.paid == D("886.96")
    assert outcome.patient_responsibility == D("226.26")
    assert outcome.contractual == D("1736.78")  # CO-45 plus CO-253 sequestration
    assert outcome.denial_reasons == ()
    assert [(ln.matched_line, ln.allowed) for ln in outcome.lines] == [(1, D("71.32")),
                                                                       (2, D("1060"))]


def test_denied_claim_lists_its_reasons() -> None:
    clp = ClpSpec("CLM0001", "4", [SvcSpec("96365", D("350"), D("0"), [("CO", "197", D("350"))]),
                                   SvcSpec("J3032", D("2500"), D("0"), [("CO", "197", D("2500"))],
                                           ("JZ",))])
    outcome = post_claim_payment(OUR_LINES, one_claim(remit(clp)).claims[0])
    assert outcome.status == "denied" and outcome.paid == 0
    assert outcome.denial_reasons == ("CO-197 precertification/authorization absent",)


def test_line_denial_makes_the_claim_partially_paid() -> None:
    clp = ClpSpec("CLM0001", "1", [ADMIN_PAID, DRUG_DENIED])
    outcome = post_claim_payment(OUR_LINES, one_claim(remit(clp)).claims[0])
    assert outcome.status == "partially_paid"
    assert outcome.paid == D("55.92")
    assert outcome.denial_reasons == (
        "CO-4 procedure code inconsistent with modifier, or a required modifier is missing",)
    assert [ln.denied for ln in outcome.lines] == [False, True]
    assert one_claim(remit(clp)).claims[0].services[1].remarks == ("N519",)


def test_all_lines_denied_without_status_4_is_still_a_denial() -> None:
    clp = ClpSpec("CLM0001", "1", [SvcSpec("96365", D("350"), D("0"), [("CO", "50", D("350"))]),
                                   DRUG_DENIED])
    assert post_claim_payment(OUR_LINES, one_claim(remit(clp)).claims[0]).status == "denied"


def test_zero_paid_to_deductible_is_paid_zero_not_denied() -> None:
    clp = ClpSpec("CLM0001", "1", [SvcSpec("96365", D("350"), D("0"),
                                           [("CO", "45", D("278.68")), ("PR", "1", D("71.32"))])])
    outcome = post_claim_payment(OUR_LINES, one_claim(remit(clp)).claims[0])
    assert outcome.status == "paid_zero" and outcome.paid == 0
    assert outcome.patient_responsibility == D("71.32")


def test_reversal_then_corrected_payment_in_one_file() -> None:
    original = ClpSpec("CLM0001", "1", [ADMIN_PAID, DRUG_PAID], service_date=DOS)
    reversal = ClpSpec("CLM0001", "22", [ADMIN_PAID, DRUG_PAID], service_date=DOS, sign=-1)
    corrected = ClpSpec("CLM0001", "1", [ADMIN_PAID], service_date=DOS)
    r = one_claim(remit(reversal, corrected))
    assert r.payment_amount == D("-831.04")  # the recoupment exceeds the corrected payment
    first = post_claim_payment(OUR_LINES, r.claims[0])
    second = post_claim_payment(OUR_LINES, r.claims[1])
    assert (first.status, first.paid, first.patient_responsibility) == (
        "reversed", D("-886.96"), D("-226.26"))
    assert (second.status, second.paid) == ("paid", D("55.92"))
    assert original.paid() + first.paid + second.paid == D("55.92")


def test_provider_level_adjustments_reduce_the_payment() -> None:
    r = one_claim(remit(ClpSpec("CLM0001", "1", [ADMIN_PAID]), plb=(("WO", "OVP1", D("5.92")),)))
    assert r.payment_amount == D("50")
    assert [(p.reason, p.reference, p.amount) for p in r.provider_adjustments] == [
        ("WO", "OVP1", D("5.92"))]


def test_unmatched_service_lines_are_reported() -> None:
    clp = ClpSpec("CLM0001", "1", [ADMIN_PAID, SvcSpec("J9999", D("10"), D("10"))])
    outcome = post_claim_payment(OUR_LINES, one_claim(remit(clp)).claims[0])
    assert outcome.unmatched == ("J9999",)


GOOD = remit(ClpSpec("CLM0001", "1", [ADMIN_PAID, DRUG_PAID], service_date=DOS))


def _line_of(text: str, prefix: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), start=1) if ln.startswith(prefix))


@pytest.mark.parametrize(("mutate", "marker", "reason"), [
    (lambda t: t.replace("SVC*HC:96365*350*55.92", "SVC*HC:96365*350*55.93"), "SVC*HC:96365",
     "service 96365: charge 350 - adjustments = 55.92, but paid 55.93"),
    (lambda t: t.replace("CLP*CLM0001*1*2850*886.96", "CLP*CLM0001*1*2850*886.00"), "CLP*",
     "claim CLM0001: charge 2850 - adjustments = 886.96, but paid 886.00"),
    (lambda t: t.replace("BPR*I*886.96", "BPR*I*900"), "BPR*", "BPR02 900 but claims"),
    (lambda t: t.replace("CAS*PR*2*14.26", "CAS*XX*2*14.26"), "CAS*XX", "unknown adjustment group"),
    (lambda t: t.replace("CAS*PR*2*14.26", "CAS*PR*2*14,26"), "CAS*PR*2*14,26", "not a decimal"),
    (lambda t: t.replace("SE*", "SE*9", 1), "SE*", "SE01 says 9"),
    (lambda t: t.replace("CLP*CLM0001*1*", "CLP*CLM0001*7*"), "CLP*", "CLP02 '7'"),
    (lambda t: t.replace("SVC*HC:J3032:JZ", "SVC*J3032"), "SVC*J3032", "not a qualified"),
    (lambda t: t.replace("GS*HP*", "GS*HC*"), "GS*", "not a remittance"),
    (lambda t: t.replace("ST*835*", "ST*837*"), "ST*", "not an 835"),
    (lambda t: t.replace("TRN*1*EFT0001", "TRN*1*"), "TRN*", "trace number is required"),
    (lambda t: t.replace("BPR*I*886.96*C*CHK************20260320", "BPR*I*886.96*C*CHK"
                         "************20261340"), "BPR*", "bad date"),
])
def test_malformed_835_is_rejected_with_line_and_reason(mutate, marker, reason) -> None:
    bad = mutate(GOOD)
    assert bad != GOOD
    with pytest.raises(RemittanceFileError) as info:
        parse_835(bad)
    expected_line = _line_of(bad, marker)
    assert any(e.line == expected_line and reason in e.reason for e in info.value.errors), \
        info.value.errors


@pytest.mark.parametrize("text", ["", "hello", "GS*HP~ST*835~", "ISA*00" + "x" * 50])
def test_not_an_x12_file(text: str) -> None:
    with pytest.raises(RemittanceFileError, match="line 1: not an X12 file"):
        parse_835(text)


def test_truncated_file_is_rejected() -> None:
    cut = GOOD[: GOOD.index("SE*")]
    with pytest.raises(RemittanceFileError, match="does not end with IEA"):
        parse_835(cut)


def test_single_line_file_with_other_terminator_parses() -> None:
    flat = GOOD.replace("~\n", "~")
    assert one_claim(flat).claims[0].paid == D("886.96")


def test_patient_names_are_not_kept() -> None:
    r = one_claim(GOOD)
    assert "PATIENT" not in repr(r) and "MEMBER0001" not in repr(r)


cents = st.decimals(min_value=D("0"), max_value=D("5000"), places=2)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(cents, cents, cents, cents), min_size=1, max_size=5))
def test_written_remittances_always_balance_and_post(lines) -> None:
    services = []
    for i, (allowed_part, contractual, coins, seq) in enumerate(lines):
        paid = allowed_part
        charge = paid + contractual + coins + seq
        services.append(
            SvcSpec(
                f"J{1000 + i}",
                charge,
                paid,
                [("CO", "45", contractual), ("PR", "2", coins), ("CO", "253", seq)],
            )
        )
    text = remit(ClpSpec("CLM0009", "1", services))
    r = one_claim(text)
    assert r.payment_amount == sum((s.paid for s in services), D(0))
    ours = [(i + 1, f"J{1000 + i}", ()) for i in range(len(services))]
    outcome = post_claim_payment(ours, r.claims[0])
    assert outcome.paid == r.payment_amount
    assert outcome.patient_responsibility == sum((s.adjustments[1][2] for s in services), D(0))
    expected_denied = [s.paid == 0 and s.adjustments[1][2] == 0 and s.charge != 0 for s in services]
    assert [ln.denied for ln in outcome.lines] == expected_denied
