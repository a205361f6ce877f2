"""The focal-loss formula with the current values substituted."""

from __future__ import annotations

import itertools
import re

import pytest

import focal
from focal.figures import COLORS
from focal.ui.display import number
from focal.ui.latex import focal_formula


def tex(value: float) -> str:
    """How a value should appear in the formula: its display form, as TeX."""
    text = number(value).replace("−", "-").replace("∞", r"\infty")
    mantissa, _, exponent = text.partition(" × 10^")
    return rf"{mantissa} \times 10^{{{exponent}}}" if exponent else text


def balanced(text: str) -> bool:
    steps = [{"{": 1, "}": -1}.get(char, 0) for char in re.sub(r"\\[{}]", "", text)]
    depths = list(itertools.accumulate(steps, initial=0))
    return min(depths) == 0 == depths[-1]


def lines(formula: str) -> list[str]:
    body = formula.removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}")
    return body.split(r" \\ ")


@pytest.mark.parametrize(
    ("p", "y", "gamma"),
    [(0.9, 1, 2.0), (0.1, 1, 2.0), (0.2, 0, 2.0), (0.8, 0, 3.0), (0.5, 1, 0.0)],
)
def test_formula_substitutes_the_row(p: float, y: int, gamma: float) -> None:
    row = focal.table_row(p, y, gamma)
    formula = focal_formula(row)
    assert formula.startswith(r"\begin{aligned}")
    assert formula.endswith(r"\end{aligned}")
    assert balanced(formula)
    symbols, numbers, result = lines(formula)
    assert r"\mathrm{FL}(p_t)" in symbols
    assert r"(1 - p_t)^{\gamma}" in symbols
    assert r"-\log p_t" in symbols
    assert rf"(1 - {tex(row.p_t)})^{{{tex(gamma)}}}" in numbers
    assert "{" + tex(row.ce) + "}" in numbers
    assert r"\mathbf{" + tex(row.fl) + "}" in result
    assert r"\alpha_t" not in formula


def test_document_row_reads_its_numbers() -> None:
    formula = focal_formula(focal.table_row(0.1, 1, 2.0))
    assert "(1 - 0.1)^{2}" in formula
    assert "2.30259" in formula
    assert r"\mathbf{1.86509}" in formula


@pytest.mark.parametrize(("p", "y"), [(0.0, 1), (1.0, 0)])
def test_infinite_ce_reads_infinity(p: float, y: int) -> None:
    row = focal.table_row(p, y, 2.0)
    assert row.ce == float("inf")
    formula = focal_formula(row)
    _, numbers, result = lines(formula)
    assert r"\infty" in numbers
    assert r"\mathbf{\infty}" in result
    assert "∞" not in formula
    assert "inf}" not in formula.replace(r"\infty", "")


@pytest.mark.parametrize(("y", "alpha_t"), [(1, 0.25), (0, 0.75)])
def test_alpha_appears_only_with_alpha(y: int, alpha_t: float) -> None:
    row = focal.table_row(0.3, y, 2.0, 0.25)
    formula = focal_formula(row)
    symbols, numbers, result = lines(formula)
    assert r"\alpha_t" in symbols
    assert rf"\textcolor{{{COLORS['ce_balanced']}}}{{{tex(alpha_t)}}}" in numbers
    assert r"\mathbf{" + tex(row.fl_alpha) + "}" in result  # type: ignore[arg-type]
    plain = focal_formula(focal.table_row(0.3, y, 2.0))
    assert r"\alpha_t" not in plain
    assert tex(alpha_t) + r"} \cdot" not in plain


def test_alpha_zero_switches_infinite_loss_off() -> None:
    row = focal.table_row(0.0, 1, 2.0, 0.0)
    formula = focal_formula(row)
    assert r"\infty" in formula  # CE is still infinite
    assert formula.endswith(r"\mathbf{0}}\end{aligned}")


def test_tiny_values_become_powers_of_ten() -> None:
    row = focal.table_row(0.999999, 1, 5.0)
    formula = focal_formula(row)
    assert r"\times 10^{-" in formula
    assert "×" not in formula
    assert "e-" not in formula
    assert balanced(formula)


@pytest.mark.parametrize("p", [0.0, 1e-9, 0.3, 0.999999, 1.0])
@pytest.mark.parametrize("alpha", [None, 0.0, 0.4])
def test_formula_is_plain_tex(p: float, alpha: float | None) -> None:
    formula = focal_formula(focal.table_row(p, 1, 2.0, alpha))
    assert balanced(formula)
    for char in "∞×−—":
        assert char not in formula
    assert formula.count(r" \\ ") == 2
