"""Strings of the walkthrough page (wt.*); scene sentences are "wt.scene.<page>.<preset>"."""

STRINGS: dict[str, dict[str, str]] = {
    "wt.intro": {
        "en": "A whole session in scenes. Each scene opens a page at a preset; say the sentence, "
        "let the audience look, then come back here for the next one. Tip: switch on presenter "
        "mode in the sidebar first.",
        "zh": "按场景排好的一整节课。每个场景会以预设打开一个页面；念出提示语，让听众观察，然后回到这里"
        "进入下一个场景。提示：先在侧边栏打开演示模式。",
    },
    "wt.scene": {"en": "Scene", "zh": "场景"},
    "wt.scene.help": {
        "en": "The scene number is in the address, so a link resumes the session here.",
        "zh": "场景编号保存在地址中，链接可以从这里继续讲解。",
    },
    "wt.heading": {"en": "Scene {n} of {total}: {page}", "zh": "场景 {n} / {total}：{page}"},
    "wt.preset": {"en": "Preset: {preset}", "zh": "预设：{preset}"},
    "wt.say": {"en": "Say:", "zh": "提示语："},
    "wt.item": {"en": "{n}. {page}: {preset}", "zh": "{n}. {page}：{preset}"},
    "wt.open": {"en": "Open this scene", "zh": "打开这个场景"},
    "wt.previous": {"en": "Previous", "zh": "上一个"},
    "wt.next": {"en": "Next", "zh": "下一个"},
    "wt.all": {"en": "All scenes", "zh": "全部场景"},
    # One or two sentences per scene of ui/presets.py SCENES: "wt.scene.<page>.<preset>".
    "wt.scene.chain_rule.healthy": {
        "en": "Start healthy: ReLU with He initialisation. Over 50 layers the gradient keeps its size, because each layer multiplies its squared norm by about 1.",
        "zh": "从健康的网络开始：ReLU 加 He 初始化。经过 50 层，梯度大小基本不变，因为每一层让梯度范数的平方乘以约 1。",
    },
    "wt.scene.chain_rule.exploding": {
        "en": "Change only the gain, from 1 to 1.5. Every layer now multiplies the gradient by 1.5, and 50 layers turn that into almost 9 decades: gradient explosion.",
        "zh": "只把增益从 1 改成 1.5。现在每一层都把梯度乘以 1.5，50 层下来就是将近 9 个数量级：这就是梯度爆炸。",
    },
    "wt.scene.chain_rule.relu_not_the_cause": {
        "en": "Now take ReLU out and keep the same weights: the gradient explodes. ReLU's derivative is 0 or 1, so it never amplifies; on average it halves the squared gradient, which He initialisation compensates.",
        "zh": "现在去掉 ReLU，权重保持不变：梯度反而爆炸了。ReLU 的导数是 0 或 1，它从不放大梯度；平均来说它让梯度平方减半，He 初始化正是为了补偿这一点。",
    },
    "wt.scene.chain_rule.vanishing": {
        "en": "Sigmoid's derivative is at most ¼. With Xavier weights every layer shrinks the gradient, and after 30 layers it is about 19 decades smaller: gradient vanishing.",
        "zh": "sigmoid 的导数最大只有 ¼。在 Xavier 权重下每一层都让梯度变小，30 层之后小了约 19 个数量级：这就是梯度消失。",
    },
    "wt.scene.explosion.defaults": {
        "en": "Two networks on one axis: the sigmoid network vanishes, the ReLU network with gain 1.5 explodes. In both, depth is the exponent.",
        "zh": "两个网络画在同一坐标轴上：sigmoid 网络梯度消失，增益 1.5 的 ReLU 网络梯度爆炸。两者的深度都是指数。",
    },
    "wt.scene.explosion.bn_rescues_vanishing": {
        "en": "Switch on batch normalisation for the sigmoid network: each layer's input is standardised again, and the gradient no longer vanishes.",
        "zh": "给 sigmoid 网络打开批量归一化：每一层的输入都被重新标准化，梯度不再消失。",
    },
    "wt.scene.explosion.residual_rescues": {
        "en": "Residual connections give the gradient an identity path around every layer: both networks become stable, at the same depth.",
        "zh": "残差连接让梯度在每一层旁边都有一条恒等通路：在相同深度下，两个网络都变得稳定。",
    },
    "wt.scene.explosion.bn_alone_explodes_relu": {
        "en": "Careful: batch normalisation alone is not a cure. The plain ReLU network on the left is stable; with batch normalisation and no shortcuts, the one on the right explodes.",
        "zh": "注意：只用批量归一化并不能根治。左边的普通 ReLU 网络是稳定的；右边加了批量归一化但没有残差连接，梯度反而爆炸。",
    },
    "wt.scene.clipping.value_bends_direction": {
        "en": "Two clipping rules. Clipping by norm shortens the arrow and keeps its direction; clipping by value caps each component separately and turns the gradient, here by 30°.",
        "zh": "两种裁剪规则。按范数裁剪缩短箭头并保持方向；按值裁剪分别截断每个分量，使梯度转向，这里转了 30°。",
    },
    "wt.scene.clipping.clipping_saves_cliff": {
        "en": "A loss with a cliff: one step onto the wall throws plain gradient descent far away. Either clipping rule bounds that one step, and both paths reach the minimum.",
        "zh": "带悬崖的损失函数：一步踩到崖壁上，普通梯度下降就被甩得很远。两种裁剪规则都限制了这一步，两条路径都到达了最小值。",
    },
    "wt.scene.explosion.clipping_only_caps": {
        "en": "Gradient clipping rescales all layers together: every line shifts down by the same amount. It caps the step of an exploding gradient, but it cannot revive a vanishing one.",
        "zh": "梯度裁剪把所有层一起缩放：每条线都下移同样的距离。它能限制梯度爆炸时的步长，却无法挽回已经消失的梯度。",
    },
    "wt.scene.weight_clipping.wgan_c_001": {
        "en": "Weight clipping at WGAN's c = 0.01: almost every weight sits exactly at ±c, the gradient vanishes by dozens of decades, and the run clipped at c learns nothing.",
        "zh": "按 WGAN 的 c = 0.01 做权重裁剪：几乎所有权重都恰好停在 ±c，梯度消失了几十个数量级，裁剪于 c 的那次训练什么也没学到。",
    },
    "wt.scene.descent.oscillating": {
        "en": "Forget networks for a moment: one parameter, f(x) = λx²/2. Each step multiplies x "
        "by 1 − ηλ. Between 1/λ and 2/λ that factor is negative: x overshoots, changes sign, "
        "and still converges.",
        "zh": "先不看网络：只有一个参数，f(x) = λx²/2。每一步都把 x 乘以 1 − ηλ。η 在 1/λ 与 2/λ "
        "之间时这个因子为负：x 越过最低点、改变符号，但仍然收敛。",
    },
    "wt.scene.descent.lr_past_2_over_lambda": {
        "en": "Past 2/λ the factor's size exceeds 1: |x| grows by 1.4 per step here, 28.9 after ten "
        "steps. That is what a too-large learning rate does, with no network involved.",
        "zh": "超过 2/λ 后，因子的绝对值大于 1：这里每步 |x| 乘以 1.4，十步后达到 28.9。"
        "学习率过大就会这样，与网络无关。",
    },
    "wt.scene.descent.decay_rescues": {
        "en": "Start with the same too-large rate but let it decay: as soon as it drops below 2/λ, "
        "|x| turns around and converges. The constant rate keeps diverging.",
        "zh": "从同样过大的学习率开始，但让它逐渐衰减：一旦低于 2/λ，|x| 就掉头收敛。"
        "固定学习率则一直发散。",
    },
    "wt.scene.explanations.exploding": {
        "en": "Why care about explanations? Train the same model twice in the exploding regime: "
        "the two saliency maps no longer agree. An explanation of a model trained this way "
        "says more about the seed than about the data.",
        "zh": "为什么要关心可解释性？在梯度爆炸的区间把同一个模型训练两次：两张显著性图不再一致。"
        "这样训练出来的模型，其解释更多反映的是随机种子，而不是数据。",
    },
    "wt.scene.explanations.exploding_clipped": {
        "en": "Same gain, same learning rate, now with gradient clipping: the two seeds' "
        "explanations agree again. Read the numbers on the page: they decide what it says.",
        "zh": "同样的增益和学习率，加上梯度裁剪：两个种子的解释重新一致。请看页面上的数字："
        "页面的结论由它们决定。",
    },
    "wt.scene.training.exploding_norm": {
        "en": "Now real training. A deep ReLU network at gain 2 diverges within a few steps: the "
        "page says at which step and which number left float32. Run B is the same network with "
        "gradient norm clipping, and it trains.",
        "zh": "现在看真正的训练。增益为 2 的深层 ReLU 网络几步之内就发散：页面会说明在第几步、哪个数超出了 "
        "float32。配置 B 是同一个网络加上按范数的梯度裁剪，它能正常训练。",
    },
    "wt.scene.training.residual": {
        "en": "The opposite problem: a deep sigmoid network barely learns, its first layers get "
        "almost no gradient. Residual connections give the gradient a path around every layer, "
        "and the same network trains.",
        "zh": "相反的问题：深层 sigmoid 网络几乎学不动，前面几层几乎得不到梯度。残差连接为梯度提供了绕过每一层的"
        "通路，同一个网络就能训练了。",
    },
}
