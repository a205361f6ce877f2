"""A fresh machine: clone the repository and run the README's two commands.

The clone is of this checkout's HEAD (what is committed, nothing else) into a
temporary folder, with no ``.venv``: ``make test`` must create the environment
from the package index and pass, and ``make run`` must then serve a page that
Chromium loads with a chart in it. Runs in CI (``CI=true``); elsewhere only with
``FOCAL_SLOW=1``, since it installs everything and runs the whole suite again.
The inner ``make test`` runs with ``FOCAL_FRESH_INNER=1``, which skips this test
there (no recursion), and without the browser tests (``-m "not browser"``): the
outer run has just run them with the same requirements and the same Chromium,
and a second pass would double CI's time (their screens, languages and axe
checks are most of the suite's minutes). The clone still installs every dev
requirement, lints, and runs the core, figure, page and server tests; ``make
run`` is then checked in Chromium below.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.streamlit_server import CHROMIUM_ARGS, FIRST_CHART, free_port, healthy
from tests.helpers import in_ci

ROOT = Path(__file__).resolve().parents[1]

INSTALL_AND_TEST_TIMEOUT_S = 3600
SERVE_TIMEOUT_MS = 180_000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(os.environ.get("FOCAL_FRESH_INNER")),
        reason="inside the fresh-machine test's own make test",
    ),
    pytest.mark.skipif(
        not (in_ci() or os.environ.get("FOCAL_SLOW")),
        reason="slow: runs in CI, or with FOCAL_SLOW=1",
    ),
]


def _clean_env(**extra: str) -> dict[str, str]:
    """This environment minus the traces of the outer venv and make."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"VIRTUAL_ENV", "PYTHONPATH", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}
    }
    venv_bin = str(ROOT / ".venv" / "bin")
    env["PATH"] = os.pathsep.join(
        part for part in env.get("PATH", "").split(os.pathsep) if part != venv_bin
    )
    return env | extra


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's HEAD, cloned into an empty folder."""
    head = subprocess.check_output(["git", "rev-parse", "HEAD"], cwd=ROOT, text=True)
    target = tmp_path_factory.mktemp("fresh") / "focal"
    subprocess.run(
        ["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(target)],
        check=True,
        timeout=300,
    )
    subprocess.run(
        ["git", "-C", str(target), "checkout", "-q", head.strip()], check=True
    )
    assert not (target / ".venv").exists()
    return target


@pytest.fixture(scope="module")
def make_test(clone: Path) -> tuple[int, str]:
    """``make test`` in the clone: its exit status and the end of its output."""
    log = clone.parent / "make-test.log"
    with log.open("wb") as sink:
        done = subprocess.run(
            ["make", "test"],
            cwd=clone,
            env=_clean_env(FOCAL_FRESH_INNER="1", PYTEST_ADDOPTS='-m "not browser"'),
            stdout=sink,
            stderr=subprocess.STDOUT,
            timeout=INSTALL_AND_TEST_TIMEOUT_S,
        )
    return done.returncode, log.read_text(errors="replace")[-6000:]


def test_make_test_passes_from_nothing(clone: Path, make_test: tuple[int, str]) -> None:
    status, tail = make_test
    assert status == 0, f"make test failed in a fresh clone:\n{tail}"
    assert (clone / ".venv" / "bin" / "python").exists()
    assert (clone / ".venv" / ".dev").exists()


@pytest.fixture
def served(clone: Path, make_test: tuple[int, str]) -> Iterator[str]:
    """``make run`` in the clone on a free port (after ``make test``, pass or not)."""
    port = free_port()
    log = clone.parent / "make-run.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=clone,
            env=_clean_env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # make and streamlit in one group, ended below
        )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)


# Run in its own process: the browser tests' session already drives a
# Playwright sync loop in this one, and two cannot share a thread.
PAGE_CHECK = """
import sys
from playwright.sync_api import sync_playwright
url, chromium, timeout_ms, first_chart, *args = sys.argv[1:]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path=chromium, headless=True, args=args
    )
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(url, timeout=int(timeout_ms))
    page.wait_for_function(first_chart, timeout=int(timeout_ms))
    print(page.locator('[data-testid="stException"]').count())
    browser.close()
"""


def test_make_run_serves_a_page_with_a_chart(
    served: str, clone: Path, chromium: str
) -> None:
    # make run may still be installing and starting: wait until it is healthy.
    deadline = time.monotonic() + SERVE_TIMEOUT_MS / 1000
    while not healthy(served + "/_stcore/health"):
        assert time.monotonic() < deadline, "make run never became healthy"
        time.sleep(0.5)
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            PAGE_CHECK,
            served + "/?gamma=3",
            chromium,
            str(SERVE_TIMEOUT_MS),
            FIRST_CHART,
            *CHROMIUM_ARGS,
        ],
        capture_output=True,
        text=True,
        timeout=SERVE_TIMEOUT_MS / 1000 + 60,
    )
    assert check.returncode == 0, check.stderr[-4000:]
    assert check.stdout.strip() == "0", "the page shows an exception"
    log = (clone.parent / "make-run.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-4000:]
