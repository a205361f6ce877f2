"""Numbers behind the walkthrough: YOLO v3's imbalance and the paper's α results.

YOLO v3 predicts :data:`YOLO_V3_ANCHORS` boxes in every cell of three grids,
the input downsampled by the strides in :data:`YOLO_V3_STRIDES`; at 416 × 416
that is ``(13² + 26² + 52²) × 3 = 10,647`` predictions per image, and each
one adds a confidence loss. :func:`background_loss_share` says how much of the
summed loss the background predictions carry.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from focal import _validate as check
from focal._validate import FloatArray
from focal.losses import focal_loss

#: Downsampling of YOLO v3's three detection grids (coarse to fine).
YOLO_V3_STRIDES: tuple[int, ...] = (32, 16, 8)

#: Anchor boxes, hence predictions, per grid cell and scale.
YOLO_V3_ANCHORS = 3

#: Input sizes used with YOLO v3 (its paper reports 320, 416 and 608).
YOLO_V3_SIZES: tuple[int, ...] = (320, 416, 608)

#: An illustrative image for the walkthrough: a handful of objects, each matched
#: by one prediction that is still unsure (p = 0.5), and background predictions
#: that are already easy (p = 0.01, illustrative; a trained detector puts easy
#: background far lower).
ILLUSTRATIVE_OBJECTS = 5
ILLUSTRATIVE_P_OBJECT = 0.5
ILLUSTRATIVE_P_BACKGROUND = 0.01

#: The paper's Table 1(a): α-balanced CE (γ = 0), (α, AP) on COCO minival.
PAPER_ALPHA_CE: tuple[tuple[float, float], ...] = (
    (0.10, 0.0),
    (0.25, 10.8),
    (0.50, 30.2),
    (0.75, 31.1),
    (0.90, 30.8),
    (0.99, 28.7),
    (0.999, 25.1),
)

#: The paper's Table 1(b): focal loss with the best α for each γ, (γ, α, AP).
PAPER_BEST_ALPHA: tuple[tuple[float, float, float], ...] = (
    (0.0, 0.75, 31.1),
    (0.1, 0.75, 31.4),
    (0.2, 0.75, 31.9),
    (0.5, 0.50, 32.9),
    (1.0, 0.25, 33.7),
    (2.0, 0.25, 34.0),
    (5.0, 0.25, 32.2),
)


def _input_size(name: str, value: ArrayLike) -> FloatArray:
    array = check.as_float(name, value)
    finite = np.isfinite(array)
    if not finite.all() or not ((array > 0.0) & (np.fmod(array, 32.0) == 0.0)).all():
        raise ValueError(f"{name} must be a positive multiple of 32")
    return array


def yolo_v3_grid(size: ArrayLike = 416, stride: ArrayLike = 32) -> FloatArray | float:
    """Cells per side of one YOLO v3 detection grid.

    Parameters
    ----------
    size : array_like, default 416
        Side of the square input image in pixels, a positive multiple of 32.
    stride : array_like, default 32
        Downsampling of the grid, one of :data:`YOLO_V3_STRIDES` (32, 16 or 8).

    Returns
    -------
    ndarray or float
        ``size / stride``: 13, 26 and 52 at 416 × 416.
    """
    size_ = _input_size("size", size)
    stride_ = check.as_float("stride", stride)
    if not np.isin(stride_, YOLO_V3_STRIDES).all():
        raise ValueError("stride must be 8, 16 or 32")
    check.broadcast(size=size_, stride=stride_)
    return check.result(size_ / stride_, size, stride)


def yolo_v3_predictions(size: ArrayLike = 416) -> FloatArray | float:
    """Box predictions YOLO v3 makes for one square image, over all three grids.

    Parameters
    ----------
    size : array_like, default 416
        Side of the square input image in pixels, a positive multiple of 32.

    Returns
    -------
    ndarray or float
        ``YOLO_V3_ANCHORS * sum(yolo_v3_grid(size, s)**2 for s in strides)``:
        10,647 at 416, 6,300 at 320 and 22,743 at 608. Every one of them adds
        a term to the confidence loss.
    """
    size_ = _input_size("size", size)
    with np.errstate(over="ignore"):  # beyond the float range: +inf, rightly
        cells = sum(
            np.square(yolo_v3_grid(size_, stride)) for stride in YOLO_V3_STRIDES
        )
        return check.result(YOLO_V3_ANCHORS * np.asarray(cells), size)


def background_loss_share(
    objects: ArrayLike,
    background: ArrayLike,
    p_object: ArrayLike,
    p_background: ArrayLike,
    gamma: ArrayLike = 0.0,
    alpha: ArrayLike | None = None,
) -> FloatArray | float:
    """Share of an image's summed confidence loss that comes from background.

    ``objects`` predictions have label 1 and predicted probability
    ``p_object``; ``background`` predictions have label 0 and predicted
    probability ``p_background``. Each prediction's loss is
    :func:`focal.focal_loss`; ``gamma = 0`` and ``alpha = None`` is plain
    cross-entropy.

    Parameters
    ----------
    objects, background : array_like
        How many predictions of each kind, finite and >= 0.
    p_object : array_like
        Predicted probability of "object" for the object predictions, in [0, 1].
    p_background : array_like
        Predicted probability of "object" for the background predictions, in
        [0, 1] (small when they are easy).
    gamma : array_like, default 0.0
        Focusing parameter, finite and >= 0.
    alpha : array_like or None, default None
        α-balancing weight in [0, 1], or None for none.

    Returns
    -------
    ndarray or float
        ``B FL_b / (B FL_b + O FL_o)`` in [0, 1]; NaN where both totals are 0
        or both are infinite (no share is defined).
    """
    objects_ = check.gamma("objects", objects)
    background_ = check.gamma("background", background)
    p_object_ = check.probability("p_object", p_object)
    p_background_ = check.probability("p_background", p_background)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    check.broadcast(
        objects=objects_,
        background=background_,
        p_object=p_object_,
        p_background=p_background_,
        gamma=gamma_,
        alpha=alpha_,
    )
    with np.errstate(invalid="ignore"):
        # no predictions add nothing, even where each one's loss is infinite
        total_object = np.where(
            objects_ == 0.0, 0.0, objects_ * focal_loss(p_object_, 1.0, gamma_, alpha_)
        )
        total_background = np.where(
            background_ == 0.0,
            0.0,
            background_ * focal_loss(p_background_, 0.0, gamma_, alpha_),
        )
        share = np.divide(total_background, total_background + total_object)
    # an infinite background total beside a finite object total is all of it
    share = np.where(np.isinf(total_background) & np.isfinite(total_object), 1.0, share)
    return check.result(
        share, objects, background, p_object, p_background, gamma, alpha
    )


@dataclass(frozen=True)
class YoloV3Example:
    """The walkthrough's illustrative image: counts and the background's share.

    Attributes
    ----------
    size : int
        Input side in pixels.
    sides : tuple of float
        Cells per side of each grid, coarse to fine (13, 26, 52 at 416).
    predictions, objects, background : float
        All predictions, those matched to an object, and the rest.
    background_per_object : float
        Background predictions per object prediction.
    p_object, p_background : float
        The predicted probability of "object" for each kind.
    share_ce, share_fl : float
        The background's share of the summed cross-entropy and of the summed
        focal loss at the chosen γ and α.
    """

    size: int
    sides: tuple[float, ...]
    predictions: float
    objects: float
    background: float
    background_per_object: float
    p_object: float
    p_background: float
    share_ce: float
    share_fl: float


def yolo_v3_example(
    size: int = 416, gamma: float = 2.0, alpha: float | None = None
) -> YoloV3Example:
    """The illustrative image of the walkthrough's first step.

    :data:`ILLUSTRATIVE_OBJECTS` object predictions at
    :data:`ILLUSTRATIVE_P_OBJECT`, every other prediction easy background at
    :data:`ILLUSTRATIVE_P_BACKGROUND`.

    Parameters
    ----------
    size : int, default 416
        Input side in pixels, a positive multiple of 32.
    gamma : float, default 2.0
        Focusing parameter of the focal loss compared with CE, finite and >= 0.
    alpha : float or None, default None
        α-balancing weight of that focal loss, or None.

    Returns
    -------
    YoloV3Example
        The counts and both shares.
    """
    predictions = float(yolo_v3_predictions(size))
    objects = float(ILLUSTRATIVE_OBJECTS)
    background = predictions - objects
    share_ce = float(
        background_loss_share(
            objects, background, ILLUSTRATIVE_P_OBJECT, ILLUSTRATIVE_P_BACKGROUND
        )
    )
    share_fl = float(
        background_loss_share(
            objects,
            background,
            ILLUSTRATIVE_P_OBJECT,
            ILLUSTRATIVE_P_BACKGROUND,
            gamma,
            alpha,
        )
    )
    return YoloV3Example(
        size=int(size),
        sides=tuple(float(yolo_v3_grid(size, stride)) for stride in YOLO_V3_STRIDES),
        predictions=predictions,
        objects=objects,
        background=background,
        background_per_object=background / objects,
        p_object=ILLUSTRATIVE_P_OBJECT,
        p_background=ILLUSTRATIVE_P_BACKGROUND,
        share_ce=share_ce,
        share_fl=share_fl,
    )
