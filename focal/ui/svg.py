"""Drawing an SVG chart in Python: its frame, pixel columns, paths and text.

The on-drag charts (:mod:`focal.ui.drag`, :mod:`focal.ui.drag_ratio`) send the
browser SVG markup and pixel coordinates computed here; their scripts only
pick among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import numpy as np

from focal.ui.screen import Screen

HERE = Path(__file__).resolve().parent

#: Exponents as superscripts: 10⁻³.
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Frame:
    """The chart's size in SVG units and its type: the SVG scales to its column,
    so a phone's narrower frame keeps its text about as large as the laptop's."""

    width: int
    height: int
    font: float
    line: float
    bold: float
    marker: float
    small: float  # the shade's label

    @property
    def left(self) -> float:
        return 3.7 * self.font

    @property
    def right(self) -> float:
        return 1.3 * self.font

    @property
    def top(self) -> float:
        return 3.3 * self.font

    @property
    def bottom(self) -> float:
        return self.height - 3.1 * self.font

    @classmethod
    def of(cls, screen: Screen) -> Frame:
        if screen is Screen.PROJECTOR:  # about 640 px wide: every text 20+ px
            return cls(600, 360, 20.0, 4.0, 6.5, 8.0, 20.0)
        if screen is Screen.PHONE:
            return cls(360, 300, 13.0, 2.0, 3.5, 5.0, 11.0)
        return cls(640, 420, 14.0, 2.5, 4.5, 6.0, 12.0)


def columns(frame: Frame, values: np.ndarray) -> np.ndarray:
    """Pixel columns of values in [0, 1] across the plot."""
    return frame.left + np.asarray(values) * (frame.width - frame.left - frame.right)


def simplified(xs: np.ndarray, ys: np.ndarray, tolerance: float = 0.1) -> str:
    """An SVG path through the points, without those that lie within
    ``tolerance`` pixels (vertically) of the straight line their kept
    neighbours draw; NaN starts a new piece (a gap). ``xs`` increases."""
    parts: list[str] = []
    finite = np.isfinite(ys)
    start = 0
    while start < len(ys):
        if not finite[start]:
            start += 1
            continue
        end = start
        while end + 1 < len(ys) and finite[end + 1]:
            end += 1
        kept, anchor = [start], start
        for i in range(start + 1, end):
            span = slice(anchor, i + 2)
            line = ys[anchor] + (ys[i + 1] - ys[anchor]) * (xs[span] - xs[anchor]) / (
                xs[i + 1] - xs[anchor]
            )
            if np.max(np.abs(ys[span] - line)) > tolerance:
                kept.append(i)
                anchor = i
        if end > start:
            kept.append(end)
        parts += [
            f"{'M' if k == 0 else 'L'}{xs[i]:.1f},{ys[i]:.1f}"
            for k, i in enumerate(kept)
        ]
        start = end + 1
    return "".join(parts)


def text(x: float, y: float, body: str, size: float, **attrs: Any) -> str:
    """A ``<text>`` element (``body`` escaped; ``text_anchor`` → ``text-anchor``)."""
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="#1b2a3a"{extra}>'
        f"{escape(body)}</text>"
    )


def asset(name: str) -> str:
    """A script or style sheet beside this module."""
    return (HERE / name).read_text(encoding="utf-8")
