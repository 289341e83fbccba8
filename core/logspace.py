"""Arrays carried as a unit array times a power of ten, so their norms never overflow float64.

A value v is kept as (v / ||v||, log10 ||v||): the unit part stays near 1 at any depth or gain,
and the scale adds up in log10 instead of multiplying (core/mlp_logspace.py, core/saliency.py).
"""

import numpy as np


def unit_and_log10_norm(v: np.ndarray, axes: int | tuple[int, ...] = -1, keepdims: bool = False
                        ) -> tuple[np.ndarray, np.ndarray]:
    """(v / ||v||, log10 ||v||) with the 2-norm over `axes`; a zero slice stays zero, log10 -inf.

    axes=-1 gives one norm per row; axes=(-2, -1) one Frobenius norm per (batch, units) array.
    keepdims keeps the reduced axes (length 1), so the log norm broadcasts against v.
    The norm is sqrt(sum(v * v)), exactly as np.linalg.norm computes it for real arrays.
    """
    norm = np.sqrt(np.sum(v * v, axis=axes, keepdims=True))
    unit = np.divide(v, norm, out=np.zeros_like(v), where=norm > 0)
    if not keepdims:
        norm = np.squeeze(norm, axis=axes)
    # log10 only where the norm is not 0 (NaN stays NaN): no warning, and no np.errstate,
    # whose cost adds up over the thousands of calls of a page rerun
    return unit, np.log10(norm, out=np.full_like(norm, -np.inf), where=norm != 0)
