"""Contract variance: what the contract says a line should be allowed against what the payer
allowed, per claim line, from what posting stored (payer-exchange §4.6).

* Expected allowed = the rate of the contract version effective on the date of service x
  units: an inline per-code rate first, then the contract's named fee schedule, then the drug
  basis (percent of ASP from the quarter's file, or percent of AWP).
* Payer allowed = AMT*B6 when the payer sent it, else SVC03 paid + the line's PR amounts + its
  CO-253 sequestration. Sequestration is expected only as far as the contract says (Medicare:
  2 % of the paid portion, a cent of rounding either way); CO-253 beyond that, or on a contract
  without sequestration, is money withheld and so part of the variance.
* Variance = payer allowed - expected. Beyond the tolerance (the larger of a flat amount and a
  percent of the expected) it is ``underpaid`` or ``overpaid``; within it, not a variance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from reimbursement.domain.fees import ASP_ADD_ON, AspQuarter
from reimbursement.domain.money import CENT, ZERO, cents
from reimbursement.domain.posting import PostedAdjustment, PostedPayment
from reimbursement.domain.pricing import HUNDRED, ContractTerms, DrugPricing, Tolerance

VarianceStatus = Literal["underpaid", "overpaid", "within_tolerance", "no_rate"]
FLAGGED = frozenset({"underpaid", "overpaid"})
SEQUESTRATION_CARC = "253"


@dataclass(frozen=True, slots=True)
class Pricing:
    """Everything that prices a line on one date of service."""

    terms: ContractTerms
    schedule: Mapping[str, Decimal] = field(default_factory=dict)  # named fee schedule's rates
    asp: AspQuarter | None = None
    awp: Mapping[str, Decimal] = field(default_factory=dict)


def unit_rate(pricing: Pricing, code: str) -> Decimal | None:
    """The contract's allowed amount per unit of ``code``, or None when it sets none."""
    terms = pricing.terms
    if code in terms.rates:
        return terms.rates[code]
    if code in pricing.schedule:
        return pricing.schedule[code]
    if terms.drug_pricing is DrugPricing.ASP:
        entry = pricing.asp.entries.get(code) if pricing.asp else None
        # The file's payment limit is 106 % of ASP: divide last so 106 % gives the limit exactly.
        return None if entry is None else (
            entry.payment_limit * terms.drug_percent / HUNDRED / ASP_ADD_ON)
    if terms.drug_pricing is DrugPricing.AWP:
        price = pricing.awp.get(code)
        return None if price is None else price * terms.drug_percent / HUNDRED
    return None


def expected_allowed(pricing: Pricing, code: str, units: int) -> Decimal | None:
    rate = unit_rate(pricing, code)
    return None if rate is None else cents(rate * units)


@dataclass(frozen=True, slots=True)
class Remitted:
    """What the payer did with one line: paid, its CAS, and AMT*B6 when sent."""

    paid: Decimal
    adjustments: tuple[PostedAdjustment, ...] = ()
    reported_allowed: Decimal | None = None

    def total(self, group: str, reason: str | None = None) -> Decimal:
        return sum((a.amount for a in self.adjustments
                    if a.group == group and (reason is None or a.reason == reason)), ZERO)


def sequestration_expected(remitted: Remitted, rate: Decimal) -> Decimal:
    """The part of the line's CO-253 the contract expects (never more than was withheld)."""
    withheld = remitted.total("CO", SEQUESTRATION_CARC)
    if rate <= 0 or withheld <= 0:
        return ZERO
    expected = cents((remitted.paid + withheld) * rate)
    return min(withheld, expected + CENT)


def payer_allowed(remitted: Remitted, sequestration_rate: Decimal) -> Decimal:
    if remitted.reported_allowed is not None:
        return remitted.reported_allowed
    return (remitted.paid + remitted.total("PR")
            + sequestration_expected(remitted, sequestration_rate))


def classify(variance: Decimal, allowance: Decimal) -> VarianceStatus:
    if variance < -allowance:
        return "underpaid"
    if variance > allowance:
        return "overpaid"
    return "within_tolerance"


@dataclass(frozen=True, slots=True)
class LineVariance:
    lines: tuple[int, ...]  # our claim line numbers (one, unless lines share code+modifiers)
    code: str
    modifiers: tuple[str, ...]
    units: int
    expected: Decimal | None
    allowed: Decimal
    paid: Decimal
    sequestration: Decimal  # CO-253 counted as expected
    variance: Decimal | None  # allowed - expected
    tolerance: Decimal | None
    status: VarianceStatus

    @property
    def flagged(self) -> bool:
        return self.status in FLAGGED


def line_variance(pricing: Pricing, *, code: str, units: int, remitted: Remitted,
                  modifiers: tuple[str, ...] = (), lines: tuple[int, ...] = (),
                  ) -> LineVariance:
    expected = expected_allowed(pricing, code, units)
    allowed = payer_allowed(remitted, pricing.terms.sequestration)
    seq = sequestration_expected(remitted, pricing.terms.sequestration)
    if expected is None:
        return LineVariance(lines, code, modifiers, units, None, allowed, remitted.paid, seq,
                            None, None, "no_rate")
    allowance = cents(pricing.terms.tolerance.allowance(expected))
    variance = allowed - expected
    return LineVariance(lines, code, modifiers, units, expected, allowed, remitted.paid, seq,
                        variance, allowance, classify(variance, allowance))


@dataclass(frozen=True, slots=True)
class BilledFacts:
    """One claim line as billed and as posting left it: charge, paid so far, denied or not."""

    number: int
    code: str
    modifiers: tuple[str, ...]
    units: int
    charge: Decimal
    paid: Decimal = ZERO
    denied: bool = False

    @property
    def key(self) -> str:
        return line_key(self.code, self.modifiers)


def line_key(code: str, modifiers: Sequence[str]) -> str:
    """How posting names a service line on its adjustments, e.g. ``J3032-JZ``."""
    return code + "".join(f"-{m}" for m in modifiers)


# CLP02 1: processed as primary; 19: the same, and crossed over to the next payer.
PRIMARY_STATUS = frozenset({"1", "19"})
HELD = frozenset({"unsubmitted"})


def payment_of_record(payments: Sequence[PostedPayment]) -> PostedPayment | None:
    """The primary payer's latest applied adjudication of a claim (payments in posting order):
    after a reversal and its correction, the correction. A secondary payer's payment is priced
    by another contract, and a held payment was never applied."""
    applied = [p for p in payments if p.claim_id is not None and p.outcome is not None
               and p.outcome not in HELD and p.status_code in PRIMARY_STATUS]
    return applied[-1] if applied else None


def claim_variances(pricing: Pricing, lines: Sequence[BilledFacts],
                    payment: PostedPayment) -> list[LineVariance]:
    """Every paid (not denied) line of a claim against its contract, in line order, from the
    payment of record: SVC03 = the line's charge (SVC02) - its CAS, by the balancing rule.
    Lines that share code and modifiers are taken together (posting names CAS by code); a line
    that payment left untouched (no CAS, nothing paid) is not compared."""
    groups: dict[str, list[BilledFacts]] = {}
    for ln in lines:
        if not ln.denied:
            groups.setdefault(ln.key, []).append(ln)
    out = []
    for key, group in groups.items():
        first = group[0]
        cas = tuple(a for a in payment.adjustments if a.line == key)
        if cas:
            paid = sum((ln.charge for ln in group), ZERO) - sum((a.amount for a in cas), ZERO)
        else:
            paid = sum((ln.paid for ln in group), ZERO)
            if paid == 0:
                continue
        out.append(line_variance(pricing, code=first.code, modifiers=first.modifiers,
                                 units=sum(ln.units for ln in group),
                                 remitted=Remitted(paid, cas),
                                 lines=tuple(ln.number for ln in group)))
    return out


__all__ = ["BilledFacts", "LineVariance", "Pricing", "Remitted", "Tolerance",
           "claim_variances", "expected_allowed", "line_variance", "payer_allowed",
           "payment_of_record", "unit_rate"]
