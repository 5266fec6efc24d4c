"""The chair board as one self-contained HTML page: a row per chair over the clinic's hours,
each appointment a block at its booked time, coloured by how the visit ended. Ids and drug
codes only (no patient data)."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

COLOURS = {"completed": "#2e7d32", "booked": "#1565c0", "held": "#90caf9",
           "checked_in": "#6a1b9a", "in_chair": "#8e24aa", "no_show": "#ef6c00",
           "cancelled": "#bdbdbd", "queued": "#fdd835"}
CSS = """
body{font:14px system-ui,sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px} .sub{color:#666;margin-bottom:16px}
.board{position:relative;border-left:1px solid #ccc}
.row{position:relative;height:34px;border-bottom:1px solid #eee}
.chair{position:absolute;left:-90px;width:84px;text-align:right;top:9px;color:#555}
.appt{position:absolute;top:4px;height:26px;border-radius:4px;color:#fff;font-size:11px;
      overflow:hidden;white-space:nowrap;padding:0 4px;line-height:26px;box-sizing:border-box}
.hour{position:absolute;top:-18px;font-size:11px;color:#888}
.grid{position:absolute;top:0;bottom:0;border-left:1px dashed #eee}
.legend span{display:inline-block;margin-right:12px} .legend i{display:inline-block;width:12px;
height:12px;border-radius:2px;margin-right:4px;vertical-align:-2px}
table{border-collapse:collapse;margin-top:20px} td{padding:3px 12px 3px 0}
td:first-child{color:#666}
"""


def _t(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _fmt(v: object) -> str:
    if isinstance(v, Decimal):
        return f"${v:,.2f}"
    if isinstance(v, dict):
        return ", ".join(f"{n} {s}" for s, n in sorted(v.items())) or "none"
    return str(v)


def render_board(booked: dict, final: dict, figures: dict, day: date, tz_name: str) -> str:
    """``booked``: the board after booking (times as booked); ``final``: the end-of-day board
    (statuses). Visits run ahead of their slot are shown at their booked time."""
    tz = ZoneInfo(tz_name)
    status = {a["id"]: a["status"] for c in final.get("chairs", [])
              for a in c["appointments"]}
    orders = {**booked.get("orders", {}), **final.get("orders", {})}
    if booked.get("closed") or not booked.get("open"):
        body = "<p>The clinic is closed that day.</p>"
    else:
        start, end = _t(booked["open"]), _t(booked["close"])
        span = (end - start).total_seconds()

        def pct(t: datetime) -> float:
            return max(0.0, min(100.0, (t - start).total_seconds() / span * 100))
        hours = []
        h = start.astimezone(tz).replace(minute=0, second=0, microsecond=0)
        while h <= end:
            if h >= start:
                hours.append(f'<div class="hour" style="left:{pct(h):.2f}%">{h:%H:%M}</div>'
                             f'<div class="grid" style="left:{pct(h):.2f}%"></div>')
            h += timedelta(hours=1)
        rows = []
        for chair in booked.get("chairs", []):
            blocks = []
            for a in chair["appointments"]:
                st = status.get(a["id"], a["status"])
                a_start, a_end = _t(a["start"]), _t(a["end"])
                left, width = pct(a_start), max(pct(a_end) - pct(a_start), 0.4)
                order = orders.get(str(a["order_id"])) or {}
                drugs = ", ".join(ln["drug_code"] for ln in order.get("lines", []))
                tip = html.escape(f"{st} · {a_start.astimezone(tz):%H:%M}-"
                                  f"{a_end.astimezone(tz):%H:%M} · {a['acuity_class']} · "
                                  f"order {str(a['order_id'])[:8]} · {drugs}")
                blocks.append(f'<div class="appt" title="{tip}" style="left:{left:.2f}%;'
                              f'width:{width:.2f}%;background:{COLOURS.get(st, "#777")}">'
                              f'{html.escape(drugs.split(",")[0])}</div>')
            kind = " (peds)" if chair.get("pediatric_capable") else ""
            rows.append(f'<div class="row"><div class="chair">{html.escape(chair["chair_id"])}'
                        f'{kind}</div>{"".join(blocks)}</div>')
        body = (f'<div style="margin-left:90px;margin-top:24px" class="board">'
                f'{"".join(hours)}{"".join(rows)}</div>')
    legend = "".join(f'<span><i style="background:{c}"></i>{s}</span>'
                     for s, c in COLOURS.items())
    table = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(_fmt(v))}</td></tr>"
                    for k, v in figures.items() if not k.startswith("_") and k != "problems")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Chair board {day}"
            f"</title><style>{CSS}</style></head><body><h1>Chair board — {day:%A %d %B %Y}"
            f"</h1><div class='sub'>{html.escape(tz_name)} · generated "
            f"{datetime.now(tz):%H:%M} by make demo</div><div class='legend'>{legend}</div>"
            f"{body}<table>{table}</table></body></html>\n")
