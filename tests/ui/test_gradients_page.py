"""The Gradients page's extensions, run by AppTest: FL*'s γ* and β as controls
bound to the URL, the gradient ratio chart, and the NaN of autograd shown."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import focal
from focal.ui.display import number
from focal.ui.strings import EN, ZH, strings
from focal.ui.walkthrough import NAN_DEMO_LOGITS
from tests.helpers import assert_only_notice, assert_projector_fonts, page_table

from .test_app import (
    DEFAULTS,
    GRADIENTS,
    HOSTILE,
    app,
    as_query,
    assert_gradients,
    assert_series,
    figures,
    metrics,
    raw_specs,
    set_control,
    visible_texts,
)

X = np.linspace(-10.0, 10.0, 801)


def nan_table(at: AppTest) -> list[str]:
    return page_table(at).splitlines()[2:]


@pytest.mark.parametrize("present", [False, True], ids=["laptop", "presenter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_runs_with_its_sections(lang: str, present: bool) -> None:
    at = app(GRADIENTS, **as_query({"lang": lang, "present": present}))
    text = strings(lang)
    assert_gradients(at, {**DEFAULTS, "lang": lang, "present": present})
    assert [h.value for h in at.header] == [
        text["gradients.ratio_header"],
        text["gradients.nan_header"],
        *([] if present else [text["controls.header"]]),
    ]
    assert text["gradients.nan_explain"] in [m.value for m in at.markdown]
    assert_projector_fonts(figures(at).values(), present)
    assert at.slider(key="gamma_star").label == text["param.gamma_star"]


@pytest.mark.parametrize(
    ("key", "new"),
    [("gamma_star", 4.0), ("gamma_star", 0.5), ("beta_star", 0.0), ("beta_star", -5.0)],
)
def test_fl_star_controls_move_its_curve(key: str, new: float) -> None:
    at = app(GRADIENTS)
    before = raw_specs(at)
    set_control(at, key, new)
    state = {**DEFAULTS, key: new}
    assert_gradients(at, state)
    gamma_star, beta = float(state["gamma_star"]), float(state["beta_star"])
    fl_star = figures(at)["gradient_chart"]["data"][2]
    assert_series(fl_star, focal.grad_focal_loss_star(X, 1, gamma_star, beta), X)
    assert fl_star["name"] == EN["gradients.fl_star"].format(
        gamma_star=f"{gamma_star:g}", beta=f"{beta:g}"
    )
    after = raw_specs(at)
    assert after["gradient_chart"] != before["gradient_chart"]
    assert after["gradient_ratio_chart"] == before["gradient_ratio_chart"]
    (link,) = at.code
    assert f"{key}={new:g}" in link.value


def test_url_seeds_fl_star_the_papers_second_setting() -> None:
    at = app(GRADIENTS, gamma_star="4", beta_star="0", y="0")
    assert_gradients(at, {**DEFAULTS, "gamma_star": 4.0, "beta_star": 0.0, "y": "0"})
    assert at.warning.len == 0


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("gamma_star", "0"),
        ("gamma_star", "9"),
        ("gamma_star", "abc"),
        ("beta_star", "6"),
        ("beta_star", "nan"),
        ("beta_star", HOSTILE[0]),
    ],
)
def test_bad_fl_star_values_fall_back_with_a_notice(key: str, raw: str) -> None:
    at = app(GRADIENTS, **{key: raw})
    assert_only_notice(at, key)
    assert_gradients(at, DEFAULTS)
    for text in visible_texts(at):
        assert raw not in text or raw.isdigit()
    set_control(at, key, 1.5)
    assert at.warning.len == 0


@pytest.mark.parametrize(
    ("y", "p", "gamma", "balance"),
    [("1", 0.9, 2.0, False), ("0", 0.3, 0.5, True), ("1", 0.05, 0.0, False)],
)
def test_ratio_chart_and_metric_equal_the_core(
    y: str, p: float, gamma: float, balance: bool
) -> None:
    at = app(
        GRADIENTS, **as_query({"y": y, "p": p, "gamma": gamma, "balance": balance})
    )
    alpha = 0.25 if balance else None
    label = int(y)
    line, marker = figures(at)["gradient_ratio_chart"]["data"]
    assert_series(line, focal.focal_gradient_ratio(X, label, gamma, alpha), X)
    x0 = focal.logit(p)
    assert marker["x"] == [pytest.approx(x0)]
    here = focal.focal_gradient_ratio(x0, label, gamma, alpha)
    assert marker["y"] == [pytest.approx(here)]
    assert metrics(at)[EN["gradients.ratio_metric"]] == number(here)


@pytest.mark.parametrize(
    ("gamma", "peak", "p_t", "below"),
    [
        (2.0, "1.22", "0.1", "0.3"),
        (5.0, "1.39", "0.064", "0.2"),
        (1.0, "1.14", "0.14", "0.37"),
    ],
)
def test_ratio_caption_states_the_core_s_peak(
    gamma: float, peak: str, p_t: str, below: str
) -> None:
    # issue 15: not "at most α_t (1 + γ)", but the real maximum, from the core
    at = app(GRADIENTS, gamma=f"{gamma:g}")
    found = focal.gradient_ratio_peak(gamma)
    assert (number(found.ratio, 3), number(found.p_t, 2)) == (peak, p_t)
    assert number(found.gain_below, 2) == below
    expected = EN["gradients.ratio_peak"].format(
        gamma=f"{gamma:g}", peak=peak, p_t=p_t, gain_below=below
    )
    assert expected in [c.value for c in at.caption]
    # the chart agrees: its largest ratio is the peak (α off, y = 1)
    (line, _) = figures(at)["gradient_ratio_chart"]["data"]
    assert max(line["y"]) == pytest.approx(found.ratio, rel=1e-4)


def test_ratio_caption_at_gamma_zero_and_in_chinese() -> None:
    at = app(GRADIENTS, gamma="0")
    assert EN["gradients.ratio_peak_ce"] in [c.value for c in at.caption]
    at = app(GRADIENTS, gamma="2", lang="zh")
    caption = ZH["gradients.ratio_peak"].format(
        gamma="2", peak="1.22", p_t="0.1", gain_below="0.3"
    )
    assert caption in [c.value for c in at.caption]


def test_moving_gamma_changes_the_ratio_chart() -> None:
    at = app(GRADIENTS)
    before = raw_specs(at)["gradient_ratio_chart"]
    set_control(at, "gamma", 0.5)
    assert raw_specs(at)["gradient_ratio_chart"] != before


def test_the_nan_of_autograd_is_shown_next_to_the_closed_form() -> None:
    at = app(GRADIENTS)
    shown = metrics(at)
    assert shown[EN["gradients.nan_demo_naive"]] == "NaN"
    analytic = focal.grad_focal_loss(40.0, 1, 0.5)
    assert np.isfinite(analytic)
    assert shown[EN["gradients.nan_demo_analytic"]] == number(analytic)
    assert any(r"0 \cdot \infty" in latex.value for latex in at.latex)
    # at γ = 2 the chain rule stays finite, and the page says so
    rows = nan_table(at)
    assert len(rows) == len(NAN_DEMO_LOGITS)
    assert not any("NaN" in row for row in rows)
    assert EN["gradients.nan_fine"].format(gamma="2") in [c.value for c in at.caption]

    set_control(at, "gamma", 0.5)
    rows = nan_table(at)
    naive = focal.grad_focal_loss_autograd_naive(np.array(NAN_DEMO_LOGITS), 1, 0.5)
    for x, row, value in zip(NAN_DEMO_LOGITS, rows, naive, strict=True):
        assert row.startswith(f"| {x:g} |")
        assert ("NaN" in row) is bool(np.isnan(value))
        assert number(focal.grad_focal_loss(x, 1, 0.5)) in row
    assert sum("NaN" in row for row in rows) == 3  # x = 37, 40 and 100
    captions = [c.value for c in at.caption]
    assert EN["gradients.nan_fine"].format(gamma="0.5") not in captions
    assert not any("chain rule stays finite" in c for c in captions)


def test_nan_table_in_chinese_with_alpha() -> None:
    at = app(GRADIENTS, lang="zh", gamma="0.5", balance="true")
    caption = ZH["gradients.nan_table"].format(
        gamma="0.5", alpha=ZH["table.alpha_note"].format(alpha="0.25")
    )
    assert caption in [c.value for c in at.caption]
    rows = nan_table(at)
    naive = focal.grad_focal_loss_autograd_naive(
        np.array(NAN_DEMO_LOGITS), 1, 0.5, 0.25
    )
    assert [("NaN" in row) for row in rows] == np.isnan(naive).tolist()
