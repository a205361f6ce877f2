"""Figures of the Imbalance page draw the core's numbers as they are."""

from __future__ import annotations

import json

import numpy as np
import plotly.io as pio
import pytest

from focal import cumulative_loss, draw_population, loss_by_group
from focal.figures import COLORS, Look
from focal.figures.imbalance import (
    FIGURE4_COLORS,
    GROUP_COLORS,
    cumulative_figure,
    share_figure,
)

GROUPS = ["positives", "hard negatives", "easy negatives"]
BARS = ["CE", "α-CE", "FL"]
SHARE_LABELS = {"title": "T", "y": "share", "total": "sum", "per_positive": "per pos"}
CURVE_LABELS = {
    "title": "Negatives",
    "x": "fraction",
    "y": "cumulative",
    "gamma": "γ = {gamma}",
    "current": "now γ = {gamma}",
}


@pytest.fixture(scope="module")
def population():
    return draw_population(7, 40, 10_600, 1.0, 0)


@pytest.fixture(scope="module")
def losses(population):
    return loss_by_group(population.x, population.y, population.group, 2.0, 0.25)


def shares_of(losses, rows=(0, 1, 2), presenter=False):
    rows = list(rows)  # a list indexes rows, a tuple would index dimensions
    return share_figure(
        losses.shares[rows],
        losses.totals[rows],
        losses.per_positive[rows],
        bars=BARS,
        groups=GROUPS,
        labels=SHARE_LABELS,
        presenter=presenter,
    )


def test_share_figure_stacks_one_trace_per_group(losses) -> None:
    figure = shares_of(losses)
    assert figure.layout.barmode == "stack"
    names = [trace.name for trace in figure.data]
    assert names == ["easy negatives", "hard negatives", "positives"]  # bottom up
    for trace, g in zip(figure.data, (2, 1, 0), strict=True):
        assert trace.type == "bar"
        assert list(trace.x) == BARS
        np.testing.assert_array_equal(trace.y, losses.shares[:3, g])
        np.testing.assert_array_equal(
            np.asarray(trace.customdata),
            np.column_stack([losses.totals[:3, g], losses.per_positive[:3, g]]),
        )
        assert trace.marker.color == GROUP_COLORS[g]
        assert "sum" in trace.hovertemplate and "per pos" in trace.hovertemplate
    assert figure.layout.yaxis.range == (0.0, 1.0)
    assert figure.layout.yaxis.tickformat == ".0%"
    assert figure.layout.title.text == "T"


def test_share_figure_rows_can_be_any_losses(losses) -> None:
    figure = shares_of(losses, rows=(0, 1, 3))
    np.testing.assert_array_equal(figure.data[0].y, losses.shares[[0, 1, 3], 2])


@pytest.mark.parametrize("presenter", [False, True])
def test_share_figure_sizes(losses, presenter: bool) -> None:
    figure = shares_of(losses, presenter=presenter)
    look = Look.of(presenter)
    assert figure.layout.font.size == look.font
    assert (figure.layout.font.size >= 20) is presenter
    assert all(trace.textfont.size == look.font for trace in figure.data)


def test_share_figure_serialises_without_nan(losses) -> None:
    spec = pio.to_json(shares_of(losses), validate=False)
    assert "NaN" not in spec
    json.loads(spec)


def curves_of(population, gamma: float, presenter: bool = False):
    gammas = (0.0, 0.5, 1.0, 2.0) + (() if gamma in (0.0, 0.5, 1.0, 2.0) else (gamma,))
    curves = cumulative_loss(population.x, population.y, gammas)
    figure = cumulative_figure(
        curves.fraction_negatives,
        curves.negatives,
        curves.gamma,
        gamma,
        labels=CURVE_LABELS,
        presenter=presenter,
    )
    return curves, figure


@pytest.mark.parametrize("gamma", [2.0, 3.0, 0.0])
def test_cumulative_figure_draws_every_curve_the_current_one_bold(
    population, gamma: float
) -> None:
    curves, figure = curves_of(population, gamma)
    assert len(figure.data) == curves.gamma.size
    look = Look.of(False)
    for index, (trace, g, row) in enumerate(
        zip(figure.data, curves.gamma, curves.negatives, strict=True)
    ):
        np.testing.assert_array_equal(trace.x, curves.fraction_negatives)
        np.testing.assert_array_equal(trace.y, row)
        if g == gamma:
            assert trace.name == f"now γ = {g:g}"
            assert trace.line.color == COLORS["fl"]
            assert trace.line.width == look.bold
        else:
            assert trace.name == f"γ = {g:g}"
            assert trace.line.color == FIGURE4_COLORS[index]  # colour by γ
            assert trace.line.width == look.line
    assert sum(trace.line.width == look.bold for trace in figure.data) == 1
    assert figure.layout.xaxis.range == (0.0, 1.0)
    assert figure.layout.yaxis.range == (0.0, 1.0)
    assert figure.layout.xaxis.title.text == "fraction"


def test_cumulative_figure_in_presenter_mode(population) -> None:
    _, figure = curves_of(population, 2.0, presenter=True)
    assert figure.layout.font.size >= 20
    assert max(trace.line.width for trace in figure.data) == Look.of(True).bold


def test_cumulative_figure_draws_a_curve_without_loss_as_a_gap() -> None:
    curves = cumulative_loss([np.inf, np.inf], [1, 1], [0.0, 2.0], 5)
    figure = cumulative_figure(
        curves.fraction_positives,
        curves.positives,
        curves.gamma,
        2.0,
        labels=CURVE_LABELS,
    )
    assert all(np.isnan(np.asarray(t.y, dtype=float)).all() for t in figure.data)
