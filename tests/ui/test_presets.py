"""Presets and the walkthrough's scenes: every preset sets its whole page, and the page obeys."""

import pytest

from tests.apptest import assert_all_finite, charts, open_page
from ui.i18n import LANGUAGES, STRINGS, t
from ui.presets import LABEL_PREFIXES, PRESETS, SCENES, preset_label
from ui.shell import PAGES_BY_ID

PAGES = {page_id: PAGES_BY_ID[page_id].path for page_id in PRESETS}
SHELL_WIDGETS = {"lang_choice", "presenter_choice", "preset"}  # not page controls
WIDGET_KINDS = ("slider", "selectbox", "checkbox", "radio", "toggle")


def page_controls(at) -> dict:
    """The page's own controls by key (the key is also their URL parameter)."""
    return {widget.key: widget for kind in WIDGET_KINDS for widget in at.get(kind)
            if widget.key and widget.key not in SHELL_WIDGETS
            and not widget.key.startswith("quiz_")}  # the question card's own widgets


def assert_shows(at, preset_id: str, preset: dict) -> None:
    """No error or notice, every control at the preset's value, finite charts, box names it."""
    assert not at.exception, (preset_id, at.exception)
    link_notices = [w.value for w in at.warning if w.icon == ":material/link_off:"]
    assert not link_notices, (preset_id, link_notices)
    controls = page_controls(at)
    assert set(controls) == set(preset), (preset_id, set(controls) ^ set(preset))
    for key, value in preset.items():
        shown = controls[key].value
        assert shown == (pytest.approx(value) if isinstance(value, float) else value), \
            (preset_id, key, shown, value)
    assert at.selectbox(key="preset").value == preset_id
    assert charts(at), preset_id
    assert_all_finite(at)


@pytest.mark.parametrize("page_id", PAGES)
def test_choosing_each_preset_sets_every_control_of_its_page(page_id):
    """One session walks through every preset (each must override the one before) and back;
    then a changed control leaves the preset ("custom")."""
    at = open_page(PAGES[page_id])
    order = [*PRESETS[page_id], next(iter(PRESETS[page_id]))]
    for preset_id in order:
        at.selectbox(key="preset").set_value(preset_id).run()
        assert_shows(at, preset_id, PRESETS[page_id][preset_id])
    slider = next(widget for widget in at.slider if widget.key in PRESETS[page_id][order[-1]])
    low, high = slider.min, slider.max
    slider.set_value(high if slider.value != high else low).run()
    assert not at.exception
    assert at.selectbox(key="preset").value == "custom"


def test_a_link_with_a_preset_s_values_opens_with_that_preset_named():
    preset = PRESETS["explosion"]["bn_alone_explodes_relu"]
    params = {key: str(value).lower() if isinstance(value, bool) else str(value)
              for key, value in preset.items()}
    at = open_page(PAGES["explosion"], params)
    assert_shows(at, "bn_alone_explodes_relu", preset)


def test_presets_are_distinct_and_labelled_in_both_languages():
    for page_id, presets in PRESETS.items():
        settings = [tuple(sorted(preset.items())) for preset in presets.values()]
        assert len(set(settings)) == len(settings), page_id  # the box could not tell them apart
        assert len({frozenset(preset) for preset in presets.values()}) == 1, page_id
        for lang in LANGUAGES:
            labels = [preset_label(page_id, preset_id, lang) for preset_id in presets]
            assert len(set(labels)) == len(labels), (page_id, lang)
        for preset_id in presets:
            assert set(STRINGS[LABEL_PREFIXES[page_id] + preset_id]) == set(LANGUAGES)


def test_the_scenes_tell_a_workshop_story_with_a_sentence_each_in_both_languages():
    assert 8 <= len(SCENES) <= 24 and len(set(SCENES)) == len(SCENES)
    assert {page_id for page_id, _ in SCENES} == set(PAGES)  # every page has its moment
    for page_id, preset_id in SCENES:
        assert preset_id in PRESETS[page_id], (page_id, preset_id)
        key = f"wt.scene.{page_id}.{preset_id}"
        assert set(STRINGS[key]) == set(LANGUAGES), key
        assert t(key, "en") != t(key, "zh")
        assert all(t(key, lang).strip() for lang in LANGUAGES), key
