"""The series the Explorer's on-drag chart swaps while γ or p is dragged.

A browser that redraws at display rate cannot wait for the server, so the core
computes, ahead of time, every value a drag can reach: FL over the whole γ grid
(the γ slider's 0.1 steps from 0 to 5) and the point's numbers over the p
slider's 0.01 steps and over the γ grid. The browser only picks the one it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focal._validate import FloatArray
from focal.curves import gamma_grid, probability_grid
from focal.losses import (
    alpha_t,
    cross_entropy,
    focal_loss,
    focal_reduction,
    modulating_factor,
    p_t,
)

#: Steps of the γ and p sliders (``focal.ui.params``; a test checks they agree).
GAMMA_HIGH, GAMMA_STEP = 5.0, 0.1
P_STEP = 0.01


def drag_gammas() -> FloatArray:
    """γ from 0 to 5 in the slider's 0.1 steps: 51 values."""
    return gamma_grid(GAMMA_HIGH, GAMMA_STEP)


def drag_ps() -> FloatArray:
    """p from 0 to 1 in the slider's 0.01 steps: 101 values (0.07 reads 0.07)."""
    return np.round(probability_grid(round(1.0 / P_STEP) + 1), 10)


@dataclass(frozen=True)
class DragCurves:
    """CE and FL for one label (and α) at every γ of :func:`drag_gammas`.

    Attributes
    ----------
    p, p_t : ndarray, shape (points,)
        The probability grid and the matching ``p_t``.
    ce : ndarray, shape (points,)
        Cross-entropy.
    fl : ndarray, shape (len(gammas), points)
        Row ``i`` is FL (α-balanced when α is given) at ``gammas[i]``.
    ce_balanced : ndarray or None
        α-balanced CE when α is given.
    gammas : ndarray
        The γ grid.
    """

    p: FloatArray
    p_t: FloatArray
    ce: FloatArray
    fl: FloatArray
    ce_balanced: FloatArray | None
    gammas: FloatArray


def drag_curves(y: int, alpha: float | None = None, points: int = 201) -> DragCurves:
    """The curves of every γ step, for label ``y`` and weight ``alpha``.

    Parameters
    ----------
    y : int
        Label, 0 or 1.
    alpha : float or None, default None
        α-balancing weight in [0, 1], or None for none.
    points : int, default 201
        Grid size over p (201 includes each of the p slider's steps).

    Returns
    -------
    DragCurves
        Losses are ``+inf`` where ``p_t = 0``.
    """
    p = probability_grid(points)
    gammas = drag_gammas()
    return DragCurves(
        p=p,
        p_t=p_t(p, y),
        ce=cross_entropy(p, y),
        fl=focal_loss(p, y, gammas[:, None], alpha),
        ce_balanced=None if alpha is None else focal_loss(p, y, 0.0, alpha),
        gammas=gammas,
    )


@dataclass(frozen=True)
class PointValues:
    """The numbers beside the chart, at one or many points (arrays broadcast).

    Attributes
    ----------
    p, gamma : ndarray
        Where they were computed.
    p_t, ce, modulating : ndarray
        ``p_t``, CE and ``(1 - p_t)**gamma``.
    fl : ndarray
        The loss the chart shows: FL, or ``alpha_t * FL`` with α.
    ce_balanced : ndarray or None
        ``alpha_t * CE`` with α.
    reduction : ndarray
        CE / that loss (:func:`focal.losses.focal_reduction`).
    alpha_t : float or None
        α_t with α.
    """

    p: FloatArray
    gamma: FloatArray
    p_t: FloatArray
    ce: FloatArray
    modulating: FloatArray
    fl: FloatArray
    ce_balanced: FloatArray | None
    reduction: FloatArray
    alpha_t: float | None


def point_values(
    p: FloatArray | float, y: int, gamma: FloatArray | float, alpha: float | None
) -> PointValues:
    """The numbers at ``p`` and ``gamma`` (either may be a grid).

    Parameters
    ----------
    p : float or ndarray
        Predicted probability of the positive class.
    y : int
        Label, 0 or 1.
    gamma : float or ndarray
        Focusing parameter.
    alpha : float or None
        α-balancing weight, or None.

    Returns
    -------
    PointValues
        Arrays of the broadcast shape of ``p`` and ``gamma``.
    """
    p_, gamma_ = np.broadcast_arrays(np.asarray(p, float), np.asarray(gamma, float))
    return PointValues(
        p=p_,
        gamma=gamma_,
        p_t=np.asarray(p_t(p_, y)),
        ce=np.asarray(cross_entropy(p_, y)),
        modulating=np.asarray(modulating_factor(p_, y, gamma_)),
        fl=np.asarray(focal_loss(p_, y, gamma_, alpha)),
        ce_balanced=None
        if alpha is None
        else np.asarray(focal_loss(p_, y, 0.0, alpha)),
        reduction=np.asarray(focal_reduction(p_, y, gamma_, alpha)),
        alpha_t=None if alpha is None else float(alpha_t(alpha, y)),
    )
