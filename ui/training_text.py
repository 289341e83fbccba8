"""The training lab's story numbers as its sentences write them (core.lab_measures.story_numbers
returns the numbers; every format is chosen here, by the placeholder's name)."""

from collections.abc import Callable

from ui.format import fixed, or_empty, or_missing, percent_number, plain, significant


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
