"""The document's table as a Markdown table for the page, errata highlighted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from focal.document import DOCUMENT_GAMMA, PRINTED_COLUMNS, TableRow
from focal.formats import LATEX_HEADERS
from focal.ui.display import number


def markdown_table(
    rows: Sequence[TableRow], current: TableRow, text: Mapping[str, str]
) -> str:
    """The document's rows, then the current example, as a Markdown table.

    Each printed column of the document is followed by the value the document
    printed; a printed value that differs from the exact one at its precision is
    highlighted (at a γ other than the document's, only in the columns that do
    not depend on γ).

    Parameters
    ----------
    rows : sequence of TableRow
        The document's rows, from :func:`focal.document_table`.
    current : TableRow
        The current (p, y) as a fifth row (it has no printed values).
    text : mapping of str to str
        The string table (for "printed", "current" and "row").

    Returns
    -------
    str
        GitHub-flavoured Markdown with Streamlit's ``:orange-background[...]``.
    """
    balanced = current.alpha_t is not None
    columns: list[tuple[str, str]] = [("row", text["table.row"])]
    columns += [(key, LATEX_HEADERS[key]) for key in ("y", "gamma", "p")]
    for key in PRINTED_COLUMNS:
        columns.append((key, LATEX_HEADERS[key]))
        columns.append((f"printed:{key}", f"*{text['table.printed']}*"))
    if balanced:
        columns += [(key, LATEX_HEADERS[key]) for key in ("alpha_t", "fl_alpha")]
    lines = [
        "| " + " | ".join(title for _, title in columns) + " |",
        "|" + "|".join(":---:" if key == "row" else "---:" for key, _ in columns) + "|",
    ]
    for index, row in enumerate([*rows, current], start=1):
        name = str(index) if row is not current else f"**{text['table.current']}**"
        lines.append(
            "| " + " | ".join(_cell(row, key, name) for key, _ in columns) + " |"
        )
    return "\n".join(lines)


def _cell(row: TableRow, key: str, name: str) -> str:
    if key == "row":
        return name
    if key.startswith("printed:"):
        column = key.partition(":")[2]
        printed = row.printed.get(column)
        if printed is None:
            return ""
        # at another γ the document's (1 - p_t)^γ and FL are for γ = 2: not errata
        comparable = row.gamma == DOCUMENT_GAMMA or column in ("p_t", "ce")
        if row.differs[column] and comparable:
            return f":orange-background[**{printed}**]"
        return printed
    if key == "y":
        return str(row.y)
    return number(getattr(row, key))
