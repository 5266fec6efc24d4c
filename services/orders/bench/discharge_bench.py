"""Discharge evaluation benchmark: how many visits' discharge criteria are evaluated per second.

Run:
    .venv/bin/python services/orders/bench/discharge_bench.py
    .venv/bin/python services/orders/bench/discharge_bench.py --visits 20000 --sets 24

``evaluate`` (orders.domain.discharge) on a sedating visit (prochlorperazine, diphenhydramine,
ketamine: gait and orthostatics apply, an escort is needed) with ``--sets`` timed vital-sign
sets (one baseline, the rest during/end, the last a discharge set), against the seed's
thresholds. Pure CPU, no I/O: the cost a GET /v1/orders/{id}/discharge or a completion adds
besides reading the rows. Visits/s, median of ``--runs`` runs. Record ``uptime`` with it.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from orders.domain.discharge import Assessment, Visit, evaluate
from orders.domain.vitals import VitalSet
from orders.seed import discharge_thresholds

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


def visit(sets: int) -> Visit:
    order = uuid.uuid4()
    kinds = ["baseline", *(["during"] * max(0, sets - 3)), "end", "discharge"][:sets]
    vitals = tuple(VitalSet(order_id=order, taken_at=NOW - timedelta(minutes=5 * (sets - i)),
                            kind=k, bp_systolic=120 + i % 7, bp_diastolic=78, heart_rate=70 + i % 9,
                            respiratory_rate=14, spo2=97, poss="1" if k == "discharge" else None)
                   for i, k in enumerate(kinds))
    return Visit(vitals=vitals, drug_codes=frozenset({"prochlorperazine", "diphenhydramine",
                                                      "ketamine"}),
                 requires_escort=True, escort_confirmed=True,
                 assessment=Assessment(True, True, True))


def main(argv: list[str] | None = None) -> dict[str, float]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--visits", type=int, default=20000)
    p.add_argument("--sets", type=int, default=24, help="vital-sign sets per visit")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    t, v = discharge_thresholds(), visit(args.sets)
    assert evaluate(v, t, NOW).ready  # the workload is a visit ready to go home
    rates = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for _ in range(args.visits):
            evaluate(v, t, NOW)
        rates.append(args.visits / (time.perf_counter() - start))
    figures = {"discharge_evaluations_per_s": round(statistics.median(rates)),
               "sets_per_visit": args.sets,
               "us_per_evaluation": round(1e6 / statistics.median(rates), 1)}
    for name, value in figures.items():
        print(f"{name:32} {value}")
    return figures


if __name__ == "__main__":
    main()
