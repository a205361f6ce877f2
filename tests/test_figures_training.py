"""Figures of the Training page: traces and data exactly as the core computed them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from focal import training
from focal.figures.training import (
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    SIDE_COLORS,
    boundary_figure,
    loss_history_figure,
)
from tests.helpers import figure_data

BOUNDARY_LABELS = {
    "title": "CE · p after 20 steps",
    "x": "x₁",
    "y": "x₂",
    "p": "p",
    "boundary": "p = 0.5",
    "negatives": "negatives",
    "positives": "positives",
}
LOSS_LABELS = {"title": "loss", "x": "step", "y": "loss", "left": "CE", "right": "FL"}


@pytest.fixture(scope="module")
def outcome() -> tuple[training.Dataset, training.Outcome]:
    data = training.make_dataset(2000, 50.0, 1)
    return data, training.run_experiment(data, loss="ce", steps=20, resolution=21)


@pytest.mark.parametrize("presenter", [False, True])
def test_boundary_figure_draws_the_grid_and_the_points(outcome, presenter) -> None:
    data, result = outcome
    chosen = training.display_sample(data.y_train, 300, 0)
    figure = boundary_figure(
        result.grid,
        data.x_train[chosen],
        data.y_train[chosen],
        labels=BOUNDARY_LABELS,
        presenter=presenter,
    )
    spec = figure_data(figure)
    fill, line, negatives, positives = spec["data"]
    first, second, p = result.grid
    for contour in (fill, line):
        assert contour["type"] == "contour"
        np.testing.assert_array_equal(contour["x"], first.astype(np.float32))
        np.testing.assert_array_equal(contour["y"], second.astype(np.float32))
        # p to the hover's three decimals, as float32: no more digits than shown
        assert contour["z"].dtype == np.float32
        np.testing.assert_allclose(contour["z"], p, rtol=0, atol=5.001e-4)
        np.testing.assert_array_equal(contour["z"], np.round(p, 3).astype(np.float32))
        assert contour["z"].shape == (21, 21)
    assert fill["contours"]["coloring"] == "fill"
    assert line["contours"]["start"] == line["contours"]["end"] == 0.5
    assert line["contours"]["coloring"] == "none"
    assert line["name"] == "p = 0.5"
    shown_x, shown_y = data.x_train[chosen], data.y_train[chosen]
    for trace, label, color in (
        (negatives, 0.0, NEGATIVE_COLOR),
        (positives, 1.0, POSITIVE_COLOR),
    ):
        assert trace["marker"]["color"] == color
        np.testing.assert_array_equal(trace["x"], shown_x[shown_y == label, 0])
        np.testing.assert_array_equal(trace["y"], shown_x[shown_y == label, 1])
    assert positives["name"] == "positives" and negatives["name"] == "negatives"
    layout = spec["layout"]
    assert layout["title"]["text"] == BOUNDARY_LABELS["title"]
    assert layout["yaxis"]["scaleanchor"] == "x"  # the plane is not stretched
    assert layout["xaxis"]["range"] == list(training.BOUNDS)
    assert (layout["font"]["size"] >= 20) is presenter


def test_boundary_figure_sends_big_arrays_as_binary(outcome) -> None:
    data, result = outcome
    figure = boundary_figure(
        result.grid, data.x_train, data.y_train, labels=BOUNDARY_LABELS
    )
    raw = json.loads(figure.to_json())
    assert set(raw["data"][0]["z"]) == {"dtype", "bdata", "shape"}
    assert set(raw["data"][2]["x"]) == {"dtype", "bdata"}


@pytest.mark.parametrize("presenter", [False, True])
def test_loss_figure_has_one_line_per_run(presenter) -> None:
    steps = np.arange(6.0)
    losses = {"left": np.linspace(3.0, 1.0, 6), "right": np.linspace(0.5, 0.1, 6)}
    spec = figure_data(
        loss_history_figure(steps, losses, labels=LOSS_LABELS, presenter=presenter)
    )
    left, right = spec["data"]
    for trace, side in ((left, "left"), (right, "right")):
        np.testing.assert_array_equal(trace["x"], steps)
        np.testing.assert_array_equal(trace["y"], losses[side])
        assert trace["name"] == LOSS_LABELS[side]
        assert trace["line"]["color"] == SIDE_COLORS[side]
    assert right["line"]["dash"] == "dash"  # the two runs differ without colour
    assert spec["layout"]["yaxis"]["type"] == "log"
    assert spec["layout"]["xaxis"]["title"]["text"] == "step"
    assert (spec["layout"]["font"]["size"] >= 20) is presenter
