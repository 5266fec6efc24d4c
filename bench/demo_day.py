"""``make demo``: a simulated clinic day through the gateway of a running ``make run``.

Partner practices refer patients (planned cocktails), walk-ins come in for same-day care, a
few patients get eptinezumab (its PAS request is held while the catalog has no verified
RxNorm code for it: staff record the payer's portal decision, approving some and denying
others; a drug PAS can carry goes through the payer sandbox), children get weight-based
doses; the morning delivery is received into inventory; booked patients are checked in,
seated and given their drugs (a few do not show up), with pain scores, vital signs, the
escort a no-drive order needs, a few infusion reactions (one grade 3: the next order of that
drug for that patient is stopped) and the discharge check, then the 24/72 h follow-up calls
(bench/demo_clinical.py); claims go to the payers through the
clearinghouse sandbox (bench/demo_revenue.py: rejections fixed and re-sent, a short payment
on the underpayment worklist, a denial appealed) and the 835s are posted. Then the day's
figures are printed and the chair board is written to
``data/chair-board-<day>.html``; last, the week's staffing forecast (RNs needed per 15
minutes vs rostered, bench/demo_staffing.py) is summarized and its chart written to
``data/staffing-<monday>.svg``; then referrals per partner practice and week (orders,
conversion, days to chair, no-show and PA approval rates) and margin per practice and protocol
are printed, the referral chart written to ``data/referrals-<day>.svg`` (bench/demo_referrals.py).

Visits are run now, ahead of their slots: the board shows the day as it was booked. Same-day
walk-ins need most of today's clinic hours still ahead (five hours or more before closing);
otherwise the day simulated is the next clinic day, without walk-ins.

    python -m bench.demo_day [--gateway http://127.0.0.1:8000] [--visits 24] [--seed 7]
                             [--clearinghouse http://127.0.0.1:8091]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from uuid import UUID
from zoneinfo import ZoneInfo

import httpx
from chairside_client.api.gateway import get_board
from chairside_client.api.orders import get_drugs
from chairside_client.api.reimbursement import (
    get_claims_claim_id_x12,
    get_inventory,
    post_inventory,
)
from chairside_client.api.scheduling import get_clinic_hours
from chairside_client.models import (
    Board,
    OrdersListDrugsResponse,
    ReimbursementInventoryItemOut,
    ReimbursementInventoryPage,
    ReimbursementReceiptIn,
    SchedulingClinicHoursOut,
)
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bench import demo_clinical as clinical
from bench import demo_neuro as neuro
from bench import demo_plan as plan
from bench import demo_purchasing as purchasing
from bench import demo_referrals as referrals
from bench import demo_revenue as revenue
from bench import demo_staffing as staffing
from bench.api import ApiError, Gateway
from bench.board_html import render_board

console = Console()


class Day:
    def __init__(self, gw: Gateway, hours: dict, day: date, walk_ins: bool) -> None:
        self.gw, self.hours, self.day, self.walk_ins = gw, hours, day, walk_ins
        self.tz = ZoneInfo(hours["timezone"])
        self.visits: list[plan.Visit] = []
        self.stock: dict[str, dict] = {}  # drug code -> inventory item + today's lot
        self.clinical = clinical.Clinical()  # what the visits recorded (bench/demo_clinical.py)

    def local(self, t: time, day: date | None = None) -> datetime:
        return datetime.combine(day or self.day, t, self.tz)


def pick_day(hours: dict, now: datetime) -> tuple[date, bool]:
    """Today if most of the clinic day is still ahead (walk-ins then come in for same-day
    care), else the next clinic day (referrals and biologics only)."""
    tz = ZoneInfo(hours["timezone"])
    weekly = {w["weekday"]: w for w in hours["weekly"]}
    closed = set(hours.get("closed_dates") or [])
    local = now.astimezone(tz)
    for offset in range(15):
        d = local.date() + timedelta(days=offset)
        w = weekly.get(d.weekday())
        if w is None or d.isoformat() in closed:
            continue
        closes = datetime.combine(d, time.fromisoformat(w["closes"]), tz)
        if offset == 0 and closes - local < timedelta(hours=5):
            continue
        return d, offset == 0
    raise SystemExit("the clinic has no open day in the next two weeks")


async def receive_stock(day: Day) -> None:
    """The morning delivery: a fresh lot of every product the day's orders use."""
    gw = day.gw
    stock = await gw.call(ReimbursementInventoryPage, get_inventory.asyncio_detailed,
                          client=gw.as_())  # one page: the inventory is not paginated
    items = [i.to_dict() for i in stock.items]
    catalog = await gw.call(OrdersListDrugsResponse, get_drugs.asyncio_detailed,
                            client=gw.as_())  # a loose contract (an object): see docs/client.md
    drugs = {d["code"]: d for d in catalog["items"]}
    lot = f"D{day.day:%y%m%d}{random.randrange(16**4):04X}"
    for drug in plan.DRUGS_USED:
        hcpcs = drugs[drug]["hcpcs"]
        item = next((i for i in items if i["hcpcs"] == hcpcs), None)
        if item is None:
            raise SystemExit(f"no product in inventory for {drug}: is this `make run`'s data?")
        await gw.call(ReimbursementInventoryItemOut, post_inventory.asyncio_detailed,
                      client=gw.as_(), body=ReimbursementReceiptIn(
                          ndc=item["ndc"], lot_number=lot, packages=2,
                          expires_on=day.day + timedelta(days=365),
                          reference=f"demo delivery {day.day}"))
        day.stock[drug] = {**item, "lot": lot}


async def run_phase(title: str, visits: list[plan.Visit], step, progress: Progress,
                    concurrency: int = 6) -> None:
    task = progress.add_task(title, total=len(visits))
    gate = asyncio.Semaphore(concurrency)

    async def one(v: plan.Visit) -> None:
        async with gate:
            try:
                await step(v)
            except (ApiError, httpx.HTTPError) as exc:
                v.problems.append(f"{title}: {exc}")
            progress.advance(task)

    await asyncio.gather(*(one(v) for v in visits))


async def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.demo_day", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gateway", default="http://127.0.0.1:8000")
    p.add_argument("--clearinghouse", default="http://127.0.0.1:8091",
                   help="the clearinghouse sandbox (its admin API sets each claim's answer)")
    p.add_argument("--visits", type=int, default=24)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--out", type=Path, default=Path("data"))
    args = p.parse_args(argv)
    random.seed(args.seed)
    gw = Gateway(args.gateway)
    try:
        try:
            await gw.login()
        except (httpx.HTTPError, ApiError) as exc:
            console.print(f"[red]cannot reach the gateway at {args.gateway} ({exc}).[/] "
                          "Start the platform with `make run` first.")
            return 2
        hours = (await gw.call(SchedulingClinicHoursOut, get_clinic_hours.asyncio_detailed,
                               client=gw.as_())).to_dict()
        day_date, today = pick_day(hours, datetime.now(UTC))
        day = Day(gw, hours, day_date, walk_ins=today)
        day.visits = plan.plan_day(args.visits, walk_ins=today)
        console.print(f"Simulating {day_date:%A %d %B %Y} ({hours['timezone']}): "
                      f"{len(day.visits)} visits"
                      + ("" if today else " (too late today for same-day walk-ins: the next "
                                          "clinic day, referrals and biologics only)"))
        with Progress(TextColumn("{task.description:<24}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console) as progress:
            await receive_stock(day)
            await run_phase("orders signed", day.visits, lambda v: plan.order(day, v), progress)
            pa = [v for v in day.visits if v.kind in ("biologic", "ms") and v.order_id]
            await run_phase("prior authorizations", pa, lambda v: plan.authorize(day, v),
                            progress)
            signed = [v for v in day.visits if v.order_id]
            await run_phase("chairs booked", signed, lambda v: plan.placed(day, v), progress)
            board = (await gw.call(Board, get_board.asyncio_detailed, client=gw.as_(),
                                   date=day_date)).to_dict()
            booked = sorted((v for v in signed if v.appointment_status == "booked"),
                            key=lambda v: v.start or "")
            await run_phase("visits run", booked, lambda v: plan.run_visit(day, v), progress,
                            concurrency=4)
            given = [v for v in booked if v.administered]
            try:
                await clinical.reorder_after_severe(gw, day.visits, day.clinical)
            except (ApiError, httpx.HTTPError) as exc:
                day.clinical.reorder = f"not tried: {exc}"
            await run_phase("claims built", given, lambda v: plan.claimed(day, v), progress)
            cycle = await bill(day, given, args.clearinghouse, progress)
        final = (await gw.call(Board, get_board.asyncio_detailed, client=gw.as_(),
                               date=day_date)).to_dict()
        figures = await plan.figures(day, board)
        figures = {k: v for k, v in figures.items() if k != "problems"} | clinical.figures(
            day.clinical) | revenue.figures(cycle) | {
            "problems": figures["problems"] + cycle.problems}
        plan.print_figures(console, figures, day)
        neuro.print_table(console, day.visits)
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"chair-board-{day_date}.html"
        path.write_text(render_board(board, final, figures, day_date, hours["timezone"]))
        console.print(f"Chair board: {path.resolve()}")
        await sample_claim(day, args.out)
        try:
            await staffing.report(gw, console, day_date, args.out)
        except (ApiError, httpx.HTTPError) as exc:
            console.print(f"[red]staffing forecast did not go through: {exc}[/]")
        try:
            await referrals.report(gw, console, day_date, args.out)
        except (ApiError, httpx.HTTPError) as exc:
            console.print(f"[red]referral report did not go through: {exc}[/]")
        try:
            await purchasing.report(gw, console, day_date)
        except (ApiError, httpx.HTTPError) as exc:
            console.print(f"[red]GPO savings report did not go through: {exc}[/]")
        return 0
    finally:
        await gw.aclose()


async def bill(day: Day, given: list[plan.Visit], clearinghouse: str,
               progress: Progress) -> revenue.Cycle:
    """The revenue cycle (bench/demo_revenue.py): claims through the clearinghouse sandbox,
    rejections re-sent, a short payment on the worklist, a denial appealed."""
    claims = [v.claim for v in given if v.claim]
    task = progress.add_task("claims through the payer", total=len(claims))
    for v in given:  # a claim held for something missing is not sent: say what
        if v.claim and v.claim["status"] != "ready":
            v.problems.append(f"claim not submitted: {v.claim['status']}")
    cycle = await revenue.run(day.gw, clearinghouse, claims)
    for v in given:
        if v.claim and v.claim["id"] in cycle.claims:
            v.claim = cycle.claims[v.claim["id"]]
    await revenue.read_reports(day.gw, cycle, day.day.isoformat())
    progress.advance(task, len(claims))
    return cycle


async def sample_claim(day: Day, out: Path) -> None:
    """One remitted claim's 837P (invented people), to read what a payer receives."""
    sent = [v.claim for v in day.visits if v.claim and v.claim.get("status") in (
        "paid", "partially_paid", "denied")]
    if not sent:
        return
    x12 = await day.gw.content(get_claims_claim_id_x12.asyncio_detailed, client=day.gw.as_(),
                               claim_id=UUID(str(sent[0]["id"])))
    path = out / f"sample-837p-{day.day}.x12"
    path.write_bytes(x12)
    console.print(f"Sample 837P: {path.resolve()}")


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main()))
    except KeyboardInterrupt:
        sys.exit(130)
