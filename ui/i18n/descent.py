"""Strings of the gradient-descent page (prefix "gd."): key -> {"en": ..., "zh": ...}."""

STRINGS: dict[str, dict[str, str]] = {
    "gd.intro": {
        "en": "On a quadratic $f(x) = \\frac{\\lambda}{2}x^2$ the gradient is $\\lambda x$, so one "
        "step of gradient descent multiplies $x$ by the same number $1-\\eta\\lambda$ every time. "
        "Whether the run converges, oscillates or blows up depends only on that number.",
        "zh": "在二次函数 $f(x) = \\frac{\\lambda}{2}x^2$ 上，梯度是 $\\lambda x$，所以梯度下降的每一步"
        "都把 $x$ 乘以同一个数 $1-\\eta\\lambda$。迭代是收敛、振荡还是发散，只取决于这个数。",
    },
    "gd.step": {"en": "step k", "zh": "步数 k"},
    "gd.sign": {"en": "sign of x_k", "zh": "x_k 的符号"},
    "gd.sign_pos": {"en": "x_k > 0", "zh": "x_k > 0"},
    "gd.sign_neg": {"en": "x_k < 0", "zh": "x_k < 0"},
    # regimes of a fixed step (core.descent.regime)
    "gd.regime.no_progress": {"en": "no progress", "zh": "原地不动"},
    "gd.regime.monotone": {"en": "monotone", "zh": "单调收敛"},
    "gd.regime.one_step": {"en": "one step", "zh": "一步到位"},
    "gd.regime.oscillating": {"en": "oscillating", "zh": "振荡收敛"},
    "gd.regime.no_convergence": {"en": "no convergence", "zh": "不收敛"},
    "gd.regime.diverging": {"en": "diverging", "zh": "发散"},
    "gd.regime_text.no_progress": {
        "en": "η = 0: the factor is 1 and x never moves.",
        "zh": "η = 0：乘数为 1，x 永远不动。",
    },
    "gd.regime_text.monotone": {
        "en": "η < 1/λ = {one}: every step keeps the sign and shrinks |x| by the factor {f}. "
        "Safe, but slow when η is small.",
        "zh": "η < 1/λ = {one}：每一步保持符号，|x| 乘以 {f} 而缩小。安全，但 η 很小时很慢。",
    },
    "gd.regime_text.one_step": {
        "en": "η = 1/λ = {one}: the factor is 0, so the first step lands exactly on the minimum.",
        "zh": "η = 1/λ = {one}：乘数为 0，第一步就恰好落在最小值点。",
    },
    "gd.regime_text.oscillating": {
        "en": "1/λ < η < 2/λ (= {one} … {two}): each step overshoots the minimum, x flips sign, "
        "but |x| still shrinks by |1 − ηλ| = {f} per step.",
        "zh": "1/λ < η < 2/λ（= {one} … {two}）：每一步都越过最小值点，x 改变符号，"
        "但 |x| 每步仍乘以 |1 − ηλ| = {f} 而缩小。",
    },
    "gd.regime_text.no_convergence": {
        "en": "η = 2/λ = {two}: the factor is −1, so x jumps between +x₀ and −x₀ forever.",
        "zh": "η = 2/λ = {two}：乘数为 −1，x 在 +x₀ 与 −x₀ 之间永远来回跳。",
    },
    "gd.regime_text.diverging": {
        "en": "η > 2/λ = {two}: |1 − ηλ| = {f} > 1, so every step multiplies |x| by more than 1: "
        "the iterates alternate in sign and grow exponentially. This is the learning-rate "
        "version of an explosion.",
        "zh": "η > 2/λ = {two}：|1 − ηλ| = {f} > 1，每一步都把 |x| 放大：迭代值正负交替并指数增长。"
        "这就是学习率过大导致的爆炸。",
    },
    # (a) one dimension
    "gd.a.title": {"en": "1 · One dimension: the step size decides", "zh": "1 · 一维：步长决定一切"},
    "gd.a.intro": {
        "en": "Pick a curvature λ and a learning rate η. The thresholds are 1/λ (one step to the "
        "minimum) and 2/λ (beyond it, divergence).",
        "zh": "选择曲率 λ 和学习率 η。两个阈值是 1/λ（一步到达最小值）和 2/λ（超过它就发散）。",
    },
    "gd.a.lam": {"en": "curvature λ", "zh": "曲率 λ"},
    "gd.a.lam.help": {
        "en": "The second derivative f''(x) = λ: how sharply the parabola bends.",
        "zh": "二阶导数 f''(x) = λ：抛物线弯曲的程度。",
    },
    "gd.a.eta": {"en": "learning rate η", "zh": "学习率 η"},
    "gd.a.eta.help": {
        "en": "The step size of x ← x − η f'(x).",
        "zh": "更新 x ← x − η f'(x) 的步长。",
    },
    "gd.a.x0": {"en": "start x₀", "zh": "起点 x₀"},
    "gd.a.steps": {"en": "steps", "zh": "步数"},
    "gd.a.m_regime": {"en": "regime", "zh": "行为"},
    "gd.a.m_factor": {"en": "factor per step 1 − ηλ", "zh": "每步乘数 1 − ηλ"},
    "gd.a.m_factor.help": {
        "en": "x_{k+1} = (1 − ηλ) x_k. Its absolute value below 1 means convergence.",
        "zh": "x_{k+1} = (1 − ηλ) x_k。其绝对值小于 1 即收敛。",
    },
    "gd.a.m_thresholds": {"en": "thresholds 1/λ · 2/λ", "zh": "阈值 1/λ · 2/λ"},
    "gd.a.m_last": {"en": "x after step {k}", "zh": "第 {k} 步后的 x"},
    "gd.a.start_zero": {
        "en": "x₀ = 0 is already the minimum: every x_k is exactly 0, and a log axis has no "
        "place for 0, so the log chart is left out.",
        "zh": "x₀ = 0 已经是最小值点：所有 x_k 都恰好为 0，对数坐标无法表示 0，因此不画对数图。",
    },
    "gd.a.exact_zero": {
        "en": "The run reaches 0 exactly at step {k} (ηλ = 1 makes the factor exactly 0) and "
        "stays there. A log axis cannot show 0, so the log chart stops before step {k}.",
        "zh": "迭代在第 {k} 步恰好到达 0（ηλ = 1 使乘数恰为 0），之后一直为 0。"
        "对数坐标无法表示 0，因此对数图在第 {k} 步之前结束。",
    },
    "gd.a.x": {"en": "x", "zh": "x"},
    "gd.a.f": {"en": "loss f(x) = λ/2 · x²", "zh": "损失 f(x) = λ/2 · x²"},
    "gd.a.parabola_title": {"en": "The iterates on the parabola", "zh": "抛物线上的迭代点"},
    "gd.a.parabola_export_title": {
        "en": "The iterates on the parabola (λ = {lam}, η = {eta})",
        "zh": "抛物线上的迭代点（λ = {lam}，η = {eta}）",
    },
    "gd.a.parabola_caption": {
        "en": "Numbers are step indices. Notice whether the points stay on one side (monotone), "
        "zig-zag inwards (oscillating) or zig-zag outwards (diverging).",
        "zh": "数字是步数。注意迭代点是停在一侧（单调）、来回向内收缩（振荡收敛），还是来回向外扩张（发散）。",
    },
    "gd.a.cut": {
        "en": "Steps {first}–{last} left the plot (|x| > {bound}); the log chart shows all of them.",
        "zh": "第 {first}–{last} 步超出了图的范围（|x| > {bound}）；对数图显示了全部步数。",
    },
    "gd.a.abs_x": {"en": "|x_k| (log scale)", "zh": "|x_k|（对数刻度）"},
    "gd.a.log_title": {"en": "Distance to the minimum |x_k| per step", "zh": "每步到最小值的距离 |x_k|"},
    "gd.a.log_caption": {
        "en": "A straight line on a log axis: |x_k| = |1 − ηλ|^k |x₀|. The slope is "
        "log10|1 − ηλ| decades per step; triangles mark negative iterates. Computed as a sum of "
        "logarithms, so even a run far beyond float64 ({max}) is drawn.",
        "zh": "对数坐标上是一条直线：|x_k| = |1 − ηλ|^k |x₀|，斜率为每步 log10|1 − ηλ| 个数量级；"
        "三角形表示负的迭代值。按对数求和计算，所以即使远超 float64（{max}）也能画出。",
    },
    "gd.a.eta_axis": {"en": "learning rate η", "zh": "学习率 η"},
    "gd.a.factor_axis": {"en": "|1 − ηλ| (shrink factor per step)", "zh": "|1 − ηλ|（每步缩放因子）"},
    "gd.a.stability_title": {
        "en": "Stability: the factor |1 − ηλ| against the learning rate",
        "zh": "稳定性：缩放因子 |1 − ηλ| 与学习率的关系",
    },
    "gd.a.stability_export_title": {
        "en": "Stability: the factor |1 − ηλ| against the learning rate (λ = {lam})",
        "zh": "稳定性：缩放因子 |1 − ηλ| 与学习率的关系（λ = {lam}）",
    },
    "gd.a.one_label": {"en": "|1 − ηλ| = 1: the edge of stability", "zh": "|1 − ηλ| = 1：稳定性边界"},
    "gd.a.stability_caption": {
        "en": "Below the grey line (shaded) every step shrinks |x|. The V touches 0 at η = 1/λ "
        "and is back at 1 at η = 2/λ: twice the one-step rate 1/λ no longer converges, and anything "
        "larger diverges.",
        "zh": "灰线以下（阴影区）每一步都缩小 |x|。V 形在 η = 1/λ 处触到 0，在 η = 2/λ 处再次等于 1："
        "一步到位学习率 1/λ 的两倍就不再收敛，再大就发散。",
    },
    # (b) two dimensions
    "gd.b.title": {
        "en": "2 · Two dimensions: one step for two curvatures",
        "zh": "2 · 二维：两个曲率，一个步长",
    },
    "gd.b.intro": {
        "en": "On $f(x) = \\frac{L}{2}x_1^2 + \\frac{\\mu}{2}x_2^2$ the same η must serve the steep "
        "direction (it must stay below 2/L) and the flat one (where it makes progress "
        "$1-\\eta\\mu$ per step). The best compromise is $\\eta^* = 2/(L+\\mu)$, and even then "
        "each step only multiplies the distance by $(\\kappa-1)/(\\kappa+1)$, "
        "$\\kappa = L/\\mu$.",
        "zh": "在 $f(x) = \\frac{L}{2}x_1^2 + \\frac{\\mu}{2}x_2^2$ 上，同一个 η 要同时照顾陡峭方向"
        "（必须小于 2/L）和平坦方向（每步只缩小到 $1-\\eta\\mu$）。最佳折中是 $\\eta^* = 2/(L+\\mu)$，"
        "即便如此，距离每步也只缩小到 $(\\kappa-1)/(\\kappa+1)$，其中 $\\kappa = L/\\mu$。",
    },
    "gd.b.L": {"en": "largest curvature L", "zh": "最大曲率 L"},
    "gd.b.mu": {"en": "smallest curvature μ", "zh": "最小曲率 μ"},
    "gd.b.frac": {"en": "learning rate η as a fraction of 2/L", "zh": "学习率 η（2/L 的倍数）"},
    "gd.b.frac.help": {
        "en": "η = fraction × 2/L. Above 1 the steep direction diverges.",
        "zh": "η = 倍数 × 2/L。大于 1 时陡峭方向发散。",
    },
    "gd.b.steps": {"en": "steps", "zh": "步数"},
    "gd.b.swapped": {
        "en": "μ was larger than L; the two are swapped so that L = {L} is the largest curvature "
        "and μ = {mu} the smallest.",
        "zh": "μ 大于 L；已交换两者，使 L = {L} 为最大曲率，μ = {mu} 为最小曲率。",
    },
    "gd.b.m_kappa": {"en": "condition number κ = L/μ", "zh": "条件数 κ = L/μ"},
    "gd.b.m_best": {"en": "best fixed step 2/(L+μ)", "zh": "最佳固定步长 2/(L+μ)"},
    "gd.b.m_best.help": {
        "en": "The step that shrinks the steep and the flat direction by the same factor "
        "(Nesterov 2004, Theorem 2.1.15, Sec. 2.1.5).",
        "zh": "使陡峭方向与平坦方向缩放因子相同的步长（Nesterov 2004，定理 2.1.15，第 2.1.5 节）。",
    },
    "gd.b.m_rate": {"en": "its rate (κ−1)/(κ+1)", "zh": "其收敛率 (κ−1)/(κ+1)"},
    "gd.b.m_rate.help": {
        "en": "The distance to the minimum is multiplied by this each step at the best step.",
        "zh": "在最佳步长下，到最小值的距离每步乘以这个数。",
    },
    "gd.b.m_eta": {"en": "your step η", "zh": "当前步长 η"},
    "gd.b.m_own_rate": {"en": "your rate max|1 − ηλᵢ|", "zh": "当前步长的每步因子 max|1 − ηλᵢ|"},
    "gd.b.m_own_rate.help": {
        "en": "The slowest direction's factor: it sets the speed in the long run.",
        "zh": "最慢方向的因子：它决定长期的收敛速度。",
    },
    "gd.b.no_shrink": {
        "en": "η = {eta} is at or above 2/L = {two}: the steep direction does not shrink, "
        "so the run never reaches the minimum.",
        "zh": "η = {eta} 不小于 2/L = {two}：陡峭方向不再缩小，迭代永远到不了最小值。",
    },
    "gd.b.compare": {
        "en": "To shrink the distance by a factor of {factor}, your step needs **{own}** steps; "
        "the best fixed step needs **{best}**.",
        "zh": "要把距离缩小 {factor} 倍，当前步长需要 **{own}** 步；最佳固定步长需要 **{best}** 步。",
    },
    "gd.b.current": {"en": "your step η", "zh": "当前步长 η"},
    "gd.b.optimal": {"en": "best fixed step 2/(L+μ)", "zh": "最佳固定步长 2/(L+μ)"},
    "gd.b.paths_export_title": {
        "en": "Paths over the loss contours (L = {L}, μ = {mu}, η = {eta})",
        "zh": "损失等高线上的路径（L = {L}，μ = {mu}，η = {eta}）",
    },
    "gd.b.x1": {"en": "x₁ (steep direction, curvature L)", "zh": "x₁（陡峭方向，曲率 L）"},
    "gd.b.x2": {"en": "x₂ (flat direction, curvature μ)", "zh": "x₂（平坦方向，曲率 μ）"},
    "gd.b.series": {"en": "step size", "zh": "步长"},
    "gd.b.contour_title": {"en": "Paths over the loss contours", "zh": "损失等高线上的路径"},
    "gd.b.contour_caption": {
        "en": "Equal scales on both axes. A step near 2/L zig-zags across the steep direction; "
        "when κ is large it also crawls along the flat one. The best step balances the two "
        "directions. The cross is the minimum.",
        "zh": "两轴刻度相同。接近 2/L 的步长在陡峭方向上来回锯齿；κ 很大时，它沿平坦方向也前进得很慢。"
        "最佳步长平衡了两个方向。十字是最小值点。",
    },
    "gd.b.cut": {
        "en": "The diverging path leaves the plot; the right chart follows it.",
        "zh": "发散的路径离开了绘图区；右图继续跟踪它。",
    },
    "gd.b.exact_zero": {
        "en": "{name}: with L = μ a step of 1/L lands exactly on the minimum at step {k}; a log "
        "axis cannot show a distance of 0, so that line stops there.",
        "zh": "{name}：当 L = μ 时，步长 1/L 在第 {k} 步恰好到达最小值点；对数坐标无法表示距离 0，"
        "该曲线在此结束。",
    },
    "gd.b.dist": {"en": "‖x_k‖ (log scale)", "zh": "‖x_k‖（对数刻度）"},
    "gd.b.dist_title": {"en": "Distance to the minimum per step", "zh": "每步到最小值的距离"},
    "gd.b.dist_caption": {
        "en": "The best fixed step is an exact straight line with slope log10((κ−1)/(κ+1)). "
        "No fixed step does better in the long run: a steeper early drop always ends on a "
        "flatter line.",
        "zh": "最佳固定步长恰好是一条直线，斜率为 log10((κ−1)/(κ+1))。从长期看，没有哪个固定步长更好："
        "前期下降更快的，后期斜率一定更平。",
    },
    # (c) schedules
    "gd.c.title": {
        "en": "3 · Schedules: can decay rescue a step that is too large?",
        "zh": "3 · 学习率调度：衰减能挽救过大的步长吗？",
    },
    "gd.c.intro": {
        "en": "Here f(x) = λx²/2 with λ = {lam} (so 2/λ = {two}) and x₀ = {x0}. A step whose "
        "learning rate is above 2/λ makes |x| larger, one below 2/λ makes it smaller. So with "
        "η₀ above {two} the constant schedule diverges, and a decaying schedule turns the run "
        "around only if it brings the learning rate below 2/λ before the last step. Every "
        "schedule ends at the same learning rate, a chosen fraction of η₀.",
        "zh": "这里 f(x) = λx²/2，λ = {lam}（所以 2/λ = {two}），x₀ = {x0}。学习率高于 2/λ 的一步会"
        "增大 |x|，低于 2/λ 的一步会减小 |x|。所以 η₀ 大于 {two} 时常数调度发散；衰减的调度只有在最后"
        "一步之前把学习率降到 2/λ 以下，才能让迭代掉头。所有调度在最后一步都降到同一个学习率"
        "（η₀ 的某个比例）。",
    },
    "gd.c.show": {
        "en": "schedules shown (constant is always drawn)",
        "zh": "显示的调度（常数调度始终显示）",
    },
    "gd.c.eta0": {"en": "initial learning rate η₀", "zh": "初始学习率 η₀"},
    "gd.c.eta0.help": {
        "en": "Above 2/λ the constant schedule diverges; below 2/λ it converges.",
        "zh": "大于 2/λ 时常数调度发散；小于 2/λ 时收敛。",
    },
    "gd.c.end": {"en": "decay: final learning rate / η₀", "zh": "衰减：最终学习率 / η₀"},
    "gd.c.end.help": {
        "en": "Every decaying schedule is tuned to reach this fraction of η₀ at the last step "
        "(step: a factor per quarter of the run; exponential: γ per step; cosine: its floor; "
        "1/t = inverse time η₀/(1 + d·k): its decay constant d). 1 means no decay.",
        "zh": "每个衰减调度都调整到在最后一步达到 η₀ 的这个比例（阶梯：每四分之一训练乘一个因子；"
        "指数：每步乘 γ；余弦：下限；1/t 即反比例衰减 η₀/(1 + d·k)：衰减常数 d）。1 表示不衰减。",
    },
    "gd.c.steps": {"en": "steps", "zh": "步数"},
    "gd.sched.constant": {"en": "constant", "zh": "常数"},
    "gd.sched.step": {"en": "step", "zh": "阶梯"},
    "gd.sched.exponential": {"en": "exponential", "zh": "指数"},
    "gd.sched.cosine": {"en": "cosine", "zh": "余弦"},
    "gd.sched.inverse_time": {"en": "1/t", "zh": "1/t"},
    "gd.c.series": {"en": "schedule", "zh": "调度"},
    "gd.c.threshold": {"en": "2/λ: above it |x| grows", "zh": "2/λ：高于此值 |x| 增长"},
    "gd.c.lr": {"en": "learning rate η_k", "zh": "学习率 η_k"},
    "gd.c.lr_title": {"en": "Learning rate per step", "zh": "每步的学习率"},
    "gd.c.lr_caption": {
        "en": "The shaded band is where a step makes |x| larger: a run's |x| grows while its "
        "line is inside the band and shrinks once the line is below it.",
        "zh": "阴影区内的每一步都会增大 |x|：曲线在阴影区内时 |x| 增长，降到阴影区以下后 |x| 减小。",
    },
    "gd.c.abs_x": {"en": "|x_k| (log scale)", "zh": "|x_k|（对数刻度）"},
    "gd.c.log_title": {"en": "Distance to the minimum |x_k| per step", "zh": "每步到最小值的距离 |x_k|"},
    "gd.c.float64": {"en": "float64 maximum ({max})", "zh": "float64 最大值（{max}）"},
    "gd.c.log_caption": {
        "en": "Each step multiplies |x| by |1 − η_kλ|, so a curve rises while η_k > 2/λ and "
        "falls once η_k < 2/λ. How high a run peaks depends on how long, and how far, its "
        "learning rate stays above the threshold.",
        "zh": "每一步把 |x| 乘以 |1 − η_kλ|，所以 η_k > 2/λ 时曲线上升，η_k < 2/λ 后曲线下降。"
        "峰值多高取决于学习率在阈值之上停留多久、高出多少。",
    },
    # what each schedule did: chosen from the learning rates (SCHEDULE_OUTCOMES in the page)
    "gd.c.outcome.constant": {
        "en": "**{name}** (η = {eta}): each step multiplies |x| by |1 − ηλ| = {f}: **{regime}**.",
        "zh": "**{name}**（η = {eta}）：每一步把 |x| 乘以 |1 − ηλ| = {f}：**{regime}**。",
    },
    "gd.c.outcome.turned": {
        "en": "**{names}**: |x| grows while η_k > 2/λ and turns around once η_k < 2/λ (the step "
        "is in the table).",
        "zh": "**{names}**：η_k > 2/λ 时 |x| 增长，η_k < 2/λ 后掉头减小（起始步见下表）。",
    },
    "gd.c.outcome.held": {
        "en": "**{names}**: |x| stays level while η_k = 2/λ and shrinks once η_k < 2/λ.",
        "zh": "**{names}**：η_k = 2/λ 时 |x| 保持不变，η_k < 2/λ 后开始减小。",
    },
    "gd.c.outcome.never": {
        "en": "**{names}**: the learning rate never falls below 2/λ within {steps} steps, so |x| "
        "never shrinks.",
        "zh": "**{names}**：在 {steps} 步内学习率从未降到 2/λ 以下，所以 |x| 从未减小。",
    },
    "gd.c.outcome.shrinks": {
        "en": "**{names}**: η₀ is already below 2/λ, so |x| shrinks from the first step.",
        "zh": "**{names}**：η₀ 已经低于 2/λ，所以 |x| 从第一步起就减小。",
    },
    "gd.c.list_sep": {"en": ", ", "zh": "、"},
    "gd.c.peak_cell": {"en": "{value} ({k})", "zh": "{value}（{k}）"},
    "gd.c.thinned": {
        "en": "To keep the charts light, {n} of the {steps} steps are drawn (evenly spaced, the "
        "last one included); the table uses every step.",
        "zh": "为保持图表轻量，{steps} 步中均匀选取了 {n} 步绘制（包含最后一步）；表格使用全部步数。",
    },
    "gd.c.overflow": {
        "en": "{name}: |x_k| passes the float64 maximum ({max}) at step {k}. A float64 program "
        "would hold inf from there on; this page adds logarithms instead, so the curve goes on.",
        "zh": "{name}：|x_k| 在第 {k} 步超过 float64 最大值（{max}）。普通 float64 程序从此只剩 inf；"
        "本页按对数求和计算，所以曲线可以继续。",
    },
    "gd.c.exact_zero": {
        "en": "{name}: the learning rate hits exactly 1/λ, so x reaches 0 exactly at step {k}; a "
        "log axis cannot show 0, so that line stops there.",
        "zh": "{name}：学习率恰好等于 1/λ，x 在第 {k} 步恰好为 0；对数坐标无法表示 0，该曲线在此结束。",
    },
    "gd.c.col_below": {"en": "η_k < 2/λ from step", "zh": "η_k < 2/λ 的起始步"},
    "gd.c.col_peak": {"en": "largest |x_k| (step)", "zh": "最大 |x_k|（步）"},
    "gd.c.col_final": {"en": "final |x_k|", "zh": "最终 |x_k|"},
    # (d) the seed article's loop
    "gd.d.title": {
        "en": "4 · The article's loop, and what it really computes",
        "zh": "4 · 原文中的循环，以及它实际算了什么",
    },
    "gd.d.intro": {
        "en": "The article illustrates gradient descent with a loop that updates the gradient "
        "itself. Run as written, it never computes a gradient at all.",
        "zh": "原文用一个更新梯度本身的循环来演示梯度下降。按原样运行，它根本没有计算任何梯度。",
    },
    "gd.d.article": {"en": "The article's loop", "zh": "原文的循环"},
    "gd.d.m_value": {
        "en": "what the loop returns (lr = {lr}, epochs = {epochs}, grad = {g0})",
        "zh": "循环的返回值（lr = {lr}，epochs = {epochs}，grad = {g0}）",
    },
    "gd.d.m_value.help": {
        "en": "Computed by running the loop as written (core.descent.seed_article_loop).",
        "zh": "按原样运行该循环得到（core.descent.seed_article_loop）。",
    },
    "gd.d.real": {"en": "The real update", "zh": "真正的更新"},
    "gd.d.fresh": {"en": "new w, new gradient", "zh": "新的 w，新的梯度"},
    "gd.d.real_text": {
        "en": "The *weights* move, and the gradient is recomputed from the loss at the new "
        "weights every step. For a network that gradient comes from backpropagation through "
        "every layer, which is where exploding and vanishing gradients happen.",
        "zh": "更新的是*权重*，而且每一步都在新权重处由损失重新计算梯度。对神经网络而言，"
        "这个梯度来自穿过每一层的反向传播，梯度爆炸和梯度消失正发生在这里。",
    },
    "gd.d.verdict": {
        "en": "The loop only multiplies one number by {factor}, {epochs} times: "
        "(1 − {lr})^{epochs} = {number}. That is gradient descent on g²/2 (λ = 1, η = {lr}: "
        "the “{regime}” regime of section 1) with g playing the part of x. It says nothing about "
        "a network's gradients.",
        "zh": "这个循环只是把一个数乘以 {factor}，共 {epochs} 次：(1 − {lr})^{epochs} = {number}。"
        "这相当于在 g²/2 上做梯度下降（λ = 1，η = {lr}：第 1 节中的“{regime}”情形），g 扮演了 x "
        "的角色。它与神经网络的梯度毫无关系。",
    },
    "gd.preset.monotone": {"en": "Small step: monotone", "zh": "小步长：单调收敛"},
    "gd.preset.one_step": {"en": "η = 1/λ: one step", "zh": "η = 1/λ：一步到位"},
    "gd.preset.oscillating": {"en": "1/λ < η < 2/λ: oscillates", "zh": "1/λ < η < 2/λ：振荡收敛"},
    "gd.preset.no_convergence": {"en": "η = 2/λ: bounces forever", "zh": "η = 2/λ：来回跳动"},
    "gd.preset.lr_past_2_over_lambda": {
        "en": "Learning rate past 2/λ", "zh": "学习率超过 2/λ"},
    "gd.preset.ill_conditioned": {"en": "Ill-conditioned valley", "zh": "病态的狭长山谷"},
    "gd.preset.decay_rescues": {"en": "Decay rescues a too-large rate", "zh": "衰减挽救过大的学习率"},
}
