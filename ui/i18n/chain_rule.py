"""Strings of the chain-rule page: key -> {"en": ..., "zh": ...}."""

STRINGS: dict[str, dict[str, str]] = {
    "cr.intro": {
        "en": "Backpropagation multiplies the output gradient by one matrix per layer. Each "
        "factor changes the norm a little; over many layers the product grows or shrinks "
        "**exponentially in depth**. Below, random bias-free networks are drawn and every "
        "layer's gradient norm is measured (in log space, so nothing overflows here).",
        "zh": "反向传播把输出端的梯度逐层乘以一个矩阵。每一层只让范数变化一点；经过很多层后，"
        "乘积会随深度**指数级**增长或衰减。下面随机生成无偏置网络，测量每一层的梯度范数"
        "（在对数空间中计算，因此这里不会溢出）。",
    },
    # controls
    "cr.depth": {"en": "Depth L (layers)", "zh": "深度 L（层数）"},
    "cr.depth.help": {
        "en": "Number of weight layers. Depth is the exponent of the product.",
        "zh": "权重层的数量。深度就是乘积的指数。",
    },
    "cr.width": {"en": "Width n (units per layer)", "zh": "宽度 n（每层单元数）"},
    "cr.width.help": {
        "en": "Every layer has n units, so fan-in = fan-out = n.",
        "zh": "每层都有 n 个单元，因此 fan-in = fan-out = n。",
    },
    "cr.act": {"en": "Activation φ", "zh": "激活函数 φ"},
    "cr.init": {"en": "Weight initialisation", "zh": "权重初始化"},
    "cr.init.help": {
        "en": "He: std = gain·√(2/n); Xavier: gain·√(2/(n_in+n_out)); LeCun: gain·√(1/n); "
        "standard normal: std = gain.",
        "zh": "He：std = 增益·√(2/n)；Xavier：增益·√(2/(n_in+n_out))；LeCun：增益·√(1/n)；"
        "标准正态：std = 增益。",
    },
    "cr.gain": {"en": "Gain (multiplies every weight's std)", "zh": "增益（乘以每个权重的标准差）"},
    "cr.gain.help": {
        "en": "Under He init with ReLU each layer multiplies the expected squared gradient "
        "norm by gain².",
        "zh": "在 He 初始化 + ReLU 下，每层把梯度平方范数的期望乘以 增益²。",
    },
    "cr.samples": {"en": "Sampled networks", "zh": "采样网络数"},
    "cr.samples.help": {
        "en": "Independent random networks, each run on {batch} random inputs; the band "
        "shows their spread.",
        "zh": "独立随机网络的个数，每个网络输入 {batch} 个随机样本；色带表示它们的离散程度。",
    },
    # notices
    "cr.capped.samples": {"en": "the number of sampled networks", "zh": "采样网络数"},
    "cr.capped.width": {"en": "the width", "zh": "宽度"},
    "cr.dead": {
        "en": "The gradient became exactly zero in {share:.0%} of the {runs} runs "
        "(network × input): in some layer every ReLU was off, so nothing flows back below it. "
        "Narrow deep ReLU networks die like this. The curves show the runs that "
        "survived.",
        "zh": "在 {runs} 次运行（网络 × 输入）中，有 {share:.0%} 的梯度变成了精确的零：某一层的"
        "所有 ReLU 都处于关闭状态，梯度无法再向下传播。又窄又深的 ReLU 网络会这样“死亡”。"
        "曲线只显示存活的运行。",
    },
    "cr.dead.all": {
        "en": "Nothing to draw: the gradient died in every run before leaving the output layer.",
        "zh": "没有可画的内容：所有运行中的梯度在离开输出层之前就已经为零。",
    },
    # metrics
    "cr.metric.growth": {
        "en": "Total growth ‖g₀‖ / ‖g_L‖",
        "zh": "总增长 ‖g₀‖ / ‖g_L‖",
    },
    "cr.metric.growth.value": {"en": "{value:+.2f} decades", "zh": "{value:+.2f} 个数量级"},
    "cr.metric.growth.dead": {"en": "−∞ (gradient died)", "zh": "−∞（梯度已为零）"},
    "cr.metric.growth.help": {
        "en": "Median over runs of log10 ‖g₀‖/‖g_L‖: +3 means the gradient at the input is "
        "1000× the one at the output. Theory: {theory}.",
        "zh": "各次运行的 log10 ‖g₀‖/‖g_L‖ 的中位数：+3 表示输入层的梯度是输出层的 1000 倍。"
        "理论值：{theory}。",
    },
    "cr.metric.factor": {
        "en": "Per-layer factor ‖g_(l−1)‖² / ‖g_l‖²",
        "zh": "每层因子 ‖g_(l−1)‖² / ‖g_l‖²",
    },
    "cr.metric.factor.value": {"en": "{value} (theory {theory})", "zh": "{value}（理论 {theory}）"},
    "cr.metric.factor.help": {
        "en": "Squared-norm terms: the mean over layers and runs of the realised ratio, against "
        "theory n·Var[w]·E[φ′(z)²]. Theory applies to ReLU, leaky ReLU and linear only.",
        "zh": "以平方范数计：各层、各次运行的实测比值的平均，对照理论值 n·Var[w]·E[φ′(z)²]。"
        "理论只适用于 ReLU、Leaky ReLU 和线性激活。",
    },
    "cr.metric.na": {"en": "n/a", "zh": "不适用"},
    "cr.metric.float32": {"en": "float32 (backward pass)", "zh": "float32（反向传播）"},
    "cr.metric.in_range.value": {"en": "in range", "zh": "未越界"},
    "cr.metric.overflow": {"en": "float32 overflows at layer", "zh": "float32 上溢的层"},
    "cr.metric.underflow": {"en": "float32 underflows at layer", "zh": "float32 下溢的层"},
    "cr.metric.float32.help": {
        "en": "Going backward from the output layer L, the first layer where the median gradient "
        "norm leaves float32's normal range ({max:.2g} / {tiny:.2g}). Layers count from the "
        "input (0). Here the norms are kept in log space, so the page itself never overflows.",
        "zh": "从输出层 L 反向传播时，梯度范数中位数第一次超出 float32 正规数范围"
        "（{max:.2g} / {tiny:.2g}）的层。层号从输入层（0）开始计。本页在对数空间计算，因此自身不会溢出。",
    },
    # gradient chart
    "cr.grad.title": {
        "en": "Backward pass: gradient norm at every layer",
        "zh": "反向传播：每一层的梯度范数",
    },
    "cr.grad.export_title": {
        "en": "Backward pass: gradient norm at every layer (depth {depth}, width {width})",
        "zh": "反向传播：每一层的梯度范数（深度 {depth}，宽度 {width}）",
    },
    "cr.series": {"en": "Measured", "zh": "实测"},
    "cr.series.label": {
        "en": "median over runs (band: 10–90%)",
        "zh": "各次运行的中位数（色带：10%–90%）",
    },
    "cr.runs": {
        "en": "Depth {depth}, width {width}: median and 10–90% band over {runs} runs "
        "({samples} networks × {batch} inputs).",
        "zh": "深度 {depth}，宽度 {width}：{runs} 次运行（{samples} 个网络 × {batch} 个输入）的"
        "中位数与 10%–90% 色带。",
    },
    "cr.theory": {
        "en": "theory (He et al. 2015), from the measured output norm",
        "zh": "理论（He 等，2015），从实测的输出层范数出发",
    },
    "cr.grad.caption": {
        "en": "Read right to left: the gradient starts at the output layer L and travels back "
        "to the input (layer 0). Plotted: the absolute norm ‖∂Loss/∂a_l‖ for the loss "
        "Σ u·a_L with u ~ N(0, I), so ‖g_L‖ ≈ √n. Dashed red lines (when in view) mark where "
        "float32 would overflow or leave its normal range.",
        "zh": "从右往左读：梯度从输出层 L 出发，反向传到输入层（第 0 层）。图中是绝对范数 "
        "‖∂Loss/∂a_l‖，损失为 Σ u·a_L，u ~ N(0, I)，因此 ‖g_L‖ ≈ √n。红色虚线（在视野内时）标出 float32 "
        "会上溢或离开正规数范围的位置。",
    },
    "cr.grad.caption.theory": {
        "en": "Black dashed: theory, the sum over layers of ½·log10(n·Var[w]·E[φ′²]) minus a "
        "small finite-width drift.",
        "zh": "黑色虚线：理论值，即各层 ½·log10(n·Var[w]·E[φ′²]) 之和减去一个小的有限宽度漂移项。",
    },
    "cr.grad.caption.no_theory": {
        "en": "No theory line for {act}: it saturates, and its E[φ′(z)²] depends on the scale "
        "of the pre-activations z, which changes from layer to layer, so the per-layer factor "
        "is not a constant.",
        "zh": "{act} 没有理论曲线：它会饱和，而且其 E[φ′(z)²] 取决于预激活 z 的尺度，"
        "而这个尺度逐层变化，因此每层因子不是常数。",
    },
    # forward chart
    "cr.act.title": {
        "en": "Forward pass: activation norm ‖a_l‖",
        "zh": "前向传播：激活值范数 ‖a_l‖",
    },
    "cr.act.axis": {"en": "activation norm ‖a_l‖ (log scale)", "zh": "激活值范数 ‖a_l‖（对数刻度）"},
    "cr.act.caption": {
        "en": "Read left to right: the input x = a₀ ~ N(0, I) travels to the output. For ReLU, "
        "leaky ReLU and linear the forward signal is multiplied by the same factor as the "
        "gradient; tanh and sigmoid are bounded, so their activations cannot explode.",
        "zh": "从左往右读：输入 x = a₀ ~ N(0, I) 向输出传播。对 ReLU、Leaky ReLU 和线性激活，"
        "前向信号每层乘以与梯度相同的因子；tanh 和 sigmoid 有界，所以激活值不会爆炸。",
    },
    "cr.act.float32": {
        "en": "In float32 the forward pass itself would overflow at layer {layer}.",
        "zh": "若用 float32，前向传播本身会在第 {layer} 层上溢。",
    },
    "cr.act.dead": {
        "en": "The activations became exactly zero in {share:.0%} of the runs.",
        "zh": "有 {share:.0%} 的运行中激活值变成了精确的零。",
    },
    # factor chart
    "cr.factor.title": {
        "en": "One layer's factor, split into its two parts",
        "zh": "单层因子拆成两部分",
    },
    "cr.factor.axis": {
        "en": "factor on ‖g‖² per layer (log scale; 1 = unchanged)",
        "zh": "每层对 ‖g‖² 的乘数（对数刻度；1 = 不变）",
    },
    "cr.factor.part": {"en": "part", "zh": "组成部分"},
    "cr.factor.weight": {"en": "weights|n·Var[w]", "zh": "权重|n·Var[w]"},
    "cr.factor.activation": {"en": "activation|E[φ′(z)²]", "zh": "激活|E[φ′(z)²]"},
    "cr.factor.total": {"en": "product|‖g_(l−1)‖² / ‖g_l‖²", "zh": "乘积|‖g_(l−1)‖² / ‖g_l‖²"},
    "cr.factor.measured": {"en": "measured mean", "zh": "实测均值"},
    "cr.factor.theory": {"en": "theory", "zh": "理论"},
    "cr.factor.one": {"en": "×1: norm unchanged", "zh": "×1：范数不变"},
    "cr.factor.caption.relu": {
        "en": ":red[**Myth:**] ReLU's derivative is 1, so the gradient grows. "
        ":green[**Fact:**] ReLU′ is 0 or 1, so E[φ′(z)²] = {act} (theory ½): ReLU *halves* the "
        "squared gradient and can never amplify it.",
        "zh": ":red[**误区：**] ReLU 的导数是 1，所以梯度会增长。"
        ":green[**事实：**] ReLU′ 只取 0 或 1，所以 E[φ′(z)²] = {act}（理论 ½）：ReLU 把梯度的平方"
        "范数*减半*，从不放大它。",
    },
    "cr.factor.weights.grows": {
        "en": "The growth comes from the weights: n·Var[w] = {weight} (theory for {init}: "
        "{weight_theory}) more than makes up for that ½, so the product is {total} > 1 per "
        "layer.",
        "zh": "增长来自权重：n·Var[w] = {weight}（{init}的理论值：{weight_theory}）超过了"
        "这一半的损失，所以每层乘积为 {total} > 1。",
    },
    "cr.factor.weights.shrinks": {
        "en": "The weights are too small to make up for that ½: n·Var[w] = {weight} (theory for "
        "{init}: {weight_theory}), so the product is {total} < 1 per layer and the gradient "
        "shrinks.",
        "zh": "权重太小，补不回这一半：n·Var[w] = {weight}（{init}的理论值：{weight_theory}），"
        "所以每层乘积为 {total} < 1，梯度逐层衰减。",
    },
    "cr.factor.weights.balanced": {
        "en": "The weights make up for that ½ almost exactly: n·Var[w] = {weight} (theory for "
        "{init}: {weight_theory}), so the product is {total}, within 1% of 1 per layer.",
        "zh": "权重几乎恰好补回这一半：n·Var[w] = {weight}（{init}的理论值：{weight_theory}），"
        "所以每层乘积为 {total}，与 1 相差不到 1%。",
    },
    "cr.factor.caption.other": {
        "en": "Measured: weights n·Var[w] = {weight} (theory {weight_theory}), activation "
        "E[φ′(z)²] = {act}, product {total} per layer. Bars are means over layers and runs; "
        "black ticks are theory.",
        "zh": "实测：权重 n·Var[w] = {weight}（理论 {weight_theory}），激活 E[φ′(z)²] = {act}，"
        "每层乘积 {total}。柱形是各层、各次运行的平均，黑色刻线是理论值。",
    },
    "cr.factor.caption.saturating": {
        "en": "For {act} the activation part has no single theory value: E[φ′(z)²] shrinks as "
        "the units saturate.",
        "zh": "对 {act}，激活部分没有单一的理论值：单元饱和时 E[φ′(z)²] 会变小。",
    },
    "cr.factor.caption.dropped": {
        "en": "Not drawn (exactly zero in every run): {parts}.",
        "zh": "未画出（所有运行中都为精确的零）：{parts}。",
    },
    # explanation
    "cr.why.title": {"en": "Why the product grows or shrinks", "zh": "乘积为什么会增长或衰减"},
    "cr.why.chain": {
        "en": "The chain rule writes the gradient at the input as a product of one factor per "
        "layer, with D_l the diagonal matrix of the activation's derivatives:",
        "zh": "链式法则把输入层的梯度写成每层一个因子的乘积，其中 D_l 是激活函数导数构成的对角矩阵：",
    },
    "cr.why.factor": {
        "en": "For random weights with variance Var[w] and fan-in n, each layer multiplies the "
        "expected squared norm by (He et al. 2015, §2.2):",
        "zh": "对于方差为 Var[w]、fan-in 为 n 的随机权重，每层把平方范数的期望乘以"
        "（He 等，2015，第 2.2 节）：",
    },
    "cr.why.weights": {"en": "weights", "zh": "权重"},
    "cr.why.activation": {"en": "activation", "zh": "激活"},
    "cr.why.he": {
        "en": "Over L layers the norm changes by that factor to the power L/2. ReLU contributes "
        "E[φ′²] = ½ whatever the scale, so the product stays at 1 exactly when n·Var[w] = 2: "
        "He initialisation. A gain g multiplies every factor by g², i.e. L·log10(g) decades in "
        "total.",
        "zh": "经过 L 层，范数变为该因子的 L/2 次方。ReLU 无论尺度如何都贡献 E[φ′²] = ½，"
        "所以只有当 n·Var[w] = 2 时乘积才恰好保持为 1：这就是 He 初始化。增益 g 让每个因子乘以 g²，"
        "总共变化 L·log10(g) 个数量级。",
    },
    # forward distributions
    "cr.layers": {"en": "Layers shown", "zh": "显示的层数"},
    "cr.layers.help": {
        "en": "How many layers' pre-activation distributions to draw, spread evenly from layer 1 "
        "to layer L.",
        "zh": "画出多少层的预激活分布，从第 1 层到第 L 层均匀选取。",
    },
    "cr.dist.title": {
        "en": "Forward distributions: what φ sees at each layer",
        "zh": "前向分布：每一层的 φ 看到了什么",
    },
    "cr.dist.band.title": {
        "en": "Pre-activations z_l, in units of the layer's RMS",
        "zh": "预激活 z_l，以该层的均方根为单位",
    },
    "cr.dist.band.axis": {"en": "z_l / RMS(z_l)", "zh": "z_l / RMS(z_l)"},
    "cr.dist.band.x": {"en": "layer l", "zh": "第 l 层"},
    "cr.dist.band.outer": {"en": "5–95%", "zh": "5%–95%"},
    "cr.dist.band.inner": {"en": "25–75%", "zh": "25%–75%"},
    "cr.dist.band.median": {"en": "median", "zh": "中位数"},
    "cr.dist.rms": {"en": "RMS(z_l)", "zh": "RMS(z_l)"},
    "cr.dist.edge.relu": {
        "en": "z = 0: below it φ′ = 0 (dead)",
        "zh": "z = 0：低于它时 φ′ = 0（死亡）",
    },
    "cr.dist.edge.leaky_relu": {
        "en": "z = 0: below it φ′ = 0.01 (leaking)",
        "zh": "z = 0：低于它时 φ′ = 0.01（泄漏）",
    },
    "cr.dist.edge.saturating": {
        "en": "|z| = {z}: beyond it φ′ < 10% of its maximum (saturated)",
        "zh": "|z| = {z}：超过它时 φ′ 小于其最大值的 10%（饱和）",
    },
    "cr.dist.edge.linear": {"en": "no weak region: φ′ = 1", "zh": "没有弱区：φ′ = 1"},
    "cr.dist.weak.relu": {"en": "dead units (z ≤ 0)", "zh": "死亡单元（z ≤ 0）"},
    "cr.dist.weak.leaky_relu": {
        "en": "leaking units (z ≤ 0, φ′ = 0.01)",
        "zh": "泄漏单元（z ≤ 0，φ′ = 0.01）",
    },
    "cr.dist.weak.saturating": {
        "en": "saturated units (φ′ < 10% of max)",
        "zh": "饱和单元（φ′ 小于最大值的 10%）",
    },
    "cr.dist.weak.linear": {
        "en": "weak units (φ′ < 10% of max)",
        "zh": "弱单元（φ′ 小于最大值的 10%）",
    },
    "cr.dist.square": {"en": "E[φ′(z)²]", "zh": "E[φ′(z)²]"},
    "cr.dist.share.title": {
        "en": "Per layer: weak units and E[φ′(z)²]",
        "zh": "每一层：弱单元与 E[φ′(z)²]",
    },
    "cr.dist.share.axis": {"en": "share of units / E[φ′(z)²]", "zh": "单元占比 / E[φ′(z)²]"},
    "cr.dist.caption": {
        "en": "Left: per shown layer, a thin line from the 5% to the 95% quantile, a box from "
        "25% to 75%, the median in black, over every unit of the {runs} runs; orange ticks "
        "(when in view) mark where φ′ drops below 10% of its maximum. Right: every layer, "
        "dots at the shown ones.",
        "zh": "左图：每个显示的层中，细线从 5% 分位数到 95% 分位数，方框从 25% 到 75%，黑色为"
        "中位数，统计 {runs} 次运行的所有单元；橙色刻线（在视野内时）标出 φ′ 降到其最大值 10% "
        "以下的位置。右图：所有层，圆点为显示的层。",
    },
    "cr.dist.scale": {
        "en": "Each layer's z is divided by its RMS over all units and runs, so every layer "
        "shares one unit-free axis; the RMS itself (in each tooltip) goes from {first} at "
        "layer 1 to {last} at layer {depth}.",
        "zh": "每一层的 z 都除以该层所有单元和运行上的均方根（RMS），因此各层共用一个无量纲的坐标轴；"
        "RMS 本身（见提示框）从第 1 层的 {first} 变为第 {depth} 层的 {last}。",
    },
    "cr.dist.scale.beyond": {
        "en": "Here z itself would leave {float}'s range (an RMS of {extreme}): it is computed in "
        "log space, as unit rows times a power of ten, and never formed.",
        "zh": "这里 z 本身会超出 {float} 的范围（RMS 达到 {extreme}）：它在对数空间中以“单位行 × 10 的幂”"
        "的形式计算，从不直接生成。",
    },
    "cr.dist.relu.half": {
        "en": "**{weak} of the units are dead** (z ≤ 0; mean over layers). A dead unit's φ′ is "
        "0 and a live one's is 1, so E[φ′(z)²] is the share of live units, {square}: about "
        "½ at any gain, since scaling z does not change its sign.",
        "zh": "**{weak} 的单元处于死亡状态**（z ≤ 0；各层平均）。死亡单元的 φ′ 为 0，存活单元的为 1，"
        "所以 E[φ′(z)²] 就是存活单元的占比 {square}：无论增益多大都约为 ½，"
        "因为缩放 z 不改变它的符号。",
    },
    "cr.dist.relu.more": {
        "en": "**{weak} of the units are dead** (z ≤ 0; mean over layers), more than half: in "
        "some runs every unit of a layer went dark, and every later layer sees z = 0. "
        "E[φ′(z)²] is the share of live units, {square}, below the ½ that He initialisation "
        "assumes.",
        "zh": "**{weak} 的单元处于死亡状态**（z ≤ 0；各层平均），超过一半：在某些运行中某一层的"
        "所有单元都关闭了，之后的每一层看到的都是 z = 0。E[φ′(z)²] 是存活单元的占比 {square}，"
        "低于 He 初始化所假定的 ½。",
    },
    "cr.dist.leaky_relu.half": {
        "en": "**{weak} of the units leak** (z ≤ 0, where φ′ = 0.01; mean over layers): "
        "E[φ′(z)²] = {square}, barely above ReLU's ½. Leaky ReLU keeps a trickle of "
        "gradient alive; it does not change the factor.",
        "zh": "**{weak} 的单元处于泄漏状态**（z ≤ 0，此时 φ′ = 0.01；各层平均）：E[φ′(z)²] = "
        "{square}，仅略高于 ReLU 的 ½。Leaky ReLU 保住了一丝梯度，但没有改变因子。",
    },
    "cr.dist.leaky_relu.more": {
        "en": "**{weak} of the units leak** (z ≤ 0, where φ′ = 0.01; mean over layers), more "
        "than half: in some runs a whole layer went negative. E[φ′(z)²] = {square}, below ½.",
        "zh": "**{weak} 的单元处于泄漏状态**（z ≤ 0，此时 φ′ = 0.01；各层平均），超过一半："
        "某些运行中整层都变成了负值。E[φ′(z)²] = {square}，低于 ½。",
    },
    "cr.dist.saturating.most": {
        "en": "**{weak} of the units are saturated** (|z| > {z}, where φ′ < 10% of its "
        "maximum; mean over layers): they pass almost no gradient back, and E[φ′(z)²] = "
        "{square}, far below the {top} of a unit that never saturates. This is the "
        "activation part of the backward factor, shrinking however large the weights are.",
        "zh": "**{weak} 的单元处于饱和状态**（|z| > {z}，此时 φ′ 小于其最大值的 10%；各层平均）："
        "它们几乎不回传梯度，E[φ′(z)²] = {square}，远低于从不饱和时的 {top}。这就是反向因子中的"
        "激活部分，无论权重多大，它都在缩小。",
    },
    "cr.dist.saturating.some": {
        "en": "**{weak} of the units are saturated** (|z| > {z}, where φ′ < 10% of its "
        "maximum; mean over layers): E[φ′(z)²] = {square}, below the {top} of a unit that "
        "never saturates.",
        "zh": "**{weak} 的单元处于饱和状态**（|z| > {z}，此时 φ′ 小于其最大值的 10%；各层平均）："
        "E[φ′(z)²] = {square}，低于从不饱和时的 {top}。",
    },
    "cr.dist.saturating.none": {
        "en": "**Almost no unit is saturated** ({weak} beyond |z| = {z}; mean over layers): z "
        "stays where φ is nearly linear, so E[φ′(z)²] = {square}, close to its largest value "
        "{top}.",
        "zh": "**几乎没有单元饱和**（超过 |z| = {z} 的占 {weak}；各层平均）：z 停留在 φ 近乎线性的"
        "区域，所以 E[φ′(z)²] = {square}，接近其最大值 {top}。",
    },
    "cr.dist.sigmoid": {
        "en": "Sigmoid's φ′ is at most ¼, so E[φ′(z)²] ≤ 1/16 even with no unit saturated: "
        "every layer divides the squared gradient by 16 or more unless the weights make up "
        "for it.",
        "zh": "sigmoid 的 φ′ 最大为 ¼，所以即使没有单元饱和，E[φ′(z)²] ≤ 1/16：除非权重补回来，"
        "每一层都把梯度的平方范数缩小至少 16 倍。",
    },
    "cr.dist.linear": {
        "en": "φ′ = 1 for every z: no unit is dead or saturated, and E[φ′(z)²] = {square}; "
        "the whole backward factor comes from the weights.",
        "zh": "对每个 z 都有 φ′ = 1：没有单元死亡或饱和，E[φ′(z)²] = {square}；反向因子完全来自权重。",
    },
    "cr.dist.trend.up": {
        "en": "The share grows with depth: {first} at layer 1, {last} at layer {depth}.",
        "zh": "这个占比随深度增长：第 1 层为 {first}，第 {depth} 层为 {last}。",
    },
    "cr.dist.trend.down": {
        "en": "The share falls with depth: {first} at layer 1, {last} at layer {depth}.",
        "zh": "这个占比随深度下降：第 1 层为 {first}，第 {depth} 层为 {last}。",
    },
    "cr.dist.factor": {
        "en": "Averaged over layers, this E[φ′(z)²] is the activation bar of the factor chart "
        "above ({square}).",
        "zh": "对各层平均后，这个 E[φ′(z)²] 就是上方因子图中的激活柱（{square}）。",
    },
    # presets (ui/presets.py)
    "cr.preset.healthy": {"en": "Healthy: He, gain 1", "zh": "健康：He，增益 1"},
    "cr.preset.exploding": {"en": "Exploding: gain 1.5", "zh": "爆炸：增益 1.5"},
    "cr.preset.vanishing": {"en": "Vanishing: sigmoid", "zh": "消失：sigmoid"},
    "cr.preset.relu_not_the_cause": {"en": "ReLU is not the cause", "zh": "元凶不是 ReLU"},
    "cr.preset.tanh_saturates": {"en": "tanh saturates: gain 3", "zh": "tanh 饱和：增益 3"},
    "cr.preset.float32_overflow": {"en": "float32 overflows", "zh": "float32 溢出"},
}
