"""Derivatives of the losses with respect to the logit ``x`` (the paper's Appendix B).

With ``y_s = +1`` for positives and ``-1`` for negatives:

    dCE/dx  = y_s (p_t - 1)
    dFL/dx  = y_s alpha_t (1 - p_t)**gamma (gamma p_t log(p_t) + p_t - 1)
    dFL*/dx = y_s (p*_t - 1)

The analytic forms are evaluated directly (no autograd through ``(1 - p_t)**gamma``),
so they stay finite for ``gamma < 1`` at saturated logits, where autograd gives NaN.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from focal import _validate as check
from focal._kernels import blockwise, grad_focal_loss_kernel, sigmoid_terms, star_shift
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
