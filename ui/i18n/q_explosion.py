"""Strings of the explosion page's questions (ui/questions/explosion.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "q.explosion.bn_relu": {
        "en": "Width n = {width} and seed {seed} as you set them. {a}: {l_act}, {l_init} init, gain "
        "{l_gain}, depth {l_depth}, no remedy. {b}: "
        "{r_act}, {r_init} init, gain {r_gain}, depth {r_depth}, with batch normalisation. "
        "Whose gradient explodes (grows more than {tol}× from the output to the input)?",
        "zh": "宽度 n = {width}、随机种子 {seed} 沿用你的设置。{a}：{l_act}、{l_init}、增益 {l_gain}、"
        "深度 {l_depth}，不加任何补救。{b}：{r_act}、"
        "{r_init}、增益 {r_gain}、深度 {r_depth}，加批量归一化。哪个网络会梯度爆炸"
        "（从输出到输入增长超过 {tol} 倍）？",
    },
    "q.explosion.bn_relu.plain": {"en": "only {a}, the one without a remedy",
                                  "zh": "只有{a}（没有补救的那个）"},
    "q.explosion.bn_relu.batch_norm": {"en": "only {b}, the one with batch normalisation",
                                       "zh": "只有{b}（加了批量归一化的那个）"},
    "q.explosion.bn_relu.both": {"en": "both", "zh": "两个都会"},
    "q.explosion.bn_relu.neither": {"en": "neither", "zh": "两个都不会"},
    "q.explosion.bn_relu.why_batch_norm": {
        "en": "Without a remedy the gradient moved {a} decades over {a_depth} layers: ReLU′ is "
        "0 or 1 and never amplifies, and at gain {a_gain} the weights do not either. With "
        "batch normalisation it grew {b} decades over {b_depth} layers, ×{b_factor} per layer: "
        "normalising the forward signal does not hold the backward one in check.",
        "zh": "不加补救时，梯度经过 {a_depth} 层变化了 {a} 个数量级：ReLU′ 只取 0 或 1，从不放大，"
        "增益 {a_gain} 下权重也不放大。加了批量归一化后，梯度经过 {b_depth} 层增长了 {b} 个数量级，"
        "每层 ×{b_factor}：把前向信号归一化，并不能管住反向的梯度。",
    },
    "q.explosion.bn_relu.why": {
        "en": "Measured: the gradient moved {a} decades without a remedy ({a_depth} layers) "
        "and {b} decades with batch normalisation ({b_depth} layers, ×{b_factor} per layer); "
        "more than {tol} decade up counts as exploding.",
        "zh": "实测：不加补救时梯度变化了 {a} 个数量级（{a_depth} 层），加批量归一化时变化了 {b} "
        "个数量级（{b_depth} 层，每层 ×{b_factor}）；增长超过 {tol} 个数量级算作梯度爆炸。",
    },
    "q.explosion.residual_deep": {
        "en": "Residual connections keep {b} ({r_act}, {r_init} init, gain {r_gain}) stable at "
        "depth {depth0}. Raise its depth to {r_depth}, branches still on: what does the "
        "gradient do from the output to the input?",
        "zh": "残差连接让{b}（{r_act}、{r_init}、增益 {r_gain}）在深度 {depth0} 时保持稳定。"
        "保留残差分支，把深度加到 {r_depth}：梯度从输出传到输入时会怎样？",
    },
    "q.explosion.residual_deep.stays": {"en": "it stays within {tol}×",
                                        "zh": "保持在 {tol} 倍以内"},
    "q.explosion.residual_deep.explodes": {"en": "it grows more than {tol}× (explodes)",
                                           "zh": "增长超过 {tol} 倍（梯度爆炸）"},
    "q.explosion.residual_deep.vanishes": {"en": "it shrinks more than {tol}× (vanishes)",
                                           "zh": "缩小超过 {tol} 倍（梯度消失）"},
    "q.explosion.residual_deep.why_explodes_rising": {
        "en": "It grew {decades} decades at depth {depth}, against {before} at depth "
        "{depth0}: the 1/√L branches slow the growth, but with ReLU at this gain it keeps "
        "rising with depth and passes {tol} decade.",
        "zh": "深度 {depth} 时梯度增长了 {decades} 个数量级，而深度 {depth0} 时是 {before}："
        "1/√L 缩放的分支减慢了增长，但在这个增益下的 ReLU 网络里，它仍随深度上升，超过了 {tol} 个数量级。",
    },
    "q.explosion.residual_deep.why_explodes": {
        "en": "It moved {decades} decades at depth {depth} ({before} at depth {depth0}): more "
        "than {tol} decade up counts as exploding.",
        "zh": "深度 {depth} 时梯度变化了 {decades} 个数量级（深度 {depth0} 时为 {before}）："
        "增长超过 {tol} 个数量级算作梯度爆炸。",
    },
    "q.explosion.residual_deep.why_stays": {
        "en": "It moved only {decades} decades at depth {depth} ({before} at depth {depth0}): "
        "the shortcuts carry the gradient past the layers.",
        "zh": "深度 {depth} 时梯度只变化了 {decades} 个数量级（深度 {depth0} 时为 {before}）："
        "捷径把梯度绕过各层传了回去。",
    },
    "q.explosion.residual_deep.why_vanishes": {
        "en": "It moved {decades} decades at depth {depth} ({before} at depth {depth0}): more "
        "than {tol} decade down counts as vanishing.",
        "zh": "深度 {depth} 时梯度变化了 {decades} 个数量级（深度 {depth0} 时为 {before}）："
        "缩小超过 {tol} 个数量级算作梯度消失。",
    },
    "q.explosion.sigmoid_shallow": {
        "en": "{a} ({l_act}, {l_init} init, gain {l_gain}) vanishes at depth {depth0}. Is depth "
        "alone to blame? Cut it to {l_depth} layers: how many times smaller than ‖g_L‖ is "
        "‖g₀‖ then?",
        "zh": "{a}（{l_act}、{l_init}、增益 {l_gain}）在深度 {depth0} 时梯度消失。只怪深度吗？"
        "把它减到 {l_depth} 层：这时 ‖g₀‖ 比 ‖g_L‖ 小多少倍？",
    },
    "q.explosion.sigmoid_shallow.under_10": {"en": "less than {low}×", "zh": "不到 {low} 倍"},
    "q.explosion.sigmoid_shallow.up_to_1e2": {"en": "{low}× to {mid}×",
                                              "zh": "{low} 倍到 {mid} 倍"},
    "q.explosion.sigmoid_shallow.up_to_1e4": {"en": "{mid}× to {high}×",
                                              "zh": "{mid} 倍到 {high} 倍"},
    "q.explosion.sigmoid_shallow.beyond_1e4": {"en": "more than {high}×",
                                               "zh": "超过 {high} 倍"},
    "q.explosion.sigmoid_shallow.why": {
        "en": "Even with {depth} layers the gradient moved {decades} decades: each sigmoid "
        "layer multiplies it by about {factor}, because σ′ is at most 1/4. Depth only counts "
        "how often that factor applies; the factor is the cause.",
        "zh": "即使只有 {depth} 层，梯度也变化了 {decades} 个数量级：每个 sigmoid 层大约把它乘以 "
        "{factor}，因为 σ′ 最大只有 1/4。深度只决定这个因子乘了几次；真正的原因是这个因子。",
    },
    "q.explosion.sigmoid_shallow.why_not_smaller": {
        "en": "With {depth} layers the gradient moved {decades} decades (×{factor} per layer): "
        "it did not shrink.",
        "zh": "在 {depth} 层时梯度变化了 {decades} 个数量级（每层 ×{factor}）：它没有变小。",
    },
}
