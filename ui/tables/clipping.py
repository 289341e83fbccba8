"""The gradient-clipping page's controls and presets."""

from core.cliff import CLIFF_REGION
from core.clipping import METHODS
from ui.control_table import ControlTable, Slider, Toggle, seed_slider

(W1_LOW, W1_HIGH), (W2_LOW, W2_HIGH) = CLIFF_REGION

TABLE = ControlTable("clipping", "cl.preset.", (
    # (a) one 2-D gradient
    Slider("mag", "cl.a.mag", 0.1, 5.0, 3.0, step=0.1, help="cl.a.mag.help"),
    Slider("ang", "cl.a.angle", -180, 180, 30, help="cl.a.angle.help"),
    Slider("thr", "cl.a.threshold", 0.1, 5.0, 1.0, step=0.1, help="cl.a.threshold.help"),
    # (b) a deep network's gradient
    Slider("depth", "cl.b.depth", 2, 40, 12),
    Slider("width", "cl.b.width", 8, 64, 32),
    Slider("gain", "cl.b.gain", 0.5, 3.0, 2.0, step=0.1, help="cl.b.gain.help"),
    Slider("keep", "cl.b.keep", 1, 99, 10, help="cl.b.keep.help"),
    seed_slider(),
    # (c) the cliff: which methods are drawn, the threshold and the run
    *(Toggle(method, f"method.{method}", default=True) for method in METHODS),
    Slider("ct", "cl.c.threshold", 0.1, 10.0, 2.0, step=0.1, help="cl.c.threshold.help"),
    Slider("lr", "cl.c.lr", 0.05, 2.0, 0.5, step=0.05),
    Slider("steps", "cl.c.steps", 1, 200, 40),
    Slider("w1", "cl.c.w1", W1_LOW, W1_HIGH, -4.0, step=0.1),
    Slider("w2", "cl.c.w2", W2_LOW, W2_HIGH, 3.5, step=0.1),
), presets={
    "clipping_saves_cliff": {},
    "value_bends_direction": {"mag": 4.0, "ang": 75, "keep": 1},
    "axis_aligned": {"ang": 0},
    "tiny_threshold": {"thr": 0.1, "keep": 1, "ct": 0.1},
})
