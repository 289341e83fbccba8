"""Numbers as page text: every formatter the pages use, each named after what it writes.

Values given as log10 (``*_from_log10``, ``*_power_of_ten``) may lie beyond float64; the
others take the number itself. Tested in tests/ui/test_format.py.
"""

import math
from collections.abc import Callable

from ui.i18n import t

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
MISSING = "–"  # an en dash, where there is no number to show


def superscript_digits(text: str) -> str:
    """'-5' -> '⁻⁵': digits and minus signs raised, for exponents in prose."""
    return text.translate(SUPERSCRIPT)


def plain(value: float) -> str:
    """A setting or constant as typed: Python's general format (0.5, 2, 1e-05, 1.23457e+06)."""
    return f"{value:g}"


def fixed(value: float, digits: int) -> str:
    """Exactly ``digits`` decimals (0.125 -> '0.12' at 2: the nearest, ties to even)."""
    return f"{value:.{digits}f}"


def signed_fixed(value: float, digits: int) -> str:
    """Like fixed, with the sign always written: +0.125, -1.500."""
    return f"{value:+.{digits}f}"


def significant(value: float, digits: int = 3) -> str:
    """``digits`` significant digits, trailing zeros dropped (0.0123, 1.23e+04, 1)."""
    return f"{value:.{digits}g}"


def signed_significant(value: float, digits: int = 3) -> str:
    """Like significant, with the sign always written: +0.5, -1.25, +0."""
    return f"{value:+.{digits}g}"


def factor(value: float) -> str:
    """A multiplying factor: 3 significant digits, trailing zeros kept (1.00, 0.500, 2.50e+03)."""
    return f"{value:#.3g}"


def factor_change(value: float) -> str:
    """A change of a factor, signed like a metric's delta: +0.500, -1.00."""
    return f"{value:+#.3g}"


def factor_from_log10(log10_value: float) -> str:
    """A factor given as log10, with 3 significant digits (1.00, 2.50e+03); '0' if not finite."""
    return "0" if not math.isfinite(log10_value) else factor(10.0 ** log10_value)


def percent_number(share: float, digits: int | None = 0) -> str:
    """A share (0..1) in percent, without the sign: 0.973 -> '97'; ``digits=None`` writes as
    few digits as it needs (0.95 -> '95', 0.125 -> '12.5')."""
    value = 100 * share
    return plain(value) if digits is None else fixed(value, digits)


def percent(share: float, digits: int = 0) -> str:
    """A share (0..1) in percent, with the sign: 0.973 -> '97%'."""
    return percent_number(share, digits) + "%"


def percent_value(value: float, digits: int = 0) -> str:
    """A number already in percent, with the sign: 97.25 -> '97.2%' at 1 digit."""
    return fixed(value, digits) + "%"


def or_missing(value: float | None, write: Callable[[float], str]) -> str:
    """``write(value)``, or '–' where there is no value (None)."""
    return MISSING if value is None else write(value)


def or_empty(value: float | None, write: Callable[[float], str]) -> str:
    """``write(value)``, or nothing ('') where there is no value (None): a clause that has no
    such number leaves its place blank."""
    return "" if value is None else write(value)


def tidy_decimal(value: float, digits: int = 6) -> str:
    """A float without binary noise: rounded to ``digits`` decimals, then written as Python
    writes floats (0.30000000000000004 -> '0.3', 4.0 -> '4.0')."""
    return str(round(value, digits))


def decade_count(value: float) -> str:
    """A number of decades: two decimals, or two significant digits below 0.1 (0.0044)."""
    return f"{value:.2f}" if value >= 0.1 else f"{value:.2g}"


def short_number(value: float) -> str:
    """Three significant digits; short scientific notation (1.39e-3) below 0.01 and from 1e5."""
    if value != 0 and not 0.01 <= abs(value) < 1e5:
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def caret_power(exponent: float) -> str:
    """10 to an exponent written as typed, for prose: 10^6, 10^-1, 10^2.5."""
    return f"10^{plain(exponent)}"


def caret_power_of_ten(log10_value: float) -> str:
    """A log10 value as a power of ten for a metric, e.g. 10^3.9 (10^-inf for -inf)."""
    return f"10^{log10_value:.1f}"


def caret_power_of_ten_or_zero(log10_value: float) -> str:
    """Like caret_power_of_ten, but '0' for an infinite log10 and '–' for NaN."""
    if math.isnan(log10_value):
        return MISSING
    return caret_power_of_ten(log10_value) if math.isfinite(log10_value) else "0"


def mantissa_and_exponent(log10_abs: float, sign: float, digits: int = 4) -> tuple[float, int]:
    """(mantissa, exponent) with sign * 10**log10_abs ~ mantissa * 10**exponent, the mantissa
    rounded to ``digits`` decimals and 1 <= |mantissa| < 10.

    Works beyond float64 (log10_abs = 477 gives exponent 477); an exact zero gives (0.0, 0).
    """
    if sign == 0 or math.isinf(log10_abs) and log10_abs < 0:
        return 0.0, 0
    exponent = math.floor(log10_abs)
    mantissa = round(10.0 ** (log10_abs - exponent), digits)
    if mantissa >= 10:  # 9.99999 rounds up to 10.0000
        mantissa, exponent = mantissa / 10.0, exponent + 1
    return math.copysign(mantissa, sign), int(exponent)


def scientific_from_log10(log10_abs: float, sign: float = 1.0, digits: int = 4) -> str:
    """sign * 10**log10_abs as text like -2.8925e+1 (works beyond float64); '0' for zero."""
    mantissa, exponent = mantissa_and_exponent(log10_abs, sign, digits)
    if mantissa == 0:
        return "0"
    return f"{mantissa:.{digits}f}e{exponent:+d}"


def scientific_number(value: float, digits: int = 4) -> str:
    """A float as text like 4.317e-5 (``digits`` decimals, as scientific_from_log10)."""
    if value == 0:
        return "0"
    return scientific_from_log10(math.log10(abs(value)), math.copysign(1.0, value), digits)


def latex_scientific_number(value: float, digits: int = 4) -> str:
    """A float for a LaTeX formula, like 4.317\\times 10^{-5} (scientific_number's digits)."""
    text = scientific_number(value, digits)
    return text.replace("e", r"\times 10^{") + "}" if "e" in text else text


def e_power_of_ten(log10_value: float) -> str:
    """A log10 value as 1e41-style text from 10^4 or below 10^-4, else 3 significant digits."""
    return f"1e{log10_value:.0f}" if abs(log10_value) >= 4 else f"{10 ** log10_value:.3g}"


def latex_power_of_ten(log10_value: float) -> str:
    """A log10 value as a LaTeX power of ten with a whole exponent: -6 -> 10^{-6}."""
    return f"10^{{{log10_value:.0f}}}"


def superscript_scientific(value: float) -> str:
    """4.3×10⁻⁵: two significant digits, for prose."""
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}×10{superscript_digits(str(int(exponent)))}"


def word_list(items: list[str], lang: str) -> str:
    """'a, b and c' / 'a、b 和 c'."""
    if len(items) < 2:
        return "".join(items)
    return t("wc.list", lang, head=t("wc.list.sep", lang).join(items[:-1]), last=items[-1])
