"""The staffing forecast as an SVG chart (no plotting library: a few lines, rects and labels).

One panel per open day, side by side; per 15-minute bucket: RNs needed with the forecast
(solid step line), needed by the booked visits alone (dashed), RNs rostered (green), and the
gap shaded red. Every bucket is also a ``<rect class="bucket">`` carrying its figures as
``data-*`` attributes, so the chart can be checked (and read by tools) without pixels.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from scheduling.service.staffing import StaffingWeek

WIDTH, HEIGHT = 1200, 380
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 48, 56
NEEDED, BOOKED, ROSTERED, GAP = "#1f4e9c", "#7a8fb8", "#2e8b57", "#d62728"


def _steps(points: list[tuple[float, float, int]], y: Callable[[float], float]) -> str:
    out: list[str] = []
    for x0, x1, v in points:
        out += [f"{x0:.1f},{y(v):.1f}", f"{x1:.1f},{y(v):.1f}"]
    return " ".join(out)


def render_week_svg(week: StaffingWeek) -> str:
    open_days = [d for d in week.days if d.frame is not None and d.buckets]
    top = max([1, *(max(b.needed, b.rostered) for d in open_days for b in d.buckets)]) + 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    panel_w = plot_w / max(1, len(open_days))

    def y(v: float) -> float:
        return TOP + plot_h - v / top * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11" '
        f'data-week="{week.week.isoformat()}">',
        f'<title>Staffing forecast, week of {week.week.isoformat()}: RNs needed vs '
        f'rostered</title>',
        f'<text x="{LEFT}" y="20" font-size="14" font-weight="bold">RNs needed vs rostered, '
        f'week of {week.week.isoformat()} ({escape(week.timezone)}); forecast '
        f'{escape(week.forecast.method)}, p{round(week.options.percentile * 100)}</text>',
        f'<text x="{LEFT}" y="36" fill="#555">{week.totals.rn_hours_short} RN-hours short, '
        f'peak gap {week.totals.peak_gap} RN; {week.totals.rn_hours_needed} RN-hours needed, '
        f'{week.totals.rn_hours_rostered} rostered</text>',
    ]
    for v in range(0, top + 1):
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" '
                     f'y2="{y(v):.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    for i, d in enumerate(open_days):
        assert d.frame is not None
        x0 = LEFT + i * panel_w
        span = max(1, d.buckets[-1].hi)

        def x(minute: int, x0: float = x0, span: int = span) -> float:
            return x0 + minute / span * panel_w
        parts.append(f'<g class="day" data-day="{d.day.isoformat()}">')
        parts.append(f'<line x1="{x0:.1f}" x2="{x0:.1f}" y1="{TOP}" y2="{TOP + plot_h}" '
                     'stroke="#999"/>')
        label = f'{d.day.strftime("%a %d %b")}: {d.booked_visits} booked, plan ' \
                f'{d.planned_visits:g}'
        parts.append(f'<text x="{x0 + panel_w / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                     f'text-anchor="middle">{escape(label)}</text>')
        for b in d.buckets:
            start = d.frame.at(b.lo).isoformat()
            if b.gap > 0:
                parts.append(f'<rect class="gap" x="{x(b.lo):.1f}" y="{y(b.needed):.1f}" '
                             f'width="{x(b.hi) - x(b.lo):.1f}" '
                             f'height="{y(b.rostered) - y(b.needed):.1f}" fill="{GAP}" '
                             f'fill-opacity="0.35" data-start={quoteattr(start)} '
                             f'data-gap="{b.gap}"/>')
            parts.append(f'<rect class="bucket" x="{x(b.lo):.1f}" y="{TOP}" '
                         f'width="{x(b.hi) - x(b.lo):.1f}" height="{plot_h}" fill="none" '
                         f'data-start={quoteattr(start)} data-needed="{b.needed}" '
                         f'data-needed-booked="{b.needed_booked}" '
                         f'data-rostered="{b.rostered}" data-gap="{b.gap}"/>')
        for cls, color, dash, key in (("needed", NEEDED, "", "needed"),
                                      ("needed-booked", BOOKED, ' stroke-dasharray="4 3"',
                                       "needed_booked"),
                                      ("rostered", ROSTERED, "", "rostered")):
            pts = [(x(b.lo), x(b.hi), getattr(b, key)) for b in d.buckets]
            parts.append(f'<polyline class="{cls}" fill="none" stroke="{color}" '
                         f'stroke-width="2"{dash} points="{_steps(pts, y)}"/>')
        parts.append("</g>")
    legend = [("RNs needed (booked + forecast)", NEEDED), ("needed by booked visits", BOOKED),
              ("RNs rostered", ROSTERED), ("gap", GAP)]
    for i, (text, color) in enumerate(legend):
        lx = LEFT + i * 230
        parts.append(f'<rect x="{lx}" y="{HEIGHT - 22}" width="12" height="12" '
                     f'fill="{color}"/>')
        parts.append(f'<text x="{lx + 18}" y="{HEIGHT - 12}">{escape(text)}</text>')
    if not open_days:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">'
                     'The clinic is closed all week</text>')
    parts.append("</svg>")
    return "\n".join(parts)
