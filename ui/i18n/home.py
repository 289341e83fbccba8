"""Strings of the home page (app.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "home.intro": {
        "en": "Backpropagation multiplies the gradient by one matrix per layer. If those "
        "matrices stretch vectors on average, the gradient grows **exponentially** with depth "
        "(*exploding gradients*: huge, erratic updates, then `inf` and `NaN`). If they shrink "
        "them, it decays exponentially (*vanishing gradients*: the first layers stop "
        "learning). Depth is the exponent; the weight scale and the activation set the base.",
        "zh": "反向传播时，梯度每经过一层就要乘以一个矩阵。如果这些矩阵平均而言会拉长向量，梯度就会随深度"
        "**指数增长**（*梯度爆炸*：更新巨大而不稳定，最后出现 `inf` 和 `NaN`）；如果会缩短向量，梯度就会"
        "指数衰减（*梯度消失*：靠前的层学不动）。深度是指数，权重的尺度和激活函数决定底数。",
    },
    "home.chart_title": {
        "en": "Gradient norm per layer, ReLU network of depth {depth} and width {width}",
        "zh": "每层的梯度范数：深度 {depth}、宽度 {width} 的 ReLU 网络",
    },
    "home.chart_caption": {
        "en": "He initialisation scaled by a gain. Read from right (output) to left (input): "
        "from layer {depth} back to layer 0 the median gradient norm changes by {low:+.2f} "
        "decades at gain {g_low:g}, by {mid:+.2f} at gain {g_mid:g} and by {high:+.2f} at gain "
        "{g_high:g} (one decade is a factor of 10). Lines: median over {samples} random "
        "networks × {batch} random inputs; bands: {q_low}–{q_high}% of these {n} gradients.",
        "zh": "He 初始化乘以增益。从右（输出）往左（输入）读：从第 {depth} 层回到第 0 层，"
        "梯度范数的中位数在增益 {g_low:g} 时变化 {low:+.2f} 个数量级，增益 {g_mid:g} 时变化 "
        "{mid:+.2f}，增益 {g_high:g} 时变化 {high:+.2f}（一个数量级即 10 倍）。线：{samples} 个"
        "随机网络 × {batch} 个随机输入的中位数；带：这 {n} 个梯度的 {q_low}%–{q_high}% 区间。",
    },
    "home.series_title": {"en": "weight scale", "zh": "权重尺度"},
    "home.series": {"en": "gain {gain} ({regime})", "zh": "增益 {gain}（{regime}）"},
    "home.pages_title": {"en": "Explore", "zh": "探索"},
    "home.myths_title": {"en": "Myths and facts", "zh": "误区与事实"},
    "home.myths_caption": {
        "en": "Common explanations of exploding gradients, including the article this app "
        "grew from, get these wrong.",
        "zh": "常见的梯度爆炸讲解（包括本应用所基于的那篇文章）在以下几点上有误。",
    },
    "home.see_it": {"en": "See it", "zh": "去看看"},
    "myth.relu": {
        "en": "ReLU's derivative is 1, so gradients grow exponentially through the layers.",
        "zh": "ReLU 的导数是 1，所以梯度经过多层后会指数增长。",
    },
    "fact.relu": {
        "en": "ReLU′ is 0 or 1: it never amplifies, and with pre-activations symmetric about 0 "
        "it *halves* the squared gradient on average. Growth comes from the weights: per layer "
        "the squared norm is multiplied by "
        "n·Var[w]·E[φ′(z)²] (He et al. 2015, §2.2).",
        "zh": "ReLU′ 只取 0 或 1：它从不放大梯度；预激活关于 0 对称时，平均而言还会把梯度的平方范数"
        "*减半*。增长来自权重："
        "每层平方范数乘以 n·Var[w]·E[φ′(z)²]（He 等，2015，第 2.2 节）。",
    },
    "myth.clip_formula": {
        "en": "Gradient clipping is clip ← max(0, clip, min(max(0, clip), threshold)).",
        "zh": "梯度裁剪的公式是 clip ← max(0, clip, min(max(0, clip), threshold))。",
    },
    "fact.clip_formula": {
        "en": "Clip by value: gᵢ ← min(max(gᵢ, −v), v). Clip by norm: g ← g·min(1, c/‖g‖), "
        "which keeps the direction (Pascanu et al. 2013, Alg. 1; PyTorch clip_grad_norm_).",
        "zh": "按值裁剪：gᵢ ← min(max(gᵢ, −v), v)。按范数裁剪：g ← g·min(1, c/‖g‖)，方向不变"
        "（Pascanu 等，2013，算法 1；PyTorch clip_grad_norm_）。",
    },
    "myth.gd_loop": {
        "en": "`grad = grad - lr*grad` for {epochs} epochs demonstrates gradient descent on a "
        "network's gradient.",
        "zh": "循环 {epochs} 次 `grad = grad - lr*grad` 演示了对网络梯度的梯度下降。",
    },
    "fact.gd_loop": {
        "en": "That loop only multiplies by (1−lr){power} = {factor} for lr = {lr}: it is "
        "gradient descent on x²/2 and shows nothing about a network's gradients.",
        "zh": "这个循环只是乘以 (1−lr){power}，lr = {lr} 时等于 {factor}：它是对 x²/2 的梯度下降，"
        "与网络的梯度无关。",
    },
    "myth.deeper": {
        "en": "Deeper architectures fix vanishing gradients.",
        "zh": "更深的网络结构可以解决梯度消失。",
    },
    "fact.deeper": {
        "en": "Depth is the exponent of the product: unless the factor per layer is exactly 1, "
        "deeper makes it worse. ResNets train deep "
        "*because of* identity shortcuts and normalisation (Glorot & Bengio 2010; He et al. 2016).",
        "zh": "深度是连乘的指数：只要每层的因子不恰好等于 1，越深就越严重。ResNet 能训练得很深，是*因为*恒等捷径（残差连接）和归一化"
        "（Glorot 与 Bengio，2010；He 等，2016）。",
    },
    "myth.bn_name": {
        "en": "“Batch regularisation” (批量正则化) prevents exploding gradients.",
        "zh": "“批量正则化”可以防止梯度爆炸。",
    },
    "fact.bn_name": {
        "en": "It is Batch *Normalization* (批量归一化): it re-standardises each layer's "
        "pre-activations; regularisation is a side effect (Ioffe & Szegedy 2015).",
        "zh": "正确的名称是**批量归一化**（Batch Normalization，也译批标准化）：它把每层的预激活重新标准化；"
        "正则化只是副作用（Ioffe 与 Szegedy，2015）。",
    },
    "myth.weight_clip": {
        "en": "Weight clipping is a simple fix for exploding gradients.",
        "zh": "权重裁剪是解决梯度爆炸的简单方法。",
    },
    "fact.weight_clip": {
        "en": "It bounds every weight and so each layer's spectral norm, but it wastes "
        "capacity: after training most weights sit at ±c (Gulrajani et al. 2017, Fig. 1b). "
        "WGAN's authors call it “a clearly terrible way to "
        "enforce a Lipschitz constraint” (Arjovsky et al. 2017; Gulrajani et al. 2017).",
        "zh": "它限制了每个权重，从而限制了每层的谱范数，但浪费了模型容量：训练之后大多数权重停在 ±c"
        "（Gulrajani 等，2017，图 1b）。WGAN 的作者"
        "称之为“显然很糟糕的施加 Lipschitz 约束的方法”（Arjovsky 等，2017；Gulrajani 等，2017）。",
    },
}
