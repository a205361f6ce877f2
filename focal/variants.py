"""What came after focal loss: Poly-1 focal, QFL, VFL and ASL, from probabilities.

Notation as in :mod:`focal.losses`: ``p`` is the predicted probability of the
positive class, ``y`` the label (0 or 1), ``p_t = p`` if ``y = 1`` else
``1 - p``. Soft targets (an IoU quality in [0, 1]) are called ``q``, as in the
VarifocalNet paper; Generalized Focal Loss writes the same target ``y``.

    Poly-1 FL = alpha_t (1 - p_t)**gamma CE + epsilon (1 - p_t)**(gamma + 1)
    QFL       = |q - p|**beta BCE(p, q)
    VFL       = q BCE(p, q)                        if q > 0
                alpha p**gamma (-log(1 - p))       if q = 0
    ASL       = (1 - p)**gamma_pos (-log p)        if y = 1
                p_m**gamma_neg (-log(1 - p_m))     if y = 0, p_m = max(p - m, 0)

with ``BCE(p, q) = -(q log p + (1 - q) log(1 - p))`` and ``0 log 0 = 0``.
Every loss is computed without ``1 - p`` rounding where ``p`` is near 0 or 1,
is exactly 0 where the prediction matches a hard target, ``+inf`` where a
nonzero target gets probability 0, and raises no NumPy warning.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from focal import _validate as check
from focal._validate import FloatArray
from focal.losses import (
    _alpha_t,
    _cross_entropy,
    _logit,
    _one_minus_p_t,
    focal_loss,
    focal_loss_star,
)

#: Terms of the series of ``atanh(s) - s`` in :func:`_ce_minus_q` (s < 1/3).
_SERIES_TERMS = 20


def _ce_minus_q(q: FloatArray, ce: FloatArray) -> FloatArray:
    """``-log(1 - q) - q`` (that is ``CE - (1 - p_t)``) without cancellation.

    For ``q < 1/2`` the difference is about ``q**2 / 2`` while both terms are
    about ``q``; there ``-log(1 - q) = 2 atanh(s)`` with ``s = q / (2 - q)``
    gives ``2 s**2 / (1 + s) + 2 (atanh(s) - s)``, a sum of positive terms.
    """
    s = q / (2.0 - q)
    s2 = s * s
    tail = np.zeros_like(s)  # (atanh(s) - s) / s**3, by Horner in s**2
    for k in range(_SERIES_TERMS, 0, -1):
        tail = tail * s2 + 1.0 / (2 * k + 1)
    series = 2.0 * s2 / (1.0 + s) + 2.0 * s * s2 * tail
    with np.errstate(invalid="ignore"):
        return np.where(q < 0.5, series, ce - q)


def poly1_focal_loss(
    p: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = 2.0,
    epsilon: ArrayLike = 1.0,
    alpha: ArrayLike | None = None,
) -> FloatArray | float:
    """Poly-1 focal loss (PolyLoss, Leng et al. 2022).

    Focal loss plus ``epsilon (1 - p_t)**(gamma + 1)``, the first term of its
    polynomial expansion in ``1 - p_t``, with an adjustable weight.

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : array_like
        Label, 0 or 1.
    gamma : array_like, default 2.0
        Focusing parameter of FL, finite and >= 0.
    epsilon : array_like, default 1.0
        Weight of the first polynomial term, finite and >= -1 (at -1 that term
        is removed from the unweighted loss, which stays >= 0).
    alpha : array_like or None, default None
        α-balancing of the FL part, in [0, 1], or None for none. As in the
        PolyLoss reference code the added term is not weighted by ``alpha_t``,
        so with ``alpha`` and a negative ``epsilon`` the loss can be negative.

    Returns
    -------
    ndarray or float
        ``alpha_t (1 - p_t)**gamma CE + epsilon (1 - p_t)**(gamma + 1)`` in nats:
        0 at ``p_t = 1``, ``+inf`` at ``p_t = 0`` (``epsilon`` there when
        ``alpha_t = 0``). Accurate to a few ulp wherever the two parts do not
        cancel, i.e. wherever ``alpha_t + epsilon >= 0``.
    """
    p_ = check.probability("p", p)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    epsilon_ = check.as_float("epsilon", epsilon)
    if (~np.isfinite(epsilon_) | (epsilon_ < -1.0)).any():
        raise ValueError("epsilon must be finite and >= -1")
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(p=p_, y=y_, gamma=gamma_, epsilon=epsilon_, alpha=alpha_)
    weight = np.float64(1.0) if alpha_ is None else _alpha_t(alpha_, y_)
    q = _one_minus_p_t(p_, y_)
    ce = _cross_entropy(p_, y_)
    # alpha_t CE + epsilon q = alpha_t (CE - q) + (alpha_t + epsilon) q: two terms
    # of one sign whenever alpha_t + epsilon >= 0, so no cancellation there.
    with np.errstate(invalid="ignore"):
        fl_part = np.where(weight == 0.0, 0.0, weight * _ce_minus_q(q, ce))
        loss = np.power(q, gamma_) * (fl_part + (weight + epsilon_) * q)
    return check.result(loss, p, y, gamma, epsilon, alpha)


def _binary_cross_entropy(p: FloatArray, q: FloatArray) -> FloatArray:
    """``-(q log p + (1 - q) log(1 - p))`` with ``0 log 0 = 0``: two terms >= 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = np.where(q == 0.0, 0.0, q * (0.0 - np.log(p)))
        negative = np.where(q == 1.0, 0.0, (1.0 - q) * (0.0 - np.log1p(-p)))
    return positive + negative


def quality_focal_loss(
    p: ArrayLike, q: ArrayLike, beta: ArrayLike = 2.0
) -> FloatArray | float:
    """Quality Focal Loss (Generalized Focal Loss, Li et al. 2020).

    Parameters
    ----------
    p : array_like
        Predicted probability (the joint class-and-quality score), in [0, 1].
    q : array_like
        Soft target in [0, 1]: the IoU of the predicted box with its object for
        a positive, 0 for a negative (the paper calls it ``y``).
    beta : array_like, default 2.0
        Focusing parameter, finite and >= 0 (``0**0 = 1``).

    Returns
    -------
    ndarray or float
        ``|q - p|**beta BCE(p, q)`` in nats: 0 where ``p = q``, ``+inf`` where
        ``p = 0 < q`` or ``p = 1 > q``. With ``q`` in {0, 1} it is focal loss
        with ``gamma = beta``.
    """
    p_ = check.probability("p", p)
    q_ = check.probability("q", q)
    beta_ = check.gamma("beta", beta)
    check.broadcast(p=p_, q=q_, beta=beta_)
    distance = np.power(np.abs(q_ - p_), beta_)
    bce = _binary_cross_entropy(p_, q_)
    # BCE is infinite only where p is 0 or 1 and q is not: there the distance is
    # positive even when its power underflows to 0, and the loss is infinite
    with np.errstate(invalid="ignore"):
        loss = np.where(np.isinf(bce), np.inf, distance * bce)
    return check.result(loss, p, q, beta)


def varifocal_loss(
    p: ArrayLike, q: ArrayLike, alpha: ArrayLike = 0.75, gamma: ArrayLike = 2.0
) -> FloatArray | float:
    """Varifocal Loss (VarifocalNet, Zhang et al. 2021).

    Parameters
    ----------
    p : array_like
        Predicted IoU-aware classification score, in [0, 1].
    q : array_like
        Target in [0, 1]: the IoU with the object for a positive (``q > 0``),
        0 for a negative.
    alpha : array_like, default 0.75
        Weight of the negatives, in [0, 1] (here α weights the negatives).
    gamma : array_like, default 2.0
        Focusing parameter of the negatives, finite and >= 0.

    Returns
    -------
    ndarray or float
        ``q BCE(p, q)`` for positives, unscaled by ``p``; ``-alpha p**gamma
        log(1 - p)`` for negatives. 0 at ``p = 0`` for a negative and at ``p = 1``
        for ``q = 1``; ``+inf`` at ``p = 0`` for a positive and at ``p = 1`` for
        ``q < 1`` (unless ``alpha = 0`` for a negative).
    """
    p_ = check.probability("p", p)
    q_ = check.probability("q", q)
    alpha_ = check.probability("alpha", alpha)
    gamma_ = check.gamma("gamma", gamma)
    check.broadcast(p=p_, q=q_, alpha=alpha_, gamma=gamma_)
    with np.errstate(divide="ignore", invalid="ignore"):
        negative = np.power(p_, gamma_) * (0.0 - np.log1p(-p_))
        negative = np.where(alpha_ == 0.0, 0.0, alpha_ * negative)
        positive = q_ * _binary_cross_entropy(p_, q_)
    loss = np.where(q_ > 0.0, positive, negative)
    return check.result(loss, p, q, alpha, gamma)


def asymmetric_loss(
    p: ArrayLike,
    y: ArrayLike,
    gamma_pos: ArrayLike = 1.0,
    gamma_neg: ArrayLike = 4.0,
    margin: ArrayLike = 0.05,
) -> FloatArray | float:
    """Asymmetric Loss (ASL, Ridnik et al. 2021), elementwise for one label.

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : array_like
        Label, 0 or 1.
    gamma_pos : array_like, default 1.0
        Focusing parameter of positives, finite and >= 0 (the paper often
        uses 0).
    gamma_neg : array_like, default 4.0
        Focusing parameter of negatives, finite and >= 0.
    margin : array_like, default 0.05
        Probability margin ``m`` in [0, 1]: a negative is scored with the shifted
        ``p_m = max(p - m, 0)``, so negatives with ``p <= m`` cost nothing.

    Returns
    -------
    ndarray or float
        ``(1 - p)**gamma_pos (-log p)`` for positives and
        ``p_m**gamma_neg (-log(1 - p_m))`` for negatives, in nats; ``+inf`` only
        at ``p = 0`` for a positive or at ``p = 1`` for a negative with ``m = 0``.
    """
    p_ = check.probability("p", p)
    y_ = check.label("y", y)
    gamma_pos_ = check.gamma("gamma_pos", gamma_pos)
    gamma_neg_ = check.gamma("gamma_neg", gamma_neg)
    margin_ = check.probability("margin", margin)
    check.broadcast(
        p=p_, y=y_, gamma_pos=gamma_pos_, gamma_neg=gamma_neg_, margin=margin_
    )
    positive = np.power(_one_minus_p_t(p_, 1.0), gamma_pos_) * _cross_entropy(p_, 1.0)
    p_m = np.maximum(p_ - margin_, 0.0)
    # 1 - p_m = (1 - p) + m, where 1 - p is exact (p >= 1/2 whenever p_m >= 1/2)
    with np.errstate(divide="ignore"):
        ce_m = np.where(
            p_m < 0.5, 0.0 - np.log1p(-p_m), 0.0 - np.log((1.0 - p_) + margin_)
        )
    negative = np.power(p_m, gamma_neg_) * ce_m
    loss = np.where(y_ == 1.0, positive, negative)
    return check.result(loss, p, y, gamma_pos, gamma_neg, margin)


# --- the variants page: every loss against p_t -------------------------------------


@dataclass(frozen=True)
class VariantSettings:
    """The parameters of each variant, defaults as in the papers.

    Attributes
    ----------
    star_gamma, star_beta : float
        FL* (Appendix A): ``gamma > 0`` and ``beta``; the paper shows (2, 1).
    poly_epsilon : float
        Poly-1 focal: ``epsilon >= -1``.
    qfl_beta : float
        QFL: ``beta >= 0``.
    vfl_alpha, vfl_gamma : float
        VFL: weight and focusing parameter of the negatives.
    asl_gamma_pos, asl_gamma_neg, asl_margin : float
        ASL: focusing of positives and negatives, probability margin.
    q : float
        Soft target (IoU) of a positive for QFL and VFL; negatives have 0.
    """

    star_gamma: float = 2.0
    star_beta: float = 1.0
    poly_epsilon: float = 1.0
    qfl_beta: float = 2.0
    vfl_alpha: float = 0.75
    vfl_gamma: float = 2.0
    asl_gamma_pos: float = 1.0
    asl_gamma_neg: float = 4.0
    asl_margin: float = 0.05
    q: float = 1.0


#: The losses :func:`variant_losses` returns, in the order the page lists them.
VARIANTS: tuple[str, ...] = ("ce", "fl", "fl_star", "poly1", "qfl", "vfl", "asl")


def variant_losses(
    p: ArrayLike,
    y: int,
    gamma: float = 2.0,
    alpha: float | None = None,
    settings: VariantSettings | None = None,
) -> dict[str, FloatArray | float]:
    """Every loss of the variants page at the predicted probability ``p``.

    Parameters
    ----------
    p : array_like
        Predicted probability of the positive class, in [0, 1].
    y : int
        Label, 0 or 1. A positive has the soft target ``settings.q`` in QFL and
        VFL, a negative 0.
    gamma, alpha : float, float or None
        FL's focusing parameter and α-balancing (also used by Poly-1 focal).
    settings : VariantSettings or None, default None
        The other variants' parameters; None for the papers' defaults.

    Returns
    -------
    dict of str to ndarray or float
        Keyed by :data:`VARIANTS`: CE, FL, FL* (at the logit of ``p``), Poly-1
        focal, QFL, VFL and ASL.
    """
    settings = settings or VariantSettings()
    p_ = check.probability("p", p)
    label = int(check.label("y", y))
    target = settings.q if label == 1 else 0.0
    star = focal_loss_star(_logit(p_), label, settings.star_gamma, settings.star_beta)
    asl = asymmetric_loss(
        p, label, settings.asl_gamma_pos, settings.asl_gamma_neg, settings.asl_margin
    )
    return {
        "ce": focal_loss(p, label, 0.0),
        "fl": focal_loss(p, label, gamma, alpha),
        "fl_star": check.result(np.asarray(star, dtype=np.float64), p),
        "poly1": poly1_focal_loss(p, label, gamma, settings.poly_epsilon, alpha),
        "qfl": quality_focal_loss(p, target, settings.qfl_beta),
        "vfl": varifocal_loss(p, target, settings.vfl_alpha, settings.vfl_gamma),
        "asl": asl,
    }
