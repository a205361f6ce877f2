"""Losses: the fixed numbers of focal-facts.md, the exact limits and invariants."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import reference as ref
from hypothesis import given, settings
from hypothesis import strategies as st

import focal
from tests.helpers import quoted

X = [-3.0, -1.0, 0.0, 0.5, 1.0, 3.0]


# --- the elementwise table of focal-facts.md ----------------------------------

TABLE = {
    "CE, y=1": (
        lambda x: focal.cross_entropy_from_logits(x, 1),
        "3.048587352 1.313261688 0.6931471806 0.4740769842 0.3132616875 0.04858735157",
    ),
    "FL a=0.25 g=2, y=1": (
        lambda x: focal.focal_loss_from_logits(x, 1, gamma=2.0, alpha=0.25),
        "0.6915701103 0.1754670759 0.04332169878 0.01689337263 0.005664514377 "
        "2.732083112e-05",
    ),
    "FL no alpha g=0.5, y=1": (
        lambda x: focal.focal_loss_from_logits(x, 1, gamma=0.5),
        "2.97541833 1.122864531 0.4901290717 0.2912934651 0.1624561404 0.01058110185",
    ),
    "FL a=0.25 g=2, y=0": (
        lambda x: focal.focal_loss_from_logits(x, 0, gamma=2.0, alpha=0.25),
        "8.196249337e-05 0.01699354313 0.1299650964 0.2830587006 0.5264012276 "
        "2.074710331",
    ),
}


@pytest.mark.parametrize("quantity", list(TABLE))
def test_table_from_logits(quantity: str) -> None:
    function, values = TABLE[quantity]
    got = function(np.array(X))
    assert got.tolist() == [quoted(v) for v in values.split()]


@pytest.mark.parametrize("quantity", list(TABLE))
def test_table_elementwise_scalars_match_the_array_call(quantity: str) -> None:
    function, _ = TABLE[quantity]
    assert [function(x) for x in X] == function(np.array(X)).tolist()


def _sigmoid(x: float) -> float:
    return float(ref.sigmoid(x))


@pytest.mark.parametrize("x", X)
def test_table_from_probabilities_agrees_with_logits(x: float) -> None:
    p = _sigmoid(x)
    assert focal.cross_entropy(p, 1) == pytest.approx(
        focal.cross_entropy_from_logits(x, 1), rel=1e-12
    )
    for y in (0, 1):
        for gamma, alpha in ((2.0, 0.25), (0.5, None), (0.0, None)):
            assert focal.focal_loss(p, y, gamma, alpha) == pytest.approx(
                focal.focal_loss_from_logits(x, y, gamma, alpha), rel=1e-12
            )


# --- extremes ------------------------------------------------------------------


def test_confidently_wrong_positive_is_finite_and_exact() -> None:
    assert focal.focal_loss_from_logits(-100.0, 1, 2.0, 0.25) == pytest.approx(
        25.0, rel=1e-15
    )
    assert focal.cross_entropy_from_logits(-100.0, 1) == pytest.approx(100.0, rel=1e-15)


def test_confidently_wrong_negative_is_finite_and_exact() -> None:
    assert focal.focal_loss_from_logits(100.0, 0, 2.0, 0.25) == pytest.approx(
        75.0, rel=1e-15
    )


def test_confidently_right_positive_is_tiny_but_exact() -> None:
    got = focal.focal_loss_from_logits(100.0, 1, 2.0, 0.25)
    assert 0.0 < got < 1e-100
    true = ref.focal_loss_from_logits(100.0, 1, 2.0, 0.25)
    assert ref.relative_error(got, true) <= 1e-12
    # alpha_t e^-100 (1 + e^-100)^-2 log1p(e^-100) ~ 0.25 e^-300
    assert got == pytest.approx(0.25 * math.exp(-300.0), rel=1e-12)


def test_wrong_positive_at_minus_30() -> None:
    assert focal.focal_loss_from_logits(-30.0, 1, 2.0, 0.25) == pytest.approx(
        7.5, rel=1e-9
    )


def test_torchvision_failure_case_is_not_rounded_to_zero() -> None:
    # 1 - sigmoid(40) is 0 in float64, so (1 - p_t)**2 * CE is 0 there.
    assert 1.0 - 1.0 / (1.0 + math.exp(-40.0)) == 0.0
    got = focal.focal_loss_from_logits(40.0, 1, gamma=2.0)
    assert got > 0.0
    assert ref.relative_error(got, ref.focal_loss_from_logits(40.0, 1, 2.0)) <= 1e-12
    # (1 - p_t)^2 CE ~ e^-40 e^-40 e^-40 = e^-120 = 7.667e-53
    assert got == pytest.approx(math.exp(-120.0), rel=1e-12)
    assert got == pytest.approx(7.667648e-53, rel=1e-6)


# --- probabilities ----------------------------------------------------------------


def test_probabilities_example() -> None:
    got = focal.focal_loss([0.97, 0.91, 0.03], [1, 1, 0], gamma=2.0, alpha=0.25)
    assert got.tolist() == [
        quoted("6.8533217e-06"),
        quoted("1.9097913e-04"),
        quoted("2.0559965e-05"),
    ]


def test_mean_over_rows_example() -> None:
    losses = focal.focal_loss([[0.9, 0.8], [0.7, 0.2]], [[1, 0], [1, 0]], gamma=2.0)
    rows = np.mean(losses, axis=1)
    # The facts print row 1 as 0.5155470; the exact value is 0.51554693456, which
    # rounds to 0.5155469: the quoted figure is one unit off in its last place.
    assert rows[0] == pytest.approx(0.5155470, abs=1e-7)
    assert rows[0] == pytest.approx(0.5155469345572, rel=1e-12)
    assert rows[1] == quoted("0.0205132")
    assert float(np.mean(rows)) == quoted("0.2680301")


def test_p_t_and_alpha_t() -> None:
    assert focal.p_t(0.9, 1) == 0.9
    assert focal.p_t(0.2, 0) == 0.8
    assert focal.p_t([0.3, 0.3], [1, 0]).tolist() == [0.3, 0.7]
    assert focal.alpha_t(0.25, 1) == 0.25
    assert focal.alpha_t(0.25, 0) == 0.75
    assert focal.alpha_t(0.25, [1, 0, True]).tolist() == [0.25, 0.75, 0.25]


def test_cross_entropy_is_in_nats_not_log10() -> None:
    # A widely copied review quotes CE(0.9) = 0.0457, which is log10.
    assert focal.cross_entropy(0.9, 1) == quoted("0.1053605157")
    assert focal.cross_entropy(0.9, 1) != pytest.approx(0.0457, abs=1e-3)


# --- FL* (Appendix A) ------------------------------------------------------------

STAR = {
    -3.0: "2.503357674",
    -1.0: "0.6566308438",
    0.0: "0.1566308438",
    1.0: "0.02429367579",
    3.0: "0.0004557332269",
}


@pytest.mark.parametrize("x_t", list(STAR))
def test_focal_loss_star_values(x_t: float) -> None:
    # x_t = y_s x: the same value for a positive at x and a negative at -x
    assert focal.focal_loss_star(x_t, 1, 2.0, 1.0) == quoted(STAR[x_t])
    assert focal.focal_loss_star(-x_t, 0, 2.0, 1.0) == quoted(STAR[x_t])


def test_focal_loss_star_with_beta_zero_is_scaled_cross_entropy() -> None:
    # gamma = 1, beta = 0: FL* = -log(sigmoid(x_t)) = CE
    x = np.linspace(-20.0, 20.0, 41)
    for y in (0, 1):
        np.testing.assert_allclose(
            focal.focal_loss_star(x, y, 1.0, 0.0),
            focal.cross_entropy_from_logits(x, y),
            rtol=1e-15,
        )


def test_focal_loss_star_at_huge_logits_keeps_its_value() -> None:
    """FL*(x=-1e308, y=1, gamma=10, beta=0) = softplus(1e309) / 10 = 1e308,
    although gamma * x_t = -1e309 is beyond the float range."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = focal.focal_loss_star(-1e308, 1, 10.0, 0.0)
    assert got == pytest.approx(1e308, rel=1e-12)


# --- the 100x / 1000x claim, prior bias -----------------------------------------


def test_focal_reduction_is_100_at_p_t_09() -> None:
    assert focal.focal_reduction(0.9, 1, 2.0) == pytest.approx(100.0, rel=1e-12)
    assert focal.focal_reduction(0.1, 0, 2.0) == pytest.approx(100.0, rel=1e-12)


def test_focal_reduction_about_1000() -> None:
    assert focal.focal_reduction(0.968, 1, 2.0) == pytest.approx(976.5625, rel=1e-12)
    assert round(focal.focal_reduction(0.968, 1, 2.0), 1) == 976.6
    p = 1.0 - 1.0 / math.sqrt(1000.0)
    assert p == pytest.approx(0.9683772, abs=5e-8)
    assert focal.focal_reduction(p, 1, 2.0) == pytest.approx(1000.0, rel=1e-12)


def test_focal_reduction_at_most_4_for_hard_examples() -> None:
    p_t = np.linspace(0.0, 0.5, 1001)
    reduction = focal.focal_reduction(p_t, 1, 2.0)
    assert reduction.max() == 4.0
    assert (reduction >= 1.0).all()
    assert focal.focal_reduction(0.5, 1, 2.0) == 4.0


def test_focal_reduction_is_ce_over_fl() -> None:
    p = np.linspace(0.01, 0.99, 99)
    for y in (0, 1):
        for gamma in (0.5, 1.0, 2.0, 5.0):
            np.testing.assert_allclose(
                focal.focal_reduction(p, y, gamma),
                focal.cross_entropy(p, y) / focal.focal_loss(p, y, gamma),
                rtol=1e-14,
            )


def test_focal_reduction_limits() -> None:
    assert focal.focal_reduction(1.0, 1, 2.0) == math.inf
    assert focal.focal_reduction(0.0, 0, 2.0) == math.inf
    assert focal.focal_reduction(1.0, 1, 0.0) == 1.0  # 0**0 = 1: FL = CE
    assert focal.focal_reduction(0.0, 1, 2.0) == 1.0


def test_focal_reduction_overflow_gives_inf_without_a_warning() -> None:
    """Where (1 - p_t)**gamma is subnormal, 1 / factor is inf, with no
    RuntimeWarning (an underflow to exactly 0 gives inf too)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert focal.focal_reduction(1e-155, 0, 2.0) == math.inf


def test_prior_bias() -> None:
    b = focal.prior_bias(0.01)
    assert b == quoted("-4.59511985")
    assert _sigmoid(b) == pytest.approx(0.01, rel=1e-15)
    assert focal.prior_bias(0.5) == 0.0
    assert focal.prior_bias(0.99) == pytest.approx(-b, rel=1e-14)
    got = focal.prior_bias([0.01, 0.5, 0.99])
    assert got.tolist() == [b, 0.0, pytest.approx(-b, rel=1e-14)]


def test_sigmoid_and_logit() -> None:
    assert focal.sigmoid(0.0) == 0.5
    assert focal.sigmoid(math.inf) == 1.0
    assert focal.sigmoid(-math.inf) == 0.0
    assert focal.sigmoid(-700.0) == pytest.approx(math.exp(-700.0), rel=1e-15)
    assert focal.sigmoid(-800.0) == 0.0  # e^-800 is below the smallest subnormal
    assert focal.logit(0.0) == -math.inf
    assert focal.logit(1.0) == math.inf
    assert focal.logit(0.5) == 0.0
    assert focal.logit(0.01) == focal.prior_bias(0.01)
    assert focal.logit(1e-300) == pytest.approx(math.log(1e-300), rel=1e-15)
    # p = sigmoid(x) keeps 1 - p only to ~1e-16 absolute, so the round trip is
    # exact to ~1e-16 / (1 - p): good for x <= 12, hopeless for x = 30
    x = np.linspace(-30.0, 12.0, 43)
    np.testing.assert_allclose(focal.logit(focal.sigmoid(x)), x, rtol=0, atol=1e-9)
    p = np.linspace(0.01, 0.99, 99)
    np.testing.assert_allclose(focal.sigmoid(focal.logit(p)), p, rtol=1e-15)


# --- invariants -------------------------------------------------------------------

probability = st.floats(0.0, 1.0)
label = st.sampled_from([0, 1])
gamma = st.floats(0.0, 10.0)
logit = st.floats(-1e4, 1e4)


@settings(max_examples=300, deadline=None)
@given(probability, label, gamma)
def test_focal_loss_never_exceeds_cross_entropy_without_alpha(
    p: float, y: int, g: float
) -> None:
    assert focal.focal_loss(p, y, g) <= focal.cross_entropy(p, y)


@settings(max_examples=300, deadline=None)
@given(logit, label, gamma)
def test_focal_loss_from_logits_never_exceeds_cross_entropy(
    x: float, y: int, g: float
) -> None:
    assert focal.focal_loss_from_logits(x, y, g) <= focal.cross_entropy_from_logits(
        x, y
    )


@settings(max_examples=300, deadline=None)
@given(probability, label, logit)
def test_gamma_zero_is_cross_entropy_exactly(p: float, y: int, x: float) -> None:
    assert focal.focal_loss(p, y, 0.0) == focal.cross_entropy(p, y)
    assert focal.modulating_factor(p, y, 0.0) == 1.0
    assert focal.focal_loss_from_logits(x, y, 0.0) == focal.cross_entropy_from_logits(
        x, y
    )


@settings(max_examples=300, deadline=None)
@given(probability, gamma)
def test_alpha_zero_zeroes_positives_and_alpha_one_zeroes_negatives(
    p: float, g: float
) -> None:
    assert focal.focal_loss(p, 1, g, alpha=0.0) == 0.0
    assert focal.focal_loss(p, 0, g, alpha=1.0) == 0.0
    assert focal.focal_loss(p, 0, g, alpha=0.0) == focal.focal_loss(p, 0, g)
    assert focal.focal_loss(p, 1, g, alpha=1.0) == focal.focal_loss(p, 1, g)


def test_alpha_zero_zeroes_positives_even_where_the_loss_is_infinite() -> None:
    assert focal.focal_loss(0.0, 1, 2.0, alpha=0.0) == 0.0
    assert focal.focal_loss(1.0, 0, 2.0, alpha=1.0) == 0.0
    assert focal.focal_loss_from_logits(-math.inf, 1, 2.0, alpha=0.0) == 0.0
    assert focal.focal_loss_from_logits(math.inf, 0, 2.0, alpha=1.0) == 0.0
    assert focal.focal_loss(0.0, 1, 2.0, alpha=0.25) == math.inf


@settings(max_examples=300, deadline=None)
@given(probability, label, gamma, st.floats(0.0, 1.0))
def test_alpha_scales_by_alpha_t(p: float, y: int, g: float, a: float) -> None:
    weight = a if y == 1 else 1.0 - a
    unweighted = focal.focal_loss(p, y, g)
    expected = 0.0 if weight == 0.0 else weight * unweighted
    assert focal.focal_loss(p, y, g, alpha=a) == expected


@pytest.mark.parametrize("g", [0.5, 1.0, 2.0, 5.0])
def test_focal_loss_decreases_as_p_t_grows(g: float) -> None:
    p = np.linspace(0.0, 1.0, 2001)
    loss = focal.focal_loss(p, 1, g)
    assert (np.diff(loss) < 0.0).all()
    assert loss[0] == math.inf
    assert loss[-1] == 0.0


# --- exact limits, no warnings ----------------------------------------------------


def _positive_zero(value: float) -> bool:
    return value == 0.0 and math.copysign(1.0, value) == 1.0


def test_cross_entropy_limits() -> None:
    assert focal.cross_entropy(0.0, 1) == math.inf
    assert focal.cross_entropy(1.0, 0) == math.inf
    assert _positive_zero(focal.cross_entropy(1.0, 1))
    assert _positive_zero(focal.cross_entropy(0.0, 0))


@pytest.mark.parametrize("g", [0.0, 0.1, 0.5, 1.0, 2.0, 3.0, 10.0])
def test_focal_loss_at_p_t_one_is_zero_for_every_gamma(g: float) -> None:
    assert _positive_zero(focal.focal_loss(1.0, 1, g))
    assert _positive_zero(focal.focal_loss(0.0, 0, g))
    assert _positive_zero(focal.focal_loss(1.0, 1, g, alpha=0.25))
    assert _positive_zero(focal.focal_loss_from_logits(math.inf, 1, g))
    assert _positive_zero(focal.focal_loss_from_logits(-math.inf, 0, g))
    assert focal.focal_loss(0.0, 1, g) == math.inf
    assert focal.focal_loss(1.0, 0, g) == math.inf


def test_modulating_factor_takes_zero_to_the_zero_as_one() -> None:
    assert focal.modulating_factor(1.0, 1, 0.0) == 1.0
    assert focal.modulating_factor(0.0, 0, 0.0) == 1.0
    assert focal.modulating_factor(1.0, 1, 2.0) == 0.0
    assert focal.modulating_factor(0.0, 1, 2.0) == 1.0
    assert focal.modulating_factor(0.9, 1, 2.0) == pytest.approx(0.01, rel=1e-14)
    assert focal.modulating_factor(0.2, 0, 2.0) == pytest.approx(0.04, rel=1e-14)


@pytest.mark.parametrize("g", [0.0, 0.5, 2.0])
def test_logits_at_infinity(g: float) -> None:
    inf = math.inf
    assert focal.cross_entropy_from_logits(-inf, 1) == inf
    assert focal.cross_entropy_from_logits(inf, 0) == inf
    assert _positive_zero(focal.cross_entropy_from_logits(inf, 1))
    assert _positive_zero(focal.cross_entropy_from_logits(-inf, 0))
    assert focal.focal_loss_from_logits(-inf, 1, g) == inf
    assert focal.focal_loss_from_logits(inf, 0, g, alpha=0.25) == inf
    assert focal.focal_loss_star(-inf, 1, 2.0, 1.0) == inf
    assert _positive_zero(focal.focal_loss_star(inf, 1, 2.0, 1.0))


NEGATIVE_ZERO_CASES = {
    "modulating_factor is +0": lambda g: _positive_zero(
        focal.modulating_factor(-0.0, 0, g)
    ),
    "focal_loss is +0": lambda g: _positive_zero(focal.focal_loss(-0.0, 0, g)),
    "focal_reduction is +inf": lambda g: focal.focal_reduction(-0.0, 0, g) == math.inf,
    "hard_easy_ratio amplification is +inf": lambda g: (
        focal.hard_easy_ratio(0.5, -0.0, 0, g).amplification == math.inf
    ),
    "p_t is +0": lambda g: _positive_zero(focal.p_t(-0.0, 1)),
}


@pytest.mark.parametrize("case", list(NEGATIVE_ZERO_CASES))
def test_negative_zero_probability_is_zero(case: str) -> None:
    """p = -0.0 is read as 0: with an odd gamma the factor and FL of a negative
    are +0.0, not (-0.0)**gamma = -0.0, and focal_reduction is +inf, not -inf.
    """
    for g in (1.0, 3.0):
        assert NEGATIVE_ZERO_CASES[case](g), f"gamma={g}"


def test_negative_zero_probability_gives_the_same_losses_as_zero() -> None:
    for y in (0, 1):
        for g in (0.0, 2.0):
            assert focal.focal_loss(-0.0, y, g) == focal.focal_loss(0.0, y, g)
            assert focal.cross_entropy(-0.0, y) == focal.cross_entropy(0.0, y)


EDGE_P = np.array([0.0, 0.5, 1.0])
EDGE_Y = np.array([[0.0], [1.0]])
EDGE_X = np.array([-math.inf, -0.0, 0.0, math.inf])
EDGE_GAMMA = [0.0, 0.1, 0.5, 1.0, 2.0, 5.0]
EDGE_ALPHA = [None, 0.0, 0.25, 1.0]


def _every_public_function_at_the_edges() -> int:
    calls = 0
    for g in EDGE_GAMMA:
        calls += focal.modulating_factor(EDGE_P, EDGE_Y, g).size
        calls += focal.focal_reduction(EDGE_P, EDGE_Y, g).size
        for a in EDGE_ALPHA:
            calls += focal.focal_loss(EDGE_P, EDGE_Y, g, a).size
            calls += focal.focal_loss_from_logits(EDGE_X, EDGE_Y, g, a).size
            calls += focal.grad_focal_loss(EDGE_X, EDGE_Y, g, a).size
            ratio = focal.hard_easy_ratio(EDGE_P, EDGE_P[:, None], 1, g, a)
            calls += ratio.fl_ratio.size
            calls += len(focal.document_table(g, a))
            calls += len([focal.table_row(p, y, g, a) for p in (0, 1) for y in (0, 1)])
    for g, b in ((0.5, -5.0), (2.0, 1.0), (4.0, 0.0), (10.0, 5.0)):
        calls += focal.focal_loss_star(EDGE_X, EDGE_Y, g, b).size
        calls += focal.grad_focal_loss_star(EDGE_X, EDGE_Y, g, b).size
    calls += focal.p_t(EDGE_P, EDGE_Y).size
    calls += focal.alpha_t(EDGE_P, EDGE_Y).size
    calls += focal.cross_entropy(EDGE_P, EDGE_Y).size
    calls += focal.cross_entropy_from_logits(EDGE_X, EDGE_Y).size
    calls += focal.grad_cross_entropy(EDGE_X, EDGE_Y).size
    calls += focal.prior_bias(np.array([0.01, 0.5, 0.99])).size
    calls += focal.sigmoid(EDGE_X).size
    calls += focal.logit(EDGE_P).size
    return calls


def test_every_public_function_is_silent_at_the_edges() -> None:
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _every_public_function_at_the_edges() > 1000


def test_results_at_the_edges_are_never_nan() -> None:
    for g in EDGE_GAMMA:
        for a in EDGE_ALPHA:
            for values in (
                focal.focal_loss(EDGE_P, EDGE_Y, g, a),
                focal.focal_loss_from_logits(EDGE_X, EDGE_Y, g, a),
                focal.grad_focal_loss(EDGE_X, EDGE_Y, g, a),
                focal.modulating_factor(EDGE_P, EDGE_Y, g),
                focal.focal_reduction(EDGE_P, EDGE_Y, g),
            ):
                assert not np.isnan(values).any()
