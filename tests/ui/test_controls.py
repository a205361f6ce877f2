"""Choice controls: the radio shows names, the URL keeps the option values."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from focal.ui.controls import option_names
from focal.ui.params import BY_KEY, PARAMS
from focal.ui.strings import EN, ZH

CHOICES = [param for param in PARAMS if param.kind == "choice"]


def named_choice(key: str = "train_right") -> None:
    """A language radio and one named choice, drawn as the pages draw them."""
    import streamlit as st

    from focal.ui.controls import render
    from focal.ui.params import BY_KEY
    from focal.ui.strings import strings

    text = strings(str(render(BY_KEY["lang"], strings("en"))))
    chosen = render(BY_KEY[key], text)
    st.write(f"chosen={chosen}")


def choice_app(**query: str) -> AppTest:
    at = AppTest.from_function(named_choice, default_timeout=30)
    at.query_params.update(query)
    return at.run()


def chosen(at: AppTest) -> str:
    return at.markdown[0].value.removeprefix("chosen=")


def test_a_named_choice_shows_names_and_returns_the_option() -> None:
    at = choice_app()
    radio = at.radio(key="train_right")
    assert radio.options == [
        EN[f"name.train_right.{o}"] for o in ("ce", "alpha_ce", "fl", "alpha_fl")
    ]
    assert radio.value == "fl" == chosen(at)
    assert dict(at.query_params) == {}  # the default stays out of the URL


def test_choosing_a_name_writes_the_option_into_the_url() -> None:
    at = choice_app()
    at.radio(key="train_right").set_value("alpha_fl").run()
    assert chosen(at) == "alpha_fl"
    assert at.query_params["train_right"] == "alpha_fl"
    at.radio(key="train_right").set_value("fl").run()  # back to the default
    assert "train_right" not in at.query_params


def test_the_url_seeds_a_named_choice_by_its_option() -> None:
    at = choice_app(train_right="ce")
    assert at.radio(key="train_right").value == "ce" == chosen(at)
    assert at.query_params["train_right"] == "ce"


@pytest.mark.parametrize("raw", ["CE", "α-balanced CE", "x", "<b>ce</b>", ""])
def test_a_name_or_anything_else_in_the_url_falls_back(raw: str) -> None:
    at = choice_app(train_right=raw)
    assert chosen(at) == "fl"
    assert "train_right" not in at.query_params
    assert not at.exception


def test_switching_language_keeps_the_choice_and_the_url() -> None:
    at = choice_app(train_right="alpha_ce")
    at.radio(key="lang").set_value("zh").run()
    radio = at.radio(key="train_right")
    assert radio.options[1] == ZH["name.train_right.alpha_ce"]
    assert radio.value == "alpha_ce" == chosen(at)
    assert at.query_params["train_right"] == "alpha_ce"
    assert not at.exception


def test_an_unnamed_choice_shows_its_options_with_captions() -> None:
    at = AppTest.from_function(named_choice, args=("y",), default_timeout=30).run()
    radio = at.radio(key="y")
    assert radio.options == ["1", "0"]
    assert [c for c in radio.proto.captions] == [EN["option.y.1"], EN["option.y.0"]]


def test_captions_that_repeat_the_names_are_left_out() -> None:
    at = AppTest.from_function(named_choice, args=("train_model",)).run()
    assert list(at.radio(key="train_model").proto.captions) == []
    at = AppTest.from_function(named_choice, args=("imb_preset",)).run()
    radio = at.radio(key="imb_preset")
    assert radio.options == [
        EN["name.imb_preset.yolo"],
        EN["name.imb_preset.retinanet"],
    ]
    assert list(radio.proto.captions) == [
        EN["option.imb_preset.yolo"],
        EN["option.imb_preset.retinanet"],
    ]


@pytest.mark.parametrize("table", [EN, ZH], ids=["en", "zh"])
def test_every_name_belongs_to_an_option_of_a_choice(table: dict[str, str]) -> None:
    names = [key for key in table if key.startswith("name.")]
    assert names  # the pattern still matches
    for key in names:
        _, param_key, option = key.split(".", 2)
        assert BY_KEY[param_key].kind == "choice", key
        assert option in BY_KEY[param_key].options, key


@pytest.mark.parametrize("table", [EN, ZH], ids=["en", "zh"])
@pytest.mark.parametrize("param", CHOICES, ids=lambda param: param.key)
def test_names_are_distinct_and_named_all_or_none(table, param) -> None:
    names = option_names(param, table)
    assert len(set(names.values())) == len(param.options)
    named = [f"name.{param.key}.{option}" in table for option in param.options]
    assert all(named) or not any(named)
