"""The string tables: the same keys and format fields in English and Chinese."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from focal.ui.params import BY_KEY, PARAMS
from focal.ui.strings import EN, LANGUAGES, TABLES, ZH, strings
from focal.variants import VARIANTS
from tests.helpers import CJK, assert_chinese, latin_words

ROOT = Path(__file__).resolve().parents[2]
#: Chinese characters or Chinese (full-width) punctuation.
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: Keys of running prose: the Chinese table must really be Chinese there.
PROSE = [
    "app.title",
    "explorer.title",
    "explorer.intro",
    "curves.caption",
    "numbers.smaller",
    "numbers.both_zero",
    "ratio.explain",
    "family.explain",
    "table.explain",
    "table.errata",
    "table.other_gamma",
    "gradients.title",
    "gradients.intro",
    "gradients.prior",
    "notice.bad_param",
    "share.help",
    "reset.label",
    # the Gradients page
    "gradients.ratio_explain",
    "gradients.nan_explain",
    "gradients.nan_fine",
    "gradients.nan_table",
    "gradients.ratio_header",
    "gradients.nan_header",
    "help.gamma_star",
    "help.beta_star",
    # the Training page
    "training.nav",
    "training.title",
    "training.intro",
    "training.settings",
    "training.data",
    "training.boundary_title",
    "training.precision_help",
    "training.recall_help",
    "training.ap_help",
    "training.sample",
    "training.loss_caption",
    "training.look",
    "training.progress",
    "param.train_imbalance",
    "help.train_prior",
    "help.train_optimizer",
    # the Variants page
    "variants.title",
    "variants.intro",
    "variants.axis_note",
    "variants.paper_explain",
    "variants.table1_caption",
    "variants.controls_header",
    "variants.values_header",
    *[f"variants.note.{name}" for name in VARIANTS if name != "ce"],
    *[
        f"param.{p.key}"
        for p in PARAMS
        if p.key.startswith("var_") and p.kind == "toggle"
    ],
    # the Imbalance page
    "imbalance.nav",
    "imbalance.title",
    "imbalance.intro",
    "imbalance.headline",
    "imbalance.headline_count",
    "imbalance.total",
    "imbalance.model",
    "imbalance.shares.header",
    "imbalance.shares.explain",
    "imbalance.shares.title",
    "imbalance.table.header",
    "imbalance.table.explain",
    "imbalance.figure4.header",
    "imbalance.figure4.explain",
    "imbalance.figure4.empty",
    "imbalance.yolo_note",
    "help.imb_spread",
    "option.imb_preset.retinanet",
    # the walkthrough
    "walkthrough.title",
    "walkthrough.intro",
    "walkthrough.alpha_note",
    "walkthrough.s4.warning",
    *[
        f"walkthrough.s{step}.{part}"
        for step in BY_KEY["step"].options
        for part in ("explain", "try")
    ],
    "walkthrough.s1.setting",
    "walkthrough.s5.ratio_note",
    "help.step",
    "help.wt_size",
]


def fields(text: str) -> set[str]:
    return {
        name for _, name, _, _ in string.Formatter().parse(text) if name is not None
    }


def test_languages() -> None:
    assert LANGUAGES == ("en", "zh")
    assert set(TABLES) == set(LANGUAGES)
    assert strings("en") is EN
    assert strings("zh") is ZH


@pytest.mark.parametrize("code", ["fr", "", "EN", "<script>"])
def test_unknown_language_falls_back_to_english(code: str) -> None:
    assert strings(code) is EN


def test_same_keys() -> None:
    assert set(EN) - set(ZH) == set(), "missing in ZH"
    assert set(ZH) - set(EN) == set(), "missing in EN"


@pytest.mark.parametrize("key", sorted(EN))
def test_same_format_fields(key: str) -> None:
    assert fields(EN[key]) == fields(ZH[key])


@pytest.mark.parametrize("key", sorted(EN))
def test_formats_with_its_fields(key: str) -> None:
    # a stray brace would raise here, at run time, in front of the class
    for table in (EN, ZH):
        table[key].format(**dict.fromkeys(fields(table[key]), "X"))


@pytest.mark.parametrize("table", [EN, ZH], ids=["en", "zh"])
def test_no_empty_value(table: dict[str, str]) -> None:
    assert [key for key, text in table.items() if not text.strip()] == []


@pytest.mark.parametrize("key", PROSE)
def test_chinese_prose_is_chinese(key: str) -> None:
    """A sentence and its translation: Chinese characters in one, none in the
    other, and no English word left in the Chinese."""
    assert CJK.search(ZH[key]), ZH[key]
    assert not CJK.search(EN[key]), EN[key]
    assert_chinese([ZH[key]])


def test_no_chinese_string_has_an_english_word() -> None:
    # symbols, units, names and cited titles are allowed (tests/helpers.py)
    assert {
        key: latin_words(text) for key, text in ZH.items() if latin_words(text)
    } == {}


def test_the_english_check_sees_a_formatted_untranslated_string() -> None:
    # An English template formatted with values is in no string table: the
    # pages' old check (is the text one of the English table's values?) let it
    # through. Looking for English words does not.
    shown = EN["numbers.smaller"].format(loss="FL", times="100×")
    assert shown not in set(EN.values()) - set(ZH.values())
    with pytest.raises(AssertionError, match="English on a Chinese page"):
        assert_chinese([ZH["explorer.title"], shown])
    assert_chinese(
        [ZH["explorer.title"], ZH["numbers.smaller"].format(loss="FL", times="100×")]
    )


def test_untranslated_values_are_language_neutral() -> None:
    """A ZH value without Chinese must be a formula or a name, equal to EN."""
    neutral = {key: ZH[key] for key in ZH if not CHINESE.search(ZH[key])}
    assert "numbers.ce" in neutral  # formulas read the same in both
    assert {key: EN[key] for key in neutral} == neutral
    english = {
        key
        for key, text in neutral.items()
        # format fields are not words; a language's own name is not translated,
        # nor is a proper name (the optimiser Adam, not "Adam 算法")
        if re.search(r"[A-Za-z]{4,}", re.sub(r"\{[a-z_]+\}", "", text))
    }
    assert english == {"option.lang.en", "name.train_optimizer.adam"}


def test_language_names_are_in_their_own_language() -> None:
    for table in (EN, ZH):
        assert table["option.lang.en"] == "English"
        assert table["option.lang.zh"] == "中文"


def source_keys() -> set[str]:
    """Literal keys the app looks up: text["..."] in pages and focal/ui."""
    pattern = re.compile(r"""text\[\s*["']([a-z_]+\.[a-z_.]+)["']\s*\]""")
    files = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("focal/ui/**/*.py")]
    return {key for path in files for key in pattern.findall(path.read_text("utf-8"))}


def test_every_key_the_app_uses_exists() -> None:
    used = source_keys()
    assert len(used) > 30  # the pattern still matches the code
    assert used - set(EN) == set()
