"""The series the Explorer's hard/easy chart swaps while γ, p_hard or p_easy is dragged.

The chart shows the hard/easy loss ratio under CE and FL against γ. Like
:mod:`focal.on_drag`, the core computes ahead of time every value a drag of
one slider can reach from the committed state: along γ (its 51 steps, at the
committed p_t of both examples), along p_hard (101 steps, at the committed
p_easy and γ) and along p_easy (101 steps, at the committed p_hard and γ),
with the whole ratio curve over the γ grid at each p step. Both examples are
positives (y = 1), so p is p_t; α cancels from every ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from focal._validate import FloatArray
from focal.on_drag import drag_gammas, drag_ps
from focal.ratios import hard_easy_ratio


@dataclass(frozen=True)
class RatioSeries:
    """The hard/easy ratios at many points (all fields of one broadcast shape).

    Attributes
    ----------
    p_t_hard, p_t_easy, gamma : ndarray
        Where they were computed.
    ce_ratio : ndarray
        CE(hard) / CE(easy).
    fl_ratio : ndarray
        FL(hard) / FL(easy).
    amplification : ndarray
        ``fl_ratio / ce_ratio = ((1 - p_t,hard) / (1 - p_t,easy))**gamma``.
    """

    p_t_hard: FloatArray
    p_t_easy: FloatArray
    gamma: FloatArray
    ce_ratio: FloatArray
    fl_ratio: FloatArray
    amplification: FloatArray


def ratio_series(
    p_t_hard: FloatArray | float,
    p_t_easy: FloatArray | float,
    gamma: FloatArray | float,
) -> RatioSeries:
    """:func:`focal.hard_easy_ratio` of two positives, on broadcast arrays.

    Parameters
    ----------
    p_t_hard, p_t_easy : float or ndarray
        ``p_t`` of the hard and of the easy example, in [0, 1].
    gamma : float or ndarray
        Focusing parameter, >= 0.

    Returns
    -------
    RatioSeries
        ``+inf`` where the easy example has ``p_t = 1``, NaN for ``0/0``.
    """
    hard, easy, gamma_ = np.broadcast_arrays(
        np.asarray(p_t_hard, float),
        np.asarray(p_t_easy, float),
        np.asarray(gamma, float),
    )
    ratio = hard_easy_ratio(hard, easy, 1, gamma_)
    return RatioSeries(
        p_t_hard=hard,
        p_t_easy=easy,
        gamma=gamma_,
        ce_ratio=np.asarray(ratio.ce_ratio, float),
        fl_ratio=np.asarray(ratio.fl_ratio, float),
        amplification=np.asarray(ratio.amplification, float),
    )


@dataclass(frozen=True)
class RatioDrag:
    """Everything a drag of one of the three sliders can show.

    Attributes
    ----------
    gammas, ps : ndarray
        The γ grid (51 steps) and the p_t grid (101 steps) of the sliders.
    along_gamma : RatioSeries, shape (len(gammas),)
        At the committed p_t of both examples.
    along_hard, along_easy : RatioSeries, shape (len(ps),)
        At the committed γ and the other example's committed p_t.
    curves_hard, curves_easy : RatioSeries, shape (len(ps), len(gammas))
        Row ``i``: the ratio curves over ``gammas`` with that example's
        ``p_t = ps[i]`` and the other's committed.
    """

    gammas: FloatArray
    ps: FloatArray
    along_gamma: RatioSeries
    along_hard: RatioSeries
    along_easy: RatioSeries
    curves_hard: RatioSeries
    curves_easy: RatioSeries


def ratio_drag(p_t_hard: float, p_t_easy: float, gamma: float) -> RatioDrag:
    """The series of every slider step, from the committed state.

    Parameters
    ----------
    p_t_hard, p_t_easy : float
        The committed ``p_t`` of the hard and of the easy example.
    gamma : float
        The committed focusing parameter.

    Returns
    -------
    RatioDrag
        See its attributes.
    """
    gammas, ps = drag_gammas(), drag_ps()
    return RatioDrag(
        gammas=gammas,
        ps=ps,
        along_gamma=ratio_series(p_t_hard, p_t_easy, gammas),
        along_hard=ratio_series(ps, p_t_easy, gamma),
        along_easy=ratio_series(p_t_hard, ps, gamma),
        curves_hard=ratio_series(ps[:, None], p_t_easy, gammas[None, :]),
        curves_easy=ratio_series(p_t_hard, ps[:, None], gammas[None, :]),
    )
