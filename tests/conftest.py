"""Fixtures shared by the test folders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import serve_app


@pytest.fixture(scope="session")
def app_base() -> Iterator[str]:
    """Base URL of ``streamlit run app.py``, running for the whole session."""
    yield from serve_app()
