"""Fixtures shared by the test folders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.streamlit_server import chromium_path
from tests.helpers import missing, serve_app


@pytest.fixture(scope="session")
def app_base() -> Iterator[str]:
    """Base URL of ``streamlit run app.py``, running for the whole session."""
    yield from serve_app()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The system Chromium's path (missing: fail in CI, else skip)."""
    missed = "the system Chromium is not installed (apt-get install chromium)"
    return chromium_path() or missing(missed)
