"""Expected allowed and contract variance (payer-exchange §4.6, §8 cases 23-24): tables of
cases and properties, on the pure domain."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimbursement.domain.fees import (
    AspEntry,
    AspQuarter,
    DrugBasis,
    PayerContract,
    PayerKind,
    admin_rate,
    drug_rate,
)
from reimbursement.domain.money import cents
from reimbursement.domain.posting import PostedAdjustment, PostedPayment
from reimbursement.domain.pricing import (
    ContractTerms,
    DrugPricing,
    Tolerance,
    from_legacy,
    priced_by,
)
from reimbursement.domain.variance import (
    BilledFacts,
    Pricing,
    Remitted,
    claim_variances,
    expected_allowed,
    line_variance,
    payer_allowed,
    payment_of_record,
)

ASP = AspQuarter("2026Q1", date(2026, 1, 1), date(2026, 3, 31), {
    "J3032": AspEntry("J3032", "eptinezumab", "1 MG", D("10.600")),
    "J1745": AspEntry("J1745", "infliximab", "10 MG", D("45.580")),
}, "test")
AWP = {"J3032": D("14.00"), "J1745": D("60.00")}
MEDICARE = ContractTerms("Medicare Part B", PayerKind.MEDICARE, DrugPricing.ASP,
                         drug_percent=D("106"), rates={"96365": D("71.32")},
                         sequestration=D("0.02"), tolerance=Tolerance(D("1.00"), D("0")))
ACME = ContractTerms("Acme PPO", PayerKind.COMMERCIAL, DrugPricing.ASP, drug_percent=D("115"),
                     rates={"96365": D("90.00")}, tolerance=Tolerance(D("0"), D("2")))
AWP83 = ContractTerms("AWP plan", PayerKind.COMMERCIAL, DrugPricing.AWP, drug_percent=D("83"))
SCHEDULE = ContractTerms("Flat plan", PayerKind.MEDICARE_ADVANTAGE, DrugPricing.FEE_SCHEDULE,
                         fee_schedule_id="flat-2026", rates={"J3032": D("11.00")})


def adj(line: str | None, group: str, reason: str, amount: str) -> PostedAdjustment:
    return PostedAdjustment(line, group, reason, D(amount))


@pytest.mark.parametrize(("terms", "schedule", "code", "units", "expected"), [
    (MEDICARE, {}, "J3032", 100, D("1060.00")),  # the file's limit (106 % of ASP) x units
    (MEDICARE, {}, "J1745", 36, D("1640.88")),
    (MEDICARE, {}, "96365", 1, D("71.32")),  # administration from the per-code rates
    (ACME, {}, "J3032", 100, D("1150.00")),  # ASP + 15 %: 10.00 x 1.15 x 100
    (ACME, {}, "J1745", 36, D("1780.20")),  # 45.58 / 1.06 = 43.00 x 1.15 x 36
    (AWP83, {}, "J3032", 100, D("1162.00")),  # 83 % of AWP
    (SCHEDULE, {"J3032": D("9.00"), "96365": D("80.00")}, "J3032", 100, D("1100.00")),
    (SCHEDULE, {"J3032": D("9.00"), "96365": D("80.00")}, "96365", 2, D("160.00")),
    (SCHEDULE, {}, "J1745", 10, None),  # nothing prices it
    (MEDICARE, {}, "J9999", 1, None),  # not in the ASP file
])
def test_expected_allowed(terms, schedule, code, units, expected):
    pricing = Pricing(terms, schedule, ASP, AWP)
    assert expected_allowed(pricing, code, units) == expected


def medicare_paid(allowed: D, *, coinsurance: str = "0.20", seq: bool = True) -> Remitted:
    """A Medicare line as an 835 sends it: coinsurance PR-2, then 2 % of the rest CO-253."""
    coins = cents(allowed * D(coinsurance))
    withheld = cents((allowed - coins) * D("0.02")) if seq else D(0)
    line = [adj("J3032-JZ", "PR", "2", str(coins))]
    if withheld:
        line.append(adj("J3032-JZ", "CO", "253", str(withheld)))
    return Remitted(allowed - coins - withheld, tuple(line))


@pytest.mark.parametrize(("terms", "remitted", "status", "allowed", "variance"), [
    # case 24: CO-253 on a Medicare line is expected, not a variance
    (MEDICARE, medicare_paid(D("1060.00")), "within_tolerance", D("1060.00"), D("0.00")),
    # case 23: allowed 20 % below the contract's expected -> underpaid by the amount
    (MEDICARE, medicare_paid(D("848.00")), "underpaid", D("848.00"), D("-212.00")),
    (ACME, Remitted(D("880.00"), (adj("J3032-JZ", "PR", "2", "220.00"),)), "underpaid",
     D("1100.00"), D("-50.00")),  # 4.3 % under, tolerance 2 %
    (ACME, Remitted(D("910.00"), (adj("J3032-JZ", "PR", "2", "220.00"),)), "within_tolerance",
     D("1130.00"), D("-20.00")),  # 1.7 % under: within 2 %
    (ACME, Remitted(D("1000.00"), (adj("J3032-JZ", "PR", "2", "250.00"),)), "overpaid",
     D("1250.00"), D("100.00")),
    # CO-253 on a commercial contract is money withheld: it counts against the payer
    (ACME, Remitted(D("880.00"), (adj("J3032-JZ", "PR", "2", "230.00"),
                                  adj("J3032-JZ", "CO", "253", "40.00"))), "underpaid",
     D("1110.00"), D("-40.00")),
    # AMT*B6 wins over the derived figure
    (MEDICARE, Remitted(D("700.00"), (), reported_allowed=D("1060.00")), "within_tolerance",
     D("1060.00"), D("0.00")),
    # within the $1 flat tolerance, and a cent beyond it
    (MEDICARE, medicare_paid(D("1059.00")), "within_tolerance", D("1059.00"), D("-1.00")),
    (MEDICARE, medicare_paid(D("1058.99")), "underpaid", D("1058.99"), D("-1.01")),
])
def test_variance(terms, remitted, status, allowed, variance):
    v = line_variance(Pricing(terms, {}, ASP, AWP), code="J3032", units=100, remitted=remitted)
    assert (v.status, v.allowed, v.variance) == (status, allowed, variance)
    assert v.paid == remitted.paid


def test_sequestration_beyond_two_percent_is_a_variance():
    # 1060 allowed, 212 coinsurance, 848 payer portion: 2 % is 16.96; 40.00 was withheld
    remitted = Remitted(D("808.00"), (adj("J3032-JZ", "PR", "2", "212.00"),
                                      adj("J3032-JZ", "CO", "253", "40.00")))
    v = line_variance(Pricing(MEDICARE, {}, ASP), code="J3032", units=100, remitted=remitted)
    assert (v.status, v.sequestration, v.expected) == ("underpaid", D("16.97"), D("1060.00"))
    assert v.variance == D("-23.03")


def payment(status: str, adjustments: list[PostedAdjustment], *, outcome: str | None = "paid",
            claim: bool = True) -> PostedPayment:
    return PostedPayment(uuid4(), 0, uuid4() if claim else None, "A1", status, "ICN1",
                         D("0"), D("0"), D("0"), D("0"), outcome, (), tuple(adjustments), (),
                         datetime(2026, 3, 20, tzinfo=UTC))  # type: ignore[arg-type]


LINES = [BilledFacts(1, "96365", (), 1, D("350.00"), D("55.91")),
         BilledFacts(2, "J3032", ("JZ",), 100, D("2500.00"), D("664.83")),
         BilledFacts(3, "J1745", (), 36, D("5400.00"), D("0"), denied=True),
         BilledFacts(4, "96375", (), 1, D("65.00"))]  # not on the 835


def test_claim_variances_match_lines_by_code_and_modifiers_and_skip_denied():
    paid = payment("1", [
        adj("96365", "CO", "45", "278.69"), adj("96365", "PR", "2", "14.26"),
        adj("96365", "CO", "253", "1.14"), adj("J3032-JZ", "CO", "45", "1652.00"),
        adj("J3032-JZ", "PR", "2", "169.60"), adj("J3032-JZ", "CO", "253", "13.57"),
        adj("J1745", "CO", "197", "5400.00"), adj(None, "OA", "23", "0")])
    found = claim_variances(Pricing(MEDICARE, {}, ASP), LINES, paid)
    assert [(v.lines, v.code, v.expected, v.allowed, v.paid, v.status) for v in found] == [
        ((1,), "96365", D("71.32"), D("71.31"), D("55.91"), "within_tolerance"),
        ((2,), "J3032", D("1060.00"), D("848.00"), D("664.83"), "underpaid")]
    assert found[1].variance == D("-212.00")


def test_the_payment_of_record_is_the_primary_payers_latest_applied():
    first = payment("1", [adj("J3032-JZ", "CO", "45", "1")])
    reversal = payment("22", [adj("J3032-JZ", "CO", "45", "-1")], outcome="reversed")
    corrected = payment("1", [adj("J3032-JZ", "CO", "45", "2")])
    secondary = payment("2", [adj("J3032-JZ", "OA", "23", "848")])
    crossover = payment("19", [adj("J3032-JZ", "CO", "45", "3")])
    held = payment("1", [], outcome="unsubmitted")
    unmatched = payment("1", [], outcome=None, claim=False)
    assert payment_of_record([first, reversal, corrected, secondary]) is corrected
    assert payment_of_record([first, crossover, held]) is crossover
    assert payment_of_record([secondary, held, unmatched, reversal]) is None


def test_a_legacy_contract_prices_as_its_claims_were_priced():
    legacy = PayerContract("medicare", "Medicare Part B", PayerKind.MEDICARE,
                           DrugBasis.MEDICARE_ASP, admin_rates={"96365": D("71.32")},
                           sequestration=D("0.02"))
    pricing = Pricing(from_legacy(legacy), {}, ASP)
    assert expected_allowed(pricing, "J3032", 100) == D("1060.00")
    assert expected_allowed(pricing, "96365", 1) == D("71.32")
    acme = PayerContract("acme", "Acme", PayerKind.COMMERCIAL, DrugBasis.ASP_PERCENT,
                         drug_percent=D("1.15"))
    assert expected_allowed(Pricing(from_legacy(acme), {}, ASP), "J3032", 100) == D("1150.00")


# ----------------------------------------------------------------------------- properties
money = st.decimals(min_value=D("0.01"), max_value=D("50000"), places=2)
percent = st.decimals(min_value=D("0"), max_value=D("25"), places=2)
units = st.integers(min_value=1, max_value=1000)


@given(expected=money, tol_amount=money, tol_percent=percent, fraction=st.floats(-1, 1))
def test_a_variance_within_tolerance_is_never_flagged(expected, tol_amount, tol_percent,
                                                      fraction):
    tolerance = Tolerance(tol_amount, tol_percent)
    terms = ContractTerms("t", PayerKind.COMMERCIAL, DrugPricing.FEE_SCHEDULE,
                          rates={"X": expected}, tolerance=tolerance)
    allowance = cents(tolerance.allowance(expected))
    allowed = expected + cents(allowance * D(str(round(fraction, 4))))
    v = line_variance(Pricing(terms), code="X", units=1, remitted=Remitted(allowed))
    assert abs(v.variance or 0) <= allowance
    assert not v.flagged


@given(expected=money, beyond=money, tol_amount=money, under=st.booleans())
def test_a_variance_beyond_tolerance_is_flagged_with_its_amount(expected, beyond, tol_amount,
                                                                under):
    terms = ContractTerms("t", PayerKind.COMMERCIAL, DrugPricing.FEE_SCHEDULE,
                          rates={"X": expected}, tolerance=Tolerance(tol_amount))
    allowed = expected - tol_amount - beyond if under else expected + tol_amount + beyond
    v = line_variance(Pricing(terms), code="X", units=1, remitted=Remitted(allowed))
    assert v.status == ("underpaid" if under else "overpaid")
    assert v.variance == allowed - expected


@given(allowed=money, coinsurance=st.sampled_from(["0", "0.20", "0.15"]),
       deductible=st.decimals(min_value=D("0"), max_value=D("500"), places=2))
def test_medicare_sequestration_is_never_a_variance(allowed, coinsurance, deductible):
    """Whatever the allowed and the patient's share, 2 % CO-253 off the paid portion leaves
    the payer's allowed at the contract's (zero tolerance)."""
    deductible = min(deductible, allowed)
    coins = cents((allowed - deductible) * D(coinsurance))
    payer = allowed - deductible - coins
    withheld = cents(payer * D("0.02"))
    remitted = Remitted(payer - withheld, (
        adj("X", "PR", "1", str(deductible)), adj("X", "PR", "2", str(coins)),
        adj("X", "CO", "253", str(withheld)), adj("X", "CO", "45", "12.00")))
    terms = ContractTerms("m", PayerKind.MEDICARE, DrugPricing.FEE_SCHEDULE,
                          rates={"X": allowed}, sequestration=D("0.02"))
    v = line_variance(Pricing(terms), code="X", units=1, remitted=remitted)
    assert payer_allowed(remitted, D("0.02")) == allowed
    assert (v.status, v.variance, v.sequestration) == ("within_tolerance", D("0.00"), withheld)


@given(rate=st.decimals(min_value=D("0.001"), max_value=D("500"), places=3), n=units,
       k=st.integers(min_value=1, max_value=20))
def test_expected_scales_linearly_with_units(rate, n, k):
    terms = ContractTerms("t", PayerKind.COMMERCIAL, DrugPricing.FEE_SCHEDULE,
                          rates={"X": rate})
    one = expected_allowed(Pricing(terms), "X", n)
    many = expected_allowed(Pricing(terms), "X", n * k)
    assert one is not None and many is not None
    assert abs(many - one * k) <= D("0.01") * k  # cent rounding per line only
    assert many == cents(rate * n * k)


@pytest.mark.parametrize(("terms", "schedule", "code", "units", "expected"), [
    (MEDICARE, {}, "J3032", 100, D("1060.00")),
    (MEDICARE, {}, "96365", 1, D("71.32")),
    (ACME, {}, "J1745", 36, D("1780.20")),
    (AWP83, {}, "J3032", 100, D("1162.00")),
    (SCHEDULE, {"J3032": D("9.00"), "96365": D("80.00")}, "J3032", 100, D("1100.00")),
    (SCHEDULE, {"J3032": D("9.00"), "96365": D("80.00")}, "96365", 2, D("160.00")),
])
def test_a_claim_priced_by_a_version_expects_what_its_variance_measures(terms, schedule, code,
                                                                      units, expected):
    """The claim builder's rate (fees.drug_rate / admin_rate on the overlaid contract) and the
    variance's expected allowed agree, for every kind of pricing."""
    legacy = PayerContract("p", "P", PayerKind.COMMERCIAL, DrugBasis.MEDICARE_ASP,
                           admin_rates={"96365": D("1")}, x12_payer_id="X1")
    contract = priced_by(legacy, terms, schedule)
    rate = (admin_rate(contract, code) if code.startswith("9")
            else drug_rate(contract, code, ASP, AWP))
    assert rate is not None and cents(rate * units) == expected
    assert expected_allowed(Pricing(terms, schedule, ASP, AWP), code, units) == expected
    assert (contract.x12_payer_id, contract.sequestration) == ("X1", terms.sequestration)
