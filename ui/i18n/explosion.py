"""Strings of the "Explosion vs vanishing" page: key -> {"en": ..., "zh": ...}."""

STRINGS: dict[str, dict[str, str]] = {
    "ex.intro": {
        "en": "Two networks side by side, each with its own settings. Backpropagation multiplies "
        "the gradient by one factor per layer; the **depth is the exponent**. Switch the "
        "remedies on in either column and watch what each one really does. The two gradient "
        "profiles share one y-axis, so their heights compare directly.",
        "zh": "左右两个网络，各有各的设置。反向传播时梯度每经过一层就乘以一个因子；**深度是指数**。"
        "在任一列打开各种补救方法，看看它们实际起什么作用。两张梯度剖面图共用同一个纵轴，高低可以直接比较。",
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
    "ex.depth": {"en": "Depth L (weight layers)", "zh": "深度 L（权重层数）"},
    "ex.width": {"en": "Width n (units per layer, both networks)",
                 "zh": "宽度 n（每层单元数，两个网络相同）"},
    "ex.max_norm": {"en": "Clipping threshold c (global norm)", "zh": "裁剪阈值 c（全局范数）"},
    "ex.max_norm.help": {
        "en": "Gradient clipping by global norm: every weight gradient is multiplied by "
        "min(1, c / (‖g‖ + ε)), ‖g‖ the norm of all layers' gradients together and ε a tiny "
        "constant against division by zero (PyTorch clip_grad_norm_).",
        "zh": "按全局范数的梯度裁剪：每个权重梯度都乘以 min(1, c / (‖g‖ + ε))，‖g‖ 是所有层梯度合在一起"
        "的范数，ε 是防止除以零的极小常数（PyTorch clip_grad_norm_）。",
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
        "en": "Train mode: each unit's pre-activation is standardised over the batch (γ = 1, "
        "β = 0) before the activation; the backward pass goes through the normalisation "
        "exactly. Batch size and ε: under “What each remedy computes”.",
        "zh": "训练模式：每个单元的预激活先在批内标准化（γ = 1，β = 0），再进入激活函数；反向传播精确地"
        "穿过归一化。批大小与 ε 见“各补救方法的计算方式”。",
    },
    "ex.residual": {"en": "Residual connections", "zh": "残差连接"},
    "ex.residual.help": {
        "en": "a_l = a_{l−1} + φ(W_l a_{l−1}) / √L: an identity shortcut around each of the L "
        "weight layers, each branch scaled by 1/√L. At large gains this keeps the growth far "
        "below the plain network's at the same depth, but it is no bound in depth: with ReLU "
        "and no batch normalisation the growth still rises as the network gets deeper. The "
        "chart “Growth against depth” shows both for this network.",
        "zh": "a_l = a_{l−1} + φ(W_l a_{l−1}) / √L：L 个权重层每层都有一条恒等捷径，每个分支乘以 1/√L。"
        "增益较大时，它让增长远低于同样深度的普通网络，但并不随深度有界：用 ReLU 且不加批量归一化时，网络"
        "越深，增长仍在上升。“增长与深度”图表画出了本网络有无捷径的两种情况。",
    },
    "ex.clip.l": {"en": "Clip network A's gradients", "zh": "裁剪网络 A 的梯度"},
    "ex.clip.r": {"en": "Clip network B's gradients", "zh": "裁剪网络 B 的梯度"},
    "ex.clip.help": {
        "en": "Clips all weight gradients of the network together by their global norm "
        "(threshold c next to it). It does not change the backward pass.",
        "zh": "把该网络所有权重梯度合在一起按全局范数裁剪（阈值 c 在旁边）。它不改变反向传播本身。",
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
        "en": "Each layer still multiplies the gradient norm by about {factor:.2f} on average. {why}",
        "zh": "平均而言，每一层仍把梯度范数乘以约 {factor:.2f}。{why}",
    },
    "ex.sigmoid_note.vanishing": {
        "en": "Xavier does not rescue sigmoid here: each layer multiplies the gradient norm by "
        "about {factor:.2f} on average. {why}",
        "zh": "Xavier 在这里救不了 sigmoid：平均而言，每一层把梯度范数乘以约 {factor:.2f}。{why}",
    },
    "ex.sigmoid_note.critical": {
        "en": "σ′ ≤ 1/4 is not the whole reason, just as ReLU′ being 0 or 1 is not why a ReLU "
        "network explodes: the factor is n·Var[w]·E[σ′(z)²], and Xavier's n·Var[w] = 1 is too "
        "small against E[σ′²] ≤ 1/16. In this simulation (depth {depth}) the plain network "
        "stops vanishing only near {critical:.0f}× Xavier's weight scale, where many units "
        "saturate (σ′ ≈ 0): a critical gain exists, but it is no practical initialisation. "
        "Batch normalisation, residual connections or another activation are the usual way out.",
        "zh": "σ′ ≤ 1/4 并不是全部原因，正如 ReLU′ 只取 0 或 1 也不是 ReLU 网络梯度爆炸的原因：每层因子是 "
        "n·Var[w]·E[σ′(z)²]，Xavier 的 n·Var[w] = 1，相对 E[σ′²] ≤ 1/16 太小了。在这个模拟中"
        "（深度 {depth}），普通网络要到约 {critical:.0f} 倍 Xavier 权重尺度附近才不再梯度消失，而那时许多单元"
        "已经饱和（σ′ ≈ 0）：临界增益存在，却不是可用的初始化。通常的出路是批量归一化、残差连接或换一个"
        "激活函数。",
    },
    "ex.sigmoid_note.none": {
        "en": "σ′ ≤ 1/4 is not the whole reason, just as ReLU′ being 0 or 1 is not why a ReLU "
        "network explodes: the factor is n·Var[w]·E[σ′(z)²], and Xavier's n·Var[w] = 1 is too "
        "small against E[σ′²] ≤ 1/16. In this simulation (depth {depth}) no gain up to {top}× "
        "Xavier's weight scale stops the vanishing. Batch normalisation, residual connections "
        "or another activation are the usual way out.",
        "zh": "σ′ ≤ 1/4 并不是全部原因，正如 ReLU′ 只取 0 或 1 也不是 ReLU 网络梯度爆炸的原因：每层因子是 "
        "n·Var[w]·E[σ′(z)²]，Xavier 的 n·Var[w] = 1，相对 E[σ′²] ≤ 1/16 太小了。在这个模拟中"
        "（深度 {depth}），直到 {top} 倍 Xavier 权重尺度，没有哪个增益能止住梯度消失。通常的出路是批量"
        "归一化、残差连接或换一个激活函数。",
    },
    "ex.growth": {"en": "Total growth (decades)", "zh": "总增长（数量级）"},
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
        "en": "Vanishing below −{tol} decade (the input's gradient is less than 10^−{tol} times "
        "the output's), exploding above +{tol} decade (more than 10^{tol} times), stable in "
        "between.",
        "zh": "低于 −{tol} 个数量级（输入处的梯度不到输出处的 10^−{tol} 倍）为梯度消失，高于 +{tol} 个数量级"
        "（超过 10^{tol} 倍）为梯度爆炸，其间为稳定。",
    },
    "ex.clip_factor": {"en": "Clipping factor", "zh": "裁剪系数"},
    "ex.clip_factor.value": {"en": "×{value:.2g}", "zh": "×{value:.2g}"},
    "ex.clip_factor.help": {
        "en": "min(1, c / (‖g‖ + {eps})) for the global norm ‖g‖ of all weight gradients "
        "(median over the sampled networks). Every layer is multiplied by the same factor.",
        "zh": "所有权重梯度的全局范数 ‖g‖ 对应的 min(1, c / (‖g‖ + {eps}))（各采样网络的中位数）。"
        "每一层都乘以同一个系数。",
    },
    "ex.profile_chart_title": {"en": "{name}: gradient per layer", "zh": "{name}：每层的梯度"},
    "ex.profile_setting": {
        "en": "In use: {act}, {init}, gain {gain:g}, depth {depth}.",
        "zh": "实际使用：{act}，{init}，增益 {gain:g}，深度 {depth}。",
    },
    "ex.profile_title": {
        "en": "{name}: {act}, {init}, gain {gain:g}, depth {depth}",
        "zh": "{name}：{act}，{init}，增益 {gain:g}，深度 {depth}",
    },
    "ex.series_title": {"en": "network", "zh": "网络"},
    "ex.ratio_y": {"en": "‖g_l‖ / ‖g_L‖ (log scale)", "zh": "‖g_l‖ / ‖g_L‖（对数刻度）"},
    "ex.profile_caption": {
        "en": "Read from right (output, layer L) to left (input, layer 0). Line: median; band: "
        "{low}–{high}% of {count} examples ({samples} random networks × a batch of {batch}). "
        "Both charts use the same y-axis.",
        "zh": "从右（输出，第 L 层）往左（输入，第 0 层）读。线：中位数；带：{count} 个样本"
        "（{samples} 个随机网络 × 每批 {batch} 个输入）的 {low}%–{high}% 区间。两张图使用同一个纵轴。",
    },
    "ex.bn_explodes": {
        "en": "Batch normalisation alone makes the gradient independent of the gain, but without "
        "shortcuts this network still *explodes* at initialisation, by a roughly fixed factor "
        "per layer (here about ×{factor:.2f}; Yang et al. 2019, “A Mean Field Theory of Batch "
        "Normalization”). The chart “Growth against depth” compares it with residual "
        "connections added.",
        "zh": "只用批量归一化时，梯度不再依赖增益；但没有捷径时，这个网络在初始化时仍会*梯度爆炸*，每层乘以"
        "大致固定的因子（这里约 ×{factor:.2f}；Yang 等，2019，“A Mean Field Theory of Batch "
        "Normalization”）。“增长与深度”图表把它与加上残差连接后的情况作了对比。",
    },
    "ex.math_title": {"en": "What each remedy computes", "zh": "各补救方法的计算方式"},
    "ex.math_factor": {
        "en": "Per layer, the expected squared gradient norm is multiplied by n·Var[w]·E[φ′(z)²] "
        "(He et al. 2015, §2.2); over L layers the factors multiply, so depth is the exponent:",
        "zh": "每经过一层，梯度平方范数的期望乘以 n·Var[w]·E[φ′(z)²]（He 等，2015，第 2.2 节）；"
        "L 层的因子连乘，所以深度是指数：",
    },
    "ex.math_bn": {
        "en": "Batch normalisation (train mode, over the batch B of {batch} inputs, per unit, "
        "ε = {eps}) and its exact backward pass:",
        "zh": "批量归一化（训练模式，在 {batch} 个输入组成的批 B 内按单元计算，ε = {eps}）及其精确的反向传播：",
    },
    "ex.math_res": {
        "en": "Residual connection with branch scale 1/√L; its Jacobian is the identity plus a "
        "branch term scaled by 1/√L, so the gradient always has an identity path back to the "
        "input. The branch terms still multiply up over L layers: how far, the chart “Growth "
        "against depth” measures.",
        "zh": "分支系数为 1/√L 的残差连接；它的雅可比矩阵是单位矩阵加一个乘以 1/√L 的分支项，所以梯度总有"
        "一条恒等路径回到输入。但 L 层的分支项仍会连乘起来：累积多少，由“增长与深度”图表测量。",
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
    "ex.clipped": {"en": "after clipping", "zh": "裁剪后"},
    "ex.weights_export_title": {
        "en": "{name}: weight gradient per layer, clipping threshold c = {c:g}",
        "zh": "{name}：每层的权重梯度，裁剪阈值 c = {c:g}",
    },
    "ex.clip_on_note": {
        "en": "{name}: clipped at c = {c:g}; every layer is multiplied by the factor above.",
        "zh": "{name}：按 c = {c:g} 裁剪；每一层都乘以上面的系数。",
    },
    "ex.weights_caption": {
        "en": "Median over {samples} networks; band {low}–{high}%. Weight gradients ∂L/∂W_l = "
        "δ_lᵀ a_{{l−1}} also contain the forward activations a_{{l−1}}: in a ReLU network with "
        "gain above 1 the activations grow toward the output while the gradient grows toward "
        "the input, so such a network has large weight gradients in *every* layer.",
        "zh": "{samples} 个网络的中位数；带为 {low}%–{high}% 区间。权重梯度 ∂L/∂W_l = δ_lᵀ a_{{l−1}} "
        "还包含前向激活 a_{{l−1}}：在增益大于 1 的 ReLU 网络中，激活朝输出方向增长，而梯度朝输入方向增长，"
        "所以这样的网络在*每一层*的权重梯度都很大。",
    },
    "ex.clip_off_note": {
        "en": "{name}: clipping is off, so only the unclipped gradients are drawn.",
        "zh": "{name}：未开启梯度裁剪，只画出未裁剪的梯度。",
    },
    "ex.phase_title": {"en": "Phase diagram: gain × depth", "zh": "相图：增益 × 深度"},
    "ex.phase_intro": {
        "en": "Total growth of the plain network (no batch normalisation, no shortcuts) over "
        "gain and depth, for each column's activation and initialisation. The stable band "
        "(|growth| ≤ {tol} decade, outlined in green) is counted under each diagram at the "
        "shallowest and the deepest depth.",
        "zh": "各列的激活函数与初始化下，普通网络（无批量归一化、无捷径）随增益和深度的总增长。稳定带"
        "（|增长| ≤ {tol} 个数量级，绿色框出）在每张图下方按最浅与最深的深度计数。",
    },
    "ex.phase_chart_name": {"en": "{name}: total growth", "zh": "{name}：总增长"},
    "ex.phase_chart_title": {
        "en": "{name}: {act}, {init}",
        "zh": "{name}：{act}，{init}",
    },
    "ex.phase_gain": {"en": "gain (log scale)", "zh": "增益（对数刻度）"},
    "ex.phase_depth": {"en": "depth L (weight layers)", "zh": "深度 L（权重层数）"},
    "ex.phase_growth": {
        "en": "growth (decades), clamped at ±{clamp}",
        "zh": "总增长（数量级），截断于 ±{clamp}",
    },
    "ex.phase_exact": {"en": "total growth (decades)", "zh": "总增长（数量级）"},
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
        "en": "{act}, {init}. The white ring marks this network's gain and depth{note}.",
        "zh": "{act}，{init}。白色圆圈标出本网络的增益与深度{note}。",
    },
    "ex.phase_init_note": {
        "en": " (better initialisation: gain 1)",
        "zh": "（更好的初始化：增益 1）",
    },
    "ex.phase_band.narrower": {
        "en": "Stable (|growth| ≤ {tol} decade): {first} of {n} gains at depth {d0}, {last} at "
        "depth {d1}. The band narrows with depth.",
        "zh": "稳定（|增长| ≤ {tol} 个数量级）：深度 {d0} 时 {n} 个增益中有 {first} 个，深度 {d1} 时有 "
        "{last} 个。稳定带随深度变窄。",
    },
    "ex.phase_band.gone": {
        "en": "Stable (|growth| ≤ {tol} decade): {first} of {n} gains at depth {d0}, none at "
        "depth {d1}. Depth removes the band.",
        "zh": "稳定（|增长| ≤ {tol} 个数量级）：深度 {d0} 时 {n} 个增益中有 {first} 个，深度 {d1} 时一个"
        "也没有。加深让稳定带消失了。",
    },
    "ex.phase_band.same": {
        "en": "Stable (|growth| ≤ {tol} decade): {first} of {n} gains at depth {d0}, and as "
        "many at depth {d1}.",
        "zh": "稳定（|增长| ≤ {tol} 个数量级）：深度 {d0} 时 {n} 个增益中有 {first} 个，深度 {d1} 时"
        "同样多。",
    },
    "ex.phase_band.wider": {
        "en": "Stable (|growth| ≤ {tol} decade): {first} of {n} gains at depth {d0}, {last} at "
        "depth {d1}.",
        "zh": "稳定（|增长| ≤ {tol} 个数量级）：深度 {d0} 时 {n} 个增益中有 {first} 个，深度 {d1} 时有 "
        "{last} 个。",
    },
    "ex.depth_title": {
        "en": "Growth against depth: with and without residual connections",
        "zh": "增长与深度：有无残差连接",
    },
    "ex.depth_intro": {
        "en": "Each column's network (its activation, initialisation and batch normalisation) "
        "at several depths, once plain and once with a residual shortcut around every weight "
        "layer, branches scaled by 1/√L. In theory a plain ReLU or linear network's growth is "
        "proportional to its depth. Whether the residual one levels off or keeps rising is "
        "measured, not assumed: the captions say which.",
        "zh": "各列的网络（其激活函数、初始化与批量归一化）取若干深度，分别以普通形式和在每个权重层旁加残差"
        "捷径（分支乘以 1/√L）的形式计算。理论上，普通 ReLU 或线性网络的增长与深度成正比。残差网络的增长"
        "是趋于平稳还是持续上升，是测出来的而不是假定的：图下的说明会写明。",
    },
    "ex.depth_chart_name": {"en": "Total growth against depth", "zh": "总增长与深度"},
    "ex.depth_setting": {
        "en": "{name}: {act}, {init}, gain {gain:g}{bn}.",
        "zh": "{name}：{act}，{init}，增益 {gain:g}{bn}。",
    },
    "ex.depth_chart_title": {
        "en": "{name}: {act}, {init}, gain {gain:g}{bn}",
        "zh": "{name}：{act}，{init}，增益 {gain:g}{bn}",
    },
    "ex.depth_bn": {"en": ", batch normalisation", "zh": "，批量归一化"},
    "ex.depth_plain": {"en": "plain", "zh": "普通"},
    "ex.depth_residual": {"en": "residual (branches × 1/√L)", "zh": "残差（分支 × 1/√L）"},
    "ex.depth_y": {"en": "‖g_0‖ / ‖g_L‖ (log scale)", "zh": "‖g_0‖ / ‖g_L‖（对数刻度）"},
    "ex.depth_numbers": {
        "en": "At depth {depth}: {plain:+.2f} decades plain, {residual:+.2f} with shortcuts.",
        "zh": "深度 {depth} 时：普通网络 {plain:+.2f} 个数量级，有捷径时 {residual:+.2f} 个数量级。",
    },
    "ex.depth_trend.rising": {
        "en": "With shortcuts the growth still rises with depth ({first:+.2f} decades at depth "
        "{start}, {last:+.2f} at depth {end}): scaling the branches by 1/√L slows it, it does "
        "not bound it.",
        "zh": "有捷径时，增长仍随深度上升（深度 {start} 时 {first:+.2f} 个数量级，深度 {end} 时 "
        "{last:+.2f}）：分支乘以 1/√L 只是减缓增长，并没有给它设上界。",
    },
    "ex.depth_trend.falling": {
        "en": "With shortcuts the growth still falls with depth ({first:+.2f} decades at depth "
        "{start}, {last:+.2f} at depth {end}).",
        "zh": "有捷径时，增长仍随深度下降（深度 {start} 时 {first:+.2f} 个数量级，深度 {end} 时 "
        "{last:+.2f}）。",
    },
    "ex.depth_trend.level": {
        "en": "With shortcuts the growth changes by at most {tol} decades between depth {start} "
        "({first:+.2f}) and depth {end} ({last:+.2f}): it levels off in this range.",
        "zh": "有捷径时，从深度 {start}（{first:+.2f}）到深度 {end}（{last:+.2f}），增长的变化不超过 "
        "{tol} 个数量级：在这个范围内趋于平稳。",
    },
    "ex.list_sep": {"en": ", ", "zh": "、"},
    "ex.depth_caption": {
        "en": "Depths {depths}; at each, {samples} random networks × a batch of {batch} "
        "({count} examples): line and points the median, band {low}–{high}%. Dashed: the "
        "stable band ±{tol} decade. Dotted: each network's depth. Each chart has its own "
        "y-axis.",
        "zh": "深度 {depths}；每个深度取 {samples} 个随机网络 × 每批 {batch} 个输入（{count} 个样本）："
        "线与点为中位数，带为 {low}%–{high}% 区间。虚线：±{tol} 个数量级的稳定带。点线：各网络的深度。"
        "两张图的纵轴各自独立。",
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
        "有助于缓解梯度消失；梯度裁剪只限制梯度爆炸时的步长。",
    },
    "ex.table.head": {
        "en": "| | Vanishing gradients | Exploding gradients |",
        "zh": "| | 梯度消失 | 梯度爆炸 |",
    },
    "ex.table.cause": {
        "en": "| **Cause** | per-layer factor n·Var[w]·E[φ′²] < 1: weights too small for the "
        "activation (sigmoid: E[σ′²] ≤ 1/16, so Xavier's n·Var[w] = 1 is too small) | "
        "per-layer factor > 1: weights too large (gain above 1). ReLU′ is 0 or 1 and never "
        "amplifies by itself |",
        "zh": "| **原因** | 每层因子 n·Var[w]·E[φ′²] < 1：权重相对激活函数太小（sigmoid：E[σ′²] ≤ 1/16，"
        "所以 Xavier 的 n·Var[w] = 1 太小） | 每层因子 > 1：权重太大（增益大于 1）。ReLU′ 只取 0 或 1，"
        "本身从不放大梯度 |",
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
        "en": "| **Better initialisation** | helps for tanh (Xavier) and ReLU (He); not for "
        "sigmoid at any practical gain | helps (He at gain 1) |",
        "zh": "| **更好的初始化** | 对 tanh（Xavier）和 ReLU（He）有用；对 sigmoid，任何实用的增益都不行 | "
        "有用（He，增益 1） |",
    },
    "ex.table.bn": {
        "en": "| **Batch normalisation** (a *normalisation*, not a regularisation) | helps: "
        "re-standardises every layer | removes the gain, but without shortcuts the gradient "
        "still grows by a roughly fixed factor per layer: a deep plain BN network explodes. "
        "Pair it with shortcuts |",
        "zh": "| **批量归一化**（是*归一化*，不是正则化） | 有用：每层重新标准化 | 消除了增益的影响，但没有"
        "捷径时，梯度每层仍乘以大致固定的因子：深层的普通 BN 网络会梯度爆炸。要与捷径配合 |",
    },
    "ex.table.res": {
        "en": "| **Residual connections** | helps: an identity path carries the gradient back "
        "| slows the growth when the branches are scaled down (1/√L here); with ReLU and no "
        "batch normalisation it still rises with depth |",
        "zh": "| **残差连接** | 有用：恒等路径把梯度带回输入 | 分支缩小时（这里乘以 1/√L）能减缓增长；"
        "用 ReLU 且不加批量归一化时，增长仍随深度上升 |",
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
        "en": "{share:.0%} of the examples have an exactly zero input gradient (every ReLU on "
        "their path is off); they are left out of the chart and the median.",
        "zh": "{share:.0%} 的样本在输入处的梯度恰好为零（其路径上的 ReLU 全部关闭）；图表和中位数中不包含它们。",
    },
    # presets (ui/presets.py)
    "ex.preset.defaults": {"en": "Defaults: vanish vs explode", "zh": "默认：消失对比爆炸"},
    "ex.preset.bn_rescues_vanishing": {"en": "BN rescues the sigmoid", "zh": "批量归一化挽救 sigmoid 网络"},
    "ex.preset.residual_rescues": {"en": "Residual connections", "zh": "残差连接"},
    "ex.preset.bn_alone_explodes_relu": {"en": "BN alone: ReLU explodes", "zh": "只用批量归一化：ReLU 梯度爆炸"},
    "ex.preset.clipping_only_caps": {"en": "Clipping only caps", "zh": "梯度裁剪只限制步长"},
}
