"""The Explorer's hard/easy on-drag chart under AppTest: what it is sent, and
its commits.

AppTest does not run the component's JavaScript; a commit is sent as the
browser sends it (``{"commit": {name, value, n}}``) and the page is read back:
the sliders, the URL and the data the chart and its numbers get next.
"""

from __future__ import annotations

import json

import pytest

from focal.ui.strings import EN, ZH
from tests.helpers import app, mount_data, mounts, release, run

from .test_app import assert_ratio_chart


def test_the_view_mounts_the_chart_with_the_cores_data() -> None:
    at = app(view="ratio")
    assert set(mounts(at)) == {
        "focal_ratio_grid",
        "focal_ratio_curves",
        "focal_ratio_chart",
        "focal_ratio_numbers",
    }
    assert_ratio_chart(at)
    assert not at.get("plotly_chart")  # the Plotly ratio chart is gone
    assert not at.metric  # the numbers are the component's
    # the hard and easy sliders stay (hidden by CSS) for the URL binding
    assert at.slider(key="hard").value == 0.1 and at.slider(key="easy").value == 0.9
    numbers = mount_data(at, "focal_ratio_curves")["at_gamma"]
    assert (numbers["ce"][20], numbers["fl"][20], numbers["amp"][20]) == (
        "21.854",
        "1,770.2",
        "81×",
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_commits_move_the_sliders_and_the_url(lang: str) -> None:
    at = app(view="ratio", lang=lang)
    grid = mounts(at)["focal_ratio_grid"].proto.SerializeToString()
    curves = mounts(at)["focal_ratio_curves"].proto.SerializeToString()
    release(at, "focal_ratio_chart", "gamma", 3.0)
    # a γ commit leaves the curves' message as it was: a reference is sent
    assert mounts(at)["focal_ratio_curves"].proto.SerializeToString() == curves
    assert at.slider(key="gamma").value == 3.0
    assert at.query_params["gamma"] == "3"
    assert_ratio_chart(at, gamma=3.0, lang=lang)
    release(at, "focal_ratio_chart", "hard", 0.3)
    assert at.slider(key="hard").value == 0.3
    assert at.query_params["hard"] == "0.3"
    assert_ratio_chart(at, hard=0.3, gamma=3.0, lang=lang)
    release(at, "focal_ratio_chart", "easy", 1)  # JSON's 1.0 arrives as 1
    assert at.slider(key="easy").value == 1.0
    assert at.query_params["easy"] == "1"
    assert_ratio_chart(at, hard=0.3, easy=1.0, gamma=3.0, lang=lang)
    assert mount_data(at, "focal_ratio_curves")["at_gamma"]["ce"][0] == "∞"
    # the grid's message never changed: a browser that holds it gets a reference
    assert mounts(at)["focal_ratio_grid"].proto.SerializeToString() == grid
    release(at, "focal_ratio_chart", "hard", 0.1)  # back to the default: out of the URL
    assert "hard" not in at.query_params


def test_a_commit_snaps_to_the_step_and_range_and_ignores_junk() -> None:
    at = app(view="ratio")
    release(at, "focal_ratio_chart", "easy", 0.734)
    assert at.slider(key="easy").value == 0.73
    release(at, "focal_ratio_chart", "gamma", 9)
    assert at.slider(key="gamma").value == 5.0
    release(at, "focal_ratio_chart", "hard", "abc")
    release(at, "focal_ratio_chart", "alpha", 0.5)  # not one of the chart's
    assert at.slider(key="hard").value == 0.1 and at.slider(key="alpha").value == 0.25
    assert_ratio_chart(at, easy=0.73, gamma=5.0)


def test_the_sidebar_a_link_and_reset_move_the_chart() -> None:
    at = app(view="ratio", gamma="3", hard="0.2", easy="0.95")
    assert_ratio_chart(at, hard=0.2, easy=0.95, gamma=3.0)
    at.slider(key="gamma").set_value(4.5)
    run(at)
    assert_ratio_chart(at, hard=0.2, easy=0.95, gamma=4.5)
    at.slider(key="hard").set_value(0.25)
    run(at)
    assert_ratio_chart(at, hard=0.25, easy=0.95, gamma=4.5)
    reset = next(b for b in at.button if b.label == EN["reset.label"])
    reset.click()
    run(at)
    at.radio(key="view").set_value("ratio")
    run(at)
    assert_ratio_chart(at)


def test_the_curves_view_keeps_its_value_after_a_ratio_commit() -> None:
    """One value per parameter: γ set on this chart is the CE and FL view's γ."""
    at = app(view="ratio")
    release(at, "focal_ratio_chart", "gamma", 1.5)
    at.radio(key="view").set_value("curves")
    run(at)
    chart = {e.proto.component_name: e for e in at.get("bidi_component")}
    assert json.loads(chart["focal_drag_chart"].proto.json)["gamma"] == 1.5


@pytest.mark.parametrize("value", ["abc", "1.5", "-0.2"])
def test_a_bad_link_value_gets_the_notice_and_the_chart_the_default(
    value: str,
) -> None:
    at = app(view="ratio", hard=value)
    assert [w.value for w in at.warning] == [
        EN["notice.bad_param"].format(name="hard", default="0.1")
    ]
    assert_ratio_chart(at)


def test_chinese_on_a_projector_gets_its_frame_and_words() -> None:
    at = app(view="ratio", present="true", lang="zh")
    assert_ratio_chart(at, lang="zh", present=True)
    grid = mount_data(at, "focal_ratio_grid")
    assert ZH["ratio.title"] in grid["svg"]
    assert grid["labels"]["hard"] == ZH["drag.ratio_hard"]
