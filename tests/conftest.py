"""Fixtures shared by the test folders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.streamlit_server import start_server


@pytest.fixture(scope="session")
def app_base() -> Iterator[str]:
    """Base URL of ``streamlit run app.py``, running for the whole session."""
    server = start_server("app.py")
    try:
        yield server.base
    finally:
        server.stop()
