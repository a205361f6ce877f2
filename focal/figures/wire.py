"""What a finished figure sends to the browser: no more than the screen shows.

Every chart crosses a lecture hall's wifi once per slider move and student, so
:func:`lean` trims a figure's dict before it is sent, leaving the picture as
it was:

- **digits**: float arrays go as float32 (Plotly's typed arrays, ``"f4"``):
  seven significant digits, against the three or four a chart's pixels and the
  six of a hover label can show;
- **points**: a line drawn through hundreds of points keeps only those its
  picture needs: every dropped point lies within :data:`TOLERANCE_PX` of the
  line through the points kept, on the largest screen the app is drawn on
  (:data:`SCREEN_WIDTH_PX` wide, the plot area's height tall), after clipping to
  the axes' ranges; and no two kept points are further apart than a
  :data:`MAX_GAP` of the x axis, so that hovering still finds a value near
  the pointer; each line's highest and lowest points stay;
- **the template**: Plotly writes its whole default template into every
  figure; only the parts for the figure's trace types and 2-D axes are kept.

Only solid lines that are functions of x are thinned (x increasing or
decreasing), drawn without markers, text or per-point styles, and not animated
by frames; everything else keeps all its points (as float32).
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Mapping
from typing import Any

import numpy as np

#: How far a dropped point may lie from the line drawn, in CSS pixels: half a
#: device pixel on a 2x screen.
TOLERANCE_PX = 0.25

#: The widest plot the app draws (a full-HD projector or laptop, full width).
SCREEN_WIDTH_PX = 1920

#: The height assumed when a figure does not set one (Plotly's default).
DEFAULT_HEIGHT_PX = 450

#: The largest x step kept between two points, as a share of the x range.
MAX_GAP = 0.02

#: Lines with fewer points are sent as they are.
MIN_POINTS = 32

#: Arrays with a larger value stay float64.
FLOAT32_MAX = 3e38

#: Template parts that only other kinds of subplot read.
_OTHER_SUBPLOTS = ("polar", "ternary", "scene", "geo", "mapbox", "map")


# ----------------------------------------------------------------------- digits


def _float32(values: Any) -> Any:
    """A float array (ndarray or typed spec) as Plotly's typed array of float32,
    when float32 holds its finite values (below :data:`FLOAT32_MAX`); an
    ndarray it cannot hold as a typed array of float64; anything else as it is.

    The spec is what ``go.Figure.to_dict`` makes of an array; Streamlit's
    ``plotly.io.to_json(figure, validate=False)`` would write a bare ndarray
    as a list of decimals instead.
    """
    if isinstance(values, np.ndarray):
        if values.dtype.kind != "f":
            return values
        return _typed(values.astype("<f4") if _fits(values) else values)
    if (
        isinstance(values, Mapping)
        and "bdata" in values
        and values.get("dtype") == "f8"
    ):
        data = np.frombuffer(base64.b64decode(values["bdata"]), "<f8")
        if not _fits(data):
            return values
        return {**values, **_typed(data.astype("<f4"))}
    return values


def _typed(values: np.ndarray) -> dict[str, str]:
    """Plotly's typed-array spec of a float array (its shape when 2-D or more)."""
    code = "f4" if values.dtype.itemsize == 4 else "f8"
    data = np.ascontiguousarray(values, dtype=f"<{code}")
    spec = {"dtype": code, "bdata": base64.b64encode(data.tobytes()).decode("ascii")}
    if values.ndim > 1:
        spec["shape"] = ", ".join(str(size) for size in values.shape)
    return spec


def _fits(values: np.ndarray) -> bool:
    finite = np.abs(values[np.isfinite(values)])
    return finite.size == 0 or float(finite.max()) < FLOAT32_MAX


def _digits(node: Any) -> Any:
    """A copy of ``node`` (dicts and lists) with every float array as float32."""
    if isinstance(node, dict):
        if "bdata" in node:
            return _float32(node)
        return {key: _digits(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_digits(value) for value in node]
    return _float32(node)


# ----------------------------------------------------------------------- points


def _simplify(u: np.ndarray, v: np.ndarray, keep: np.ndarray) -> None:
    """Ramer-Douglas-Peucker on screen coordinates (tolerance 1): mark ``keep``.

    ``keep`` holds the points that must stay; each stretch between two of them
    is simplified on its own.
    """
    anchors = np.flatnonzero(keep)
    stack = list(itertools.pairwise(anchors.tolist()))
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        du, dv = u[j] - u[i], v[j] - v[i]
        pu, pv = u[i + 1 : j] - u[i], v[i + 1 : j] - v[i]
        length2 = du * du + dv * dv
        t = np.clip((pu * du + pv * dv) / length2, 0.0, 1.0) if length2 else 0.0
        distance = np.hypot(pu - t * du, pv - t * dv)
        k = int(np.argmax(distance))
        if distance[k] > 1.0:
            keep[i + 1 + k] = True
            stack += [(i, i + 1 + k), (i + 1 + k, j)]


def _screen(values: np.ndarray, axis: tuple[float, float], pixels: float) -> tuple:
    """Values on a screen axis of ``pixels``, in units of the tolerance (from
    the axis's low end), and whether each lies outside the axis."""
    low, high = sorted(axis)
    scale = pixels / TOLERANCE_PX / (high - low)
    screen = (values - low) * scale
    outside = (screen < 0.0) | (screen > pixels / TOLERANCE_PX)
    # beyond a few tolerances past the edge nothing shows: flat there
    return np.clip(screen, -4.0, pixels / TOLERANCE_PX + 4.0), outside


def thin_indices(
    x: np.ndarray,
    y: np.ndarray,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    height_px: float,
    log_y: bool = False,
) -> np.ndarray:
    """The indices of the points a line needs on screen (see the module).

    Parameters
    ----------
    x, y : ndarray
        The line's points, ``x`` increasing; NaN in ``y`` is a gap (kept).
    x_range, y_range : (float, float)
        The axes' ranges (``y_range`` in decades on a log axis).
    height_px : float
        The figure's height in pixels.
    log_y : bool, default False
        Logarithmic y axis.

    Returns
    -------
    ndarray of int
        Increasing indices, the first and last point and every gap included.
    """
    keep = np.zeros(x.size, dtype=bool)
    keep[[0, -1]] = True
    gap = np.isnan(y)
    with np.errstate(divide="ignore", invalid="ignore"):
        # log of 0 is -inf: far below the axis, as Plotly leaves it
        shown = np.log10(y) if log_y else y.astype(np.float64)
    gap |= np.isnan(shown)
    # a gap and the points beside it stay, so the line breaks where it did
    keep |= gap
    keep[:-1] |= gap[1:]
    keep[1:] |= gap[:-1]
    u, u_out = _screen(x.astype(np.float64), x_range, SCREEN_WIDTH_PX)
    v, v_out = _screen(np.where(gap, 0.0, shown), y_range, height_px)
    # where the line leaves or enters the chart both points stay: the segment
    # that crosses the edge keeps its slope
    change = (u_out | v_out)[1:] != (u_out | v_out)[:-1]
    keep[:-1] |= change
    keep[1:] |= change
    # the line's highest and lowest points stay: a peak read off the chart
    # (or its hover) is the data's
    finite = np.flatnonzero(np.isfinite(y))
    if finite.size:
        keep[finite[np.argmax(y[finite])]] = True
        keep[finite[np.argmin(y[finite])]] = True
    for start, stop in _runs(~gap):
        part = slice(start, stop)
        _simplify(u[part], v[part], keep[part])
    # hovering finds a point within MAX_GAP of the x range
    low, high = sorted(x_range)
    return _bridge(x, np.flatnonzero(keep), (high - low) * MAX_GAP)


def _bridge(x: np.ndarray, kept: np.ndarray, step: float) -> np.ndarray:
    """``kept`` with points added where two kept x are more than ``step`` apart
    (each the furthest point within ``step`` of the last)."""
    out = [int(kept[0])]
    for k in kept[1:].tolist():
        while x[k] - x[out[-1]] > step:
            reach = int(np.searchsorted(x, x[out[-1]] + step, side="right")) - 1
            reach = max(reach, out[-1] + 1)
            if reach >= k:
                break
            out.append(reach)
        out.append(k)
    return np.array(out)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) of each run of True in ``mask``."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(
        zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True)
    )


def _array(values: Any) -> np.ndarray | None:
    """A float ndarray of trace data (ndarray or typed spec), else None."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "fi":
        return values.astype(np.float64)
    if isinstance(values, Mapping) and "bdata" in values and "shape" not in values:
        dtype = np.dtype(values.get("dtype", "f8")).newbyteorder("<")
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype).astype(float)
    return None


_PER_POINT = ("text", "customdata", "hovertext", "ids", "selectedpoints")


def _thinnable(trace: Mapping[str, Any]) -> bool:
    mode = trace.get("mode", "lines")
    marker = trace.get("marker") or {}
    line = trace.get("line") or {}
    return (
        trace.get("type", "scatter") == "scatter"
        # a dash pattern runs along the path: a shorter path off the chart
        # would move every dash on it
        and line.get("dash", "solid") == "solid"
        and "markers" not in mode
        and "text" not in mode
        and not any(key in trace for key in _PER_POINT)
        and not any(isinstance(value, np.ndarray) for value in marker.values())
        and trace.get("xaxis", "x") == "x"
        and trace.get("yaxis", "y") == "y"
    )


def _axis_range(axis: Mapping[str, Any], values: np.ndarray, log: bool) -> tuple:
    chosen = axis.get("range")
    if chosen is not None and len(chosen) == 2 and None not in chosen:
        return float(chosen[0]), float(chosen[1])
    finite = values[np.isfinite(values)]
    if log:
        finite = np.log10(finite[finite > 0])
    if finite.size == 0 or finite.min() == finite.max():
        return (0.0, 1.0) if finite.size == 0 else (finite.min() - 1, finite.max() + 1)
    return float(finite.min()), float(finite.max())


def _plot_height(layout: Mapping[str, Any]) -> float:
    """The height of the plot area in pixels: the figure's less its margins."""
    margin = layout.get("margin") or {}
    height = float(layout.get("height") or DEFAULT_HEIGHT_PX)
    inner = height - float(margin.get("t", 100)) - float(margin.get("b", 80))
    return max(inner, height / 4)


def _points(spec: dict) -> dict:
    """``spec`` with its long lines thinned to what the screen shows."""
    layout = spec.get("layout", {})
    animated = {
        index for frame in spec.get("frames") or [] for index in frame.get("traces", [])
    }
    height = _plot_height(layout)
    x_axis, y_axis = layout.get("xaxis", {}), layout.get("yaxis", {})
    log_y = y_axis.get("type") == "log"
    if x_axis.get("type") not in (None, "linear", "-") or y_axis.get("type") not in (
        None,
        "linear",
        "-",
        "log",
    ):
        return spec
    data = []
    for index, trace in enumerate(spec.get("data", [])):
        x, y = _array(trace.get("x")), _array(trace.get("y"))
        if (
            index in animated
            or x is None
            or y is None
            or x.size != y.size
            or x.size < MIN_POINTS
            or not _thinnable(trace)
        ):
            data.append(trace)
            continue
        step = np.diff(x)
        # x decreasing (p_t of the label 0 along a grid of p): thinned reversed
        order = 1 if np.all(step > 0) else -1 if np.all(step < 0) else 0
        if order == 0:
            data.append(trace)
            continue
        x_range = _axis_range(x_axis, x, False)
        y_range = _axis_range(y_axis, y, log_y)
        kept = thin_indices(x[::order], y[::order], x_range, y_range, height, log_y)
        if order < 0:
            kept = (x.size - 1 - kept)[::-1]
        data.append({**trace, "x": x[kept], "y": y[kept]})
    return {**spec, "data": data}


# ----------------------------------------------------------------------- template


def _template(spec: dict) -> dict:
    """``spec`` with the template cut to its trace types and 2-D axes."""
    layout = spec.get("layout", {})
    template = layout.get("template")
    if not isinstance(template, Mapping):
        return spec
    types = {trace.get("type", "scatter") for trace in spec.get("data", [])}
    used = {
        key: value
        for key, value in (template.get("data") or {}).items()
        if key in types
    }
    template_layout = {
        key: value
        for key, value in (template.get("layout") or {}).items()
        if key not in _OTHER_SUBPLOTS
    }
    trimmed = {**template, "data": used, "layout": template_layout}
    return {**spec, "layout": {**layout, "template": trimmed}}


def lean(spec: dict) -> dict:
    """A finished figure's dict, trimmed to what the screen shows (see module).

    Parameters
    ----------
    spec : dict
        ``go.Figure.to_dict()`` of the chart; not changed.

    Returns
    -------
    dict
        A new dict: the template cut, long lines thinned, float arrays float32.
    """
    return _digits(_points(_template(spec)))
