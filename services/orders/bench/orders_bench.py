"""Orders benchmark: safety-check throughput, and order create+sign latency through the API.

Run:
    .venv/bin/python services/orders/bench/orders_bench.py                 # both parts
    .venv/bin/python services/orders/bench/orders_bench.py --checks 50000 --orders 1000
    .venv/bin/python services/orders/bench/orders_bench.py --url http://127.0.0.1:8001
    .venv/bin/python services/orders/bench/orders_bench.py --json bench/results/orders.json

1. **Safety checks** (pure CPU, no I/O): ``run_checks`` on a 4-drug order (the ED-style
   cocktail) for a patient with allergies, conditions and home medications, against a history
   of 50 administrations spread over 180 days (ketorolac, DHE, steroids, eptinezumab: every
   frequency rule has data to count). Reported as orders checked per second (median of runs).
   ``--neuro`` adds the neurology mix (clinical-loop.md §5) so the regimen rules and gates
   run: an ocrelizumab dose 1 with its premedication and screening results on file, a
   lecanemab dose 5 with its MRI history, an infliximab dose 1 with its TB screen;
   orders/s per mix and over all four orders in turn.
2. **Create + sign** through the orders HTTP API on PostgreSQL, with the outbox relay running
   against the embedded broker: POST /v1/orders then POST /v1/orders/{id}/sign, sequentially.
   In-process (httpx ASGI transport, no sockets) by default; ``--url`` measures a running
   service over loopback HTTP instead (e.g. ``make run``'s orders on 8001). p50/p95/p99 ms.

``main(argv) -> dict`` is importable for the top-level bench/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import time
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from orders.domain.checks import run_checks
from orders.seed import seed_catalog
from orders.testing import AS_OF, lines, past, patient

STAFF = {"x-chairside-client-id": "bench", "x-chairside-user-id": "bench-clinician",
         "x-chairside-scopes": "patients:read patients:write orders:read orders:write "
                               "orders:sign"}
COCKTAIL = [
    {"drug_code": "prochlorperazine", "dose": "10", "dose_unit": "mg", "mode": "infusion",
     "minutes": 15, "sequence": 1},
    {"drug_code": "diphenhydramine", "dose": "25", "dose_unit": "mg", "mode": "push",
     "minutes": 2, "sequence": 2, "with_previous": True},
    {"drug_code": "ketorolac", "dose": "30", "dose_unit": "mg", "mode": "push", "minutes": 1,
     "sequence": 3},
    {"drug_code": "dexamethasone", "dose": "10", "dose_unit": "mg", "mode": "infusion",
     "minutes": 15, "sequence": 4},
]


def check_workload():
    pt = patient(allergies=[("penicillin", "drug", "rash", "severe"),
                            ("sulfa", "class", "hives", "moderate")],
                 conditions={"renal_impairment", "migraine_chronic"}, qtc_ms=430,
                 medications=[{"name": "sumatriptan", "last_dose_at": AS_OF - timedelta(days=2)},
                              {"name": "sertraline"}, {"name": "propranolol"}])
    drugs = ["ketorolac", "dhe", "dexamethasone", "metoclopramide", "ondansetron",
             "methylprednisolone", "magnesium", "eptinezumab", "prochlorperazine", "valproate"]
    doses = {"ketorolac": 15, "dhe": 1, "dexamethasone": 10, "metoclopramide": 10,
             "ondansetron": 4, "methylprednisolone": 125, "magnesium": 1000, "eptinezumab": 100,
             "prochlorperazine": 10, "valproate": 500}
    history = [past(d, doses[d], timedelta(days=2 + (i * 3.6)),
                    reaction="akathisia" if i == 7 else None)
               for i, d in enumerate(drugs[i % len(drugs)] for i in range(50))]
    ls = lines(*[(c["drug_code"], c["dose"], {"with_previous": c.get("with_previous", False),
                                              "minutes": c["minutes"], "mode": c["mode"]})
                 for c in COCKTAIL])
    return pt, ls, history


def neuro_workloads() -> dict[str, dict]:
    """The neurology mix: run_checks keyword arguments per order (each runs its regimen
    interval, dose, titration and gate rules against observations on file)."""
    from uuid import uuid4

    from orders.domain.observations import Observation
    from orders.domain.premedication import add_premedication
    from orders.seed.reactions import seed_reaction_rules
    from orders.testing import PATIENT_ID

    catalog = seed_catalog()
    pt = patient(allergies=[("penicillin", "drug", "rash", "severe")],
                 medications=[{"name": "sertraline"}])
    day = timedelta(days=1)

    def obs(kind: str, result: str, days_ago: int) -> Observation:
        return Observation(id=uuid4(), patient_id=PATIENT_ID, kind=kind, result=result,
                           observed_on=(AS_OF - days_ago * day).date(), source="lab")

    screening = [obs("hbv_screen", "negative", 30), obs("tb_screen", "negative", 40),
                 obs("anti_jcv", "negative", 90), obs("apoe", "e4_noncarrier", 120)]
    # headache history too: the frequency rules still count it
    headache = [past(d, q, timedelta(days=20 + 9 * i)) for i, (d, q) in enumerate(
        [("ketorolac", 15), ("dexamethasone", 10), ("ondansetron", 4), ("magnesium", 1000)])]
    ocr = add_premedication(lines(("ocrelizumab", 300, {"minutes": 160, "mode": "infusion"})),
                            catalog)
    lec_history = [past("lecanemab", 700, timedelta(days=14 * k)) for k in (4, 3, 2, 1)]
    mris = [obs("mri_brain", "no_aria", d) for d in (70, 35, 10)]  # baseline, pre-3rd, now
    kw = {"patient": pt, "catalog": catalog, "as_of": AS_OF,
          "reaction_rules": seed_reaction_rules()}
    return {
        "ocrelizumab dose 1": kw | {"lines": ocr, "history": headache,
                                    "observations": screening},
        "lecanemab dose 5": kw | {"lines": lines(("lecanemab", 700, {"minutes": 60,
                                                                      "mode": "infusion"})),
                                  "history": headache + lec_history,
                                  "observations": screening + mris},
        "infliximab dose 1": kw | {"lines": lines(("infliximab", 350, {"minutes": 120,
                                                                        "mode": "infusion"})),
                                   "history": headache, "observations": screening},
    }


def _rate(calls: list[dict], n: int, runs: int) -> list[float]:
    """Orders/s of ``n`` checks cycling over ``calls`` (run_checks keyword arguments)."""
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for i in range(n):
            run_checks(**calls[i % len(calls)])
        rates.append(n / (time.perf_counter() - start))
    return rates


def bench_mix(n: int, runs: int) -> dict:
    """The neuro orders one by one, then all four orders (cocktail + neuro) in turn."""
    pt, ls, history = check_workload()
    cocktail = {"patient": pt, "lines": ls, "catalog": seed_catalog(), "history": history,
                "as_of": AS_OF}
    out: dict = {"checks_per_run": n}
    for name, kw in neuro_workloads().items():
        found = run_checks(**kw)
        assert not found.blocks, (name, [f.message for f in found.blocks])
        rates = _rate([kw], n, runs)
        out[name] = {"orders_per_s_median": round(statistics.median(rates)),
                     "findings_per_check": len(found.findings),
                     "us_per_check": round(1e6 / statistics.median(rates), 1)}
    rates = _rate([cocktail, *neuro_workloads().values()], n, runs)
    out["overall"] = {"orders_per_s_median": round(statistics.median(rates)),
                      "orders_per_s_runs": [round(r) for r in rates],
                      "us_per_check": round(1e6 / statistics.median(rates), 1)}
    return out


def reaction_workload(count: int) -> dict:
    """``count`` structured reactions on record (RX rules), cycling over drugs of the order
    and of the history, grades 1-3: the reaction rules' share of a check."""
    if not count:
        return {}
    from orders.seed.reactions import seed_reaction_rules
    from orders.testing_reactions import reaction

    drugs = [("ketorolac", 1), ("metoclopramide", 2), ("dhe", 2), ("ondansetron", 1),
             ("eptinezumab", 3)]
    rx = [reaction(*drugs[i % len(drugs)], ago=timedelta(days=5 + i)) for i in range(count)]
    return {"reactions": rx, "reaction_rules": seed_reaction_rules()}


def bench_checks(n: int, runs: int, reactions: int = 0) -> dict:
    catalog = seed_catalog()
    pt, ls, history = check_workload()
    assert len(history) == 50 and len(ls) == 4
    kw = reaction_workload(reactions)
    result = run_checks(patient=pt, lines=ls, catalog=catalog, history=history, as_of=AS_OF,
                        **kw)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(n):
            run_checks(patient=pt, lines=ls, catalog=catalog, history=history, as_of=AS_OF,
                       **kw)
        rates.append(n / (time.perf_counter() - start))
    return {"orders_per_s_median": round(statistics.median(rates)),
            "orders_per_s_runs": [round(r) for r in rates], "checks_per_run": n,
            "history_administrations": len(history), "lines": len(ls),
            "reactions_on_record": reactions,
            "findings_per_check": len(result.findings),
            "us_per_check": round(1e6 / statistics.median(rates), 1)}


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


async def _drive(client, n: int, warmup: int) -> dict:
    r = await client.post("/v1/patients", json={
        "practice_id": "demo-clinic", "mrn": f"BENCH-{uuid.uuid4().hex[:8]}",
        "birth_date": "1985-06-01", "sex": "female", "weight_kg": "66", "pregnant": False})
    r.raise_for_status()
    pid = r.json()["id"]
    create_ms, sign_ms, total_ms = [], [], []
    for i in range(warmup + n):
        t0 = time.perf_counter()
        r = await client.post("/v1/orders", json={
            "patient_id": pid, "urgency": "same_day", "diagnosis": ["G43.909"],
            "lines": COCKTAIL, "payer": {"payer_id": "bench", "member_id": "B-1"}})
        r.raise_for_status()
        t1 = time.perf_counter()
        s = await client.post(f"/v1/orders/{r.json()['id']}/sign")
        s.raise_for_status()
        t2 = time.perf_counter()
        if i >= warmup:
            create_ms.append((t1 - t0) * 1000)
            sign_ms.append((t2 - t1) * 1000)
            total_ms.append((t2 - t0) * 1000)

    def stats(v):
        return {"p50": round(_pct(v, 50), 2), "p95": round(_pct(v, 95), 2),
                "p99": round(_pct(v, 99), 2), "max": round(max(v), 2)}
    return {"orders": n, "create_ms": stats(create_ms), "sign_ms": stats(sign_ms),
            "create_plus_sign_ms": stats(total_ms)}


async def bench_api(n: int, warmup: int, url: str | None) -> dict:
    import httpx

    if url:
        async with httpx.AsyncClient(base_url=url, headers=STAFF, timeout=30) as client:
            return {"mode": f"http {url}", **await _drive(client, n, warmup)}

    from chairside_shared import db
    from chairside_shared.broker import EmbeddedBroker
    from chairside_shared.testing.plugin import ADMIN_URL, running, settings_for_test
    from orders.main import create_app
    from orders.settings import OrdersSettings

    name = f"cs_orders_bench_{uuid.uuid4().hex[:8]}"
    database_url = await db.create_database(ADMIN_URL, name)
    try:
        with EmbeddedBroker() as broker:
            settings = settings_for_test(OrdersSettings, database_url=database_url, broker=broker)
            app = create_app(settings)
            async with running(app.state.runtime):
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://orders",
                                             headers=STAFF) as client:
                    figures = await _drive(client, n, warmup)
        return {"mode": "in-process ASGI, PostgreSQL, relay on embedded broker", **figures}
    finally:
        await db.drop_database(ADMIN_URL, name)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checks", type=int, default=20_000, help="checks per timing run")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--orders", type=int, default=500, help="create+sign pairs to time")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--url", help="a running orders service (loopback HTTP) instead of in-process")
    ap.add_argument("--skip-api", action="store_true")
    ap.add_argument("--reactions", type=int, default=0,
                    help="structured reactions on record for the checks (RX rules)")
    ap.add_argument("--neuro", action="store_true",
                    help="also time the neurology mix (regimen rules and gates)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    out: dict = {"safety_checks": bench_checks(args.checks, args.runs, args.reactions)}
    print(f"safety checks: {out['safety_checks']['orders_per_s_median']:,} orders/s "
          f"({out['safety_checks']['us_per_check']} µs each; 4 lines, 50-dose history, "
          f"{args.reactions} reactions, "
          f"{out['safety_checks']['findings_per_check']} findings)")
    if args.neuro:
        mix = out["neuro_mix"] = bench_mix(args.checks, args.runs)
        for name, fig in mix.items():
            if isinstance(fig, dict) and name != "overall":
                print(f"  {name}: {fig['orders_per_s_median']:,} orders/s "
                      f"({fig['us_per_check']} µs, {fig['findings_per_check']} findings)")
        print(f"  overall (cocktail + 3 neuro orders in turn): "
              f"{mix['overall']['orders_per_s_median']:,} orders/s "
              f"({mix['overall']['us_per_check']} µs each)")
    if not args.skip_api:
        out["create_sign"] = asyncio.run(bench_api(args.orders, args.warmup, args.url))
        cs = out["create_sign"]
        print(f"create+sign ({cs['mode']}, n={cs['orders']}): "
              f"p50 {cs['create_plus_sign_ms']['p50']} ms, p95 {cs['create_plus_sign_ms']['p95']}"
              f" ms, p99 {cs['create_plus_sign_ms']['p99']} ms  "
              f"[create p50 {cs['create_ms']['p50']} / p99 {cs['create_ms']['p99']}; "
              f"sign p50 {cs['sign_ms']['p50']} / p99 {cs['sign_ms']['p99']}]")
    out["environment"] = {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                          "decimal_context_prec": str(Decimal(1).as_tuple())}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    main()
