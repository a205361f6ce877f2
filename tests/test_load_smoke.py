"""A small lecture hall in every ``make test``: 10 students for 10 s on app.py.

The full load test is ``bench/load.py`` (a benchmark); this smoke version runs
its client against ``streamlit run app.py`` started as ``make run`` does, and
asserts only behaviour: every session opened its page, every rerun it asked for
finished, and nothing went wrong (no exception element, no dropped connection,
no rerun left unfinished). A first test checks the client itself: a move of
each of α, γ, p and y over the protocol reaches the app.
"""

from __future__ import annotations

import random

import pytest

from bench.load import CONTROLS, Control, Student, percentile, run_async, run_load
from bench.streamlit_server import PHONE_AGENT

pytestmark = pytest.mark.load

SESSIONS = 10
DURATION_S = 10.0


@pytest.mark.parametrize("agent", [None, PHONE_AGENT], ids=["laptop", "phone"])
def test_each_control_moved_over_the_protocol_reaches_the_app(
    app_base: str, agent: str | None
) -> None:
    # A phone draws γ and p in its strip and the rest in the drawer: the client
    # finds and moves them all the same (bench/load.py --phone).
    moves = {"gamma": 4.5, "p": 0.35, "alpha": 0.6, "y": "0"}
    assert set(moves) == set(CONTROLS)

    async def drive() -> tuple[Student, list[list[str]]]:
        student = Student(
            app_base, "/", "gamma=3&p=0.2", random.Random(0), 60.0, user_agent=agent
        )
        shown = []
        try:
            await student.open()
            shown.append(student.code)
            for key, value in moves.items():
                await student.move(key, value)
                shown.append(student.code)
        finally:
            await student.close()
        return student, shown

    student, shown = run_async(drive)
    assert student.stats.errors == []
    assert student.stats.sent == student.stats.finished == 1 + len(moves)
    assert set(student.controls) == set(CONTROLS)
    # The share link (a code block) follows the moves, as in the browser.
    assert any("gamma=3" in text and "p=0.2" in text for text in shown[0])
    expected = ["gamma=4.5", "p=0.35", "alpha=0.6", "y=0"]
    for step, text in enumerate(expected, start=1):
        assert any(text in block for block in shown[step]), (text, shown[step])


def test_ten_students_for_ten_seconds(app_base: str) -> None:
    result = run_load(app_base, SESSIONS, DURATION_S, seed=5, ramp_s=2.0, min_moves=1)
    assert result.error_samples == []
    assert result.errors == 0
    assert result.opened == SESSIONS
    assert result.sent == result.finished
    assert result.reruns >= SESSIONS  # at least one move each


def test_new_values_stay_on_the_slider_grid_and_change() -> None:
    rng = random.Random(3)
    gamma = Control("gamma", "id", "slider", 0.0, 5.0, 0.1, value=2.0)
    y = Control("y", "id", "radio", options=("1", "0"), value="1")
    for _ in range(200):
        new = gamma.new_value(rng)
        assert new != gamma.value
        assert 0.0 <= new <= 5.0
        assert abs(new * 10 - round(new * 10)) < 1e-9
        gamma.value = new
    assert y.new_value(rng) == "0"


def test_the_client_runs_beside_a_running_event_loop() -> None:
    """As after the browser tests: Playwright's sync API keeps a loop running."""

    async def outer() -> float:
        async def inner() -> float:
            return 1.5

        return run_async(inner)

    assert run_async(outer) == 1.5


def test_percentile_and_bounds() -> None:
    assert percentile([], 50) is None
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0
    with pytest.raises(ValueError, match="loopback"):
        run_load("http://192.0.2.1:8501", 1, 1.0)
    with pytest.raises(ValueError, match="sessions"):
        run_load("http://127.0.0.1:9", 10_000, 1.0)
