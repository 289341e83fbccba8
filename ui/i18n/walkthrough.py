"""Strings of the walkthrough page (wt.*); scene sentences are "wt.scene.<page>.<preset>"."""

STRINGS: dict[str, dict[str, str]] = {
    "wt.intro": {
        "en": "A whole session in scenes. Each scene opens a page at a preset; say the sentence, "
        "let the audience look, then come back here for the next one. Tip: switch on presenter "
        "mode in the sidebar first.",
        "zh": "按场景排好的一整节课。每个场景会以预设打开一个页面；念出讲解词，让听众观察，然后回到这里"
        "进入下一个场景。提示：先在侧边栏打开演示模式。",
    },
    "wt.scene": {"en": "Scene", "zh": "场景"},
    "wt.scene.help": {
        "en": "The scene number is in the address, so a link resumes the session here.",
        "zh": "场景编号保存在地址中，链接可以从这里继续讲解。",
    },
    "wt.heading": {"en": "Scene {n} of {total}: {page}", "zh": "场景 {n} / {total}：{page}"},
    "wt.preset": {"en": "Preset: {preset}", "zh": "预设：{preset}"},
    "wt.say": {"en": "Say:", "zh": "讲解词："},
    "wt.item": {"en": "{n}. {page}: {preset}", "zh": "{n}. {page}：{preset}"},
    "wt.open": {"en": "Open this scene", "zh": "打开这个场景"},
    "wt.previous": {"en": "Previous", "zh": "上一个"},
    "wt.next": {"en": "Next", "zh": "下一个"},
    "wt.all": {"en": "All scenes", "zh": "全部场景"},
    # One or two sentences per scene of ui/presets.py SCENES: "wt.scene.<page>.<preset>".
    # Placeholders: the preset's control values by name, plus what pages/8_walkthrough.py
    # computes with core/ for the scene (decades, factors, angles, shares). An outcome that is
    # not computed here is checked against core/ at the preset by tests/pages/test_walkthrough*.
    "wt.scene.chain_rule.healthy": {
        "en": "Start healthy: ReLU with He initialisation at gain {gain}. Each layer multiplies "
        "the expected squared gradient norm by n·Var[w]·E[φ′²] = {factor}, so over {depth} "
        "weight layers the gradient keeps its size: {decades} decades in expectation.",
        "zh": "从健康的网络开始：ReLU 加 He 初始化，增益 {gain}。每一层让梯度范数平方的期望乘以 "
        "n·Var[w]·E[φ′²] = {factor}，所以经过 {depth} 个权重层，梯度大小基本不变：期望值为 {decades} "
        "个数量级。",
    },
    "wt.scene.chain_rule.exploding": {
        "en": "Change only the gain, from {before} to {gain}. Each layer now multiplies the "
        "expected squared gradient norm by {factor}, the norm by about {gain}, and {depth} "
        "layers turn that into {decades} decades: gradient explosion.",
        "zh": "只把增益从 {before} 改成 {gain}。现在每一层让梯度范数平方的期望乘以 {factor}，范数本身约乘以 "
        "{gain}，{depth} 层下来就是 {decades} 个数量级：这就是梯度爆炸。",
    },
    "wt.scene.chain_rule.relu_not_the_cause": {
        "en": "Now take ReLU out and keep the same He weights: the gradient explodes, by "
        "{decades} decades over {depth} layers. ReLU's derivative is 0 or 1, so it never "
        "amplifies; on average it halves the squared gradient, which He initialisation "
        "compensates with n·Var[w] = {nvar}. Without ReLU nothing halves it: each layer "
        "multiplies it by {factor}.",
        "zh": "现在去掉 ReLU，保持同样的 He 权重：梯度反而爆炸了，{depth} 层下来是 {decades} 个数量级。"
        "ReLU 的导数是 0 或 1，它从不放大梯度；平均来说它让梯度平方减半，He 初始化用 n·Var[w] = {nvar} "
        "补偿了这一点。去掉 ReLU 后没有东西让它减半：每一层都把它乘以 {factor}。",
    },
    "wt.scene.chain_rule.vanishing": {
        "en": "Sigmoid with Xavier weights: n·Var[w] = {nvar}, and σ′ ≤ 1/4 makes E[σ′²] ≤ "
        "1/16, so each layer multiplies the expected squared gradient by at most {bound}. "
        "After {depth} layers the gradient is at least {decades} decades smaller in root mean "
        "square: gradient vanishing. The weight scale and the derivative decide it together.",
        "zh": "sigmoid 加 Xavier 权重：n·Var[w] = {nvar}，而 σ′ ≤ 1/4 使 E[σ′²] ≤ 1/16，所以每一层让梯度平方"
        "的期望最多乘以 {bound}。{depth} 层之后，梯度的均方根至少小了 {decades} 个数量级：这就是梯度消失。"
        "决定它的是权重尺度与导数两者共同作用。",
    },
    "wt.scene.explosion.defaults": {
        "en": "Two networks on one axis: the sigmoid network vanishes ({left} decades), the "
        "ReLU network with gain {r_gain} explodes ({right} decades). In both, the depth "
        "({l_depth} weight layers) is the exponent.",
        "zh": "两个网络画在同一坐标轴上：sigmoid 网络梯度消失（{left} 个数量级），增益 {r_gain} 的 ReLU "
        "网络梯度爆炸（{right} 个数量级）。两者的深度（{l_depth} 个权重层）都是指数。",
    },
    "wt.scene.explosion.bn_rescues_vanishing": {
        "en": "Switch on batch normalisation for the sigmoid network: each layer's "
        "pre-activations are standardised again, and the gradient no longer vanishes: "
        "{before} → {left} decades.",
        "zh": "给 sigmoid 网络打开批量归一化：每一层的预激活都被重新标准化，梯度不再消失："
        "{before} → {left} 个数量级。",
    },
    "wt.scene.explosion.bn_alone_explodes_relu": {
        "en": "Careful: batch normalisation alone is not a cure. Both networks are ReLU with "
        "He at gain {r_gain} now. The plain one on the left is stable ({left} decades); with "
        "batch normalisation and no shortcuts, the one on the right explodes ({right} "
        "decades).",
        "zh": "注意：只用批量归一化并不能根治。现在两个网络都是 ReLU 加 He 初始化，增益 {r_gain}。左边的普通"
        "网络是稳定的（{left} 个数量级）；右边加了批量归一化但没有捷径，梯度反而爆炸（{right} 个数量级）。",
    },
    "wt.scene.explosion.residual_rescues": {
        "en": "Residual connections give the gradient an identity path around each of the "
        "{l_depth} weight layers: at this depth both networks are stable ({left} and {right} "
        "decades). That is not a bound in depth: at depth {deep} the ReLU network with "
        "shortcuts reaches {deep_right} decades. The chart “Growth against depth” shows how "
        "it rises.",
        "zh": "残差连接让梯度在 {l_depth} 个权重层的每一层旁边都有一条恒等通路：在这个深度下，两个网络都是稳定的"
        "（{left} 和 {right} 个数量级）。但这并不是随深度的上界：深度 {deep} 时，有捷径的 ReLU 网络达到 "
        "{deep_right} 个数量级。“增长与深度”图表画出了它如何上升。",
    },
    "wt.scene.clipping.value_bends_direction": {
        "en": "Two clipping rules. Clipping by norm shortens the arrow and keeps its direction; "
        "clipping by value caps each component separately and turns the gradient, here by "
        "{angle}°.",
        "zh": "两种裁剪规则。按范数裁剪缩短箭头并保持方向；按值裁剪分别截断每个分量，使梯度转向，这里转了 "
        "{angle}°。",
    },
    "wt.scene.clipping.clipping_saves_cliff": {
        "en": "A loss with a cliff: one step onto the wall throws plain gradient descent far "
        "away. Either clipping rule, at threshold {ct}, bounds that one step, and both "
        "clipped paths reach the minimum.",
        "zh": "带悬崖的损失函数：一步踩到崖壁上，普通梯度下降就被甩得很远。两种裁剪规则（阈值 {ct}）都限制了"
        "这一步，两条裁剪后的路径都到达了最小值。",
    },
    "wt.scene.explosion.clipping_only_caps": {
        "en": "Gradient clipping rescales all layers of a network together: in each chart every "
        "layer shifts down by the same number of decades, {left_shift} for the sigmoid "
        "network, {right_shift} for the ReLU network. It caps the step of an exploding "
        "gradient, but it cannot revive a vanishing one.",
        "zh": "梯度裁剪把一个网络的所有层一起缩放：每张图里每一层都下移同样多的数量级，sigmoid 网络下移 "
        "{left_shift}，ReLU 网络下移 {right_shift}。它能限制梯度爆炸时的步长，却无法挽回已经消失的梯度。",
    },
    "wt.scene.weight_clipping.wgan_c_001": {
        "en": "Weight clipping at WGAN's c = {c}: {share} of the weights sit exactly at ±c, "
        "the gradient vanishes by dozens of decades, and the run clipped at c learns nothing.",
        "zh": "按 WGAN 的 c = {c} 做权重裁剪：{share} 的权重恰好停在 ±c，梯度消失了几十个数量级，裁剪于 c "
        "的那次训练什么也没学到。",
    },
    "wt.scene.descent.oscillating": {
        "en": "Forget networks for a moment: one parameter, f(x) = λx²/2 with λ = {lam}. Each "
        "step multiplies x by 1 − ηλ, here {factor} at η = {eta}. Between 1/λ and 2/λ that "
        "factor is negative: x overshoots, changes sign, and still converges.",
        "zh": "先不看网络：只有一个参数，f(x) = λx²/2，λ = {lam}。每一步都把 x 乘以 1 − ηλ，η = {eta} "
        "时为 {factor}。η 在 1/λ 与 2/λ 之间时这个因子为负：x 越过最低点、改变符号，但仍然收敛。",
    },
    "wt.scene.descent.lr_past_2_over_lambda": {
        "en": "Past 2/λ the factor's size exceeds 1: at η = {eta}, |x| grows by {size} per "
        "step, from {x0} to {xk} after {k} steps. That is what a too-large learning rate "
        "does, with no network involved.",
        "zh": "超过 2/λ 后，因子的绝对值大于 1：η = {eta} 时，每步 |x| 乘以 {size}，{k} 步后从 {x0} 变成 "
        "{xk}。学习率过大就会这样，与网络无关。",
    },
    "wt.scene.descent.decay_rescues": {
        "en": "A schedule: start above 2/λ, at η₀ = {eta0}, and let the rate decay "
        "exponentially to {last}. Since η₀ > 2/λ, the constant rate keeps diverging; since "
        "the decay ends below 2/λ, the decaying rate makes |x| turn around and converge.",
        "zh": "学习率调度：从高于 2/λ 的 η₀ = {eta0} 开始，让学习率按指数衰减到 {last}。因为 η₀ > 2/λ，"
        "固定学习率一直发散；因为衰减结束时低于 2/λ，衰减的学习率让 |x| 掉头并收敛。",
    },
    "wt.scene.explanations.exploding": {
        "en": "Why care about explanations? Train the same model twice, with two seeds, in the "
        "exploding regime (gain {gain}, learning rate {lr}) and compare the two saliency "
        "maps: the page measures how far they agree. Where they do not, an explanation of a "
        "model trained this way says more about the seed than about the data.",
        "zh": "为什么要关心可解释性？在梯度爆炸的区间（增益 {gain}，学习率 {lr}）用两个种子把同一个模型训练两次，"
        "比较两张显著性图：页面会测量它们有多一致。若不一致，这样训练出来的模型，其解释更多反映的是随机种子，"
        "而不是数据。",
    },
    "wt.scene.explanations.exploding_clipped": {
        "en": "Same gain and learning rate, now with gradient clipping at c = {c}: compare the "
        "two seeds' agreement with the previous scene. Read the numbers on the page: they "
        "decide what it says.",
        "zh": "同样的增益和学习率，加上 c = {c} 的梯度裁剪：把两个种子解释的一致程度与上一个场景比较。请看页面上"
        "的数字：页面的结论由它们决定。",
    },
    "wt.scene.training.exploding_norm": {
        "en": "Now real training. A ReLU network of {depth} weight layers at gain {gain} "
        "diverges within a few steps: the page says at which step and which number left "
        "float32. Run B is the same network with gradient norm clipping at {bthr}, and it "
        "trains.",
        "zh": "现在看真正的训练。{depth} 个权重层、增益 {gain} 的 ReLU 网络几步之内就发散：页面会说明在第几步、"
        "哪个数超出了 float32。配置 B 是同一个网络加上阈值 {bthr} 的按范数梯度裁剪，它能正常训练。",
    },
    "wt.scene.training.residual": {
        "en": "The opposite problem: a sigmoid network of {depth} weight layers barely learns; "
        "its first layers get almost no gradient. Residual connections give the gradient a "
        "path around every hidden layer after the first (the first maps the 2-D input to the "
        "width), and the same network trains.",
        "zh": "相反的问题：{depth} 个权重层的 sigmoid 网络几乎学不动，前面几层几乎得不到梯度。残差连接为梯度"
        "提供了绕过第一层之后每个隐藏层的通路（第一层把二维输入映射到网络宽度），同一个网络就能训练了。",
    },
}
