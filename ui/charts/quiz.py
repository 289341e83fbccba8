"""The room poll's chart: how many people chose each option, the computed answer marked once
revealed."""

import altair as alt
import pandas as pd

from ui.charts.common import BLUE, GREEN, GREY, finish, template

STATES = ("hidden", "correct", "other")  # before the reveal every bar is "hidden"
STATE_COLORS = (BLUE, GREEN, GREY)


def answer_counts(options: tuple[str, ...], labels: dict[str, str], counts: dict[str, int],
                  correct: str | None) -> pd.DataFrame:
    """One row per option (never empty): label, count, state; ``correct`` None: not revealed."""
    return pd.DataFrame({
        "option": list(options),
        "label": [labels[o] for o in options],
        "count": [int(counts.get(o, 0)) for o in options],
        "state": ["hidden" if correct is None else "correct" if o == correct else "other"
                  for o in options]})


@template
def answers_template(*, x_title: str, state_labels: tuple[str, ...], legend_title: str,
                     height: int = 200) -> alt.TopLevelMixin:
    """Horizontal bars of answers per option. Named dataset ``answers`` (option, label, count,
    state in STATES); ``state_labels`` translate STATES for the legend."""
    legend_names = alt.expr.if_(alt.datum.state == STATES[1], state_labels[1],
                                alt.expr.if_(alt.datum.state == STATES[2], state_labels[2],
                                             state_labels[0]))
    base = alt.Chart(alt.NamedData("answers")).transform_calculate(legend=legend_names)
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("count:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domainMin=0, nice=True)),
        # no legend: the verdict under the chart names the computed answer in words
        color=alt.Color("legend:N", legend=None,
                        scale=alt.Scale(domain=list(state_labels), range=list(STATE_COLORS))),
        tooltip=[alt.Tooltip("label:N", title=legend_title), alt.Tooltip("count:Q")])
    labels = base.mark_text(align="left", dx=4, fontSize=16, fontWeight="bold").encode(
        y=alt.Y("label:N", sort=None), x="count:Q", text="count:Q")
    return finish(bars + labels, height=height)
