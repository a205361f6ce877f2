"""The series the app plots: every value equals the core's on the same grid."""

from __future__ import annotations

import numpy as np
import pytest

import focal
from focal import curves


@pytest.mark.parametrize("points", [2, 11, 501])
def test_probability_grid_spans_zero_to_one(points: int) -> None:
    grid = curves.probability_grid(points)
    assert grid.shape == (points,)
    assert grid.dtype == np.float64
    assert grid[0] == 0.0
    assert grid[-1] == 1.0
    assert np.all(np.diff(grid) > 0)


def test_probability_grid_needs_two_points() -> None:
    with pytest.raises(ValueError, match="points"):
        curves.probability_grid(1)


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("gamma", [0.0, 0.5, 2.0, 5.0])
def test_loss_curves_without_alpha(y: int, gamma: float) -> None:
    c = curves.loss_curves(y, gamma)
    p = np.linspace(0.0, 1.0, 501)
    np.testing.assert_array_equal(c.p, p)
    np.testing.assert_array_equal(c.p_t, focal.p_t(p, y))
    np.testing.assert_array_equal(c.ce, focal.cross_entropy(p, y))
    np.testing.assert_array_equal(c.fl, focal.focal_loss(p, y, gamma))
    assert c.ce_balanced is None
    for series in (c.p, c.p_t, c.ce, c.fl):
        assert series.shape == (501,)
        assert series.dtype == np.float64
    # the label decides where the loss is infinite: where p_t = 0
    infinite = np.isinf(c.ce)
    assert infinite.sum() == 1
    assert c.p_t[infinite] == 0.0


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("alpha", [0.0, 0.25, 1.0])
def test_loss_curves_with_alpha(y: int, alpha: float) -> None:
    c = curves.loss_curves(y, 2.0, alpha, points=101)
    p = np.linspace(0.0, 1.0, 101)
    np.testing.assert_array_equal(c.ce, focal.cross_entropy(p, y))
    np.testing.assert_array_equal(c.fl, focal.focal_loss(p, y, 2.0, alpha))
    assert c.ce_balanced is not None
    np.testing.assert_array_equal(c.ce_balanced, focal.focal_loss(p, y, 0.0, alpha))
    assert c.ce_balanced.shape == (101,)


def test_loss_curves_reject_bad_label() -> None:
    with pytest.raises(ValueError, match="y"):
        curves.loss_curves(2, 2.0)


def test_focal_family_rows_are_focal_loss_at_each_gamma() -> None:
    family = curves.focal_family(curves.FIGURE1_GAMMAS)
    assert family.shape == (len(curves.FIGURE1_GAMMAS), 501)
    p_t = curves.probability_grid()
    # broadcasting over γ may round the last bit differently from a scalar γ
    for row, gamma in zip(family, curves.FIGURE1_GAMMAS, strict=True):
        np.testing.assert_allclose(row, focal.focal_loss(p_t, 1, gamma), rtol=1e-14)
    # γ = 0 is cross-entropy
    np.testing.assert_allclose(family[0], focal.cross_entropy(p_t, 1), rtol=1e-14)
    assert np.isinf(family[:, 0]).all()


def test_focal_family_of_one_gamma_and_grid_size() -> None:
    family = curves.focal_family((3.3,), points=21)
    assert family.shape == (1, 21)
    np.testing.assert_allclose(
        family[0], focal.focal_loss(np.linspace(0, 1, 21), 1, 3.3), rtol=1e-14
    )


def test_figure1_gammas_are_the_papers() -> None:
    assert curves.FIGURE1_GAMMAS == (0.0, 0.5, 1.0, 2.0, 5.0)


def test_gamma_grid() -> None:
    grid = curves.gamma_grid()
    assert grid.shape == (51,)
    assert grid[0] == 0.0
    assert grid[-1] == 5.0
    np.testing.assert_allclose(np.diff(grid), 0.1, rtol=1e-9)
    # rounded: 0.3 reads 0.3, not 0.30000000000000004
    assert grid[3] == 0.3
    assert [f"{g:g}" for g in grid[:4]] == ["0", "0.1", "0.2", "0.3"]


def test_gamma_grid_other_range() -> None:
    grid = curves.gamma_grid(2.0, 0.5)
    np.testing.assert_array_equal(grid, [0.0, 0.5, 1.0, 1.5, 2.0])


@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("alpha", [None, 0.25])
def test_gradient_curves_equal_core(y: int, alpha: float | None) -> None:
    c = curves.gradient_curves(y, 2.0, alpha)
    x = np.linspace(-10.0, 10.0, 801)
    np.testing.assert_array_equal(c.x, x)
    np.testing.assert_array_equal(c.ce, focal.grad_cross_entropy(x, y))
    np.testing.assert_array_equal(c.fl, focal.grad_focal_loss(x, y, 2.0, alpha))
    gamma_star, beta = curves.FL_STAR_SETTING
    np.testing.assert_array_equal(
        c.fl_star, focal.grad_focal_loss_star(x, y, gamma_star, beta)
    )
    for series in (c.x, c.ce, c.fl, c.fl_star):
        assert series.shape == (801,)
        assert np.all(np.isfinite(series))


def test_gradient_curves_span_and_points() -> None:
    c = curves.gradient_curves(1, 1.0, span=4.0, points=9)
    np.testing.assert_array_equal(c.x, [-4, -3, -2, -1, 0, 1, 2, 3, 4])
    assert c.fl.shape == (9,)


def test_fl_star_setting_is_the_papers() -> None:
    assert curves.FL_STAR_SETTING == (2.0, 1.0)
