r"""The up-or-down vote against piecemeal amendment, and constituents who persuade themselves (p. 448).

After the American Selling Price fiasco "it was widely recognized that
piecemeal congressional ratification of any new agreement would inhibit
international negotiation. Hence, the 1974 Act guaranteed a straight
up-or-down vote in Congress" (p. 448). An amendment is a rejection: "any
modification to the Level I agreement counts as a rejection, unless that
modification is approved by all other parties to the agreement" (p. 437).

The model
---------
Chapter 5's two-issue package :math:`(b, c)` (A's gains on beef and citrus;
:class:`twolevel.TwoIssueConstituency`): ranchers care only about beef,
farmers only about citrus. Under an **up-or-down vote** the chamber weighs the
package as a whole,

.. math::

    \alpha F_\text{beef}(b) + (1 - \alpha) F_\text{citrus}(c) \ge q ,

so ranchers' losses on beef can be carried by farmers' gains on citrus. Under
**piecemeal amendment** each clause is open to amendment by the members it
concerns; a clause survives only if they ratify it by the same quota,

.. math::

    F_\text{beef}(b) \ge q \quad\text{and}\quad F_\text{citrus}(c) \ge q .

Both inequalities imply the first (a weighted mean of two numbers that reach
:math:`q` reaches it), so the packages that survive piecemeal amendment are a
subset of those that survive the up-or-down vote: the guaranteed vote
enlarges the win-set, and with it the lens of packages both sides ratify.
That members vote only on the clause that concerns them is the model's
assumption (a committee's jurisdiction over its clause).

*Private-sector committees* "improve communication between the Level I
negotiators and their Level II constituents" so that constituents "persuade
themselves" to reduce their expectations (p. 448).
:func:`committee_expectations` lowers every reservation value by a share
``persuasion``: an illustration of the mechanism, not an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_grid_size, check_instance, check_unit
from .._numerics import reaches_quota
from ..preferences.two_issues import TwoIssueConstituency
from ..preferences.vote_grid import iso_vote_grid, win_set_mask
from ..winsets import Constituency

__all__ = ["piecemeal_mask", "AmendmentComparison", "compare_procedures", "committee_expectations"]

BoolArray = npt.NDArray[np.bool_]
#: The four sets of :class:`AmendmentComparison` (its attribute names).
Procedure = Literal["up_or_down", "piecemeal", "lens_up_or_down", "lens_piecemeal"]


def piecemeal_mask(constituency: TwoIssueConstituency, resolution: int = 201) -> BoolArray:
    r"""Packages on a ``resolution`` by ``resolution`` grid whose every clause survives amendment by the members it concerns.

    ``mask[j, i]`` is package :math:`(b_i, c_j)` (the layout of :func:`twolevel.iso_vote_grid`).

    Parameters
    ----------
    constituency : TwoIssueConstituency
        The chamber.
    resolution : int
        Grid points per axis, in :data:`twolevel.RESOLUTION_RANGE`.

    Returns
    -------
    numpy.ndarray of bool
        ``mask[j, i]`` for package :math:`(b_i, c_j)`.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, n=101)
    >>> int(tl.piecemeal_mask(a, 11).sum()), int(tl.win_set_mask(a, resolution=11).sum())
    (36, 66)

    References
    ----------
    Putnam (1988), p. 448 (piecemeal congressional ratification). Book: chapter 6, ``prop-up-or-down``.
    """
    s = check_instance("constituency", constituency, TwoIssueConstituency)
    resolution = check_grid_size("resolution", resolution)
    g = np.linspace(0.0, 1.0, resolution)
    own = g if s.side == "A" else 1.0 - g
    beef_ok = reaches_quota(np.asarray(s.ranchers.yes_share(own)), s.quota)
    citrus_ok = reaches_quota(np.asarray(s.farmers.yes_share(own)), s.quota)
    return np.asarray(citrus_ok[:, None] & beef_ok[None, :])


@dataclass(frozen=True)
class AmendmentComparison:
    """The chamber's win-set and the lens under each procedure, on one grid.

    Attributes
    ----------
    b, c : ndarray
        Grid axes (A's gains on beef and citrus).
    up_or_down, piecemeal : ndarray of bool
        Packages the chamber ratifies under each procedure.
    lens_up_or_down, lens_piecemeal : ndarray of bool
        Packages that the partner also ratifies.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, side="A", n=101)
    >>> b = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, side="B", n=101)
    >>> cmp = tl.compare_procedures(a, b, resolution=21)
    >>> cmp.area("lens_piecemeal") < cmp.area("lens_up_or_down")
    True

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``prop-up-or-down``.
    """

    b: npt.NDArray[np.float64]
    c: npt.NDArray[np.float64]
    up_or_down: BoolArray
    piecemeal: BoolArray
    lens_up_or_down: BoolArray
    lens_piecemeal: BoolArray

    def __post_init__(self) -> None:
        b = check_array("b", self.b, low=0.0, high=1.0)
        c = check_array("c", self.c, low=0.0, high=1.0)
        object.__setattr__(self, "b", b)
        object.__setattr__(self, "c", c)
        for name in ("up_or_down", "piecemeal", "lens_up_or_down", "lens_piecemeal"):
            try:
                mask = np.asarray(getattr(self, name))
            except ValueError:
                raise TypeError(f"{name} must be a boolean array (got a ragged sequence)") from None
            if mask.dtype != np.bool_ or mask.shape != (c.size, b.size):
                raise TypeError(f"{name} must be a boolean array of shape (c.size, b.size) = {(c.size, b.size)}")

    def area(self, which: Procedure) -> float:
        """Share of the grid's packages in one of the four sets (named as the attributes)."""
        if which not in ("up_or_down", "piecemeal", "lens_up_or_down", "lens_piecemeal"):
            raise ValueError(
                f"which must be 'up_or_down', 'piecemeal', 'lens_up_or_down' or 'lens_piecemeal', got {which!r}"
            )
        return float(np.mean(getattr(self, which)))


def compare_procedures(
    chamber: TwoIssueConstituency, partner: TwoIssueConstituency, resolution: int = 201
) -> AmendmentComparison:
    """The chamber's win-set and the lens with its partner, up-or-down and piecemeal.

    Parameters
    ----------
    chamber : TwoIssueConstituency
        The legislature whose procedure changes (either side).
    partner : TwoIssueConstituency
        The other side, which votes up or down in both cases.
    resolution : int
        Grid points per axis.

    Returns
    -------
    AmendmentComparison
        The chamber's win-set and the lens under each procedure, on one grid.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, side="A", n=101)
    >>> b = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, side="B", n=101)
    >>> cmp = tl.compare_procedures(a, b, resolution=21)
    >>> bool(np.all(cmp.piecemeal <= cmp.up_or_down))
    True

    References
    ----------
    Putnam (1988), p. 448: "the 1974 Act guaranteed a straight up-or-down vote". Book: chapter 6,
    ``prop-up-or-down``.
    """
    ch = check_instance("chamber", chamber, TwoIssueConstituency)
    pa = check_instance("partner", partner, TwoIssueConstituency)
    if ch.side == pa.side:
        raise ValueError(f"partner must be the other side than chamber ({ch.side!r}), got side {pa.side!r}")
    resolution = check_grid_size("resolution", resolution)
    grid = iso_vote_grid(ch, resolution)
    up = win_set_mask(ch, grid)
    piece = piecemeal_mask(ch, resolution)
    other = win_set_mask(pa, resolution=resolution)
    return AmendmentComparison(grid.b, grid.c, up, piece, up & other, piece & other)


def committee_expectations(constituency: Constituency, persuasion: float) -> Constituency:
    r"""Constituents who "persuade themselves" to expect less: :math:`r_i \mapsto (1 - \pi)\, r_i`.

    An illustration of the mechanism of p. 448, not an estimate of its size.

    Parameters
    ----------
    constituency : Constituency
    persuasion : float
        :math:`\pi \in [0, 1]`, the share by which every reservation value falls.

    Returns
    -------
    Constituency
        The constituency with lowered reservation values (same weights and name).

    Examples
    --------
    >>> c = tl.Constituency.uniform(0.9, n=1001)
    >>> round(tl.win_set(tl.committee_expectations(c, 0.2), 0.5).lo, 3)
    0.36

    References
    ----------
    Putnam (1988), p. 448 (private-sector committees; Walton and McKersie's "persuade themselves").
    Book: chapter 6, ``ch06-up-or-down``.
    """
    c = check_instance("constituency", constituency, Constituency)
    p = check_unit("persuasion", persuasion)
    return Constituency((1.0 - p) * c.reservations, weights=c.weights, name=c.name)
