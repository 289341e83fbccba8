"""Strings of the clipping page's questions (ui/questions/clipping.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "q.clipping.arrow": {
        "en": "An arrow of length {mag} at {ang}°, threshold {thr}: after clipping by value, "
        "will it still point the same way?",
        "zh": "长度 {mag}、角度 {ang}° 的箭头，阈值 {thr}：按值裁剪之后，它还指向原来的方向吗？",
    },
    "q.clipping.arrow.keeps": {"en": "yes: same direction", "zh": "是：方向不变"},
    "q.clipping.arrow.small_turn": {"en": "no: it turns by less than {edge}°",
                                    "zh": "否：转了不到 {edge}°"},
    "q.clipping.arrow.large_turn": {"en": "no: it turns by {edge}° or more",
                                    "zh": "否：转了 {edge}° 或更多"},
    "q.clipping.arrow.why_inside": {
        "en": "Both components ({x0}, {y0}) already lie within ±{thr}: clipping by value "
        "changed nothing, so the direction is the same.",
        "zh": "两个分量（{x0}, {y0}）都已在 ±{thr} 之内：按值裁剪什么也没改变，方向自然不变。",
    },
    "q.clipping.arrow.why_kept": {
        "en": "Clipping by value capped {changed} of its two components, ({x0}, {y0}) became "
        "({x1}, {y1}), and the angle stayed {angle}°: the arrow lies along an axis or a "
        "diagonal, the only directions that capping keeps.",
        "zh": "按值裁剪截断了两个分量中的 {changed} 个，（{x0}, {y0}）变成（{x1}, {y1}），"
        "夹角仍是 {angle}°：箭头沿坐标轴或对角线，只有这些方向在截断后保持不变。",
    },
    "q.clipping.arrow.why_bent": {
        "en": "Clipping by value capped {changed} of its two components: ({x0}, {y0}) became "
        "({x1}, {y1}), {angle}° away from the original. Clipping by norm shortens the same "
        "arrow to {norm} and keeps its direction.",
        "zh": "按值裁剪截断了两个分量中的 {changed} 个：（{x0}, {y0}）变成（{x1}, {y1}），"
        "与原方向相差 {angle}°。按范数裁剪则把同一个箭头缩短到 {norm}，方向保持不变。",
    },
    "q.clipping.deep": {
        "en": "A ReLU network of depth {depth}, width {width}, gain {gain}: clip its gradient "
        "by value, and separately by norm, each down to {keep}% of its length. How far does "
        "clipping by value turn the gradient away from its direction?",
        "zh": "深度 {depth}、宽度 {width}、增益 {gain} 的 ReLU 网络：把它的梯度分别按值裁剪和按范数"
        "裁剪，都缩短到原长度的 {keep}%。按值裁剪会让梯度偏离原方向多少？",
    },
    "q.clipping.deep.under_5": {"en": "hardly: less than {low}°", "zh": "几乎不偏：不到 {low}°"},
    "q.clipping.deep.up_to_20": {"en": "{low}° to {middle}°", "zh": "{low}° 到 {middle}°"},
    "q.clipping.deep.up_to_45": {"en": "{middle}° to {high}°", "zh": "{middle}° 到 {high}°"},
    "q.clipping.deep.beyond_45": {"en": "more than {high}°", "zh": "超过 {high}°"},
    "q.clipping.deep.why": {
        "en": "Clipping by value capped {changed}% of the components at v = {v} and left the "
        "rest: that changes their proportions, and the gradient turned by {angle}° (cosine "
        "{cosine}). Clipping by norm to the same {keep}% turned it by {norm_angle}°.",
        "zh": "按值裁剪把 {changed}% 的分量截断在 v = {v}，其余分量不变：分量之间的比例变了，梯度"
        "因此转了 {angle}°（余弦 {cosine}）。按范数裁剪到同样的 {keep}%，只转了 {norm_angle}°。",
    },
    "q.clipping.cliff": {
        "en": "Gradient descent on the cliff from ({w1}, {w2}), step size {lr}, {steps} steps, "
        "clipped by norm at {ct}. On which steps does the clipping change the update?",
        "zh": "在悬崖上从（{w1}, {w2}）出发做梯度下降，步长 {lr}，共 {steps} 步，按范数裁剪，"
        "阈值 {ct}。裁剪会改变哪些步的更新？",
    },
    "q.clipping.cliff.never": {"en": "on no step", "zh": "哪一步都不改变"},
    "q.clipping.cliff.cliff_only": {"en": "only on the steps on the cliff face",
                                    "zh": "只改变落在悬崖面上的那几步"},
    "q.clipping.cliff.also_gentle": {
        "en": "on the cliff face and on some steps on the gentle slopes",
        "zh": "悬崖面上的步，以及缓坡上的一部分步"},
    "q.clipping.cliff.every": {"en": "on every step", "zh": "每一步都改变"},
    "q.clipping.cliff.why_never": {
        "en": "No gradient on the path was longer than {ct} (the longest: {peak}), so clipping "
        "by norm never changed a step.",
        "zh": "路径上没有哪个梯度长于 {ct}（最长的是 {peak}），所以按范数裁剪一步也没有改变。",
    },
    "q.clipping.cliff.why_cliff_only": {
        "en": "Clipping by norm changed {n} of {taken} steps, only where the path met the cliff "
        "face and ‖g‖ reached {peak}. Off the cliff the slope is at most {valley}, below {ct}, so every "
        "other step ran unchanged. Unclipped, the steepest step threw the parameters "
        "{free_move} away; clipped, a step moves at most {move}.",
        "zh": "按范数裁剪只改变了 {taken} 步中的 {n} 步，都是路径撞上悬崖面、‖g‖ 高达 {peak} "
        "的地方。悬崖之外坡度至多 {valley}，低于 {ct}，所以其余各步都原样执行。不裁剪时，"
        "最陡的那一步把参数甩出了 {free_move}；裁剪后，一步最多移动 {move}。",
    },
    "q.clipping.cliff.why_cliff_path": {
        "en": "Clipping by norm changed {n} of {taken} steps, only where the path met the cliff "
        "face and ‖g‖ reached {peak}. The threshold {ct} is not above every slope off the "
        "cliff (up to {valley}), but each gentle step this path took had a gradient no longer "
        "than {ct}, so it ran unchanged. Clipped, a step moves at most {move}; unclipped, the "
        "steepest step threw the parameters {free_move} away.",
        "zh": "按范数裁剪只改变了 {taken} 步中的 {n} 步，都是路径撞上悬崖面、‖g‖ 高达 {peak} "
        "的地方。阈值 {ct} 并不高于悬崖之外的所有坡度（最大 {valley}），但这条路径在缓坡上走的每一步，"
        "梯度都不长于 {ct}，所以原样执行。裁剪后一步最多移动 {move}；不裁剪时，最陡的那一步把参数"
        "甩出了 {free_move}。",
    },
    "q.clipping.cliff.why_also_gentle": {
        "en": "Clipping by norm changed {n} of {taken} steps: the threshold {ct} is below the "
        "largest slope off the cliff ({valley}), so it also shortened steps on the gentle "
        "slopes, not only where ‖g‖ reached {peak}.",
        "zh": "按范数裁剪改变了 {taken} 步中的 {n} 步：阈值 {ct} 低于悬崖之外的最大坡度（{valley}），"
        "所以它不只缩短了 ‖g‖ 高达 {peak} 的那几步，也缩短了缓坡上的步。",
    },
    "q.clipping.cliff.why_every": {
        "en": "Every gradient on the path was longer than {ct} (the shortest: {low}), so "
        "clipping by norm shortened all {taken} steps to a move of {move}: progress slows "
        "everywhere, not only at the cliff.",
        "zh": "路径上每个梯度都长于 {ct}（最短的是 {low}），所以按范数裁剪把全部 {taken} 步都缩短为"
        "移动 {move}：处处都变慢了，而不只是在悬崖处。",
    },
}
