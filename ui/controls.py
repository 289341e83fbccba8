"""Page controls bound to the URL, with visible notices for link parameters that were not valid.

Streamlit drops an invalid bound parameter silently and shows the default. These helpers read
the raw parameter first, clamp a number that is merely out of range (``depth=100000`` opens at
the largest depth, not the default), and collect a notice for everything they replaced, so a
malformed link still opens the page with a clear message.

The widgets are built from the page's control table (``ui/tables/<page>.py``), where each
control and each preset is declared once. Usage in a page (after ``page_setup`` and the title)::

    controls = Controls(lang, TABLE)  # its notice slot sits here, under the title
    values = controls.widgets("depth", "act")  # in the sidebar; {"depth": 50, "act": "relu"}
    controls.report()  # presets box, share menu, one warning naming what was replaced
"""

import functools
import json
import math
from contextlib import contextmanager
from urllib.parse import urlencode

import streamlit as st

from ui.control_table import ControlTable, Select, Slider, Toggle
from ui.display import iframe_menu
from ui.i18n import DEFAULT_LANGUAGE, t
from ui.qr import large_qr_button, qr_menu
from ui.room import room_code
from ui.shell import (
    LANG_PARAM,
    ROOM_PARAM,
    SHELL_PARAMS,
    current_page,
    figure_view,
    page_charts,
    presenter_mode,
    sync_url_param,
)

CUSTOM_PRESET = "custom"
_PRESET_WIDGET = "preset"
SHARE_FRAGMENT = "share"  # the presets box and the share menu, rerun with every section

_TRUE = ("1", "yes", "on")  # Streamlit itself accepts only "true" and "false"
_FALSE = ("0", "no", "off")


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
    """Creates a page's URL-bound widgets from its control table and reports the link
    parameters it replaced."""

    def __init__(self, lang: str, table: ControlTable, container=None):
        self.lang = lang
        self.table = table
        self.page_id = current_page()
        self.container = container if container is not None else st.sidebar
        view = figure_view()  # figure-only: the notices stay visible, above the chart
        self._notice_slot = view.notices.empty() if view is not None else st.empty()
        self._preset_slot = st.sidebar.container()
        self._notices: list[str] = []
        self._keys: set[str] = set()
        self._section: str | None = None
        self.values: dict[str, object] = {}
        self.followers: list[str] = []  # more fragments to rerun with a section (ui/pytorch.py)

    def widget(self, key: str, container=None):
        """Create the table's control ``key`` here (default: the sidebar); return its value."""
        control = self.table[key]
        build = {Slider: self._slider, Select: self._select, Toggle: self._toggle}[type(control)]
        self.values[key] = build(control, container or self.container)
        return self.values[key]

    def widgets(self, *keys: str, container=None) -> dict[str, object]:
        """Create several of the table's controls, in order; return {key: value}."""
        return {key: self.widget(key, container) for key in keys}

    def changed_settings(self) -> dict[str, object]:
        """The controls whose value differs from the default (what a link must carry)."""
        return {key: value for key, value in self.values.items()
                if value != self.table.defaults[key]}

    def _raw(self, key: str) -> str | None:
        self._keys.add(key)
        return st.query_params.get(key)

    def _seed(self, key: str, value) -> None:
        """Put a repaired URL value into the widget before it exists (first run only)."""
        if key not in st.session_state:
            st.session_state[key] = value

    def _slider(self, control: Slider, container):
        """A URL-bound slider; an out-of-range number is clamped, a non-number falls back."""
        key, low, high, default, step = (control.key, control.low, control.high,
                                         control.default, control.grid_step)
        raw = self._raw(key)
        if raw is not None:
            number = parse_number(raw, control.integer)
            if number is None:
                self._note("notice.not_a_number", key=key, raw=raw, value=default)
            else:
                fixed = snap(number, low, high, step)
                fixed = int(fixed) if control.integer else fixed
                if not (low <= number <= high):
                    self._seed(key, fixed)
                    self._note("notice.out_of_range", key=key, raw=raw, low=low, high=high,
                               value=fixed)
        return container.slider(
            t(control.label, self.lang), low, high, default, step=step, key=key,
            bind="query-params", format=control.fmt,
            help=t(control.help, self.lang, **control.help_values) if control.help else None,
            on_change=self._on_change())

    def _select(self, control: Select, container):
        """A select box (or radio) over language-independent ids, labelled by option_label.

        Not ``bind="query-params"``: Streamlit writes a bound select box's *translated label*
        into the URL, so a link would depend on the language. The id is synced by hand instead.
        """
        key, options, default = control.key, list(control.options), control.default
        raw = self._raw(key)
        if raw is not None and raw in options:
            self._seed(key, raw)
        elif raw is not None:
            self._note("notice.not_an_option", key=key, raw=raw, options=", ".join(options),
                       value=default)
        widget = container.radio if control.radio else container.selectbox
        extra = {"horizontal": True} if control.radio else {}
        if key in st.session_state and st.session_state[key] not in options:
            del st.session_state[key]  # a stale value from another page's control with this key
        value = widget(
            t(control.label, self.lang), options, index=options.index(default), key=key,
            format_func=lambda option: t(control.option_label + option, self.lang),
            help=t(control.help, self.lang) if control.help else None,
            on_change=self._on_change(bound=False), **extra)
        sync_url_param(key, value if value != default else None)
        return value

    def _toggle(self, control: Toggle, container):
        """A URL-bound checkbox (``key=true/false``)."""
        key, raw = control.key, self._raw(control.key)
        if raw is not None and raw.lower() in _TRUE + _FALSE:
            self._seed(key, raw.lower() in _TRUE)
        elif raw is not None and raw.lower() not in ("true", "false"):
            self._note("notice.not_a_flag", key=key, raw=raw, value=str(control.default).lower())
        return container.checkbox(
            t(control.label, self.lang), value=control.default, key=key, bind="query-params",
            help=t(control.help, self.lang) if control.help else None,
            on_change=self._on_change())

    @contextmanager
    def section(self, fragment_key: str):
        """Controls created inside rerun only the section's fragment and the share menu."""
        self._section = fragment_key
        try:
            yield
        finally:
            self._section = None

    def _on_change(self, bound: bool = True):
        """Inside a section: rerun that section and the share menu (presets, link), no more.

        A select box is not URL-bound (its id is synced by hand through st.query_params), and
        what a fragment's rerun writes there was not seen to reach the address bar: changing one
        reruns the whole page. (Even then Streamlit 1.67 shows it one interaction late.)
        """
        if self._section is None:
            return None
        if not bound:
            return _rerun_page
        return functools.partial(self._rerun_section, self._section)

    def _rerun_section(self, fragment_key: str) -> None:
        st.rerun([fragment_key, SHARE_FRAGMENT, *self.followers])

    def current_values(self) -> dict[str, object]:
        """Every control's value now: a section's rerun changes some after ``values`` was read;
        a control not drawn yet in this run (below a quiz card) comes from its widget state."""
        for key in self.values:
            if key in st.session_state:
                self.values[key] = st.session_state[key]
        undrawn = {key: st.session_state[key] for key in self.table.defaults
                   if key not in self.values and key in st.session_state}
        return {**self.values, **undrawn} if undrawn else self.values

    def _note(self, string_key: str, **values) -> None:
        self._notices.append(t(string_key, self.lang, **values))

    def _apply_preset(self) -> None:
        choice = st.session_state[_PRESET_WIDGET]
        for key, value in self.table.presets.get(choice, {}).items():
            st.session_state[key] = value
        _rerun_page()  # the whole page, not only the share menu's fragment the box is drawn in

    def matching_preset(self) -> str:
        """The preset whose settings equal the controls' current values, or "custom"."""
        for name, settings in self.table.presets.items():
            if all(self.values.get(key) == value for key, value in settings.items()):
                return name
        return CUSTOM_PRESET

    def _draw_presets(self) -> None:
        if not self.table.presets:
            return
        options = [CUSTOM_PRESET, *self.table.presets]
        st.session_state[_PRESET_WIDGET] = self.matching_preset()
        self._preset_slot.selectbox(
            ":material/bookmark: " + t("preset.label", self.lang), options, key=_PRESET_WIDGET,
            format_func=lambda name: t("preset.custom", self.lang) if name == CUSTOM_PRESET
            else t(self.table.preset_label + name, self.lang),
            on_change=self._apply_preset, help=t("preset.help", self.lang))

    def link_params(self) -> dict[str, object]:
        """The query parameters that reproduce this view (settings, language, presenter)."""
        params = {key: url_value(value) for key, value in self.changed_settings().items()}
        if self.lang != DEFAULT_LANGUAGE:
            params[LANG_PARAM] = self.lang
        if presenter_mode():
            params["present"] = "1"
        if room_code():  # the room's link, never the presenter's host token
            params[ROOM_PARAM] = room_code()
        return params

    def _draw_share(self) -> None:
        params = self.link_params()
        base = st.context.url or ""
        link = base + ("?" + urlencode(params) if params else "")
        settings = {"page": self.page_id, "settings": dict(self.values), "link": link}
        with st.sidebar.popover(t("share.menu", self.lang), icon=":material/share:",
                                width="stretch"):
            st.caption(t("share.link", self.lang))
            st.code(link or "?" + urlencode(params), language=None, wrap_lines=True)
            if link:  # a QR code of a link without its address would open nothing
                qr_menu(link, self.lang)
            st.download_button(
                t("share.json", self.lang), data=json.dumps(settings, indent=2, default=str),
                file_name=f"gradient-lab_{self.page_id}_settings.json",
                mime="application/json", on_click="ignore", icon=":material/data_object:")
            iframe_menu(self.lang, page_charts(self.page_id), base, params)
        if link:
            large_qr_button(link, self.lang)

    def report(self) -> None:
        """After all controls exist: presets, the share menu, and one warning at the top of the
        page naming every link parameter that was replaced."""
        if figure_view() is None:  # figure-only: no sidebar, no menus
            with self._preset_slot:
                _share_fragment(self)
        for key in st.query_params:
            if key not in self._keys and key not in SHELL_PARAMS:
                self._note("notice.unknown_param", key=key)
        if self._notices:
            details = "\n".join(f"- {notice}" for notice in self._notices)
            self._notice_slot.warning(
                t("notice.ignored_params", self.lang, details="") + "\n\n" + details,
                icon=":material/link_off:")


def _rerun_page() -> None:
    st.rerun()


def section(fragment_key: str):
    """Decorator: a page section ``draw(lang, controls, ...)`` that reruns on its own.

    Its controls rerun only the section (an ``st.fragment``) and the share menu, so the
    address, the presets box and the link stay right while the rest of the page is untouched.
    """

    def decorate(draw):
        @st.fragment(key=fragment_key)
        @functools.wraps(draw)
        def run(lang: str, controls: "Controls", *args, **kwargs):
            with controls.section(fragment_key):
                return draw(lang, controls, *args, **kwargs)

        return run

    return decorate


@st.fragment(key=SHARE_FRAGMENT)
def _share_fragment(controls: Controls) -> None:
    """The presets box and the share menu, from the controls' current values."""
    controls.current_values()
    controls._draw_presets()
    controls._draw_share()


def url_value(value) -> str:
    """How a control's value is written in a link (booleans as true/false)."""
    return str(value).lower() if isinstance(value, bool) else str(value)

