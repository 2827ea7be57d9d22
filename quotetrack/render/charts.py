"""Small step charts of a series over time, drawn on the server as inline SVG: no script, no outside
asset, so a dossier stays one self-contained file that a strict Content-Security-Policy allows.

A figure reported again and again (1, then 3, then 9 killed) is a step series: each report holds
until the next one. ``step_chart`` works out the geometry in plain Python (a ``StepChart``), and
the ``step_chart`` macro of ``templates/charts.html`` draws it, so a page restyles it in its CSS
(classes ``chart``, ``chart-line``, ``chart-dot``, ``chart-axis``, ``chart-label``). ``svg`` gives
the markup alone, for a page that does not use the dossier's templates (the web desk).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

WIDTH = 320
HEIGHT = 120
# Room for the value labels on the left and the dates below.
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 10, 10, 22


@dataclass(frozen=True)
class Point:
    """One report in a series: when, how many, and what a reader hovering on it is told."""

    day: date
    value: float
    note: str = ""


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    note: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"  # SVG text-anchor: start, middle, end


@dataclass(frozen=True)
class StepChart:
    """Everything needed to draw one chart, in the units of its viewBox (``width`` x ``height``)."""

    width: int
    height: int
    title: str  # what the chart shows, for screen readers and the tooltip
    description: str  # the series in words: "1 (2026-04-05), 3 (2026-04-06), 9 (2026-04-08)"
    path: str  # the step line, as an SVG path
    dots: tuple[Dot, ...]
    axis: str  # the axes, as an SVG path
    labels: tuple[Label, ...]


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _round(value: float) -> float:
    return round(value, 1)


def step_chart(points: Sequence[Point], title: str, width: int = WIDTH, height: int = HEIGHT) -> StepChart | None:
    """A step chart of the points in time order, or None when there are fewer than two to draw.

    The value axis starts at zero (a toll read from a cut axis looks steeper than it is); the time
    axis runs from the first report to the last. Reports on one day stand side by side there.
    """
    drawn = sorted((p for p in points if math.isfinite(p.value)), key=lambda p: p.day)
    if len(drawn) < 2:
        return None
    first, last = drawn[0].day, drawn[-1].day
    span = (last - first).days
    plot_w, plot_h = width - _LEFT - _RIGHT, height - _TOP - _BOTTOM
    top = max(p.value for p in drawn) or 1.0

    def x_of(index: int, point: Point) -> float:
        if span == 0:
            return _LEFT + plot_w * index / (len(drawn) - 1)
        return _LEFT + plot_w * (point.day - first).days / span

    def y_of(value: float) -> float:
        return _TOP + plot_h * (1 - max(value, 0.0) / top)

    xs = [x_of(i, p) for i, p in enumerate(drawn)]
    ys = [y_of(p.value) for p in drawn]
    path = [f"M{_round(xs[0])} {_round(ys[0])}"]
    for x, y in zip(xs[1:], ys[1:], strict=True):
        path.append(f"H{_round(x)} V{_round(y)}")
    bottom = _TOP + plot_h
    axis = f"M{_LEFT} {_TOP} V{bottom} H{_LEFT + plot_w}"
    labels = [
        Label(_LEFT - 4, _TOP + 4, _number(top), "end"),
        Label(_LEFT - 4, bottom, "0", "end"),
        Label(_LEFT, height - 6, first.isoformat(), "start"),
    ]
    if last != first:
        labels.append(Label(_LEFT + plot_w, height - 6, last.isoformat(), "end"))
    description = ", ".join(f"{_number(p.value)} ({p.day.isoformat()})" for p in drawn)
    return StepChart(
        width=width, height=height, title=title, description=description, path=" ".join(path),
        dots=tuple(Dot(_round(x), _round(y), p.note or f"{_number(p.value)} on {p.day.isoformat()}")
                   for x, y, p in zip(xs, ys, drawn, strict=True)),
        axis=axis, labels=tuple(labels),
    )


def figure_chart(row: Any) -> StepChart | None:
    """A figures.FigureRow's figures over time: each source's count on the day it was reported
    (a range at its lower end, as ``Quantity.point`` reads it); None for fewer than two."""
    from ..figures import show_quantity  # loaded with the report, not with the module

    points = [
        Point(f.reported_on, f.point, f"{show_quantity(f.quantity)} · {f.origin} · {f.reported_on.isoformat()}")
        for f in row.figures
        if f.reported_on is not None and any(n is not None for n in (f.quantity.value, f.quantity.low, f.quantity.high))
    ]
    return step_chart(points, title=f"{row.label} over time")


def svg(chart: StepChart) -> Markup:
    """The chart as an inline ``<svg>`` element, from the same template the dossier draws it with."""
    from .html import environment  # the chart's markup is a template there

    return Markup(environment().get_template("charts.html").module.step_chart(chart))  # type: ignore[attr-defined]
