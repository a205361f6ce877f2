"""A figure fitted to a phone: long titles in lines, a wide legend under the
title, the plot keeping its height; a figure that fits is left alone.

The browser tests (``tests/browser/test_phone.py``) check the drawn result on
real phone screens: no chart text outside its chart."""

from __future__ import annotations

import copy

import numpy as np
import plotly.graph_objects as go
import pytest

from focal.figures import Look, _figure, _layout
from focal.figures.imbalance import share_figure
from focal.figures.phone import (
    GAP,
    LINE_SPACING,
    PHONE_WIDTH,
    TITLE_SCALE,
    for_phone,
    text_width,
    wrap_title,
)
from focal.figures.training import boundary_figure
from focal.figures.variants import table1_figure

LOOK = Look.of(False)
TITLE_SIZE = round(TITLE_SCALE * LOOK.font)


def figure(title: str, names: list[str]) -> go.Figure:
    """A builder's layout (title top left, legend over the plot) with lines."""
    data = [{"type": "scatter", "x": [0, 1], "y": [0, 1], "name": n} for n in names]
    return _figure(data, _layout(LOOK, title, "x", "y"))


def test_short_title_stays_one_line() -> None:
    assert wrap_title("Derivatives for y = 1", 320, TITLE_SIZE) == [
        "Derivatives for y = 1"
    ]


def test_long_title_breaks_at_spaces_within_the_width() -> None:
    title = "Loss against p_t for a positive (y = 1, IoU target q = 1)"
    lines = wrap_title(title, 320, TITLE_SIZE)
    assert len(lines) == 2
    assert " ".join(lines) == title
    assert all(text_width(line, TITLE_SIZE) <= 320 for line in lines)


def test_a_name_with_its_value_is_not_split() -> None:
    # "γ = 2" reads as one thing: no line ends on "γ =" or starts with "= 2"
    lines = wrap_title("FL (γ = 2) against α-balanced CE (α = 0.25) by group", 200, 20)
    assert all(not line.endswith("=") and not line.startswith("=") for line in lines)
    assert any("(γ = 2)" in line for line in lines)


def test_chinese_breaks_between_characters() -> None:
    title = "图像损失中各组所占的份额，这是一个很长的中文标题"
    lines = wrap_title(title, 320, TITLE_SIZE)
    assert len(lines) == 2
    assert "".join(lines) == title
    # a Chinese character is as wide as the font is high
    assert text_width(lines[0], TITLE_SIZE) <= 320 < 17 * TITLE_SIZE


def test_a_break_already_in_the_title_stays() -> None:
    assert wrap_title("First<br>Second", 320, TITLE_SIZE) == ["First", "Second"]


def test_a_figure_that_fits_keeps_its_layout() -> None:
    fitted = for_phone(figure("Loss for y = 1", ["CE", "FL (γ = 2)"]))
    original = figure("Loss for y = 1", ["CE", "FL (γ = 2)"])
    assert fitted.layout.title.text == original.layout.title.text
    assert fitted.layout.legend == original.layout.legend
    assert fitted.layout.height == original.layout.height
    # but the last x tick label, centred on the plot's edge, gets half its room
    assert fitted.layout.margin.r >= LOOK.font
    # and a swipe over it scrolls the page instead of zooming
    assert fitted.layout.dragmode is False
    assert original.layout.dragmode is None


def test_wide_legend_moves_under_the_title_and_the_plot_keeps_its_height() -> None:
    names = ["dCE/dx", "dFL/dx (γ = 2)", "dFL*/dx (γ* = 2, β = 1)"]
    original = figure("Derivatives for y = 1", names)
    fitted = for_phone(copy.deepcopy(original))
    legend, margin = fitted.layout.legend, fitted.layout.margin
    # placed on the chart, from its left edge, under the one-line title
    assert (legend.xref, legend.x, legend.xanchor) == ("container", 0.0, "left")
    assert (legend.yref, legend.yanchor) == ("container", "top")
    height = fitted.layout.height
    title_bottom = GAP + LINE_SPACING * TITLE_SIZE
    assert (1 - legend.y) * height == pytest.approx(title_bottom + GAP)
    # the top margin reaches below the legend's rows (Plotly draws them there)
    assert margin.t > title_bottom + GAP + 2 * LOOK.font
    # the chart grew by what its top margin grew: the plot is as high as before
    plot = height - margin.t - margin.b
    assert plot == original.layout.height - original.layout.margin.t - margin.b


def test_long_title_is_broken_and_placed_in_the_top_margin() -> None:
    title = "Loss against p_t for a positive (y = 1, IoU target q = 1)"
    fitted = for_phone(figure(title, ["CE"]))
    shown = fitted.layout.title
    assert shown.text.count("<br>") == 1
    assert shown.text.replace("<br>", " ") == title
    assert (shown.yref, shown.yanchor) == ("container", "middle")
    # the two lines end above the plot
    block = 2 * LINE_SPACING * TITLE_SIZE
    assert (1 - shown.y) * fitted.layout.height + block / 2 <= fitted.layout.margin.t


def test_imbalance_bars_legend_and_title_share_the_top_without_overlap() -> None:
    fitted = for_phone(
        share_figure(
            np.full((3, 3), 1 / 3),
            np.ones((3, 3)),
            np.ones((3, 3)),
            bars=["CE", "α-balanced CE (α = 0.25)", "FL (γ = 2)"],
            groups=["positives", "hard negatives", "easy negatives"],
            labels={
                "title": "Share of the image's loss by group",
                "y": "share",
                "total": "total",
                "per_positive": "per positive",
            },
        )
    )
    legend = fitted.layout.legend
    assert legend.yref == "container"
    title_bottom = (1 - fitted.layout.title.y) * fitted.layout.height
    assert (1 - legend.y) * fitted.layout.height > title_bottom


def test_a_legend_placed_elsewhere_is_left_there() -> None:
    # Table 1's legend sits under its x axis: not the builders' default place
    original = table1_figure(
        [0.1, 0.5],
        {"ap": [1.0, 2.0], "ap50": [2.0, 3.0], "ap75": [1.5, 2.5]},
        0.25,
        point_text=["1", "2"],
        labels={
            "title": "Table 1(a)",
            "x": "α",
            "x_name": "α",
            "y": "AP",
            "current": "now",
            "source": "reported",
            "ap": "AP",
            "ap50": "AP50",
            "ap75": "AP75",
        },
    )
    fitted = for_phone(copy.deepcopy(original))
    assert fitted.layout.legend == original.layout.legend
    assert fitted.layout.title.text == original.layout.title.text


def test_the_width_is_a_phone_screen() -> None:
    # a 360 px screen less Streamlit's page margins on a phone
    assert 320 <= PHONE_WIDTH <= 340


def test_a_square_plot_gets_a_chart_as_tall_as_a_phone_makes_it() -> None:
    # the decision boundary's plot is square (y scaled to x): no white bands
    grid = np.linspace(-4.0, 4.0, 5)
    original = boundary_figure(
        (grid, grid, np.full((5, 5), 0.5)),
        np.zeros((4, 2)),
        np.array([0, 0, 1, 1]),
        labels={
            "title": "CE · p after 200 steps",
            "x": "x1",
            "y": "x2",
            "p": "p",
            "boundary": "p = 0.5",
            "negatives": "negatives",
            "positives": "positives",
        },
    )
    fitted = for_phone(copy.deepcopy(original))
    plot_height = fitted.layout.height - fitted.layout.margin.t
    # about the plot's width (the chart less the y axis and the colour bar)
    assert plot_height - 4 * LOOK.font <= PHONE_WIDTH - 90 - 60 + 1
    assert fitted.layout.height < original.layout.height
