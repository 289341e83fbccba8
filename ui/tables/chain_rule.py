"""The chain rule page's controls and presets."""

from core.activations import ACTIVATIONS
from core.ensemble import INITS
from ui.control_table import ControlTable, Select, Slider, seed_slider

BATCH = 4  # random inputs per sampled network

TABLE = ControlTable("chain_rule", "cr.preset.", (
    Slider("depth", "cr.depth", 1, 200, 50, help="cr.depth.help"),
    Slider("width", "cr.width", 4, 512, 128, help="cr.width.help"),
    Select("act", "cr.act", ACTIVATIONS, "relu", option_label="act."),
    Select("init", "cr.init", INITS, "he", option_label="init.", help="cr.init.help"),
    Slider("gain", "cr.gain", 0.25, 4.0, 1.0, step=0.05, help="cr.gain.help"),
    Slider("samples", "cr.samples", 1, 32, 8, help="cr.samples.help",
           help_values={"batch": BATCH}),
    seed_slider(),
    Slider("layers", "cr.layers", 1, 12, 6, help="cr.layers.help"),  # forward distributions
), presets={
    "healthy": {},
    "exploding": {"gain": 1.5},
    "vanishing": {"depth": 30, "act": "sigmoid", "init": "xavier"},
    "relu_not_the_cause": {"act": "linear"},
    "tanh_saturates": {"act": "tanh", "init": "xavier", "gain": 3.0},
    "float32_overflow": {"depth": 200, "gain": 2.0, "samples": 3},
})
