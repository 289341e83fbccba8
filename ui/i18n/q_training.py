"""Strings of the training page's questions (ui/questions/training.py)."""


def _outcomes(question: str, run: str, run_zh: str) -> dict[str, dict[str, str]]:
    """The three outcome options of a question about run ``run``."""
    key = f"q.training.{question}"
    return {
        f"{key}.diverges": {"en": f"{run}'s loss diverges (blows up to NaN or beyond float32)",
                            "zh": f"{run_zh} 的损失发散（变成 NaN 或超出 float32 的范围）"},
        f"{key}.stalls": {"en": f"{run} trains without diverging but stays below {{learnt}}% "
                          "accuracy",
                          "zh": f"{run_zh} 不发散，但准确率停留在 {{learnt}}% 以下"},
        f"{key}.learns": {"en": f"{run} learns: {{learnt}}% accuracy or more",
                          "zh": f"{run_zh} 学会了：准确率达到 {{learnt}}% 或更高"},
    }


STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ a rate far too high
    "q.training.lr_high": {
        "en": "Run A: {opt} at learning rate {lr} on the {data}, {steps} steps. With a rate "
        "this high, what happens to A?",
        "zh": "运行 A：在{data}上用{opt}，学习率 {lr}，训练 {steps} 步。学习率这么大，A 会怎样？",
    },
    **_outcomes("lr_high", "A", "A"),
    "q.training.lr_high.why_diverges": {
        "en": "A diverged at step {step}; its first gradient norm was {grad0}.",
        "zh": "A 在第 {step} 步发散；它的第一个梯度范数为 {grad0}。",
    },
    "q.training.lr_high.why_stalls_silent": {
        "en": "A never diverged: its largest gradient norm was only {max_grad}. But from step "
        "{silent} on no hidden layer received any gradient (its ReLUs were off on every batch), "
        "and it ended at {acc}% accuracy, one class for {majority}% of the points (chance: "
        "{chance}%). A rate too high can kill a network without any explosion.",
        "zh": "A 从未发散：它最大的梯度范数只有 {max_grad}。但从第 {silent} 步起，没有任何隐藏层"
        "再收到梯度（它的 ReLU 在每个小批量上都处于关闭状态），最终准确率为 {acc}%，对 "
        "{majority}% 的点预测同一个类别（随机水平：{chance}%）。学习率过大，不爆炸也能让网络“死掉”。",
    },
    "q.training.lr_high.why_stalls": {
        "en": "A never diverged: its largest gradient norm was only {max_grad}. But it ended at "
        "{acc}% accuracy, one class for {majority}% of the points (chance: {chance}%).",
        "zh": "A 从未发散：它最大的梯度范数只有 {max_grad}。但它最终的准确率只有 {acc}%，对 "
        "{majority}% 的点预测同一个类别（随机水平：{chance}%）。",
    },
    "q.training.lr_high.why_learns": {
        "en": "A learned: {acc}% accuracy after {steps} steps, with a largest gradient norm of "
        "{max_grad}.",
        "zh": "A 学会了：{steps} 步后准确率为 {acc}%，最大的梯度范数为 {max_grad}。",
    },
    # ------------------------------------------------------------ clipping by norm
    "q.training.norm": {
        "en": "Run A: depth {depth}, He initialisation at gain {gain}, {opt} at learning rate "
        "{lr}. Run B is A with the gradient clipped by norm at {thr} (clip_grad_norm_). What "
        "happens to B in {steps} steps?",
        "zh": "运行 A：深度 {depth}，增益 {gain} 的 He 初始化，{opt}，学习率 {lr}。运行 B 与 A "
        "相同，只是把梯度按范数裁剪到 {thr}（clip_grad_norm_）。B 在 {steps} 步中会怎样？",
    },
    **_outcomes("norm", "B", "B"),
    "q.training.norm.why_diverges": {
        "en": "B diverged at step {step} even with clipping at norm {thr}: a capped step can "
        "still carry the weights into overflow.",
        "zh": "即使按范数 {thr} 裁剪，B 仍在第 {step} 步发散：被限制的步长仍可能把权重推向溢出。",
    },
    "q.training.norm.why_stalls": {
        "en": "B did not diverge (clipping capped {clipped} of its {steps} steps at norm {thr}), "
        "but it ended at {acc}% accuracy (chance: {chance}%).",
        "zh": "B 没有发散（在 {steps} 步中有 {clipped} 步被裁剪到范数 {thr}），但最终准确率只有 "
        "{acc}%（随机水平：{chance}%）。",
    },
    "q.training.norm.why_learns": {
        "en": "B reached {acc}% accuracy, yet its gradient norm before clipping still went up "
        "to {max_grad}: clipping does not remove the explosion, it caps each step at norm "
        "{thr} ({clipped} of B's {steps} steps) and keeps its direction.",
        "zh": "B 的准确率达到 {acc}%，但它裁剪前的梯度范数仍高达 {max_grad}：裁剪并没有消除爆炸，"
        "只是把每一步限制在范数 {thr} 以内（B 的 {steps} 步中有 {clipped} 步），并保持方向不变。",
    },
    # ------------------------------------------------------------ residual connections
    "q.training.residual": {
        "en": "Run A: depth {depth}, ReLU, He initialisation at gain {gain}, {opt} at learning "
        "rate {lr}. Run B is A plus residual connections: an identity path around each hidden "
        "layer after the first. What happens to B in {steps} steps?",
        "zh": "运行 A：深度 {depth}，ReLU，增益 {gain} 的 He 初始化，{opt}，学习率 {lr}。运行 B "
        "是 A 加上残差连接：在第一个之后的每个隐藏层外加一条恒等路径。B 在 {steps} 步中会怎样？",
    },
    **_outcomes("residual", "B", "B"),
    "q.training.residual.why_diverges": {
        "en": "B diverged at step {step}. Its first gradient norm was {grad0}, against A's "
        "{grad0_a}: the shortcut adds a path around each layer but leaves every layer's gain "
        "of {gain} in place, so the signal grows even faster. Shortcuts help a gradient that "
        "vanishes, not one that explodes.",
        "zh": "B 在第 {step} 步发散。它的第一个梯度范数为 {grad0}，而 A 为 {grad0_a}：捷径在每层"
        "旁边加了一条路径，却保留了每层 {gain} 的增益，所以信号增长得更快。残差连接帮助的是消失的"
        "梯度，而不是爆炸的梯度。",
    },
    "q.training.residual.why_stalls": {
        "en": "B did not diverge, but it ended at {acc}% accuracy (chance: {chance}%); its first "
        "gradient norm was {grad0}, against A's {grad0_a}.",
        "zh": "B 没有发散，但最终准确率只有 {acc}%（随机水平：{chance}%）；它的第一个梯度范数为 "
        "{grad0}，而 A 为 {grad0_a}。",
    },
    "q.training.residual.why_learns": {
        "en": "B learned: {acc}% accuracy after {steps} steps; its first gradient norm was "
        "{grad0}, against A's {grad0_a}.",
        "zh": "B 学会了：{steps} 步后准确率为 {acc}%；它的第一个梯度范数为 {grad0}，而 A 为 "
        "{grad0_a}。",
    },
}
