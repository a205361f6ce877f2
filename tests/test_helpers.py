"""The shared test helpers' own rules (tests/helpers.py)."""

from __future__ import annotations

import pytest

from tests.helpers import in_ci, missing


@pytest.mark.parametrize(
    ("value", "ci"),
    [
        ("true", True),
        ("True", True),
        ("1", True),
        ("yes", True),
        ("false", False),  # counted as CI before: any non-empty value was
        ("0", False),
        ("", False),
        (None, False),
    ],
)
def test_what_counts_as_ci(monkeypatch, value: str | None, ci: bool) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert in_ci() is ci


def test_a_missing_tool_fails_in_ci_and_skips_elsewhere(monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no such tool"):
        missing("no such tool")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="no such tool"):
        missing("no such tool")
