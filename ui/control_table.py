"""One table of controls per page: each control's key, kind, range or options, default and
label, stated once, and the page's presets written as changes to those defaults.

A page builds its widgets from its table (``Controls.widget(key)``), the share link carries the
settings that differ from the table's defaults, and a preset cannot name a control that does not
exist or a value the control cannot take: the table checks both when it is built.

Example (``ui/tables/chain_rule.py``)::

    TABLE = ControlTable("chain_rule", "cr.preset.", (
        Slider("depth", "cr.depth", 1, 200, 50, help="cr.depth.help"),
        Select("act", "cr.act", ACTIVATIONS, "relu", option_label="act."),
        seed_slider(),
    ), presets={"exploding": {"depth": 100}})
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Slider:
    """A number slider; integer if low, high, default (and step) are all integers."""

    key: str
    label: str
    low: float
    high: float
    default: float
    step: float | None = None
    help: str | None = None
    fmt: str | None = None  # printf-style, e.g. "%.3f"
    help_values: Mapping[str, object] = field(default_factory=dict)

    @property
    def integer(self) -> bool:
        return all(isinstance(v, int) for v in (self.low, self.high, self.default)) and (
            self.step is None or isinstance(self.step, int))

    @property
    def grid_step(self) -> float:
        """The step between the slider's values (1, or a hundredth of the range, by default)."""
        if self.step is not None:
            return self.step
        return 1 if self.integer else (self.high - self.low) / 100

    def accepts(self, value) -> bool:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return (number and self.low <= value <= self.high
                and (not self.integer or float(value).is_integer()))


@dataclass(frozen=True)
class Select:
    """A choice among language-independent ids, each labelled ``option_label + id``."""

    key: str
    label: str
    options: Sequence[str]
    default: str
    option_label: str
    help: str | None = None
    radio: bool = False  # a horizontal radio instead of a select box

    def accepts(self, value) -> bool:
        return value in self.options


@dataclass(frozen=True)
class Toggle:
    """An on/off checkbox, written ``key=true/false`` in a link."""

    key: str
    label: str
    default: bool = False
    help: str | None = None

    def accepts(self, value) -> bool:
        return isinstance(value, bool)


Control = Slider | Select | Toggle


def seed_slider(default: int = 0) -> Slider:
    """The random-seed control every page with randomness has (0-9999)."""
    return Slider("seed", "control.seed", 0, 9999, default, help="control.seed.help")


class ControlTable:
    """A page's controls, their defaults, and its presets (full settings, checked)."""

    def __init__(self, page_id: str, preset_label: str, controls: Sequence[Control],
                 presets: Mapping[str, Mapping[str, object]] | None = None):
        self.page_id = page_id
        self.preset_label = preset_label  # presets are labelled preset_label + preset id
        self.controls = MappingProxyType({control.key: control for control in controls})
        if len(self.controls) != len(controls):
            raise ValueError(f"{page_id}: two controls share a key")
        self.defaults = MappingProxyType({key: c.default for key, c in self.controls.items()})
        for key, control in self.controls.items():
            if not control.accepts(control.default):
                raise ValueError(f"{page_id}: the default of {key!r} is not a value it can take")
        self.presets = MappingProxyType({
            name: MappingProxyType(self.with_changes(changes, name))
            for name, changes in (presets or {}).items()})

    def with_changes(self, changes: Mapping[str, object], name: str = "settings"
                     ) -> dict[str, object]:
        """The defaults with ``changes``; each change must name a control and fit it."""
        unknown = sorted(set(changes) - set(self.controls))
        if unknown:
            raise KeyError(f"{self.page_id} {name}: not a control of the page: {unknown}")
        wrong = sorted(key for key, value in changes.items()
                       if not self.controls[key].accepts(value))
        if wrong:
            raise ValueError(f"{self.page_id} {name}: a value the control cannot take: {wrong}")
        return {**self.defaults, **changes}

    def __getitem__(self, key: str) -> Control:
        return self.controls[key]
