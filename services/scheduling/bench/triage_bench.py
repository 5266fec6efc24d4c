"""Same-day triage vs first come, first served: a headache clinic's day replayed online.

    .venv/bin/python services/scheduling/bench/triage_bench.py              # 20 seeds
    .venv/bin/python services/scheduling/bench/triage_bench.py --seeds 50 --json out.json

Each seed: 10 chairs (2 pediatric-capable), 4 nurses 08:00-20:00, the day 08:00-18:00 mostly
booked with planned visits; same-day requests arrive 08:00-14:00 (category mix below, 10 %
children, a third of the children's attacks 72 h long with no category picked), each ready 45
min after it arrives (pharmacy prep). A request that fits at once is placed; the others queue.
About 15 % of planned visits are cancelled 30-180 min before their start; each cancellation
offers the freed time to the queue (scheduling.domain.booking.offer_freed_capacity, exactly
what the service runs). The same arrivals and cancellations are replayed under FCFS (every
request 0 points: oldest first) and under the triage rule (seed/triage.json).

Figures per effective category: requests, share placed today, "allwait" = mean minutes from
arrival to the offer counting an unplaced request as waiting until closing, and the wait of
those placed (mean, p90, max). The bound is about order (who is offered first), not about
absolute waits, which capacity decides.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import UUID

from scheduling.adapters.triage_seed import triage_rule
from scheduling.domain.appointment import Appointment, Status
from scheduling.domain.booking import offer_freed_capacity
from scheduling.domain.clinic import BookingPolicy, Chair, ClinicHours, NurseShift, RatioPolicy
from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.slots import SlotRequest, find_slots
from scheduling.domain.triage import TriageRule

HOURS = ClinicHours(timezone="America/New_York")
_FRAME = HOURS.frame(date(2025, 3, 4))  # a Tuesday
assert _FRAME is not None
FRAME = _FRAME
POLICY = BookingPolicy(booking_overtime_minutes=0)
CATEGORY_MIX = [("status_migrainosus", 0.15), ("refractory_to_home_rescue", 0.20),
                ("prolonged_attack", 0.25), ("routine", 0.40)]
FCFS = TriageRule(version=0, category_points={c: 0 for c, _ in CATEGORY_MIX},
                  duration_categories=(), pediatric_points=0, points_per_minute=1)


@dataclass
class Arrival:
    minute: int
    minutes: int
    category: str | None
    hours: int | None
    pediatric: bool


@dataclass
class Day:
    planned: list[Visit]
    cancellations: dict[int, list[str]]  # minute -> planned visit ids cancelled then
    arrivals: list[Arrival] = field(default_factory=list)


def make_day(seed: int) -> Day:
    rng = random.Random(seed)
    chairs = [f"c{i:02d}" for i in range(1, 11)]
    planned, cancels = [], {}
    for chair in chairs:  # back-to-back planned visits with a few small gaps
        t = rng.choice([0, 0, 15, 30])
        while t < FRAME.close - 60:
            minutes = min(rng.choice([60, 90, 120, 150, 180, 240]), FRAME.close - t)
            v = Visit(id=f"p-{chair}-{t}", chair_id=chair, start=t, end=t + minutes)
            planned.append(v)
            if rng.random() < 0.15 and t >= 60:
                at = max(0, t - rng.randint(30, 180))
                cancels.setdefault(at - at % 5, []).append(v.id)
            t += minutes + rng.choice([0, 0, 0, 15])
    day = Day(planned=planned, cancellations=cancels)
    for _ in range(rng.randint(12, 18)):
        category = rng.choices([c for c, _ in CATEGORY_MIX], [w for _, w in CATEGORY_MIX])[0]
        child = rng.random() < 0.10
        hours = rng.choice([80, 96]) if category == "status_migrainosus" else None
        if child and rng.random() < 1 / 3:
            category, hours = None, 72  # a 3-day attack, nobody picked a category
        day.arrivals.append(Arrival(minute=rng.randrange(0, 360, 5),
                                    minutes=rng.choice([60, 90, 120, 150]), category=category,
                                    hours=hours, pediatric=child))
    day.arrivals.sort(key=lambda a: a.minute)
    return day


def replay(day: Day, rule: TriageRule, seed_rule: TriageRule) -> list[dict[str, object]]:
    chairs = [Chair(id=f"c{i:02d}", pediatric_capable=i > 8) for i in range(1, 11)]
    shifts = [NurseShift(id=f"s{i}", nurse_id=f"n{i}", start=FRAME.at(0), end=FRAME.at(720))
              for i in range(4)]
    state = DayState.build(FRAME, chairs, shifts, RatioPolicy(), list(day.planned))
    queue: list[Appointment] = []
    outcome: dict[object, dict[str, object]] = {}
    arrivals = iter(day.arrivals)
    pending = next(arrivals, None)

    def placed(entry: Appointment, now: datetime) -> None:
        outcome[entry.id]["offered"] = int((now - FRAME.at(0)).total_seconds() // 60)

    for minute in range(0, FRAME.close, 5):
        now = FRAME.at(minute)
        for vid in day.cancellations.get(minute, []):
            state.remove(vid)
        while pending is not None and pending.minute == minute:
            category = seed_rule.category_of(pending.category, pending.hours)
            entry = Appointment.queued(minutes=pending.minutes, now=now, urgency="same_day",
                                       ready_at=now + timedelta(minutes=45),
                                       pediatric=pending.pediatric, triage_category=category)
            entry.id = UUID(int=len(outcome) + 1)  # deterministic ties (ids are random)
            outcome[entry.id] = {"category": category, "pediatric": pending.pediatric,
                                 "arrived": minute, "offered": None}
            req = SlotRequest(minutes=entry.minutes, acuity_class="standard",
                              pediatric=entry.pediatric, requires_driver=False,
                              not_before=entry.ready_at, not_after=FRAME.close_at, limit=1,
                              overtime_minutes=0)
            slots = find_slots(state, req, POLICY)
            if slots:  # a free slot now: held at once, as hold_for_order does
                s = slots[0]
                state.add(Visit(id=str(entry.id), chair_id=s.chair_id,
                                start=FRAME.minute_floor(s.start), end=FRAME.minute_ceil(s.end),
                                pediatric=entry.pediatric))
                entry.place(chair_id=s.chair_id, start=s.start, end=s.end,
                            hold_expires_at=None, now=now)
                placed(entry, now)
            else:
                queue.append(entry)
            pending = next(arrivals, None)
        if day.cancellations.get(minute):
            for entry, s in offer_freed_capacity(state, queue, now, POLICY, rule):
                entry.place(chair_id=s.chair_id, start=s.start, end=s.end,
                            hold_expires_at=None, now=now)
                placed(entry, now)
            queue = [e for e in queue if e.status is Status.QUEUED]
    return list(outcome.values())


def summarize(rows: list[dict[str, object]]) -> dict[str, dict[str, float | int | None]]:
    out: dict[str, dict[str, float | int | None]] = {}
    groups: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        groups.setdefault(str(r["category"]), []).append(r)
        if r["pediatric"]:
            groups.setdefault("(children)", []).append(r)
    groups["(all)"] = rows
    for name, rs in groups.items():
        waits = sorted(int(r["offered"]) - int(r["arrived"])  # type: ignore[call-overload]
                       for r in rs if r["offered"] is not None)
        # every request, an unplaced one counted as waiting until closing (censored)
        until = [(int(r["offered"]) if r["offered"] is not None  # type: ignore[call-overload]
                  else FRAME.close) - int(r["arrived"])  # type: ignore[call-overload]
                 for r in rs]
        out[name] = {"requests": len(rs), "placed_pct": round(100 * len(waits) / len(rs), 1),
                     "queue_mean": round(statistics.fmean(until), 1),
                     "wait_mean": round(statistics.fmean(waits), 1) if waits else None,
                     "wait_p90": waits[int(0.9 * (len(waits) - 1))] if waits else None,
                     "wait_max": waits[-1] if waits else None}
    return out


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    seed_rule = triage_rule()
    rows: dict[str, list[dict[str, object]]] = {"fcfs": [], "triage": []}
    for seed in range(args.seeds):
        day = make_day(seed)
        rows["fcfs"] += replay(day, FCFS, seed_rule)
        rows["triage"] += replay(day, seed_rule, seed_rule)
    figures: dict[str, object] = {k: summarize(v) for k, v in rows.items()}
    figures["bound_minutes"] = seed_rule.bound_minutes
    order = ["status_migrainosus", "refractory_to_home_rescue", "prolonged_attack", "routine",
             "(children)", "(all)"]
    print(f"same-day triage vs FCFS, {args.seeds} seeds (bound {seed_rule.bound_minutes} min);"
          " wait = arrival to offer, minutes, placed requests")
    print(f"{'category':26} {'n':>4} | {'FCFS placed%':>12} {'allwait':>7} {'mean':>6} "
          f"{'p90':>4} {'max':>4} | {'triage placed%':>14} {'allwait':>7} {'mean':>6} {'p90':>4} "
          f"{'max':>4}")
    for name in order:
        f, t = figures["fcfs"].get(name), figures["triage"].get(name)  # type: ignore[union-attr]
        if not f or not t:
            continue
        print(f"{name:26} {f['requests']:>4} | {f['placed_pct']:>12} {f['queue_mean']:>7} "
              f"{f['wait_mean']!s:>6} {f['wait_p90']!s:>4} {f['wait_max']!s:>4} | "
              f"{t['placed_pct']:>14} {t['queue_mean']:>7} {t['wait_mean']!s:>6} "
              f"{t['wait_p90']!s:>4} {t['wait_max']!s:>4}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=1)
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
