"""Figure builders of the walkthrough and the gradient ratio: the traces each
promises, with the core's numbers as data."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
import pytest

import focal
from focal import curves
from focal.figures import COLORS, LINEAR_LOSS_RANGE
from focal.figures.walkthrough import (
    SERIES_STYLE,
    gradient_ratio_figure,
    lines_figure,
    share_figure,
)
from focal.walkthrough import yolo_v3_example
from tests.helpers import assert_same_series, assert_strict_json

LINE_LABELS = {
    "title": "T",
    "x": "X",
    "y": "Y",
    "ce": "CE-name",
    "ce_y1": "CE1",
    "ce_y0": "CE0",
    "alpha_y1": "A1",
    "alpha_y0": "A0",
}
SHARE_LABELS = {"title": "T", "y": "Y", "ce": "CE-bar", "fl": "FL-bar"}
RATIO_LABELS = {"title": "T", "x": "X", "y": "Y", "ratio": "R", "ce": "CE=1"}


def make_lines(
    y: int = 1, p: float = 0.3, alpha: float = 0.25, presenter: bool = False
) -> go.Figure:
    """Step 4's chart: CE and both α-balanced curves against p_t."""
    positives = curves.loss_curves(1, 0.0, alpha)
    negatives = curves.loss_curves(0, 0.0, alpha)
    current = "alpha_y1" if y == 1 else "alpha_y0"
    return lines_figure(
        {
            "ce": (positives.p_t, positives.ce),
            "alpha_y1": (positives.p_t, positives.ce_balanced),
            "alpha_y0": (negatives.p_t, negatives.ce_balanced),
        },
        focal.p_t(p, y),
        {current: focal.focal_loss(p, y, 0.0, alpha)},
        x_name="p_t",
        labels=LINE_LABELS,
        presenter=presenter,
    )


def make_gradient_ratio(
    y: int = 1, gamma: float = 2.0, p: float = 0.9, presenter: bool = False
) -> go.Figure:
    grads = curves.gradient_curves(y, gamma)
    x = focal.logit(p)
    ratio = focal.focal_gradient_ratio(x, y, gamma)
    return gradient_ratio_figure(
        grads.x, grads.ratio, x, ratio, labels=RATIO_LABELS, presenter=presenter
    )


def make_share(gamma: float = 2.0, presenter: bool = False) -> go.Figure:
    example = yolo_v3_example(416, gamma)
    shares = {"ce": example.share_ce, "fl": example.share_fl}
    return share_figure(shares, labels=SHARE_LABELS, presenter=presenter)


# ------------------------------------------------------------------ line charts


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("alpha", [0.0, 0.25, 0.9])
def test_lines_figure_traces_equal_core(y: int, alpha: float) -> None:
    fig = make_lines(y=y, alpha=alpha)
    assert [t.name for t in fig.data] == ["CE-name", "A1", "A0", "A1" if y else "A0"]
    grid = curves.probability_grid()
    np.testing.assert_array_equal(fig.data[0].x, grid)
    assert_same_series(fig.data[0].y, focal.cross_entropy(grid, 1))
    assert_same_series(fig.data[1].y, focal.focal_loss(grid, 1, 0.0, alpha))
    np.testing.assert_allclose(fig.data[2].x, 1.0 - grid, rtol=0, atol=1e-15)
    assert_same_series(fig.data[2].y, focal.focal_loss(grid, 0, 0.0, alpha))
    marker = fig.data[3]
    assert marker.mode == "markers"
    assert marker.x == (pytest.approx(focal.p_t(0.3, y)),)
    assert marker.y[0] == pytest.approx(focal.focal_loss(0.3, y, 0.0, alpha))
    assert marker.marker.color == SERIES_STYLE["alpha_y1" if y else "alpha_y0"][0]
    assert fig.data[2].line.dash == "dash"
    assert_strict_json(fig)


def test_lines_figure_axes_and_legend_below() -> None:
    fig = make_lines()
    assert fig.layout.title.text == "T"
    assert fig.layout.xaxis.title.text == "X"
    assert fig.layout.yaxis.title.text == "Y"
    assert list(fig.layout.xaxis.range) == [0.0, 1.0]
    assert list(fig.layout.yaxis.range) == list(LINEAR_LOSS_RANGE)
    assert fig.layout.legend.yref == "container"
    assert fig.layout.legend.y == 0.0


def test_lines_figure_infinite_point_sits_at_the_top() -> None:
    grid = curves.probability_grid()
    fig = lines_figure(
        {"ce_y1": (grid, focal.cross_entropy(grid, 1))},
        0.0,
        {"ce_y1": focal.cross_entropy(0.0, 1)},
        x_name="p",
        labels=LINE_LABELS,
    )
    marker = fig.data[1]
    assert marker.y == (LINEAR_LOSS_RANGE[1],)
    assert marker.text == ("∞",)
    assert math.isnan(fig.data[0].y[0])  # CE at p = 0 is a gap
    assert_strict_json(fig)


# ------------------------------------------------------------------- share bars


@pytest.mark.parametrize("gamma", [0.0, 2.0, 5.0])
def test_share_figure_bars_are_the_core_shares(gamma: float) -> None:
    fig = make_share(gamma)
    (bars,) = fig.data
    assert bars.type == "bar"
    assert list(bars.x) == ["CE-bar", "FL-bar"]
    example = yolo_v3_example(416, gamma)
    np.testing.assert_array_equal(bars.y, [example.share_ce, example.share_fl])
    assert list(bars.marker.color) == [COLORS["ce"], COLORS["fl"]]
    assert bars.texttemplate == "%{y:.1%}"
    assert fig.layout.yaxis.tickformat == ".0%"
    assert_strict_json(fig)


def test_share_figure_undefined_share_draws_no_bar() -> None:
    fig = share_figure({"ce": math.nan, "fl": 0.5}, labels=SHARE_LABELS)
    assert math.isnan(fig.data[0].y[0])
    assert fig.data[0].y[1] == 0.5
    assert_strict_json(fig)


# ---------------------------------------------------------------- gradient ratio


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("gamma", [0.0, 0.5, 2.0])
def test_gradient_ratio_figure_traces_equal_core(y: int, gamma: float) -> None:
    fig = make_gradient_ratio(y=y, gamma=gamma, p=0.3)
    line, marker = fig.data
    x = np.linspace(-10.0, 10.0, 801)
    np.testing.assert_array_equal(line.x, x)
    np.testing.assert_array_equal(line.y, focal.focal_gradient_ratio(x, y, gamma))
    x0 = focal.logit(0.3)
    assert marker.x == (pytest.approx(x0),)
    assert marker.y[0] == pytest.approx(focal.focal_gradient_ratio(x0, y, gamma))
    (reference,) = fig.layout.shapes
    assert reference.y0 == reference.y1 == 1.0
    assert [a.text for a in fig.layout.annotations] == ["CE=1"]
    assert_strict_json(fig)


@pytest.mark.parametrize("p", [0.0, 1.0, 1e-9])
def test_gradient_ratio_figure_no_marker_off_the_grid(p: float) -> None:
    fig = make_gradient_ratio(p=p)
    assert [t.mode for t in fig.data] == ["lines"]
    assert_strict_json(fig)


@pytest.mark.parametrize(
    "build",
    [make_lines, make_gradient_ratio, make_share],
    ids=["lines", "ratio", "share"],
)
def test_presenter_mode_is_larger(build) -> None:  # type: ignore[no-untyped-def]
    small, large = build(presenter=False), build(presenter=True)
    assert large.layout.font.size >= 20 > small.layout.font.size
    assert large.layout.height > small.layout.height
    small_widths = [
        t.line.width for t in small.data if t.type == "scatter" and t.mode == "lines"
    ]
    large_widths = [
        t.line.width for t in large.data if t.type == "scatter" and t.mode == "lines"
    ]
    assert all(b > a for a, b in zip(small_widths, large_widths, strict=True))
