"""The front door: bad input raises ValueError naming the argument and its range;
good input of any shape broadcasts, and scalars come back as Python floats."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import fields
from functools import partial
from typing import Any

import numpy as np
import pytest

import focal
from focal import _validate as check
from tests.helpers import whole

F = focal
_MODEL = focal.init_model("logistic")

# Every array function of the core with a valid call, keyword by keyword.
GOOD: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "p_t": (F.p_t, {"p": 0.3, "y": 1}),
    "alpha_t": (F.alpha_t, {"alpha": 0.25, "y": 1}),
    "cross_entropy": (F.cross_entropy, {"p": 0.3, "y": 1}),
    "modulating_factor": (F.modulating_factor, {"p": 0.3, "y": 1, "gamma": 2.0}),
    "focal_loss": (F.focal_loss, {"p": 0.3, "y": 1, "gamma": 2.0, "alpha": 0.25}),
    "focal_reduction": (F.focal_reduction, {"p": 0.3, "y": 1, "gamma": 2.0}),
    "cross_entropy_from_logits": (F.cross_entropy_from_logits, {"x": 0.5, "y": 1}),
    "focal_loss_from_logits": (
        F.focal_loss_from_logits,
        {"x": 0.5, "y": 1, "gamma": 2.0, "alpha": 0.25},
    ),
    "p_t_from_logits": (F.p_t_from_logits, {"x": 0.5, "y": 1}),
    "modulating_factor_from_logits": (
        F.modulating_factor_from_logits,
        {"x": 0.5, "y": 1, "gamma": 2.0},
    ),
    "grad_cross_entropy": (F.grad_cross_entropy, {"x": 0.5, "y": 1}),
    "grad_focal_loss": (
        F.grad_focal_loss,
        {"x": 0.5, "y": 1, "gamma": 2.0, "alpha": 0.25},
    ),
    "focal_loss_star": (F.focal_loss_star, {"x": 0.5, "y": 1, "gamma": 2.0, "beta": 1}),
    "grad_focal_loss_star": (
        F.grad_focal_loss_star,
        {"x": 0.5, "y": 1, "gamma": 2.0, "beta": 1.0},
    ),
    "prior_bias": (F.prior_bias, {"pi": 0.01}),
    "sigmoid": (F.sigmoid, {"x": 0.5}),
    "logit": (F.logit, {"p": 0.3}),
    "hard_easy_ratio": (
        F.hard_easy_ratio,
        {"p_hard": 0.1, "p_easy": 0.9, "y": 1, "gamma": 2.0, "alpha": 0.25},
    ),
    "table_row": (F.table_row, {"p": 0.3, "y": 1, "gamma": 2.0, "alpha": 0.25}),
    "document_table": (F.document_table, {"gamma": 2.0, "alpha": 0.25}),
    # walkthrough
    "focal_gradient_ratio": (
        F.focal_gradient_ratio,
        {"x": 0.5, "y": 1, "gamma": 2.0, "alpha": 0.25},
    ),
    "grad_focal_loss_autograd_naive": (
        F.grad_focal_loss_autograd_naive,
        {"x": 0.5, "y": 1, "gamma": 0.5, "alpha": 0.25},
    ),
    "gradient_ratio_peak": (F.gradient_ratio_peak, {"gamma": 2.0}),
    "yolo_v3_grid": (F.yolo_v3_grid, {"size": 416, "stride": 32}),
    "yolo_v3_predictions": (F.yolo_v3_predictions, {"size": 416}),
    "background_loss_share": (
        F.background_loss_share,
        {
            "objects": 5,
            "background": 10642,
            "p_object": 0.5,
            "p_background": 0.01,
            "gamma": 2.0,
            "alpha": 0.25,
        },
    ),
    # imbalance: a population in, per-group results out (tests/test_imbalance.py)
    "draw_population": (
        F.draw_population,
        {
            "positives": 2,
            "hard_negatives": 3,
            "easy_negatives": 4,
            "spread": 1.0,
            "seed": 0,
        },
    ),
    "loss_by_group": (
        F.loss_by_group,
        {"x": [1.0, -0.5, -4.0], "y": [1, 0, 0], "group": [0, 1, 2], "gamma": 2.0},
    ),
    "cumulative_loss": (
        F.cumulative_loss,
        {"x": [1.0, -0.5, -4.0], "y": [1, 0, 0], "gamma": [0.0, 2.0], "points": 5},
    ),
    # variants (their own ranges are checked in test_variants.py)
    "poly1_focal_loss": (
        F.poly1_focal_loss,
        {"p": 0.3, "y": 1, "gamma": 2.0, "epsilon": 1.0, "alpha": 0.25},
    ),
    "quality_focal_loss": (F.quality_focal_loss, {"p": 0.3, "q": 0.8, "beta": 2.0}),
    "varifocal_loss": (
        F.varifocal_loss,
        {"p": 0.3, "q": 0.8, "alpha": 0.75, "gamma": 2.0},
    ),
    "asymmetric_loss": (
        F.asymmetric_loss,
        {"p": 0.3, "y": 0, "gamma_pos": 1.0, "gamma_neg": 4.0, "margin": 0.05},
    ),
    # training: the non-numeric arguments (models, data) are bound beforehand
    "make_dataset": (
        F.make_dataset,
        {"n": 200, "imbalance": 10.0, "seed": 0, "test_fraction": 0.25},
    ),
    "init_model": (
        partial(F.init_model, "mlp", prior_init=True),
        {"hidden": 4, "pi": 0.01, "seed": 0},
    ),
    "train": (
        partial(F.train, loss="fl"),
        {
            "x": [[0.0, 1.0], [1.0, 0.0]],
            "y": [1, 0],
            "gamma": 2.0,
            "alpha": 0.25,
            "steps": 2,
            "learning_rate": 0.05,
            "pi": 0.01,
            "hidden": 4,
            "seed": 0,
        },
    ),
    "objective": (
        partial(F.objective, _MODEL),
        {"x": [[0.0, 1.0]], "y": [1], "gamma": 2.0, "alpha": 0.25},
    ),
    "predict_proba": (partial(F.predict_proba, _MODEL), {"x": [[0.0, 1.0]]}),
    "precision_recall": (
        F.precision_recall,
        {"y": [1, 0], "p": [0.7, 0.2], "threshold": 0.5},
    ),
    "average_precision": (F.average_precision, {"y": [1, 0], "score": [0.7, 0.2]}),
    "loss_setting": (
        partial(F.loss_setting, "alpha_fl"),
        {"gamma": 2.0, "alpha": 0.25},
    ),
    "decision_grid": (partial(F.decision_grid, _MODEL), {"resolution": 3}),
    "display_sample": (F.display_sample, {"y": [1, 0, 0], "limit": 2, "seed": 0}),
    "run_experiment": (
        partial(F.run_experiment, F.make_dataset(200, 10.0, 0)),
        {
            "gamma": 2.0,
            "alpha": 0.25,
            "steps": 2,
            "learning_rate": 0.05,
            "pi": 0.01,
            "seed": 0,
            "resolution": 3,
        },
    ),
}
#: Functions whose results are records of arrays, not one number per input.
POPULATION = {"draw_population", "loss_by_group", "cumulative_loss"}
STAR = {"focal_loss_star", "grad_focal_loss_star"}
#: Functions of the training demo: whole data sets in, not elementwise.
TRAINING = {
    "make_dataset",
    "init_model",
    "train",
    "objective",
    "predict_proba",
    "precision_recall",
    "average_precision",
    "loss_setting",
    "decision_grid",
    "display_sample",
    "run_experiment",
}

NOT_A_NUMBER = "must be a number or an array of numbers"


class Opaque:
    """An object NumPy cannot turn into a number (with a stable test id)."""

    def __repr__(self) -> str:
        return "Opaque()"


def _rules() -> list[tuple[str, str, Any, str]]:
    """(function, argument, bad value, expected message) for every rule."""
    outside = (-0.1, 1.1, -1e-300, 1.0 + 2**-52, math.inf, [0.5, 2.0])
    below = (-0.5, -1e-300, math.inf, -math.inf, [2.0, -1.0])
    ranges: dict[str, tuple[str, tuple[Any, ...]]] = {
        "y": ("must be 0 or 1", (2, 0.5, -1, [0, 1, 2], 1e-300)),
        **dict.fromkeys(("p", "p_hard", "p_easy"), ("must be in [0, 1]", outside)),
        "alpha": ("must be in [0, 1]", (-0.1, 1.5, math.inf)),
        "gamma": ("must be finite and >= 0", below),
        "pi": ("must be in (0, 1)", (0.0, 1.0, 1.5, -0.5)),
    }
    star = {  # FL*'s own gamma and beta
        "gamma": ("must be finite and > 0", (0.0, -0.0, -1.0, math.inf, [1.0, 0.0])),
        "beta": ("must be finite", (math.inf, -math.inf)),
    }
    cases: list[tuple[str, str, Any, str]] = []
    for name, (_, kwargs) in GOOD.items():
        for argument in kwargs:
            bad = [(math.nan, "must not be NaN")]
            bad += [(v, NOT_A_NUMBER) for v in ("abc", b"0.5", [1.0, "abc"], Opaque())]
            if argument != "alpha":  # alpha=None switches balancing off
                bad.append((None, NOT_A_NUMBER))
            own = star.get(argument) if name in STAR else None
            rule, values = own or ranges.get(argument, ("", ()))
            bad += [(value, rule) for value in values]
            cases += [(name, argument, value, rule) for value, rule in bad]
    return cases


RULES = _rules()


@pytest.mark.parametrize(
    ("name", "argument", "value", "rule"),
    RULES,
    ids=[f"{n}-{a}={v!r}" for n, a, v, _ in RULES],
)
def test_bad_input_names_the_argument_and_its_range(
    name: str, argument: str, value: Any, rule: str
) -> None:
    function, kwargs = GOOD[name]
    with pytest.raises(ValueError, match=whole(f"{argument} {rule}")):
        function(**{**kwargs, argument: value})


@pytest.mark.parametrize("name", list(GOOD))
def test_the_good_calls_are_good(name: str) -> None:
    function, kwargs = GOOD[name]
    function(**kwargs)


def test_the_rules_cover_every_argument_of_every_function() -> None:
    covered = {(name, argument) for name, argument, _, _ in RULES}
    assert covered == {(n, a) for n, (_, kw) in GOOD.items() for a in kw}
    assert len(RULES) > 250
    public = {
        name
        for name in focal.__all__
        if callable(getattr(focal, name)) and name[0].islower()
    }
    assert public == set(GOOD)


def test_logits_may_be_infinite_but_not_nan() -> None:
    assert F.cross_entropy_from_logits(math.inf, 1) == 0.0
    assert F.grad_focal_loss(-math.inf, 1) == -1.0
    with pytest.raises(ValueError, match=whole("x must not be NaN")):
        F.focal_loss_from_logits([0.0, math.nan], 1)


def test_alpha_none_is_off_but_alpha_t_needs_a_number() -> None:
    assert F.focal_loss(0.3, 1, 2.0, None) == F.focal_loss(0.3, 1, 2.0)
    with pytest.raises(ValueError, match=whole(f"alpha {NOT_A_NUMBER}")):
        F.alpha_t(None, 1)


def test_the_bounds_themselves_are_allowed() -> None:
    assert F.focal_loss(0.0, 0, 0.0, 0.0) == 0.0
    assert F.focal_loss(1.0, 1, 0.0, 1.0) == 0.0
    assert F.focal_loss_star(0.0, 0, 1e-300, -5.0) > 0.0
    assert F.prior_bias(5e-324) < -744.0
    assert F.prior_bias(1.0 - 2**-53) > 36.0


# --- shapes and types --------------------------------------------------------------


def numbers_of(result: Any) -> list[Any]:
    """The numeric fields of a result (a float, an array or a record of them)."""
    if isinstance(result, F.HardEasyRatio | F.GradientRatioPeak):  # all numbers
        return [getattr(result, field.name) for field in fields(result)]
    if isinstance(result, F.TableRow):
        values = [result.p, result.p_t, result.ce, result.modulating, result.fl]
        return values + [v for v in (result.alpha_t, result.fl_alpha) if v is not None]
    if isinstance(result, list):
        return [v for row in result for v in numbers_of(row)]
    return [result]


@pytest.mark.parametrize(
    "name", [n for n in GOOD if n not in POPULATION and n not in TRAINING]
)
def test_scalar_inputs_give_python_floats(name: str) -> None:
    function, kwargs = GOOD[name]
    for value in numbers_of(function(**kwargs)):
        assert type(value) is float
        assert float(repr(value)) == value  # "0.123", not "np.float64(0.123)"
        assert f"{value:.4f}" == format(float(value), ".4f")


ARRAY_FUNCTIONS = [
    n
    for n in GOOD
    if n not in ("table_row", "document_table", *POPULATION) and n not in TRAINING
]


@pytest.mark.parametrize("name", ARRAY_FUNCTIONS)
def test_zero_dimensional_arrays_count_as_scalars(name: str) -> None:
    function, kwargs = GOOD[name]
    arrays = {k: (v if v is None else np.asarray(v)) for k, v in kwargs.items()}
    for value in numbers_of(function(**arrays)):
        assert type(value) is float


@pytest.mark.parametrize("name", ARRAY_FUNCTIONS)
def test_list_input_gives_a_float64_array(name: str) -> None:
    function, kwargs = GOOD[name]
    first = next(iter(kwargs))
    for value in numbers_of(function(**{**kwargs, first: [kwargs[first]] * 2})):
        assert isinstance(value, np.ndarray)
        assert value.dtype == np.float64
        assert value.shape == (2,)


# Two arguments of each function to broadcast against each other: one gets shape
# (3, 1), the other (4,).
BROADCAST = {
    "p_t": ("p", "y"),
    "alpha_t": ("alpha", "y"),
    "cross_entropy": ("p", "y"),
    "modulating_factor": ("p", "gamma"),
    "focal_loss": ("p", "y"),
    "focal_reduction": ("gamma", "p"),
    "cross_entropy_from_logits": ("x", "y"),
    "focal_loss_from_logits": ("x", "gamma"),
    "grad_cross_entropy": ("x", "y"),
    "grad_focal_loss": ("gamma", "x"),
    "focal_loss_star": ("x", "beta"),
    "grad_focal_loss_star": ("x", "gamma"),
    "hard_easy_ratio": ("p_hard", "p_easy"),
}
COLUMN = {
    "p": [0.1, 0.5, 0.9],
    "p_hard": [0.1, 0.2, 0.3],
    "p_easy": [0.6, 0.7, 0.8, 0.9],
    "y": [0, 1, 1],
    "alpha": [0.0, 0.25, 1.0],
    "gamma": [0.0, 0.5, 2.0],
    "x": [-3.0, 0.0, 3.0],
    "beta": [-1.0, 0.0, 1.0],
}
ROW = {
    "p": [0.0, 0.2, 0.7, 1.0],
    "y": [True, False, 1, 0],
    "gamma": [0.1, 1.0, 3.0, 10.0],
    "x": [-math.inf, -1.0, 2.0, 40.0],
    "beta": [-5.0, 0.0, 1.0, 5.0],
    "p_easy": [0.6, 0.7, 0.8, 0.9],
}


@pytest.mark.parametrize("name", list(BROADCAST))
def test_broadcasting_column_against_row(name: str) -> None:
    function, kwargs = GOOD[name]
    first, second = BROADCAST[name]
    column = np.array(COLUMN[first])[:, None]
    row = ROW[second]
    results = numbers_of(function(**{**kwargs, first: column, second: row}))
    for result in results:
        assert isinstance(result, np.ndarray)
        assert result.dtype == np.float64
        assert result.shape == (3, 4)
    # each cell equals the scalar call
    for i, j in ((0, 0), (1, 2), (2, 3)):
        cell = numbers_of(
            function(**{**kwargs, first: COLUMN[first][i], second: row[j]})
        )
        for result, scalar in zip(results, cell, strict=True):
            assert result[i, j] == pytest.approx(scalar, rel=1e-14, nan_ok=True)


GAMMA_FUNCTIONS = {
    "modulating_factor": {"p": np.array([0.1, 0.5, 0.9, 1.0]), "y": 1},
    "focal_loss": {"p": np.array([0.1, 0.5, 0.9, 1.0]), "y": 1, "alpha": 0.25},
    "focal_reduction": {"p": np.array([0.1, 0.5, 0.9, 0.0]), "y": 1},
    "focal_loss_from_logits": {"x": np.array([-3.0, 0.0, 3.0, 40.0]), "y": 0},
    "grad_focal_loss": {"x": np.array([-3.0, 0.0, 3.0, -math.inf]), "y": 0},
    "focal_loss_star": {"x": np.array([-3.0, 0.0, 3.0, 40.0]), "y": 1, "beta": 1},
    "grad_focal_loss_star": {"x": np.array([-3.0, 0.0, 3.0, 40.0]), "y": 0, "beta": 0},
}


@pytest.mark.parametrize("name", list(GAMMA_FUNCTIONS))
@pytest.mark.parametrize("x_shape", ["array", "scalar"])
def test_gamma_may_be_an_array(name: str, x_shape: str) -> None:
    function = GOOD[name][0]
    kwargs = dict(GAMMA_FUNCTIONS[name])
    if x_shape == "scalar":
        first = next(iter(kwargs))
        kwargs[first] = float(kwargs[first][1])
    gammas = np.array([0.5, 1.0, 2.0, 4.0])[:, None]
    together = function(**kwargs, gamma=gammas)
    expected_shape = (4, 4) if x_shape == "array" else (4, 1)
    assert together.shape == expected_shape
    for row, g in zip(together, gammas[:, 0], strict=True):
        np.testing.assert_allclose(row, function(**kwargs, gamma=g), rtol=1e-14)


def test_bool_labels_are_accepted() -> None:
    assert F.focal_loss(0.3, True) == F.focal_loss(0.3, 1)
    assert F.focal_loss(0.3, False) == F.focal_loss(0.3, 0)
    labels = np.array([True, False])
    np.testing.assert_array_equal(
        F.grad_focal_loss(0.5, labels), F.grad_focal_loss(0.5, [1.0, 0.0])
    )
    np.testing.assert_array_equal(F.p_t(0.3, labels), [0.3, 0.7])


def test_integer_arrays_are_accepted() -> None:
    got = F.focal_loss(np.array([0, 1]), np.array([0, 1]), np.array(2))
    assert got.dtype == np.float64
    assert got.tolist() == [0.0, 0.0]


def test_inputs_are_neither_written_nor_needed_writable() -> None:
    x = np.linspace(-5.0, 5.0, 11)
    p = np.linspace(0.0, 1.0, 11)
    y = np.array([0.0, 1.0] * 5 + [1.0])
    g = np.full(11, 0.5)
    originals = [a.copy() for a in (x, p, y, g)]
    for a in (x, p, y, g):
        a.flags.writeable = False
    F.focal_loss(p, y, g, 0.25)
    F.focal_loss_from_logits(x, y, g, 0.25)
    F.focal_loss_from_logits(x, y, 2.0)
    F.grad_focal_loss(x, y, g, 0.25)
    F.grad_focal_loss(x, y, 2.0)
    F.grad_cross_entropy(x, y)
    F.cross_entropy_from_logits(x, y)
    F.focal_loss_star(x, y, g, 1.0)
    F.grad_focal_loss_star(x, y, g, 1.0)
    F.modulating_factor(p, y, g)
    F.focal_reduction(p, y, g)
    F.hard_easy_ratio(p, p[::-1], y, g)
    for a, original in zip((x, p, y, g), originals, strict=True):
        np.testing.assert_array_equal(a, original)


# --- the helpers themselves ------------------------------------------------------


def test_result_is_a_float_only_when_every_input_is_a_scalar() -> None:
    array = np.array(0.5)
    assert type(check.result(array, 1.0, 2, None, np.float64(3.0))) is float
    assert isinstance(check.result(np.array([0.5]), 1.0, [2.0]), np.ndarray)
    assert check.is_scalar(1.0, None, np.array(2.0))
    assert not check.is_scalar(1.0, [1.0])
