"""Hostile links, shared by the AppTest and the browser fuzzing of URLs.

The pages come from ``app.py``'s navigation and the parameters from
:data:`focal.ui.params.PARAMS`, so a page or a parameter added there is fuzzed
without touching the tests. The model of what a link does is
:meth:`focal.ui.params.Param.read`, which states Streamlit's own reading of a
bound query value: the widget takes the value it reads, or its default with a
notice that names the key (and never repeats the value).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import streamlit as st

from focal.ui.entry import navigation
from focal.ui.params import BY_KEY, PARAMS, Value
from focal.ui.strings import EN

ROOT = Path(__file__).resolve().parents[2]

#: In every payload: found anywhere in the page, the payload was echoed.
MARK = "fzq7mark"

#: Markup that would create an element, run a script or style text if a page
#: put it in the DOM unescaped; each carries MARK as an id or attribute.
HTML_PAYLOADS = (
    f"<script id={MARK}>window.{MARK}=1</script>",
    f"<img id={MARK} src=x onerror=window.{MARK}=1>",
    f"<b id={MARK}>{MARK}</b>",
    f'"><svg id={MARK} onload=window.{MARK}=1>',
    f"'><iframe id={MARK} srcdoc=x></iframe>",
    f"javascript:window.{MARK}=1//{MARK}",
    f"**{MARK}** [{MARK}](javascript:alert(1)) $\\{MARK}$ :red[{MARK}]",
    f"{{{MARK}}} %s {{0}} {{name}}",
)

#: Query keys Streamlit itself reads (embedding); not fuzzed as "unknown".
STREAMLIT_KEYS = frozenset({"embed", "embed_options"})


@dataclass(frozen=True)
class Page:
    """A page of the navigation: its script (for AppTest) and URL path."""

    script: str
    url_path: str
    default: bool

    @property
    def path(self) -> str:
        """The path a browser opens it at."""
        return "/" if self.default else f"/{self.url_path}"


def app_pages() -> list[Page]:
    """Every ``st.Page`` the app's navigation (``focal.ui.entry.navigation``)
    makes, in navigation order, read as it calls ``st.Page``."""

    def page(script: Path, *, url_path: str = "", default: bool = False, **_: Any):
        return Page(Path(script).relative_to(ROOT).as_posix(), url_path, default)

    with mock.patch.object(st, "Page", page):
        return navigation(EN)


PAGES = app_pages()
#: One entry per script (the Explorer is served at two URL paths).
SCRIPTS = sorted({page.script for page in PAGES})


def link_outcome(
    query: dict[str, str | list[str]],
) -> tuple[dict[str, Value], set[str]]:
    """The value each parameter of ``query`` gets, and the keys with a notice."""
    read = {key: BY_KEY[key].read(raw) for key, raw in query.items() if key in BY_KEY}
    values = {key: BY_KEY[key].default if v is None else v for key, v in read.items()}
    return values, {key for key, value in read.items() if value is None}


def valid_text(key: str) -> list[str]:
    """A few values the parameter accepts, as they appear in a link."""
    param = BY_KEY[key]
    if param.kind == "toggle":
        return ["true", "FALSE"]
    if param.kind == "choice":
        return list(param.options)
    middle = (param.low + param.high) / 2
    return [param.format(param.low), param.format(middle), param.format(param.high)]


__all__ = ["HTML_PAYLOADS", "MARK", "PAGES", "PARAMS", "SCRIPTS", "link_outcome"]
