r"""Mixed motives: rallying constituents now, ratifying a compromise later (p. 450).

"Each Level I negotiator has an unequivocal interest in maximizing the other
side's win-set, but with respect to his own win-set, his motives are mixed"
(p. 450). A two-period model of the model's own making:

*Period 1 (Level I).* X's negotiator chooses how far to rally his
constituents, :math:`\rho`. Rallying (:math:`\rho > 0`: a strike vote, a
"missile gap") raises every constituent's reservation value by
:math:`\rho`, irreversibly: X's win-set :math:`[X_1, 1]` becomes
:math:`[X_1 + \rho, 1]`. "Softening up" (:math:`\rho < 0`) lowers it.
The negotiators then settle inside the overlap
:math:`[X_1 + \rho, Y_1]` by a bargaining rule of :mod:`twolevel.bargaining`
(split-the-difference by default, the Nash clamp as the alternative: ``solution=``).

*Period 2 (Level II).* Each side votes after a logistic shock of scale
:math:`s` to its mood (as in :mod:`twolevel.strategies.sidepayments`): the
agreement :math:`x^*` is ratified by X with probability
:math:`\Lambda((x^* - X_1 - \rho)/s)` and by Y with probability
:math:`\Lambda((Y_1 - x^*)/s)`, independently. X's negotiator values the
outcome at his expected share :math:`E(\rho) = x^*(\rho)\,P(\rho)`
(no-agreement is worth 0).

Rallying buys a larger share and costs ratification probability: the
tactical dilemma, computed. An empty overlap is deadlock (share ``None``,
probability 0).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy.typing as npt

from .._checks import check_array, check_instance, check_real, check_unit
from ..bargaining import Solution, bargain, check_solution
from ..winsets import WinSet
from .sidepayments import _check_mood, logistic

__all__ = ["RallyOutcome", "rally_outcome", "rally_tradeoff"]


@dataclass(frozen=True)
class RallyOutcome:
    """Period-1 rally, the agreement it leads to and its chance of ratification on both sides.

    Examples
    --------
    >>> o = tl.rally_outcome(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), rally=0.1, mood=0.05)
    >>> round(o.share, 3), round(o.probability, 3), round(o.expected_share, 3)
    (0.5, 0.776, 0.388)

    References
    ----------
    Putnam (1988), p. 450 (the tactical dilemma). Book: chapter 7, section ``ch07-mixed``.
    """

    rally: float
    share: float | None
    probability: float
    expected_share: float

    def __post_init__(self) -> None:
        rho = check_real("rally", self.rally)
        if not -1.0 <= rho <= 1.0:
            raise ValueError(f"rally must lie in [-1, 1], got {rho!r}")
        object.__setattr__(self, "rally", rho)
        if self.share is not None:
            object.__setattr__(self, "share", check_unit("share", self.share))
        object.__setattr__(self, "probability", check_unit("probability", self.probability))
        object.__setattr__(self, "expected_share", check_unit("expected_share", self.expected_share))


def rally_outcome(
    win_set_x: WinSet, win_set_y: WinSet, rally: float, mood: float, solution: Solution = "split"
) -> RallyOutcome:
    r"""The two-period outcome for one rally :math:`\rho \in [-1, 1]` (module docstring).

    Parameters
    ----------
    win_set_x : WinSet
        X's win-set before the rally, :math:`[X_1, 1]`.
    win_set_y : WinSet
        Y's win-set, :math:`[0, Y_1]`.
    rally : float
        :math:`\rho`: > 0 rallies (hardens) X's constituents, < 0 softens them up.
    mood : float
        Scale :math:`s > 0` of each side's Level II shock.
    solution : {"split", "nash"}
        The Level I bargaining solution on the overlap (:func:`twolevel.bargain`).

    Returns
    -------
    RallyOutcome
        The rally, the agreement (None under deadlock), its probability of ratification and X's expected share.

    Examples
    --------
    >>> wx, wy = tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6)
    >>> [round(tl.rally_outcome(wx, wy, r, 0.05).share, 3) for r in (-0.1, 0.0, 0.1)]
    [0.4, 0.45, 0.5]
    >>> tl.rally_outcome(wx, wy, 0.4, 0.05).share is None
    True

    References
    ----------
    Putnam (1988), p. 450: rallying support may have "irreversible effects on constituents'
    attitudes"; softening up "can undercut a negotiator's ability to project an implacable image".
    Book: chapter 7, figure ``fig-rally``.
    """
    wx = check_instance("win_set_x", win_set_x, WinSet)
    wy = check_instance("win_set_y", win_set_y, WinSet)
    rho = check_real("rally", rally)
    if not -1.0 <= rho <= 1.0:
        raise ValueError(f"rally must lie in [-1, 1], got {rho!r}")
    s = _check_mood(mood)
    check_solution("solution", solution)
    if wx.is_empty or wy.is_empty:
        return RallyOutcome(rho, None, 0.0, 0.0)
    x1 = min(max(wx.lo + rho, 0.0), 1.0)
    if x1 > wy.hi:
        return RallyOutcome(rho, None, 0.0, 0.0)
    feasible = WinSet(x1, wy.hi)
    share = bargain(feasible, solution)
    assert share is not None  # the overlap is not empty
    p = float(logistic((share - x1) / s) * logistic((wy.hi - share) / s))
    return RallyOutcome(rho, share, p, share * p)


def rally_tradeoff(
    win_set_x: WinSet, win_set_y: WinSet, rallies: npt.ArrayLike, mood: float, solution: Solution = "split"
) -> list[RallyOutcome]:
    r"""``rally_outcome`` for each rally in ``rallies``: the trade-off to plot.

    Parameters
    ----------
    win_set_x, win_set_y : WinSet
        X's win-set before the rally and Y's win-set.
    rallies : array_like of float
        Rallies :math:`\rho \in [-1, 1]`.
    mood : float
        Scale :math:`s > 0` of each side's Level II shock.
    solution : {"split", "nash"}
        The Level I bargaining solution (:func:`twolevel.bargain`).

    Returns
    -------
    list of RallyOutcome
        One outcome per rally, in order.

    Examples
    --------
    >>> out = tl.rally_tradeoff(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), np.linspace(-0.2, 0.2, 5), 0.05)
    >>> best = max(out, key=lambda o: o.expected_share)
    >>> round(best.rally, 2), round(best.expected_share, 3)
    (0.0, 0.408)

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, figure ``fig-rally``.
    """
    rs = check_array("rallies", rallies, low=-1.0, high=1.0)
    return [rally_outcome(win_set_x, win_set_y, float(r), mood, solution) for r in rs]
