"""Relay leader failover time (issue 19): two relay processes on one service database on
PostgreSQL, the leader killed with SIGKILL while rows wait in the outbox; prints how long until
the survivor holds the relay lock and until every row written before the kill is published.

The scenario is the test's (tests/foundation/relay_failover.py), here with the production poll
interval unless ``--poll`` says otherwise. Run: ``python -m bench.failover --runs 5``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import uuid
from pathlib import Path

from chairside_shared import db
from chairside_shared.broker import EmbeddedBroker
from tests.foundation.relay_failover import in_first_seen_order, run_failover

ADMIN_URL = os.environ.get("CHAIRSIDE_TEST_PG",
                           "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


async def one_run(log_dir: Path, poll_s: float) -> tuple[float, float, int, bool]:
    name = f"cs_failover_{uuid.uuid4().hex[:10]}"
    url = await db.create_database(ADMIN_URL, name)
    try:
        with EmbeddedBroker() as broker:
            run = await run_failover(url, broker, log_dir, keys=10, per_key=30,
                                     FLOW_OUTBOX_POLL_INTERVAL_S=str(poll_s))
    finally:
        await db.drop_database(ADMIN_URL, name)
    intact = in_first_seen_order(run.published) == {k: list(range(30)) for k in run.keys}
    return run.lead_taken_ms, run.drained_ms, run.pending_at_kill, intact


def _figures(label: str, values: list[float]) -> str:
    return (f"{label}: median {statistics.median(values):.0f} ms, min {min(values):.0f}, "
            f"max {max(values):.0f} (n={len(values)})")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--poll", type=float, default=1.0,
                        help="outbox_poll_interval_s of the relays (production default 1.0)")
    args = parser.parse_args()
    taken, drained = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.runs):
            lead, drain, pending, intact = await one_run(Path(tmp), args.poll)
            print(f"run {n + 1}: {pending} rows pending at SIGKILL; lead taken after "
                  f"{lead:.0f} ms; pending rows published after {drain:.0f} ms; "
                  f"every row once or more, per key in order: {intact}", flush=True)
            taken.append(lead)
            drained.append(drain)
    print(_figures("relay failover, SIGKILL -> survivor leads", taken))
    print(_figures("relay failover, SIGKILL -> rows pending at the kill published", drained))
    print(f"stated bound: 2 x outbox_poll_interval_s = {2 * args.poll * 1000:.0f} ms after "
          "PostgreSQL ends the dead leader's session (at once when its process dies)")


if __name__ == "__main__":
    asyncio.run(main())
