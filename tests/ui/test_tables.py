"""The document's table as the page shows it: errata highlighted, like with like."""

from __future__ import annotations

import focal
from focal.ui.strings import EN
from focal.ui.tables import markdown_table

HIGHLIGHT = ":orange-background["


def table(gamma: float, alpha: float | None = None) -> str:
    rows = focal.document_table(gamma, alpha)
    return markdown_table(rows, focal.table_row(0.3, 1, gamma, alpha), EN)


def test_at_the_documents_gamma_the_fl_errata_are_highlighted() -> None:
    text = table(2.0)
    assert text.count(HIGHLIGHT) == 3
    for printed in ("1.863", "0.0088", "1.0304"):
        assert f"{HIGHLIGHT}**{printed}**]" in text
    assert f"{HIGHLIGHT}**0.0011**]" not in text  # 0.0010536 rounds to 0.0011


def test_at_another_gamma_nothing_is_called_an_erratum() -> None:
    # the printed (1 - p_t)^γ and FL are for γ = 2; p_t and CE still agree
    assert HIGHLIGHT not in table(3.0)
    assert HIGHLIGHT not in table(0.0, 0.25)


def test_current_row_and_alpha_columns() -> None:
    lines = table(2.0, 0.25).splitlines()
    assert len(lines) == 2 + 5  # header, rule, four rows, the current one
    assert lines[-1].startswith(f"| **{EN['table.current']}** |")
    assert r"$\alpha_t$" in lines[0]
    assert focal.table_row(0.3, 1, 2.0, 0.25).alpha_t == 0.25
