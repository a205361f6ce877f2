"""How numbers read on screen: exact digits, "∞" for infinity, no "-0"."""

from __future__ import annotations

import math


def number(value: float, digits: int = 6) -> str:
    """Format a loss, factor or probability for display.

    Parameters
    ----------
    value : float
        The number.
    digits : int, default 6
        Significant digits.

    Returns
    -------
    str
        ``"∞"`` for +inf, ``"0"`` for zero, otherwise ``digits`` significant
        digits, in scientific notation only for very small or large values.
    """
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0:
        return "0"
    text = f"{value:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa.replace('-', '−')} × 10^{int(exponent)}"
    return text.replace("-", "−")


def times(value: float, unit: str = "") -> str:
    """Format a ratio such as "FL is N× smaller": 5 significant digits, thousands
    separated, powers of ten beyond a million; ``unit`` (e.g. "×") follows a
    number but not "—", which stands for an undefined ratio."""
    if math.isnan(value):
        return number(value)
    if math.isinf(value):
        text = number(value)
    elif value >= 1e6 or 0 < value < 1e-3:
        text = number(value, 4)
    elif value >= 1e4:
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.5g}"
    return text + unit
