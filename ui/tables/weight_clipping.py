"""The weight-clipping page's controls and presets."""

from core.activations import ACTIVATIONS
from core.datasets import DATASETS
from ui.control_table import ControlTable, Select, Slider, seed_slider

TABLE = ControlTable("weight_clipping", "wc.preset.", (
    Slider("c", "wc.control.c", 0.005, 1.0, 0.1, step=0.005, fmt="%.3f",
           help="wc.control.c.help"),
    Slider("depth", "wc.control.depth", 1, 100, 50),  # sections 1 and 2: the random networks
    Slider("width", "wc.control.width", 8, 256, 128, step=8),
    Slider("gain", "wc.control.gain", 0.5, 2.0, 1.2, step=0.05, help="wc.control.gain.help"),
    Select("act", "wc.control.act", ACTIVATIONS, "relu", option_label="act."),
    seed_slider(),
    Select("data", "wc.control.data", DATASETS, "moons", option_label="wc.data.",
           help="wc.control.data.help"),  # section 3's training runs
), presets={
    "no_real_clipping": {"c": 1.0},
    "wgan_c_001": {"c": 0.01},
    "tight_clip_vanishes": {"c": 0.005, "depth": 20},
})
