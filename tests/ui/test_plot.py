"""Every chart has a text alternative: its title, then what it shows, in both
languages (``focal.ui.plot``); no page draws a chart without one."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest

from focal.ui.charts import SharedFigure
from focal.ui.plot import chart_alt, chart_title
from focal.ui.strings import EN, LANGUAGES, ZH, strings
from tests.helpers import app

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")
SOURCES = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("focal/**/*.py")])
PLOT = ROOT / "focal" / "ui" / "plot.py"

#: Every page, Explorer view and walkthrough step that draws a chart.
PAGES: dict[str, tuple[str | None, dict[str, str]]] = {
    "explorer-curves": (None, {"view": "curves"}),
    "explorer-ratio": (None, {"view": "ratio"}),
    "explorer-family": (None, {"view": "family"}),
    **{
        f"walkthrough-{step}": ("pages/walkthrough.py", {"step": str(step)})
        for step in range(1, 7)
    },
    "gradients": ("pages/gradients.py", {}),
    "imbalance": ("pages/imbalance.py", {}),
    "training": ("pages/training.py", {}),
    "variants": ("pages/variants.py", {}),
}


def _calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_every_chart_goes_through_plot() -> None:
    direct = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path in SOURCES
        if path != PLOT
        for call in _calls(path)
        if _name(call) == "plotly_chart"
    ]
    assert direct == [], "st.plotly_chart without a text alternative (use plot)"


def test_every_kind_of_chart_is_described_in_both_languages() -> None:
    kinds = {
        call.args[2].value
        for path in SOURCES
        for call in _calls(path)
        if _name(call) == "plot" and isinstance(call.args[2], ast.Constant)
    }
    assert len(kinds) >= 10, kinds  # the scan found the pages' charts
    for table in (EN, ZH):
        assert (
            sorted(f"alt.{kind}" for kind in kinds if f"alt.{kind}" not in table) == []
        )


def titled(title: str | None) -> go.Figure:
    return go.Figure(layout={"title": {"text": title}} if title is not None else {})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_alt_is_the_title_then_what_the_chart_shows(lang: str) -> None:
    text = strings(lang)
    alt = chart_alt(text, "loss", titled("Loss for y = 1"))
    assert alt == text["alt.chart"].format(
        title="Loss for y = 1", shows=text["alt.loss"]
    )
    assert alt.startswith("Loss for y = 1")


def test_alt_of_a_chart_without_a_title_says_what_it_shows() -> None:
    assert chart_alt(EN, "family", titled(None)) == EN["alt.family"]
    assert chart_alt(EN, "family", titled("")) == EN["alt.family"]


def test_title_markup_is_read_as_words() -> None:
    assert chart_title(titled("Loss<br><sup>for y = 1</sup>")) == "Loss for y = 1"


def test_title_of_a_shared_figure() -> None:
    shared = SharedFigure(titled("Figure 1").to_dict())
    assert chart_title(shared) == "Figure 1"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", list(PAGES))
def test_every_chart_on_every_page_has_its_alternative(page: str, lang: str) -> None:
    text = strings(lang)
    said = {text[key] for key in text if key.startswith("alt.") and key != "alt.chart"}
    script, query = PAGES[page]
    at = app(script, lang=lang, **query)
    charts = at.get("plotly_chart")
    if page == "explorer-curves":  # an SVG component (focal/ui/drag.py, issue 16)
        (grid,) = [e for e in at.get("bidi_component") if "grid" in e.proto.id]
        title = text["curves.title"].format(y=1)
        alt = text["alt.chart"].format(title=title, shows=text["alt.loss"])
        assert f"<title>{alt}</title>" in json.loads(grid.proto.json)["svg"]
        return
    if page == "explorer-ratio":  # an SVG component (focal/ui/drag_ratio.py)
        (grid,) = [e for e in at.get("bidi_component") if "grid" in e.proto.id]
        title = text["ratio.title"]
        alt = text["alt.chart"].format(title=title, shows=text["alt.ratio"])
        assert f"<title>{alt}</title>" in json.loads(grid.proto.json)["svg"]
        assert not charts
        return
    assert charts, f"{page}: no chart drawn"
    for chart in charts:
        alt = chart.proto.alt
        title = chart_title(go.Figure(json.loads(chart.proto.spec), _validate=False))
        shows = [s for s in said if alt.endswith(s)]
        assert shows, f"{page} {chart.key}: {alt!r} says no known description"
        expected = text["alt.chart"].format(title=title, shows=shows[0])
        assert alt == (expected if title else shows[0]), f"{page} {chart.key}"
        if lang == "zh":
            assert CJK.search(alt), f"{page} {chart.key}: not Chinese: {alt!r}"
