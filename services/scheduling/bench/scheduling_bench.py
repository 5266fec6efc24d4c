"""Scheduling benchmark: FCFS greedy vs the CP-SAT day optimizer, and slot-search latency.

    .venv/bin/python services/scheduling/bench/scheduling_bench.py [--seeds 3] [--families S,M,L]
        [--limits S=5,M=15,L=30] [--latency-queries 2000] [--json out.json]

Greedy: requests in arrival order, each takes the earliest feasible slot (online, what a desk
does). CP-SAT re-plans offline (clairvoyant, as in scheduling.md §5), warm-started from the
greedy plan, in two ways: "same" = exactly the requests the greedy accepted, all mandatory
(wait and overtime at equal volume); "all" = every request, each optional with a large refusal
penalty (acceptance first, then wait and overtime).
Both plans go through the same independent verifier: "ratio violations" must be 0.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from instances import FAMILIES, OPTIMA, Instance, make_instance
from replay import as_requested, greedy_book, plan_item, replay

from scheduling.domain.clinic import BookingPolicy, Chair, NurseShift
from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.figures import day_figures, percentile
from scheduling.domain.greedy import greedy_fcfs
from scheduling.domain.slots import SlotRequest, find_slots
from scheduling.domain.verify import ratio_violation_count, verify_day
from scheduling.optimizer.cpsat import DayProblem, PlanResult, SolveOptions, solve_day
from scheduling.optimizer.online import OnlineRules

POLICY = BookingPolicy()


def summarize(inst: Instance, state: DayState, visits: list[Visit], seconds: float,
              first: float | None, plan: PlanResult | None = None) -> dict:
    requested = {r.id: r.requested for r in inst.requests}
    fig = day_figures(inst.frame, inst.chairs, visits, requested)
    same_day = [r.id for r in inst.requests if r.same_day]
    placed = {v.id for v in visits}
    # judged by what each request needs (a high-acuity first dose: a bed that takes it)
    violations = verify_day(inst.frame, inst.chairs, state.nurses, inst.policy,
                            as_requested(inst, visits), pharmacy=inst.pharmacy)
    cost = fig.total_wait_minutes + SolveOptions().overtime_weight * fig.overtime_minutes
    return {
        "objective": cost if plan is None or plan.objective is None else plan.objective,
        "lower_bound": None if plan is None else plan.lower_bound,
        "lp_bound": None if plan is None else plan.lp_bound,
        "gap": None if plan is None else plan.gap,
        **asdict(fig),
        "accepted": len(placed), "requests": len(inst.requests),
        "same_day_acceptance": round(sum(1 for i in same_day if i in placed) / len(same_day), 3)
        if same_day else 1.0,
        "ratio_violations": ratio_violation_count(violations),
        "other_violations": len(violations) - ratio_violation_count(violations),
        "solve_seconds": round(seconds, 3),
        "first_solution_seconds": None if first is None else round(first, 3),
    }


def run_instance(inst: Instance, limit_s: float, workers: int) -> dict:
    state = DayState.build(inst.frame, inst.chairs, inst.shifts, inst.policy)
    t0 = time.perf_counter()
    greedy, _ = greedy_book(state, inst, inst.requests)
    g_time = time.perf_counter() - t0
    cutoff = inst.frame.local_minute(POLICY.driver_latest_start)
    by_id = {v.id: v for v in greedy}
    # high-acuity first doses (X family) are planned like the rest, only on beds that take them
    firsts = {r.id for r in inst.requests if r.high_acuity_chair}
    items = [plan_item(inst, r, cutoff, by_id.get(r.id)) for r in inst.requests]
    options = SolveOptions(time_limit_s=limit_s, workers=workers, seed=inst.seed)
    problem = DayProblem(inst.frame, inst.chairs, state.nurses, inst.policy, [], items,
                         pharmacy=inst.pharmacy)
    res = solve_day(problem, options)
    # The same requests the greedy accepted, all mandatory: wait and overtime at equal volume.
    same = [replace(it, optional=False) for it in items if it.id in by_id]
    res_same = solve_day(DayProblem(inst.frame, inst.chairs, state.nurses, inst.policy,
                                    [], same, pharmacy=inst.pharmacy), options)
    optimum = OPTIMA.get((inst.family, inst.seed))
    return {
        "family": inst.family, "seed": inst.seed, "chairs": len(inst.chairs),
        "nurses": len(inst.shifts),
        "demand_share": round(sum(r.minutes for r in inst.requests)
                              / (len(inst.chairs) * inst.frame.close), 3),
        "greedy": summarize(inst, state, greedy, g_time, g_time),
        "cpsat_same": {**summarize(inst, state, res_same.visits,
                                   res_same.solve_seconds, res_same.first_solution_seconds,
                                   res_same),
                       "status": res_same.status,
                       "optimum": None if optimum is None else optimum[0],
                       "above_optimum": None if optimum is None or res_same.objective is None
                       else round(res_same.objective / optimum[0] - 1, 4)},
        "cpsat": {**summarize(inst, state, res.visits, res.solve_seconds,
                              res.first_solution_seconds, res),
                  "status": res.status},
        "high_acuity_firsts": len(firsts),
        "high_acuity_firsts_placed": {"greedy": len(firsts & set(by_id)),
                                      "cpsat": len(firsts & {v.id for v in res.visits})},
    }


METRICS = [("objective", "objective"), ("lower_bound", "lower bound"), ("gap", "gap"),
           ("above_optimum", "vs optimum"), ("chair_utilization", "util"),
           ("makespan_minutes", "makespan"),
           ("overtime_minutes", "overtime"), ("mean_wait_minutes", "wait mean"),
           ("p90_wait_minutes", "wait p90"), ("same_day_acceptance", "same-day acc"),
           ("accepted", "accepted"), ("ratio_violations", "ratio viol"),
           ("other_violations", "other viol"), ("solve_seconds", "solve s"),
           ("first_solution_seconds", "first sol s")]


SIDES = ("greedy", "cpsat_same", "cpsat")


def print_family(name: str, rows: list[dict]) -> None:
    r0 = rows[0]
    print(f"\n== family {name}: {len(rows)} seeds, e.g. {r0['chairs']} chairs, "
          f"{r0['nurses']} RNs, {r0['greedy']['requests']} requests, "
          f"demand {statistics.mean(r['demand_share'] for r in rows):.2f} of chair-hours")
    print(f"{'metric':<14}{'greedy FCFS':>14}{'CP-SAT same':>14}{'CP-SAT all':>14}")
    for key, label in METRICS:
        cells = []
        for side in SIDES:
            vals = [r[side][key] for r in rows if r[side].get(key) is not None]
            cells.append(f"{statistics.mean(vals):>14.3f}" if vals else f"{'-':>14}")
        print(f"{label:<14}{''.join(cells)}")
    for side in SIDES[1:]:
        print(f"{side} status:", ", ".join(r[side]["status"] for r in rows))


def print_online(rows: list[dict], rules: OnlineRules) -> None:
    print(f"\n== online replay (min notice {rules.min_notice} min, max moves "
          f"{rules.max_moves} per patient, {rules.options.time_limit_s} s per arrival)")
    print(f"{'family seed':<12}{'arrivals':>9}{'wait greedy':>12}{'wait online':>12}"
          f"{'acc greedy':>11}{'acc online':>11}{'moves':>7}{'max/pt':>7}{'viol':>6}")
    for r in rows:
        g, o = r["greedy"], r["online"]
        print(f"{r['family'] + ' ' + str(r['seed']):<12}{r['same_day_requests']:>9}"
              f"{g['mean_wait_minutes']:>12}{o['mean_wait_minutes']:>12}"
              f"{g['same_day_acceptance']:>11}{o['same_day_acceptance']:>11}{o['moves']:>7}"
              f"{o['max_moves_one_patient']:>7}{g['violations'] + o['violations']:>6}")


def latency_day(seed: int = 7) -> tuple[DayState, list[Chair], list[NurseShift]]:
    """A 30-chair day holding 300 appointments (short visits, 12 nurses)."""
    from instances import DAY, HOURS

    from scheduling.domain.clinic import NurseShift as Shift
    from scheduling.domain.clinic import RatioPolicy
    from scheduling.domain.greedy import DayRequest
    rng = random.Random(seed)
    frame = HOURS.frame(DAY)
    chairs = [Chair(id=f"c{i:02d}", pediatric_capable=i > 28) for i in range(1, 31)]
    shifts = [Shift(id=f"s{i}", nurse_id=f"n{i}", start=frame.at(0), end=frame.at(600))
              for i in range(12)]
    state = DayState.build(frame, chairs, shifts, RatioPolicy())
    i = 0
    while len(state.visits) < 300 and i < 5000:
        req = DayRequest(id=f"a{i}", arrival=i, requested=rng.randrange(0, 560, 5),
                         minutes=rng.choice([15, 20, 30, 30, 45, 60]),
                         acuity_class=rng.choice(["standard"] * 6 + ["elevated", "high"]))
        greedy_fcfs(state, [req], POLICY, 0)
        i += 1
    return state, chairs, shifts


def slot_latency(queries: int) -> dict:
    state, chairs, shifts = latency_day()
    visits = list(state.visits.values())
    rng = random.Random(11)
    search, build_search = [], []
    for _ in range(queries):
        req = SlotRequest(minutes=rng.choice([30, 60, 90, 120, 180, 240]),
                          acuity_class=rng.choice(["standard", "elevated", "high"]),
                          pediatric=rng.random() < 0.05, requires_driver=rng.random() < 0.3,
                          limit=10)
        t0 = time.perf_counter()
        find_slots(state, req, POLICY)
        t1 = time.perf_counter()
        fresh = DayState.build(state.frame, chairs, shifts, state.policy, visits)
        find_slots(fresh, req, POLICY)
        t2 = time.perf_counter()
        search.append((t1 - t0) * 1000)
        build_search.append((t2 - t1) * 1000)
    return {"appointments": len(visits), "chairs": len(chairs), "queries": queries,
            "search_ms_p50": round(percentile(search, 50), 3),
            "search_ms_p99": round(percentile(search, 99), 3),
            "build_and_search_ms_p50": round(percentile(build_search, 50), 3),
            "build_and_search_ms_p99": round(percentile(build_search, 99), 3)}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--families", default="S,M,L,P")
    ap.add_argument("--limits", default="S=5,M=15,L=30,P=15,X=10",
                    help="CP-SAT seconds per family")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--latency-queries", type=int, default=2000)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--online", default="", help="families to replay online, e.g. S,M")
    ap.add_argument("--online-seconds", type=float, default=3.0, help="CP-SAT per arrival")
    args = ap.parse_args(argv)
    limits = {k: float(v) for k, v in (p.split("=") for p in args.limits.split(","))}
    out: dict = {"families": {}}
    for fam in args.families.split(","):
        assert fam in FAMILIES, fam
        rows = [run_instance(make_instance(fam, seed), limits.get(fam, 10.0), args.workers)
                for seed in range(1, args.seeds + 1)]
        out["families"][fam] = rows
        print_family(fam, rows)
    if args.online:
        rules = OnlineRules(options=SolveOptions(time_limit_s=args.online_seconds,
                                                 workers=args.workers, lp_bound=False))
        rows = [replay(make_instance(fam, seed), rules) for fam in args.online.split(",")
                for seed in range(1, args.seeds + 1)]
        out["online"] = rows
        print_online(rows, rules)
    if args.latency_queries:
        lat = slot_latency(args.latency_queries)
        out["slot_latency"] = lat
        print(f"\n== slot search on a {lat['chairs']}-chair day with {lat['appointments']} "
              f"appointments, {lat['queries']} queries (target p99 <= 20 ms)")
        print(f"search only      p50 {lat['search_ms_p50']:.2f} ms  p99 "
              f"{lat['search_ms_p99']:.2f} ms")
        print(f"build + search   p50 {lat['build_and_search_ms_p50']:.2f} ms  p99 "
              f"{lat['build_and_search_ms_p99']:.2f} ms")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, default=str))
    return out


if __name__ == "__main__":
    main()
