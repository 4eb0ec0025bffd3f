r"""Numerical helpers shared by the model modules: one per job.

- The tie rule (:data:`TIE_TOLERANCE`, :func:`reaches_quota`): a yes-weight
  that reaches the quota ratifies, within a relative tolerance that absorbs
  the rounding of the quota times the total.
- Exact vote counts (:func:`weight_units`): weights are counted in integer
  units of :math:`2^{-62}` of the total, so that every sum of weights is exact
  whatever the order of summation. The pivot (the win-set's boundary) and the
  vote then agree bit for bit, at any size, and no result depends on which
  algorithm (sort or selection) or cache produced it.
- The weighted lower quantile (:func:`first_reaching`,
  :func:`lower_weighted_quantile`): the pivotal constituent of a vote.
- Weighted selection in expected linear time (:func:`weighted_select`): the
  same pivot without sorting, for one quota on a large constituency.
- Vectorised bisection (:func:`bisect`) and the zero crossings of a step
  function (:func:`crossings`).

Private to the package: none of these is part of the ``tl.`` API.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

__all__ = [
    "TIE_TOLERANCE",
    "WEIGHT_UNITS",
    "weight_units",
    "quota_target",
    "reaches_quota",
    "first_reaching",
    "lower_weighted_quantile",
    "weighted_select",
    "bisect",
    "crossings",
]

Array = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: Relative tolerance with which a yes-weight "reaches" the quota.
TIE_TOLERANCE = 1e-12


#: Integer units per total weight in exact vote counts. Sums of units stay below 2**63 (exact in
#: int64); rounding each weight to a unit moves a count by at most n/2 units, about 1e-12 of the
#: total for 10**7 constituents, which the tie tolerance absorbs.
WEIGHT_UNITS = 2**62


def weight_units(weights: Array) -> npt.NDArray[np.int64]:
    """Weights as integers in units of :math:`2^{-62}` of their total (rounded to the nearest unit).

    Scaling by the largest weight first keeps the total finite even for weights near the
    largest float.
    """
    w = np.asarray(weights, dtype=float)
    scaled = w / w.max()
    # In place: one float temporary besides the result (8 + 8 bytes per weight at the peak).
    scaled *= WEIGHT_UNITS / scaled.sum()
    return np.asarray(np.rint(scaled, out=scaled), dtype=np.int64)


def quota_target(quota: npt.ArrayLike, total_units: int | np.integer) -> npt.NDArray[np.int64]:
    """The smallest yes-weight (in integer units) that reaches ``quota`` of ``total_units``, tie tolerance included.

    An integer, so that every comparison with a vote count is exact.
    """
    target = np.ceil(np.asarray(quota, dtype=float) * float(total_units) * (1.0 - TIE_TOLERANCE))
    return np.asarray(target, dtype=np.int64)


def reaches_quota(yes_share: npt.ArrayLike, quota: float) -> BoolArray:
    """The tie rule: a yes-share ratifies iff it reaches ``quota`` (within :data:`TIE_TOLERANCE`)."""
    return np.asarray(yes_share, dtype=float) >= quota * (1.0 - TIE_TOLERANCE)


def first_reaching(cumulative: npt.NDArray[np.int64] | Array, target: npt.ArrayLike) -> npt.NDArray[np.intp]:
    """Index of the first cumulative weight that reaches ``target`` (clipped to the last index)."""
    k = np.searchsorted(cumulative, target, side="left")
    return np.minimum(k, cumulative.size - 1)


def lower_weighted_quantile(
    values_sorted: Array, cumulative: npt.NDArray[np.int64] | Array, quota: npt.ArrayLike
) -> Array:
    r"""The weighted lower ``quota``-quantile :math:`F^{-1}(q)` of sorted values.

    ``cumulative`` holds the cumulative weights (exact integer units from
    :func:`weight_units`) in the order of ``values_sorted``; the answer is the
    first value whose cumulative weight reaches :math:`q` of the total (the
    tie rule of :func:`quota_target`).
    """
    return values_sorted[first_reaching(cumulative, quota_target(quota, cumulative[-1]))]


def weighted_select(r: Array, w: npt.NDArray[np.int64], target: int, total: int, _depth: int = 0) -> float:
    """Smallest ``r[k]`` whose sorted cumulative weight reaches ``target``, in expected linear time.

    ``w`` are exact integer weights (:func:`weight_units`) and ``total`` is
    their sum. A seeded sample brackets the answer; one pass weighs what lies
    below the bracket, and only the values inside it are searched further
    (recursively). The sums are exact, so the answer is the one a full sort
    gives, bit for bit; if the bracket misses (possible with very skewed
    weights) the answer comes from a full sort.
    """
    n = r.size
    if n > 4096 and _depth <= 3 and total > 0:
        m = 8192 if _depth == 0 else min(2048, n // 8)
        sample = np.random.default_rng(0x2F + _depth).integers(0, n, size=m)
        rs, ws = r[sample], w[sample]
        order = np.argsort(rs)
        rs, counts = rs[order], np.cumsum(ws[order].astype(np.float64))  # approximate: brackets only
        if counts[-1] > 0:
            q = target / total
            cs = counts / counts[-1]
            # 4 standard errors of the sample quantile: the bracket almost never misses.
            delta = 4.0 * math.sqrt(max(q * (1 - q), 1e-4) / m) + 1.0 / m
            i_lo = int(np.searchsorted(cs, q - delta, side="left"))
            i_hi = int(np.searchsorted(cs, q + delta, side="left"))
            lo_val = rs[i_lo] if q - delta > 0 and i_lo < m else -math.inf
            hi_val = rs[i_hi] if q + delta < 1 and i_hi < m else math.inf
            below = r < lo_val
            w_below = int(np.dot(w, below.astype(np.int64)))  # integer sums: exact in any order
            idx = np.flatnonzero((r <= hi_val) ^ below)
            sub_w = w[idx]
            w_inside = int(sub_w.sum())
            if idx.size and w_below < target <= w_below + w_inside:
                return weighted_select(r[idx], sub_w, target - w_below, w_inside, _depth + 1)
    o = np.argsort(r, kind="stable")
    return float(r[o][first_reaching(np.cumsum(w[o]), target)])


def bisect(keeps_lo: Callable[[Array], BoolArray], lo: Array, hi: Array, iterations: int) -> tuple[Array, Array]:
    """Vectorised bisection of the brackets ``[lo, hi]`` (either end may be the larger).

    At each step the midpoint replaces ``lo`` where ``keeps_lo(mid)`` is True
    (the midpoint is on ``lo``'s side of the root) and ``hi`` elsewhere.
    Returns the final brackets.
    """
    lo, hi = np.array(lo, dtype=float), np.array(hi, dtype=float)
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        same = keeps_lo(mid)
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
    return lo, hi


def crossings(f: Callable[[Array], Array], x: Array, gap: float, iterations: int = 45) -> Array:
    """Points where the step function ``f`` crosses zero on the increasing grid ``x``.

    A vote count evaluated along another step function can flicker around
    its quota (+, -, + within a constituent's step) where the two contours
    meet. Sign changes closer than ``gap`` (in ``x`` units) form one cluster;
    a cluster whose signs before and after differ is one crossing (refined by
    bisection in its middle bracket), otherwise the curves only touch and it
    is dropped. The default 45 halvings reach :math:`2^{-45}` of a scan step,
    far below one constituent's step.
    """
    y = f(x)
    s = np.sign(y)
    idx = np.flatnonzero((s[:-1] * s[1:] < 0) | ((s[:-1] != 0) & (s[1:] == 0)))
    if idx.size == 0:
        return np.zeros(0)
    groups = np.split(idx, np.flatnonzero(np.diff(x[idx]) > gap) + 1)
    keep = [g[g.size // 2] for g in groups if s[g[0]] * s[min(g[-1] + 1, x.size - 1)] <= 0]
    if not keep:
        return np.zeros(0)
    k = np.asarray(keep)
    sign_lo = np.sign(y[k])
    lo, hi = bisect(lambda mid: np.sign(f(mid)) == sign_lo, x[k], x[k + 1], iterations)
    return 0.5 * (lo + hi)
