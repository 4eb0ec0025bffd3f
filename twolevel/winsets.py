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

A heterogeneous ("factional") issue, with ideal points and a reversion
point, is :mod:`twolevel.spatial`; the selection algorithm that finds a pivot
without sorting is in the package's private numerics.

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

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np
import numpy.typing as npt

from ._checks import (
    check_array,
    check_instance,
    check_label,
    check_positive_int,
    check_quota,
    check_real,
    check_shares,
    check_text,
    check_unit,
    check_weights,
)
from ._numerics import (
    TIE_TOLERANCE,
    lower_weighted_quantile,
    quota_target,
    weight_units,
    weighted_select,
)

__all__ = [
    "WinSet",
    "Constituency",
    "win_set",
    "overlap",
    "ratifies",
    "deadlock_quota",
    "TIE_TOLERANCE",
    "DEFAULT_SIZE",
]

#: The default number of constituents of every constituency the package builds (one per side or issue).
DEFAULT_SIZE = 1001

#: A side on one issue: X (whose share :math:`x` is the agreement) or Y (who receives :math:`1 - x`).
Side = Literal["X", "Y"]
SIDES: tuple[str, ...] = ("X", "Y")


@dataclass(frozen=True)
class WinSet:
    """A closed interval ``[lo, hi]`` of agreements (X's share), or the empty set.

    Use :meth:`WinSet.empty` for the empty set; an interval with ``lo > hi``
    cannot be constructed directly.

    Examples
    --------
    >>> w = tl.WinSet(0.3, 1.0)
    >>> w.width, bool(w.contains(0.5)), bool(w.contains(0.2))
    (0.7, True, False)
    >>> tl.WinSet.empty()
    WinSet(empty)

    References
    ----------
    Putnam (1988), p. 437 (the win-set). Book: definition ``def-win-set`` (chapter 4).
    """

    lo: float
    hi: float
    is_empty: bool = field(default=False)

    def __post_init__(self) -> None:
        if not isinstance(self.is_empty, (bool, np.bool_)):
            raise TypeError(f"is_empty must be a bool, got {type(self.is_empty).__name__} {self.is_empty!r}")
        if self.is_empty:
            # One empty set: the bounds of WinSet.empty(), so that equal sets compare equal.
            if check_real("lo", self.lo) != 1.0 or check_real("hi", self.hi) != 0.0:
                raise ValueError(f"an empty win-set is WinSet.empty() (lo=1, hi=0), got lo={self.lo!r}, hi={self.hi!r}")
            object.__setattr__(self, "is_empty", True)
            object.__setattr__(self, "lo", 1.0)
            object.__setattr__(self, "hi", 0.0)
            return
        lo, hi = check_unit("lo", self.lo), check_unit("hi", self.hi)
        if lo > hi:
            raise ValueError(f"lo must be <= hi for a non-empty win-set, got lo={lo!r}, hi={hi!r}")
        object.__setattr__(self, "is_empty", False)
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
        arr = check_array("x", x, one_dimensional=False, allow_empty=True)
        out = np.zeros(arr.shape, dtype=bool) if self.is_empty else (arr >= self.lo) & (arr <= self.hi)
        return bool(out) if out.ndim == 0 else out

    def __repr__(self) -> str:
        return "WinSet(empty)" if self.is_empty else f"WinSet({self.lo:.6g}, {self.hi:.6g})"


def frozen_points(
    name: str, values: object, weights: object
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Validated, read-only positions in [0, 1] and their weights (equal by default)."""
    v = check_array(name, values, low=0.0, high=1.0)
    w = np.ones_like(v) if weights is None else check_weights("weights", weights, v.size, of=name)
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

    Examples
    --------
    >>> c = tl.Constituency([0.2, 0.5, 0.8], weights=[1, 1, 2])
    >>> c.size, c.yes_share(0.5), c.pivot(0.5)
    (3, 0.5, 0.5)
    >>> round(tl.Constituency.uniform(0.6, n=1001).pivot(0.5), 3)
    0.3

    References
    ----------
    Putnam (1988), p. 437 (voting weights reduced to a common denominator) and p. 442
    (isolationists). Book: proposition ``prop-pivot`` (chapter 4).
    """

    reservations: npt.NDArray[np.float64]
    # None (equal weights) is replaced by an array in __post_init__, so readers always get an array.
    weights: npt.NDArray[np.float64] = None  # type: ignore[assignment]
    name: str = ""

    def __post_init__(self) -> None:
        r, w = frozen_points("reservations", self.reservations, self.weights)
        check_text("name", self.name)
        object.__setattr__(self, "reservations", r)
        object.__setattr__(self, "weights", w)

    # -- constructors ---------------------------------------------------------
    @classmethod
    def uniform(cls, spread: float, n: int = DEFAULT_SIZE, *, name: str = "") -> Constituency:
        r"""Reservation values spread evenly over :math:`[0, \text{spread}]`.

        Uses the midpoint quantile grid :math:`r_i = \text{spread}\,(i - \tfrac12)/n`,
        so :math:`F^{-1}(q)` converges to the uniform quantile
        :math:`\text{spread}\cdot q` as :math:`n` grows (within one grid step).
        """
        s = check_unit("spread", spread)
        n = check_positive_int("n", n, maximum=10_000_000)
        return cls(s * (np.arange(1, n + 1) - 0.5) / n, name=name)

    @classmethod
    def kumaraswamy(
        cls, a: float, b: float, spread: float = 1.0, n: int = DEFAULT_SIZE, *, name: str = ""
    ) -> Constituency:
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
        return cls(s * (1.0 - (1.0 - p) ** (1.0 / b_)) ** (1.0 / a_), name=name)

    # -- the model ------------------------------------------------------------
    @property
    def size(self) -> int:
        """Number of constituents."""
        return int(self.reservations.size)

    @cached_property
    def _units(self) -> npt.NDArray[np.int64]:
        """The weights in exact integer units (every vote count is an exact integer sum)."""
        return weight_units(self.weights)

    @cached_property
    def _total_units(self) -> int:
        if "_cum_units" in self.__dict__:
            return int(self._cum_units[-1])
        return int(self._units.sum())

    @cached_property
    def _order(self) -> npt.NDArray[np.intp]:
        return np.argsort(self.reservations, kind="stable")

    @cached_property
    def _sorted(self) -> npt.NDArray[np.float64]:
        """Reservation values sorted up."""
        return self.reservations[self._order]

    @cached_property
    def _cum_weights(self) -> npt.NDArray[np.float64]:
        """Cumulative (float) weights in the order of :attr:`_sorted`: for reported shares only."""
        cum = self.weights[self._order]
        return np.cumsum(cum, out=cum)

    @cached_property
    def _cum_units(self) -> npt.NDArray[np.int64]:
        """Cumulative weight units in the order of :attr:`_sorted`: exact, for every decision.

        Built in place, and without keeping the unsorted units unless the
        selection path already cached them: a constituency's decisions cache
        24 bytes per constituent (order, sorted values, cumulative units).
        """
        units = self.__dict__.get("_units")
        cum = (weight_units(self.weights) if units is None else units)[self._order]
        return np.cumsum(cum, out=cum)

    def _y_count(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.intp]:
        r"""How many constituents vote yes for Y on agreement(s) ``x``: those with :math:`1 - r_i \ge x`.

        :math:`1 - r` (rounded) never increases with :math:`r`, so they are the
        first ``k`` of the sorted order. Its rounding is below :math:`2^{-52}`,
        so ``k`` lies between the counts of :math:`r \le 1 - x \mp 4\cdot10^{-16}`;
        a vectorised bisection on the exact comparison settles the few
        constituents in between. No array of :math:`1 - r_i` is built.
        """
        r = self._sorted
        edge = 1.0 - x
        lo = np.searchsorted(r, edge - 4e-16, side="right")
        hi = np.searchsorted(r, edge + 4e-16, side="right")
        # Invariant: 1 - r[i] >= x for i < lo, and < x for i >= hi.
        while np.any(open_ := lo < hi):
            mid = (lo + hi) // 2
            yes = 1.0 - r[np.minimum(mid, r.size - 1)] >= x
            lo = np.where(open_ & yes, mid + 1, lo)
            hi = np.where(open_ & ~yes, mid, hi)
        return lo

    def _yes_units(self, x: npt.NDArray[np.float64], side: str) -> npt.NDArray[np.int64]:
        """Exact yes-weight (in units) on agreement(s) ``x`` for ``side``: the one count every decision uses."""
        k = np.searchsorted(self._sorted, x, side="right") if side == "X" else self._y_count(x)
        return np.where(k > 0, self._cum_units[np.maximum(k - 1, 0)], 0)

    def yes_share(self, share: npt.ArrayLike) -> npt.NDArray[np.float64] | float:
        r"""Share of weight voting yes when the side receives ``share``: :math:`V(s)`.

        Vectorised over ``share`` (values in [0, 1]). A reported number: the
        decisions (:func:`ratifies`, :func:`win_set`, :meth:`pivot`) count the
        same votes exactly, in integer units of the total weight, so they
        agree with each other bit for bit; this float share can differ from
        that count in its last bits.
        """
        s = check_shares("share", share)
        cum = self._cum_weights
        k = np.searchsorted(self._sorted, s, side="right")
        out = np.where(k > 0, cum[np.maximum(k - 1, 0)], 0.0) / cum[-1]
        return float(out) if out.ndim == 0 else out

    def votes_for(self, x: npt.ArrayLike, side: Side = "X") -> npt.NDArray[np.float64] | float:
        r"""Share of weight voting yes on agreement(s) ``x`` (X's share) when this is ``side``'s constituency.

        :math:`V_X(x)` for X; for Y, :math:`x` is compared with :math:`1 - r_i`
        (not :math:`1 - x` with :math:`r_i`) so that the boundary
        :math:`Y_1 = 1 - r_\text{pivot}` returned by :func:`win_set` is itself
        ratified, bit for bit.
        """
        xs = check_shares("x", x)
        if check_label("side", side, SIDES) == "X":
            return self.yes_share(xs)
        cum = self._cum_weights
        k = self._y_count(xs)
        out = np.where(k > 0, cum[np.maximum(k - 1, 0)], 0.0) / cum[-1]
        return float(out) if out.ndim == 0 else out

    def pivot(self, quota: npt.ArrayLike) -> npt.NDArray[np.float64] | float:
        r"""The pivotal reservation value :math:`F^{-1}(q)` (weighted lower quantile).

        The smallest share for the side that gathers a yes-weight of at least
        :math:`q` of the total. Raising the quota can only move the pivot up
        (toward a more demanding constituent). Vectorised over ``quota``.
        """
        q = check_array("quota", quota, one_dimensional=False, allow_empty=True)
        if q.ndim == 0:
            qv = check_quota("quota", float(q))
            if self.size > 4096 and "_cum_units" not in self.__dict__:
                # Exact integer sums: the same answer as the sorted path below, bit for bit.
                target = int(quota_target(qv, self._total_units))
                return weighted_select(self.reservations, self._units, target, self._total_units)
            return float(lower_weighted_quantile(self._sorted, self._cum_units, qv))
        if not np.all(np.isfinite(q)) or np.any((q <= 0) | (q > 1)):
            raise ValueError("quota must lie in (0, 1] (a share of the constituency's weight)")
        return lower_weighted_quantile(self._sorted, self._cum_units, q)


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

    Examples
    --------
    >>> x = tl.Constituency.uniform(0.6, n=1001)
    >>> tl.win_set(x, 0.5, "X")
    WinSet(0.3, 1)
    >>> tl.win_set(tl.Constituency.uniform(0.9, n=1001), 2 / 3, "Y")
    WinSet(0, 0.39985)

    References
    ----------
    Putnam (1988), p. 437 (definition) and pp. 440-441 (Figure 1). Book: definition ``def-win-set``,
    proposition ``prop-pivot`` (chapter 4).
    """
    check_instance("constituency", constituency, Constituency)
    check_label("side", side, SIDES)
    p = float(constituency.pivot(check_quota("quota", quota)))
    return WinSet(p, 1.0) if side == "X" else WinSet(0.0, 1.0 - p)


def overlap(first: WinSet, second: WinSet) -> WinSet:
    """The agreements in both win-sets: the feasible Level I agreements (p. 438).

    Empty means deadlock: "agreement is possible only if those win-sets overlap".

    Parameters
    ----------
    first, second : WinSet
        The two win-sets.

    Returns
    -------
    WinSet
        Their intersection (empty under deadlock).

    Examples
    --------
    >>> tl.overlap(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.55))
    WinSet(0.3, 0.55)
    >>> tl.overlap(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.1)).is_empty
    True

    References
    ----------
    Putnam (1988), p. 438: "agreement is possible only if those win-sets overlap". Book: proposition
    ``prop-larger`` (chapter 4).
    """
    check_instance("first", first, WinSet)
    check_instance("second", second, WinSet)
    if first.is_empty or second.is_empty:
        return WinSet.empty()
    lo, hi = max(first.lo, second.lo), min(first.hi, second.hi)
    return WinSet(lo, hi) if lo <= hi else WinSet.empty()


def ratifies(
    constituency: Constituency, quota: float, x: npt.ArrayLike, side: Side = "X"
) -> npt.NDArray[np.bool_] | bool:
    r"""Whether agreement(s) ``x`` (X's share) pass the side's up-or-down vote.

    Implements the tie rule of the module: ratified iff :math:`V_S(s) \ge q`
    (within :data:`TIE_TOLERANCE`). Vectorised over ``x``.

    Parameters
    ----------
    constituency : Constituency
        The side's constituents.
    quota : float
        The ratification quota, in (0, 1].
    x : array_like of float
        Agreements (X's share), in [0, 1].
    side : {"X", "Y"}
        Whose vote.

    Returns
    -------
    bool or numpy.ndarray of bool
        One verdict per agreement.

    Examples
    --------
    >>> c = tl.Constituency([0.2, 0.4, 0.6])
    >>> tl.ratifies(c, 0.5, 0.4, "X"), tl.ratifies(c, 0.5, 0.3, "X")
    (True, False)
    >>> tl.ratifies(c, 0.5, [0.5, 0.7], "Y")
    array([ True, False])

    References
    ----------
    Putnam (1988), p. 437 (an up-or-down vote). Book: definition ``def-win-set`` (chapter 4).
    """
    check_instance("constituency", constituency, Constituency)
    q = check_quota("quota", quota)
    check_label("side", side, SIDES)
    # The same exact integer count and target as the pivot of win_set: the two agree by construction.
    out = constituency._yes_units(check_shares("x", x), side) >= quota_target(q, constituency._total_units)
    return bool(out) if out.ndim == 0 else out


def deadlock_quota(constituency_x: Constituency, quota_x: float, constituency_y: Constituency) -> float:
    r"""Y's quota above which the two win-sets stop overlapping.

    Y ratifies X's least favourable ratifiable deal :math:`X_1` iff
    :math:`V_Y(1 - X_1) \ge q_Y`; so the win-sets overlap iff
    :math:`q_Y \le V_Y(1 - F_X^{-1}(q_X))`, and any larger quota deadlocks.
    For continuous laws this is :math:`F_Y(1 - F_X^{-1}(q_X))`
    (:func:`twolevel.symbolic.ratification_formulas` derives it in closed form).

    Parameters
    ----------
    constituency_x : Constituency
        X's constituency.
    quota_x : float
        X's quota, in (0, 1].
    constituency_y : Constituency
        Y's constituency.

    Returns
    -------
    float
        :math:`V_Y(1 - X_1)`: the largest quota of Y at which the win-sets still overlap.

    Examples
    --------
    >>> x, y = tl.Constituency.uniform(0.6, n=1001), tl.Constituency.uniform(0.9, n=1001)
    >>> round(tl.deadlock_quota(x, 0.5, y), 3)
    0.778

    References
    ----------
    Putnam (1988), pp. 440-441 (Y's win-set contracting to Y3: deadlock). Book: exercise ``ex-
    deadlock-quota`` (chapter 4).
    """
    check_instance("constituency_x", constituency_x, Constituency)
    check_instance("constituency_y", constituency_y, Constituency)
    x1 = float(constituency_x.pivot(check_quota("quota_x", quota_x)))
    return float(constituency_y.yes_share(1.0 - x1))
