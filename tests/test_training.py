"""The training core: data, models, gradients, optimisers, and the held-out metrics."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import focal
from focal import training
from tests.helpers import central_difference, whole

SMALL = {"n": 2000, "imbalance": 20.0, "seed": 3}


@pytest.fixture(scope="module", name="data")
def small_dataset() -> training.Dataset:
    return training.make_dataset(**SMALL)


# ------------------------------------------------------------------- the data


def test_dataset_sizes_imbalance_and_split() -> None:
    data = training.make_dataset(10_000, 100.0, 0)
    counts = data.counts
    assert counts["train"] + counts["test"] == 10_000
    positives = counts["train_positives"] + counts["test_positives"]
    assert positives == round(10_000 / 101)
    assert counts["test"] == 2500  # a quarter of each class, rounded
    assert counts["test_positives"] == round(0.25 * positives)
    assert counts["train_negatives"] == counts["train"] - counts["train_positives"]
    for x, y in ((data.x_train, data.y_train), (data.x_test, data.y_test)):
        assert x.dtype == np.float64 and x.shape == (len(y), 2)
        assert set(np.unique(y)) == {0.0, 1.0}
        assert (np.abs(x) < training.BOUNDS[1]).all()


def test_dataset_positives_sit_in_a_blob() -> None:
    data = training.make_dataset(20_000, 10.0, 1)
    positives = data.x_train[data.y_train == 1.0]
    negatives = data.x_train[data.y_train == 0.0]
    np.testing.assert_allclose(
        positives.mean(axis=0), training.POSITIVE_CENTRE, atol=0.05
    )
    assert positives.std(axis=0).max() < 0.6
    assert negatives.std(axis=0).min() > 1.1
    np.testing.assert_allclose(negatives.mean(axis=0), 0.0, atol=0.05)


def test_dataset_extreme_imbalance_keeps_positives_in_both_parts() -> None:
    data = training.make_dataset(100, 1000.0, 0)
    assert data.counts["train_positives"] >= 2
    assert data.counts["test_positives"] >= 2


def test_dataset_is_deterministic_with_its_seed() -> None:
    first = training.make_dataset(1000, 10.0, 7)
    again = training.make_dataset(1000, 10.0, 7)
    other = training.make_dataset(1000, 10.0, 8)
    for name in ("x_train", "y_train", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(first, name), getattr(again, name))
    assert not np.array_equal(first.x_train, other.x_train)


# --------------------------------------------------------------- the gradients


def _objective_along(model, key, index, x, y, **loss) -> Callable[[float], float]:
    """The objective as the weight ``key[index]`` moves by a shift."""

    def at(shift: float) -> float:
        weights = {k: v.copy() for k, v in model.weights.items()}
        weights[key][index] += shift
        return training.objective(training.Model(model.kind, weights), x, y, **loss)[0]

    return at


def _trained(kind: str, data: training.Dataset) -> training.Model:
    # away from the start, where the output weights are zero
    return training.train(
        data.x_train, data.y_train, model=kind, loss="ce", steps=15, seed=2
    ).model


@pytest.mark.parametrize("kind", training.MODELS)
@pytest.mark.parametrize(
    ("loss", "gamma", "alpha"),
    [("ce", 0.0, None), ("ce", 0.0, 0.25), ("fl", 2.0, None), ("fl", 0.5, 0.75)],
)
def test_gradient_matches_finite_differences(
    data: training.Dataset, kind: str, loss: str, gamma: float, alpha: float | None
) -> None:
    model = _trained(kind, data)
    x, y = data.x_train[:400], data.y_train[:400]
    _, grads = training.objective(model, x, y, loss=loss, gamma=gamma, alpha=alpha)
    assert set(grads) == set(model.weights)
    for key, weight in model.weights.items():
        assert grads[key].shape == weight.shape
        for index in list(np.ndindex(weight.shape))[:6]:
            along = _objective_along(
                model, key, index, x, y, loss=loss, gamma=gamma, alpha=alpha
            )
            numeric = central_difference(along, 0.0, 1e-6)
            assert grads[key][index] == pytest.approx(numeric, rel=1e-5, abs=1e-8)


def test_gradient_chains_the_cores_derivative(data: training.Dataset) -> None:
    # dL/dw = X^T (dFL/dx) / N_pos, dL/db = sum(dFL/dx) / N_pos
    model = _trained("logistic", data)
    x, y = data.x_train, data.y_train
    logits = x @ model.weights["w"] + model.weights["b"]
    d_logits = focal.grad_focal_loss(logits, y, 2.0, 0.25)
    positives = np.count_nonzero(y)
    value, grads = training.objective(model, x, y, loss="fl", gamma=2.0, alpha=0.25)
    np.testing.assert_allclose(grads["w"], x.T @ d_logits / positives, rtol=1e-12)
    assert grads["b"] == pytest.approx(d_logits.sum() / positives, rel=1e-12)
    expected = focal.focal_loss_from_logits(logits, y, 2.0, 0.25).sum() / positives
    assert value == pytest.approx(expected, rel=1e-12)


# ------------------------------------------------------------------- training


def test_ce_on_a_separable_set_reaches_high_accuracy() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 2))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0.3).astype(float)
    history = training.train(x, y, model="logistic", loss="ce", steps=300)
    accuracy = np.mean((training.predict_proba(history.model, x) >= 0.5) == y)
    assert accuracy >= 0.98
    assert history.loss[-1] < 0.2 * history.loss[0]


def test_the_network_separates_a_blob_from_its_surroundings() -> None:
    # a positive disc inside negatives: no line separates it, one hidden layer does
    rng = np.random.default_rng(1)
    x = rng.uniform(-3.0, 3.0, size=(1500, 2))
    y = (np.hypot(x[:, 0], x[:, 1]) < 1.3).astype(float)
    network = training.train(x, y, model="mlp", loss="ce", steps=400, seed=1)
    linear = training.train(x, y, model="logistic", loss="ce", steps=400)
    p = training.predict_proba(network.model, x)
    accuracy = np.mean((p >= 0.5) == y)
    assert accuracy >= 0.95
    assert training.average_precision(y, p) > 0.95
    linear_p = training.predict_proba(linear.model, x)
    assert training.average_precision(y, linear_p) < 0.6


@pytest.mark.parametrize("kind", training.MODELS)
@pytest.mark.parametrize("optimizer", training.OPTIMIZERS)
def test_fl_with_gamma_zero_is_ce_training(
    data: training.Dataset, kind: str, optimizer: str
) -> None:
    common = {"model": kind, "steps": 40, "optimizer": optimizer, "seed": 5}
    ce = training.train(data.x_train, data.y_train, loss="ce", **common)
    fl = training.train(data.x_train, data.y_train, loss="fl", gamma=0.0, **common)
    np.testing.assert_allclose(fl.loss, ce.loss, rtol=1e-12, atol=0)
    for key in ce.model.weights:
        np.testing.assert_allclose(
            fl.model.weights[key], ce.model.weights[key], rtol=1e-12, atol=1e-15
        )


def test_alpha_balanced_fl_with_gamma_zero_is_alpha_balanced_ce(
    data: training.Dataset,
) -> None:
    common = {"steps": 30, "alpha": 0.25, "learning_rate": 0.1}
    ce = training.train(data.x_train, data.y_train, loss="ce", **common)
    fl = training.train(data.x_train, data.y_train, loss="fl", gamma=0.0, **common)
    np.testing.assert_allclose(fl.loss, ce.loss, rtol=1e-12)


@pytest.mark.parametrize("kind", training.MODELS)
@pytest.mark.parametrize("pi", [0.01, 0.3, 1e-4])
def test_prior_initialisation_starts_every_point_at_pi(
    data: training.Dataset, kind: str, pi: float
) -> None:
    model = training.init_model(kind, prior_init=True, pi=pi, seed=4)
    p = training.predict_proba(model, data.x_train)
    np.testing.assert_allclose(p, pi, rtol=1e-14)
    assert model.weights["b" if kind == "logistic" else "b2"] == pytest.approx(
        focal.prior_bias(pi), rel=1e-15
    )
    history = training.train(
        data.x_train, data.y_train, model=kind, steps=1, prior_init=True, pi=pi
    )
    # the first entry of the history is the loss at p = pi everywhere
    y = data.y_train
    expected = focal.focal_loss(np.full(len(y), pi), y, 2.0).sum() / y.sum()
    assert history.loss[0] == pytest.approx(expected, rel=1e-12)


def test_without_prior_initialisation_every_point_starts_at_one_half(
    data: training.Dataset,
) -> None:
    for kind in training.MODELS:
        model = training.init_model(kind, seed=9)
        np.testing.assert_array_equal(training.predict_proba(model, data.x_train), 0.5)


def test_prior_initialisation_lowers_the_first_loss(data: training.Dataset) -> None:
    plain = training.train(data.x_train, data.y_train, loss="ce", steps=1)
    prior = training.train(
        data.x_train, data.y_train, loss="ce", steps=1, prior_init=True
    )
    # at p = 0.5 every negative costs log 2; at p = 0.01 almost nothing
    assert plain.loss[0] == pytest.approx(
        len(data.y_train) * math.log(2) / data.y_train.sum(), rel=1e-12
    )
    assert prior.loss[0] < 0.5 * plain.loss[0]


@pytest.mark.parametrize("kind", training.MODELS)
def test_training_is_deterministic_with_its_seed(
    data: training.Dataset, kind: str
) -> None:
    common = {"model": kind, "loss": "fl", "steps": 25, "seed": 11}
    first = training.train(data.x_train, data.y_train, **common)
    again = training.train(data.x_train, data.y_train, **common)
    np.testing.assert_array_equal(first.loss, again.loss)
    for key in first.model.weights:
        np.testing.assert_array_equal(
            first.model.weights[key], again.model.weights[key]
        )
    if kind == "mlp":
        other = training.train(data.x_train, data.y_train, **{**common, "seed": 12})
        assert not np.array_equal(other.loss, first.loss)


def test_gradient_descent_moves_by_rate_times_gradient(data: training.Dataset) -> None:
    x, y = data.x_train, data.y_train
    start = training.init_model("logistic")
    _, grads = training.objective(start, x, y, loss="fl", gamma=2.0)
    history = training.train(
        x, y, loss="fl", steps=1, optimizer="gd", learning_rate=0.3
    )
    for key, weight in start.weights.items():
        np.testing.assert_allclose(
            history.model.weights[key], weight - 0.3 * grads[key], rtol=1e-15
        )


def test_adam_first_step_is_the_rate_times_the_gradients_sign(
    data: training.Dataset,
) -> None:
    # m_hat / sqrt(v_hat) = g / |g| on the first step (up to epsilon)
    x, y = data.x_train, data.y_train
    start = training.init_model("logistic")
    _, grads = training.objective(start, x, y, loss="ce")
    history = training.train(x, y, loss="ce", steps=1, learning_rate=0.05)
    for key, weight in start.weights.items():
        np.testing.assert_allclose(
            history.model.weights[key], weight - 0.05 * np.sign(grads[key]), rtol=1e-6
        )


def test_history_has_the_initial_and_every_later_loss(data: training.Dataset) -> None:
    calls: list[float] = []
    history = training.train(
        data.x_train, data.y_train, steps=100, callback=calls.append
    )
    assert history.loss.shape == (101,)
    np.testing.assert_array_equal(history.steps, np.arange(101.0))
    assert np.isfinite(history.loss).all()
    assert calls == [k / 50 for k in range(1, 51)]
    value, _ = training.objective(history.model, data.x_train, data.y_train)
    assert history.loss[-1] == value
    first, _ = training.objective(history.initial, data.x_train, data.y_train)
    assert history.loss[0] == first


def test_the_default_run_learns_and_fl_keeps_p_higher() -> None:
    data = training.make_dataset()
    runs = {
        name: training.run_experiment(
            data, loss=loss, gamma=gamma, alpha=alpha, prior_init=True
        )
        for name, (loss, gamma, alpha) in {
            "ce": training.loss_setting("ce", 2.0, 0.25),
            "fl": training.loss_setting("fl", 2.0, 0.25),
        }.items()
    }
    for outcome in runs.values():
        assert outcome.history.loss[-1] < outcome.history.loss[0]
        # far better than the positives' share (about 1 %) a random ranking gets
        assert outcome.average_precision > 0.3
    # FL leaves more of the plane at a moderate p than CE does
    assert (runs["fl"].grid[2] >= 0.1).mean() > (runs["ce"].grid[2] >= 0.1).mean()


def test_saturated_logits_give_no_warning_and_finite_losses() -> None:
    # far-off points drive the logits to hundreds: no overflow, no NaN
    rng = np.random.default_rng(2)
    x = rng.normal(size=(200, 2)) * 50.0
    y = (x[:, 0] > 0).astype(float)
    for loss in training.LOSSES:
        history = training.train(
            x, y, loss=loss, steps=200, optimizer="gd", learning_rate=5.0
        )
        assert np.isfinite(history.loss).all()


# ----------------------------------------------------------------- the metrics


def test_average_precision_by_hand() -> None:
    # ranked: 0.9 (+), 0.8 (-), 0.7 (+), 0.3 (-), 0.2 (+)
    # precision at each positive: 1/1, 2/3, 3/5; recall steps of 1/3 each
    y = [1, 0, 1, 0, 1]
    score = [0.9, 0.8, 0.7, 0.3, 0.2]
    expected = (1.0 + 2.0 / 3.0 + 3.0 / 5.0) / 3.0
    assert training.average_precision(y, score) == pytest.approx(expected, rel=1e-15)


def test_average_precision_with_ties_is_one_threshold() -> None:
    # scikit-learn's value for this case: tied scores form one step
    # ranked groups: {0.8: +, -}, {0.4: +}, {0.1: -}
    # thresholds 0.8: P = 1/2, R = 1/2; 0.4: P = 2/3, R = 1; 0.1: R stays 1
    y = [1, 0, 1, 0]
    score = [0.8, 0.8, 0.4, 0.1]
    expected = 0.5 * 0.5 + 0.5 * (2.0 / 3.0)
    assert training.average_precision(y, score) == pytest.approx(expected, rel=1e-15)


def test_average_precision_of_a_perfect_ranking_is_one() -> None:
    y = [0, 1, 0, 1, 1, 0]
    assert training.average_precision(y, [0.1, 0.9, 0.2, 0.8, 0.7, 0.3]) == 1.0
    assert training.average_precision(y, [-5, 40, -1, 3, 2, 0]) == 1.0


def test_average_precision_of_the_worst_ranking() -> None:
    # every positive below every negative: P_n = k / (negatives + k)
    y = [1, 1, 0, 0, 0]
    score = [0.1, 0.2, 0.7, 0.8, 0.9]
    expected = (1 / 4 + 2 / 5) / 2
    assert training.average_precision(y, score) == pytest.approx(expected, rel=1e-15)


@settings(max_examples=60, deadline=None)
@given(
    labels=st.lists(st.sampled_from([0.0, 1.0]), min_size=1, max_size=40),
    seed=st.integers(0, 2**16),
)
def test_average_precision_properties(labels: list[float], seed: int) -> None:
    y = np.array(labels)
    if not y.any():
        y[0] = 1.0
    rng = np.random.default_rng(seed)
    score = rng.integers(0, 6, size=len(y)).astype(float)  # with ties
    ap = training.average_precision(y, score)
    assert 0.0 < ap <= 1.0
    # a strictly increasing transform of the score changes nothing
    assert training.average_precision(y, np.exp(score) * 3.0 - 7.0) == ap
    # nor does the order of the examples, when no scores tie
    unique = rng.permutation(len(y)).astype(float)
    order = rng.permutation(len(y))
    assert training.average_precision(y[order], unique[order]) == pytest.approx(
        training.average_precision(y, unique), rel=1e-14
    )
    # a ranking of every positive first is perfect
    assert training.average_precision(y, y) == 1.0
    # all scores equal: one threshold, AP is the positives' share
    assert training.average_precision(y, np.zeros(len(y))) == pytest.approx(
        y.mean(), rel=1e-14
    )


def _average_precision_by_definition(y: np.ndarray, score: np.ndarray) -> float:
    """Σ (R_n − R_(n−1)) P_n, each threshold a distinct score, from the top down."""
    total, previous_recall = 0.0, 0.0
    for threshold in sorted(set(score.tolist()), reverse=True):
        chosen = score >= threshold
        true_positives = float(np.sum(y[chosen]))
        precision = true_positives / float(np.sum(chosen))
        recall = true_positives / float(np.sum(y))
        total += (recall - previous_recall) * precision
        previous_recall = recall
    return total


@settings(max_examples=60, deadline=None)
@given(
    labels=st.lists(st.sampled_from([0.0, 1.0]), min_size=1, max_size=30),
    scores=st.lists(st.sampled_from([-2.0, 0.0, 0.1, 0.5, 0.9, 3.0]), min_size=30),
)
def test_average_precision_matches_its_definition(
    labels: list[float], scores: list[float]
) -> None:
    y = np.array(labels)
    if not y.any():
        y[-1] = 1.0
    score = np.array(scores[: len(y)])
    assert training.average_precision(y, score) == pytest.approx(
        _average_precision_by_definition(y, score), rel=1e-12
    )


def test_precision_and_recall_at_one_half() -> None:
    y = [1, 1, 1, 0, 0, 0, 0]
    p = [0.9, 0.5, 0.2, 0.6, 0.1, 0.0, 0.49]
    precision, recall = training.precision_recall(y, p)
    assert precision == pytest.approx(2 / 3)
    assert recall == pytest.approx(2 / 3)
    assert training.precision_recall(y, p, threshold=0.95) == (
        pytest.approx(math.nan, nan_ok=True),
        0.0,
    )
    nothing = training.precision_recall([1, 0], [0.1, 0.2])
    assert math.isnan(nothing[0]) and nothing[1] == 0.0
    no_positive = training.precision_recall([0, 0], [0.9, 0.1])
    assert no_positive[0] == 0.0 and math.isnan(no_positive[1])
    assert all(type(v) is float for v in training.precision_recall(y, p))


# ------------------------------------------------------------- for the page


def test_loss_setting_drops_what_a_loss_does_not_use() -> None:
    assert training.loss_setting("ce", 3.0, 0.4) == ("ce", 0.0, None)
    assert training.loss_setting("alpha_ce", 3.0, 0.4) == ("ce", 0.0, 0.4)
    assert training.loss_setting("fl", 3.0, 0.4) == ("fl", 3.0, None)
    assert training.loss_setting("alpha_fl", 3.0, 0.4) == ("fl", 3.0, 0.4)


def test_decision_grid_is_the_models_p_over_the_bounds(data: training.Dataset) -> None:
    model = _trained("mlp", data)
    first, second, p = training.decision_grid(model, 11)
    np.testing.assert_array_equal(first, np.linspace(*training.BOUNDS, 11))
    np.testing.assert_array_equal(second, first)
    assert p.shape == (11, 11)
    # row i is the second coordinate, column j the first
    expected = training.predict_proba(model, [[first[3], second[7]]])[0]
    assert p[7, 3] == pytest.approx(expected, rel=1e-13)  # BLAS may sum in blocks


def test_display_sample_keeps_every_positive(data: training.Dataset) -> None:
    y = data.y_train
    chosen = training.display_sample(y, limit=300, seed=1)
    assert len(chosen) == 300
    assert np.all(np.diff(chosen) > 0)
    assert set(np.flatnonzero(y == 1.0)) <= set(chosen.tolist())
    assert np.array_equal(chosen, training.display_sample(y, limit=300, seed=1))
    everything = training.display_sample(y, limit=10**6)
    np.testing.assert_array_equal(everything, np.arange(len(y)))


def test_run_experiment_reports_the_cores_metrics(data: training.Dataset) -> None:
    outcome = training.run_experiment(data, loss="fl", steps=30, resolution=9)
    # the model's p on the held-out points, from its weights (logistic: x w + b)
    weights = outcome.history.model.weights
    p = 1.0 / (1.0 + np.exp(-(data.x_test @ weights["w"] + weights["b"])))
    # counted by hand, not through precision_recall / average_precision
    called, positive = p >= 0.5, data.y_test == 1
    true_positives = np.count_nonzero(called & positive)
    assert outcome.recall == true_positives / np.count_nonzero(positive)
    if called.any():
        assert outcome.precision == true_positives / np.count_nonzero(called)
    # no ties here, so AP is the mean over the positives of the precision at
    # each one's rank
    assert np.unique(p).size == p.size
    hit = positive[np.argsort(-p)]
    precision_at = np.cumsum(hit) / np.arange(1, p.size + 1)
    assert outcome.average_precision == pytest.approx(
        precision_at[hit].mean(), rel=1e-12
    )
    assert outcome.grid[2].shape == (9, 9)


# -------------------------------------------------------------- bad arguments

BAD = [
    (training.make_dataset, {"n": 99}, "n must be an integer in [100, 1000000]"),
    (training.make_dataset, {"n": 1000.5}, "n must be an integer in [100, 1000000]"),
    (training.make_dataset, {"n": [1000, 2000]}, "n must be an integer in"),
    (
        training.make_dataset,
        {"imbalance": 0.5},
        "imbalance must be a number in [1, 1000]",
    ),
    (training.make_dataset, {"imbalance": math.inf}, "imbalance must be a number in"),
    (training.make_dataset, {"seed": -1}, "seed must be an integer in [0, 4294967295]"),
    (
        training.make_dataset,
        {"test_fraction": 1.0},
        "test_fraction must be a number in",
    ),
    (training.init_model, {"model": "svm"}, "model must be one of logistic, mlp"),
    (training.init_model, {"hidden": 0}, "hidden must be an integer in [1, 256]"),
    (training.init_model, {"pi": 0.0}, "pi must be in (0, 1)"),
    (training.init_model, {"pi": [0.1, 0.2]}, "pi must be in (0, 1)"),
    (
        training.loss_setting,
        {"choice": "mse", "gamma": 2, "alpha": 0.25},
        "choice must",
    ),
    (training.loss_setting, {"choice": "fl", "gamma": -1, "alpha": 0.25}, "gamma must"),
    (training.loss_setting, {"choice": "fl", "gamma": 2, "alpha": 2}, "alpha must"),
    (
        training.average_precision,
        {"y": [0, 0], "score": [0.1, 0.2]},
        "y must contain at least one positive (label 1)",
    ),
    (
        training.average_precision,
        {"y": [0, 1], "score": [0.1]},
        "y and score must be one-dimensional and of the same length",
    ),
    (
        training.average_precision,
        {"y": [[0, 1]], "score": [[0.1, 0.2]]},
        "y and score must be one-dimensional and of the same length",
    ),
    (
        training.precision_recall,
        {"y": [0, 1], "p": [0.1]},
        "y and p must be one-dimensional and of the same length",
    ),
    (
        training.precision_recall,
        {"y": [0, 1], "p": [0.1, 0.2], "threshold": 2},
        "threshold must be in [0, 1]",
    ),
    (training.display_sample, {"y": [0, 1], "limit": 0}, "limit must be an integer"),
    (training.decision_grid, {"model": "w", "resolution": 5}, "model must be a Model"),
    (training.predict_proba, {"model": None, "x": [[0, 0]]}, "model must be a Model"),
    (training.run_experiment, {"data": (1, 2)}, "data must be a Dataset"),
]


@pytest.mark.parametrize(
    ("function", "kwargs", "message"),
    BAD,
    ids=[f"{f.__name__}-{list(k.items())[-1]}" for f, k, _ in BAD],
)
def test_bad_arguments_name_themselves(function, kwargs, message) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        function(**kwargs)


TRAIN_BAD = [
    ({"x": [[0.0, 0.0, 0.0]]}, "x must be an array of shape (n, 2) with n >= 1"),
    ({"x": [[0.0, math.inf]]}, "x must be finite"),
    ({"y": [1, 0]}, "y must have one label per row of x"),
    ({"y": [2]}, "y must be 0 or 1"),
    ({"model": 3}, "model must be one of logistic, mlp"),
    ({"loss": "alpha_fl"}, "loss must be one of ce, fl"),
    ({"gamma": -0.5}, "gamma must be finite and >= 0"),
    ({"gamma": [1.0, 2.0]}, "gamma must be finite and >= 0 (one number)"),
    ({"alpha": 1.5}, "alpha must be in [0, 1]"),
    ({"steps": 0}, "steps must be an integer in [1, 100000]"),
    ({"steps": 2.5}, "steps must be an integer in [1, 100000]"),
    ({"optimizer": "sgd"}, "optimizer must be one of gd, adam"),
    ({"learning_rate": 0.0}, "learning_rate must be a number in (0, 100]"),
    ({"learning_rate": math.inf}, "learning_rate must be a number in (0, 100]"),
    ({"pi": 1.0}, "pi must be in (0, 1)"),
    ({"hidden": 300}, "hidden must be an integer in [1, 256]"),
    ({"seed": 2**32}, "seed must be an integer in [0, 4294967295]"),
]


@pytest.mark.parametrize(
    ("kwargs", "message"), TRAIN_BAD, ids=[m for _, m in TRAIN_BAD]
)
def test_bad_training_arguments_name_themselves(kwargs, message) -> None:
    good = {"x": [[0.0, 1.0]], "y": [1], "steps": 1}
    with pytest.raises(ValueError, match=whole(message)):
        training.train(**{**good, **kwargs})


def test_objective_refuses_what_is_not_a_model() -> None:
    with pytest.raises(ValueError, match=r"^model must be a Model"):
        training.objective({"w": 1}, [[0.0, 0.0]], [1])
