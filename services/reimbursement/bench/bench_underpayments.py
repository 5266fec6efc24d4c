"""Claim lines checked against their contract per second (the underpayment worklist's work once
its rows are read), over 20,000 claims of an administration line and a drug line each.

Run: .venv/bin/python services/reimbursement/bench/bench_underpayments.py [--claims N]

Pure CPU: no database. Every claim is paid with 20 % coinsurance and 2 % sequestration; one in
five is allowed 20 % short on its drug line, so both the flagged and the clean paths run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import uuid4

from reimbursement.domain.fees import AspEntry, AspQuarter, PayerKind
from reimbursement.domain.money import ZERO, cents
from reimbursement.domain.posting import PostedAdjustment, PostedPayment
from reimbursement.domain.pricing import ContractTerms, DrugPricing, Tolerance
from reimbursement.domain.variance import BilledFacts, Pricing, claim_variances

ASP = AspQuarter("2026Q1", date(2026, 1, 1), date(2026, 3, 31), {
    "J3032": AspEntry("J3032", "eptinezumab", "1 MG", Decimal("10.600"))}, "bench")
TERMS = ContractTerms("Medicare Part B", PayerKind.MEDICARE, DrugPricing.ASP, Decimal(106),
                      rates={"96365": Decimal("71.32")}, sequestration=Decimal("0.02"),
                      tolerance=Tolerance(Decimal(1)))


def paid_line(number: int, code: str, key: str, units: int, allowed: Decimal,
              ) -> tuple[BilledFacts, list[PostedAdjustment]]:
    coins = cents(allowed * Decimal("0.2"))
    seq = cents((allowed - coins) * Decimal("0.02"))
    mods = ("JZ",) if "-" in key else ()
    charge = allowed * 2
    return (BilledFacts(number, code, mods, units, charge, allowed - coins - seq),
            [PostedAdjustment(key, "CO", "45", charge - allowed),
             PostedAdjustment(key, "PR", "2", coins), PostedAdjustment(key, "CO", "253", seq)])


def claims(n: int) -> list[tuple[list[BilledFacts], PostedPayment]]:
    out = []
    for i in range(n):
        drug = Decimal("848.00") if i % 5 == 0 else Decimal("1060.00")
        a, adj_a = paid_line(1, "96365", "96365", 1, Decimal("71.32"))
        b, adj_b = paid_line(2, "J3032", "J3032-JZ", 100, drug)
        out.append(([a, b], PostedPayment(
            uuid4(), 0, uuid4(), f"A{i}", "1", None, ZERO, ZERO, ZERO, ZERO, "paid", (),
            tuple(adj_a + adj_b), (), datetime(2026, 3, 20, tzinfo=UTC))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = claims(args.claims)
    pricing = Pricing(TERMS, {}, ASP)
    rates, flagged = [], 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = [v for lines, payment in data
                 for v in claim_variances(pricing, lines, payment)]
        rates.append(len(found) / (time.perf_counter() - start))
        flagged = sum(1 for v in found if v.flagged)
    print(f"claims: {args.claims}   lines: {2 * args.claims}   flagged underpaid: {flagged}")
    print(f"  claim_variances: {statistics.median(rates):10,.0f} lines/s "
          f"(median of {args.repeat} runs; {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
