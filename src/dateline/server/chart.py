"""The timeline chart, drawn on the server as SVG (no script, no chart library).

Top panel: happenings per day or ISO week, stacked by CAMEO quad class, for events whose date is
no coarser than the period; an event known only to the month (or year, or a week when counting
days) is NOT put on its first day: it is drawn as a band over its whole span in the lane below the
bars. Bottom panel: the Goldstein sum per period (the precise events), as dots joined by a line.
Every mark carries a <title> (shown on hover) with its period and numbers.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict

from markupsafe import Markup, escape

from ..timeline.merge import date_range
from .render import readable_date

QUADS = {1: ("verbal cooperation", "#4e79a7"), 2: ("material cooperation", "#59a14f"),
         3: ("verbal conflict", "#f28e2b"), 4: ("material conflict", "#e15759"), 0: ("no quad class", "#9c9c9c")}
W, PAD_L, PAD_R = 920, 44, 12
BARS_TOP, BARS_H, LANE_H, GOLD_H = 12, 150, 16, 70
MAX_LANES = 40


def _start(day: _dt.date, unit: str) -> _dt.date:
    return day - _dt.timedelta(days=day.weekday()) if unit == "week" else day


def series(rows: list[dict], unit: str = "day") -> dict:
    """Buckets of the rows (timeline rows: ``date``, ``quad_class``, ``goldstein``): per period the
    count by quad class and the Goldstein sum; rows coarser than the period go to ``imprecise``."""
    width = 7 if unit == "week" else 1
    buckets: dict[_dt.date, dict] = defaultdict(lambda: {"quads": defaultdict(int), "goldstein": 0.0, "n": 0})
    imprecise = []
    for r in rows:
        span = date_range(r.get("date") or "")
        if span is None:
            continue
        first, last, days = span
        if days > width or _start(first, unit) != _start(last, unit):
            imprecise.append({"first": first, "last": last, "row": r})
            continue
        b = buckets[_start(first, unit)]
        b["quads"][r.get("quad_class") or 0] += 1
        b["goldstein"] += r.get("goldstein") or 0.0
        b["n"] += 1
    return {"unit": unit, "width": width, "buckets": dict(sorted(buckets.items())), "imprecise": imprecise}


def _period(day: _dt.date, unit: str) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d} (week of {readable_date(day.isoformat())})" if unit == "week" else readable_date(day.isoformat())


def svg(rows: list[dict], unit: str = "day") -> Markup:
    """The chart as an inline <svg> element (empty chart with a note when nothing is dated)."""
    s = series(rows, unit)
    days = [d for d in s["buckets"]] + [i["first"] for i in s["imprecise"]] + [i["last"] for i in s["imprecise"]]
    s["imprecise"] = s["imprecise"][:MAX_LANES]      # the list below the chart has them all
    lanes = len(s["imprecise"])
    height = BARS_TOP + BARS_H + 8 + lanes * LANE_H + 24 + GOLD_H + 24
    out = [f'<svg class="chart" role="img" aria-label="events per {unit}" width="{W}" height="{height}" '
           f'viewBox="0 0 {W} {height}" xmlns="http://www.w3.org/2000/svg">']
    if not days:
        out.append('<text x="20" y="40">no dated events</text></svg>')
        return Markup("".join(out))
    lo, hi = min(days), max(days) + _dt.timedelta(days=s["width"])
    span_days = max((hi - lo).days, 1)
    px = (W - PAD_L - PAD_R) / span_days

    def x(day: _dt.date) -> float:
        return PAD_L + (day - lo).days * px

    top = max((b["n"] for b in s["buckets"].values()), default=1) or 1
    out.append(f'<text class="axis" x="4" y="{BARS_TOP + 10}">{top}</text>'
               f'<line class="axis" x1="{PAD_L}" y1="{BARS_TOP + BARS_H}" x2="{W - PAD_R}" y2="{BARS_TOP + BARS_H}" '
               f'stroke="#888"/>')
    bar_w = max(px * s["width"] - 1, 1.5)
    for day, b in s["buckets"].items():
        y = BARS_TOP + BARS_H
        for q in sorted(b["quads"]):
            n = b["quads"][q]
            h = BARS_H * n / top
            y -= h
            name, colour = QUADS.get(q, QUADS[0])
            out.append(f'<rect class="bar q{q}" x="{x(day):.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                       f'fill="{colour}"><title>{escape(_period(day, unit))}: {n} {name}</title></rect>')
    y0 = BARS_TOP + BARS_H + 8
    for i, item in enumerate(s["imprecise"]):
        r = item["row"]
        x0, x1 = x(item["first"]), x(item["last"] + _dt.timedelta(days=1))
        name, colour = QUADS.get(r.get("quad_class") or 0, QUADS[0])
        label = f"{readable_date(r.get('date'))}: {r.get('actor') or '?'} {r.get('label') or r.get('event') or r.get('cameo')}"
        out.append(f'<rect class="band" x="{x0:.1f}" y="{y0 + i * LANE_H:.1f}" width="{max(x1 - x0, 2):.1f}" '
                   f'height="{LANE_H - 4}" fill="{colour}" fill-opacity="0.45"><title>{escape(label)} '
                   f'(known only to the {escape(_precision_word(item))})</title></rect>')
    _gold(out, s, x, bar_w, y0 + lanes * LANE_H + 20)
    _ticks(out, lo, hi, x, height)
    out.append("</svg>")
    return Markup("".join(out))


def _precision_word(item: dict) -> str:
    days = (item["last"] - item["first"]).days + 1
    return "day" if days == 1 else "week" if days <= 7 else "month" if days <= 31 else \
        "quarter" if days <= 92 else "year" if days <= 366 else "period"


def _gold(out: list[str], s: dict, x, bar_w: float, top: float) -> None:
    sums = [(d, b["goldstein"]) for d, b in s["buckets"].items()]
    peak = max((abs(g) for _, g in sums), default=1.0) or 1.0
    mid = top + GOLD_H / 2
    out.append(f'<text class="axis" x="4" y="{top - 4:.1f}">Goldstein sum (±{peak:.1f})</text>'
               f'<line x1="{PAD_L}" y1="{mid:.1f}" x2="{W - PAD_R}" y2="{mid:.1f}" stroke="#bbb"/>')
    pts = [(x(d) + bar_w / 2, mid - (GOLD_H / 2) * g / peak, d, g) for d, g in sums]
    if len(pts) > 1:
        out.append('<polyline class="gold" fill="none" stroke="#555" points="'
                   + " ".join(f"{px_:.1f},{py:.1f}" for px_, py, _, _ in pts) + '"/>')
    for px_, py, d, g in pts:
        out.append(f'<circle class="gold" cx="{px_:.1f}" cy="{py:.1f}" r="3" fill="{"#e15759" if g < 0 else "#4e79a7"}">'
                   f'<title>{escape(_period(d, s["unit"]))}: Goldstein sum {g:+.1f}</title></circle>')


def _ticks(out: list[str], lo: _dt.date, hi: _dt.date, x, height: int) -> None:
    """Month ticks (or a few day ticks for a short span) along the bottom."""
    days = (hi - lo).days
    marks = []
    if days > 45:
        every = max(1, -(-days // 30 // 9))          # at most about nine month labels
        d, i = _dt.date(lo.year, lo.month, 1), 0
        while d <= hi:
            if d >= lo and i % every == 0:
                marks.append((d, d.strftime("%b %Y")))
            d, i = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1), i + 1
    else:
        step = max(days // 8, 1)
        marks = [(lo + _dt.timedelta(days=i), (lo + _dt.timedelta(days=i)).strftime("%d %b"))
                 for i in range(0, days + 1, step)]
    for d, label in marks:
        out.append(f'<text class="tick" x="{x(d):.1f}" y="{height - 6}">{label}</text>')
