"""Every page number formatter, with the exact text it writes."""

import math

import pytest

from ui.format import (
    MISSING,
    caret_power,
    caret_power_of_ten,
    caret_power_of_ten_or_zero,
    decade_count,
    e_power_of_ten,
    factor,
    factor_change,
    factor_from_log10,
    fixed,
    latex_power_of_ten,
    latex_scientific_number,
    mantissa_and_exponent,
    or_empty,
    or_missing,
    percent,
    percent_number,
    percent_value,
    plain,
    scientific_from_log10,
    scientific_number,
    short_number,
    signed_fixed,
    signed_significant,
    significant,
    superscript_digits,
    superscript_scientific,
    tidy_decimal,
    word_list,
)

INF, NAN = math.inf, math.nan


@pytest.mark.parametrize("value, text", [
    (0.5, "0.5"), (2, "2"), (2.0, "2"), (-1.0, "-1"), (100.0, "100"), (0.0001, "0.0001"),
    (1e-5, "1e-05"), (1234567.0, "1.23457e+06"), (0.1 + 0.2, "0.3"),  # 6 significant digits
])
def test_plain(value, text):
    assert plain(value) == text


@pytest.mark.parametrize("value, digits, text", [
    (0.125, 2, "0.12"), (0.375, 2, "0.38"),  # exact binary ties go to the even digit
    (2.5, 0, "2"), (3.5, 0, "4"),
    (0.995, 2, "0.99"),  # 0.995 is 0.99499999... in binary: down
    (99.95, 1, "100.0"),  # 99.95 is 99.95000000000000284... in binary: up
    (1.0, 4, "1.0000"), (-0.0004, 3, "-0.000"), (NAN, 2, "nan"),
])
def test_fixed(value, digits, text):
    assert fixed(value, digits) == text


@pytest.mark.parametrize("value, digits, text", [
    (0.125, 3, "+0.125"), (-1.5, 3, "-1.500"), (0.0, 3, "+0.000"), (-0.0004, 3, "-0.000"),
])
def test_signed_fixed(value, digits, text):
    assert signed_fixed(value, digits) == text


@pytest.mark.parametrize("value, digits, text", [
    (0.012345, 3, "0.0123"), (12345.0, 3, "1.23e+04"), (1.0, 3, "1"), (2 / 3, 4, "0.6667"),
    (0.9995, 3, "1"), (0.99949, 3, "0.999"), (INF, 3, "inf"),
])
def test_significant(value, digits, text):
    assert significant(value, digits) == text


def test_significant_defaults_to_three_digits():
    assert significant(0.012345) == "0.0123"


@pytest.mark.parametrize("value, digits, text", [
    (0.5, 3, "+0.5"), (-1.25, 3, "-1.25"), (0.0, 3, "+0"), (-0.8, 3, "-0.8"),
    (-12345.0, 3, "-1.23e+04"), (2 / 3, 2, "+0.67"),
])
def test_signed_significant(value, digits, text):
    assert signed_significant(value, digits) == text


@pytest.mark.parametrize("value, text", [
    (1.0, "1.00"), (0.5, "0.500"), (0.9995, "1.00"), (2500.0, "2.50e+03"),
    (123.456, "123."),  # the '#' flag keeps the decimal point when no digit follows
])
def test_factor(value, text):
    assert factor(value) == text


@pytest.mark.parametrize("value, text", [
    (0.5, "+0.500"), (-1.0, "-1.00"), (0.0, "+0.00"), (-0.00123, "-0.00123"),
])
def test_factor_change(value, text):
    assert factor_change(value) == text


@pytest.mark.parametrize("share, digits, text", [
    (0.973, 0, "97"), (0.0, 0, "0"), (1.0, 0, "100"),
    (0.995, 0, "100"),  # 100 * 0.995 is exactly 99.5 in float64, and the tie goes to even: 100
    (0.985, 0, "98"),  # 100 * 0.985 is exactly 98.5: the tie goes to even, 98
    (0.005, 0, "0"), (0.015, 0, "2"),  # 0.5 -> 0 and 1.5 -> 2, ties to even
    (0.9995, 1, "100.0"), (0.12345, 1, "12.3"),
    (0.95, None, "95"), (0.125, None, "12.5"), (0.01, None, "1"), (1 - 0.01, None, "99"),
    (0.07, None, "7"),  # 100 * 0.07 = 7.000000000000001: six significant digits hide it
])
def test_percent_number(share, digits, text):
    assert percent_number(share, digits) == text


@pytest.mark.parametrize("share, text", [
    (0.973, "97%"), (0.995, "100%"), (0.985, "98%"), (1.0, "100%"), (0.0, "0%"),
])
def test_percent(share, text):
    assert percent(share) == text


@pytest.mark.parametrize("value, digits, text", [
    (97.25, 1, "97.2%"),  # 97.25 is exact in binary: the tie goes to even
    (97.35, 1, "97.3%"),  # 97.35 is 97.3499999... in binary
    (100.0, 1, "100.0%"), (50.45, 1, "50.5%"), (49.5, 0, "50%"), (50.5, 0, "50%"),
])
def test_percent_value(value, digits, text):
    assert percent_value(value, digits) == text


def test_or_missing_writes_a_dash_only_for_none():
    assert or_missing(None, plain) == MISSING == "–"
    assert or_missing(0.0, plain) == "0"
    assert or_missing(3, str) == "3"


def test_or_empty_writes_nothing_only_for_none():
    assert or_empty(None, plain) == ""
    assert or_empty(0.0, plain) == "0"
    assert or_empty(1.25, lambda value: fixed(value, 1)) == "1.2"


@pytest.mark.parametrize("value, text", [
    (0.1 * 3, "0.3"), (4.0, "4.0"), (0.4, "0.4"), (1234.5678901, "1234.56789"),
    (4e-7, "0.0"),  # below 6 decimals nothing is left
])
def test_tidy_decimal(value, text):
    assert tidy_decimal(value) == text


@pytest.mark.parametrize("exponent, text", [
    (6, "10^6"), (-1.0, "10^-1"), (1.0, "10^1"), (2.5, "10^2.5"),
])
def test_caret_power(exponent, text):
    assert caret_power(exponent) == text


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
