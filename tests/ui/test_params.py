"""The parameter table: parsing of link values, rejection, share links, labels."""

from __future__ import annotations

import math
from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focal.ui.params import BY_KEY, PARAMS, Param, rejected, share_query
from focal.ui.strings import EN, ZH

HOSTILE = [
    "<script>alert(1)</script>",
    "<b>x</b>",
    "javascript:alert(1)",
    "0.5<script>",
    "1;DROP TABLE",
]
NOT_NUMBERS = ["nan", "NaN", "inf", "-inf", "Infinity", "abc", "", " ", "1e999", "0x1"]


def test_keys_are_unique_and_indexed() -> None:
    keys = [param.key for param in PARAMS]
    assert len(keys) == len(set(keys))
    assert list(BY_KEY) == keys
    assert all(BY_KEY[param.key] is param for param in PARAMS)


@pytest.mark.parametrize("param", PARAMS, ids=lambda param: param.key)
def test_declaration_is_consistent(param: Param) -> None:
    if param.kind == "slider":
        assert isinstance(param.default, float)
        assert param.low <= param.default <= param.high
        assert param.step > 0
        # the default lies on the step grid
        steps = (param.default - param.low) / param.step
        assert steps == pytest.approx(round(steps))
    elif param.kind == "toggle":
        assert isinstance(param.default, bool)
    else:
        assert param.default in param.options
        assert len(set(param.options)) == len(param.options)


def test_shared_params_are_the_documented_ones() -> None:
    shared = {param.key for param in PARAMS if param.shared}
    assert shared == {"y", "p", "gamma", "balance", "alpha", "lang", "present"}


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("gamma", "3", 3.0),
        ("gamma", "3.0", 3.0),
        ("gamma", "0", 0.0),
        ("gamma", "5", 5.0),
        ("gamma", "2.5", 2.5),
        ("gamma", " 1.5 ", 1.5),
        ("p", "0.2", 0.2),
        ("p", "0", 0.0),
        ("p", "1", 1.0),
        ("p", "1e-3", 0.001),
        ("alpha", "0.25", 0.25),
        ("hard", ".5", 0.5),
        ("balance", "true", True),
        ("balance", "false", False),
        ("balance", "TRUE", True),
        ("balance", "False", False),
        ("present", "True", True),
        ("log", "fAlSe", False),
        ("y", "0", "0"),
        ("y", "1", "1"),
        ("lang", "zh", "zh"),
        ("lang", "en", "en"),
        ("axis", "p_t", "p_t"),
    ],
)
def test_parse_accepts(key: str, raw: str, expected: object) -> None:
    value = BY_KEY[key].parse(raw)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("gamma", "9"),
        ("gamma", "-0.1"),
        ("gamma", "5.0001"),
        ("p", "-1"),
        ("p", "1.01"),
        ("alpha", "2"),
        ("easy", "-0.5"),
        ("balance", "yes"),
        ("balance", "1"),
        ("balance", "maybe"),
        ("present", "maybe"),
        ("present", ""),
        ("y", "2"),
        ("y", "1.0"),
        ("y", "01"),
        ("lang", "fr"),
        ("lang", "ZH"),
        ("lang", ""),
        ("axis", "x"),
    ],
)
def test_parse_rejects(key: str, raw: str) -> None:
    assert BY_KEY[key].parse(raw) is None


@pytest.mark.parametrize("raw", NOT_NUMBERS + HOSTILE)
@pytest.mark.parametrize("key", ["gamma", "p", "alpha", "hard", "easy"])
def test_sliders_reject_non_numbers(key: str, raw: str) -> None:
    assert BY_KEY[key].parse(raw) is None


@pytest.mark.parametrize("raw", [*HOSTILE, "nan", ""])
@pytest.mark.parametrize("param", PARAMS, ids=lambda param: param.key)
def test_hostile_strings_are_rejected_everywhere(param: Param, raw: str) -> None:
    assert param.parse(raw) is None


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_slider_parse_agrees_with_range(number: float) -> None:
    param = BY_KEY["gamma"]
    parsed = param.parse(repr(number))
    if param.low <= number <= param.high:
        assert parsed == number
    else:
        assert parsed is None


@given(st.text(max_size=20))
def test_parse_never_raises(raw: str) -> None:
    for param in PARAMS:
        value = param.parse(raw)
        assert value is None or isinstance(value, (float, bool, str))
        if isinstance(value, float):
            assert math.isfinite(value)
            assert param.low <= value <= param.high
        if param.kind == "choice" and value is not None:
            assert value in param.options


@pytest.mark.parametrize("param", PARAMS, ids=lambda param: param.key)
def test_format_parse_round_trip_of_default(param: Param) -> None:
    assert param.parse(param.format(param.default)) == param.default


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("gamma", 3.0, "3"),
        ("gamma", 0.1, "0.1"),
        ("gamma", 4.9, "4.9"),
        ("p", 0.25, "0.25"),
        ("p", 0.0, "0"),
        ("p", 1.0, "1"),
        ("alpha", 0.99, "0.99"),
        ("balance", True, "true"),
        ("present", False, "false"),
        ("y", "0", "0"),
        ("lang", "zh", "zh"),
        ("axis", "p_t", "p_t"),
    ],
)
def test_format_parse_round_trip(key: str, value: object, text: str) -> None:
    param = BY_KEY[key]
    assert param.format(value) == text  # type: ignore[arg-type]
    assert param.parse(text) == value


SLIDERS = [param for param in PARAMS if param.kind == "slider"]


@settings(max_examples=400)
@given(st.data())
def test_every_slider_value_round_trips_through_a_link(data: st.DataObject) -> None:
    # issue 14: a link keeps the digits it was given (p = 0.123456789 was
    # shared as 0.123457, 1,000,000 as 1e%2B06), over every slider's range
    param = data.draw(st.sampled_from(SLIDERS), label="param")
    value = data.draw(st.floats(param.low, param.high), label="value")
    text = param.format(value)
    assert param.parse(text) == value
    assert urlencode([(param.key, text)]) == f"{param.key}={text}"  # no escapes


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [("p", 0.123456789, "0.123456789"), ("imb_easy", 1e6, "1000000"), ("p", -0.0, "0")],
)
def test_a_link_keeps_its_digits(key: str, value: float, text: str) -> None:
    assert BY_KEY[key].format(value) == text
    assert share_query({key: value}) == (
        "" if value == BY_KEY[key].default else f"{key}={text}"
    )


@given(st.integers(0, 100))
def test_every_slider_step_round_trips(step: int) -> None:
    param = BY_KEY["p"]
    value = round(step * param.step, 2)
    assert param.parse(param.format(value)) == value


def test_rejected_names_bad_keys_in_table_order() -> None:
    query = {
        "gamma": "abc",
        "p": "0.3",
        "y": "2",
        "lang": "fr",
        "unknown": "<script>",
        "present": "maybe",
    }
    assert rejected(query) == ["y", "gamma", "lang", "present"]


def test_rejected_empty_for_good_or_no_query() -> None:
    assert rejected({}) == []
    assert rejected({"gamma": "3", "p": "0.2", "y": "0", "lang": "zh"}) == []
    assert rejected({"other": "x"}) == []


def test_rejected_with_lists_reads_like_streamlit() -> None:
    # a repeated key: a toggle or a choice takes the last value; a slider (read by
    # Streamlit as a list of numbers) needs exactly one that is not empty
    assert rejected({"y": ["1", "0"], "balance": ["maybe", "true"]}) == []
    assert rejected({"y": ["0", "2"], "lang": ["zh", "fr"]}) == ["y", "lang"]
    assert rejected({"gamma": ["", "3"]}) == []
    assert rejected({"gamma": ["abc", "3"]}) == ["gamma"]
    assert rejected({"gamma": ["3", "3"], "p": ["nan", "0.5"]}) == ["p", "gamma"]
    assert rejected({"gamma": []}) == ["gamma"]


def test_toggles_and_choices_take_no_surrounding_spaces() -> None:
    # Streamlit's binding compares them exactly, so " zh" opens the app in English
    for key, raw in [("lang", " zh"), ("y", "0 "), ("balance", " true")]:
        assert BY_KEY[key].parse(raw) is None
    assert BY_KEY["gamma"].parse(" 1.5 ") == 1.5  # float() allows them, as there


def test_share_query_leaves_defaults_out() -> None:
    defaults = {param.key: param.default for param in PARAMS}
    assert share_query(defaults) == ""
    assert share_query({}) == ""
    values = {**defaults, "gamma": 3.0, "p": 0.2, "y": "0"}
    assert dict(parse_qsl(share_query(values))) == {
        "gamma": "3",
        "p": "0.2",
        "y": "0",
    }


def test_share_query_example_from_docstring() -> None:
    # keys in the order of the parameter table
    assert share_query({"gamma": 3.0, "p": 0.2, "y": "0"}) == "y=0&p=0.2&gamma=3"


def test_share_query_ignores_unknown_keys_and_formats_values() -> None:
    query = share_query({"gamma": 2.5, "balance": True, "lang": "zh", "zzz": 1})
    assert dict(parse_qsl(query)) == {"gamma": "2.5", "balance": "true", "lang": "zh"}


def test_share_query_round_trips_through_parse() -> None:
    values = {"gamma": 0.7, "p": 0.05, "y": "0", "balance": True, "alpha": 0.6}
    query = dict(parse_qsl(share_query(values)))
    assert {key: BY_KEY[key].parse(raw) for key, raw in query.items()} == values
    assert rejected(query) == []


@pytest.mark.parametrize("table", [EN, ZH], ids=["en", "zh"])
@pytest.mark.parametrize("param", PARAMS, ids=lambda param: param.key)
def test_every_param_has_labels(table: dict[str, str], param: Param) -> None:
    assert table[f"param.{param.key}"]
    for option in param.options:
        # a name to show on the radio, or a caption under the option itself
        assert table.get(f"name.{param.key}.{option}") or table.get(
            f"option.{param.key}.{option}"
        )
    if param.shared:
        # presenter mode draws shared controls with short labels
        assert table[f"short.{param.key}"]
