"""Cross-entropy and focal loss, elementwise, from probabilities or from logits.

Notation follows Lin et al. (2017): ``p`` is the predicted probability of the
positive class, ``y`` the label (0 or 1), ``p_t = p`` if ``y = 1`` else ``1 - p``,
``alpha_t = alpha`` if ``y = 1`` else ``1 - alpha``, and

    CE = -log(p_t)                                   (Eq. 2)
    FL = -alpha_t (1 - p_t)**gamma log(p_t)          (Eq. 5)

Everything is computed without forming ``1 - p`` where ``p`` is close to 0 or
``1 - sigmoid(x)`` where ``x`` is large, so the results keep full relative
precision where the textbook formulas round to 0 or overflow.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from focal import _validate as check
from focal._kernels import (
    blockwise,
    focal_loss_kernel,
    modulating_factor_terms,
    sigmoid_terms,
    star_shift,
)
from focal._validate import FloatArray


def _one_minus_p_t(p: FloatArray, y: FloatArray) -> FloatArray:
    # 1 - p_t is p itself for negatives, so no rounding there.
    return np.where(y == 1.0, 1.0 - p, p)


def _cross_entropy(p: FloatArray, y: FloatArray) -> FloatArray:
    # -log1p(-p) keeps relative precision for negatives with tiny p.
    with np.errstate(divide="ignore"):
        # "0.0 -" rather than unary minus: log(1) = 0 gives +0, not -0
        return np.where(y == 1.0, 0.0 - np.log(p), 0.0 - np.log1p(-p))


def _logit(p: FloatArray) -> FloatArray:
    # log(p) - log1p(-p) cancels near p = 1/2; there 2p - 1 and 1 - p are exact
    middle = (p >= 0.25) & (p <= 0.75)
    with np.errstate(divide="ignore"):
        return np.where(
            middle, np.log1p((2.0 * p - 1.0) / (1.0 - p)), np.log(p) - np.log1p(-p)
        )


def _alpha_t(alpha: FloatArray, y: FloatArray) -> FloatArray:
    return np.where(y == 1.0, alpha, 1.0 - alpha)


def p_t(p: ArrayLike, y: ArrayLike) -> FloatArray | float:
    """Probability the model gives to the true class.

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : array_like
        Label, 0 (negative, background) or 1 (positive, object).

    Returns
    -------
    ndarray or float
        ``p`` where ``y = 1`` and ``1 - p`` where ``y = 0``; a float when both
        inputs are scalars.
    """
    p_ = check.probability("p", p)
    y_ = check.label("y", y)
    check.broadcast(p=p_, y=y_)
    return check.result(np.where(y_ == 1.0, p_, 1.0 - p_), p, y)


def alpha_t(alpha: ArrayLike, y: ArrayLike) -> FloatArray | float:
    """Class weight of the paper's Eq. 3: ``alpha`` for positives, ``1 - alpha``
    for negatives.

    Parameters
    ----------
    alpha : array_like
        Weight of the positive class, in [0, 1].
    y : array_like
        Label, 0 or 1.

    Returns
    -------
    ndarray or float
        ``alpha_t``, broadcast over ``alpha`` and ``y``.
    """
    alpha_ = check.probability("alpha", alpha)
    y_ = check.label("y", y)
    check.broadcast(alpha=alpha_, y=y_)
    return check.result(_alpha_t(alpha_, y_), alpha, y)


def cross_entropy(p: ArrayLike, y: ArrayLike) -> FloatArray | float:
    """Binary cross-entropy ``-log(p_t)`` in nats (the paper's Eq. 2).

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : array_like
        Label, 0 or 1.

    Returns
    -------
    ndarray or float
        ``+inf`` where ``p_t = 0`` and exactly 0 where ``p_t = 1``.
    """
    p_ = check.probability("p", p)
    y_ = check.label("y", y)
    check.broadcast(p=p_, y=y_)
    return check.result(_cross_entropy(p_, y_), p, y)


def modulating_factor(
    p: ArrayLike, y: ArrayLike, gamma: ArrayLike
) -> FloatArray | float:
    """The modulating factor ``(1 - p_t)**gamma`` of focal loss.

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : array_like
        Label, 0 or 1.
    gamma : array_like
        Focusing parameter, finite and >= 0. ``0**0`` is taken as 1, so
        ``gamma = 0`` gives a factor of 1 everywhere.

    Returns
    -------
    ndarray or float
        The factor, in [0, 1].
    """
    p_ = check.probability("p", p)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    check.broadcast(p=p_, y=y_, gamma=gamma_)
    return check.result(np.power(_one_minus_p_t(p_, y_), gamma_), p, y, gamma)


def focal_loss(
    p: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
) -> FloatArray | float:
    """Focal loss from probabilities (the paper's Eq. 4, or Eq. 5 with ``alpha``).

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : array_like
        Label, 0 or 1.
    gamma : array_like, default 2.0
        Focusing parameter, finite and >= 0; ``gamma = 0`` gives cross-entropy.
    alpha : array_like or None, default None
        ``None`` leaves α-balancing off (the source document's table); a value
        in [0, 1] multiplies by ``alpha_t`` (Eq. 5). Note that ``alpha = 0``
        zeroes the loss of positives; it does not switch balancing off.

    Returns
    -------
    ndarray or float
        ``-alpha_t (1 - p_t)**gamma log(p_t)``, in nats. It is 0 where
        ``p_t = 1`` for every ``gamma`` and ``+inf`` where ``p_t = 0`` (unless
        ``alpha_t = 0``, where it is 0).
    """
    p_ = check.probability("p", p)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(p=p_, y=y_, gamma=gamma_, alpha=alpha_)
    loss = np.power(_one_minus_p_t(p_, y_), gamma_) * _cross_entropy(p_, y_)
    if alpha_ is not None:
        loss = _weighted(_alpha_t(alpha_, y_), loss)
    return check.result(loss, p, y, gamma, alpha)


def _weighted(weight: FloatArray, loss: FloatArray) -> FloatArray:
    # A zero weight zeroes even an infinite loss: that class is switched off.
    with np.errstate(invalid="ignore"):
        return np.where(weight == 0.0, 0.0, weight * loss)


def cross_entropy_from_logits(x: ArrayLike, y: ArrayLike) -> FloatArray | float:
    """Binary cross-entropy from the logit ``x`` (``p = sigmoid(x)``), fused.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).
    y : array_like
        Label, 0 or 1.

    Returns
    -------
    ndarray or float
        ``softplus(-x_t)`` with ``x_t = x`` for positives and ``-x`` for
        negatives: exact to the last digits for every finite ``x``; about
        ``exp(-x_t)`` for large ``x_t`` and about ``-x_t`` for very negative ones.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    check.broadcast(x=x_, y=y_)
    return check.result(sigmoid_terms(x_, y_)[2], x, y)


def p_t_from_logits(x: ArrayLike, y: ArrayLike) -> FloatArray | float:
    """``p_t = sigmoid(x_t)`` from the logit, with ``x_t = x`` or ``-x`` by label.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).
    y : array_like
        Label, 0 or 1.

    Returns
    -------
    ndarray or float
        ``p_t`` in [0, 1], to full relative precision.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    check.broadcast(x=x_, y=y_)
    return check.result(sigmoid_terms(x_, y_)[0], x, y)


def modulating_factor_from_logits(
    x: ArrayLike, y: ArrayLike, gamma: ArrayLike
) -> FloatArray | float:
    """``(1 - p_t)**gamma`` from the logit, with ``1 - p_t = sigmoid(-x_t)``.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).
    y : array_like
        Label, 0 or 1.
    gamma : array_like
        Focusing parameter, finite and >= 0.

    Returns
    -------
    ndarray or float
        The factor; unlike ``(1 - p)**gamma`` after rounding ``p = sigmoid(x)``
        it is not 0 for large ``x_t`` (about 1.8e-35 at ``x_t = 40, gamma = 2``).
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    check.broadcast(x=x_, y=y_, gamma=gamma_)
    _, q, ce = sigmoid_terms(x_, y_)
    factor = modulating_factor_terms(x_, y_, q, ce, gamma_)
    return check.result(factor, x, y, gamma)


def focal_loss_from_logits(
    x: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
) -> FloatArray | float:
    """Focal loss from the logit ``x``, with sigmoid and loss fused.

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
        ``alpha_t (1 - p_t)**gamma CE``. Unlike ``1 - sigmoid(x)`` based code it
        does not round ``1 - p_t`` to 0: at ``x = 40, y = 1, gamma = 2`` it
        returns about 7.7e-53, not 0.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(x=x_, y=y_, gamma=gamma_, alpha=alpha_)
    loss = blockwise(focal_loss_kernel, x_, y_, gamma_, alpha_)
    return check.result(loss, x, y, gamma, alpha)


def focal_loss_star(
    x: ArrayLike, y: ArrayLike, gamma: ArrayLike, beta: ArrayLike
) -> FloatArray | float:
    """FL*, the paper's Appendix A variant: ``-log(sigmoid(gamma x_t + beta)) / gamma``.

    Parameters
    ----------
    x : array_like
        Logit, any real number.
    y : array_like
        Label, 0 or 1; ``x_t = x`` for positives and ``-x`` for negatives.
    gamma : array_like
        Sharpness, finite and > 0.
    beta : array_like
        Shift, any finite number.

    Returns
    -------
    ndarray or float
        FL* in nats. The paper shows ``(gamma, beta) = (2, 1)`` and ``(4, 0)``.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma, positive=True)
    beta_ = check.finite("beta", beta)
    check.broadcast(x=x_, y=y_, gamma=gamma_, beta=beta_)
    # z = gamma (x_t + beta / gamma) may overflow; the linear part is kept apart
    w = star_shift(np.where(y_ == 1.0, x_, -x_), gamma_, beta_)
    with np.errstate(over="ignore"):  # beyond the float range: +inf, rightly
        z = np.abs(gamma_ * w)
        e = np.exp(-z)
        # log1p(e) = e for a subnormal e, whose rounding / gamma would magnify:
        # there exp(-z - log(gamma)) rounds once
        deep = e < np.finfo(np.float64).tiny
        softplus = np.where(deep, np.exp(-z - np.log(gamma_)), np.log1p(e) / gamma_)
        loss = softplus - np.minimum(w, 0.0)
    return check.result(loss, x, y, gamma, beta)


def prior_bias(pi: ArrayLike) -> FloatArray | float:
    """Initial bias of the classification layer, ``-log((1 - pi) / pi)`` (§3.3).

    Parameters
    ----------
    pi : array_like
        Prior probability of the positive class at the start of training, in
        (0, 1). The paper uses 0.01.

    Returns
    -------
    ndarray or float
        The bias ``b`` with ``sigmoid(b) = pi``; -4.59511985... for ``pi = 0.01``.
    """
    pi_ = check.open_probability("pi", pi)
    return check.result(_logit(pi_), pi)


def focal_reduction(
    p: ArrayLike, y: ArrayLike, gamma: ArrayLike, alpha: ArrayLike | None = None
) -> FloatArray | float:
    """How many times smaller FL is than CE at the same point.

    ``CE / FL = 1 / (alpha_t (1 - p_t)**gamma)``; with ``alpha=None`` this is the
    paper's "100× / 1000× lower loss" statement, ``1 / (1 - p_t)**gamma``.

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : array_like
        Label, 0 or 1.
    gamma : array_like
        Focusing parameter, finite and >= 0.
    alpha : array_like or None, default None
        α-balancing weight of FL in [0, 1], or None; CE is never α-balanced here.

    Returns
    -------
    ndarray or float
        CE / FL; 100 at ``p_t = 0.9, gamma = 2``; ``+inf`` where FL vanishes
        faster than CE (``p_t = 1`` with ``gamma > 0``, or ``alpha_t = 0``).
        At ``p_t = 0`` both are infinite and this is the limit of the ratio.
    """
    factor = modulating_factor(p, y, gamma)
    alpha_ = check.alpha("alpha", alpha)
    if alpha_ is not None:
        check.broadcast(**{"p, y, gamma": np.asarray(factor), "alpha": alpha_})
        factor = factor * _alpha_t(alpha_, check.label("y", y))
    with np.errstate(divide="ignore", over="ignore"):
        return check.result(np.divide(1.0, factor), p, y, gamma, alpha)


def logit(p: ArrayLike) -> FloatArray | float:
    """The logit ``x = log(p / (1 - p))`` with ``sigmoid(x) = p``.

    Parameters
    ----------
    p : array_like
        Probability in [0, 1].

    Returns
    -------
    ndarray or float
        ``-inf`` at 0, ``+inf`` at 1; computed with ``log1p`` so that it keeps
        full precision for tiny ``p``.
    """
    return check.result(_logit(check.probability("p", p)), p)


def sigmoid(x: ArrayLike) -> FloatArray | float:
    """The logistic function ``1 / (1 + exp(-x))``, without overflow.

    Parameters
    ----------
    x : array_like
        Logit, any real number (``±inf`` allowed).

    Returns
    -------
    ndarray or float
        ``p`` in [0, 1], to full relative precision (also for very negative ``x``).
    """
    x_ = check.logit("x", x)
    return check.result(sigmoid_terms(x_, np.ones_like(x_))[0], x)
