"""The Imbalance page under AppTest: every control moves the core's numbers."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import focal
from focal.figures import Look
from focal.imbalance import EASY_NEGATIVES, FIGURE4_GAMMAS, LOSSES, PRESET_BY_NAME
from focal.ui.display import number
from focal.ui.imbalance import count, percent
from focal.ui.params import BY_KEY, PARAMS, Value
from focal.ui.strings import EN, ZH, strings
from tests.helpers import (
    CJK,
    app,
    assert_chinese,
    assert_only_notice,
    assert_projector_fonts,
    page_table,
    page_texts,
    widget_values,
)

from .test_app import (
    HOSTILE,
    as_query,
    assert_series,
    figures,
    link_query,
    metrics,
    raw_specs,
    run,
    visible_texts,
)
from .test_app import set_control as move

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/imbalance.py"
KEYS = ("imb_preset", "imb_positives", "imb_hard", "imb_easy", "imb_spread", "imb_seed")
SHARED = ("gamma", "alpha", "balance", "lang", "present")
DEFAULTS: dict[str, Value] = {key: BY_KEY[key].default for key in (*KEYS, *SHARED)}
CHARTS = {
    "imbalance_shares",
    "imbalance_figure4_positives",
    "imbalance_figure4_negatives",
}


def imbalance_numbers(state: Mapping[str, Value]) -> tuple[Any, Any, list[int]]:
    population = focal.draw_population(
        *(int(state[key]) for key in ("imb_positives", "imb_hard", "imb_easy")),
        float(state["imb_spread"]),
        int(state["imb_seed"]),
    )
    gamma, alpha = float(state["gamma"]), float(state["alpha"])
    losses = focal.loss_by_group(
        population.x, population.y, population.group, gamma, alpha
    )
    gammas = FIGURE4_GAMMAS if gamma in FIGURE4_GAMMAS else (*FIGURE4_GAMMAS, gamma)
    curves = focal.cumulative_loss(population.x, population.y, gammas)
    fl = LOSSES.index("fl_balanced" if state["balance"] else "fl")
    return losses, curves, [0, 1, fl]


def assert_imbalance(at: AppTest, state: Mapping[str, Value]) -> None:
    """The page shows ``state``: widgets, headline, numbers and figures."""
    text = strings(str(state["lang"]))
    shown = widget_values(at)
    assert {key: shown[key] for key in state} == dict(state)
    losses, curves, rows = imbalance_numbers(state)
    gamma, alpha = f"{float(state['gamma']):g}", f"{float(state['alpha']):g}"
    names = [
        text[f"imbalance.loss.{LOSSES[row]}"].format(gamma=gamma, alpha=alpha)
        for row in rows
    ]

    # the headline, computed from the numbers
    headline = text["imbalance.headline"].format(
        ce_share=percent(losses.shares[0, EASY_NEGATIVES]),
        fl_name=names[2],
        fl_share=percent(losses.shares[rows[2], EASY_NEGATIVES]),
    )
    assert at.subheader[0].value == headline
    assert text["imbalance.headline_count"].format(
        count_share=percent(losses.count_shares[EASY_NEGATIVES]),
        total=count(int(losses.counts.sum())),
    ) in [m.value for m in at.markdown]

    # the loss per positive: metrics and table
    per_image = [number(losses.image_loss[row], 4) for row in rows]
    assert metrics(at) == dict(zip(names, per_image, strict=True))
    lines = page_table(at).splitlines()[2:]
    assert [[c.strip() for c in line.strip("|").split("|")] for line in lines] == [
        [name, *(number(v, 4) for v in losses.per_positive[row]), f"**{total}**"]
        for name, row, total in zip(names, rows, per_image, strict=True)
    ]

    # the figures: shares by group, and Figure 4
    figs = figures(at)
    assert set(figs) == CHARTS
    bars = figs["imbalance_shares"]["data"]
    groups = {"easy_negatives": 2, "hard_negatives": 1, "positives": 0}
    assert [t["name"] for t in bars] == [text[f"imbalance.group.{g}"] for g in groups]
    for trace, g in zip(bars, groups.values(), strict=True):
        assert list(trace["x"]) == names
        assert_series(trace["y"], losses.shares[rows, g])
        assert_series(
            np.asarray(trace["customdata"]).reshape(3, 2),
            np.column_stack([losses.totals[rows, g], losses.per_positive[rows, g]]),
        )
    wide = Look.of(bool(state["present"])).bold
    for kind in ("positives", "negatives"):
        lines = figs[f"imbalance_figure4_{kind}"]["data"]
        fraction = getattr(curves, f"fraction_{kind}")
        for line, row in zip(lines, getattr(curves, kind), strict=True):
            assert_series(line, row, fraction)
        bold = [line["name"] for line in lines if line["line"]["width"] == wide]
        assert bold == [text["imbalance.figure4.current"].format(gamma=gamma)]
    assert_projector_fonts(figs.values(), bool(state["present"]))


# ------------------------------------------------------ languages and modes


@pytest.mark.parametrize("present", [False, True], ids=["laptop", "presenter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_runs_in_every_language_and_mode(lang: str, present: bool) -> None:
    at = app(PAGE, **as_query({"lang": lang, "present": present}))
    assert_imbalance(at, {**DEFAULTS, "lang": lang, "present": present})
    table = strings(lang)
    titles = [t.value for t in at.title]
    assert titles == ([] if present else [table["imbalance.title"]])
    assert at.warning.len == 0
    # issue 15: YOLO v3's authors found focal loss did not help them; say so
    captions = [c.value for c in at.caption]
    assert (table["imbalance.yolo_note"] in captions) is not present


def test_the_yolo_v3_note_cites_its_source() -> None:
    for table in (EN, ZH):
        note = table["imbalance.yolo_note"]
        for part in ("YOLOv3: An Incremental Improvement", "2018", "§4", "§2.1", "2"):
            assert part in note
    assert EN["imbalance.title"] == "Why imbalance matters in a one-stage detector"


def test_default_headline_reads_like_the_issue() -> None:
    at = app(PAGE)
    assert at.subheader[0].value == (
        "Under CE, easy negatives make 87% of the loss; under FL (γ = 2), 6.9%."
    )
    # docs/lecture.md ("36–41 min"): 10,600 easy negatives of 10,647 predictions
    assert "They are 99.6% of the 10,647 predictions." in [m.value for m in at.markdown]


def test_zh_page_shows_no_english_words() -> None:
    at = app(PAGE, lang="zh")
    assert_chinese(page_texts(at))
    assert CJK.search(at.subheader[0].value)


# ------------------------------------------------------------ the controls

#: (control, new value, state it is moved from, figures that must change)
MOVES = [
    ("imb_positives", 9.0, {}, CHARTS - {"imbalance_figure4_negatives"}),
    ("imb_hard", 200.0, {}, CHARTS - {"imbalance_figure4_positives"}),
    ("imb_easy", 30000.0, {}, CHARTS - {"imbalance_figure4_positives"}),
    ("imb_spread", 2.0, {}, CHARTS),
    ("imb_seed", 5.0, {}, CHARTS),
    ("gamma", 3.0, {}, CHARTS),
    ("gamma", 0.5, {}, CHARTS),
    ("alpha", 0.75, {}, {"imbalance_shares"}),
    ("alpha", 0.5, {"balance": True}, {"imbalance_shares"}),
    ("balance", True, {}, {"imbalance_shares"}),
    ("lang", "zh", {}, CHARTS),
]


@pytest.mark.parametrize(
    ("key", "new", "start", "changed"),
    MOVES,
    ids=[f"{key}={new}" for key, new, _, _ in MOVES],
)
def test_moving_a_control_updates_the_page(
    key: str, new: Value, start: dict[str, Value], changed: set[str]
) -> None:
    state = {**DEFAULTS, **start}
    at = app(PAGE, **as_query(start))
    assert_imbalance(at, state)
    before = raw_specs(at)
    move(at, key, new)
    state[key] = new
    assert_imbalance(at, state)
    after = raw_specs(at)
    assert {k for k in after if after[k] != before[k]} == changed
    for figure in figures(at).values():
        for trace in figure["data"]:
            assert np.isfinite(np.asarray(trace["y"], dtype=float)).all()


def preset_state(name: str) -> dict[str, Value]:
    preset = PRESET_BY_NAME[name]
    counts = (preset.positives, preset.hard_negatives, preset.easy_negatives)
    drawn = [*map(float, counts), preset.spread]
    return {**DEFAULTS, "imb_preset": name, **dict(zip(KEYS[1:5], drawn, strict=True))}


def test_choosing_a_preset_sets_the_counts_and_moving_them_keeps_it() -> None:
    at = app(PAGE)
    move(at, "imb_preset", "retinanet")
    state = preset_state("retinanet")
    assert_imbalance(at, state)
    move(at, "imb_easy", 50000.0)
    state["imb_easy"] = 50000.0
    assert_imbalance(at, state)  # the preset did not take the counts back
    move(at, "gamma", 1.0)
    state["gamma"] = 1.0
    assert_imbalance(at, state)
    move(at, "imb_preset", "yolo")
    assert_imbalance(at, {**preset_state("yolo"), "gamma": 1.0})


def test_the_default_counts_are_the_yolo_preset() -> None:
    yolo = preset_state("yolo")
    assert {key: BY_KEY[key].default for key in KEYS} == {k: yolo[k] for k in KEYS}
    for key in KEYS[1:]:
        param = BY_KEY[key]
        assert not param.shared
        assert param.low <= yolo[key] <= param.high
        assert param.low <= preset_state("retinanet")[key] <= param.high


# ------------------------------------------------------------------ links


def test_a_link_to_a_preset_opens_its_counts() -> None:
    at = app(PAGE, imb_preset="retinanet", lang="zh")
    assert_imbalance(at, {**preset_state("retinanet"), "lang": "zh"})


def test_url_seeds_the_state() -> None:
    seeded = {
        "imb_positives": 20.0,
        "imb_hard": 500.0,
        "imb_easy": 40000.0,
        "imb_spread": 0.5,
        "imb_seed": 12.0,
        "gamma": 1.0,
        "balance": True,
        "alpha": 0.5,
    }
    at = app(PAGE, **as_query(seeded))
    assert_imbalance(at, {**DEFAULTS, **seeded})
    assert at.warning.len == 0


def test_counts_in_a_link_win_over_its_preset() -> None:
    at = app(PAGE, imb_preset="retinanet", imb_easy="5000")
    assert_imbalance(at, {**preset_state("retinanet"), "imb_easy": 5000.0})


def test_share_link_carries_the_page_controls() -> None:
    at = app(PAGE)
    move(at, "imb_seed", 4.0)
    move(at, "imb_preset", "retinanet")
    assert link_query(at) == {
        "imb_preset": "retinanet",
        "imb_positives": "100",
        "imb_hard": "1000",
        "imb_easy": "98900",
        "imb_seed": "4",
    }


def test_reset_sets_the_page_back_to_the_defaults() -> None:
    at = app(PAGE, imb_preset="retinanet", imb_seed="9", gamma="3", lang="zh")
    (reset,) = [b for b in at.button if b.label == ZH["reset.label"]]
    reset.click()
    run(at)
    assert_imbalance(at, DEFAULTS)


BAD = [
    ("imb_preset", "ssd"),
    ("imb_positives", "0"),
    ("imb_positives", "abc"),
    ("imb_hard", "-10"),
    ("imb_easy", HOSTILE[0]),
    ("imb_spread", "nan"),
    ("imb_seed", "1e9"),
]


@pytest.mark.parametrize(("key", "raw"), BAD, ids=[f"{k}={r[:8]}" for k, r in BAD])
def test_bad_link_value_falls_back_with_a_notice(key: str, raw: str) -> None:
    at = app(PAGE, **{key: raw})
    assert_imbalance(at, DEFAULTS)
    param = BY_KEY[key]
    assert_only_notice(at, key)
    for text in visible_texts(at):
        assert raw not in text or raw in ("0",)
    moved = param.high if param.kind == "slider" else param.options[-1]
    move(at, key, moved)
    assert at.warning.len == 0


def test_leaving_and_coming_back_keeps_the_page_consistent() -> None:
    at = app(PAGE)
    move(at, "imb_preset", "retinanet")
    run(at.switch_page("pages/explorer.py"))
    run(at.switch_page(PAGE))
    values = {w.key: w.value for w in at.slider if w.key.startswith("imb_")}
    preset = PRESET_BY_NAME[at.radio(key="imb_preset").value]
    assert values["imb_positives"] == preset.positives
    assert values["imb_easy"] == preset.easy_negatives


# --------------------------------------------------------- helpers, strings


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (0.8691, "87%"),
        (0.0691, "6.9%"),
        (0.0031, "0.31%"),
        (0.0, "0%"),
        (1.0, "100%"),
        (0.99996, "99.996%"),
        (0.0999, "10%"),
        (float("nan"), "—"),
    ],
)
def test_percent(share: float, shown: str) -> None:
    assert percent(share) == shown


def test_page_keys_carry_the_page_prefix_except_control_labels() -> None:
    from focal.ui.text import imbalance as words

    assert set(words.EN) == set(words.ZH)
    page_params = [p.key for p in PARAMS if p.key.startswith("imb_")]
    assert tuple(page_params) == KEYS
    labels = {key for key in words.EN if not key.startswith("imbalance.")}
    for key in KEYS:
        # what focal.ui.controls.render looks up, in the page's own table
        assert {f"param.{key}", f"short.{key}", f"help.{key}"} <= labels
    assert {label.split(".")[1] for label in labels} == set(KEYS)


def test_no_negatives_shows_a_notice_instead_of_the_negative_curves() -> None:
    at = app(PAGE, imb_hard="0", imb_easy="0")
    assert set(figures(at)) == {"imbalance_shares", "imbalance_figure4_positives"}
    assert [i.value for i in at.info] == [EN["imbalance.figure4.empty"]]
    assert at.subheader[0].value.startswith("Under CE, easy negatives make 0%")
