"""The CE and FL chart that follows a drag of γ or p, with no server round trip.

Three mounts of ``st.components.v2`` components share one registry in the page
(``globalThis.focalDrag``):

- the **grid** (hidden): every curve of the γ grid as SVG paths, the axes and
  the numbers that do not depend on γ. Its message depends only on the label,
  α, the axis, the log scale, the language and the screen, so it is the same
  message on every γ or p commit and Streamlit sends a browser that holds it a
  reference of a few bytes (messages over ``global.minCachedMessageSize``).
  It carries the drawing script too (``drag.js``), for the same reason;
- the **chart**: its own γ and p range inputs and the SVG. On every ``input``
  event the script swaps in the precomputed path and point; on ``change``
  (release, or a key press) it commits the value, which reruns the page once.
  Its data is small: the current values and the point's numbers over p's steps
  at this γ and over γ's steps at this p;
- the **numbers** beside the chart, which the chart's script fills.

Every number and pixel is computed here by the core (:mod:`focal.on_drag`) and
formatted here (:func:`focal.ui.display.number`): the scripts only pick one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Collection, Mapping
from html import escape
from typing import Any

import numpy as np
import streamlit as st

from focal import on_drag
from focal.figures import COLORS, FONT_FAMILY, LINEAR_LOSS_RANGE, LOG_LOSS_RANGE
from focal.ui import svg
from focal.ui.display import number, times
from focal.ui.params import BY_KEY
from focal.ui.screen import Screen
from focal.ui.strings import strings
from focal.ui.svg import Frame

#: Element keys of the three mounts (Streamlit adds the class ``st-key-<key>``).
GRID_KEY, CHART_KEY, NUMBERS_KEY = "drag_grid", "drag_chart", "drag_numbers"


def _y(frame: Frame, loss: np.ndarray, log: bool) -> np.ndarray:
    """Pixel rows of losses; NaN for +inf (a gap), clamped just outside the plot."""
    loss = np.asarray(loss, dtype=np.float64)
    low, high = LOG_LOSS_RANGE if log else LINEAR_LOSS_RANGE
    with np.errstate(divide="ignore"):
        shown = np.log10(loss) if log else loss
    share = (shown - low) / (high - low)
    rows = frame.bottom - share * (frame.bottom - frame.top)
    rows = np.clip(rows, frame.top - 20, frame.bottom + 20)  # -inf (log 0) too
    rows[np.isposinf(loss)] = np.nan
    return rows


def _marker_rows(frame: Frame, loss: np.ndarray, log: bool) -> list[float]:
    """Pixel rows of the point's markers: off the plot (or infinite) at its edge."""
    rows = _y(frame, loss, log)
    rows = np.where(np.isnan(rows), frame.top, rows)
    return [round(float(v), 1) for v in np.clip(rows, frame.top, frame.bottom)]


def _svg(
    frame: Frame, y: int, alpha: float | None, axis: str, log: bool, text: Mapping
) -> str:
    """The chart's still parts (SVG markup with its own styles, so an exported
    copy looks the same): title, shade, grid, ticks, axis titles, legend, and
    empty curves and markers the script fills."""
    f, small = frame.font, frame.small
    left, right, top, bottom = (
        frame.left,
        frame.width - frame.right,
        frame.top,
        frame.bottom,
    )
    alpha_text = f"{alpha:g}" if alpha is not None else ""
    parts = [f'<rect width="{frame.width}" height="{frame.height}" fill="white"/>']
    well = (0.5, 1.0) if axis == "p_t" or y == 1 else (0.0, 0.5)
    x0, x1 = svg.columns(frame, np.array(well))
    parts.append(
        f'<rect x="{x0:.1f}" y="{top:.1f}" width="{x1 - x0:.1f}" '
        f'height="{bottom - top:.1f}" fill="{COLORS["shade"]}"/>'
    )
    anchor = ("start", x0 + 4) if well[0] == 0.5 else ("end", x1 - 4)
    parts.append(
        svg.text(
            anchor[1],
            top + small + 2,
            text["curves.well_classified"],
            small,
            text_anchor=anchor[0],
        )
    )
    for tick in np.linspace(0.0, 1.0, 6):
        (tx,) = svg.columns(frame, np.array([tick]))
        parts.append(f'<path d="M{tx:.1f},{top:.1f}V{bottom:.1f}" stroke="#e6ebf1"/>')
        parts.append(svg.text(tx, bottom + f + 2, f"{tick:g}", f, text_anchor="middle"))
    low, high = LOG_LOSS_RANGE if log else LINEAR_LOSS_RANGE
    ticks = range(int(np.ceil(low)), int(high) + 1)
    for tick in ticks:
        (ty,) = _y(frame, np.array([10.0**tick if log else float(tick)]), log)
        label = f"10{str(tick).translate(svg.SUPERSCRIPT)}" if log else f"{tick}"
        parts.append(f'<path d="M{left:.1f},{ty:.1f}H{right:.1f}" stroke="#e6ebf1"/>')
        parts.append(svg.text(left - 5, ty + f / 3, label, f, text_anchor="end"))
    parts.append(
        f'<path d="M{left:.1f},{top:.1f}V{bottom:.1f}H{right:.1f}" '
        f'stroke="#c9d1db" fill="none"/>'
    )
    x_title = text["curves.x_p" if axis == "p" else "curves.x_p_t"]
    parts.append(
        svg.text((left + right) / 2, frame.height - 6, x_title, f, text_anchor="middle")
    )
    middle = (top + bottom) / 2
    parts.append(
        svg.text(
            f,
            middle,
            text["curves.y"],
            f,
            text_anchor="middle",
            transform=f"rotate(-90 {f:.1f} {middle:.1f})",
        )
    )
    parts.append(svg.text(4, f + 4, text["curves.title"].format(y=y), f + 2))
    # legend: one row under the title, the FL entry's text follows γ
    legend = [("ce", text["curves.ce"], ""), ("fl", "", ' class="fd-leg-fl"')]
    if alpha is not None:
        legend.append(
            ("ce_balanced", text["curves.ce_balanced"].format(alpha=alpha_text), "")
        )
    x, row = 4.0, 2.3 * f + 4
    for key, name, attrs in legend:
        width = frame.bold if key == "fl" else frame.line
        dash = ' stroke-dasharray="2 3"' if key == "ce_balanced" else ""
        parts.append(
            f'<path d="M{x:.1f},{row - f / 3:.1f}h{1.6 * f:.1f}" '
            f'stroke="{COLORS[key]}" stroke-width="{width}"{dash}/>'
        )
        parts.append(
            f'<text x="{x + 1.9 * f:.1f}" y="{row:.1f}" font-size="{f:g}" '
            f'fill="#1b2a3a"{attrs}>{escape(name)}</text>'
        )
        x += 1.9 * f + 0.62 * f * max(len(name), 16 if key == "fl" else 2) + f
    # curves and markers, clipped to the plot; the script sets d, cx and cy
    parts.append(
        f'<clipPath id="fd-clip"><rect x="{left:.1f}" y="{top - 1:.1f}" '
        f'width="{right - left:.1f}" height="{bottom - top + 2:.1f}"/></clipPath>'
    )
    curves = ["ce", "fl"] + (["ce_balanced"] if alpha is not None else [])
    for key in curves:
        width = frame.bold if key == "fl" else frame.line
        dash = ' stroke-dasharray="2 4"' if key == "ce_balanced" else ""
        parts.append(
            f'<path class="fd-{key}" clip-path="url(#fd-clip)" fill="none" '
            f'stroke="{COLORS[key]}" stroke-width="{width}"{dash}/>'
        )
    for key in curves:
        parts.append(
            f'<circle class="fd-pt-{key}" r="{frame.marker}" fill="{COLORS[key]}" '
            f'stroke="white" stroke-width="2"/>'
        )
    body = "".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} '
        f'{frame.height}" font-family=\'{FONT_FAMILY}\' role="img">'
        f"<title>{escape(_alt(text, y))}</title>{body}</svg>"
    )


def _alt(text: Mapping[str, str], y: int) -> str:
    """The chart's text alternative, as :func:`focal.ui.plot.chart_alt` words it."""
    title = text["curves.title"].format(y=y)
    return text["alt.chart"].format(title=title, shows=text["alt.loss"])


def _fl_name(text: Mapping[str, str], gamma: float, alpha: float | None) -> str:
    key = "curves.fl" if alpha is None else "curves.fl_balanced"
    return text[key].format(gamma=f"{gamma:g}", alpha=f"{alpha:g}" if alpha else alpha)


@functools.lru_cache(maxsize=64)
def grid_data(
    y: int, alpha: float | None, axis: str, log: bool, lang: str, screen: Screen
) -> dict[str, Any]:
    """What the grid mount holds: every curve, the axes, the numbers of each p step.

    Returns
    -------
    dict
        ``id`` (names this grid), ``svg`` (the still markup), ``fl`` (one SVG
        path per γ of :func:`focal.on_drag.drag_gammas`), ``ce`` and
        ``ce_balanced`` (paths), ``fl_names`` (the legend per γ), ``px`` (the
        x pixel of each p step), ``ce_y``/``ce_balanced_y`` (marker rows per p
        step), ``p``, ``p_t``, ``ce`` strings per p step (``ce_s``), the hover
        template and hint, the steps and the export's file name stem.
    """
    text = strings(lang)
    frame = Frame.of(screen)
    curves = on_drag.drag_curves(y, alpha)
    along = curves.p if axis == "p" else curves.p_t
    xs = svg.columns(frame, along)
    ps = on_drag.drag_ps()
    at_ps = on_drag.point_values(ps, y, 0.0, alpha)
    point_x = ps if axis == "p" else at_ps.p_t
    loss_name = text["numbers.fl" if alpha is None else "numbers.fl_balanced"]
    data: dict[str, Any] = {
        "svg": _svg(frame, y, alpha, axis, log, text),
        "fl": [svg.simplified(xs, _y(frame, row, log)) for row in curves.fl],
        "ce": svg.simplified(xs, _y(frame, curves.ce, log)),
        "ce_balanced": None
        if curves.ce_balanced is None
        else svg.simplified(xs, _y(frame, curves.ce_balanced, log)),
        "fl_names": [_fl_name(text, g, alpha) for g in curves.gammas],
        "px": [round(float(v), 1) for v in svg.columns(frame, point_x)],
        "ce_y": _marker_rows(frame, at_ps.ce, log),
        "ce_balanced_y": None
        if at_ps.ce_balanced is None
        else _marker_rows(frame, at_ps.ce_balanced, log),
        "p": [f"{v:.2f}" for v in ps],
        "p_t": [number(v) for v in at_ps.p_t],
        "ce_s": [number(v) for v in at_ps.ce],
        "alpha_t": text["numbers.off"] if alpha is None else number(at_ps.alpha_t),
        "says": [
            text["numbers.both_zero"],
            text["numbers.both_infinite"],
            text["numbers.equal"].format(loss=loss_name),
            text["numbers.smaller_inf"].format(loss=loss_name),
            text["numbers.smaller"].format(loss=loss_name, times="{times}"),
        ],
        "hover": text["drag.hover_value"].format(
            x="p", at="{at}", ce="{ce}", fl_name=loss_name, fl="{fl}"
        ),
        "hint": text["drag.hover"],
        "file": "focal-loss-gamma{gamma}",  # a file name, the same in every language
        "g_step": on_drag.GAMMA_STEP,
        "p_step": on_drag.P_STEP,
    }
    data["id"] = hashlib.sha1(json.dumps(data).encode()).hexdigest()[:12]
    return data


def say(ce: float, fl: float, reduction: float) -> tuple[int, str]:
    """Which sentence of ``grid_data()["says"]`` speaks of this point, and the
    "N" of "1/N of CE" (the Explorer's rule: zero, infinite, equal, FL 0, N×)."""
    if ce == 0.0:
        return 0, ""
    if fl == float("inf"):
        return 1, ""
    if reduction == 1.0:
        return 2, ""
    if reduction == float("inf"):
        return 3, ""
    return 4, times(reduction)


def _along(frame: Frame, values: on_drag.PointValues, log: bool) -> dict[str, list]:
    sayings = [
        say(c, f, r)
        for c, f, r in zip(
            values.ce.tolist(),
            values.fl.tolist(),
            values.reduction.tolist(),
            strict=True,
        )
    ]
    return {
        "fl_y": _marker_rows(frame, values.fl, log),
        "modulating": [number(v) for v in values.modulating.tolist()],
        "fl": [number(v) for v in values.fl.tolist()],
        "say": [k for k, _ in sayings],
        "times": [t for _, t in sayings],
    }


def chart_data(
    grid: Mapping[str, Any],
    y: int,
    alpha: float | None,
    log: bool,
    p: float,
    gamma: float,
    screen: Screen,
) -> dict[str, Any]:
    """What the chart mount holds: the current values, and the point's numbers
    over p's steps at this γ (``at_gamma``) and over γ's steps at this p
    (``at_p``); both are :func:`focal.on_drag.point_values` formatted."""
    frame = Frame.of(screen)
    return {
        "grid": grid["id"],
        "gamma": gamma,
        "p": p,
        "at_gamma": _along(
            frame, on_drag.point_values(on_drag.drag_ps(), y, gamma, alpha), log
        ),
        "at_p": _along(
            frame, on_drag.point_values(p, y, on_drag.drag_gammas(), alpha), log
        ),
    }


_GAMMA, _P = BY_KEY["gamma"], BY_KEY["p"]

_CHART_HTML = f"""<div class="fd">
<div class="fd-inputs">
<label class="fd-in"><span class="fd-gl"></span>
<input class="fd-g" type="range"
 min="{_GAMMA.low}" max="{_GAMMA.high}" step="{_GAMMA.step}">
<output class="fd-go"></output></label>
<label class="fd-in"><span class="fd-pl"></span>
<input class="fd-p" type="range" min="{_P.low}" max="{_P.high}" step="{_P.step}">
<output class="fd-po"></output></label>
</div>
<div class="fd-svg"></div>
<div class="fd-foot"><output class="fd-hover"></output>
<button type="button" class="fd-svg-dl"></button>
<button type="button" class="fd-png-dl"></button>
</div></div>"""

_NUMBERS_HTML = """<div class="fdn"><dl>
<div><dt></dt><dd></dd></div><div><dt></dt><dd></dd></div><div><dt></dt><dd></dd></div>
<div><dt></dt><dd></dd></div><div><dt></dt><dd></dd></div>
</dl><p class="fdn-say"></p></div>"""

# the drawing script goes with the grid (a cached message), not with each commit
_GRID = st.components.v2.component("focal_drag_grid", js=svg.asset("drag.js"))
_CHART = st.components.v2.component(
    "focal_drag_chart",
    html=_CHART_HTML,
    css=svg.asset("drag.css"),
    js=svg.asset("drag_chart.js"),
)
_NUMBERS = st.components.v2.component(
    "focal_drag_numbers",
    html=_NUMBERS_HTML,
    css=svg.asset("drag_numbers.css"),
    js=svg.asset("drag_numbers.js"),
)


def released(chart_key: str, names: Collection[str]) -> None:
    """An on-drag chart's change callback: the value its input ``name`` (one of
    ``names``) committed, snapped to the slider's step and range, becomes the
    shared value of that key.

    A v2 mount ignores ``bind=``; the slider of the same key, bound to the URL,
    writes the URL (Streamlit refuses a direct write of a bound key), as after
    "Reset". Anything else in the state (junk, a non-finite number) is ignored.
    """
    state = st.session_state[chart_key]
    done = state.get("commit") if isinstance(state, Mapping) else state.commit
    if not isinstance(done, Mapping) or done.get("name") not in names:
        return
    param = BY_KEY[str(done["name"])]
    try:
        raw = float(done["value"])  # JSON: 5.0 from the browser arrives as 5
    except (TypeError, ValueError):
        return
    if not math.isfinite(raw):
        return
    steps = round((min(max(raw, param.low), param.high) - param.low) / param.step)
    st.session_state[param.key] = round(param.low + steps * param.step, 10)


def curves_chart(
    where: Any,
    text: Mapping[str, str],
    y: int,
    alpha: float | None,
    axis: str,
    log: bool,
    p: float,
    gamma: float,
    lang: str,
    screen: Screen,
) -> dict[str, Any]:
    """Mount the grid and the chart in ``where``; returns the chart's data."""
    grid = grid_data(y, alpha, axis, log, lang, screen)
    data = chart_data(grid, y, alpha, log, p, gamma, screen)
    data["labels"] = {
        "gamma": text["short.gamma"],
        "p": text["short.p"],
        "gamma_name": text["param.gamma"],
        "p_name": text["param.p"],
        "svg": text["drag.download_svg"],
        "png": text["drag.download_png"],
        "help": text["drag.download_help"],
    }
    with where:
        _GRID(key=GRID_KEY, data=grid, width="stretch")
        _CHART(
            key=CHART_KEY,
            data=data,
            default={"commit": None},
            on_commit_change=functools.partial(released, CHART_KEY, ("gamma", "p")),
            width="stretch",
        )
    return data


def numbers(where: Any, text: Mapping[str, str], alpha: float | None) -> dict[str, Any]:
    """Mount the numbers beside the chart (the chart's script fills them)."""
    fl_label = "numbers.fl" if alpha is None else "numbers.fl_balanced"
    keys = (
        "numbers.p_t",
        "numbers.alpha_t",
        "numbers.modulating",
        "numbers.ce",
        fl_label,
    )
    data = {"labels": [text[key] for key in keys]}
    with where:
        _NUMBERS(key=NUMBERS_KEY, data=data, width="stretch")
    return data
