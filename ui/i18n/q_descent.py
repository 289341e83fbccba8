"""Strings of the descent page's questions (ui/questions/descent.py)."""

_COURSE_OPTIONS = {
    "closer": {"en": "x gets closer to 0 and keeps its sign",
               "zh": "x 越来越接近 0，符号不变"},
    "closer_flipping": {"en": "x gets closer to 0, changing sign every step",
                        "zh": "x 每一步都变号，但越来越接近 0"},
    "same_size": {"en": "x stays exactly as far from 0 as it started",
                  "zh": "x 离 0 的距离始终和起点一样"},
    "away": {"en": "x moves further and further away from 0",
             "zh": "x 离 0 越来越远"},
}

_COURSE_WHY = {
    "why_closer": {
        "en": "Each step multiplies x by 1 − ηλ = {factor}, between 0 and 1: x shrinks "
        "without crossing 0, to {xk} after {k} steps.",
        "zh": "每一步都把 x 乘以 1 − ηλ = {factor}，它在 0 和 1 之间：x 不越过 0 地缩小，"
        "{k} 步后为 {xk}。",
    },
    "why_closer_flipping": {
        "en": "Each step multiplies x by 1 − ηλ = {factor}, between −1 and 0: x changes sign "
        "every step, yet its size shrinks, to {xk} after {k} steps. Oscillating is not "
        "diverging: η = {eta} is below the limit 2/λ = {two}.",
        "zh": "每一步都把 x 乘以 1 − ηλ = {factor}，它在 −1 和 0 之间：x 每步变号，但大小在缩小，"
        "{k} 步后为 {xk}。振荡不等于发散：η = {eta} 低于上限 2/λ = {two}。",
    },
    "why_same_size": {
        "en": "Each step multiplies x by 1 − ηλ = {factor}, whose size is 1: after {k} steps "
        "x = {xk}, exactly as far from 0 as x₀ = {x0}.",
        "zh": "每一步都把 x 乘以 1 − ηλ = {factor}，其绝对值为 1：{k} 步后 x = {xk}，"
        "离 0 的距离和 x₀ = {x0} 完全一样。",
    },
    "why_away": {
        "en": "Each step multiplies x by 1 − ηλ = {factor}, below −1, because η = {eta} is "
        "above the limit 2/λ = {two}: x flips sign and grows every step, to {xk} after {k} "
        "steps.",
        "zh": "每一步都把 x 乘以 1 − ηλ = {factor}，小于 −1，因为 η = {eta} 超过了上限 "
        "2/λ = {two}：x 每步变号并且变大，{k} 步后为 {xk}。",
    },
    "why_exact_zero": {
        "en": "1 − ηλ = {factor}: the step lands exactly on the minimum, x = 0 at step {zero}, "
        "and stays there.",
        "zh": "1 − ηλ = {factor}：这一步正好落在最小值上，第 {zero} 步 x = 0，之后一直停在那里。",
    },
    "why_at_minimum": {
        "en": "x₀ = {x0} is already the minimum: every step multiplies 0 by {factor} and x "
        "stays at 0.",
        "zh": "x₀ = {x0} 已经是最小值：每一步都是 0 乘以 {factor}，x 一直是 0。",
    },
}


def _course(question: str) -> dict[str, dict[str, str]]:
    """The options and why sentences of a question about x's course (shared by two)."""
    key = f"q.descent.{question}"
    return {**{f"{key}.{option}": text for option, text in _COURSE_OPTIONS.items()},
            **{f"{key}.{why}": text for why, text in _COURSE_WHY.items()}}


STRINGS: dict[str, dict[str, str]] = {
    "q.descent.past_limit": {
        "en": "Gradient descent on f(x) = λ/2·x² with λ = {lam}, step size η = {eta}, from "
        "x₀ = {x0}: what happens to x in {k} steps?",
        "zh": "在 f(x) = λ/2·x² 上做梯度下降，λ = {lam}，步长 η = {eta}，从 x₀ = {x0} 出发："
        "{k} 步之内 x 会怎样？",
    },
    **_course("past_limit"),
    "q.descent.here": {
        "en": "At your settings (λ = {lam}, η = {eta}, x₀ = {x0}): what happens to x in {k} "
        "steps?",
        "zh": "按你当前的设置（λ = {lam}、η = {eta}、x₀ = {x0}）：{k} 步之内 x 会怎样？",
    },
    **_course("here"),
    "q.descent.best_step": {
        "en": "A narrow valley: curvatures L = {L} and μ = {mu}. Even with the best fixed step "
        "η = 2/(L+μ), how many times closer to the minimum is x after {k} steps?",
        "zh": "一条狭长的山谷：曲率 L = {L}、μ = {mu}。即使用最优的固定步长 η = 2/(L+μ)，"
        "{k} 步之后 x 离最小值近了多少倍？",
    },
    "q.descent.best_step.under_10": {"en": "less than {low}× closer",
                                     "zh": "不到 {low} 倍"},
    "q.descent.best_step.up_to_1e3": {"en": "{low}× to {mid}× closer",
                                      "zh": "{low} 倍到 {mid} 倍"},
    "q.descent.best_step.up_to_1e6": {"en": "{mid}× to {high}× closer",
                                      "zh": "{mid} 倍到 {high} 倍"},
    "q.descent.best_step.beyond_1e6": {"en": "more than {high}× closer",
                                       "zh": "超过 {high} 倍"},
    "q.descent.best_step.why": {
        "en": "With the best fixed step η = {best}, each step multiplies the distance by "
        "(κ−1)/(κ+1) = {rate}, κ = {kappa}: {k} steps bring x {times}× closer ({decades} "
        "decades). Getting {target}× closer takes {steps} steps.",
        "zh": "用最优固定步长 η = {best} 时，每一步把距离乘以 (κ−1)/(κ+1) = {rate}，κ = {kappa}："
        "{k} 步让 x 近了 {times} 倍（{decades} 个数量级）。要近 {target} 倍需要 {steps} 步。",
    },
    "q.descent.best_step.why_exact": {
        "en": "κ = {kappa}: both curvatures are equal, and the best fixed step η = {best} lands "
        "on the minimum in one step.",
        "zh": "κ = {kappa}：两个曲率相等，最优固定步长 η = {best} 一步就落在最小值上。",
    },
}
