"""The demo day's clinical loop (clinical-loop.md §1-3) through the public API: pain scores at
the §3.1 time points, vitals and the discharge check, the escort a no-drive order needs, a
few infusion reactions (a grade 1 akathisia, a grade 2 urticaria restarted slower, and one
grade 3 reaction whose drug the next order of the same patient may not have), and the 24 and
72 h follow-up calls. Every visit is backdated so its 2-hour pain score is in the past."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from uuid import UUID

from chairside_client.api.orders import (
    get_orders_order_id,
    get_orders_order_id_outcomes,
    post_orders,
    post_orders_order_id_cancel,
    post_orders_order_id_discharge,
    post_orders_order_id_escort,
    post_orders_order_id_follow_ups,
    post_orders_order_id_pain_scores,
    post_orders_order_id_reactions,
    post_orders_order_id_sign,
    post_orders_order_id_vitals,
)
from chairside_client.models import (
    OrdersCancelIn,
    OrdersDischargeCheckIn,
    OrdersDischargeOut,
    OrdersEscortIn,
    OrdersEscortOut,
    OrdersFollowUpIn,
    OrdersOrderCreate,
    OrdersOrderOut,
    OrdersPainScoreIn,
    OrdersReactionIn,
    OrdersReactionOut,
    OrdersVisitOutcomeOut,
    OrdersVitalsIn,
    OrdersVitalsOut,
)

from bench import people
from bench.api import ApiError, Gateway

DRAS = ("prochlorperazine", "metoclopramide", "droperidol", "chlorpromazine")
# 2 hours of pain scores must lie in the past, and a reaction needs its 30 quiet minutes
BACKDATE = timedelta(minutes=150)


@dataclass
class Course:
    """How a visit goes for the patient: the NRS series and whether a reaction is recorded."""

    arrival: int
    at_60: int
    at_120: int
    reaction: str | None = None  # "akathisia" | "urticaria" | "severe"
    reaction_drug: str | None = None


@dataclass
class Clinical:
    """What the demo recorded, for the figures."""

    reactions: list[dict] = field(default_factory=list)
    planned: list[tuple[str, str]] = field(default_factory=list)  # (reaction, order id)
    reorder: str = "n/a"  # what the next order of the grade 3 drug met
    escorts_at_check_in: int = 0
    forgot_escort: bool = False  # one sedating visit's escort is missing at check-in
    discharge_refused: list[str] = field(default_factory=list)  # unmet criteria, per refusal
    follow_ups: int = 0
    ed_visit: bool = False
    outcomes: list[dict] = field(default_factory=list)


def plan_courses(visits: list) -> None:
    """A response for every visit: about a third pain-free at 2 h, most of the rest relieved,
    the others failures."""
    for v in visits:
        arrival = random.randint(6, 9)
        roll = random.random()
        if roll < 0.35:
            at_120 = 0  # pain-free at 2 h
        elif roll < 0.8:
            at_120 = random.randint(1, 3)  # relief
        else:
            at_120 = max(arrival - random.randint(0, 2), 4)  # failure
        v.course = Course(arrival, max(at_120, arrival - random.randint(2, 5)), at_120)


def pick_reaction(v, record: Clinical) -> None:
    """The three reactions go to the first visits run that fit: akathisia on a DRA
    (intolerance), urticaria on the biologic, grade 3 on the next DRA."""
    taken = {r for r, _ in record.planned}
    dra = _dra(v)
    if dra and "akathisia" not in taken:
        v.course.reaction, v.course.reaction_drug = "akathisia", dra
    elif dra and "severe" not in taken:
        v.course.reaction, v.course.reaction_drug = "severe", dra
    elif v.kind == "biologic" and "urticaria" not in taken:
        v.course.reaction, v.course.reaction_drug = "urticaria", "eptinezumab"
    if v.course.reaction:
        record.planned.append((v.course.reaction, v.order_id))


def _dra(v) -> str | None:
    from bench.demo_plan import REGIMENS

    return next((ln["drug_code"] for ln in REGIMENS[v.regimen] if ln["drug_code"] in DRAS),
                None)


def visit_start() -> datetime:
    return datetime.now(UTC).replace(microsecond=0) - BACKDATE


async def at_check_in(gw: Gateway, v, record: Clinical) -> None:
    """The escort of a no-drive order, named at check-in (one patient forgets: discharge
    then waits for the escort)."""
    order = await gw.call(OrdersOrderOut, get_orders_order_id.asyncio_detailed, client=gw.as_(),
                          order_id=UUID(v.order_id))
    if not order.requires_driver:
        return
    if not record.forgot_escort:
        record.forgot_escort = True
        return
    await _escort(gw, v)
    record.escorts_at_check_in += 1


async def _escort(gw: Gateway, v) -> None:
    escort = people.demographics(random.choice(["female", "male"]))
    await gw.call(OrdersEscortOut, post_orders_order_id_escort.asyncio_detailed, client=gw.as_(),
                  order_id=UUID(v.order_id), body=OrdersEscortIn(
                      name=f"{escort['given_name']} {escort['family_name']}",
                      phone=escort["phone"]))


async def _pain(gw: Gateway, v, point: str, nrs: int, at: datetime) -> None:
    await gw.call(OrdersVisitOutcomeOut, post_orders_order_id_pain_scores.asyncio_detailed,
                  client=gw.as_(), order_id=UUID(v.order_id), body=OrdersPainScoreIn.from_dict(
                      {"point": point, "nrs": nrs, "at": at.isoformat()}))


async def _record_vitals(gw: Gateway, v, body: dict) -> None:
    await gw.call(OrdersVitalsOut, post_orders_order_id_vitals.asyncio_detailed, client=gw.as_(),
                  order_id=UUID(v.order_id), body=OrdersVitalsIn.from_dict(body))


async def before_drugs(gw: Gateway, v, first_given: datetime) -> None:
    """Arrival and pre-drug pain, and the baseline vital signs."""
    for point, at in (("arrival", first_given - timedelta(minutes=15)),
                      ("pre_drug", first_given - timedelta(minutes=2))):
        await _pain(gw, v, point, v.course.arrival, at)
    await _record_vitals(gw, v, _vitals("baseline", first_given - timedelta(minutes=5)))


async def react(gw: Gateway, v, first_given: datetime, record: Clinical) -> None:
    """The visit's reaction, if its course has one, as the nurse records it."""
    from bench.demo_plan import REGIMENS

    pick_reaction(v, record)
    kind, drug = v.course.reaction, v.course.reaction_drug
    if kind is None or drug is None:
        return
    rates = {ln["drug_code"]: "100" for ln in REGIMENS[v.regimen] if ln["mode"] == "infusion"}
    onset = first_given + timedelta(minutes=6)
    resolved = onset + timedelta(minutes=20)
    body: dict = {"onset_at": onset.isoformat(), "minutes_from_start": 6,
                  "suspects": [{"drug_code": drug, **(
                      {"rate_at_onset": rates[drug]} if drug in rates else {})}],
                  "graded_by": "rn-demo", "outcome": "resolved",
                  "resolved_at": resolved.isoformat(),
                  "provider_notified_at": (onset + timedelta(minutes=3)).isoformat(),
                  "vitals": [{"at": (onset + timedelta(minutes=m)).isoformat(), "spo2": 97,
                              "heart_rate": 88 - m, "systolic": sys}
                             for m, sys in ((0, 104), (5, 112), (15, 120))]}
    if kind == "akathisia":  # RX-4: intolerance; the next DRA order suggests diphenhydramine
        body |= {"manifestations": ["61921000"], "term": "other", "grade": 1,
                 "kind": "intolerance", "rechallenge": "premedicate",
                 "actions": [{"kind": "stop", "at": onset.isoformat(), "drug_code": drug}],
                 "rescue_meds": [_rescue("diphenhydramine", "25", onset)]}
    elif kind == "urticaria":  # RX-2: restarted at half the rate; premedicate next time
        half = str(max(round(float(rates.get(drug, "100")) / 2), 1))
        body |= {"manifestations": ["126485001", "418363000"],
                 "term": "infusion_related_reaction", "grade": 2, "kind": "allergy",
                 "rechallenge": "premedicate",
                 "actions": [{"kind": "stop", "at": onset.isoformat(), "drug_code": drug},
                             {"kind": "restart", "at": resolved.isoformat(), "rate": half,
                              "drug_code": drug}],
                 "rescue_meds": [_rescue("diphenhydramine", "50", onset)]}
    else:  # grade 3 (RX-1): hypotension and dyspnea, no restart that visit
        body |= {"manifestations": ["45007003", "267036007"],
                 "term": "infusion_related_reaction", "grade": 3, "kind": "allergy",
                 "rechallenge": "no",
                 "actions": [{"kind": "stop", "at": onset.isoformat(), "drug_code": drug}],
                 "rescue_meds": [_rescue("diphenhydramine", "50", onset)]}
    rec = await gw.call(OrdersReactionOut, post_orders_order_id_reactions.asyncio_detailed,
                        client=gw.as_(), order_id=UUID(v.order_id),
                        body=OrdersReactionIn.from_dict(body))
    record.reactions.append(rec.to_dict())


def _rescue(drug: str, dose: str, onset: datetime) -> dict:
    return {"drug": drug, "dose": dose, "unit": "mg", "route": "IV",
            "given_at": (onset + timedelta(minutes=2)).isoformat(), "given_by": "rn-demo"}


def _vitals(kind: str, at: datetime, **values: object) -> dict:
    # Any two draws stay within the discharge check's 20 % of baseline: a heart rate range of
    # 66-80 let a baseline of 66 and a discharge of 80 (21 %) block about one demo day in 18.
    return {"kind": kind, "taken_at": at.isoformat(), "bp_systolic": random.randint(112, 128),
            "bp_diastolic": random.randint(70, 80), "heart_rate": random.randint(67, 80),
            "respiratory_rate": 14, "spo2": random.randint(96, 99), **values}


async def discharge(gw: Gateway, v, first_given: datetime, record: Clinical) -> None:
    """The 60 and 120 min pain scores, discharge vitals and the nurse's check; a check that
    answers "escort" gets the escort named, and is made again."""
    for point, minutes, nrs in (("60_min", 60, v.course.at_60),
                                ("120_min", 120, v.course.at_120)):
        await _pain(gw, v, point, nrs, first_given + timedelta(minutes=minutes))
    now = datetime.now(UTC)
    await _pain(gw, v, "discharge", v.course.at_120, now)
    await _record_vitals(gw, v, _vitals("discharge", now, poss="1"))
    check = OrdersDischargeCheckIn(gait_steady=True, orthostatics_negative=True,
                                   nausea_controlled=True)
    first = await gw.call(OrdersDischargeOut, post_orders_order_id_discharge.asyncio_detailed,
                          client=gw.as_(), order_id=UUID(v.order_id), body=check)
    if not first.ready:
        record.discharge_refused += first.unmet
        if "escort" in first.unmet:
            await _escort(gw, v)
        await gw.call(OrdersDischargeOut, post_orders_order_id_discharge.asyncio_detailed,
                      client=gw.as_(), order_id=UUID(v.order_id), body=check)


async def follow_up(gw: Gateway, v, record: Clinical) -> None:
    """The 24 h call (every visit) and the 72 h call (failures and every other visit); a
    failure's patient took a rescue drug, and the first of them went to the ED at 40 h."""
    order_id = UUID(v.order_id)
    failed = v.course.at_120 >= 4
    await gw.call(OrdersVisitOutcomeOut, post_orders_order_id_follow_ups.asyncio_detailed,
                  client=gw.as_(v.who), order_id=order_id, body=OrdersFollowUpIn.from_dict({
                      "checkpoint_hours": 24, "rescue_used": failed,
                      **({"rescue_hours": "6"} if failed else {})}))
    record.follow_ups += 1
    if failed or random.random() < 0.5:
        ed = failed and not record.ed_visit
        record.ed_visit = record.ed_visit or ed
        await gw.call(OrdersVisitOutcomeOut, post_orders_order_id_follow_ups.asyncio_detailed,
                      client=gw.as_(v.who), order_id=order_id, body=OrdersFollowUpIn.from_dict({
                          "checkpoint_hours": 72, "ed_visit": ed,
                          **({"ed_hours": "40"} if ed else {})}))
        record.follow_ups += 1
    outcome = await gw.call(OrdersVisitOutcomeOut, get_orders_order_id_outcomes.asyncio_detailed,
                            client=gw.as_(), order_id=order_id)
    record.outcomes.append(outcome.outcome.to_dict())


async def reorder_after_severe(gw: Gateway, visits: list, record: Clinical) -> None:
    """The patient of the grade 3 reaction is ordered the same drug again: RX-1 must stop it
    (a draft with a blocking finding that cannot be signed)."""
    severe = next((r for r in record.reactions if r["grade"] >= 3), None)
    if severe is None:
        return
    from bench.demo_plan import REGIMENS

    v = next(x for x in visits if x.order_id == str(severe["order_id"]))
    drug = severe["suspects"][0]["drug_code"]
    line = next(dict(ln, sequence=1) for ln in REGIMENS[v.regimen] if ln["drug_code"] == drug)
    draft = await gw.call(OrdersOrderOut, post_orders.asyncio_detailed, client=gw.as_(),
                          body=OrdersOrderCreate.from_dict({
                              "patient_id": str(severe["patient_id"]), "urgency": "same_day",
                              "payer": v.payer, "diagnosis": ["G43.109"], "lines": [line]}))
    blocking = [f.code for f in draft.findings if f.severity == "block"]
    try:
        await gw.call(OrdersOrderOut, post_orders_order_id_sign.asyncio_detailed,
                      client=gw.as_(), order_id=draft.id)
        record.reorder = f"{drug}: signed ({', '.join(blocking) or 'no block'})"
    except ApiError as exc:
        record.reorder = f"{drug}: refused {exc.status} ({', '.join(blocking)})"
    await gw.call(OrdersOrderOut, post_orders_order_id_cancel.asyncio_detailed, client=gw.as_(),
                  order_id=draft.id, body=OrdersCancelIn(reason="demo: reaction on record"))


def figures(record: Clinical) -> dict:
    """Relief, pain-free and 72 h ED return over the demo's own visits (each visit's outcome
    as GET /v1/orders/{id}/outcomes classifies it); reactions by grade; the re-order."""
    def share(key: str) -> str:
        known = [o[key] for o in record.outcomes if o[key] is not None]
        return f"{sum(known)}/{len(known)} ({sum(known) / len(known):.0%})" if known else "n/a"

    by_grade: dict[int, int] = {}
    for r in record.reactions:
        by_grade[r["grade"]] = by_grade.get(r["grade"], 0) + 1
    return {
        "relief at 2 h": share("relief_2h"),
        "pain-free at 2 h": share("pain_free_2h"),
        "ED return within 72 h": share("ed_return_72h"),
        "reactions recorded": ", ".join(f"grade {g}: {n}" for g, n in sorted(by_grade.items()))
        or "none",
        "re-order after the grade 3 reaction": record.reorder,
        "discharge checks refused (unmet)": ", ".join(record.discharge_refused) or "none",
        "escorts named at check-in": record.escorts_at_check_in,
        "follow-up calls recorded": record.follow_ups,
    }
