"""Strings of the explanations page's questions (ui/questions/explanations.py)."""

STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ scaling alone
    "q.explanations.scaling": {
        "en": "Take the trained reference model (gain {ref_gain}, learning rate {ref_lr}) and "
        "multiply every layer by g = {gain}: with depth {depth} its gradients grow by g^L. "
        "What happens to its saliency map?",
        "zh": "取训练好的参照模型（增益 {ref_gain}，学习率 {ref_lr}），把每一层乘以 g = {gain}："
        "深度为 {depth}，它的梯度会变大 g^L 倍。它的显著性图会怎样？",
    },
    "q.explanations.scaling.same": {
        "en": "every arrow keeps its direction; only the magnitude grows",
        "zh": "每个箭头的方向都不变，只有大小变大",
    },
    "q.explanations.scaling.some": {
        "en": "most arrows keep their direction, but some turn",
        "zh": "大多数箭头方向不变，但有一些会转向",
    },
    "q.explanations.scaling.scrambled": {
        "en": "the directions scramble: the map turns to noise",
        "zh": "方向被打乱：显著性图变成噪声",
    },
    "q.explanations.scaling.why_same": {
        "en": "Every saliency grew by 10^{measured} (predicted L·log10 g = {predicted}), but the "
        "directions match the unscaled map to cosine {cos}, and {moved} of {points} grid points "
        "changed class. Multiplying every layer by g > 0 switches no ReLU: a large scale alone "
        "changes the explanation's units, not its meaning.",
        "zh": "每个显著性都变大了 10^{measured} 倍（预测 L·log10 g = {predicted}），但方向与未缩放"
        "的图的余弦为 {cos}，{points} 个网格点中有 {moved} 个改变了类别。每层乘以 g > 0 不会改变"
        "任何 ReLU 的开关：仅仅尺度变大，只改变解释的单位，不改变它的含义。",
    },
    "q.explanations.scaling.why_some": {
        "en": "The saliency grew by 10^{measured} (predicted {predicted}); the directions match "
        "the unscaled map to cosine {cos}, and {moved} of {points} grid points changed class, "
        "most likely through float64 rounding at points on a ReLU kink.",
        "zh": "显著性变大了 10^{measured} 倍（预测 {predicted}）；方向与未缩放的图的余弦为 {cos}，"
        "{points} 个网格点中有 {moved} 个改变了类别，最可能是 float64 舍入作用在恰好位于 ReLU "
        "拐点上的点。",
    },
    "q.explanations.scaling.why_scrambled": {
        "en": "The directions match the unscaled map only to cosine {cos}, and {moved} of "
        "{points} grid points changed class (the magnitude moved by 10^{measured}, predicted "
        "{predicted}).",
        "zh": "方向与未缩放的图的余弦只有 {cos}，{points} 个网格点中有 {moved} 个改变了类别"
        "（大小变化了 10^{measured} 倍，预测 {predicted}）。",
    },
    # ------------------------------------------------------------ which check flags it
    "q.explanations.check": {
        "en": "The studied model (gain {gain}, learning rate {lr}) and the reference (gain "
        "{ref_gain}, learning rate {ref_lr}) are each trained with two seeds. Which check says "
        "the studied model's saliency map cannot be trusted (a mean cosine below {agree})?",
        "zh": "研究模型（增益 {gain}，学习率 {lr}）和参照模型（增益 {ref_gain}，学习率 {ref_lr}）"
        "各用两个种子训练。哪项检查表明研究模型的显著性图不可信（平均余弦低于 {agree}）？",
    },
    "q.explanations.check.seeds": {
        "en": "only seed agreement: the two seeds' maps point different ways",
        "zh": "只有种子一致性：两个种子的图指向不同的方向",
    },
    "q.explanations.check.nudge": {
        "en": "only stability: a nudge of {share}% of the plot turns the arrows",
        "zh": "只有稳定性：把输入挪动绘图范围的 {share}% 就会让箭头转向",
    },
    "q.explanations.check.both": {"en": "both checks", "zh": "两项检查都是"},
    "q.explanations.check.neither": {"en": "neither: it passes both checks",
                                     "zh": "都不是：两项检查都通过"},
    "q.explanations.check.why_seeds": {
        "en": "Its two seeds agree only to cosine {cos} (reference: {ref}), though it classifies "
        "{acc}% of the points correctly (reference: {ref_acc}%). Yet a tiny nudge leaves its "
        "map in place: stability {stab} (reference: {ref_stab}). The map is stable and still "
        "an accident of the seed: stability alone does not make an explanation trustworthy.",
        "zh": "它的两个种子的余弦只有 {cos}（参照模型：{ref}），尽管它能正确分类 {acc}% 的点"
        "（参照模型：{ref_acc}%）。但轻微扰动几乎不改变它的图：稳定性为 {stab}（参照模型："
        "{ref_stab}）。这张图很稳定，却只是种子的偶然结果：仅有稳定性并不能让解释可信。",
    },
    "q.explanations.check.why_nudge": {
        "en": "Its two seeds agree (cosine {cos}, reference: {ref}), but a tiny nudge turns its "
        "arrows: stability {stab} (reference: {ref_stab}).",
        "zh": "它的两个种子一致（余弦 {cos}，参照模型：{ref}），但轻微扰动就会让箭头转向："
        "稳定性为 {stab}（参照模型：{ref_stab}）。",
    },
    "q.explanations.check.why_both": {
        "en": "Its two seeds agree only to cosine {cos} (reference: {ref}), and a tiny nudge "
        "turns its arrows too: stability {stab} (reference: {ref_stab}).",
        "zh": "它的两个种子的余弦只有 {cos}（参照模型：{ref}），而且轻微扰动也会让箭头转向："
        "稳定性为 {stab}（参照模型：{ref_stab}）。",
    },
    "q.explanations.check.why_neither": {
        "en": "Its two seeds agree to cosine {cos} (reference: {ref}) and a tiny nudge leaves "
        "its arrows in place: stability {stab} (reference: {ref_stab}); it classifies {acc}% "
        "of the points correctly.",
        "zh": "它的两个种子的余弦为 {cos}（参照模型：{ref}），轻微扰动也不改变箭头：稳定性为 "
        "{stab}（参照模型：{ref_stab}）；它能正确分类 {acc}% 的点。",
    },
    "q.explanations.check.why_empty": {
        "en": "Its saliency is non-zero in both seeds on only {used}% of the grid (dead ReLUs), "
        "so the seeds can hardly be compared; stability under a nudge: {stab} (reference: "
        "{ref_stab}).",
        "zh": "只有 {used}% 的网格点上两个种子的显著性都非零（ReLU 死亡），两个种子几乎无法比较；"
        "轻微扰动下的稳定性：{stab}（参照模型：{ref_stab}）。",
    },
    # ------------------------------------------------------------ clipping
    "q.explanations.clip": {
        "en": "The same recipe (gain {gain}, learning rate {lr}), now with the gradient clipped "
        "by norm at c = {c}. Compared with the recipe unclipped, how far do the two seeds' "
        "saliency maps agree?",
        "zh": "同样的训练方法（增益 {gain}，学习率 {lr}），现在把梯度按范数裁剪到 c = {c}。与不"
        "裁剪时相比，两个种子的显著性图一致程度如何？",
    },
    "q.explanations.clip.raised": {
        "en": "more: seed agreement rises by {same} or more",
        "zh": "更一致：种子一致性提高 {same} 或更多",
    },
    "q.explanations.clip.same": {
        "en": "about as much: within {same}",
        "zh": "差不多：变化不到 {same}",
    },
    "q.explanations.clip.lowered": {
        "en": "less: seed agreement falls by {same} or more",
        "zh": "更不一致：种子一致性下降 {same} 或更多",
    },
    "q.explanations.clip.why_raised": {
        "en": "Seed agreement rose from {before} unclipped to {after} clipped at c = {c}. The "
        "clipped run never reached the huge gradients (largest norm before clipping {grad_after}, "
        "against {grad_before} unclipped), and its two seeds ended with much the same "
        "explanation.",
        "zh": "种子一致性从不裁剪时的 {before} 提高到按 c = {c} 裁剪后的 {after}。裁剪后的训练"
        "从未出现巨大的梯度（裁剪前的最大范数为 {grad_after}，不裁剪时为 {grad_before}），两个种子"
        "最终给出的解释也基本一致。",
    },
    "q.explanations.clip.why_same": {
        "en": "Seed agreement is {before} unclipped and {after} clipped at c = {c}: clipping "
        "changed little here (largest gradient norm {grad_before} unclipped, {grad_after} "
        "clipped).",
        "zh": "种子一致性不裁剪时为 {before}，按 c = {c} 裁剪后为 {after}：裁剪在这里作用不大"
        "（最大梯度范数不裁剪时为 {grad_before}，裁剪后为 {grad_after}）。",
    },
    "q.explanations.clip.why_lowered": {
        "en": "Seed agreement fell from {before} unclipped to {after} clipped at c = {c} "
        "(largest gradient norm {grad_before} unclipped, {grad_after} clipped): clipped steps "
        "are shorter, so each seed stays nearer its own start.",
        "zh": "种子一致性从不裁剪时的 {before} 降到按 c = {c} 裁剪后的 {after}（最大梯度范数不"
        "裁剪时为 {grad_before}，裁剪后为 {grad_after}）：裁剪后步长更短，每个种子都更靠近自己的"
        "初始状态。",
    },
}
