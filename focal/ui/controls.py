"""Streamlit widgets generated from the parameter table, bound to the URL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from focal.ui.params import BY_KEY, PARAMS, Param, Value, rejected, share_query


def _decimals(step: float) -> int:
    return max(0, len(f"{step:g}".partition(".")[2]))


def _plain(value: Value) -> Value:
    """``value``, with a slider's -0.0 (from a link's ``-0``) as 0.0."""
    return value + 0.0 if isinstance(value, float) else value


def peek(key: str) -> Value:
    """The value a parameter will have this run, before its widget is drawn.

    Needed for language and presenter mode, which decide how everything else is
    drawn: the widget's state if it exists, else the URL's value if allowed,
    else the default.

    Parameters
    ----------
    key : str
        A key of :data:`focal.ui.params.PARAMS`.

    Returns
    -------
    float, bool or str
        The value.
    """
    param = BY_KEY[key]
    if key in st.session_state:
        return _plain(st.session_state[key])
    parsed = param.read(st.query_params.get_all(key))
    return param.default if parsed is None else _plain(parsed)


def render(
    param: Param, text: Mapping[str, str], where: Any = st, compact: bool = False
) -> Value:
    """Draw the widget of ``param`` in ``where``, bound to the URL by its key.

    Parameters
    ----------
    param : Param
        The parameter.
    text : mapping of str to str
        The string table of the current language.
    where : Streamlit container, default ``st``
        Where to draw (the sidebar, a column, ...).
    compact : bool, default False
        Short label, no help and no captions: one row of controls on a projector.

    Returns
    -------
    float, bool or str
        The widget's value.
    """
    common: dict[str, Any] = {
        "key": param.key,
        "bind": "query-params",
        "help": None if compact else text.get(f"help.{param.key}"),
    }
    label = text[f"short.{param.key}" if compact else f"param.{param.key}"]
    if param.kind == "slider":
        return _plain(
            where.slider(
                label,
                min_value=param.low,
                max_value=param.high,
                value=param.default,
                step=param.step,
                format=f"%.{_decimals(param.step)}f",
                **common,
            )
        )
    if param.kind == "toggle":
        return where.toggle(label, value=param.default, **common)
    captions = [text[f"option.{param.key}.{option}"] for option in param.options]
    return where.radio(
        label,
        options=param.options,
        index=param.options.index(str(param.default)),
        captions=None if compact or captions == list(param.options) else captions,
        horizontal=True,
        **common,
    )


def value(key: str) -> Value:
    """The current value of a parameter whose widget was drawn this run."""
    return _plain(st.session_state.get(key, BY_KEY[key].default))


def reset() -> None:
    """Set every parameter back to its default (an ``on_click`` callback)."""
    for param in PARAMS:
        st.session_state[param.key] = param.default


def link_notices(text: Mapping[str, str]) -> None:
    """Warn, once per bad URL parameter, that a link's value was replaced.

    The notice names the parameter and its default, never the rejected value,
    so nothing from the URL is echoed. It stays until the control is moved.
    """
    if "_rejected" not in st.session_state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state["_rejected"] = rejected(query)
    for key in st.session_state["_rejected"]:
        param = BY_KEY[key]
        if value(key) == param.default:
            st.warning(
                text["notice.bad_param"].format(
                    name=key, default=param.format(param.default)
                ),
                icon="⚠️",
            )


def share_link(text: Mapping[str, str], where: Any = st) -> None:
    """Show the link that reopens the current state, with a copy button."""
    values = {param.key: value(param.key) for param in PARAMS}
    query = share_query(values)
    base = (st.context.url or "").split("?")[0]
    where.caption(text["share.label"], help=text["share.help"])
    where.code(base + ("?" + query if query else ""), language=None, wrap_lines=True)
