"""Gradients with respect to the logit: the paper's Appendix B, finite differences,
and finiteness where autograd through ``(1 - p_t)**gamma`` gives NaN."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import reference as ref
from hypothesis import given, settings
from hypothesis import strategies as st
from mpmath import mp, mpf

import focal
from tests.helpers import central_difference, quoted

X = [-3.0, -1.0, 0.0, 0.5, 1.0, 3.0]


# --- the numbers of focal-facts.md --------------------------------------------

GRAD_TABLE = {
    1: "-0.2816874702 -0.1920586808 -0.07457169878 -0.03448424934 -0.01314528249 "
    "-7.871796162e-05",
    0: "0.0002361538849 0.03943584748 0.2237150964 0.3946138664 0.5761760424 "
    "0.8450624105",
}


@pytest.mark.parametrize("y", [1, 0])
def test_table_of_focal_loss_gradients(y: int) -> None:
    got = focal.grad_focal_loss(np.array(X), y, gamma=2.0, alpha=0.25)
    assert got.tolist() == [quoted(v) for v in GRAD_TABLE[y].split()]


def test_gradient_of_confidently_wrong_positive() -> None:
    assert focal.grad_focal_loss(-100.0, 1, 2.0, 0.25) == pytest.approx(
        -0.25, rel=1e-15
    )
    assert focal.grad_focal_loss(100.0, 0, 2.0, 0.25) == pytest.approx(0.75, rel=1e-15)


def test_derivative_spot_values() -> None:
    assert focal.grad_focal_loss(0.7, 1, 2.0) == quoted("-0.0958547224")
    assert focal.grad_focal_loss(0.7, 0, 2.0) == quoted("0.6251938956")
    assert focal.grad_focal_loss(0.0, 1, 2.0) == quoted("-0.2982867951")
    assert focal.grad_focal_loss(0.0, 0, 2.0) == quoted("0.2982867951")


def test_cross_entropy_gradient_is_sigmoid_minus_label() -> None:
    x = np.linspace(-30.0, 30.0, 121)
    p = np.array([float(ref.sigmoid(v)) for v in x])
    for y in (0, 1):
        np.testing.assert_allclose(
            focal.grad_cross_entropy(x, y), p - y, rtol=1e-15, atol=1e-16
        )
    assert focal.grad_cross_entropy(0.0, 1) == -0.5
    assert focal.grad_cross_entropy(0.0, 0) == 0.5


def test_focal_loss_star_gradient_values() -> None:
    # dFL*/dx = y_s (sigmoid(gamma x_t + beta) - 1)
    for x_t in (-3.0, -1.0, 0.0, 1.0, 3.0):
        expected = float(ref.sigmoid(2.0 * x_t + 1.0)) - 1.0
        assert focal.grad_focal_loss_star(x_t, 1, 2.0, 1.0) == pytest.approx(
            expected, rel=1e-15
        )
        assert focal.grad_focal_loss_star(-x_t, 0, 2.0, 1.0) == pytest.approx(
            -expected, rel=1e-15
        )


# --- the analytic formulas of Appendix B, in mpmath --------------------------

GRID_X = np.linspace(-12.0, 12.0, 49)
GRID_GAMMA = [0.0, 0.1, 0.5, 1.0, 2.0, 5.0]


@pytest.mark.parametrize("alpha", [None, 0.25])
@pytest.mark.parametrize("y", [0, 1])
@pytest.mark.parametrize("gamma", GRID_GAMMA)
def test_grad_focal_loss_matches_appendix_b(
    gamma: float, y: int, alpha: float | None
) -> None:
    got = focal.grad_focal_loss(GRID_X, y, gamma, alpha)
    for x, value in zip(GRID_X.tolist(), got.tolist(), strict=True):
        true = ref.grad_focal_loss(x, y, gamma, alpha)
        assert ref.relative_error(value, true) <= 1e-13, (x, value, true)


@pytest.mark.parametrize("y", [0, 1])
def test_grad_cross_entropy_matches_appendix_b(y: int) -> None:
    got = focal.grad_cross_entropy(GRID_X, y)
    for x, value in zip(GRID_X.tolist(), got.tolist(), strict=True):
        assert ref.relative_error(value, ref.grad_cross_entropy(x, y)) <= 1e-14


@pytest.mark.parametrize(
    ("x", "y", "gamma", "alpha"),
    [
        (0.7, 1, 2.0, None),
        (0.7, 0, 2.0, 0.25),
        (-3.0, 1, 0.5, None),
        (5.0, 0, 5.0, 0.75),
        (12.0, 1, 0.1, None),
        (-12.0, 0, 10.0, None),
    ],
)
def test_reference_gradient_is_the_derivative_of_the_reference_loss(
    x: float, y: int, gamma: float, alpha: float | None
) -> None:
    # Checks the mpmath Appendix B formula itself with mpmath's own
    # differentiation; the loss runs at 50 digits, the difference at 30.
    with mp.workdps(30):
        numeric = mp.diff(
            lambda t: ref.focal_loss_from_logits(t, y, gamma, alpha), mpf(x)
        )
    analytic = ref.grad_focal_loss(x, y, gamma, alpha)
    with mp.workdps(30):
        assert abs(numeric - analytic) <= mpf("1e-15") * abs(analytic)


def test_reference_gradient_of_fl_star_is_its_derivative() -> None:
    for x, y, gamma, beta in ((0.3, 1, 2.0, 1.0), (-2.0, 0, 4.0, 0.0)):
        with mp.workdps(30):
            numeric = mp.diff(
                lambda t, y=y, g=gamma, b=beta: ref.focal_loss_star(t, y, g, b),
                mpf(x),
            )
        analytic = ref.grad_focal_loss_star(x, y, gamma, beta)
        with mp.workdps(30):
            assert abs(numeric - analytic) <= mpf("1e-15") * abs(analytic)


# --- central finite differences of the core's own losses -----------------------

H = 1e-5


moderate_logit = st.floats(-20.0, 20.0)
label = st.sampled_from([0, 1])
gamma = st.one_of(st.floats(0.0, 10.0), st.sampled_from([0.0, 0.5, 1.0, 2.0, 5.0]))
alpha = st.one_of(st.none(), st.floats(0.0, 1.0))


@settings(max_examples=300, deadline=None)
@given(moderate_logit, label, gamma, alpha)
def test_grad_focal_loss_is_the_slope_of_focal_loss(
    x: float, y: int, g: float, a: float | None
) -> None:
    slope = central_difference(lambda t: focal.focal_loss_from_logits(t, y, g, a), x, H)
    assert focal.grad_focal_loss(x, y, g, a) == pytest.approx(
        slope, rel=1e-6, abs=1e-10
    )


@settings(max_examples=200, deadline=None)
@given(moderate_logit, label)
def test_grad_cross_entropy_is_the_slope_of_cross_entropy(x: float, y: int) -> None:
    slope = central_difference(lambda t: focal.cross_entropy_from_logits(t, y), x, H)
    assert focal.grad_cross_entropy(x, y) == pytest.approx(slope, rel=1e-6, abs=1e-10)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(-5.0, 5.0),
    label,
    st.floats(0.1, 10.0, exclude_min=True),
    st.floats(-5.0, 5.0),
)
def test_grad_focal_loss_star_is_the_slope_of_fl_star(
    x: float, y: int, g: float, b: float
) -> None:
    slope = central_difference(lambda t: focal.focal_loss_star(t, y, g, b), x, H)
    assert focal.grad_focal_loss_star(x, y, g, b) == pytest.approx(
        slope, rel=1e-6, abs=1e-10
    )


# --- signs, bounds and identities ------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.floats(-1e4, 1e4), label, gamma, alpha)
def test_gradient_pushes_towards_the_label_and_is_bounded(
    x: float, y: int, g: float, a: float | None
) -> None:
    grad = focal.grad_focal_loss(x, y, g, a)
    # |dFL/dx| = alpha_t (1 - p_t)**g (g p_t CE + 1 - p_t) <= g / e + 1: it can
    # exceed the CE gradient's bound of 1 (about 1.077 at x_t = -2, g = 2)
    assert abs(grad) <= g / math.e + 1.0
    assert grad <= 0.0 if y == 1 else grad >= 0.0


def test_focal_loss_gradient_can_be_steeper_than_cross_entropy() -> None:
    assert focal.grad_focal_loss(-2.0, 1, 2.0) == pytest.approx(
        float(ref.grad_focal_loss(-2.0, 1, 2.0)), rel=1e-14
    )
    assert (
        focal.grad_focal_loss(-2.0, 1, 2.0) < -1.0 < focal.grad_cross_entropy(-2.0, 1)
    )


@settings(max_examples=300, deadline=None)
@given(st.floats(-1e4, 1e4), label)
def test_gamma_zero_gradient_is_the_cross_entropy_gradient(x: float, y: int) -> None:
    assert focal.grad_focal_loss(x, y, 0.0) == focal.grad_cross_entropy(x, y)


def test_gradient_is_small_once_the_example_is_well_classified() -> None:
    # Figure 6: for FL (gamma = 2) the gradient is already small for x_t > 0
    x_t = np.linspace(0.0, 10.0, 101)
    fl = np.abs(focal.grad_focal_loss(x_t, 1, 2.0))
    ce = np.abs(focal.grad_cross_entropy(x_t, 1))
    assert (fl < ce).all()
    assert fl.max() < 0.3


# --- finite where autograd gives NaN ---------------------------------------------

SATURATED = [50.0, 800.0, 1e4, math.inf]


@pytest.mark.parametrize("g", [0.1, 0.5, 0.9])
@pytest.mark.parametrize("alpha", [None, 0.25])
def test_gradients_are_finite_at_saturated_logits_for_small_gamma(
    g: float, alpha: float | None
) -> None:
    x = np.array([s * sign for s in SATURATED for sign in (1.0, -1.0)])
    with (
        np.errstate(divide="raise", over="raise", invalid="raise", under="ignore"),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("error")
        for y in (0, 1):
            y_s = 2 * y - 1
            weight = 1.0 if alpha is None else (alpha if y == 1 else 1.0 - alpha)
            grad = focal.grad_focal_loss(x, y, g, alpha)
            assert np.isfinite(grad).all()
            right = y_s * x > 0  # well classified: p_t -> 1
            assert (np.abs(grad[right]) < 1e-20).all()
            assert grad[~right].tolist() == [
                pytest.approx(-y_s * weight, rel=1e-12)
            ] * int((~right).sum())
            assert np.isfinite(focal.grad_cross_entropy(x, y)).all()
            assert np.isfinite(focal.grad_focal_loss_star(x, y, g, 1.0)).all()


def test_gradient_at_infinite_logits() -> None:
    inf = math.inf
    for g in (0.0, 0.1, 2.0):
        assert focal.grad_focal_loss(inf, 1, g) == 0.0
        assert focal.grad_focal_loss(-inf, 1, g) == -1.0
        assert focal.grad_focal_loss(-inf, 0, g) == 0.0
        assert focal.grad_focal_loss(inf, 0, g) == 1.0
        assert focal.grad_focal_loss(-inf, 1, g, alpha=0.25) == -0.25
        assert focal.grad_focal_loss(inf, 0, g, alpha=0.25) == 0.75
        assert focal.grad_focal_loss(-inf, 1, g, alpha=0.0) == 0.0
    assert focal.grad_cross_entropy(-inf, 1) == -1.0
    assert focal.grad_cross_entropy(inf, 0) == 1.0
    assert focal.grad_focal_loss_star(-inf, 1, 2.0, 1.0) == -1.0
    assert focal.grad_focal_loss_star(inf, 1, 2.0, 1.0) == 0.0


def test_vanishing_gradient_is_positive_zero() -> None:
    for value in (
        focal.grad_focal_loss(math.inf, 1, 2.0),
        focal.grad_focal_loss(-math.inf, 0, 2.0),
        focal.grad_focal_loss(1e4, 1, 0.5),
    ):
        assert value == 0.0
        assert math.copysign(1.0, value) == 1.0


def test_fl_star_gradient_at_huge_logits_has_no_overflow() -> None:
    """gamma * x_t exceeds the float range for x = 1e308, gamma = 10: the
    gradient is 0, with no RuntimeWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert focal.grad_focal_loss_star(1e308, 1, 10.0, 0.0) == 0.0
