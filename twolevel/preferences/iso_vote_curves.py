r"""Iso-vote curves and the ratification contours A1–A2 and B1–B2, computed exactly.

An *iso-vote curve* is a level set :math:`V_S = v`; the *ratification
contour* :math:`V_A = q_A` is Putnam's bold ``A1``–``A2`` and :math:`V_B = q_B`
is ``B1``–``B2`` (Figure 2, p. 447). Because :math:`V_A` is increasing in each
argument, the contour is the graph of a function, computed exactly (no
contouring of a sampled grid) with the one-issue pivot :math:`F^{-1}`
(:meth:`twolevel.Constituency.pivot`):

.. math::

    c = h_A(b) = F_\text{citrus}^{-1}\!\Bigl(\frac{q_A - \alpha F_\text{beef}(b)}{1 - \alpha}\Bigr),
    \qquad
    c = h_B(b) = 1 - G_\text{citrus}^{-1}\!\Bigl(\frac{q_B - \beta G_\text{beef}(1 - b)}{1 - \beta}\Bigr).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_grid_size, check_quota, check_same_shape
from .._numerics import TIE_TOLERANCE
from ..winsets import Constituency
from .two_issues import TwoIssueConstituency, check_side

__all__ = ["Curve", "iso_vote_curve", "contour"]

Array = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


class _CurvePoints(NamedTuple):
    b: Array
    c: Array


class Curve(_CurvePoints):
    """Points ``(b[k], c[k])`` of a curve in the box (beef, citrus: A's gains), in order along it.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, n=1001)
    >>> k = tl.contour(a, 11)
    >>> k.size, (float(k.b[0]), float(k.c[0])), (float(k.b[-1]), float(k.c[-1]))
    (20, (0.0, 0.9995004995004995), (0.9995004995004995, 0.0))

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: definition ``def-lens`` (chapter 5).
    """

    __slots__ = ()

    def __new__(cls, b: Array, c: Array) -> Curve:
        bs = check_array("b", b, allow_empty=True)
        cs = check_array("c", c, allow_empty=True)
        check_same_shape(("b", "c"), bs, cs)
        return super().__new__(cls, bs, cs)

    @property
    def size(self) -> int:
        """Number of points."""
        return int(self.b.size)


def _pivot_where(constituency: Constituency, t: Array) -> tuple[Array, BoolArray]:
    """``F^{-1}(t)`` where ``t`` is in (0, 1]; also the mask of those entries."""
    ok = (t > 0.0) & (t <= 1.0)
    out = np.zeros_like(t)
    if ok.any():
        out[ok] = np.asarray(constituency.pivot(t[ok]))
    return out, ok


def citrus_on_level(constituency: TwoIssueConstituency, level: float, beef: Array) -> tuple[Array, BoolArray]:
    """``c = h(b)`` on the level set ``V = level`` (A: lowest ratifying c; B: highest); and where it exists."""
    s = constituency
    a = s.beef_weight
    own_b = beef if s.side == "A" else 1.0 - beef
    t = (level - a * np.asarray(s.ranchers.yes_share(own_b))) / (1.0 - a)
    r, ok = _pivot_where(s.farmers, t)
    return (r if s.side == "A" else 1.0 - r), ok


def beef_on_level(constituency: TwoIssueConstituency, level: float, citrus: Array) -> tuple[Array, BoolArray]:
    """``b = k(c)``: the same level set parametrised by citrus; and where it exists."""
    s = constituency
    a = s.beef_weight
    own_c = citrus if s.side == "A" else 1.0 - citrus
    t = (level - (1.0 - a) * np.asarray(s.farmers.yes_share(own_c))) / a
    r, ok = _pivot_where(s.ranchers, t)
    return (r if s.side == "A" else 1.0 - r), ok


def _onto_level_set(constituency: TwoIssueConstituency, level: float, bs: Array, cs: Array) -> tuple[Array, Array]:
    """Nudge boundary points by a few ulps toward the side's best corner until they win ``level``.

    ``1 - (1 - r)`` need not equal ``r`` in floating point, so a point of B's
    curve computed as ``1 - r`` can miss the vote it is the boundary of by one
    rounding step; moving it by one ulp puts it back on the winning side.
    """
    target = level * (1.0 - TIE_TOLERANCE)
    toward = 1.0 if constituency.side == "A" else 0.0
    for _ in range(4):
        short = np.asarray(constituency.yes_share(bs, cs)) < target
        if not short.any():
            break
        bs = np.where(short, np.nextafter(bs, toward), bs)
        cs = np.where(short, np.nextafter(cs, toward), cs)
    return bs, cs


def iso_vote_curve(constituency: TwoIssueConstituency, level: float, resolution: int = 201) -> Curve:
    r"""The iso-vote curve :math:`V_S(b, c) = v` inside the box.

    Computed exactly from the pivots (:math:`c = h(b)` above, and the same
    boundary parametrised by citrus, :math:`b = k(c)`, so that steep stretches
    are sampled too), not by contouring a grid. Points are ordered by
    increasing ``b`` (the curve falls from the top or left edge to the right or
    bottom edge). For a side that needs a yes-share of ``v``, the curve is the
    boundary of the packages that win at least ``v``.

    Parameters
    ----------
    constituency : TwoIssueConstituency
    level : float
        The yes-share :math:`v`, in (0, 1].
    resolution : int
        Samples per parametrisation, in :data:`twolevel.RESOLUTION_RANGE`.

    Returns
    -------
    Curve
        Empty if no package wins ``v``.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, n=1001)
    >>> k = tl.iso_vote_curve(a, 0.25, 11)
    >>> bool(np.all(np.abs(0.5 * k.b + 0.5 * k.c - 0.25) < 2e-3))
    True

    References
    ----------
    Putnam (1988), p. 446: "iso-vote or 'political indifference' curves". Book: definition ``def-
    lens`` (chapter 5).
    """
    s = check_side("constituency", constituency)
    v = check_quota("level", level)
    resolution = check_grid_size("resolution", resolution)
    g = np.linspace(0.0, 1.0, resolution)
    c1, ok1 = citrus_on_level(s, v, g)
    b2, ok2 = beef_on_level(s, v, g)
    bs = np.concatenate([g[ok1], b2[ok2]])
    cs = np.concatenate([c1[ok1], g[ok2]])
    bs, cs = _onto_level_set(s, v, bs, cs)
    order = np.lexsort((-cs, bs))
    bs, cs = bs[order], cs[order]
    if bs.size:
        dup = np.concatenate([[False], (np.diff(bs) == 0) & (np.diff(cs) == 0)])
        bs, cs = bs[~dup], cs[~dup]
    return Curve(bs, cs)


def contour(constituency: TwoIssueConstituency, resolution: int = 201) -> Curve:
    """The ratification contour :math:`V_S = q_S`: Putnam's bold A1–A2 (or B1–B2).

    Its first point is the end labelled ``A1`` (``B1``), on the top or left
    edge of the box; its last point is ``A2`` (``B2``), on the right or bottom
    edge. See :func:`iso_vote_curve`.

    Parameters
    ----------
    constituency : TwoIssueConstituency
        One side of the box, with its quota.
    resolution : int
        Samples per parametrisation, in :data:`twolevel.RESOLUTION_RANGE`.

    Returns
    -------
    Curve
        The contour's points, from A1 (B1) to A2 (B2); empty if no package wins the quota.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, n=1001)
    >>> k = tl.contour(a, 21)
    >>> bool(np.all(a.ratifies(k.b, k.c)))
    True

    References
    ----------
    Putnam (1988), p. 446 (A1-A2, "the minimal vote necessary for ratification by A"). Book:
    definition ``def-lens`` (chapter 5).
    """
    s = check_side("constituency", constituency)
    return iso_vote_curve(s, s.quota, resolution)
