"""The training lab's story numbers as its sentences write them (core.lab_measures.story_numbers
returns the numbers; every format is chosen here, by the placeholder's name)."""

from collections.abc import Callable

from core.switches import switch_clauses
from ui.format import fixed, or_empty, or_missing, percent_number, plain, significant
from ui.i18n import sentences, t


def one_decimal(value: float) -> str:
    """A log10 spread, a mean n·Var[w] or a log10 ratio: one decimal (-2.35 -> '-2.4')."""
    return fixed(value, 1)


def two_significant(value: float) -> str:
    """A norm or a bound: two significant digits (6.4, 0.00046)."""
    return significant(value, 2)


# A's setting and initial network; a name not listed (depth, hidden, width) is written as is.
NETWORK_FORMATS: dict[str, Callable] = {
    "gain": plain, "lr": plain, "momentum": plain, "eps": plain, "spread0": one_decimal,
    "n_var": significant, "cap": significant, "factor": significant}
# One run's numbers (the sentences name them with the run's suffix: steps_a, loss_b).
RUN_FORMATS: dict[str, Callable] = {
    "spread": one_decimal, "n_var": lambda value: or_empty(value, one_decimal),
    "at_bound": percent_number, "majority": percent_number,
    "thr": lambda value: or_empty(value, plain), "grad0": significant, "ratio": one_decimal,
    "loss": significant, "half": lambda value: or_missing(value, str), "end": significant,
    "g1_start": two_significant, "g1_end": two_significant}
B_FORMATS: dict[str, Callable] = {
    "decay": plain, "spec_lo": two_significant, "spec_hi": two_significant, "c": plain,
    "bound": two_significant, "ncc": two_significant}


def written(numbers: dict, formats: dict[str, Callable]) -> dict:
    """Each number in its format; a number without one (a count) as it is."""
    return {name: formats[name](value) if name in formats else value
            for name, value in numbers.items()}


def story_words(numbers: dict) -> dict:
    """The placeholders of a preset's story, from core.lab_measures.story_numbers: A's network
    by name, each run's numbers suffixed with its key (n_var_a), B's changes by name."""
    words = written(numbers["network"], NETWORK_FORMATS)
    for key, run in numbers["runs"].items():
        words |= {f"{name}_{key.lower()}": text
                  for name, text in written(run, RUN_FORMATS).items()}
    return words | written(numbers.get("b", {}), B_FORMATS)


# ---------------------------------------------------------------- a mid-run switch

SWITCH_FORMATS: dict[str, Callable] = {
    "value": plain, "lr_before": significant, "grad_at": significant, "loss_at": significant,
    "loss_end": significant, "at_bound": percent_number}


def switch_words(measures: dict) -> dict:
    """core.switches.switch_measures as its sentences write them: at, value, lr_before, grad_at,
    loss_at, loss_end, at_bound, clipped, after, diverged."""
    numbers = {name: value for name, value in measures.items()
               if name not in ("kind", "acted", "before")}
    numbers |= {"clipped": measures.get("clipped_after"), "after": measures.get("steps_after")}
    return written(numbers, SWITCH_FORMATS)


def switch_label(switch, lang: str) -> str:
    """What B's switch does, for B's label: "from step 60: clip by norm at 1"."""
    return t(f"tl.diff.switch.{switch.kind}", lang, at=switch.step, value=plain(switch.value))


def switch_text(measures: dict, same_before: bool, steps: int, lang: str) -> str:
    """What B's switch did, from its measures (core.switches): the sentences switch_clauses
    chooses, after "B's curves are A's up to the switch" when nothing else differs."""
    words = switch_words(measures) | {"steps": steps}
    keys = (["tl.switch.same_before"] if same_before and measures["acted"] else [])
    keys += switch_clauses(measures)
    return sentences([t(key, lang, **words) for key in keys], lang)


def describe_b(a, b, lang: str) -> str:
    """What configuration B changes against A (core.training.TrainConfig), in words (e.g.
    "clip by norm at 1")."""
    parts = []
    if (a.grad_clip, a.grad_clip_method) != (b.grad_clip, b.grad_clip_method):
        parts.append(t("tl.diff.noclip", lang) if b.grad_clip is None else
                     t("tl.diff.clip", lang, method=t(f"method.{b.grad_clip_method}", lang),
                       thr=plain(b.grad_clip)))
    if a.lr != b.lr:
        parts.append(t("tl.diff.lr", lang, lr=plain(b.lr)))
    if a.schedule != b.schedule:
        parts.append(t("tl.diff.sched", lang, sched=t(f"tl.sched.{b.schedule}", lang)))
    if a.optimizer != b.optimizer:
        parts.append(t("tl.diff.opt", lang, opt=t(f"tl.opt.{b.optimizer}", lang)))
    if a.init != b.init:
        parts.append(t("tl.diff.init", lang, init=t(f"init.{b.init}", lang)))
    if a.batch_norm != b.batch_norm:
        parts.append(t("tl.diff.bn_on" if b.batch_norm else "tl.diff.bn_off", lang))
    if a.residual != b.residual:
        parts.append(t("tl.diff.res_on" if b.residual else "tl.diff.res_off", lang))
    if a.weight_clip != b.weight_clip:
        parts.append(t("tl.diff.nowc", lang) if b.weight_clip is None else
                     t("tl.diff.wc", lang, c=plain(b.weight_clip)))
    if b.switch is not None:
        parts.append(switch_label(b.switch, lang))
    return t("tl.diff.sep", lang).join(parts) or t("tl.diff.none", lang)
