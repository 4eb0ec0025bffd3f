r"""Generic good will, the opposite number's popularity, summitry and the rank of the negotiator (pp. 451–452).

"A chief negotiator whose political standing at home is high can more easily
win ratification of his foreign initiatives" (p. 451). In the model, good will
:math:`g \ge 0` is a shift of *every* constituent: each reservation value
falls by :math:`g` (:func:`add_goodwill`), or equivalently each seat's net
support rises by :math:`g` (:attr:`SwingConstituency.goodwill`). It is
"all-purpose glue" because it reaches the pivot whoever the pivot is; it
"cannot guarantee ratification" because a deal below the shifted pivot is
still rejected, and because the Level II mood can still turn
(:math:`\Lambda(\cdot) < 1`).

The same shift answers the other questions of pp. 451–452, each a
computation on the models of Chapter 4 and of :mod:`twolevel.strategies`:

- :func:`opposite_popularity`: A's good will enlarges A's win-set, which
  raises "both the odds of success and the relative bargaining leverage of
  Party B";
- :func:`transaction_benefits`: the domestic gain a head of government takes
  from a summit, with or without a substantive agreement;
- :func:`negotiator_win_set` and :func:`rank_effects`: a head of government
  disposes of more side-payments and more good will than "a mere clerk", so
  the partner gets more room (and more odds) from the head, and the nation
  a better share from the clerk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._checks import check_instance, check_nonnegative, check_real, check_unit
from .._numerics import bisect
from ..winsets import Constituency, WinSet, overlap
from .mixed import rally_outcome
from .sidepayments import SwingConstituency

__all__ = [
    "add_goodwill",
    "PopularityEffect",
    "opposite_popularity",
    "SummitPayoff",
    "transaction_benefits",
    "negotiator_win_set",
    "RankEffect",
    "rank_effects",
]


def add_goodwill(constituency: Constituency, goodwill: float) -> Constituency:
    r"""Every reservation value lowered by ``goodwill`` :math:`g \ge 0` (floored at 0), weights kept.

    The win-set under any quota can only grow: each constituent accepts every
    share he accepted before (:math:`r_i - g \le r_i`), so the pivotal
    reservation value falls by at most :math:`g`.

    Parameters
    ----------
    constituency : Constituency
        The constituents before the shift.
    goodwill : float
        :math:`g \ge 0`, subtracted from every reservation value.

    Returns
    -------
    Constituency
        The shifted constituency (same weights and name).

    Examples
    --------
    >>> c = tl.Constituency.uniform(0.6, n=1001)
    >>> tl.win_set(c, 2 / 3, "X"), tl.win_set(tl.add_goodwill(c, 0.1), 2 / 3, "X")
    (WinSet(0.4001, 1), WinSet(0.3001, 1))

    References
    ----------
    Putnam (1988), p. 451: good will "is useful in expanding the win-set" as "all-purpose glue".
    Book: proposition ``prop-goodwill`` (chapter 7).
    """
    c = check_instance("constituency", constituency, Constituency)
    g = check_nonnegative("goodwill", goodwill)
    return Constituency(np.maximum(c.reservations - g, 0.0), c.weights, name=c.name)


@dataclass(frozen=True)
class PopularityEffect:
    """What A's good will does for the other side, B: room, B's share and the odds of ratification.

    Examples
    --------
    >>> e = tl.opposite_popularity(tl.WinSet(0.55, 1.0), tl.WinSet(0.0, 0.7), goodwill=0.1, mood=0.05)
    >>> round(e.room, 2), round(e.share_b, 2), round(e.probability, 3)
    (0.25, 0.5, 0.718)

    References
    ----------
    Putnam (1988), p. 451. Book: chapter 7, section ``ch07-goodwill``.
    """

    goodwill: float
    room: float
    share_b: float | None
    probability: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "goodwill", check_unit("goodwill", self.goodwill))
        object.__setattr__(self, "room", check_unit("room", self.room))
        if self.share_b is not None:
            object.__setattr__(self, "share_b", check_unit("share_b", self.share_b))
        object.__setattr__(self, "probability", check_unit("probability", self.probability))


def opposite_popularity(win_set_x: WinSet, win_set_y: WinSet, goodwill: float, mood: float) -> PopularityEffect:
    r"""A's good will :math:`g` lowers A's win-set boundary to :math:`A_1 - g`; what B gets from it.

    Putnam's Party A is side X (whose share is the agreement :math:`x`), Party
    B is side Y. The negotiators settle at the Nash clamp on the overlap and
    each side ratifies after its Level II shock (:func:`rally_outcome` with
    rally :math:`-g`). In this model more good will for A never lowers any
    of the three results.

    Parameters
    ----------
    win_set_x : WinSet
        A's (side X's) win-set before its good will.
    win_set_y : WinSet
        B's (side Y's) win-set.
    goodwill : float
        :math:`g \in [0, 1]`.
    mood : float
        Scale :math:`s > 0` of each side's Level II shock.

    Returns
    -------
    PopularityEffect
        The room (overlap width), B's share :math:`1 - x^*` (``None`` in
        deadlock) and the probability that both ratify.

    Examples
    --------
    >>> wa, wb = tl.WinSet(0.55, 1.0), tl.WinSet(0.0, 0.7)
    >>> [round(tl.opposite_popularity(wa, wb, g, 0.05).share_b, 2) for g in (0.0, 0.05, 0.1)]
    [0.45, 0.5, 0.5]

    References
    ----------
    Putnam (1988), p. 451: "Party A's popularity increases the size of his win-set, and thus
    increases both the odds of success and the relative bargaining leverage of Party B."
    Book: chapter 7, section ``ch07-goodwill``.
    """
    wa = check_instance("win_set_x", win_set_x, WinSet)
    wb = check_instance("win_set_y", win_set_y, WinSet)
    g = check_nonnegative("goodwill", goodwill)
    if g > 1.0:
        raise ValueError(f"goodwill must lie in [0, 1] (a shift on the share scale), got {g!r}")
    out = rally_outcome(wa, wb, -g, mood, "nash")
    shifted = WinSet(max(wa.lo - g, 0.0), 1.0) if not wa.is_empty else wa
    room = overlap(shifted, wb).width
    return PopularityEffect(g, room, None if out.share is None else 1.0 - out.share, out.probability)


@dataclass(frozen=True)
class SummitPayoff:
    """A head of government's domestic gain from a summit: publicity only, or a substantive deal.

    Examples
    --------
    >>> s = tl.SummitPayoff(publicity_only=0.1, substantive=0.05, probability=0.4)
    >>> s.prefers_publicity
    True

    References
    ----------
    Putnam (1988), p. 452 and note 69 ("transaction benefits"). Book: chapter 7, section
    ``ch07-summits``.
    """

    publicity_only: float
    substantive: float
    probability: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "publicity_only", check_nonnegative("publicity_only", self.publicity_only))
        object.__setattr__(self, "substantive", check_real("substantive", self.substantive))
        object.__setattr__(self, "probability", check_unit("probability", self.probability))

    @property
    def prefers_publicity(self) -> bool:
        """Whether the publicity-only summit pays more at home."""
        return self.publicity_only > self.substantive


def transaction_benefits(
    constituency: SwingConstituency, deal: float, publicity: float, success_bonus: float, failure_cost: float
) -> SummitPayoff:
    r"""The domestic standing a head of government gains from a summit.

    Publicity :math:`u \ge 0` accrues either way ("participation on the world
    stage normally gives a head of government a special advantage", p. 452).
    Seeking a substantive agreement adds a bonus :math:`b \ge 0` if it is
    ratified (note 69: benefits "may be enhanced if a substantive agreement is
    reached") and costs :math:`f \ge 0` (a public defeat) if it is rejected:

    .. math::

        U_\text{publicity} = u, \qquad
        U_\text{deal} = u + P\,b - (1 - P)\,f ,

    with :math:`P` the probability that ``constituency`` ratifies ``deal``.
    The summit of "publicity [rather] than ... substance" pays more iff
    :math:`P < f / (b + f)`.

    Parameters
    ----------
    constituency : SwingConstituency
        The side's seats.
    deal : float
        The side's share of the stake in the agreement, in [0, 1].
    publicity : float
        :math:`u \ge 0`.
    success_bonus : float
        :math:`b \ge 0`.
    failure_cost : float
        :math:`f \ge 0`.

    Returns
    -------
    SummitPayoff
        Both summits' domestic payoffs and the probability of ratification.

    Examples
    --------
    >>> c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    >>> s = tl.transaction_benefits(c, 0.6, publicity=0.1, success_bonus=0.1, failure_cost=0.1)
    >>> round(s.probability, 2), s.prefers_publicity
    (0.21, True)

    References
    ----------
    Putnam (1988), p. 452: summitry "seems designed to appropriate these 'transaction benefits'
    without actually seeking the sort of agreements that might entail transaction costs".
    Book: chapter 7, section ``ch07-summits``.
    """
    c = check_instance("constituency", constituency, SwingConstituency)
    p = c.ratification_probability(deal)
    u = check_nonnegative("publicity", publicity)
    b = check_nonnegative("success_bonus", success_bonus)
    f = check_nonnegative("failure_cost", failure_cost)
    return SummitPayoff(u, u + p * b - (1.0 - p) * f, p)


def negotiator_win_set(constituency: SwingConstituency, budget: float) -> WinSet:
    r"""The deals a negotiator with side-payment ``budget`` can carry at even odds: :math:`[X_1(B), 1]`.

    A deal :math:`x` is carried with probability at least 1/2 iff the pivotal
    net support can be raised to 0, i.e. iff the cheapest package for target
    1/2 costs at most :math:`B` (:func:`cheapest_package`):

    .. math::

        C(x) = \frac1n \sum_{j \le k} \max(r_{(j)} - g - x, 0) \le B ,

    over the :math:`k` smallest reservation values. :math:`C` is continuous
    and decreasing, so :math:`X_1(B)` is found by bisection; the win-set is
    empty if :math:`C(1) > B`. More budget or more good will never shrinks it.

    Parameters
    ----------
    constituency : SwingConstituency
        The side's seats.
    budget : float
        The negotiator's side-payment budget :math:`B \ge 0`.

    Returns
    -------
    WinSet
        :math:`[X_1(B), 1]`, or the empty set if no deal can be carried at even odds.

    Examples
    --------
    >>> c = tl.SwingConstituency.uniform(0.6, 100, quota=0.5, mood=0.05)
    >>> tl.negotiator_win_set(c, 0.0), tl.negotiator_win_set(c, 0.01)
    (WinSet(0.297, 1), WinSet(0.190444, 1))

    References
    ----------
    Putnam (1988), p. 452: "Higher status negotiators are likely to dispose of more
    side-payments and more 'good will' at home". Book: chapter 7, section ``ch07-rank``.
    """
    c = check_instance("constituency", constituency, SwingConstituency)
    b = check_nonnegative("budget", budget)
    k = c.seats_needed
    lowest = np.sort(c.reservations)[:k] - c.goodwill

    def cost(x: float) -> float:
        return float(np.maximum(lowest - x, 0.0).sum()) / c.size

    if cost(1.0) > b:
        return WinSet.empty()
    if cost(0.0) <= b:
        return WinSet(0.0, 1.0)
    # The cost falls as the boundary rises: the bracket's low end is where the budget falls short.
    _, hi = bisect(lambda mid: np.asarray(cost(float(mid)) > b), np.asarray(0.0), np.asarray(1.0), 60)
    return WinSet(float(hi), 1.0)


@dataclass(frozen=True)
class RankEffect:
    """X's win-set, the room for agreement, X's share and the odds of ratification, for one negotiator.

    Examples
    --------
    >>> c = tl.SwingConstituency.uniform(0.9, 100, quota=0.6, mood=0.05)
    >>> head = tl.rank_effects(c, tl.WinSet(0.0, 0.6), goodwill=0.1, budget=0.01)
    >>> clerk = tl.rank_effects(c, tl.WinSet(0.0, 0.6), goodwill=0.0, budget=0.0)
    >>> head.room > clerk.room, head.share < clerk.share
    (True, True)

    References
    ----------
    Putnam (1988), p. 452. Book: chapter 7, section ``ch07-rank``.
    """

    win_set: WinSet
    room: float
    share: float | None
    probability: float

    def __post_init__(self) -> None:
        check_instance("win_set", self.win_set, WinSet)
        object.__setattr__(self, "room", check_unit("room", self.room))
        if self.share is not None:
            object.__setattr__(self, "share", check_unit("share", self.share))
        object.__setattr__(self, "probability", check_unit("probability", self.probability))


def rank_effects(constituency: SwingConstituency, win_set_y: WinSet, goodwill: float, budget: float) -> RankEffect:
    r"""What a negotiator with ``goodwill`` and a side-payment ``budget`` yields X, facing Y's win-set.

    X's win-set is :func:`negotiator_win_set` of the constituency with that
    good will; the deal is the Nash clamp on the overlap with ``win_set_y``
    (:func:`twolevel.nash_bargaining`), and the probability is that of both
    ratifications (:func:`rally_outcome`, X at even odds at its boundary). A
    head of government (good will and a budget) against "a mere clerk"
    (neither): more room and better odds for the partner, a smaller share for X.

    Parameters
    ----------
    constituency : SwingConstituency
        X's seats.
    win_set_y : WinSet
        Y's win-set.
    goodwill : float
        The negotiator's good will :math:`g \ge 0`.
    budget : float
        The negotiator's side-payment budget, :math:`\ge 0`.

    Returns
    -------
    RankEffect
        X's win-set, the room, X's share (None in deadlock) and the probability of both ratifications.

    Examples
    --------
    >>> c = tl.SwingConstituency.uniform(0.9, 100, quota=0.6, mood=0.05)
    >>> clerk = tl.rank_effects(c, tl.WinSet(0.0, 0.6), goodwill=0.0, budget=0.0)
    >>> round(clerk.share, 3), round(clerk.room, 3)
    (0.536, 0.064)

    References
    ----------
    Putnam (1988), p. 452: "In purely distributive terms, a nation might have a bargaining
    advantage if its chief negotiator were a mere clerk." Book: chapter 7, section ``ch07-rank``.
    """
    c = check_instance("constituency", constituency, SwingConstituency)
    wy = check_instance("win_set_y", win_set_y, WinSet)
    g = check_nonnegative("goodwill", goodwill)
    wx = negotiator_win_set(c.with_goodwill(g), budget)
    out = rally_outcome(wx, wy, 0.0, c.mood, "nash")
    return RankEffect(wx, overlap(wx, wy).width, out.share, out.probability)
