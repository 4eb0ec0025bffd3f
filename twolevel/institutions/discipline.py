r"""Party discipline and the 1986 tax-reform conference (p. 449).

"Strong discipline within the governing party, for example, increases the
win-set by widening the range of agreements for which the Level I negotiator
can expect to receive backing" (p. 449).

The model
---------
A share :math:`d \in [0, 1]` of the chamber's weight follows the leader
whatever the deal (disciplined members, spread evenly over the chamber's
reservation values); the rest vote their own reservation values. The
yes-share on own-side share :math:`s` is

.. math::

    V_d(s) = d + (1 - d)\, V(s),

so a deal is ratified iff :math:`V(s) \ge (q - d)/(1 - d)`; when
:math:`d \ge q` the leader carries every deal. The effective quota
:math:`(q - d)/(1 - d)` falls as :math:`d` rises, so the pivot can only fall:
**more discipline never shrinks the win-set**.

The conference
--------------
In the 1986 House–Senate conference on tax reform "the final bill was closer
to the Senate version, despite (or rather, because of) Congressman
Rostenkowski's greater control of his delegation" (p. 449), which increased
the House win-set. Here the House is side X (:math:`x = 1` is the House
version), the Senate side Y (:math:`x = 0` its version); each delegation
ratifies by its quota, each with its own discipline, and the conferees bargain
over the overlap with Chapter 4's rules (:func:`twolevel.nash_bargaining`,
checked with :func:`twolevel.split_the_difference`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .._checks import check_instance, check_label, check_quota, check_unit
from ..bargaining import Solution, bargain
from ..winsets import SIDES, Constituency, Side, WinSet, overlap

__all__ = ["disciplined_quota", "disciplined_win_set", "ConferenceOutcome", "conference_outcome"]


def disciplined_quota(quota: float, discipline: float) -> float | None:
    r"""The quota the undisciplined members must meet: :math:`(q - d)/(1 - d)`, or None if :math:`d \ge q`.

    ``None`` means the disciplined members alone carry the vote: every deal is ratified.

    Parameters
    ----------
    quota : float
        The chamber's quota, in (0, 1].
    discipline : float
        Share :math:`d` of the weight that follows the leader, in [0, 1].

    Returns
    -------
    float or None
        The effective quota of the undisciplined members.

    Examples
    --------
    >>> round(tl.disciplined_quota(0.5, 0.2), 6)
    0.375
    >>> tl.disciplined_quota(0.5, 0.6) is None
    True

    References
    ----------
    Putnam (1988), p. 449 (strong party discipline). Book: chapter 6, ``prop-discipline``.
    """
    q, d = check_quota("quota", quota), check_unit("discipline", discipline)
    if d >= q:
        return None
    return (q - d) / (1.0 - d)


def disciplined_win_set(constituency: Constituency, quota: float, discipline: float, side: Side = "X") -> WinSet:
    """The win-set when a share ``discipline`` of the weight follows the leader whatever the deal.

    Parameters
    ----------
    constituency : Constituency
        The chamber's members and their reservation values.
    quota : float
        The chamber's ratification quota, in (0, 1].
    discipline : float
        Share :math:`d` of the weight that follows the leader, in [0, 1].
    side : {"X", "Y"}

    Returns
    -------
    WinSet

    Examples
    --------
    >>> house = tl.Constituency.uniform(0.9, n=1001)
    >>> tl.disciplined_win_set(house, 0.5, 0.0), tl.disciplined_win_set(house, 0.5, 0.2)
    (WinSet(0.45, 1), WinSet(0.337612, 1))
    >>> tl.disciplined_win_set(house, 0.5, 0.5)
    WinSet(0, 1)

    References
    ----------
    Putnam (1988), p. 449: discipline "increases the win-set". Book: chapter 6, ``prop-discipline``.
    """
    c = check_instance("constituency", constituency, Constituency)
    check_label("side", side, SIDES)
    q_eff = disciplined_quota(quota, discipline)
    p = 0.0 if q_eff is None else float(c.pivot(q_eff))
    return WinSet(p, 1.0) if side == "X" else WinSet(0.0, 1.0 - p)


@dataclass(frozen=True)
class ConferenceOutcome:
    """The conference's feasible range and its bill.

    Attributes
    ----------
    house, senate : WinSet
        The delegations' win-sets (X = House version at 1, Y = Senate version at 0).
    feasible : WinSet
        Their overlap.
    bill : float or None
        The conference bill: its distance from the Senate version (0) toward the
        House version (1); None under deadlock.

    Examples
    --------
    >>> o = tl.conference_outcome(tl.Constituency.uniform(0.9), tl.Constituency.uniform(0.6), 2 / 3)
    >>> round(o.house.lo, 3), round(o.senate.hi, 3), round(o.bill, 3)
    (0.6, 0.7, 0.6)

    References
    ----------
    Putnam (1988), p. 449 (the 1986 conference). Book: chapter 6, ``ch06-discipline``.
    """

    house: WinSet
    senate: WinSet
    feasible: WinSet
    bill: float | None

    def __post_init__(self) -> None:
        for name in ("house", "senate", "feasible"):
            check_instance(name, getattr(self, name), WinSet)
        if self.bill is not None:
            object.__setattr__(self, "bill", check_unit("bill", self.bill))


def conference_outcome(
    house: Constituency,
    senate: Constituency,
    quota_house: float = 0.5,
    quota_senate: float = 0.5,
    discipline_house: float = 0.0,
    discipline_senate: float = 0.0,
    solution: Solution = "nash",
) -> ConferenceOutcome:
    r"""The conference bill when each delegation ratifies with its own discipline.

    Parameters
    ----------
    house, senate : Constituency
        Reservation values of each delegation's members on their own chamber's
        share of the stake (the House's share is :math:`x`, the Senate's :math:`1 - x`).
    quota_house, quota_senate : float
        Quotas in (0, 1].
    discipline_house, discipline_senate : float
        Shares of each delegation that follow their leader, in [0, 1].
    solution : {"nash", "split"}
        Chapter 4's bargaining solution (:func:`twolevel.bargain`).

    Returns
    -------
    ConferenceOutcome
        Both delegations' win-sets, their overlap and the bill.

    Examples
    --------
    >>> house, senate = tl.Constituency.uniform(0.9), tl.Constituency.uniform(0.6)
    >>> weak = tl.conference_outcome(house, senate, 2 / 3, 1 / 2)
    >>> strong = tl.conference_outcome(house, senate, 2 / 3, 1 / 2, discipline_house=0.4)
    >>> round(weak.bill, 3), round(strong.bill, 3)
    (0.6, 0.5)

    References
    ----------
    Putnam (1988), p. 449: "the final bill was closer to the Senate version". Book: chapter 6,
    ``ch06-discipline``.
    """
    quota_house, quota_senate = check_quota("quota_house", quota_house), check_quota("quota_senate", quota_senate)
    discipline_house = check_unit("discipline_house", discipline_house)
    discipline_senate = check_unit("discipline_senate", discipline_senate)
    wh = disciplined_win_set(check_instance("house", house, Constituency), quota_house, discipline_house, "X")
    ws = disciplined_win_set(check_instance("senate", senate, Constituency), quota_senate, discipline_senate, "Y")
    feasible = overlap(wh, ws)
    bill = bargain(feasible, solution)
    return ConferenceOutcome(wh, ws, feasible, bill)
