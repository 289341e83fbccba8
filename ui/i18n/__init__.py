"""Every visible string of the app, in English and Chinese.

Each page keeps its strings in a module of this package; ``STRINGS`` merges them into one
table so a key means the same thing everywhere. ``t(key, lang)`` looks one up.
"""

from collections.abc import Iterable

from ui.i18n import (
    chain_rule,
    clipping,
    common,
    descent,
    explanations,
    explosion,
    home,
    q_chain_rule,
    q_clipping,
    q_descent,
    q_explanations,
    q_explosion,
    q_training,
    q_weight_clipping,
    quiz,
    training,
    walkthrough,
    weight_clipping,
)

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}

_MODULES = (common, home, chain_rule, clipping, weight_clipping, descent, explosion, training,
            explanations, walkthrough, quiz, q_chain_rule, q_clipping, q_weight_clipping,
            q_descent, q_explosion, q_training, q_explanations)


def _merge(modules) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, entry in module.STRINGS.items():
            if key in table:
                raise KeyError(f"string key {key!r} is defined twice ({module.__name__})")
            table[key] = entry
    return table


STRINGS = _merge(_MODULES)


def t(key: str, lang: str, /, **values) -> str:
    """The string ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = STRINGS[key][lang if lang in LANGUAGES else DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def sentences(parts: Iterable[str], lang: str) -> str:
    """The non-empty ``parts`` joined as the language writes sentences (Chinese: no space)."""
    return ("" if lang == "zh" else " ").join(part for part in parts if part)
