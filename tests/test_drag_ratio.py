"""The hard/easy chart's series (focal/on_drag_ratio.py, focal/ui/drag_ratio.py)
against the core.

Every series the chart's mounts receive is checked against
``focal.hard_easy_ratio`` (and a few points against mpmath): the γ and p_t
grids against the sliders' steps, each CE and FL ratio path (every point of
the γ grid within 0.1 px of the simplified path), the marker rows and every
formatted number, with the pixels mapped here independently of the module.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import astuple

import numpy as np
import pytest

import focal
from focal import on_drag_ratio
from focal.ui import drag_ratio, svg
from focal.ui.display import times
from focal.ui.params import BY_KEY
from focal.ui.screen import Screen
from focal.ui.strings import strings
from tests import reference
from tests.helpers import assert_svg_path, slider_steps

#: (p_hard, p_easy, γ): the default, 0/0, an infinite ratio, hard = 1, a mixed one
STATES = [
    (0.1, 0.9, 2.0),
    (1.0, 1.0, 0.0),
    (0.3, 1.0, 5.0),
    (1.0, 0.5, 1.3),
    (0.0, 0.99, 0.1),
    (0.9, 0.1, 3.7),
]
SCREENS = list(Screen)


def core(hard, easy, gamma) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ratios, one point at a time, straight from ``focal.hard_easy_ratio``."""
    ratios = np.vectorize(
        lambda h, e, g: astuple(focal.hard_easy_ratio(float(h), float(e), 1, float(g))),
        otypes=[float] * 3,
    )
    return ratios(hard, easy, gamma)


def ratio_rows(frame, ratio, span) -> np.ndarray:
    """The test's own mapping: log10 on ``span``, clamped 20 px past the plot;
    +inf and 0 on its edges; NaN stays NaN."""
    ratio = np.asarray(ratio, float)
    low, high = span
    per_decade = (frame.bottom - frame.top) / (high - low)
    with np.errstate(divide="ignore", invalid="ignore"):
        y = frame.bottom - (np.log10(ratio) - low) * per_decade
    y = np.clip(y, frame.top - 20, frame.bottom + 20)
    y = np.where(np.isposinf(ratio), frame.top, y)
    return np.where(ratio == 0, frame.bottom, y)


def assert_markers(got: list, frame, ratio, span) -> None:
    """The marker rows: the curve's rows clamped to the plot, to 0.05 px; no
    marker (None) where the ratio is NaN (0/0)."""
    rows = np.clip(ratio_rows(frame, ratio, span), frame.top, frame.bottom)
    assert [g is None for g in got] == np.isnan(rows).tolist()
    np.testing.assert_allclose(np.array(got, float), rows, atol=0.051)


def received(grid, hard, easy, gamma, screen) -> dict:
    """The curves' and the chart's data as the chart's script reads them (as
    JSON): along p_hard and p_easy, the curves' paths with the chart's numbers."""
    curves = drag_ratio.curves_data(hard, easy, screen)
    chart = drag_ratio.chart_data(grid, curves, hard, easy, gamma, screen)
    curves, chart = json.loads(json.dumps(curves)), json.loads(json.dumps(chart))
    assert chart["curves"] == curves["id"] and chart["grid"] == grid["id"]
    merged = {**curves, **chart}
    for key in ("at_hard", "at_easy"):
        merged[key] = {**curves[key], **chart[key]}
    return merged


def test_the_grids_are_the_sliders_steps() -> None:
    drag = on_drag_ratio.ratio_drag(0.1, 0.9, 2.0)
    np.testing.assert_array_equal(drag.gammas, slider_steps("gamma"))
    np.testing.assert_array_equal(drag.ps, slider_steps("hard"))
    np.testing.assert_array_equal(drag.ps, slider_steps("easy"))
    assert (len(drag.gammas), len(drag.ps)) == (51, 101)
    grid = drag_ratio.grid_data("en", Screen.LAPTOP)
    assert grid["g"] == [f"{v:.1f}" for v in slider_steps("gamma")]
    assert grid["p"] == [f"{v:.2f}" for v in slider_steps("hard")]
    assert (grid["g_step"], grid["p_step"]) == (
        BY_KEY["gamma"].step,
        BY_KEY["hard"].step,
    )
    assert BY_KEY["easy"].step == BY_KEY["hard"].step


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("state", STATES, ids=str)
def test_every_series_the_chart_receives_is_the_core(state, screen: Screen) -> None:
    hard, easy, gamma = state
    grid = drag_ratio.grid_data("en", screen)
    data = received(grid, hard, easy, gamma, screen)
    frame = drag_ratio.frame_of(screen)
    gammas, ps = slider_steps("gamma"), slider_steps("hard")
    gx = frame.left + gammas / 5.0 * (frame.width - frame.left - frame.right)
    np.testing.assert_allclose(grid["gx"], gx, atol=0.051)
    span = tuple(data["decades"])
    assert (data["hard"], data["easy"], data["gamma"]) == (hard, easy, gamma)
    along = {
        "at_gamma": (hard, easy, gammas),
        "at_hard": (ps, easy, gamma),
        "at_easy": (hard, ps, gamma),
    }
    for key, point in along.items():
        ce, fl, amplification = core(*point)
        got = data[key]
        assert got["ce"] == [times(v) for v in np.broadcast_to(ce, fl.shape)], key
        assert got["fl"] == [times(v) for v in fl], key
        assert got["amp"] == [times(v, "×") for v in amplification], key
        assert_markers(got["ce_y"], frame, np.broadcast_to(ce, fl.shape), span)
        assert_markers(got["fl_y"], frame, fl, span)
    for key, (h, e) in {
        "at_hard": (ps[:, None], easy),
        "at_easy": (hard, ps[:, None]),
    }.items():
        ce, fl, _ = core(h, e, gammas[None, :])
        assert len(data[key]["ce_d"]) == len(data[key]["fl_d"]) == len(ps)
        for i in range(len(ps)):
            assert_svg_path(data[key]["ce_d"][i], gx, ratio_rows(frame, ce[i], span))
            assert_svg_path(data[key]["fl_d"][i], gx, ratio_rows(frame, fl[i], span))
    # the committed curves are the ones drawn at the committed step
    i = round(hard * 100)
    assert data["at_hard"]["fl_d"][i] == data["at_easy"]["fl_d"][round(easy * 100)]


@pytest.mark.parametrize("state", STATES, ids=str)
def test_the_axis_holds_the_committed_curves(state) -> None:
    hard, easy, gamma = state
    ce, fl, _ = core(hard, easy, slider_steps("gamma"))
    low, high = drag_ratio.decades(
        on_drag_ratio.ratio_drag(hard, easy, gamma).along_gamma
    )
    assert high - low >= 2
    values = np.concatenate([ce, fl])
    shown = values[np.isfinite(values) & (values > 0)]
    if shown.size:
        assert 10.0**low < shown.min() and shown.max() < 10.0**high
    else:
        assert (low, high) == (-1, 1)


def test_infinite_and_undefined_ratios_read_as_the_metrics_did() -> None:
    grid = drag_ratio.grid_data("en", Screen.LAPTOP)
    frame = drag_ratio.frame_of(Screen.LAPTOP)
    undefined = received(grid, 1.0, 1.0, 2.0, Screen.LAPTOP)["at_gamma"]
    assert set(undefined["ce"]) == set(undefined["fl"]) == {"—"}
    assert undefined["amp"][0] == "1×"  # (0/0)**0 is 1 in the core
    assert set(undefined["amp"][1:]) == {"—"}
    assert set(undefined["ce_y"]) == {None}  # 0/0: no marker, no curve
    infinite = received(grid, 0.3, 1.0, 2.0, Screen.LAPTOP)
    assert set(infinite["at_gamma"]["ce"]) == {"∞"}
    assert set(infinite["at_gamma"]["ce_y"]) == {round(frame.top, 1)}  # on the top edge
    top = f"{frame.top:.1f}"
    assert (
        infinite["at_hard"]["ce_d"][30]
        == f"M{frame.left:.1f},{top}L{grid['gx'][-1]:.1f},{top}"
    )
    assert received(grid, 0.1, 1.0, 2.0, Screen.LAPTOP)["at_hard"]["ce_d"][100] == ""


@pytest.mark.parametrize(
    "hard, easy", [(0.1, 0.9), (0.01, 0.99), (0.37, 0.62), (0.9, 0.2)]
)
@pytest.mark.parametrize("gamma", [0.0, 0.1, 2.0, 5.0])
def test_the_series_agree_with_mpmath(hard: float, easy: float, gamma: float) -> None:
    drag = on_drag_ratio.ratio_drag(hard, easy, gamma)
    i = int(np.flatnonzero(np.isclose(drag.gammas, gamma))[0])
    ce = reference.cross_entropy(hard, 1) / reference.cross_entropy(easy, 1)
    fl = reference.focal_loss(hard, 1, gamma) / reference.focal_loss(easy, 1, gamma)
    assert drag.along_gamma.ce_ratio[i] == pytest.approx(float(ce), rel=1e-12)
    assert drag.along_gamma.fl_ratio[i] == pytest.approx(float(fl), rel=1e-12)
    assert drag.along_gamma.amplification[i] == pytest.approx(float(fl / ce), rel=1e-12)
    j = round(hard * 100)
    assert drag.along_hard.fl_ratio[j] == pytest.approx(float(fl), rel=1e-12)
    assert drag.curves_easy.fl_ratio[round(easy * 100), i] == pytest.approx(
        float(fl), rel=1e-12
    )


def test_the_simplified_path_drops_only_points_on_a_line() -> None:
    x = np.arange(6.0) * 10
    assert svg.simplified(x, 2 * x) == "M0.0,0.0L50.0,100.0"
    y = np.array([0.0, 0.0, 5.0, 0.0, np.nan, 1.0])
    assert svg.simplified(x, y) == "M0.0,0.0L10.0,0.0L20.0,5.0L30.0,0.0M50.0,1.0"
    assert svg.simplified(x, np.full(6, np.nan)) == ""


def deflated(data: dict) -> int:
    return len(zlib.compress(json.dumps(data).encode(), 9))


def test_the_grid_and_curves_stay_one_message_and_a_commit_stays_small() -> None:
    """The grid depends on the language and the screen only, the curves on
    p_hard and p_easy (not γ); the chart's data of any commit is small."""
    grid = drag_ratio.grid_data("en", Screen.LAPTOP)
    assert grid is drag_ratio.grid_data("en", Screen.LAPTOP)
    assert drag_ratio.grid_data("zh", Screen.LAPTOP)["id"] != grid["id"]
    for hard, easy, gamma in STATES:
        for screen in SCREENS:
            curves = drag_ratio.curves_data(hard, easy, screen)
            chart = drag_ratio.chart_data(grid, curves, hard, easy, gamma, screen)
            assert deflated(curves) < 6_000 and deflated(chart) < 4_000
    other = drag_ratio.curves_data(0.1, 0.8, Screen.LAPTOP)["id"]
    assert drag_ratio.curves_data(0.1, 0.9, Screen.LAPTOP)["id"] != other


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_still_parts_and_labels_come_from_the_string_tables(lang: str) -> None:
    text = strings(lang)
    grid = drag_ratio.grid_data(lang, Screen.PHONE)
    for key in ("ratio.title", "ratio.x", "ratio.y", "ratio.ce_line", "ratio.fl_line"):
        assert text[key] in grid["svg"]
    assert grid["now"][25] == text["ratio.current"].format(gamma="2.5")
    assert grid["labels"]["hard"] == text["drag.ratio_hard"]
    assert grid["labels"]["easy_name"] == text["param.easy"]
    assert grid["hint"] == text["drag.ratio_hint"]
