"""Gradient descent updates: step-size regimes in 1-D, ill-conditioning in 2-D, learning-rate
schedules, and what the seed article's loop really computes."""

import streamlit as st

from core.conditioning import log10_norm, two_curvatures
from core.descent import (
    ARTICLE_EPOCHS,
    ARTICLE_G0,
    ARTICLE_LOOP_SOURCE,
    ARTICLE_LR,
    FLOAT64_MAX,
    contraction_factor,
    first_zero_step,
    gd_quadratic,
    gd_quadratic_log10,
    regime,
    regime_thresholds,
    schedule_courses,
    schedule_runs,
    seed_article_loop,
    step_factor,
)
from ui.charts import conditioning as plane_charts
from ui.charts import descent as charts
from ui.charts import schedules as schedule_charts
from ui.charts.descent_data import schedule_table
from ui.controls import Controls, section
from ui.display import explain, show_chart
from ui.format import (
    caret_power,
    latex_scientific_number,
    plain,
    scientific_from_log10,
    scientific_number,
    significant,
)
from ui.i18n import sentences, t
from ui.quiz import quiz_card
from ui.shell import page_setup
from ui.tables.descent import SCHEDULE_TOGGLES, TABLE

START_2D = (0.5, 1.0)  # start of the 2-D runs: off both axes, so both directions show
HALF_WIDTH_2D = 1.15
LAMBDA_SCHEDULE = 1.0  # section (c) runs on f(x) = x^2/2: the threshold 2/lambda is 2
X0_SCHEDULE = 1.0
SHRINK_DECADES = 6
FLOAT64_TEXT = scientific_number(FLOAT64_MAX, 1)  # 1.8e+308


@st.cache_data(max_entries=64)
def run_1d(lam: float, eta: float, x0: float, steps: int):
    """log10|x_k| and sign(x_k) of gradient descent on lam/2 x^2."""
    logs, signs = gd_quadratic_log10(lam, x0, eta, steps)
    return logs[:, 0], signs[:, 0]


@st.cache_data(max_entries=64)
def run_2d(L: float, mu: float, steps: int, **step_sizes: float):
    """Path and log10 distance to the minimum for each named step size."""
    return {key: (gd_quadratic([L, mu], START_2D, step, steps),
                  log10_norm(gd_quadratic_log10([L, mu], START_2D, step, steps)[0]))
            for key, step in step_sizes.items()}


run_schedules = st.cache_data(max_entries=64)(schedule_runs)


def widgets(controls: Controls, *keys: str) -> list:
    """The table's controls ``keys``, side by side in columns; their values in order."""
    return [controls.widget(key, container=column)
            for key, column in zip(keys, st.columns(4), strict=False)]


def regime_callout(name: str, lam: float, eta: float, lang: str) -> None:
    """The regime in words, coloured like the chart."""
    one, two = regime_thresholds(lam)
    text = t(f"gd.regime_text.{name}", lang, f=significant(contraction_factor(eta, lam), 4),
             one=significant(one, 4), two=significant(two, 4))
    box = {"diverging": st.error, "no_convergence": st.warning, "no_progress": st.warning}
    box.get(name, st.success)(text, icon=":material/insights:")


@section("one_dimension")
def one_dimension(lang: str, controls: Controls) -> None:
    st.header(t("gd.a.title", lang))
    explain(t("gd.a.intro", lang), lang)
    lam, eta, x0, steps = widgets(controls, "lam", "eta", "x0", "k")
    logs, signs = run_1d(lam, eta, x0, steps)
    name = regime(eta, lam)
    one, two = regime_thresholds(lam)
    m = st.columns(4)
    m[0].metric(t("gd.a.m_regime", lang), t(f"gd.regime.{name}", lang))
    m[1].metric(t("gd.a.m_factor", lang), significant(step_factor(eta, lam), 4),
                help=t("gd.a.m_factor.help", lang))
    m[2].metric(t("gd.a.m_thresholds", lang), f"{significant(one, 4)} · {significant(two, 4)}")
    m[3].metric(t("gd.a.m_last", lang, k=steps), scientific_from_log10(logs[-1], signs[-1]))
    regime_callout(name, lam, eta, lang)
    zero = first_zero_step(logs)
    if zero == 0:
        st.info(t("gd.a.start_zero", lang), icon=":material/info:")
    elif zero is not None:
        st.info(t("gd.a.exact_zero", lang, k=zero), icon=":material/info:")
    left, right = st.columns(2)
    with left:
        parabola_chart(lang, controls, lam, eta, x0, steps, logs, signs)
    with right:
        log_abs_chart(lang, controls, logs, signs, name)
    show_chart(charts.stability_template(
        x_title=t("gd.a.eta_axis", lang), y_title=t("gd.a.factor_axis", lang),
        title=t("gd.a.stability_title", lang), one_label=t("gd.a.one_label", lang)),
        "stability", controls,
        data=charts.stability_data(lam, eta, name,
                                   [f"1/λ = {significant(one)}", f"2/λ = {significant(two)}"],
                                   f"η = {plain(eta)}: {t(f'gd.regime.{name}', lang)}"),
        export_title=t("gd.a.stability_export_title", lang, lam=plain(lam)))
    st.caption(t("gd.a.stability_caption", lang))


def parabola_chart(lang: str, controls: Controls, lam: float, eta: float, x0: float,
                   steps: int, logs, signs) -> None:
    """The iterates on the parabola, and which later steps were left off."""
    data, first_off, bound = charts.parabola_data(lam, x0, logs, signs)
    show_chart(charts.parabola_template(
        x_title=t("gd.a.x", lang), y_title=t("gd.a.f", lang), step_title=t("gd.step", lang),
        title=t("gd.a.parabola_title", lang)), "parabola", controls, data=data,
        export_title=t("gd.a.parabola_export_title", lang, lam=plain(lam), eta=plain(eta)))
    st.caption(sentences([t("gd.a.parabola_caption", lang),
                          t("gd.a.cut", lang, first=first_off, last=steps, bound=plain(bound))
                          if first_off is not None else ""], lang))


def log_abs_chart(lang: str, controls: Controls, logs, signs, name: str) -> None:
    """|x_k| per step on a powers-of-ten axis (left out when x0 = 0: nothing to draw)."""
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


@section("two_dimensions")
def two_dimensions(lang: str, controls: Controls) -> None:
    st.header(t("gd.b.title", lang))
    explain(t("gd.b.intro", lang), lang)
    L, mu, frac, steps = widgets(controls, "L", "mu", "frac", "k2")
    pair = two_curvatures(L, mu, frac, SHRINK_DECADES)
    if pair.swapped:
        st.info(t("gd.b.swapped", lang, L=plain(pair.L), mu=plain(pair.mu)),
                icon=":material/swap_vert:")
    numbers = {"kappa": pair.kappa, "best": pair.best_lr, "rate": pair.best_rate,
               "eta": pair.lr, "own_rate": pair.rate}
    for column, (name, value) in zip(st.columns(5), numbers.items(), strict=True):
        column.metric(t(f"gd.b.m_{name}", lang), significant(value, 4), help=t(
            f"gd.b.m_{name}.help", lang) if name in ("best", "rate", "own_rate") else None)
    if pair.shrinks:
        st.markdown(t("gd.b.compare", lang, own=pair.steps, best=pair.best_steps,
                      factor=caret_power(SHRINK_DECADES)))
    else:
        st.error(t("gd.b.no_shrink", lang, eta=significant(pair.lr, 4),
                   two=significant(regime_thresholds(pair.L)[1], 4)), icon=":material/trending_up:")
    runs = run_2d(pair.L, pair.mu, steps, current=pair.lr, optimal=pair.best_lr)
    labels = {"current": t("gd.b.current", lang), "optimal": t("gd.b.optimal", lang)}
    keys = tuple(labels)
    data, cut = plane_charts.contour_data(pair.L, pair.mu, START_2D,
                                          {labels[k]: runs[k][0] for k in keys}, HALF_WIDTH_2D)
    left, right = st.columns(2)
    with left:
        show_chart(plane_charts.contour_template(
            half_width=HALF_WIDTH_2D, series_keys=keys,
            series_labels=tuple(labels[k] for k in keys), x_title=t("gd.b.x1", lang),
            y_title=t("gd.b.x2", lang), series_title=t("gd.b.series", lang),
            step_title=t("gd.step", lang), title=t("gd.b.contour_title", lang)),
            "contour_paths", controls, width="content", data=data,
            export_title=t("gd.b.paths_export_title", lang, L=plain(pair.L), mu=plain(pair.mu),
                           eta=significant(pair.lr)))
        st.caption(sentences([t("gd.b.contour_caption", lang),
                              t("gd.b.cut", lang) if cut else ""], lang))
    with right:
        distance = charts.series_frame({labels[k]: runs[k][1] for k in keys}, "log10_dist")
        show_chart(plane_charts.distance_template(
            series_keys=keys, series_labels=tuple(labels[k] for k in keys),
            x_title=t("gd.step", lang), y_title=t("gd.b.dist", lang),
            series_title=t("gd.b.series", lang), title=t("gd.b.dist_title", lang)),
            "distance_per_step", controls, data={"distance": distance})
        st.caption(t("gd.b.dist_caption", lang))
        for key, label in labels.items():
            zero = first_zero_step(runs[key][1])
            if zero is not None:
                st.info(t("gd.b.exact_zero", lang, name=label, k=zero), icon=":material/info:")


@section("schedules")
def schedules(lang: str, controls: Controls) -> None:
    st.header(t("gd.c.title", lang))
    threshold = regime_thresholds(LAMBDA_SCHEDULE)[1]
    explain(t("gd.c.intro", lang, lam=plain(LAMBDA_SCHEDULE), two=plain(threshold),
              x0=plain(X0_SCHEDULE)), lang)
    cols = st.columns(4)
    cols[0].markdown(t("gd.c.show", lang))
    shown = [schedule for schedule, key in SCHEDULE_TOGGLES.items()
             if controls.widget(key, container=cols[0])]
    eta0, ratio, steps = (controls.widget(key, container=column)
                          for key, column in zip(("eta0", "end", "k3"), cols[1:], strict=True))
    runs = run_schedules(eta0, ratio, steps, LAMBDA_SCHEDULE, X0_SCHEDULE)
    keys = ["constant", *shown]
    names = {k: t(f"gd.sched.{k}", lang) for k in keys}
    common = dict(series_keys=tuple(keys), series_labels=tuple(names[k] for k in keys),
                  x_title=t("gd.step", lang), series_title=t("gd.c.series", lang))
    left, right = st.columns(2)
    with left:
        show_chart(schedule_charts.schedule_lr_template(
            threshold=threshold, threshold_label=t("gd.c.threshold", lang),
            y_title=t("gd.c.lr", lang), title=t("gd.c.lr_title", lang), **common),
            "schedule_lr", controls,
            data=schedule_charts.rate_data({names[k]: runs[k].rates for k in keys}, threshold))
        st.caption(t("gd.c.lr_caption", lang))
    with right:
        show_chart(schedule_charts.schedule_log_template(
            y_title=t("gd.c.abs_x", lang), title=t("gd.c.log_title", lang), **common),
            "schedule_abs_x", controls,
            data=schedule_charts.log_data({names[k]: runs[k].log10_abs for k in keys},
                                          t("gd.c.float64", lang, max=FLOAT64_TEXT)))
        st.caption(t("gd.c.log_caption", lang))
    st.markdown(schedule_outcomes(runs, keys, names, eta0, steps, lang))
    drawn = schedule_charts.thinned_points(steps)
    if drawn is not None:
        st.caption(t("gd.c.thinned", lang, n=drawn, steps=steps))
    st.dataframe(schedule_table(runs, keys, names, LAMBDA_SCHEDULE, lang), hide_index=True)
    for k in keys:
        overflow, zero = runs[k].overflow, first_zero_step(runs[k].log10_abs)
        if overflow is not None:
            st.info(t("gd.c.overflow", lang, name=names[k], k=overflow, max=FLOAT64_TEXT),
                    icon=":material/info:")
        if zero is not None:
            st.info(t("gd.c.exact_zero", lang, name=names[k], k=zero), icon=":material/info:")


def schedule_outcomes(runs: dict, keys: list[str], names: dict, eta0: float, steps: int,
                      lang: str) -> str:
    """What each drawn schedule did: the constant one by its regime, the decaying ones grouped
    by how |x| moved (core.descent.schedule_courses)."""
    name = regime(eta0, LAMBDA_SCHEDULE)
    lines = [t("gd.c.outcome.constant", lang, name=names["constant"], eta=plain(eta0),
               f=significant(contraction_factor(eta0, LAMBDA_SCHEDULE), 4),
               regime=t(f"gd.regime.{name}", lang))]
    courses = schedule_courses({k: runs[k].rates for k in keys[1:]}, LAMBDA_SCHEDULE)
    lines += [t(f"gd.c.outcome.{course}", lang, steps=steps,
                names=t("gd.c.list_sep", lang).join(names[k] for k in members))
              for course, members in courses.items()]
    return "\n".join(f"- {line}" for line in lines)


def seed_loop(lang: str) -> None:
    st.header(t("gd.d.title", lang))
    explain(t("gd.d.intro", lang), lang)
    value = seed_article_loop()
    number = scientific_number(value, 3)
    loop = {"lr": plain(ARTICLE_LR), "epochs": ARTICLE_EPOCHS, "g0": plain(ARTICLE_G0)}
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('gd.d.article', lang)}**")
        st.code(ARTICLE_LOOP_SOURCE, language="python")
        st.latex(rf"g_{{{ARTICLE_EPOCHS}}} = (1-{plain(ARTICLE_LR)})^{{{ARTICLE_EPOCHS}}}\, g_0 = "
                 + latex_scientific_number(value, 3) + r"\, g_0")
        st.metric(t("gd.d.m_value", lang, **loop), number, help=t("gd.d.m_value.help", lang))
    with right:
        st.markdown(f"**{t('gd.d.real', lang)}**")
        st.code("for _ in range(epochs):\n    grad = dloss_dw(w)  # " + t("gd.d.fresh", lang)
                + "\n    w = w - learning_rate * grad", language="python")
        st.latex(r"w_{k+1} = w_k - \eta\, \frac{\partial \mathcal{L}}{\partial w}(w_k)")
        explain(t("gd.d.real_text", lang), lang)
    st.success(t("gd.d.verdict", lang, number=number, factor=plain(step_factor(ARTICLE_LR, 1.0)),
                 regime=t(f"gd.regime.{regime(ARTICLE_LR, 1.0)}", lang), **loop),
               icon=":material/check_circle:")


lang = page_setup("descent")
st.title(t("page.descent", lang))
controls = Controls(lang, TABLE)
explain(t("gd.intro", lang), lang)
st.latex(r"x_{k+1} = x_k - \eta\, f'(x_k) = (1 - \eta\lambda)\, x_k"
         r"\quad\Longrightarrow\quad x_k = (1-\eta\lambda)^k\, x_0")
quiz_card(lang, controls)
one_dimension(lang, controls)
two_dimensions(lang, controls)
schedules(lang, controls)
seed_loop(lang)
controls.report()
