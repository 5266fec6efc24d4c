"""The traffic of one phase: open-loop arrivals (a referral does not wait for the previous
one), so a slow server shows as latency and a backlog, not as a politely slower client.

- referral (a partner practice's integration): register the patient, order the regimen for a
  window on one of the next clinic days, sign, watch the visit every 0.25 s until the chair is
  booked (signed -> booked); 15 % are then cancelled by the partner;
- visit (the clinic's staff, as soon as the chair is booked: the clinic day is compressed into
  the run): check in, seat, record each administration, complete, wait for the claim
  (completed -> claim built);
- periodic staff and partner reads (peak.Peak.periodic), each poller at a random phase.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from bench.clinic import ApiError, Gateway
from bench.demo_plan import NPI, REGIMENS
from bench.network.peak import Peak
from bench.network.setup import REGIMEN
from bench.people import identify, member_of

PAYER = {"payer_id": "medicare", "member_id": "1EG4TE5MK72", "plan_id": "part-b"}
WATCH_S = 0.25


@dataclass
class Phase:
    name: str
    scale: float
    gw: Gateway
    peak: Peak
    tz: ZoneInfo
    days: list[date]
    staff: list[str]
    partners: list[str]
    stock: dict[str, tuple[str, str]]
    sign_to_booked: list[float] = field(default_factory=list)
    complete_to_claim: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    booked: list[str] = field(default_factory=list)  # order ids, for the nurses' visit views
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    wall_s: float = 0.0  # the arrivals
    total_s: float = 0.0  # the arrivals and the grace

    # ------------------------------------------------------------ referral and visit
    async def referral(self, k: int) -> None:
        try:
            oid = await self.refer(k)
            signed = time.monotonic()
            partner = self.partners[k]
            if not await self.watch(oid, partner):
                self.outcomes["not booked in 30 s"] += 1
                return
            self.sign_to_booked.append(time.monotonic() - signed)
            self.booked.append(oid)
            if random.random() < 0.15:
                await self.gw.post(f"/v1/orders/{oid}/cancel", {"reason": "patient cancelled"},
                                   who=partner, route="/v1/orders/{order_id}/cancel")
                self.outcomes["booked, cancelled by the partner"] += 1
                return
            self.outcomes["booked"] += 1
            await self.visit(k, oid)
        except ApiError as exc:
            self.failures[f"referral/visit: {exc.status}"] += 1

    async def refer(self, k: int, day: date | None = None) -> str:
        """Register, order for a window on ``day`` (else one of the days), sign: the order."""
        gw, partner = self.gw, self.partners[k]
        # demographics and coverage: the eligibility check (270) needs them to decide
        payer = member_of(PAYER)
        body = {"mrn": f"NET-{uuid.uuid4().hex[:12]}", "birth_date": "1981-03-04",
                "sex": "female", "weight_kg": 66}
        identify(body, payer)
        patient = await gw.post("/v1/patients", body, who=partner, route="/v1/patients")
        day = day or random.choice(self.days)
        window = (datetime.combine(day, clock(8, 30), self.tz),
                  datetime.combine(day, clock(17, 0), self.tz))
        order = await gw.post("/v1/orders", {
            "patient_id": patient["id"], "urgency": "planned", "payer": payer,
            "diagnosis": ["G43.109"], "lines": REGIMENS[REGIMEN],
            "requested_window": {"from": window[0].isoformat(),
                                 "to": window[1].isoformat()}},
            who=partner, route="/v1/orders")
        oid: str = order["id"]
        await gw.post(f"/v1/orders/{oid}/sign", who=partner,
                      route="/v1/orders/{order_id}/sign")
        return oid

    async def watch(self, oid: str, partner: str, timeout_s: float = 30) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            v = await self.gw.get(f"/v1/visits/{oid}", who=partner,
                                  route="/v1/visits/{order_id} (partner watch)")
            if (v.get("appointment") or {}).get("status") == "booked":
                return True
            await asyncio.sleep(WATCH_S)
        return False

    async def visit(self, k: int, oid: str) -> None:
        gw, staff = self.gw, self.staff[k]
        v = await gw.get(f"/v1/visits/{oid}", who=staff, route="/v1/visits/{order_id}")
        appt = v["appointment"]["id"]
        for step in ("check-in", "start"):
            await gw.post(f"/v1/appointments/{appt}/{step}", who=staff,
                          route=f"/v1/appointments/{{appointment_id}}/{step}")
        t = datetime.now(UTC) - timedelta(minutes=30)
        for ln in REGIMENS[REGIMEN]:
            ndc, lot = self.stock[ln["drug_code"]]
            stop = t + timedelta(minutes=ln["minutes"])
            await gw.post(f"/v1/orders/{oid}/administrations", {
                "line_sequence": ln["sequence"], "started_at": t.isoformat(),
                "stopped_at": stop.isoformat(), "dose_given": ln["dose"], "dose_unit": "mg",
                "ndc": ndc, "lot": lot, "wasted_amount": "0"}, who=staff,
                route="/v1/orders/{order_id}/administrations")
            t = stop
        # the load is on the claim path: the discharge check is waived (bench/load.py too)
        await gw.post(f"/v1/orders/{oid}/complete", {
            "rendering_provider_npi": NPI,
            "discharge_override_reason": "load run: discharge check not simulated"},
            who=staff, route="/v1/orders/{order_id}/complete")
        completed = time.monotonic()
        deadline = completed + 30
        while time.monotonic() < deadline:
            if (await gw.get(f"/v1/visits/{oid}", who=staff,
                             route="/v1/visits/{order_id} (claim wait)"))["claim"]:
                self.complete_to_claim.append(time.monotonic() - completed)
                self.outcomes["administered and billed"] += 1
                return
            await asyncio.sleep(WATCH_S)
        self.outcomes["no claim 30 s after completion"] += 1

    # ------------------------------------------------------------ periodic reads
    async def read(self, what: str, i: int) -> None:
        gw, k = self.gw, i % self.peak.clinics
        day = self.days[0].isoformat()
        if what == "board":
            await gw.get("/v1/board", params={"date": day}, who=self.staff[k],
                         route="/v1/board")
        elif what == "visit view":
            if self.booked:
                await gw.get(f"/v1/visits/{random.choice(self.booked[-60:])}",
                             who=self.staff[k], route="/v1/visits/{order_id}")
        elif what == "appointments worklist":
            await gw.get("/v1/appointments", params={"date": day, "limit": 50},
                         who=self.staff[k], route="/v1/appointments?date=")
        elif what == "PA worklist":
            await gw.get("/v1/authorizations", params={"status": "pended", "limit": 50},
                         who=self.staff[k], route="/v1/authorizations?status=")
        else:
            await gw.get("/v1/orders", params={"limit": 50}, who=self.partners[k],
                         route="/v1/orders (partner poll)")

    async def poller(self, what: str, i: int, every: float, until: float) -> None:
        await asyncio.sleep(random.uniform(0, every))
        while time.monotonic() < until:
            began = time.monotonic()
            try:
                await self.read(what, i)
            except ApiError as exc:
                self.failures[f"{what}: {exc.status}"] += 1
            await asyncio.sleep(max(0.0, min(every - (time.monotonic() - began),
                                             until - time.monotonic())))

    # ------------------------------------------------------------ the phase
    async def run(self, seconds: float, grace_s: float = 60) -> None:
        """Arrivals for ``seconds``; then the referrals under way finish (up to ``grace_s``)."""
        self.started_at = datetime.now(UTC)
        began = time.monotonic()
        until = began + seconds
        pollers = [asyncio.create_task(self.poller(what, i, every / self.scale, until))
                   for what, (n, every) in self.peak.periodic().items() for i in range(n)]
        flows: list[asyncio.Task[None]] = []
        rate = self.peak.referrals_per_s * self.scale
        t = began
        while True:
            t += random.expovariate(rate)
            if t >= until:
                break
            await asyncio.sleep(max(0.0, t - time.monotonic()))
            flows.append(asyncio.create_task(self.referral(random.randrange(self.peak.clinics))))
        await asyncio.gather(*pollers)
        self.wall_s = time.monotonic() - began
        _, late = await asyncio.wait(flows, timeout=grace_s) if flows else (set(), set())
        for task in late:
            task.cancel()
            self.outcomes["unfinished at the end of the grace"] += 1
        self.total_s = time.monotonic() - began
