"""Strings of the weight clipping page's questions (ui/questions/weight_clipping.py)."""

# The two gradient questions ("wgan", "loose") share their options and why sentences.
_REGIME: dict[str, dict[str, str]] = {
    "explodes": {"en": "it still grows by more than {times}×", "zh": "仍然增长超过 {times} 倍"},
    "stable": {"en": "it stays within {times}× either way", "zh": "变化保持在 {times} 倍以内"},
    "vanishes": {"en": "it now shrinks by more than {times}×", "zh": "反而缩小超过 {times} 倍"},
    "why_explodes": {
        "en": "The median ‖g₀‖/‖g_L‖ went from {before} unclipped to {after} clipped at "
        "c = {c}: still exploding. {share}% of the weights sit at ±c, yet each layer's norm "
        "may still reach c√(mn) = {bound}, above 1, so the bound rules nothing out.",
        "zh": "‖g₀‖/‖g_L‖ 的中位数从未裁剪时的 {before} 变为裁剪到 c = {c} 后的 {after}：仍在爆炸。"
        "虽有 {share}% 的权重停在 ±c，每层的范数仍可达 c√(mn) = {bound}，大于 1，"
        "这个上界什么也排除不了。",
    },
    "why_stable": {
        "en": "The median ‖g₀‖/‖g_L‖ went from {before} unclipped to {after} clipped at "
        "c = {c}, within {times}× either way: {share}% of the weights sit at ±c and n·Var[w] "
        "went from {factor_before} to {factor_after} per layer.",
        "zh": "‖g₀‖/‖g_L‖ 的中位数从未裁剪时的 {before} 变为裁剪到 c = {c} 后的 {after}，"
        "变化在 {times} 倍以内：{share}% 的权重停在 ±c，n·Var[w] 每层从 {factor_before} "
        "变为 {factor_after}。",
    },
    "why_vanishes": {
        "en": "The median ‖g₀‖/‖g_L‖ went from {before} unclipped to {after} clipped at "
        "c = {c}: {share}% of the weights sit at ±c, n·Var[w] went from {factor_before} to "
        "{factor_after} per layer, and the gradient now vanishes instead.",
        "zh": "‖g₀‖/‖g_L‖ 的中位数从未裁剪时的 {before} 变为裁剪到 c = {c} 后的 {after}："
        "{share}% 的权重停在 ±c，n·Var[w] 每层从 {factor_before} 变为 {factor_after}，"
        "梯度现在反而消失了。",
    },
    "why_untouched": {
        "en": "No weight reached ±{c}: He initialisation spreads them with a std of {std}, so "
        "clipping moved none of them and the median ‖g₀‖/‖g_L‖ stays at {after}, exactly as "
        "unclipped ({before}).",
        "zh": "没有权重达到 ±{c}：He 初始化的标准差只有 {std}，裁剪一个权重都没有改动，"
        "‖g₀‖/‖g_L‖ 的中位数仍是 {after}，与未裁剪时（{before}）完全相同。",
    },
}

STRINGS: dict[str, dict[str, str]] = {
    "q.weight_clipping.wgan": {
        "en": "Depth {depth}, width {width}, gain {gain}, {act}: clip every weight to "
        "[−{c}, {c}], as WGAN does. What does the gradient do from the last layer to the first?",
        "zh": "深度 {depth}、宽度 {width}、增益 {gain}、{act}：像 WGAN 那样把每个权重裁剪到 "
        "[−{c}, {c}]。梯度从最后一层传到第一层时会怎样？",
    },
    "q.weight_clipping.loose": {
        "en": "The same network (depth {depth}, width {width}, gain {gain}, {act}), but clip "
        "every weight to [−{c}, {c}] instead. What does the gradient do from the last layer to "
        "the first?",
        "zh": "同样的网络（深度 {depth}、宽度 {width}、增益 {gain}、{act}），改为把每个权重裁剪到 "
        "[−{c}, {c}]。梯度从最后一层传到第一层时会怎样？",
    },
    **{f"q.weight_clipping.{question}.{key}": entry
       for question in ("wgan", "loose") for key, entry in _REGIME.items()},
    "q.weight_clipping.training": {
        "en": "Train the small network ({data}, gain {gain}, {act}) for {steps} steps with "
        "every weight clipped to [−{c}, {c}]. How does its final loss compare with the same "
        "network trained unclipped?",
        "zh": "把小网络（{data}、增益 {gain}、{act}）训练 {steps} 步，每个权重都裁剪到 "
        "[−{c}, {c}]。它的最终损失和未裁剪的同一网络相比如何？",
    },
    "q.weight_clipping.training.better": {"en": "lower, by more than {margin}",
                                          "zh": "更低，低出 {margin} 以上"},
    "q.weight_clipping.training.same": {"en": "about the same (within {margin})",
                                        "zh": "差不多（相差不超过 {margin}）"},
    "q.weight_clipping.training.worse": {"en": "higher by more than {margin}, but it learns",
                                         "zh": "高出 {margin} 以上，但仍在学习"},
    "q.weight_clipping.training.stuck": {
        "en": "it does not learn: the loss stays near {chance}, the loss of guessing",
        "zh": "学不会：损失停在 {chance} 附近，也就是瞎猜的损失"},
    "q.weight_clipping.training.why_better": {
        "en": "Final loss clipped at c = {c}: {clipped} (accuracy {acc_clipped}%); unclipped: "
        "{unclipped} ({acc_unclipped}%). Here bounding the weights helped training.",
        "zh": "裁剪到 c = {c} 的最终损失：{clipped}（准确率 {acc_clipped}%）；未裁剪：{unclipped}"
        "（{acc_unclipped}%）。在这里，限制权重反而帮了训练。",
    },
    "q.weight_clipping.training.why_diverged": {
        "en": "The unclipped run diverged at step {step} (its last loss: {unclipped}); clipped "
        "at c = {c}, no weight can grow past ±c, and the run ended at a loss of {clipped} "
        "(accuracy {acc_clipped}%).",
        "zh": "未裁剪的训练在第 {step} 步发散（最后的损失：{unclipped}）；裁剪到 c = {c} 后，"
        "没有权重能超过 ±c，训练结束时损失为 {clipped}（准确率 {acc_clipped}%）。",
    },
    "q.weight_clipping.training.why_same": {
        "en": "Final loss clipped at c = {c}: {clipped} (accuracy {acc_clipped}%); unclipped: "
        "{unclipped} ({acc_unclipped}%). Clipping at this c cost this network nothing.",
        "zh": "裁剪到 c = {c} 的最终损失：{clipped}（准确率 {acc_clipped}%）；未裁剪：{unclipped}"
        "（{acc_unclipped}%）。在这个 c 下，裁剪没有让这个网络付出代价。",
    },
    "q.weight_clipping.training.why_worse": {
        "en": "Final loss clipped at c = {c}: {clipped} (accuracy {acc_clipped}%); unclipped: "
        "{unclipped} ({acc_unclipped}%). It learns, but with every weight within ±c it "
        "cannot fit the data as well.",
        "zh": "裁剪到 c = {c} 的最终损失：{clipped}（准确率 {acc_clipped}%）；未裁剪：{unclipped}"
        "（{acc_unclipped}%）。它仍在学习，但每个权重都被限制在 ±c 之内，拟合不了那么好。",
    },
    "q.weight_clipping.training.why_stuck": {
        "en": "Final loss clipped at c = {c}: {clipped} (accuracy {acc_clipped}%), where "
        "guessing ends ({chance}); unclipped: {unclipped} ({acc_unclipped}%). With every "
        "weight within ±c the network barely learns at all.",
        "zh": "裁剪到 c = {c} 的最终损失：{clipped}（准确率 {acc_clipped}%），与瞎猜的损失"
        "（{chance}）相当；未裁剪：{unclipped}（{acc_unclipped}%）。每个权重都被限制在 ±c 之内，"
        "网络几乎什么也学不到。",
    },
}
