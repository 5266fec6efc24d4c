"""835 posting throughput on PostgreSQL: one 835 of 10,000 claims, against baselines.

Run: .venv/bin/python services/reimbursement/bench/remittance_posting.py [--claims N]

Set-up (untimed): a throwaway database at the migrations' head, the practice's billing
identity, and 2 x N submitted claims (the first "ready" visit of the coding table, each its
own order), written with executemany. Timed, through the service function the POST route
calls (parse, payee and key checks, batched loads, settlement, writes, commit):

* one 835 of N claims (one CLP per claim, every line paid half its charge, CO-45 the rest);
* baseline 1: the same file parsed only (no database);
* baseline 2: the other N claims as 10 files of N/10, one after another.

Figures: claims/s, p50/p99 of the in-memory apply per claim (match lines, settle over the
claim's history, post) in the big file, p50/p99 per claim of each 1/10 file, and the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit"))

from test_coding_table import CASES

from chairside_shared import db
from chairside_shared.migrations import upgrade_async
from chairside_shared.testing.plugin import ADMIN_URL, settings_for_test
from reimbursement.adapters import orm
from reimbursement.adapters.claim_rows import line_values, new_claim_values
from reimbursement.adapters.x12.parse_835 import parse_835
from reimbursement.adapters.x12.write_835 import ClpSpec, RemitSpec, SvcSpec, write_835
from reimbursement.bootstrap import MIGRATIONS, build_runtime
from reimbursement.domain.claim import build_claim
from reimbursement.domain.lifecycle import Claim
from reimbursement.service import remittances
from reimbursement.service.remittances import import_remittance
from reimbursement.settings import ReimbursementSettings
from reimbursement.testing import BILLING, make_ctx, make_visit

NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)
HALF = Decimal("0.5")


def claims(n: int, offset: int = 0) -> list[Claim]:
    case = next(c for c in CASES if c.status == "ready")
    draft = build_claim(make_visit(*case.given), make_ctx(case.contract))
    out = []
    for i in range(n):
        claim = Claim.create(claim_id=uuid.uuid4(),
                             draft=replace(draft, order_id=uuid.UUID(int=offset + i + 1)),
                             lot_costs={}, now=NOW)
        claim.submit(now=NOW)
        out.append(claim)
    return out


def remittance(batch: list[Claim], trace: str) -> str:
    clps = []
    for claim in batch:
        services = []
        for b in claim.lines:
            paid = (b.line.charge * HALF).quantize(Decimal("0.01"))
            services.append(SvcSpec(b.line.code, b.line.charge, paid,
                                    [("CO", "45", b.line.charge - paid)], b.line.modifiers,
                                    b.line.units))
        clps.append(ClpSpec(claim.account_number, "1", services))
    spec = RemitSpec("Medicare Part B", "MCRB1", "Chairside", BILLING.npi, trace,
                     date(2026, 3, 20), clps)
    return write_835(spec, control_number=1, created_at=NOW)


async def store(runtime, batch: list[Claim]) -> None:
    async with runtime.session_factory() as session:
        for start in range(0, len(batch), 2000):
            part = batch[start:start + 2000]
            await session.execute(orm.claims.insert(), [new_claim_values(c, {}) for c in part])
            await session.execute(orm.claim_lines.insert(), [
                line_values(c.id, b) for c in part for b in c.lines])
        await session.commit()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(n: int) -> None:
    name = f"cs_reimb_remit_bench_{uuid.uuid4().hex[:8]}"
    url = await db.create_database(ADMIN_URL, name)
    try:
        await upgrade_async(MIGRATIONS, url)
        broker = SimpleNamespace(bootstrap_servers="127.0.0.1:9")  # never started: no relay
        settings = settings_for_test(ReimbursementSettings, database_url=url,
                                     broker=broker)  # type: ignore[arg-type]
        runtime = build_runtime(settings)
        try:
            await figures(runtime, n)
        finally:
            await runtime.engine.dispose()
    finally:
        await db.drop_database(ADMIN_URL, name)


async def figures(runtime, n: int) -> None:
    async with runtime.uow() as uow:
        await uow.practice.save_billing_identity(BILLING, NOW)
        await uow.commit()
    big, small = claims(n), claims(n, offset=n)
    await store(runtime, big)
    await store(runtime, small)
    text = remittance(big, "EFTBIG")
    t0 = time.perf_counter()
    parse_835(text)
    parse_s = time.perf_counter() - t0

    applied: list[float] = []
    one = remittances._Posting._one

    def timed(self, clp):  # type: ignore[no-untyped-def]
        s = time.perf_counter()
        one(self, clp)
        applied.append(time.perf_counter() - s)

    remittances._Posting._one = timed  # type: ignore[method-assign]
    try:
        t0 = time.perf_counter()
        result = await import_remittance(uow=runtime.uow(), text=text, now=NOW)
        big_s = time.perf_counter() - t0
    finally:
        remittances._Posting._one = one  # type: ignore[method-assign]
    assert not result.duplicate and len(result.claims) == n
    assert {p.outcome for p in result.claims} == {"paid"}, {p.outcome for p in result.claims}

    chunk = n // 10
    per_file: list[float] = []
    t0 = time.perf_counter()
    for i in range(10):
        part = small[i * chunk:(i + 1) * chunk]
        s = time.perf_counter()
        await import_remittance(uow=runtime.uow(), text=remittance(part, f"EFT{i}"), now=NOW)
        per_file.append((time.perf_counter() - s) / len(part))
    small_s = time.perf_counter() - t0
    again_t0 = time.perf_counter()
    dup = await import_remittance(uow=runtime.uow(), text=text, now=NOW)
    dup_s = time.perf_counter() - again_t0
    assert dup.duplicate

    lines = sum(len(c.lines) for c in big)
    print(f"835 posting on PostgreSQL: {n:,} claims ({lines:,} service lines), "
          f"{len(text) / 1e6:.1f} MB")
    print(f"  one file of {n:,}:        {n / big_s:10,.0f} claims/s   ({big_s:.2f} s)")
    print(f"    apply per claim (match, settle, post; in memory): "
          f"p50 {pct(applied, .5) * 1e6:.0f} us  p99 {pct(applied, .99) * 1e6:.0f} us")
    print(f"  baseline parse only:     {n / parse_s:10,.0f} claims/s   ({parse_s:.2f} s)"
          f"   posting/parse = {parse_s / big_s:.2f}")
    print(f"  baseline 10 files of {chunk:,}: {n / small_s:7,.0f} claims/s   ({small_s:.2f} s)"
          f"   one-file/10-files throughput = {small_s / big_s:.2f}")
    print(f"    per claim, per file: p50 {pct(per_file, .5) * 1e3:.2f} ms  "
          f"p99 {pct(per_file, .99) * 1e3:.2f} ms")
    print(f"  the same file re-sent (duplicate, nothing posted): {dup_s * 1e3:.0f} ms")
    print(f"  (Python {sys.version.split()[0]}, 2 shared cores)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(run(args.claims))


if __name__ == "__main__":
    main()
