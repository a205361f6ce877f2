"""The document's table as text, Markdown, CSV, JSON or LaTeX.

Shared by the command line (``python -m focal table``) and the app's downloads.
Every number comes from :class:`focal.TableRow`; this module only lays it out.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from focal.document import DOCUMENT_GAMMA, TableRow

Value = float | int | None

TABLE_FORMATS = ("text", "markdown", "csv", "json", "latex")

#: The formats the app offers as downloads: (format, MIME type, file suffix).
DOWNLOADS: tuple[tuple[str, str, str], ...] = (
    ("csv", "text/csv", "csv"),
    ("markdown", "text/markdown", "md"),
    ("latex", "application/x-latex", "tex"),
)

#: Significant digits in the table's text, Markdown and LaTeX forms.
TABLE_DIGITS = 7


def format_table(rows: Sequence[TableRow], fmt: str, printed: bool = False) -> str:
    """Lay out table rows in one of :data:`TABLE_FORMATS`.

    Parameters
    ----------
    rows : sequence of TableRow
        Rows from :func:`focal.document_table`, optionally followed by more rows
        from :func:`focal.table_row` (which have no printed values).
    fmt : {"text", "markdown", "csv", "json", "latex"}
        The format.
    printed : bool, default False
        Add the document's printed values beside the exact ones and mark the
        cells that differ at the printed precision, with a footnote saying why.

    Returns
    -------
    str
        The table, ending in a newline.
    """
    if fmt not in _TABLE_RENDERERS:
        raise ValueError(f"fmt must be one of {', '.join(TABLE_FORMATS)}")
    return _TABLE_RENDERERS[fmt](list(rows), printed)


#: The exact columns: key, text header, LaTeX header.
_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("y", "y", "$y$"),
    ("gamma", "γ", r"$\gamma$"),
    ("p", "p", "$p$"),
    ("p_t", "p_t", "$p_t$"),
    ("ce", "CE", r"$\mathrm{CE}$"),
    ("modulating", "(1-p_t)^γ", r"$(1-p_t)^\gamma$"),
    ("fl", "FL", r"$\mathrm{FL}$"),
)
_ALPHA_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("alpha", "α", r"$\alpha$"),
    ("alpha_t", "α_t", r"$\alpha_t$"),
    ("fl_alpha", "α_t·FL", r"$\alpha_t\,\mathrm{FL}$"),
)

#: Each column's header as TeX math, the same in every language (also used by
#: the app's table).
LATEX_HEADERS: dict[str, str] = {
    key: latex for key, _, latex in (*_COLUMNS, *_ALPHA_COLUMNS)
}


def _columns(rows: list[TableRow], printed: bool) -> list[tuple[str, str, str]]:
    """Column keys and headers; a printed column is ``printed:<key>``."""
    columns: list[tuple[str, str, str]] = []
    for key, text, latex in _COLUMNS:
        columns.append((key, text, latex))
        if printed and key in rows[0].printed:
            columns.append((f"printed:{key}", f"{text} printed", f"{latex} printed"))
    if rows[0].alpha is not None:
        columns.extend(_ALPHA_COLUMNS)
    return columns


def _cell(
    row: TableRow, key: str, number: Callable[[Any], str], mark: Callable[[str], str]
) -> str:
    name, _, printed_key = key.partition(":")
    if name != "printed":
        return number(getattr(row, key))
    value = row.printed.get(printed_key)
    if value is None:  # a row the document does not have
        return ""
    return mark(value) if row.differs[printed_key] else value


def _footnote(
    rows: list[TableRow], times: str = "×", gamma: str = "γ"
) -> tuple[str, str] | None:
    """Why the marked cells differ, as (reason, worked example), or None.

    At the document's γ the differing FL cells come from its rounding CE to two
    decimals before multiplying; at any other γ the printed cells are simply for
    another γ.
    """
    if not any(any(row.differs.values()) for row in rows):
        return None
    if rows[0].gamma != DOCUMENT_GAMMA:
        doc_gamma = text_number(DOCUMENT_GAMMA, TABLE_DIGITS)
        return (
            f"differs at the printed precision; the printed values are the "
            f"document's for {gamma} = {doc_gamma}, this table is for "
            f"{gamma} = {text_number(rows[0].gamma, TABLE_DIGITS)}",
            "",
        )
    row = next(row for row in rows if row.differs.get("fl"))
    shown = row.printed
    return (
        "differs at the printed precision: the document computed FL from CE "
        "already rounded to two decimals",
        f"{shown['ce']} {times} {shown['modulating']} = {shown['fl']}, "
        f"exact {row.fl:.5g}",
    )


def _text_table(rows: list[TableRow], printed: bool) -> str:
    columns = _columns(rows, printed)
    grid = [[text for _, text, _ in columns]]
    for row in rows:
        grid.append(
            [
                _cell(row, key, _table_number, lambda value: f"{value}*")
                for key, _, _ in columns
            ]
        )
    widths = [max(len(line[i]) for line in grid) for i in range(len(columns))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True))
        for line in grid
    ]
    lines = [line.rstrip() for line in lines]
    note = _footnote(rows) if printed else None
    if note is not None:
        reason, example = note
        lines += ["", f"* {reason}" + (f" ({example})." if example else ".")]
    return "\n".join(lines) + "\n"


def _markdown_table(rows: list[TableRow], printed: bool) -> str:
    columns = _columns(rows, printed)
    lines = [
        "| " + " | ".join(text for _, text, _ in columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    for row in rows:
        cells = [
            _cell(row, key, _table_number, lambda value: f"**{value}**")
            for key, _, _ in columns
        ]
        lines.append("| " + " | ".join(cells) + " |")
    note = _footnote(rows) if printed else None
    if note is not None:
        reason, example = note
        lines += ["", f"Bold: {reason}" + (f" ({example})." if example else ".")]
    return "\n".join(lines) + "\n"


def _csv_table(rows: list[TableRow], printed: bool) -> str:
    records = [_record(row, printed) for row in rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


def _record(row: TableRow, printed: bool) -> dict[str, Any]:
    """One row as a flat CSV record: exact values, then printed values and flags.

    Floats are written by ``repr``, which round-trips; flags as true/false.
    """
    record = _row_object(row, printed=False)
    if printed:
        record.update({f"printed_{k}": v for k, v in row.printed.items()})
        record.update({f"differs_{k}": str(v).lower() for k, v in row.differs.items()})
    return {k: repr(v) if isinstance(v, float) else v for k, v in record.items()}


def _row_object(row: TableRow, printed: bool) -> dict[str, Any]:
    """One row as the JSON object: α keys only with α, printed keys only on request."""
    record = asdict(row)
    if row.alpha is None:
        for key in ("alpha", "alpha_t", "fl_alpha"):
            del record[key]
    if not printed:
        del record["printed"], record["differs"]
    return record


def _json_table(rows: list[TableRow], printed: bool) -> str:
    return to_json([_row_object(row, printed) for row in rows])


def _latex_table(rows: list[TableRow], printed: bool) -> str:
    columns = _columns(rows, printed)
    lines = [
        r"\begin{tabular}{" + "r" * len(columns) + "}",
        r"\toprule",
        " & ".join(latex for _, _, latex in columns) + r" \\",
        r"\midrule",
    ]
    for row in rows:
        cells = [
            _cell(
                row,
                key,
                _latex_number,
                lambda value: rf"\textbf{{{_latex_escape(value)}}}$^{{*}}$",
            )
            for key, _, _ in columns
        ]
        lines.append(" & ".join(cells) + r" \\")
    lines.append(r"\bottomrule")
    note = _footnote(rows, times=r"$\times$", gamma=r"$\gamma$") if printed else None
    if note is not None:
        reason, example = note
        text = f"$^{{*}}$ {reason}" + (f" ({example})." if example else ".")
        lines.append(rf"\multicolumn{{{len(columns)}}}{{l}}{{\footnotesize {text}}} \\")
    lines.append(r"\end{tabular}")
    return "\n".join(lines) + "\n"


_TABLE_RENDERERS: dict[str, Callable[[list[TableRow], bool], str]] = {
    "text": _text_table,
    "markdown": _markdown_table,
    "csv": _csv_table,
    "json": _json_table,
    "latex": _latex_table,
}


# ---------------------------------------------------------------- numbers


def text_number(value: Value, digits: int) -> str:
    """A number with ``digits`` significant digits; None reads "none"."""
    if value is None:
        return "none"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}g}"


def _table_number(value: Value) -> str:
    return text_number(value, TABLE_DIGITS)


def _latex_number(value: Value) -> str:
    text = _table_number(value)
    if text in ("inf", "-inf", "nan"):
        return {"inf": r"$\infty$", "-inf": r"$-\infty$", "nan": "NaN"}[text]
    mantissa, _, exponent = text.partition("e")
    if exponent:
        return rf"${mantissa}\times 10^{{{int(exponent)}}}$"
    return f"${text}$" if text.startswith("-") else text


_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _latex_escape(text: str) -> str:
    return "".join(_LATEX_SPECIALS.get(char, char) for char in text)


def _finite_or_null(value: Any) -> Any:
    """Replace non-finite floats by None, recursively, so the JSON is strict."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite_or_null(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite_or_null(item) for item in value]
    return value


def to_json(value: Any) -> str:
    """Strict JSON (non-finite numbers as null), indented, ending in a newline."""
    return json.dumps(_finite_or_null(value), indent=2, allow_nan=False) + "\n"
