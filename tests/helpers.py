"""What several test modules need, written once."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

# ---------------------------------------------------------------- logged errors


def _is_error(record: logging.LogRecord) -> bool:
    return (
        record.levelno >= logging.ERROR
        or record.exc_info is not None
        or "Traceback" in record.getMessage()
    )


@contextmanager
def logged_errors() -> Iterator[list[str]]:
    """Errors and tracebacks that any logger handles meanwhile.

    Streamlit's module loggers (``streamlit.logger.get_logger``) do not
    propagate, so a handler on the root or the ``streamlit`` logger never sees
    them ("Uncaught app execution" among them). Every logger's records pass
    through ``Logger.callHandlers``; this listens there, whatever the logger,
    its propagation or when it was created.
    """
    found: list[str] = []
    call_handlers = logging.Logger.callHandlers

    def listen(logger: logging.Logger, record: logging.LogRecord) -> None:
        if _is_error(record):
            found.append(f"{record.name}: {record.getMessage()[:300]}")
        call_handlers(logger, record)

    with mock.patch.object(logging.Logger, "callHandlers", listen):
        yield found


# ---------------------------------------------------------------- the document

ROOT = Path(__file__).resolve().parents[1]
#: The project's notes on the source document, beside the checkout (not in CI's
#: clone): section 7 holds the worked table as the document printed it.
SEED_README = ROOT.parent / "shared" / "seed" / "README.md"

#: The document's worked table as printed (seed README, section 7), written by
#: hand: y, p, then p_t, CE, (1 - p_t)^2, FL as printed (γ = 2, no α).
PRINTED_TABLE: list[tuple[int, float, str, str, str, str]] = [
    (1, 0.9, "0.9", "0.11", "0.01", "0.0011"),
    (1, 0.1, "0.1", "2.30", "0.81", "1.863"),
    (0, 0.2, "0.8", "0.22", "0.04", "0.0088"),
    (0, 0.8, "0.2", "1.61", "0.64", "1.0304"),
]

#: The same rows' exact values, written by hand: CE = -ln(p_t) to ten digits
#: and FL as the seed README gives them (0.0010536, 1.8651, 0.0089257, 1.0300).
EXACT_CE = [0.1053605157, 2.302585093, 0.2231435513, 1.609437912]
EXACT_FL = [0.0010536, 1.8651, 0.0089257, 1.0300]


def seed_printed_table() -> list[tuple[int, float, str, str, str, str]] | None:
    """Section 7's table read from :data:`SEED_README`, or None without it."""
    if not SEED_README.is_file():
        return None
    rows = []
    for line in SEED_README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] in ("0", "1"):
            y, _, p, p_t, ce, modulating, fl = cells
            rows.append((int(y), float(p), p_t, ce, modulating, fl))
    return rows


# ---------------------------------------------------------------- Chinese pages

#: A Chinese character (CJK Unified Ideographs and Extension A).
CJK = re.compile(r"[\u3400-\u9fff]")

#: Latin words a Chinese page may show: symbols and their subscripts, units and
#: number types, the names of losses, models, data sets, venues, libraries,
#: file formats, appendices and people, and the terms the field writes in Latin
#: letters (logit, sigmoid, objectness).
LATIN_ALLOWED = frozenset(
    {
        *("a", "b", "m", "p", "q", "s", "t", "x", "y", "p_t", "p_m", "x_t", "v3"),
        *("dx", "dL", "dCE", "dFL", "dFL*", "log", "max", "logit", "nats", "NaN"),
        *("float32", "float64", "NumPy", "Adam", "ReLU", "mAP", "AP", "AP50"),
        *("AP75", "IoU", "NMS", "BCE", "CE", "FL", "FL*", "QFL", "VFL", "ASL"),
        *("Poly-1", "PolyLoss", "VarifocalNet", "Focal", "Loss", "RetinaNet"),
        *("YOLO", "YOLOv3", "ResNet-50", "ResNet-50-FPN", "COCO", "minival"),
        *("objectness", "ICCV", "ICLR", "CVPR", "NeurIPS", "Lin", "Li", "Leng"),
        *("Zhang", "Ridnik", "Redmon", "Farhadi", "Language", "English", "en"),
        *("zh", "sigmoid", "CSV", "Markdown", "LaTeX", "A", "B", "d", "e"),
    }
)

#: Titles of cited works, in their own language.
CITED_TITLES = (
    "YOLOv3: An Incremental Improvement",
    "Things We Tried That Didn't Work",
    "Generalized Focal Loss",
)

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_*'-]*")
#: What is not prose: formulas ($...$, \(...\)), code, link targets, the name
#: of a Streamlit colour directive (its text in brackets stays), format fields
#: and query keys.
_NOT_PROSE = re.compile(
    r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)|`[^`]*`|\]\([^)]*\)|https?://\S+"
    r"|:[a-z]+(?:-[a-z]+)*\[|\{[A-Za-z_]*(?::[^}]*)?\}|\?[a-z_]+=",
    re.S,
)


def latin_words(text: str) -> list[str]:
    """The words of ``text`` in Latin letters that no Chinese page should show.

    Formulas, code, links and cited titles are left out; symbols, units and
    names (:data:`LATIN_ALLOWED`) are allowed.
    """
    for title in CITED_TITLES:
        text = text.replace(title, "")
    text = _NOT_PROSE.sub(" ", text)
    return [word for word in _LATIN_WORD.findall(text) if word not in LATIN_ALLOWED]


def assert_chinese(texts: Iterable[str]) -> None:
    """Everything in ``texts`` reads as Chinese: no English word in it."""
    english = {text: words for text in texts if (words := latin_words(text))}
    assert not english, f"English on a Chinese page: {english}"


def assert_prose_in_both(english: str, chinese: str) -> None:
    """A sentence and its translation: Chinese characters in one, none in the
    other, and no English word left in the Chinese."""
    assert CJK.search(chinese), chinese
    assert not CJK.search(english), english
    assert_chinese([chinese])
