"""The Explorer's cached figures: the same content as the builders', built once."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from focal import curves
from focal.ui.charts import SharedFigure, figure_1, figure_1_sweep, loss_chart


def test_shared_figure_hands_out_its_finished_dict() -> None:
    built = go.Figure(go.Scatter(x=[0.0, 1.0], y=[2.0, 3.0], name="CE"))
    shared = SharedFigure(built.to_dict())
    assert shared.to_dict() is shared.to_dict()
    assert json.loads(pio.to_json(shared)) == json.loads(pio.to_json(built))


@pytest.mark.parametrize(
    ("chart", "args", "other"),
    [
        (loss_chart, (0.3, 1, 2.0, None, "p", False, "en", False), 0.31),
        (figure_1, (2.0, "zh", True), 2.1),
    ],
)
def test_built_once_per_state(chart, args, other) -> None:
    first = chart(*args)
    assert isinstance(first, SharedFigure)
    assert chart(*args) is first  # a second session gets the same object
    changed = chart(other, *args[1:])
    assert changed is not first
    assert pio.to_json(changed) != pio.to_json(first)


@pytest.mark.parametrize(("lang", "present"), [("en", False), ("zh", True)])
def test_the_sweep_is_the_same_for_every_gamma(lang: str, present: bool) -> None:
    """Figure 1's animation: 51 frames that no γ changes, so Streamlit sends a
    browser that has it a reference; the still figure carries no frames."""
    sweep = figure_1_sweep(lang, present).to_dict()
    assert len(sweep["frames"]) == curves.gamma_grid().size
    assert sweep["layout"]["sliders"][0]["active"] == 0  # from γ = 0
    for gamma in (0.0, 2.0, 4.9):
        still = figure_1(gamma, lang, present).to_dict()
        assert not still.get("frames")
        assert "sliders" not in still["layout"]
        assert "updatemenus" not in still["layout"]
    assert figure_1_sweep(lang, present) is figure_1_sweep(lang, present)


def test_caches_are_bounded() -> None:
    """Many distinct states (random students) keep at most ``_ENTRIES`` figures."""
    from focal.ui import charts

    for index in range(charts._ENTRIES + 20):
        charts.loss_chart(index / 1000, 1, 2.0, None, "p", False, "en", False)
    assert charts.loss_chart.cache_info().currsize == charts._ENTRIES
    assert charts.loss_chart.cache_info().maxsize == charts._ENTRIES
