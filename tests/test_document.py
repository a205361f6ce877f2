"""The source document's worked table: exact values, printed values, errata."""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal

import pytest

import focal
from focal import DOCUMENT_EXAMPLES, DOCUMENT_GAMMA, TableRow
from focal.document import (
    DOCUMENT_PRINTED,
    PRINTED_COLUMNS,
    differs_at_printed_precision,
)
from tests.helpers import EXACT_FL, PRINTED_TABLE, SEED_README, seed_printed_table

# The table as printed in the document (seed/README.md, section 7), by hand.
PRINTED = PRINTED_TABLE


def test_the_hand_copy_is_the_seed_s_table() -> None:
    seed = seed_printed_table()
    if seed is None:
        pytest.skip(f"{SEED_README} is not beside this checkout")
    assert seed == PRINTED


def test_examples_and_gamma_are_the_documents() -> None:
    assert [(y, p) for y, p, *_ in PRINTED] == list(DOCUMENT_EXAMPLES)
    assert DOCUMENT_GAMMA == 2.0
    assert PRINTED_COLUMNS == ("p_t", "ce", "modulating", "fl")
    assert [
        (row["p_t"], row["ce"], row["modulating"], row["fl"])
        for row in DOCUMENT_PRINTED
    ] == [tuple(printed[2:]) for printed in PRINTED]


def test_printed_fl_is_rounded_ce_times_factor() -> None:
    # The erratum's cause: FL was computed from CE after rounding it to 2 decimals.
    for _, _, _, ce, modulating, fl in PRINTED:
        assert Decimal(ce) * Decimal(modulating) == Decimal(fl)


def test_exact_values() -> None:
    rows = focal.document_table()
    assert len(rows) == 4
    for row, exact_fl, (y, p, *_) in zip(rows, EXACT_FL, PRINTED, strict=True):
        assert isinstance(row, TableRow)
        assert (row.y, row.p, row.gamma) == (y, p, 2.0)
        assert row.fl == pytest.approx(exact_fl, rel=5e-5)
        p_t = p if y == 1 else 1.0 - p
        assert row.p_t == pytest.approx(p_t, rel=1e-15)
        assert row.ce == pytest.approx(-math.log(p_t), rel=1e-14)
        assert row.modulating == pytest.approx((1.0 - p_t) ** 2, rel=1e-14)
        assert row.fl == pytest.approx(row.modulating * row.ce, rel=1e-15)
        assert row.fl == pytest.approx(focal.focal_loss(p, y, 2.0), rel=1e-15)


def test_exact_values_to_more_digits() -> None:
    rows = focal.document_table()
    assert rows[0].fl == pytest.approx(0.01 * -math.log(0.9), rel=1e-13)
    assert rows[1].fl == pytest.approx(0.81 * math.log(10.0), rel=1e-13)
    assert rows[2].fl == pytest.approx(0.04 * -math.log(0.8), rel=1e-13)
    assert rows[3].fl == pytest.approx(0.64 * -math.log(0.2), rel=1e-13)


def test_fl_differs_in_rows_2_to_4_only() -> None:
    rows = focal.document_table()
    assert [row.differs["fl"] for row in rows] == [False, True, True, True]


def test_other_printed_cells_are_right_at_gamma_2() -> None:
    for row in focal.document_table():
        assert row.differs["p_t"] is False
        assert row.differs["ce"] is False
        assert row.differs["modulating"] is False


def test_printed_values_are_carried_and_every_column_is_flagged() -> None:
    for row, printed in zip(focal.document_table(), PRINTED, strict=True):
        assert row.printed == dict(zip(PRINTED_COLUMNS, printed[2:], strict=True))
        assert set(row.differs) == set(PRINTED_COLUMNS)
        assert all(isinstance(flag, bool) for flag in row.differs.values())


def test_without_alpha_the_weighted_cells_are_none() -> None:
    for row in focal.document_table():
        assert (row.alpha, row.alpha_t, row.fl_alpha) == (None, None, None)


def test_with_alpha_the_weighted_cells_are_present() -> None:
    rows = focal.document_table(alpha=0.25)
    assert [row.alpha for row in rows] == [0.25] * 4
    assert [row.alpha_t for row in rows] == [0.25, 0.25, 0.75, 0.75]
    for row in rows:
        assert row.fl_alpha == pytest.approx(row.alpha_t * row.fl, rel=1e-15)
        assert row.fl_alpha == pytest.approx(
            focal.focal_loss(row.p, row.y, 2.0, 0.25), rel=1e-15
        )
    # alpha changes neither the unweighted cells nor the errata
    plain = focal.document_table()
    assert [(r.fl, r.differs) for r in rows] == [(r.fl, r.differs) for r in plain]


def test_with_gamma_3_the_modulating_cells_differ() -> None:
    rows = focal.document_table(gamma=3.0)
    assert [row.gamma for row in rows] == [3.0] * 4
    assert [row.differs["modulating"] for row in rows] == [True] * 4
    assert [row.differs["fl"] for row in rows] == [True] * 4
    assert [row.differs["p_t"] for row in rows] == [False] * 4
    assert [row.differs["ce"] for row in rows] == [False] * 4
    assert rows[1].modulating == pytest.approx(0.729, rel=1e-14)


def test_gamma_0_gives_cross_entropy() -> None:
    for row in focal.document_table(gamma=0.0):
        assert row.modulating == 1.0
        assert row.fl == row.ce


@pytest.mark.parametrize(
    ("exact", "printed", "differs"),
    [
        (1.86509, "1.863", True),
        (0.0010536, "0.0011", False),
        (0.1053605, "0.11", False),
        (0.0089257, "0.0088", True),
        (1.0300403, "1.0304", True),
        (1.0300403, "1.0300", False),
        (0.9, "0.9", False),
        (2.0, "2", False),
        (2.4, "2", False),
        (2.6, "2", True),
    ],
)
def test_differs_at_printed_precision(
    exact: float, printed: str, differs: bool
) -> None:
    assert differs_at_printed_precision(exact, printed) is differs


def test_table_row_for_any_example() -> None:
    row = focal.table_row(0.7, 1)
    assert row.printed == {}
    assert row.differs == {}
    assert row.fl == pytest.approx(focal.focal_loss(0.7, 1, 2.0), rel=1e-15)
    row = focal.table_row(0.7, True, gamma=0.5, alpha=0.25)
    assert (row.y, row.gamma, row.alpha_t) == (1, 0.5, 0.25)
    assert row.fl_alpha == pytest.approx(focal.focal_loss(0.7, 1, 0.5, 0.25), rel=1e-15)
    row = focal.table_row(0.7, 0, printed={"ce": "1.20"})
    assert row.differs == {"ce": False}


def test_table_row_limits() -> None:
    row = focal.table_row(0.0, 1, alpha=0.0)
    assert (row.ce, row.fl, row.fl_alpha) == (math.inf, math.inf, 0.0)
    row = focal.table_row(1.0, 1, gamma=0.0)
    assert (row.ce, row.modulating, row.fl) == (0.0, 1.0, 0.0)


def test_table_row_is_frozen() -> None:
    row = focal.document_table()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.fl = 0.0  # type: ignore[misc]


def test_table_row_takes_single_numbers_only() -> None:
    with pytest.raises(ValueError, match=r"^p must be a single number for a table row"):
        focal.table_row([0.1, 0.2], 1)
    with pytest.raises(ValueError, match=r"^gamma must be a single number"):
        focal.table_row(0.1, 1, gamma=[1.0, 2.0])
    with pytest.raises(ValueError, match=r"^alpha must be a single number"):
        focal.table_row(0.1, 1, alpha=[0.25, 0.5])


def test_document_table_rejects_bad_parameters() -> None:
    with pytest.raises(ValueError, match=r"^gamma must be finite and >= 0$"):
        focal.document_table(gamma=-1.0)
    with pytest.raises(ValueError, match=r"^alpha must be in \[0, 1\]$"):
        focal.document_table(alpha=1.5)
