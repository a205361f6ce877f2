"""Table formats: every format lays out the document's rows and an extra row."""

from __future__ import annotations

import csv
import io
import json

import pytest

import focal
from focal.document import PRINTED_COLUMNS
from focal.formats import DOWNLOADS, TABLE_FORMATS, format_table, to_json

#: The printed column names as the formats title them.
PRINTED_TITLES = ("p_t printed", "CE printed", "(1-p_t)^γ printed", "FL printed")


def five_rows(gamma: float = 2.0, alpha: float | None = None) -> list[focal.TableRow]:
    """The document's four rows, then a fifth one it does not have."""
    return [
        *focal.document_table(gamma, alpha),
        focal.table_row(0.3, 1, gamma, alpha),
    ]


def test_extra_row_has_no_printed_values() -> None:
    fifth = five_rows()[-1]
    assert fifth.printed == {}
    assert fifth.differs == {}


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
@pytest.mark.parametrize("printed", [False, True])
def test_every_format_ends_in_newline(fmt: str, printed: bool) -> None:
    text = format_table(five_rows(), fmt, printed=printed)
    assert text.endswith("\n")
    assert "1.863" in text if printed else "1.863" not in text


@pytest.mark.parametrize("fmt", ["x", "", "TEXT", "md", "html"])
def test_unknown_format_raises(fmt: str) -> None:
    with pytest.raises(ValueError, match="fmt must be one of"):
        format_table(five_rows(), fmt)


def test_downloads_are_table_formats() -> None:
    assert {fmt for fmt, _, _ in DOWNLOADS} <= set(TABLE_FORMATS)


def test_text_fifth_row_leaves_printed_cells_empty() -> None:
    text = format_table(five_rows(), "text", printed=True)
    lines = text.splitlines()
    header = lines[0]
    for title in PRINTED_TITLES:
        assert title in header
    # the header and four document rows have 11 cells; the fifth only the 7 exact
    assert len(lines[1].split()) == 11
    fifth = lines[5].split()
    assert fifth == ["1", "2", "0.3", "0.3", "1.203973", "0.49", "0.5899467"]
    # the differing printed FL cells are starred, with the footnote's reason
    assert "1.863*" in lines[2]
    assert "0.0011*" not in lines[1]
    assert "rounded to two decimals" in text
    assert "2.30 × 0.81 = 1.863" in text


def split_markdown(line: str) -> list[str]:
    assert line.startswith("| ")
    assert line.endswith(" |")
    return [cell.strip() for cell in line[2:-2].split(" | ")]


def test_markdown_fifth_row_leaves_printed_cells_empty() -> None:
    text = format_table(five_rows(), "markdown", printed=True)
    lines = text.splitlines()
    header = split_markdown(lines[0])
    assert lines[1] == "|" + "|".join(["---"] * len(header)) + "|"
    body = [split_markdown(line) for line in lines[2:7]]
    assert all(len(cells) == len(header) for cells in body)
    printed_at = [header.index(title) for title in PRINTED_TITLES]
    fifth = body[4]
    assert [fifth[i] for i in printed_at] == ["", "", "", ""]
    assert [body[1][i] for i in printed_at] == ["0.1", "2.30", "0.81", "**1.863**"]
    assert fifth[header.index("FL")] == "0.5899467"
    assert "Bold: differs at the printed precision" in text


def test_csv_fifth_row_leaves_printed_cells_empty() -> None:
    text = format_table(five_rows(), "csv", printed=True)
    records = list(csv.DictReader(io.StringIO(text)))
    assert len(records) == 5
    for key in PRINTED_COLUMNS:
        assert records[1][f"printed_{key}"] == focal.document_table()[1].printed[key]
        assert records[4][f"printed_{key}"] == ""
        assert records[4][f"differs_{key}"] == ""
    assert records[1]["differs_fl"] == "true"
    assert records[0]["differs_fl"] == "false"
    # exact values round-trip through repr
    assert float(records[4]["fl"]) == focal.table_row(0.3, 1).fl
    assert float(records[1]["ce"]) == focal.cross_entropy(0.1, 1)


def test_csv_without_printed_has_no_printed_columns() -> None:
    text = format_table(five_rows(), "csv")
    header = text.splitlines()[0].split(",")
    assert header == ["y", "gamma", "p", "p_t", "ce", "modulating", "fl"]


def test_json_fifth_row_has_empty_printed() -> None:
    text = format_table(five_rows(), "json", printed=True)
    data = json.loads(text)
    assert len(data) == 5
    assert data[4]["printed"] == {}
    assert data[4]["differs"] == {}
    assert data[1]["printed"]["fl"] == "1.863"
    assert data[1]["differs"]["fl"] is True
    assert data[4]["fl"] == focal.table_row(0.3, 1).fl
    assert "alpha" not in data[0]


def test_json_without_printed_omits_printed_keys() -> None:
    data = json.loads(format_table(five_rows(), "json"))
    assert all("printed" not in row and "differs" not in row for row in data)


def test_latex_fifth_row_leaves_printed_cells_empty() -> None:
    text = format_table(five_rows(), "latex", printed=True)
    lines = text.splitlines()
    assert lines[0] == r"\begin{tabular}{" + "r" * 11 + "}"
    assert lines[-1] == r"\end{tabular}"
    header = [cell.strip() for cell in lines[2].removesuffix(r" \\").split(" & ")]
    printed_at = [i for i, title in enumerate(header) if title.endswith("printed")]
    assert len(printed_at) == 4
    body = [
        [cell.strip() for cell in line.removesuffix(r" \\").split(" & ")]
        for line in lines[4:9]
    ]
    assert all(len(cells) == len(header) for cells in body)
    assert [body[4][i] for i in printed_at] == ["", "", "", ""]
    assert body[1][printed_at[-1]] == r"\textbf{1.863}$^{*}$"
    assert r"2.30 $\times$ 0.81 = 1.863" in text


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_alpha_columns_with_alpha(fmt: str) -> None:
    text = format_table(five_rows(2.0, 0.25), fmt, printed=True)
    assert "0.25" in text
    plain = format_table(five_rows(2.0), fmt, printed=True)
    assert ("α_t" in text or "alpha_t" in text) and "alpha_t" not in plain
    assert "α_t" not in plain


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex"])
def test_other_gamma_footnote_names_both_gammas(fmt: str) -> None:
    text = format_table(five_rows(3.0), fmt, printed=True)
    assert "this table is for" in text
    assert "= 3" in text
    assert "= 2" in text


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_infinite_row(fmt: str) -> None:
    table = [*focal.document_table(), focal.table_row(0.0, 1)]
    text = format_table(table, fmt, printed=True)
    if fmt == "json":
        assert "Infinity" not in text
        assert json.loads(text)[4]["ce"] is None
    elif fmt == "latex":
        assert r"$\infty$" in text
    else:
        assert "inf" in text


def test_to_json_is_strict() -> None:
    text = to_json({"a": [float("inf"), float("nan"), 1.5], "b": {"c": -float("inf")}})
    assert json.loads(text) == {"a": [None, None, 1.5], "b": {"c": None}}
    assert text.endswith("\n")
