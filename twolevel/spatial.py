r"""Ratification on a heterogeneous issue: ideal points and a reversion point.

On a "factional" issue (p. 443) constituents have ideal points
:math:`\theta_i \in [0, 1]` and symmetric single-peaked preferences, and
no-agreement is a reversion point :math:`x_0`. Constituent :math:`i` approves
:math:`x` iff :math:`|x - \theta_i| \le |x_0 - \theta_i|`. The win-set of
:math:`x_0` (Shepsle and Weingast 1987, Putnam's note 31) is fixed by two
pivotal voters (:func:`reversion_win_set`). Constituents on both sides of the
reversion point oppose a deal for opposite reasons, "too far" and "not far
enough".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._checks import check_instance, check_quota, check_shares, check_text, check_unit
from ._numerics import lower_weighted_quantile, weight_units
from .config import chunked_map
from .winsets import WinSet, frozen_points

__all__ = ["SpatialConstituency", "reversion_win_set"]


@dataclass(frozen=True, eq=False)
class SpatialConstituency:
    r"""Constituents with ideal points on the issue (a heterogeneous issue).

    Parameters
    ----------
    ideals : array_like of float
        Ideal agreements :math:`\theta_i \in [0, 1]` (in X's-share units, e.g.
        how far a coordinated reflation should go). Constituents on both sides
        of the reversion point oppose a deal for opposite reasons, "too far"
        and "not far enough" (p. 443).
    weights : array_like of float, optional
        Non-negative voting weights with a positive total (default: equal).
    name : str
        Label used in figures.

    Examples
    --------
    >>> voters = tl.SpatialConstituency([0.1, 0.3, 0.5, 0.7, 0.9])
    >>> voters.approval_share(0.85, 0.2)
    0.4

    References
    ----------
    Putnam (1988), p. 443 (heterogeneous, "factional" issues). Book: proposition ``prop-spatial``
    (chapter 4).
    """

    ideals: npt.NDArray[np.float64]
    # None (equal weights) is replaced by an array in __post_init__, so readers always get an array.
    weights: npt.NDArray[np.float64] = None  # type: ignore[assignment]
    name: str = ""

    def __post_init__(self) -> None:
        t, w = frozen_points("ideals", self.ideals, self.weights)
        check_text("name", self.name)
        object.__setattr__(self, "ideals", t)
        object.__setattr__(self, "weights", w)

    def approval_share(self, x: npt.ArrayLike, reversion: float) -> npt.NDArray[np.float64] | float:
        r"""Weight share approving ``x`` over the reversion point: :math:`|x-\theta_i| \le |x_0-\theta_i|`."""
        x0 = check_unit("reversion", reversion)
        xs = check_shares("x", x)
        w, ideals = self.weights, self.ideals
        reach = np.abs(x0 - ideals) + 1e-15
        total = w.sum()

        def share(chunk: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
            approve = np.abs(chunk[:, None] - ideals) <= reach
            return np.asarray((approve * w).sum(axis=-1) / total, dtype=np.float64)

        # An agreements-by-constituents table, built within the working memory (tl.working_memory).
        out = chunked_map(share, xs, bytes_per_item=4 * 8 * ideals.size)
        return float(out) if out.ndim == 0 else out


def reversion_win_set(constituency: SpatialConstituency, quota: float, reversion: float) -> WinSet:
    r"""Win-set of the reversion point on a heterogeneous issue (note 31).

    An agreement :math:`x > x_0` is approved by constituent :math:`i` iff
    :math:`\theta_i \ge (x + x_0)/2`; so it reaches the quota iff
    :math:`(x + x_0)/2 \le \theta_R`, the largest :math:`t` with
    :math:`\sum_i w_i[\theta_i \ge t] \ge qW`. Symmetrically to the left with
    :math:`\theta_L`, the smallest :math:`t` with :math:`\sum_i w_i[\theta_i \le t] \ge qW`.
    Hence

    .. math::

        W(x_0) = \bigl[\max(0, \min(x_0, 2\theta_L - x_0)),\;
                       \min(1, \max(x_0, 2\theta_R - x_0))\bigr].

    Under majority rule (:math:`q = 1/2`, an odd number of equal voters) both
    pivots are the median voter: the win-set runs from :math:`x_0` to its
    reflection in the median. Under a super-majority the pivots separate and a
    reversion point between them has a win-set of :math:`\{x_0\}` alone: no
    agreement can be ratified.

    Parameters
    ----------
    constituency : SpatialConstituency
        Constituents with ideal points.
    quota : float
        The ratification quota, in (0, 1].
    reversion : float
        The reversion point :math:`x_0` (no-agreement), in [0, 1].

    Returns
    -------
    WinSet
        :math:`W(x_0)`; the single point :math:`x_0` when nothing beats it.

    Examples
    --------
    >>> voters = tl.SpatialConstituency([0.1, 0.3, 0.5, 0.7, 0.9])
    >>> tl.reversion_win_set(voters, 0.5, 0.2)
    WinSet(0.2, 0.8)
    >>> tl.reversion_win_set(tl.SpatialConstituency(np.linspace(0, 1, 101)), 2 / 3, 0.5)
    WinSet(0.5, 0.5)

    References
    ----------
    Putnam (1988), note 31, p. 437 (Shepsle and Weingast's win-set of the status quo). Book:
    proposition ``prop-spatial`` (chapter 4).
    """
    check_instance("constituency", constituency, SpatialConstituency)
    q = check_quota("quota", quota)
    x0 = check_unit("reversion", reversion)
    o = np.argsort(constituency.ideals, kind="stable")
    ts, ws = constituency.ideals[o], weight_units(constituency.weights)[o]  # exact integer sums
    # theta_L: lower quantile from below; theta_R: the same from above (weight of the largest ideals).
    theta_l = float(lower_weighted_quantile(ts, np.cumsum(ws), q))
    theta_r = float(lower_weighted_quantile(ts[::-1], np.cumsum(ws[::-1]), q))
    lo = max(0.0, min(x0, 2 * theta_l - x0))
    hi = min(1.0, max(x0, 2 * theta_r - x0))
    return WinSet(lo, hi)
