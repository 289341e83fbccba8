"""Strings of the "Explanations" page (saliency maps): key -> {"en": ..., "zh": ...}.

Prefix "xai." ("ex." already belongs to the explosion page).
"""

STRINGS: dict[str, dict[str, str]] = {
    # controls
    "xai.control.data": {"en": "Toy data set", "zh": "玩具数据集"},
    "xai.data.moons": {"en": "two moons", "zh": "双月形"},
    "xai.data.spirals": {"en": "two spirals", "zh": "双螺旋"},
    "xai.data.circles": {"en": "concentric circles", "zh": "同心圆"},
    "xai.data.xor": {"en": "XOR", "zh": "异或（XOR）"},
    "xai.control.depth": {"en": "Depth L (weight layers)", "zh": "深度 L（权重层数）"},
    "xai.control.width": {"en": "Width (units per hidden layer)", "zh": "宽度（每个隐藏层的单元数）"},
    "xai.control.gain": {"en": "Gain g of the studied model", "zh": "所研究模型的增益 g"},
    "xai.control.gain.help": {
        "en": "The studied model starts from He initialisation times g (std = g·√(2/fan_in)). "
        "The same g scales the trained reference model in section 4.",
        "zh": "所研究的模型从 He 初始化乘以 g 开始（std = g·√(2/fan_in)）。第 4 节用同一个 g "
        "缩放训练好的参照模型。",
    },
    "xai.control.lr": {"en": "Learning rate of the studied model", "zh": "所研究模型的学习率"},
    "xai.control.lr.help": {
        "en": "Plain SGD, mini-batches of {batch}. The reference model always uses {lr}.",
        "zh": "普通 SGD，小批量大小 {batch}。参照模型总是使用 {lr}。",
    },
    "xai.control.steps": {"en": "Training steps", "zh": "训练步数"},
    "xai.control.clip": {"en": "Gradient clipping (by norm) for the studied model",
                         "zh": "对所研究模型使用梯度裁剪（按范数）"},
    "xai.control.clip.help": {
        "en": "Before each update the whole gradient is rescaled to norm at most c "
        "(PyTorch clip_grad_norm_).",
        "zh": "每次更新前把整个梯度缩放到范数不超过 c（与 PyTorch 的 clip_grad_norm_ 相同）。",
    },
    "xai.control.c": {"en": "Clipping threshold c", "zh": "裁剪阈值 c"},
    "xai.preset.healthy": {"en": "Healthy (gain 1, lr 0.1)", "zh": "健康（增益 1，学习率 0.1）"},
    "xai.preset.exploding": {"en": "Exploding (gain 2, lr 0.5)",
                             "zh": "梯度爆炸（增益 2，学习率 0.5）"},
    "xai.preset.exploding_clipped": {"en": "Exploding + clipping", "zh": "梯度爆炸 + 梯度裁剪"},
    "xai.capped_what": {"en": "the number of training steps", "zh": "训练步数"},
    # intro
    "xai.intro": {
        "en": "A **saliency map** explains a model's decision at a point x by its input gradient: "
        "which small change of x would raise the margin z₁ − z₀ (the logit of class 1 minus that "
        "of class 0) fastest (Simonyan et al. 2014). The original article ties exploding "
        "gradients to interpretability. Here we train small ReLU networks on a toy problem in "
        "the plane, with plain SGD on mini-batches of {batch} points, and *measure* whether "
        "their explanations stay meaningful: a **reference** model trained gently (gain {gain}, "
        "learning rate {lr}, no clipping), a **studied** model trained with your gain, learning "
        "rate and clipping, and the reference model with every layer simply **scaled** by g. "
        "Each is trained twice, with two seeds, on the same data.",
        "zh": "**显著性图**（saliency map）用输入梯度解释模型在点 x 处的决策：x 的哪个微小变化会让"
        "间隔 z₁ − z₀（类别 1 的 logit 减去类别 0 的 logit）增长最快（Simonyan 等 2014）。原文把"
        "梯度爆炸与可解释性联系在一起。这里我们用普通 SGD（小批量大小 {batch}）在平面上的玩具问题"
        "上训练小型 ReLU 网络，并*测量*它们的解释是否仍有意义：一个温和训练的**参照**模型（增益 "
        "{gain}，学习率 {lr}，不裁剪），一个按你选择的增益、学习率和裁剪设置训练的**研究**模型，"
        "以及把参照模型每一层直接**缩放** g 倍得到的模型。每个模型用两个种子在同一数据上各训练"
        "一次。",
    },
    "xai.model.reference": {"en": "reference (gain {g}, lr {lr})", "zh": "参照（增益 {g}，学习率 {lr}）"},
    "xai.model.scaled": {"en": "reference × g = {g}", "zh": "参照 × g = {g}"},
    "xai.model.studied": {"en": "studied (gain {g}, lr {lr}{clip})",
                          "zh": "研究模型（增益 {g}，学习率 {lr}{clip}）"},
    "xai.model.unclipped": {"en": "same gain {g} and lr {lr}, no clipping",
                            "zh": "相同增益 {g} 与学习率 {lr}，不裁剪"},
    "xai.model.clip": {"en": ", clipped at {c}", "zh": "，裁剪阈值 {c}"},
    # the models in the charts' legends and titles (no numbers: they move with the sliders)
    "xai.legend.reference": {"en": "reference", "zh": "参照"},
    "xai.legend.scaled": {"en": "reference × g", "zh": "参照 × g"},
    "xai.legend.unclipped": {"en": "studied recipe, no clipping", "zh": "研究模型的设置，不裁剪"},
    "xai.legend.studied": {"en": "studied", "zh": "研究模型"},
    # section 1
    "xai.models.header": {"en": "1 · The trained models", "zh": "1 · 训练出的模型"},
    "xai.metric.acc_ref": {"en": "reference: training accuracy", "zh": "参照：训练准确率"},
    "xai.metric.acc_studied": {"en": "studied: training accuracy", "zh": "研究模型：训练准确率"},
    "xai.metric.grad": {"en": "studied: largest gradient norm", "zh": "研究模型：最大梯度范数"},
    "xai.metric.grad.help": {
        "en": "The largest global gradient norm over all training steps (before clipping).",
        "zh": "所有训练步中最大的全局梯度范数（裁剪前）。",
    },
    "xai.metric.vs_ref": {"en": "reference: {value}", "zh": "参照：{value}"},
    "xai.metric.peak": {"en": "studied: largest |weight|", "zh": "研究模型：最大 |权重|"},
    "xai.story.diverged": {
        "en": "The studied run **diverged at step {step}**: its {quantity} passed float32's "
        "largest number or was no longer finite, so training stopped there and the model shown "
        "is the one before that step. Its largest weight is {peak}; it classifies {acc}% of the "
        "training points correctly.",
        "zh": "研究模型的训练**在第 {step} 步发散**：它的{quantity}超过了 float32 的最大值或不再"
        "是有限数，训练就此停止，这里展示的是该步之前的模型。它的最大权重为 {peak}，训练集准确率 "
        "{acc}%。",
    },
    "xai.quantity.loss": {"en": "loss", "zh": "损失"},
    "xai.quantity.gradient": {"en": "gradient norm", "zh": "梯度范数"},
    "xai.quantity.update": {"en": "update", "zh": "更新量"},
    "xai.story.finished": {
        "en": "The studied run finished all {steps} steps with {acc}% training accuracy; its "
        "largest weight is {peak}.",
        "zh": "研究模型完成了全部 {steps} 步训练，训练准确率 {acc}%，最大权重为 {peak}。",
    },
    "xai.story.flat": {
        "en": "Its saliency is **exactly zero on {share}% of the plane**: every path from the "
        "input to the output passes a ReLU that is off, so there the model is flat and its "
        "\"explanation\" is empty.",
        "zh": "它的显著性在**平面上 {share}% 的位置恰好为零**：从输入到输出的每条路径都经过一个"
        "关闭的 ReLU，模型在那里是平的，它的“解释”是空的。",
    },
    # section 2
    "xai.fields.header": {"en": "2 · Saliency fields, two seeds each",
                          "zh": "2 · 显著性场：每个模型两个种子"},
    "xai.fields.intro": {
        "en": "Each arrow is the saliency s(x) at a grid point: the direction in which the "
        "margin z₁ − z₀ (the logit of class 1 minus that of class 0) grows fastest. Colour is "
        "the model's probability of class 1. A trustworthy explanation points across the "
        "decision boundary, changes smoothly, and looks the same for two seeds.",
        "zh": "每个箭头是某个网格点处的显著性 s(x)：间隔 z₁ − z₀（类别 1 的 logit 减去类别 0 的 "
        "logit）增长最快的方向。颜色是模型给出的类别 1 概率。可信的解释应当穿过决策边界、"
        "平滑变化，并且两个种子看起来一样。",
    },
    "xai.fields.title": {"en": "{model}, seed {seed}", "zh": "{model}，种子 {seed}"},
    "xai.fields.title.1": {"en": "{model}, first seed", "zh": "{model}，第一个种子"},
    "xai.fields.title.2": {"en": "{model}, second seed", "zh": "{model}，第二个种子"},
    "xai.fields.seeds": {
        "en": "The first seed is {first}, the second {second}; both train on the data drawn with "
        "seed {first}.",
        "zh": "第一个种子为 {first}，第二个为 {second}；两者都在用种子 {first} 生成的数据上训练。",
    },
    "xai.fields.caption": {
        "en": "{n} × {n} arrows, centred on their grid points. Length is proportional to the "
        "magnitude, scaled per chart (the {pct}th percentile fills most of a cell; longer ones "
        "are capped): compare magnitudes across models in section 5 or in the tooltips (log10).",
        "zh": "{n} × {n} 个箭头，中心在各自的网格点上。长度与大小成正比，每张图单独缩放（第 {pct} 百分位"
        "几乎占满一个格子，更长的被截断）：不同模型之间的大小请在第 5 节或提示框中比较（log10）。",
    },
    "xai.fields.flat": {
        "en": "No arrow where the saliency is exactly zero: {share}% of the grid points.",
        "zh": "显著性恰好为零的位置没有箭头：占网格点的 {share}%。",
    },
    "xai.axis.x1": {"en": "input x₁", "zh": "输入 x₁"},
    "xai.axis.x2": {"en": "input x₂", "zh": "输入 x₂"},
    "xai.axis.p": {"en": "P(class 1)", "zh": "P(类别 1)"},
    "xai.axis.log_mag": {"en": "log10 ‖s(x)‖", "zh": "log10 ‖s(x)‖"},
    "xai.axis.angle": {"en": "direction (degrees clockwise from up)",
                       "zh": "方向（自正上方顺时针的角度）"},
    # section 3
    "xai.agree.header": {"en": "3 · Do two seeds give the same explanation?",
                         "zh": "3 · 两个种子给出的解释一样吗？"},
    "xai.agree.intro": {
        "en": "Three numbers per model, each 1 for identical explanations: the **seed "
        "agreement** (mean cosine between the two seeds' saliency directions over the grid, "
        "where both are non-zero), the **rank correlation** of the two seeds' saliency "
        "magnitudes (Spearman's ρ: do both call the same regions important?), and the "
        "**stability** of one model's directions under a tiny nudge of the input (mean cosine "
        "between s(x) and s(x + δ), δ of {share}% of the plotted square). Low stability is what "
        "\"the explanation is noise\" means.",
        "zh": "每个模型三个数，解释完全相同时都为 1：**种子一致性**（两个种子的显著性方向在网格上"
        "的平均余弦，只计两者都非零的点），两个种子显著性大小的**秩相关**（Spearman ρ：两者是否"
        "认为同样的区域重要？），以及单个模型的方向在输入被轻微扰动时的**稳定性**（s(x) 与 "
        "s(x + δ) 的平均余弦，δ 为绘图正方形边长的 {share}%）。稳定性低，就是“解释是噪声”的含义。",
    },
    "xai.agree.title": {"en": "How far the explanations agree (1 = identical)",
                        "zh": "解释的一致程度（1 = 完全相同）"},
    "xai.agree.x": {"en": "agreement (cosine or correlation)", "zh": "一致性（余弦或相关系数）"},
    "xai.agree.model": {"en": "model", "zh": "模型"},
    "xai.measure.cosine": {"en": "seed agreement (mean cosine)", "zh": "种子一致性（平均余弦）"},
    "xai.measure.rho": {"en": "rank correlation of |s| (Spearman)", "zh": "|s| 的秩相关（Spearman）"},
    "xai.measure.stability": {"en": "stability under a tiny nudge (mean cosine)",
                              "zh": "轻微扰动下的稳定性（平均余弦）"},
    "xai.angle_text": {"en": "as an angle: {angle}°", "zh": "对应角度：{angle}°"},
    "xai.metric.agree": {"en": "seed agreement: {model}", "zh": "种子一致性：{model}"},
    "xai.metric.agree.help": {
        "en": "Mean cosine over the {used}% of grid points where both seeds' saliency is non-zero.",
        "zh": "在两个种子的显著性都非零的 {used}% 网格点上的平均余弦。",
    },
    "xai.level.empty": {"en": "mostly empty", "zh": "大部分为空"},
    "xai.level.agree": {"en": "agree", "zh": "一致"},
    "xai.level.partly": {"en": "partly agree", "zh": "部分一致"},
    "xai.level.disagree": {"en": "disagree", "zh": "不一致"},
    "xai.agree.empty": {
        "en": "**The studied model's two seeds can hardly be compared:** both have a non-zero "
        "saliency on only {used}% of the grid (mean cosine there {cos}).",
        "zh": "**研究模型的两个种子几乎无法比较**：只有 {used}% 的网格点上两者的显著性都非零"
        "（那里的平均余弦为 {cos}）。",
    },
    "xai.agree.agree": {
        "en": "**The studied model's two seeds agree:** mean cosine {cos}.",
        "zh": "**研究模型的两个种子一致**：平均余弦 {cos}。",
    },
    "xai.agree.partly": {
        "en": "**The studied model's two seeds agree only partly:** mean cosine {cos}.",
        "zh": "**研究模型的两个种子只部分一致**：平均余弦 {cos}。",
    },
    "xai.agree.disagree": {
        "en": "**The studied model's two seeds disagree:** mean cosine {cos}, so the same "
        "training recipe gives explanations that point in different directions.",
        "zh": "**研究模型的两个种子不一致**：平均余弦 {cos}，同样的训练方法给出的解释指向不同的方向。",
    },
    "xai.agree.below": {
        "en": "That is below the reference model's {ref}.",
        "zh": "低于参照模型的 {ref}。",
    },
    "xai.agree.same": {
        "en": "That is about the same as the reference model's {ref}.",
        "zh": "与参照模型的 {ref} 大致相同。",
    },
    "xai.agree.above": {
        "en": "That is above the reference model's {ref}.",
        "zh": "高于参照模型的 {ref}。",
    },
    "xai.agree.stability": {
        "en": "Under a nudge of {sigma}, the mean cosine between an explanation and its nudged "
        "twin is {ref_cos} for the reference (an angle of {ref}°) and {studied_cos} for the "
        "studied model ({studied}°).",
        "zh": "在大小为 {sigma} 的扰动下，解释与扰动后解释之间的平均余弦，参照模型为 {ref_cos}"
        "（对应角度 {ref}°），研究模型为 {studied_cos}（{studied}°）。",
    },
    # section 4
    "xai.scale.header": {"en": "4 · Only scaled: the reference model with every layer × {g}",
                         "zh": "4 · 仅缩放：把参照模型的每一层乘以 {g}"},
    "xai.scale.intro": {
        "en": "Does a large weight scale by itself scramble explanations? Take the trained "
        "reference model and multiply every weight matrix by g (and the biases of layer l by "
        "gˡ). Every pre-activation of layer l is multiplied by gˡ > 0, so no ReLU switches, "
        "and the model computes g^L times the same margin.",
        "zh": "权重尺度大本身会打乱解释吗？取训练好的参照模型，把每个权重矩阵乘以 g（第 l 层的偏置乘"
        "以 gˡ）。第 l 层的每个预激活值都乘以 gˡ > 0，因此没有任何 ReLU 改变开关"
        "状态，模型计算的是同一个间隔的 g^L 倍。",
    },
    "xai.metric.scale_mag": {"en": "saliency magnitude change (decades)",
                             "zh": "显著性大小的变化（数量级）"},
    "xai.metric.predicted": {"en": "predicted L·log10 g = {value} (L = {L})",
                             "zh": "预测 L·log10 g = {value}（L = {L}）"},
    "xai.metric.scale_cos": {"en": "direction: cosine with the unscaled model",
                             "zh": "方向：与未缩放模型的余弦"},
    "xai.metric.scale_moved": {"en": "grid points that changed class", "zh": "类别改变的网格点"},
    "xai.metric.unsure": {"en": "unsure region ({low}% < P < {high}%)",
                          "zh": "不确定区域（{low}% < P < {high}%）"},
    "xai.metric.unsure.was": {"en": "unscaled: {value}", "zh": "未缩放：{value}"},
    "xai.metric.unsure.help": {
        "en": "Share of grid points where the model's probability of class 1 lies between {low}% "
        "and {high}%.",
        "zh": "模型的类别 1 概率介于 {low}% 与 {high}% 之间的网格点所占比例。",
    },
    "xai.scale.same": {
        "en": "**Scaling alone does not scramble the explanation.** Multiplying every layer by "
        "g = {g} multiplied every saliency by 10^{measured} (predicted g^L = 10^{predicted}); "
        "the directions agree with the unscaled ones to cosine {cos}, {moved} grid points changed "
        "class, and the two seeds agree as much as before ({scaled} vs {ref}).",
        "zh": "**仅仅缩放并不会打乱解释**。把每一层乘以 g = {g}，每个显著性都乘以了 10^{measured}"
        "（预测 g^L = 10^{predicted}）；方向与未缩放时的余弦为 {cos}，有 {moved} 个网格点改变了"
        "类别，两个种子的一致性与之前相同（{scaled} 对 {ref}）。",
    },
    "xai.scale.unsure.shrinks": {
        "en": "What does change is the magnitude, and the model's confidence: the unsure region "
        "shrinks from {before}% to {after}% of the plane.",
        "zh": "改变的是大小，以及模型的置信度：不确定区域从平面的 {before}% 缩小到 {after}%。",
    },
    "xai.scale.unsure.grows": {
        "en": "What does change is the magnitude, and the model's confidence: the unsure region "
        "grows from {before}% to {after}% of the plane.",
        "zh": "改变的是大小，以及模型的置信度：不确定区域从平面的 {before}% 扩大到 {after}%。",
    },
    "xai.scale.unsure.same": {
        "en": "What does change is the magnitude; the unsure region stays at {after}% of the "
        "plane.",
        "zh": "改变的是大小；不确定区域仍占平面的 {after}%。",
    },
    "xai.scale.units.up": {
        "en": "A growing scale, as in an exploding network, is a units problem for the "
        "explanation, not noise.",
        "zh": "增大的尺度（如梯度爆炸的网络）对解释来说只是单位问题，不是噪声。",
    },
    "xai.scale.units.down": {
        "en": "A shrinking scale, as in a vanishing network, is likewise a units problem for the "
        "explanation, not noise.",
        "zh": "缩小的尺度（如梯度消失的网络）对解释来说同样只是单位问题，不是噪声。",
    },
    "xai.scale.identity": {
        "en": "With g = 1 the scaled model is the reference itself: nothing changes (cosine "
        "{cos}, {moved} grid points changed class).",
        "zh": "g = 1 时，缩放后的模型就是参照模型本身：什么都没有改变（余弦 {cos}，有 {moved} "
        "个网格点改变了类别）。",
    },
    "xai.scale.changed": {
        "en": "Multiplying every layer by g = {g} changed the saliency magnitude by 10^{measured} "
        "(predicted 10^{predicted}); the directions agree with the unscaled ones to cosine "
        "{cos} and {moved} grid points changed class (seed agreement {scaled} vs {ref}). The "
        "exact law did not hold to four digits here, most likely because float64 rounding "
        "moved points that sit on a ReLU kink.",
        "zh": "把每一层乘以 g = {g} 使显著性大小改变了 10^{measured}（预测 10^{predicted}）；方向与"
        "未缩放时的余弦为 {cos}，有 {moved} 个网格点改变了类别（种子一致性 {scaled} 对 {ref}）。"
        "这里精确规律没有在四位有效数字上成立，最可能的原因是 float64 舍入移动了恰好位于 ReLU "
        "拐点上的点。",
    },
    # section 5
    "xai.layers.header": {"en": "5 · Saliency magnitude, layer by layer",
                          "zh": "5 · 逐层的显著性大小"},
    "xai.layers.intro": {
        "en": "The saliency is the last link of the backward pass: the gradient of the margin "
        "with respect to each layer's activations a_l, down to the input (layer 0). The chart "
        "shows its median norm over the grid, with a 10–90% band.",
        "zh": "显著性是反向传播的最后一环：间隔对每一层激活 a_l 的梯度，一直到输入（第 0 层）。"
        "图中是它在网格上的范数中位数，以及 10–90% 区间带。",
    },
    "xai.layers.x": {"en": "layer l (0 = input, L = logits)", "zh": "层 l（0 = 输入，L = logits）"},
    "xai.layers.y": {"en": "‖∂(z₁ − z₀)/∂a_l‖ (log scale)", "zh": "‖∂(z₁ − z₀)/∂a_l‖（对数刻度）"},
    "xai.layers.title": {"en": "Gradient of the margin at each layer (median over the grid)",
                         "zh": "间隔在每一层的梯度（网格上的中位数）"},
    "xai.layers.theory": {"en": "reference + (L − l)·log10 g (the scaling law)",
                          "zh": "参照 + (L − l)·log10 g（缩放规律）"},
    "xai.layers.missing": {
        "en": "Not drawn (the gradient is exactly zero at every grid point): {models}.",
        "zh": "未绘制（在所有网格点上梯度恰好为零）：{models}。",
    },
    "xai.layers.float32": {
        "en": "The studied model's saliency reaches 10^{value:.0f} at the input: beyond "
        "float32's 3.4e38, so in single precision this explanation would be inf.",
        "zh": "研究模型在输入处的显著性达到 10^{value:.0f}：超过了 float32 的上限 3.4e38，"
        "在单精度下这个解释会变成 inf。",
    },
    "xai.layers.caption": {
        "en": "Computed in log space (each layer rescaled exactly), so magnitudes beyond "
        "float64's 1.8e308 stay finite. Points with a zero gradient are left out of the "
        "median.",
        "zh": "在对数空间中计算（每层都做了精确的重新缩放），因此超过 float64 上限 1.8e308 的大小"
        "也保持有限。梯度为零的点不计入中位数。",
    },
    # conclusion
    "xai.end.header": {"en": "What these numbers say", "zh": "这些数字说明了什么"},
    "xai.end.scale": {
        "en": "**Scale alone is not noise.** Multiplying a ReLU network's weights by g > 0 and "
        "the biases of layer l by gˡ multiplies its saliency by g^L and leaves every direction, "
        "every ReLU mask and the decision boundary as they were (section 4).",
        "zh": "**仅有尺度并不等于噪声**。把 ReLU 网络的权重乘以 g > 0、第 l 层的偏置乘以 gˡ，会把"
        "显著性乘以 g^L，而所有方向、所有 ReLU 开关状态和决策边界都保持不变（第 4 节）。",
    },
    "xai.end.scale.rounding": {
        "en": "**Scale alone is not noise,** up to rounding: multiplying a ReLU network's weights "
        "by g > 0 and the biases of layer l by gˡ multiplies its saliency by g^L; here float64 "
        "rounding moved {moved} grid points and left the directions at cosine {cos} (section 4).",
        "zh": "**仅有尺度并不等于噪声**（在舍入误差范围内）：把 ReLU 网络的权重乘以 g > 0、第 l 层的"
        "偏置乘以 gˡ，会把显著性乘以 g^L；这里 float64 舍入移动了 {moved} 个网格点，方向的余弦为 "
        "{cos}（第 4 节）。",
    },
    "xai.end.training.below_exploded": {
        "en": "**Training in this regime is what degrades the explanation.** The studied run's "
        "gradient norm reached {grad} (reference: {grad_ref}), and its two seeds agree less "
        "({studied}) than the reference's ({ref}): the same recipe gives explanations that "
        "depend on the seed.",
        "zh": "**让解释变差的是在这种状态下训练**。研究模型训练时的梯度范数达到 {grad}（参照模型："
        "{grad_ref}），它的两个种子的一致性（{studied}）低于参照模型（{ref}）：同样的训练方法给出的"
        "解释取决于随机种子。",
    },
    "xai.end.training.empty": {
        "en": "**Training in this regime left a model with hardly any explanation:** its "
        "gradient norm reached {grad} (reference: {grad_ref}), and the network ended flat on "
        "most of the plane: both seeds have a non-zero saliency on only {used}% of the grid. "
        "There is no direction to agree on.",
        "zh": "**在这种状态下训练，留下的模型几乎没有解释**：它的梯度范数达到 {grad}（参照模型："
        "{grad_ref}），网络在平面的大部分区域都是平的：两个种子的显著性同时非零的位置只占网格的 "
        "{used}%。没有可以比较的方向。",
    },
    "xai.end.training.below": {
        "en": "**The studied model's two seeds agree less ({studied}) than the reference's "
        "({ref}),** although its gradients did not explode by more than a decade beyond the "
        "reference's: here the difference comes from the recipe (gain, learning rate), not from "
        "an explosion.",
        "zh": "**研究模型两个种子的一致性（{studied}）低于参照模型（{ref}）**，尽管它的梯度并没有"
        "比参照模型大出一个数量级以上：这里的差别来自训练设置（增益、学习率），而不是梯度爆炸。",
    },
    "xai.end.training.same": {
        "en": "**At these settings training did not degrade the explanation:** the studied "
        "model's seeds agree about as much ({studied}) as the reference's ({ref}).",
        "zh": "**在这些设置下，训练没有让解释变差**：研究模型两个种子的一致性（{studied}）与参照"
        "模型（{ref}）大致相同。",
    },
    "xai.end.training.above": {
        "en": "**At these settings the studied model's explanations are the more consistent "
        "ones:** seed agreement {studied} against the reference's {ref}.",
        "zh": "**在这些设置下，研究模型的解释反而更一致**：种子一致性 {studied}，参照模型为 {ref}。",
    },
    "xai.end.clipped.raised": {
        "en": "**Gradient clipping at c = {c} made the explanation more consistent:** with the "
        "same gain and learning rate, seed agreement rose from {before} without clipping to "
        "{studied} with it (reference: {ref}).",
        "zh": "**阈值 c = {c} 的梯度裁剪让解释变得更一致**：在相同的增益和学习率下，种子一致性"
        "从不裁剪时的 {before} 提高到裁剪后的 {studied}（参照模型：{ref}）。",
    },
    "xai.end.clipped.same": {
        "en": "**Gradient clipping at c = {c} changed little here:** with the same gain and "
        "learning rate, seed agreement is {before} without clipping and {studied} with it "
        "(reference: {ref}).",
        "zh": "**阈值 c = {c} 的梯度裁剪在这里作用不大**：在相同的增益和学习率下，种子一致性不裁剪"
        "时为 {before}，裁剪后为 {studied}（参照模型：{ref}）。",
    },
    "xai.end.clipped.lowered": {
        "en": "**Gradient clipping at c = {c} made the explanation less consistent here:** with "
        "the same gain and learning rate, seed agreement fell from {before} without clipping "
        "to {studied} with it (reference: {ref}). A likely reason: clipped steps are shorter, "
        "so in the same number of steps the model moves less far from its seed-specific start.",
        "zh": "**阈值 c = {c} 的梯度裁剪在这里反而让解释更不一致**：在相同的增益和学习率下，种子"
        "一致性从不裁剪时的 {before} 降到裁剪后的 {studied}（参照模型：{ref}）。一个可能的原因是：裁剪后的"
        "步长更短，在相同步数内模型离它与种子相关的初始状态更近。",
    },
    "xai.sources": {
        "en": "Sources: Simonyan, Vedaldi, Zisserman 2014, “Deep Inside Convolutional Networks” "
        "(gradient saliency maps); Smilkov et al. 2017, “SmoothGrad” (gradients fluctuate "
        "sharply at small scales); Adebayo et al. 2018, “Sanity Checks for Saliency Maps”; "
        "Pascanu, Mikolov, Bengio 2013, Sec. 3.2 (clipping by norm).",
        "zh": "来源：Simonyan、Vedaldi、Zisserman 2014，《Deep Inside Convolutional Networks》"
        "（梯度显著性图）；Smilkov 等 2017，《SmoothGrad》（梯度在小尺度上剧烈波动）；Adebayo 等 "
        "2018，《Sanity Checks for Saliency Maps》；Pascanu、Mikolov、Bengio 2013，第 3.2 节"
        "（按范数裁剪）。",
    },
}
