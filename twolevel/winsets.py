r"""Ratification on one issue: constituencies, quotas, win-sets and their overlap.

Putnam defines the *win-set* of a Level II constituency as "the set of all
possible Level I agreements that would 'win'" when "simply voted up or down"
(p. 437). This module makes that definition computable for a single,
divisible issue.

Notation (used throughout the book)
-----------------------------------
An agreement is a number :math:`x \in [0, 1]`, the share of the joint stake
that goes to side X; side Y receives :math:`1 - x`. ``XM`` is :math:`x = 1`,
``YM`` is :math:`x = 0`.

*Homogeneous issue* (Putnam's "boundary" conflict, p. 443). Constituent
:math:`i` of side :math:`S` has weight :math:`w_i > 0` and a reservation value
:math:`r_i \in [0, 1]`, and votes yes iff its side's share reaches it. The
agreement is ratified iff the weight voting yes reaches the quota :math:`q`:

.. math::

    V_S(s) = \frac{\sum_i w_i \,[\, r_i \le s \,]}{\sum_i w_i}, \qquad
    \text{ratified} \iff V_S(s) \ge q ,

where :math:`s = x` for X and :math:`s = 1 - x` for Y. *Tie rule*: a yes-weight
that exactly reaches the quota ratifies (a relative tolerance of
:math:`10^{-12}` absorbs rounding in the weighted sums). The win-sets are
intervals bounded by the *pivotal* reservation value, the weighted lower
:math:`q`-quantile :math:`F_S^{-1}(q)`:

.. math::

    W_X = [X_1, 1],\quad X_1 = F_X^{-1}(q_X); \qquad
    W_Y = [0, Y_1],\quad Y_1 = 1 - F_Y^{-1}(q_Y),

and agreement is feasible iff they overlap, :math:`X_1 \le Y_1`.

*Heterogeneous issue* ("factional" conflict). Constituents have ideal points
:math:`\theta_i` and symmetric single-peaked preferences; no-agreement is a
reversion point :math:`x_0`. Constituent :math:`i` approves :math:`x` iff
:math:`|x - \theta_i| \le |x_0 - \theta_i|`. The win-set of :math:`x_0`
(Shepsle and Weingast 1987, Putnam's note 31) is fixed by two pivotal voters
(see :func:`spatial_win_set`).

>>> import twolevel as tl
>>> x = tl.Constituency.uniform(spread=0.6, n=1001)
>>> y = tl.Constituency.uniform(spread=0.9, n=1001)
>>> wx, wy = tl.win_set(x, 0.5, side="X"), tl.win_set(y, 0.5, side="Y")
>>> round(wx.lo, 2), round(wy.hi, 2)
(0.3, 0.55)
>>> tl.overlap(wx, wy).is_empty
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from ._checks import (
    check_array,
    check_positive_int,
    check_quota,
    check_real,
    check_unit,
    check_weights,
)

__all__ = [
    "WinSet",
    "Constituency",
    "SpatialConstituency",
    "win_set",
    "overlap",
    "ratifies",
    "deadlock_quota",
    "spatial_win_set",
    "TIE_TOLERANCE",
]

Side = Literal["X", "Y"]

#: Relative tolerance with which a yes-weight "reaches" the quota.
TIE_TOLERANCE = 1e-12


@dataclass(frozen=True)
class WinSet:
    """A closed interval ``[lo, hi]`` of agreements (X's share), or the empty set.

    Use :meth:`WinSet.empty` for the empty set; an interval with ``lo > hi``
    cannot be constructed directly.
    """

    lo: float
    hi: float
    is_empty: bool = field(default=False)

    def __post_init__(self) -> None:
        if self.is_empty:
            return
        lo, hi = check_unit("lo", self.lo), check_unit("hi", self.hi)
        if lo > hi:
            raise ValueError(f"lo must be <= hi for a non-empty win-set, got lo={lo!r}, hi={hi!r}")
        object.__setattr__(self, "lo", lo)
        object.__setattr__(self, "hi", hi)

    @classmethod
    def empty(cls) -> WinSet:
        """The empty win-set: no agreement would be ratified."""
        return cls(1.0, 0.0, is_empty=True)

    @property
    def width(self) -> float:
        """Length of the interval (0 for the empty set or a single point)."""
        return 0.0 if self.is_empty else self.hi - self.lo

    def contains(self, x: npt.ArrayLike) -> npt.NDArray[np.bool_] | bool:
        """Whether agreement(s) ``x`` lie in the win-set (vectorised)."""
        arr = np.asarray(x, dtype=float)
        out = np.zeros(arr.shape, dtype=bool) if self.is_empty else (arr >= self.lo) & (arr <= self.hi)
        return bool(out) if out.ndim == 0 else out

    def __repr__(self) -> str:
        return "WinSet(empty)" if self.is_empty else f"WinSet({self.lo:.6g}, {self.hi:.6g})"


def _lower_weighted_quantile_sorted(
    r_sorted: npt.NDArray[np.float64], cum: npt.NDArray[np.float64], q: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    target = q * cum[-1] * (1.0 - TIE_TOLERANCE)
    k = np.searchsorted(cum, target, side="left")
    return r_sorted[np.minimum(k, r_sorted.size - 1)]


def _weighted_select(
    r: npt.NDArray[np.float64], w: npt.NDArray[np.float64], target: float, total: float, _depth: int = 0
) -> float:
    """Smallest ``r[k]`` whose sorted cumulative weight reaches ``target``, in expected linear time.

    ``total`` is ``w.sum()``. A seeded sample brackets the answer; one pass
    weighs what lies below the bracket, and only the values inside it are
    searched further (recursively). If the bracket misses (possible with very
    skewed weights) the answer comes from a full sort, so the result never
    depends on the sample.
    """
    n = r.size
    if n > 4096 and _depth <= 3 and total > 0:
        m = 8192 if _depth == 0 else min(2048, n // 8)
        sample = np.random.default_rng(0x2F + _depth).integers(0, n, size=m)
        rs, ws = r[sample], w[sample]
        order = np.argsort(rs)
        rs, cs = rs[order], np.cumsum(ws[order])
        if cs[-1] > 0:
            q = target / total
            cs /= cs[-1]
            # 4 standard errors of the sample quantile: the bracket almost never misses.
            delta = 4.0 * math.sqrt(max(q * (1 - q), 1e-4) / m) + 1.0 / m
            i_lo = int(np.searchsorted(cs, q - delta, side="left"))
            i_hi = int(np.searchsorted(cs, q + delta, side="left"))
            lo_val = rs[i_lo] if q - delta > 0 and i_lo < m else -math.inf
            hi_val = rs[i_hi] if q + delta < 1 and i_hi < m else math.inf
            below = r < lo_val
            # An explicit float mask keeps np.dot on its fast (BLAS) path.
            w_below = float(np.dot(w, below.astype(np.float64)))
            idx = np.flatnonzero((r <= hi_val) ^ below)
            sub_w = w[idx]
            w_inside = float(sub_w.sum())
            if idx.size and w_below < target <= w_below + w_inside:
                return _weighted_select(r[idx], sub_w, target - w_below, w_inside, _depth + 1)
    o = np.argsort(r, kind="stable")
    k = int(np.searchsorted(np.cumsum(w[o]), target, side="left"))
    return float(r[o][min(k, n - 1)])


def _frozen_points(
    name: str, values: Any, weights: Any
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Validated, read-only positions in [0, 1] and their weights (equal by default)."""
    v = check_array(name, values, low=0.0, high=1.0)
    w = np.ones_like(v) if weights is None else check_weights("weights", weights, v.size)
    v.setflags(write=False)
    w.setflags(write=False)
    return v, w


@dataclass(frozen=True, eq=False)
class Constituency:
    r"""A Level II constituency on a homogeneous issue.

    Parameters
    ----------
    reservations : array_like of float
        Reservation values :math:`r_i \in [0, 1]`: the smallest share of the
        stake for its own side that constituent :math:`i` would ratify. A
        constituent for whom no-agreement is cheap has a high :math:`r_i`
        (Putnam's "isolationists", p. 443); one for whom it is costly, a low one.
    weights : array_like of float, optional
        Voting weights :math:`w_i \ge 0` with a positive total (default: equal).
        Putnam only needs that "different forms of political power can be
        reduced to some common denominator" (p. 437).
    name : str
        Label used in figures.
    """

    reservations: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        r, w = _frozen_points("reservations", self.reservations, self.weights)
        object.__setattr__(self, "reservations", r)
        object.__setattr__(self, "weights", w)

    # -- constructors ---------------------------------------------------------
    @classmethod
    def uniform(cls, spread: float, n: int = 1001, *, name: str = "") -> Constituency:
        r"""Reservation values spread evenly over :math:`[0, \text{spread}]`.

        Uses the midpoint quantile grid :math:`r_i = \text{spread}\,(i - \tfrac12)/n`,
        so :math:`F^{-1}(q)` converges to the uniform quantile
        :math:`\text{spread}\cdot q` as :math:`n` grows (within one grid step).
        """
        s = check_unit("spread", spread)
        n = check_positive_int("n", n, maximum=10_000_000)
        return cls(s * (np.arange(1, n + 1) - 0.5) / n, None, name)

    @classmethod
    def kumaraswamy(cls, a: float, b: float, spread: float = 1.0, n: int = 1001, *, name: str = "") -> Constituency:
        r"""Skewed reservation values: a Kumaraswamy(a, b) law scaled to :math:`[0, \text{spread}]`.

        CDF :math:`F(r) = 1 - (1 - (r/s)^a)^b`, quantile
        :math:`F^{-1}(q) = s\,(1 - (1-q)^{1/b})^{1/a}`. With :math:`a > 1` most
        constituents are demanding (a hawkish constituency), with :math:`a < 1`
        most are easily satisfied.
        """
        a_ = check_real("a", a)
        b_ = check_real("b", b)
        if not (0 < a_ <= 50):
            raise ValueError(f"a must lie in (0, 50], got {a_!r}")
        if not (0 < b_ <= 50):
            raise ValueError(f"b must lie in (0, 50], got {b_!r}")
        s = check_unit("spread", spread)
        n = check_positive_int("n", n, maximum=10_000_000)
        p = (np.arange(1, n + 1) - 0.5) / n
        return cls(s * (1.0 - (1.0 - p) ** (1.0 / b_)) ** (1.0 / a_), None, name)

    # -- the model ------------------------------------------------------------
    @property
    def size(self) -> int:
        return int(self.reservations.size)

    @cached_property
    def _total(self) -> float:
        return float(self.weights.sum())

    @cached_property
    def _sorted(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        o = np.argsort(self.reservations, kind="stable")
        return self.reservations[o], np.cumsum(self.weights[o])

    def yes_share(self, share: npt.ArrayLike) -> npt.NDArray[np.float64] | float:
        r"""Share of weight voting yes when the side receives ``share``: :math:`V(s)`.

        Vectorised over ``share`` (values in [0, 1]).
        """
        s = np.asarray(share, dtype=float)
        if not np.all(np.isfinite(s)) or np.any((s < 0) | (s > 1)):
            raise ValueError("share must lie in [0, 1] (finite values only)")
        r_sorted, cum = self._sorted
        k = np.searchsorted(r_sorted, s, side="right")
        out = np.where(k > 0, cum[np.maximum(k - 1, 0)], 0.0) / cum[-1]
        return float(out) if out.ndim == 0 else out

    def pivot(self, quota: npt.ArrayLike) -> npt.NDArray[np.float64] | float:
        r"""The pivotal reservation value :math:`F^{-1}(q)` (weighted lower quantile).

        The smallest share for the side that gathers a yes-weight of at least
        :math:`q` of the total. Raising the quota can only move the pivot up
        (toward a more demanding constituent). Vectorised over ``quota``.
        """
        q = np.asarray(quota, dtype=float)
        if q.ndim == 0:
            qv = check_quota("quota", float(q))
            if self.size > 4096 and "_sorted" not in self.__dict__:
                target = qv * self._total * (1.0 - TIE_TOLERANCE)
                return _weighted_select(self.reservations, self.weights, target, self._total)
            r_sorted, cum = self._sorted
            return float(_lower_weighted_quantile_sorted(r_sorted, cum, np.asarray(qv)))
        if not np.all(np.isfinite(q)) or np.any((q <= 0) | (q > 1)):
            raise ValueError("quota must lie in (0, 1] (a share of the constituency's weight)")
        r_sorted, cum = self._sorted
        return _lower_weighted_quantile_sorted(r_sorted, cum, q)


def win_set(constituency: Constituency, quota: float, side: Side = "X") -> WinSet:
    r"""The win-set of one side on a homogeneous issue (p. 437).

    Parameters
    ----------
    constituency : Constituency
        The side's Level II constituents.
    quota : float
        Share of the weight needed to ratify, in (0, 1]: 1/2 a simple majority,
        2/3 the U.S. Senate's treaty rule, 1 unanimity.
    side : {"X", "Y"}
        X's win-set is :math:`[X_1, 1]` with :math:`X_1 = F_X^{-1}(q)`; Y's is
        :math:`[0, Y_1]` with :math:`Y_1 = 1 - F_Y^{-1}(q)`.

    Returns
    -------
    WinSet
    """
    if not isinstance(constituency, Constituency):
        raise TypeError(f"constituency must be a Constituency, got {type(constituency).__name__}")
    if side not in ("X", "Y"):
        raise ValueError(f"side must be 'X' or 'Y', got {side!r}")
    p = float(constituency.pivot(check_quota("quota", quota)))
    return WinSet(p, 1.0) if side == "X" else WinSet(0.0, 1.0 - p)


def overlap(a: WinSet, b: WinSet) -> WinSet:
    """The agreements in both win-sets: the feasible Level I agreements (p. 438).

    Empty means deadlock: "agreement is possible only if those win-sets overlap".
    """
    for nm, v in (("a", a), ("b", b)):
        if not isinstance(v, WinSet):
            raise TypeError(f"{nm} must be a WinSet, got {type(v).__name__}")
    if a.is_empty or b.is_empty:
        return WinSet.empty()
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    return WinSet(lo, hi) if lo <= hi else WinSet.empty()


def ratifies(constituency: Constituency, quota: float, x: npt.ArrayLike, side: Side = "X") -> Any:
    r"""Whether agreement(s) ``x`` (X's share) pass the side's up-or-down vote.

    Implements the tie rule of the module: ratified iff :math:`V_S(s) \ge q`
    (within :data:`TIE_TOLERANCE`). Vectorised over ``x``.
    """
    q = check_quota("quota", quota)
    if side not in ("X", "Y"):
        raise ValueError(f"side must be 'X' or 'Y', got {side!r}")
    xs = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(xs)) or np.any((xs < 0) | (xs > 1)):
        raise ValueError("x must lie in [0, 1] (finite values only)")
    if side == "X":
        yes = np.asarray(constituency.yes_share(xs))
    else:
        # Compare x with 1 - r_i (not 1 - x with r_i) so that the boundary
        # Y1 = 1 - r_pivot returned by win_set is itself ratified, bit for bit.
        r_sorted, cum = constituency._sorted
        bounds = 1.0 - r_sorted[::-1]  # ascending
        w_desc = np.cumsum(constituency.weights[np.argsort(constituency.reservations, kind="stable")][::-1])
        k = np.searchsorted(bounds, xs, side="left")  # bounds[k:] >= x
        yes = np.where(k > 0, cum[-1] - w_desc[np.maximum(k - 1, 0)], cum[-1]) / cum[-1]
    out = yes >= q * (1.0 - TIE_TOLERANCE)
    return bool(out) if out.ndim == 0 else out


def deadlock_quota(x: Constituency, quota_x: float, y: Constituency) -> float:
    r"""Y's quota above which the two win-sets stop overlapping.

    Y ratifies X's least favourable ratifiable deal :math:`X_1` iff
    :math:`V_Y(1 - X_1) \ge q_Y`; so the win-sets overlap iff
    :math:`q_Y \le V_Y(1 - F_X^{-1}(q_X))`, and any larger quota deadlocks.
    For continuous laws this is :math:`F_Y(1 - F_X^{-1}(q_X))`
    (:func:`twolevel.symbolic.ratification_formulas` derives it in closed form).
    """
    x1 = float(x.pivot(check_quota("quota_x", quota_x)))
    return float(y.yes_share(1.0 - x1))


# -- heterogeneous issue: ideal points and a reversion point -----------------


@dataclass(frozen=True, eq=False)
class SpatialConstituency:
    r"""Constituents with ideal points on the issue (a heterogeneous issue).

    Parameters
    ----------
    ideals : array_like of float
        Ideal agreements :math:`\theta_i \in [0, 1]` (in X's-share units, e.g.
        how far a coordinated reflation should go). Constituents on both sides
        of the reversion point oppose a deal for opposite reasons, "too far"
        and "not far enough" (p. 443).
    weights : array_like of float, optional
        Non-negative voting weights with a positive total (default: equal).
    """

    ideals: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        t, w = _frozen_points("ideals", self.ideals, self.weights)
        object.__setattr__(self, "ideals", t)
        object.__setattr__(self, "weights", w)

    def approval_share(self, x: npt.ArrayLike, reversion: float) -> npt.NDArray[np.float64] | float:
        r"""Weight share approving ``x`` over the reversion point: :math:`|x-\theta_i| \le |x_0-\theta_i|`."""
        x0 = check_unit("reversion", reversion)
        xs = np.asarray(x, dtype=float)
        if not np.all(np.isfinite(xs)) or np.any((xs < 0) | (xs > 1)):
            raise ValueError("x must lie in [0, 1] (finite values only)")
        approve = np.abs(xs[..., None] - self.ideals) <= np.abs(x0 - self.ideals) + 1e-15
        out = (approve * self.weights).sum(axis=-1) / self.weights.sum()
        return float(out) if out.ndim == 0 else out


def spatial_win_set(constituency: SpatialConstituency, reversion: float, quota: float) -> WinSet:
    r"""Win-set of the reversion point on a heterogeneous issue (note 31).

    An agreement :math:`x > x_0` is approved by constituent :math:`i` iff
    :math:`\theta_i \ge (x + x_0)/2`; so it reaches the quota iff
    :math:`(x + x_0)/2 \le \theta_R`, the largest :math:`t` with
    :math:`\sum_i w_i[\theta_i \ge t] \ge qW`. Symmetrically to the left with
    :math:`\theta_L`, the smallest :math:`t` with :math:`\sum_i w_i[\theta_i \le t] \ge qW`.
    Hence

    .. math::

        W(x_0) = \bigl[\max(0, \min(x_0, 2\theta_L - x_0)),\;
                       \min(1, \max(x_0, 2\theta_R - x_0))\bigr].

    Under majority rule (:math:`q = 1/2`, an odd number of equal voters) both
    pivots are the median voter: the win-set runs from :math:`x_0` to its
    reflection in the median. Under a super-majority the pivots separate and a
    reversion point between them has a win-set of :math:`\{x_0\}` alone: no
    agreement can be ratified.
    """
    if not isinstance(constituency, SpatialConstituency):
        raise TypeError(f"constituency must be a SpatialConstituency, got {type(constituency).__name__}")
    x0 = check_unit("reversion", reversion)
    q = check_quota("quota", quota)
    t, w = constituency.ideals, constituency.weights
    o = np.argsort(t, kind="stable")
    ts, ws = t[o], w[o]
    total = float(ws.sum())
    target = q * total * (1.0 - TIE_TOLERANCE)
    cum_low = np.cumsum(ws)
    theta_l = float(ts[min(int(np.searchsorted(cum_low, target, side="left")), ts.size - 1)])
    cum_high = np.cumsum(ws[::-1])  # weight of the k largest ideals
    theta_r = float(ts[::-1][min(int(np.searchsorted(cum_high, target, side="left")), ts.size - 1)])
    lo = max(0.0, min(x0, 2 * theta_l - x0))
    hi = min(1.0, max(x0, 2 * theta_r - x0))
    return WinSet(lo, hi)
