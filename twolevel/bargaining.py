r"""Level I outcomes inside the overlap of the win-sets.

Putnam's second reason why win-set size matters: "the relative size of the
respective Level II win-sets will affect the distribution of the joint gains"
(p. 440). To make the claim checkable we need a rule that picks one
agreement inside the feasible range. Two standard ones are given.

*Nash bargaining solution* with the disagreement point at no-agreement. If X
and Y value no-agreement at :math:`d_X` and :math:`d_Y` (shares of the stake),
the agreement maximises the Nash product over the feasible range
:math:`[\ell, h]`:

.. math::

    x^N = \arg\max_{x \in [\ell, h]} (x - d_X)\,(1 - x - d_Y)
        = \operatorname{clamp}\!\left(\tfrac{1 + d_X - d_Y}{2},\ \ell,\ h\right),

because the product is concave in :math:`x`. *Split the difference*: the
midpoint :math:`(\ell + h)/2`.

Both rules respect the ratification constraints, so when Y's win-set
contracts (``h`` falls) while the overlap stays non-empty, Y's share
:math:`1 - x` can only rise: Schelling's "power of a negotiator often rests on
a manifest inability to make concessions" (quoted on p. 440).
"""

from __future__ import annotations

from typing import Literal

from ._checks import check_label, check_unit
from .winsets import WinSet

__all__ = ["SOLUTIONS", "bargain", "nash_bargaining", "split_the_difference"]

#: A Level I bargaining solution: ``"nash"`` (:func:`nash_bargaining`) or ``"split"`` (:func:`split_the_difference`).
Solution = Literal["nash", "split"]
#: The accepted values of every ``solution=`` argument of the package.
SOLUTIONS: tuple[str, ...] = ("nash", "split")


def check_solution(name: str, value: object) -> Solution:
    """A bargaining solution's name, ``"nash"`` or ``"split"``, or a ValueError naming ``name``."""
    return check_label(name, value, SOLUTIONS)  # type: ignore[return-value]


def _check_overlap(feasible: WinSet) -> None:
    if not isinstance(feasible, WinSet):
        raise TypeError(f"feasible must be a WinSet (e.g. tl.overlap(wx, wy)), got {type(feasible).__name__}")


def bargain(feasible: WinSet, solution: Solution = "nash") -> float | None:
    """The agreement (X's share) that the bargaining ``solution`` picks inside the feasible range.

    The one place where the package chooses between its two solutions: every
    function that takes ``solution=`` calls this one.

    Parameters
    ----------
    feasible : WinSet
        The overlap of the two win-sets (:func:`twolevel.overlap`).
    solution : {"nash", "split"}
        :func:`nash_bargaining` with zero disagreement values, or
        :func:`split_the_difference`.

    Returns
    -------
    float or None
        X's share of the stake, or ``None`` when the overlap is empty (deadlock).

    Examples
    --------
    >>> tl.bargain(tl.WinSet(0.3, 0.55)), round(tl.bargain(tl.WinSet(0.3, 0.55), "split"), 3)
    (0.5, 0.425)
    >>> tl.bargain(tl.WinSet(0.3, 0.55), "kalai")
    Traceback (most recent call last):
    ...
    ValueError: solution must be 'nash' or 'split', got 'kalai'

    References
    ----------
    Putnam (1988), p. 440. Book: proposition ``prop-schelling`` (chapter 4).
    """
    _check_overlap(feasible)
    if check_solution("solution", solution) == "nash":
        return nash_bargaining(feasible)
    return split_the_difference(feasible)


def nash_bargaining(feasible: WinSet, d_x: float = 0.0, d_y: float = 0.0) -> float | None:
    r"""Nash bargaining agreement (X's share) inside the feasible range.

    Parameters
    ----------
    feasible : WinSet
        The overlap of the two win-sets (:func:`twolevel.overlap`).
    d_x, d_y : float
        Each negotiator's value of no-agreement, as a share of the stake in
        [0, 1], with :math:`d_X + d_Y \le 1` (otherwise no agreement could
        beat no-agreement for both).

    Returns
    -------
    float or None
        :math:`\operatorname{clamp}((1 + d_X - d_Y)/2, \ell, h)`, or ``None``
        when the overlap is empty (deadlock).

    Examples
    --------
    >>> tl.nash_bargaining(tl.WinSet(0.3, 0.55))
    0.5
    >>> tl.nash_bargaining(tl.WinSet(0.3, 0.4))
    0.4
    >>> tl.nash_bargaining(tl.WinSet.empty()) is None
    True

    References
    ----------
    Putnam (1988), p. 440 (win-set size and the distribution of the joint gains). Book: proposition
    ``prop-schelling`` (chapter 4).
    """
    _check_overlap(feasible)
    dx, dy = check_unit("d_x", d_x), check_unit("d_y", d_y)
    if dx + dy > 1.0:
        raise ValueError(f"d_x + d_y must be <= 1 (gains from agreement must exist), got {dx + dy!r}")
    if feasible.is_empty:
        return None
    return min(max((1.0 + dx - dy) / 2.0, feasible.lo), feasible.hi)


def split_the_difference(feasible: WinSet) -> float | None:
    r"""Midpoint of the feasible range, or ``None`` when it is empty.

    Parameters
    ----------
    feasible : WinSet
        The overlap of the two win-sets (:func:`twolevel.overlap`).

    Returns
    -------
    float or None
        :math:`(\ell + h)/2`, or ``None`` under deadlock.

    Examples
    --------
    >>> round(tl.split_the_difference(tl.WinSet(0.3, 0.55)), 3)
    0.425

    References
    ----------
    Putnam (1988), p. 440. Book: proposition ``prop-schelling`` (chapter 4).
    """
    _check_overlap(feasible)
    if feasible.is_empty:
        return None
    return (feasible.lo + feasible.hi) / 2.0
