"""The walkthrough: scenes in order, previous/next, links that open each scene's preset."""

from tests.apptest import open_page, texts
from ui.i18n import t
from ui.presets import PRESETS, SCENES

PAGE = "pages/8_walkthrough.py"


def opening(page_id: str, preset_id: str, lang: str = "en") -> str:
    """A scene sentence up to its first number (the numbers are filled in by the page)."""
    return t(f"wt.scene.{page_id}.{preset_id}", lang).split("{")[0]


def scene_links(at) -> list:
    return [link for link in at.get("page_link") if link.proto.query_string]


def test_the_first_scene_shows_its_sentence_and_a_link_with_its_preset():
    at = open_page(PAGE)
    assert not at.exception
    page_id, preset_id = SCENES[0]
    assert opening(page_id, preset_id) in texts(at)
    first = scene_links(at)[0]
    for key, value in PRESETS[page_id][preset_id].items():
        written = str(value).lower() if isinstance(value, bool) else str(value)
        assert f"{key}={written}" in first.proto.query_string.replace("%2C", ",")


def test_next_and_previous_move_through_the_scenes_and_stop_at_the_ends():
    at = open_page(PAGE)
    previous, following = at.button[0], at.button[1]
    assert previous.disabled and not following.disabled
    following.click().run()
    assert at.slider(key="scene").value == 2
    page_id, preset_id = SCENES[1]
    assert opening(page_id, preset_id) in texts(at)
    at.button[0].click().run()
    assert at.slider(key="scene").value == 1


def test_a_link_opens_a_given_scene_and_the_last_one_has_no_next():
    at = open_page(PAGE, {"scene": str(len(SCENES))})
    assert not at.exception and at.slider(key="scene").value == len(SCENES)
    assert at.button[1].disabled
    assert len(scene_links(at)) == len(SCENES) + 1  # the scene's link and the list


def test_walkthrough_in_chinese():
    at = open_page(PAGE, {"lang": "zh"})
    body = texts(at)
    page_id, preset_id = SCENES[0]
    assert "场景 1" in body and opening(page_id, preset_id, "zh") in body
