"""The Walkthrough page, run by Streamlit's AppTest: six steps, previous/next
bound to ``?step=``, and every step's numbers and chart from the core."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import focal
from focal import curves
from focal.ui.charts import FIGURE1_POINTS
from focal.ui.display import number, times
from focal.ui.params import BY_KEY, Value
from focal.ui.strings import EN, ZH, strings
from focal.ui.walkthrough import share_percent
from focal.walkthrough import PAPER_BEST_ALPHA, yolo_v3_example
from tests.helpers import (
    assert_chinese,
    assert_only_notice,
    assert_projector_fonts,
    page_table,
    page_texts,
)

from .test_app import (
    DEFAULTS,
    HOSTILE,
    app,
    as_query,
    assert_series,
    figures,
    link_query,
    metrics,
    raw_specs,
    run,
    set_control,
    switch,
    visible_texts,
)

WALKTHROUGH = "pages/walkthrough.py"
STEPS = BY_KEY["step"].options


def chart(at: AppTest) -> dict[str, Any]:
    return figures(at)["walkthrough_chart"]


def assert_step(at: AppTest, step: int, state: Mapping[str, Value]) -> None:
    """The page shows ``step`` for ``state``: title, formula, hint and chart."""
    text = strings(str(state["lang"]))
    assert at.radio(key="step").value == str(step)
    headings = [h.value for h in at.header] + [h.value for h in at.subheader]
    assert text[f"walkthrough.s{step}.title"] in headings
    assert at.latex, "every step has its formula"
    hint = text["walkthrough.try"].format(hint=text[f"walkthrough.s{step}.try"])
    assert hint in [i.value for i in at.info]
    assert "walkthrough_chart" in figures(at)
    assert at.button(key="walkthrough_previous").disabled is (step == 1)
    assert at.button(key="walkthrough_next").disabled is (step == len(STEPS))


# ------------------------------------------------------- steps, languages, modes


@pytest.mark.parametrize("present", [False, True], ids=["laptop", "presenter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("step", STEPS)
def test_every_step_runs_in_every_language_and_mode(
    step: str, lang: str, present: bool
) -> None:
    at = app(WALKTHROUGH, **as_query({"step": step, "lang": lang, "present": present}))
    state = {**DEFAULTS, "lang": lang, "present": present}
    assert_step(at, int(step), state)
    text = strings(lang)
    assert_projector_fonts([chart(at)], present)
    if present:
        assert not at.title  # uncluttered: no page title or intro
        assert at.radio(key="step").label == text["short.step"]
        labels = [expander.label for expander in at.expander]
        assert text["walkthrough.explain_label"] in labels  # explanation folded away
    else:
        assert [t.value for t in at.title] == [text["walkthrough.title"]]
        progress = text["walkthrough.progress"].format(step=step, total=6)
        assert at.get("progress")[0].proto.text == progress
    if lang == "zh":
        assert_chinese(page_texts(at))


# ------------------------------------------------------- previous, next, the link


def test_next_and_previous_walk_through_every_step_and_the_link_follows() -> None:
    at = app(WALKTHROUGH)
    for step in range(1, 7):
        assert_step(at, step, DEFAULTS)
        query = link_query(at)
        assert query == ({} if step == 1 else {"step": str(step)})  # 1 is the default
        if step < 6:
            at.button(key="walkthrough_next").click()
            run(at)
    assert at.query_params["step"] == ["6"] or at.query_params["step"] == "6"
    for step in range(5, 0, -1):
        at.button(key="walkthrough_previous").click()
        run(at)
        assert_step(at, step, DEFAULTS)


def test_clicking_a_step_title_jumps_there() -> None:
    at = app(WALKTHROUGH)
    at.radio(key="step").set_value("5")
    run(at)
    assert_step(at, 5, DEFAULTS)
    assert link_query(at) == {"step": "5"}


def test_url_seeds_the_step_and_the_shared_values() -> None:
    at = app(WALKTHROUGH, step="6", gamma="3", alpha="0.5", lang="zh")
    state = {**DEFAULTS, "gamma": 3.0, "alpha": 0.5, "lang": "zh"}
    assert_step(at, 6, state)
    assert at.warning.len == 0
    assert link_query(at) == {"step": "6", "gamma": "3", "alpha": "0.5", "lang": "zh"}


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("step", "7"),
        ("step", "0"),
        ("step", "abc"),
        ("step", HOSTILE[0]),
        ("wt_size", "500"),
        ("wt_size", HOSTILE[1]),
    ],
    ids=["step=7", "step=0", "step=abc", "step=script", "size=500", "size=b"],
)
def test_bad_link_value_falls_back_with_a_notice(key: str, raw: str) -> None:
    at = app(WALKTHROUGH, **{key: raw})
    param = BY_KEY[key]
    assert_only_notice(at, key)
    assert_step(at, 1, DEFAULTS)
    assert at.radio(key=key).value == param.default
    for text in visible_texts(at):
        assert raw not in text or raw.isdigit()
    # moving the control clears the notice
    at.radio(key=key).set_value(param.options[-1])
    run(at)
    assert at.warning.len == 0


def test_switching_pages_keeps_the_shared_values() -> None:
    at = app(WALKTHROUGH, step="5")
    set_control(at, "gamma", 3.0)
    switch(at, "pages/explorer.py")
    assert at.slider(key="gamma").value == 3.0
    switch(at, WALKTHROUGH)
    assert at.slider(key="gamma").value == 3.0


# ----------------------------------------------------- each step reacts, exactly


def test_step_1_counts_yolo_v3_and_shares_from_the_core() -> None:
    at = app(WALKTHROUGH, step="1")
    shown = metrics(at)
    example = yolo_v3_example(416, 2.0)
    assert shown[EN["walkthrough.s1.predictions"]] == "10,647"
    assert shown[EN["walkthrough.s1.share_ce"]] == share_percent(example.share_ce)
    assert shown[EN["walkthrough.s1.share_fl"]] == share_percent(example.share_fl)
    assert shown[EN["walkthrough.s1.per_object"]] == times(
        example.background_per_object
    )
    assert any("13^2 + 26^2 + 52^2" in latex.value for latex in at.latex)
    bars = chart(at)["data"][0]
    assert_series(bars["y"], np.array([example.share_ce, example.share_fl]))

    before = raw_specs(at)["walkthrough_chart"]
    set_control(at, "gamma", 0.0)  # FL is CE: both bars equal
    example = yolo_v3_example(416, 0.0)
    assert example.share_fl == example.share_ce
    assert_series(chart(at)["data"][0]["y"], np.array([example.share_ce] * 2))
    assert raw_specs(at)["walkthrough_chart"] != before

    set_control(at, "balance", True)
    example = yolo_v3_example(416, 0.0, 0.25)
    assert metrics(at)[EN["walkthrough.s1.share_fl"]] == share_percent(example.share_fl)

    at.radio(key="wt_size").set_value("608")
    run(at)
    assert metrics(at)[EN["walkthrough.s1.predictions"]] == "22,743"
    assert any("19^2 + 38^2 + 76^2" in latex.value for latex in at.latex)
    assert link_query(at)["wt_size"] == "608"


@pytest.mark.parametrize(("p", "y"), [(0.9, "1"), (0.2, "0"), (0.0, "1")])
def test_step_2_marks_the_current_example_on_its_curve(p: float, y: str) -> None:
    at = app(WALKTHROUGH, step="2", p=f"{p:g}", y=y)
    label = int(y)
    assert metrics(at)[EN["walkthrough.s2.metric"]] == number(
        focal.cross_entropy(p, label)
    )
    data = chart(at)["data"]
    grid = curves.probability_grid()
    assert_series(data[0], focal.cross_entropy(grid, 1), grid)
    assert_series(data[1], focal.cross_entropy(grid, 0), grid)
    (marker,) = data[2:]
    assert marker["name"] == EN[f"walkthrough.s2.ce_y{label}"]
    assert marker["x"] == [pytest.approx(p)]


def test_step_3_moves_the_point_to_p_t_when_the_label_flips() -> None:
    at = app(WALKTHROUGH, step="3", p="0.2")
    assert metrics(at)[EN["numbers.p_t"]] == number(0.2)
    assert chart(at)["data"][1]["x"] == [pytest.approx(0.2)]
    set_control(at, "y", "0")
    assert metrics(at)[EN["numbers.p_t"]] == number(focal.p_t(0.2, 0))
    assert chart(at)["data"][1]["x"] == [pytest.approx(0.8)]
    assert metrics(at)[EN["numbers.ce"]] == number(focal.cross_entropy(0.2, 0))


def test_step_4_follows_alpha_and_marks_the_papers_row() -> None:
    at = app(WALKTHROUGH, step="4")
    assert EN["walkthrough.alpha_note"] in [c.value for c in at.caption]
    assert [w.value for w in at.warning] == [EN["walkthrough.s4.warning"]]
    table = page_table(at)
    assert ":orange-background[**2**]" in table
    assert len(table.splitlines()) == 2 + len(PAPER_BEST_ALPHA)
    set_control(at, "alpha", 0.9)
    shown = metrics(at)
    assert shown[EN["walkthrough.s4.alpha_object"]] == number(0.9)
    assert shown[EN["walkthrough.s4.alpha_background"]] == number(focal.alpha_t(0.9, 0))
    data = chart(at)["data"]
    grid = curves.probability_grid()
    assert_series(data[1], focal.focal_loss(grid, 1, 0.0, 0.9), grid)
    assert_series(data[2], focal.focal_loss(grid, 0, 0.0, 0.9), focal.p_t(grid, 0))
    assert data[3]["y"] == [pytest.approx(focal.focal_loss(0.9, 1, 0.0, 0.9))]
    set_control(at, "gamma", 3.0)  # no row of Table 1(b): nothing marked
    table = page_table(at)
    assert "orange-background" not in table
    set_control(at, "balance", True)
    assert EN["walkthrough.alpha_note"] not in [c.value for c in at.caption]


def test_step_5_table_ratios_and_figure_follow_gamma() -> None:
    at = app(WALKTHROUGH, step="5")
    table = page_table(at)
    assert ":orange-background[**1.863**]" in table  # the document's misprint
    assert metrics(at)[EN["ratio.amplification"]] == "81×"
    set_control(at, "gamma", 0.0)
    ratio = focal.hard_easy_ratio(0.1, 0.9, 1, 0.0)
    shown = metrics(at)
    assert shown[EN["ratio.ce"]] == times(ratio.ce_ratio)
    assert shown[EN["ratio.fl"]] == shown[EN["ratio.ce"]]
    assert shown[EN["ratio.amplification"]] == "1×"
    table = page_table(at)
    row = focal.table_row(0.9, 1, 0.0)
    assert f" {number(row.fl)} " in table.splitlines()[-1]
    bold = chart(at)["data"][len(curves.FIGURE1_GAMMAS)]
    grid = curves.probability_grid(FIGURE1_POINTS)  # thinned where it is flat
    assert_series(bold, focal.focal_loss(grid, 1, 0.0), grid)


def test_step_5_figure_sends_its_sweep_frames_only_when_asked() -> None:
    # issue 12: a γ move resent Figure 1's 51 animation frames on every rerun
    at = app(WALKTHROUGH, step="5")
    still = chart(at)
    assert not still.get("frames")
    assert still["layout"]["title"]["text"] == ""  # the step's header names it
    set_control(at, "sweep", True)
    swept = raw_specs(at)["walkthrough_chart"]
    assert len(chart(at)["frames"]) == len(curves.gamma_grid())
    assert link_query(at) == {"step": "5", "sweep": "true"}
    set_control(at, "gamma", 3.0)
    assert raw_specs(at)["walkthrough_chart"] == swept  # the same message again


def test_step_5_says_why_cells_are_orange_and_which_gamma_was_printed() -> None:
    # issue 15: the Explorer's table view had these captions, step 5 had none
    at = app(WALKTHROUGH, step="5")
    captions = [c.value for c in at.caption]
    assert EN["table.explain"].format(alpha="") in captions
    assert EN["table.errata"] in captions
    set_control(at, "gamma", 3.0)
    captions = [c.value for c in at.caption]
    assert EN["table.other_gamma"].format(gamma="3") in captions
    assert EN["table.errata"] not in captions
    at = app(WALKTHROUGH, step="5", lang="zh", gamma="0.5")
    assert ZH["table.other_gamma"].format(gamma="0.5") in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_step_1_tells_what_yolo_v3_s_authors_found(lang: str) -> None:
    at = app(WALKTHROUGH, step="1", lang=lang)
    assert strings(lang)["imbalance.yolo_note"] in [c.value for c in at.caption]
    assert "objectness" in EN["walkthrough.s1.explain"]
    assert "ignore threshold (IoU 0.5)" in EN["walkthrough.s1.explain"]


def test_step_6_is_the_full_focal_loss_at_the_current_values() -> None:
    at = app(WALKTHROUGH, step="6", gamma="1", alpha="0.5", y="0", p="0.3")
    data = chart(at)["data"]
    grid = curves.probability_grid()
    assert_series(data[0], focal.cross_entropy(grid, 0), grid)
    assert_series(data[1], focal.focal_loss(grid, 0, 1.0, 0.5), grid)
    assert_series(data[2], focal.focal_loss(grid, 0, 0.0, 0.5), grid)
    row = focal.table_row(0.3, 0, 1.0, 0.5)
    assert any(number(row.fl_alpha) in latex.value for latex in at.latex)
    before = raw_specs(at)["walkthrough_chart"]
    set_control(at, "gamma", 0.0)
    assert raw_specs(at)["walkthrough_chart"] != before
    assert_series(chart(at)["data"][1], focal.focal_loss(grid, 0, 0.0, 0.5), grid)


# ------------------------------------------- every "Try this", applied to the page
#
# Each hint is done to the page as a student would do it, and what it promises is
# read back from the page. Each test first checks that the hint still says what
# the test checks (both languages), so a changed hint must come with its test.


def hint_says(step: int, *parts: str) -> None:
    hints = [text[f"walkthrough.s{step}.try"] for text in (EN, ZH)]
    assert [(part, hint) for hint in hints for part in parts if part not in hint] == []


def test_try_step_1_gamma_zero_with_alpha_off_gives_the_ce_share() -> None:
    hint_says(1, "0", "97%", "416 × 416")
    assert "α-balancing off" in EN["walkthrough.s1.try"]
    assert "关闭 α 加权" in ZH["walkthrough.s1.try"]
    at = app(WALKTHROUGH, step="1", balance="true")
    set_control(at, "gamma", 0.0)
    shown = metrics(at)  # with α on, γ = 0 is α-balanced CE: not the CE bar
    assert shown[EN["walkthrough.s1.share_fl"]] != shown[EN["walkthrough.s1.share_ce"]]
    set_control(at, "balance", False)  # the hint: α off, γ = 0
    shown = metrics(at)
    share_ce = shown[EN["walkthrough.s1.share_ce"]]
    assert shown[EN["walkthrough.s1.share_fl"]] == share_ce
    ce_bar, fl_bar = chart(at)["data"][0]["y"]
    assert fl_bar == ce_bar
    assert round(float(share_ce.rstrip("%"))) == 97  # "about 97% at 416 × 416"
    # "raise γ a little at a time and watch the share fall"
    shares = []
    for gamma in (0.1, 0.2, 0.5, 1.0, 2.0, 3.0):
        set_control(at, "gamma", gamma)
        shares.append(chart(at)["data"][0]["y"][1])
    assert shares == sorted(shares, reverse=True) and len(set(shares)) == len(shares)
    # "a larger input size only adds background: both shares grow"
    by_size = {}
    for size in ("320", "416", "608"):
        at.radio(key="wt_size").set_value(size)
        run(at)
        by_size[size] = tuple(chart(at)["data"][0]["y"])
    for small, large in (("320", "416"), ("416", "608")):
        assert all(b > a for a, b in zip(by_size[small], by_size[large], strict=True))


def test_try_step_2_an_easy_background_anchor_then_confidently_wrong() -> None:
    hint_says(2, "y = 0", "p = 0.1", "0.105", "1,054")
    at = app(WALKTHROUGH, step="2")
    set_control(at, "y", "0")
    set_control(at, "p", 0.1)
    ce = focal.cross_entropy(0.1, 0)
    shown = metrics(at)[EN["walkthrough.s2.metric"]]
    assert shown == number(ce) and shown.startswith("0.105")
    assert focal.p_t(0.1, 0) == pytest.approx(0.9)  # easy: well classified
    assert f"{10_000 * ce:,.0f}" == "1,054"  # "ten thousand such anchors"
    (marker,) = chart(at)["data"][2:]
    assert marker["name"] == EN["walkthrough.s2.ce_y0"]
    # "move p towards 1 ... CE grows without bound"
    values = []
    for p in (0.5, 0.9, 0.99, 1.0):
        set_control(at, "p", p)
        values.append(focal.cross_entropy(p, 0))
        assert metrics(at)[EN["walkthrough.s2.metric"]] == number(values[-1])
    assert values == sorted(values) and values[-1] == math.inf
    assert metrics(at)[EN["walkthrough.s2.metric"]] == "∞"


def test_try_step_3_switching_y_moves_the_point_along_one_curve() -> None:
    hint_says(3, "p = 0.2", "0.2", "0.8")
    at = app(WALKTHROUGH, step="3")
    set_control(at, "p", 0.2)
    curve = chart(at)["data"][0]
    for label, p_t in (("1", 0.2), ("0", 0.8), ("1", 0.2)):
        set_control(at, "y", label)
        assert metrics(at)[EN["numbers.p_t"]] == number(p_t)
        line, marker = chart(at)["data"]
        assert_series(line["y"], np.asarray(curve["y"], dtype=float))  # one curve
        assert marker["x"] == [pytest.approx(p_t)]
        assert marker["y"] == [pytest.approx(-math.log(p_t))]


def test_try_step_4_alpha_nine_tenths_then_the_papers_quarter() -> None:
    hint_says(4, "0.9", "0.25")
    at = app(WALKTHROUGH, step="4")
    set_control(at, "alpha", 0.9)
    shown = metrics(at)
    obj = float(shown[EN["walkthrough.s4.alpha_object"]])
    background = float(shown[EN["walkthrough.s4.alpha_background"]])
    assert obj / background == pytest.approx(9.0)  # "nine times as much"
    set_control(at, "alpha", 0.25)
    _, objects, background = chart(at)["data"][:3]
    # both against p_t (the background's runs the other way along its grid),
    # each drawn through the points its picture needs: the background's line
    # is read where the objects' points are, as the eye compares them
    order = np.argsort(background["x"])
    at_x = np.asarray(objects["x"], dtype=float)
    below = np.asarray(objects["y"], dtype=float)
    above = np.interp(
        at_x,
        np.asarray(background["x"], dtype=float)[order],
        np.asarray(background["y"], dtype=float)[order],
    )
    inside = np.isfinite(below) & np.isfinite(above) & (below > 0)
    assert inside.sum() > 30
    assert (below[inside] < above[inside]).all()  # "falls below"


def test_try_step_5_gamma_zero_then_the_81_fold_amplification() -> None:
    hint_says(5, "1×", "1,770", "21.9", "81×")
    at = app(WALKTHROUGH, step="5")
    set_control(at, "gamma", 0.0)
    table = page_table(at)
    header, _, *rows = [line.split(" | ") for line in table.splitlines()]
    ce, fl = header.index(r"$\mathrm{CE}$"), header.index(r"$\mathrm{FL}$")
    assert all(row[ce] == row[fl] for row in rows)  # "the FL column equals CE"
    assert metrics(at)[EN["ratio.amplification"]] == "1×"
    set_control(at, "gamma", 2.0)
    shown = metrics(at)
    ratio = focal.hard_easy_ratio(0.1, 0.9, 1, 2.0)
    assert shown[EN["ratio.fl"]] == times(ratio.fl_ratio)
    assert f"{ratio.fl_ratio:,.0f}" == "1,770" and f"{ratio.ce_ratio:.1f}" == "21.9"
    assert shown[EN["ratio.amplification"]] == "81×"


def test_try_step_6_half_of_ce_then_flat_on_the_well_classified_side() -> None:
    hint_says(6, "γ = 0", "α = 0.5", "y = 1", "γ = 2", "α = 0.25", "0.05", "0.69")
    at = app(WALKTHROUGH, step="6", y="0")
    set_control(at, "gamma", 0.0)
    set_control(at, "alpha", 0.5)
    grid = curves.probability_grid()
    ce, fl, _ = chart(at)["data"][:3]
    assert_series(ce, focal.cross_entropy(grid, 0), grid)
    assert_series(fl, 0.5 * focal.cross_entropy(grid, 0), grid)  # "half" of CE
    set_control(at, "y", "1")
    set_control(at, "gamma", 2.0)
    set_control(at, "alpha", 0.25)
    figure = chart(at)
    (shade,) = figure["layout"]["shapes"]
    assert (shade["x0"], shade["x1"]) == (0.5, 1.0)  # the shaded side: p > 0.5
    (ce_p, ce), (fl_p, fl) = (
        (np.asarray(t["x"], dtype=float), np.asarray(t["y"], dtype=float))
        for t in figure["data"][:2]
    )
    assert fl[fl_p > 0.5].max() < 0.05
    # the line drawn reaches 0.69 where the shaded side begins
    assert round(float(np.interp(0.5, ce_p, ce)), 2) == 0.69
    assert figure["layout"]["yaxis"]["range"] == [0.0, 5.0]  # the fixed axis


# ------------------------------------------------------------------ the strings


def test_own_keys_are_prefixed() -> None:
    from focal.ui.text import walkthrough as table

    allowed = ("walkthrough.", "param.", "short.", "help.", "option.", "name.")
    assert all(key.startswith(allowed) for key in table.EN)
    controls = [key for key in table.EN if not key.startswith("walkthrough.")]
    assert {key.split(".")[1] for key in controls} == {"step", "wt_size"}
