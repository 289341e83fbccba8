"""Page controls bound to the URL, with visible notices for link parameters that were not valid.

Streamlit drops an invalid bound parameter silently and shows the default. These helpers read
the raw parameter first, clamp a number that is merely out of range (``depth=100000`` opens at
the largest depth, not the default), and collect a notice for everything they replaced, so a
malformed link still opens the page with a clear message.

Usage in a page::

    controls = Controls(lang, "chain_rule")
    depth = controls.slider("depth", "cr.depth", 1, 200, 50)
    ...
    controls.report()          # one warning at the top of the page, if anything was replaced
"""

import math
from collections.abc import Sequence

import streamlit as st

from ui.i18n import t
from ui.shell import LANG_PARAM

_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


def parse_number(raw: str, integer: bool) -> float | int | None:
    """``raw`` as a finite number (``None`` if it is not one); integers truncate toward zero."""
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value):
        return None
    return int(value) if integer else value


def snap(value: float, low: float, high: float, step: float) -> float:
    """``value`` clamped to ``[low, high]`` and rounded to the slider's grid ``low + k*step``."""
    clamped = min(max(value, low), high)
    snapped = low + round((clamped - low) / step) * step
    return min(max(round(snapped, 10), low), high)


class Controls:
    """Creates URL-bound widgets for one page and reports the link parameters it replaced."""

    def __init__(self, lang: str, container=None):
        self.lang = lang
        self.container = container if container is not None else st.sidebar
        self._notice_slot = st.empty()
        self._notices: list[str] = []
        self._keys: set[str] = set()

    def _raw(self, key: str) -> str | None:
        self._keys.add(key)
        return st.query_params.get(key)

    def _seed(self, key: str, value) -> None:
        """Put a repaired URL value into the widget before it exists (first run only)."""
        if key not in st.session_state:
            st.session_state[key] = value

    def slider(self, key, label_key, low, high, default, step=None, help_key=None, fmt=None,
               container=None):
        """A URL-bound slider; an out-of-range number is clamped, a non-number falls back."""
        integer = all(isinstance(v, int) for v in (low, high, default)) and (
            step is None or isinstance(step, int))
        step = step if step is not None else (1 if integer else (high - low) / 100)
        raw = self._raw(key)
        if raw is not None:
            number = parse_number(raw, integer)
            if number is None:
                self._note("notice.not_a_number", key=key, raw=raw, value=default)
            else:
                fixed = snap(number, low, high, step)
                fixed = int(fixed) if integer else fixed
                if not (low <= number <= high):
                    self._seed(key, fixed)
                    self._note("notice.out_of_range", key=key, raw=raw, low=low, high=high,
                               value=fixed)
        return (container or self.container).slider(
            t(label_key, self.lang), low, high, default, step=step, key=key,
            bind="query-params", help=t(help_key, self.lang) if help_key else None, format=fmt)

    def select(self, key, label_key, options: Sequence[str], default: str, label_prefix: str,
               help_key=None, container=None, horizontal_radio=False):
        """A URL-bound select box over language-independent ids, labelled ``label_prefix+id``."""
        raw = self._raw(key)
        if raw is not None and raw not in options:
            self._note("notice.not_an_option", key=key, raw=raw, options=", ".join(options),
                       value=default)
        target = container or self.container
        widget = target.radio if horizontal_radio else target.selectbox
        extra = {"horizontal": True} if horizontal_radio else {}
        return widget(
            t(label_key, self.lang), options, index=list(options).index(default), key=key,
            bind="query-params", format_func=lambda option: t(label_prefix + option, self.lang),
            help=t(help_key, self.lang) if help_key else None, **extra)

    def toggle(self, key, label_key, default=False, help_key=None, container=None):
        """A URL-bound checkbox (``key=true/false``)."""
        raw = self._raw(key)
        if raw is not None and raw.lower() not in _TRUE + _FALSE:
            self._note("notice.not_a_flag", key=key, raw=raw, value=str(default).lower())
        return (container or self.container).checkbox(
            t(label_key, self.lang), value=default, key=key, bind="query-params",
            help=t(help_key, self.lang) if help_key else None)

    def seed(self, default: int = 0, container=None) -> int:
        """The random-seed control every page with randomness has (0-9999)."""
        return self.slider("seed", "control.seed", 0, 9999, default,
                           help_key="control.seed.help", container=container)

    def _note(self, key: str, **values) -> None:
        self._notices.append(t(key, self.lang, **values))

    def report(self) -> None:
        """Show one warning at the top of the page naming everything that was replaced."""
        for key in st.query_params:
            if key not in self._keys and key != LANG_PARAM:
                self._note("notice.unknown_param", key=key)
        if self._notices:
            details = "\n".join(f"- {notice}" for notice in self._notices)
            self._notice_slot.warning(
                t("notice.ignored_params", self.lang, details="") + "\n\n" + details,
                icon=":material/link_off:")
