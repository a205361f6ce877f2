"""50-digit mpmath references for :mod:`focal.variants`, written from the papers.

Same conventions as :mod:`reference`: the value of the formula at the exact
binary inputs; ``0**0 = 1``, ``0 log 0 = 0``, a zero class weight gives 0 even
where the rest is infinite, a nonzero target with probability 0 gives ``+inf``.
"""

from __future__ import annotations

from typing import Any

from mpmath import mp, mpf
from reference import INF, _alpha_t, _label, _pow, _precise, _probability_terms


def _neg_log(x: mpf) -> mpf:
    """``-log(x)``, ``+inf`` at 0."""
    return INF if x == 0 else -mp.log(x)


def _neg_log1m(p: mpf) -> mpf:
    """``-log(1 - p)`` by ``log1p``: 1 - 1e-300 would round to 1 even at 50 digits."""
    return INF if p == 1 else -mp.log1p(-p)


def _bce(p: mpf, q: mpf) -> mpf:
    """``-(q log p + (1 - q) log(1 - p))`` with ``0 log 0 = 0``."""
    positive = mpf(0) if q == 0 else q * _neg_log(p)
    negative = mpf(0) if q == 1 else (1 - q) * _neg_log1m(p)
    return positive + negative


#: Digits for Poly-1: with epsilon = -1 its two parts agree to ~300 digits at
#: 1 - p_t = 1e-300, and the reference must not cancel where the core does not.
POLY1_DPS = 800


def poly1_focal_loss(
    p: float, y: Any, gamma: float, epsilon: float, alpha: float | None = None
) -> tuple[mpf, mpf, mpf]:
    """PolyLoss's Poly-1 form of FL, ``FL + epsilon (1 - p_t)**(gamma + 1)``, and
    its two parts, at :data:`POLY1_DPS` digits."""
    with mp.workdps(POLY1_DPS):
        weight = _alpha_t(alpha, _label(y))
        _, q, ce = _probability_terms(p, y)
        focal = mpf(0) if weight == 0 or ce == 0 else weight * _pow(q, gamma) * ce
        poly = mpf(epsilon) * _pow(q, gamma + 1)
        return focal + poly, focal, poly


@_precise
def quality_focal_loss(p: float, q: float, beta: float) -> mpf:
    """GFL's QFL: ``|q - p|**beta BCE(p, q)``."""
    p_, q_ = mpf(p), mpf(q)
    bce = _bce(p_, q_)
    if bce == INF:
        return INF
    return _pow(abs(mp.fsub(q_, p_, exact=True)), beta) * bce


@_precise
def varifocal_loss(p: float, q: float, alpha: float, gamma: float) -> mpf:
    """VarifocalNet's VFL: ``q BCE(p, q)`` for q > 0, ``alpha p**gamma (-log(1 - p))``
    for q = 0."""
    p_, q_ = mpf(p), mpf(q)
    if q_ > 0:
        return q_ * _bce(p_, q_)
    if alpha == 0:
        return mpf(0)
    return mpf(alpha) * _pow(p_, gamma) * _neg_log1m(p_)


@_precise
def asymmetric_loss(
    p: float, y: Any, gamma_pos: float, gamma_neg: float, margin: float
) -> mpf:
    """ASL: ``(1 - p)**gamma_pos (-log p)`` for positives and
    ``p_m**gamma_neg (-log(1 - p_m))``, ``p_m = max(p - m, 0)``, for negatives."""
    p_ = mpf(p)
    if _label(y) == 1:
        ce = _neg_log(p_)
        return mpf(0) if ce == 0 else _pow(1 - p_, gamma_pos) * ce
    p_m = max(mp.fsub(p_, mpf(margin), exact=True), mpf(0))
    # 1 - p_m exactly: at 50 digits 1 - (1 - 1e-114) would round to 0
    ce = _neg_log(mp.fsub(1, p_m, exact=True)) if p_m >= 0.5 else _neg_log1m(p_m)
    return mpf(0) if ce == 0 else _pow(p_m, gamma_neg) * ce
