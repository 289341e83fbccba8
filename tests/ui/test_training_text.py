"""The training lab's story placeholders: the exact text each number is written as."""

import math

from ui.training_text import one_decimal, story_words, two_significant


def numbers(run: dict | None = None, b: dict | None = None) -> dict:
    network = {"depth": 8, "hidden": 7, "width": 32, "gain": 2.0, "lr": 0.01, "momentum": 0.9,
               "eps": 1e-8, "spread0": -0.04, "n_var": 8.000001, "cap": 0.5, "factor": 4.0}
    run = run or {"steps": 500, "clipped": 12, "spread": -2.35, "n_var": 7.96, "at_bound": 0.973,
                  "skips": 0, "majority": 0.995, "thr": 1.0, "grad0": 1234.5, "ratio": 3.04,
                  "silent": 62, "loss": 0.123456, "half": 26, "end": 0.047619,
                  "g1_start": 0.0123, "g1_end": 0.000456}
    return {"network": network, "runs": {"A": run}, **({"b": b} if b else {})}


def test_network_numbers_are_written_by_name():
    words = story_words(numbers())
    assert {key: words[key] for key in numbers()["network"]} == {
        "depth": 8, "hidden": 7, "width": 32, "gain": "2", "lr": "0.01", "momentum": "0.9",
        "eps": "1e-08", "spread0": "-0.0", "n_var": "8", "cap": "0.5", "factor": "4"}


def test_run_numbers_carry_the_run_key_as_a_suffix():
    words = story_words(numbers())
    assert {key: value for key, value in words.items() if key.endswith("_a")} == {
        "steps_a": 500, "clipped_a": 12, "spread_a": "-2.4", "n_var_a": "8.0",
        "at_bound_a": "97", "skips_a": 0, "majority_a": "100", "thr_a": "1",
        "grad0_a": "1.23e+03", "ratio_a": "3.0", "silent_a": 62, "loss_a": "0.123",
        "half_a": "26", "end_a": "0.0476", "g1_start_a": "0.012", "g1_end_a": "0.00046"}


def test_missing_run_numbers_are_blank_or_a_dash():
    run = {"steps": 3, "clipped": 0, "spread": 0.0, "n_var": None, "at_bound": 0.0, "skips": 2,
           "majority": 0.5, "thr": None, "half": None}
    words = story_words(numbers(run))
    assert (words["n_var_a"], words["thr_a"], words["half_a"]) == ("", "", "–")


def test_b_numbers_are_written_by_name():
    b = {"decay": 20.0, "spec_lo": 1.8765, "spec_hi": math.inf, "c": 0.2, "bound": 6.4,
         "ncc": 1.28}
    words = story_words(numbers(b=b))
    assert {key: words[key] for key in b} == {
        "decay": "20", "spec_lo": "1.9", "spec_hi": "inf", "c": "0.2", "bound": "6.4",
        "ncc": "1.3"}
    assert "decay" not in story_words(numbers())


def test_named_formats():
    assert (one_decimal(-2.35), one_decimal(0.04)) == ("-2.4", "0.0")
    assert (two_significant(0.000456), two_significant(6.4), two_significant(12.5)) == (
        "0.00046", "6.4", "12")
