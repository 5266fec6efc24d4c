"""The demo day's referral analytics: per partner practice and week, the orders received and
what became of them (GET /v1/reports/referrals), with the margin per practice and per
protocol (GET /v1/reports/margin?by=practice|protocol), printed as tables; the chart is
written to ``<out>/referrals-<day>.svg``, drawn here from the report's JSON.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

from chairside_client.api.reimbursement import get_reports_margin, get_reports_referrals
from chairside_client.models import (
    GetReportsMarginBy,
    GetReportsReferralsPeriod,
    ReimbursementMarginReport,
    ReimbursementReferralReportOut,
)
from rich.console import Console
from rich.table import Table

from bench.api import Gateway

WEEKS = 8  # the weeks shown, ending with the demo day's
# Chart geometry (px): one row of bars per practice and week.
ROW, BAR, LEFT, SCALE_W, TEXT_W, TOP = 26, 9, 190, 260, 420, 64
RATES_X = LEFT + SCALE_W + 56  # past the longest "converted/received" label


def pct(value: str | None) -> str:
    return "-" if value is None else f"{float(value) * 100:.0f}%"


def days(value: str | None) -> str:
    return "-" if value is None else f"{float(value):.1f} d"


def referral_table(doc: dict[str, Any]) -> Table:
    t = Table(title=f"Referrals per practice and {doc['period']}, {doc['from']} to {doc['to']}")
    for col in ("practice", "from", "orders", "given", "conversion", "days to chair (p50/p90)",
                "no-show", "PA approved"):
        t.add_column(col, justify="left" if col in ("practice", "from") else "right")
    for r in doc["rows"]:
        t.add_row(r["practice_id"], r["period_start"], str(r["orders_received"]),
                  str(r["converted_to_visits"]), pct(r["conversion_rate"]),
                  f"{days(r['median_days_to_chair'])} / {days(r['p90_days_to_chair'])}",
                  f"{pct(r['no_show_rate'])} of {r['appointments_ended']}",
                  f"{pct(r['pa_approval_rate'])} of {r['pa_decided']}")
    return t


def margin_table(doc: dict[str, Any]) -> Table:
    t = Table(title=f"Margin by {doc['by']}, {doc['from']} to {doc['to']} "
                    f"(total {doc['total_margin']})")
    for col in (doc["by"], "claims", "revenue", "drug cost", "waste", "margin"):
        t.add_column(col, justify="left" if col == doc["by"] else "right")
    for r in doc["rows"]:
        t.add_row(r["key"], str(r["claims"]), r["revenue"], r["acquisition_cost"],
                  r["waste_cost"], r["margin"])
    return t


def referral_svg(doc: dict[str, Any]) -> str:
    """Horizontal bars per practice and period: orders received (light) and converted to
    visits (dark) on one scale, each row's rates written beside it."""
    rows = doc["rows"]
    most = max((r["orders_received"] for r in rows), default=0) or 1
    height = TOP + ROW * max(len(rows), 1) + 30
    width = RATES_X + TEXT_W
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12" '
           f'data-from="{doc["from"]}" data-to="{doc["to"]}" data-rows="{len(rows)}">',
           f'<text x="10" y="22" font-size="15" font-weight="bold">Referrals per practice and '
           f'{escape(doc["period"])}, {doc["from"]} to {doc["to"]}</text>',
           '<rect x="10" y="34" width="12" height="9" fill="#b9d3ee"/>'
           '<text x="26" y="43">orders received</text>'
           '<rect x="130" y="34" width="12" height="9" fill="#1f5f99"/>'
           '<text x="146" y="43">converted to visits</text>'
           f'<text x="{RATES_X}" y="43" fill="#555">conversion, days to chair '
           'p50/p90, no-show, PA approval</text>']
    if not rows:
        out.append(f'<text x="10" y="{TOP + 14}">no referrals in the period</text>')
    for i, r in enumerate(rows):
        y = TOP + i * ROW
        received = SCALE_W * r["orders_received"] / most
        given = SCALE_W * r["converted_to_visits"] / most
        label = f'{r["practice_id"]} {r["period_start"]}'
        out.append(
            f'<g class="row" data-practice="{escape(r["practice_id"])}" '
            f'data-period="{r["period_start"]}" data-received="{r["orders_received"]}" '
            f'data-converted="{r["converted_to_visits"]}">'
            f'<text x="{LEFT - 6}" y="{y + BAR + 4}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LEFT}" y="{y}" width="{received:.1f}" height="{BAR * 2}" '
            f'fill="#b9d3ee"/>'
            f'<rect x="{LEFT}" y="{y + BAR // 2}" width="{given:.1f}" height="{BAR}" '
            f'fill="#1f5f99"/>'
            f'<text x="{LEFT + received + 4:.1f}" y="{y + BAR + 4}">'
            f'{r["converted_to_visits"]}/{r["orders_received"]}</text>'
            f'<text x="{RATES_X}" y="{y + BAR + 4}">'
            f'{pct(r["conversion_rate"])} · {days(r["median_days_to_chair"])} / '
            f'{days(r["p90_days_to_chair"])} · no-show {pct(r["no_show_rate"])} · '
            f'PA {pct(r["pa_approval_rate"])}</text></g>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_chart(out: Path, day: date, svg: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"referrals-{day.isoformat()}.svg"
    path.write_text(svg)
    return path


async def report(gw: Gateway, console: Console, day: date, out: Path) -> Path:
    """Print the referral and margin tables of the weeks ending with ``day`` and write the
    referral chart; the chart's path."""
    start = day - timedelta(weeks=WEEKS - 1)
    referrals = await gw.call(ReimbursementReferralReportOut,
                              get_reports_referrals.asyncio_detailed, client=gw.as_(),
                              from_=start, to=day, period=GetReportsReferralsPeriod.WEEK)
    doc = referrals.to_dict()  # the tables and the chart read the wire names
    console.print(referral_table(doc))
    for by in (GetReportsMarginBy.PRACTICE, GetReportsMarginBy.PROTOCOL):
        margin = await gw.call(ReimbursementMarginReport, get_reports_margin.asyncio_detailed,
                               client=gw.as_(), from_=start, to=day, by=by)
        console.print(margin_table(margin.to_dict()))
    path = write_chart(out, day, referral_svg(doc))
    console.print(f"Referral chart: {path.resolve()}")
    return path
