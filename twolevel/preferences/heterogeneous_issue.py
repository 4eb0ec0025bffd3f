r"""Note 56: iso-vote curves when an issue is heterogeneous.

Putnam warns that "constructing iso-vote curves for heterogeneous-type issues
is more complicated" (note 56). Here ranchers have ideal points and a
reversion point on beef (:class:`twolevel.SpatialConstituency`), and the
win-set stops being a wedge.
"""

from __future__ import annotations

import numpy as np

from .._checks import check_grid_size, check_instance, check_open_unit, check_unit
from ..spatial import SpatialConstituency
from ..winsets import Constituency
from .vote_grid import IsoVoteGrid

__all__ = ["heterogeneous_iso_vote_grid"]


def heterogeneous_iso_vote_grid(
    ranchers: SpatialConstituency,
    reversion: float,
    farmers: Constituency,
    beef_weight: float,
    resolution: int = 201,
) -> IsoVoteGrid:
    r"""A's yes-share when beef is a *heterogeneous* issue (note 56).

    Ranchers now have ideal points :math:`\theta_i` on A's beef gain and compare
    the package with the no-agreement reversion point :math:`b_0`: rancher
    :math:`i` votes yes iff :math:`|b - \theta_i| \le |b_0 - \theta_i|`
    (:meth:`twolevel.SpatialConstituency.approval_share`), so some object that
    a deal goes "too far". Farmers vote on citrus as before:

    .. math::

        V_A(b, c) = \alpha\, P(b; b_0) + (1-\alpha)\, F_\text{citrus}(c).

    :math:`V_A` is no longer increasing in :math:`b`: its level sets can be
    closed or in pieces, and the win-set :math:`V_A \ge q_A` need not be a
    wedge northeast of its contour. Combine the returned grid with any quota:
    ``grid.values >= quota``.

    Parameters
    ----------
    ranchers : SpatialConstituency
        Ranchers' ideal points in [0, 1].
    reversion : float
        Beef outcome :math:`b_0` if no agreement is ratified, in [0, 1].
    farmers : Constituency
        Farmers' reservation values (a homogeneous issue).
    beef_weight : float
        Ranchers' share of A's weight, in (0, 1).
    resolution : int
        Grid points per axis, in :data:`twolevel.RESOLUTION_RANGE`.

    Returns
    -------
    IsoVoteGrid
        A's yes-share on the grid (side ``"A"``).

    Examples
    --------
    >>> ranchers = tl.SpatialConstituency(np.linspace(0.3, 0.5, 41))
    >>> farmers = tl.Constituency.uniform(1.0, 201)
    >>> grid = tl.heterogeneous_iso_vote_grid(ranchers, 0.1, farmers, beef_weight=0.7, resolution=101)
    >>> top = grid.values[-1] >= 0.75
    >>> bool(top[40]), bool(top[95])
    (True, False)

    References
    ----------
    Putnam (1988), note 56, p. 446 ("constructing iso-vote curves for heterogeneous-type issues is
    more complicated"). Book: chapter 5, the heterogeneous-issue figure.
    """
    check_instance("ranchers", ranchers, SpatialConstituency)
    check_instance("farmers", farmers, Constituency)
    b0 = check_unit("reversion", reversion)
    a = check_open_unit("beef_weight", beef_weight)
    resolution = check_grid_size("resolution", resolution)
    g = np.linspace(0.0, 1.0, resolution)
    vb = a * np.asarray(ranchers.approval_share(g, b0))
    vc = (1.0 - a) * np.asarray(farmers.yes_share(g))
    return IsoVoteGrid(g, g, vc[:, None] + vb[None, :], "A")
