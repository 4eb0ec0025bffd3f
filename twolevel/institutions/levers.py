r"""The three institutional levers together: the rule, discipline and autonomy (pp. 448–450).

Each lever acts on the pivot of one side's constituency:

1. the **rule** sets the quota :math:`q`;
2. **discipline** :math:`d` lowers the quota the undisciplined members must
   meet to :math:`(q - d)/(1 - d)` (every deal passes when :math:`d \ge q`),
   :mod:`~twolevel.institutions.discipline`;
3. **autonomy** :math:`a` moves the resulting pivot toward the decision-maker's
   own reservation value :math:`r_L`: :math:`p \mapsto p + a\,(r_L - p)`,
   :mod:`~twolevel.institutions.autonomy`.

So the side's pivot is

.. math::

    p(q, d, a) = p_d + a\,(r_L - p_d),\qquad
    p_d = \begin{cases} F^{-1}\!\bigl(\tfrac{q - d}{1 - d}\bigr) & d < q \\ 0 & d \ge q \end{cases}

which rises with :math:`q` and falls with :math:`d` and (for :math:`r_L \le p_d`) with :math:`a`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._checks import check_instance, check_label, check_unit
from ..bargaining import nash_bargaining
from ..winsets import SIDES, Constituency, Side, WinSet, overlap
from .discipline import disciplined_win_set

__all__ = ["institutional_win_set", "LeverOutcome", "lever_outcome"]


def institutional_win_set(
    constituency: Constituency,
    quota: float,
    discipline: float = 0.0,
    autonomy: float = 0.0,
    leader_reservation: float = 0.0,
    side: Side = "X",
) -> WinSet:
    """A side's win-set under a rule, a degree of discipline and a degree of autonomy.

    Parameters
    ----------
    constituency : Constituency
        The side's constituents.
    quota : float
        The rule's quota, in (0, 1].
    discipline : float
        Share of the weight that follows the leader, in [0, 1].
    autonomy : float
        Weight of the decision-maker's own judgement, in [0, 1].
    leader_reservation : float
        The decision-maker's own reservation value, in [0, 1].
    side : {"X", "Y"}
        X's win-set is :math:`[p, 1]`, Y's :math:`[0, 1 - p]`.

    Returns
    -------
    WinSet

    Examples
    --------
    >>> us = tl.Constituency.uniform(0.9, n=1001)
    >>> tl.institutional_win_set(us, 2 / 3), tl.institutional_win_set(us, 2 / 3, 0.2, 0.5)
    (WinSet(0.60015, 1), WinSet(0.262313, 1))

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, ``ch06-explorer``.
    """
    check_label("side", side, SIDES)
    a = check_unit("autonomy", autonomy)
    r_l = check_unit("leader_reservation", leader_reservation)
    p_d = disciplined_win_set(constituency, quota, discipline, "X").lo
    p = min(max(p_d + a * (r_l - p_d), 0.0), 1.0)
    return WinSet(p, 1.0) if side == "X" else WinSet(0.0, 1.0 - p)


@dataclass(frozen=True)
class LeverOutcome:
    """Both win-sets, their overlap and each side's Nash share.

    Attributes
    ----------
    win_set_x, win_set_y, feasible : WinSet
    share_x, share_y : float or None
        X's Nash share and Y's (``1 - share_x``); None under deadlock.

    Examples
    --------
    >>> o = tl.lever_outcome(tl.Constituency.uniform(0.9), tl.WinSet(0, 0.7), 2 / 3)
    >>> round(o.share_x, 3), round(o.share_y, 3)
    (0.6, 0.4)

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, ``ch06-explorer``.
    """

    win_set_x: WinSet
    win_set_y: WinSet
    feasible: WinSet
    share_x: float | None

    def __post_init__(self) -> None:
        for name in ("win_set_x", "win_set_y", "feasible"):
            check_instance(name, getattr(self, name), WinSet)
        if self.share_x is not None:
            object.__setattr__(self, "share_x", check_unit("share_x", self.share_x))

    @property
    def share_y(self) -> float | None:
        return None if self.share_x is None else 1.0 - self.share_x


def lever_outcome(
    constituency_x: Constituency,
    win_set_y: WinSet,
    quota: float,
    discipline: float = 0.0,
    autonomy: float = 0.0,
    leader_reservation: float = 0.0,
) -> LeverOutcome:
    """X's institutions against a fixed win-set of Y: both win-sets, the overlap, both sides' shares.

    Parameters
    ----------
    constituency_x : Constituency
        X's constituents.
    win_set_y : WinSet
        Y's win-set.
    quota : float
        X's quota, in (0, 1].
    discipline, autonomy, leader_reservation : float
        X's other levers, in [0, 1] (:func:`institutional_win_set`).

    Returns
    -------
    LeverOutcome
        Both win-sets, their overlap and X's Nash share.

    Examples
    --------
    >>> us, y = tl.Constituency.uniform(0.9), tl.WinSet(0, 0.7)
    >>> tl.lever_outcome(us, y, 1.0).feasible.is_empty, round(tl.lever_outcome(us, y, 2 / 3, 0.3).share_x, 2)
    (True, 0.5)

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, ``ch06-explorer``.
    """
    check_instance("constituency_x", constituency_x, Constituency)
    check_instance("win_set_y", win_set_y, WinSet)
    wx = institutional_win_set(constituency_x, quota, discipline, autonomy, leader_reservation, "X")
    feasible = overlap(wx, win_set_y)
    return LeverOutcome(wx, win_set_y, feasible, nash_bargaining(feasible))
