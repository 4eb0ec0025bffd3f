r"""Side-payments valued by their marginal contribution to the probability of ratification.

Putnam: "the value of an international side-payment should be calculated in
terms of its marginal contribution to the likelihood of ratification, rather
than in terms of its overall value to the recipient nation" (p. 450).

*Probabilistic constituents* (the model's choice, not the article's). A side
has :math:`n` seats (senators, say). Seat :math:`i` has a reservation value
:math:`r_i \in [0, 1]` on its side's share of the stake, as in
:mod:`twolevel.winsets`. A deal giving the side a share :math:`x`, plus a
side-payment :math:`t_i \ge 0` to seat :math:`i` (in the same units: a
payment :math:`t` is worth to its recipient as much as :math:`t` more of the
stake) and the negotiator's generic good will :math:`g`, gives seat :math:`i`
the *net support*

.. math::

    z_i = x + t_i + g - r_i .

When the vote is held, the mood at Level II has moved by a common shock
:math:`\varepsilon`, logistic with scale :math:`s` (the ``mood``), unknown to
the negotiators at Level I; seat :math:`i` votes yes iff
:math:`z_i + \varepsilon \ge 0`. Its probability of voting yes is therefore
:math:`p_i = \Lambda(z_i / s)`, :math:`\Lambda(u) = 1/(1 + e^{-u})`:
committed supporters (say free-traders, on a trade deal) have :math:`p_i`
near 1, committed opponents (confirmed protectionists) near 0, the
uncommitted near 1/2. The deal is ratified iff at least
:math:`k = \lceil q n \rceil` seats vote yes, i.e. iff the :math:`k`-th
largest net support :math:`z_{(k)}` (the *pivotal* seat's) survives the
shock:

.. math::

    P(\text{ratify}) = \Lambda\!\left(z_{(k)} / s\right).

So the value of a payment is what it adds to :math:`z_{(k)}`, not what it is
worth to the seat that gets it. :mod:`twolevel.strategies` checks in the book
(Robustness) that the conclusions survive independent, seat-by-seat shocks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from .._checks import (
    check_array,
    check_instance,
    check_nonnegative,
    check_positive_int,
    check_quota,
    check_real,
    check_unit,
)
from .._numerics import bisect
from .._sampling import seats_reaching

__all__ = [
    "SwingConstituency",
    "Package",
    "cheapest_package",
    "brute_force_package",
    "best_use_of_budget",
    "across_the_board",
    "net_shares",
]

Array = npt.NDArray[np.float64]


def _scaled(z: npt.ArrayLike, mood: float) -> Array:
    """``z / mood``; a quotient beyond float's range is infinite (probability 0 or 1), without a warning."""
    with np.errstate(over="ignore"):
        return np.asarray(np.asarray(z, dtype=float) / mood, dtype=np.float64)


def logistic(u: npt.ArrayLike) -> Array:
    r""":math:`\Lambda(u) = 1/(1+e^{-u})`, written with tanh so that no overflow warning is raised."""
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * np.asarray(u, dtype=float))), dtype=np.float64)


def _check_mood(value: object) -> float:
    v = check_real("mood", value)
    if not v > 0.0:
        raise ValueError(f"mood must be > 0 (the scale of the common shock at Level II), got {v!r}")
    return v


@dataclass(frozen=True, eq=False)
class SwingConstituency:
    r"""A side's seats with reservation values, a quota and an uncertain Level II mood.

    Parameters
    ----------
    reservations : array_like of float
        :math:`r_i \in [0, 1]`, one per seat (equal weights: a seat, a vote).
    quota : float
        Share of the seats needed, in (0, 1]; :math:`k = \lceil q n \rceil` seats
        (under the package's tie rule, :func:`twolevel.ratifies`, so that 2/3 of 99 is 66).
    mood : float
        Scale :math:`s > 0` of the logistic common shock.
    goodwill : float
        Generic good will :math:`g \ge 0` of the side's chief negotiator, added to
        every seat's net support (:mod:`twolevel.strategies.goodwill`).

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
    >>> c.seats_needed, round(c.ratification_probability(0.5), 3)
    (3, 0.5)
    >>> c.yes_probabilities(0.5).round(2).tolist()
    [1.0, 0.98, 0.5, 0.02, 0.0]

    References
    ----------
    Putnam (1988), p. 450 (the likelihood of ratification; swing voters).
    Book: definition ``def-swing`` (chapter 7).
    """

    reservations: Array
    quota: float
    mood: float
    goodwill: float = 0.0

    def __post_init__(self) -> None:
        r = check_array("reservations", self.reservations, low=0.0, high=1.0)
        r.setflags(write=False)
        object.__setattr__(self, "reservations", r)
        object.__setattr__(self, "quota", check_quota("quota", self.quota))
        object.__setattr__(self, "mood", _check_mood(self.mood))
        object.__setattr__(self, "goodwill", check_nonnegative("goodwill", self.goodwill))

    @classmethod
    def uniform(cls, spread: float, n: int, quota: float, mood: float) -> SwingConstituency:
        r"""Reservation values on the midpoint grid :math:`\text{spread}\,(i - \tfrac12)/n`.

        Examples
        --------
        >>> tl.SwingConstituency.uniform(0.8, 4, quota=0.5, mood=0.1).reservations
        array([0.1, 0.3, 0.5, 0.7])
        """
        s = check_unit("spread", spread)
        m = check_positive_int("n", n, maximum=1_000_000)
        return cls(s * (np.arange(1, m + 1) - 0.5) / m, quota, mood)

    @property
    def size(self) -> int:
        """Number of seats :math:`n`."""
        return int(self.reservations.size)

    @property
    def seats_needed(self) -> int:
        r""":math:`k = \lceil q n \rceil`, at least 1."""
        return seats_reaching(self.quota, self.size)

    def with_goodwill(self, goodwill: float) -> SwingConstituency:
        """The same seats, with the negotiator's good will set to ``goodwill``.

        Examples
        --------
        >>> c = tl.SwingConstituency([0.4, 0.6, 0.8], quota=0.5, mood=0.1)
        >>> c.ratification_probability(0.5) < c.with_goodwill(0.1).ratification_probability(0.5)
        True
        """
        return SwingConstituency(self.reservations, self.quota, self.mood, goodwill)

    # -- validation of the arguments of every method ------------------------------
    def _payments(self, payments: npt.ArrayLike | None, name: str = "payments") -> Array:
        if payments is None:
            return np.zeros(self.size)
        t = check_array(name, payments, low=0.0)
        if t.size != self.size:
            raise ValueError(f"{name} must hold one payment per seat ({self.size}), got {t.size}")
        return t

    def net_support(self, deal: float, payments: npt.ArrayLike | None = None) -> Array:
        r""":math:`z_i = x + t_i + g - r_i` for a deal giving the side a share ``deal``.

        Examples
        --------
        >>> tl.SwingConstituency([0.2, 0.6], quota=0.5, mood=0.1).net_support(0.5, [0.0, 0.2])
        array([0.3, 0.1])
        """
        x = check_unit("deal", deal)
        return x + self._payments(payments) + self.goodwill - self.reservations

    def yes_probabilities(self, deal: float, payments: npt.ArrayLike | None = None) -> Array:
        r"""Each seat's probability of voting yes, :math:`\Lambda(z_i / s)`.

        Examples
        --------
        >>> c = tl.SwingConstituency([0.5], quota=1.0, mood=0.1)
        >>> float(c.yes_probabilities(0.5)[0])
        0.5
        """
        return logistic(_scaled(self.net_support(deal, payments), self.mood))

    def pivot_support(self, deal: float, payments: npt.ArrayLike | None = None) -> float:
        r"""The pivotal seat's net support :math:`z_{(k)}` (the k-th largest).

        Examples
        --------
        >>> round(tl.SwingConstituency([0.1, 0.5, 0.9], quota=0.5, mood=0.1).pivot_support(0.6), 2)
        0.1
        """
        z = self.net_support(deal, payments)
        k = self.seats_needed
        return float(np.partition(z, z.size - k)[z.size - k])

    def ratification_probability(self, deal: float, payments: npt.ArrayLike | None = None) -> float:
        r""":math:`P = \Lambda(z_{(k)} / s)`.

        Examples
        --------
        >>> c = tl.SwingConstituency([0.1, 0.5, 0.9], quota=0.5, mood=0.1)
        >>> round(c.ratification_probability(0.5), 2), round(c.ratification_probability(0.5, [0, 0.1, 0]), 2)
        (0.5, 0.73)
        """
        return float(logistic(_scaled(self.pivot_support(deal, payments), self.mood)))

    def marginal_value(self, deal: float, payment: float, payments: npt.ArrayLike | None = None) -> Array:
        r"""What a payment of size ``payment`` to each seat in turn adds to :math:`P`.

        Exact, for all seats at once. Sort the net supports in decreasing order,
        :math:`z_{[1]} \ge \dots \ge z_{[n]}`, and let seat :math:`i` sit at
        position :math:`j`. Raising :math:`z_i` by :math:`t` leaves the
        :math:`k`-th largest unchanged if :math:`j < k` (a committed
        supporter), makes it :math:`\min(z_i + t, z_{[k-1]})` if :math:`j = k`
        (the pivot) and :math:`\max(z_{[k]}, \min(z_i + t, z_{[k-1]}))` if
        :math:`j > k`, which is :math:`z_{[k]}` again unless
        :math:`z_i + t > z_{[k]}` (committed opponents are out of reach). Take
        :math:`z_{[0]} = +\infty`.

        Examples
        --------
        >>> c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
        >>> c.marginal_value(0.5, 0.05).round(3).tolist()
        [0.0, 0.0, 0.231, 0.0, 0.0]
        >>> c.marginal_value(0.5, 0.25).round(3).tolist()
        [0.0, 0.0, 0.482, 0.231, 0.0]
        """
        t = check_nonnegative("payment", payment)
        z = self.net_support(deal, payments)
        k = self.seats_needed
        order = np.argsort(-z, kind="stable")
        zs = z[order]
        pivot = zs[k - 1]
        above = zs[k - 2] if k >= 2 else math.inf
        raised = z + t
        new = np.full(z.size, pivot)
        position = np.empty(z.size, dtype=np.intp)
        position[order] = np.arange(z.size)
        is_pivot = position == k - 1
        below = position > k - 1
        new[is_pivot] = np.minimum(raised[is_pivot], above)
        new[below] = np.maximum(pivot, np.minimum(raised[below], above))
        return np.asarray(logistic(_scaled(new, self.mood)) - logistic(_scaled(pivot, self.mood)), dtype=np.float64)


def _check_constituency(value: object) -> SwingConstituency:
    return check_instance("constituency", value, SwingConstituency)


def _check_prices(prices: npt.ArrayLike | None, size: int) -> Array:
    if prices is None:
        return np.ones(size)
    p = check_array("prices", prices, low=0.0)
    if p.size != size:
        raise ValueError(f"prices must hold one price per seat ({size}), got {p.size}")
    return p


def _check_target(target: object) -> float:
    v = check_real("target", target)
    if not 0.0 <= v < 1.0:
        raise ValueError(
            f"target must lie in [0, 1) (certainty cannot be bought: the mood shock is unbounded), got {v!r}"
        )
    return v


@dataclass(frozen=True)
class Package:
    r"""Side-payments to each seat, what they cost the payer and the probability they give.

    A payment :math:`t_i` is worth to seat :math:`i` what a better deal by
    :math:`t_i` would be; if each seat speaks for :math:`1/n` of the nation, it
    is worth :math:`t_i / n` of the joint stake to the nation. So ``value``, the
    package's intrinsic value to the recipient nation, is the mean payment
    :math:`\frac1n\sum_i t_i` (an across-the-board concession :math:`d` has
    value :math:`d`), and ``cost``, what the payer gives up, is
    :math:`\frac1n\sum_i c_i t_i` for prices :math:`c_i` (both in shares of
    the joint stake).

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.5, 0.9], quota=0.5, mood=0.1)
    >>> p = tl.cheapest_package(c, 0.4, target=0.5)
    >>> p.payments, round(p.cost, 12), p.probability
    (array([0. , 0.1, 0. ]), 0.033333333333, 0.5)

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, section ``ch07-cheapest``.
    """

    payments: Array
    cost: float
    value: float
    probability: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "payments", check_array("payments", self.payments, low=0.0))
        for name in ("cost", "value"):
            object.__setattr__(self, name, check_nonnegative(name, getattr(self, name)))
        object.__setattr__(self, "probability", check_unit("probability", self.probability))


def _package(c: SwingConstituency, deal: float, payments: Array, prices: Array) -> Package:
    # Shares of each seat first, then the sum: no overflow of the total for payments near float's limit.
    share = payments / payments.size
    with np.errstate(over="ignore"):  # an infinite cost is refused by Package, naming it
        cost = float(np.sum(prices * share))
    return Package(payments, cost, float(np.sum(share)), c.ratification_probability(deal, payments))


def _needs(c: SwingConstituency, deal: float, level: float, prices: Array) -> tuple[Array, Array]:
    """Payment each seat needs to reach net support ``level``, and its cost."""
    need = np.maximum(level - c.net_support(deal), 0.0)
    with np.errstate(invalid="ignore"):
        cost = np.where(need > 0.0, prices * need, 0.0)
    return need, cost


def cheapest_package(
    constituency: SwingConstituency, deal: float, target: float, prices: npt.ArrayLike | None = None
) -> Package:
    r"""The cheapest side-payments that raise the probability of ratification to ``target``.

    :math:`P \ge \pi` iff :math:`z_{(k)} \ge \ell = s \operatorname{logit}(\pi)`,
    i.e. iff at least :math:`k` seats have net support :math:`\ge \ell`. Seat
    :math:`i` needs :math:`m_i = \max(\ell - z_i, 0)` at cost
    :math:`c_i m_i`. The package pays the :math:`k` seats with the smallest
    :math:`c_i m_i` exactly :math:`m_i` and nobody else.

    *It is exact* (an exchange argument): any package reaching :math:`\pi` has
    a set :math:`S` of at least :math:`k` seats with
    :math:`z_i + t_i \ge \ell`, so it costs at least
    :math:`\sum_{i \in S} c_i m_i`, which is at least the sum of the
    :math:`k` smallest :math:`c_i m_i`: what this package costs. The
    selection is :func:`numpy.argpartition`, :math:`O(n)`; a sort of the
    margins is the benchmark (``benchmarks/cheapest_package.py``). With
    equal prices the :math:`k` seats needing least are the :math:`k` with
    the largest :math:`z_i`, and after the payments the pivot's net support
    is :math:`\max(z_{(k)}, \ell)`, so one partial sort gives the package
    and its probability.

    Parameters
    ----------
    constituency : SwingConstituency
    deal : float
        The side's share of the stake in the Level I agreement, in [0, 1].
    target : float
        The probability of ratification to reach, in [0, 1).
    prices : array_like of float, optional
        Cost to the payer of one unit of payment to each seat, :math:`c_i \ge 0`
        (default 1: a payment costs what it is worth to its recipient).

    Returns
    -------
    Package
        The payments, their cost and value, and the probability they give.

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
    >>> p = tl.cheapest_package(c, 0.5, target=0.9)
    >>> p.payments.round(3).tolist(), round(p.probability, 3)
    ([0.0, 0.0, 0.11, 0.0, 0.0], 0.9)
    >>> q = tl.cheapest_package(c, 0.5, target=0.9, prices=[1, 1, 5, 1, 1])
    >>> q.payments.round(3).tolist(), round(q.cost, 3)
    ([0.0, 0.0, 0.0, 0.31, 0.0], 0.062)

    References
    ----------
    Putnam (1988), p. 450 (side-payments "to attract marginal supporters").
    Book: proposition ``prop-cheapest`` (chapter 7).
    """
    c = _check_constituency(constituency)
    x = check_unit("deal", deal)
    pi = _check_target(target)
    prices_ = None if prices is None else _check_prices(prices, c.size)
    # One pass over the seats, no re-validation: this is the benchmarked search.
    z = x + c.goodwill - c.reservations
    n, k = z.size, c.seats_needed
    payments = np.zeros(n)
    level = c.mood * math.log(pi / (1.0 - pi)) if pi > 0.0 else -math.inf
    if prices_ is None:
        # Equal prices: the k seats needing least are the k with the largest net support, and after
        # the payments the pivot's net support is max(z_(k), level), so one partial sort does it all.
        top = np.argpartition(z, n - k)[n - k :]
        pivot = float(z[top].min())
        if pivot < level:
            payments[top] = np.maximum(level - z[top], 0.0)
            pivot = level
        total = float(payments[top].sum())
        return Package(payments, total / n, total / n, float(logistic(pivot / c.mood)))
    if pi > 0.0:
        need = np.maximum(level - z, 0.0)
        cost = np.where(need > 0.0, prices_ * need, 0.0)
        chosen = np.argpartition(cost, k - 1)[:k]
        payments[chosen] = need[chosen]
    return _package(c, x, payments, prices_)


def brute_force_package(
    constituency: SwingConstituency,
    deal: float,
    target: float,
    grid: npt.ArrayLike,
    prices: npt.ArrayLike | None = None,
) -> Package | None:
    r"""The cheapest package whose payments all lie on ``grid``, by enumeration (small cases only).

    Tries all :math:`|\text{grid}|^n` packages; ``None`` if none reaches
    ``target``. A check of :func:`cheapest_package`, which is never dearer.

    Parameters
    ----------
    constituency : SwingConstituency
        The side's seats.
    deal : float
        The side's share of the stake in the agreement, in [0, 1].
    target : float
        The probability of ratification to reach, in [0, 1).
    grid : array_like of float
        The payments tried for every seat, each :math:`\ge 0`.
    prices : array_like of float, optional
        Cost of one unit of payment to each seat (default 1).

    Returns
    -------
    Package or None
        The cheapest package on the grid that reaches ``target``; None if none does.

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.5, 0.9], quota=0.5, mood=0.1)
    >>> tl.brute_force_package(c, 0.4, 0.5, grid=[0, 0.05, 0.1, 0.2]).cost
    0.03333333333333333

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, section ``ch07-cheapest``.
    """
    c = _check_constituency(constituency)
    x = check_unit("deal", deal)
    pi = _check_target(target)
    g = check_array("grid", grid, low=0.0)
    prices_ = _check_prices(prices, c.size)
    if g.size**c.size > 2_000_000:
        raise ValueError(f"grid and constituency give {g.size**c.size} packages; at most 2000000 are enumerated")
    mesh = np.stack(np.meshgrid(*([g] * c.size), indexing="ij"), axis=-1).reshape(-1, c.size)
    z = x + mesh + c.goodwill - c.reservations
    k = c.seats_needed
    pivot = np.partition(z, c.size - k, axis=1)[:, c.size - k]
    ok = logistic(_scaled(pivot, c.mood)) >= pi * (1.0 - 1e-9)  # relative: a tiny target is not met by 0
    if not ok.any():
        return None
    costs = mesh @ prices_ / c.size
    best = int(np.flatnonzero(ok)[np.argmin(costs[ok])])
    return _package(c, x, mesh[best].copy(), prices_)


def best_use_of_budget(
    constituency: SwingConstituency, deal: float, budget: float, prices: npt.ArrayLike | None = None
) -> Package:
    r"""The targeted package that buys the highest probability of ratification for ``budget``.

    The cost of lifting :math:`k` seats to net support :math:`\ell`,
    :math:`C(\ell) = \frac1n \sum_{k \text{ smallest}} c_i \max(\ell - z_i, 0)`, is
    continuous and non-decreasing in :math:`\ell`; the best level is the
    largest :math:`\ell` with :math:`C(\ell) \le B`, found by bisection
    (60 halvings), and the package is :func:`cheapest_package`'s for that level.
    With positive prices it exists for every budget.

    Parameters
    ----------
    constituency : SwingConstituency
        The side's seats.
    deal : float
        The side's share of the stake in the agreement, in [0, 1].
    budget : float
        What the payer can spend, :math:`B \ge 0`, in shares of the joint stake.
    prices : array_like of float, optional
        Cost to the payer of one unit of payment to each seat (default 1).

    Returns
    -------
    Package
        The payments that buy the highest probability for the budget.

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
    >>> p = tl.best_use_of_budget(c, 0.5, budget=0.02)
    >>> p.payments.round(3).tolist(), round(p.probability, 3)
    ([0.0, 0.0, 0.1, 0.0, 0.0], 0.881)

    References
    ----------
    Putnam (1988), p. 450: a targeted concession "that tips the balance with a swing voter".
    Book: chapter 7, figure ``fig-budget``.
    """
    c = _check_constituency(constituency)
    x = check_unit("deal", deal)
    b = check_nonnegative("budget", budget)
    prices_ = _check_prices(prices, c.size)
    k = c.seats_needed

    def cost_at(level: float) -> float:
        _, cost = _needs(c, x, level, prices_)
        return float(np.partition(cost, k - 1)[:k].sum()) / c.size

    lo = c.pivot_support(x)
    hi = lo + 1.0
    while cost_at(hi) <= b:
        hi = lo + 2.0 * (hi - lo)
        if hi - lo > 1e6:
            break
    lo_end, _ = bisect(lambda mid: np.asarray(cost_at(float(mid)) <= b), np.asarray(lo), np.asarray(hi), 60)
    lo = float(lo_end)
    need, cost = _needs(c, x, lo, prices_)
    payments = np.zeros(c.size)
    chosen = np.argpartition(cost, k - 1)[:k]
    payments[chosen] = need[chosen]
    return _package(c, x, payments, prices_)


def across_the_board(constituency: SwingConstituency, deal: float, value: float) -> Package:
    r"""A concession of intrinsic value ``value`` spread equally: every seat gets ``value``.

    It is the same as a deal better by ``value`` for the whole side, and it
    lifts :math:`z_{(k)}` by exactly ``value``.

    Parameters
    ----------
    constituency : SwingConstituency
        The side's seats.
    deal : float
        The side's share of the stake in the agreement, in [0, 1].
    value : float
        The concession each seat receives, :math:`\ge 0`.

    Returns
    -------
    Package
        The equal payments, their cost and value, and the probability of ratification.

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
    >>> round(tl.across_the_board(c, 0.5, 0.05).probability, 3)
    0.731

    References
    ----------
    Putnam (1988), p. 450: "An across-the-board trade concession ... is less effective".
    Book: chapter 7, section ``ch07-targeted``.
    """
    c = _check_constituency(constituency)
    x = check_unit("deal", deal)
    v = check_nonnegative("value", value)
    return _package(c, x, np.full(c.size, v), np.ones(c.size))


Source = Literal["domestic", "international"]


def net_shares(deal: float, package: Package, source: Source) -> tuple[float, float]:
    r"""Each nation's share of the stake net of who pays for a package: (recipient, partner).

    ``"domestic"``: the recipient's own government pays from "unrelated
    domestic sources" (the Panama inducements, p. 450): :math:`(x - C, 1 - x)`.
    ``"international"``: the payment is "received as part of the international
    negotiation": the partner pays, :math:`(x, 1 - x - C)`. The sum is the same;
    the source moves the cost across the border (the cost :math:`C` is
    ``package.cost``, here read in shares of the joint stake).

    Parameters
    ----------
    deal : float
        The recipient's share of the stake, in [0, 1].
    package : Package
        The side-payments.
    source : {"domestic", "international"}
        Who pays for them.

    Returns
    -------
    (float, float)
        The recipient's and the partner's shares, net of the package's cost.

    Examples
    --------
    >>> p = tl.Package(np.array([0.0, 0.1]), cost=0.05, value=0.05, probability=0.8)
    >>> tl.net_shares(0.5, p, "domestic"), tl.net_shares(0.5, p, "international")
    ((0.45, 0.5), (0.5, 0.45))

    References
    ----------
    Putnam (1988), p. 450 (Carter's inducements to wavering Senators; note 65). Book: chapter 7,
    section ``ch07-sources``.
    """
    x = check_unit("deal", deal)
    p = check_instance("package", package, Package)
    if source not in ("domestic", "international"):
        raise ValueError(f"source must be 'domestic' or 'international', got {source!r}")
    if source == "domestic":
        return (x - p.cost, 1.0 - x)
    return (x, 1.0 - x - p.cost)
