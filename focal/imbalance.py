"""Why imbalance matters in a one-stage detector: the loss of one image, by group.

A detector scores every anchor of an image; a few cover an object (positives),
a few more are background that looks like an object (hard negatives) and the
rest is plain background (easy negatives). :func:`draw_population` draws such a
population of logits, seeded and reproducible; :func:`loss_by_group` adds up
the loss of each group under CE, α-balanced CE and FL, normalised by the number
of positives as in the paper (§4.1); :func:`cumulative_loss` gives the curves of
the paper's Figure 4.

The population model, chosen to be easy to explain: the logit ``x`` of every
prediction in a group is normal, centred on the logit of the group's typical
probability (:data:`TYPICAL_P`) with standard deviation ``spread``. ``spread = 0``
puts every prediction of a group at its typical ``p``; ``spread = 1`` multiplies
or divides the odds ``p / (1 - p)`` by e ≈ 2.7 for one standard deviation.
Easy negatives sit at ``p = 0.01``, an illustrative value: the same number as
the prior ``pi`` of the paper's §3.3, where every anchor *starts*, but a trained
detector puts its easy negatives far lower.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from focal import _validate as check
from focal._validate import FloatArray
from focal.losses import (
    cross_entropy_from_logits,
    focal_loss_from_logits,
    logit,
    sigmoid,
)

#: The groups, in the order of their codes 0, 1, 2 (``Population.group``).
GROUPS: tuple[str, ...] = ("positives", "hard_negatives", "easy_negatives")
POSITIVES, HARD_NEGATIVES, EASY_NEGATIVES = range(3)

#: Typical (median) predicted probability of "object" in each group.
TYPICAL_P: tuple[float, float, float] = (0.7, 0.4, 0.01)

#: The losses of :class:`GroupLosses`, in the order of its rows.
LOSSES: tuple[str, ...] = ("ce", "ce_balanced", "fl", "fl_balanced")

#: The γ of the paper's Figure 4.
FIGURE4_GAMMAS: tuple[float, ...] = (0.0, 0.5, 1.0, 2.0)

#: Largest population :func:`draw_population` draws (all groups together).
MAX_PREDICTIONS = 2_000_000
#: Largest spread (standard deviation of the logit).
MAX_SPREAD = 5.0
#: Seeds are integers in [0, MAX_SEED].
MAX_SEED = 2**32 - 1

IntArray = NDArray[np.int8]


@dataclass(frozen=True)
class Preset:
    """A detector's population of predictions for one image.

    Attributes
    ----------
    name : str
        Key of the preset (its label lives in the app's string tables).
    positives, hard_negatives, easy_negatives : int
        Number of predictions in each group.
    spread : float
        Standard deviation of the logit in every group.
    """

    name: str
    positives: int
    hard_negatives: int
    easy_negatives: int
    spread: float

    @property
    def total(self) -> int:
        """Number of predictions."""
        return self.positives + self.hard_negatives + self.easy_negatives


#: YOLO v3 at 416×416 predicts 3 boxes on 13×13, 26×26 and 52×52 grids,
#: (13² + 26² + 52²) × 3 = 10,647 per image; each object is matched to one of
#: them. RetinaNet scores about 100k anchors per image, a ratio near 1:1000.
PRESETS: tuple[Preset, ...] = (
    Preset("yolo", positives=7, hard_negatives=40, easy_negatives=10_600, spread=1.0),
    Preset(
        "retinanet",
        positives=100,
        hard_negatives=1_000,
        easy_negatives=98_900,
        spread=1.0,
    ),
)
PRESET_BY_NAME: dict[str, Preset] = {preset.name: preset for preset in PRESETS}


@dataclass(frozen=True)
class Population:
    """Predictions for one image, grouped; within a group by increasing logit.

    Attributes
    ----------
    x : ndarray
        Logit of every prediction.
    p : ndarray
        ``sigmoid(x)``, the predicted probability of "object".
    y : ndarray
        Label: 1.0 for positives, 0.0 for negatives.
    group : ndarray of int8
        0 positive, 1 hard negative, 2 easy negative (see :data:`GROUPS`).
    counts : tuple of int
        Size of each group.
    """

    x: FloatArray
    p: FloatArray
    y: FloatArray
    group: IntArray
    counts: tuple[int, int, int]


def _count(name: str, value: ArrayLike, low: int) -> int:
    number = check.as_float(name, value)
    if (
        number.ndim != 0
        or not math.isfinite(number)
        or not float(number).is_integer()
        or not low <= number <= MAX_PREDICTIONS
    ):
        raise ValueError(f"{name} must be an integer in [{low}, {MAX_PREDICTIONS}]")
    return int(number)


def _scalar(name: str, array: FloatArray) -> float:
    if array.ndim != 0:
        raise ValueError(f"{name} must be a single number")
    return float(array)


def draw_population(
    positives: ArrayLike,
    hard_negatives: ArrayLike,
    easy_negatives: ArrayLike,
    spread: ArrayLike = 1.0,
    seed: ArrayLike = 0,
) -> Population:
    """Draw the predictions of one image: a seeded, reproducible population.

    The logits of group ``g`` are ``logit(TYPICAL_P[g]) + spread * z`` with ``z``
    standard normal from ``np.random.default_rng([seed, g])``: each group has its
    own stream, so changing one group's count leaves the others' draws alone.

    Parameters
    ----------
    positives : int
        Predictions that cover an object, in [1, 2,000,000].
    hard_negatives, easy_negatives : int
        Background predictions that look like an object, and plain background,
        each in [0, 2,000,000]; the three counts add up to at most 2,000,000.
    spread : float, default 1.0
        Standard deviation of the logit in every group, in [0, 5].
    seed : int, default 0
        Seed of the random draws, in [0, 2**32 - 1].

    Returns
    -------
    Population
        Positives first, then hard and easy negatives, each sorted by logit.

    Examples
    --------
    >>> population = draw_population(7, 40, 10_600)
    >>> population.x.size
    10647
    """
    counts = (
        _count("positives", positives, 1),
        _count("hard_negatives", hard_negatives, 0),
        _count("easy_negatives", easy_negatives, 0),
    )
    spread_ = check.as_float("spread", spread)
    if spread_.ndim != 0 or not 0.0 <= spread_ <= MAX_SPREAD:
        raise ValueError(f"spread must be a number in [0, {MAX_SPREAD:g}]")
    seed_ = check.as_float("seed", seed)
    if (
        seed_.ndim != 0
        or not math.isfinite(seed_)
        or not float(seed_).is_integer()
        or not 0 <= seed_ <= MAX_SEED
    ):
        raise ValueError(f"seed must be an integer in [0, {MAX_SEED}]")
    if sum(counts) > MAX_PREDICTIONS:
        raise ValueError(
            "positives + hard_negatives + easy_negatives must be at most "
            f"{MAX_PREDICTIONS}"
        )
    centres = logit(np.array(TYPICAL_P))
    x = np.concatenate(
        [
            centres[g]
            + float(spread_)
            * np.sort(np.random.default_rng([int(seed_), g]).standard_normal(n))
            for g, n in enumerate(counts)
        ]
    )
    group = np.repeat(np.arange(3, dtype=np.int8), counts)
    return Population(
        x=x,
        p=sigmoid(x),
        y=(group == POSITIVES).astype(np.float64),
        group=group,
        counts=counts,
    )


@dataclass(frozen=True)
class GroupLosses:
    """The loss of one image, added up by group, under four losses.

    Rows follow :data:`LOSSES` (CE, α-balanced CE, FL, α-balanced FL), columns
    :data:`GROUPS` (positives, hard negatives, easy negatives).

    Attributes
    ----------
    totals : ndarray, shape (4, 3)
        Sum of the loss over each group.
    per_positive : ndarray, shape (4, 3)
        ``totals`` divided by the number of positives: the paper's
        normalisation (its sums over rows are the image's loss).
    image_loss : ndarray, shape (4,)
        The loss of the image under each loss: the sum over every group,
        divided by the number of positives.
    shares : ndarray, shape (4, 3)
        Each group's share of its row's total (rows add up to 1); NaN in a row
        whose total is 0 or infinite.
    counts : ndarray of int, shape (3,)
        Size of each group.
    count_shares : ndarray, shape (3,)
        Each group's share of the predictions.
    """

    totals: FloatArray
    per_positive: FloatArray
    image_loss: FloatArray
    shares: FloatArray
    counts: NDArray[np.int64]
    count_shares: FloatArray


def _groups(name: str, value: ArrayLike) -> NDArray[np.intp]:
    array = check.as_float(name, value)
    if ((array != 0.0) & (array != 1.0) & (array != 2.0)).any():
        raise ValueError(f"{name} must be 0, 1 or 2")
    return array.astype(np.intp)


def _same_shape(**arrays: np.ndarray) -> list[np.ndarray]:
    try:
        return [a.ravel() for a in np.broadcast_arrays(*arrays.values())]
    except ValueError:
        names = ", ".join(arrays)
        raise ValueError(f"{names} must have the same shape") from None


def loss_by_group(
    x: ArrayLike,
    y: ArrayLike,
    group: ArrayLike,
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike = 0.25,
) -> GroupLosses:
    """Add up CE, α-balanced CE, FL and α-balanced FL over each group.

    Every elementwise loss comes from :func:`cross_entropy_from_logits` and
    :func:`focal_loss_from_logits`; this function only sums and divides.

    Parameters
    ----------
    x : array_like
        Logits of the predictions.
    y : array_like
        Their labels, 0 or 1; at least one must be 1.
    group : array_like
        Their groups, 0, 1 or 2 (as :func:`draw_population` labels them).
    gamma : float, default 2.0
        Focusing parameter of FL, finite and >= 0.
    alpha : float, default 0.25
        Weight of the positive class in the α-balanced losses, in [0, 1].

    Returns
    -------
    GroupLosses
        Totals, totals per positive, and shares, by loss and group.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    group_ = _groups("group", group)
    gamma_ = _scalar("gamma", check.gamma("gamma", gamma))
    alpha_ = _scalar("alpha", check.probability("alpha", alpha))
    x_, y_, group_ = _same_shape(x=x_, y=y_, group=group_)
    positives = int(np.count_nonzero(y_))
    if positives == 0:
        raise ValueError("y must contain at least one positive (1)")
    losses = (
        cross_entropy_from_logits(x_, y_),
        focal_loss_from_logits(x_, y_, 0.0, alpha_),
        focal_loss_from_logits(x_, y_, gamma_),
        focal_loss_from_logits(x_, y_, gamma_, alpha_),
    )
    members = [group_ == g for g in range(3)]
    counts = np.array([np.count_nonzero(m) for m in members], dtype=np.int64)
    # masked sums are pairwise (accurate) where bincount adds one by one
    totals = np.array([[loss[m].sum() for m in members] for loss in losses])
    row_totals = totals.sum(axis=1, keepdims=True)
    usable = np.isfinite(row_totals) & (row_totals > 0.0)
    shares = np.divide(
        totals, row_totals, out=np.full_like(totals, np.nan), where=usable
    )
    per_positive = totals / positives
    return GroupLosses(
        totals=totals,
        per_positive=per_positive,
        image_loss=row_totals[:, 0] / positives,
        shares=shares,
        counts=counts,
        count_shares=counts / counts.sum(),
    )


@dataclass(frozen=True)
class CumulativeLoss:
    """The paper's Figure 4: cumulative normalised loss of positives and negatives.

    For each class the losses are sorted in increasing order and summed; the sum
    is divided by the class's total, so each curve ends at 1.

    Attributes
    ----------
    gamma : ndarray, shape (k,)
        The γ of each curve.
    fraction_positives : ndarray, shape (m,)
        Fraction of positives, from 0 to 1 (exact ends); empty without positives.
    positives : ndarray, shape (k, m)
        Share of the positives' loss carried by that fraction of the positives
        with the smallest loss, one row per γ.
    fraction_negatives : ndarray, shape (n,)
        Same for negatives.
    negatives : ndarray, shape (k, n)
        Same for negatives (NaN rows where a class's total loss is 0).
    """

    gamma: FloatArray
    fraction_positives: FloatArray
    positives: FloatArray
    fraction_negatives: FloatArray
    negatives: FloatArray


def _cumulative(
    x_t: FloatArray, gammas: FloatArray, points: int
) -> tuple[FloatArray, FloatArray]:
    """Downsampled cumulative curves of one class, from its ``x_t``."""
    count = x_t.size
    if count == 0:
        return np.empty(0), np.empty((gammas.size, 0))
    # The loss falls as x_t grows, for every γ: sorting x_t once orders all curves.
    # FL(x, y = 0) is FL(-x, y = 1), so the class's losses are those of x_t, y = 1.
    ordered = np.sort(x_t, kind="stable")[::-1]
    losses = focal_loss_from_logits(ordered, 1.0, gammas[:, None])
    cumulative = np.zeros((gammas.size, count + 1))
    np.cumsum(losses, axis=1, out=cumulative[:, 1:])
    total = cumulative[:, -1:]
    usable = np.isfinite(total) & (total > 0.0)
    normalised = np.divide(
        cumulative,
        total,
        out=np.full_like(cumulative, np.nan),
        where=usable,
    )
    # A few hundred points, evenly spaced along both axes, both ends exact.
    levels = np.linspace(0.0, 1.0, points)
    kept = [np.rint(levels * count).astype(np.intp)]
    for row in normalised[usable[:, 0]]:
        kept.append(np.minimum(np.searchsorted(row, levels), count))
    index = np.unique(np.concatenate(kept))
    return index / count, normalised[:, index]


def cumulative_loss(
    x: ArrayLike,
    y: ArrayLike,
    gamma: ArrayLike = FIGURE4_GAMMAS,
    points: ArrayLike = 201,
) -> CumulativeLoss:
    """Cumulative normalised FL of positives and of negatives (the paper's Figure 4).

    Per class, sort the losses in increasing order, add them up and divide by
    the class's total; plot against the fraction of the class's examples. α
    would cancel (every example of a class has the same α_t), so there is none.

    Parameters
    ----------
    x : array_like
        Logits of the predictions.
    y : array_like
        Their labels, 0 or 1.
    gamma : float or sequence of float, default FIGURE4_GAMMAS
        The γ of each curve, finite and >= 0; γ = 0 is CE.
    points : int, default 201
        Points per axis in each curve, in [2, 100000]: the curves keep the
        examples at that many evenly spaced fractions and at the first example
        that reaches each of that many evenly spaced loss shares.

    Returns
    -------
    CumulativeLoss
        One curve per γ for each class, on a common fraction grid per class.
    """
    x_ = check.logit("x", x)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    if gamma_.ndim > 1:
        raise ValueError("gamma must be a number or a 1-d array")
    points_ = check.as_float("points", points)
    if (
        points_.ndim != 0
        or not math.isfinite(points_)
        or not float(points_).is_integer()
        or not 2 <= points_ <= 100_000
    ):
        raise ValueError("points must be an integer in [2, 100000]")
    x_, y_ = _same_shape(x=x_, y=y_)
    gammas = gamma_.ravel()
    positive = y_ == 1.0
    fraction_pos, curves_pos = _cumulative(x_[positive], gammas, int(points_))
    fraction_neg, curves_neg = _cumulative(-x_[~positive], gammas, int(points_))
    return CumulativeLoss(
        gamma=gammas,
        fraction_positives=fraction_pos,
        positives=curves_pos,
        fraction_negatives=fraction_neg,
        negatives=curves_neg,
    )
