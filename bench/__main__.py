"""`make bench`: every benchmark, one after another, each printing its own figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHES = [
    ["-m", "bench.event_latency", "--events", "1000"],
    ["-m", "bench.failover", "--runs", "3"],
    [str(ROOT / "services/orders/bench/orders_bench.py")],
    [str(ROOT / "services/orders/bench/discharge_bench.py")],
    [str(ROOT / "services/scheduling/bench/scheduling_bench.py")],
    [str(ROOT / "services/reimbursement/bench/bench_claims.py")],
    [str(ROOT / "services/reimbursement/bench/remittance_posting.py"), "--claims", "10000"],
    [str(ROOT / "services/gateway/bench/run.py"), "--seconds", "10"],
    ["-m", "bench.contended_booking", "--attempts", "200"],
    ["-m", "bench.cost"],
    ["-m", "bench.load", "--clients", "8", "--seconds", "30"],
]


def main() -> int:
    failed = 0
    for args in BENCHES:
        if not args[0].startswith("-m") and not Path(args[0]).exists():
            continue
        print(f"\n=== {' '.join(a.replace(str(ROOT) + '/', '') for a in args)}", flush=True)
        failed |= subprocess.call([sys.executable, *args], cwd=ROOT)
    return failed


if __name__ == "__main__":
    sys.exit(main())
