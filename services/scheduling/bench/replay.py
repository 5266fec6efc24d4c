"""Benchmark helpers: FCFS booking that also respects the pharmacy (P family), and the online
replay of a day's same-day arrivals (greedy FCFS vs online re-planning, optimizer/online.py).

Replay: the requests booked before the day (arrival < 0) are placed FCFS by both policies, the
same way. Then same-day requests arrive in order; at each arrival greedy books the earliest
feasible slot or refuses, while the online policy re-plans the visits that have not started
(min notice, max moves per patient) to fit the newcomer. Reported: mean wait of all visits
(start − requested start), same-day acceptance, moves and the largest number of moves of one
patient; both plans go through the verifier.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

from instances import Instance

from scheduling.domain.clinic import BookingPolicy
from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.greedy import DayRequest, greedy_fcfs
from scheduling.domain.slots import SlotRequest, find_slots
from scheduling.domain.verify import verify_day
from scheduling.optimizer.model import PlanItem
from scheduling.optimizer.online import OnlineDay, OnlineRules, arrive

POLICY = BookingPolicy()


def greedy_book(state: DayState, inst: Instance, requests: list[DayRequest]
                ) -> tuple[list[Visit], list[str]]:
    """FCFS in arrival order; with a pharmacy, a slot whose preparation finds no free hood is
    skipped for the next start (the desk asks the pharmacy)."""
    if inst.pharmacy is None:
        return greedy_fcfs(state, requests, POLICY, inst.frame.overtime)
    prep = inst.prep or {}
    frame = inst.frame
    placed: list[Visit] = []
    refused: list[str] = []
    ph = inst.pharmacy
    used = [0] * (ph.lead + frame.horizon)
    for v in state.visits.values():
        for t in range(v.start - v.prep_minutes, v.start):
            used[t + ph.lead] += 1
    for r in sorted(requests, key=lambda r: (r.arrival, r.id)):
        not_after = frame.at(r.latest_end) if r.latest_end is not None else None
        req = SlotRequest(minutes=r.minutes, acuity_class=r.acuity_class, pediatric=r.pediatric,
                          requires_driver=r.requires_driver, not_before=frame.at(r.requested),
                          not_after=not_after, limit=200, overtime_minutes=frame.overtime,
                          high_acuity_chair=r.high_acuity_chair)
        for slot in find_slots(state, req, POLICY):
            s = frame.minute_floor(slot.start)
            v = Visit(id=r.id, chair_id=slot.chair_id, start=s, end=s + r.minutes,
                      acuity_class=r.acuity_class, pediatric=r.pediatric,
                      prep_minutes=prep.get(r.id, 0), high_acuity_chair=r.high_acuity_chair)
            span = range(s - v.prep_minutes + ph.lead, s + ph.lead)
            if all(used[t] < ph.capacity[t] for t in span):
                for t in span:
                    used[t] += 1
                state.add(v)
                placed.append(v)
                break
        else:
            refused.append(r.id)
    return placed, refused


def as_requested(inst: Instance, visits: list[Visit]) -> list[Visit]:
    """The visits with what each request needs (pediatric, high-acuity chair) taken from the
    request itself, so the verifier judges a plan by the requests, not by the plan's copy."""
    by_id = {r.id: r for r in inst.requests}
    return [replace(v, pediatric=by_id[v.id].pediatric,
                    high_acuity_chair=by_id[v.id].high_acuity_chair) for v in visits]


def plan_item(inst: Instance, r: DayRequest, cutoff: int, current: Visit | None) -> PlanItem:
    return PlanItem(id=r.id, minutes=r.minutes, acuity_class=r.acuity_class,
                    pediatric=r.pediatric, earliest=r.requested,
                    latest_start=cutoff if r.requires_driver else inst.frame.horizon,
                    latest_end=r.latest_end if r.latest_end is not None else inst.frame.horizon,
                    requested=r.requested, current=current, optional=True,
                    prep_minutes=(inst.prep or {}).get(r.id, 0),
                    high_acuity_chair=r.high_acuity_chair)


def replay(inst: Instance, rules: OnlineRules) -> dict:
    cutoff = inst.frame.local_minute(POLICY.driver_latest_start)
    booked = [r for r in inst.requests if r.arrival < 0]
    arrivals = sorted((r for r in inst.requests if r.arrival >= 0), key=lambda r: (r.arrival,
                                                                                 r.id))
    state = DayState.build(inst.frame, inst.chairs, inst.shifts, inst.policy)
    morning, _ = greedy_book(state, inst, booked)
    t0 = time.perf_counter()
    greedy_same, _ = greedy_book(state, inst, arrivals)
    greedy_s = time.perf_counter() - t0
    greedy_plan = [*morning, *greedy_same]
    day = OnlineDay(inst.frame, inst.chairs, state.nurses, inst.policy,
                    visits={v.id: v for v in morning},
                    requests={r.id: plan_item(inst, r, cutoff, None) for r in booked},
                    pharmacy=inst.pharmacy)
    accepted, moves, seconds = 0, 0, []
    for r in arrivals:
        t1 = time.perf_counter()
        out = arrive(day, plan_item(inst, r, cutoff, None), r.arrival, rules)
        seconds.append(time.perf_counter() - t1)
        accepted += out.accepted
        moves += len(out.moved)
    online_plan = list(day.visits.values())
    requested = {r.id: r.requested for r in inst.requests}

    def side(plan: list[Visit], same_day_placed: int) -> dict:
        waits = [v.start - requested[v.id] for v in plan]
        bad = verify_day(inst.frame, inst.chairs, state.nurses, inst.policy,
                         as_requested(inst, plan), pharmacy=inst.pharmacy)
        return {"visits": len(plan), "mean_wait_minutes": round(statistics.mean(waits), 1),
                "same_day_acceptance": round(same_day_placed / len(arrivals), 3)
                if arrivals else 1.0, "violations": len(bad)}
    return {"family": inst.family, "seed": inst.seed, "same_day_requests": len(arrivals),
            "greedy": {**side(greedy_plan, len(greedy_same)), "seconds": round(greedy_s, 3)},
            "online": {**side(online_plan, accepted), "moves": moves,
                       "max_moves_one_patient": max(day.moves.values(), default=0),
                       "mean_replan_seconds": round(statistics.mean(seconds), 2)
                       if seconds else 0.0}}
