"""Every page's questions, by page id."""

from ui.questions import (
    chain_rule,
    clipping,
    descent,
    explanations,
    explosion,
    training,
    weight_clipping,
)

QUESTIONS = {module.__name__.rsplit(".", 1)[1]: module.QUESTIONS
             for module in (chain_rule, clipping, weight_clipping, descent, explosion, training,
                            explanations)}
