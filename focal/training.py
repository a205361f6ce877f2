"""A small classifier trained with CE or FL, in NumPy: the page "watch it learn".

A seeded two-dimensional data set with a chosen class imbalance; a logistic
regression or a network with one hidden layer of ReLU units; full-batch
gradient descent or Adam; and the held-out precision, recall and average
precision. The derivative of the loss with respect to each logit comes from
the core's analytic derivatives (:func:`focal.grad_cross_entropy`,
:func:`focal.grad_focal_loss`) and is chained through the model by hand,
``dL/dW = X^T (dL/dx) / N``.

Everything is deterministic given ``seed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from focal import _validate as check
from focal._validate import FloatArray
from focal.gradients import grad_cross_entropy, grad_focal_loss
from focal.losses import (
    alpha_t,
    cross_entropy_from_logits,
    focal_loss_from_logits,
    prior_bias,
    sigmoid,
)

#: The models: a linear logit, or one hidden layer of ReLU units.
MODELS: tuple[str, ...] = ("logistic", "mlp")
#: The losses ``train`` minimises; each is α-balanced when ``alpha`` is given.
LOSSES: tuple[str, ...] = ("ce", "fl")
#: Full-batch gradient descent, or Adam (Kingma and Ba, 2015).
OPTIMIZERS: tuple[str, ...] = ("gd", "adam")
#: The choices a page offers: name -> (loss, uses γ, uses α).
LOSS_CHOICES: dict[str, tuple[str, bool, bool]] = {
    "ce": ("ce", False, False),
    "alpha_ce": ("ce", False, True),
    "fl": ("fl", True, False),
    "alpha_fl": ("fl", True, True),
}

#: Where the data live: every point is drawn inside this square.
BOUNDS: tuple[float, float] = (-4.0, 4.0)
#: Positives: a small Gaussian blob off centre. Negatives: a wide one.
POSITIVE_CENTRE: tuple[float, float] = (2.4, 1.8)
POSITIVE_SPREAD = 0.5
NEGATIVE_SPREAD = 1.3

#: Adam's constants, as in the paper that introduced it.
ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON = 0.9, 0.999, 1e-8

MAX_SEED = 2**32 - 1


# ------------------------------------------------------------------ validation


def _integer(name: str, value: ArrayLike, low: int, high: int) -> int:
    array = check.as_float(name, value)
    if (
        array.ndim != 0
        or not np.isfinite(array)
        or array != np.floor(array)
        or not low <= array <= high
    ):
        raise ValueError(f"{name} must be an integer in [{low}, {high}]")
    return int(array)


def _number(name: str, value: ArrayLike, low: float, high: float) -> float:
    array = check.as_float(name, value)
    if array.ndim != 0 or not low <= array <= high:
        raise ValueError(f"{name} must be a number in [{low:g}, {high:g}]")
    return float(array)


def _choice(name: str, value: object, options: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name} must be one of {', '.join(options)}")
    return value


def _points(name: str, value: ArrayLike) -> FloatArray:
    array = check.as_float(name, value)
    if array.ndim != 2 or array.shape[1] != 2 or array.shape[0] < 1:
        raise ValueError(f"{name} must be an array of shape (n, 2) with n >= 1")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must be finite")
    return array


def _labels(name: str, value: ArrayLike, rows: int, rows_name: str) -> FloatArray:
    array = check.label(name, value)
    if array.shape != (rows,):
        raise ValueError(f"{name} must have one label per row of {rows_name}")
    return array


# ------------------------------------------------------------------- the data


@dataclass(frozen=True)
class Dataset:
    """Points in the plane with labels, split into a training and a held-out part.

    Attributes
    ----------
    x_train, x_test : ndarray, shape (n, 2)
        The points.
    y_train, y_test : ndarray, shape (n,)
        Their labels, 1 for the rare positive class and 0 for the negatives.
    """

    x_train: FloatArray
    y_train: FloatArray
    x_test: FloatArray
    y_test: FloatArray

    @property
    def counts(self) -> dict[str, int]:
        """Points, positives and negatives: ``train``, ``train_positives``,
        ``train_negatives``, ``test``, ``test_positives``."""
        return {
            "train": len(self.y_train),
            "train_positives": int(np.count_nonzero(self.y_train == 1.0)),
            "train_negatives": int(np.count_nonzero(self.y_train == 0.0)),
            "test": len(self.y_test),
            "test_positives": int(np.count_nonzero(self.y_test == 1.0)),
        }


def make_dataset(
    n: ArrayLike = 10_000,
    imbalance: ArrayLike = 100.0,
    seed: ArrayLike = 0,
    test_fraction: ArrayLike = 0.25,
) -> Dataset:
    """A seeded two-dimensional data set with one positive to ``imbalance`` negatives.

    Positives form a small Gaussian blob at :data:`POSITIVE_CENTRE`; negatives a
    wide Gaussian around the origin that covers the blob too, so no boundary
    separates them perfectly and the loss decides where it goes. Points outside
    :data:`BOUNDS` are drawn again. Each class is split in the same proportion
    (stratified), so both parts keep the imbalance.

    Parameters
    ----------
    n : int, default 10000
        Number of points, in [100, 1000000].
    imbalance : float, default 100
        Negatives per positive, in [1, 1000]. The number of positives is
        ``round(n / (1 + imbalance))``, but at least 4 (two per part).
    seed : int, default 0
        Seed of the random generator, in [0, 2**32 - 1].
    test_fraction : float, default 0.25
        Share of each class held out for evaluation, in [0.05, 0.95].

    Returns
    -------
    Dataset
        The training and the held-out part, each in a seeded random order.
    """
    n_ = _integer("n", n, 100, 1_000_000)
    imbalance_ = _number("imbalance", imbalance, 1.0, 1000.0)
    seed_ = _integer("seed", seed, 0, MAX_SEED)
    fraction = _number("test_fraction", test_fraction, 0.05, 0.95)
    rng = np.random.default_rng(seed_)
    positives = max(4, round(n_ / (1.0 + imbalance_)))
    negatives = n_ - positives

    def draw(count: int, centre: tuple[float, float], spread: float) -> FloatArray:
        points = np.empty((0, 2))
        while len(points) < count:
            more = rng.normal(centre, spread, size=(2 * count, 2))
            inside = (np.abs(more) < BOUNDS[1]).all(axis=1)
            points = np.concatenate([points, more[inside]])
        return points[:count]

    x_pos = draw(positives, POSITIVE_CENTRE, POSITIVE_SPREAD)
    x_neg = draw(negatives, (0.0, 0.0), NEGATIVE_SPREAD)
    held_pos = min(positives - 2, max(2, round(fraction * positives)))
    held_neg = min(negatives - 1, max(1, round(fraction * negatives)))

    def part(pos: FloatArray, neg: FloatArray) -> tuple[FloatArray, FloatArray]:
        x = np.concatenate([pos, neg])
        y = np.concatenate([np.ones(len(pos)), np.zeros(len(neg))])
        order = rng.permutation(len(x))
        return x[order], y[order]

    x_train, y_train = part(x_pos[held_pos:], x_neg[held_neg:])
    x_test, y_test = part(x_pos[:held_pos], x_neg[:held_neg])
    return Dataset(x_train, y_train, x_test, y_test)


# ---------------------------------------------------------------- the models


@dataclass(frozen=True)
class Model:
    """A trained (or initial) classifier.

    Attributes
    ----------
    kind : {"logistic", "mlp"}
        ``logistic``: logit ``x = X w + b``. ``mlp``: ``h = max(X W1 + b1, 0)``,
        logit ``x = h w2 + b2``.
    weights : dict of str to ndarray
        ``w`` (2,), ``b`` (); or ``W1`` (2, H), ``b1`` (H,), ``w2`` (H,), ``b2`` ().
    """

    kind: str
    weights: dict[str, FloatArray]


def init_model(
    model: str = "logistic",
    *,
    hidden: int = 16,
    prior_init: bool = False,
    pi: ArrayLike = 0.01,
    seed: ArrayLike = 0,
) -> Model:
    """The model before training.

    The output layer starts at zero weight, so every point starts at the same
    ``p``: 0.5, or ``pi`` with ``prior_init`` (the paper's §3.3, bias
    ``-log((1 - pi) / pi)``). The hidden layer of ``mlp`` starts at seeded
    Gaussian weights and biases of standard deviation 1 (He's scale for
    two inputs).

    Parameters
    ----------
    model : {"logistic", "mlp"}, default "logistic"
        The model.
    hidden : int, default 16
        Hidden units of ``mlp``, in [1, 256].
    prior_init : bool, default False
        Start the output bias at :func:`focal.prior_bias` of ``pi``.
    pi : float, default 0.01
        The prior probability of the positive class, in (0, 1).
    seed : int, default 0
        Seed of the hidden layer's weights, in [0, 2**32 - 1].

    Returns
    -------
    Model
        The initial weights.
    """
    kind = _choice("model", model, MODELS)
    units = _integer("hidden", hidden, 1, 256)
    pi_ = check.open_probability("pi", pi)
    if pi_.ndim != 0:
        raise ValueError("pi must be in (0, 1)")
    seed_ = _integer("seed", seed, 0, MAX_SEED)
    bias = np.array(prior_bias(float(pi_)) if prior_init else 0.0)
    if kind == "logistic":
        return Model(kind, {"w": np.zeros(2), "b": bias})
    rng = np.random.default_rng(seed_)
    return Model(
        kind,
        {
            "W1": rng.normal(0.0, 1.0, size=(2, units)),
            "b1": rng.normal(0.0, 1.0, size=units),
            "w2": np.zeros(units),
            "b2": bias,
        },
    )


def _forward(model: Model, points: FloatArray) -> tuple[FloatArray, FloatArray | None]:
    """The logits and, for ``mlp``, the hidden activations, shape (H, n).

    ``points`` is the transposed data, shape (2, n): every per-unit array is then
    contiguous along the examples, which keeps NumPy's reductions fast.
    """
    w = model.weights
    if model.kind == "logistic":
        return w["w"] @ points + w["b"], None
    # in place: fresh arrays of this size cost more in page faults than in maths
    h = w["W1"].T @ points
    h += w["b1"][:, None]
    np.maximum(h, 0.0, out=h)
    return w["w2"] @ h + w["b2"], h


def _chain(
    model: Model, points: FloatArray, h: FloatArray | None, g: FloatArray, n: float
) -> dict[str, FloatArray]:
    """Gradients of ``sum(loss) / n`` over the weights, from ``g = dloss/dlogit``.

    ``points`` and ``h`` as in :func:`_forward`; ``h`` is overwritten.
    """
    w = model.weights
    if model.kind == "logistic":
        return {"w": points @ g / n, "b": np.array(g.sum() / n)}
    assert h is not None
    grad_w2 = h @ g / n
    # through the ReLU: d/dz max(z, 0) = 1 where z > 0, else 0 (in h's memory)
    active = h > 0.0
    d_hidden = np.multiply.outer(w["w2"], g, out=h)
    d_hidden *= active
    return {
        "W1": (d_hidden @ points.T).T / n,
        "b1": d_hidden.sum(axis=1) / n,
        "w2": grad_w2,
        "b2": np.array(g.sum() / n),
    }


def predict_proba(model: Model, x: ArrayLike) -> FloatArray:
    """The model's probability of the positive class at each point.

    Parameters
    ----------
    model : Model
        From :func:`train` or :func:`init_model`.
    x : array_like, shape (n, 2)
        Finite points.

    Returns
    -------
    ndarray, shape (n,)
        ``p = sigmoid(logit)``, in [0, 1].
    """
    if not isinstance(model, Model):
        raise ValueError("model must be a Model from train or init_model")
    logits, _ = _forward(model, np.ascontiguousarray(_points("x", x).T))
    return np.asarray(sigmoid(logits), dtype=np.float64)


# ------------------------------------------------------------------- training


def _loss_and_grad(
    logits: FloatArray, y: FloatArray, loss: str, gamma: float, alpha: float | None
) -> tuple[FloatArray, FloatArray]:
    """Per-example loss and its derivative with respect to each logit.

    ``ce``: cross-entropy, times ``alpha_t`` when ``alpha`` is given. ``fl``: focal
    loss with ``gamma`` and ``alpha``. Values and derivatives from the core.
    """
    if loss == "ce":
        values = np.asarray(cross_entropy_from_logits(logits, y))
        grads = np.asarray(grad_cross_entropy(logits, y))
        if alpha is not None:
            weight = np.asarray(alpha_t(alpha, y))
            values, grads = values * weight, grads * weight
        return values, grads
    values = np.asarray(focal_loss_from_logits(logits, y, gamma, alpha))
    grads = np.asarray(grad_focal_loss(logits, y, gamma, alpha))
    return values, grads


def _normaliser(y: FloatArray) -> float:
    # the paper divides the summed loss by the number of positives, not by n
    return max(1.0, float(np.count_nonzero(y == 1.0)))


def _objective(
    model: Model,
    points: FloatArray,
    y: FloatArray,
    loss: str,
    gamma: float,
    alpha: float | None,
) -> tuple[float, dict[str, FloatArray]]:
    norm = _normaliser(y)
    logits, h = _forward(model, points)
    values, d_logits = _loss_and_grad(logits, y, loss, gamma, alpha)
    return float(values.sum() / norm), _chain(model, points, h, d_logits, norm)


def _loss_arguments(
    loss: str, gamma: ArrayLike, alpha: ArrayLike | None
) -> tuple[str, float, float | None]:
    loss_ = _choice("loss", loss, LOSSES)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    if gamma_.ndim != 0:
        raise ValueError("gamma must be finite and >= 0 (one number)")
    if alpha_ is not None and alpha_.ndim != 0:
        raise ValueError("alpha must be in [0, 1] (one number)")
    return loss_, float(gamma_), None if alpha_ is None else float(alpha_)


def objective(
    model: Model,
    x: ArrayLike,
    y: ArrayLike,
    *,
    loss: str = "fl",
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
) -> tuple[float, dict[str, FloatArray]]:
    """The training loss of ``model`` on ``(x, y)`` and its gradient over the weights.

    The loss is summed over the examples and divided by the number of positives
    (at least 1), as in the paper. Its derivative with respect to each logit is
    :func:`focal.grad_cross_entropy` (times ``alpha_t``) or
    :func:`focal.grad_focal_loss`, chained through the model by hand:
    ``dL/dw = X^T (dL/dx) / N`` for the output layer, then through the ReLU.

    Parameters
    ----------
    model : Model
        The classifier.
    x : array_like, shape (n, 2)
        Finite points.
    y : array_like, shape (n,)
        Labels, 0 or 1.
    loss : {"ce", "fl"}, default "fl"
        Cross-entropy or focal loss; each α-balanced when ``alpha`` is given.
    gamma : float, default 2.0
        Focusing parameter of ``fl``, finite and >= 0 (``ce`` ignores it).
    alpha : float or None, default None
        Weight of the positive class in [0, 1], or None for no α-balancing.

    Returns
    -------
    (float, dict of str to ndarray)
        The loss, and its gradient by weight name (the shapes of ``model.weights``).
    """
    if not isinstance(model, Model):
        raise ValueError("model must be a Model from train or init_model")
    x_ = _points("x", x)
    y_ = _labels("y", y, len(x_), "x")
    loss_, gamma_, alpha_ = _loss_arguments(loss, gamma, alpha)
    return _objective(model, np.ascontiguousarray(x_.T), y_, loss_, gamma_, alpha_)


@dataclass(frozen=True)
class History:
    """What a training run leaves behind.

    Attributes
    ----------
    loss : ndarray, shape (steps + 1,)
        The training loss (see :func:`objective`) before each step, then after
        the last one: entry 0 is the loss of the initial model.
    model : Model
        The model after the last step.
    initial : Model
        The model before the first step.
    """

    loss: FloatArray
    model: Model
    initial: Model

    @property
    def steps(self) -> FloatArray:
        """The step of each entry of :attr:`loss`: 0, 1, ..., steps."""
        return np.arange(len(self.loss), dtype=np.float64)


def train(
    x: ArrayLike,
    y: ArrayLike,
    *,
    model: str = "logistic",
    loss: str = "fl",
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
    steps: ArrayLike = 200,
    optimizer: str = "adam",
    learning_rate: ArrayLike = 0.05,
    prior_init: bool = False,
    pi: ArrayLike = 0.01,
    hidden: ArrayLike = 16,
    seed: ArrayLike = 0,
    callback: Callable[[float], None] | None = None,
) -> History:
    """Train a classifier on ``(x, y)`` by full-batch steps on :func:`objective`.

    ``gd`` moves each weight by ``-learning_rate * gradient``. ``adam`` moves it
    by ``-learning_rate`` times Adam's bias-corrected ratio of the gradient's
    running mean to its running root mean square (β1 = 0.9, β2 = 0.999,
    ε = 1e-8): about ``learning_rate`` per step whatever the loss's scale, so
    FL's smaller gradients need no larger rate.

    Parameters
    ----------
    x : array_like, shape (n, 2)
        Training points, finite.
    y : array_like, shape (n,)
        Labels, 0 or 1.
    model : {"logistic", "mlp"}, default "logistic"
        The classifier (see :class:`Model`).
    loss : {"ce", "fl"}, default "fl"
        Cross-entropy or focal loss; each α-balanced when ``alpha`` is given.
    gamma : float, default 2.0
        Focusing parameter of ``fl``, finite and >= 0 (``ce`` ignores it).
    alpha : float or None, default None
        Weight of the positive class in [0, 1], or None for no α-balancing.
    steps : int, default 200
        Number of steps, in [1, 100000].
    optimizer : {"gd", "adam"}, default "adam"
        The update rule.
    learning_rate : float, default 0.05
        Step size, in (0, 100].
    prior_init : bool, default False
        Start every point at ``p = pi`` (the paper's prior initialisation)
        instead of ``p = 0.5``.
    pi : float, default 0.01
        The prior of ``prior_init``, in (0, 1).
    hidden : int, default 16
        Hidden units of ``mlp``, in [1, 256].
    seed : int, default 0
        Seed of the initial hidden weights, in [0, 2**32 - 1].
    callback : callable or None
        Called with the fraction of steps done, about 50 times in a run (for a
        progress bar).

    Returns
    -------
    History
        The loss before every step and after the last, the final and initial model.
    """
    x_ = _points("x", x)
    y_ = _labels("y", y, len(x_), "x")
    kind = _choice("model", model, MODELS)
    loss_, g, a = _loss_arguments(loss, gamma, alpha)
    steps_ = _integer("steps", steps, 1, 100_000)
    optimizer_ = _choice("optimizer", optimizer, OPTIMIZERS)
    rate = check.as_float("learning_rate", learning_rate)
    if rate.ndim != 0 or not 0.0 < rate <= 100.0:
        raise ValueError("learning_rate must be a number in (0, 100]")
    lr = float(rate)
    current = init_model(kind, hidden=hidden, prior_init=prior_init, pi=pi, seed=seed)
    initial = current
    points = np.ascontiguousarray(x_.T)
    first = {key: np.zeros_like(value) for key, value in current.weights.items()}
    second = {key: np.zeros_like(value) for key, value in current.weights.items()}
    history = np.empty(steps_ + 1)
    report_every = max(1, steps_ // 50)
    for step in range(steps_):
        history[step], grads = _objective(current, points, y_, loss_, g, a)
        weights = {}
        for key, value in current.weights.items():
            grad = grads[key]
            if optimizer_ == "gd":
                weights[key] = value - lr * grad
                continue
            first[key] = ADAM_BETA1 * first[key] + (1.0 - ADAM_BETA1) * grad
            second[key] = ADAM_BETA2 * second[key] + (1.0 - ADAM_BETA2) * grad * grad
            m_hat = first[key] / (1.0 - ADAM_BETA1 ** (step + 1))
            v_hat = second[key] / (1.0 - ADAM_BETA2 ** (step + 1))
            weights[key] = value - lr * m_hat / (np.sqrt(v_hat) + ADAM_EPSILON)
        # a 0-d weight (a bias) stays an array, not a NumPy scalar
        current = Model(kind, {k: np.asarray(v) for k, v in weights.items()})
        if callback is not None and (step + 1) % report_every == 0:
            callback((step + 1) / steps_)
    history[steps_] = _objective(current, points, y_, loss_, g, a)[0]
    return History(history, current, initial)


# ------------------------------------------------------------------ evaluation


def precision_recall(
    y: ArrayLike, p: ArrayLike, threshold: ArrayLike = 0.5
) -> tuple[float, float]:
    """Precision and recall of the rule "positive when ``p >= threshold``".

    Parameters
    ----------
    y : array_like, shape (n,)
        True labels, 0 or 1.
    p : array_like, shape (n,)
        Predicted probabilities of the positive class, in [0, 1].
    threshold : float, default 0.5
        Decision threshold, in [0, 1].

    Returns
    -------
    (float, float)
        Precision ``TP / (TP + FP)`` and recall ``TP / (TP + FN)``; NaN where
        the denominator is 0 (nothing predicted positive, or no positives).
    """
    y_ = check.label("y", y)
    p_ = check.probability("p", p)
    threshold_ = check.probability("threshold", threshold)
    if y_.ndim != 1 or p_.shape != y_.shape:
        raise ValueError("y and p must be one-dimensional and of the same length")
    if threshold_.ndim != 0:
        raise ValueError("threshold must be in [0, 1]")
    predicted = p_ >= threshold_
    true_positives = float(np.count_nonzero(predicted & (y_ == 1.0)))
    predicted_positives = float(np.count_nonzero(predicted))
    positives = float(np.count_nonzero(y_ == 1.0))
    precision = true_positives / predicted_positives if predicted_positives else np.nan
    recall = true_positives / positives if positives else np.nan
    return float(precision), float(recall)


def average_precision(y: ArrayLike, score: ArrayLike) -> float:
    """Average precision: the area under the precision-recall steps.

    ``AP = sum_n (R_n - R_(n-1)) P_n`` over the distinct scores taken as
    thresholds from the highest down (``P_n``, ``R_n``: precision and recall of
    "positive when score >= n-th threshold", ``R_0 = 0``). Tied scores form one
    threshold. This is scikit-learn's ``average_precision_score``, without
    interpolation.

    Parameters
    ----------
    y : array_like, shape (n,)
        True labels, 0 or 1, at least one of them 1.
    score : array_like, shape (n,)
        Any real scores (probabilities or logits); higher means more positive.

    Returns
    -------
    float
        In (0, 1]; 1 exactly when every positive scores above every negative.
    """
    y_ = check.label("y", y)
    score_ = check.as_float("score", score)
    if y_.ndim != 1 or score_.shape != y_.shape:
        raise ValueError("y and score must be one-dimensional and of the same length")
    if not (y_ == 1.0).any():
        raise ValueError("y must contain at least one positive (label 1)")
    order = np.argsort(-score_, kind="stable")
    ranked_score, ranked_y = score_[order], y_[order]
    # the last index of each run of equal scores: one threshold per distinct score
    ends = np.append(np.flatnonzero(np.diff(ranked_score)), len(ranked_y) - 1)
    true_positives = np.cumsum(ranked_y)[ends]
    precision = true_positives / (ends + 1.0)
    recall = true_positives / true_positives[-1]
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))


# ------------------------------------------------------------- for the page


def loss_setting(
    choice: str, gamma: ArrayLike, alpha: ArrayLike
) -> tuple[str, float, float | None]:
    """The ``(loss, gamma, alpha)`` arguments of :func:`train` for a page's choice.

    A choice that does not use γ (or α) gets ``gamma = 0`` (or ``alpha = None``),
    so a cache keyed on the result does not retrain when an unused value moves.

    Parameters
    ----------
    choice : {"ce", "alpha_ce", "fl", "alpha_fl"}
        A key of :data:`LOSS_CHOICES`.
    gamma : float
        The current γ, finite and >= 0.
    alpha : float
        The current α, in [0, 1].

    Returns
    -------
    (str, float, float or None)
        Arguments for :func:`train`.
    """
    name = _choice("choice", choice, tuple(LOSS_CHOICES))
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.probability("alpha", alpha)
    if gamma_.ndim != 0:
        raise ValueError("gamma must be finite and >= 0 (one number)")
    if alpha_.ndim != 0:
        raise ValueError("alpha must be in [0, 1] (one number)")
    loss, uses_gamma, uses_alpha = LOSS_CHOICES[name]
    return (
        loss,
        float(gamma_) if uses_gamma else 0.0,
        float(alpha_) if uses_alpha else None,
    )


def decision_grid(
    model: Model, resolution: int = 81
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The model's ``p`` on a square grid over :data:`BOUNDS`.

    Parameters
    ----------
    model : Model
        The classifier.
    resolution : int, default 81
        Grid points per axis, in [2, 1001].

    Returns
    -------
    (ndarray, ndarray, ndarray)
        The grid's first and second coordinates (``resolution`` each), and ``p``
        of shape (resolution, resolution), rows along the second coordinate.
    """
    points = _integer("resolution", resolution, 2, 1001)
    axis = np.linspace(*BOUNDS, points)
    first, second = np.meshgrid(axis, axis)
    grid = np.column_stack([first.ravel(), second.ravel()])
    return axis, axis.copy(), predict_proba(model, grid).reshape(points, points)


def display_sample(y: ArrayLike, limit: int = 3000, seed: int = 0) -> np.ndarray:
    """Indices of the points to draw: every positive and a seeded share of negatives.

    Parameters
    ----------
    y : array_like, shape (n,)
        Labels, 0 or 1.
    limit : int, default 3000
        At most this many points in all (but every positive), in [1, 10**7].
    seed : int, default 0
        Seed of the choice of negatives.

    Returns
    -------
    ndarray of int
        Sorted indices into ``y``.
    """
    y_ = check.label("y", y)
    if y_.ndim != 1:
        raise ValueError("y must be one-dimensional")
    most = _integer("limit", limit, 1, 10**7)
    positives = np.flatnonzero(y_ == 1.0)
    negatives = np.flatnonzero(y_ == 0.0)
    keep = max(0, most - len(positives))
    if keep < len(negatives):
        rng = np.random.default_rng(_integer("seed", seed, 0, MAX_SEED))
        negatives = rng.choice(negatives, size=keep, replace=False)
    return np.sort(np.concatenate([positives, negatives]))


@dataclass(frozen=True)
class Outcome:
    """One training run as the page shows it.

    Attributes
    ----------
    history : History
        Loss per step and the models.
    precision, recall : float
        On the held-out part, at ``p >= 0.5`` (NaN when undefined).
    average_precision : float
        On the held-out part.
    grid : (ndarray, ndarray, ndarray)
        :func:`decision_grid` of the final model.
    """

    history: History
    precision: float
    recall: float
    average_precision: float
    grid: tuple[FloatArray, FloatArray, FloatArray]


def run_experiment(
    data: Dataset,
    *,
    model: str = "logistic",
    loss: str = "fl",
    gamma: ArrayLike = 2.0,
    alpha: ArrayLike | None = None,
    steps: ArrayLike = 200,
    optimizer: str = "adam",
    learning_rate: ArrayLike = 0.05,
    prior_init: bool = False,
    pi: ArrayLike = 0.01,
    seed: ArrayLike = 0,
    resolution: ArrayLike = 81,
    callback: Callable[[float], None] | None = None,
) -> Outcome:
    """Train on ``data``'s training part; evaluate on its held-out part.

    Parameters
    ----------
    data : Dataset
        From :func:`make_dataset`.
    model, loss, gamma, alpha, steps, optimizer, learning_rate, prior_init, pi, seed
        As in :func:`train`.
    resolution : int, default 81
        Of the decision grid, as in :func:`decision_grid`.
    callback : callable or None
        As in :func:`train`.

    Returns
    -------
    Outcome
        The history, the held-out precision, recall and average precision, and
        the final model's ``p`` over the plane.
    """
    if not isinstance(data, Dataset):
        raise ValueError("data must be a Dataset from make_dataset")
    history = train(
        data.x_train,
        data.y_train,
        model=model,
        loss=loss,
        gamma=gamma,
        alpha=alpha,
        steps=steps,
        optimizer=optimizer,
        learning_rate=learning_rate,
        prior_init=prior_init,
        pi=pi,
        seed=seed,
        callback=callback,
    )
    p = predict_proba(history.model, data.x_test)
    precision, recall = precision_recall(data.y_test, p)
    return Outcome(
        history,
        precision,
        recall,
        average_precision(data.y_test, p),
        decision_grid(history.model, resolution),
    )
