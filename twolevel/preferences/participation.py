r"""Participation, abstention and politicisation (p. 445).

"Thus far we have implicitly assumed that all eligible constituents will
participate in the ratification process" (p. 445). Here constituent :math:`i`
takes part with probability :math:`p_i \in [0, 1]`, so its *effective* weight
in the vote is :math:`w_i p_i`, and the win-set is computed on effective
weights. Groups on which an agreement's costs or benefits are concentrated
participate more; diffuse interests abstain.

*Politicisation* activates the inattentive: at level :math:`\lambda \in [0, 1]`
participation becomes :math:`p_i + \lambda (1 - p_i)`. "Politicization often
activates groups who are less worried about the costs of no-agreement, thus
reducing the effective win-set" (p. 445). In the model that holds when
participation does not rise with the reservation value: the newly active are
then more demanding than the already active, the effective distribution of
reservation values moves up, and so does the pivot (a tested property). If
instead politicisation activates *supporters*, as Woodrow Wilson hoped with
his 1919 tour, it never shrinks the win-set. Both conditions are sufficient,
not necessary.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_unit
from ..winsets import Constituency

__all__ = ["participation_from_stakes", "effective_constituency", "politicise"]


def participation_from_stakes(stakes: npt.ArrayLike, cost_of_acting: float) -> npt.NDArray[np.float64]:
    r"""Participation rates :math:`p_i = s_i / (s_i + c)` from each member's stake in the outcome.

    A member whose stake :math:`s_i \ge 0` is large relative to the cost of
    acting :math:`c > 0` nearly always takes part; members of a diffuse
    interest, each with a small stake, mostly abstain (the "abstention rate"
    that Putnam finds higher on monetary than on trade issues).

    Parameters
    ----------
    stakes : array_like of float
        Each member's stake in the outcome, :math:`s_i \ge 0`.
    cost_of_acting : float
        :math:`c`, in (0, 1].

    Returns
    -------
    numpy.ndarray
        Participation rates in [0, 1].

    Examples
    --------
    >>> tl.participation_from_stakes([0.0, 1.0, 3.0], cost_of_acting=1.0)
    array([0.  , 0.5 , 0.75])

    References
    ----------
    Putnam (1988), p. 445 (participation varies with the stakes). Book: proposition ``prop-
    politicisation`` (chapter 5).
    """
    s = check_array("stakes", stakes, low=0.0)
    c = check_unit("cost_of_acting", cost_of_acting)
    if c == 0.0:
        raise ValueError("cost_of_acting must lie in (0, 1], got 0.0")
    return s / (s + c)


def effective_constituency(constituency: Constituency, participation: npt.ArrayLike) -> Constituency:
    """The constituency as it votes: weights times participation rates (in [0, 1]).

    Raises ValueError if nobody would participate (no effective weight).

    Parameters
    ----------
    constituency : Constituency
        The eligible constituents.
    participation : array_like of float
        Each member's participation rate, in [0, 1].

    Returns
    -------
    Constituency
        The same reservation values with weights :math:`w_i p_i`.

    Examples
    --------
    >>> c = tl.Constituency([0.2, 0.8])
    >>> tl.effective_constituency(c, [1.0, 0.5]).weights
    array([1. , 0.5])

    References
    ----------
    Putnam (1988), p. 445. Book: proposition ``prop-politicisation`` (chapter 5).
    """
    if not isinstance(constituency, Constituency):
        raise TypeError(f"constituency must be a Constituency, got {type(constituency).__name__}")
    p = check_array("participation", participation, low=0.0, high=1.0)
    if p.size != constituency.size:
        raise ValueError(f"participation must have one rate per constituent ({constituency.size}), got {p.size}")
    w = constituency.weights * p
    if not w.sum() > 0:
        raise ValueError("participation must leave a positive effective weight (someone must vote)")
    return Constituency(constituency.reservations, w, constituency.name)


def politicise(constituency: Constituency, participation: npt.ArrayLike, level: float) -> Constituency:
    r"""The effective constituency when the issue is politicised to ``level`` in [0, 1].

    Participation :math:`p_i` rises to :math:`p_i + \lambda (1 - p_i)`; at
    :math:`\lambda = 0` (secret diplomacy) only the usual participants vote,
    at :math:`\lambda = 1` everyone does.

    Parameters
    ----------
    constituency : Constituency
        The eligible constituents.
    participation : array_like of float
        Usual participation rates, in [0, 1].
    level : float
        :math:`\lambda \in [0, 1]`.

    Returns
    -------
    Constituency
        The effective constituency (:func:`effective_constituency`).

    Examples
    --------
    >>> c = tl.Constituency([0.2, 0.8])
    >>> tl.politicise(c, [0.2, 0.9], 1.0).weights
    array([1., 1.])

    References
    ----------
    Putnam (1988), p. 445 (politicisation activates constituents who care less about the costs of
    no-agreement). Book: proposition ``prop-politicisation`` (chapter 5).
    """
    lam = check_unit("level", level)
    p = check_array("participation", participation, low=0.0, high=1.0)
    return effective_constituency(constituency, p + lam * (1.0 - p))
