"""Page scripts take turns: at most ``FOCAL_CONCURRENT_RUNS`` run at once.

Real sessions (AppTest, through ``app.py``), one more than the limit, run at
the same time in threads; the real entry script and its real semaphore decide
who runs. The Explorer's page function is replaced by one that counts the
sessions inside it and stays until every other session is inside too, waits
at the turn, or is done, so the largest overlap is reached whatever the
threads' order: the limit when admission works, every session when it does not.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import focal.ui.explorer
from focal.ui import admission
from tests.helpers import run

APP = str(Path(__file__).resolve().parents[2] / "app.py")
#: Longest wait for the other sessions (a broken test fails, never hangs).
DEADLINE_S = 120


@pytest.fixture(params=["1", "2"], ids=lambda n: f"FOCAL_CONCURRENT_RUNS={n}")
def limit(request, monkeypatch) -> Iterator[int]:
    """``focal.ui.admission`` as a server started with this setting loads it."""
    monkeypatch.setenv("FOCAL_CONCURRENT_RUNS", request.param)
    importlib.reload(admission)
    yield admission.CONCURRENT_RUNS
    monkeypatch.undo()
    importlib.reload(admission)


def waiting_at_the_turn() -> int:
    """Sessions blocked in ``with admission.turn`` (the semaphore's waiters)."""
    return len(admission.turn._cond._waiters)


class Overlap:
    """A page that records how many sessions are inside it at once."""

    def __init__(self, sessions: int) -> None:
        self.sessions = sessions
        self.inside = 0
        self.done = 0
        self.largest = 0
        self.changed = threading.Condition()

    def page(self) -> None:
        """Stay until every session is inside, blocked at the turn, or finished."""
        deadline = time.monotonic() + DEADLINE_S
        with self.changed:
            self.inside += 1
            self.largest = max(self.largest, self.inside)
            self.changed.notify_all()
            # a session blocking at the turn notifies no one: look again often
            while self.inside + waiting_at_the_turn() + self.done != self.sessions:
                assert time.monotonic() < deadline, "the other sessions never came"
                self.changed.wait(timeout=0.05)
            self.inside -= 1
            self.done += 1
            self.changed.notify_all()


def run_at_once(sessions: int) -> list[AppTest]:
    """``sessions`` sessions opening the Explorer at the same time (each run
    raises if it has not finished within the deadline)."""
    tests = [
        AppTest.from_file(APP, default_timeout=DEADLINE_S) for _ in range(sessions)
    ]
    with ThreadPoolExecutor(sessions) as pool:
        return list(pool.map(run, tests))


def test_the_largest_overlap_is_the_limit(limit: int, monkeypatch) -> None:
    overlap = Overlap(sessions=limit + 1)
    monkeypatch.setattr(focal.ui.explorer, "main", overlap.page)
    run_at_once(limit + 1)
    assert overlap.done == limit + 1
    assert overlap.largest == limit
    assert admission.turn._value == limit  # every turn came back


def test_without_admission_every_session_overlaps(monkeypatch) -> None:
    # the check itself, on a planted fault: a turn that admits everyone
    overlap = Overlap(sessions=3)
    monkeypatch.setattr(focal.ui.explorer, "main", overlap.page)
    monkeypatch.setattr(admission, "turn", threading.BoundedSemaphore(3))
    run_at_once(3)
    assert overlap.largest == 3
