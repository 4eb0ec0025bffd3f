r"""The lens: "the set of feasible agreements" between A1–A2 and B1–B2 (p. 446).

A package is feasible iff both sides ratify it. :func:`lens` samples the
feasible set on a grid; :func:`lens_corners` finds exactly where the two
ratification contours cross.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_bool, check_grid_size, check_nonnegative
from .._numerics import TIE_TOLERANCE, bisect, crossings
from .iso_vote_curves import citrus_on_level
from .two_issues import TwoIssueConstituency, check_side
from .vote_grid import IsoVoteGrid, check_grid, iso_vote_grid, win_set_mask

__all__ = ["Lens", "lens", "lens_corners"]

Array = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Lens:
    """The feasible packages, "the lens-shaped area between A1-A2 and B1-B2" (p. 446).

    Attributes
    ----------
    b, c : ndarray
        Grid axes (beef and citrus, A's gains).
    mask : ndarray of bool
        ``mask[j, i]``: package ``(b[i], c[j])`` is ratified by both sides.
    area : float
        Fraction of the grid's packages in the lens (approximates the lens's
        share of the box's area; exact as the grid is refined).
    is_empty : bool
        No grid package is ratified by both: deadlock.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=1001)
    >>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=1001)
    >>> feasible = tl.lens(a, b, resolution=101)
    >>> feasible.mask.shape, feasible.is_empty, round(feasible.area, 2)
    ((101, 101), False, 0.33)

    References
    ----------
    Putnam (1988), p. 446. Book: definition ``def-lens`` (chapter 5).
    """

    b: Array
    c: Array
    mask: npt.NDArray[np.bool_]
    area: float
    is_empty: bool

    def __post_init__(self) -> None:
        b = check_array("b", self.b, low=0.0, high=1.0)
        c = check_array("c", self.c, low=0.0, high=1.0)
        try:
            mask = np.asarray(self.mask)
        except ValueError:
            raise TypeError("mask must be a boolean array (got a ragged sequence)") from None
        if mask.dtype != np.bool_ or mask.shape != (c.size, b.size):
            raise TypeError(f"mask must be a boolean array of shape (c.size, b.size) = {(c.size, b.size)}")
        area = check_nonnegative("area", self.area)
        if area > 1.0:
            raise ValueError(f"area must lie in [0, 1] (a share of the box), got {area!r}")
        object.__setattr__(self, "b", b)
        object.__setattr__(self, "c", c)
        object.__setattr__(self, "area", area)
        object.__setattr__(self, "mask", mask)
        object.__setattr__(self, "is_empty", check_bool("is_empty", self.is_empty))


def lens(
    constituency_a: TwoIssueConstituency,
    constituency_b: TwoIssueConstituency,
    resolution: int = 201,
    *,
    grids: tuple[IsoVoteGrid, IsoVoteGrid] | None = None,
) -> Lens:
    """The set of feasible packages: both sides ratify.

    Parameters
    ----------
    constituency_a, constituency_b : TwoIssueConstituency
        Sides ``"A"`` and ``"B"``.
    resolution : int
        Grid points per axis (ignored when ``grids`` is given).
    grids : (IsoVoteGrid, IsoVoteGrid), optional
        Precomputed grids of A and B on the same axes, reused across quotas.

    Returns
    -------
    Lens
        The feasible packages on the grid, their share of the box, and whether there is none.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=1001)
    >>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=1001)
    >>> round(tl.lens(a, b, resolution=101).area, 2), tl.lens(a.with_quota(0.75), b.with_quota(0.75), resolution=101).is_empty
    (0.33, True)

    References
    ----------
    Putnam (1988), p. 446: "the lens-shaped area between A1-A2 and B1-B2". Book: definition ``def-
    lens``, proposition ``prop-lens`` (chapter 5).
    """
    a = check_side("constituency_a", constituency_a, "A")
    b = check_side("constituency_b", constituency_b, "B")
    if grids is None:
        resolution = check_grid_size("resolution", resolution)
        grid_a, grid_b = iso_vote_grid(a, resolution), iso_vote_grid(b, resolution)
    else:
        if not isinstance(grids, tuple) or len(grids) != 2:
            raise TypeError("grids must be a pair (grid of A, grid of B)")
        grid_a, grid_b = check_grid("grids[0]", grids[0], a), check_grid("grids[1]", grids[1], b)
        same_axes = np.array_equal(grid_a.b, grid_b.b) and np.array_equal(grid_a.c, grid_b.c)
        if grid_a.values.shape != grid_b.values.shape or not same_axes:
            raise ValueError("grids must share the same axes")
    mask = win_set_mask(a, grid_a) & win_set_mask(b, grid_b)
    area = float(mask.mean())
    return Lens(grid_a.b, grid_a.c, mask, area, not bool(mask.any()))


def lens_corners(
    constituency_a: TwoIssueConstituency, constituency_b: TwoIssueConstituency, resolution: int = 2001
) -> list[tuple[float, float]]:
    r"""Where the A1–A2 contour meets the B1–B2 contour: the corners of the lens.

    On A's contour :math:`c = h_A(b)`, the roots of
    :math:`g(b) = V_B(b, h_A(b)) - q_B` are bracketed by sign changes on ``resolution``
    points and refined by bisection (45 halvings). With empirical CDFs
    :math:`g` is a step function, so a root is the jump where B's vote crosses
    its quota, within one constituent of the continuous answer; sign changes
    closer than two reservation-value steps are merged into one crossing
    (the step functions can flicker around the quota where the contours meet)
    or dropped if the sign is the same on both sides (the contours touch).

    Returns
    -------
    list of (b, c)
        Sorted by ``b``. For the power family with :math:`\gamma \le 1`, 0, 1 or
        2 points (the lens is the intersection of two convex sets); with
        :math:`\gamma = 1` the contours are straight and meet at most once.

    Parameters
    ----------
    constituency_a, constituency_b : TwoIssueConstituency
        Sides ``"A"`` and ``"B"``.
    resolution : int
        Scan points along A's contour, in :data:`twolevel.RESOLUTION_RANGE`.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=1001)
    >>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=1001)
    >>> [(round(x, 2), round(y, 2)) for x, y in tl.lens_corners(a, b)]
    [(0.05, 0.95), (0.95, 0.05)]

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: proposition ``prop-lens`` (chapter 5).
    """
    a = check_side("constituency_a", constituency_a, "A")
    b = check_side("constituency_b", constituency_b, "B")
    n = check_grid_size("resolution", resolution)  # scan points, not constituents
    grid = np.linspace(0.0, 1.0, n)
    _, ok = citrus_on_level(a, a.quota, grid)
    if not ok.any():
        return []
    lo, hi = grid[ok][0], grid[ok][-1]

    def outside(x: Array) -> npt.NDArray[np.bool_]:
        return ~citrus_on_level(a, a.quota, x)[1]

    # Tighten the domain to where A's contour is inside the box (bisection on its existence).
    idx = np.flatnonzero(ok)
    if idx[0] > 0:
        lo = float(bisect(outside, np.array([grid[idx[0] - 1]]), np.array([grid[idx[0]]]), 50)[1][0])
    if idx[-1] < n - 1:
        hi = float(bisect(outside, np.array([grid[idx[-1] + 1]]), np.array([grid[idx[-1]]]), 50)[1][0])
    xs = np.linspace(lo, hi, n)

    def g(x: Array) -> Array:
        x = np.clip(x, lo, hi)
        c, _ = citrus_on_level(a, a.quota, x)
        return np.asarray(b.yes_share(x, np.clip(c, 0.0, 1.0))) - b.quota * (1.0 - TIE_TOLERANCE)

    # Flicker spans at most a couple of reservation-value steps of either side.
    steps = [
        np.diff(np.concatenate([[0.0], np.sort(k.reservations), [1.0]])).max()
        for k in (a.ranchers, a.farmers, b.ranchers, b.farmers)
    ]
    roots = crossings(g, xs, max(3.0 * (xs[1] - xs[0]), 2.0 * max(steps)))
    cs = np.clip(citrus_on_level(a, a.quota, roots)[0], 0.0, 1.0)
    return [(float(x), float(y)) for x, y in zip(roots, cs, strict=True)]
