r"""Two issues at once: package deals, iso-vote curves and the lens (Figure 2).

Putnam relaxes "the assumption that the negotiations involve only one issue"
(p. 446): a chief negotiator trades "how much to yield on citrus exports to get
a better deal on beef". The tradeoffs "can be analyzed in terms of iso-vote or
'political indifference' curves ... except that the operational measure is
vote loss, not utility loss", in "an illustrative Edgeworth box analysis"
(Figure 2, p. 447). This module makes that box computable.

Notation
--------
A *package* is :math:`(b, c) \in [0, 1]^2`, A's gain on beef and on citrus.
A's best corner is ``AM`` :math:`= (1, 1)`, B's best corner ``BM``
:math:`= (0, 0)`; B's gains are :math:`1 - b` and :math:`1 - c`.

Each side has two constituencies (note 56: each issue, "taken individually, is
a 'homogeneous' type"): *ranchers*, who vote only on beef, and *farmers*, who
vote only on citrus. Every constituent has a reservation value and votes yes
iff its side's gain on its own issue reaches it, exactly as on one issue
(:class:`twolevel.winsets.Constituency`). With :math:`\alpha` the ranchers'
share of A's voting weight and :math:`F_\text{beef}, F_\text{citrus}` the
(weighted, empirical) CDFs of A's reservation values, A's yes-share is

.. math::

    V_A(b, c) = \alpha\, F_\text{beef}(b) + (1 - \alpha)\, F_\text{citrus}(c),

and symmetrically, with :math:`\beta` the weight of B's ranchers,

.. math::

    V_B(b, c) = \beta\, G_\text{beef}(1 - b) + (1 - \beta)\, G_\text{citrus}(1 - c).

A package is ratified by side :math:`S` iff :math:`V_S \ge q_S` (the tie rule
and :data:`twolevel.winsets.TIE_TOLERANCE` of the one-issue model). An
*iso-vote curve* is a level set :math:`V_S = v`; the *ratification contour*
:math:`V_A = q_A` is Putnam's bold ``A1``–``A2`` and :math:`V_B = q_B` is
``B1``–``B2``. A's win-set is "the wedge-shaped area northeast of A1-A2"; the
*lens* where both sides ratify is "the set of feasible agreements".

Because :math:`V_A` is increasing in each argument, the contour is the graph
of a function, computed exactly (no contouring of a sampled grid) with the
one-issue pivot :math:`F^{-1}` (:meth:`Constituency.pivot`):

.. math::

    c = h_A(b) = F_\text{citrus}^{-1}\!\Bigl(\frac{q_A - \alpha F_\text{beef}(b)}{1 - \alpha}\Bigr),
    \qquad
    c = h_B(b) = 1 - G_\text{citrus}^{-1}\!\Bigl(\frac{q_B - \beta G_\text{beef}(1 - b)}{1 - \beta}\Bigr).

*Parametric family* (:meth:`TwoIssueSide.power`): reservation values with CDF
:math:`x^\gamma` on [0, 1]. For :math:`\gamma \le 1` the CDF is concave, so
:math:`V_A` is concave, its upper level sets are convex and the iso-vote
curves bow toward ``BM``: "each curve concave to point AM", as Putnam draws
them. :mod:`twolevel.symbolic_packages` derives the closed forms.

*Contract curve.* The packages where the two sides' iso-vote curves are
tangent, :math:`\nabla V_A \times \nabla V_B = 0` (Putnam: negotiators "moving
jointly towards points of tangency between their respective political
indifference curves"). Empirical CDFs are step functions without gradients,
so tangency uses each issue's :class:`SmoothLaw`: the exact density for the
power family, a logistic-kernel smoothing of the reservation values otherwise
(see :func:`contract_curve`).

*Heterogeneous issues.* Note 56 warns that "constructing iso-vote curves for
heterogeneous-type issues is more complicated":
:func:`heterogeneous_iso_vote_grid` gives ranchers ideal points and a
reversion point, and the win-set stops being a wedge.

>>> import twolevel.packages as tp
>>> a = tp.TwoIssueSide.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=4001)
>>> b = tp.TwoIssueSide.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=4001)
>>> round(float(a.yes_share(0.36, 0.36)), 2), bool(a.ratifies(0.36, 0.36))
(0.6, True)
>>> lens = tp.lens(a, b, n=101)
>>> lens.is_empty, round(lens.area, 2)
(False, 0.33)
>>> [(round(p, 2), round(q, 2)) for p, q in tp.lens_corners(a, b)]
[(0.05, 0.95), (0.95, 0.05)]
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from ._checks import check_positive_int, check_quota, check_real, check_unit
from .winsets import TIE_TOLERANCE, Constituency, SpatialConstituency

__all__ = [
    "SmoothLaw",
    "TwoIssueSide",
    "IsoVoteGrid",
    "Curve",
    "Lens",
    "iso_vote_grid",
    "iso_vote_curve",
    "win_set_mask",
    "lens",
    "lens_corners",
    "contour",
    "contract_curve",
    "tangency_residual",
    "heterogeneous_iso_vote_grid",
    "GAMMA_RANGE",
    "GRID_RANGE",
]

SideName = Literal["A", "B"]
Array = npt.NDArray[np.float64]

#: Accepted shape parameters :math:`\gamma` of the power family (CDF :math:`x^\gamma`).
#: :math:`\gamma \le 1` keeps the CDF concave (curves "concave to AM"); below
#: 0.05 nearly every constituent accepts any gain and the box degenerates.
GAMMA_RANGE = (0.05, 1.0)

#: Accepted number of points per axis of a grid, or of samples along a curve.
GRID_RANGE = (11, 4001)

_EPS = 1e-12  # logit clamp for tangency searches


def _check_side_name(side: Any) -> str:
    if side not in ("A", "B"):
        raise ValueError(f"side must be 'A' or 'B', got {side!r}")
    return str(side)


def _check_grid_n(name: str, n: Any) -> int:
    return check_positive_int(name, n, minimum=GRID_RANGE[0], maximum=GRID_RANGE[1])


def _check_open_unit(name: str, value: Any) -> float:
    v = check_real(name, value)
    if not 0.0 < v < 1.0:
        raise ValueError(f"{name} must lie in the open interval (0, 1), got {v!r}")
    return v


def _check_gamma(name: str, value: Any) -> float:
    v = check_real(name, value)
    lo, hi = GAMMA_RANGE
    if not lo <= v <= hi:
        raise ValueError(f"{name} must lie in [{lo}, {hi}] (a concave CDF x**gamma), got {v!r}")
    return v


def _check_package(b: Any, c: Any) -> tuple[Array, Array]:
    out = []
    for nm, v in (("b", b), ("c", c)):
        if isinstance(v, (str, bytes)):
            raise TypeError(f"{nm} must be a real number or an array of them, got a string")
        try:
            arr = np.asarray(v, dtype=float)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"{nm} must be a real number or an array of them ({exc})") from None
        if not np.all(np.isfinite(arr)) or np.any((arr < 0) | (arr > 1)):
            raise ValueError(f"{nm} must lie in [0, 1] (finite values only)")
        out.append(arr)
    try:
        bb, cc = np.broadcast_arrays(*out)
    except ValueError:
        raise ValueError(f"b and c must broadcast together, got shapes {out[0].shape} and {out[1].shape}") from None
    return bb, cc


def _scalar_or_array(out: np.ndarray) -> Any:
    return out.item() if out.ndim == 0 else out


# -- smooth laws: what tangency needs ---------------------------------------


@dataclass(frozen=True, eq=False)
class SmoothLaw:
    r"""A differentiable CDF of reservation values on [0, 1], for gradients.

    Parameters
    ----------
    cdf : callable
        Vectorised :math:`F(x)` on [0, 1], non-decreasing.
    pdf : callable, optional
        Vectorised density :math:`F'(x)`. Without it, a central difference
        of ``cdf`` with step :math:`10^{-6}` is used.
    name : str
        Label.
    """

    cdf: Callable[[Array], Array]
    pdf: Callable[[Array], Array] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not callable(self.cdf):
            raise TypeError(f"cdf must be callable, got {type(self.cdf).__name__}")
        if self.pdf is not None and not callable(self.pdf):
            raise TypeError(f"pdf must be callable or None, got {type(self.pdf).__name__}")

    @classmethod
    def power(cls, gamma: float) -> SmoothLaw:
        r"""CDF :math:`x^\gamma`, density :math:`\gamma x^{\gamma - 1}` (infinite at 0 for :math:`\gamma < 1`)."""
        g = _check_gamma("gamma", gamma)

        def pdf(x: Array) -> Array:
            x = np.asarray(x, dtype=float)
            with np.errstate(divide="ignore"):
                return g * np.power(x, g - 1.0)

        return cls(lambda x: np.power(np.asarray(x, dtype=float), g), pdf, f"power({g:g})")

    @classmethod
    def logistic_kernel(cls, constituency: Constituency, bandwidth: float | None = None) -> SmoothLaw:
        r"""The weighted empirical CDF smoothed by a logistic kernel.

        :math:`\tilde F(x) = \sum_i w_i\, \sigma((x - r_i)/h) / \sum_i w_i` with
        :math:`\sigma` the logistic function; ``bandwidth`` :math:`h` defaults to
        :math:`0.5\,\hat\sigma\, n^{-1/5}` (at least :math:`10^{-3}`), where
        :math:`\hat\sigma` is the weighted standard deviation of the reservation
        values. Reservation values beyond [0, 1] are impossible, so the
        smoothing only matters for gradients; votes are always counted with
        the exact empirical CDF.
        """
        if not isinstance(constituency, Constituency):
            raise TypeError(f"constituency must be a Constituency, got {type(constituency).__name__}")
        r, w = constituency.reservations, constituency.weights / constituency.weights.sum()
        if bandwidth is None:
            mean = float(np.dot(w, r))
            sd = math.sqrt(max(float(np.dot(w, (r - mean) ** 2)), 0.0))
            h = max(0.5 * sd * r.size ** (-0.2), 1e-3)
        else:
            h = check_real("bandwidth", bandwidth)
            if not 1e-4 <= h <= 1.0:
                raise ValueError(f"bandwidth must lie in [0.0001, 1], got {h!r}")

        def z(x: Array) -> Array:
            return (np.asarray(x, dtype=float)[..., None] - r) / h

        def cdf(x: Array) -> Array:
            # 1/(1+e^{-z}) = (1 + tanh(z/2))/2: no overflow for large |z|.
            return ((1.0 + np.tanh(z(x) / 2.0)) / 2.0) @ w

        def pdf(x: Array) -> Array:
            return ((1.0 / (4.0 * h)) / np.cosh(np.clip(z(x), -700, 700) / 2.0) ** 2) @ w

        return cls(cdf, pdf, f"logistic kernel (h={h:.3g})")

    def density(self, x: npt.ArrayLike) -> Array:
        """:math:`F'(x)`, from ``pdf`` or a central difference of ``cdf``."""
        xs = np.asarray(x, dtype=float)
        if self.pdf is not None:
            return np.asarray(self.pdf(xs), dtype=float)
        step = 1e-6
        lo, hi = np.clip(xs - step, 0.0, 1.0), np.clip(xs + step, 0.0, 1.0)
        return (np.asarray(self.cdf(hi), dtype=float) - np.asarray(self.cdf(lo), dtype=float)) / (hi - lo)


# -- one side ----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TwoIssueSide:
    r"""One side's Level II on two homogeneous issues (Figure 2).

    Parameters
    ----------
    beef, citrus : Constituency
        Ranchers (vote only on beef) and farmers (vote only on citrus), with
        reservation values on the side's *own* gain in [0, 1].
    beef_weight : float
        Ranchers' share of the side's voting weight, :math:`\alpha` for A and
        :math:`\beta` for B, in the open interval (0, 1).
    quota : float
        Share of the weight needed to ratify, in (0, 1].
    side : {"A", "B"}
        A gains :math:`(b, c)`; B gains :math:`(1 - b, 1 - c)`.
    beef_law, citrus_law : SmoothLaw, optional
        Differentiable CDFs used only for gradients (tangency). Default: the
        logistic-kernel smoothing of the constituency
        (:meth:`SmoothLaw.logistic_kernel`); :meth:`power` sets the exact law.
    name : str
        Label used in figures.
    """

    beef: Constituency
    citrus: Constituency
    beef_weight: float
    quota: float
    side: SideName = "A"
    beef_law: SmoothLaw | None = None
    citrus_law: SmoothLaw | None = None
    name: str = field(default="")

    def __post_init__(self) -> None:
        for nm in ("beef", "citrus"):
            v = getattr(self, nm)
            if not isinstance(v, Constituency):
                raise TypeError(f"{nm} must be a Constituency, got {type(v).__name__}")
        object.__setattr__(self, "beef_weight", _check_open_unit("beef_weight", self.beef_weight))
        object.__setattr__(self, "quota", check_quota("quota", self.quota))
        object.__setattr__(self, "side", _check_side_name(self.side))
        for nm in ("beef_law", "citrus_law"):
            v = getattr(self, nm)
            if v is not None and not isinstance(v, SmoothLaw):
                raise TypeError(f"{nm} must be a SmoothLaw or None, got {type(v).__name__}")

    # -- constructors -----------------------------------------------------------
    @classmethod
    def power(
        cls,
        alpha: float,
        gamma_beef: float,
        gamma_citrus: float,
        quota: float,
        side: SideName = "A",
        n: int = 2001,
        *,
        name: str = "",
    ) -> TwoIssueSide:
        r"""Reservation values with CDF :math:`x^\gamma` on each issue.

        Each constituency is the deterministic midpoint quantile grid
        :math:`r_i = ((i - \tfrac12)/n)^{1/\gamma}`, :math:`i = 1..n` (as
        :meth:`Constituency.uniform`), so its empirical CDF is within
        :math:`1/(2n)` of :math:`x^\gamma`. :math:`\gamma = 1` is the uniform
        law; smaller :math:`\gamma` puts more constituents near 0 (easily
        satisfied) and bends the iso-vote curves further toward ``BM``.

        Parameters
        ----------
        alpha : float
            Weight of the ranchers (beef voters), in (0, 1).
        gamma_beef, gamma_citrus : float
            Shapes, in :data:`GAMMA_RANGE`.
        quota : float
            In (0, 1].
        side : {"A", "B"}
        n : int
            Constituents per issue, 1 to 1,000,000.
        """
        a = _check_open_unit("alpha", alpha)
        gb, gc = _check_gamma("gamma_beef", gamma_beef), _check_gamma("gamma_citrus", gamma_citrus)
        q = check_quota("quota", quota)
        s = _check_side_name(side)
        n = check_positive_int("n", n, maximum=1_000_000)
        p = (np.arange(1, n + 1) - 0.5) / n
        beef = Constituency(p ** (1.0 / gb), None, "ranchers")
        citrus = Constituency(p ** (1.0 / gc), None, "farmers")
        return cls(beef, citrus, a, q, s, SmoothLaw.power(gb), SmoothLaw.power(gc), name)

    def with_quota(self, quota: float) -> TwoIssueSide:
        """The same constituencies under another quota (the grids can be reused)."""
        return replace(self, quota=check_quota("quota", quota))

    # -- the model --------------------------------------------------------------
    def own_gains(self, b: npt.ArrayLike, c: npt.ArrayLike) -> tuple[Array, Array]:
        """The side's gains on beef and citrus for package(s) ``(b, c)``."""
        bb, cc = _check_package(b, c)
        return (bb, cc) if self.side == "A" else (1.0 - bb, 1.0 - cc)

    def yes_share(self, b: npt.ArrayLike, c: npt.ArrayLike) -> Any:
        r"""Share of the side's weight voting yes on package(s) ``(b, c)``.

        :math:`V_A = \alpha F_\text{beef}(b) + (1-\alpha) F_\text{citrus}(c)`
        (B: evaluated at :math:`1 - b, 1 - c`). ``b`` and ``c`` broadcast.
        """
        bb, cc = _check_package(b, c)
        return _scalar_or_array(self._yes(bb, cc))

    def _yes(self, b: Array, c: Array) -> Array:
        """:meth:`yes_share` without validation, for inner loops on checked packages."""
        gb, gc = (b, c) if self.side == "A" else (1.0 - b, 1.0 - c)
        a = self.beef_weight
        return np.asarray(a * np.asarray(self.beef.yes_share(gb)) + (1.0 - a) * np.asarray(self.citrus.yes_share(gc)),
                          dtype=float)

    def ratifies(self, b: npt.ArrayLike, c: npt.ArrayLike) -> Any:
        """Whether package(s) pass the side's up-or-down vote: :math:`V_S \\ge q_S`."""
        out = np.asarray(self.yes_share(b, c)) >= self.quota * (1.0 - TIE_TOLERANCE)
        return _scalar_or_array(out)

    @cached_property
    def laws(self) -> tuple[SmoothLaw, SmoothLaw]:
        """The (beef, citrus) smooth laws used for gradients."""
        beef = self.beef_law if self.beef_law is not None else SmoothLaw.logistic_kernel(self.beef)
        citrus = self.citrus_law if self.citrus_law is not None else SmoothLaw.logistic_kernel(self.citrus)
        return beef, citrus

    def gradient(self, b: npt.ArrayLike, c: npt.ArrayLike) -> tuple[Array, Array]:
        r""":math:`(\partial V/\partial b, \partial V/\partial c)` from the smooth laws.

        For A both components are :math:`\ge 0`, for B :math:`\le 0`. They may be
        infinite on the box edges (power laws with :math:`\gamma < 1`).
        """
        bb, cc = _check_package(b, c)
        return self._grad(bb, cc)

    def _grad(self, b: Array, c: Array) -> tuple[Array, Array]:
        """:meth:`gradient` without validation, for inner loops on checked packages."""
        gb, gc = (b, c) if self.side == "A" else (1.0 - b, 1.0 - c)
        law_b, law_c = self.laws
        sign = 1.0 if self.side == "A" else -1.0
        a = self.beef_weight
        return sign * a * law_b.density(gb), sign * (1.0 - a) * law_c.density(gc)


def _check_side(name: str, side: Any, expected: str | None = None) -> TwoIssueSide:
    if not isinstance(side, TwoIssueSide):
        raise TypeError(f"{name} must be a TwoIssueSide, got {type(side).__name__}")
    if expected is not None and side.side != expected:
        raise ValueError(f"{name} must be side {expected!r}, got side {side.side!r}")
    return side


# -- grids -------------------------------------------------------------------


class IsoVoteGrid(NamedTuple):
    r"""A side's yes-share sampled on a square grid: ``values[j, i]`` is :math:`V(b_i, c_j)`.

    The grid does not depend on the quota, so it is computed once per
    parameter set and reused by :func:`win_set_mask` for any quota.
    """

    b: Array
    c: Array
    values: Array
    side: str = "A"


def iso_vote_grid(side: TwoIssueSide, n: int = 201) -> IsoVoteGrid:
    """The side's yes-share on an ``n`` by ``n`` grid of packages covering the box.

    Parameters
    ----------
    side : TwoIssueSide
    n : int
        Points per axis (including 0 and 1), in :data:`GRID_RANGE`.

    Returns
    -------
    IsoVoteGrid
        ``(b, c, values)``, ``values`` of shape ``(n, n)``, rows indexed by ``c``
        (the layout of ``matplotlib``'s ``contour`` and ``imshow(origin="lower")``).
    """
    s = _check_side("side", side)
    n = _check_grid_n("n", n)
    g = np.linspace(0.0, 1.0, n)
    own = g if s.side == "A" else 1.0 - g
    vb = s.beef_weight * np.asarray(s.beef.yes_share(own))
    vc = (1.0 - s.beef_weight) * np.asarray(s.citrus.yes_share(own))
    values = vc[:, None] + vb[None, :]
    for arr in (g, values):
        arr.setflags(write=False)
    return IsoVoteGrid(g, g, values, s.side)


def _check_grid(name: str, grid: Any, side: TwoIssueSide | None = None) -> IsoVoteGrid:
    if not isinstance(grid, IsoVoteGrid):
        raise TypeError(f"{name} must be an IsoVoteGrid (from iso_vote_grid), got {type(grid).__name__}")
    if grid.values.shape != (grid.c.size, grid.b.size):
        raise ValueError(f"{name}.values must have shape (len(c), len(b)), got {grid.values.shape}")
    if side is not None and grid.side != side.side:
        raise ValueError(f"{name} was computed for side {grid.side!r}, not side {side.side!r}")
    return grid


def win_set_mask(side: TwoIssueSide, grid: IsoVoteGrid | None = None, n: int = 201) -> npt.NDArray[np.bool_]:
    """Which grid packages the side ratifies (its win-set sampled on the grid).

    Parameters
    ----------
    side : TwoIssueSide
    grid : IsoVoteGrid, optional
        A grid of this side's yes-share (any quota); computed with ``n`` points
        per axis if omitted.
    n : int
        Used only when ``grid`` is omitted.
    """
    s = _check_side("side", side)
    g = iso_vote_grid(s, n) if grid is None else _check_grid("grid", grid, s)
    return g.values >= s.quota * (1.0 - TIE_TOLERANCE)


@dataclass(frozen=True, eq=False)
class Lens:
    """The feasible packages, "the lens-shaped area between A1-A2 and B1-B2" (p. 446).

    Attributes
    ----------
    b, c : ndarray
        Grid axes.
    mask : ndarray of bool
        ``mask[j, i]``: package ``(b[i], c[j])`` is ratified by both sides.
    area : float
        Fraction of the grid's packages in the lens (approximates the lens's
        share of the box's area; exact as the grid is refined).
    is_empty : bool
        No grid package is ratified by both: deadlock.
    """

    b: Array
    c: Array
    mask: npt.NDArray[np.bool_]
    area: float
    is_empty: bool


def lens(
    a_side: TwoIssueSide,
    b_side: TwoIssueSide,
    n: int = 201,
    *,
    grids: tuple[IsoVoteGrid, IsoVoteGrid] | None = None,
) -> Lens:
    """The set of feasible packages: both sides ratify.

    Parameters
    ----------
    a_side, b_side : TwoIssueSide
        Sides ``"A"`` and ``"B"``.
    n : int
        Grid points per axis (ignored when ``grids`` is given).
    grids : (IsoVoteGrid, IsoVoteGrid), optional
        Precomputed grids of A and B on the same axes, reused across quotas.
    """
    a = _check_side("a_side", a_side, "A")
    b = _check_side("b_side", b_side, "B")
    if grids is None:
        n = _check_grid_n("n", n)
        ga, gb = iso_vote_grid(a, n), iso_vote_grid(b, n)
    else:
        if not isinstance(grids, tuple) or len(grids) != 2:
            raise TypeError("grids must be a pair (grid of A, grid of B)")
        ga, gb = _check_grid("grids[0]", grids[0], a), _check_grid("grids[1]", grids[1], b)
        if ga.values.shape != gb.values.shape or not (np.array_equal(ga.b, gb.b) and np.array_equal(ga.c, gb.c)):
            raise ValueError("grids must share the same axes")
    mask = win_set_mask(a, ga) & win_set_mask(b, gb)
    area = float(mask.mean())
    return Lens(ga.b, ga.c, mask, area, not bool(mask.any()))


# -- curves ------------------------------------------------------------------


class Curve(NamedTuple):
    """Points ``(b[k], c[k])`` of a curve in the box, in order along it."""

    b: Array
    c: Array

    @property
    def size(self) -> int:
        return int(self.b.size)


def _pivot_where(constituency: Constituency, t: Array) -> tuple[Array, npt.NDArray[np.bool_]]:
    """``F^{-1}(t)`` where ``t`` is in (0, 1]; also the mask of those entries."""
    ok = (t > 0.0) & (t <= 1.0)
    out = np.zeros_like(t)
    if ok.any():
        out[ok] = np.asarray(constituency.pivot(t[ok]))
    return out, ok


def _h(side: TwoIssueSide, level: float, b: Array) -> tuple[Array, npt.NDArray[np.bool_]]:
    """``c = h(b)`` on the level set ``V = level`` (A: lowest ratifying c; B: highest)."""
    a = side.beef_weight
    own_b = b if side.side == "A" else 1.0 - b
    t = (level - a * np.asarray(side.beef.yes_share(own_b))) / (1.0 - a)
    r, ok = _pivot_where(side.citrus, t)
    return (r if side.side == "A" else 1.0 - r), ok


def _k(side: TwoIssueSide, level: float, c: Array) -> tuple[Array, npt.NDArray[np.bool_]]:
    """``b = k(c)`` on the level set (the same curve parametrised by citrus)."""
    a = side.beef_weight
    own_c = c if side.side == "A" else 1.0 - c
    t = (level - (1.0 - a) * np.asarray(side.citrus.yes_share(own_c))) / a
    r, ok = _pivot_where(side.beef, t)
    return (r if side.side == "A" else 1.0 - r), ok


def iso_vote_curve(side: TwoIssueSide, level: float, n: int = 201) -> Curve:
    r"""The iso-vote curve :math:`V_S(b, c) = v` inside the box.

    Computed exactly from the pivots (:math:`c = h(b)` above, and the same
    boundary parametrised by citrus, :math:`b = k(c)`, so that steep stretches
    are sampled too), not by contouring a grid. Points are ordered by
    increasing ``b`` (the curve falls from the top or left edge to the right or
    bottom edge). For a side that needs a yes-share of ``v``, the curve is the
    boundary of the packages that win at least ``v``.

    Parameters
    ----------
    side : TwoIssueSide
    level : float
        The yes-share :math:`v`, in (0, 1].
    n : int
        Samples per parametrisation, in :data:`GRID_RANGE`.

    Returns
    -------
    Curve
        Empty if no package wins ``v``.
    """
    s = _check_side("side", side)
    v = check_quota("level", level)
    n = _check_grid_n("n", n)
    g = np.linspace(0.0, 1.0, n)
    c1, ok1 = _h(s, v, g)
    b2, ok2 = _k(s, v, g)
    bs = np.concatenate([g[ok1], b2[ok2]])
    cs = np.concatenate([c1[ok1], g[ok2]])
    bs, cs = _onto_level_set(s, v, bs, cs)
    order = np.lexsort((-cs, bs))
    bs, cs = bs[order], cs[order]
    if bs.size:
        dup = np.concatenate([[False], (np.diff(bs) == 0) & (np.diff(cs) == 0)])
        bs, cs = bs[~dup], cs[~dup]
    return Curve(bs, cs)


def _onto_level_set(side: TwoIssueSide, level: float, bs: Array, cs: Array) -> tuple[Array, Array]:
    """Nudge boundary points by a few ulps toward the side's best corner until they win ``level``.

    ``1 - (1 - r)`` need not equal ``r`` in floating point, so a point of B's
    curve computed as ``1 - r`` can miss the vote it is the boundary of by one
    rounding step; moving it by one ulp puts it back on the winning side.
    """
    target = level * (1.0 - TIE_TOLERANCE)
    toward = 1.0 if side.side == "A" else 0.0
    for _ in range(4):
        short = side._yes(bs, cs) < target
        if not short.any():
            break
        bs = np.where(short, np.nextafter(bs, toward), bs)
        cs = np.where(short, np.nextafter(cs, toward), cs)
    return bs, cs


def contour(side: TwoIssueSide, n: int = 201) -> Curve:
    """The ratification contour :math:`V_S = q_S`: Putnam's bold A1–A2 (or B1–B2).

    Its first point is the end labelled ``A1`` (``B1``), on the top or left
    edge of the box; its last point is ``A2`` (``B2``), on the right or bottom
    edge. See :func:`iso_vote_curve`.
    """
    s = _check_side("side", side)
    return iso_vote_curve(s, s.quota, n)


def lens_corners(a_side: TwoIssueSide, b_side: TwoIssueSide, n: int = 2001) -> list[tuple[float, float]]:
    r"""Where the A1–A2 contour meets the B1–B2 contour: the corners of the lens.

    On A's contour :math:`c = h_A(b)`, the roots of
    :math:`g(b) = V_B(b, h_A(b)) - q_B` are bracketed by sign changes on ``n``
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
    """
    a = _check_side("a_side", a_side, "A")
    b = _check_side("b_side", b_side, "B")
    n = _check_grid_n("n", n)
    grid = np.linspace(0.0, 1.0, n)
    _, ok = _h(a, a.quota, grid)
    if not ok.any():
        return []
    lo, hi = grid[ok][0], grid[ok][-1]
    # Tighten the domain to where A's contour is inside the box (bisection on ok).
    idx = np.flatnonzero(ok)
    if idx[0] > 0:
        lo = _edge(lambda x: _h(a, a.quota, x)[1], grid[idx[0] - 1], grid[idx[0]])
    if idx[-1] < n - 1:
        hi = _edge(lambda x: _h(a, a.quota, x)[1], grid[idx[-1] + 1], grid[idx[-1]])
    xs = np.linspace(lo, hi, n)

    def g(x: Array) -> Array:
        x = np.clip(x, lo, hi)
        c, _ = _h(a, a.quota, x)
        return b._yes(x, np.clip(c, 0.0, 1.0)) - b.quota * (1.0 - TIE_TOLERANCE)

    # Flicker spans at most a couple of reservation-value steps of either side.
    steps = [np.diff(np.concatenate([[0.0], k.reservations[np.argsort(k.reservations)], [1.0]])).max()
             for k in (a.beef, a.citrus, b.beef, b.citrus)]
    roots = _crossings(g, xs, max(3.0 * (xs[1] - xs[0]), 2.0 * max(steps)))
    cs = np.clip(_h(a, a.quota, roots)[0], 0.0, 1.0)
    return [(float(x), float(y)) for x, y in zip(roots, cs)]


def _crossings(f: Callable[[Array], Array], x: Array, gap: float) -> Array:
    """Points where the step function ``f`` crosses zero on the increasing grid ``x``.

    A vote count evaluated along another step function can flicker around
    its quota (+, -, + within a constituent's step) where the two contours
    meet. Sign changes closer than ``gap`` (in ``x`` units) form one cluster;
    a cluster whose signs before and after differ is one crossing (refined by
    bisection in its middle bracket), otherwise the curves only touch and it
    is dropped.
    """
    y = f(x)
    s = np.sign(y)
    idx = np.flatnonzero((s[:-1] * s[1:] < 0) | ((s[:-1] != 0) & (s[1:] == 0)))
    if idx.size == 0:
        return np.zeros(0)
    groups = np.split(idx, np.flatnonzero(np.diff(x[idx]) > gap) + 1)
    keep = [g[g.size // 2] for g in groups if s[g[0]] * s[min(g[-1] + 1, x.size - 1)] <= 0]
    if not keep:
        return np.zeros(0)
    k = np.asarray(keep)
    lo, hi = x[k].copy(), x[k + 1].copy()
    ylo = y[k]
    for _ in range(45):  # 2**-45 of a scan step: far below one constituent's step
        mid = 0.5 * (lo + hi)
        same = np.sign(f(mid)) == np.sign(ylo)
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
    return 0.5 * (lo + hi)


def _edge(pred: Callable[[Array], npt.NDArray[np.bool_]], out: float, inside: float) -> float:
    """Bisection between a point where ``pred`` is False and one where it is True."""
    lo, hi = np.array([out]), np.array([inside])
    for _ in range(50):
        mid = 0.5 * (lo + hi)
        ok = pred(mid)
        hi = np.where(ok, mid, hi)
        lo = np.where(ok, lo, mid)
    return float(hi[0])


# -- tangency: the contract curve ---------------------------------------------


def _log_mrs_gap(a: TwoIssueSide, b: TwoIssueSide, bb: Array, cc: Array) -> Array:
    r"""``log MRS_A - log MRS_B`` with :math:`\text{MRS} = |\partial_b V| / |\partial_c V|`."""
    ab, ac = a._grad(bb, cc)
    bb_, bc = b._grad(bb, cc)
    tiny = np.finfo(float).tiny
    with np.errstate(divide="ignore", invalid="ignore"):
        parts = [np.log(np.maximum(np.abs(v), tiny)) for v in (ab, ac, bb_, bc)]
    out = (parts[0] - parts[1]) - (parts[2] - parts[3])
    return np.nan_to_num(out, nan=0.0, posinf=1e300, neginf=-1e300)


def tangency_residual(a_side: TwoIssueSide, b_side: TwoIssueSide, b: npt.ArrayLike, c: npt.ArrayLike) -> Any:
    r"""Sine of the angle between :math:`\nabla V_A` and :math:`-\nabla V_B` at package(s) ``(b, c)``.

    :math:`|\nabla V_A \times \nabla V_B| / (|\nabla V_A|\,|\nabla V_B|)`: 0 where the
    iso-vote curves are tangent. Gradients come from the sides' smooth laws;
    an infinite component (a power density at 0, on the box's edge) makes
    the gradient point along that axis, and a zero gradient counts as tangent.
    """
    a = _check_side("a_side", a_side, "A")
    bs = _check_side("b_side", b_side, "B")
    bb, cc = _check_package(b, c)
    ua, va = _direction(*a.gradient(bb, cc))
    ub, vb = _direction(*bs.gradient(bb, cc))
    return _scalar_or_array(np.asarray(np.abs(ua * vb - va * ub), dtype=float))


def _direction(gx: Array, gy: Array) -> tuple[Array, Array]:
    """Unit vector along the gradient; along the axis of an infinite component; 0 for a zero gradient."""
    gx, gy = np.broadcast_arrays(np.asarray(gx, dtype=float), np.asarray(gy, dtype=float))
    ix, iy = np.isinf(gx), np.isinf(gy)
    inf = ix | iy
    fx = np.where(inf, np.where(ix, np.sign(gx), 0.0), gx)
    fy = np.where(inf, np.where(iy, np.sign(gy), 0.0), gy)
    norm = np.hypot(fx, fy)
    safe = np.where(norm > 0, norm, 1.0)
    return np.where(norm > 0, fx / safe, 0.0), np.where(norm > 0, fy / safe, 0.0)


def contract_curve(a_side: TwoIssueSide, b_side: TwoIssueSide, n: int = 201) -> Curve:
    r"""The locus of tangency between A's and B's iso-vote curves (Putnam's "contract curve").

    At a tangency the gradients are anti-parallel,
    :math:`\nabla V_A \times \nabla V_B = 0`, i.e. the marginal rates of
    substitution agree:

    .. math::

        \log \frac{\alpha f_\text{beef}(b)}{(1-\alpha) f_\text{citrus}(c)}
        = \log \frac{\beta g_\text{beef}(1-b)}{(1-\beta) g_\text{citrus}(1-c)} .

    For each of ``n`` interior values of :math:`b` the difference of the two
    sides is scanned along :math:`c` on a logit-spaced grid (dense near the
    edges), sign changes are refined by bisection, and roots whose tangency
    residual (:func:`tangency_residual`) exceeds :math:`10^{-6}` are dropped.
    Densities come from the sides' :class:`SmoothLaw`: exact for
    :meth:`TwoIssueSide.power` (for which, with :math:`\gamma \le 1`, there is
    exactly one tangency per :math:`b` and the curve joins ``BM`` to ``AM``),
    a logistic-kernel smoothing of the reservation values otherwise, or any
    differentiable CDF given as :class:`SmoothLaw`.

    When every law is uniform (:math:`\gamma = 1`) the iso-vote curves are
    parallel straight lines of two fixed slopes: tangent nowhere (the
    efficient packages then lie on the box's edges) or, if the slopes agree,
    everywhere. The function returns an empty curve in both cases.

    Returns
    -------
    Curve
        Tangency points inside the box, sorted by ``b``.
    """
    a = _check_side("a_side", a_side, "A")
    bs = _check_side("b_side", b_side, "B")
    n = _check_grid_n("n", n)
    bgrid = np.linspace(0.0, 1.0, n + 2)[1:-1]
    z = np.linspace(-18.0, 18.0, 181)
    cgrid = 1.0 / (1.0 + np.exp(-z))
    B, C = np.meshgrid(bgrid, cgrid, indexing="ij")
    D = _log_mrs_gap(a, bs, B, C)
    s = np.sign(D)
    rows, cols = np.nonzero((s[:, :-1] * s[:, 1:] < 0) | ((s[:, :-1] != 0) & (s[:, 1:] == 0)))
    if rows.size == 0:
        return Curve(np.zeros(0), np.zeros(0))
    bb = bgrid[rows]
    lo, hi = z[cols].copy(), z[cols + 1].copy()
    dlo = D[rows, cols]
    for _ in range(50):  # the logit bracket (width 0.2) shrinks to 2e-16
        mid = 0.5 * (lo + hi)
        dm = _log_mrs_gap(a, bs, bb, 1.0 / (1.0 + np.exp(-mid)))
        same = np.sign(dm) == np.sign(dlo)
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
    cc = 1.0 / (1.0 + np.exp(-0.5 * (lo + hi)))
    res = np.asarray(tangency_residual(a, bs, bb, cc))
    keep = res <= 1e-6
    bb, cc = bb[keep], cc[keep]
    order = np.lexsort((cc, bb))
    return Curve(bb[order], cc[order])


# -- note 56: a heterogeneous issue -----------------------------------------


def heterogeneous_iso_vote_grid(
    beef: SpatialConstituency,
    reversion: float,
    citrus: Constituency,
    beef_weight: float,
    n: int = 201,
) -> IsoVoteGrid:
    r"""A's yes-share when beef is a *heterogeneous* issue (note 56).

    Ranchers now have ideal points :math:`\theta_i` on A's beef gain and compare
    the package with the no-agreement reversion point :math:`b_0`: rancher
    :math:`i` votes yes iff :math:`|b - \theta_i| \le |b_0 - \theta_i|`
    (:meth:`SpatialConstituency.approval_share`), so some object that a deal
    goes "too far". Farmers vote on citrus as before:

    .. math::

        V_A(b, c) = \alpha\, P(b; b_0) + (1-\alpha)\, F_\text{citrus}(c).

    :math:`V_A` is no longer increasing in :math:`b`: its level sets can be
    closed or in pieces, and the win-set :math:`V_A \ge q_A` need not be a
    wedge northeast of its contour. Combine the returned grid with any quota:
    ``grid.values >= quota``.

    Parameters
    ----------
    beef : SpatialConstituency
        Ranchers' ideal points in [0, 1].
    reversion : float
        Beef outcome :math:`b_0` if no agreement is ratified, in [0, 1].
    citrus : Constituency
        Farmers' reservation values (a homogeneous issue).
    beef_weight : float
        Ranchers' share of A's weight, in (0, 1).
    n : int
        Grid points per axis, in :data:`GRID_RANGE`.
    """
    if not isinstance(beef, SpatialConstituency):
        raise TypeError(f"beef must be a SpatialConstituency, got {type(beef).__name__}")
    if not isinstance(citrus, Constituency):
        raise TypeError(f"citrus must be a Constituency, got {type(citrus).__name__}")
    b0 = check_unit("reversion", reversion)
    a = _check_open_unit("beef_weight", beef_weight)
    n = _check_grid_n("n", n)
    g = np.linspace(0.0, 1.0, n)
    vb = a * np.asarray(beef.approval_share(g, b0))
    vc = (1.0 - a) * np.asarray(citrus.yes_share(g))
    return IsoVoteGrid(g, g, vc[:, None] + vb[None, :], "A")
