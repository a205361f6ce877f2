"""The documentation holds: its links open, its files exist, links.md is current.

- Every ``http://localhost:8501/...`` link in README.md and the lecturer's
  guides opens in AppTest with no exception, no logged error and no notice,
  and shows the values it sets (a join link: the join screen, whose link
  carries them).
- docs/lecture.md and docs/lecture.zh.md carry the same links in the same order.
- Every relative link in README.md and docs/*.md names a file that exists.
- docs/links.md is what ``tools/links_doc.py`` writes from the parameter table.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from focal.ui.params import BY_KEY
from focal.ui.strings import strings
from tests.helpers import ROOT, app, logged_errors, notice, widget_values
from tests.ui.hostile import PAGES

LECTURE = ROOT / "docs" / "lecture.md"
LECTURE_ZH = ROOT / "docs" / "lecture.zh.md"
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))

APP_LINK = re.compile(r"http://localhost:8501/[^\s)`<>\]\"'|*]*")
#: A Markdown link or image target: ``[text](target)``.
MARKDOWN_TARGET = re.compile(r"\]\(([^)\s]+)\)")


def app_links(path: Path) -> list[str]:
    """The app's links in ``path``, in order (a trailing full stop is prose)."""
    text = path.read_text(encoding="utf-8")
    return [link.rstrip(".,;:") for link in APP_LINK.findall(text)]


def every_link() -> list[str]:
    found = [link for path in (README, LECTURE, LECTURE_ZH) for link in app_links(path)]
    return list(dict.fromkeys(found))


def script_of(path: str) -> str:
    """The page script a link's path opens (one script, or no page: an error)."""
    (script,) = {page.script for page in PAGES if page.path == path}
    return script


def test_the_documents_have_links() -> None:
    assert app_links(README), "README.md links to no page"
    assert len(app_links(LECTURE)) >= 8, "the lecture opens too few pages"


def test_both_lectures_open_the_same_links_in_the_same_order() -> None:
    assert app_links(LECTURE_ZH) == app_links(LECTURE)


@pytest.mark.parametrize("link", every_link())
def test_a_documented_link_opens_without_a_notice(link: str) -> None:
    parts = urlsplit(link)
    query = {
        key: values[0] if len(values) == 1 else values
        for key, values in parse_qs(parts.query, keep_blank_values=True).items()
    }
    unknown = [key for key in query if key not in BY_KEY]
    assert not unknown, f"{link}: not parameters: {unknown}"
    with logged_errors() as errors:
        at = app(script_of(parts.path or "/"), timeout=60, **query)
    assert not errors, errors
    expected = {key: BY_KEY[key].read(raw) for key, raw in query.items()}
    assert None not in expected.values(), f"{link}: a value the app refuses"
    # a page may warn as part of its content (the author's warning in step 4)
    lang = str(expected.get("lang", "en"))
    notices = {notice(key, lang) for key in BY_KEY}
    assert not notices & {w.value for w in at.warning}
    assert not at.error, [e.value for e in at.error]
    if expected.pop("join", False):
        # the join screen instead of the page: its link carries the state
        text = strings(lang)
        assert [b.label for b in at.button] == [text["join.back"]]
        shown = " ".join(str(element.proto) for element in at.get("html"))
        for key, value in expected.items():
            if key != "present" and value != BY_KEY[key].default:
                assert f"{key}={BY_KEY[key].format(value)}" in shown, key
        return
    shown = widget_values(at)
    assert {key: shown.get(key) for key in expected} == expected


def relative_targets(path: Path) -> list[str]:
    targets = MARKDOWN_TARGET.findall(path.read_text(encoding="utf-8"))
    return [target for target in targets if not re.match(r"[a-z]+:|#", target)]


@pytest.mark.parametrize("path", [README, *DOCS], ids=lambda path: path.name)
def test_relative_links_name_files_that_exist(path: Path) -> None:
    missing = [
        target
        for target in relative_targets(path)
        if not (path.parent / target.split("#")[0]).exists()
    ]
    assert not missing, f"{path.name}: {missing}"


def test_links_md_is_generated_from_the_parameter_table() -> None:
    spec = importlib.util.spec_from_file_location(
        "links_doc", ROOT / "tools" / "links_doc.py"
    )
    assert spec is not None and spec.loader is not None
    links_doc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(links_doc)
    written = (ROOT / "docs" / "links.md").read_text(encoding="utf-8")
    assert written == links_doc.document(), "run `make docs` and commit docs/links.md"


def test_python_md_examples_print_what_they_say() -> None:
    # its >>> examples are run as written: a value or an error message that
    # the core changes fails here
    import doctest

    failed, tried = doctest.testfile(
        str(ROOT / "docs" / "python.md"), module_relative=False, verbose=False
    )
    assert tried >= 10 and failed == 0
