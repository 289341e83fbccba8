"""Predict-then-check questions, a few per explainer page.

A question names a scenario (a preset, or the learner's current settings, plus changes), its
options, and an ``answer`` function that runs the same core call the page's chart draws from
and returns the option the numbers make true, with the numbers for one sentence of why. No
answer is typed into a string, so a question stays right when the settings change.

Strings (``ui/i18n/q_<page>.py``): ``q.<page>.<id>`` the prompt, ``q.<page>.<id>.<option>``
each option, ``q.<page>.<id>.<why>`` the sentence of why (``Answer.why`` picks it); all take
the placeholders of ``Question.prompt_values`` (the prompt and options) and ``Answer.numbers``
(the why).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ui.control_table import ControlTable


@dataclass(frozen=True)
class Answer:
    """What the computed numbers say: the option that is true, and the why sentence's numbers."""

    correct: str
    numbers: Mapping[str, str] = field(default_factory=dict)  # formatted (ui/format.py)
    why: str = "why"  # the why sentence's key suffix, chosen by the numbers


@dataclass(frozen=True)
class Question:
    """One question of a page.

    id: short, [a-z0-9_]; options: 2-4 option ids; answer(settings) -> Answer, where settings
    are every control of the page's table in the scenario; preset: the scenario starts from
    this preset (None: from the learner's current settings); changes: then these controls
    change; chart: the chart id whose picture shows the answer (outlined once answered, while
    the page is at the scenario; until then everything below the card is blurred);
    prompt_values(settings, lang) -> placeholders of the prompt and the options.
    """

    id: str
    options: tuple[str, ...]
    answer: Callable[[dict], Answer]
    preset: str | None = None
    changes: Mapping[str, object] = field(default_factory=dict)
    chart: str | None = None
    prompt_values: Callable[[dict, str], dict] | None = None

    def scenario(self, table: ControlTable, current: Mapping[str, object]) -> dict:
        """Every control's value in this question's scenario."""
        base = table.presets[self.preset] if self.preset else {**table.defaults, **current}
        return {**base, **self.changes}


def check_questions(table: ControlTable, questions: tuple[Question, ...]) -> tuple:
    """Raise at import if a question names an unknown preset or control, or has a bad shape."""
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{table.page_id}: two questions share an id")
    for q in questions:
        if q.preset is not None and q.preset not in table.presets:
            raise KeyError(f"{table.page_id}.{q.id}: no preset {q.preset!r}")
        table.with_changes(q.changes, f"question {q.id}")
        if not 2 <= len(q.options) <= 4 or len(set(q.options)) != len(q.options):
            raise ValueError(f"{table.page_id}.{q.id}: 2-4 distinct options")
    return questions


def bucket(value: float, edges: tuple[float, ...], options: tuple[str, ...]) -> str:
    """The option whose range holds ``value``: options[i] covers [edges[i-1], edges[i])."""
    if len(options) != len(edges) + 1:
        raise ValueError("one option more than edges")
    return options[sum(value >= edge for edge in edges)]
