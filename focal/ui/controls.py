"""Streamlit widgets generated from the parameter table, bound to the URL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from focal.ui.links import room_link
from focal.ui.params import BY_KEY, PARAMS, Param, Value, rejected


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
    param: Param,
    text: Mapping[str, str],
    where: Any = st,
    compact: bool = False,
    label_visibility: str = "visible",
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
    label_visibility : {"visible", "collapsed"}, default "visible"
        Streamlit's ``label_visibility``: "collapsed" keeps the label for
        screen readers but takes no room (the view radio on a projector).

    Notes
    -----
    A choice's radio shows ``name.<key>.<option>`` where the table has it, else
    the option itself, with ``option.<key>.<option>`` as a caption below unless
    the captions would only repeat what the radio shows. The URL always holds
    the option itself (``?imb_preset=retinanet``), in every language.

    Returns
    -------
    float, bool or str
        The widget's value.
    """
    common: dict[str, Any] = {
        "key": param.key,
        "bind": "query-params",
        "help": None if compact else text.get(f"help.{param.key}"),
        "label_visibility": label_visibility,
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
    names = option_names(param, text)
    shown = [names[option] for option in param.options]
    captions = [
        text.get(f"option.{param.key}.{option}", names[option])
        for option in param.options
    ]
    if compact or captions == shown:
        captions = None
    if shown == list(param.options):
        return where.radio(
            label,
            options=param.options,
            index=param.options.index(str(param.default)),
            captions=captions,
            horizontal=True,
            **common,
        )
    # Streamlit's binding would put the shown name into the URL (it stores a
    # radio's formatted option), so a named choice keeps the URL by hand.
    _seed_choice(param)
    del common["bind"]
    chosen = where.radio(
        label,
        options=param.options,
        format_func=names.__getitem__,
        captions=captions,
        horizontal=True,
        **common,
    )
    _write_choice(param, str(chosen))
    return chosen


def option_names(param: Param, text: Mapping[str, str]) -> dict[str, str]:
    """What a choice's radio shows for each option: ``name.<key>.<option>``
    from ``text`` where it exists, else the option itself (its URL value)."""
    return {
        option: text.get(f"name.{param.key}.{option}", option)
        for option in param.options
    }


def _seed_choice(param: Param) -> None:
    """Give a named choice's widget its value before it is drawn.

    From the URL (when allowed) or the default on the first run; later the
    widget's own value, written back as the raw option: the widget stores the
    name it showed, which changes with the language.
    """
    key = param.key
    if key in st.session_state:
        current = st.session_state[key]
    else:
        raw = st.query_params.get(key)
        current = param.parse(raw) if raw is not None else None
    st.session_state[key] = current if current in param.options else param.default


def _write_choice(param: Param, chosen: str) -> None:
    """Keep a named choice's raw value in the URL, leaving the default out."""
    key = param.key
    if chosen == param.default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != chosen:
        st.query_params[key] = chosen


def value(key: str) -> Value:
    """The current value of a parameter whose widget was drawn this run."""
    return _plain(st.session_state.get(key, BY_KEY[key].default))


#: Session key: the parameters the opening link set to a refused value.
_REJECTED = "_rejected"


def reset() -> None:
    """Set every parameter back to its default (an ``on_click`` callback).

    The opening link's notices go too: the link they were about is gone.
    """
    for param in PARAMS:
        st.session_state[param.key] = param.default
    st.session_state[_REJECTED] = []


def link_notices(text: Mapping[str, str]) -> None:
    """Warn, once per bad URL parameter, that a link's value was replaced.

    The notice names the parameter and its default, never the rejected value,
    so nothing from the URL is echoed. It goes for good once the control holds
    another value (moved, even if moved back later) or on "Reset".
    """
    if _REJECTED not in st.session_state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state[_REJECTED] = rejected(query)
    st.session_state[_REJECTED] = [
        key for key in st.session_state[_REJECTED] if value(key) == BY_KEY[key].default
    ]
    for key in st.session_state[_REJECTED]:
        param = BY_KEY[key]
        st.warning(
            text["notice.bad_param"].format(
                name=key, default=param.format(param.default)
            ),
            icon="⚠️",
        )


def share_link(text: Mapping[str, str], where: Any = st, page_path: str = "") -> None:
    """Show the link that reopens the current state, with a copy button.

    The link names the page at ``page_path`` (``StreamlitPage.url_path``) on
    the public address (:func:`focal.ui.links.room_link`).
    """
    # one copy of the state, not a locked look-up per parameter
    state = st.session_state.to_dict()
    values = {p.key: _plain(state.get(p.key, p.default)) for p in PARAMS}
    where.caption(text["share.label"], help=text["share.help"])
    where.code(room_link(values, page_path), language=None, wrap_lines=True)
