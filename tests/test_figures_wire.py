"""What a figure sends (focal.figures.wire.lean): fewer bytes, the same picture.

Each dropped point lies within the tolerance of the line drawn through the
kept ones, measured here on the screen the module assumes; every point kept
is the core's, to float32; gaps, edges and the hover's spacing stay; what
cannot be thinned (markers, animated traces, short lines) keeps every point.
``tests/browser/test_wire.py`` compares the pictures themselves in Chromium.
"""

from __future__ import annotations

import copy
import itertools
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

import focal
from focal import curves
from focal.figures import LINEAR_LOSS_RANGE, LOG_LOSS_RANGE, _binary, wire
from focal.figures.wire import (
    MAX_GAP,
    SCREEN_WIDTH_PX,
    TOLERANCE_PX,
    lean,
    thin_indices,
)
from focal.ui.charts import SharedFigure, loss_chart
from tests.helpers import FLOAT32, plotly_data


def segment_distance_px(
    x: np.ndarray,
    y: np.ndarray,
    kept: np.ndarray,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    height: float,
) -> float:
    """The largest distance, in pixels, from a dropped point to the line drawn.

    Each dropped point is measured against the kept segment that spans it, in
    screen pixels, everything clipped two pixels beyond the plot (what lies
    further out is not drawn).
    """
    sx = SCREEN_WIDTH_PX / (x_range[1] - x_range[0])
    sy = height / (y_range[1] - y_range[0])
    u = np.clip((x - x_range[0]) * sx, -2, SCREEN_WIDTH_PX + 2)
    v = np.clip((y - y_range[0]) * sy, -2, height + 2)
    worst = 0.0
    for left, right in itertools.pairwise(kept.tolist()):
        if right == left + 1 or np.isnan(v[left : right + 1]).any():
            continue
        du, dv = u[right] - u[left], v[right] - v[left]
        pu, pv = u[left + 1 : right] - u[left], v[left + 1 : right] - v[left]
        length2 = du * du + dv * dv
        t = np.clip((pu * du + pv * dv) / length2, 0, 1) if length2 else 0.0
        worst = max(worst, float(np.hypot(pu - t * du, pv - t * dv).max()))
    return worst


CASES = [
    # (name, x, y, y range, log)
    (
        "CE",
        *(lambda p: (p, focal.cross_entropy(p, 1)))(curves.probability_grid()),
        LINEAR_LOSS_RANGE,
        False,
    ),
    (
        "FL γ=5",
        *(lambda p: (p, focal.focal_loss(p, 1, 5.0)))(curves.probability_grid()),
        LINEAR_LOSS_RANGE,
        False,
    ),
    (
        "FL γ=2 log",
        *(lambda p: (p, focal.focal_loss(p, 1, 2.0)))(curves.probability_grid()),
        LOG_LOSS_RANGE,
        True,
    ),
    (
        "sine",
        np.linspace(-10, 10, 801),
        np.sin(np.linspace(-10, 10, 801)),
        (-1.2, 1.2),
        False,
    ),
]


@pytest.mark.parametrize(("name", "x", "y", "y_range", "log"), CASES)
def test_dropped_points_lie_within_the_tolerance(name, x, y, y_range, log) -> None:
    y = np.where(np.isfinite(y), y, np.nan)
    x_range = (float(x[0]), float(x[-1]))
    kept = thin_indices(x, y, x_range, y_range, 420.0, log)
    assert kept.size < x.size / 2, name  # it does thin
    assert kept[0] == 0
    assert kept[-1] == x.size - 1
    assert np.all(np.diff(kept) > 0)
    with np.errstate(divide="ignore"):
        shown = np.log10(y) if log else y
    distance = segment_distance_px(x, shown, kept, x_range, y_range, 420.0)
    assert distance <= TOLERANCE_PX, (name, distance)
    # hovering finds a point within MAX_GAP of the x range
    assert np.diff(x[kept]).max() <= MAX_GAP * (x_range[1] - x_range[0]) + 1e-12
    # gaps stay where the core's value is not finite
    assert set(np.flatnonzero(np.isnan(y))) <= set(kept)


def test_a_line_leaving_the_chart_keeps_the_points_at_the_edge() -> None:
    x = np.linspace(0.0, 1.0, 1001)
    y = 10.0 * x  # crosses the top of a [0, 5] axis at x = 0.5
    kept = thin_indices(x, y, (0.0, 1.0), (0.0, 5.0), 400.0)
    assert {500, 501} <= set(kept)  # both sides of the crossing (y = 5.0, 5.01)
    # the straight line needs no other point than its ends and the hover's stops
    assert kept.size <= 1 / MAX_GAP + 4


def loss_spec(**kwargs) -> dict:
    """The Explorer's loss chart as its builder made it, before it is trimmed."""
    args = {"p": 0.3, "y": 1, "gamma": 2.0, "alpha": None, "axis": "p", "log": False}
    build = loss_chart.__wrapped__.__wrapped__  # under the cache and the trimming
    return build(*{**args, **kwargs}.values(), "en", False).to_dict()


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"y": 0},
        {"axis": "p_t", "y": 0},
        {"log": True, "alpha": 0.25},
        {"gamma": 5.0, "axis": "p_t"},
    ],
)
def test_every_point_kept_is_the_cores_to_float32(kwargs) -> None:
    spec = loss_spec(**kwargs)
    original = copy.deepcopy(spec)
    sent = lean(spec)
    assert json.dumps(spec, default=str) == json.dumps(original, default=str)
    for before, after in zip(spec["data"], sent["data"], strict=True):
        x_before, y_before = (
            np.asarray(plotly_data(before["x"])),
            np.asarray(plotly_data(before["y"])),
        )
        x_after, y_after = (
            np.asarray(plotly_data(after["x"])),
            np.asarray(plotly_data(after["y"])),
        )
        if x_before.size < 32:
            assert x_after.size == x_before.size  # markers: every point
            continue
        assert x_after.dtype == y_after.dtype == np.float32
        if before["line"].get("dash", "solid") != "solid":
            assert x_after.size == x_before.size  # a dash pattern: every point
            continue
        assert x_after.size < x_before.size / 2
        index = np.flatnonzero(np.isin(x_before.astype(np.float32), x_after))
        assert index.size == x_after.size
        np.testing.assert_array_equal(x_after, x_before[index].astype(np.float32))
        assert (np.isnan(y_after) == np.isnan(y_before[index])).all()
        finite = np.isfinite(y_before[index])
        np.testing.assert_allclose(
            y_after[finite], y_before[index][finite], rtol=FLOAT32, atol=1e-45
        )


def test_the_json_shrinks_and_stays_strict() -> None:
    spec = loss_spec(log=True, alpha=0.25)
    before = pio.to_json(spec, validate=False)
    # as Streamlit writes it: to_json of a figure, not validated again
    after = pio.to_json(SharedFigure(lean(spec)), validate=False)
    assert len(after) < len(before) / 3
    assert '"bdata"' in after
    assert "NaN" not in after
    assert "Infinity" not in after
    assert '"f8"' not in after


def test_the_template_keeps_what_the_figure_reads() -> None:
    spec = loss_spec()
    template = lean(spec)["layout"]["template"]
    full = spec["layout"]["template"]
    assert set(template["data"]) == {"scatter"}
    assert template["data"]["scatter"] == full["data"]["scatter"]
    for key, value in full["layout"].items():
        if key in ("polar", "ternary", "scene", "geo", "mapbox", "map"):
            assert key not in template["layout"]
        else:
            assert template["layout"][key] == value


def test_animated_and_marked_traces_keep_every_point() -> None:
    grid = curves.probability_grid(201)
    family = curves.focal_family((0.0, 2.0), 201)
    spec = go.Figure(
        {
            "data": [
                {"type": "scatter", "x": grid, "y": family[0], "mode": "lines"},
                {"type": "scatter", "x": grid, "y": family[1], "mode": "lines"},
                {"type": "scatter", "x": grid, "y": family[1], "mode": "lines+markers"},
            ],
            "layout": {"yaxis": {"range": [0, 5]}},
            "frames": [{"traces": [1], "data": [{"y": _binary(family[0])}]}],
        },
        _validate=False,
    ).to_dict()
    sent = lean(spec)
    sizes = [np.asarray(plotly_data(trace["x"])).size for trace in sent["data"]]
    assert sizes[0] < 201
    assert sizes[1:] == [201, 201]
    frame_y = sent["frames"][0]["data"][0]["y"]
    assert frame_y["dtype"] == "f4"
    np.testing.assert_allclose(
        plotly_data(frame_y)[1:], family[0][1:], rtol=FLOAT32, atol=1e-45
    )


def test_values_float32_cannot_hold_stay_float64() -> None:
    big = {"data": [{"type": "bar", "x": [0, 1], "y": np.array([1.0, 1e300])}]}
    assert lean(big)["data"][0]["y"]["dtype"] == "f8"
    typed = {"data": [{"type": "scatter", "y": _binary(np.array([1.0, 1e300]))}]}
    assert lean(typed)["data"][0]["y"]["dtype"] == "f8"
    counts = {"data": [{"type": "bar", "x": [0, 1], "y": np.array([1, 2])}]}
    assert lean(counts)["data"][0]["y"].dtype.kind == "i"


def test_the_module_constants_describe_a_large_screen() -> None:
    assert wire.SCREEN_WIDTH_PX >= 1920
    assert wire.TOLERANCE_PX <= 0.5
