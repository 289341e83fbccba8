"""Control tables: a default is stated once, and a preset can only change controls that exist."""

import importlib
import pkgutil

import pytest

import ui.tables
from ui.control_table import ControlTable, Select, Slider, Toggle, seed_slider
from ui.i18n import STRINGS
from ui.presets import LABEL_PREFIXES, PRESETS

CONTROLS = (Slider("depth", "cr.depth", 1, 200, 50), Slider("gain", "cr.gain", 0.25, 4.0, 1.0),
            Select("act", "cr.act", ("relu", "tanh"), "relu", option_label="act."),
            Toggle("bn", "cr.depth"), seed_slider())


def test_presets_are_the_defaults_with_their_changes():
    table = ControlTable("p", "x.", CONTROLS, presets={"deep": {"depth": 120, "bn": True}})
    assert table.defaults == {"depth": 50, "gain": 1.0, "act": "relu", "bn": False, "seed": 0}
    assert table.presets["deep"] == {**table.defaults, "depth": 120, "bn": True}


@pytest.mark.parametrize("changes, error", [
    ({"dept": 10}, KeyError),  # a control that does not exist
    ({"depth": 201}, ValueError),  # out of range
    ({"depth": 2.5}, ValueError),  # not an integer
    ({"gain": True}, ValueError),  # a flag is not a number
    ({"act": "gelu"}, ValueError),  # not an option
    ({"bn": 1}, ValueError),  # a toggle takes a bool
])
def test_a_preset_that_names_no_control_or_a_value_it_cannot_take_fails_at_import(changes, error):
    with pytest.raises(error):
        ControlTable("p", "x.", CONTROLS, presets={"bad": changes})


def test_a_default_outside_its_range_or_a_repeated_key_fails():
    with pytest.raises(ValueError):
        ControlTable("p", "x.", (Slider("depth", "cr.depth", 1, 200, 500),))
    with pytest.raises(ValueError):
        ControlTable("p", "x.", (Slider("depth", "cr.depth", 1, 200, 5),
                                 Toggle("depth", "cr.depth")))


def test_slider_kind_and_step():
    assert Slider("d", "l", 1, 200, 50).integer and Slider("d", "l", 1, 200, 50).grid_step == 1
    assert not Slider("g", "l", 0.0, 2.0, 1.0).integer
    assert Slider("g", "l", 0.0, 2.0, 1.0).grid_step == pytest.approx(0.02)


TABLES = [importlib.import_module(f"ui.tables.{module.name}").TABLE
          for module in pkgutil.iter_modules(ui.tables.__path__)]


def test_every_label_help_and_option_of_a_table_has_a_string():
    assert TABLES
    for table in TABLES:
        for control in table.controls.values():
            keys = [control.label] + ([control.help] if control.help else [])
            if isinstance(control, Select):
                keys += [control.option_label + option for option in control.options]
            assert all(key in STRINGS for key in keys), control.key
        assert all(table.preset_label + name in STRINGS for name in table.presets)
        # PRESETS holds every page's presets, and only those (the walkthrough's table has none)
        assert PRESETS.get(table.page_id, {}) == dict(table.presets)
        assert not table.presets or LABEL_PREFIXES[table.page_id] == table.preset_label
