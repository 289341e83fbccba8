"""Every page number formatter, with the exact text it writes."""

import math

import pytest

from ui.format import (
    caret_power_of_ten,
    caret_power_of_ten_or_zero,
    decade_count,
    e_power_of_ten,
    factor_from_log10,
    latex_power_of_ten,
    latex_scientific_number,
    mantissa_and_exponent,
    scientific_from_log10,
    scientific_number,
    short_number,
    superscript_digits,
    superscript_scientific,
    word_list,
)

INF, NAN = math.inf, math.nan


@pytest.mark.parametrize("log10_value, text", [
    (0.0, "1.00"), (0.5, "3.16"), (math.log10(2500), "2.50e+03"), (-2.0, "0.0100"),
    (-300.0, "1.00e-300"), (300.0, "1.00e+300"),
    (-INF, "0"), (INF, "0"), (NAN, "0"),  # an exact zero factor has log10 = -inf
])
def test_factor_from_log10(log10_value, text):
    assert factor_from_log10(log10_value) == text


@pytest.mark.parametrize("value, text", [
    (0.0, "0"), (1e-7, "1e-07"), (0.0044, "0.0044"), (0.0999, "0.1"), (0.1, "0.10"),
    (12.3, "12.30"), (1234.5, "1234.50"),
])
def test_decade_count(value, text):
    assert decade_count(value) == text


@pytest.mark.parametrize("value, text", [
    (0.0, "0"), (1.39e-3, "1.39e-3"), (-0.005, "-5.00e-3"), (1e-300, "1.00e-300"),
    (0.01, "0.01"), (3.14159, "3.14"), (-3.14159, "-3.14"), (99.96, "100"), (123.4, "123"),
    (99999.0, "99999"), (1e5, "1.00e5"), (-2.5e12, "-2.50e12"), (1.5e300, "1.50e300"),
])
def test_short_number(value, text):
    assert short_number(value) == text


@pytest.mark.parametrize("log10_value, text", [
    (0.0, "10^0.0"), (3.94, "10^3.9"), (-2.26, "10^-2.3"), (400.0, "10^400.0"),
    (-INF, "10^-inf"), (NAN, "10^nan"),
])
def test_caret_power_of_ten(log10_value, text):
    assert caret_power_of_ten(log10_value) == text


@pytest.mark.parametrize("log10_value, text", [
    (0.0, "10^0.0"), (3.94, "10^3.9"), (-2.26, "10^-2.3"), (-400.0, "10^-400.0"),
    (-INF, "0"), (INF, "0"), (NAN, "–"),
])
def test_caret_power_of_ten_or_zero(log10_value, text):
    assert caret_power_of_ten_or_zero(log10_value) == text


@pytest.mark.parametrize("log10_abs, sign, digits, text", [
    (math.log10(28.925), -1.0, 4, "-2.8925e+1"),
    (0.0, 1.0, 4, "1.0000e+0"),
    (math.log10(9.99999), 1.0, 4, "1.0000e+1"),  # the mantissa rounds up to 10
    (math.log10(1.7976931348623157e308), 1.0, 1, "1.8e+308"),
    (477.0, 1.0, 4, "1.0000e+477"),  # beyond float64
    (-400.0, -1.0, 3, "-1.000e-400"),
    (-INF, 1.0, 4, "0"), (5.0, 0.0, 4, "0"),  # exact zeros
])
def test_scientific_from_log10(log10_abs, sign, digits, text):
    assert scientific_from_log10(log10_abs, sign, digits) == text


def test_scientific_from_log10_defaults_to_positive_with_four_digits():
    assert scientific_from_log10(math.log10(4.3e-5)) == "4.3000e-5"


def test_mantissa_and_exponent_reads_back_the_guide_example():
    # |x_10| = 1.4^10 = 28.9254655 on lambda = 4, eta = 0.6 (GUIDE 1), given as its log10
    assert mantissa_and_exponent(10 * math.log10(1.4), 1.0, digits=6) == (2.892547, 1)
    assert mantissa_and_exponent(477.25, -1.0)[1] == 477
    assert mantissa_and_exponent(477.25, -1.0)[0] < 0
    assert mantissa_and_exponent(-INF, 0.0) == (0.0, 0)
    assert mantissa_and_exponent(math.log10(9.99999), 1.0, digits=3) == (1.0, 1)  # not 10.000
    assert mantissa_and_exponent(math.log10(4.317124741e-5), 1.0, digits=3) == (4.317, -5)


@pytest.mark.parametrize("value, digits, text, latex", [
    (0.99 ** 1000, 3, "4.317e-5", r"4.317\times 10^{-5}"),
    (-28.9254655, 4, "-2.8925e+1", r"-2.8925\times 10^{+1}"),
    (1.0, 4, "1.0000e+0", r"1.0000\times 10^{+0}"),
    (0.0, 3, "0", "0"),
])
def test_scientific_number_and_its_latex(value, digits, text, latex):
    assert scientific_number(value, digits) == text
    assert latex_scientific_number(value, digits) == latex


@pytest.mark.parametrize("log10_value, text", [
    (0.0, "1"), (2.0, "100"), (-3.5, "0.000316"), (3.99, "9.77e+03"), (4.0, "1e4"),
    (41.2, "1e41"), (-5.0, "1e-5"), (400.0, "1e400"), (-400.0, "1e-400"),
])
def test_e_power_of_ten(log10_value, text):
    assert e_power_of_ten(log10_value) == text


@pytest.mark.parametrize("value, text", [
    (4.3e-5, "4.3×10⁻⁵"), (9.96e-5, "1.0×10⁻⁴"), (1.0, "1.0×10⁰"), (0.0, "0.0×10⁰"),
    (-2.5e12, "-2.5×10¹²"), (1e300, "1.0×10³⁰⁰"), (5e-324, "4.9×10⁻³²⁴"),
])
def test_superscript_scientific(value, text):
    assert superscript_scientific(value) == text


def test_superscript_digits():
    assert superscript_digits("-5") == "⁻⁵"
    assert superscript_digits("1000") == "¹⁰⁰⁰"
    assert superscript_digits("0123456789") == "⁰¹²³⁴⁵⁶⁷⁸⁹"


@pytest.mark.parametrize("items, lang, text", [
    ([], "en", ""), (["c"], "en", "c"), (["2c", "c"], "en", "2c and c"),
    (["4c", "2c", "c"], "en", "4c, 2c and c"), (["4c", "2c", "c"], "zh", "4c、2c 和 c"),
])
def test_word_list(items, lang, text):
    assert word_list(items, lang) == text


@pytest.mark.parametrize("log10_value, latex", [(-6.0, "10^{-6}"), (-5.0, "10^{-5}"),
                                                (3.0, "10^{3}"), (0.0, "10^{0}")])
def test_latex_power_of_ten(log10_value, latex):
    assert latex_power_of_ten(log10_value) == latex
