"""Relative accuracy against the 50-digit mpmath reference, by property testing.

Wherever the true value is a normal float64 the core must be within 1e-12
relative error of it; where it is subnormal, within a few steps of the
subnormal grid (``reference.accuracy_problem``); where it is exactly 0, exactly
0. Inputs sweep the whole range, log-uniformly near the ends: p down to
1e-300 and up to 1 - 1e-16, logits out to +-1e4, gamma in [0, 10].
"""

from __future__ import annotations

import decimal
from typing import Any

import reference as ref
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from mpmath import mp
from reference import assert_accurate

import focal
from tests.fuzzing import P_MAX, P_MIN, clip_probability

PROPERTY = settings(max_examples=300, deadline=None)


probabilities = st.one_of(
    st.floats(P_MIN, P_MAX),
    st.floats(0.0, 300.0).map(lambda k: 10.0**-k),  # log-uniform near 0
    st.floats(0.0, 16.0).map(lambda k: 1.0 - 10.0**-k),  # log-uniform near 1
    st.sampled_from([0.5, 0.9, 0.1, 1e-8, 1.0 - 1e-8]),
).map(clip_probability)

logits = st.one_of(
    st.floats(-1e4, 1e4),
    st.builds(
        lambda sign, k: sign * 10.0**k, st.sampled_from([-1.0, 1.0]), st.floats(-12, 4)
    ),
    st.sampled_from(
        [0.0, 1.0, -1.0, 20.0, -20.0, 36.7, -36.7, 40.0, 700.0, -745.0, 1e4, -1e4]
    ),
    st.sampled_from([-740.0, 740.0, -720.0, 720.0, 7200.0]),  # subnormal results
)
labels = st.sampled_from([0, 1])
gammas = st.one_of(
    st.floats(0.0, 10.0), st.sampled_from([0.0, 0.5, 1.0, 2.0, 5.0, 10.0])
)
alphas = st.one_of(
    st.none(), st.floats(0.0, 1.0), st.sampled_from([0.0, 0.25, 0.75, 1.0])
)
star_gammas = st.one_of(
    st.floats(0.1, 10.0, exclude_min=True), st.sampled_from([2.0, 4.0, 10.0])
)
betas = st.one_of(st.floats(-5.0, 5.0), st.sampled_from([0.0, 1.0, -5.0, 5.0]))


# --- from probabilities ------------------------------------------------------------


@PROPERTY
@given(probabilities, labels)
def test_cross_entropy(p: float, y: int) -> None:
    assert_accurate(focal.cross_entropy(p, y), ref.cross_entropy(p, y))


@PROPERTY
@given(probabilities, labels, gammas)
def test_modulating_factor(p: float, y: int, g: float) -> None:
    assert_accurate(focal.modulating_factor(p, y, g), ref.modulating_factor(p, y, g))


@PROPERTY
@given(probabilities, labels, gammas, alphas)
@example(1e-300, 0, 1.0, None)
@example(1.0 - 1e-16, 1, 10.0, 0.25)
@example(0.3, 1, 2.0, 0.0)
def test_focal_loss(p: float, y: int, g: float, a: float | None) -> None:
    assert_accurate(focal.focal_loss(p, y, g, a), ref.focal_loss(p, y, g, a))


@PROPERTY
@given(probabilities, labels, gammas)
def test_focal_reduction(p: float, y: int, g: float) -> None:
    true = ref.focal_reduction(p, y, g)
    assume(true <= ref.FLOAT64_MAX)  # overflow is covered in test_losses
    assert_accurate(focal.focal_reduction(p, y, g), true)


@PROPERTY
@given(probabilities, labels)
def test_p_t(p: float, y: int) -> None:
    assert_accurate(focal.p_t(p, y), ref.p_t(p, y))


# --- from logits --------------------------------------------------------------------


@PROPERTY
@given(logits, labels)
def test_cross_entropy_from_logits(x: float, y: int) -> None:
    assert_accurate(
        focal.cross_entropy_from_logits(x, y), ref.cross_entropy_from_logits(x, y)
    )


@PROPERTY
@given(logits, labels)
def test_p_t_from_logits(x: float, y: int) -> None:
    assert_accurate(focal.p_t_from_logits(x, y), ref.p_t_from_logits(x, y))


@PROPERTY
@given(logits, labels, gammas)
@example(40.0, 1, 2.0)  # about 1.8e-35, where (1 - sigmoid(40))**2 is 0
def test_modulating_factor_from_logits(x: float, y: int, g: float) -> None:
    assert_accurate(
        focal.modulating_factor_from_logits(x, y, g),
        ref.modulating_factor_from_logits(x, y, g),
    )


@PROPERTY
@given(logits, labels, gammas, alphas)
@example(40.0, 1, 2.0, None)
@example(-1e4, 1, 10.0, 0.25)
@example(745.0, 0, 0.0, 1.0)
def test_focal_loss_from_logits(x: float, y: int, g: float, a: float | None) -> None:
    assert_accurate(
        focal.focal_loss_from_logits(x, y, g, a),
        ref.focal_loss_from_logits(x, y, g, a),
    )


@PROPERTY
@given(logits, labels)
def test_grad_cross_entropy(x: float, y: int) -> None:
    assert_accurate(focal.grad_cross_entropy(x, y), ref.grad_cross_entropy(x, y))


@PROPERTY
@given(logits, labels, gammas, alphas)
@example(50.0, 1, 0.1, None)
@example(-36.7, 0, 0.5, 0.25)
def test_grad_focal_loss(x: float, y: int, g: float, a: float | None) -> None:
    assert_accurate(focal.grad_focal_loss(x, y, g, a), ref.grad_focal_loss(x, y, g, a))


@PROPERTY
@given(logits, labels, star_gammas, betas)
@example(7180.0, 1, 0.1, 0.0)  # 1.5e-311: a subnormal e^-718 divided by 0.1
def test_focal_loss_star(x: float, y: int, g: float, b: float) -> None:
    assert_accurate(focal.focal_loss_star(x, y, g, b), ref.focal_loss_star(x, y, g, b))


@PROPERTY
@given(logits, labels, star_gammas, betas)
def test_grad_focal_loss_star(x: float, y: int, g: float, b: float) -> None:
    assert_accurate(
        focal.grad_focal_loss_star(x, y, g, b), ref.grad_focal_loss_star(x, y, g, b)
    )


# --- prior bias -----------------------------------------------------------------------

near_half = st.builds(
    lambda sign, k: 0.5 + sign * 10.0**-k,
    st.sampled_from([-1.0, 1.0]),
    st.floats(1.0, 15.0),
)


@PROPERTY
@given(st.one_of(probabilities, near_half))
@example(0.01)
@example(0.5000004260072739)
def test_prior_bias(pi: float) -> None:
    """Near pi = 0.5, where log(pi) - log1p(-pi) would cancel (relative error
    ~6.5e-11 at pi = 0.5000004260072739, true value 1.70402909560649e-06)."""
    assert_accurate(focal.prior_bias(pi), ref.prior_bias(pi))


@PROPERTY
@given(logits)
@example(-745.0)
@example(-1e4)
def test_sigmoid(x: float) -> None:
    assert_accurate(focal.sigmoid(x), ref.sigmoid(x))


@PROPERTY
@given(st.one_of(probabilities, near_half))
@example(1e-300)
@example(0.4999988203757029)
def test_logit(p: float) -> None:
    """Near p = 0.5, as for prior_bias (the same formula)."""
    assert_accurate(focal.logit(p), ref.logit(p))


# --- the check itself -------------------------------------------------------------


def test_the_check_sees_a_wrong_subnormal() -> None:
    # σ(-740) = 4.19e-322 is subnormal: a check that only looks at normal values
    # (the old assume(is_normal(true))) would pass 0 or any other number here
    true = ref.sigmoid(-740.0)
    assert true != 0 and not ref.is_normal(true)
    assert ref.accuracy_problem(focal.sigmoid(-740.0), true) is None
    assert ref.accuracy_problem(0.0, true) is not None  # flushed to zero
    off_by_two = focal.sigmoid(-740.0) + 2 * ref.FLOAT64_SUBNORMAL_STEP
    assert ref.accuracy_problem(off_by_two, true) is not None
    assert ref.accuracy_problem(1e-300, ref.sigmoid(-1e4)) is not None  # true ~0
    assert ref.accuracy_problem(0.0, ref.sigmoid(-1e4)) is None


# --- the reference itself ---------------------------------------------------------


def _decimal_cases() -> list[tuple[str, Any, Any]]:
    """The reference against Python's decimal module, an independent arithmetic.

    Decimal(float) is the float's exact binary value, so both sides evaluate the
    formula at the same inputs.
    """
    D = decimal.Decimal
    one = D(1)
    # p_t, 1 - p_t and CE of the logit 40 for y = 1; of 0 they are 1/2, 1/2, ln 2
    e = D(-40).exp()
    p_40, q_40, ce_40 = one / (one + e), e / (one + e), (one + e).ln()
    half = D(0.5)
    return [
        ("CE(0.9, 1)", ref.cross_entropy(0.9, 1), -D(0.9).ln()),
        ("CE(0.8, 0)", ref.cross_entropy(0.8, 0), -(one - D(0.8)).ln()),
        (
            "FL(0.1, 1, 2)",
            ref.focal_loss(0.1, 1, 2.0),
            (one - D(0.1)) ** 2 * -D(0.1).ln(),
        ),
        (
            "FL(0.2, 0, 2, 0.25)",
            ref.focal_loss(0.2, 0, 2.0, 0.25),
            (one - D(0.25)) * D(0.2) ** 2 * -(one - D(0.2)).ln(),
        ),
        (
            "FL(x=40, y=1, 2)",
            ref.focal_loss_from_logits(40.0, 1, 2.0),
            q_40**2 * ce_40,
        ),
        (
            "dFL/dx(x=40, y=1, 2)",
            ref.grad_focal_loss(40.0, 1, 2.0),
            q_40**2 * (2 * p_40 * -ce_40 + p_40 - one),
        ),
        (
            "dFL/dx(x=0, y=0, 2, 0.25)",
            ref.grad_focal_loss(0.0, 0, 2.0, 0.25),
            -(one - D(0.25)) * half**2 * (2 * half * -D(2).ln() + half - one),
        ),
        (
            "FL*(0, 1, 2, 1)",
            ref.focal_loss_star(0.0, 1, 2.0, 1.0),
            (one + D(-1).exp()).ln() / 2,
        ),
        (
            "dFL*/dx(0.5, 0, 4, 0)",
            ref.grad_focal_loss_star(0.5, 0, 4.0, 0.0),
            one / (one + D(-2).exp()),
        ),
        (
            "prior_bias(0.01)",
            ref.prior_bias(0.01),
            (D(0.01) / (one - D(0.01))).ln(),
        ),
    ]


def test_reference_agrees_with_decimal_arithmetic() -> None:
    with decimal.localcontext() as context:
        context.prec = 60  # (1 + e^-40).ln() keeps ~42 of them
        cases = _decimal_cases()
    for name, true, independent in cases:
        with mp.workdps(60):
            difference = abs(true - mp.mpf(str(independent)))
            assert difference <= mp.mpf("1e-40") * abs(true), name
