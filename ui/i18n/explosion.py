"""Strings of the "Explosion vs vanishing" page: key -> {"en": ..., "zh": ...}."""

STRINGS: dict[str, dict[str, str]] = {
    "ex.intro": {
        "en": "Two networks side by side, each with its own settings. Backpropagation multiplies "
        "the gradient by one factor per layer; the **depth is the exponent**. Switch the "
        "remedies on in either column and watch what each one really does. Both charts share "
        "one y-axis, so their heights compare directly.",
        "zh": "左右两个网络，各有各的设置。反向传播时梯度每经过一层就乘以一个因子；**深度是指数**。"
        "在任一列打开各种补救方法，看看它们实际起什么作用。两张图共用同一个纵轴，高低可以直接比较。",
    },
    "ex.left": {"en": "Network A", "zh": "网络 A"},
    "ex.right": {"en": "Network B", "zh": "网络 B"},
    "ex.activation": {"en": "Activation", "zh": "激活函数"},
    "ex.init": {"en": "Initialisation", "zh": "初始化"},
    "ex.gain": {"en": "Gain (multiplies the weight scale)", "zh": "增益（乘以权重尺度）"},
    "ex.gain.help": {
        "en": "Every weight's standard deviation is the init's std times this gain.",
        "zh": "每个权重的标准差等于初始化的标准差乘以这个增益。",
    },
    "ex.depth": {"en": "Depth L (layers)", "zh": "深度 L（层数）"},
    "ex.width": {"en": "Width n (units per layer, both networks)",
                 "zh": "宽度 n（每层单元数，两个网络相同）"},
    "ex.max_norm": {"en": "Clipping threshold c (global norm)", "zh": "裁剪阈值 c（全局范数）"},
    "ex.max_norm.help": {
        "en": "Gradient clipping by global norm: every weight gradient is multiplied by "
        "min(1, c / (‖g‖ + 1e-6)), ‖g‖ the norm of all layers' gradients together "
        "(PyTorch clip_grad_norm_).",
        "zh": "按全局范数的梯度裁剪：每个权重梯度都乘以 min(1, c / (‖g‖ + 1e-6))，‖g‖ 是所有层梯度合在一起"
        "的范数（PyTorch clip_grad_norm_）。",
    },
    "ex.shared": {"en": "Shared by both networks", "zh": "两个网络共用"},
    "ex.remedies": {"en": "Remedies", "zh": "补救方法"},
    "ex.better_init": {"en": "Better initialisation", "zh": "更好的初始化"},
    "ex.better_init.help": {
        "en": "Replaces init and gain: He (std = √(2/n)) for ReLU and leaky ReLU, Xavier "
        "(std = √(2/(n_in+n_out)) = √(1/n) here) for tanh, sigmoid and linear, at gain 1.",
        "zh": "替换初始化方法和增益：ReLU 与 Leaky ReLU 用 He（std = √(2/n)），tanh、sigmoid 与线性用 "
        "Xavier（std = √(2/(n_in+n_out))，这里等于 √(1/n)），增益为 1。",
    },
    "ex.bn": {"en": "Batch normalisation", "zh": "批量归一化"},
    "ex.bn.help": {
        "en": "Train mode over a batch of 32 inputs: each unit's pre-activation is standardised "
        "over the batch (γ = 1, β = 0, ε = 1e-5) before the activation; the backward pass goes "
        "through the normalisation exactly.",
        "zh": "训练模式，每批 32 个输入：每个单元的预激活在批内标准化（γ = 1，β = 0，ε = 1e-5）后再进入"
        "激活函数；反向传播精确地穿过归一化。",
    },
    "ex.residual": {"en": "Residual connections", "zh": "残差连接"},
    "ex.residual.help": {
        "en": "a_l = a_{l−1} + φ(W_l a_{l−1}) / √L: an identity shortcut around every layer, "
        "each branch scaled by 1/√L so the sum of L branches stays bounded.",
        "zh": "a_l = a_{l−1} + φ(W_l a_{l−1}) / √L：每层都有一条恒等捷径，每个分支乘以 1/√L，"
        "使 L 个分支之和保持有界。",
    },
    "ex.clip": {"en": "Gradient clipping", "zh": "梯度裁剪"},
    "ex.clip.help": {
        "en": "Clips all weight gradients together by their global norm (threshold c in the "
        "sidebar). It does not change the backward pass.",
        "zh": "把所有权重梯度合在一起按全局范数裁剪（阈值 c 在侧边栏）。它不改变反向传播本身。",
    },
    "ex.uses_init": {
        "en": "Better initialisation uses **{init}** at gain 1 (the gain slider is ignored).",
        "zh": "更好的初始化采用 **{init}**，增益为 1（忽略增益滑块）。",
    },
    "ex.same_init": {
        "en": "Better initialisation uses **{init}** at gain 1: that is already this network's "
        "setting, so nothing changes.",
        "zh": "更好的初始化采用 **{init}**，增益为 1：这正是本网络现在的设置，因此没有变化。",
    },
    "ex.sigmoid_note": {
        "en": "No initialisation rescues sigmoid: σ′ ≤ 1/4 and its outputs are not centred, so "
        "the factor per layer stays below 1 at any moderate gain. Batch normalisation or "
        "residual connections help; so does another activation.",
        "zh": "任何初始化都救不了 sigmoid：σ′ ≤ 1/4 且输出不以 0 为中心，在适中的增益下每层因子总小于 1。"
        "批量归一化或残差连接有用；换一个激活函数也有用。",
    },
    "ex.growth": {"en": "Total growth (decades)", "zh": "总增长 (数量级)"},
    "ex.growth.value": {"en": "{value:+.2f}", "zh": "{value:+.2f}"},
    "ex.growth.help": {
        "en": "log10 ‖g_0‖ / ‖g_L‖, the gradient's norm at the input over its norm at the "
        "output: the "
        "median over {count} examples (rows of the batch in each sampled network).",
        "zh": "log10 ‖g_0‖ / ‖g_L‖，输入处梯度范数与输出处梯度范数之比：{count} 个样本（各采样网络中批内的每一行）"
        "的中位数。",
    },
    "ex.verdict": {"en": "Verdict", "zh": "判定"},
    "ex.verdict.help": {
        "en": "Vanishing below −1 decade (the input gets less than a tenth of the output's "
        "gradient), exploding above +1 decade (more than ten times), stable in between.",
        "zh": "低于 −1 个数量级（输入处的梯度不到输出处的十分之一）为梯度消失，高于 +1 个数量级（超过十倍）"
        "为梯度爆炸，其间为稳定。",
    },
    "ex.clip_factor": {"en": "Clipping factor", "zh": "裁剪系数"},
    "ex.clip_factor.value": {"en": "×{value}", "zh": "×{value}"},
    "ex.clip_factor.help": {
        "en": "min(1, c / (‖g‖ + 1e-6)) for the global norm ‖g‖ of all weight gradients "
        "(median over the sampled networks). Every layer is multiplied by the same factor.",
        "zh": "所有权重梯度的全局范数 ‖g‖ 对应的 min(1, c / (‖g‖ + 1e-6))（各采样网络的中位数）。"
        "每一层都乘以同一个系数。",
    },
    "ex.profile_title": {
        "en": "{name}: {act}, gain {gain}, depth {depth}",
        "zh": "{name}：{act}，增益 {gain}，深度 {depth}",
    },
    "ex.series_title": {"en": "network", "zh": "网络"},
    "ex.ratio_y": {"en": "‖g_l‖ / ‖g_L‖ (log scale)", "zh": "‖g_l‖ / ‖g_L‖（对数刻度）"},
    "ex.profile_caption": {
        "en": "Read from right (output, layer L) to left (input, layer 0). Line: median; band: "
        "10–90% of {count} examples ({samples} random networks × a batch of {batch}). Both "
        "charts use the same y-axis.",
        "zh": "从右（输出，第 L 层）往左（输入，第 0 层）读。线：中位数；带：{count} 个样本"
        "（{samples} 个随机网络 × 每批 {batch} 个输入）的 10%–90% 区间。两张图使用同一个纵轴。",
    },
    "ex.bn_explodes": {
        "en": "Batch normalisation alone makes the gradient independent of the gain, but a deep "
        "BN network without shortcuts still *explodes* at initialisation, by a fixed amount "
        "per layer (Yang et al. 2019, “A Mean Field Theory of Batch Normalization”). "
        "Add residual connections to remove it.",
        "zh": "只用批量归一化时，梯度不再依赖增益；但没有捷径的深层 BN 网络在初始化时仍会*梯度爆炸*，"
        "每层增长固定的量（Yang 等，2019，“A Mean Field Theory of Batch Normalization”）。"
        "加上残差连接即可消除。",
    },
    "ex.math_title": {"en": "What each remedy computes", "zh": "各补救方法的计算方式"},
    "ex.math_factor": {
        "en": "Per layer, the expected squared gradient norm is multiplied by n·Var[w]·E[φ′(z)²] "
        "(He et al. 2015, §2.2); over L layers the factors multiply, so depth is the exponent:",
        "zh": "每经过一层，梯度平方范数的期望乘以 n·Var[w]·E[φ′(z)²]（He 等，2015，第 2.2 节）；"
        "L 层的因子连乘，所以深度是指数：",
    },
    "ex.math_bn": {
        "en": "Batch normalisation (train mode, over the batch B, per unit) and its exact "
        "backward pass:",
        "zh": "批量归一化（训练模式，在批 B 内按单元计算）及其精确的反向传播：",
    },
    "ex.math_res": {
        "en": "Residual connection with branch scale 1/√L; its Jacobian is I plus a small term, "
        "so the gradient always has an identity path back to the input:",
        "zh": "分支系数为 1/√L 的残差连接；它的雅可比矩阵是单位矩阵加一个小项，所以梯度总有一条恒等路径"
        "回到输入：",
    },
    "ex.math_clip": {
        "en": "Gradient clipping by global norm multiplies every layer's weight gradient by the "
        "same number, so the ratio between layers is unchanged:",
        "zh": "按全局范数的梯度裁剪把每一层的权重梯度乘以同一个数，所以层与层之间的比值不变：",
    },
    "ex.weights_title": {
        "en": "Weight gradients before and after clipping",
        "zh": "裁剪前后的权重梯度",
    },
    "ex.weights_intro": {
        "en": "Gradient clipping acts on the update, not on the backward pass: it rescales all "
        "weight gradients ‖∂L/∂W_l‖ together. Every layer shifts down by the **same** number of "
        "decades, so the ratio between the first and the last layer (the vanishing or "
        "exploding) is exactly what it was. Clipping caps the step size of an exploding "
        "gradient; it cannot revive a vanishing one.",
        "zh": "梯度裁剪作用于参数更新，而不是反向传播：它把所有权重梯度 ‖∂L/∂W_l‖ 一起缩放。每一层都下移"
        "**相同**的数量级，所以第一层与最后一层之比（即梯度消失或梯度爆炸）与原来完全相同。梯度裁剪只能"
        "限制梯度爆炸时的步长，无法挽救梯度消失。",
    },
    "ex.weights_chart_title": {
        "en": "{name}: weight gradient per layer",
        "zh": "{name}：每层的权重梯度",
    },
    "ex.weights_y": {
        "en": "‖∂L/∂W_l‖ (log scale)",
        "zh": "‖∂L/∂W_l‖（对数刻度）",
    },
    "ex.weights_x": {"en": "layer l (weights W_l)", "zh": "层 l（权重 W_l）"},
    "ex.weights_series": {"en": "gradient", "zh": "梯度"},
    "ex.unclipped": {"en": "before clipping", "zh": "裁剪前"},
    "ex.clipped": {"en": "after clipping (c = {c})", "zh": "裁剪后（c = {c}）"},
    "ex.weights_caption": {
        "en": "Median over {samples} networks; band 10–90%. Weight gradients ∂L/∂W_l = "
        "δ_lᵀ a_{{l−1}} also contain the forward activations a_{{l−1}}: in a ReLU network the "
        "gain makes the activations grow toward the output while the gradient grows toward "
        "the input, so an exploding ReLU network has weight gradients that are huge in "
        "*every* layer.",
        "zh": "{samples} 个网络的中位数；带为 10%–90% 区间。权重梯度 ∂L/∂W_l = δ_lᵀ a_{{l−1}} 还包含"
        "前向激活 a_{{l−1}}：在 ReLU 网络中，增益使激活朝输出方向增长，而梯度朝输入方向增长，所以"
        "梯度爆炸的 ReLU 网络在*每一层*的权重梯度都很大。",
    },
    "ex.clip_off_note": {
        "en": "{name}: clipping is off, so only the unclipped gradients are drawn.",
        "zh": "{name}：未开启梯度裁剪，只画出未裁剪的梯度。",
    },
    "ex.phase_title": {"en": "Phase diagram: gain × depth", "zh": "相图：增益 × 深度"},
    "ex.phase_intro": {
        "en": "Total growth of the plain network (no batch normalisation, no shortcuts) for "
        "each column's activation and initialisation. The stable band (|growth| ≤ 1 decade, "
        "outlined in green) gets thinner as the network gets deeper: depth is no cure.",
        "zh": "各列的激活函数与初始化下，普通网络（无批量归一化、无捷径）的总增长。稳定带（|增长| ≤ 1 个"
        "数量级，绿色框出）随网络加深而变窄：加深不是解药。",
    },
    "ex.phase_chart_title": {
        "en": "{name}: {act}, {init}",
        "zh": "{name}：{act}，{init}",
    },
    "ex.phase_gain": {"en": "gain (log scale)", "zh": "增益（对数刻度）"},
    "ex.phase_depth": {"en": "depth L (layers)", "zh": "深度 L（层数）"},
    "ex.phase_growth": {
        "en": "growth (decades), clamped at ±{clamp}",
        "zh": "总增长（数量级），截断于 ±{clamp}",
    },
    "ex.phase_exact": {"en": "total growth (decades)", "zh": "总增长（数量级）"},
    "ex.phase_mark": {"en": "current setting", "zh": "当前设置"},
    "ex.phase_theory": {
        "en": "Theory (exact in expectation for {act}): L·[½·log10(n·Var[w]·E[φ′²]) − "
        "finite-width drift], width {width}.",
        "zh": "理论（对 {act} 而言期望值精确）：L·[½·log10(n·Var[w]·E[φ′²]) − 有限宽度修正]，"
        "宽度 {width}。",
    },
    "ex.phase_simulation": {
        "en": "Simulated: {act} saturates, so no closed form. Median over {samples} networks × "
        "{batch} inputs of width {width}, read in one forward pass per gain: a random tangent "
        "‖J v‖/‖v‖ has the same mean square as the backward ‖Jᵀu‖/‖u‖.",
        "zh": "模拟：{act} 会饱和，没有闭式解。宽度 {width}，{samples} 个网络 × {batch} 个输入的中位数，"
        "每个增益只需一次前向传播：随机切向量 ‖J v‖/‖v‖ 与反向 ‖Jᵀu‖/‖u‖ 的均方相同。",
    },
    "ex.phase_marked": {
        "en": "The white ring marks this network's gain and depth{note}.",
        "zh": "白色圆圈标出本网络的增益与深度{note}。",
    },
    "ex.phase_init_note": {
        "en": " (better initialisation: gain 1)",
        "zh": "（更好的初始化：增益 1）",
    },
    "ex.work_samples": {"en": "the number of sampled networks", "zh": "采样网络的数量"},
    "ex.work_grid": {"en": "the number of gains in the phase diagram",
                     "zh": "相图中增益的个数"},
    "ex.table_title": {
        "en": "Causes, symptoms and remedies",
        "zh": "原因、症状与补救方法",
    },
    "ex.table_caption": {
        "en": "Corrects the seed article: batch normalisation is *normalisation*, depth is the "
        "exponent and not a cure, residual connections and a good initialisation help "
        "vanishing gradients, and clipping only caps an exploding step.",
        "zh": "纠正原文的错误：批量归一化是*归一化*而不是正则化；深度是指数而不是解药；残差连接和好的初始化"
        "有助于解决梯度消失；梯度裁剪只限制梯度爆炸时的步长。",
    },
    "ex.table.head": {
        "en": "| | Vanishing gradients | Exploding gradients |",
        "zh": "| | 梯度消失 | 梯度爆炸 |",
    },
    "ex.table.cause": {
        "en": "| **Cause** | per-layer factor n·Var[w]·E[φ′²] < 1: weights too small, or "
        "saturating units (sigmoid′ ≤ 1/4) | per-layer factor > 1: weights too large (gain "
        "above 1). ReLU′ is 0 or 1 and never amplifies by itself |",
        "zh": "| **原因** | 每层因子 n·Var[w]·E[φ′²] < 1：权重太小，或单元饱和（sigmoid′ ≤ 1/4） | "
        "每层因子 > 1：权重太大（增益大于 1）。ReLU′ 只取 0 或 1，本身从不放大梯度 |",
    },
    "ex.table.depth": {
        "en": "| **Depth** | the exponent: deeper is worse | the exponent: deeper is worse |",
        "zh": "| **深度** | 是指数：越深越严重 | 是指数：越深越严重 |",
    },
    "ex.table.symptom": {
        "en": "| **Symptom** | first layers barely change; loss plateaus | huge, erratic "
        "updates; loss spikes; then inf and NaN |",
        "zh": "| **症状** | 靠前的层几乎不变；损失停滞 | 更新巨大且不稳定；损失突增；最后出现 inf 和 NaN |",
    },
    "ex.table.init": {
        "en": "| **Better initialisation** | helps (Xavier for tanh; He for ReLU) | helps (He "
        "at gain 1) |",
        "zh": "| **更好的初始化** | 有用（tanh 用 Xavier；ReLU 用 He） | 有用（He，增益 1） |",
    },
    "ex.table.bn": {
        "en": "| **Batch normalisation** (a *normalisation*, not a regularisation) | helps: "
        "re-standardises every layer | removes the gain, but a deep plain BN net still "
        "explodes mildly; pair it with shortcuts |",
        "zh": "| **批量归一化**（是*归一化*，不是正则化） | 有用：每层重新标准化 | 消除了增益的影响，"
        "但没有捷径的深层 BN 网络仍会轻度爆炸；要与捷径配合 |",
    },
    "ex.table.res": {
        "en": "| **Residual connections** | helps: an identity path carries the gradient back "
        "| helps if the branches are scaled down (1/√L here) |",
        "zh": "| **残差连接** | 有用：恒等路径把梯度带回输入 | 分支缩小时有用（这里乘以 1/√L） |",
    },
    "ex.table.clip": {
        "en": "| **Gradient clipping** | no effect: it only scales gradients down | caps the "
        "step size; the ratio between layers is unchanged |",
        "zh": "| **梯度裁剪** | 无效：它只会把梯度缩小 | 限制步长；层与层之间的比值不变 |",
    },
    "ex.table.deeper": {
        "en": "| **A deeper network** | not a cure: makes it worse | not a cure: makes it "
        "worse |",
        "zh": "| **更深的网络** | 不是解药：只会更糟 | 不是解药：只会更糟 |",
    },
    "ex.dead": {
        "en": "{share} of the examples have an exactly zero input gradient (every ReLU on "
        "their path is off); they are left out of the chart and the median.",
        "zh": "{share} 的样本在输入处的梯度恰好为零（其路径上的 ReLU 全部关闭）；图表和中位数中不包含它们。",
    },
    # presets (ui/presets.py)
    "ex.preset.defaults": {"en": "Defaults: vanish vs explode", "zh": "默认：消失对比爆炸"},
    "ex.preset.bn_rescues_vanishing": {"en": "BN rescues the sigmoid", "zh": "批量归一化救 sigmoid"},
    "ex.preset.residual_rescues": {"en": "Residual connections", "zh": "残差连接"},
    "ex.preset.bn_alone_explodes_relu": {"en": "BN alone: ReLU explodes", "zh": "只用批量归一化：爆炸"},
    "ex.preset.clipping_only_caps": {"en": "Clipping only caps", "zh": "梯度裁剪只限步长"},
}
