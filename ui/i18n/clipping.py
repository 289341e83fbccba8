"""Strings of the gradient-clipping page: key -> {"en": ..., "zh": ...}."""

STRINGS: dict[str, dict[str, str]] = {
    "cl.intro": {
        "en": "Gradient clipping caps a gradient before the update. There are two common rules, "
        "and they are not the same thing: **clipping by value** caps every component "
        "separately, **clipping by norm** rescales the whole vector. The three parts below ask: "
        "what does each rule do to one vector, to the gradient of a deep network, and to "
        "gradient descent on a loss with a cliff?",
        "zh": "梯度裁剪在参数更新之前限制梯度的大小。常见的规则有两种，而且二者并不相同："
        "**按值裁剪**对每个分量分别截断，**按范数裁剪**对整个向量统一缩放。下面三部分分别回答："
        "两种规则对一个向量、对深层网络的梯度、以及对带有悬崖的损失上的梯度下降各有什么作用？",
    },
    "cl.method": {"en": "method", "zh": "方法"},
    # ------------------------------------------------------------ the formulas
    "cl.math.fact": {
        "en": "the two rules (Pascanu, Mikolov, Bengio 2013, Sec. 3.2, Alg. 1; PyTorch "
        "`clip_grad_value_` and `clip_grad_norm_`):",
        "zh": "两种规则（Pascanu、Mikolov、Bengio，2013，第 3.2 节，算法 1；PyTorch "
        "`clip_grad_value_` 与 `clip_grad_norm_`）：",
    },
    "cl.math.fact.caption": {
        "en": "v caps each component; c caps the length ‖g‖ of all gradients concatenated. "
        "min(1, ·) means a gradient shorter than c is left alone; ε = {eps} is PyTorch's guard "
        "against dividing by zero. Norm clipping multiplies every component by the same number "
        "≤ 1, so the direction cannot change.",
        "zh": "v 限制每个分量；c 限制所有梯度拼接后的长度 ‖g‖。min(1, ·) 表示短于 c 的梯度保持不变；"
        "ε = {eps} 是 PyTorch 防止除以零的保护项。按范数裁剪把每个分量乘以同一个 ≤ 1 的数，"
        "因此方向不可能改变。",
    },
    "cl.math.myth": {
        "en": "the formula in the original article:",
        "zh": "原文给出的公式：",
    },
    "cl.math.myth.why": {
        "en": "This is not a clipping rule. No gradient g appears in it, only `clip` on both "
        "sides, and evaluated as written the threshold drops out: `max` of three arguments "
        "includes the unclipped value itself, and min(max(0, clip), threshold) ≤ max(0, clip), "
        "so the whole expression **equals max(0, clip) whatever the threshold is**: it never "
        "lowers a large value and it sets every negative component to 0 (a ReLU, not a clip).",
        "zh": "这不是裁剪规则。式中没有梯度 g，只有两边的 `clip`；按字面计算，阈值根本不起作用："
        "三个参数的 `max` 包含了未裁剪的值本身，而 min(max(0, clip), threshold) ≤ max(0, clip)，"
        "所以整个式子**无论阈值取多少都等于 max(0, clip)**：它从不降低大的值，"
        "却把每个负分量变成 0（这是 ReLU，不是裁剪）。",
    },
    # ------------------------------------------------------------ (a) geometry
    "cl.a.title": {"en": "1 · One vector: the box and the circle", "zh": "1 · 一个向量：方框与圆"},
    "cl.a.question": {
        "en": "**Question:** which rule keeps the direction of the gradient? Set a 2-D "
        "gradient and one threshold t (v = c = t). Each rule moves the tip to the nearest "
        "point of its region: clipping by value to the box [−t, t]², clipping by norm to the "
        "disc of radius t. A tip already inside stays where it is.",
        "zh": "**问题：** 哪种规则保持梯度的方向？设定一个二维梯度和一个阈值 t（v = c = t）。"
        "每种规则都把箭头端点移到各自区域内最近的点：按值裁剪移到方框 [−t, t]² 内，"
        "按范数裁剪移到半径为 t 的圆盘内。端点已在区域内时保持不动。",
    },
    "cl.a.mag": {"en": "Gradient length ‖g‖", "zh": "梯度长度 ‖g‖"},
    "cl.a.mag.help": {
        "en": "Length of the original 2-D gradient.",
        "zh": "原始二维梯度的长度。",
    },
    "cl.a.angle": {"en": "Gradient direction (degrees)", "zh": "梯度方向（度）"},
    "cl.a.angle.help": {
        "en": "Angle to the g1 axis, counter-clockwise. At 0, ±90, ±180 (an axis) and ±45, "
        "±135 (a diagonal) clipping by value keeps the direction too.",
        "zh": "与 g1 轴的夹角，逆时针方向。在 0、±90、±180（坐标轴）和 ±45、±135（对角线）时，"
        "按值裁剪也保持方向。",
    },
    "cl.a.threshold": {"en": "Threshold t (v = c = t)", "zh": "阈值 t（v = c = t）"},
    "cl.a.threshold.help": {
        "en": "Half-width of the box for clipping by value, radius of the circle for clipping "
        "by norm.",
        "zh": "按值裁剪的方框半宽，也是按范数裁剪的圆半径。",
    },
    "cl.a.x": {"en": "component g1", "zh": "分量 g1"},
    "cl.a.y": {"en": "component g2", "zh": "分量 g2"},
    "cl.a.box": {"en": "box |g_i| ≤ {t:g} (clip by value)", "zh": "方框 |g_i| ≤ {t:g}（按值裁剪）"},
    "cl.a.circle": {"en": "circle ‖g‖ = {t:g} (clip by norm)", "zh": "圆 ‖g‖ = {t:g}（按范数裁剪）"},
    "cl.a.chart": {"en": "The gradient and its two clipped versions", "zh": "梯度及其两种裁剪结果"},
    "cl.a.metric.norm": {"en": "length ‖g‖", "zh": "长度 ‖g‖"},
    "cl.a.metric.angle": {"en": "angle", "zh": "夹角"},
    "cl.a.metric.angle.value": {"en": "{angle:.1f}°", "zh": "{angle:.1f}°"},
    "cl.a.metric.angle.help": {
        "en": "Angle between this vector and the original gradient (0° = same direction).",
        "zh": "该向量与原梯度之间的夹角（0° 表示方向相同）。",
    },
    "cl.a.caption.bent_one": {
        "en": "Clipping by value turned the gradient by {angle:.2f}°: only one component "
        "exceeds t, so it capped that one at t and left the other, and the arrow turned toward "
        "the box's diagonal.",
        "zh": "按值裁剪使梯度转了 {angle:.2f}°：只有一个分量超过 t，它把这个分量截断到 t，"
        "另一个保持不变，于是箭头转向方框的对角线方向。",
    },
    "cl.a.caption.bent_both": {
        "en": "Clipping by value turned the gradient by {angle:.2f}°: both components exceed "
        "t, so both were capped and the tip landed on a corner of the box, along its diagonal.",
        "zh": "按值裁剪使梯度转了 {angle:.2f}°：两个分量都超过 t，都被截断，"
        "端点落在方框的一角，即对角线上。",
    },
    "cl.a.caption.kept": {
        "en": "Here clipping by value capped the gradient but kept its direction (turned "
        "{angle:.2f}°): it lies along an axis or a diagonal. Off the axes and diagonals, a "
        "component above t bends it.",
        "zh": "此时按值裁剪截断了梯度，但保持了方向（转了 {angle:.2f}°）：梯度位于坐标轴或对角线上。"
        "不在坐标轴和对角线上时，只要有分量超过 t，方向就会改变。",
    },
    "cl.a.caption.inside": {
        "en": "Clipping by value left the gradient unchanged: no component exceeds t = {t:g}, "
        "so the tip is already inside the box.",
        "zh": "按值裁剪没有改变梯度：没有分量超过 t = {t:g}，端点已在方框之内。",
    },
    "cl.a.caption.norm_short": {
        "en": "Clipping by norm shortened the arrow from {before} to {after} and kept its "
        "direction: the angle to the original is 0°.",
        "zh": "按范数裁剪把箭头从 {before} 缩短到 {after}，方向不变：与原梯度的夹角为 0°。",
    },
    "cl.a.caption.norm_kept": {
        "en": "The arrow (length {before}) is no longer than t = {t:g}: clipping by norm leaves "
        "it unchanged.",
        "zh": "箭头长度 {before} 不超过 t = {t:g}：按范数裁剪不改变它。",
    },
    # ------------------------------------------------------------ (b) a deep network
    "cl.b.title": {"en": "2 · A real gradient: a deep ReLU network", "zh": "2 · 真实的梯度：深层 ReLU 网络"},
    "cl.b.question": {
        "en": "**Question:** on the gradient of a deep network, whose components differ in "
        "size by decades, what does each rule change? The gradient is that of a He-initialised "
        "ReLU MLP (weights × gain, biases starting at 0) on a batch of {batch} random inputs. "
        "ReLU is positively homogeneous and the biases are 0, so multiplying every weight by "
        "the gain multiplies the bias gradient of layer l by gain^(L−l) and every layer's "
        "weight gradient by the same gain^(L−1): for gain ≠ 1 the bias gradients of different "
        "layers drift apart by log10(gain) decades per layer, the weight gradients do not. To "
        "compare the two rules fairly, **one slider sets the length both clipped gradients end "
        "up with**: c is that length, and v is the component cap that gives the same length "
        "(solved exactly). With equal lengths, any difference is a difference of direction.",
        "zh": "**问题：** 深层网络的梯度各分量大小相差若干个数量级，每种规则改变了什么？"
        "这里的梯度来自一个 He 初始化的 ReLU 多层感知机（权重乘以增益，偏置初始为 0），"
        "输入是 {batch} 个随机样本。ReLU 是正齐次的，偏置又为 0，所以把每个权重乘以增益时，"
        "第 l 层的偏置梯度乘以增益^(L−l)，而每层的权重梯度都乘以同一个增益^(L−1)："
        "增益 ≠ 1 时，不同层的偏置梯度每层相差 log10(增益) 个数量级，权重梯度则不会。"
        "为了公平比较，**一个滑块设定两种裁剪后梯度的共同长度**：c 就是这个长度，"
        "v 是使按值裁剪得到同样长度的分量上限（精确求解）。长度相同，差别就只在方向上。",
    },
    "cl.b.depth": {"en": "Depth L (layers)", "zh": "深度 L（层数）"},
    "cl.b.width": {"en": "Width (units per layer)", "zh": "宽度（每层单元数）"},
    "cl.b.gain": {"en": "Weight gain", "zh": "权重增益"},
    "cl.b.gain.help": {
        "en": "Weights are He-initialised and multiplied by this gain: std = gain·√(2/width). "
        "Above 1 the backward signal grows by about this factor per layer (gradient explosion).",
        "zh": "权重采用 He 初始化后再乘以该增益：标准差 = 增益·√(2/宽度)。"
        "增益大于 1 时，反向信号每层约放大这个倍数（梯度爆炸）。",
    },
    "cl.b.keep": {"en": "Clip to % of the original length", "zh": "裁剪到原长度的 %"},
    "cl.b.keep.help": {
        "en": "Both clipped gradients end with this share of the original norm: c = share·‖g‖, "
        "and v is chosen so that ‖clip_by_value(g, v)‖ is the same.",
        "zh": "两种裁剪后的梯度长度都等于原范数的这个比例：c = 比例·‖g‖，"
        "v 的取值使 ‖按值裁剪(g, v)‖ 与之相同。",
    },
    "cl.b.thresholds": {
        "en": "Original length ‖g‖ = **{total}** over {size} parameters. Clipping to {keep}% "
        "of it: norm threshold **c = {c}**, value threshold **v = {v}**.",
        "zh": "原始长度 ‖g‖ = **{total}**，共 {size} 个参数。裁剪到其 {keep}%："
        "范数阈值 **c = {c}**，值阈值 **v = {v}**。",
    },
    "cl.b.spread": {
        "en": "Its nonzero components span {span:.1f} decades; across the layers, the weight "
        "gradients' norms span {weight:.2f} decades and the bias gradients' {bias:.2f}.",
        "zh": "非零分量跨越 {span:.1f} 个数量级；各层之间，权重梯度的范数相差 {weight:.2f} 个数量级，"
        "偏置梯度的范数相差 {bias:.2f} 个数量级。",
    },
    "cl.b.metric.norm": {"en": "length ‖g‖", "zh": "长度 ‖g‖"},
    "cl.b.metric.cosine": {"en": "cosine to original", "zh": "与原梯度的余弦"},
    "cl.b.metric.cosine.value": {"en": "{cosine:.6f}", "zh": "{cosine:.6f}"},
    "cl.b.metric.cosine.help": {
        "en": "cos of the angle to the original gradient; 1 = same direction. Angle: {angle:.3g}°.",
        "zh": "与原梯度夹角的余弦；1 表示方向相同。夹角：{angle:.3g}°。",
    },
    "cl.b.metric.changed": {"en": "components changed", "zh": "被改变的分量"},
    "cl.b.metric.changed.value": {"en": "{share:.1%}", "zh": "{share:.1%}"},
    "cl.b.metric.changed.help": {
        "en": "Share of all components whose value differs from the original. Exact zeros "
        "(inactive ReLU units) never change.",
        "zh": "数值与原梯度不同的分量所占比例。恰为零的分量（未激活的 ReLU 单元）永远不变。",
    },
    "cl.b.hist.title": {"en": "Sizes of the gradient's components", "zh": "梯度各分量的大小"},
    "cl.b.hist.x": {"en": "component size |g_i| (log scale)", "zh": "分量大小 |g_i|（对数刻度）"},
    "cl.b.hist.y": {"en": "number of components (√ scale)", "zh": "分量个数（平方根刻度）"},
    "cl.b.hist.rule": {"en": "v = {v}", "zh": "v = {v}"},
    "cl.b.hist.caption": {
        "en": "Clipping by norm slides the whole histogram left by {shift} decades and keeps "
        "its shape; clipping by value cuts off the right tail and piles it up at v, leaving the "
        "components below v as they were: that change of shape is the change of direction.",
        "zh": "按范数裁剪把整个直方图向左平移 {shift} 个数量级，形状不变；"
        "按值裁剪切掉右侧的尾部并堆积在 v 处，小于 v 的分量保持不变：形状的改变就是方向的改变。",
    },
    "cl.b.hist.zeros": {
        "en": "{zeros} of {size} components are exactly 0 (inactive ReLU units) and cannot be "
        "drawn on a log axis; both rules leave them 0.",
        "zh": "{size} 个分量中有 {zeros} 个恰为 0（未激活的 ReLU 单元），无法画在对数轴上；"
        "两种规则都让它们保持为 0。",
    },
    "cl.b.layers.title": {"en": "Gradient norm per layer", "zh": "每层的梯度范数"},
    "cl.b.layers.x": {"en": "layer l (1 = first)", "zh": "层 l（1 = 第一层）"},
    "cl.b.layers.y": {"en": "layer's gradient norm (log scale)", "zh": "该层梯度范数（对数刻度）"},
    "cl.b.kind": {"en": "parameters", "zh": "参数"},
    "cl.b.kind.weight": {"en": "weights W_l", "zh": "权重 W_l"},
    "cl.b.kind.bias": {"en": "biases b_l", "zh": "偏置 b_l"},
    "cl.b.layers.norm": {
        "en": "Clipping by norm moves every line down by the same {shift} decades: the "
        "layers keep their proportions.",
        "zh": "按范数裁剪把每条线都下移同样的 {shift} 个数量级：各层之间的比例不变。",
    },
    "cl.b.layers.value_uneven": {
        "en": "Clipping by value lowers the layers by different amounts, from {least:.2f} to "
        "{most:.2f} decades, so their proportions change.",
        "zh": "按值裁剪让各层下降的幅度不同，从 {least:.2f} 到 {most:.2f} 个数量级不等，"
        "各层之间的比例因此改变。",
    },
    "cl.b.layers.value_even": {
        "en": "Clipping by value lowers every layer by about the same {most:.2f} decades here.",
        "zh": "此时按值裁剪让每层都下降了大约 {most:.2f} 个数量级。",
    },
    "cl.b.layers.untouched": {
        "en": "{weights} weight and {biases} bias gradients have no component above v and are "
        "not changed at all: their share of the update grows.",
        "zh": "有 {weights} 个权重梯度和 {biases} 个偏置梯度没有分量超过 v，完全没有被改变："
        "它们在更新中的占比变大了。",
    },
    "cl.b.layers.narrows": {
        "en": "The spread between the largest and the smallest layer gradient narrows from "
        "{before:.2f} to {after:.2f} decades.",
        "zh": "最大与最小的层梯度之间的差距从 {before:.2f} 缩小到 {after:.2f} 个数量级。",
    },
    "cl.b.layers.widens": {
        "en": "The spread between the largest and the smallest layer gradient widens from "
        "{before:.2f} to {after:.2f} decades.",
        "zh": "最大与最小的层梯度之间的差距从 {before:.2f} 扩大到 {after:.2f} 个数量级。",
    },
    # ------------------------------------------------------------ (c) the cliff
    "cl.c.title": {"en": "3 · The cliff: why clip at all", "zh": "3 · 悬崖：为什么要裁剪"},
    "cl.c.question": {
        "en": "**Question:** what does clipping buy in gradient descent? This loss has a "
        "plateau that ends in a steep wall (Pascanu et al. 2013, Sec. 2.3, Fig. 6). Away from "
        "the wall the gradient is at most {valley:.2f}; on the wall it reaches about "
        "{cliff:.0f}, {ratio:.0f} times more. Without clipping a step moves η·‖g‖, so a step "
        "from the wall moves that many times farther than one away from it. Clipping bounds "
        "every step: to η·c with clipping by norm, to η·v·√2 with clipping by value (two "
        "components).",
        "zh": "**问题：** 裁剪在梯度下降中带来了什么？这个损失有一个以陡壁结束的高台"
        "（Pascanu 等，2013，第 2.3 节，图 6）。远离陡壁处梯度最多为 {valley:.2f}；陡壁上可达约 "
        "{cliff:.0f}，是前者的 {ratio:.0f} 倍。不裁剪时一步移动 η·‖g‖，所以从陡壁出发的一步"
        "也比远离陡壁的一步远这么多倍。裁剪限制了每一步：按范数裁剪不超过 η·c，"
        "按值裁剪不超过 η·v·√2（两个分量）。",
    },
    "cl.c.threshold": {"en": "Threshold (v = c)", "zh": "阈值（v = c）"},
    "cl.c.threshold.help": {
        "en": "The same number is the value threshold v and the norm threshold c.",
        "zh": "同一个数既是值阈值 v，也是范数阈值 c。",
    },
    "cl.c.lr": {"en": "Learning rate η", "zh": "学习率 η"},
    "cl.c.steps": {"en": "Steps", "zh": "步数"},
    "cl.c.w1": {"en": "Start w1", "zh": "起点 w1"},
    "cl.c.w2": {"en": "Start w2", "zh": "起点 w2"},
    "cl.c.none_shown": {
        "en": "Switch on at least one method above to draw its path.",
        "zh": "请在上方至少打开一种方法以绘制其路径。",
    },
    "cl.c.metric.loss": {"en": "final loss", "zh": "最终损失"},
    "cl.c.metric.clipped": {"en": "steps clipped", "zh": "被裁剪的步数"},
    "cl.c.metric.clipped.help": {
        "en": "Steps where the rule changed the gradient: ‖g‖ > c (norm) or some |g_i| > v (value).",
        "zh": "规则改变了梯度的步数：‖g‖ > c（按范数）或某个 |g_i| > v（按值）。",
    },
    "cl.c.left": {
        "en": "Left the plotted region at step {step}, to (w1, w2) = ({w1:.1f}, {w2:.1f}); "
        "the drawing is cut at the plot's edge. Ends at ({end1:.2f}, {end2:.2f}).",
        "zh": "在第 {step} 步离开绘图区域，到达 (w1, w2) = ({w1:.1f}, {w2:.1f})；"
        "路径在图的边缘处截断。终点为 ({end1:.2f}, {end2:.2f})。",
    },
    "cl.c.ended": {
        "en": "Ends at ({w1:.2f}, {w2:.2f}), {dist:.2f} from the minimum ≈ ({m1:g}, {m2:g}).",
        "zh": "终点为 ({w1:.2f}, {w2:.2f})，距最小值点 ≈ ({m1:g}, {m2:g}) 为 {dist:.2f}。",
    },
    "cl.c.diverged": {
        "en": "The iterate overflowed float64 at step {step}; the path stops there.",
        "zh": "迭代值在第 {step} 步超出 float64 范围；路径在此终止。",
    },
    "cl.c.w1.axis": {"en": "parameter w1", "zh": "参数 w1"},
    "cl.c.w2.axis": {"en": "parameter w2", "zh": "参数 w2"},
    "cl.c.loss": {"en": "loss (log colour)", "zh": "损失（对数色标）"},
    "cl.c.start": {"en": "start", "zh": "起点"},
    "cl.c.minimum": {"en": "minimum ≈ ({m1:g}, {m2:g})", "zh": "最小值点 ≈ ({m1:g}, {m2:g})"},
    "cl.c.map.title": {"en": "Descent paths on the loss surface", "zh": "损失曲面上的下降路径"},
    "cl.c.map.caption": {
        "en": "Dark = high loss: the plateau at the top ends in the cliff at w2 = {c:g}, below it a "
        "valley leads to the minimum (×). Paths that leave the plotted region are cut at its "
        "edge; the boxes above say where they went.",
        "zh": "颜色越深损失越高：上方的高台在 w2 = {c:g} 处以悬崖结束，下方的山谷通向最小值点（×）。"
        "离开绘图区域的路径在边缘处截断；上方的方框说明了它们去了哪里。",
    },
    "cl.c.step": {"en": "step k", "zh": "步数 k"},
    "cl.c.loss.axis": {"en": "loss f(w_k) (log scale)", "zh": "损失 f(w_k)（对数刻度）"},
    "cl.c.loss.title": {"en": "Loss per step", "zh": "每步的损失"},
    "cl.c.norm.axis": {"en": "raw gradient norm ‖∇f(w_k)‖ (log)", "zh": "原始梯度范数 ‖∇f(w_k)‖（对数）"},
    "cl.c.norm.title": {"en": "Gradient norm before clipping", "zh": "裁剪前的梯度范数"},
    "cl.c.rule": {"en": "threshold {t:g}", "zh": "阈值 {t:g}"},
    "cl.c.steps.dots": {
        "en": "Filled dots mark the steps that were clipped.",
        "zh": "实心点标出被裁剪的步。",
    },
    "cl.c.steps.norm": {
        "en": "Clipping by norm clips exactly the steps above the line (‖g‖ > c).",
        "zh": "按范数裁剪恰好裁剪阈值线以上的步（‖g‖ > c）。",
    },
    "cl.c.steps.value": {
        "en": "Clipping by value clips when some |gᵢ| > v; then ‖g‖ > v as well, so its dots "
        "also sit above the line.",
        "zh": "按值裁剪在某个 |gᵢ| > v 时才裁剪；此时 ‖g‖ 也大于 v，所以它的点同样位于阈值线以上。",
    },
    "cl.c.steps.value_unclipped": {
        "en": "But a step can be above the line with no single component above v, and then it "
        "is not clipped: {n} such steps here.",
        "zh": "但一步可能位于阈值线以上而没有任何单个分量超过 v，这时它不会被裁剪：这里有 {n} 个这样的步。",
    },
    "cl.c.steps.value_all": {
        "en": "Here every one of its steps above the line was clipped.",
        "zh": "这里它在阈值线以上的每一步都被裁剪了。",
    },
    "cl.c.steps.spike": {
        "en": "The tallest point, ‖g‖ = {peak:.3g} at step {step} ({method}), comes from the "
        "cliff: away from it the gradient is at most {valley:.2f}. That step moved the parameters "
        "by {move:.3g}.",
        "zh": "最高点 ‖g‖ = {peak:.3g}（第 {step} 步，{method}）来自悬崖：远离悬崖处的梯度最多为 "
        "{valley:.2f}。这一步让参数移动了 {move:.3g}。",
    },
    "cl.c.steps.no_spike": {
        "en": "No step met the cliff's steep slope: every gradient norm is at most {peak:.3g}, "
        "within the {valley:.2f} the loss has away from the cliff.",
        "zh": "没有一步遇到悬崖的陡坡：所有梯度范数最多为 {peak:.3g}，"
        "不超过远离悬崖处的 {valley:.2f}。",
    },
    "cl.c.dropped": {
        "en": "{n} values were 0 or not finite and are not drawn on the log axes.",
        "zh": "有 {n} 个值为 0 或非有限值，未在对数轴上绘出。",
    },
    # ------------------------------------------------------------ references
    "cl.refs.title": {"en": "Sources", "zh": "参考文献"},
    "cl.refs": {
        "en": "- R. Pascanu, T. Mikolov, Y. Bengio (2013), *On the difficulty of training "
        "recurrent neural networks*, ICML: Sec. 2.3 and Fig. 6 (cliffs), Sec. 3.2 and "
        "Algorithm 1 (clipping by norm). [arXiv:1211.5063](https://arxiv.org/abs/1211.5063)\n"
        "- PyTorch: [`torch.nn.utils.clip_grad_norm_`](https://pytorch.org/docs/stable/"
        "generated/torch.nn.utils.clip_grad_norm_.html) (total norm over all parameters, "
        "coefficient c/(‖g‖+{eps}) clamped to 1) and [`clip_grad_value_`](https://pytorch.org/"
        "docs/stable/generated/torch.nn.utils.clip_grad_value_.html).\n"
        "- I. Goodfellow, Y. Bengio, A. Courville (2016), *Deep Learning*, Sec. 8.2.4 and "
        "Fig. 8.3 (cliffs and exploding gradients).",
        "zh": "- R. Pascanu、T. Mikolov、Y. Bengio（2013），*On the difficulty of training "
        "recurrent neural networks*，ICML：第 2.3 节与图 6（悬崖），第 3.2 节与算法 1"
        "（按范数裁剪）。[arXiv:1211.5063](https://arxiv.org/abs/1211.5063)\n"
        "- PyTorch：[`torch.nn.utils.clip_grad_norm_`](https://pytorch.org/docs/stable/"
        "generated/torch.nn.utils.clip_grad_norm_.html)（对所有参数计算总范数，"
        "系数 c/(‖g‖+{eps}) 截断到 1）与 [`clip_grad_value_`](https://pytorch.org/"
        "docs/stable/generated/torch.nn.utils.clip_grad_value_.html)。\n"
        "- I. Goodfellow、Y. Bengio、A. Courville（2016），*Deep Learning*，第 8.2.4 节与"
        "图 8.3（悬崖与梯度爆炸）。",
    },
    # presets (ui/presets.py)
    "cl.preset.clipping_saves_cliff": {"en": "Clipping vs the cliff", "zh": "裁剪与悬崖"},
    "cl.preset.value_bends_direction": {"en": "By value bends direction", "zh": "按值裁剪改变方向"},
    "cl.preset.axis_aligned": {"en": "Along an axis", "zh": "沿坐标轴"},
    "cl.preset.tiny_threshold": {"en": "Tiny threshold: slow progress",
                                 "zh": "阈值过小：进展缓慢"},
}
