"""The pages, run by Streamlit's AppTest: every control moves the core's numbers.

Each test starts the app from a URL (query parameters set before the first
run), moves controls like a person would and reads back what the page shows:
widgets, metrics, Markdown, and the Plotly figures' JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import focal
from focal import curves
from focal.formats import DOWNLOADS
from focal.ui import drag, drag_ratio
from focal.ui.charts import FIGURE1_POINTS
from focal.ui.display import number, times
from focal.ui.params import BY_KEY, PARAMS, Value
from focal.ui.screen import Screen
from focal.ui.strings import EN, ZH, strings
from tests.helpers import (
    EXACT_CE,
    EXACT_FL,
    FLOAT32,
    PRINTED_TABLE,
    app,
    assert_chinese,
    assert_only_notice,
    assert_same_series,
    mounts,
    notice,
    page_table,
    page_texts,
    plotly_data,
    run,
    widget_values,
)

ROOT = Path(__file__).resolve().parents[2]
EXPLORER = "pages/explorer.py"
GRADIENTS = "pages/gradients.py"
DEFAULTS: dict[str, Value] = {param.key: param.default for param in PARAMS}
SHARED = {param.key for param in PARAMS if param.shared}
#: The Explorer's views, and the controls each draws besides the shared ones.
VIEWS = BY_KEY["view"].options
VIEW_KEYS: dict[str, set[str]] = {
    "curves": {"axis", "log"},
    "ratio": {"hard", "easy"},
    "family": {"sweep"},
    "table": set(),
}
#: The view that draws a page-local control.
VIEW_OF = {key: view for view, keys in VIEW_KEYS.items() for key in keys}
#: The figures each view draws.
VIEW_CHARTS = {
    "curves": {"loss_chart"},  # the on-drag component (see figures())
    "ratio": {"ratio_chart"},
    "family": {"family_chart"},
    "table": set(),
}
#: Every control the Explorer draws in one view or another.
EXPLORER_KEYS = SHARED | {"view"} | set(VIEW_OF)
GRADIENTS_KEYS = SHARED | {"gamma_star", "beta_star"}
HOSTILE = ("<script>alert(1)</script>", "<b>x</b>")

# ---------------------------------------------------------------- helpers


def switch(at: AppTest, page: str) -> AppTest:
    return run(at.switch_page(page))


def raw_specs(at: AppTest) -> dict[str, str]:
    """The page's charts as sent, by key: Plotly's JSON; an on-drag chart (issue
    16), ``loss_chart`` or ``ratio_chart``, as its mounts' data by name."""
    specs = {chart.key: chart.proto.spec for chart in at.get("plotly_chart")}
    sent = {name: json.loads(mount.proto.json) for name, mount in mounts(at).items()}
    for key, prefix in (("loss_chart", "focal_drag_"), ("ratio_chart", "focal_ratio_")):
        data = {name: value for name, value in sent.items() if name.startswith(prefix)}
        if data:
            specs[key] = json.dumps(data, sort_keys=True)
    return specs


def figures(at: AppTest) -> dict[str, dict[str, Any]]:
    """The page's charts (:func:`raw_specs`) decoded, typed arrays as arrays."""
    return {key: plotly_data(json.loads(spec)) for key, spec in raw_specs(at).items()}


def drag_shown(at: AppTest) -> tuple[dict[str, str], list[str]]:
    """The numbers an on-drag chart's script shows before any drag, and the CE
    and FL chart's sentence: the entries at the current p or γ step (see
    focal/ui/drag.js and drag_ratio.js)."""
    figs = figures(at)
    if "ratio_chart" in figs:
        data = figs["ratio_chart"]
        i = round(
            data["focal_ratio_chart"]["gamma"] / data["focal_ratio_grid"]["g_step"]
        )
        along = data["focal_ratio_curves"]["at_gamma"]
        values = [along["ce"][i], along["fl"][i], along["amp"][i]]
        return dict(zip(data["focal_ratio_numbers"]["labels"], values, strict=True)), []
    if "loss_chart" not in figs:
        return {}, []
    data = figs["loss_chart"]
    grid, chart = data["focal_drag_grid"], data["focal_drag_chart"]
    i = round(chart["p"] / grid["p_step"])
    at_gamma = chart["at_gamma"]
    values = [
        grid["p_t"][i],
        grid["alpha_t"],
        at_gamma["modulating"][i],
        grid["ce_s"][i],
        at_gamma["fl"][i],
    ]
    labels = data["focal_drag_numbers"]["labels"]
    said = grid["says"][at_gamma["say"][i]].replace("{times}", at_gamma["times"][i])
    return dict(zip(labels, values, strict=True)), [said]


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric} | drag_shown(at)[0]


def infos(at: AppTest) -> list[str]:
    """The page's info boxes, and the CE and FL chart's sentence."""
    return [i.value for i in at.info] + drag_shown(at)[1]


def show(at: AppTest, view: str) -> AppTest:
    """Switch the Explorer to ``view`` (as a click on its radio does)."""
    if at.radio(key="view").value != view:
        at.radio(key="view").set_value(view)
        run(at)
    return at


def set_control(at: AppTest, key: str, value: Value) -> AppTest:
    """Move a control; a page-local one of the Explorer in the view that draws it."""
    if key in VIEW_OF and at.get("radio") and "view" in widget_values(at):
        show(at, VIEW_OF[key])
    kind = BY_KEY[key].kind
    widget = {"slider": at.slider, "toggle": at.toggle, "choice": at.radio}[kind]
    widget(key=key).set_value(value)
    return run(at)


def as_query(values: Mapping[str, Value]) -> dict[str, str]:
    return {key: BY_KEY[key].format(value) for key, value in values.items()}


def link_query(at: AppTest) -> dict[str, str]:
    (link,) = at.code
    return dict(parse_qsl(link.value.partition("?")[2]))


def visible_texts(at: AppTest) -> list[str]:
    """Everything a person reads (to look for echoed URL values), the link too."""
    return page_texts(at) + [str(code.value) for code in at.code]


#: Figure data against the core's, to float32 (the charts go out as float32).
assert_series = partial(assert_same_series, rtol=FLOAT32)


def alpha_of(state: Mapping[str, Value]) -> float | None:
    return float(state["alpha"]) if state["balance"] else None


def screen_of(state: Mapping[str, Value]) -> Screen:
    return Screen.PROJECTOR if state["present"] else Screen.LAPTOP


def assert_explorer(
    at: AppTest, state: Mapping[str, Value]
) -> tuple[dict[str, str], dict[str, str]]:
    """The Explorer shows ``state`` in every view, from the core, and ends in the
    view it started in. Returns the charts' JSON and the numbers, of all views."""
    start = str(at.radio(key="view").value)
    assert start == state["view"]
    specs: dict[str, str] = {}
    shown: dict[str, str] = {}
    for view in (start, *(v for v in VIEWS if v != start)):
        show(at, view)
        keys = SHARED | {"view"} | VIEW_KEYS[view]
        expected = {**state, "view": view}
        assert widget_values(at) == {k: v for k, v in expected.items() if k in keys}
        assert set(raw_specs(at)) == VIEW_CHARTS[view]
        specs |= raw_specs(at)
        shown |= metrics(at)
        check = {
            "curves": assert_curves_chart,
            "ratio": assert_ratio_chart,
            "family": assert_family,
            "table": assert_table,
        }
        check[view](at, **state)
    show(at, start)
    return specs, shown


def assert_curves_chart(at: AppTest, **changes: Value) -> None:
    """The CE and FL view's on-drag chart (issue 16) got exactly the data of the
    defaults with ``changes`` (each series against the core: tests/test_drag.py)."""
    state = {**DEFAULTS, **changes}
    y, alpha, log = int(state["y"]), alpha_of(state), bool(state["log"])
    lang = str(state["lang"])
    grid = drag.grid_data(y, alpha, str(state["axis"]), log, lang, screen_of(state))
    chart = drag.chart_data(
        grid, y, alpha, log, float(state["p"]), float(state["gamma"]), screen_of(state)
    )
    data = figures(at)["loss_chart"]
    assert data["focal_drag_grid"] == json.loads(json.dumps(grid))
    sent = data["focal_drag_chart"]
    assert {k: sent[k] for k in chart} == json.loads(json.dumps(chart))
    text = strings(lang)
    fl = "numbers.fl" if alpha is None else "numbers.fl_balanced"
    keys = ("numbers.p_t", "numbers.alpha_t", "numbers.modulating", "numbers.ce", fl)
    assert data["focal_drag_numbers"]["labels"] == [text[k] for k in keys]
    names = (sent["labels"]["gamma"], sent["labels"]["gamma_name"])
    assert names == (text["short.gamma"], text["param.gamma"])


def assert_ratio_chart(at: AppTest, **changes: Value) -> None:
    """The hard/easy view's on-drag chart (issue 16) got exactly the data of the
    defaults with ``changes`` (each series: tests/test_drag_ratio.py)."""
    state = {**DEFAULTS, **changes}
    hard, easy, screen = float(state["hard"]), float(state["easy"]), screen_of(state)
    lang, gamma = str(state["lang"]), float(state["gamma"])
    grid = drag_ratio.grid_data(lang, screen)
    along = drag_ratio.curves_data(hard, easy, screen)
    chart = drag_ratio.chart_data(grid, along, hard, easy, gamma, screen)
    labels = [strings(lang)[f"ratio.{k}"] for k in ("ce", "fl", "amplification")]
    expected = {
        "focal_ratio_grid": grid,
        "focal_ratio_curves": along,
        "focal_ratio_chart": chart,
        "focal_ratio_numbers": {"labels": labels},
    }
    assert figures(at)["ratio_chart"] == json.loads(json.dumps(expected))


def assert_family(at: AppTest, **changes: Value) -> None:
    """Figure 1: the bold curve is FL at the current γ, no frames; or the
    sweep: its frames, from γ = 0 whatever the current γ."""
    state = {**DEFAULTS, **changes}
    family = figures(at)["family_chart"]
    assert len(family["data"]) == len(curves.FIGURE1_GAMMAS) + 1
    grid = curves.probability_grid(FIGURE1_POINTS)
    bold = family["data"][-1]
    if state["sweep"]:
        assert len(family["frames"]) == len(curves.gamma_grid())
        assert_series(bold, focal.focal_loss(grid, 1, 0.0))
    else:
        assert not family.get("frames")
        assert_series(bold, focal.focal_loss(grid, 1, float(state["gamma"])), grid)


def assert_table(at: AppTest, **changes: Value) -> None:
    """The table view: the document's rows and the current point's, exact."""
    state = {**DEFAULTS, **changes}
    text = strings(str(state["lang"]))
    gamma, alpha = float(state["gamma"]), alpha_of(state)
    lines = page_table(at).splitlines()
    assert len(lines) == 2 + 4 + 1
    row = focal.table_row(float(state["p"]), int(state["y"]), gamma, alpha)
    assert lines[-1].startswith(f"| **{text['table.current']}** |")
    assert f" {number(row.fl if alpha is None else row.fl_alpha)} " in lines[-1]
    labels = [b.label for b in at.get("download_button")]
    assert labels == [text[f"table.download_{fmt}"] for fmt, _, _ in DOWNLOADS]


def assert_gradients(at: AppTest, state: Mapping[str, Value]) -> None:
    """The Gradients page shows ``state``: derivative curves and values."""
    y, gamma, alpha = int(state["y"]), float(state["gamma"]), alpha_of(state)
    drawn = {key: value for key, value in state.items() if key in GRADIENTS_KEYS}
    assert widget_values(at) == drawn
    figs = figures(at)
    assert list(figs) == ["gradient_chart", "gradient_ratio_chart"]
    data = figs["gradient_chart"]["data"]
    star = {"gamma": float(state["gamma_star"]), "beta": float(state["beta_star"])}
    gradients = [  # CE, FL and FL* against the logit
        partial(focal.grad_cross_entropy, y=y),
        partial(focal.grad_focal_loss, y=y, gamma=gamma, alpha=alpha),
        partial(focal.grad_focal_loss_star, y=y, **star),
    ]
    x, logit = np.linspace(-10.0, 10.0, 801), focal.logit(float(state["p"]))
    for trace, gradient in zip(data[:3], gradients, strict=True):
        assert_series(trace, gradient(x), x)
    assert [m.value for m in at.metric][:3] == [number(g(logit)) for g in gradients]
    if np.isfinite(logit) and abs(logit) <= 10:
        assert [t["x"] for t in data[3:]] == [[pytest.approx(logit)]] * 3


def assert_texts_from(at: AppTest, table: Mapping[str, str]) -> None:
    """Every title and header on the page is a value of ``table`` (on a
    projector the Explorer has none: its first words are its numbers' labels)."""
    kinds = ("title", "header", "subheader")
    headings = [element.value for kind in kinds for element in at.get(kind)]
    assert headings or list(metrics(at))
    assert set(headings) - set(table.values()) == set()


# ------------------------------------------------------ pages, languages, modes


@pytest.mark.parametrize("present", [False, True], ids=["laptop", "presenter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pages_run_in_every_language_and_mode(lang: str, present: bool) -> None:
    state = {**DEFAULTS, "lang": lang, "present": present}
    at = app(**as_query({"lang": lang, "present": present}))
    table = strings(lang)
    specs, _ = assert_explorer(at, state)
    assert_texts_from(at, table)
    assert [b.label for b in at.button] == [table["reset.label"], table["join.open"]]
    sizes = [
        json.loads(spec)["layout"]["font"]["size"]
        for key, spec in specs.items()
        if key not in ("loss_chart", "ratio_chart")  # on-drag: see test_drag*.py
    ]
    assert all(size >= 20 for size in sizes) if present else max(sizes) < 20
    if not present:
        assert [t.value for t in at.title] == [table["explorer.title"]]
    # On a projector the numbers' header and the formula's caption make room
    # for the formula itself (a browser test checks it fits 1280×720).
    assert (table["numbers.header"] in [h.value for h in at.subheader]) is not present
    assert (table["numbers.formula"] in [c.value for c in at.caption]) is not present
    assert len(at.latex) == 1

    switch(at, GRADIENTS)
    assert_gradients(at, state)
    assert_texts_from(at, table)
    assert [t.value for t in at.title] == [table["gradients.title"]]
    for chart in figures(at).values():
        assert (chart["layout"]["font"]["size"] >= 20) is present


def test_zh_shows_no_english_headings() -> None:
    at = app(lang="zh")
    headings = [t.value for t in at.title] + [h.value for h in at.header]
    headings += [c.value for c in at.caption] + [m.label for m in at.metric]
    headings += [m.value for m in at.markdown] + [i.value for i in at.info]
    assert_chinese(headings)
    assert ZH["explorer.title"] in [t.value for t in at.title]
    grid = figures(at)["loss_chart"]["focal_drag_grid"]
    assert ZH["curves.title"].format(y=1) in grid["svg"]
    assert f">{ZH['curves.ce']}</text>" in grid["svg"]
    assert_chinese(list(drag_shown(at)[0]) + drag_shown(at)[1])


def test_language_and_presenter_controls() -> None:
    at = app()
    set_control(at, "lang", "zh")
    assert [t.value for t in at.title] == [ZH["explorer.title"]]
    assert_explorer(at, {**DEFAULTS, "lang": "zh"})
    set_control(at, "present", True)
    specs, _ = assert_explorer(at, {**DEFAULTS, "lang": "zh", "present": True})
    sizes = [
        json.loads(spec)["layout"]["font"]["size"]
        for key, spec in specs.items()
        if key not in ("loss_chart", "ratio_chart")  # on-drag charts: their frames
    ]
    assert min(sizes) >= 20
    assert drag.Frame.of(Screen.PROJECTOR).font >= 19
    assert drag_ratio.frame_of(Screen.PROJECTOR).font >= 19
    assert [b.label for b in at.button] == [ZH["reset.label"], ZH["join.open"]]


# ------------------------------------------------------------ moving controls

#: (control, new value, state it is moved from, figures that must change)
EXPLORER_MOVES = [
    ("gamma", 3.0, {}, {"loss_chart", "ratio_chart", "family_chart"}),
    ("gamma", 0.0, {}, {"loss_chart", "ratio_chart", "family_chart"}),
    ("p", 0.2, {}, {"loss_chart"}),
    ("p", 0.0, {}, {"loss_chart"}),
    ("y", "0", {}, {"loss_chart"}),
    ("balance", True, {}, {"loss_chart"}),
    ("alpha", 0.6, {"balance": True}, {"loss_chart"}),
    ("hard", 0.3, {}, {"ratio_chart"}),
    ("easy", 0.6, {}, {"ratio_chart"}),
    ("axis", "p_t", {"y": "0"}, {"loss_chart"}),
    ("log", True, {}, {"loss_chart"}),
    ("sweep", True, {}, {"family_chart"}),
    # the sweep's frames do not follow γ: the same message, a reference
    ("gamma", 3.0, {"sweep": True}, {"loss_chart", "ratio_chart"}),
]


@pytest.mark.parametrize(
    ("key", "new", "start", "changed"),
    EXPLORER_MOVES,
    ids=[f"{key}={new}" for key, new, _, _ in EXPLORER_MOVES],
)
def test_moving_a_control_updates_the_explorer(
    key: str, new: Value, start: dict[str, Value], changed: set[str]
) -> None:
    state = {**DEFAULTS, **start}
    at = app(**as_query(start))
    before_specs, before_numbers = assert_explorer(at, state)

    set_control(at, key, new)
    state[key] = new
    state["view"] = VIEW_OF.get(key, state["view"])
    after_specs, after_numbers = assert_explorer(at, state)
    assert {k for k in after_specs if after_specs[k] != before_specs[k]} == changed
    if key not in ("axis", "log", "sweep"):  # how a chart shows, not the numbers
        assert after_numbers != before_numbers
    for spec in after_specs.values():
        assert "NaN" not in spec
        assert "Infinity" not in spec


GRADIENT_MOVES = [
    ("gamma", 4.0, {}),
    ("p", 0.3, {}),
    ("y", "0", {}),
    ("balance", True, {}),
    ("alpha", 0.9, {"balance": True}),
]


@pytest.mark.parametrize(
    ("key", "new", "start"),
    GRADIENT_MOVES,
    ids=[f"{key}={new}" for key, new, _ in GRADIENT_MOVES],
)
def test_moving_a_control_updates_the_gradients(
    key: str, new: Value, start: dict[str, Value]
) -> None:
    state = {**DEFAULTS, **start}
    at = switch(app(**as_query(start)), GRADIENTS)
    assert_gradients(at, state)
    before_specs, before_numbers = raw_specs(at), metrics(at)
    set_control(at, key, new)
    state[key] = new
    assert_gradients(at, state)
    assert raw_specs(at) != before_specs
    assert [m.value for m in at.metric] != list(before_numbers.values())


def test_certain_and_impossible_points() -> None:
    at = app(p="0")  # p_t = 0: CE and FL are infinite
    state = {**DEFAULTS, "p": 0.0}
    _, shown = assert_explorer(at, state)
    assert shown[EN["numbers.ce"]] == shown[EN["numbers.fl"]] == "∞"
    loss = figures(at)["loss_chart"]
    top = drag.Frame.of(Screen.LAPTOP).top  # infinite: the markers at the top edge
    assert (
        loss["focal_drag_grid"]["ce_y"][0]
        == loss["focal_drag_chart"]["at_gamma"]["fl_y"][0]
        == pytest.approx(top, abs=0.05)
    )
    assert "Infinity" not in raw_specs(at)["loss_chart"]
    switch(at, GRADIENTS)
    assert_gradients(at, state)

    at = app(p="1", hard="1", easy="1")  # certain and right; 0/0 ratios
    state = {**DEFAULTS, "p": 1.0, "hard": 1.0, "easy": 1.0}
    _, shown = assert_explorer(at, state)
    assert infos(at) == [EN["numbers.both_zero"]]
    assert shown[EN["ratio.ce"]] == "—"


# ------------------------------------------------------------------ the link


def test_url_seeds_the_state() -> None:
    at = app(gamma="3", p="0.2", y="0", lang="zh")
    state = {**DEFAULTS, "gamma": 3.0, "p": 0.2, "y": "0", "lang": "zh"}
    assert_explorer(at, state)
    assert [t.value for t in at.title] == [ZH["explorer.title"]]
    assert metrics(at)[ZH["numbers.fl"]] == number(focal.focal_loss(0.2, 0, 3.0))
    assert at.warning.len == 0
    assert link_query(at) == {"gamma": "3", "p": "0.2", "y": "0", "lang": "zh"}


@pytest.mark.parametrize("view", VIEWS)
def test_link_opens_a_view_in_either_language(view: str) -> None:
    at = app(view=view, gamma="3", lang="zh")
    state = {**DEFAULTS, "view": view, "gamma": 3.0, "lang": "zh"}
    assert_explorer(at, state)
    assert set(raw_specs(at)) == VIEW_CHARTS[view]
    assert at.radio(key="view").value == view
    assert link_query(at).get("view") == (None if view == "curves" else view)

    set_control(at, "lang", "en")  # the view stays; its radio shows English names
    assert at.radio(key="view").value == view
    assert set(raw_specs(at)) == VIEW_CHARTS[view]
    assert_texts_from(at, EN)


def test_only_the_view_on_screen_is_computed() -> None:
    at = app()
    assert set(raw_specs(at)) == {"loss_chart"}
    assert not [m for m in at.markdown if m.value.startswith("| ")]
    assert len(at.get("download_button")) == 0


def test_share_link_names_only_what_differs_from_the_defaults() -> None:
    at = app()
    (link,) = at.code
    assert "?" not in link.value

    set_control(at, "gamma", 3.0)
    set_control(at, "balance", True)
    assert link_query(at) == {"gamma": "3", "balance": "true"}
    (link,) = at.code
    assert "gamma=3" in link.value
    for key in ("p", "y", "alpha", "lang", "present", "hard", "easy", "axis"):
        assert f"{key}=" not in link.value

    set_control(at, "gamma", 2.0)  # back to the default: out of the link
    assert link_query(at) == {"balance": "true"}


def test_switching_pages_keeps_the_values() -> None:
    at = app()
    set_control(at, "gamma", 3.0)
    set_control(at, "y", "0")
    state = {**DEFAULTS, "gamma": 3.0, "y": "0"}
    switch(at, GRADIENTS)
    assert at.slider(key="gamma").value == 3.0
    assert_gradients(at, state)
    set_control(at, "p", 0.4)
    state["p"] = 0.4
    switch(at, EXPLORER)
    assert_explorer(at, state)


def test_reset_sets_every_control_back_to_default() -> None:
    moved: dict[str, Value] = {
        "y": "0",
        "p": 0.2,
        "gamma": 3.0,
        "balance": True,
        "alpha": 0.6,
        "lang": "zh",
        "axis": "p_t",
        "log": True,
        "hard": 0.3,
        "easy": 0.7,
    }
    at = app(**as_query(moved))
    expected = {**DEFAULTS, **moved}
    on_screen = SHARED | {"view"} | VIEW_KEYS["curves"]
    assert widget_values(at) == {k: v for k, v in expected.items() if k in on_screen}
    assert show(at, "ratio").slider(key="hard").value == 0.3
    show(at, "curves")
    (reset,) = [b for b in at.button if b.label == ZH["reset.label"]]
    reset.click()
    run(at)
    assert_explorer(at, DEFAULTS)
    (link,) = at.code
    assert "?" not in link.value
    assert [b.label for b in at.button] == [EN["reset.label"], EN["join.open"]]


# ------------------------------------------------------------ bad link values

#: (parameter, value from the URL)
BAD_VALUES = [
    ("gamma", "abc"),
    ("gamma", "9"),
    ("gamma", "nan"),
    ("p", "-1"),
    ("y", "2"),
    ("lang", "fr"),
    ("present", "maybe"),
    ("balance", HOSTILE[0]),
    ("alpha", HOSTILE[1]),
    ("hard", "7"),
    ("easy", HOSTILE[0]),
    ("view", "Figure 1"),
    ("view", HOSTILE[0]),
]


def bad_ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{key}={raw[:8]}" for key, raw in cases]


@pytest.mark.parametrize(("key", "raw"), BAD_VALUES, ids=bad_ids(BAD_VALUES))
def test_bad_value_falls_back_to_default(key: str, raw: str) -> None:
    at = app(**{key: raw})
    shown = widget_values(show(at, VIEW_OF.get(key, "curves")))
    assert shown[key] == BY_KEY[key].default
    assert_explorer(show(at, "curves"), DEFAULTS)
    # numbers and short codes ("9", "fr") occur in the page's own text
    echo = raw if raw in HOSTILE or raw in ("abc", "maybe") else "<"
    for text in visible_texts(at):
        assert echo not in text


@pytest.mark.parametrize(("key", "raw"), BAD_VALUES, ids=bad_ids(BAD_VALUES))
def test_bad_value_notice_until_the_control_moves(key: str, raw: str) -> None:
    at = app(**{key: raw})
    assert_only_notice(at, key)  # names the key and default, never the value
    param = BY_KEY[key]

    moved = {"slider": 0.5, "toggle": True}.get(param.kind) or param.options[-1]
    set_control(at, key, moved)
    assert at.warning.len == 0
    run(at)
    assert at.warning.len == 0


@pytest.mark.parametrize(
    ("key", "raw", "moved"),
    [("gamma", "abc", 3.0), ("balance", HOSTILE[0], True), ("view", "x", "family")],
)
@pytest.mark.parametrize("back", ["by hand", "reset"])
def test_a_notice_that_went_does_not_come_back(
    key: str, raw: str, moved: Value, back: str
) -> None:
    # issue 14: moving the control back to its default, or "Reset", brought
    # back the notice about a link the student no longer has
    at = app(**{key: raw})
    assert at.warning.len == 1
    set_control(at, key, moved)
    assert at.warning.len == 0
    if back == "reset":
        (button,) = [b for b in at.button if b.label == EN["reset.label"]]
        button.click()
        run(at)
    else:
        set_control(at, key, BY_KEY[key].default)
    assert widget_values(at)[key] == BY_KEY[key].default
    assert at.warning.len == 0
    run(at)
    assert at.warning.len == 0


def test_reset_clears_a_notice_it_did_not_need_to_move() -> None:
    at = app(gamma="abc")
    (button,) = [b for b in at.button if b.label == EN["reset.label"]]
    button.click()
    run(at)
    assert at.warning.len == 0


@pytest.mark.parametrize(
    "query",
    [
        pytest.param({"hard": "abc", "easy": HOSTILE[1]}, id="page-params"),
        pytest.param({"gamma": "abc", "p": HOSTILE[0]}, id="shared"),
        pytest.param({"y": "maybe", "easy": "abc"}, id="mixed"),
    ],
)
def test_two_bad_values_two_notices(query: dict[str, str]) -> None:
    at = app(**query)
    notices = sorted(w.value for w in at.warning)
    assert notices == sorted(notice(key) for key in DEFAULTS if key in query)
    for text in visible_texts(at):
        assert all(raw not in text for raw in query.values())


def test_notice_in_chinese() -> None:
    at = app(lang="zh", hard="abc")
    assert [w.value for w in at.warning] == [
        ZH["notice.bad_param"].format(name="hard", default="0.1")
    ]


# ---------------------------------------------------------- the document table


def test_table_highlights_the_documents_misprints() -> None:
    at = show(app(), "table")
    (table,) = [m.value for m in at.markdown if m.value.startswith("| ")]
    lines = table.splitlines()
    assert len(lines) == 2 + 4 + 1
    for printed in ("1.863", "0.0088", "1.0304"):
        assert f":orange-background[**{printed}**]" in table
    assert ":orange-background[**0.0011**]" not in table  # right at its precision
    # the document's rows: its printed values, and the exact ones written by hand
    for line, printed, ce, fl in zip(
        lines[2:6], PRINTED_TABLE, EXACT_CE, EXACT_FL, strict=True
    ):
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        y, p, p_t, printed_ce, modulating, printed_fl = printed
        assert cells[1:6] == [str(y), "2", f"{p:g}", p_t, p_t]
        assert cells[7] == printed_ce and cells[8] == cells[9] == modulating
        assert cells[11].removeprefix(":orange-background[**").removesuffix("**]") == (
            printed_fl
        )
        assert float(cells[6]) == pytest.approx(ce, rel=1e-5)
        assert float(cells[10]) == pytest.approx(fl, rel=1e-4)
    current = lines[-1]
    assert current.startswith(f"| **{EN['table.current']}** |")
    for shown in ("0.105361", "0.01", "0.00105361"):  # CE, factor, FL at p = 0.9
        assert f" {shown} " in current
    assert EN["table.errata"] in [c.value for c in at.caption]
    labels = [b.label for b in at.get("download_button")]
    assert labels == [EN[f"table.download_{fmt}"] for fmt, _, _ in DOWNLOADS]

    set_control(at, "p", 0.3)
    (table,) = [m.value for m in at.markdown if m.value.startswith("| ")]
    assert f" {number(focal.focal_loss(0.3, 1, 2.0))} " in table.splitlines()[-1]
    set_control(at, "gamma", 3.0)
    captions = [c.value for c in at.caption]
    assert EN["table.other_gamma"].format(gamma="3") in captions
    assert EN["table.errata"] not in captions


# ------------------------------------------------- regressions of fixed bugs


def test_reduction_sentence_matches_the_numbers_shown_with_alpha() -> None:
    # issue 15: the metric is α_t · FL, so the sentence speaks of α_t · FL
    at = app(balance="true")
    fl = focal.focal_loss(0.9, 1, 2.0, 0.25)
    ce = focal.cross_entropy(0.9, 1)
    assert metrics(at)[EN["numbers.fl_balanced"]] == number(fl)
    assert infos(at) == [
        EN["numbers.smaller"].format(
            loss=EN["numbers.fl_balanced"], times=times(ce / fl)
        )
    ]
    assert infos(at)[0] == "Here α_t · FL is only 1/400 of CE."


def test_reduction_sentence_without_alpha() -> None:
    at = app(p="0.2")
    reduction = focal.focal_reduction(0.2, 1, 2.0)
    assert infos(at) == [
        EN["numbers.smaller"].format(loss=EN["numbers.fl"], times=times(reduction))
    ]
    at = app(p="0.2", lang="zh")
    assert infos(at) == [f"此处 FL 只有 CE 的 1/{times(reduction)}。"]


@pytest.mark.parametrize(
    ("query", "key", "loss"),
    [
        # p_t = 0: both infinite, with α too (it said "4× smaller")
        ({"p": "0"}, "numbers.both_infinite", None),
        ({"p": "0", "balance": "true"}, "numbers.both_infinite", None),
        # α_t = 0 zeroes α_t · FL at p_t = 0, where CE is infinite
        (
            {"p": "0", "balance": "true", "alpha": "0"},
            "numbers.smaller_inf",
            "fl_balanced",
        ),
        ({"p": "1", "y": "0"}, "numbers.both_infinite", None),
        ({"gamma": "0"}, "numbers.equal", "fl"),
        (
            {"gamma": "0", "balance": "true", "alpha": "1"},
            "numbers.equal",
            "fl_balanced",
        ),
        ({"gamma": "0", "balance": "true"}, "numbers.smaller", "fl_balanced"),
    ],
)
def test_reduction_sentence_names_the_loss_it_compares(
    query: dict[str, str], key: str, loss: str | None
) -> None:
    for lang, text in (("en", EN), ("zh", ZH)):
        at = app(**query, lang=lang)
        (info,) = infos(at)
        fields = {} if loss is None else {"loss": text[f"numbers.{loss}"]}
        if key == "numbers.smaller":
            fields["times"] = "4"  # α-balanced CE is CE / 4 for a positive
        assert info == text[key].format(**fields)
        assert "倍" not in info


def test_deep_link_on_fresh_server() -> None:
    at = app(gamma="3")
    switch(at, GRADIENTS)
    assert at.slider(key="gamma").value == 3.0


def test_every_view_option_draws_a_view() -> None:
    from focal.ui.explorer import VIEWS as DRAWN

    assert tuple(DRAWN) == VIEWS
