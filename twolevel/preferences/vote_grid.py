r"""A side's yes-share sampled on a grid of packages, and its win-set on that grid.

The grid does not depend on the quota, so it is computed once per parameter
set and reused for every quota: A's win-set is "the wedge-shaped area
northeast of A1-A2" (p. 446), the grid packages with :math:`V_A \ge q_A`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_grid_size, check_instance, check_label
from .._numerics import reaches_quota
from .two_issues import TwoIssueConstituency, check_side

__all__ = ["IsoVoteGrid", "iso_vote_grid", "win_set_mask"]

Array = npt.NDArray[np.float64]


class _GridFields(NamedTuple):
    b: Array
    c: Array
    values: Array
    side: str = "A"


class IsoVoteGrid(_GridFields):
    r"""A side's yes-share sampled on a square grid: ``values[j, i]`` is :math:`V(b_i, c_j)`.

    ``b`` and ``c`` are the beef and citrus axes (A's gains); ``side`` is the
    side (``"A"`` or ``"B"``) whose votes ``values`` counts.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, n=101)
    >>> g = tl.iso_vote_grid(a, 11)
    >>> g.values.shape, g.side, float(g.values[0, 0]), float(g.values[-1, -1])
    ((11, 11), 'A', 0.0, 1.0)

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: definition ``def-lens`` (chapter 5).
    """

    __slots__ = ()

    def __new__(cls, b: Array, c: Array, values: Array, side: str = "A") -> IsoVoteGrid:
        bs = check_array("b", b, low=0.0, high=1.0)
        cs = check_array("c", c, low=0.0, high=1.0)
        vs = check_array("values", values, low=0.0, high=1.0, one_dimensional=False)
        if vs.shape != (cs.size, bs.size):
            raise ValueError(f"values must have shape (c.size, b.size) = {(cs.size, bs.size)}, got {vs.shape}")
        return super().__new__(cls, bs, cs, vs, check_label("side", side, ("A", "B")))


def iso_vote_grid(constituency: TwoIssueConstituency, resolution: int = 201) -> IsoVoteGrid:
    """The side's yes-share on a ``resolution`` by ``resolution`` grid of packages covering the box.

    Parameters
    ----------
    constituency : TwoIssueConstituency
    resolution : int
        Points per axis (including 0 and 1), in :data:`twolevel.RESOLUTION_RANGE`.

    Returns
    -------
    IsoVoteGrid
        ``(b, c, values)``, ``values`` of shape ``(resolution, resolution)``, rows indexed by ``c``
        (the layout of ``matplotlib``'s ``contour`` and ``imshow(origin="lower")``).

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.6, n=101)
    >>> round(float(tl.iso_vote_grid(a, 11).values[5, 5]), 3)
    0.505

    References
    ----------
    Putnam (1988), Figure 2, p. 447 (iso-vote curves). Book: definition ``def-lens`` (chapter 5).
    """
    s = check_side("constituency", constituency)
    resolution = check_grid_size("resolution", resolution)
    g = np.linspace(0.0, 1.0, resolution)
    own = g if s.side == "A" else 1.0 - g
    vb = s.beef_weight * np.asarray(s.ranchers.yes_share(own))
    vc = (1.0 - s.beef_weight) * np.asarray(s.farmers.yes_share(own))
    values = vc[:, None] + vb[None, :]
    for arr in (g, values):
        arr.setflags(write=False)
    return IsoVoteGrid(g, g, values, s.side)


def check_grid(name: str, grid: object, constituency: TwoIssueConstituency | None = None) -> IsoVoteGrid:
    """An :class:`IsoVoteGrid` of consistent shape (computed for ``constituency``'s side if given)."""
    g = check_instance(name, grid, IsoVoteGrid, "from iso_vote_grid")
    if g.values.shape != (g.c.size, g.b.size):
        raise ValueError(f"{name}.values must have shape (len(c), len(b)), got {g.values.shape}")
    if constituency is not None and g.side != constituency.side:
        raise ValueError(f"{name} was computed for side {g.side!r}, not side {constituency.side!r}")
    return g


def win_set_mask(
    constituency: TwoIssueConstituency, grid: IsoVoteGrid | None = None, resolution: int = 201
) -> npt.NDArray[np.bool_]:
    """Which grid packages the side ratifies (its win-set sampled on the grid).

    Parameters
    ----------
    constituency : TwoIssueConstituency
    grid : IsoVoteGrid, optional
        A grid of this side's yes-share (any quota); computed with ``resolution`` points
        per axis if omitted.
    resolution : int
        Used only when ``grid`` is omitted.

    Returns
    -------
    numpy.ndarray of bool
        ``mask[j, i]`` for package :math:`(b_i, c_j)`.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.6, n=101)
    >>> grid = tl.iso_vote_grid(a, 11)
    >>> int(tl.win_set_mask(a, grid).sum()), int(tl.win_set_mask(a.with_quota(0.9), grid).sum())
    (39, 6)

    References
    ----------
    Putnam (1988), p. 446: A's win-set is "the wedge-shaped area northeast of A1-A2". Book:
    definition ``def-lens`` (chapter 5).
    """
    s = check_side("constituency", constituency)
    g = iso_vote_grid(s, resolution) if grid is None else check_grid("grid", grid, s)
    return reaches_quota(g.values, s.quota)
