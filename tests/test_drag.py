"""The on-drag chart's series (focal/on_drag.py, focal/ui/drag.py) against the core.

Every series the chart's mounts receive is checked: the γ and p grids against
the sliders' steps, each FL path of the γ grid, the CE and α-CE paths, the
marker rows and every formatted number, against ``focal``'s functions (and a
few against mpmath), mapped to pixels here independently of the module.
"""

from __future__ import annotations

import numpy as np
import pytest

import focal
from focal import on_drag
from focal.figures import LINEAR_LOSS_RANGE, LOG_LOSS_RANGE
from focal.ui import drag
from focal.ui.display import number, times
from focal.ui.params import BY_KEY
from focal.ui.screen import Screen
from focal.ui.strings import strings
from tests import reference
from tests.helpers import assert_svg_path, slider_steps

STATES = [
    # y, alpha, axis, log, lang, screen
    (1, None, "p", False, "en", Screen.LAPTOP),
    (0, None, "p_t", True, "zh", Screen.PROJECTOR),
    (1, 0.25, "p_t", False, "en", Screen.PHONE),
    (0, 0.6, "p", True, "en", Screen.LAPTOP),
]


def test_the_grids_are_the_sliders_steps() -> None:
    np.testing.assert_array_equal(on_drag.drag_gammas(), slider_steps("gamma"))
    np.testing.assert_array_equal(on_drag.drag_ps(), slider_steps("p"))
    assert len(on_drag.drag_gammas()) == 51 and len(on_drag.drag_ps()) == 101
    assert (
        BY_KEY["gamma"].step,
        BY_KEY["p"].step,
    ) == (on_drag.GAMMA_STEP, on_drag.P_STEP)


def rows(frame: drag.Frame, loss: np.ndarray, log: bool) -> np.ndarray:
    """Pixel rows of losses (the test's own mapping); NaN where infinite."""
    loss = np.asarray(loss, dtype=float)
    low, high = LOG_LOSS_RANGE if log else LINEAR_LOSS_RANGE
    with np.errstate(divide="ignore"):
        value = np.log10(loss) if log else loss
    y = frame.bottom - (value - low) / (high - low) * (frame.bottom - frame.top)
    y = np.clip(y, frame.top - 20, frame.bottom + 20)
    return np.where(np.isposinf(loss), np.nan, y)


def columns(frame: drag.Frame, x: np.ndarray) -> np.ndarray:
    return frame.left + np.asarray(x) * (frame.width - frame.left - frame.right)


def markers(frame: drag.Frame, loss: np.ndarray, log: bool) -> np.ndarray:
    y = rows(frame, loss, log)
    return np.clip(np.where(np.isnan(y), frame.top, y), frame.top, frame.bottom)


@pytest.mark.parametrize("state", STATES, ids=lambda s: str(s))
def test_every_grid_series_is_the_core(state) -> None:
    y, alpha, axis, log, lang, screen = state
    grid = drag.grid_data(y, alpha, axis, log, lang, screen)
    frame = drag.Frame.of(screen)
    p = np.linspace(0.0, 1.0, 201)
    x = columns(frame, p if axis == "p" else focal.p_t(p, y))
    gammas = slider_steps("gamma")
    assert len(grid["fl"]) == len(grid["fl_names"]) == len(gammas)
    for gamma, path in zip(gammas, grid["fl"], strict=True):
        assert_svg_path(path, x, rows(frame, focal.focal_loss(p, y, gamma, alpha), log))
    assert_svg_path(grid["ce"], x, rows(frame, focal.cross_entropy(p, y), log))
    if alpha is None:
        assert grid["ce_balanced"] is None and grid["ce_balanced_y"] is None
    else:
        cb = focal.focal_loss(p, y, 0.0, alpha)
        assert_svg_path(grid["ce_balanced"], x, rows(frame, cb, log))
    ps = slider_steps("p")
    at_x = columns(frame, ps if axis == "p" else focal.p_t(ps, y))
    np.testing.assert_allclose(grid["px"], at_x, atol=0.051)
    ce = focal.cross_entropy(ps, y)
    np.testing.assert_allclose(grid["ce_y"], markers(frame, ce, log), atol=0.051)
    if alpha is not None:
        cb = focal.focal_loss(ps, y, 0.0, alpha)
        np.testing.assert_allclose(
            grid["ce_balanced_y"], markers(frame, cb, log), atol=0.051
        )
    assert grid["p"] == [f"{v:.2f}" for v in ps]
    assert grid["p_t"] == [number(v) for v in focal.p_t(ps, y)]
    assert grid["ce_s"] == [number(v) for v in ce]
    text = strings(lang)
    assert grid["alpha_t"] == (
        text["numbers.off"] if alpha is None else number(focal.alpha_t(alpha, y))
    )
    fl_key = "curves.fl" if alpha is None else "curves.fl_balanced"
    assert grid["fl_names"][20] == text[fl_key].format(
        gamma="2", alpha="" if alpha is None else f"{alpha:g}"
    )
    assert text["curves.title"].format(y=y) in grid["svg"]
    assert text["curves.x_p" if axis == "p" else "curves.x_p_t"] in grid["svg"]
    assert (grid["g_step"], grid["p_step"]) == (0.1, 0.01)


def expected_along(frame, p, y, gamma, alpha, log) -> dict:
    fl, ce, reduction, modulating = np.broadcast_arrays(
        focal.focal_loss(p, y, gamma, alpha),
        focal.cross_entropy(p, y),
        focal.focal_reduction(p, y, gamma, alpha),
        focal.modulating_factor(p, y, gamma),
    )
    say = [drag.say(c, f, r)[0] for c, f, r in zip(ce, fl, reduction, strict=True)]
    return {
        "fl_y": markers(frame, fl, log),
        "modulating": [number(v) for v in modulating],
        "fl": [number(v) for v in fl],
        "say": say,
        "times": [
            times(r) if s == 4 else "" for s, r in zip(say, reduction, strict=True)
        ],
    }


@pytest.mark.parametrize("state", STATES, ids=lambda s: str(s))
@pytest.mark.parametrize("p, gamma", [(0.9, 2.0), (0.0, 0.0), (1.0, 5.0), (0.37, 0.3)])
def test_every_chart_series_is_the_core(state, p: float, gamma: float) -> None:
    y, alpha, axis, log, lang, screen = state
    grid = drag.grid_data(y, alpha, axis, log, lang, screen)
    data = drag.chart_data(grid, y, alpha, log, p, gamma, screen)
    frame = drag.Frame.of(screen)
    assert (data["grid"], data["gamma"], data["p"]) == (grid["id"], gamma, p)
    for key, expected in (
        ("at_gamma", expected_along(frame, slider_steps("p"), y, gamma, alpha, log)),
        ("at_p", expected_along(frame, p, y, slider_steps("gamma"), alpha, log)),
    ):
        got = data[key]
        np.testing.assert_allclose(got["fl_y"], expected["fl_y"], atol=0.051)
        for name in ("modulating", "fl", "say", "times"):
            assert got[name] == expected[name], (key, name)


def test_the_sentences_follow_the_explorers_rule() -> None:
    assert drag.say(0.0, 0.0, float("inf")) == (0, "")
    assert drag.say(float("inf"), float("inf"), 1.0) == (1, "")
    assert drag.say(0.5, 0.5, 1.0) == (2, "")
    assert drag.say(0.5, 0.0, float("inf")) == (3, "")
    assert drag.say(0.105, 0.00105, 100.0) == (4, "100")


@pytest.mark.parametrize("gamma", [0.0, 0.1, 2.0, 4.9, 5.0])
@pytest.mark.parametrize("p", [0.01, 0.25, 0.9, 0.99])
def test_the_grid_agrees_with_mpmath(p: float, gamma: float) -> None:
    curves = on_drag.drag_curves(1, 0.25)
    column = int(np.flatnonzero(np.isclose(curves.p, p))[0])
    row = int(np.flatnonzero(np.isclose(curves.gammas, gamma))[0])
    exact = float(reference.focal_loss(p, 1, gamma, 0.25))
    assert curves.fl[row, column] == pytest.approx(exact, rel=1e-12)
    values = on_drag.point_values(p, 0, gamma, None)
    assert float(values.fl) == pytest.approx(
        float(reference.focal_loss(p, 0, gamma)), rel=1e-12
    )
    assert float(values.modulating) == pytest.approx(
        float(reference.modulating_factor(p, 0, gamma)), rel=1e-12, abs=1e-300
    )


def test_the_grid_is_the_same_message_whatever_gamma_and_p() -> None:
    """A γ or p commit changes only the chart's small data, never the grid."""
    grid = drag.grid_data(1, None, "p", False, "en", Screen.LAPTOP)
    assert grid is drag.grid_data(1, None, "p", False, "en", Screen.LAPTOP)
    other = drag.grid_data(1, None, "p", True, "en", Screen.LAPTOP)
    assert other["id"] != grid["id"]
