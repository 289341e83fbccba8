"""Numbers as page text: every formatter the pages use, each named after what it writes.

Values given as log10 (``*_from_log10``, ``*_power_of_ten``) may lie beyond float64; the
others take the number itself. Tested in tests/ui/test_format.py.
"""

import math

from core.descent_demo import scientific
from ui.i18n import t

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def superscript_digits(text: str) -> str:
    """'-5' -> '⁻⁵': digits and minus signs raised, for exponents in prose."""
    return text.translate(SUPERSCRIPT)


def factor_from_log10(log10_value: float) -> str:
    """A factor given as log10, with 3 significant digits (1.00, 2.50e+03); '0' if not finite."""
    return "0" if not math.isfinite(log10_value) else f"{10.0 ** log10_value:#.3g}"


def decade_count(value: float) -> str:
    """A number of decades: two decimals, or two significant digits below 0.1 (0.0044)."""
    return f"{value:.2f}" if value >= 0.1 else f"{value:.2g}"


def short_number(value: float) -> str:
    """Three significant digits; short scientific notation (1.39e-3) below 0.01 and from 1e5."""
    if value != 0 and not 0.01 <= abs(value) < 1e5:
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def caret_power_of_ten(log10_value: float) -> str:
    """A log10 value as a power of ten for a metric, e.g. 10^3.9 (10^-inf for -inf)."""
    return f"10^{log10_value:.1f}"


def caret_power_of_ten_or_zero(log10_value: float) -> str:
    """Like caret_power_of_ten, but '0' for an infinite log10 and '–' for NaN."""
    if math.isnan(log10_value):
        return "–"
    return caret_power_of_ten(log10_value) if math.isfinite(log10_value) else "0"


def scientific_from_log10(log10_abs: float, sign: float = 1.0, digits: int = 4) -> str:
    """sign * 10**log10_abs as text like -2.8925e+1 (works beyond float64); '0' for zero."""
    mantissa, exponent = scientific(log10_abs, sign, digits)
    if mantissa == 0:
        return "0"
    return f"{mantissa:.{digits}f}e{exponent:+d}"


def e_power_of_ten(log10_value: float) -> str:
    """A log10 value as 1e41-style text from 10^4 or below 10^-4, else 3 significant digits."""
    return f"1e{log10_value:.0f}" if abs(log10_value) >= 4 else f"{10 ** log10_value:.3g}"


def superscript_scientific(value: float) -> str:
    """4.3×10⁻⁵: two significant digits, for prose."""
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}×10{superscript_digits(str(int(exponent)))}"


def word_list(items: list[str], lang: str) -> str:
    """'a, b and c' / 'a、b 和 c'."""
    if len(items) < 2:
        return "".join(items)
    return t("wc.list", lang, head=t("wc.list.sep", lang).join(items[:-1]), last=items[-1])
