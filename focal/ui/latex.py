"""Focal loss as LaTeX, with the current values substituted and coloured."""

from __future__ import annotations

from focal.document import TableRow
from focal.figures import COLORS
from focal.ui.display import number


def _tex(value: float) -> str:
    # display form to TeX: "∞" and "× 10^k" become TeX commands
    text = number(value).replace("−", "-").replace("∞", r"\infty")
    if " × 10^" in text:
        mantissa, exponent = text.split(" × 10^")
        text = rf"{mantissa} \times 10^{{{exponent}}}"
    return text


def _colored(color_key: str, body: str) -> str:
    return rf"\textcolor{{{COLORS[color_key]}}}{{{body}}}"


def focal_formula(row: TableRow) -> str:
    """Eq. 4 (or Eq. 5 with α) with the numbers of ``row`` substituted.

    Parameters
    ----------
    row : TableRow
        The current example, from :func:`focal.table_row`.

    Returns
    -------
    str
        A KaTeX ``aligned`` block: the symbols, then the numbers. ``alpha_t`` is
        coloured like α-balanced CE, CE like its curve, FL like its curve.
    """
    balanced = row.alpha_t is not None
    alpha_sym = _colored("ce_balanced", r"\alpha_t") + r"\," if balanced else ""
    alpha_num = (
        _colored("ce_balanced", _tex(row.alpha_t)) + r" \cdot " if balanced else ""
    )
    fl_value = row.fl_alpha if balanced else row.fl
    symbols = (
        _colored("fl", r"\mathrm{FL}(p_t)")
        + " &= "
        + alpha_sym
        + _colored("point", r"(1 - p_t)^{\gamma}")
        + r"\,"
        + _colored("ce", r"\left(-\log p_t\right)")
    )
    numbers = (
        "&= "
        + alpha_num
        + _colored("point", rf"(1 - {_tex(row.p_t)})^{{{_tex(row.gamma)}}}")
        + r" \cdot "
        + _colored("ce", _tex(row.ce))
    )
    result = "&= " + _colored("fl", r"\mathbf{" + _tex(fl_value) + "}")
    lines = r" \\ ".join((symbols, numbers, result))
    return r"\begin{aligned}" + lines + r"\end{aligned}"
