"""The series the app plots, computed by the core: grids in, arrays out.

Figure builders draw these arrays as they are; nothing is recomputed outside
the core.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focal import _validate as check
from focal._validate import FloatArray
from focal.gradients import (
    focal_gradient_ratio,
    grad_cross_entropy,
    grad_focal_loss,
    grad_focal_loss_star,
)
from focal.losses import cross_entropy, focal_loss

#: The γ values of the paper's Figure 1.
FIGURE1_GAMMAS: tuple[float, ...] = (0.0, 0.5, 1.0, 2.0, 5.0)


def probability_grid(points: int = 501) -> FloatArray:
    """Evenly spaced probabilities on [0, 1], both ends included.

    Parameters
    ----------
    points : int, default 501
        Number of points, at least 2.

    Returns
    -------
    ndarray
        ``points`` values from 0 to 1.
    """
    if points < 2:
        raise ValueError("points must be >= 2")
    return np.linspace(0.0, 1.0, points)


@dataclass(frozen=True)
class LossCurves:
    """Loss against ``p`` for one label, with ``p_t`` alongside for the other axis.

    Attributes
    ----------
    p, p_t : ndarray
        The grid of probabilities and the matching ``p_t``.
    ce : ndarray
        Cross-entropy.
    fl : ndarray
        Focal loss at the chosen γ, α-balanced when α is given.
    ce_balanced : ndarray or None
        α-balanced cross-entropy (``alpha_t * CE``) when α is given.
    """

    p: FloatArray
    p_t: FloatArray
    ce: FloatArray
    fl: FloatArray
    ce_balanced: FloatArray | None


def loss_curves(
    y: int, gamma: float, alpha: float | None = None, points: int = 501
) -> LossCurves:
    """CE, FL and (with α) α-balanced CE over the whole probability range.

    Parameters
    ----------
    y : int
        Label, 0 or 1.
    gamma : float
        Focusing parameter, finite and >= 0.
    alpha : float or None, default None
        α-balancing weight in [0, 1], or None for none.
    points : int, default 501
        Grid size.

    Returns
    -------
    LossCurves
        Arrays of length ``points``; losses are ``+inf`` where ``p_t = 0``.
    """
    p = probability_grid(points)
    p_t_grid = p if check.label("y", y) == 1.0 else 1.0 - p
    return LossCurves(
        p=p,
        p_t=p_t_grid,
        ce=cross_entropy(p, y),
        fl=focal_loss(p, y, gamma, alpha),
        ce_balanced=None if alpha is None else focal_loss(p, y, 0.0, alpha),
    )


def focal_family(
    gammas: FloatArray | tuple[float, ...], points: int = 501
) -> FloatArray:
    """FL against ``p_t`` for several γ (no α), as in the paper's Figure 1.

    Parameters
    ----------
    gammas : sequence of float
        The focusing parameters, each finite and >= 0.
    points : int, default 501
        Grid size of ``p_t`` (see :func:`probability_grid`).

    Returns
    -------
    ndarray, shape (len(gammas), points)
        Row ``i`` is FL at ``gammas[i]``; ``p_t`` is ``probability_grid(points)``.
    """
    gammas_ = np.asarray(gammas, dtype=np.float64).reshape(-1, 1)
    return focal_loss(probability_grid(points), 1, gammas_)


def gamma_grid(high: float = 5.0, step: float = 0.1) -> FloatArray:
    """γ from 0 to ``high`` in steps of ``step``, both ends included.

    Parameters
    ----------
    high : float, default 5.0
        Largest γ.
    step : float, default 0.1
        Spacing.

    Returns
    -------
    ndarray
        The grid, rounded to the step's decimals so that 0.3 reads 0.3.
    """
    count = round(high / step) + 1
    return np.round(np.linspace(0.0, high, count), 10)


#: The FL* setting of the paper's Figure 6 and Table 3: (gamma, beta).
FL_STAR_SETTING: tuple[float, float] = (2.0, 1.0)


@dataclass(frozen=True)
class GradientCurves:
    """Derivatives with respect to the logit over a grid (the paper's Figure 6).

    Attributes
    ----------
    x : ndarray
        The logit grid.
    ce, fl, fl_star : ndarray
        dCE/dx, dFL/dx (α-balanced when α is given) and dFL*/dx at the chosen
        (γ*, β), :data:`FL_STAR_SETTING` by default, for the chosen label.
    ratio : ndarray or None
        ``(dFL/dx) / (dCE/dx)`` from :func:`focal.gradients.focal_gradient_ratio`
        (None only when built by hand without it).
    """

    x: FloatArray
    ce: FloatArray
    fl: FloatArray
    fl_star: FloatArray
    ratio: FloatArray | None = None


def gradient_curves(
    y: int,
    gamma: float,
    alpha: float | None = None,
    span: float = 10.0,
    points: int = 801,
    *,
    gamma_star: float = FL_STAR_SETTING[0],
    beta: float = FL_STAR_SETTING[1],
) -> GradientCurves:
    """dCE/dx, dFL/dx, dFL*/dx and their ratio for ``x`` in ``[-span, span]``.

    Parameters
    ----------
    y : int
        Label, 0 or 1. For ``y = 1`` this is the paper's Figure 6 (``x_t = x``);
        for ``y = 0`` it is its mirror image.
    gamma : float
        Focusing parameter of FL, finite and >= 0.
    alpha : float or None, default None
        α-balancing weight of FL, or None.
    span : float, default 10.0
        Half-width of the grid (the paper plots [-10, 10]).
    points : int, default 801
        Grid size.
    gamma_star : float, default 2.0
        γ of FL*, finite and > 0 (the paper shows 2 and 4).
    beta : float, default 1.0
        β of FL*, finite (the paper shows 1 and 0).

    Returns
    -------
    GradientCurves
        The curves, ``ratio`` included.
    """
    x = np.linspace(-span, span, points)
    return GradientCurves(
        x=x,
        ce=grad_cross_entropy(x, y),
        fl=grad_focal_loss(x, y, gamma, alpha),
        fl_star=grad_focal_loss_star(x, y, gamma_star, beta),
        ratio=focal_gradient_ratio(x, y, gamma, alpha),
    )
