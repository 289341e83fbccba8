"""Gradient descent updates: step-size regimes in 1-D, ill-conditioning in 2-D, learning-rate
schedules, and what the seed article's loop really computes."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.descent import (
    FLOAT64_MAX,
    REGIME_TOL,
    SCHEDULES,
    contraction_factor,
    divergence_step,
    gd_quadratic,
    gd_quadratic_log10,
    learning_rates,
    optimal_fixed_step,
    optimal_rate,
    regime,
    seed_article_loop,
)
from core.descent_demo import (
    decay_params,
    first_below,
    first_zero_step,
    log10_norm,
    steps_to_shrink,
)
from ui.charts import descent as charts
from ui.controls import Controls, section
from ui.display import explain, show_chart
from ui.format import scientific_from_log10
from ui.i18n import sentences, t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup

START_2D = (0.5, 1.0)  # start of the 2-D runs: off both axes, so both directions show
HALF_WIDTH_2D = 1.15
LAMBDA_SCHEDULE = 1.0  # section (c) runs on f(x) = x^2/2: the threshold 2/lambda is 2
X0_SCHEDULE = 1.0
MAX_POINTS = 400  # per series in the schedule charts
SHRINK_DECADES = 6
SEED_LR, SEED_EPOCHS, SEED_G0 = 0.01, 1000, 1.0
# one URL-bound checkbox per decaying schedule (constant is always drawn as the reference);
# checkboxes, not a select box: Streamlit binds a select box to its translated label, which
# would make links language-dependent
SHOW_KEYS = {"step": "stp", "exponential": "exp", "cosine": "cos", "inverse_time": "inv"}


FLOAT64_TEXT = scientific_from_log10(math.log10(FLOAT64_MAX), 1.0, 1)  # 1.8e+308


# ---------------------------------------------------------------- cached core calls


@st.cache_data(max_entries=64)
def run_1d(lam: float, eta: float, x0: float, steps: int):
    """log10|x_k| and sign(x_k) of gradient descent on lam/2 x^2."""
    logs, signs = gd_quadratic_log10(lam, x0, eta, steps)
    return logs[:, 0], signs[:, 0]


@st.cache_data(max_entries=64)
def stability_curve(lam: float, eta_max: float, points: int = 301):
    """(eta, |1 - eta*lam|) on [0, eta_max]."""
    rates = np.linspace(0.0, eta_max, points)
    return rates, np.array([contraction_factor(eta, lam) for eta in rates])


@st.cache_data(max_entries=64)
def run_2d(L: float, mu: float, eta: float, steps: int):
    """Path and log10 distance to the minimum, for eta and for the best fixed step."""
    best = optimal_fixed_step(L, mu)
    out = {}
    for key, step in (("current", eta), ("optimal", best)):
        logs, _ = gd_quadratic_log10([L, mu], START_2D, step, steps)
        with np.errstate(over="ignore"):
            out[key] = (gd_quadratic([L, mu], START_2D, step, steps), log10_norm(logs))
    return out


@st.cache_data(max_entries=64)
def run_schedules(eta0: float, ratio: float, steps: int):
    """For each schedule: its learning rates, log10|x_k| from x0 = 1, and the float64 overflow."""
    out = {}
    for schedule in SCHEDULES:
        params = decay_params(schedule, ratio, steps, eta0)
        logs, _ = gd_quadratic_log10(LAMBDA_SCHEDULE, X0_SCHEDULE, eta0, steps, schedule,
                                     **params)
        rates = learning_rates(eta0, steps, schedule, **params)
        overflow = divergence_step(LAMBDA_SCHEDULE, X0_SCHEDULE, eta0, steps, schedule,
                                   **params)
        out[schedule] = (rates, logs[:, 0], overflow)
    return out


# ---------------------------------------------------------------- sections


def regime_callout(name: str, lam: float, eta: float, lang: str) -> None:
    """The regime in words, coloured like the chart."""
    text = t(f"gd.regime_text.{name}", lang, f=f"{contraction_factor(eta, lam):.4g}",
             one=f"{1 / lam:.4g}", two=f"{2 / lam:.4g}")
    box = {"diverging": st.error, "no_convergence": st.warning, "no_progress": st.warning}
    box.get(name, st.success)(text, icon=":material/insights:")


@section("one_dimension")
def one_dimension(lang: str, controls: Controls) -> None:
    st.header(t("gd.a.title", lang))
    explain(t("gd.a.intro", lang), lang)
    cols = st.columns(4)
    lam = controls.slider("lam", "gd.a.lam", 0.5, 10.0, 4.0, step=0.1, fmt="%.1f",
                          help_key="gd.a.lam.help", container=cols[0])
    eta = controls.slider("eta", "gd.a.eta", 0.0, 2.0, 0.4, step=0.005, fmt="%.3f",
                          help_key="gd.a.eta.help", container=cols[1])
    x0 = controls.slider("x0", "gd.a.x0", -3.0, 3.0, 1.0, step=0.1, fmt="%.1f",
                         container=cols[2])
    steps = controls.slider("k", "gd.a.steps", 1, 100, 12, container=cols[3])

    logs, signs = run_1d(lam, eta, x0, steps)
    name = regime(eta, lam)
    factor = 1.0 - eta * lam
    m = st.columns(4)
    m[0].metric(t("gd.a.m_regime", lang), t(f"gd.regime.{name}", lang))
    m[1].metric(t("gd.a.m_factor", lang), f"{factor:.4g}", help=t("gd.a.m_factor.help", lang))
    m[2].metric(t("gd.a.m_thresholds", lang), f"{1 / lam:.4g} · {2 / lam:.4g}")
    m[3].metric(t("gd.a.m_last", lang, k=steps), scientific_from_log10(logs[-1], signs[-1]))
    regime_callout(name, lam, eta, lang)

    zero = first_zero_step(logs)
    if zero == 0:
        st.info(t("gd.a.start_zero", lang), icon=":material/info:")
    elif zero is not None:
        st.info(t("gd.a.exact_zero", lang, k=zero), icon=":material/info:")

    # room for ten times the start, and always for step 1 (it shows the overshoot)
    bound = max(10.0 * abs(x0), 10.0 ** logs[min(1, steps)]) if x0 != 0 else 1.0
    iterates, cut = charts.iterate_frame(lam, logs, signs, bound)
    half = 1.1 * max(float(iterates["x"].abs().max()), abs(x0), 0.1)
    left, right = st.columns(2)
    with left:
        show_chart(charts.parabola_template(
            x_title=t("gd.a.x", lang), y_title=t("gd.a.f", lang), step_title=t("gd.step", lang),
            title=t("gd.a.parabola_title", lang)), "parabola", controls,
            data={"curve": charts.parabola_frame(lam, half), "iterates": iterates},
            export_title=t("gd.a.parabola_export_title", lang, lam=f"{lam:g}", eta=f"{eta:g}"))
        st.caption(sentences([t("gd.a.parabola_caption", lang),
                              t("gd.a.cut", lang, first=steps + 1 - cut, last=steps,
                                bound=f"{bound:g}") if cut else ""], lang))
    with right:
        text = [scientific_from_log10(v, s) for v, s in zip(logs, signs, strict=True)]
        sign_labels = (t("gd.sign_pos", lang), t("gd.sign_neg", lang))
        frame = charts.log_abs_frame(logs, signs, text, sign_labels, name)
        if len(frame):
            show_chart(charts.log_abs_template(
                x_title=t("gd.step", lang), y_title=t("gd.a.abs_x", lang),
                sign_title=t("gd.sign", lang), sign_labels=sign_labels, value_title="x_k",
                title=t("gd.a.log_title", lang)), "abs_x_per_step", controls,
                data={"points": frame})
        st.caption(t("gd.a.log_caption", lang, max=FLOAT64_TEXT))

    eta_max = max(2.5 / lam, 1.15 * eta)
    rates, factors = stability_curve(lam, round(eta_max, 6))
    top = float(max(factors.max(), abs(factor), 1.0))
    rules = charts.vrule_frame([1 / lam, 2 / lam], [f"1/λ = {1 / lam:.3g}", f"2/λ = {2 / lam:.3g}"],
                               top)
    current = charts.current_frame(eta, abs(factor), f"η = {eta:g}: {t(f'gd.regime.{name}', lang)}",
                                   name, float(rates.max()))
    show_chart(charts.stability_template(
        x_title=t("gd.a.eta_axis", lang), y_title=t("gd.a.factor_axis", lang),
        title=t("gd.a.stability_title", lang), one_label=t("gd.a.one_label", lang)),
        "stability", controls,
        data={"curve": charts.stability_frame(factors, rates), "rules": rules,
              "current": current},
        export_title=t("gd.a.stability_export_title", lang, lam=f"{lam:g}"))
    st.caption(t("gd.a.stability_caption", lang))


@section("two_dimensions")
def two_dimensions(lang: str, controls: Controls) -> None:
    st.header(t("gd.b.title", lang))
    explain(t("gd.b.intro", lang), lang)
    cols = st.columns(4)
    L = controls.slider("L", "gd.b.L", 1.0, 50.0, 10.0, step=0.5, fmt="%.1f", container=cols[0])
    mu = controls.slider("mu", "gd.b.mu", 0.1, 10.0, 1.0, step=0.1, fmt="%.1f",
                         container=cols[1])
    frac = controls.slider("frac", "gd.b.frac", 0.05, 1.2, 0.95, step=0.01, fmt="%.2f",
                           help_key="gd.b.frac.help", container=cols[2])
    steps = controls.slider("k2", "gd.b.steps", 5, 200, 40, container=cols[3])
    if mu > L:
        st.info(t("gd.b.swapped", lang, L=f"{mu:g}", mu=f"{L:g}"), icon=":material/swap_vert:")
        L, mu = mu, L
    eta = frac * 2.0 / L
    best, rate = optimal_fixed_step(L, mu), optimal_rate(L, mu)
    own = max(contraction_factor(eta, L), contraction_factor(eta, mu))

    m = st.columns(5)
    m[0].metric(t("gd.b.m_kappa", lang), f"{L / mu:.4g}")
    m[1].metric(t("gd.b.m_best", lang), f"{best:.4g}", help=t("gd.b.m_best.help", lang))
    m[2].metric(t("gd.b.m_rate", lang), f"{rate:.4g}", help=t("gd.b.m_rate.help", lang))
    m[3].metric(t("gd.b.m_eta", lang), f"{eta:.4g}")
    m[4].metric(t("gd.b.m_own_rate", lang), f"{own:.4g}", help=t("gd.b.m_own_rate.help", lang))
    n_best, n_own = steps_to_shrink(rate, SHRINK_DECADES), steps_to_shrink(own, SHRINK_DECADES)
    if regime(eta, L) in ("no_convergence", "diverging") or n_own is None:
        st.error(t("gd.b.no_shrink", lang, eta=f"{eta:.4g}", two=f"{2 / L:.4g}"),
                 icon=":material/trending_up:")
    else:
        st.markdown(t("gd.b.compare", lang, own=n_own, best=n_best,
                      factor=f"10^{SHRINK_DECADES}"))

    runs = run_2d(L, mu, eta, steps)
    labels = {"current": t("gd.b.current", lang), "optimal": t("gd.b.optimal", lang)}
    keys = tuple(labels)
    paths, cut = [], 0
    for key in labels:
        frame, dropped = charts.path_frame(runs[key][0], labels[key], HALF_WIDTH_2D)
        paths.append(frame)
        cut = max(cut, dropped)
    f0 = 0.5 * (L * START_2D[0] ** 2 + mu * START_2D[1] ** 2)
    levels = [f0 * 2.0 ** -k for k in range(-3, 9)]
    left, right = st.columns(2)
    with left:
        show_chart(charts.contour_template(
            half_width=HALF_WIDTH_2D, series_keys=keys,
            series_labels=tuple(labels[k] for k in keys), x_title=t("gd.b.x1", lang),
            y_title=t("gd.b.x2", lang), series_title=t("gd.b.series", lang),
            step_title=t("gd.step", lang), title=t("gd.b.contour_title", lang)),
            "contour_paths", controls, width="content",
            data={"rings": charts.contour_frame(L, mu, levels),
                  "paths": pd.concat(paths, ignore_index=True)},
            export_title=t("gd.b.paths_export_title", lang, L=f"{L:g}", mu=f"{mu:g}",
                           eta=f"{eta:.3g}"))
        st.caption(sentences([t("gd.b.contour_caption", lang),
                              t("gd.b.cut", lang) if cut else ""], lang))
    with right:
        distance = charts.series_frame({labels[k]: runs[k][1] for k in labels}, "log10_dist")
        show_chart(charts.distance_template(
            series_keys=keys, series_labels=tuple(labels[k] for k in keys),
            x_title=t("gd.step", lang), y_title=t("gd.b.dist", lang),
            series_title=t("gd.b.series", lang), title=t("gd.b.dist_title", lang)),
            "distance_per_step", controls, data={"distance": distance})
        st.caption(t("gd.b.dist_caption", lang))
        for key, label in labels.items():
            zero = first_zero_step(runs[key][1])
            if zero is not None:
                st.info(t("gd.b.exact_zero", lang, name=label, k=zero), icon=":material/info:")


def thin(n: int) -> np.ndarray:
    """At most MAX_POINTS step indices out of 0..n-1, the last one always included."""
    stride = max(1, math.ceil(n / MAX_POINTS))
    return np.unique(np.append(np.arange(0, n, stride), n - 1))


@section("schedules")
def schedules(lang: str, controls: Controls) -> None:
    st.header(t("gd.c.title", lang))
    two = 2.0 / LAMBDA_SCHEDULE
    explain(t("gd.c.intro", lang, lam=f"{LAMBDA_SCHEDULE:g}", two=f"{two:g}",
              x0=f"{X0_SCHEDULE:g}"), lang)
    cols = st.columns(4)
    cols[0].markdown(t("gd.c.show", lang))
    shown = [k for k, key in SHOW_KEYS.items()
             if controls.toggle(key, f"gd.sched.{k}", default=True, container=cols[0])]
    eta0 = controls.slider("eta0", "gd.c.eta0", 0.1, 4.0, 3.0, step=0.05, fmt="%.2f",
                           help_key="gd.c.eta0.help", container=cols[1])
    ratio = controls.slider("end", "gd.c.end", 0.01, 1.0, 0.05, step=0.01, fmt="%.2f",
                            help_key="gd.c.end.help", container=cols[2])
    steps = controls.slider("k3", "gd.c.steps", 10, 1000, 60, container=cols[3])

    runs = run_schedules(eta0, ratio, steps)
    keys = ["constant", *shown]
    names = {k: t(f"gd.sched.{k}", lang) for k in keys}
    threshold = 2.0 / LAMBDA_SCHEDULE
    rows = thin(steps)
    lr_frame = charts.series_frame({names[k]: runs[k][0][rows] for k in keys}, "lr")
    lr_frame["step"] = rows[lr_frame["step"]]
    log_rows = thin(steps + 1)
    log_frame = charts.series_frame({names[k]: runs[k][1][log_rows] for k in keys}, "log10_abs")
    log_frame["step"] = log_rows[log_frame["step"]]
    common = dict(series_keys=tuple(keys), series_labels=tuple(names[k] for k in keys),
                  x_title=t("gd.step", lang), series_title=t("gd.c.series", lang))
    left, right = st.columns(2)
    with left:
        show_chart(charts.schedule_lr_template(
            threshold=threshold, threshold_label=t("gd.c.threshold", lang),
            y_title=t("gd.c.lr", lang), title=t("gd.c.lr_title", lang), **common),
            "schedule_lr", controls,
            data={"lr": lr_frame, "band": charts.band_frame(threshold, lr_frame["lr"].max())})
        st.caption(t("gd.c.lr_caption", lang))
    with right:
        limits = charts.float64_frame(float(log_frame["log10_abs"].max()),
                                      t("gd.c.float64", lang, max=FLOAT64_TEXT))
        show_chart(charts.schedule_log_template(
            y_title=t("gd.c.abs_x", lang), title=t("gd.c.log_title", lang), **common),
            "schedule_abs_x", controls, data={"log": log_frame, "limits": limits})
        st.caption(t("gd.c.log_caption", lang))
    st.markdown(schedule_outcomes(runs, keys, names, eta0, steps, lang))
    if len(rows) < steps:
        st.caption(t("gd.c.thinned", lang, n=len(log_rows), steps=steps))
    st.dataframe(schedule_table(runs, keys, names, threshold, lang), hide_index=True)
    for k in keys:
        overflow, zero = runs[k][2], first_zero_step(runs[k][1])
        if overflow is not None:
            st.info(t("gd.c.overflow", lang, name=names[k], k=overflow, max=FLOAT64_TEXT),
                    icon=":material/info:")
        if zero is not None:
            st.info(t("gd.c.exact_zero", lang, name=names[k], k=zero), icon=":material/info:")


def below_threshold(rates: np.ndarray, threshold: float) -> int | None:
    """First step whose rate is below ``threshold``; a rate within REGIME_TOL of it counts as
    equal (0.05**(1/9)**9 * 4 is 2 - 4e-16, which shrinks |x| by nothing visible)."""
    return first_below(rates, threshold * (1 - REGIME_TOL))


def schedule_course(rates: np.ndarray, threshold: float) -> str:
    """How |x| moves under these learning rates (non-increasing, as every schedule here is):
    "shrinks" from the first step, "turned" (grows, then shrinks), "held" (level, then
    shrinks) or "never" shrinks."""
    below = below_threshold(rates, threshold)
    if below is None:
        return "never"
    if below == 0:
        return "shrinks"
    return "turned" if rates[0] > threshold * (1 + REGIME_TOL) else "held"


def schedule_outcomes(runs: dict, keys: list[str], names: dict, eta0: float, steps: int,
                      lang: str) -> str:
    """What each drawn schedule did, in words chosen from its learning rates: the constant
    one by its regime, the decaying ones grouped by how |x| moved."""
    name = regime(eta0, LAMBDA_SCHEDULE)
    lines = [t("gd.c.outcome.constant", lang, name=names["constant"], eta=f"{eta0:g}",
               f=f"{contraction_factor(eta0, LAMBDA_SCHEDULE):.4g}",
               regime=t(f"gd.regime.{name}", lang))]
    groups: dict[str, list[str]] = {}
    for k in keys[1:]:
        groups.setdefault(schedule_course(runs[k][0], 2.0 / LAMBDA_SCHEDULE), []).append(names[k])
    for course in ("turned", "held", "shrinks", "never"):
        if course in groups:
            lines.append(t(f"gd.c.outcome.{course}", lang, steps=steps,
                           names=t("gd.c.list_sep", lang).join(groups[course])))
    return "\n".join(f"- {line}" for line in lines)


def schedule_table(runs: dict, keys: list[str], names: dict, threshold: float, lang: str
                   ) -> pd.DataFrame:
    """Per schedule: when the rate falls below 2/lambda, the peak of |x| and the final |x|."""
    rows = []
    for k in keys:
        rates, logs, _ = runs[k]
        below = below_threshold(rates, threshold)
        finite = np.where(np.isfinite(logs), logs, -np.inf)
        peak = int(np.argmax(finite))
        rows.append({t("gd.c.series", lang): names[k],
                     t("gd.c.col_below", lang): "—" if below is None else str(below),
                     t("gd.c.col_peak", lang): t(
                         "gd.c.peak_cell", lang, value=scientific_from_log10(logs[peak], 1.0, 3),
                         k=peak),
                     t("gd.c.col_final", lang): scientific_from_log10(logs[-1], 1.0, 3)})
    return pd.DataFrame(rows)


def seed_loop(lang: str) -> None:
    st.header(t("gd.d.title", lang))
    explain(t("gd.d.intro", lang), lang)
    value = seed_article_loop(SEED_LR, SEED_EPOCHS, SEED_G0)
    number = scientific_from_log10(math.log10(abs(value)), math.copysign(1.0, value), 3)
    loop = {"lr": f"{SEED_LR:g}", "epochs": SEED_EPOCHS, "g0": f"{SEED_G0:g}"}
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('gd.d.article', lang)}**")
        st.code(f"learning_rate = {SEED_LR!r}\nepochs = {SEED_EPOCHS}\ngrad = {SEED_G0!r}\n"
                "for _ in range(epochs):\n    grad = grad - learning_rate * grad",
                language="python")
        st.latex(rf"g_{{{SEED_EPOCHS}}} = (1-{SEED_LR:g})^{{{SEED_EPOCHS}}}\, g_0 = "
                 + number.replace("e", r"\times 10^{") + "}" + r"\, g_0")
        st.metric(t("gd.d.m_value", lang, **loop), number, help=t("gd.d.m_value.help", lang))
    with right:
        st.markdown(f"**{t('gd.d.real', lang)}**")
        st.code("for _ in range(epochs):\n    grad = dloss_dw(w)  # " + t("gd.d.fresh", lang)
                + "\n    w = w - learning_rate * grad", language="python")
        st.latex(r"w_{k+1} = w_k - \eta\, \frac{\partial \mathcal{L}}{\partial w}(w_k)")
        explain(t("gd.d.real_text", lang), lang)
    st.success(t("gd.d.verdict", lang, number=number, factor=f"{1 - SEED_LR:g}",
                 regime=t(f"gd.regime.{regime(SEED_LR, 1.0)}", lang), **loop),
               icon=":material/check_circle:")


lang = page_setup("descent")
st.title(t("page.descent", lang))
controls = Controls(lang)
explain(t("gd.intro", lang), lang)
st.latex(r"x_{k+1} = x_k - \eta\, f'(x_k) = (1 - \eta\lambda)\, x_k"
         r"\quad\Longrightarrow\quad x_k = (1-\eta\lambda)^k\, x_0")
one_dimension(lang, controls)
two_dimensions(lang, controls)
schedules(lang, controls)
seed_loop(lang)
controls.presets(PRESETS["descent"], LABEL_PREFIXES["descent"])
controls.report()
