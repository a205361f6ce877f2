"""The core's front door: turn arguments into float64 arrays or raise ``ValueError``.

Every public function of the core passes its arguments through these checks, so
a bad value is reported once, with the argument's name and its allowed range.
"""

from __future__ import annotations

import numbers
from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


def _is_real_number(element: Any) -> bool:
    """An element of an object array that counts as a real number."""
    if isinstance(element, np.timedelta64):  # registered as Real, but a duration
        return False
    return isinstance(element, numbers.Real | Decimal | np.bool_)


def as_float(name: str, value: ArrayLike) -> FloatArray:
    """Return ``value`` as a float64 array, rejecting non-numbers and NaN.

    Accepted: Python and NumPy real numbers (bool, int, float, ``Fraction``,
    ``Decimal``) and arrays or nested lists of them. Refused with ``ValueError``:
    None, text and bytes (also inside arrays: ``["0.5"]`` is not a number),
    complex numbers, dates and durations, ragged lists, NaN, and numbers too
    large for a float64 (``10**400``).
    """
    not_a_number = f"{name} must be a number or an array of numbers"
    if value is None or isinstance(value, str | bytes):
        raise ValueError(not_a_number)
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(not_a_number) from None
    kind = raw.dtype.kind
    if kind == "O":
        if not all(_is_real_number(element) for element in raw.flat):
            raise ValueError(not_a_number)
    elif kind not in "biuf":  # complex, text, bytes, dates, durations, records
        raise ValueError(not_a_number)
    try:
        with np.errstate(over="raise"):
            array = np.asarray(raw, dtype=np.float64)
    except (OverflowError, FloatingPointError):
        raise ValueError(f"{name} must be within the float64 range") from None
    except (TypeError, ValueError):
        raise ValueError(not_a_number) from None
    if np.isnan(array).any():
        raise ValueError(f"{name} must not be NaN")
    return array


def probability(name: str, value: ArrayLike) -> FloatArray:
    """A probability in [0, 1]."""
    array = as_float(name, value)
    if ((array < 0.0) | (array > 1.0)).any():
        raise ValueError(f"{name} must be in [0, 1]")
    # -0.0 passes the range check; +0.0 keeps 0**odd from turning into -0
    return array + 0.0


def open_probability(name: str, value: ArrayLike) -> FloatArray:
    """A probability in the open interval (0, 1)."""
    array = as_float(name, value)
    if ((array <= 0.0) | (array >= 1.0)).any():
        raise ValueError(f"{name} must be in (0, 1)")
    return array


def label(name: str, value: ArrayLike) -> FloatArray:
    """A binary label: 0 or 1, given as bool, int or float."""
    array = as_float(name, value)
    if ((array != 0.0) & (array != 1.0)).any():
        raise ValueError(f"{name} must be 0 or 1")
    return array


def gamma(name: str, value: ArrayLike, *, positive: bool = False) -> FloatArray:
    """A focusing parameter: finite and >= 0 (or > 0 when ``positive``)."""
    array = as_float(name, value)
    bad = ~np.isfinite(array) | ((array <= 0.0) if positive else (array < 0.0))
    if bad.any():
        rule = "> 0" if positive else ">= 0"
        raise ValueError(f"{name} must be finite and {rule}")
    return array


def finite(name: str, value: ArrayLike) -> FloatArray:
    """Any finite real number."""
    array = as_float(name, value)
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must be finite")
    return array


def logit(name: str, value: ArrayLike) -> FloatArray:
    """A logit: any real number, including the infinite limits, but not NaN."""
    return as_float(name, value)


def alpha(name: str, value: ArrayLike | None) -> FloatArray | None:
    """The α-balancing weight: ``None`` (off) or a number in [0, 1]."""
    if value is None:
        return None
    return probability(name, value)


def is_scalar(*values: Any) -> bool:
    """True when every argument is a Python or NumPy scalar (or None)."""
    return all(v is None or np.ndim(v) == 0 for v in values)


def result(array: FloatArray, *inputs: Any) -> FloatArray | float:
    """Return a Python float when every input was a scalar, else the array."""
    if is_scalar(*inputs):
        return float(array)
    return array


def broadcast(**arrays: FloatArray | None) -> tuple[int, ...]:
    """The shape of the arguments broadcast together (``None`` is left out).

    Raises ``ValueError`` naming the first argument whose shape does not
    broadcast with the ones before it, e.g. ``y must broadcast with p: shape
    (2,) against (3,)``.
    """
    shape: tuple[int, ...] = ()
    before: list[str] = []
    for name, array in arrays.items():
        if array is None:
            continue
        try:
            shape = np.broadcast_shapes(shape, array.shape)
        except ValueError:
            raise ValueError(
                f"{name} must broadcast with {', '.join(before)}: "
                f"shape {array.shape} against {shape}"
            ) from None
        before.append(name)
    return shape
