"""Strings of the training lab's mid-run switch (merged into ui/i18n/training.py's table)."""

STRINGS: dict[str, dict[str, str]] = {
    "tl.control.bswitch": {"en": "B: switch mid-run", "zh": "B：训练中途切换"},
    "tl.control.bswitch.help": {
        "en": "From the chosen step on, B changes one setting: clipping by norm at B's "
        "threshold, B's learning rate, or weight clipping at B's c. Until then B keeps A's "
        "setting for it, so where nothing else differs B's curves are A's up to the switch.",
        "zh": "从所选的那一步起，B 改变一项设置：按 B 的阈值以范数裁剪梯度、改用 B 的学习率，或按 "
        "B 的 c 裁剪权重。在此之前 B 的这项设置与 A 相同，所以若其他设置都相同，切换之前 B 的曲线"
        "就是 A 的曲线。",
    },
    "tl.bswitch.none": {"en": "no switch", "zh": "不切换"},
    "tl.bswitch.clip_norm": {"en": "turn on norm clipping (B's threshold)",
                             "zh": "开启按范数裁剪（B 的阈值）"},
    "tl.bswitch.lower_lr": {"en": "change the learning rate (to B's)",
                            "zh": "改变学习率（改为 B 的学习率）"},
    "tl.bswitch.weight_clip": {"en": "turn on weight clipping (B's c)",
                               "zh": "开启权重裁剪（B 的 c）"},
    "tl.control.bat": {"en": "B: switch at step", "zh": "B：在第几步切换"},
    "tl.control.bat.help": {"en": "The first step whose update uses the new setting.",
                            "zh": "第一个使用新设置进行更新的步。"},
    "tl.diff.switch.clip_norm": {"en": "from step {at}: clip by norm at {value}",
                                 "zh": "从第 {at} 步起按范数裁剪，阈值 {value}"},
    "tl.diff.switch.lower_lr": {"en": "from step {at}: lr {value}",
                                "zh": "从第 {at} 步起学习率 {value}"},
    "tl.diff.switch.weight_clip": {"en": "from step {at}: weights clipped at ±{value}",
                                   "zh": "从第 {at} 步起权重裁剪于 ±{value}"},
    "tl.switch.needs_c": {
        "en": "The weight-clipping switch takes B's c: choose one under “B: weight clipping c”. "
        "Until then B does not switch.",
        "zh": "权重裁剪切换使用 B 的 c：请在“B：权重裁剪 c”中选择一个值。在此之前 B 不切换。",
    },
    "tl.chart.switch": {"en": "B switches", "zh": "B 切换"},
    "tl.story.switch_clip": {
        "en": "**A switch mid-run.** A trains {hidden} hidden ReLU layers on the circles with "
        "momentum at learning rate {lr}; its loss climbs until the run diverges. B is the very "
        "same run until its switch (the dotted line on every curve), then clips its gradient "
        "by norm.",
        "zh": "**训练中途切换。** A 在同心圆数据上用学习率 {lr} 的动量法训练 {hidden} 个 ReLU "
        "隐藏层，其损失不断上升，直到训练发散。B 在切换之前与 A 完全相同（每条曲线上的点线），"
        "切换之后按范数裁剪梯度。",
    },
    "tl.switch.same_before": {
        "en": "Until step {at} B's curves are exactly A's: same data, seed, batches and settings.",
        "zh": "在第 {at} 步之前，B 的曲线与 A 的完全一致：数据、随机种子、小批量和设置都相同。",
    },
    "tl.switch.did.clip_norm": {
        "en": "At step {at} B turned on clipping by norm at {value}: its gradient norm at that "
        "step was {grad_at}, and clipping changed the gradient on {clipped} of its {after} steps "
        "from there.",
        "zh": "在第 {at} 步，B 开启了按范数裁剪，阈值 {value}：该步的梯度范数为 {grad_at}，从这一步起"
        "的 {after} 步中，裁剪改变了其中 {clipped} 步的梯度。",
    },
    "tl.switch.did.lower_lr": {
        "en": "At step {at} B's learning rate went from {lr_before} to {value}; its gradient norm "
        "at that step was {grad_at}.",
        "zh": "在第 {at} 步，B 的学习率从 {lr_before} 变为 {value}；该步的梯度范数为 {grad_at}。",
    },
    "tl.switch.did.weight_clip": {
        "en": "At step {at} B began clipping its weights at ±{value}; after that step {at_bound}% "
        "of its weights sat at ±{value}.",
        "zh": "在第 {at} 步，B 开始把权重裁剪到 ±{value}；这一步之后，B 有 {at_bound}% 的权重"
        "落在 ±{value} 上。",
    },
    "tl.switch.fell": {
        "en": "B's loss fell from {loss_at} just before the switch to {loss_end} at the end.",
        "zh": "B 的损失从切换前的 {loss_at} 降到最后的 {loss_end}。",
    },
    "tl.switch.not_fell": {
        "en": "B's loss went from {loss_at} just before the switch to {loss_end} at the end: the "
        "switch did not bring it down.",
        "zh": "B 的损失从切换前的 {loss_at} 变为最后的 {loss_end}：切换没有让它下降。",
    },
    "tl.switch.still_diverged": {"en": "B still diverged, at step {diverged}.",
                                 "zh": "B 仍然发散了，在第 {diverged} 步。"},
    "tl.switch.diverged_before": {
        "en": "B diverged at step {diverged}, before its switch at step {at} could act.",
        "zh": "B 在第 {diverged} 步就发散了，第 {at} 步的切换来不及起作用。",
    },
    "tl.switch.never": {
        "en": "B's switch at step {at} comes after its last step ({steps}): it never acted.",
        "zh": "B 的切换在第 {at} 步，晚于它的最后一步（{steps}）：切换从未起作用。",
    },
}
