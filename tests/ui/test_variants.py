"""The Variants page under AppTest: every control moves the chart to the core's values.

The page is opened like a link (query parameters set before the first run) and
read back: its widgets, the Markdown table of values, and the figures' JSON.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import focal
from focal import curves, paper
from focal.ui.display import number
from focal.ui.params import PARAMS, Value
from focal.ui.strings import EN, ZH, strings
from focal.ui.text import variants as variants_text
from focal.variants import VariantSettings, variant_losses
from tests.helpers import (
    app,
    assert_chinese,
    assert_only_notice,
    assert_projector_fonts,
    page_table,
    page_texts,
    widget_values,
)

from .test_app import (
    ROOT,
    alpha_of,
    as_query,
    assert_series,
    figures,
    raw_specs,
    run,
    set_control,
    visible_texts,
)

PAGE = "pages/variants.py"
OWN = [param for param in PARAMS if param.key.startswith("var_")]
DEFAULTS: dict[str, Value] = {
    param.key: param.default for param in PARAMS if param.shared or param in OWN
}
#: Each variant's "show" toggle.
TOGGLES = {
    "fl_star": "var_star",
    "poly1": "var_poly",
    "qfl": "var_qfl",
    "vfl": "var_vfl",
    "asl": "var_asl",
}
HOSTILE = "<script>alert(1)</script>"


def assert_variants(at: AppTest, state: Mapping[str, Value]) -> None:
    """The page shows ``state``: widgets, curves, markers and values from the core."""
    text = strings(str(state["lang"]))
    y, p, gamma = int(state["y"]), float(state["p"]), float(state["gamma"])
    assert widget_values(at) == state
    figs = figures(at)
    assert list(figs) == ["variants_chart", "table1a_chart", "table1b_chart"]

    # every shown loss against p_t, the current point marked on each
    shown = ["ce", "fl"] + [name for name, key in TOGGLES.items() if state[key]]
    fields = dataclasses.fields(VariantSettings)
    settings = VariantSettings(
        **{f.name: float(state[f"var_{f.name}"]) for f in fields}
    )
    grid = curves.probability_grid()
    every = variant_losses(grid, y, gamma, alpha_of(state), settings)
    at_point = variant_losses(p, y, gamma, alpha_of(state), settings)
    chart = figs["variants_chart"]
    lines = [t for t in chart["data"] if t["mode"] == "lines"]
    markers = [t for t in chart["data"] if t["mode"] != "lines"]
    names = [text[f"variants.name.{name}"] for name in shown]
    assert [t["name"] for t in lines] == names
    for trace, marker, name in zip(lines, markers, shown, strict=True):
        assert_series(trace, every[name], focal.p_t(grid, y))
        assert marker["x"] == [pytest.approx(focal.p_t(p, y))]
        if np.isfinite(at_point[name]) and at_point[name] <= 5.0:
            assert marker["y"] == [at_point[name]]
        else:
            assert marker["marker"]["symbol"] == "triangle-up"
    assert (chart["layout"]["yaxis"].get("type") == "log") is state["var_log"]
    title = "variants.chart_title_pos" if y == 1 else "variants.chart_title_neg"
    assert chart["layout"]["title"]["text"] == text[title].format(
        q=f"{float(state['var_q']):g}"
    )

    # the table of values: one row per shown loss, the core's number in each
    rows = page_table(at).splitlines()[2:]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    assert [(row[0], row[2]) for row in cells] == [
        (text[f"variants.name.{name}"], number(at_point[name])) for name in shown
    ]

    # the paper's Table 1, the current α and γ as dashed lines
    for key, table, setting, current in (
        ("table1a_chart", paper.TABLE_1A, "alpha", float(state["alpha"])),
        ("table1b_chart", paper.TABLE_1B, "gamma", gamma),
    ):
        figure = figs[key]
        x = np.array([getattr(row, setting) for row in table])
        for trace, measure in zip(figure["data"], ("ap", "ap50", "ap75"), strict=True):
            assert_series(trace["x"], x)
            assert_series(
                trace["y"], np.array([getattr(row, measure) for row in table])
            )
        (line,) = [s for s in figure["layout"]["shapes"] if s["type"] == "line"]
        assert line["x0"] == line["x1"] == current
        subtitle = figure["layout"]["title"]["subtitle"]["text"]
        assert subtitle == text["variants.table1_source"]


# ---------------------------------------------------- languages, modes, URL


@pytest.mark.parametrize("present", [False, True], ids=["laptop", "presenter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_runs_in_every_language_and_mode(lang: str, present: bool) -> None:
    at = app(PAGE, **as_query({"lang": lang, "present": present}))
    state = {**DEFAULTS, "lang": lang, "present": present}
    assert_variants(at, state)
    table = strings(lang)
    headings = [t.value for t in at.title] + [h.value for h in at.header]
    headings += [h.value for h in at.subheader]
    assert set(headings) <= set(table.values())
    assert [t.value for t in at.title] == ([] if present else [table["variants.title"]])
    assert_projector_fonts(figures(at).values(), present)
    # every variant's note is on the page, citation included
    captions = " ".join(c.value for c in at.caption)
    for name in ("fl_star", "poly1", "qfl", "vfl", "asl"):
        assert table[f"variants.note.{name}"] in captions


def test_fl_star_is_written_with_gamma_star_as_on_the_gradients_page() -> None:
    # issue 15: FL*'s parameter is γ* on both pages, in legend, table and slider
    at = app(PAGE, var_star_gamma="4", var_star_beta="0")
    assert at.slider(key="var_star_gamma").label == EN["param.var_star_gamma"]
    assert at.slider(key="var_star_gamma").label.startswith("γ*")
    params = EN["variants.params.fl_star"].format(gamma="4", beta="0")
    assert params == "γ* = 4, β = 0"
    table = page_table(at)
    assert f"| {EN['variants.name.fl_star']} | {params} |" in table
    legend = [t["name"] for t in figures(at)["variants_chart"]["data"]]
    assert EN["variants.name.fl_star"] in legend


def test_zh_page_shows_no_english_words() -> None:
    at = app(PAGE, lang="zh")
    assert_chinese(page_texts(at))
    chart = figures(at)["variants_chart"]
    assert chart["layout"]["title"]["text"] == ZH["variants.chart_title_pos"].format(
        q="1"
    )


def test_url_seeds_the_state() -> None:
    seeded: dict[str, Value] = {
        "y": "0",
        "p": 0.3,
        "gamma": 1.0,
        "balance": True,
        "alpha": 0.5,
        "var_q": 0.6,
        "var_log": True,
        "var_star_beta": 0.0,
        "var_poly_epsilon": -1.0,
        "var_qfl": False,
        "var_vfl_alpha": 0.25,
        "var_asl_margin": 0.2,
    }
    at = app(PAGE, **as_query(seeded))
    assert_variants(at, {**DEFAULTS, **seeded})
    assert at.warning.len == 0


#: (control, new value, state it is moved from)
MOVES: list[tuple[str, Value, dict[str, Value]]] = [
    ("gamma", 3.0, {}),
    ("p", 0.2, {}),
    ("p", 0.0, {}),
    ("p", 1.0, {"y": "0"}),
    ("y", "0", {}),
    ("balance", True, {}),
    ("alpha", 0.6, {"balance": True}),
    ("var_q", 0.5, {}),
    ("var_q", 0.5, {"y": "0"}),  # a negative's target stays 0
    ("var_log", True, {}),
    ("var_star_gamma", 4.0, {}),
    ("var_star_beta", -2.0, {}),
    ("var_poly_epsilon", -1.0, {}),
    ("var_poly_epsilon", -0.5, {"balance": True}),
    ("var_qfl_beta", 0.5, {"var_q": 0.7}),
    ("var_vfl_alpha", 0.3, {"y": "0"}),
    ("var_vfl_gamma", 1.0, {"y": "0"}),
    ("var_asl_gamma_pos", 0.0, {}),
    ("var_asl_gamma_neg", 2.0, {"y": "0"}),
    ("var_asl_margin", 0.3, {"y": "0"}),
    *[(key, False, {}) for key in TOGGLES.values()],
]


@pytest.mark.parametrize(
    ("key", "new", "start"),
    MOVES,
    ids=[f"{k}={v}" + ("+" + "+".join(s) if s else "") for k, v, s in MOVES],
)
def test_moving_a_control_updates_the_page(
    key: str, new: Value, start: dict[str, Value]
) -> None:
    at = app(PAGE, **as_query(start))
    state = {**DEFAULTS, **start}
    assert_variants(at, state)
    before = raw_specs(at)["variants_chart"]
    set_control(at, key, new)
    state[key] = new
    assert_variants(at, state)
    if key not in ("var_q",) or state["y"] == "1":
        assert raw_specs(at)["variants_chart"] != before


def test_hiding_every_variant_leaves_ce_and_fl() -> None:
    at = app(PAGE, **{key: "false" for key in TOGGLES.values()})
    chart = figures(at)["variants_chart"]
    assert [t["name"] for t in chart["data"] if t["mode"] == "lines"] == ["CE", "FL"]
    assert_variants(at, {**DEFAULTS, **dict.fromkeys(TOGGLES.values(), False)})


BAD_VALUES = [
    ("var_q", "0"),  # below its range: a positive's target is > 0
    ("var_q", "abc"),
    ("var_log", "maybe"),
    ("var_asl", HOSTILE),
    ("var_asl_margin", "0.9"),
    ("var_poly_epsilon", "-2"),
    ("var_star_gamma", "nan"),
    ("var_vfl_alpha", "<b>x</b>"),
]


@pytest.mark.parametrize(("key", "raw"), BAD_VALUES, ids=[k for k, _ in BAD_VALUES])
def test_bad_value_falls_back_with_a_notice(key: str, raw: str) -> None:
    at = app(PAGE, **{key: raw})
    assert_variants(at, DEFAULTS)
    assert_only_notice(at, key)
    if raw in (HOSTILE, "<b>x</b>", "abc", "maybe"):
        assert all(raw not in shown for shown in visible_texts(at))


def test_the_page_keeps_shared_values_from_another_page() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["gamma"] = "3"
    run(at)
    set_control(at, "y", "0")
    run(at.switch_page(PAGE))
    assert_variants(at, {**DEFAULTS, "gamma": 3.0, "y": "0"})


# ---------------------------------------------------------------- strings


def test_own_strings_are_prefixed_and_every_control_is_labelled() -> None:
    for table in (variants_text.EN, variants_text.ZH):
        own = {key for key in table if not key.startswith("variants.")}
        # the rest are what focal.ui.controls.render looks up
        assert {key.split(".")[1] for key in own} == {param.key for param in OWN}
        assert all(key.split(".")[0] in {"param", "help"} for key in own)
        for param in OWN:
            assert table[f"param.{param.key}"]
    assert set(variants_text.EN) == set(variants_text.ZH)
