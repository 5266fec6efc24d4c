"""Claims built and 837P-rendered per second, over visits totalling 10,000 administrations.

Run: .venv/bin/python services/reimbursement/bench/bench_claims.py [--administrations N]

The visit mix cycles through every "ready" case of the coding table (cocktails, biologics,
waste, hydration, concurrency), so the figure covers the real rule paths, not one easy case.
Pure CPU: no database, no broker. One 837P interchange per claim (the export endpoint's
shape), plus one batch interchange of all claims; a sample is validated with pyx12 untimed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit"))

from test_coding_table import CASES

from reimbursement.adapters.x12.render_837 import (
    ClaimToRender,
    PayerParty,
    Submitter,
    render_837p,
)
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.domain.claim import build_claim
from reimbursement.testing import ORDERING, make_ctx, make_visit, parties

SUBMITTER = Submitter("Chairside", "CHAIRSIDE01", "Billing", "6175550100")
PAYER = PayerParty("Medicare Part B", "MCRB1", "MB")
PARTIES = parties(ordering=ORDERING)  # synthetic: an orderer who is not the supervisor


def workload(administrations: int):
    ready = [c for c in CASES if c.status == "ready"]
    visits, total, i = [], 0, 0
    while total < administrations:
        case = ready[i % len(ready)]
        shift = timedelta(days=i % 28)
        given = tuple(replace(g, started_at=g.started_at + shift, stopped_at=g.stopped_at + shift)
                      for g in case.given)
        visit = replace(make_visit(*given), order_id=UUID(int=i + 1))
        visits.append((visit, make_ctx(case.contract)))
        total += len(given)
        i += 1
    return visits, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--administrations", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    visits, total = workload(args.administrations)
    created = datetime(2026, 3, 31, 20, tzinfo=UTC)
    build_rates, render_rates, both_rates, batch_rates = [], [], [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        claims = [build_claim(v, ctx) for v, ctx in visits]
        t1 = time.perf_counter()
        texts = [render_837p([ClaimToRender(c, f"C{n}", PARTIES, PAYER)],
                             submitter=SUBMITTER, receiver_name="CLEARINGHOUSE",
                             receiver_id="CLEARHOUSE01", control_number=n + 1,
                             created_at=created) for n, c in enumerate(claims)]
        t2 = time.perf_counter()
        batch = render_837p([ClaimToRender(c, f"C{n}", PARTIES, PAYER)
                             for n, c in enumerate(claims)], submitter=SUBMITTER,
                            receiver_name="CLEARINGHOUSE", receiver_id="CLEARHOUSE01",
                            control_number=1, created_at=created)
        t3 = time.perf_counter()
        build_rates.append(len(claims) / (t1 - t0))
        render_rates.append(len(claims) / (t2 - t1))
        both_rates.append(len(claims) / (t2 - t0))
        batch_rates.append(len(claims) / (t3 - t2))
    sample = texts[:: max(1, len(texts) // 5)][:5]
    errors = [e for text in sample for e in validate_x12(text)]
    lines = sum(len(c.lines) for c in claims)
    print(f"visits (claims): {len(claims)}   administrations: {total}   claim lines: {lines}")
    print(f"  build_claim:                  {statistics.median(build_rates):10,.0f} claims/s")
    print(f"  render 837P (one per claim):  {statistics.median(render_rates):10,.0f} claims/s")
    print(f"  build + render:               {statistics.median(both_rates):10,.0f} claims/s"
          f"  ({statistics.median(both_rates) * total / len(claims):,.0f} administrations/s)")
    print(f"  batch 837P of all claims:     {statistics.median(batch_rates):10,.0f} claims/s "
          f"({len(batch) / 1e6:.1f} MB)")
    print(f"  pyx12 check of {len(sample)} sampled interchanges: "
          f"{'valid' if not errors else errors[:3]}")
    print(f"  (median of {args.repeat} runs; {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
