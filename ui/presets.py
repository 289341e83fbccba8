"""Named settings for the workshop: teaching moments per page, and the walkthrough's story.

``PRESETS[page_id][preset_id]`` names the value of *every* URL control of the page (a preset
sets the whole view, so it looks the same whoever chose what before). Options are ids.
Labels: ``<page prefix>.preset.<preset_id>`` in the page's string module.
``SCENES`` is the walkthrough's order; what to say per scene is ``wt.scene.<page>.<preset>``.
"""

from ui.i18n import t
from ui.tables import (
    chain_rule,
    clipping,
    descent,
    explanations,
    explosion,
    training,
    weight_clipping,
)

PRESETS: dict[str, dict[str, dict[str, object]]] = {
    "chain_rule": dict(chain_rule.TABLE.presets),
    "clipping": dict(clipping.TABLE.presets),
    "weight_clipping": dict(weight_clipping.TABLE.presets),
    "descent": dict(descent.TABLE.presets),
    "explanations": dict(explanations.TABLE.presets),
    "training": dict(training.TABLE.presets),
    "explosion": dict(explosion.TABLE.presets),
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
