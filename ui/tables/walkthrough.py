"""The walkthrough's one control: which scene of the workshop story is shown."""

from ui.control_table import ControlTable, Slider
from ui.presets import SCENES

TABLE = ControlTable("walkthrough", "wt.preset.", (
    Slider("scene", "wt.scene", 1, len(SCENES), 1, help="wt.scene.help"),
))
