"""The string table: every key in both languages, with the same placeholders."""

import string

import pytest

from ui.i18n import LANGUAGES, STRINGS, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    entry = STRINGS[key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert placeholders(entry["en"]) == placeholders(entry["zh"]), key


def test_chinese_uses_the_standard_terms():
    chinese = "\n".join(entry["zh"] for entry in STRINGS.values())
    for term in ("梯度爆炸", "梯度消失", "梯度裁剪", "权重裁剪", "批量归一化"):
        assert term in chinese, term
    assert "批量正则化" not in chinese.replace("“批量正则化”", ""), "BN is 归一化, not 正则化"


def test_lookup_fills_placeholders_and_falls_back_to_english():
    assert t("home.series", "zh", gain=1.2, regime="x") == "增益 1.2（x）"
    assert t("app.name", "fr") == t("app.name", "en")
    with pytest.raises(KeyError):
        t("no.such.key", "en")


def test_sentences_join_as_each_language_writes_them():
    from ui.i18n import sentences

    assert sentences(["One.", "", "Two."], "en") == "One. Two."
    assert sentences(["一。", "", "二。"], "zh") == "一。二。"
