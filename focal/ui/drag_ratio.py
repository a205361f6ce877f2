"""The hard/easy ratio chart that follows a drag of γ, p_hard or p_easy.

Four ``st.components.v2`` mounts, like :mod:`focal.ui.drag` (whose export
script this follows; both draw with :mod:`focal.ui.svg`), sharing
``globalThis.focalRatio``:

- the **grid** (hidden): the drawing script, the chart's still parts (title,
  axes, legend), the x pixel and label of each γ step and every text. Its
  message depends only on the language and the screen: the same on every
  commit, so a browser that holds it gets a reference of a few bytes;
- the **curves** (hidden): what does not depend on γ: the y axis (decades
  fitted to the committed curves), the numbers along γ, and the CE and FL
  ratio curves at each p step of either example. The same message on a γ
  commit (a reference again);
- the **chart**: its own γ, p_hard and p_easy range inputs and the SVG. Its
  data is small: the committed values, and the numbers and markers along
  p_hard and along p_easy at the committed γ;
- the **numbers** beside the chart, which the chart's script fills.

Every number and pixel is computed here from the core
(:mod:`focal.on_drag_ratio`) and formatted here (:func:`focal.ui.display.times`,
as the metrics were): the scripts only pick one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Mapping
from html import escape
from typing import Any

import numpy as np
import streamlit as st

from focal import on_drag, on_drag_ratio
from focal.figures import COLORS, FONT_FAMILY
from focal.ui import svg
from focal.ui.display import times
from focal.ui.drag import released
from focal.ui.params import BY_KEY
from focal.ui.screen import Screen
from focal.ui.strings import strings
from focal.ui.svg import Frame

#: Element keys of the four mounts (Streamlit adds the class ``st-key-<key>``).
GRID_KEY, CURVES_KEY, CHART_KEY, NUMBERS_KEY = (
    "drag_ratio_grid",
    "drag_ratio_curves",
    "drag_ratio_chart",
    "drag_ratio_numbers",
)

#: The sliders the chart drives, by the name its script commits.
NAMES = ("gamma", "hard", "easy")

#: How far past the plot a clamped curve (an infinite or zero ratio) is drawn.
EDGE = 20.0

#: At most this many decades labelled on the y axis (more: every k-th).
MAX_TICKS = 8


def decades(series: on_drag_ratio.RatioSeries) -> tuple[int, int]:
    """The y axis's range, in powers of ten, fitted to the committed curves.

    The finite positive CE and FL ratios over the γ grid, widened to whole
    decades (at least two); ``(-1, 1)`` when there are none (0/0, ∞).
    """
    values = np.concatenate([np.ravel(series.ce_ratio), np.ravel(series.fl_ratio)])
    shown = values[np.isfinite(values) & (values > 0)]
    if not shown.size:
        return -1, 1
    # a fifth of a decade of room at least, as an autoscaled axis leaves
    low = math.floor(float(np.log10(shown.min())) - 0.2)
    high = math.ceil(float(np.log10(shown.max())) + 0.2)
    if high == low:  # every ratio a power of ten, e.g. 1 (hard = easy)
        low, high = low - 1, high + 1
    elif high - low == 1:
        high += 1
    return max(low, -300), min(high, 300)


def rows(frame: Frame, ratio: np.ndarray, span: tuple[int, int]) -> np.ndarray:
    """Pixel rows of ratios on the log axis ``span``: finite ratios off the
    plot clamped just past its edges, +inf and 0 on its top and bottom edges,
    NaN (0/0) left NaN (a gap)."""
    low, high = span
    ratio = np.asarray(ratio, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = (np.log10(ratio) - low) / (high - low)
    drawn = np.clip(
        frame.bottom - share * (frame.bottom - frame.top),
        frame.top - EDGE,
        frame.bottom + EDGE,
    )
    # an infinite ratio (or 0) runs along the plot's edge, where it stays visible
    drawn[np.isposinf(ratio)] = frame.top
    drawn[ratio == 0] = frame.bottom
    return drawn


def _marker_rows(frame: Frame, ratio: np.ndarray, span: tuple[int, int]) -> list:
    """Rows of the markers, on the plot's edge when off it; None for NaN."""
    drawn = np.clip(rows(frame, ratio, span), frame.top, frame.bottom)
    return [None if math.isnan(v) else round(v, 1) for v in drawn.tolist()]


def frame_of(screen: Screen) -> Frame:
    """The CE and FL chart's frame; on a projector a shorter one, so that the
    chart under its row of inputs fits a 1280×720 screen."""
    if screen is Screen.PROJECTOR:
        return Frame(600, 320, 20.0, 4.0, 6.5, 8.0, 20.0)
    return Frame.of(screen)


def _gamma_x(frame: Frame, gammas: np.ndarray) -> np.ndarray:
    return svg.columns(frame, gammas / on_drag.GAMMA_HIGH)


def _svg(frame: Frame, text: Mapping[str, str]) -> str:
    """The still parts (with their own styles, so an exported copy looks the
    same), an empty group for the y ticks, and the curves, the current γ's
    line and the markers, which the script fills."""
    f = frame.font
    left, right = frame.left, frame.width - frame.right
    top, bottom = frame.top, frame.bottom
    parts = [f'<rect width="{frame.width}" height="{frame.height}" fill="white"/>']
    for tick in range(int(on_drag.GAMMA_HIGH) + 1):
        (tx,) = _gamma_x(frame, np.array([float(tick)]))
        parts.append(f'<path d="M{tx:.1f},{top:.1f}V{bottom:.1f}" stroke="#e6ebf1"/>')
        parts.append(svg.text(tx, bottom + f + 2, f"{tick}", f, text_anchor="middle"))
    parts.append('<g class="fr-ticks"></g>')
    parts.append(
        f'<path d="M{left:.1f},{top:.1f}V{bottom:.1f}H{right:.1f}" '
        f'stroke="#c9d1db" fill="none"/>'
    )
    parts.append(
        svg.text(
            (left + right) / 2,
            frame.height - 6,
            text["ratio.x"],
            f,
            text_anchor="middle",
        )
    )
    middle = (top + bottom) / 2
    parts.append(
        svg.text(
            f,
            middle,
            text["ratio.y"],
            f,
            text_anchor="middle",
            transform=f"rotate(-90 {f:.1f} {middle:.1f})",
        )
    )
    parts.append(svg.text(4, f + 4, text["ratio.title"], f + 2))
    x, row = 4.0, 2.3 * f + 4
    for key in ("ce", "fl"):
        name = text[f"ratio.{key}_line"]
        width = frame.bold if key == "fl" else frame.line
        parts.append(
            f'<path d="M{x:.1f},{row - f / 3:.1f}h{1.6 * f:.1f}" '
            f'stroke="{COLORS[key]}" stroke-width="{width}"/>'
        )
        parts.append(svg.text(x + 1.9 * f, row, name, f))
        x += 1.9 * f + 0.62 * f * max(len(name), 2) + f
    parts.append(
        f'<clipPath id="fr-clip"><rect x="{left:.1f}" y="{top - 1:.1f}" '
        f'width="{right - left:.1f}" height="{bottom - top + 2:.1f}"/></clipPath>'
    )
    parts.append(
        f'<path class="fr-now" d="" stroke="{COLORS["point"]}" '
        f'stroke-width="{frame.line}" stroke-dasharray="6 4"/>'
    )
    parts.append(svg.text(0, top + f, "", f, **{"class": "fr-now-label"}))
    for key in ("ce", "fl"):
        width = frame.bold if key == "fl" else frame.line
        parts.append(
            f'<path class="fr-{key}" clip-path="url(#fr-clip)" fill="none" '
            f'stroke="{COLORS[key]}" stroke-width="{width}"/>'
        )
    for key in ("ce", "fl"):
        parts.append(
            f'<circle class="fr-pt-{key}" r="{frame.marker}" fill="{COLORS[key]}" '
            f'stroke="white" stroke-width="2"/>'
        )
    alt = text["alt.chart"].format(title=text["ratio.title"], shows=text["alt.ratio"])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} '
        f'{frame.height}" font-family=\'{FONT_FAMILY}\' role="img">'
        f"<title>{escape(alt)}</title>{''.join(parts)}</svg>"
    )


@functools.lru_cache(maxsize=16)
def grid_data(lang: str, screen: Screen) -> dict[str, Any]:
    """What the grid mount holds: the still SVG, each γ step's pixel and label,
    the texts. Nothing here depends on the sliders.

    Returns
    -------
    dict
        ``id`` (names this grid), ``svg``, ``gx`` (x pixel of each γ step of
        :func:`focal.on_drag.drag_gammas`), ``g`` and ``p`` (the steps as the
        inputs' outputs show them), ``now`` (the current γ's label per step),
        ``now_x`` and ``now_anchor`` (where that label goes), ``top`` and
        ``bottom`` (the dashed line's ends), the hover template and hint, the
        labels, the steps and the export's file name stem.
    """
    text = strings(lang)
    frame = frame_of(screen)
    gammas = on_drag.drag_gammas()
    gx = _gamma_x(frame, gammas)
    right = gammas > 0.8 * on_drag.GAMMA_HIGH  # near the right edge: label on the left
    data: dict[str, Any] = {
        "svg": _svg(frame, text),
        "gx": [round(float(v), 1) for v in gx],
        "g": [f"{v:.1f}" for v in gammas],
        "p": [f"{v:.2f}" for v in on_drag.drag_ps()],
        "now": [text["ratio.current"].format(gamma=f"{v:g}") for v in gammas],
        "now_x": [
            round(float(v + (-4 if r else 4)), 1)
            for v, r in zip(gx, right, strict=True)
        ],
        "now_anchor": ["end" if r else "start" for r in right],
        "top": round(frame.top, 1),
        "bottom": round(frame.bottom, 1),
        "hover": text["drag.ratio_hover"],
        "hint": text["drag.ratio_hint"],
        "labels": {
            **{name: text[f"drag.ratio_{name}"] for name in NAMES},
            **{f"{name}_name": text[f"param.{name}"] for name in NAMES},
            "svg": text["drag.download_svg"],
            "png": text["drag.download_png"],
            "help": text["drag.download_help"],
        },
        "file": "focal-hard-easy-ratio-gamma{gamma}",  # the same in every language
        "g_step": on_drag.GAMMA_STEP,
        "p_step": on_drag.P_STEP,
    }
    data["id"] = hashlib.sha1(json.dumps(data).encode()).hexdigest()[:12]
    return data


def _ticks(frame: Frame, span: tuple[int, int]) -> str:
    """The y axis's grid lines and 10^k labels (SVG markup)."""
    low, high = span
    every = max(1, math.ceil((high - low) / MAX_TICKS))
    parts = []
    left, right, f = frame.left, frame.width - frame.right, frame.font
    for k in range(low, high + 1):
        if (k - low) % every:
            continue
        (ty,) = rows(frame, np.array([10.0**k]), span)
        parts.append(f'<path d="M{left:.1f},{ty:.1f}H{right:.1f}" stroke="#e6ebf1"/>')
        label = f"10{str(k).translate(svg.SUPERSCRIPT)}"
        parts.append(svg.text(left - 5, ty + f / 3, label, f, text_anchor="end"))
    return "".join(parts)


def _numbers(
    frame: Frame, series: on_drag_ratio.RatioSeries, span: tuple[int, int]
) -> dict:
    """The numbers (formatted as the metrics were) and the markers' rows."""
    return {
        "ce": [times(v) for v in series.ce_ratio.tolist()],
        "fl": [times(v) for v in series.fl_ratio.tolist()],
        "amp": [times(v, "×") for v in series.amplification.tolist()],
        "ce_y": _marker_rows(frame, series.ce_ratio, span),
        "fl_y": _marker_rows(frame, series.fl_ratio, span),
    }


def _curves(
    frame: Frame,
    gx: np.ndarray,
    curves: on_drag_ratio.RatioSeries,
    span: tuple[int, int],
) -> dict:
    """One CE and one FL path per p step (rows of ``curves``)."""
    return {
        "ce_d": [svg.simplified(gx, rows(frame, row, span)) for row in curves.ce_ratio],
        "fl_d": [svg.simplified(gx, rows(frame, row, span)) for row in curves.fl_ratio],
    }


@functools.lru_cache(maxsize=64)
def curves_data(hard: float, easy: float, screen: Screen) -> dict[str, Any]:
    """What the curves mount holds: everything that does not depend on γ.

    The y axis (decades fitted to the committed curves, its ticks), the
    numbers and markers along γ, and the CE and FL ratio curves at each p step
    of either example (from :func:`focal.on_drag_ratio.ratio_drag`). A γ
    commit leaves this message as it was: the browser gets a reference.
    """
    frame = frame_of(screen)
    drag = on_drag_ratio.ratio_drag(hard, easy, 0.0)
    span = decades(drag.along_gamma)
    gx = _gamma_x(frame, drag.gammas)
    data: dict[str, Any] = {
        "decades": list(span),
        "ticks": _ticks(frame, span),
        "at_gamma": _numbers(frame, drag.along_gamma, span),
        "at_hard": _curves(frame, gx, drag.curves_hard, span),
        "at_easy": _curves(frame, gx, drag.curves_easy, span),
    }
    data["id"] = hashlib.sha1(json.dumps(data).encode()).hexdigest()[:12]
    return data


def chart_data(
    grid: Mapping[str, Any],
    curves: Mapping[str, Any],
    hard: float,
    easy: float,
    gamma: float,
    screen: Screen,
) -> dict[str, Any]:
    """What the chart mount holds: the committed values, and along p_hard and
    p_easy (at the committed γ) the numbers and the markers' rows."""
    frame = frame_of(screen)
    drag = on_drag_ratio.ratio_drag(hard, easy, gamma)
    span = tuple(curves["decades"])
    return {
        "grid": grid["id"],
        "curves": curves["id"],
        "gamma": gamma,
        "hard": hard,
        "easy": easy,
        "at_hard": _numbers(frame, drag.along_hard, span),
        "at_easy": _numbers(frame, drag.along_easy, span),
    }


_GAMMA, _P = BY_KEY["gamma"], BY_KEY["hard"]


def _input(name: str, low: float, high: float, step: float) -> str:
    return (
        f'<label class="fd-in"><span class="fr-{name}-l"></span>'
        f'<input class="fr-{name}" type="range" min="{low}" max="{high}" step="{step}">'
        f'<output class="fr-{name}-o"></output></label>'
    )


_CHART_HTML = (
    '<div class="fd"><div class="fd-inputs">'
    + _input("gamma", _GAMMA.low, _GAMMA.high, _GAMMA.step)
    + "".join(_input(name, _P.low, _P.high, _P.step) for name in ("hard", "easy"))
    + '</div><div class="fd-svg"></div>'
    '<div class="fd-foot"><output class="fd-hover"></output>'
    '<button type="button" class="fd-svg-dl"></button>'
    '<button type="button" class="fd-png-dl"></button></div></div>'
)

_NUMBERS_HTML = (
    '<div class="fdn"><dl>' + "<div><dt></dt><dd></dd></div>" * 3 + "</dl></div>"
)

# the drawing script goes with the grid (a cached message), not with each commit
_GRID = st.components.v2.component("focal_ratio_grid", js=svg.asset("drag_ratio.js"))
_CURVES = st.components.v2.component(
    "focal_ratio_curves", js=svg.asset("drag_ratio_curves.js")
)
_CHART = st.components.v2.component(
    "focal_ratio_chart",
    html=_CHART_HTML,
    css=svg.asset("drag.css") + svg.asset("drag_ratio.css"),
    js=svg.asset("drag_ratio_chart.js"),
)
_NUMBERS = st.components.v2.component(
    "focal_ratio_numbers",
    html=_NUMBERS_HTML,
    css=svg.asset("drag_ratio_numbers.css"),
    js=svg.asset("drag_ratio_numbers.js"),
)


def ratio_chart(
    where: Any, hard: float, easy: float, gamma: float, lang: str, screen: Screen
) -> dict[str, Any]:
    """Mount the grid, the curves and the chart in ``where``; returns the
    chart's data."""
    grid = grid_data(lang, screen)
    curves = curves_data(hard, easy, screen)
    data = chart_data(grid, curves, hard, easy, gamma, screen)
    with where:
        _GRID(key=GRID_KEY, data=grid, width="stretch")
        _CURVES(key=CURVES_KEY, data=curves, width="stretch")
        _CHART(
            key=CHART_KEY,
            data=data,
            default={"commit": None},
            on_commit_change=functools.partial(released, CHART_KEY, NAMES),
            width="stretch",
        )
    return data


def numbers(where: Any, text: Mapping[str, str]) -> dict[str, Any]:
    """Mount the three numbers beside the chart (the chart's script fills them)."""
    data = {
        "labels": [text[k] for k in ("ratio.ce", "ratio.fl", "ratio.amplification")]
    }
    with where:
        _NUMBERS(key=NUMBERS_KEY, data=data, width="stretch")
    return data
