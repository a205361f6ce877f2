"""The Explorer's cached figures: the same content as the builders', built once."""

from __future__ import annotations

import json

import plotly.io as pio
import pytest

from focal import curves
from focal.figures import ratio_figure
from focal.ui.charts import SharedFigure, figure_1, loss_chart, ratio_chart
from focal.ui.strings import strings


def test_shared_figure_hands_out_its_finished_dict() -> None:
    built = ratio_figure(curves.ratio_curves(0.1, 0.9), 2.0, labels=LABELS)
    shared = SharedFigure(built.to_dict())
    assert shared.to_dict() is shared.to_dict()
    assert json.loads(pio.to_json(shared)) == json.loads(pio.to_json(built))


LABELS = {
    key: strings("en")[f"ratio.{name}"]
    for key, name in [
        ("title", "title"),
        ("x", "x"),
        ("y", "y"),
        ("ce", "ce_line"),
        ("fl", "fl_line"),
        ("current", "current"),
    ]
}


def test_ratio_chart_is_the_builders_figure() -> None:
    labels = {**LABELS, "current": LABELS["current"].format(gamma="2")}
    built = ratio_figure(curves.ratio_curves(0.2, 0.8), 2.0, labels=labels)
    shown = ratio_chart(0.2, 0.8, 2.0, "en", False)
    assert json.loads(pio.to_json(shown)) == json.loads(pio.to_json(built))


@pytest.mark.parametrize(
    ("chart", "args", "other"),
    [
        (loss_chart, (0.3, 1, 2.0, None, "p", False, "en", False), 0.31),
        (ratio_chart, (0.1, 0.9, 2.0, "en", False), 0.11),
        (figure_1, (2.0, "zh", True), 2.1),
    ],
)
def test_built_once_per_state(chart, args, other) -> None:
    first = chart(*args)
    assert isinstance(first, SharedFigure)
    assert chart(*args) is first  # a second session gets the same object
    changed = chart(other, *args[1:])
    assert changed is not first
    assert changed.to_dict() != first.to_dict()


def test_caches_are_bounded() -> None:
    """Many distinct states (random students) keep at most ``_ENTRIES`` figures."""
    from focal.ui import charts

    for index in range(charts._ENTRIES + 20):
        charts.ratio_chart(index / 1000, 0.9, 2.0, "en", False)
    assert charts.ratio_chart.cache_info().currsize == charts._ENTRIES
    assert charts.ratio_chart.cache_info().maxsize == charts._ENTRIES
