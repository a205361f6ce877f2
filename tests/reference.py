"""Reference implementations of the core's formulas in 50-digit mpmath arithmetic.

Each function takes the same float64 inputs as its counterpart in ``focal`` and
returns an ``mpmath.mpf``: the value of the formula at those exact binary inputs,
correct to far more digits than float64 holds. The formulas are written straight
from the paper (Eq. 2, 4, 5, Appendix A and B); the only care taken is that
``1 - p_t`` and ``log(p_t)`` are formed without cancellation when working from a
logit, so that 50 digits stay 50 digits even at ``x = 1e4``.

Conventions shared with the core: ``0**0 = 1``; an ``alpha_t`` of 0 gives exactly
0 even where the unweighted loss is infinite; ``p_t = 0`` gives ``+inf``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from mpmath import mp, mpf

#: Decimal digits of working precision.
DPS = 50

#: The smallest positive normal float64.
FLOAT64_TINY = 2.2250738585072014e-308
#: The largest finite float64.
FLOAT64_MAX = 1.7976931348623157e308

INF = mpf("inf")


def _precise(function: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``function`` at ``DPS`` digits whatever the caller's mpmath precision."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with mp.workdps(DPS):
            return function(*args, **kwargs)

    return wrapper


def _label(y: Any) -> int:
    y = float(y)
    if y not in (0.0, 1.0):
        raise ValueError("the reference takes y in {0, 1}")
    return int(y)


def _alpha_t(alpha: float | None, y: int) -> mpf:
    if alpha is None:
        return mpf(1)
    return mpf(alpha) if y == 1 else 1 - mpf(alpha)


def _pow(base: mpf, gamma: float) -> mpf:
    # 0**0 = 1 and 0**gamma = 0 for gamma > 0, as in the paper's Figure 1.
    if base == 0:
        return mpf(1) if gamma == 0 else mpf(0)
    return base ** mpf(gamma)


# --- from probabilities --------------------------------------------------------


def _probability_terms(p: float, y: Any) -> tuple[mpf, mpf, mpf]:
    """``(p_t, 1 - p_t, CE)`` for the probability ``p``.

    ``1 - p`` is not formed where it would round at 50 digits (``p = 1e-200``
    for a negative): there ``1 - p_t`` is ``p`` itself and ``CE = -log1p(-p)``.
    """
    p_ = mpf(p)
    if _label(y) == 1:
        pt, q = p_, 1 - p_
        ce = INF if p_ == 0 else -mp.log(p_)
    else:
        pt, q = 1 - p_, p_
        ce = INF if p_ == 1 else -mp.log1p(-p_)
    return pt, q, ce


@_precise
def p_t(p: float, y: Any) -> mpf:
    """``p`` for positives, ``1 - p`` for negatives."""
    return _probability_terms(p, y)[0]


@_precise
def cross_entropy(p: float, y: Any) -> mpf:
    """``CE = -log(p_t)`` (Eq. 2)."""
    return _probability_terms(p, y)[2]


@_precise
def modulating_factor(p: float, y: Any, gamma: float) -> mpf:
    """``(1 - p_t)**gamma``."""
    return _pow(_probability_terms(p, y)[1], gamma)


@_precise
def focal_loss(p: float, y: Any, gamma: float, alpha: float | None = None) -> mpf:
    """``FL = -alpha_t (1 - p_t)**gamma log(p_t)`` (Eq. 4, or Eq. 5 with alpha)."""
    weight = _alpha_t(alpha, _label(y))
    _, q, ce = _probability_terms(p, y)
    if weight == 0 or ce == 0:
        return mpf(0)
    return weight * _pow(q, gamma) * ce


# --- from logits ---------------------------------------------------------------


@_precise
def sigmoid_terms(x: float, y: Any) -> tuple[mpf, mpf, mpf]:
    """``(p_t, 1 - p_t, CE)`` for the logit ``x``: ``p_t = sigmoid(x_t)``,
    ``x_t = x`` for positives and ``-x`` for negatives, ``CE = log(1 + exp(-x_t))``.
    """
    x_t = mpf(x) if _label(y) == 1 else -mpf(x)
    if x_t == INF:
        return mpf(1), mpf(0), mpf(0)
    if x_t == -INF:
        return mpf(0), mpf(1), INF
    e = mp.exp(-abs(x_t))
    if x_t >= 0:
        return 1 / (1 + e), e / (1 + e), mp.log1p(e)
    return e / (1 + e), 1 / (1 + e), mp.log1p(e) - x_t


@_precise
def sigmoid(x: float) -> mpf:
    """``1 / (1 + exp(-x))``."""
    return sigmoid_terms(x, 1)[0]


@_precise
def p_t_from_logits(x: float, y: Any) -> mpf:
    """``p_t = sigmoid(x_t)``."""
    return sigmoid_terms(x, y)[0]


@_precise
def modulating_factor_from_logits(x: float, y: Any, gamma: float) -> mpf:
    """``(1 - p_t)**gamma = sigmoid(-x_t)**gamma``."""
    return _pow(sigmoid_terms(x, y)[1], gamma)


@_precise
def cross_entropy_from_logits(x: float, y: Any) -> mpf:
    """``CE(sigmoid(x), y)``."""
    return sigmoid_terms(x, y)[2]


@_precise
def focal_loss_from_logits(
    x: float, y: Any, gamma: float, alpha: float | None = None
) -> mpf:
    """``FL(sigmoid(x), y)``."""
    weight = _alpha_t(alpha, _label(y))
    _, q, ce = sigmoid_terms(x, y)
    if weight == 0 or ce == 0:
        return mpf(0)
    return weight * _pow(q, gamma) * ce


@_precise
def grad_cross_entropy(x: float, y: Any) -> mpf:
    """Appendix B: ``dCE/dx = y_s (p_t - 1)``, with ``p_t - 1`` taken as
    ``-(1 - p_t)`` so that it keeps its digits when ``p_t`` is within 1e-50 of 1.
    """
    y_s = 2 * _label(y) - 1
    _, q, _ = sigmoid_terms(x, y)
    return y_s * (-q)


@_precise
def grad_focal_loss(x: float, y: Any, gamma: float, alpha: float | None = None) -> mpf:
    """Appendix B: ``dFL/dx = y_s alpha_t (1 - p_t)**gamma
    (gamma p_t log(p_t) + p_t - 1)``, with ``log(p_t) = -CE`` and
    ``p_t - 1 = -(1 - p_t)`` taken from the logit directly.
    """
    label = _label(y)
    y_s = 2 * label - 1
    weight = _alpha_t(alpha, label)
    if weight == 0:
        return mpf(0)
    pt, q, ce = sigmoid_terms(x, y)
    pt_log_pt = mpf(0) if pt == 0 else pt * (-ce)  # p log p -> 0 as p -> 0
    return y_s * weight * _pow(q, gamma) * (gamma * pt_log_pt + (-q))


# --- FL* (Appendix A) ----------------------------------------------------------


def _z(x: float, y: Any, gamma: float, beta: float) -> mpf:
    x_t = mpf(x) if _label(y) == 1 else -mpf(x)
    return mpf(gamma) * x_t + mpf(beta)


@_precise
def focal_loss_star(x: float, y: Any, gamma: float, beta: float) -> mpf:
    """``FL* = -log(p*_t) / gamma`` with ``p*_t = sigmoid(gamma x_t + beta)``."""
    z = _z(x, y, gamma, beta)
    if z == INF:
        return mpf(0)
    if z == -INF:
        return INF
    softplus = mp.log1p(mp.exp(-abs(z))) + max(-z, mpf(0))  # -log(sigmoid(z))
    return softplus / mpf(gamma)


@_precise
def grad_focal_loss_star(x: float, y: Any, gamma: float, beta: float) -> mpf:
    """Appendix B: ``dFL*/dx = y_s (p*_t - 1)``, with ``p*_t - 1 = -sigmoid(-z)``."""
    y_s = 2 * _label(y) - 1
    z = _z(x, y, gamma, beta)
    if z == INF:
        return mpf(0)
    if z == -INF:
        return mpf(-y_s)
    one_minus = mp.exp(-z) / (1 + mp.exp(-z)) if z >= 0 else 1 / (1 + mp.exp(z))
    return y_s * (-one_minus)


# --- other formulas --------------------------------------------------------------


@_precise
def prior_bias(pi: float) -> mpf:
    """``b = -log((1 - pi) / pi)`` (§3.3)."""
    return -mp.log((1 - mpf(pi)) / mpf(pi))


@_precise
def logit(p: float) -> mpf:
    """``log(p / (1 - p))``, the inverse of ``sigmoid``: -inf at 0, +inf at 1."""
    p_ = mpf(p)
    if p_ == 0:
        return -INF
    if p_ == 1:
        return INF
    return mp.log(p_) - mp.log1p(-p_)


@_precise
def focal_reduction(p: float, y: Any, gamma: float) -> mpf:
    """``CE / FL = 1 / (1 - p_t)**gamma``."""
    factor = modulating_factor(p, y, gamma)
    return INF if factor == 0 else 1 / factor


def _gradient_ratio(p_t: Any, gamma: float) -> mpf:
    """Appendix B's ``dFL/dx`` over ``dCE/dx`` (no α) as a function of ``p_t``:
    ``(1 - p_t)**gamma (gamma p_t log(p_t) + p_t - 1) / (p_t - 1)``."""
    # at the caller's precision, which mp.diff raises while it differentiates
    t, g = mpf(p_t), mpf(gamma)
    return (1 - t) ** g * (g * t * mp.log(t) + t - 1) / (t - 1)


@_precise
def gradient_ratio_peak(gamma: float) -> tuple[mpf, mpf, mpf]:
    """The maximum of :func:`_gradient_ratio` over ``p_t`` in (0, 1), where it is
    reached, and where the ratio falls back to 1, for ``gamma > 0``.

    The maximum is a root of the ratio's derivative, taken by mpmath's own
    numerical differentiation (not the core's closed form of its sign), and
    found by the Anderson-Björck solver inside a bracket from a coarse scan.
    """
    ratio = lambda t: _gradient_ratio(t, gamma)  # noqa: E731
    slope = lambda t: mp.diff(ratio, t)  # noqa: E731
    grid = [mpf(k) / 1000 for k in range(1, 1000)]
    rising = [t for t in grid if slope(t) > 0]
    top = max(rising)
    p_t = mp.findroot(slope, (top, top + mpf(1) / 1000), solver="anderson")
    above = [t for t in grid if t > p_t and ratio(t) > 1]
    last = max(above)
    gain_below = mp.findroot(
        lambda t: ratio(t) - 1, (last, last + mpf(1) / 1000), solver="anderson"
    )
    return ratio(p_t), p_t, gain_below


# --- comparing ---------------------------------------------------------------------


def is_normal(true: mpf) -> bool:
    """True when ``true`` is a nonzero value inside float64's normal range."""
    with mp.workdps(DPS):
        return FLOAT64_TINY <= abs(true) <= FLOAT64_MAX


@_precise
def relative_error(got: float, true: mpf) -> mpf:
    """``|got - true| / |true|``; 0 when both are the same zero or infinity."""
    got_ = mpf(got)
    if true == 0 or mp.isinf(true):
        return mpf(0) if got_ == true else INF
    return abs(got_ - true) / abs(true)


#: The smallest positive subnormal float64, the spacing of all subnormals.
FLOAT64_SUBNORMAL_STEP = 2.0**-1074

#: How far a subnormal result may be from the truth, in subnormal steps, beyond
#: the relative tolerance: the last operations of a formula round on that grid.
SUBNORMAL_STEPS = 1


def accuracy_problem(got: float, true: mpf, tolerance: float = 1e-12) -> str | None:
    """Why ``got`` is not float64's best answer for ``true``, or None when it is.

    A true 0 must be exactly 0; a normal value within ``tolerance`` relative
    error; a subnormal value within that relative error plus
    :data:`SUBNORMAL_STEPS` step of the grid of subnormals (so 0 only when the
    truth is that close to it); beyond the largest float, ``inf`` of its sign.
    """
    with mp.workdps(DPS):
        if true == 0:
            return None if got == 0.0 else f"true value 0, got {got!r}"
        if abs(true) > FLOAT64_MAX:
            ok = mp.isinf(mpf(got)) and (got > 0) == (true > 0)
            return None if ok else f"true value {mp.nstr(true, 20)}, got {got!r}"
        if is_normal(true):
            error = relative_error(got, true)
            if error <= tolerance:
                return None
            return (
                f"got {got!r}, true {mp.nstr(true, 20)}, "
                f"relative error {float(error):.3e}"
            )
        # the grid's spacing, plus the relative error a normal value may have
        error = abs(mpf(got) - true)
        if error <= tolerance * abs(true) + SUBNORMAL_STEPS * FLOAT64_SUBNORMAL_STEP:
            return None
        steps = error / mpf(FLOAT64_SUBNORMAL_STEP)
        return (
            f"got {got!r}, true subnormal {mp.nstr(true, 20)}, "
            f"{float(steps):.1f} subnormal steps away"
        )


def assert_accurate(
    got: Any, true: mpf, scale: mpf | None = None, tolerance: float = 1e-12
) -> None:
    """``got`` is a float and float64's best answer for ``true``
    (:func:`accuracy_problem`); with ``scale`` (a true value that is a
    difference of terms that cancel), within ``tolerance`` relative to it."""
    assert type(got) is float
    if scale is not None and true != 0 and not mp.isinf(true):
        error = abs(mpf(got) - true) / scale
        assert error <= tolerance, f"got {got!r}, true {mp.nstr(true, 20)}"
        return
    problem = accuracy_problem(got, true, tolerance)
    assert problem is None, problem


@_precise
def focal_gradient_ratio(
    x: float, y: Any, gamma: float, alpha: float | None = None
) -> mpf:
    """``(dFL/dx) / (dCE/dx)`` from Appendix B's two gradients, for finite ``x``."""
    return grad_focal_loss(x, y, gamma, alpha) / grad_cross_entropy(x, y)
