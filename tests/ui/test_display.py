"""How numbers read on screen."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from focal.ui.display import number, times


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (math.inf, "∞"),
        (-math.inf, "−∞"),
        (math.nan, "—"),
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (0.9, "0.9"),
        (100.0, "100"),
        (1 / 3, "0.333333"),
        (2 / 3, "0.666667"),
        (123456.78, "123457"),
        (0.10536051565782628, "0.105361"),
        (0.0010536051565782623, "0.00105361"),
        (0.00012345678, "0.000123457"),
        (1234567.0, "1.23457 × 10^6"),
        (1e-10, "1 × 10^-10"),
        (2.5e-5, "2.5 × 10^-5"),
        (5e-324, "4.94066 × 10^-324"),
        (-0.5, "−0.5"),
        (-4.59511985013459, "−4.59512"),
    ],
)
def test_number(value: float, text: str) -> None:
    assert number(value) == text


def test_number_digits() -> None:
    assert number(1 / 3, 3) == "0.333"
    assert number(2.302585092994046, 4) == "2.303"
    assert number(1234567.0, 4) == "1.235 × 10^6"


finite = st.floats(allow_nan=False, allow_infinity=False)


@given(finite)
def test_number_never_reads_minus_zero_or_python_notation(value: float) -> None:
    text = number(value)
    assert text not in ("-0", "−0")
    assert not text.startswith(("-0 ", "−0 "))
    assert "e" not in text  # no 1e-05: powers of ten read "× 10^k"
    assert "nan" not in text.lower()
    assert "inf" not in text.lower()


@given(finite.filter(lambda v: v != 0))
def test_number_keeps_six_significant_digits(value: float) -> None:
    text = number(value).replace("−", "-")
    mantissa, _, exponent = text.partition(" × 10^")
    parsed = float(mantissa) * (10.0 ** int(exponent) if exponent else 1.0)
    if math.isfinite(parsed) and parsed != 0:
        assert parsed == pytest.approx(value, rel=5e-6)
    digits = mantissa.lstrip("-").replace(".", "").lstrip("0")
    assert 1 <= len(digits) <= 6


def test_negative_numbers_use_one_minus_sign() -> None:
    assert number(-1e-10) == "−1 × 10^-10"
    assert number(-5.97492e-12).startswith("−")


@given(st.floats(max_value=-5e-324, allow_infinity=False))
def test_negative_numbers_are_marked_negative(value: float) -> None:
    assert number(value)[0] in "-−"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (81.0, "81"),
        (100.0, "100"),
        (1770.2, "1,770.2"),
        (15932.0, "15,932"),
        (21.854, "21.854"),
        (1.0, "1"),
        (0.5, "0.5"),
        (1e7, "1 × 10^7"),
        (1234567.0, "1.235 × 10^6"),
        (0.0005, "0.0005"),
        (1e-5, "1 × 10^-5"),
        (math.inf, "∞"),
        (math.nan, "—"),
    ],
)
def test_times(value: float, text: str) -> None:
    assert times(value) == text


def test_times_between_hundred_thousand_and_a_million() -> None:
    assert times(400590.0) == "400,590"


@given(st.floats(min_value=0, max_value=1e5 - 1) | st.floats(min_value=1e6))
def test_times_never_reads_python_notation(value: float) -> None:
    text = times(value)
    assert "e+" not in text
    assert "e-" not in text
