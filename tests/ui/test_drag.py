"""The Explorer's on-drag chart under AppTest: what it is sent, and its commits.

AppTest does not run the component's JavaScript; a commit is sent as the
browser sends it (the component's state, ``{"commit": {name, value, n}}``), and
the page is read back: the shared sliders, the URL, the formula and the data
the chart and its numbers get next.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import focal
from focal.ui.strings import EN
from tests.helpers import app, mount_data, mounts, release, run

from .test_app import as_query, assert_curves_chart


def formula(at: AppTest) -> str:
    (latex,) = at.latex
    return latex.value


def test_the_view_mounts_the_chart_with_the_cores_data() -> None:
    at = app()
    assert set(mounts(at)) == {
        "focal_drag_grid",
        "focal_drag_chart",
        "focal_drag_numbers",
    }
    assert_curves_chart(at)
    assert not at.get("plotly_chart")  # the Plotly loss chart is gone from this view
    assert not at.metric  # the numbers are the component's


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_gamma_commit_moves_the_shared_value_the_url_and_the_formula(
    lang: str,
) -> None:
    at = app(lang=lang)
    grid_before = mounts(at)["focal_drag_grid"].proto.SerializeToString()
    before = formula(at)
    release(at, "focal_drag_chart", "gamma", 3.0)
    assert at.session_state["gamma"] == 3.0
    assert at.slider(key="gamma").value == 3.0
    assert at.query_params["gamma"] == "3"
    assert formula(at) != before and "^{3}" in formula(at)
    assert_curves_chart(at, gamma=3.0, lang=lang)
    # the grid's message is the same: a browser that holds it gets a reference
    assert mounts(at)["focal_drag_grid"].proto.SerializeToString() == grid_before
    chart = mount_data(at, "focal_drag_chart")
    shown = chart["at_gamma"]["fl"][90]  # the number at p = 0.9, at this γ
    assert shown == focal.ui.display.number(focal.focal_loss(0.9, 1, 3.0))


def test_a_p_commit_moves_p_and_leaves_the_default_out_of_the_url() -> None:
    at = app(gamma="3")
    release(at, "focal_drag_chart", "p", 0.2)
    assert at.slider(key="p").value == 0.2
    assert at.query_params["p"] == "0.2" and at.query_params["gamma"] == "3"
    assert_curves_chart(at, p=0.2, gamma=3.0)
    release(at, "focal_drag_chart", "gamma", 2.0)  # back to the default: out of the URL
    assert "gamma" not in at.query_params
    assert at.slider(key="gamma").value == 2.0
    assert_curves_chart(at, p=0.2)


def test_a_commit_snaps_to_the_sliders_step_and_range() -> None:
    at = app()
    release(at, "focal_drag_chart", "gamma", 3.04)
    assert at.slider(key="gamma").value == 3.0
    release(at, "focal_drag_chart", "gamma", 9)  # JSON's 9: the top of the range
    assert at.slider(key="gamma").value == 5.0
    assert_curves_chart(at, gamma=5.0)


def test_a_commit_of_the_same_value_again_after_the_sidebar_moved() -> None:
    """Each release is a new state (its counter), so the callback always runs."""
    at = app()
    release(at, "focal_drag_chart", "gamma", 3.0)
    at.slider(key="gamma").set_value(1.0)
    run(at)
    assert_curves_chart(at, gamma=1.0)
    release(at, "focal_drag_chart", "gamma", 3.0)
    assert at.slider(key="gamma").value == 3.0


def test_the_sidebar_a_link_and_reset_move_the_chart() -> None:
    moved = {
        "gamma": 3.0,
        "p": 0.2,
        "y": "0",
        "axis": "p_t",
        "log": True,
        "balance": True,
    }
    at = app(**as_query(moved))
    assert_curves_chart(at, **moved)
    at.slider(key="gamma").set_value(4.5)
    run(at)
    assert_curves_chart(at, **{**moved, "gamma": 4.5})
    reset = next(b for b in at.button if b.label == EN["reset.label"])
    reset.click()
    run(at)
    assert_curves_chart(at)


def test_a_bad_link_value_gets_the_notice_and_the_chart_the_default() -> None:
    at = app(gamma="9")
    assert [w.value for w in at.warning] == [
        EN["notice.bad_param"].format(name="gamma", default="2")
    ]
    assert_curves_chart(at)


def test_projector_and_phone_get_their_frames() -> None:
    at = app(present="true", lang="zh")
    assert_curves_chart(at, lang="zh", present=True)
