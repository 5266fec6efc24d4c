"""Issue 14 point 3, 835 posting you can trust (payer-exchange.md §4, cases 17-22, 25, 26):
remittance identity from parsed segments, refusals, netting of reversals in any order,
PLB recoupments, zero-pay and crossover. Money rules as tables plus hypothesis properties."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reimb_it import resent

from reimbursement.adapters.x12.parse_835 import RemittanceFileError, parse_835
from reimbursement.adapters.x12.write_835 import ClpSpec, RemitSpec, SvcSpec, write_835
from reimbursement.domain.claim import build_claim
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.remittance import Remittance, RemittanceKey, post_claim_payment
from reimbursement.domain.remittance_checks import payee_refusals, reversal_refusals
from reimbursement.domain.settlement import Entry, open_recoupment, settle, unpaired_reversals
from reimbursement.testing import BILLING, give, make_ctx, make_visit

NPI = BILLING.npi
OURS = [(1, "96365", ()), (2, "J3032", ("JZ",))]
ADMIN = SvcSpec("96365", D("350"), D("55.92"), [("CO", "45", D("278.68")),
                ("PR", "2", D("14.26")), ("CO", "253", D("1.14"))], units=1)
DRUG = SvcSpec("J3032", D("2500"), D("744"), [("CO", "45", D("1540")), ("PR", "2", D("200")),
               ("CO", "253", D("16"))], ("JZ",), 100)


def remit(*claims: ClpSpec, plb: tuple = (), trace: str = "EFT0001", payer: str = "MCRB1",
          payee: str = NPI, control: int = 42, sub: str = "") -> str:
    spec = RemitSpec("Medicare Part B", payer, "Chairside Infusion", payee, trace,
                     date(2026, 3, 20), claims, plb, originator_sub=sub)
    return write_835(spec, control_number=control,
                     created_at=datetime(2026, 3, 20, 12, tzinfo=UTC))


ORIGINAL = ClpSpec("CLM0001", "1", [ADMIN, DRUG])  # paid 799.92
GOOD = remit(ORIGINAL)


# ----------------------------------------------------------------- identity (§4.1, 17, 18)
def _money(r: Remittance) -> tuple:
    """What posts, without the source lines (they move with the line breaks)."""
    return (r.payment_amount, [
        (c.account_number, c.status_code, c.payer_claim_number, c.charge, c.paid,
         c.patient_responsibility, c.adjustments,
         [(s.code, s.modifiers, s.charge, s.paid, s.adjustments) for s in c.services])
        for c in r.claims])


def test_the_key_is_read_from_trn_and_the_payee() -> None:
    [r] = parse_835(remit(ORIGINAL, sub="PLAN7"))
    assert r.key == RemittanceKey("10000MCRB1", "PLAN7", "EFT0001", f"XX:{NPI}")


@pytest.mark.parametrize("breaks", ["~", "~\n", "~\r\n", "~\r", "~\n\n"])
def test_case_17_a_resent_file_has_the_same_key_and_content(breaks: str) -> None:
    again = resent(GOOD, breaks, 777, 88, 9)
    assert again != GOOD
    [first], [second] = parse_835(GOOD), parse_835(again)
    assert second.key == first.key and _money(second) == _money(first)


@settings(max_examples=60, deadline=None)
@given(breaks=st.sampled_from(["~", "~\n", "~\r\n", "~\r", "~\n\r\n"]),
       isa13=st.integers(1, 999_999_999), gs06=st.integers(1, 999_999_999),
       st02=st.integers(1, 9999))
def test_property_any_resend_form_reads_as_the_same_remittance(breaks, isa13, gs06,
                                                              st02) -> None:
    [first] = parse_835(GOOD)
    [again] = parse_835(resent(GOOD, breaks, isa13, gs06, st02))
    assert (again.key, _money(again)) == (first.key, _money(first))


@pytest.mark.parametrize(("change", "same"), [
    ({"payer": "OTHER9"}, False),  # case 18: same TRN02, another TRN03
    ({"sub": "PLAN2"}, False),  # another TRN04
    ({"trace": "EFT0002"}, False),
    ({"payee": "1234567893"}, False),
    ({"control": 99}, True),
])
def test_case_18_which_differences_make_another_remittance(change, same) -> None:
    [a], [b] = parse_835(GOOD), parse_835(remit(ORIGINAL, **change))
    assert (a.key == b.key) is same


# ----------------------------------------------------------------- refusals in the file
@pytest.mark.parametrize(("mutate", "marker", "reason"), [
    (lambda t: t.replace("005010X221A1", "004010X091A1"), "GS*", "GS08 '004010X091A1' is not"),
    (lambda t: t.replace("ST*835*0042", "ST*835*0042*004010X091A1"), "ST*",
     "ST03 '004010X091A1' is not 005010X221A1"),
    (lambda t: t.replace("CAS*CO*45*278.68", "CAS*CR*45*278.68"), "CAS*CR",
     "group CR is not valid in a 5010 835"),
    (lambda t: t.replace("BPR*I*799.92", "BPR*I*800"), "BPR*", "BPR: BPR02 800 but"),
    (lambda t: t.replace("SVC*HC:96365*350*55.92", "SVC*HC:96365*350*55.90"), "SVC*HC:96365",
     "SVC: service 96365"),
    (lambda t: t.replace("N1*PE*CHAIRSIDE INFUSION*XX*" + NPI, "N1*PE*CHAIRSIDE INFUSION"),
     "N1*PE", "N103/N104"),
])
def test_refused_files_name_the_line_and_reason(mutate, marker, reason) -> None:
    bad = mutate(GOOD)
    assert bad != GOOD
    with pytest.raises(RemittanceFileError) as info:
        parse_835(bad)
    line = next(i for i, ln in enumerate(bad.splitlines(), 1) if ln.startswith(marker))
    assert any(e.line == line and reason in e.reason for e in info.value.errors), \
        info.value.errors
    assert info.value.keys  # what could be read, to quarantine it under


def test_case_22_plb_that_breaks_the_transaction_balance() -> None:
    text = remit(ORIGINAL, plb=(("WO", "PCNCLM0001", D("-150")),))
    assert "BPR*I*949.92" in text  # sum CLP04 - sum PLB = 799.92 + 150
    assert parse_835(text)[0].payment_amount == D("949.92")
    with pytest.raises(RemittanceFileError, match="BPR02 799.92 but claims less provider "
                       "adjustments come to 949.92"):
        parse_835(text.replace("BPR*I*949.92", "BPR*I*799.92"))


@pytest.mark.parametrize(("payee", "tin", "identity", "reason"), [
    (NPI, None, BILLING, None),
    ("1234567893", None, BILLING, "payee NPI 1234567893 is not this practice's billing NPI"),
    (None, BILLING.ein, BILLING, None),
    (None, "04-999000", BILLING, "payee TIN is not this practice's EIN"),
    (NPI, "049990001", BILLING, None),
    (NPI, None, None, "billing identity is not recorded"),
])
def test_payee_must_be_this_practice(payee, tin, identity, reason) -> None:
    text = GOOD
    if payee is None:
        text = text.replace(f"*XX*{NPI}~", f"*FI*{tin}~")
    elif tin is not None:
        text = text.replace(f"*XX*{NPI}~", f"*XX*{payee}~\nREF*TJ*{tin}~", 1)
    else:
        text = text.replace(f"*XX*{NPI}~", f"*XX*{payee}~")
    text = text.replace("SE*", "SE*", 1)
    [r] = parse_835(_fix_count(text))
    found = payee_refusals(r, identity)
    if reason is None:
        assert found == []
    else:
        assert [f.line for f in found] == [r.payee_line] and reason in found[0].reason


def _fix_count(text: str) -> str:
    lines = text.splitlines()
    st_at = next(i for i, ln in enumerate(lines) if ln.startswith("ST*"))
    se_at = next(i for i, ln in enumerate(lines) if ln.startswith("SE*"))
    control = lines[se_at].rstrip("~").split("*")[2]
    lines[se_at] = f"SE*{se_at - st_at + 1}*{control}~"
    return "\n".join(lines) + "\n"


REV = ClpSpec("CLM0001", "22", [ADMIN, DRUG], sign=-1)
CORRECTED = ClpSpec("CLM0001", "1", [ADMIN])


def _entry(clp: ClpSpec, line: int = 0) -> Entry:
    [r] = parse_835(remit(clp))
    c = r.claims[0]
    outcome = post_claim_payment(OURS, c)
    return Entry(c.status_code, outcome.status, c.charge, c.paid, outcome.patient_responsibility,
                 c.crossover, outcome.denial_reasons, line)


@pytest.mark.parametrize(("before", "in_file", "refused"), [
    ([ORIGINAL], [REV, CORRECTED], False),  # reversal of an earlier payment
    ([], [ORIGINAL, REV], False),  # original and reversal in the same file
    ([], [REV, CORRECTED], True),  # nothing to reverse
    ([ORIGINAL, REV], [REV], True),  # already reversed: no double credit
    ([CORRECTED], [REV], True),  # amounts match no payment
])
def test_a_reversal_must_reverse_a_posted_payment(before, in_file, refused) -> None:
    [r] = parse_835(remit(*in_file))
    history = {"CLM0001": [_entry(c) for c in before]}
    found = reversal_refusals([r], history)
    rev_line = next(c.line for c in r.claims if c.status_code == "22")
    assert (found != []) is refused
    if refused:
        assert found[0].line == rev_line and "matches no payment posted" in found[0].reason


# ----------------------------------------------------------------- netting (cases 19, 20)
@pytest.mark.parametrize(("posts", "status", "paid"), [
    ([ORIGINAL], "paid", D("799.92")),
    ([ORIGINAL, REV], "reversed", D("0")),  # case 20: balance reopened
    ([ORIGINAL, REV, CORRECTED], "paid", D("55.92")),  # case 19: net this file -744
    ([ORIGINAL, CORRECTED, REV], "paid", D("55.92")),  # the correction arrived first
    ([REV, CORRECTED, ORIGINAL], "paid", D("55.92")),
])
def test_settlement_nets_reversals_and_corrections(posts, status, paid) -> None:
    entries = [_entry(c) for c in posts]
    assert unpaired_reversals(entries) == []
    s = settle(entries)
    assert (s.status, s.paid) == (status, paid)


def test_a_second_reversal_of_one_payment_is_left_unpaired() -> None:
    entries = [_entry(ORIGINAL), _entry(REV), _entry(CORRECTED), _entry(REV, line=9)]
    assert [e.line for e in unpaired_reversals(entries)] == [9]


def test_case_19_both_kept_and_net_is_corrected_minus_original() -> None:
    entries = [_entry(ORIGINAL), _entry(REV), _entry(CORRECTED)]
    assert sum((e.paid for e in entries[1:]), D(0)) == D("55.92") - D("799.92")
    s = settle(entries)
    assert (s.paid, s.patient_responsibility, s.standing) == (D("55.92"), D("14.26"), 1)


POOL = [ORIGINAL, REV, CORRECTED, ClpSpec("CLM0001", "4", [
    SvcSpec("96365", D("350"), D("0"), [("CO", "50", D("350"))]),
    SvcSpec("J3032", D("2500"), D("0"), [("CO", "50", D("2500"))], ("JZ",))])]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(range(len(POOL))), min_size=1, max_size=6), st.randoms())
def test_property_any_order_of_posts_nets_to_the_same_balance(picks, rnd) -> None:
    entries = [_entry(POOL[i]) for i in picks]
    shuffled = list(entries)
    rnd.shuffle(shuffled)
    a, b = settle(entries), settle(shuffled)
    assert (a.status, a.paid, a.patient_responsibility, a.denial_reasons, a.standing) == (
        b.status, b.paid, b.patient_responsibility, b.denial_reasons, b.standing)
    assert a.paid == sum((e.paid for e in entries), D(0))
    assert len(unpaired_reversals(entries)) == len(unpaired_reversals(shuffled))


# ----------------------------------------------------------------- PLB recoupment (case 21)
@pytest.mark.parametrize(("plb", "still_open"), [
    ([("WO", D("-150"))], D("150")),  # deferred: paid now, owed back
    ([("WO", D("-150")), ("WO", D("150"))], D("0")),  # recovered later
    ([("WO", D("-150")), ("WO", D("100"))], D("50")),
    ([("FB", D("-20")), ("72", D("20"))], D("0")),
    ([("L6", D("-3.10"))], D("0")),  # interest is no recoupment
])
def test_deferred_recoupment_stays_open_until_recovered(plb, still_open) -> None:
    assert open_recoupment(plb) == still_open


def test_case_21_reversal_with_deferred_recoupment_balances() -> None:
    text = remit(REV, CORRECTED, plb=(("WO", "PCNCLM0001", D("-150")),))
    [r] = parse_835(text)
    assert r.payment_amount == sum((c.paid for c in r.claims), D(0)) + 150
    assert [(p.reason, p.reference, p.amount) for p in r.provider_adjustments] == [
        ("WO", "PCNCLM0001", D("-150"))]


# ----------------------------------------------------------------- zero pay (case 25)
ZERO_PAY = SvcSpec("96365", D("350"), D("0"), [("CO", "45", D("278.68")), ("PR", "1", D("71.32"))])


@pytest.mark.parametrize(("clp", "status"), [
    (ClpSpec("CLM0001", "1", [ZERO_PAY]), "paid_zero"),  # case 25: the patient owes
    (ClpSpec("CLM0001", "1", [ZERO_PAY, SvcSpec("J3032", D("2500"), D("0"), [
        ("PR", "1", D("1000")), ("CO", "45", D("1500"))], ("JZ",))]), "paid_zero"),
    (ClpSpec("CLM0001", "4", [SvcSpec("96365", D("350"), D("0"), [("CO", "50", D("350"))])]),
     "denied"),
    (ClpSpec("CLM0001", "1", [SvcSpec("96365", D("350"), D("0"), [("CO", "50", D("350"))])]),
     "denied"),  # a CO denial CARC on every line
    (ClpSpec("CLM0001", "1", [SvcSpec("96365", D("350"), D("0"), [("PI", "204", D("350"))])]),
     "denied"),
    (ClpSpec("CLM0001", "1", [ZERO_PAY, SvcSpec("J3032", D("2500"), D("0"), [
        ("CO", "197", D("2500"))], ("JZ",))]), "partially_paid"),
    (ClpSpec("CLM0001", "1", [], claim_adjustments=[("PR", "1", D("0"))]), "denied"),
])
def test_zero_pay_is_not_a_denial(clp, status) -> None:
    [r] = parse_835(remit(clp))
    assert post_claim_payment(OURS, r.claims[0]).status == status


# ----------------------------------------------------------------- crossover (case 26)
@pytest.mark.parametrize(("status", "remarks", "line_remark", "crossover"), [
    ("19", ("MA18",), None, True),
    ("20", ("MA07",), None, True),
    ("21", (), "MA18", True),  # the RARC on a line (LQ*HE)
    ("1", ("MA18",), None, False),  # not forwarded
    ("19", ("N130",), None, False),  # forwarded, but not a crossover remark
])
def test_crossover_is_recognised(status, remarks, line_remark, crossover) -> None:
    admin = SvcSpec("96365", D("350"), D("55.92"), ADMIN.adjustments, units=1,
                    remarks=(line_remark,) if line_remark else ())
    [r] = parse_835(remit(ClpSpec("CLM0001", status, [admin], remarks=remarks)))
    assert r.claims[0].crossover is crossover
    assert r.claims[0].remarks == remarks


# ----------------------------------------------------------------- the claim takes the settlement
T0 = datetime(2026, 3, 2, 20, tzinfo=UTC)
LATER = datetime(2026, 3, 20, 12, tzinfo=UTC)


def new_claim() -> Claim:
    visit = make_visit(give(1, "eptinezumab", "70001000101", "100", "mg", "infusion", 0, 35))
    return Claim.create(claim_id=uuid.uuid4(), draft=build_claim(visit, make_ctx()),
                        lot_costs={}, now=T0)

@settings(max_examples=40, deadline=None)
@given(st.permutations([ORIGINAL, REV, CORRECTED]))
def test_property_a_claim_posted_in_any_order_ends_the_same(order) -> None:
    claim = new_claim()
    claim.submit(now=T0)
    lines = [(b.line.number, b.line.code, b.line.modifiers) for b in claim.lines]
    history: list[Entry] = []
    for spec in order:
        [r] = parse_835(remit(spec))
        outcome = post_claim_payment(lines, r.claims[0])
        history.append(Entry(r.claims[0].status_code, outcome.status, r.claims[0].charge,
                             outcome.paid, outcome.patient_responsibility))
        claim.post(outcome, now=LATER, settled=settle(history))
    assert (claim.status, claim.paid_amount, claim.patient_responsibility) == (
        "paid", D("55.92"), D("14.26"))


def test_a_crossover_payment_marks_the_claim() -> None:
    claim = new_claim()
    claim.submit(now=T0)
    [r] = parse_835(remit(ClpSpec("CLM0001", "19", [ADMIN, DRUG], remarks=("MA18",))))
    lines = [(b.line.number, b.line.code, b.line.modifiers) for b in claim.lines]
    outcome = post_claim_payment(lines, r.claims[0])
    entry = Entry("19", outcome.status, r.claims[0].charge, outcome.paid,
                  outcome.patient_responsibility, crossover=r.claims[0].crossover)
    claim.post(outcome, now=LATER, settled=settle([entry]))
    assert (claim.status, claim.awaiting_crossover) == ("paid", True)
