"""The Training page, run by AppTest: every control retrains with the core's values.

Runs are kept small through the URL (2000 points, 40 steps) so each check can
train both runs again with the core and compare figures and numbers exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from focal import training
from focal.ui.display import number
from focal.ui.params import BY_KEY, PARAMS, Value
from focal.ui.strings import EN, ZH, strings
from tests.helpers import (
    assert_chinese,
    assert_only_notice,
    assert_projector_fonts,
    page_texts,
    widget_values,
)

from .test_app import (
    app,
    as_query,
    assert_series,
    figures,
    raw_specs,
    run,
    set_control,
    switch,
    visible_texts,
)

PAGE = "pages/training.py"
TRAIN_KEYS = [param.key for param in PARAMS if param.key.startswith("train_")]
DEFAULTS: dict[str, Value] = {param.key: param.default for param in PARAMS}
#: Small runs for the tests; each test starts from these.
SMALL: dict[str, Value] = {"train_points": 2000.0, "train_steps": 40.0}
CHARTS = {"train_boundary_left", "train_boundary_right", "train_loss_chart"}


def page(**query: str) -> AppTest:
    """The app opened at ``/training`` with ``query`` (and the small run)."""
    return switch(app(**{**as_query(SMALL), **query}), PAGE)


def trained(state: Mapping[str, Value]) -> dict[str, training.Outcome]:
    data = training.make_dataset(
        int(state["train_points"]),
        float(state["train_imbalance"]),
        int(state["train_seed"]),
    )
    outcomes = {}
    for side in ("left", "right"):
        loss, gamma, alpha = training.loss_setting(
            str(state[f"train_{side}"]), float(state["gamma"]), float(state["alpha"])
        )
        outcomes[side] = training.run_experiment(
            data,
            model=str(state["train_model"]),
            loss=loss,
            gamma=gamma,
            alpha=alpha,
            steps=int(state["train_steps"]),
            optimizer=str(state["train_optimizer"]),
            learning_rate=float(state["train_lr"]),
            prior_init=bool(state["train_prior"]),
            seed=int(state["train_seed"]),
        )
    return outcomes


def assert_training(at: AppTest, state: Mapping[str, Value]) -> None:
    """The page shows ``state``: widgets, both runs' figures and numbers."""
    shown = widget_values(at)
    assert {key: shown[key] for key in TRAIN_KEYS} == {
        key: state[key] for key in TRAIN_KEYS
    }
    text = strings(str(state["lang"]))
    outcomes = trained(state)
    ap = "training.ap_short" if state["present"] else "training.ap"
    measures = {"precision": "training.precision", "recall": "training.recall"}
    assert [(metric.label, metric.value) for metric in at.metric] == [
        (text[key], number(getattr(outcomes[side], name), 3))
        for side in ("left", "right")
        for name, key in {**measures, "average_precision": ap}.items()
    ]
    figs = figures(at)
    assert set(figs) == CHARTS
    losses = figs["train_loss_chart"]["data"]
    for side, loss in zip(("left", "right"), losses, strict=True):
        fill, line, _, _ = figs[f"train_boundary_{side}"]["data"]
        shown = np.round(outcomes[side].grid[2], 3)  # the hover's digits
        assert_series(fill["z"], shown)
        assert_series(line["z"], shown)
        assert_series(loss, outcomes[side].history.loss, outcomes[side].history.steps)


# ------------------------------------------------------ languages and modes


@pytest.mark.parametrize("present", [False, True], ids=["laptop", "presenter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_runs_in_every_language_and_mode(lang: str, present: bool) -> None:
    at = page(**as_query({"lang": lang, "present": present}))
    state = {**DEFAULTS, **SMALL, "lang": lang, "present": present}
    assert_training(at, state)
    table = strings(lang)
    assert_projector_fonts(figures(at).values(), present)
    if present:
        assert [t.value for t in at.title] == []
    else:
        assert [t.value for t in at.title] == [table["training.title"]]
        assert table["training.look"] in [i.value for i in at.info]
    loss = figures(at)["train_loss_chart"]
    assert [t["name"] for t in loss["data"]] == [
        table["training.loss.ce"],
        table["training.loss.fl"].format(gamma="2", alpha="0.25"),
    ]
    assert loss["layout"]["title"]["text"] == table["training.loss_title"]


def test_chinese_page_shows_no_english_words() -> None:
    at = page(lang="zh")
    assert_chinese(page_texts(at))
    assert any(ZH["training.positives"] in str(f) for f in figures(at).values())


def test_every_training_key_is_in_both_tables() -> None:
    keys = {key for key in EN if "train" in key}
    assert keys == {key for key in ZH if "train" in key}
    for key in TRAIN_KEYS:
        assert f"param.{key}" in EN
        for option in BY_KEY[key].options:
            assert f"name.{key}.{option}" in EN


# ------------------------------------------------------------ moving controls

#: (control, new value, figures that must change)
MOVES = [
    ("train_left", "fl", {"train_boundary_left", "train_loss_chart"}),
    ("train_right", "alpha_fl", {"train_boundary_right", "train_loss_chart"}),
    ("train_model", "mlp", CHARTS),
    ("train_imbalance", 20.0, CHARTS),
    ("train_points", 3000.0, CHARTS),
    ("train_steps", 60.0, CHARTS),
    ("train_prior", False, CHARTS),
    ("train_optimizer", "gd", CHARTS),
    ("train_lr", 0.2, CHARTS),
    ("train_seed", 4.0, CHARTS),
    # shared controls: γ reaches only the FL run (right), α neither (CE and FL)
    ("gamma", 3.0, {"train_boundary_right", "train_loss_chart"}),
    ("alpha", 0.6, set()),
]


@pytest.mark.parametrize(
    ("key", "new", "changed"), MOVES, ids=[f"{k}={v}" for k, v, _ in MOVES]
)
def test_moving_a_control_retrains(key: str, new: Value, changed: set[str]) -> None:
    at = page()
    state = {**DEFAULTS, **SMALL}
    before = raw_specs(at)
    set_control(at, key, new)
    state[key] = new
    assert_training(at, state)
    after = raw_specs(at)
    assert {k for k in after if after[k] != before[k]} == changed


def test_alpha_reaches_the_alpha_balanced_runs() -> None:
    at = page(train_left="alpha_ce", train_right="alpha_fl")
    state = {**DEFAULTS, **SMALL, "train_left": "alpha_ce", "train_right": "alpha_fl"}
    assert_training(at, state)
    before = raw_specs(at)
    set_control(at, "alpha", 0.75)
    assert_training(at, {**state, "alpha": 0.75})
    after = raw_specs(at)
    assert {k for k in after if after[k] != before[k]} == CHARTS


def test_unrelated_controls_do_not_retrain(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = training.run_experiment

    def counted(*args: Any, **kwargs: Any) -> training.Outcome:
        calls.append(str(kwargs["loss"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(training, "run_experiment", counted)
    st.cache_data.clear()
    at = page(train_seed="17")
    assert calls == ["ce", "fl"]
    set_control(at, "p", 0.3)  # the Explorer's p
    set_control(at, "alpha", 0.5)  # neither CE nor FL (unbalanced) uses α
    set_control(at, "lang", "zh")
    assert calls == ["ce", "fl"]
    set_control(at, "gamma", 1.0)  # only FL uses γ
    assert calls == ["ce", "fl", "fl"]
    set_control(at, "gamma", 2.0)  # back: both cached
    assert calls == ["ce", "fl", "fl"]


def test_a_long_run_trains_with_a_progress_bar() -> None:
    # 12000 points x 400 steps is past the page's threshold for a progress bar
    at = page(train_points="12000", train_steps="400")
    state = {**DEFAULTS, "train_points": 12000.0, "train_steps": 400.0}
    assert_training(at, state)
    run(at)  # cached now: the replay of the emptied bar raises nothing
    assert_training(at, state)


# ------------------------------------------------------------------ the link


def test_url_seeds_the_state() -> None:
    query = {
        "train_left": "alpha_ce",
        "train_right": "alpha_fl",
        "train_model": "mlp",
        "train_imbalance": "300",
        "train_steps": "30",
        "train_prior": "false",
        "train_optimizer": "gd",
        "train_lr": "0.3",
        "train_seed": "9",
        "gamma": "1.5",
        "alpha": "0.4",
        "lang": "zh",
    }
    at = page(**query)
    state = {**DEFAULTS, **SMALL}
    state.update({key: BY_KEY[key].parse(raw) for key, raw in query.items()})
    assert_training(at, state)
    assert at.warning.len == 0
    (link,) = at.code
    for key, raw in query.items():
        assert f"{key}={raw}" in link.value


BAD = [
    ("train_left", "mse"),
    ("train_right", "<script>alert(1)</script>"),
    ("train_model", "svm"),
    ("train_imbalance", "5"),
    ("train_points", "abc"),
    ("train_steps", "1e9"),
    ("train_prior", "maybe"),
    ("train_optimizer", "sgd"),
    ("train_lr", "nan"),
    ("train_seed", "<b>x</b>"),
]


@pytest.mark.parametrize(("key", "raw"), BAD, ids=[f"{k}={v[:8]}" for k, v in BAD])
def test_bad_value_falls_back_with_a_notice(key: str, raw: str) -> None:
    at = switch(app(**{**as_query(SMALL), key: raw}), PAGE)
    param = BY_KEY[key]
    assert widget_values(at)[key] == param.default
    assert_only_notice(at, key)
    if "<" in raw or raw in ("mse", "svm", "abc", "maybe", "sgd"):
        for shown in visible_texts(at):
            assert raw not in shown
