"""Strings of the training lab: key -> {"en": ..., "zh": ...} (key prefix "tl.")."""

from ui.i18n.common import STRINGS as COMMON

LR_CHOICES = ("0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10")
WC_CHOICES = ("off", "0.02", "0.05", "0.1", "0.2", "0.5", "1")

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
                 **{c: {"en": f"±{c}", "zh": f"±{c}"} for c in WC_CHOICES[1:]}}
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
    "tl.control.data": {"en": "Toy data set (400 points)", "zh": "玩具数据集（400 个点）"},
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
        "en": "Multiplies the initialisation's standard deviation (He: gain·√(2/fan_in)). "
        "Above 1 a deep ReLU network's gradient grows by about gain per layer.",
        "zh": "乘以初始化的标准差（He：增益·√(2/fan_in)）。大于 1 时，深层 ReLU 网络的梯度"
        "每层约放大“增益”倍。",
    },
    "tl.control.opt": {"en": "Optimiser", "zh": "优化器"},
    "tl.control.opt.help": {
        "en": "As torch.optim: SGD, SGD(momentum=0.9), Adam(betas=(0.9, 0.999), eps=1e-8).",
        "zh": "与 torch.optim 相同：SGD、SGD(momentum=0.9)、Adam(betas=(0.9, 0.999), eps=1e-8)。",
    },
    "tl.control.lr": {"en": "Learning rate", "zh": "学习率"},
    "tl.control.sched": {"en": "Learning-rate schedule", "zh": "学习率调度"},
    "tl.control.sched.help": {
        "en": "How the learning rate decays over the run (core/descent.py schedules).",
        "zh": "学习率在训练中如何衰减（core/descent.py 中的调度）。",
    },
    "tl.control.steps": {"en": "Training steps (batch 64)", "zh": "训练步数（批大小 64）"},
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
        "en": "a_l = a_{l−1} + φ(z_l) on every hidden layer after the first.",
        "zh": "除第一个隐藏层外，每层 a_l = a_{l−1} + φ(z_l)。",
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
    **_options("tl.lr.", {v: {"en": v, "zh": v} for v in LR_CHOICES}),
    **_options("tl.wc.", _WEIGHT_CLIPS),
    **_options("tl.bmethod.", _common("method."), same=True),
    **_options("tl.blr.", {v: {"en": v, "zh": v} for v in LR_CHOICES}, same=True),
    **_options("tl.bsched.", _SCHEDULES, same=True),
    **_options("tl.bopt.", _OPTIMIZERS, same=True),
    **_options("tl.binit.", _common("init."), same=True),
    **_options("tl.bwc.", _WEIGHT_CLIPS, same=True),
    **_options("tl.bflag.", _FLAGS),
    "tl.capped_what": {"en": "the number of training steps", "zh": "训练步数"},
    # ------------------------------------------------------------ presets
    "tl.preset.exploding": {"en": "Exploding (deep ReLU, gain 2)", "zh": "梯度爆炸（深层 ReLU，增益 2）"},
    "tl.preset.exploding_norm": {"en": "Exploding + norm clipping", "zh": "梯度爆炸 + 按范数裁剪"},
    "tl.preset.lr_high": {"en": "Learning rate too high", "zh": "学习率过大"},
    "tl.preset.lr_decay": {"en": "Learning-rate decay rescues", "zh": "学习率衰减来挽救"},
    "tl.preset.vanishing": {"en": "Vanishing (deep sigmoid)", "zh": "梯度消失（深层 sigmoid）"},
    "tl.preset.residual": {"en": "Residual connections rescue", "zh": "残差连接来挽救"},
    "tl.preset.batch_norm": {"en": "Batch normalisation rescues", "zh": "批量归一化来挽救"},
    "tl.preset.weight_clip": {"en": "Weight clipping", "zh": "权重裁剪"},
    "tl.story.exploding": {
        "en": "**Exploding.** 8 ReLU layers initialised with gain 2: each layer multiplies the "
        "gradient by about 2, so the first update is huge, the weights blow up and within a few "
        "steps the loss passes float32's largest number. Try the next preset.",
        "zh": "**梯度爆炸。** 8 层 ReLU 网络以增益 2 初始化：每层把梯度放大约 2 倍，第一次更新就"
        "非常大，权重随之爆炸，几步之内损失就超过了 float32 能表示的最大数。试试下一个预设。",
    },
    "tl.story.exploding_norm": {
        "en": "**Gradient clipping by norm.** B is A with the global gradient norm capped at 1 "
        "(clip_grad_norm_). The early gradients are in the hundreds: clipping shrinks every "
        "one of them (purple marks) but keeps its direction, and B trains while A diverges.",
        "zh": "**按范数裁剪梯度。** B 与 A 相同，只是全局梯度范数被限制在 1 以内"
        "（clip_grad_norm_）。早期梯度达到数百：裁剪把它们全部缩小（紫色标记）但保持方向，"
        "于是 A 发散而 B 正常训练。",
    },
    "tl.story.lr_high": {
        "en": "**Learning rate too high.** Momentum SGD with lr 1 on the circles: the first steps "
        "overshoot so far that the network collapses to one class and stays there, the loss "
        "stuck at ln 2 ≈ 0.693 — nothing overflows, it just never learns.",
        "zh": "**学习率过大。** 在同心圆上用学习率 1 的动量 SGD：最初几步跨得太远，网络塌缩为"
        "只预测一个类别并停在那里，损失卡在 ln 2 ≈ 0.693——没有溢出，只是再也学不动了。",
    },
    "tl.story.lr_decay": {
        "en": "**Learning-rate decay.** B starts at the same lr 1 but divides it by 1 + 20·t/T: "
        "halved after 5% of the run. The step shrinks before the damage is done, and B fits "
        "the circles.",
        "zh": "**学习率衰减。** B 同样从学习率 1 开始，但除以 1 + 20·t/T：训练进行到 5% 时就"
        "减半。步长在造成破坏之前就变小了，B 成功拟合了同心圆。",
    },
    "tl.story.vanishing": {
        "en": "**Vanishing.** 10 sigmoid layers: σ′ ≤ 1/4, so each layer shrinks the gradient. "
        "The heatmap shows the first layers receiving about a millionth of the last layer's "
        "gradient; even Adam cannot find a signal and accuracy stays at chance.",
        "zh": "**梯度消失。** 10 层 sigmoid：σ′ ≤ 1/4，每层都把梯度缩小。热力图显示最前面几层"
        "收到的梯度只有最后一层的百万分之一左右；即使用 Adam 也找不到信号，准确率停留在随机水平。",
    },
    "tl.story.residual": {
        "en": "**Residual connections.** B adds an identity path around every hidden layer "
        "(a_l = a_{l−1} + σ(z_l)): the backward pass gets a term that is not multiplied by σ′, "
        "the gradient reaches the first layer, and B learns the circles.",
        "zh": "**残差连接。** B 在每个隐藏层外加一条恒等路径（a_l = a_{l−1} + σ(z_l)）：反向"
        "传播多了一项不乘 σ′ 的梯度，梯度能到达第一层，B 学会了同心圆。",
    },
    "tl.story.batch_norm": {
        "en": "**Batch normalisation.** B normalises every pre-activation over the mini-batch: "
        "the sigmoids work in their steep middle instead of saturating, and the backward pass "
        "is rescaled by 1/std at each layer. B trains; A stalls.",
        "zh": "**批量归一化。** B 在小批量上对每个激活前的值做归一化：sigmoid 工作在陡峭的中间"
        "区域而不是饱和区，反向传播在每层被 1/std 重新缩放。B 能训练，A 停滞不前。",
    },
    "tl.story.weight_clip": {
        "en": "**Weight clipping.** B clamps every weight to [−0.2, 0.2] after each update "
        "(WGAN): that bounds each layer's gain, and the exploding network trains. Set B's c to "
        "0.05 to see the price: the weights pile up at ±c, and the network stops learning.",
        "zh": "**权重裁剪。** B 在每次更新后把每个权重截断到 [−0.2, 0.2]（WGAN 的做法）：这限制"
        "了每层的放大倍数，爆炸的网络能够训练了。把 B 的 c 设为 0.05 看看代价：权重堆积在 ±c，"
        "网络不再学习。",
    },
    # ------------------------------------------------------------ text
    "tl.intro": {
        "en": "Train a small network on a 2-D toy problem and watch what exploding and vanishing "
        "gradients do to a real run — and which remedy saves it. Pick a **preset** at the top "
        "of the sidebar, or switch on **compare** to train a second configuration B next to A "
        "on the same data with the same seed.",
        "zh": "在二维玩具问题上训练一个小网络，观察梯度爆炸和梯度消失对真实训练的影响——以及"
        "哪种方法能挽救它。在侧边栏顶部选择一个**预设**，或打开**对比**，用相同的数据和随机种子"
        "在 A 旁边训练第二个配置 B。",
    },
    "tl.how": {
        "en": "Each step takes a mini-batch of 64 points, computes the gradient of the mean "
        "cross-entropy exactly (checked against finite differences), clips it if asked "
        "(PyTorch's clip_grad_norm_ / clip_grad_value_), lets the optimiser update the weights "
        "at the step's learning rate, and clips the weights if asked. A run stops at the first "
        "step whose loss, gradient norm or update is not finite or exceeds float32's largest "
        "number (3.4·10³⁸), where a float32 training run would overflow.",
        "zh": "每一步取 64 个点的小批量，精确计算平均交叉熵的梯度（已用有限差分验证），按设置裁剪"
        "梯度（PyTorch 的 clip_grad_norm_ / clip_grad_value_），由优化器以该步的学习率更新权重，"
        "再按设置裁剪权重。当损失、梯度范数或更新量不再有限，或超过 float32 的最大值"
        "（3.4·10³⁸，float32 训练在此处溢出）时，训练就在该步停止。",
    },
    "tl.run.a": {"en": "A", "zh": "A"},
    "tl.run.b": {"en": "B: {diff}", "zh": "B：{diff}"},
    "tl.diff.none": {"en": "same as A", "zh": "与 A 相同"},
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
        "en": "**{run}** ran {steps} steps but did not learn: accuracy {acc}% (chance is 50%), "
        "loss {loss}.",
        "zh": "**{run}** 运行了 {steps} 步但没有学到东西：准确率 {acc}%（随机水平为 50%），"
        "损失 {loss}。",
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
    "tl.chart.loss.title": {"en": "Loss on all {n} points ({data})",
                            "zh": "全部 {n} 个点上的损失（{data}）"},
    "tl.chart.loss.y": {"en": "cross-entropy loss (log scale)", "zh": "交叉熵损失（对数刻度）"},
    "tl.chart.acc.title": {"en": "Accuracy on all {n} points", "zh": "全部 {n} 个点上的准确率"},
    "tl.chart.acc.y": {"en": "accuracy (%)", "zh": "准确率（%）"},
    "tl.chart.chance": {"en": "chance (50%)", "zh": "随机水平（50%）"},
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
    "tl.chart.boundary.title": {"en": "{run}: P(class 1) after {steps} steps",
                                "zh": "{run}：{steps} 步后的 P(类别 1)"},
    "tl.chart.boundary.p": {"en": "P(class 1)", "zh": "P(类别 1)"},
    "tl.chart.class": {"en": "class", "zh": "类别"},
    "tl.chart.class0": {"en": "class 0", "zh": "类别 0"},
    "tl.chart.class1": {"en": "class 1", "zh": "类别 1"},
    "tl.caption.curves": {
        "en": "Loss and accuracy on all 400 points every {every} steps (batch norm in "
        "evaluation mode). A dashed red line marks where a run diverged.",
        "zh": "每 {every} 步在全部 400 个点上计算损失和准确率（批量归一化处于评估模式）。"
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
        "en": "Each cell: log₁₀ of the gradient norm of one layer's parameters. Vanishing shows "
        "as dark rows at the input side, exploding as bright ones.",
        "zh": "每个格子：一层参数梯度范数的 log₁₀。梯度消失表现为输入一侧的深色行，梯度爆炸表现为"
        "亮色行。",
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
        "en": "The trained network's probability of class 1 on a 60×60 grid (white: the "
        "decision boundary, p = 0.5), with the training points.",
        "zh": "训练后的网络在 60×60 网格上给出的类别 1 概率（白色：决策边界，p = 0.5），"
        "以及训练数据点。",
    },
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
