"""Named settings for the workshop: teaching moments per page, and the walkthrough's story.

``PRESETS[page_id][preset_id]`` names the value of *every* URL control of the page (a preset
sets the whole view, so it looks the same whoever chose what before). Options are ids.
Labels: ``<page prefix>.preset.<preset_id>`` in the page's string module.
``SCENES`` is the walkthrough's order; what to say per scene is ``wt.scene.<page>.<preset>``.
"""

from ui.i18n import t
from ui.tables import chain_rule


def _preset(base: dict, **changes) -> dict[str, object]:
    """``base`` (a page's defaults) with ``changes`` (which must name controls of the page)."""
    unknown = set(changes) - set(base)
    if unknown:
        raise KeyError(f"not a control of the page: {sorted(unknown)}")
    return {**base, **changes}


_CLIPPING = {
    "mag": 3.0, "ang": 30, "thr": 1.0,  # (a) the 2-D picture
    "depth": 12, "width": 32, "gain": 2.0, "keep": 10, "seed": 0,  # (b) a deep gradient
    "none": True, "value": True, "norm": True,  # (c) the cliff: which methods are drawn
    "ct": 2.0, "lr": 0.5, "steps": 40, "w1": -4.0, "w2": 3.5,
}

_WEIGHT_CLIPPING = {"c": 0.1, "depth": 50, "width": 128, "gain": 1.2, "act": "relu", "seed": 0,
                    "data": "moons"}

_DESCENT = {
    "lam": 4.0, "eta": 0.4, "x0": 1.0, "k": 12,  # (a) one dimension
    "L": 10.0, "mu": 1.0, "frac": 0.95, "k2": 40,  # (b) two dimensions
    "stp": True, "exp": True, "cos": True, "inv": True, "eta0": 3.0, "end": 0.05, "k3": 60,
}

_EXPLANATIONS = {"data": "moons", "depth": 4, "width": 32, "gain": 1.0, "lr": 0.1, "steps": 400,
                 "clip": False, "c": 1.0, "seed": 0}

TRAINING_DEFAULTS = {
    "data": "moons", "depth": 4, "width": 32, "act": "relu", "init": "he", "gain": 1.0,
    "opt": "sgd", "lr": "0.1", "sched": "constant", "steps": 500, "clip": "none", "thr": 1.0,
    "wc": "off", "bn": False, "res": False, "seed": 0, "cmp": False,
    # configuration B: overrides of A ("same" keeps A's setting)
    "bclip": "norm", "bthr": 1.0, "blr": "same", "bsched": "same", "bopt": "same",
    "binit": "same", "bbn": "same", "bres": "same", "bwc": "same",
}
_EXPLODING_RUN = _preset(TRAINING_DEFAULTS, depth=8, gain=2.0)
_LR_HIGH_RUN = _preset(TRAINING_DEFAULTS, data="circles", opt="momentum", lr="1")
_VANISHING_RUN = _preset(TRAINING_DEFAULTS, data="circles", depth=10, act="sigmoid",
                         init="xavier", opt="adam", lr="0.01")

_SIDE_DEFAULTS = {"good": False, "bn": False, "res": False, "clip": False}
_EXPLOSION = {
    "width": 64, "max_norm": 1.0, "seed": 0,
    "l_act": "sigmoid", "l_init": "xavier", "l_gain": 1.0, "l_depth": 30,
    **{f"l_{key}": value for key, value in _SIDE_DEFAULTS.items()},
    "r_act": "relu", "r_init": "he", "r_gain": 1.5, "r_depth": 30,
    **{f"r_{key}": value for key, value in _SIDE_DEFAULTS.items()},
}


PRESETS: dict[str, dict[str, dict[str, object]]] = {
    "chain_rule": dict(chain_rule.TABLE.presets),
    "clipping": {
        "clipping_saves_cliff": _preset(_CLIPPING),
        "value_bends_direction": _preset(_CLIPPING, mag=4.0, ang=75, keep=1),
        "axis_aligned": _preset(_CLIPPING, ang=0),
        "tiny_threshold": _preset(_CLIPPING, thr=0.1, keep=1, ct=0.1),
    },
    "weight_clipping": {
        "no_real_clipping": _preset(_WEIGHT_CLIPPING, c=1.0),
        "wgan_c_001": _preset(_WEIGHT_CLIPPING, c=0.01),
        "tight_clip_vanishes": _preset(_WEIGHT_CLIPPING, c=0.005, depth=20),
    },
    "descent": {
        "monotone": _preset(_DESCENT, eta=0.1),
        "one_step": _preset(_DESCENT, eta=0.25),
        "oscillating": _preset(_DESCENT),
        "no_convergence": _preset(_DESCENT, eta=0.5),
        "lr_past_2_over_lambda": _preset(_DESCENT, eta=0.6, k=10),
        "ill_conditioned": _preset(_DESCENT, L=50.0, mu=0.5, frac=0.95, k2=100),
        "decay_rescues": _preset(_DESCENT, stp=False, cos=False, inv=False, eta0=3.0, k3=120),
    },
    "explanations": {
        "healthy": _preset(_EXPLANATIONS),
        "exploding": _preset(_EXPLANATIONS, gain=2.0, lr=0.5),
        "exploding_clipped": _preset(_EXPLANATIONS, gain=2.0, lr=0.5, clip=True),
    },
    "training": {
        "exploding": _EXPLODING_RUN,
        "exploding_norm": _preset(_EXPLODING_RUN, cmp=True),
        "lr_high": _LR_HIGH_RUN,
        "lr_decay": _preset(_LR_HIGH_RUN, cmp=True, bclip="same", bsched="inverse_time"),
        "vanishing": _VANISHING_RUN,
        "residual": _preset(_VANISHING_RUN, cmp=True, bclip="same", bres="on"),
        "batch_norm": _preset(_VANISHING_RUN, cmp=True, bclip="same", bbn="on"),
        "weight_clip": _preset(_EXPLODING_RUN, cmp=True, bclip="same", bwc="0.2"),
    },
    "explosion": {
        "defaults": _preset(_EXPLOSION),
        "bn_rescues_vanishing": _preset(_EXPLOSION, l_bn=True),
        "residual_rescues": _preset(_EXPLOSION, l_res=True, r_res=True),
        "bn_alone_explodes_relu": _preset(_EXPLOSION, l_act="relu", l_init="he",
                                          r_gain=1.0, r_bn=True),
        "clipping_only_caps": _preset(_EXPLOSION, l_clip=True, r_clip=True),
    },
}

# Where each page's preset labels live: "<prefix><preset id>" in its string module.
LABEL_PREFIXES = {"chain_rule": "cr.preset.", "clipping": "cl.preset.",
                  "weight_clipping": "wc.preset.", "explosion": "ex.preset.",
                  "descent": "gd.preset.", "explanations": "xai.preset.",
                  "training": "tl.preset."}


def preset_label(page_id: str, preset_id: str, lang: str) -> str:
    """The translated name of a preset (as the page's preset box shows it)."""
    return t(LABEL_PREFIXES[page_id] + preset_id, lang)


# The workshop story across the four pages, one teaching moment per scene: how the product of
# layers explodes or vanishes, why ReLU is not the cause, what each remedy really does.
SCENES: tuple[tuple[str, str], ...] = (
    ("chain_rule", "healthy"),
    ("chain_rule", "exploding"),
    ("chain_rule", "relu_not_the_cause"),
    ("chain_rule", "vanishing"),
    ("explosion", "defaults"),
    ("explosion", "bn_rescues_vanishing"),
    ("explosion", "bn_alone_explodes_relu"),
    ("explosion", "residual_rescues"),
    ("clipping", "value_bends_direction"),
    ("clipping", "clipping_saves_cliff"),
    ("explosion", "clipping_only_caps"),
    ("weight_clipping", "wgan_c_001"),
    ("training", "exploding_norm"),
    ("training", "residual"),
    ("descent", "oscillating"),
    ("descent", "lr_past_2_over_lambda"),
    ("descent", "decay_rescues"),
    ("explanations", "exploding"),
    ("explanations", "exploding_clipped"),
)
