"""The work cap: what fits is the most that fits, never more than asked, never below the floor."""

import math

from hypothesis import given
from hypothesis import strategies as st

from core import budget


@given(st.integers(1, 10_000), st.floats(0.5, 1e4), st.floats(1.0, 1e5), st.integers(1, 60),
       st.integers(1, 50))
def test_affordable_is_the_count_asked_or_the_largest_multiple_that_fits(
        asked, unit_cost, cap, minimum, multiple):
    count = budget.affordable(asked, unit_cost, cap, minimum, multiple)
    largest_fitting_multiple = max(n for n in range(0, int(cap) + 2, multiple)
                                   if n * unit_cost <= cap)
    assert count == max(minimum, min(asked, largest_fitting_multiple))


@given(st.integers(1, 200), st.integers(4, 512), st.integers(1, 32))
def test_an_ensemble_fits_its_cap_or_is_one_network_of_the_widest_width_that_does(depth, width,
                                                                                  samples):
    used_samples, used_width = budget.ensemble_size(depth, width, samples)
    cost = depth * used_width**2 * used_samples
    if depth * width**2 <= budget.ENSEMBLE_ENTRIES:
        assert used_width == width and 1 <= used_samples <= samples
        assert cost <= budget.ENSEMBLE_ENTRIES or used_samples == 1
        assert used_samples == samples or depth * width**2 * (used_samples + 1) > \
            budget.ENSEMBLE_ENTRIES
    else:
        assert used_samples == 1 and cost <= budget.ENSEMBLE_ENTRIES
        assert depth * (used_width + 1) ** 2 > budget.ENSEMBLE_ENTRIES


def test_the_defaults_run_in_full():
    assert budget.ensemble_size(50, 128, 8) == (8, 128)
    assert budget.training_steps(500, 4, 32, False, minimum=20) == 500


def test_training_steps_scale_down_with_cost_and_keep_a_floor():
    steps = budget.training_steps(2000, 16, 64, True, minimum=20)
    assert steps == math.floor(budget.TRAINING_WORK / (16 * 64**2 * 1.5))
    assert budget.training_steps(2000, 10**6, 64, False, minimum=20) == 20


def test_saliency_steps_are_multiples_of_fifty():
    assert budget.saliency_steps(400, 4, 32) == 400
    capped = budget.saliency_steps(2000, 4, 64)  # 9.46 units a step: 348 fit, so 300
    assert capped == 300
    assert budget.saliency_steps(2000, 10**5, 128) == 50


def test_the_deepest_widest_explosion_column_affords_four_of_eight_samples():
    assert budget.affordable(8, 100 * 128**2, budget.COLUMN_ENTRIES) == 4
    assert budget.affordable(8, 100 * 136**2, budget.COLUMN_ENTRIES) == 3


@given(st.integers(1, 40), st.integers(1, 200), st.integers(1, 256))
def test_a_phase_grid_fits_when_its_entries_are_within_the_cap(gains, depth, width):
    assert budget.phase_grid_fits(gains, depth, width) == (
        gains * depth * width * width <= budget.PHASE_ENTRIES)


def test_every_gain_of_a_64_wide_phase_grid_fits_and_of_a_72_wide_one_does_not():
    assert budget.phase_grid_fits(17, 100, 64)
    assert not budget.phase_grid_fits(17, 100, 72)
    assert budget.phase_grid_fits(9, 100, 72)  # every other gain
