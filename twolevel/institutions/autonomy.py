r"""Autonomy and the paradox of state strength (p. 449).

"The greater the autonomy of central decision-makers from their Level II
constituents, the larger their win-set and thus the greater the likelihood of
achieving international agreement" (p. 449); yet "the stronger a state is in
terms of autonomy from domestic pressures, the weaker its relative bargaining
position internationally" (p. 449).

The model
---------
Autonomy :math:`a \in [0, 1]` is the weight of the decision-maker's own
judgement against the constituents'. Constituent :math:`i`'s reservation value
as it bears on the decision becomes

.. math::

    r_i(a) = (1 - a)\, r_i + a\, r_L ,

where :math:`r_L` is the decision-maker's own reservation value. The map is
increasing and affine, so the pivot moves the same way:
:math:`p(a) = (1 - a)\,p + a\,r_L`. If the decision-maker is at least as eager
for agreement as the pivotal constituent (:math:`r_L \le p`: central bankers
keener on monetary cooperation than the electorate) the pivot falls as
:math:`a` rises, the win-set grows, and so does the probability that it
overlaps the other side's; and since both of Chapter 4's bargaining rules
move with the boundary, the side's bargaining share can only fall. With a
decision-maker more demanding than his pivot (:math:`r_L > p`) autonomy
shrinks the win-set: the model's qualification of the text.

With uniform constituents on :math:`[0, s]` and :math:`r_L = 0`, autonomy is
exactly a smaller spread, :math:`s(1 - a)`; :func:`autonomy_agreement_probability`
uses Chapter 4's sampling model with common random numbers, so the estimated
probability is exactly monotone in :math:`a`.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_instance, check_label, check_positive_int, check_quota, check_seed, check_unit
from .._sampling import pivotal_order_statistics
from ..bargaining import Solution, bargain
from ..winsets import SIDES, Constituency, Side, WinSet, overlap

__all__ = ["autonomous_win_set", "autonomy_share", "autonomy_agreement_probability"]


def autonomous_win_set(
    constituency: Constituency, quota: float, autonomy: float, leader_reservation: float = 0.0, side: Side = "X"
) -> WinSet:
    r"""The win-set when the decision-maker's own judgement has weight ``autonomy``.

    Parameters
    ----------
    constituency : Constituency
    quota : float
        In (0, 1].
    autonomy : float
        :math:`a \in [0, 1]`: 0 the constituents decide, 1 the decision-maker alone.
    leader_reservation : float
        :math:`r_L \in [0, 1]`, the decision-maker's own reservation value.
    side : {"X", "Y"}

    Returns
    -------
    WinSet
        X's :math:`[p(a), 1]` or Y's :math:`[0, 1 - p(a)]`.

    Examples
    --------
    >>> c = tl.Constituency.uniform(0.9, n=1001)
    >>> [round(tl.autonomous_win_set(c, 2 / 3, a).lo, 3) for a in (0.0, 0.5, 1.0)]
    [0.6, 0.3, 0.0]

    References
    ----------
    Putnam (1988), p. 449: autonomy enlarges the win-set. Book: chapter 6, ``prop-autonomy``.
    """
    c = check_instance("constituency", constituency, Constituency)
    a = check_unit("autonomy", autonomy)
    r_l = check_unit("leader_reservation", leader_reservation)
    check_label("side", side, SIDES)
    pivot = float(c.pivot(check_quota("quota", quota)))
    # p + a (r_L - p) rather than (1 - a) p + a r_L: exact at r_L = p and monotone in a in floating point.
    p = min(max(pivot + a * (r_l - pivot), 0.0), 1.0)
    return WinSet(p, 1.0) if side == "X" else WinSet(0.0, 1.0 - p)


def autonomy_share(
    constituency: Constituency,
    quota: float,
    autonomy: float,
    win_set_y: WinSet,
    leader_reservation: float = 0.0,
    solution: Solution = "nash",
) -> float | None:
    r"""Side X's bargaining share when its decision-maker has autonomy :math:`a` and Y's win-set is ``win_set_y``.

    Parameters
    ----------
    constituency : Constituency
        X's constituency.
    quota : float
        X's quota, in (0, 1].
    autonomy : float
        :math:`a \in [0, 1]`.
    win_set_y : WinSet
        Y's win-set.
    leader_reservation : float
        :math:`r_L \in [0, 1]`, the decision-maker's own reservation value.
    solution : {"nash", "split"}
        The bargaining solution (:func:`twolevel.bargain`).

    Returns
    -------
    float or None
        X's share of the stake; None under deadlock.

    Examples
    --------
    >>> x = tl.Constituency.uniform(0.9, n=1001)
    >>> y = tl.WinSet(0.0, 0.7)
    >>> [round(tl.autonomy_share(x, 2 / 3, a, y), 3) for a in (0.0, 0.1, 0.5)]
    [0.6, 0.54, 0.5]

    References
    ----------
    Putnam (1988), p. 449: autonomy weakens the "relative bargaining position". Book: chapter 6,
    ``prop-autonomy``.
    """
    check_instance("win_set_y", win_set_y, WinSet)
    feasible = overlap(autonomous_win_set(constituency, quota, autonomy, leader_reservation, "X"), win_set_y)
    return bargain(feasible, solution)


def autonomy_agreement_probability(
    spread_x: float,
    spread_y: float,
    quota_x: float = 0.5,
    quota_y: float = 0.5,
    *,
    autonomy: npt.ArrayLike,
    leader_reservation: float = 0.0,
    sample_size: int = 101,
    trials: int = 4000,
    seed: int = 0,
) -> npt.NDArray[np.float64]:
    r"""Probability that the win-sets overlap, as X's autonomy varies (Chapter 4's sampling model).

    Each trial samples ``sample_size`` constituents per side, uniform on :math:`[0, s_S]`;
    X's pivot becomes :math:`(1 - a)\,s_X U^X_{(k_X)} + a\,r_L` and the win-sets
    overlap iff it is at most :math:`1 - s_Y U^Y_{(k_Y)}`. The same draws serve
    every value of ``autonomy``.

    Parameters
    ----------
    spread_x, spread_y : float
        Upper ends of the reservation-value laws, in [0, 1].
    quota_x, quota_y : float
        Quotas in (0, 1].
    autonomy : array_like of float
        Values of :math:`a` in [0, 1] (keyword only: the spreads and quotas
        come first, as in :func:`twolevel.agreement_probability`).
    leader_reservation : float
        :math:`r_L \in [0, 1]`.
    sample_size, trials, seed : int
        Constituents sampled per side (1 to 10 001), replications (1 to 1 000 000), seed (>= 0).

    Returns
    -------
    numpy.ndarray
        One probability per value of ``autonomy``.

    Examples
    --------
    >>> tl.autonomy_agreement_probability(0.9, 0.9, 2 / 3, 2 / 3, autonomy=[0.0, 0.2, 0.5], trials=2000).round(2)
    array([0.  , 0.07, 0.99])

    References
    ----------
    Putnam (1988), p. 449: "the greater the likelihood of achieving international agreement". Book:
    chapter 6, ``prop-autonomy``.
    """
    a = check_array("autonomy", autonomy, low=0.0, high=1.0)
    sx, sy = check_unit("spread_x", spread_x), check_unit("spread_y", spread_y)
    qx, qy = check_quota("quota_x", quota_x), check_quota("quota_y", quota_y)
    r_l = check_unit("leader_reservation", leader_reservation)
    sample_size = check_positive_int("sample_size", sample_size, maximum=10_001)
    trials = check_positive_int("trials", trials, maximum=1_000_000)
    seed = check_seed("seed", seed)
    hits = np.zeros(a.size, dtype=np.int64)
    # Chapter 4's chunked sampler; each trial also costs a pivot and a test per value of autonomy.
    for ox, oy in pivotal_order_statistics(qx, qy, sample_size, trials, seed, 8 * 3 * a.size):
        base = (sx * ox)[None, :]
        x1 = base + a[:, None] * (r_l - base)
        hits += np.count_nonzero(x1 <= 1.0 - sy * oy[None, :], axis=1)
    return np.asarray(hits / trials, dtype=np.float64)
