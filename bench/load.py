"""Load through the gateway: N partner clients (each its own OAuth client, bound to the
partner practice) refer patients concurrently for a fixed time, while the clinic's staff run
the booked visits; then every service's state is reconciled (nothing lost, nothing twice).

By default it starts its own platform (real processes on throwaway PostgreSQL databases,
the embedded broker; the e2e test stack) so it can read every service's outbox and inbox at
the end. Prints throughput, p50/p99 per route, errors, and end-to-end visit latency:
order signed -> chair booked (orders -> authorization -> scheduling -> orders, over Kafka,
as the partner sees it through the gateway), signed -> claim built (which includes waiting for
the clinic's one simulated worker to run the visit) and completed -> claim built (order ->
reimbursement over Kafka, the billing pipeline alone).

    python -m bench.load [--clients 8] [--seconds 30]

Every process shares this machine (and its cores) with the load generator: the figures are
for comparing changes on one machine, not a capacity statement.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.clinic import ApiError, Gateway, percentile
from bench.demo_plan import NPI, REGIMENS

PAYER = {"payer_id": "medicare", "member_id": "1EG4TE5MK72", "plan_id": "part-b"}


class Run:
    def __init__(self, gw: Gateway, tz: ZoneInfo, stock: dict[str, tuple[str, str]]) -> None:
        self.gw, self.tz, self.stock = gw, tz, stock
        self.booked: asyncio.Queue[tuple[str, float]] = asyncio.Queue()
        self.sign_to_booked: list[float] = []
        self.sign_to_claim: list[float] = []
        self.complete_to_claim: list[float] = []
        self.outcomes: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.signed = 0


async def create_partner_clients(stack, n: int) -> dict[str, str]:
    """``python -m gateway create-client load-partner-i --practice demo-partner``."""
    env = {**stack.processes["gateway"].env}

    async def one(i: int) -> tuple[str, str]:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "gateway", "create-client", f"load-partner-{i}",
            "--practice", "demo-partner", env={**os.environ, **env},
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"create-client failed: {err.decode()[-500:]}")
        fields = dict(line.split("=", 1) for line in out.decode().split() if "=" in line)
        return fields["client_id"], fields["client_secret"]

    return dict(await asyncio.gather(*(one(i) for i in range(n))))


async def partner(run: Run, client_id: str, until: float) -> None:
    """Refer patients: register, order a planned cocktail on one of the next clinic days,
    sign, and watch (through the gateway) until the chair is booked."""
    gw = run.gw
    while time.monotonic() < until:
        try:
            patient = await gw.post("/v1/patients", {
                "mrn": f"LOAD-{uuid.uuid4().hex[:12]}", "birth_date": "1981-03-04",
                "sex": "female", "weight_kg": 66}, who=client_id, route="/v1/patients")
            day = datetime.now(run.tz).date() + timedelta(days=random.randint(1, 10))
            window = (datetime.combine(day, dtime(8, 30), run.tz),
                      datetime.combine(day, dtime(17, 0), run.tz))
            order = await gw.post("/v1/orders", {
                "patient_id": patient["id"], "urgency": "planned", "payer": PAYER,
                "diagnosis": ["G43.109"], "lines": REGIMENS["non-sedating cocktail"],
                "requested_window": {"from": window[0].isoformat(),
                                     "to": window[1].isoformat()}},
                who=client_id, route="/v1/orders")
            oid = order["id"]
            await gw.post(f"/v1/orders/{oid}/sign", who=client_id,
                          route="/v1/orders/{order_id}/sign")
            signed = time.monotonic()
            run.signed += 1
            status = await watch(run, oid, client_id)
            run.outcomes[status] += 1
            if status == "booked":
                run.sign_to_booked.append(time.monotonic() - signed)
                if random.random() < 0.15:  # the patient cancels
                    await gw.post(f"/v1/orders/{oid}/cancel", {"reason": "patient cancelled"},
                                  who=client_id, route="/v1/orders/{order_id}/cancel")
                    run.outcomes["cancelled by the partner"] += 1
                else:
                    await run.booked.put((oid, signed))
        except ApiError as exc:
            run.failures[f"partner: {exc.status}"] += 1
            await asyncio.sleep(0.2)


async def watch(run: Run, oid: str, client_id: str, timeout_s: float = 20) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        v = await run.gw.get(f"/v1/visits/{oid}", who=client_id, route="/v1/visits/{order_id}")
        appt = v.get("appointment") or {}
        if appt.get("status") == "booked":
            return "booked"
        await asyncio.sleep(0.1)
    return "not booked in 20 s (no room in the window, or late)"


async def clinic(run: Run, until: float) -> None:
    """The center's staff: run booked visits (check in, seat, give, complete)."""
    gw = run.gw
    while time.monotonic() < until or not run.booked.empty():
        try:
            oid, signed = await asyncio.wait_for(run.booked.get(), 0.5)
        except TimeoutError:
            continue
        try:
            v = await gw.get(f"/v1/visits/{oid}", route="/v1/visits/{order_id}")
            appt = v["appointment"]["id"]
            for step in ("check-in", "start"):
                await gw.post(f"/v1/appointments/{appt}/{step}",
                              route=f"/v1/appointments/{{appointment_id}}/{step}")
            t = datetime.now(UTC) - timedelta(minutes=30)
            for ln in REGIMENS["non-sedating cocktail"]:
                ndc, lot = run.stock[ln["drug_code"]]
                stop = t + timedelta(minutes=ln["minutes"])
                await gw.post(f"/v1/orders/{oid}/administrations", {
                    "line_sequence": ln["sequence"], "started_at": t.isoformat(),
                    "stopped_at": stop.isoformat(), "dose_given": ln["dose"],
                    "dose_unit": "mg", "ndc": ndc, "lot": lot, "wasted_amount": "0"},
                    route="/v1/orders/{order_id}/administrations")
                t = stop
            # the load is on the claim path, not the chair-side record: the discharge check
            # is waived (bench/demo_plan.py records it), and order.administered completes
            # the appointment
            await gw.post(f"/v1/orders/{oid}/complete", {
                "rendering_provider_npi": NPI,
                "discharge_override_reason": "load run: discharge check not simulated"},
                route="/v1/orders/{order_id}/complete")
            completed = time.monotonic()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if (await gw.get(f"/v1/visits/{oid}", route="/v1/visits/{order_id}"))["claim"]:
                    run.sign_to_claim.append(time.monotonic() - signed)
                    run.complete_to_claim.append(time.monotonic() - completed)
                    run.outcomes["administered and billed"] += 1
                    break
                await asyncio.sleep(0.1)
        except ApiError as exc:
            run.failures[f"clinic: {exc.status}"] += 1


async def stock_for(gw: Gateway) -> dict[str, tuple[str, str]]:
    """Receive a large lot of each product the cocktail uses."""
    drugs = {d["code"]: d for d in await gw.pages("/v1/drugs")}
    items = await gw.pages("/v1/inventory")
    out = {}
    for ln in REGIMENS["non-sedating cocktail"]:
        item = next(i for i in items if i["hcpcs"] == drugs[ln["drug_code"]]["hcpcs"])
        lot = f"LOAD{uuid.uuid4().hex[:6].upper()}"
        await gw.post("/v1/inventory", {"ndc": item["ndc"], "lot_number": lot,
                                        "expires_on": "2030-12-31", "packages": 400})
        out[ln["drug_code"]] = (item["ndc"], lot)
    return out


def report(run: Run, seconds: float, clients: int) -> None:
    gw = run.gw
    total = sum(len(v) for v in gw.timings.values())
    print(f"\n{clients} partner clients for {seconds:.0f} s: {total} requests, "
          f"{total / seconds:.1f} req/s; {run.signed} orders signed "
          f"({run.signed / seconds:.1f}/s)")
    print(f"{'route':<58}{'n':>6}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for route in sorted(gw.timings, key=lambda r: -len(gw.timings[r])):
        xs = gw.timings[route]
        print(f"{route:<58}{len(xs):>6}{len(xs) / seconds:>8.1f}"
              f"{percentile(xs, 50) * 1000:>9.1f}{percentile(xs, 99) * 1000:>9.1f}"
              f"{gw.errors.get(route, 0):>8}")
    for name, xs in (("signed -> chair booked", run.sign_to_booked),
                     ("signed -> claim built", run.sign_to_claim),
                     ("completed -> claim built", run.complete_to_claim)):
        if xs:
            print(f"visit latency {name:<24} n={len(xs):<5} p50 {percentile(xs, 50):.2f} s"
                  f"  p95 {percentile(xs, 95):.2f} s  p99 {percentile(xs, 99):.2f} s")
    print("outcomes:", dict(run.outcomes), " failures:", dict(run.failures) or "none",
          f" conflicts retried: {gw.retried}; 429s waited out: {gw.throttled}")


async def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--staff", type=int, default=2, help="concurrent clinic workers")
    args = p.parse_args(argv)
    from chairside_shared.testing.templates import drop_templates
    from tests.e2e.client import Api
    from tests.e2e.reconcile import reconcile
    from tests.e2e.stack import ADMIN_URL, start_stack, stop_stack

    work = Path(tempfile.mkdtemp(prefix="chairside-load-"))
    print(f"starting the platform (logs in {work}/logs) ...", flush=True)
    stack = await start_stack(work, "load")
    try:
        secrets = await create_partner_clients(stack, args.clients)
        gw = Gateway(stack.gateway_url, secrets=secrets, max_connections=args.clients * 4)
        run = Run(gw, ZoneInfo(stack.clinic_timezone), await stock_for(gw))
        gw.timings.clear()
        until = time.monotonic() + args.seconds  # then the staff finish the booked visits
        started = time.monotonic()
        await asyncio.gather(*(partner(run, cid, until) for cid in secrets),
                             *(clinic(run, until) for _ in range(args.staff)))
        elapsed = time.monotonic() - started
        report(run, elapsed, args.clients)
        print("reconciling every service ...", flush=True)
        api = Api(stack.gateway_url)
        try:
            world = await reconcile(stack, api, timeout_s=120)
        finally:
            await api.aclose()
        statuses = Counter(o["status"] for o in world.orders)
        print(f"reconciled: {len(world.orders)} orders {dict(statuses)}, "
              f"{len(world.appointments)} appointments, {len(world.claims)} claims; "
              "every event published and handled, no effect twice.")
        await gw.aclose()
        return 0
    except AssertionError as exc:
        print(f"RECONCILIATION FAILED:\n{exc}", file=sys.stderr)
        return 1
    finally:
        await stop_stack(stack)
        await drop_templates(ADMIN_URL)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
