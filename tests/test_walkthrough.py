"""The core behind the walkthrough and the gradients page: YOLO v3's count of
predictions, the background's share of the loss, the gradient ratio, and the
naive chain rule that reproduces autograd's NaN."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import reference as ref
from hypothesis import given, settings
from hypothesis import strategies as st
from mpmath import mpf

import focal
from focal import curves
from focal.walkthrough import (
    PAPER_ALPHA_CE,
    PAPER_BEST_ALPHA,
    YOLO_V3_SIZES,
    yolo_v3_example,
)
from tests.helpers import whole

# --- YOLO v3's predictions -----------------------------------------------------------


def test_yolo_v3_at_416_makes_10647_predictions() -> None:
    assert focal.yolo_v3_predictions(416) == 10647.0
    assert focal.yolo_v3_predictions() == 10647.0
    sides = [focal.yolo_v3_grid(416, stride) for stride in focal.YOLO_V3_STRIDES]
    assert sides == [13.0, 26.0, 52.0]
    assert (13**2 + 26**2 + 52**2) * focal.YOLO_V3_ANCHORS == 10647


def test_yolo_v3_other_sizes() -> None:
    got = focal.yolo_v3_predictions(np.array(YOLO_V3_SIZES))
    assert got.tolist() == [6300.0, 10647.0, 22743.0]
    assert focal.yolo_v3_predictions(32) == 3 * (1 + 4 + 16)


@pytest.mark.parametrize("size", [0, -32, 400, 416.5, math.inf, [416, 10]])
def test_yolo_v3_size_must_be_a_positive_multiple_of_32(size: object) -> None:
    with pytest.raises(ValueError, match=r"^size must be a positive multiple of 32$"):
        focal.yolo_v3_predictions(size)
    with pytest.raises(ValueError, match=r"^size must be a positive multiple of 32$"):
        focal.yolo_v3_grid(size, 32)


@pytest.mark.parametrize("stride", [4, 64, 0, -8, 8.5, math.inf])
def test_yolo_v3_stride_must_be_one_of_the_three(stride: float) -> None:
    with pytest.raises(ValueError, match=r"^stride must be 8, 16 or 32$"):
        focal.yolo_v3_grid(416, stride)


# --- the background's share of the summed loss ---------------------------------------


def test_easy_background_carries_most_of_the_cross_entropy() -> None:
    # 10,642 background predictions at p = 0.01 against 5 objects at p = 0.5
    ce_background = 10642 * math.log(1 / 0.99)
    ce_objects = 5 * math.log(2)
    expected = ce_background / (ce_background + ce_objects)
    assert yolo_v3_example().share_ce == pytest.approx(expected, rel=1e-14)


def test_focal_loss_hands_the_loss_back_to_the_objects() -> None:
    fl_background = 10642 * 0.01**2 * math.log(1 / 0.99)
    fl_objects = 5 * 0.5**2 * math.log(2)
    expected = fl_background / (fl_background + fl_objects)
    assert yolo_v3_example(416, 2.0).share_fl == pytest.approx(expected, rel=1e-13)
    assert yolo_v3_example(416, 2.0).share_fl < 0.02
    weighted = 0.75 * fl_background / (0.75 * fl_background + 0.25 * fl_objects)
    assert yolo_v3_example(416, 2.0, 0.25).share_fl == pytest.approx(
        weighted, rel=1e-13
    )


def test_share_matches_the_reference() -> None:
    for gamma in (0.0, 0.5, 2.0, 5.0):
        for alpha in (None, 0.25, 0.9):
            background = mpf(10642) * ref.focal_loss(0.01, 0, gamma, alpha)
            objects = mpf(5) * ref.focal_loss(0.5, 1, gamma, alpha)
            true = background / (background + objects)
            got = yolo_v3_example(416, gamma, alpha).share_fl
            assert ref.relative_error(got, true) < 1e-14


def test_share_edges() -> None:
    share = focal.background_loss_share
    assert math.isnan(share(0, 0, 0.5, 0.5))  # no loss at all: undefined
    assert math.isnan(share(5, 5, 1.0, 0.0))  # every prediction right and certain
    assert math.isnan(share(5, 5, 0.0, 1.0))  # both totals infinite
    assert share(5, 5, 0.5, 1.0) == 1.0  # one background certain and wrong
    assert share(5, 5, 0.0, 0.5) == 0.0  # one object certain and wrong
    assert share(0, 5, 0.0, 0.5) == 1.0  # no objects: their infinite loss is absent
    assert share(5, 0, 0.5, 1.0) == 0.0
    assert share(5, 5, 0.5, 0.5, 2.0, 0.0) == 1.0  # α = 0 switches objects off
    assert share(5, 5, 0.5, 0.5, 2.0, 1.0) == 0.0  # α = 1 switches negatives off


@pytest.mark.parametrize(
    ("argument", "value", "rule"),
    [
        ("objects", -1, "must be finite and >= 0"),
        ("background", math.inf, "must be finite and >= 0"),
        ("p_object", 1.5, "must be in [0, 1]"),
        ("p_background", -0.1, "must be in [0, 1]"),
        ("gamma", -1.0, "must be finite and >= 0"),
        ("alpha", 2.0, "must be in [0, 1]"),
    ],
)
def test_share_rejects_bad_input(argument: str, value: float, rule: str) -> None:
    kwargs = {
        "objects": 5,
        "background": 100,
        "p_object": 0.5,
        "p_background": 0.1,
        "gamma": 2.0,
        "alpha": 0.25,
    }
    with pytest.raises(ValueError, match=whole(f"{argument} {rule}")):
        focal.background_loss_share(**{**kwargs, argument: value})


@settings(max_examples=60, deadline=None)
@given(
    objects=st.integers(1, 100),
    background=st.integers(1, 100_000),
    p_object=st.floats(0.01, 0.5),
    p_background=st.floats(0.0, 0.2),
)
def test_share_falls_as_gamma_grows_when_background_is_easier(
    objects: int, background: int, p_object: float, p_background: float
) -> None:
    # background p_t = 1 - p_background >= 0.8 > 0.5 >= p_object = object p_t
    gammas = np.linspace(0.0, 5.0, 11)
    shares = focal.background_loss_share(
        objects, background, p_object, p_background, gammas
    )
    assert ((shares >= 0.0) & (shares <= 1.0)).all()
    assert (np.diff(shares) <= 1e-15).all()


def test_paper_tables_are_the_papers() -> None:
    assert dict(PAPER_ALPHA_CE)[0.25] == 10.8
    assert dict(PAPER_ALPHA_CE)[0.75] == 31.1
    best = {gamma: (alpha, ap) for gamma, alpha, ap in PAPER_BEST_ALPHA}
    assert best[2.0] == (0.25, 34.0)
    assert max(PAPER_BEST_ALPHA, key=lambda row: row[2])[:2] == (2.0, 0.25)
    # the author's point: the best α is below 0.5 once γ >= 1
    assert all(alpha < 0.5 for gamma, alpha, _ in PAPER_BEST_ALPHA if gamma >= 1)


# --- (dFL/dx) / (dCE/dx) -------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    x=st.one_of(
        st.floats(-30.0, 30.0),
        st.floats(-1e4, 1e4),
        st.builds(  # beyond |x| = 708, 1 - p_t underflows for one of the labels
            lambda sign, x: sign * x, st.sampled_from([-1.0, 1.0]), st.floats(708, 1500)
        ),
        st.sampled_from([760.0, -760.0, 800.0, -800.0, 7400.0, 1e4, -1e4]),
    ),
    y=st.sampled_from([0, 1]),
    gamma=st.one_of(st.floats(0.0, 5.0), st.sampled_from([0.0, 0.1, 0.5, 2.0])),
    alpha=st.one_of(st.none(), st.floats(0.01, 1.0)),
)
def test_gradient_ratio_is_the_ratio_of_the_gradients(
    x: float, y: int, gamma: float, alpha: float | None
) -> None:
    got = focal.focal_gradient_ratio(x, y, gamma, alpha)
    problem = ref.accuracy_problem(got, ref.focal_gradient_ratio(x, y, gamma, alpha))
    assert problem is None, problem


def test_gradient_ratio_limits_and_bounds() -> None:
    x = np.array([-math.inf, -1e4, -800.0, -40.0, 0.0, 40.0, 800.0, 1e4, math.inf])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for gamma in (0.0, 0.5, 2.0):
            for y in (0, 1):
                ratio = focal.focal_gradient_ratio(x, y, gamma)
                assert np.isfinite(ratio).all()
                assert ((ratio >= 0.0) & (ratio <= 1.0 + gamma)).all()
        # γ = 0: FL is CE, the ratio is α_t everywhere
        assert (focal.focal_gradient_ratio(x, 1, 0.0) == 1.0).all()
        assert (focal.focal_gradient_ratio(x, 0, 0.0, 0.25) == 0.75).all()
        # confidently wrong: both gradients are ±α_t; right and certain: FL keeps 0
        assert focal.focal_gradient_ratio(-math.inf, 1, 2.0) == 1.0
        assert focal.focal_gradient_ratio(math.inf, 1, 2.0) == 0.0


@pytest.mark.parametrize(
    ("x", "y", "gamma", "true"),
    [
        # σ(-800)**0.5 (1 + 0.5): 1 - p_t is 0 in float64, its square root is not
        (800.0, 1, 0.5, 2.8727543950710e-174),
        (-800.0, 0, 0.5, 2.8727543950710e-174),
        # σ(-760)**0.1 (1 + 0.1)
        (760.0, 1, 0.1, 1.0839570154722e-33),
        (1e4, 1, 0.01, 3.7572767357810e-44),  # e^-100 · 1.01
    ],
)
def test_gradient_ratio_where_both_gradients_underflow(
    x: float, y: int, gamma: float, true: float
) -> None:
    # both gradients are 0 in float64 here; the ratio is a normal float
    assert focal.grad_cross_entropy(x, y) == 0.0
    assert focal.grad_focal_loss(x, y, gamma) == 0.0
    got = focal.focal_gradient_ratio(x, y, gamma)
    assert got == pytest.approx(true, rel=1e-10)
    problem = ref.accuracy_problem(got, ref.focal_gradient_ratio(x, y, gamma))
    assert problem is None, problem


# --- the gradient ratio's maximum -----------------------------------------------------


@pytest.mark.parametrize("gamma", [0.01, 0.1, 0.5, 1.0, 2.0, 3.7, 5.0, 10.0, 40.0])
def test_gradient_ratio_peak_matches_mpmath(gamma: float) -> None:
    peak = focal.gradient_ratio_peak(gamma)
    ratio, p_t, gain_below = ref.gradient_ratio_peak(gamma)
    assert ref.relative_error(peak.ratio, ratio) < 1e-14
    assert ref.relative_error(peak.p_t, p_t) < 1e-13
    assert ref.relative_error(peak.gain_below, gain_below) < 1e-13


def test_gradient_ratio_peak_of_the_paper_s_gammas() -> None:
    # issue 15: "about 1.08, 1.14, 1.22, 1.39 for γ = 0.5, 1, 2, 5 (at p_t ≈ 0.1
    # for γ = 2)"; only misclassified examples gain (p_t ≲ 0.3 at γ = 2)
    peak = focal.gradient_ratio_peak([0.5, 1.0, 2.0, 5.0])
    assert np.round(peak.ratio, 2).tolist() == [1.08, 1.14, 1.22, 1.39]
    assert round(float(peak.p_t[2]), 2) == 0.10
    assert round(float(peak.gain_below[2]), 2) == 0.30
    assert (peak.gain_below < 0.5).all()
    # γ = 1 has a closed form: the peak 1 + e^-2 at p_t = e^-2, back to 1 at e^-1
    one = focal.gradient_ratio_peak(1.0)
    assert one.ratio == pytest.approx(1.0 + math.exp(-2.0), rel=1e-15)
    assert one.p_t == pytest.approx(math.exp(-2.0), rel=1e-15)
    assert one.gain_below == pytest.approx(math.exp(-1.0), rel=1e-15)


@pytest.mark.parametrize("gamma", [0.5, 2.0, 5.0])
@pytest.mark.parametrize("y", [0, 1])
def test_gradient_ratio_peak_bounds_the_ratio_of_the_gradients(
    gamma: float, y: int
) -> None:
    peak = focal.gradient_ratio_peak(gamma)
    x = np.linspace(-30.0, 30.0, 60001)
    ratio = focal.focal_gradient_ratio(x, y, gamma)
    assert ratio.max() <= peak.ratio
    assert ratio.max() == pytest.approx(peak.ratio, rel=1e-7)
    p_t = focal.p_t_from_logits(x, y)
    assert (ratio[p_t < peak.gain_below] > 1.0).all()
    assert (ratio[p_t > peak.gain_below] < 1.0).all()
    # with α-balancing the peak scales by α_t
    balanced = focal.focal_gradient_ratio(x, y, gamma, 0.25)
    assert balanced.max() <= focal.alpha_t(0.25, y) * peak.ratio * (1 + 1e-15)


def test_gradient_ratio_peak_at_gamma_zero_and_at_the_extremes() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        zero = focal.gradient_ratio_peak(0.0)
        assert zero.ratio == 1.0  # FL is CE: the ratio is 1 everywhere
        assert math.isnan(zero.p_t) and math.isnan(zero.gain_below)
        # γ -> 0: the peak tends to 1 at the root of -log p_t = 2 (1 - p_t), and
        # the ratio exceeds 1 below p_t = 1/2
        tiny = focal.gradient_ratio_peak(1e-300)
        assert tiny.ratio == 1.0
        assert tiny.gain_below == pytest.approx(0.5, rel=1e-12)
        assert -math.log(tiny.p_t) == pytest.approx(2.0 * (1.0 - tiny.p_t), rel=1e-12)
        for gamma in (5e-324, 1e6, 1e300):
            huge = focal.gradient_ratio_peak(gamma)
            assert math.isfinite(huge.ratio) and huge.ratio >= 1.0
            assert 0.0 < huge.p_t < huge.gain_below < 1.0


def test_gradient_ratio_peak_is_elementwise_and_checks_gamma() -> None:
    gammas = np.array([[0.0, 0.5], [2.0, 5.0]])
    peak = focal.gradient_ratio_peak(gammas)
    for field in (peak.ratio, peak.p_t, peak.gain_below):
        assert isinstance(field, np.ndarray) and field.shape == (2, 2)
    for index in np.ndindex(gammas.shape):
        one = focal.gradient_ratio_peak(float(gammas[index]))
        assert peak.ratio[index] == one.ratio
        assert peak.p_t[index] == one.p_t or math.isnan(one.p_t)
    assert type(focal.gradient_ratio_peak(2).ratio) is float
    for bad in (-1.0, math.inf, math.nan, "2"):
        with pytest.raises(ValueError, match=r"^gamma "):
            focal.gradient_ratio_peak(bad)


# --- the naive chain rule: autograd's 0 · ∞ ------------------------------------------


def test_naive_chain_rule_gives_nan_where_the_analytic_gradient_is_finite() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no NumPy warning: NaN is the answer
        naive = focal.grad_focal_loss_autograd_naive(40.0, 1, 0.5)
        analytic = focal.grad_focal_loss(40.0, 1, 0.5)
    assert math.isnan(naive)
    assert math.isfinite(analytic)
    assert ref.relative_error(analytic, ref.grad_focal_loss(40.0, 1, 0.5)) < 1e-14
    assert analytic == pytest.approx(-1.3134766144e-26, rel=1e-9)


@pytest.mark.parametrize("gamma", [0.1, 0.5, 0.9])
@pytest.mark.parametrize("alpha", [None, 0.25])
def test_naive_is_nan_once_p_t_rounds_to_one_for_gamma_below_one(
    gamma: float, alpha: float | None
) -> None:
    # σ(x) rounds to 1 from x = 37 on; 1 - σ(x) rounds p_t = 1 - p to 1 from 38 on
    x_t = np.array([38.0, 40.0, 100.0, 800.0, math.inf])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(focal.grad_focal_loss_autograd_naive(37.0, 1, gamma, alpha))
        for y in (0, 1):
            x = x_t if y == 1 else -x_t
            assert np.isnan(
                focal.grad_focal_loss_autograd_naive(x, y, gamma, alpha)
            ).all()
            assert np.isfinite(focal.grad_focal_loss(x, y, gamma, alpha)).all()


@pytest.mark.parametrize("gamma", [0.0, 1.0, 2.0, 5.0])
def test_naive_stays_finite_at_p_t_one_for_gamma_zero_or_at_least_one(
    gamma: float,
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = focal.grad_focal_loss_autograd_naive(np.array([40.0, 100.0]), 1, gamma)
    assert np.isfinite(got).all()
    assert (got == 0.0).all()  # underflowed, where the truth is tiny but not 0


def test_naive_is_nan_when_p_t_rounds_to_zero() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(focal.grad_focal_loss_autograd_naive(-800.0, 1, 2.0))
    assert focal.grad_focal_loss(-800.0, 1, 2.0) == -1.0


@settings(max_examples=80, deadline=None)
@given(
    x=st.floats(-20.0, 20.0),
    y=st.sampled_from([0, 1]),
    gamma=st.floats(0.0, 5.0),
    alpha=st.one_of(st.none(), st.floats(0.0, 1.0)),
)
def test_naive_agrees_with_the_analytic_gradient_away_from_saturation(
    x: float, y: int, gamma: float, alpha: float | None
) -> None:
    # sigmoid rounded to float64 costs up to ~1e-16 / (1 - p_t) of relative error
    naive = focal.grad_focal_loss_autograd_naive(x, y, gamma, alpha)
    analytic = focal.grad_focal_loss(x, y, gamma, alpha)
    assert naive == pytest.approx(analytic, rel=1e-6, abs=1e-300)


# --- the curves of the gradients page ------------------------------------------------


def test_gradient_curves_default_fl_star_and_ratio() -> None:
    c = curves.gradient_curves(1, 2.0)
    x = np.linspace(-10.0, 10.0, 801)
    np.testing.assert_array_equal(
        c.fl_star, focal.grad_focal_loss_star(x, 1, *curves.FL_STAR_SETTING)
    )
    assert c.ratio is not None
    np.testing.assert_array_equal(c.ratio, focal.focal_gradient_ratio(x, 1, 2.0))


@pytest.mark.parametrize(("gamma_star", "beta"), [(4.0, 0.0), (0.5, -5.0), (5.0, 5.0)])
def test_gradient_curves_take_gamma_star_and_beta(
    gamma_star: float, beta: float
) -> None:
    c = curves.gradient_curves(0, 1.0, 0.25, gamma_star=gamma_star, beta=beta)
    np.testing.assert_array_equal(
        c.fl_star, focal.grad_focal_loss_star(c.x, 0, gamma_star, beta)
    )
    np.testing.assert_array_equal(
        c.ratio, focal.focal_gradient_ratio(c.x, 0, 1.0, 0.25)
    )
    assert np.isfinite(c.ratio).all()


def test_gradient_curves_reject_a_bad_gamma_star() -> None:
    with pytest.raises(ValueError, match=r"^gamma must be finite and > 0$"):
        curves.gradient_curves(1, 2.0, gamma_star=0.0)


# --- the walkthrough's illustrative image ---------------------------------------------


@pytest.mark.parametrize("size", YOLO_V3_SIZES)
def test_yolo_v3_example_is_built_from_the_core(size: int) -> None:
    example = yolo_v3_example(size, 2.0, 0.25)
    assert example.size == size
    assert example.sides == tuple(
        focal.yolo_v3_grid(size, stride) for stride in focal.YOLO_V3_STRIDES
    )
    assert example.predictions == focal.yolo_v3_predictions(size)
    assert example.objects + example.background == example.predictions
    assert example.background_per_object == example.background / example.objects
    assert example.share_ce == focal.background_loss_share(
        example.objects, example.background, example.p_object, example.p_background
    )
    assert example.share_fl == focal.background_loss_share(
        example.objects,
        example.background,
        example.p_object,
        example.p_background,
        2.0,
        0.25,
    )


def test_yolo_v3_example_at_416() -> None:
    example = yolo_v3_example()
    assert (example.predictions, example.objects, example.background) == (
        10647.0,
        5.0,
        10642.0,
    )
    assert example.share_ce == pytest.approx(0.968613551, rel=1e-9)
    assert yolo_v3_example(416, 0.0).share_fl == example.share_ce


def test_yolo_v3_example_rejects_a_bad_size() -> None:
    with pytest.raises(ValueError, match=r"^size must be a positive multiple of 32$"):
        yolo_v3_example(100)
