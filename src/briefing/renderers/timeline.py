"""The "When" timeline: resolved dates on a horizontal time axis, drawn as inline SVG.

The SVG carries only digits and ISO dates as text. WeasyPrint lays SVG text out one character
at a time, which would unjoin and reverse Arabic, so every word (the dates as the article
wrote them, the publication-date label) goes into the HTML legend under the drawing, where
text is shaped properly. In right-to-left reports the axis runs right to left, as the reader
reads; the SVG itself is always `direction="ltr"` so that its coordinates mean the same in
every renderer.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from markupsafe import Markup, escape

WIDTH = 680
PAD = 34
LANE_HEIGHT = 24
TOP = 14
FONT = "IBM Plex Sans Arabic, IBM Plex Sans, Segoe UI, Helvetica, Arial, sans-serif"
INK = "#1b1f24"
ACCENT = "#1f4e79"
MUTED = "#5b6470"
GRID = "#dde2e8"
PUBLICATION = "#8a4b08"
CHAR_WIDTH = 6.4  # average advance of a digit at font-size 11, generous for safety

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Period:
    """A resolved date at its precision, as the half-open day range [start, end)."""

    value: str
    start: date
    end: date
    precision: str

    @classmethod
    def parse(cls, value: object) -> Period | None:
        """Return the period an ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value covers, or None."""
        if not isinstance(value, str):
            return None
        match = _ISO.fullmatch(value.strip()[:10])
        if not match:
            return None
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            if month is None:
                return cls(match.group(), date(year, 1, 1), date(year + 1, 1, 1), "year")
            if day is None:
                last = calendar.monthrange(year, month)[1]
                start = date(year, month, 1)
                return cls(match.group(), start, start + timedelta(days=last), "month")
            start = date(year, month, day)
            return cls(match.group(), start, start + timedelta(days=1), "day")
        except ValueError:
            return None


@dataclass
class TimelineRow:
    """One legend row: a numbered point on the axis and the article's wordings of it."""

    number: int | None
    period: Period
    texts: list[str] = field(default_factory=list)
    publication: bool = False


@dataclass
class Timeline:
    svg: Markup | None
    rows: list[TimelineRow]
    unresolved: list[str]
    durations: list[str]


def build_timeline(
    dates: Iterable[Mapping[str, object]],
    published: object,
    *,
    rtl: bool,
    title: str,
    unresolved: Iterable[str] = (),
    durations: Iterable[str] = (),
) -> Timeline:
    """Return the timeline of the article's resolved dates and its legend rows; `durations`
    (and dates of the kind "duration") are listed apart."""
    groups: dict[str, TimelineRow] = {}
    unplaced: list[str] = []
    spans: list[str] = []
    for item in dates:
        text = str(item.get("text") or "")
        if item.get("kind") == "duration":
            if text and text not in spans:
                spans.append(text)
            continue
        period = Period.parse(item.get("value"))
        if period is None:
            if text and text not in unplaced:
                unplaced.append(text)
            continue
        row = groups.setdefault(period.value, TimelineRow(None, period))
        if text and text not in row.texts:
            row.texts.append(text)
    for text in unresolved:
        if text and text not in unplaced:
            unplaced.append(str(text))
    for text in durations:
        if text and text not in spans:
            spans.append(text)

    rows = sorted(groups.values(), key=lambda row: (row.period.start, -row.period.end.toordinal()))
    for number, row in enumerate(rows, 1):
        row.number = number
    publication = Period.parse(published)
    if publication is not None:
        rows.append(TimelineRow(None, publication, publication=True))
        rows.sort(key=lambda row: (row.period.start, row.publication))
    svg = _draw(rows, rtl=rtl, title=title) if any(not r.publication for r in rows) else None
    return Timeline(svg, rows, unplaced, spans)


@dataclass
class _Placed:
    row: TimelineRow
    lane: int
    left: float
    right: float
    marker_x: float
    bar: tuple[float, float] | None
    label_x: float
    label_anchor: str


def _draw(rows: list[TimelineRow], *, rtl: bool, title: str) -> Markup:
    first = min(row.period.start for row in rows)
    last = max(row.period.end for row in rows)
    # At least three weeks wide, centred on the dates when they are closer than that.
    span = max((last - first).days, 21)
    margin = max(round(span * 0.04), 3)
    origin = first - timedelta(days=margin + (span - (last - first).days) // 2)
    days = span + 2 * margin
    plot = WIDTH - 2 * PAD

    def x_of(day: date) -> float:
        fraction = (day - origin).days / days
        return round(WIDTH - PAD - fraction * plot if rtl else PAD + fraction * plot, 1)

    placed = _place(rows, x_of, rtl=rtl)
    lanes = max((item.lane for item in placed), default=0) + 1
    axis_y = TOP + lanes * LANE_HEIGHT + 6
    height = axis_y + 30

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" direction="ltr" '
        f'font-family="{FONT}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick, label in _ticks(origin, origin + timedelta(days=days)):
        x = x_of(tick)
        out.append(
            f'<line x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{axis_y}" stroke="{GRID}" '
            f'stroke-width="1"/>'
            f'<line x1="{x}" y1="{axis_y}" x2="{x}" y2="{axis_y + 5}" stroke="{MUTED}" '
            f'stroke-width="1"/>'
            f'<text x="{x}" y="{axis_y + 18}" font-family="{FONT}" font-size="10" '
            f'fill="{MUTED}" text-anchor="middle">{escape(label)}</text>'
        )
    arrow = (
        f"{PAD - 8},{axis_y} {PAD - 1},{axis_y - 4} {PAD - 1},{axis_y + 4}"
        if rtl
        else f"{WIDTH - PAD + 8},{axis_y} {WIDTH - PAD + 1},{axis_y - 4} "
        f"{WIDTH - PAD + 1},{axis_y + 4}"
    )
    out.append(
        f'<line x1="{PAD - 2}" y1="{axis_y}" x2="{WIDTH - PAD + 2}" y2="{axis_y}" '
        f'stroke="{INK}" stroke-width="1.2"/><polygon points="{arrow}" fill="{INK}"/>'
    )
    out.extend(_items_svg(placed, axis_y))
    out.append("</svg>")
    return Markup("\n".join(out))


def _place(rows: list[TimelineRow], x_of: Callable[[date], float], *, rtl: bool) -> list[_Placed]:
    lanes: list[list[tuple[float, float]]] = []
    placed = []
    for row in rows:
        period = row.period
        start_x = x_of(period.start)
        bar = None
        if period.precision != "day":
            end_x = x_of(period.end)
            bar = (min(start_x, end_x), max(start_x, end_x))
        width = len(period.value) * CHAR_WIDTH
        # The label sits on the earlier side of the marker, clear of the item's own bar;
        # when that runs off the plot (the earliest items), it goes after the bar instead.
        earlier = 1 if rtl else -1
        label_x = start_x + earlier * 12
        if not PAD - 4 <= label_x + earlier * width <= WIDTH - PAD + 4:
            # Off the plot (the earliest items): inside a long bar, else after the item.
            if bar and bar[1] - bar[0] > width + 30:
                label_x = start_x - earlier * 12
            else:
                label_x = (x_of(period.end) if bar else start_x) - earlier * (6 if bar else 12)
            earlier = -earlier
        anchor = "start" if earlier == 1 else "end"
        label_edges = (label_x, label_x + width) if earlier == 1 else (label_x - width, label_x)
        left = min(start_x - 9, label_edges[0], bar[0] if bar else start_x)
        right = max(start_x + 9, label_edges[1], bar[1] if bar else start_x)
        # The first lane (row) where the item's extent clears every item already there.
        lane = next(
            (
                index
                for index, taken in enumerate(lanes)
                if all(right + 6 < a or b + 6 < left for a, b in taken)
            ),
            len(lanes),
        )
        if lane == len(lanes):
            lanes.append([])
        lanes[lane].append((left, right))
        placed.append(_Placed(row, lane, left, right, start_x, bar, label_x, anchor))
    return placed


def _items_svg(placed: list[_Placed], axis_y: int) -> list[str]:
    """Return the items in layers: stems, bars, labels on a white ground, then markers.

    Stems from upper lanes cross the labels of lower ones; the white ground keeps those
    labels readable.
    """
    stems, bars, labels, markers = [], [], [], []
    for item in placed:
        y = TOP + item.lane * LANE_HEIGHT + LANE_HEIGHT // 2
        x = item.marker_x
        colour = PUBLICATION if item.row.publication else ACCENT
        dash = ' stroke-dasharray="3 3"' if item.row.publication else ""
        stems.append(
            f'<line x1="{x}" y1="{y}" x2="{x}" y2="{axis_y}" stroke="{colour}" '
            f'stroke-width="1"{dash}/>'
        )
        if item.bar:
            a, b = item.bar
            bars.append(
                f'<rect x="{a}" y="{y - 5}" width="{round(max(b - a, 2), 1)}" height="10" '
                f'rx="3" fill="{colour}" fill-opacity="0.18" stroke="{colour}" '
                f'stroke-width="0.8"/>'
            )
        width = round(len(item.row.period.value) * CHAR_WIDTH, 1)
        ground_x = item.label_x - 2 if item.label_anchor == "start" else item.label_x - width - 2
        labels.append(
            f'<rect x="{round(ground_x, 1)}" y="{y - 7}" width="{width + 4}" height="14" '
            f'fill="#ffffff" fill-opacity="0.9"/>'
            f'<text x="{item.label_x}" y="{y + 4}" font-family="{FONT}" font-size="11" '
            f'fill="{INK}" text-anchor="{item.label_anchor}">'
            f"{escape(item.row.period.value)}</text>"
        )
        if item.row.publication:
            markers.append(
                f'<polygon points="{x},{y - 8} {x + 8},{y} {x},{y + 8} {x - 8},{y}" '
                f'fill="{colour}"/>'
            )
        else:
            markers.append(
                f'<circle cx="{x}" cy="{y}" r="8" fill="{colour}"/>'
                f'<text x="{x}" y="{y + 3.5}" font-family="{FONT}" font-size="10" '
                f'font-weight="bold" fill="#ffffff" text-anchor="middle">'
                f"{item.row.number}</text>"
            )
    return stems + bars + labels + markers


def _ticks(start: date, end: date) -> list[tuple[date, str]]:
    """Return tick dates and labels: years, months or days, at most about eight of them."""
    days = (end - start).days
    if days > 3 * 366:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if (end.year - start.year) / s <= 8)
        years = range((start.year // step + 1) * step, end.year + 1, step)
        return [(date(year, 1, 1), str(year)) for year in years if date(year, 1, 1) < end]
    if days > 62:
        months = (end.year - start.year) * 12 + end.month - start.month
        step = next(s for s in (1, 2, 3, 4, 6, 12) if months / s <= 8)
        ticks = []
        index = start.year * 12 + start.month  # the month after `start`'s month
        while True:
            year, month = divmod(index, 12)
            tick = date(year, month + 1, 1)
            if tick >= end:
                break
            if month % step == 0:
                ticks.append((tick, f"{year}-{month + 1:02d}"))
            index += 1
        return ticks
    step = next(s for s in (1, 2, 7, 14) if days / s <= 8)
    ticks = []
    tick = start + timedelta(days=1)
    while tick < end:
        if (tick.toordinal() - 1) % step == 0 or step == 1:
            ticks.append((tick, tick.isoformat()[5:]))
        tick += timedelta(days=1)
    return ticks
