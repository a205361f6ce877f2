"""Page scripts take turns: the app holds the admission semaphore while one runs."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from focal.ui import admission

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_a_page_runs_while_holding_a_turn_and_gives_it_back(monkeypatch) -> None:
    held = []
    original = admission.turn

    class Watched:
        def __enter__(self):
            original.acquire()
            held.append(True)

        def __exit__(self, *exc):
            original.release()

    monkeypatch.setattr(admission, "turn", Watched())
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert held == [True]
    # every turn came back: all of them can be taken now
    taken = [original.acquire(blocking=False) for _ in range(admission.CONCURRENT_RUNS)]
    assert all(taken)
    for _ in taken:
        original.release()
