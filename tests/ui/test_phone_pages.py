"""The five teaching pages on a phone, run by AppTest: the chart first, the
controls that move it right after it, the long explanations after the chart
(still there: a student reads them at home), narrow tables; on a laptop and a
projector the order stays as it was.

AppTest sends no headers, so a phone's runs replace
:func:`focal.ui.screen._user_agent` (as ``tests/ui/test_screen.py`` does). The
browser tests (``tests/browser/test_phone.py``, ``test_phone_pages.py``) check
the same pages with element boxes on real phone screens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from streamlit.testing.v1.element_tree import Block

from focal.ui.charts import loss_chart
from focal.ui.phone import Later, fitted, row
from focal.ui.strings import EN, ZH
from tests.helpers import walk

from .test_screen import opened

ROOT = Path(__file__).resolve().parents[2]

#: Each page: its intro's key, its first chart's key, and its own controls
#: that move that chart (drawn after it on a phone).
PAGES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "walkthrough": ("walkthrough.intro", "walkthrough_chart", ("wt_size",)),
    "gradients": ("gradients.intro", "gradient_chart", ("gamma_star", "beta_star")),
    "imbalance": (
        "imbalance.intro",
        "imbalance_shares",
        ("imb_spread", "imb_seed", "imb_positives", "imb_hard", "imb_easy"),
    ),
    "training": ("training.intro", "train_boundary_left", ()),
    "variants": ("variants.intro", "variants_chart", ("var_q",)),
}


def drawn_order(node: Any) -> list[tuple[str, str]]:
    """The page's elements in the order they are drawn: (type, key or value)."""
    return [
        (n.type, str(getattr(n, "key", None) or getattr(n, "value", "")))
        for n in walk(node)
        if not isinstance(n, Block)
    ]


def position(drawn: list[tuple[str, str]], wanted: str) -> int:
    (found,) = [i for i, (_, what) in enumerate(drawn) if what == wanted]
    return found


@pytest.mark.parametrize("page", PAGES)
def test_phone_draws_the_chart_before_the_intro_and_its_controls_after_it(
    monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    intro, chart, controls = PAGES[page]
    drawn = drawn_order(opened(monkeypatch, page, phone=True).main)
    first_chart = position(drawn, chart)
    charts = [i for i, (kind, _) in enumerate(drawn) if kind == "plotly_chart"]
    assert first_chart == charts[0]
    # the intro is drawn once, after the chart
    assert position(drawn, EN[intro]) > first_chart
    # nothing long before the chart: only the title (and the step's header)
    before = [what for kind, what in drawn[:first_chart] if kind == "markdown"]
    assert all(len(what) < 60 for what in before), before
    for key in controls:
        assert position(drawn, key) > first_chart, key


@pytest.mark.parametrize("page", PAGES)
def test_laptop_keeps_the_intro_before_the_chart(
    monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    intro, chart, _ = PAGES[page]
    drawn = drawn_order(opened(monkeypatch, page, phone=False).main)
    assert position(drawn, EN[intro]) < position(drawn, chart)


@pytest.mark.parametrize("page", PAGES)
def test_projector_keeps_its_layout(monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    # presenter mode wins over a phone, and leaves the intro to the lecturer
    intro, chart, _ = PAGES[page]
    at = opened(monkeypatch, page, phone=True, present="true")
    drawn = drawn_order(at.main)
    assert chart in [what for _, what in drawn]
    assert EN[intro] not in [what for _, what in drawn]


@pytest.mark.parametrize("step", ["1", "2", "3", "4", "5", "6"])
def test_every_walkthrough_step_draws_its_chart_before_its_words(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    at = opened(monkeypatch, "walkthrough", phone=True, step=step)
    drawn = drawn_order(at.main)
    chart = position(drawn, "walkthrough_chart")
    assert position(drawn, EN[f"walkthrough.s{step}.explain"]) > chart
    formulas = [i for i, (kind, _) in enumerate(drawn) if kind == "latex"]
    assert formulas and min(formulas) > chart
    # previous and next, then no progress bar: the step's radio says where we are
    assert not at.get("progress")


def table_widths(markdown: str) -> list[int]:
    """Columns of each Markdown table in ``markdown``."""
    return [
        line.count("|") - 1
        for line in markdown.splitlines()
        if line.startswith("|") and "---" in line
    ]


def test_walkthrough_table_is_narrow_on_a_phone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phone = opened(monkeypatch, "walkthrough", phone=True, step="5")
    (table,) = [m.value for m in phone.markdown if "|---" in m.value]
    # one column per example, three examples a table: a label and three values
    assert max(table_widths(table)) <= 4
    laptop = opened(monkeypatch, "walkthrough", phone=False, step="5")
    (wide,) = [m.value for m in laptop.markdown if "|---" in m.value]
    (columns,) = table_widths(wide)  # one wide table
    assert columns > 4


def test_imbalance_table_has_a_column_per_loss_on_a_phone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = opened(monkeypatch, "imbalance", phone=True)
    (table,) = [m.value for m in at.markdown if "|:--" in m.value]
    header, _, *rows = table.splitlines()
    assert header.count("|") - 1 == 4  # the row names, CE, α-balanced CE, FL
    assert [r.split("|")[1].strip() for r in rows] == [
        EN["imbalance.group.positives"],
        EN["imbalance.group.hard_negatives"],
        EN["imbalance.group.easy_negatives"],
        EN["imbalance.table.all"],
    ]


def test_gradients_chain_rule_takes_two_lines_on_a_phone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phone = opened(monkeypatch, "gradients", phone=True)
    laptop = opened(monkeypatch, "gradients", phone=False)
    (narrow,) = [f.value for f in phone.get("latex") if "NaN" in f.value]
    (wide,) = [f.value for f in laptop.get("latex") if "NaN" in f.value]
    assert "gathered" in narrow and "gathered" not in wide


def test_short_labels_of_the_gradients_controls_in_both_languages() -> None:
    for table in (EN, ZH):
        assert table["short.gamma_star"] != table["param.gamma_star"]
        assert table["short.beta_star"] != table["param.beta_star"]


def test_row_is_columns_on_a_laptop_and_one_wrapping_row_on_a_phone() -> None:
    laptop = mock.Mock(**{"columns.return_value": ["column 0", "column 1"]})
    assert row(laptop, [2, 3], phone=False, gap="small") == ["column 0", "column 1"]
    assert laptop.mock_calls == [mock.call.columns([2, 3], gap="small")]
    phone = mock.Mock(**{"container.return_value": "row"})
    assert row(phone, 3, phone=True) == ["row", "row", "row"]
    assert phone.mock_calls == [mock.call.container(horizontal=True)]


def test_later_draws_in_place_except_on_a_phone() -> None:
    drawn: list[str] = []
    in_place = Later(phone=False)
    in_place(drawn.append, "laptop")
    assert drawn == ["laptop"]
    kept = Later(phone=True)
    kept(drawn.append, "first")
    kept(drawn.append, "second")
    assert drawn == ["laptop"]
    kept.draw()
    assert drawn == ["laptop", "first", "second"]
    kept.draw()  # once only
    assert drawn == ["laptop", "first", "second"]


def test_a_shared_figure_lets_a_phone_scroll_and_stays_as_it_was() -> None:
    # The Explorer's figures are shared by sessions: the phone's copy drops
    # drag-to-zoom (a swipe scrolls the page), the laptop's keeps it.
    shared = loss_chart(0.9, 1, 2.0, None, "p", False, "en", False)
    for_a_phone = fitted(shared, phone=True)
    assert for_a_phone.to_dict()["layout"]["dragmode"] is False
    assert "dragmode" not in shared.to_dict()["layout"]
    assert for_a_phone.to_dict()["data"] is shared.to_dict()["data"]  # no copy
    assert fitted(shared, phone=False) is shared
