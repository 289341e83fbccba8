"""Settings a learner could have: every control of a page's table at a random value it can take
(sliders on their grid, a select box's options, toggles on or off)."""

import random

from ui.control_table import ControlTable, Select, Slider


def random_settings(table: ControlTable, rng: random.Random) -> dict:
    """One random value per control of ``table``; the table accepts every one."""
    settings = {}
    for key, control in table.controls.items():
        if isinstance(control, Slider):
            steps = round((control.high - control.low) / control.grid_step)
            value = control.low + rng.randint(0, steps) * control.grid_step
            settings[key] = int(round(value)) if control.integer else round(value, 10)
        elif isinstance(control, Select):
            settings[key] = rng.choice(list(control.options))
        else:
            settings[key] = rng.random() < 0.5
    assert table.with_changes(settings) == settings
    return settings
