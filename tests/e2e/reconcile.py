"""Reconcile every service's state after a run: nothing lost, nothing done twice, every order
in a consistent state everywhere.

Business state is read through the gateway (as an operator would); the messaging tables
(outbox, inbox, dead letters) and the effect ledgers (stock movements, unit usage) are read
straight from each service's database, read-only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from chairside_client.api.authorization import get_authorizations
from chairside_client.api.orders import get_orders
from chairside_client.api.reimbursement import get_claims
from chairside_client.api.scheduling import get_appointments
from chairside_client.models import (
    AuthorizationAuthorizationPage,
    OrdersPageOrderOut,
    ReimbursementPageClaimOut,
    SchedulingAppointmentPage,
)
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .client import Api, until

OCCUPYING = {"held", "booked", "checked_in", "in_chair"}


def consumer_specs() -> dict[str, tuple[set[str], set[str]]]:
    """service -> (topics it subscribes to, event types it handles), from the code."""
    from authorization.entrypoints import consumers as authz
    from orders.entrypoints import consumers as orders
    from reimbursement.entrypoints import consumers as reimb
    from scheduling.entrypoints import consumers as sched

    return {
        "orders": (set(orders.SUBSCRIPTIONS), set(orders.HANDLERS)),
        "scheduling": (set(sched.SUBSCRIPTIONS), set(sched.HANDLERS)),
        "authorization": (set(authz.SUBSCRIPTIONS), set(authz.HANDLERS)),
        "reimbursement": (set(reimb.SUBSCRIPTIONS),
                          set(reimb.make_handlers(ZoneInfo("UTC")))),
    }


@dataclass
class Messaging:
    outbox: dict[str, list] = field(default_factory=dict)
    inbox: dict[str, set[str]] = field(default_factory=dict)
    dead: dict[str, list] = field(default_factory=dict)
    ledgers: dict[str, list] = field(default_factory=dict)


async def read_messaging(stack) -> Messaging:
    m = Messaging()
    for svc in ("orders", "scheduling", "authorization", "reimbursement"):
        engine = create_async_engine(stack.databases[svc])
        try:
            async with engine.connect() as conn:
                m.outbox[svc] = list((await conn.execute(text(
                    "SELECT event_id, topic, key, event_type, sent_at FROM outbox"))).all())
                m.inbox[svc] = {r.event_id for r in await conn.execute(text(
                    "SELECT event_id FROM inbox"))}
                m.dead[svc] = list((await conn.execute(text(
                    "SELECT event_type, topic, error, status FROM dead_letters"))).all())
                if svc == "reimbursement":
                    m.ledgers["stock"] = list((await conn.execute(text(
                        "SELECT order_id, line_sequence, lot_number, count(*) AS n "
                        "FROM stock_movements WHERE kind = 'administration' "
                        "GROUP BY order_id, line_sequence, lot_number"))).all())
                if svc == "authorization":
                    m.ledgers["units"] = list((await conn.execute(text(
                        "SELECT order_id, line_sequence, count(*) AS n FROM unit_usages "
                        "GROUP BY order_id, line_sequence"))).all())
        finally:
            await engine.dispose()
    return m


def messaging_problems(m: Messaging) -> list[str]:
    problems: list[str] = []
    for svc, rows in m.outbox.items():
        unsent = [r.event_type for r in rows if r.sent_at is None]
        if unsent:
            problems.append(f"{svc}: {len(unsent)} events not yet published {unsent[:5]}")
    for svc, rows in m.dead.items():
        dead = [(r.event_type, r.error[:120]) for r in rows if r.status == "dead"]
        if dead:
            problems.append(f"{svc}: dead letters {dead[:3]}")
    for consumer, (topics, handled) in consumer_specs().items():
        for producer, rows in m.outbox.items():
            missing = [r.event_type for r in rows if r.topic in topics
                       and r.event_type in handled and r.event_id not in m.inbox[consumer]]
            if missing:
                problems.append(f"{consumer} never handled {len(missing)} {producer} events "
                                f"{Counter(missing).most_common(3)}")
    for r in m.ledgers.get("stock", []):
        if r.n > 1:
            problems.append(f"stock drawn {r.n}x for order {r.order_id} line {r.line_sequence}")
    for r in m.ledgers.get("units", []):
        if r.n > 1:
            problems.append(f"PA units used {r.n}x for order {r.order_id} line "
                            f"{r.line_sequence}")
    return problems


@dataclass
class World:
    orders: list[dict]
    appointments: list[dict]
    cases: list[dict]
    claims: list[dict]

    def for_order(self, order_id: str) -> tuple[list[dict], list[dict], list[dict]]:
        return ([a for a in self.appointments if a.get("order_id") == order_id],
                [k for k in self.cases if order_id in (k.get("order_ids") or [k["order_id"]])],
                [c for c in self.claims if c["order_id"] == order_id])


async def read_world(api: Api) -> World:
    staff = await api.as_()
    return World(
        orders=await api.every(OrdersPageOrderOut, get_orders.asyncio_detailed, client=staff),
        appointments=await api.every(SchedulingAppointmentPage,
                                     get_appointments.asyncio_detailed, client=staff),
        cases=await api.every(AuthorizationAuthorizationPage,
                              get_authorizations.asyncio_detailed, client=staff),
        claims=await api.every(ReimbursementPageClaimOut, get_claims.asyncio_detailed,
                               client=staff))


PA_OPEN = {"draft", "submitted", "pended"}


def order_problems(w: World) -> list[str]:
    problems: list[str] = []
    for o in w.orders:
        oid, status, auth = o["id"], o["status"], o["authorization_status"]
        appts, cases, claims = w.for_order(oid)
        occupying = [a for a in appts if a["status"] in OCCUPYING]
        def say(msg: str, oid: str = oid, status: str = status, auth: str = auth) -> None:
            problems.append(f"order {oid} ({status}/{auth}): {msg}")
        if len(claims) > 1:
            say(f"{len(claims)} claims")
        if len(occupying) > 1:
            say(f"{len(occupying)} appointments hold chairs")
        if status == "draft":
            if appts or cases or claims:
                say("a draft order reached other services")
            continue
        if status == "administered":
            if len(claims) != 1:
                say("administered without exactly one claim")
            if occupying:
                say(f"appointment still {occupying[0]['status']}")
        elif status == "cancelled":
            if occupying:
                say(f"cancelled but appointment {occupying[0]['status']}")
            if claims:
                say("cancelled but billed")
            if any(k["status"] in PA_OPEN for k in cases):
                say("cancelled but a PA case is still open")
        elif status == "scheduled":
            if len(occupying) != 1:
                say(f"scheduled with {len(occupying)} appointments holding a chair")
        elif status == "in_progress":
            if not any(a["status"] in ("in_chair", "completed") for a in appts):
                say("in progress without a chair")
        elif status == "signed" and occupying:
            say(f"signed but appointment {occupying[0]['status']} (order missed it)")
        if status in ("signed", "scheduled", "in_progress", "administered"):
            approved = [k for k in cases if k["status"] == "approved"]
            if auth == "approved" and not approved:
                say("approved in orders, no approved case")
            if auth == "not_required" and cases:
                say("no PA needed per orders, but a case exists")
            if auth == "denied" and not any(k["status"] == "denied" for k in cases) and cases:
                say("denied in orders, but the case is not")
            if auth == "pending" and not any(k["status"] in PA_OPEN for k in cases):
                say("pending in orders, but no open case")
            if auth == "denied" and occupying:
                say("PA denied but a chair is still held")
    return problems


async def reconcile(stack, api: Api, *, timeout_s: float = 60) -> World:
    """Wait until every service agrees (events still in flight settle), then return the
    world; fail listing what still disagrees."""
    last: list[str] = []

    async def check():
        nonlocal last
        m = await read_messaging(stack)
        w = await read_world(api)
        last = messaging_problems(m) + order_problems(w)
        return w if not last else None

    try:
        return await until(check, timeout_s=timeout_s, interval_s=0.5, what="reconciliation")
    except AssertionError:
        raise AssertionError("state does not reconcile:\n  " + "\n  ".join(last)) from None
