"""Strings of the weight-clipping page: key -> {"en": ..., "zh": ...}."""

STRINGS: dict[str, dict[str, str]] = {
    # controls
    "wc.control.c": {"en": "Clip bound c", "zh": "裁剪边界 c"},
    "wc.control.c.help": {
        "en": "Every weight is clamped to [−c, c].",
        "zh": "每个权重都被截断到 [−c, c]。",
    },
    "wc.control.depth": {"en": "Depth L (layers)", "zh": "深度 L（层数）"},
    "wc.control.width": {"en": "Width n (units per layer)", "zh": "宽度 n（每层单元数）"},
    "wc.control.gain": {"en": "Initial gain", "zh": "初始化增益"},
    "wc.control.gain.help": {
        "en": "He initialisation: std = gain·√(2/n). For ReLU each layer multiplies the "
        "expected squared gradient norm by gain²: at gain 1 it stays level on average, above 1 "
        "it grows with depth, below 1 it shrinks. Tanh and sigmoid saturate and do not follow "
        "gain² exactly.",
        "zh": "He 初始化：std = 增益·√(2/n)。对 ReLU 网络，每一层把梯度平方范数的期望乘以增益²："
        "增益为 1 时平均保持不变，大于 1 时随深度增长，小于 1 时随深度衰减。tanh 和 sigmoid 会饱和，"
        "不严格遵循增益²。",
    },
    "wc.control.act": {"en": "Activation", "zh": "激活函数"},
    "wc.control.data": {"en": "Toy data set", "zh": "玩具数据集"},
    "wc.control.data.help": {
        "en": "The two-class problem of the training runs in section 3.",
        "zh": "第 3 节训练所用的二分类问题。",
    },
    "wc.data.moons": {"en": "two moons", "zh": "双月形"},
    "wc.data.spirals": {"en": "two spirals", "zh": "双螺旋"},
    "wc.data.circles": {"en": "concentric circles", "zh": "同心圆"},
    "wc.data.xor": {"en": "XOR", "zh": "异或（XOR）"},
    "wc.capped_what": {"en": "the number of random networks", "zh": "随机网络的数量"},
    # intro
    "wc.intro": {
        "en": "**Weight clipping** clamps every weight to [−c, c] after each update. WGAN used it "
        "to keep its critic Lipschitz (Arjovsky et al. 2017, Alg. 1). Does it also stop "
        "gradients from exploding? Below: what it does to a freshly initialised network "
        "(He initialisation at your depth, width, gain and activation), what that does to the "
        "backward pass, and what it costs in training.",
        "zh": "**权重裁剪**在每次更新后把每个权重截断到 [−c, c]。WGAN 用它让判别器（critic）满足 "
        "Lipschitz 约束（Arjovsky 等，2017，算法 1）。它能阻止梯度爆炸吗？下面依次展示：它对一个刚初始化的"
        "网络（按你选择的深度、宽度、增益和激活函数做 He 初始化）做了什么，这对反向传播意味着什么，"
        "以及它在训练中的代价。",
    },
    # section 1: histogram
    "wc.hist.header": {"en": "1 · What clipping does to the weights",
                       "zh": "1 · 裁剪对权重做了什么"},
    "wc.hist.title": {"en": "Weights of the fresh network, before and after clipping at ±c",
                      "zh": "刚初始化的网络的权重：在 ±c 处裁剪前后"},
    "wc.hist.export_title": {
        "en": "Weights of the fresh network, before and after clipping at c = {c}",
        "zh": "刚初始化的网络的权重：在 c = {c} 处裁剪前后"},
    "wc.hist.x": {"en": "weight value w", "zh": "权重值 w"},
    "wc.hist.y": {"en": "share of all weights (%, square-root scale)",
                  "zh": "占全部权重的比例（%，平方根刻度）"},
    "wc.hist.from": {"en": "bin from", "zh": "区间起点"},
    "wc.hist.to": {"en": "bin to", "zh": "区间终点"},
    "wc.hist.series": {"en": "weights", "zh": "权重"},
    "wc.series.unclipped": {"en": "unclipped", "zh": "未裁剪"},
    "wc.series.clipped_c": {"en": "clipped at c", "zh": "裁剪于 c"},
    "wc.bound_rule": {"en": "±c = ±{c}", "zh": "±c = ±{c}"},
    "wc.metric.at_bound": {"en": "weights at ±c", "zh": "位于 ±c 的权重"},
    "wc.metric.weight_factor": {"en": "n·Var[w] after clipping", "zh": "裁剪后的 n·Var[w]"},
    "wc.metric.weight_factor.help": {
        "en": "fan_in × mean of w² over all layers: the per-layer weight factor of He et al. "
        "2015 (Eq. 13–14). Each layer multiplies the squared gradient norm by this times "
        "E[φ′(z)²] on average. The grey figure is the change caused by clipping.",
        "zh": "fan_in × 所有层 w² 的平均值：He 等（2015，式 13–14）中每层的权重因子。平均而言，"
        "每层把梯度的平方范数乘以它再乘以 E[φ′(z)²]。灰色数字是裁剪造成的变化。",
    },
    "wc.metric.weight_factor.before": {"en": "before clipping: {value}",
                                       "zh": "裁剪前：{value}"},
    "wc.hist.caption": {
        "en": "He initialisation gives each weight a standard deviation of {std}, so c = {c} is "
        "{ratio} standard deviations: {share}% of the weights land exactly on ±c (the spikes, "
        "with their share written beside them).",
        "zh": "He 初始化下每个权重的标准差为 {std}，所以 c = {c} 相当于 {ratio} 个标准差：{share}% "
        "的权重恰好落在 ±c 上（即尖峰，旁边标出其比例）。",
    },
    "wc.hist.caption.none": {
        "en": "He initialisation gives each weight a standard deviation of {std}, so c = {c} is "
        "{ratio} standard deviations: no weight of these networks reaches ±c, so clipping "
        "changes nothing here.",
        "zh": "He 初始化下每个权重的标准差为 {std}，所以 c = {c} 相当于 {ratio} 个标准差：这些网络中"
        "没有一个权重达到 ±c，因此裁剪在这里什么也没改变。",
    },
    "wc.hist.factor.lowered": {
        "en": "Clipping lowers n·Var[w] from {before} to {after}: the factor by which each layer "
        "scales the squared gradient on average (times E[φ′(z)²], ½ for ReLU).",
        "zh": "裁剪把 n·Var[w] 从 {before} 降到 {after}。它是每层平均把梯度平方范数放大的因子"
        "（还要乘以 E[φ′(z)²]，ReLU 为 ½）。",
    },
    # section 2: gradients
    "wc.grad.header": {"en": "2 · What it does to the gradient", "zh": "2 · 它对梯度做了什么"},
    "wc.grad.bound_intro": {
        "en": "Clipping bounds each layer's spectral norm. With every $|w_{ij}| \\le c$, an "
        "$m \\times n$ matrix has $\\|W\\|_2 \\le \\|W\\|_F \\le c\\sqrt{mn}$. We use "
        "this Frobenius route because it needs nothing but the bound on the entries, and no "
        "better bound holds: the matrix with every entry equal to $c$ reaches it exactly. Since "
        "$|\\varphi'| \\le 1$ for every activation here, the backward step "
        "$g_{l-1} = W_l^{\\top}(\\varphi'(h_l) \\odot g_l)$ can grow the gradient by at most "
        "$\\|W_l\\|_2$, so over $L$ layers by at most $(c\\sqrt{mn})^L$.",
        "zh": "裁剪限制了每层的谱范数。若每个 $|w_{ij}| \\le c$，则 $m \\times n$ 矩阵满足 "
        "$\\|W\\|_2 \\le \\|W\\|_F \\le c\\sqrt{mn}$。我们用这条经过 Frobenius 范数的界，"
        "因为它只需要元素的界，而且无法再改进：所有元素都等于 $c$ 的矩阵恰好达到它。由于这里每种激活"
        "函数都满足 $|\\varphi'| \\le 1$，反向传播的一步 "
        "$g_{l-1} = W_l^{\\top}(\\varphi'(h_l) \\odot g_l)$ 最多把梯度放大 $\\|W_l\\|_2$ 倍，"
        "$L$ 层合起来最多 $(c\\sqrt{mn})^L$ 倍。",
    },
    "wc.grad.title": {
        "en": "Gradient per layer: without and with clipping",
        "zh": "各层梯度：不裁剪与裁剪",
    },
    "wc.grad.export_title": {
        "en": "Gradient per layer, {depth} layers of width {width}: without and with clipping",
        "zh": "各层梯度（{depth} 层，宽度 {width}）：不裁剪与裁剪",
    },
    "wc.grad.caption": {
        "en": "{depth} layers of width {width}; lines: median over {networks} random networks × "
        "{batch} random inputs, bands: 10–90%. The dashed black line is the cap from clipping.",
        "zh": "{depth} 层，宽度 {width}；曲线为 {networks} 个随机网络 × {batch} 个随机输入的中位数，"
        "阴影为 10–90% 区间。黑色虚线是裁剪给出的上限。",
    },
    "wc.grad.cap": {"en": "cap from clipping, (c√(mn))^(L−l)",
                    "zh": "裁剪给出的上限 (c√(mn))^(L−l)"},
    "wc.metric.ratio_unclipped": {"en": "‖g₀‖/‖g_L‖ unclipped", "zh": "‖g₀‖/‖g_L‖ 未裁剪"},
    "wc.metric.ratio_clipped": {"en": "‖g₀‖/‖g_L‖ clipped", "zh": "‖g₀‖/‖g_L‖ 裁剪后"},
    "wc.metric.spectral": {"en": "‖W‖₂ before → after", "zh": "‖W‖₂ 裁剪前 → 后"},
    "wc.metric.spectral.help": {
        "en": "Largest singular value (exact SVD), median over {layers} evenly spaced layers of "
        "the first network.",
        "zh": "最大奇异值（精确 SVD），取第一个网络中均匀间隔的 {layers} 层的中位数。",
    },
    "wc.metric.bound": {"en": "bound c√(mn)", "zh": "上界 c√(mn)"},
    "wc.metric.cap": {"en": "cap (c√(mn))^L, L = {depth}", "zh": "上限 (c√(mn))^L，L = {depth}"},
    "wc.verdict.moved": {
        "en": "At c = {c} the gradient at the input relative to the output (median) went from "
        "{before} without clipping to {after} with it: **{regime}** ({rule}).",
        "zh": "在 c = {c} 时，输入层梯度相对于输出层的比值（中位数）从不裁剪时的 {before} 变为裁剪后的 "
        "{after}：**{regime}**（{rule}）。",
    },
    "wc.rule.vanishing": {"en": "below {low}", "zh": "低于 {low}"},
    "wc.rule.stable": {"en": "between {low} and {high}", "zh": "介于 {low} 与 {high} 之间"},
    "wc.rule.exploding": {"en": "above {high}", "zh": "高于 {high}"},
    "wc.verdict.loose": {
        "en": "All that clipping guarantees is the cap {cap} on this ratio (the dashed line). "
        "That is above {high}, so at this depth and width the cap alone does not rule out "
        "explosion.",
        "zh": "裁剪唯一能保证的是这个比值不超过 {cap}（虚线）。这个上限高于 {high}，所以在这个深度和"
        "宽度下，单凭它不能排除梯度爆炸。",
    },
    "wc.verdict.rules_out": {
        "en": "All that clipping guarantees is the cap {cap} on this ratio (the dashed line). "
        "Here that is at most {high}, so at this depth and width the cap alone rules out "
        "explosion.",
        "zh": "裁剪唯一能保证的是这个比值不超过 {cap}（虚线）。这里它不超过 {high}，所以在这个深度和"
        "宽度下，单凭这个上限就排除了梯度爆炸。",
    },
    "wc.verdict.shrinks": {
        "en": "Here c√(mn) = {bound} < 1: every layer must shrink the gradient, so the ratio is "
        "at most {cap}, and explosion is impossible.",
        "zh": "这里 c√(mn) = {bound} < 1：每一层都必然缩小梯度，所以这个比值至多为 {cap}，"
        "不可能出现梯度爆炸。",
    },
    "wc.verdict.forced": {
        "en": "Here c√(mn) = {bound} < 1: every layer must shrink the gradient, so the ratio is "
        "at most {cap}, below {low}: clipping this tight guarantees vanishing gradients.",
        "zh": "这里 c√(mn) = {bound} < 1：每一层都必然缩小梯度，所以这个比值至多为 {cap}，低于 "
        "{low}：裁剪到这么紧必然导致梯度消失。",
    },
    "wc.verdict.factor": {
        "en": "What clipping changes in practice is n·Var[w], the per-layer factor of section 1: "
        "{before} → {after}.",
        "zh": "裁剪在实际中改变的是第 1 节中每层的因子 n·Var[w]：{before} → {after}。",
    },
    "wc.verdict.untouched": {
        "en": "No weight reaches ±c here, so the clipped networks are the unclipped ones.",
        "zh": "这里没有权重达到 ±c，所以裁剪后的网络与未裁剪的完全相同。",
    },
    # section 3: training
    "wc.train.header": {"en": "3 · What it costs in training", "zh": "3 · 训练中的代价"},
    "wc.train.intro": {
        "en": "In training, clipping is applied after every step. A small network is trained "
        "on a two-class toy problem with no clipping and with weights clipped at {multiples}: "
        "same data, same initial weights (before clipping), same mini-batches.",
        "zh": "训练时每一步之后都做裁剪。一个小网络在二分类玩具问题上训练，分别不裁剪以及把权重裁剪在 "
        "{multiples}：数据、初始权重（裁剪前）和小批量都相同。",
    },
    "wc.list": {"en": "{head} and {last}", "zh": "{head} 和 {last}"},
    "wc.list.sep": {"en": ", ", "zh": "、"},
    "wc.series.clipped_at": {"en": "clipped at {bound} = {c}", "zh": "裁剪于 {bound} = {c}"},
    "wc.train.title": {"en": "Training loss", "zh": "训练损失"},
    "wc.train.export_title": {"en": "Training loss on {data}", "zh": "{data}上的训练损失"},
    "wc.train.dropped": {
        "en": "{n} loss values that were exactly 0 are left out of the log-scale chart.",
        "zh": "有 {n} 个恰好为 0 的损失值无法画在对数坐标上，已略去。",
    },
    "wc.series.clipped_at_multiple": {"en": "clipped at {bound}", "zh": "裁剪于 {bound}"},
    "wc.train.x": {"en": "training step", "zh": "训练步数"},
    "wc.train.y": {"en": "cross-entropy loss on all points (log scale)",
                   "zh": "全部样本上的交叉熵损失（对数刻度）"},
    "wc.train.series": {"en": "run", "zh": "运行"},
    "wc.train.diverged": {
        "en": "The run “{run}” diverged at step {step} (loss or gradient not finite); it is "
        "drawn up to the step before.",
        "zh": "运行“{run}”在第 {step} 步发散（损失或梯度不再有限），图中只画到前一步。",
    },
    "wc.metric.final": {"en": "final loss, {run}", "zh": "最终损失，{run}"},
    "wc.metric.accuracy": {"en": "accuracy {acc}%", "zh": "准确率 {acc}%"},
    "wc.train.caption": {
        "en": "Data: {data}. {depth} weight layers ({width} units per hidden layer), He "
        "initialisation with your gain and activation, biases, softmax cross-entropy, plain SGD with learning rate "
        "{lr}, mini-batches of {batch} from {points} points, {steps} steps; the loss is measured "
        "on all points every {every} steps. Every weight and bias is clamped to the bound after "
        "each update and once at initialisation, as in WGAN. {guess} = ln {classes} is the loss "
        "of guessing.",
        "zh": "数据：{data}。{depth} 个权重层（每个隐藏层 {width} 个单元），按你的增益和激活函数做 He 初始化，带偏置，"
        "softmax 交叉熵，普通 SGD，学习率 {lr}，从 {points} 个样本中取大小为 {batch} 的小批量，"
        "共 {steps} 步；每 {every} 步在全部样本上计算一次损失。与 WGAN 一样，每次更新后以及初始化时，"
        "每个权重和偏置都被截断到边界内。{guess} = ln {classes} 是随机猜测的损失。",
    },
    "wc.pile.title": {"en": "Weights of the run clipped at c: start and end of training",
                      "zh": "裁剪于 c 的运行中的权重：训练开始与结束"},
    "wc.pile.export_title": {
        "en": "Weights of the run clipped at c = {c}: start and end of training",
        "zh": "裁剪于 c = {c} 的运行中的权重：训练开始与结束"},
    "wc.pile.series": {"en": "weights", "zh": "权重"},
    "wc.series.start": {"en": "at step 0 (clipped He init)", "zh": "第 0 步（裁剪后的 He 初始化）"},
    "wc.series.end": {"en": "after {steps} steps", "zh": "{steps} 步之后"},
    "wc.pile.grew": {
        "en": "Over {steps} steps the share of weights at ±c grew from {start}% to {end}%: "
        "training pushes weights onto the bound, the pile-up Gulrajani et al. (2017, Fig. 1b) "
        "saw in WGAN critics. Weights stuck at ±c no longer carry information in their size.",
        "zh": "在 {steps} 步中，位于 ±c 的权重比例从 {start}% 增加到 {end}%：训练把权重推向边界，"
        "这正是 Gulrajani 等（2017，图 1b）在 WGAN 判别器（critic）中看到的堆积现象。卡在 ±c 的权重，"
        "其大小不再携带信息。",
    },
    "wc.pile.shrank": {
        "en": "Here the share of weights at ±c fell from {start}% to {end}% over {steps} steps: "
        "the pile-up in this short run comes from clipping the initial weights, not from "
        "training. (Gulrajani et al. 2017, Fig. 1b, found most weights of long-trained WGAN "
        "critics at ±c.)",
        "zh": "在这里，{steps} 步中位于 ±c 的权重比例从 {start}% 降到 {end}%：这次短训练中的堆积来自"
        "对初始权重的裁剪，而不是来自训练。（Gulrajani 等 2017 年图 1b 发现，长时间训练的 WGAN "
        "判别器（critic）中大部分权重位于 ±c。）",
    },
    "wc.pile.same": {
        "en": "The share of weights at ±c barely moved ({start}% → {end}% over {steps} steps): "
        "in this short run the pile-up comes from clipping the initial weights, and training "
        "does not undo it. (Gulrajani et al. 2017, Fig. 1b, found most weights of long-trained "
        "WGAN critics at ±c.)",
        "zh": "位于 ±c 的权重比例几乎没变（{steps} 步中 {start}% → {end}%）：这次短训练中的堆积来自对"
        "初始权重的裁剪，训练也没有消除它。（Gulrajani 等 2017 年图 1b 发现，长时间训练的 WGAN "
        "判别器（critic）中大部分权重位于 ±c。）",
    },
    "wc.pile.none": {
        "en": "Few weights of this run sit at ±c ({start}% at step 0, {end}% after {steps} "
        "steps): at c = {c} the bound rarely binds in this short run, so there is no pile-up to "
        "see. (Gulrajani et al. 2017, Fig. 1b, found most weights of long-trained WGAN critics "
        "at ±c.)",
        "zh": "这次运行中位于 ±c 的权重很少（第 0 步 {start}%，{steps} 步之后 {end}%）：在 c = {c} 时，"
        "这次短训练中边界几乎不起作用，所以看不到堆积。（Gulrajani 等 2017 年图 1b 发现，长时间训练的 "
        "WGAN 判别器（critic）中大部分权重位于 ±c。）",
    },
    "wc.sources": {
        "en": "Sources: Arjovsky, Chintala, Bottou 2017, “Wasserstein GAN”, Sec. 3 and Alg. 1 "
        "(“Weight clipping is a clearly terrible way to enforce a Lipschitz constraint”); "
        "Gulrajani et al. 2017, “Improved Training of Wasserstein GANs”, Sec. 3.2 and Fig. 1b; "
        "He et al. 2015, “Delving Deep into Rectifiers”, Sec. 2.2.",
        "zh": "来源：Arjovsky、Chintala、Bottou 2017，《Wasserstein GAN》，第 3 节与算法 1（“权重裁剪"
        "显然是施加 Lipschitz 约束的一种很糟糕的方法”）；Gulrajani 等 2017，《Improved Training of "
        "Wasserstein GANs》，第 3.2 节与图 1b；He 等 2015，《Delving Deep into Rectifiers》，"
        "第 2.2 节。",
    },
    # presets (ui/tables/weight_clipping.py)
    "wc.preset.no_real_clipping": {"en": "c = 1: a loose bound", "zh": "c = 1：宽松的边界"},
    "wc.preset.wgan_c_001": {"en": "WGAN's c = 0.01", "zh": "WGAN 的 c = 0.01"},
    "wc.preset.tight_clip_vanishes": {"en": "c = 0.005: vanishes", "zh": "c = 0.005：梯度消失"},
}
