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
    linked : bool
        Written into the links the app hands out; False for a screen that is
        no state to pass on (the join screen).
    """

    key: str
    kind: Kind
    default: Value
    low: float = 0.0
    high: float = 1.0
    step: float = 0.01
    options: tuple[str, ...] = ()
    shared: bool = True
    linked: bool = True

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
        """The URL form of ``value`` (the inverse of :meth:`parse`).

        A number keeps every digit it has (``0.123456789``, ``1000000``): the
        shortest text that reads back as the same float, without an exponent
        for whole numbers (a ``+`` would be escaped in a link) and ``-0`` as 0.
        """
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            if value.is_integer() and abs(value) < 2.0**53:
                return str(int(value))
            return repr(value)
        return str(value)


PARAMS: tuple[Param, ...] = (
    Param("y", "choice", "1", options=("1", "0")),
    Param("p", "slider", 0.9, 0.0, 1.0, 0.01),
    Param("gamma", "slider", 2.0, 0.0, 5.0, 0.1),
    Param("balance", "toggle", False),
    Param("alpha", "slider", 0.25, 0.0, 1.0, 0.01),
    Param("lang", "choice", "en", options=("en", "zh")),
    Param("present", "toggle", False),
    # the join screen (focal/ui/join.py): a button opens it, no widget; never linked
    Param("join", "toggle", False, shared=False, linked=False),
    # explorer: one view at a time (only the shown one is computed and sent)
    Param(
        "view",
        "choice",
        "curves",
        options=("curves", "ratio", "family", "table"),
        shared=False,
    ),
    Param("axis", "choice", "p", options=("p", "p_t"), shared=False),
    Param("log", "toggle", False, shared=False),
    Param("sweep", "toggle", False, shared=False),
    Param("hard", "slider", 0.1, 0.0, 1.0, 0.01, shared=False),
    Param("easy", "slider", 0.9, 0.0, 1.0, 0.01, shared=False),
    # gradients
    Param("gamma_star", "slider", 2.0, 0.5, 5.0, 0.5, shared=False),
    Param("beta_star", "slider", 1.0, -5.0, 5.0, 0.5, shared=False),
    # walkthrough
    Param("step", "choice", "1", options=("1", "2", "3", "4", "5", "6"), shared=False),
    Param("wt_size", "choice", "416", options=("320", "416", "608"), shared=False),
    # imbalance (defaults: the "yolo" preset of focal.imbalance.PRESETS)
    Param("imb_preset", "choice", "yolo", options=("yolo", "retinanet"), shared=False),
    Param("imb_positives", "slider", 7.0, 1.0, 1000.0, 1.0, shared=False),
    Param("imb_hard", "slider", 40.0, 0.0, 20000.0, 10.0, shared=False),
    Param("imb_easy", "slider", 10600.0, 0.0, 1000000.0, 100.0, shared=False),
    Param("imb_spread", "slider", 1.0, 0.0, 3.0, 0.1, shared=False),
    Param("imb_seed", "slider", 0.0, 0.0, 99.0, 1.0, shared=False),
    # training
    Param(
        "train_left",
        "choice",
        "ce",
        options=("ce", "alpha_ce", "fl", "alpha_fl"),
        shared=False,
    ),
    Param(
        "train_right",
        "choice",
        "fl",
        options=("ce", "alpha_ce", "fl", "alpha_fl"),
        shared=False,
    ),
    Param(
        "train_model", "choice", "logistic", options=("logistic", "mlp"), shared=False
    ),
    Param("train_imbalance", "slider", 100.0, 10.0, 1000.0, 10.0, shared=False),
    Param("train_points", "slider", 10000.0, 1000.0, 100000.0, 1000.0, shared=False),
    Param("train_steps", "slider", 200.0, 10.0, 2000.0, 10.0, shared=False),
    Param("train_prior", "toggle", True, shared=False),
    Param("train_optimizer", "choice", "adam", options=("adam", "gd"), shared=False),
    Param("train_lr", "slider", 0.05, 0.01, 1.0, 0.01, shared=False),
    Param("train_seed", "slider", 0.0, 0.0, 99.0, 1.0, shared=False),
    # variants
    Param("var_q", "slider", 1.0, 0.05, 1.0, 0.05, shared=False),
    Param("var_log", "toggle", False, shared=False),
    Param("var_star", "toggle", True, shared=False),
    Param("var_star_gamma", "slider", 2.0, 0.5, 5.0, 0.5, shared=False),
    Param("var_star_beta", "slider", 1.0, -3.0, 3.0, 0.5, shared=False),
    Param("var_poly", "toggle", True, shared=False),
    Param("var_poly_epsilon", "slider", 1.0, -1.0, 5.0, 0.1, shared=False),
    Param("var_qfl", "toggle", True, shared=False),
    Param("var_qfl_beta", "slider", 2.0, 0.0, 5.0, 0.1, shared=False),
    Param("var_vfl", "toggle", True, shared=False),
    Param("var_vfl_alpha", "slider", 0.75, 0.0, 1.0, 0.05, shared=False),
    Param("var_vfl_gamma", "slider", 2.0, 0.0, 5.0, 0.1, shared=False),
    Param("var_asl", "toggle", True, shared=False),
    Param("var_asl_gamma_pos", "slider", 1.0, 0.0, 5.0, 0.5, shared=False),
    Param("var_asl_gamma_neg", "slider", 4.0, 0.0, 8.0, 0.5, shared=False),
    Param("var_asl_margin", "slider", 0.05, 0.0, 0.5, 0.01, shared=False),
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
        Parameters that are not ``linked`` are never in it.
    """
    pairs = [
        (param.key, param.format(values[param.key]))
        for param in PARAMS
        if param.linked and param.key in values and values[param.key] != param.default
    ]
    return urlencode(pairs)
