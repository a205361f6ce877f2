"""Every user-settable parameter, declared once.

Widgets, their URL binding, the check of a shared link and the "reset" action
are all generated from :data:`PARAMS`. The name of a parameter is also its
widget key and its URL query key; values in the URL use the format of
Streamlit's own widget binding (decimals, ``true``/``false``, option values).
Adding a control is one line here plus its label in the string tables.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode

Kind = Literal["slider", "toggle", "choice"]
Value = float | bool | str


@dataclass(frozen=True)
class Param:
    """One parameter: its key, widget kind, range or options, step and default.

    Attributes
    ----------
    key : str
        Widget key, URL query key and string-table key of the label.
    kind : {"slider", "toggle", "choice"}
        The widget.
    default : float, bool or str
        Value when the URL does not set it and after "reset".
    low, high, step : float
        Range and step of a slider.
    options : tuple of str
        Allowed values of a choice, as they appear in the URL.
    shared : bool
        Shown on every page (declared in the entry script) rather than by one page.
    """

    key: str
    kind: Kind
    default: Value
    low: float = 0.0
    high: float = 1.0
    step: float = 0.01
    options: tuple[str, ...] = ()
    shared: bool = True

    def parse(self, raw: str) -> Value | None:
        """The value a URL string stands for, or None when it is not allowed.

        The rules are those of Streamlit's query-parameter binding, so that a
        value refused here is exactly one the widget replaces by its default:
        ``true``/``false`` in any case for a toggle, an option exactly (no
        surrounding spaces) for a choice, a finite number in range for a slider
        (Python's ``float``, which allows surrounding spaces). ``-0`` is in
        range wherever 0 is.

        Parameters
        ----------
        raw : str
            The query value as it arrived.

        Returns
        -------
        float, bool, str or None
            The parsed value, or None for anything out of range, not a number,
            not ``true``/``false``, or not one of the options.
        """
        if self.kind == "toggle":
            return {"true": True, "false": False}.get(raw.lower())
        if self.kind == "choice":
            return raw if raw in self.options else None
        try:
            number = float(raw)
        except ValueError:
            return None
        if not math.isfinite(number) or not self.low <= number <= self.high:
            return None
        return number

    def read(self, raw: str | Sequence[str]) -> Value | None:
        """The value of a query key, given all its values, or None when refused.

        A repeated key (``?y=0&y=1``) gives several values: a toggle or a
        choice takes the last one, as Streamlit's binding does; a slider, which
        Streamlit reads as a list of numbers (two for a range), is refused
        unless exactly one value is not empty.

        Parameters
        ----------
        raw : str or sequence of str
            The key's value, or all its values in URL order.

        Returns
        -------
        float, bool, str or None
            As :meth:`parse`.
        """
        values = [raw] if isinstance(raw, str) else list(raw)
        if not all(isinstance(value, str) for value in values):
            return None
        if self.kind == "slider":
            given = [value for value in values if value != ""]
            return self.parse(given[0]) if len(given) == 1 else None
        return self.parse(values[-1]) if values else None

    def format(self, value: Value) -> str:
        """The URL form of ``value`` (the inverse of :meth:`parse`)."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)


PARAMS: tuple[Param, ...] = (
    Param("y", "choice", "1", options=("1", "0")),
    Param("p", "slider", 0.9, 0.0, 1.0, 0.01),
    Param("gamma", "slider", 2.0, 0.0, 5.0, 0.1),
    Param("balance", "toggle", False),
    Param("alpha", "slider", 0.25, 0.0, 1.0, 0.01),
    Param("lang", "choice", "en", options=("en", "zh")),
    Param("present", "toggle", False),
    # explorer
    Param("axis", "choice", "p", options=("p", "p_t"), shared=False),
    Param("log", "toggle", False, shared=False),
    Param("hard", "slider", 0.1, 0.0, 1.0, 0.01, shared=False),
    Param("easy", "slider", 0.9, 0.0, 1.0, 0.01, shared=False),
    # gradients
    #
    # walkthrough
    #
    # imbalance
    #
    # training
    #
    # variants
    #
)

BY_KEY: dict[str, Param] = {param.key: param for param in PARAMS}


def rejected(query: Mapping[str, str | list[str]]) -> list[str]:
    """The keys of ``query`` that name a parameter but carry a value it refuses.

    Parameters
    ----------
    query : mapping of str to str or list of str
        The URL's query parameters (a repeated key gives a list, read as
        :meth:`Param.read` says).

    Returns
    -------
    list of str
        Parameter keys, in table order.
    """
    bad = []
    for param in PARAMS:
        if param.key not in query:
            continue
        if param.read(query[param.key]) is None:
            bad.append(param.key)
    return bad


def share_query(values: Mapping[str, Value]) -> str:
    """The query string of a link that opens ``values`` (defaults left out).

    Parameters
    ----------
    values : mapping of str to value
        Current values by key; keys that are not parameters are ignored.

    Returns
    -------
    str
        In table order, e.g. ``"y=0&p=0.2&gamma=3"``; empty when all are default.
    """
    pairs = [
        (param.key, param.format(values[param.key]))
        for param in PARAMS
        if param.key in values and values[param.key] != param.default
    ]
    return urlencode(pairs)
