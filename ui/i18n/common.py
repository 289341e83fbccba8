"""Strings shared by every page: the shell, navigation, notices, float limits."""

STRINGS: dict[str, dict[str, str]] = {
    "app.name": {"en": "Gradient Lab", "zh": "梯度实验室"},
    "app.tagline": {
        "en": "Exploding and vanishing gradients, made visible",
        "zh": "让梯度爆炸与梯度消失看得见",
    },
    "shell.language": {"en": "Language", "zh": "语言"},
    "shell.pages": {"en": "Pages", "zh": "页面"},
    "shell.about": {
        "en": "Open source. Every number on these pages is computed live by the NumPy "
        "library in `core/`.",
        "zh": "开源项目。页面上的每个数字都由 `core/` 中的 NumPy 库实时计算。",
    },
    "shell.presenter": {"en": "Presenter mode", "zh": "演示模式"},
    "shell.presenter.help": {
        "en": "Larger type and charts for a projector; explanations fold away.",
        "zh": "为投影仪放大文字和图表，说明文字折叠起来。",
    },
    "shell.explanation": {"en": "Explanation", "zh": "说明"},
    "export.menu": {"en": "Export", "zh": "导出"},
    "export.svg": {"en": "Chart as SVG", "zh": "图表（SVG）"},
    "export.png": {"en": "Chart as PNG (2×)", "zh": "图表（PNG，2 倍）"},
    "export.csv": {"en": "Data as CSV", "zh": "数据（CSV）"},
    "preset.label": {"en": "Preset", "zh": "预设"},
    "preset.custom": {"en": "Custom settings", "zh": "自定义设置"},
    "preset.help": {
        "en": "Named settings, each a teaching moment. Choosing one sets every control.",
        "zh": "命名的设置，每个都是一个教学场景。选择后会设置所有控件。",
    },
    "share.menu": {"en": "Share this view", "zh": "分享当前视图"},
    "share.link": {
        "en": "This link opens the page exactly as you see it:",
        "zh": "此链接会打开与你现在看到的完全相同的页面：",
    },
    "share.json": {"en": "Settings as JSON", "zh": "设置（JSON）"},
    "page.home": {"en": "Home", "zh": "首页"},
    "page.chain_rule": {"en": "Chain rule", "zh": "链式法则"},
    "page.clipping": {"en": "Gradient clipping", "zh": "梯度裁剪"},
    "page.weight_clipping": {"en": "Weight clipping", "zh": "权重裁剪"},
    "page.descent": {"en": "Gradient descent", "zh": "梯度下降"},
    "page.explosion": {"en": "Explosion vs vanishing", "zh": "梯度爆炸与梯度消失"},
    "page.training": {"en": "Training lab", "zh": "训练实验室"},
    "page.explanations": {"en": "Explanations", "zh": "可解释性"},
    "page.walkthrough": {"en": "Walkthrough", "zh": "讲解流程"},
    "question.training": {
        "en": "What does an exploding gradient do to training, and which remedy saves the run?",
        "zh": "梯度爆炸对训练有什么影响？哪种方法能挽救训练？",
    },
    "question.explanations": {
        "en": "Can you trust a gradient-based explanation when the gradients explode?",
        "zh": "梯度爆炸时，基于梯度的解释还可信吗？",
    },
    "question.walkthrough": {
        "en": "A whole workshop session, scene by scene, for a presenter.",
        "zh": "按场景排好的一整节讲解，供演示者使用。",
    },
    "question.chain_rule": {
        "en": "Why does the gradient grow or shrink exponentially with depth?",
        "zh": "为什么梯度会随深度指数增长或衰减？",
    },
    "question.clipping": {
        "en": "What do clipping by value and clipping by norm do to a gradient?",
        "zh": "按值裁剪与按范数裁剪分别对梯度做了什么？",
    },
    "question.weight_clipping": {
        "en": "Does bounding the weights tame the gradient, and at what cost?",
        "zh": "限制权重能否抑制梯度？代价是什么？",
    },
    "question.descent": {
        "en": "When does a gradient step converge, oscillate or diverge?",
        "zh": "步长取多大时，梯度下降会收敛、振荡或发散？",
    },
    "question.explosion": {
        "en": "Exploding or vanishing: which remedies fix which problem?",
        "zh": "梯度爆炸还是梯度消失：哪种方法解决哪个问题？",
    },
    "notice.ignored_params": {
        "en": "Some link parameters were not valid and were replaced: {details}",
        "zh": "链接中的部分参数无效，已替换：{details}",
    },
    "notice.not_a_number": {
        "en": "`{key}={raw}` is not a number, using {value}",
        "zh": "`{key}={raw}` 不是数字，改用 {value}",
    },
    "notice.out_of_range": {
        "en": "`{key}={raw}` is outside {low}–{high}, using {value}",
        "zh": "`{key}={raw}` 超出范围 {low}–{high}，改用 {value}",
    },
    "notice.not_an_option": {
        "en": "`{key}={raw}` is not one of {options}, using {value}",
        "zh": "`{key}={raw}` 不是可选值（{options}），改用 {value}",
    },
    "notice.not_a_flag": {
        "en": "`{key}={raw}` is not true/false, using {value}",
        "zh": "`{key}={raw}` 不是 true/false，改用 {value}",
    },
    "notice.unknown_param": {
        "en": "`{key}` is not a setting of this page (ignored)",
        "zh": "`{key}` 不是本页的设置（已忽略）",
    },
    "notice.work_capped": {
        "en": "To keep the page responsive, {what} was reduced from {asked} to {used}.",
        "zh": "为保持页面流畅，{what}已从 {asked} 减少到 {used}。",
    },
    "float32.overflow": {"en": "float32 overflow (3.4e38)", "zh": "float32 上溢 (3.4e38)"},
    "float32.underflow": {
        "en": "float32 smallest normal (1.2e-38)",
        "zh": "float32 最小正规数 (1.2e-38)",
    },
    "control.seed": {"en": "Random seed", "zh": "随机种子"},
    "control.seed.help": {
        "en": "The same seed always draws the same networks, so a shared link shows the same chart.",
        "zh": "相同的种子总是生成相同的网络，分享的链接会显示相同的图表。",
    },
    "act.relu": {"en": "ReLU", "zh": "ReLU"},
    "act.leaky_relu": {"en": "Leaky ReLU (0.01)", "zh": "Leaky ReLU (0.01)"},
    "act.tanh": {"en": "tanh", "zh": "tanh"},
    "act.sigmoid": {"en": "sigmoid", "zh": "sigmoid"},
    "act.linear": {"en": "linear (identity)", "zh": "线性（恒等）"},
    "init.he": {"en": "He (Kaiming)", "zh": "He（Kaiming）初始化"},
    "init.xavier": {"en": "Xavier (Glorot)", "zh": "Xavier（Glorot）初始化"},
    "init.lecun": {"en": "LeCun", "zh": "LeCun 初始化"},
    "init.normal": {"en": "Standard normal × gain", "zh": "标准正态 × 增益"},
    "method.none": {"en": "no clipping", "zh": "不裁剪"},
    "method.value": {"en": "clip by value", "zh": "按值裁剪"},
    "method.norm": {"en": "clip by norm", "zh": "按范数裁剪"},
    "regime.vanishing": {"en": "vanishing", "zh": "梯度消失"},
    "regime.stable": {"en": "stable", "zh": "稳定"},
    "regime.exploding": {"en": "exploding", "zh": "梯度爆炸"},
    "label.layer": {"en": "layer l (0 = input)", "zh": "层 l（0 = 输入）"},
    "label.grad_ratio": {
        "en": "‖g_l‖ / ‖g_L‖ (log scale)",
        "zh": "‖g_l‖ / ‖g_L‖（对数刻度）",
    },
    "label.grad_norm": {
        "en": "gradient norm ‖∂Loss/∂a_l‖ (log scale)",
        "zh": "梯度范数 ‖∂Loss/∂a_l‖（对数刻度）",
    },
    "myth.label": {"en": "Myth", "zh": "误区"},
    "fact.label": {"en": "Fact", "zh": "事实"},
    "share.qr": {"en": "QR code", "zh": "二维码"},
    "share.qr.help": {
        "en": "The link as a QR code, for phones.",
        "zh": "以二维码显示此链接，方便手机扫码。",
    },
    "share.qr.caption": {
        "en": "Scan to open this view on a phone",
        "zh": "扫码在手机上打开当前视图",
    },
    "share.qr.large": {"en": "Show the QR code large", "zh": "放大显示二维码"},
    "share.qr.large.title": {
        "en": "Scan to follow on your phone",
        "zh": "扫码在手机上跟随",
    },
    "share.iframe": {
        "en": "Copy iframe snippet: one chart, with these settings, for slides or a course page",
        "zh": "复制 iframe 代码：单个图表，带当前设置，可嵌入幻灯片或课程页面",
    },
    "share.iframe.chart": {"en": "Chart", "zh": "图表"},
    "figure.unknown": {
        "en": "This page has no chart named `{chart}`. Its charts: {charts}.",
        "zh": "此页面没有名为 `{chart}` 的图表。本页的图表：{charts}。",
    },
    "figure.none": {"en": "none", "zh": "无"},
    "pytorch.title": {"en": "Copy as PyTorch", "zh": "复制为 PyTorch 代码"},
    "pytorch.caption": {
        "en": "A plain PyTorch script (float64) with this view's settings that prints the "
        "number the page shows. Torch draws its own random networks and data, so random "
        "results agree within the page's spread, not digit by digit; clipping a given vector "
        "agrees exactly.",
        "zh": "一段纯 PyTorch 脚本（float64），使用当前视图的设置，并打印页面上显示的数字。"
        "随机网络和数据由 torch 自己生成，因此随机结果在页面所示的波动范围内一致，而不是逐位相同；"
        "对给定向量的裁剪结果完全一致。",
    },
}
