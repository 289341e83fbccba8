"""The explosion page's controls and presets: two networks side by side (keys l_* and r_*),
the width and seed they share, and the clipping threshold."""

from core.activations import ACTIVATIONS
from core.ensemble import INITS
from ui.control_table import Control, ControlTable, Select, Slider, Toggle, seed_slider

SIDES = {"l": "left", "r": "right"}  # key prefix -> side id (titles "ex.<id>", chart ids)
REMEDY_TOGGLES = ("good", "bn", "res")  # better init, batch norm, residual: in the column


def side_controls(side: str, act: str, init: str, gain: float, depth: int
                  ) -> tuple[Control, ...]:
    """One column's network and remedies (keys ``<side>_act`` ...), with its defaults."""
    return (
        Select(f"{side}_act", "ex.activation", ACTIVATIONS, act, option_label="act."),
        Select(f"{side}_init", "ex.init", INITS, init, option_label="init."),
        Slider(f"{side}_gain", "ex.gain", 0.25, 4.0, gain, step=0.05, help="ex.gain.help"),
        Slider(f"{side}_depth", "ex.depth", 1, 100, depth),
        Toggle(f"{side}_good", "ex.better_init", help="ex.better_init.help"),
        Toggle(f"{side}_bn", "ex.bn", help="ex.bn.help"),
        Toggle(f"{side}_res", "ex.residual", help="ex.residual.help"),
        Toggle(f"{side}_clip", f"ex.clip.{side}", help="ex.clip.help"),  # in the clipping section
    )


TABLE = ControlTable("explosion", "ex.preset.", (
    *side_controls("l", "sigmoid", "xavier", 1.0, 30),
    *side_controls("r", "relu", "he", 1.5, 30),
    Slider("width", "ex.width", 16, 128, 64, step=16),
    seed_slider(),
    Slider("max_norm", "ex.max_norm", 0.1, 10.0, 1.0, step=0.1, help="ex.max_norm.help"),
), presets={
    "defaults": {},
    "bn_rescues_vanishing": {"l_bn": True},
    "residual_rescues": {"l_res": True, "r_res": True},
    "bn_alone_explodes_relu": {"l_act": "relu", "l_init": "he", "r_gain": 1.0, "r_bn": True},
    "clipping_only_caps": {"l_clip": True, "r_clip": True},
})
