r"""Proposals a safety margin inside the believed win-sets (note 38).

The defection model (:mod:`twolevel.defection`) lets the negotiators propose
the Nash point of the *believed* overlap :math:`[x_1, y_1]`, even when that
point lies on a believed boundary. Under uncertainty a proposal on X's
believed boundary is rejected by X about half the time, whatever else
happens. Negotiators who know their beliefs are uncertain have a reason to
stay away from the edge: "if the win-sets were known with certainty, the
negotiators would never propose for ratification an agreement that would be
rejected" (note 38, p. 439).

The model
---------
With a margin :math:`m \ge 0` the negotiators propose the Nash point of the
believed overlap shrunk by :math:`m` at both ends,

.. math::

    x^* = \operatorname{clamp}\!\left(\tfrac12,\ x_1 + m,\ y_1 - m\right)
    \quad\text{if } x_1 + m \le y_1 - m,

the midpoint :math:`(x_1 + y_1)/2` if the believed overlap is narrower than
:math:`2m` (no point keeps the full margin, so the proposal keeps the most it
can), and nothing if :math:`x_1 > y_1` (deadlock). The true boundaries and the
outcome probabilities are those of :func:`twolevel.defection_rates`:

.. math::

    P(\text{involuntary}) = 1 - \Phi\!\left(\frac{x^* - x_1}{\sigma}\right)
                                \Phi\!\left(\frac{y_1 - x^*}{\sigma}\right).

With :math:`m = 0` this is :func:`twolevel.defection_rates` exactly. The margin
is the model's addition, not Putnam's: it is one way to read note 38 for
negotiators who know that they do not know the win-sets.
"""

from __future__ import annotations

from ._checks import check_nonnegative, check_real, check_unit
from .defection import DefectionModel, DefectionRates

__all__ = ["cautious_proposal", "defection_rates_with_margin"]


def cautious_proposal(x1: float, y1: float, margin: float) -> float | None:
    r"""The agreement proposed a margin inside the believed overlap :math:`[x_1, y_1]`.

    Parameters
    ----------
    x1, y1 : float
        Believed boundaries of X's win-set :math:`[x_1, 1]` and Y's win-set
        :math:`[0, y_1]`, in [0, 1].
    margin : float
        :math:`m \ge 0`, the distance the proposal keeps from each believed
        boundary, in share units (at most 1).

    Returns
    -------
    float or None
        :math:`\operatorname{clamp}(1/2, x_1 + m, y_1 - m)`; the midpoint of
        :math:`[x_1, y_1]` when that overlap is narrower than :math:`2m`;
        ``None`` when :math:`x_1 > y_1` (deadlock).

    Examples
    --------
    >>> tl.cautious_proposal(0.3, 0.55, 0.05)   # the Nash point is already inside
    0.5
    >>> round(tl.cautious_proposal(0.65, 0.75, 0.05), 3)  # one margin above X's boundary
    0.7
    >>> tl.cautious_proposal(0.6, 0.4, 0.05) is None
    True

    References
    ----------
    Putnam (1988), note 38, p. 439. Book: chapter 5, section on hawks and doves.
    """
    lo, hi = check_unit("x1", x1), check_unit("y1", y1)
    m = check_nonnegative("margin", margin)
    if m > 1.0:
        raise ValueError(f"margin must lie in [0, 1] (a distance in share units), got {m!r}")
    if lo > hi:
        return None
    if lo + m > hi - m:
        return (lo + hi) / 2.0
    return min(max(0.5, lo + m), hi - m)


def defection_rates_with_margin(
    x1: float, y1: float, uncertainty: float, margin: float, reneging_cost: float = 1.0, temptation: float = 1.0
) -> DefectionRates:
    r"""Outcome probabilities when the proposal keeps a margin from the believed boundaries.

    Parameters
    ----------
    x1, y1, uncertainty, reneging_cost, temptation : float
        As in :func:`twolevel.defection_rates` (validated by
        :class:`twolevel.DefectionModel`).
    margin : float
        :math:`m \in [0, 1]`: see :func:`cautious_proposal`. ``margin=0``
        gives :func:`twolevel.defection_rates`.

    Returns
    -------
    DefectionRates
        Deadlock, involuntary and voluntary defection and implementation,
        with the cautious proposal.

    Examples
    --------
    >>> on_edge = tl.defection_rates(0.65, 0.75, uncertainty=0.05)
    >>> inside = tl.defection_rates_with_margin(0.65, 0.75, uncertainty=0.05, margin=0.05)
    >>> round(on_edge.involuntary, 3), round(inside.involuntary, 3)
    (0.511, 0.292)
    >>> tl.defection_rates_with_margin(0.3, 0.55, 0.05, margin=0.0) == tl.defection_rates(0.3, 0.55, 0.05)
    True

    References
    ----------
    Putnam (1988), pp. 438-440 and note 38. Book: chapter 5 (hawks and doves) and its robustness table.
    """
    model = DefectionModel(x1, y1, uncertainty, reneging_cost, temptation)
    m = check_real("margin", margin)
    return model.rates_at(cautious_proposal(model.x1, model.y1, m))
