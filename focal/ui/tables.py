"""The document's table as a Markdown table for the page, errata highlighted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from focal.document import DOCUMENT_GAMMA, PRINTED_COLUMNS, TableRow
from focal.formats import LATEX_HEADERS
from focal.ui.display import number

#: Examples per table when transposed for a phone (a label and three numbers
#: of up to ten characters fit 330 px).
PHONE_EXAMPLES = 3


def markdown_table(
    rows: Sequence[TableRow],
    current: TableRow,
    text: Mapping[str, str],
    transpose: bool = False,
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
    transpose : bool, default False
        One column per example and one row per quantity, at most
        :data:`PHONE_EXAMPLES` examples per table (the tables follow each
        other): narrow enough for a phone's screen, instead of a dozen columns.

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
    grid = [[title for _, title in columns]]
    for index, row in enumerate([*rows, current], start=1):
        name = str(index) if row is not current else f"**{text['table.current']}**"
        grid.append([_cell(row, key, name) for key, _ in columns])
    if not transpose:
        align = [":---:" if key == "row" else "---:" for key, _ in columns]
        return _markdown(grid, align)
    grid = [list(line) for line in zip(*grid, strict=True)]
    tables = []
    for first in range(1, len(grid[0]), PHONE_EXAMPLES):
        part = [[line[0], *line[first : first + PHONE_EXAMPLES]] for line in grid]
        tables.append(_markdown(part, [":---"] + ["---:"] * (len(part[0]) - 1)))
    return "\n\n".join(tables)


def table_note(gamma: float, text: Mapping[str, str]) -> str:
    """What to say under the document's table at ``gamma``.

    At the document's γ, why its highlighted values differ from the exact ones;
    at another γ, that its (1 - p_t)^γ and FL columns are for γ = 2.

    Parameters
    ----------
    gamma : float
        The current γ.
    text : mapping of str to str
        The string table.

    Returns
    -------
    str
        ``table.errata`` or ``table.other_gamma``.
    """
    if gamma == DOCUMENT_GAMMA:
        return text["table.errata"]
    return text["table.other_gamma"].format(gamma=f"{gamma:g}")


def _markdown(grid: list[list[str]], align: list[str]) -> str:
    """A Markdown table: the first line of ``grid`` is its header."""
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(line) + " |" for line in grid[1:]]
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
