"""Strings of the chain-rule page's questions (ui/questions/chain_rule.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "q.chain_rule.depth_100": {
        "en": "Gain {gain}, {init} init, {act}: before you raise the depth to {depth}, how far "
        "will ‖g₀‖/‖g_L‖ move away from 1?",
        "zh": "增益 {gain}、{init} 初始化、{act}：把深度加到 {depth} 之前，先猜猜 ‖g₀‖/‖g_L‖ "
        "会偏离 1 多远？",
    },
    "q.chain_rule.depth_100.under_10": {"en": "less than 10×", "zh": "不到 10 倍"},
    "q.chain_rule.depth_100.up_to_1e4": {"en": "10× to 10⁴×", "zh": "10 倍到 10⁴ 倍"},
    "q.chain_rule.depth_100.up_to_1e12": {"en": "10⁴× to 10¹²×", "zh": "10⁴ 倍到 10¹² 倍"},
    "q.chain_rule.depth_100.beyond_1e12": {"en": "more than 10¹²×", "zh": "超过 10¹² 倍"},
    "q.chain_rule.depth_100.why_up": {
        "en": "The median run's ‖g₀‖/‖g_L‖ grew by {decades} decades: the same factor "
        "multiplies in once per layer, so the decades add up with depth.",
        "zh": "中位数的 ‖g₀‖/‖g_L‖ 增长了 {decades} 个数量级：每层都乘上同一个因子，所以数量级随深度累加。",
    },
    "q.chain_rule.depth_100.why_down": {
        "en": "The median run's ‖g₀‖/‖g_L‖ shrank by {decades} decades: the same factor "
        "multiplies in once per layer, so the decades add up with depth.",
        "zh": "中位数的 ‖g₀‖/‖g_L‖ 缩小了 {decades} 个数量级：每层都乘上同一个因子，所以数量级随深度累加。",
    },
    "q.chain_rule.depth_100.why_dead": {
        "en": "Every run's gradient reached exactly zero before the input: it vanished "
        "completely.",
        "zh": "每次运行的梯度在到达输入之前都变成了 0：梯度彻底消失了。",
    },
    "q.chain_rule.linear": {
        "en": "No ReLU at all: a linear activation, {init} init, gain {gain}, depth {depth}. "
        "What does the gradient do from the last layer to the first?",
        "zh": "完全没有 ReLU：线性激活、{init} 初始化、增益 {gain}、深度 {depth}。"
        "梯度从最后一层传到第一层时会怎样？",
    },
    "q.chain_rule.linear.grows": {"en": "it grows by more than 10×", "zh": "增长超过 10 倍"},
    "q.chain_rule.linear.stays": {"en": "it stays within 10× of where it started",
                                  "zh": "保持在 10 倍以内"},
    "q.chain_rule.linear.shrinks": {"en": "it shrinks by more than 10×",
                                    "zh": "缩小超过 10 倍"},
    "q.chain_rule.linear.why_grows": {
        "en": "It grew by {decades} decades with no ReLU in the network: the weights' part "
        "n·Var[w] is {weight} per layer, above 1, and that alone explodes the gradient.",
        "zh": "网络里没有 ReLU，梯度仍增长了 {decades} 个数量级：权重部分 n·Var[w] 每层为 {weight}，"
        "大于 1，仅凭这一点梯度就会爆炸。",
    },
    "q.chain_rule.linear.why_stays": {
        "en": "It moved by only {decades} decades: the weights' part n·Var[w] is {weight} per "
        "layer, close to 1.",
        "zh": "梯度只变化了 {decades} 个数量级：权重部分 n·Var[w] 每层为 {weight}，接近 1。",
    },
    "q.chain_rule.linear.why_shrinks": {
        "en": "It shrank by {decades} decades with no ReLU in the network: the weights' part "
        "n·Var[w] is {weight} per layer, below 1.",
        "zh": "网络里没有 ReLU，梯度仍缩小了 {decades} 个数量级：权重部分 n·Var[w] 每层为 {weight}，小于 1。",
    },
    "q.chain_rule.linear.why_dead": {
        "en": "Every run's gradient reached exactly zero before the input.",
        "zh": "每次运行的梯度在到达输入之前都变成了 0。",
    },
    "q.chain_rule.factor": {
        "en": "At these settings ({act}, {init} init, gain {gain}), which part of the squared "
        "per-layer factor is below 1?",
        "zh": "在当前设置下（{act}、{init} 初始化、增益 {gain}），每层平方因子的哪一部分小于 1？",
    },
    "q.chain_rule.factor.weights": {"en": "the weights' part n·Var[w]",
                                    "zh": "权重部分 n·Var[w]"},
    "q.chain_rule.factor.activation": {"en": "the activation's part E[φ′(z)²]",
                                       "zh": "激活部分 E[φ′(z)²]"},
    "q.chain_rule.factor.both": {"en": "both", "zh": "两者都是"},
    "q.chain_rule.factor.neither": {"en": "neither", "zh": "都不是"},
    "q.chain_rule.factor.why": {
        "en": "Measured: weights {weight}, activation {act}, together {total} per layer "
        "(squared norms).",
        "zh": "实测：权重部分 {weight}，激活部分 {act}，合计每层 {total}（按平方范数）。",
    },
}
