"""The training lab's controls and presets: configuration A, and B's overrides of it."""

from core.activations import ACTIVATIONS
from core.clipping import METHODS
from core.datasets import DATASETS
from core.ensemble import INITS
from core.lab import BATCH, FLAGS, LEARNING_RATES, WEIGHT_CLIPS
from core.optimizers import OPTIMIZERS
from core.schedules import SCHEDULES
from core.switches import SWITCHES
from ui.control_table import ControlTable, Select, Slider, Toggle, seed_slider

DATA_KEYS = ("data", "depth", "width", "act", "init", "gain")  # the sidebar's groups, in order
OPTIM_KEYS = ("opt", "lr", "sched", "steps")
REMEDY_KEYS = ("clip", "thr", "wc", "bn", "res", "seed")
B_KEYS = ("bclip", "bthr", "blr", "bsched", "bopt", "binit", "bbn", "bres", "bwc", "bswitch",
          "bat")


def b_select(key: str, options, option_label: str) -> Select:
    """A control of configuration B: "same" (keep A's setting) or one of ``options``."""
    return Select(key, f"tl.control.{key}", ("same", *options), "same", option_label=option_label)


# single runs that the comparison presets build on
_EXPLODING = {"depth": 8, "gain": 2.0}
_LR_HIGH = {"data": "circles", "opt": "momentum", "lr": "1"}
_VANISHING = {"data": "circles", "depth": 10, "act": "sigmoid", "init": "xavier", "opt": "adam",
              "lr": "0.01"}

TABLE = ControlTable("training", "tl.preset.", (
    Select("data", "tl.control.data", DATASETS, "moons", option_label="tl.data."),
    Slider("depth", "tl.control.depth", 2, 16, 4, help="tl.control.depth.help"),
    Slider("width", "tl.control.width", 4, 64, 32, step=4),
    Select("act", "tl.control.act", ACTIVATIONS, "relu", option_label="act."),
    Select("init", "tl.control.init", INITS, "he", option_label="init."),
    Slider("gain", "tl.control.gain", 0.1, 4.0, 1.0, step=0.05, help="tl.control.gain.help"),
    Select("opt", "tl.control.opt", OPTIMIZERS, "sgd", option_label="tl.opt.",
           help="tl.control.opt.help"),
    Select("lr", "tl.control.lr", LEARNING_RATES, "0.1", option_label="tl.lr."),
    Select("sched", "tl.control.sched", SCHEDULES, "constant", option_label="tl.sched.",
           help="tl.control.sched.help"),
    Slider("steps", "tl.control.steps", 50, 2000, 500, step=50, help="tl.control.steps.help",
           help_values={"batch": BATCH}),
    Select("clip", "tl.control.clip", METHODS, "none", option_label="method."),
    Slider("thr", "tl.control.thr", 0.1, 10.0, 1.0, step=0.1, help="tl.control.thr.help"),
    Select("wc", "tl.control.wc", WEIGHT_CLIPS, "off", option_label="tl.wc.",
           help="tl.control.wc.help"),
    Toggle("bn", "tl.control.bn", False, help="tl.control.bn.help"),
    Toggle("res", "tl.control.res", False, help="tl.control.res.help"),
    seed_slider(),
    Toggle("cmp", "tl.control.cmp", False, help="tl.control.cmp.help"),
    Select("bclip", "tl.control.bclip", ("same", *METHODS), "norm", option_label="tl.bmethod."),
    Slider("bthr", "tl.control.bthr", 0.1, 10.0, 1.0, step=0.1),
    b_select("blr", LEARNING_RATES, "tl.blr."),
    b_select("bsched", SCHEDULES, "tl.bsched."),
    b_select("bopt", OPTIMIZERS, "tl.bopt."),
    b_select("binit", INITS, "tl.binit."),
    Select("bbn", "tl.control.bbn", FLAGS, "same", option_label="tl.bflag."),
    Select("bres", "tl.control.bres", FLAGS, "same", option_label="tl.bflag."),
    b_select("bwc", WEIGHT_CLIPS, "tl.bwc."),
    Select("bswitch", "tl.control.bswitch", ("none", *SWITCHES), "none",
           option_label="tl.bswitch.", help="tl.control.bswitch.help"),
    Slider("bat", "tl.control.bat", 1, 2000, 100, help="tl.control.bat.help"),
), presets={
    "exploding": _EXPLODING,
    "exploding_norm": {**_EXPLODING, "cmp": True},
    "lr_high": _LR_HIGH,
    "lr_decay": {**_LR_HIGH, "cmp": True, "bclip": "same", "bsched": "inverse_time"},
    "vanishing": _VANISHING,
    "residual": {**_VANISHING, "cmp": True, "bclip": "same", "bres": "on"},
    "batch_norm": {**_VANISHING, "cmp": True, "bclip": "same", "bbn": "on"},
    "weight_clip": {**_EXPLODING, "cmp": True, "bclip": "same", "bwc": "0.2"},
    # A's momentum run on circles explodes at step 78; B clips by norm from step 60 on
    "switch_clip": {"data": "circles", "depth": 8, "opt": "momentum", "lr": "0.3", "cmp": True,
                    "bclip": "same", "bswitch": "clip_norm", "bat": 60, "bthr": 1.0},
})
