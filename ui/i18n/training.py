"""Strings of the training lab: key -> {"en": ..., "zh": ...} (key prefix "tl.")."""

from core.lab import LEARNING_RATES, WEIGHT_CLIPS
from ui.i18n.common import STRINGS as COMMON
from ui.i18n.training_switch import STRINGS as SWITCH_STRINGS

_SAME = {"en": "same as A", "zh": "与 A 相同"}
_OPTIMIZERS = {
    "sgd": {"en": "SGD", "zh": "SGD（随机梯度下降）"},
    "momentum": {"en": "SGD with momentum 0.9", "zh": "带动量 0.9 的 SGD"},
    "adam": {"en": "Adam", "zh": "Adam"},
}
_SCHEDULES = {
    "constant": {"en": "constant", "zh": "恒定"},
    "step": {"en": "step (halve every quarter)", "zh": "阶梯（每四分之一减半）"},
    "exponential": {"en": "exponential (to 1% at the end)", "zh": "指数（最终降到 1%）"},
    "cosine": {"en": "cosine (to 0)", "zh": "余弦（降到 0）"},
    "inverse_time": {"en": "inverse time (lr / (1 + 20 t/T))", "zh": "反比例（lr / (1 + 20 t/T)）"},
}
_WEIGHT_CLIPS = {"off": {"en": "off", "zh": "关闭"},
                 **{c: {"en": f"±{c}", "zh": f"±{c}"} for c in WEIGHT_CLIPS[1:]}}
_FLAGS = {"same": _SAME, "on": {"en": "on", "zh": "开启"}, "off": {"en": "off", "zh": "关闭"}}


def _options(prefix: str, entries: dict, same: bool = False) -> dict:
    """Option labels under ``prefix``, with "same as A" first for configuration B."""
    merged = {**({"same": _SAME} if same else {}), **entries}
    return {prefix + key: value for key, value in merged.items()}


def _common(prefix: str) -> dict:
    """The shared labels of ui/i18n/common.py whose key starts with ``prefix``."""
    return {key.removeprefix(prefix): value for key, value in COMMON.items()
            if key.startswith(prefix)}


STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ controls
    "tl.group.data": {"en": "Data and network", "zh": "数据与网络"},
    "tl.group.optim": {"en": "Optimisation", "zh": "优化"},
    "tl.group.remedies": {"en": "Remedies", "zh": "补救方法"},
    "tl.group.compare": {"en": "Compare", "zh": "对比"},
    "tl.group.b": {"en": "Configuration B = A, except…", "zh": "配置 B = A，但以下不同…"},
    "tl.control.data": {"en": "Toy data set", "zh": "玩具数据集"},
    "tl.data.moons": {"en": "two moons", "zh": "双月形"},
    "tl.data.spirals": {"en": "two spirals", "zh": "双螺旋"},
    "tl.data.circles": {"en": "concentric circles", "zh": "同心圆"},
    "tl.data.xor": {"en": "XOR", "zh": "异或（XOR）"},
    "tl.control.depth": {"en": "Depth (weight layers)", "zh": "深度（权重层数）"},
    "tl.control.depth.help": {
        "en": "Depth 4 = input → 3 hidden layers → output.",
        "zh": "深度 4 = 输入 → 3 个隐藏层 → 输出。",
    },
    "tl.control.width": {"en": "Width (units per hidden layer)", "zh": "宽度（每个隐藏层的单元数）"},
    "tl.control.act": {"en": "Activation", "zh": "激活函数"},
    "tl.control.init": {"en": "Initialisation", "zh": "初始化方法"},
    "tl.control.gain": {"en": "Initial gain", "zh": "初始化增益"},
    "tl.control.gain.help": {
        "en": "Multiplies the initialisation's standard deviation (He: gain·√(2/fan_in)). With "
        "ReLU and He initialisation each layer multiplies the expected squared gradient norm by "
        "gain², so the gradient grows above gain 1 and shrinks below it; other activations and "
        "initialisations move that balance point.",
        "zh": "乘以初始化的标准差（He：增益·√(2/fan_in)）。使用 ReLU 和 He 初始化时，每层把梯度"
        "范数平方的期望乘以 增益²，所以增益大于 1 时梯度增长，小于 1 时缩小；其他激活函数和初始化"
        "方法会移动这个平衡点。",
    },
    "tl.control.opt": {"en": "Optimiser", "zh": "优化器"},
    "tl.control.opt.help": {
        "en": "As torch.optim: SGD, SGD(momentum=0.9), Adam(betas=(0.9, 0.999), eps=1e-8).",
        "zh": "与 torch.optim 相同：SGD、SGD(momentum=0.9)、Adam(betas=(0.9, 0.999), eps=1e-8)。",
    },
    "tl.control.lr": {"en": "Learning rate", "zh": "学习率"},
    "tl.control.sched": {"en": "Learning-rate schedule", "zh": "学习率调度"},
    "tl.control.sched.help": {
        "en": "How the learning rate decays over the run (core/schedules.py).",
        "zh": "学习率在训练中如何衰减（core/schedules.py 中的调度）。",
    },
    "tl.control.steps": {"en": "Training steps", "zh": "训练步数"},
    "tl.control.steps.help": {"en": "Each step uses a mini-batch of {batch} points.",
                              "zh": "每一步使用 {batch} 个点的小批量。"},
    "tl.control.clip": {"en": "Gradient clipping", "zh": "梯度裁剪"},
    "tl.control.thr": {"en": "Clipping threshold", "zh": "裁剪阈值"},
    "tl.control.thr.help": {
        "en": "By norm: the largest global gradient norm (max_norm). By value: the largest "
        "|entry| (clip_value).",
        "zh": "按范数：全局梯度范数的上限（max_norm）。按值：每个分量绝对值的上限（clip_value）。",
    },
    "tl.control.wc": {"en": "Weight clipping c", "zh": "权重裁剪 c"},
    "tl.control.wc.help": {
        "en": "After every update each weight and bias is clamped to [−c, c] (WGAN).",
        "zh": "每次更新后把每个权重和偏置截断到 [−c, c]（WGAN 的做法）。",
    },
    "tl.control.bn": {"en": "Batch normalisation", "zh": "批量归一化"},
    "tl.control.bn.help": {
        "en": "BatchNorm1d before every hidden activation: batch statistics in training, "
        "running averages (momentum 0.1) for evaluation.",
        "zh": "在每个隐藏层激活前加 BatchNorm1d：训练时用小批量统计量，评估时用滑动平均（动量 0.1）。",
    },
    "tl.control.res": {"en": "Residual connections", "zh": "残差连接"},
    "tl.control.res.help": {
        "en": "a_l = a_{l−1} + φ(z_l) on every hidden layer after the first (the first maps the "
        "input to the width, so it has no identity path).",
        "zh": "除第一个隐藏层外，每个隐藏层都是 a_l = a_{l−1} + φ(z_l)（第一个隐藏层把输入映射到"
        "该宽度，没有恒等路径）。",
    },
    "tl.control.cmp": {"en": "Compare with configuration B", "zh": "与配置 B 对比"},
    "tl.control.cmp.help": {
        "en": "Trains a second configuration on the same data with the same seed, drawn as a "
        "second series on every chart.",
        "zh": "用相同的数据和随机种子训练第二个配置，在每张图中画成第二条曲线。",
    },
    "tl.control.bclip": {"en": "B: gradient clipping", "zh": "B：梯度裁剪"},
    "tl.control.bthr": {"en": "B: clipping threshold", "zh": "B：裁剪阈值"},
    "tl.control.blr": {"en": "B: learning rate", "zh": "B：学习率"},
    "tl.control.bsched": {"en": "B: schedule", "zh": "B：学习率调度"},
    "tl.control.bopt": {"en": "B: optimiser", "zh": "B：优化器"},
    "tl.control.binit": {"en": "B: initialisation", "zh": "B：初始化方法"},
    "tl.control.bbn": {"en": "B: batch normalisation", "zh": "B：批量归一化"},
    "tl.control.bres": {"en": "B: residual connections", "zh": "B：残差连接"},
    "tl.control.bwc": {"en": "B: weight clipping c", "zh": "B：权重裁剪 c"},
    **_options("tl.opt.", _OPTIMIZERS),
    **_options("tl.sched.", _SCHEDULES),
    **_options("tl.lr.", {v: {"en": v, "zh": v} for v in LEARNING_RATES}),
    **_options("tl.wc.", _WEIGHT_CLIPS),
    **_options("tl.bmethod.", _common("method."), same=True),
    **_options("tl.blr.", {v: {"en": v, "zh": v} for v in LEARNING_RATES}, same=True),
    **_options("tl.bsched.", _SCHEDULES, same=True),
    **_options("tl.bopt.", _OPTIMIZERS, same=True),
    **_options("tl.binit.", _common("init."), same=True),
    **_options("tl.bwc.", _WEIGHT_CLIPS, same=True),
    **_options("tl.bflag.", _FLAGS),
    "tl.capped_what": {"en": "the number of training steps ({run})", "zh": "训练步数（{run}）"},
    # ------------------------------------------------------------ presets
    "tl.preset.exploding": {"en": "Exploding (deep ReLU, gain 2)", "zh": "梯度爆炸（深层 ReLU，增益 2）"},
    "tl.preset.exploding_norm": {"en": "Exploding + norm clipping", "zh": "梯度爆炸 + 按范数裁剪"},
    "tl.preset.lr_high": {"en": "Learning rate too high", "zh": "学习率过大"},
    "tl.preset.lr_decay": {"en": "Learning-rate decay rescues", "zh": "学习率衰减挽救训练"},
    "tl.preset.vanishing": {"en": "Vanishing (deep sigmoid)", "zh": "梯度消失（深层 sigmoid）"},
    "tl.preset.residual": {"en": "Residual connections rescue", "zh": "残差连接挽救训练"},
    "tl.preset.batch_norm": {"en": "Batch normalisation rescues", "zh": "批量归一化挽救训练"},
    "tl.preset.weight_clip": {"en": "Weight clipping", "zh": "权重裁剪"},
    "tl.preset.switch_clip": {"en": "Switch mid-run: clipping rescues",
                              "zh": "中途切换：梯度裁剪挽救训练"},
    **SWITCH_STRINGS,
    "tl.story.exploding": {
        "en": "**Exploding.** Depth {depth} means {hidden} hidden ReLU layers, initialised with He "
        "at gain {gain}. At the start each hidden layer multiplies the expected squared norm of "
        "the backward signal by n·Var[w]·E[φ′²] = 2·gain²·½ = {factor}, and the forward signal "
        "grows alike. A's first global gradient norm is {grad0_a}.",
        "zh": "**梯度爆炸。** 深度 {depth} 即 {hidden} 个 ReLU 隐藏层，用增益 {gain} 的 He 初始化。"
        "开始时，每个隐藏层把反向信号范数平方的期望乘以 n·Var[w]·E[φ′²] = 2·增益²·½ = {factor}，"
        "前向信号也同样增长。A 的第一个全局梯度范数为 {grad0_a}。",
    },
    "tl.story.next": {"en": "Try the next preset.", "zh": "试试下一个预设。"},
    "tl.story.exploding_norm": {
        "en": "**Gradient clipping by norm.** B is A with the global gradient norm capped at "
        "{thr_b} (clip_grad_norm_): a gradient with a larger norm is scaled down to norm {thr_b}, "
        "keeping its direction. B's first gradient norm is {grad0_b}; clipping changed the "
        "gradient on {clipped_b} of its {steps_b} steps (purple marks).",
        "zh": "**按范数裁剪梯度。** B 与 A 相同，只是全局梯度范数被限制在 {thr_b} 以内"
        "（clip_grad_norm_）：范数更大的梯度被缩放到范数 {thr_b}，方向不变。B 的第一个梯度范数为 "
        "{grad0_b}；在它的 {steps_b} 步中，裁剪改变了其中 {clipped_b} 步的梯度（紫色标记）。",
    },
    "tl.story.lr_high": {
        "en": "**Learning rate too high.** SGD with momentum {momentum} and learning rate {lr} on "
        "the circles.",
        "zh": "**学习率过大。** 在同心圆上使用动量 {momentum}、学习率 {lr} 的 SGD。",
    },
    "tl.story.lr_high.silent": {
        "en": "From step {silent_a} on no hidden layer of A receives any gradient (the blank cells "
        "of its heatmap): its ReLUs are off on every mini-batch (dead units), and only the "
        "output layer can still change.",
        "zh": "从第 {silent_a} 步起，A 的隐藏层再也收不到任何梯度（热力图中的空白格子）：它的 ReLU "
        "在每个小批量上都处于关闭状态（死亡单元），只有输出层还能变化。",
    },
    "tl.story.lr_high.one_class": {
        "en": "A predicts the same class for {majority_a}% of the points, with a loss of {loss_a} "
        "(a constant 50/50 guess scores ln 2 ≈ 0.693).",
        "zh": "A 对 {majority_a}% 的点预测同一个类别，损失为 {loss_a}（始终猜 50/50 的损失是 "
        "ln 2 ≈ 0.693）。",
    },
    "tl.story.lr_decay": {
        "en": "**Learning-rate decay.** B starts at the same learning rate {lr} but divides it by "
        "1 + {decay}·t/T over its T = {steps_b} steps: the rate is halved at step {half_b} and "
        "ends at {end_b}.",
        "zh": "**学习率衰减。** B 同样从学习率 {lr} 开始，但在共 T = {steps_b} 步中把它除以 "
        "1 + {decay}·t/T：学习率在第 {half_b} 步减半，最终降到 {end_b}。",
    },
    "tl.story.lr_decay.silent": {
        "en": "A's hidden layers receive no gradient from step {silent_a} on; B's still receive "
        "one at its last step.",
        "zh": "从第 {silent_a} 步起，A 的隐藏层收不到梯度；B 的隐藏层直到最后一步仍有梯度。",
    },
    "tl.story.vanishing": {
        "en": "**Vanishing.** Depth {depth} means {hidden} hidden sigmoid layers, initialised with "
        "Xavier at gain {gain}. Each layer multiplies the expected squared norm of the "
        "backward signal by n·Var[w]·E[σ′(z)²]. Between hidden layers Xavier gives n·Var[w] = {n_var}, and "
        "σ′ ≤ 1/4 caps E[σ′²] at 1/16, so here the factor is at most {cap}. σ′ ≤ 1/4 alone "
        "does not decide it: a larger gain raises n·Var[w] and can balance the product, but only "
        "at gains that push most units into saturation, where σ′ is smaller still. In A's "
        "heatmap the first layer receives about 10^{ratio_a} of the last layer's gradient "
        "(median over the steps).",
        "zh": "**梯度消失。** 深度 {depth} 即 {hidden} 个 sigmoid 隐藏层，用增益 {gain} 的 Xavier "
        "初始化。每一层把反向信号范数平方的期望乘以 n·Var[w]·E[σ′(z)²]。在隐藏层之间，Xavier 给出 "
        "n·Var[w] = {n_var}，而 σ′ ≤ 1/4 使 E[σ′²] 不超过 1/16，所以这里的乘数至多为 {cap}。"
        "单凭 σ′ ≤ 1/4 还不能下结论：更大的增益会提高 n·Var[w]，可以让乘积回到 1，但所需的增益"
        "会把大多数单元推入饱和区，那里的 σ′ 更小。A 的热力图中，第一层收到的梯度约为最后一层的 "
        "10^{ratio_a}（各步的中位数）。",
    },
    "tl.story.vanishing.adam": {
        "en": "Adam divides each parameter's step by the running size of its own gradient, but A's "
        "first-layer gradient norm is {g1_start_a} at step 1 and {g1_end_a} at the last step, "
        "against Adam's eps = {eps}: where a gradient entry is far below eps, Adam's step "
        "shrinks with it.",
        "zh": "Adam 会用每个参数自身梯度的滑动平均大小去除它的步长，但 A 第一层的梯度范数在第 1 步为 "
        "{g1_start_a}，在最后一步为 {g1_end_a}，而 Adam 的 eps = {eps}：梯度分量远小于 eps 时，"
        "Adam 的步长也随之变小。",
    },
    "tl.story.vanishing.forward": {
        "en": "The forward signal fades too: at the start the outputs of A's last hidden layer "
        "differ across the data by a standard deviation of only 10^{spread_a} (the inputs: "
        "10^{spread0}), so even the layers near the output see almost the same input for every "
        "point.",
        "zh": "前向信号也在衰减：开始时，A 最后一个隐藏层的输出在数据上的标准差只有 10^{spread_a}"
        "（输入为 10^{spread0}），因此即使是靠近输出的层，对每个点看到的输入也几乎相同。",
    },
    "tl.story.residual": {
        "en": "**Residual connections.** B adds an identity path around each hidden layer after "
        "the first ({skips_b} of its {hidden} hidden layers; the first maps the input to width "
        "{width}): a_l = a_{{l−1}} + σ(z_l). On the way back this adds a term that is "
        "multiplied by neither σ′ nor W. B's first layer receives about 10^{ratio_b} of its last "
        "layer's gradient, A's about 10^{ratio_a} (medians over the steps).",
        "zh": "**残差连接。** B 在第一个之后的每个隐藏层外加一条恒等路径（{hidden} 个隐藏层中的 "
        "{skips_b} 个；第一个隐藏层把输入映射到宽度 {width}）：a_l = a_{{l−1}} + σ(z_l)。反向"
        "传播因此多了一项既不乘 σ′ 也不乘 W 的梯度。B 的第一层收到的梯度约为其最后一层的 "
        "10^{ratio_b}，A 约为 10^{ratio_a}（各步的中位数）。",
    },
    "tl.story.batch_norm": {
        "en": "**Batch normalisation.** B normalises every pre-activation over the mini-batch "
        "before its sigmoid (γ = 1 and β = 0 at the start), so at the start each sigmoid's input "
        "has mean 0 and variance 1 on every batch, in the steep middle rather than saturated; "
        "on the way back each layer's gradient is rescaled by γ/std of its pre-activations. At "
        "the start the outputs of the last hidden layer have a standard deviation across the "
        "data of 10^{spread_b} in B and 10^{spread_a} in A; B's first layer receives about 10^{ratio_b} of its last "
        "layer's gradient, A's about 10^{ratio_a}.",
        "zh": "**批量归一化。** B 在每个 sigmoid 之前对激活前的值做小批量归一化（开始时 γ = 1，"
        "β = 0），因此开始时每个 sigmoid 的输入在每个小批量上均值为 0、方差为 1，位于陡峭的中间"
        "区域而不是饱和区；反向传播时，每层的梯度按 γ/std（激活前值的标准差）重新缩放。开始时，"
        "最后一个隐藏层的输出在数据上的标准差在 B 中为 10^{spread_b}，在 A 中为 10^{spread_a}；"
        "B 的第一层收到的梯度约为其最后一层的 10^{ratio_b}，A 约为 10^{ratio_a}。",
    },
    "tl.story.weight_clip": {
        "en": "**Weight clipping.** B clamps every weight and bias to [−{c}, {c}] after each "
        "update, and once at the start (WGAN).",
        "zh": "**权重裁剪。** B 在每次更新后（以及开始时一次）把每个权重和偏置截断到 [−{c}, {c}]"
        "（WGAN 的做法）。",
    },
    "tl.story.weight_clip.loose": {
        "en": "That bounds each {width}×{width} layer's ‖W‖₂ by c·√(mn) = {bound}, but A's hidden "
        "layers start at ‖W‖₂ = {spec_lo}–{spec_hi}, below that bound, so the bound is not what "
        "changes the run. What changes is the scale of the weights: {at_bound_b}% of B's weights sit at ±c "
        "from step 0, and n·Var[w] of the hidden layers falls from about {n_var_a} to {n_var_b} "
        "(ReLU is balanced at 2).",
        "zh": "这把每个 {width}×{width} 层的 ‖W‖₂ 限制在 c·√(mn) = {bound} 以内，但 A 的隐藏层开始时"
        "的 ‖W‖₂ 为 {spec_lo}–{spec_hi}，低于这个上界，所以改变训练的不是这个上界，而是权重的尺度："
        "从第 0 步起，B 有 {at_bound_b}% 的权重位于 ±c，隐藏层的 n·Var[w] 从约 {n_var_a} 降到约 "
        "{n_var_b}（ReLU 的平衡点是 2）。",
    },
    "tl.story.weight_clip.tight": {
        "en": "That bounds each {width}×{width} layer's ‖W‖₂ by c·√(mn) = {bound}, below A's "
        "starting ‖W‖₂ of {spec_lo}–{spec_hi}. It also changes the scale of the weights: "
        "{at_bound_b}% of B's weights sit at ±c from step 0, and n·Var[w] of the hidden layers "
        "falls from about {n_var_a} to {n_var_b} (ReLU is balanced at 2).",
        "zh": "这把每个 {width}×{width} 层的 ‖W‖₂ 限制在 c·√(mn) = {bound} 以内，低于 A 开始时的 "
        "‖W‖₂（{spec_lo}–{spec_hi}）。它也改变了权重的尺度：从第 0 步起，B 有 {at_bound_b}% 的"
        "权重位于 ±c，隐藏层的 n·Var[w] 从约 {n_var_a} 降到约 {n_var_b}（ReLU 的平衡点是 2）。",
    },
    "tl.story.weight_clip.limit": {
        "en": "Because |w| ≤ c, n·Var[w] can never exceed n·c² = {ncc} here; a c with n·c² well "
        "below 2 makes each ReLU layer shrink the backward signal instead (in expectation).",
        "zh": "由于 |w| ≤ c，这里的 n·Var[w] 不可能超过 n·c² = {ncc}；若 c 使 n·c² 远小于 2，"
        "每个 ReLU 层反而会（在期望上）缩小反向信号。",
    },
    "tl.story.outcome": {"en": "At these settings {outcomes}.", "zh": "在这些设置下，{outcomes}。"},
    "tl.story.and": {"en": " and ", "zh": "，"},
    "tl.story.run.diverged": {"en": "{run} diverges at step {step}",
                              "zh": "{run} 在第 {step} 步发散"},
    "tl.story.run.trained": {"en": "{run} reaches {acc}% accuracy",
                             "zh": "{run} 的准确率达到 {acc}%"},
    "tl.story.run.stalled": {"en": "{run} stays at {acc}% accuracy (chance: {chance}%)",
                             "zh": "{run} 的准确率停留在 {acc}%（随机水平：{chance}%）"},
    # ------------------------------------------------------------ text
    "tl.intro": {
        "en": "Train a small network on a 2-D toy problem and watch what exploding and vanishing "
        "gradients do to a real run — and whether a remedy saves it. Pick a **preset** at the top "
        "of the sidebar, or switch on **compare** to train a second configuration B next to A "
        "on the same data with the same seed.",
        "zh": "在二维玩具问题上训练一个小网络，观察梯度爆炸和梯度消失对真实训练的影响——以及"
        "补救方法能否挽救它。在侧边栏顶部选择一个**预设**，或打开**对比**，用相同的数据和随机种子"
        "在 A 旁边训练第二个配置 B。",
    },
    "tl.how": {
        "en": "Each step takes a mini-batch of {batch} points, computes the gradient of the mean "
        "cross-entropy exactly (checked against finite differences), clips it if asked "
        "(PyTorch's clip_grad_norm_ / clip_grad_value_), lets the optimiser update the weights "
        "at the step's learning rate, and clips the weights if asked. A run stops at the first "
        "step whose loss, gradient norm or update is not finite or exceeds float32's largest "
        "number (3.4·10³⁸), where a float32 training run would overflow.",
        "zh": "每一步取 {batch} 个点的小批量，精确计算平均交叉熵的梯度（已用有限差分验证），按设置裁剪"
        "梯度（PyTorch 的 clip_grad_norm_ / clip_grad_value_），由优化器以该步的学习率更新权重，"
        "再按设置裁剪权重。当损失、梯度范数或更新量不再有限，或超过 float32 的最大值"
        "（3.4·10³⁸，float32 训练在此处溢出）时，训练就在该步停止。",
    },
    "tl.run.a": {"en": "A", "zh": "A"},
    "tl.run.b": {"en": "B: {diff}", "zh": "B：{diff}"},
    "tl.diff.none": {"en": "same as A", "zh": "与 A 相同"},
    "tl.diff.sep": {"en": ", ", "zh": "，"},
    "tl.diff.clip": {"en": "{method} at {thr}", "zh": "{method}，阈值 {thr}"},
    "tl.diff.noclip": {"en": "no gradient clipping", "zh": "不裁剪梯度"},
    "tl.diff.lr": {"en": "lr {lr}", "zh": "学习率 {lr}"},
    "tl.diff.sched": {"en": "{sched} schedule", "zh": "{sched}调度"},
    "tl.diff.opt": {"en": "{opt}", "zh": "{opt}"},
    "tl.diff.init": {"en": "{init} init", "zh": "{init}"},
    "tl.diff.bn_on": {"en": "batch norm", "zh": "批量归一化"},
    "tl.diff.bn_off": {"en": "no batch norm", "zh": "无批量归一化"},
    "tl.diff.res_on": {"en": "residual", "zh": "残差连接"},
    "tl.diff.res_off": {"en": "no residual", "zh": "无残差连接"},
    "tl.diff.wc": {"en": "weights clipped at ±{c}", "zh": "权重裁剪于 ±{c}"},
    "tl.diff.nowc": {"en": "no weight clipping", "zh": "不裁剪权重"},
    "tl.progress": {"en": "Training {run}: step {done} of {total}",
                    "zh": "正在训练 {run}：第 {done} / {total} 步"},
    "tl.status.trained": {
        "en": "**{run}** trained for {steps} steps: accuracy {acc}%, loss {loss}.",
        "zh": "**{run}** 训练了 {steps} 步：准确率 {acc}%，损失 {loss}。",
    },
    "tl.status.stalled": {
        "en": "**{run}** ran {steps} steps but did not learn: accuracy {acc}%, below {learnt}% "
        "(chance: {chance}%), loss {loss}.",
        "zh": "**{run}** 运行了 {steps} 步但没有学到东西：准确率 {acc}%，低于 {learnt}%"
        "（随机水平：{chance}%），损失 {loss}。",
    },
    "tl.status.diverged": {
        "en": "**{run}** diverged at step {step}: the {quantity} reached {value}, beyond "
        "float32's largest number (3.4e38). The charts stop at step {last}.",
        "zh": "**{run}** 在第 {step} 步发散：{quantity}达到 {value}，超过了 float32 的最大值"
        "（3.4e38）。图表只画到第 {last} 步。",
    },
    "tl.status.diverged_inf": {
        "en": "**{run}** diverged at step {step}: the {quantity} overflowed even float64 "
        "(infinite). The charts stop at step {last}.",
        "zh": "**{run}** 在第 {step} 步发散：{quantity}连 float64 都溢出了（无穷大）。图表只画到"
        "第 {last} 步。",
    },
    "tl.status.diverged_nan": {
        "en": "**{run}** diverged at step {step}: the {quantity} became NaN (not a number). "
        "The charts stop at step {last}.",
        "zh": "**{run}** 在第 {step} 步发散：{quantity}变成了 NaN（非数）。图表只画到第 {last} 步。",
    },
    "tl.status.no_step": {
        "en": "No step could be drawn: {run} diverged at its very first step.",
        "zh": "无法绘制任何一步：{run} 在第一步就发散了。",
    },
    "tl.quantity.loss": {"en": "loss", "zh": "损失"},
    "tl.quantity.gradient": {"en": "global gradient norm", "zh": "全局梯度范数"},
    "tl.quantity.update": {"en": "update size", "zh": "更新量"},
    "tl.metric.acc": {"en": "accuracy {run}", "zh": "准确率 {run}"},
    "tl.metric.loss": {"en": "loss {run}", "zh": "损失 {run}"},
    "tl.metric.max_grad": {"en": "largest gradient norm {run}", "zh": "最大梯度范数 {run}"},
    "tl.metric.clipped": {"en": "steps clipped {run}", "zh": "被裁剪的步数 {run}"},
    "tl.metric.diverged": {"en": "diverged", "zh": "已发散"},
    # ------------------------------------------------------------ sections and charts
    "tl.section.curves": {"en": "Loss and accuracy", "zh": "损失与准确率"},
    "tl.section.gradients": {"en": "Gradients", "zh": "梯度"},
    "tl.section.boundary": {"en": "What the network learnt", "zh": "网络学到了什么"},
    "tl.section.how": {"en": "How the lab trains", "zh": "实验室如何训练"},
    "tl.chart.x": {"en": "training step", "zh": "训练步数"},
    "tl.chart.series": {"en": "run", "zh": "运行"},
    "tl.chart.loss.title": {"en": "Loss on all {n} points", "zh": "全部 {n} 个点上的损失"},
    "tl.chart.loss.export": {"en": "Loss on all {n} points ({data})",
                             "zh": "全部 {n} 个点上的损失（{data}）"},
    "tl.chart.loss.y": {"en": "cross-entropy loss (log scale)", "zh": "交叉熵损失（对数刻度）"},
    "tl.chart.acc.title": {"en": "Accuracy on all {n} points", "zh": "全部 {n} 个点上的准确率"},
    "tl.chart.acc.export": {"en": "Accuracy on all {n} points ({data})",
                            "zh": "全部 {n} 个点上的准确率（{data}）"},
    "tl.chart.acc.y": {"en": "accuracy (%)", "zh": "准确率（%）"},
    "tl.chart.chance": {"en": "chance ({chance}%)", "zh": "随机水平（{chance}%）"},
    "tl.chart.diverged": {"en": "{run} diverged", "zh": "{run} 发散"},
    "tl.chart.grad.title": {"en": "Global gradient norm per step", "zh": "每步的全局梯度范数"},
    "tl.chart.grad.y": {"en": "‖∇θ L‖ over all parameters (log scale)",
                        "zh": "全部参数的 ‖∇θ L‖（对数刻度）"},
    "tl.chart.kind": {"en": "gradient", "zh": "梯度"},
    "tl.chart.kind.before": {"en": "before clipping", "zh": "裁剪前"},
    "tl.chart.kind.after": {"en": "after clipping", "zh": "裁剪后"},
    "tl.chart.event": {"en": "clipping fired", "zh": "触发裁剪"},
    "tl.chart.threshold": {"en": "max_norm {run} = {thr}", "zh": "max_norm {run} = {thr}"},
    "tl.chart.heat.title": {"en": "{run}: gradient norm of each layer over the run",
                            "zh": "{run}：训练过程中每层的梯度范数"},
    "tl.chart.heat.y": {"en": "layer (1 = input side)", "zh": "层（1 = 输入一侧）"},
    "tl.chart.heat.colour": {"en": "‖∇ layer‖", "zh": "‖∇ 该层‖"},
    "tl.chart.boundary.title": {"en": "{run}: P(class 1) after the last step",
                                "zh": "{run}：最后一步后的 P(类别 1)"},
    "tl.chart.boundary.export": {"en": "{run}: P(class 1) after {steps} steps",
                                 "zh": "{run}：{steps} 步后的 P(类别 1)"},
    "tl.chart.boundary.p": {"en": "P(class 1)", "zh": "P(类别 1)"},
    "tl.chart.class": {"en": "class", "zh": "类别"},
    "tl.chart.class0": {"en": "class 0", "zh": "类别 0"},
    "tl.chart.class1": {"en": "class 1", "zh": "类别 1"},
    "tl.caption.curves": {
        "en": "Loss and accuracy on all {n} points of the {data} data every {every} steps (batch "
        "norm in evaluation mode). A dashed red line marks where a run diverged.",
        "zh": "每 {every} 步在{data}数据的全部 {n} 个点上计算损失和准确率（批量归一化处于评估模式）。"
        "红色虚线标出训练发散的位置。",
    },
    "tl.caption.grad": {
        "en": "The norm PyTorch's clip_grad_norm_ returns, before clipping (solid) and after "
        "(dashed). Purple triangles: steps where clipping changed the gradient; the dotted line: "
        "the threshold max_norm.",
        "zh": "即 PyTorch 的 clip_grad_norm_ 返回的范数，实线为裁剪前，虚线为裁剪后。紫色三角："
        "裁剪改变了梯度的步；点线：阈值 max_norm。",
    },
    "tl.caption.grad_bucket": {
        "en": "Each point is the largest value of {bucket} consecutive steps.",
        "zh": "每个点是连续 {bucket} 步中的最大值。",
    },
    "tl.caption.heat": {
        "en": "Each cell: log₁₀ of the gradient norm of one layer's parameters (dark: small, "
        "bright: large). A gradient that vanishes on its way back shows as rows that darken "
        "towards the input side (layer 1).",
        "zh": "每个格子：一层参数梯度范数的 log₁₀（深色：小，亮色：大）。梯度在反向传播中消失时，"
        "越靠近输入一侧（第 1 层）的行越暗。",
    },
    "tl.caption.heat_bucket": {
        "en": "Averaged (in log₁₀) over {bucket} consecutive steps.",
        "zh": "对连续 {bucket} 步取（log₁₀ 的）平均。",
    },
    "tl.caption.heat_zero": {
        "en": "{n} cells left blank: the gradient there was exactly 0 (dead units).",
        "zh": "{n} 个格子留空：那里的梯度恰好为 0（死亡单元）。",
    },
    "tl.caption.boundary": {
        "en": "The trained network's probability of class 1 on a {grid}×{grid} grid after its "
        "last step ({steps}), with the training points; white: the decision boundary, p = 0.5.",
        "zh": "训练后的网络在最后一步之后（{steps}）于 {grid}×{grid} 网格上给出的类别 1 概率，以及"
        "训练数据点；白色：决策边界，p = 0.5。",
    },
    "tl.caption.boundary.run": {"en": "{run}: step {steps}", "zh": "{run}：第 {steps} 步"},
    "tl.caption.loss_zero": {
        "en": "{n} evaluations with a loss of exactly 0 (below float64's resolution) are not "
        "drawn on the log axis.",
        "zh": "{n} 次评估的损失恰好为 0（低于 float64 的精度），未在对数轴上绘制。",
    },
    "tl.sources": {
        "en": "Sources: PyTorch torch.optim (SGD, Adam), torch.nn.utils.clip_grad_norm_ / "
        "clip_grad_value_, torch.nn.BatchNorm1d; Pascanu, Mikolov & Bengio 2013 (clipping); "
        "Ioffe & Szegedy 2015 (batch normalisation); He et al. 2016 (residual connections); "
        "Arjovsky et al. 2017 (weight clipping); Loshchilov & Hutter 2017 (cosine schedule).",
        "zh": "参考：PyTorch torch.optim（SGD、Adam）、torch.nn.utils.clip_grad_norm_ / "
        "clip_grad_value_、torch.nn.BatchNorm1d；Pascanu、Mikolov 与 Bengio 2013（梯度裁剪）；"
        "Ioffe 与 Szegedy 2015（批量归一化）；He 等 2016（残差连接）；Arjovsky 等 2017（权重裁剪）；"
        "Loshchilov 与 Hutter 2017（余弦调度）。",
    },
}
