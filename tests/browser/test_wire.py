"""Every chart the app sends, trimmed (focal.figures.wire.lean), drawn in Chromium
beside the chart as built: the same picture.

The charts are those the pages really draw (AppTest runs of every page, view
and walkthrough step, the figures caught on their way to ``lean``). Each is
drawn by Plotly in the system Chromium, as built and as sent, at a laptop's and
a phone's width:

- float32 and the trimmed template alone leave the picture as it was: every
  pixel, or (a filled contour's band edges, an autoranged axis) every point
  drawn to a hundredth of a pixel, a few anti-aliased pixels a few levels off;
- the thinned lines run within half a pixel of every point of the lines as
  built, each point placed where Plotly places it (its axes' ``c2p``) on the
  chart as drawn (its real margins, widths and autoranged axes).
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import numpy as np
import plotly
import plotly.io as pio
import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Page

from focal.figures import wire
from focal.ui import charts
from tests.helpers import app

pytestmark = pytest.mark.browser

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

#: Pages, views and steps whose charts are compared: (page script, query).
LINKS = [
    (None, {}),
    (None, {"y": "0", "axis": "p_t", "log": "true", "balance": "true"}),
    (None, {"gamma": "5", "p": "0.02", "y": "0"}),
    # the hard/easy view draws an SVG component (focal/ui/drag_ratio.py, issue 16)
    (None, {"view": "family", "gamma": "0.5"}),
    (None, {"view": "family", "sweep": "true"}),
    *[("pages/walkthrough.py", {"step": str(step)}) for step in range(1, 7)],
    ("pages/gradients.py", {"p": "0.3", "gamma": "3"}),
    ("pages/imbalance.py", {}),
    ("pages/training.py", {}),
    ("pages/variants.py", {"var_log": "true"}),
]

WIDTHS = {"laptop": 1400, "phone": 390}

#: How far a thinned line may run from a point of the line as built, in pixels.
WITHIN_PX = 0.5

DRAW = r"""async ([id, figure, width]) => {
  const div = document.getElementById(id);
  div.style.width = width + 'px';
  Plotly.purge(div);
  await Plotly.newPlot(div, figure.data, figure.layout, {staticPlot: true});
  const layout = div._fullLayout, size = layout._size;
  const axis = (name) => layout[name.replace(/^([xy])/, '$1axis')];
  // each line's points in the plot area's pixels, as Plotly places them
  const lines = div._fullData.map(trace => {
    const line = trace.type === 'scatter' && trace.mode.includes('lines');
    if (!line || !trace.x) return [];
    const xa = axis(trace.xaxis), ya = axis(trace.yaxis);
    return Array.from(trace.x, (x, i) => {
      const y = trace.y[i];
      return (y === null || Number.isNaN(Number(y))) ? [NaN, NaN]
        : [xa.c2p(x), ya.c2p(y)];
    });
  });
  const ranges = Object.keys(layout).filter(k => /^[xy]axis\d*$/.test(k))
    .sort().map(k => layout[k].range);
  return {lines, ranges, w: size.w, h: size.h};
}"""


@pytest.fixture(scope="module")
def sent() -> list[tuple[str, dict, dict]]:
    """(name, figure as built, figure as sent) of every chart of :data:`LINKS`."""
    found: list[tuple[str, dict, dict]] = []
    name = ""

    def catch(spec: dict) -> dict:
        found.append((f"{name} #{len(found)}", copy.deepcopy(spec), wire.lean(spec)))
        return found[-1][2]

    cached = (charts.loss_chart, charts.figure_1, charts.figure_1_sweep)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("focal.ui.plot.lean", catch)
        patch.setattr("focal.ui.charts.lean", catch)
        for chart in cached:  # every chart built again, and caught
            chart.cache_clear()
        for page, query in LINKS:
            name = f"{page or 'explorer'}?{urlencode(query)}"
            app(page, **query)
    for chart in cached:
        chart.cache_clear()
    assert len(found) >= 19  # every Plotly chart of LINKS (none on the ratio view)
    return found


@pytest.fixture(scope="module")
def canvas(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1500, "height": 1200})
    page.set_content("<div id='a'></div><div id='b'></div>")
    page.add_script_tag(path=str(PLOTLY_JS))
    yield page
    page.close()


def _json(spec: dict) -> dict:
    """The JSON Streamlit sends (``plotly.io.to_json`` of the figure)."""
    return json.loads(pio.to_json(charts.SharedFigure(spec), validate=False))


def _pixels_changed(first: bytes, second: bytes) -> tuple[float, int]:
    """The share of pixels two screenshots differ in, and the largest change
    of a colour channel (0 to 255)."""
    a, b = (Image.open(io.BytesIO(png)).convert("RGB") for png in (first, second))
    diff = np.asarray(ImageChops.difference(a, b)).max(axis=2)
    return float((diff > 0).mean()), int(diff.max())


def _distance(points: np.ndarray, line: Any) -> np.ndarray:
    """Each point's distance to the nearest piece of ``line`` (its points in
    pixels, NaN for a gap): its segments, and any point alone between gaps."""
    line = np.array(line, dtype=float).reshape(-1, 2)
    # every point is a segment of no length too: a lone point is a piece
    a, b = np.r_[line[:-1], line], np.r_[line[1:], line]
    drawn = ~(np.isnan(a) | np.isnan(b)).any(axis=1)
    a, ab = a[drawn], (b - a)[drawn]
    length2 = np.maximum((ab**2).sum(axis=1), 1e-12)
    t = np.clip(((points[:, None] - a) * ab).sum(axis=2) / length2, 0, 1)
    return np.hypot(*(points[:, None] - a - t[..., None] * ab).T).T.min(axis=1)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_float32_and_the_template_change_nothing_drawn(sent, canvas, width) -> None:
    """Without thinning, the chart as sent is the chart as built: the same pixels.

    Where Plotly sizes an axis to the data (autorange), float32 moves its end
    by a few parts in a hundred million, and anti-aliasing can then flip a
    pixel: there every point drawn stays where it was, to the hundredth of a
    pixel Plotly rounds it to.
    """
    for name, built, _ in sent:
        same = wire._digits(wire._template(copy.deepcopy(built)))
        drawn, shots = [], []
        for spec in (built, same):
            drawn.append(canvas.evaluate(DRAW, ["a", _json(spec), width]))
            shots.append(canvas.locator("#a").screenshot())
        if drawn[0]["ranges"] == drawn[1]["ranges"]:
            changed, most = _pixels_changed(*shots)
            # float32 moves a filled contour's band edges (the training
            # boundary) by a hundred-millionth: anti-aliasing flips a few of
            # their pixels by a few levels; a band or a line moved by a pixel
            # would change far more pixels
            assert changed <= 0.003 and most <= 24, (name, changed, most)
            continue
        for old, new in zip(drawn[0]["ranges"], drawn[1]["ranges"], strict=True):
            np.testing.assert_allclose(new, old, rtol=1e-6, err_msg=name)
        for old, new in zip(drawn[0]["lines"], drawn[1]["lines"], strict=True):
            old, new = np.array(old, dtype=float), np.array(new, dtype=float)
            assert old.shape == new.shape, name
            assert (np.isnan(old) == np.isnan(new)).all(), name
            # Plotly places points to a hundredth of a pixel
            assert np.nanmax(np.abs(old - new), initial=0.0) <= 0.0101, name


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_thinned_lines_run_within_half_a_pixel(sent, canvas: Page, width) -> None:
    thinned = 0
    for name, built, lean in sent:
        before = canvas.evaluate(DRAW, ["a", _json(built), width])
        after = canvas.evaluate(DRAW, ["b", _json(lean), width])
        for old, new in zip(before["ranges"], after["ranges"], strict=True):
            np.testing.assert_allclose(new, old, rtol=1e-6, err_msg=name)
        for index, (old, new) in enumerate(
            zip(before["lines"], after["lines"], strict=True)
        ):
            points = np.array(old, dtype=float).reshape(-1, 2)
            thinned += len(new) < len(old)
            inside = (
                ~np.isnan(points).any(axis=1)
                & (points[:, 0] >= 0)
                & (points[:, 0] <= before["w"])
                & (points[:, 1] >= 0)
                & (points[:, 1] <= before["h"])
            )
            if not inside.any():
                continue
            far = _distance(points[inside], new).max()
            assert far <= WITHIN_PX, (name, index, far)
    assert thinned >= 10  # the comparison saw thinned lines, not only copies
