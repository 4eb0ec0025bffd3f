r"""Tangency of the two sides' iso-vote curves: Putnam's contract curve (pp. 446-447).

Negotiators move "jointly towards points of tangency between their respective
political indifference curves" (p. 451). At a tangency the gradients are
anti-parallel, :math:`\nabla V_A \times \nabla V_B = 0`. Empirical CDFs are
step functions without gradients, so tangency uses each issue's
:class:`~twolevel.preferences.smooth_laws.SmoothLaw`.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .._checks import check_grid_size
from .._numerics import bisect
from ..config import chunk_size
from .iso_vote_curves import Curve
from .two_issues import TwoIssueConstituency, check_package, check_side, scalar_or_array

__all__ = ["tangency_residual", "contract_curve"]

Array = npt.NDArray[np.float64]


def _log_mrs_gap(a: TwoIssueConstituency, b: TwoIssueConstituency, beef: Array, citrus: Array) -> Array:
    r"""``log MRS_A - log MRS_B`` with :math:`\text{MRS} = |\partial_b V| / |\partial_c V|`."""
    a_beef, a_citrus = a.gradient(beef, citrus)
    b_beef, b_citrus = b.gradient(beef, citrus)
    tiny = np.finfo(float).tiny
    with np.errstate(divide="ignore", invalid="ignore"):
        parts = [np.log(np.maximum(np.abs(v), tiny)) for v in (a_beef, a_citrus, b_beef, b_citrus)]
    out = (parts[0] - parts[1]) - (parts[2] - parts[3])
    return np.asarray(np.nan_to_num(out, nan=0.0, posinf=1e300, neginf=-1e300), dtype=np.float64)


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


def tangency_residual(
    constituency_a: TwoIssueConstituency,
    constituency_b: TwoIssueConstituency,
    beef: npt.ArrayLike,
    citrus: npt.ArrayLike,
) -> float | Array:
    r"""Sine of the angle between :math:`\nabla V_A` and :math:`-\nabla V_B` at package(s) ``(beef, citrus)``.

    :math:`|\nabla V_A \times \nabla V_B| / (|\nabla V_A|\,|\nabla V_B|)`: 0 where the
    iso-vote curves are tangent. Gradients come from the sides' smooth laws;
    an infinite component (a power density at 0, on the box's edge) makes
    the gradient point along that axis, and a zero gradient counts as tangent.

    Parameters
    ----------
    constituency_a, constituency_b : TwoIssueConstituency
        Sides ``"A"`` and ``"B"``.
    beef, citrus : array_like of float
        The package(s), A's gains, in [0, 1]; broadcast together.

    Returns
    -------
    float or numpy.ndarray
        One residual in [0, 1] per package.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=101)
    >>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=101)
    >>> float(tl.tangency_residual(a, b, 0.3, 0.3)) < 1e-12, round(float(tl.tangency_residual(a, b, 0.3, 0.7)), 2)
    (True, 0.4)

    References
    ----------
    Putnam (1988), p. 451 (points of tangency) and p. 446 (the contract curve). Book: proposition
    ``prop-lens`` (chapter 5).
    """
    a = check_side("constituency_a", constituency_a, "A")
    b = check_side("constituency_b", constituency_b, "B")
    bb, cc = check_package(beef, citrus)
    # Each package costs about 90 bytes of gradients and directions: a large grid goes in chunks.
    step = chunk_size(_RESIDUAL_BYTES, bb.size)
    if step >= bb.size:
        return scalar_or_array(_residual(a, b, bb, cc))  # type: ignore[return-value]
    flat_b, flat_c = bb.reshape(-1), cc.reshape(-1)
    out = np.empty(flat_b.size, dtype=float)
    for start in range(0, flat_b.size, step):
        out[start : start + step] = _residual(a, b, flat_b[start : start + step], flat_c[start : start + step])
    return out.reshape(bb.shape)


#: Temporary bytes per package of :func:`_residual` (measured with ``tracemalloc``: about 92).
_RESIDUAL_BYTES = 128


def _residual(a: TwoIssueConstituency, b: TwoIssueConstituency, beef: Array, citrus: Array) -> Array:
    """:func:`tangency_residual` on validated packages, all at once."""
    ua, va = _direction(*a.gradient(beef, citrus))
    ub, vb = _direction(*b.gradient(beef, citrus))
    return np.asarray(np.abs(ua * vb - va * ub), dtype=float)


def contract_curve(
    constituency_a: TwoIssueConstituency, constituency_b: TwoIssueConstituency, resolution: int = 201
) -> Curve:
    r"""The locus of tangency between A's and B's iso-vote curves (Putnam's "contract curve").

    At a tangency the gradients are anti-parallel,
    :math:`\nabla V_A \times \nabla V_B = 0`, i.e. the marginal rates of
    substitution agree:

    .. math::

        \log \frac{\alpha f_\text{beef}(b)}{(1-\alpha) f_\text{citrus}(c)}
        = \log \frac{\beta g_\text{beef}(1-b)}{(1-\beta) g_\text{citrus}(1-c)} .

    For each of ``resolution`` interior values of :math:`b` the difference of the two
    sides is scanned along :math:`c` on a logit-spaced grid (dense near the
    edges), sign changes are refined by bisection, and roots whose tangency
    residual (:func:`tangency_residual`) exceeds :math:`10^{-6}` are dropped.
    Densities come from the sides' smooth laws: exact for
    :meth:`TwoIssueConstituency.power` (for which, with :math:`\gamma \le 1`,
    there is exactly one tangency per :math:`b` and the curve joins ``BM`` to
    ``AM``), a logistic-kernel smoothing of the reservation values otherwise,
    or any differentiable CDF given as a smooth law.

    Cost: the scan and the bisection evaluate each side's two densities at
    about :math:`m \approx 4\cdot10^4` distinct points (:math:`2 \times 382`
    scan coordinates, then :math:`2 \times 50` bisection steps for each of
    the ``resolution`` = 201 rows), whatever the number of constituents. The power
    family's densities cost :math:`O(1)` per point. A logistic-kernel law is a
    sum over all :math:`N` constituents, and the logistic kernel has no
    bounded support (its bandwidth shrinks only as :math:`N^{-1/5}`), so an
    exact evaluation costs :math:`\Theta(N)` per point and the curve
    :math:`\Theta(mN)`: linear in :math:`N`, about 40,000 kernel terms per
    constituent (roughly 0.4 s per 1,000 constituents per issue on the
    benchmarks' machine), evaluated in cache-sized chunks within the working
    memory. It is not :math:`O(N \log N)`: that would need an approximate
    kernel sum (binning or a fast multipole expansion), which would change
    the smoothed law this function defines.

    When every law is uniform (:math:`\gamma = 1`) the iso-vote curves are
    parallel straight lines of two fixed slopes: tangent nowhere (the
    efficient packages then lie on the box's edges) or, if the slopes agree,
    everywhere. The function returns an empty curve in both cases.

    Returns
    -------
    Curve
        Tangency points inside the box, sorted by ``b``.

    Parameters
    ----------
    constituency_a, constituency_b : TwoIssueConstituency
        Sides ``"A"`` and ``"B"``.
    resolution : int
        Interior values of :math:`b` scanned, in :data:`twolevel.RESOLUTION_RANGE`.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=101)
    >>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=101)
    >>> k = tl.contract_curve(a, b, 21)
    >>> k.size, bool(np.allclose(k.b, k.c))
    (21, True)

    References
    ----------
    Putnam (1988), p. 446 (the contract curve) and p. 451: negotiators "moving jointly towards
    points of tangency". Book: proposition ``prop-lens`` (chapter 5).
    """
    a = check_side("constituency_a", constituency_a, "A")
    b = check_side("constituency_b", constituency_b, "B")
    resolution = check_grid_size("resolution", resolution)
    beef_grid = np.linspace(0.0, 1.0, resolution + 2)[1:-1]
    z = np.linspace(-18.0, 18.0, 181)
    citrus_grid = 1.0 / (1.0 + np.exp(-z))
    beef_2d, citrus_2d = np.meshgrid(beef_grid, citrus_grid, indexing="ij")
    gap = _log_mrs_gap(a, b, beef_2d, citrus_2d)
    s = np.sign(gap)
    rows, cols = np.nonzero((s[:, :-1] * s[:, 1:] < 0) | ((s[:, :-1] != 0) & (s[:, 1:] == 0)))
    if rows.size == 0:
        return Curve(np.zeros(0), np.zeros(0))
    bb = beef_grid[rows]
    sign_lo = np.sign(gap[rows, cols])

    def keeps_lo(mid: Array) -> npt.NDArray[np.bool_]:
        return np.asarray(np.sign(_log_mrs_gap(a, b, bb, 1.0 / (1.0 + np.exp(-mid)))) == sign_lo, dtype=bool)

    lo, hi = bisect(keeps_lo, z[cols], z[cols + 1], 50)  # the logit bracket (width 0.2) shrinks to 2e-16
    cc = 1.0 / (1.0 + np.exp(-0.5 * (lo + hi)))
    res = np.asarray(tangency_residual(a, b, bb, cc))
    keep = res <= 1e-6
    bb, cc = bb[keep], cc[keep]
    order = np.lexsort((cc, bb))
    return Curve(bb[order], cc[order])
