"""How focal loss shifts the balance between a hard and an easy example."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from focal import _validate as check
from focal._validate import FloatArray
from focal.losses import _cross_entropy, _one_minus_p_t


@dataclass(frozen=True)
class HardEasyRatio:
    """Loss of a hard example divided by the loss of an easy one.

    Attributes
    ----------
    ce_ratio : ndarray or float
        CE(hard) / CE(easy).
    fl_ratio : ndarray or float
        FL(hard) / FL(easy), with the same γ and α for both.
    amplification : ndarray or float
        ``fl_ratio / ce_ratio = ((1 - p_t,hard) / (1 - p_t,easy))**gamma``: how much
        more the hard example weighs under focal loss than under cross-entropy.
    """

    ce_ratio: FloatArray | float
    fl_ratio: FloatArray | float
    amplification: FloatArray | float


def hard_easy_ratio(
    p_hard: ArrayLike,
    p_easy: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
) -> HardEasyRatio:
    """Compare the loss of a hard and an easy example of the same class.

    Parameters
    ----------
    p_hard, p_easy : array_like
        Predicted probability of the positive class for each example, in [0, 1].
    y : array_like
        Their common label, 0 or 1.
    gamma : array_like, default 2.0
        Focusing parameter, finite and >= 0 (an array gives one ratio per γ).
    alpha : array_like or None, default None
        α-balancing weight or ``None``. Both examples share ``alpha_t``, so it
        cancels from every ratio (FL ratio = CE ratio x amplification); it is
        checked and accepted for symmetry with ``focal_loss``.

    Returns
    -------
    HardEasyRatio
        The CE ratio, the FL ratio and their quotient. For the document's
        positives (p = 0.1 and 0.9, γ = 2): 21.85, 1770.2 and 81. A ratio whose
        easy example has ``p_t = 1`` is ``+inf``; ``0/0`` (both ``p_t = 1``) is NaN.

    Examples
    --------
    >>> r = hard_easy_ratio(0.1, 0.9, 1)
    >>> round(r.amplification, 6)
    81.0
    """
    p_hard_ = check.probability("p_hard", p_hard)
    p_easy_ = check.probability("p_easy", p_easy)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(p_hard=p_hard_, p_easy=p_easy_, y=y_, gamma=gamma_, alpha=alpha_)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ce_ratio = _cross_entropy(p_hard_, y_) / _cross_entropy(p_easy_, y_)
        base = _one_minus_p_t(p_hard_, y_) / _one_minus_p_t(p_easy_, y_)
        amplification = np.power(base, gamma_)
        fl_ratio = ce_ratio * amplification
    # every field has the shape of all inputs broadcast together (alpha included)
    shape = np.broadcast_shapes(
        np.shape(fl_ratio), np.shape(alpha_) if alpha_ is not None else ()
    )
    ce_ratio, fl_ratio, amplification = (
        np.broadcast_to(field, shape).copy()
        for field in (ce_ratio, fl_ratio, amplification)
    )
    inputs = (p_hard, p_easy, y, gamma, alpha)
    return HardEasyRatio(
        ce_ratio=check.result(ce_ratio, *inputs),
        fl_ratio=check.result(fl_ratio, *inputs),
        amplification=check.result(amplification, *inputs),
    )
