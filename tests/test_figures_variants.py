"""The Variants page's figure builders draw exactly the arrays they are given."""

from __future__ import annotations

import math

import numpy as np
import pytest

import focal
from focal import curves, paper
from focal.figures import LOG_LOSS_RANGE
from focal.figures.variants import STYLES, table1_figure, variants_figure
from focal.variants import VARIANTS, variant_losses
from tests.helpers import figure_data

LABELS = {
    "title": "T",
    "x": "p_t",
    "y": "loss",
    "well_classified": "well",
    **{key: f"{key} (full)" for key in VARIANTS},
    **{f"{key}_short": key.upper() for key in VARIANTS},
}
TABLE_LABELS = {
    "title": "Table",
    "x": "α",
    "x_name": "α",
    "y": "AP",
    "current": "now",
    "source": "reported in Lin et al. 2017, Table 1",
    "ap": "AP",
    "ap50": "AP50",
    "ap75": "AP75",
}


def variants_spec(y: int = 1, log: bool = False, presenter: bool = False):
    grid = curves.probability_grid(101)
    series = variant_losses(grid, y, 2.0, None)
    point = variant_losses(0.9, y, 2.0, None)
    figure = variants_figure(
        focal.p_t(grid, y),
        series,
        focal.p_t(0.9, y),
        point,
        labels=LABELS,
        log=log,
        presenter=presenter,
    )
    return figure_data(figure), grid, series, point


@pytest.mark.parametrize("y", [0, 1])
def test_lines_are_the_core_arrays_with_gaps_for_infinity(y: int) -> None:
    spec, grid, series, _ = variants_spec(y)
    lines = [t for t in spec["data"] if t["mode"] == "lines"]
    assert [t["name"] for t in lines] == [key.upper() for key in VARIANTS]
    for trace, key in zip(lines, VARIANTS, strict=True):
        np.testing.assert_array_equal(trace["x"], focal.p_t(grid, y))
        values = np.asarray(trace["y"], dtype=float)
        finite = np.isfinite(series[key])
        np.testing.assert_array_equal(values[finite], series[key][finite])
        assert np.isnan(values[~finite]).all()
        assert trace["hovertemplate"].startswith(f"{key} (full)<br>")
        assert trace["line"]["color"] == STYLES[key][0]
    widths = {t["name"]: t["line"]["width"] for t in lines}
    assert widths["FL"] == max(widths.values())


def test_markers_sit_at_the_current_point() -> None:
    spec, _, _, point = variants_spec()
    markers = [t for t in spec["data"] if t["mode"] != "lines"]
    assert len(markers) == len(VARIANTS)
    for marker, key in zip(markers, VARIANTS, strict=True):
        assert marker["x"] == [pytest.approx(0.9)]
        assert marker["y"] == [point[key]]
        assert not marker["showlegend"]


def test_infinite_point_is_a_triangle_at_the_top() -> None:
    grid = curves.probability_grid(11)
    series = variant_losses(grid, 1)
    point = variant_losses(0.0, 1)
    spec = figure_data(
        variants_figure(grid, series, 0.0, point, labels=LABELS, log=False)
    )
    ce_marker = next(t for t in spec["data"] if t["mode"] != "lines")
    assert ce_marker["y"] == [5.0]
    assert ce_marker["text"] == ["∞"]
    assert ce_marker["marker"]["symbol"] == "triangle-up"


def test_axes_linear_log_and_negative_values() -> None:
    spec, *_ = variants_spec()
    assert spec["layout"]["yaxis"]["range"] == [0.0, 5.0]
    assert spec["layout"]["xaxis"]["range"] == [0.0, 1.0]
    spec, *_ = variants_spec(log=True)
    assert spec["layout"]["yaxis"]["type"] == "log"
    assert spec["layout"]["yaxis"]["range"] == list(LOG_LOSS_RANGE)
    # Poly-1 with α and ε = −1 dips below 0: the axis shows it
    grid = curves.probability_grid(101)
    poly = focal.poly1_focal_loss(grid, 1, 2.0, -1.0, 0.25)
    spec = figure_data(
        variants_figure(grid, {"poly1": poly}, 0.5, {"poly1": 0.0}, labels=LABELS)
    )
    low = spec["layout"]["yaxis"]["range"][0]
    assert low < np.nanmin(poly[np.isfinite(poly)]) < 0.0


def test_presenter_sizes_and_legend_below_the_axis_title() -> None:
    for presenter in (False, True):
        spec, *_ = variants_spec(presenter=presenter)
        layout = spec["layout"]
        assert (layout["font"]["size"] >= 20) is presenter
        assert layout["legend"]["y"] < 0 and layout["legend"]["yanchor"] == "top"
        # the legend starts below the tick labels and the axis title
        plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        assert -layout["legend"]["y"] * plot >= 3 * layout["font"]["size"]


def _table(rows, setting: str, current: float, presenter: bool = False):
    x = [getattr(row, setting) for row in rows]
    series = {
        key: [getattr(row, key) for row in rows] for key in ("ap", "ap50", "ap75")
    }
    texts = [f"{row.ap:.1f}" for row in rows]
    figure = table1_figure(
        x, series, current, point_text=texts, labels=TABLE_LABELS, presenter=presenter
    )
    return figure_data(figure), x, series, texts


@pytest.mark.parametrize(
    ("rows", "setting"), [(paper.TABLE_1A, "alpha"), (paper.TABLE_1B, "gamma")]
)
def test_table1_draws_the_reported_numbers(rows, setting: str) -> None:
    spec, x, series, texts = _table(rows, setting, 0.4)
    assert [t["name"] for t in spec["data"]] == ["AP", "AP50", "AP75"]
    for trace, key in zip(spec["data"], series, strict=True):
        np.testing.assert_array_equal(trace["x"], x)
        np.testing.assert_array_equal(trace["y"], series[key])
    (line,) = [s for s in spec["layout"]["shapes"] if s["type"] == "line"]
    assert line["x0"] == line["x1"] == 0.4
    assert spec["layout"]["title"]["subtitle"]["text"] == TABLE_LABELS["source"]
    labels = [a for a in spec["layout"]["annotations"] if a.get("showarrow")]
    assert [a["text"] for a in labels] == texts
    assert [(a["x"], a["y"]) for a in labels] == list(zip(x, series["ap"], strict=True))
    assert spec["layout"]["yaxis"]["range"][1] > max(series["ap50"])


def test_table1_close_labels_lean_apart_and_empty_ones_are_left_out() -> None:
    spec, *_ = _table(paper.TABLE_1A, "alpha", 0.25)
    labels = [a for a in spec["layout"]["annotations"] if a.get("showarrow")]
    by_alpha = {a["x"]: a for a in labels}
    assert by_alpha[0.99]["ax"] < 0 < by_alpha[0.999]["ax"]
    assert by_alpha[0.5]["ax"] == 0
    x = [0.0, 1.0, 2.0]
    spec = figure_data(
        table1_figure(
            x,
            {"ap": [1.0, 2.0, 3.0], "ap50": [2.0, 3.0, 4.0], "ap75": [1.5, 2.5, 3.5]},
            math.pi,
            point_text=["a", "", "c"],
            labels=TABLE_LABELS,
        )
    )
    labels = [a for a in spec["layout"]["annotations"] if a.get("showarrow")]
    assert [a["text"] for a in labels] == ["a", "c"]


def test_table1_presenter_fonts() -> None:
    spec, *_ = _table(paper.TABLE_1B, "gamma", 2.0, presenter=True)
    assert spec["layout"]["font"]["size"] >= 20
    sizes = [a["font"]["size"] for a in spec["layout"]["annotations"]]
    assert min(sizes) >= 20
    assert spec["layout"]["title"]["subtitle"]["font"]["size"] >= 20
