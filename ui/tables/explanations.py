"""The explanations page's controls and presets: the studied model's recipe."""

from core.datasets import DATASETS
from core.saliency_study import BATCH, REFERENCE
from ui.control_table import ControlTable, Select, Slider, Toggle, seed_slider
from ui.format import plain

TABLE = ControlTable("explanations", "xai.preset.", (
    Select("data", "xai.control.data", DATASETS, "moons", option_label="xai.data."),
    Slider("depth", "xai.control.depth", 2, 8, 4),
    Slider("width", "xai.control.width", 8, 64, 32, step=8),
    Slider("gain", "xai.control.gain", 0.5, 4.0, 2.0, step=0.1, help="xai.control.gain.help"),
    Slider("lr", "xai.control.lr", 0.01, 1.0, 0.5, step=0.01, help="xai.control.lr.help",
           help_values={"batch": BATCH, "lr": plain(REFERENCE["lr"])}),
    Slider("steps", "xai.control.steps", 100, 1000, 400, step=50),
    Toggle("clip", "xai.control.clip", False, help="xai.control.clip.help"),
    Slider("c", "xai.control.c", 0.1, 10.0, 1.0, step=0.1),
    seed_slider(),
), presets={
    "healthy": {"gain": 1.0, "lr": 0.1},
    "exploding": {},
    "exploding_clipped": {"clip": True},
})
