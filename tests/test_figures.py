"""Figure builders: the traces each promises, with the core's numbers as data."""

from __future__ import annotations

import json
from functools import cache

import numpy as np
import plotly.graph_objects as go
import pytest

import focal
from focal import curves
from focal.figures import (
    COLORS,
    LINEAR_LOSS_RANGE,
    LOG_LOSS_RANGE,
    family_figure,
    gradient_figure,
    loss_figure,
)
from tests.helpers import assert_same_series, assert_strict_json, plotly_data

LOSS_LABELS = {
    "title": "T",
    "x_p": "XP",
    "x_p_t": "XPT",
    "y": "Y",
    "ce": "CE-name",
    "fl": "FL-name",
    "ce_balanced": "CEB-name",
    "well_classified": "WELL",
}
FAMILY_LABELS = {
    "title": "T",
    "x": "X",
    "y": "Y",
    "gamma": "g={gamma}",
    "current": "now={gamma}",
    "play": "PLAY",
    "pause": "PAUSE",
    "well_classified": "WELL",
}
GRADIENT_LABELS = {
    "title": "T",
    "x": "X",
    "y": "Y",
    "ce": "dCE",
    "fl": "dFL",
    "fl_star": "dFL*",
}


def make_loss(
    y: int = 1,
    gamma: float = 2.0,
    alpha: float | None = None,
    p: float = 0.9,
    axis: str = "p",
    log: bool = False,
    presenter: bool = False,
) -> go.Figure:
    point = {
        "x": p if axis == "p" else focal.p_t(p, y),
        "ce": focal.cross_entropy(p, y),
        "fl": focal.focal_loss(p, y, gamma, alpha),
        "ce_balanced": focal.focal_loss(p, y, 0.0, alpha),  # drawn with α only
    }
    return loss_figure(
        curves.loss_curves(y, gamma, alpha),
        point,
        y=y,
        axis=axis,
        log=log,
        labels=LOSS_LABELS,
        presenter=presenter,
    )


@cache  # building 51 frames takes a while; tests only read the figure
def make_family(gamma: float = 2.0, presenter: bool = False) -> go.Figure:
    frame_gammas = curves.gamma_grid()
    return family_figure(
        curves.probability_grid(),
        curves.FIGURE1_GAMMAS,
        curves.focal_family(curves.FIGURE1_GAMMAS),
        gamma,
        curves.focal_family((gamma,))[0],
        (frame_gammas, curves.focal_family(frame_gammas)),
        labels=FAMILY_LABELS,
        presenter=presenter,
    )


def make_gradient(
    y: int = 1, alpha: float | None = None, p: float = 0.9, presenter: bool = False
) -> go.Figure:
    grads = curves.gradient_curves(y, 2.0, alpha)
    x = float(focal.logit(p))
    current = {
        "ce": focal.grad_cross_entropy(x, y),
        "fl": focal.grad_focal_loss(x, y, 2.0, alpha),
        "fl_star": focal.grad_focal_loss_star(x, y, *curves.FL_STAR_SETTING),
    }
    series = {"ce": grads.ce, "fl": grads.fl, "fl_star": grads.fl_star}
    return gradient_figure(
        grads.x, series, x, current, labels=GRADIENT_LABELS, presenter=presenter
    )


# ------------------------------------------------------------------ loss figure


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("gamma", [0.0, 2.0, 4.5])
def test_loss_figure_traces_equal_core(y: int, gamma: float) -> None:
    fig = make_loss(y=y, gamma=gamma, p=0.3)
    p = curves.probability_grid()
    assert [t.name for t in fig.data] == ["CE-name", "FL-name", "CE-name", "FL-name"]
    ce, fl, ce_marker, fl_marker = fig.data
    np.testing.assert_array_equal(ce.x, p)
    np.testing.assert_array_equal(fl.x, p)
    assert_same_series(ce.y, focal.cross_entropy(p, y))
    assert_same_series(fl.y, focal.focal_loss(p, y, gamma))
    assert ce.mode == fl.mode == "lines"
    # markers at the current point, with the core's values
    assert ce_marker.x == (0.3,)
    assert ce_marker.y[0] == pytest.approx(focal.cross_entropy(0.3, y), rel=1e-15)
    assert fl_marker.y[0] == pytest.approx(focal.focal_loss(0.3, y, gamma), rel=1e-15)
    assert "markers" in ce_marker.mode
    assert_strict_json(fig)


@pytest.mark.parametrize("y", [0, 1])
def test_loss_figure_with_alpha_adds_balanced_ce(y: int) -> None:
    fig = make_loss(y=y, gamma=2.0, alpha=0.25, p=0.6)
    p = curves.probability_grid()
    names = [t.name for t in fig.data]
    assert names == ["CE-name", "FL-name", "CEB-name"] * 2
    assert_same_series(fig.data[0].y, focal.cross_entropy(p, y))
    assert_same_series(fig.data[1].y, focal.focal_loss(p, y, 2.0, 0.25))
    assert_same_series(fig.data[2].y, focal.focal_loss(p, y, 0.0, 0.25))
    assert fig.data[2].line.dash == "dot"
    assert fig.data[5].y[0] == pytest.approx(focal.focal_loss(0.6, y, 0.0, 0.25))
    assert fig.data[4].y[0] == pytest.approx(focal.focal_loss(0.6, y, 2.0, 0.25))
    assert_strict_json(fig)


def test_loss_figure_axis_p_t_plots_against_p_t() -> None:
    fig = make_loss(y=0, axis="p_t", p=0.2)
    p = curves.probability_grid()
    np.testing.assert_array_equal(fig.data[0].x, 1.0 - p)
    assert fig.data[2].x == (pytest.approx(0.8),)
    assert fig.layout.xaxis.title.text == "XPT"
    assert make_loss(y=0, axis="p").layout.xaxis.title.text == "XP"


def test_loss_figure_infinite_losses_are_gaps() -> None:
    fig = make_loss(y=1)
    # p = 0 is the only point where CE and FL are infinite for y = 1
    assert np.isnan(fig.data[0].y[0])
    assert np.isnan(fig.data[1].y[0])
    assert not np.isnan(fig.data[0].y[1:]).any()
    fig0 = make_loss(y=0)
    assert np.isnan(fig0.data[0].y[-1])
    assert fig0.data[0].y[0] == 0.0
    assert_strict_json(fig)
    assert_strict_json(fig0)


@pytest.mark.parametrize("log", [False, True])
@pytest.mark.parametrize(("y", "p"), [(1, 0.0), (0, 1.0)])
def test_infinite_point_sits_at_top_edge_reading_infinity(
    log: bool, y: int, p: float
) -> None:
    fig = make_loss(y=y, p=p, log=log)
    top = 10 ** LOG_LOSS_RANGE[1] if log else LINEAR_LOSS_RANGE[1]
    for marker in fig.data[2:]:
        assert marker.y == (pytest.approx(top),)
        assert marker.text == ("∞",)
        assert "text" in marker.mode
        assert marker.marker.symbol == "triangle-up"
        assert marker.cliponaxis is False
    assert_strict_json(fig)


def test_finite_point_has_no_infinity_text() -> None:
    fig = make_loss(p=0.9)
    for marker in fig.data[2:]:
        assert marker.text is None
        assert marker.mode == "markers"
        assert marker.marker.symbol == "circle"


def test_point_above_the_axis_is_clamped_to_the_top() -> None:
    fig = make_loss(p=0.001)  # CE = 6.9 > 5, the top of the linear axis
    assert fig.data[2].y == (LINEAR_LOSS_RANGE[1],)
    assert fig.data[2].marker.symbol == "triangle-up"


def test_log_sets_a_log_axis() -> None:
    assert make_loss(log=True).layout.yaxis.type == "log"
    assert make_loss(log=True).layout.yaxis.range == LOG_LOSS_RANGE
    assert make_loss(log=False).layout.yaxis.type != "log"
    assert make_loss(log=False).layout.yaxis.range == LINEAR_LOSS_RANGE


@pytest.mark.parametrize(
    ("y", "axis", "expected"),
    [
        (1, "p", (0.5, 1.0)),
        (0, "p", (0.0, 0.5)),
        (1, "p_t", (0.5, 1.0)),
        (0, "p_t", (0.5, 1.0)),
    ],
)
def test_well_classified_shading(
    y: int, axis: str, expected: tuple[float, float]
) -> None:
    fig = make_loss(y=y, axis=axis)
    shapes = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(shapes) == 1
    assert (shapes[0].x0, shapes[0].x1) == expected
    assert shapes[0].fillcolor == COLORS["shade"]
    assert shapes[0].layer == "below"
    assert [a.text for a in fig.layout.annotations] == ["WELL"]


def test_loss_figure_labels() -> None:
    fig = make_loss()
    assert fig.layout.title.text == "T"
    assert fig.layout.yaxis.title.text == "Y"
    assert fig.layout.xaxis.range == (0.0, 1.0)


# ------------------------------------------------------------ presenter sizes


def line_widths(fig: go.Figure) -> list[float]:
    return [t.line.width for t in fig.data if t.mode == "lines"]


@pytest.mark.parametrize(
    "build",
    [
        lambda presenter: make_loss(alpha=0.25, presenter=presenter),
        lambda presenter: make_family(presenter=presenter),
        lambda presenter: make_gradient(presenter=presenter),
    ],
    ids=["loss", "family", "gradient"],
)
def test_presenter_mode_is_larger(build) -> None:  # type: ignore[no-untyped-def]
    small, large = build(False), build(True)
    assert large.layout.font.size >= 20
    assert small.layout.font.size < large.layout.font.size
    small_widths, large_widths = line_widths(small), line_widths(large)
    assert small_widths
    assert len(small_widths) == len(large_widths)
    assert all(b > a for a, b in zip(small_widths, large_widths, strict=True))
    assert large.layout.height > small.layout.height
    small_markers = [t.marker.size for t in small.data if t.mode != "lines"]
    large_markers = [t.marker.size for t in large.data if t.mode != "lines"]
    assert all(b > a for a, b in zip(small_markers, large_markers, strict=True))


@pytest.mark.parametrize("presenter", [False, True])
@pytest.mark.parametrize(
    "build",
    [
        lambda presenter: make_loss(presenter=presenter),
        lambda presenter: make_family(presenter=presenter),
        lambda presenter: make_gradient(presenter=presenter),
    ],
    ids=["loss", "family", "gradient"],
)
def test_redrawn_figures_set_their_margins(build, presenter: bool) -> None:  # type: ignore[no-untyped-def]
    """No ``automargin`` (a second drawing on every slider move); room for the
    tick labels and titles grows with the font (the browser test checks that
    nothing is cut)."""
    layout = build(presenter).layout
    assert layout.xaxis.automargin is False and layout.yaxis.automargin is False
    assert layout.margin.l >= 5 * layout.font.size
    assert layout.margin.b >= 4 * layout.font.size


def test_fl_is_the_bold_line() -> None:
    fig = make_loss(alpha=0.25)
    ce, fl, ce_balanced = fig.data[:3]
    assert fl.line.width > ce.line.width
    assert fl.line.width > ce_balanced.line.width
    assert fl.line.color == COLORS["fl"]
    assert ce.line.color == COLORS["ce"]


# ----------------------------------------------------------------- family figure


@pytest.mark.parametrize("gamma", [0.0, 2.0, 3.7, 5.0])
def test_family_figure_traces_equal_core(gamma: float) -> None:
    fig = make_family(gamma)
    p_t = curves.probability_grid()
    gammas = curves.FIGURE1_GAMMAS
    assert [t.name for t in fig.data] == [
        *(f"g={g:g}" for g in gammas),
        f"now={gamma:g}",
    ]
    family = curves.focal_family(gammas)
    for trace, values in zip(fig.data[:-1], family, strict=True):
        np.testing.assert_array_equal(trace.x, p_t)
        assert_same_series(trace.y, values)
    bold = fig.data[-1]
    assert_same_series(bold.y, curves.focal_family((gamma,))[0])
    np.testing.assert_allclose(
        np.array(bold.y[1:], dtype=float),
        focal.focal_loss(p_t[1:], 1, gamma),
        rtol=1e-14,
    )
    assert bold.line.width > fig.data[0].line.width
    assert_strict_json(fig)


def test_family_figure_frames_sweep_the_bold_trace() -> None:
    fig = make_family(2.0)
    frame_gammas = curves.gamma_grid()
    frame_values = curves.focal_family(frame_gammas)
    bold = len(curves.FIGURE1_GAMMAS)
    assert len(fig.frames) == len(frame_gammas)
    for frame, g, values in zip(fig.frames, frame_gammas, frame_values, strict=True):
        assert frame.name == f"{g:g}"
        assert frame.traces == (bold,)
        assert len(frame.data) == 1
        assert frame.data[0].name == f"now={g:g}"
        assert_same_series(plotly_data(frame.data[0].y), values)
    # frame at γ = 2 draws the same curve as the bold trace drawn at γ = 2
    at_two = fig.frames[int(np.flatnonzero(frame_gammas == 2.0)[0])]
    np.testing.assert_allclose(
        plotly_data(at_two.data[0].y)[1:],
        np.array(fig.data[bold].y[1:], dtype=float),
        rtol=1e-14,
    )


def test_family_figure_play_button_animates() -> None:
    fig = make_family(2.0)
    (menu,) = fig.layout.updatemenus
    play, pause = menu.buttons
    assert play.method == "animate"
    assert play.label.endswith("PLAY")
    assert play.args[0] is None  # all frames
    assert pause.method == "animate"
    assert pause.label.endswith("PAUSE")
    (slider,) = fig.layout.sliders
    assert all(step.method == "animate" for step in slider.steps)
    # every slider step names an existing frame
    names = {frame.name for frame in fig.frames}
    assert {step.args[0][0] for step in slider.steps} <= names
    assert "2" in [step.label for step in slider.steps]


@pytest.mark.parametrize("gamma", [0.0, 2.0, 5.0])
def test_family_slider_starts_at_current_gamma(gamma: float) -> None:
    (slider,) = make_family(gamma).layout.sliders
    assert slider.steps[slider.active].label == f"{gamma:g}"


def test_family_figure_shades_well_classified() -> None:
    fig = make_family()
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert [(r.x0, r.x1) for r in rects] == [(0.5, 1.0)]
    assert "WELL" in [a.text for a in fig.layout.annotations]


def test_family_figure_json_is_strict() -> None:
    text = make_family(2.0).to_json()
    assert "NaN" not in text
    assert "Infinity" not in text
    json.loads(text)
    frame = make_family(2.0).frames[0]
    assert np.isnan(plotly_data(frame.data[0].y)[0])  # p_t = 0: a gap, binary in JSON


# --------------------------------------------------------------- gradient figure


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("alpha", [None, 0.25])
def test_gradient_figure_traces_equal_core(y: int, alpha: float | None) -> None:
    fig = make_gradient(y=y, alpha=alpha, p=0.3)
    names = [t.name for t in fig.data]
    assert names == ["dCE", "dFL", "dFL*"] * 2
    x = np.linspace(-10.0, 10.0, 801)
    np.testing.assert_array_equal(fig.data[0].x, x)
    np.testing.assert_array_equal(fig.data[0].y, focal.grad_cross_entropy(x, y))
    np.testing.assert_array_equal(
        fig.data[1].y, focal.grad_focal_loss(x, y, 2.0, alpha)
    )
    np.testing.assert_array_equal(
        fig.data[2].y, focal.grad_focal_loss_star(x, y, *curves.FL_STAR_SETTING)
    )
    x0 = float(focal.logit(0.3))
    markers = fig.data[3:]
    assert all(m.x == (pytest.approx(x0),) for m in markers)
    assert markers[0].y[0] == pytest.approx(focal.grad_cross_entropy(x0, y))
    assert markers[1].y[0] == pytest.approx(focal.grad_focal_loss(x0, y, 2.0, alpha))
    assert all(m.mode == "markers" for m in markers)
    assert_strict_json(fig)


@pytest.mark.parametrize("p", [0.0, 1.0, 1e-9])
def test_gradient_figure_no_marker_off_the_grid(p: float) -> None:
    # p = 0 or 1: logit ±∞; p = 1e-9: x = -20.7, beyond the plotted [-10, 10]
    fig = make_gradient(p=p)
    assert [t.mode for t in fig.data] == ["lines"] * 3
    assert_strict_json(fig)


def test_gradient_figure_labels() -> None:
    fig = make_gradient()
    assert fig.layout.title.text == "T"
    assert fig.layout.xaxis.title.text == "X"
    assert fig.layout.yaxis.title.text == "Y"
