"""Derivatives of the losses with respect to the logit ``x`` (the paper's Appendix B).

With ``y_s = +1`` for positives and ``-1`` for negatives:

    dCE/dx  = y_s (p_t - 1)
    dFL/dx  = y_s alpha_t (1 - p_t)**gamma (gamma p_t log(p_t) + p_t - 1)
    dFL*/dx = y_s (p*_t - 1)

The analytic forms are evaluated directly (no autograd through ``(1 - p_t)**gamma``),
so they stay finite for ``gamma < 1`` at saturated logits, where autograd gives NaN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from focal import _validate as check
from focal._kernels import (
    blockwise,
    grad_focal_loss_kernel,
    modulating_factor_terms,
    sigmoid_terms,
    star_shift,
)
from focal._validate import FloatArray


def _sign(y: FloatArray) -> FloatArray:
    return 2.0 * y - 1.0


def grad_cross_entropy(x: ArrayLike, y: ArrayLike) -> FloatArray | float:
    """Derivative of binary cross-entropy with respect to the logit.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).
    y : array_like
        Label, 0 or 1.

    Returns
    -------
    ndarray or float
        ``y_s (p_t - 1)``, which equals ``sigmoid(x) - y``; in [-1, 1].
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    check.broadcast(x=x_, y=y_)
    _, q, _ = sigmoid_terms(x_, y_)
    return check.result(0.0 - _sign(y_) * q, x, y)


def grad_focal_loss(
    x: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
) -> FloatArray | float:
    """Derivative of focal loss with respect to the logit.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).
    y : array_like
        Label, 0 or 1.
    gamma : array_like, default 2.0
        Focusing parameter, finite and >= 0; ``gamma = 0`` gives the CE gradient.
    alpha : array_like or None, default None
        ``None`` for no α-balancing, or the positive-class weight in [0, 1].

    Returns
    -------
    ndarray or float
        ``y_s alpha_t (1 - p_t)**gamma (gamma p_t log(p_t) + p_t - 1)``, written
        as ``-y_s alpha_t (1 - p_t)**gamma (gamma p_t CE + 1 - p_t)`` so that both
        terms in the bracket are non-negative and nothing cancels.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(x=x_, y=y_, gamma=gamma_, alpha=alpha_)
    grad = blockwise(grad_focal_loss_kernel, x_, y_, gamma_, alpha_)
    return check.result(grad, x, y, gamma, alpha)


def grad_focal_loss_star(
    x: ArrayLike, y: ArrayLike, gamma: ArrayLike, beta: ArrayLike
) -> FloatArray | float:
    """Derivative of FL* (Appendix A) with respect to the logit.

    Parameters
    ----------
    x : array_like
        Logit, any real number.
    y : array_like
        Label, 0 or 1.
    gamma : array_like
        Sharpness, finite and > 0.
    beta : array_like
        Shift, any finite number.

    Returns
    -------
    ndarray or float
        ``y_s (p*_t - 1)`` with ``p*_t = sigmoid(gamma x_t + beta)``.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma, positive=True)
    beta_ = check.finite("beta", beta)
    check.broadcast(x=x_, y=y_, gamma=gamma_, beta=beta_)
    # z = gamma x_t + beta, whose sign is that of x_t + beta / gamma (no overflow)
    w = star_shift(np.where(y_ == 1.0, x_, -x_), gamma_, beta_)
    with np.errstate(over="ignore"):
        e = np.exp(-np.abs(gamma_ * w))
    one_minus_p_star = np.where(w >= 0.0, e, 1.0) / (1.0 + e)
    return check.result(0.0 - _sign(y_) * one_minus_p_star, x, y, gamma, beta)


def focal_gradient_ratio(
    x: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
) -> FloatArray | float:
    """How much of the cross-entropy gradient focal loss keeps: ``(dFL/dx)/(dCE/dx)``.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).
    y : array_like
        Label, 0 or 1.
    gamma : array_like, default 2.0
        Focusing parameter, finite and >= 0; ``gamma = 0`` gives ``alpha_t``.
    alpha : array_like or None, default None
        ``None`` for no α-balancing, or the positive-class weight in [0, 1].

    Returns
    -------
    ndarray or float
        ``alpha_t (1 - p_t)**gamma (1 + gamma p_t CE / (1 - p_t))``, in
        ``[0, alpha_t * gradient_ratio_peak(gamma).ratio]`` (a maximum of about
        1.22 at ``gamma = 2``; see :func:`gradient_ratio_peak`); computed
        without dividing the two gradients, so it stays exact where both
        underflow. ``CE / (1 - p_t)`` tends to 1 as ``p_t -> 1`` and ``p_t CE``
        to 0 as ``p_t -> 0``.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(x=x_, y=y_, gamma=gamma_, alpha=alpha_)
    p_t, q, ce = sigmoid_terms(x_, y_)
    # CE / (1 - p_t) -> 1 where 1 - p_t underflows to 0 (CE with it)
    ce_over_q = np.divide(ce, q, out=np.ones_like(ce), where=q > 0.0)
    # p_t CE -> 0 as p_t -> 0; only x_t = -inf would give 0 * inf
    p_t_ce = np.multiply(p_t, ce_over_q, out=np.zeros_like(ce), where=p_t > 0.0)
    # (1 - p_t)**gamma stays a normal float where 1 - p_t itself underflows
    ratio = modulating_factor_terms(x_, y_, q, ce, gamma_) * (1.0 + gamma_ * p_t_ce)
    if alpha_ is not None:
        ratio = ratio * np.where(y_ == 1.0, alpha_, 1.0 - alpha_)
    return check.result(ratio, x, y, gamma, alpha)


#: Bisection steps of :func:`gradient_ratio_peak`: each halves an interval of
#: log p_t (at most 745 long) or of p_t, far below float64 spacing after 128.
_BISECTIONS = 128
#: log of the smallest positive float64 (a subnormal): the left end for log p_t.
_LOG_SMALLEST = math.log(5e-324)


@dataclass(frozen=True)
class GradientRatioPeak:
    """Where focal loss pushes an example harder than cross-entropy, and how much.

    Without α-balancing, ``(dFL/dx) / (dCE/dx)`` depends on ``p_t`` alone:
    ``(1 - p_t)**gamma + gamma p_t (1 - p_t)**(gamma - 1) CE``. For ``gamma > 0``
    it tends to 1 as ``p_t -> 0``, rises to a single maximum, then falls to 0
    at ``p_t = 1``. α-balancing multiplies it by ``alpha_t``.

    Attributes
    ----------
    ratio : ndarray or float
        The largest ratio: about 1.0765, 1.1353, 1.2246 and 1.3936 for
        ``gamma`` = 0.5, 1, 2 and 5; 1 for ``gamma = 0``, where FL is CE.
    p_t : ndarray or float
        Where the maximum is reached: about 0.104 for ``gamma = 2``, a
        misclassified example; NaN for ``gamma = 0`` (the ratio is 1 everywhere).
    gain_below : ndarray or float
        The ratio exceeds 1 exactly for ``0 < p_t < gain_below``: about 0.298
        for ``gamma = 2``, 0.5 in the limit ``gamma -> 0``; NaN for ``gamma = 0``.
    """

    ratio: FloatArray | float
    p_t: FloatArray | float
    gain_below: FloatArray | float


def gradient_ratio_peak(gamma: ArrayLike = 2.0) -> GradientRatioPeak:
    """The largest share of the cross-entropy gradient focal loss keeps, and where.

    Parameters
    ----------
    gamma : array_like, default 2.0
        Focusing parameter, finite and >= 0.

    Returns
    -------
    GradientRatioPeak
        The maximum over ``p_t`` of ``(dFL/dx) / (dCE/dx)`` (α-balancing off),
        its ``p_t``, and the ``p_t`` below which the ratio exceeds 1. The ratio's
        slope in ``p_t`` has the sign of ``CE (1 - gamma p_t) - 2 (1 - p_t)``,
        positive then negative on (0, 1): bisection on ``log p_t`` finds its
        root, then bisection on ``p_t`` the point where the ratio is 1 again.

    Raises
    ------
    ValueError
        If ``gamma`` is not a finite number >= 0.

    Examples
    --------
    >>> peak = gradient_ratio_peak(2.0)
    >>> round(peak.ratio, 4), round(peak.p_t, 3), round(peak.gain_below, 3)
    (1.2246, 0.104, 0.298)
    """
    gamma_ = check.gamma("gamma", gamma)
    focusing = gamma_ > 0.0
    g = np.where(focusing, gamma_, 1.0)  # γ = 0 is answered apart, below
    with np.errstate(all="ignore"):
        low = np.full_like(g, _LOG_SMALLEST)
        high = np.zeros_like(g)
        for _ in range(_BISECTIONS):
            middle = 0.5 * (low + high)
            t = np.exp(middle)
            rising = (0.0 - middle) * (1.0 - g * t) - 2.0 * (0.0 - np.expm1(middle)) > 0
            low = np.where(rising, middle, low)
            high = np.where(rising, high, middle)
        p_t = np.exp(0.5 * (low + high))

        def log_ratio(t: FloatArray) -> FloatArray:
            # log of (1 - t)**g (1 + g t CE / (1 - t)), each part to full precision
            return g * np.log1p(-t) + np.log1p(g * t * (0.0 - np.log(t)) / (1.0 - t))

        peak = np.exp(log_ratio(p_t))
        low, high = p_t, np.ones_like(g)
        for _ in range(_BISECTIONS):
            middle = 0.5 * (low + high)
            above = log_ratio(middle) > 0.0
            low = np.where(above, middle, low)
            high = np.where(above, high, middle)
        gain_below = 0.5 * (low + high)
    return GradientRatioPeak(
        ratio=check.result(np.where(focusing, peak, 1.0), gamma),
        p_t=check.result(np.where(focusing, p_t, np.nan), gamma),
        gain_below=check.result(np.where(focusing, gain_below, np.nan), gamma),
    )


def grad_focal_loss_autograd_naive(
    x: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
) -> FloatArray | float:
    """dFL/dx as reverse-mode autograd evaluates it through ``(1 - p_t)**gamma``.

    A deliberately naive reference for teaching, not a gradient to train with:
    it rounds ``p = sigmoid(x)`` to float64 first, then applies the chain rule
    step by step as autograd frameworks do (the derivative of ``u**gamma`` is
    ``gamma u**(gamma - 1)``, and a zero exponent gives 0, as in PyTorch). Once
    ``p_t`` rounds to 1 (``x_t`` of about 37 or more) and ``gamma < 1``, the factor
    ``u**(gamma - 1)`` is infinite while the value of the other factor,
    ``-log(p_t)``, by which the product rule multiplies it, is 0, so the
    product ``0 * inf`` is NaN and the NaN reaches ``dFL/dx``; once
    ``p_t`` rounds to 0, ``-1/p_t`` is infinite and meets ``dp_t/dx = 0``.

    NaN is the intended output there: it is what training code built on
    autograd receives. The operations run under a local ``np.errstate`` so no
    NumPy warning is emitted. Compare :func:`grad_focal_loss`, which is finite
    everywhere.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).
    y : array_like
        Label, 0 or 1.
    gamma : array_like, default 2.0
        Focusing parameter, finite and >= 0.
    alpha : array_like or None, default None
        ``None`` for no α-balancing, or the positive-class weight in [0, 1].

    Returns
    -------
    ndarray or float
        The chain-rule value; equal to :func:`grad_focal_loss` up to rounding
        where ``p_t`` is not rounded to 0 or 1, NaN where autograd gives NaN.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(x=x_, y=y_, gamma=gamma_, alpha=alpha_)
    weight = 1.0 if alpha_ is None else np.where(y_ == 1.0, alpha_, 1.0 - alpha_)
    with np.errstate(all="ignore"):  # NaN and inf are this function's point
        # forward, as a framework records it
        p = 1.0 / (1.0 + np.exp(-x_))
        p_t = np.where(y_ == 1.0, p, 1.0 - p)
        u = 1.0 - p_t
        modulating = np.power(u, gamma_)
        ce = -np.log(p_t)
        # backward: loss = weight * modulating * ce
        d_modulating = weight * ce
        d_ce = weight * modulating
        d_u_factor = np.where(gamma_ == 0.0, 0.0, gamma_ * np.power(u, gamma_ - 1.0))
        d_u = d_modulating * d_u_factor
        d_p_t = -d_u + d_ce * (-1.0 / p_t)
        d_p = np.where(y_ == 1.0, d_p_t, -d_p_t)
        grad = d_p * (p * (1.0 - p))
    return check.result(grad, x, y, gamma, alpha)
