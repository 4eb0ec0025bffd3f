r"""One side's Level II on two issues: its constituencies and its vote on a package.

A *package* is :math:`(b, c) \in [0, 1]^2`, A's gain on beef and on citrus;
B's gains are :math:`1 - b` and :math:`1 - c`. Each side has two
constituencies (note 56: each issue, "taken individually, is a 'homogeneous'
type"): *ranchers*, who vote only on beef, and *farmers*, who vote only on
citrus. With :math:`\alpha` the ranchers' share of A's voting weight and
:math:`F_\text{beef}, F_\text{citrus}` the (weighted, empirical) CDFs of A's
reservation values, A's yes-share is

.. math::

    V_A(b, c) = \alpha\, F_\text{beef}(b) + (1 - \alpha)\, F_\text{citrus}(c),

and symmetrically, with :math:`\beta` the weight of B's ranchers,
:math:`V_B(b, c) = \beta\, G_\text{beef}(1 - b) + (1 - \beta)\, G_\text{citrus}(1 - c)`.
A package is ratified by side :math:`S` iff :math:`V_S \ge q_S` (the tie rule
of the one-issue model).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

import numpy as np
import numpy.typing as npt

from .._checks import (
    check_gamma,
    check_instance,
    check_label,
    check_open_unit,
    check_positive_int,
    check_quota,
    check_shares,
    check_text,
)
from .._numerics import reaches_quota
from ..winsets import DEFAULT_SIZE, Constituency
from .smooth_laws import SmoothLaw

__all__ = ["TwoIssueConstituency"]

#: A side in the box: A (whose gains are the package's coordinates) or B.
BoxSide = Literal["A", "B"]
BOX_SIDES: tuple[str, ...] = ("A", "B")

Array = npt.NDArray[np.float64]


def check_package(beef: npt.ArrayLike, citrus: npt.ArrayLike) -> tuple[Array, Array]:
    """Package coordinates (A's gains on beef and citrus) in [0, 1], broadcast together."""
    bb, cc = check_shares("beef", beef), check_shares("citrus", citrus)
    try:
        bb, cc = np.broadcast_arrays(bb, cc)
    except ValueError:
        raise ValueError(f"beef and citrus must broadcast together, got shapes {bb.shape} and {cc.shape}") from None
    return bb, cc


def scalar_or_array(out: npt.NDArray[np.generic]) -> float | bool | npt.NDArray[np.generic]:
    """A 0-d result as a Python scalar, anything else unchanged."""
    return out.item() if out.ndim == 0 else out


@dataclass(frozen=True, eq=False)
class TwoIssueConstituency:
    r"""One side's Level II on two homogeneous issues (Figure 2).

    Parameters
    ----------
    ranchers, farmers : Constituency
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

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=1001)
    >>> round(a.yes_share(0.36, 0.36), 2), a.ratifies(0.36, 0.36), a.ratifies(0.2, 0.2)
    (0.6, True, False)
    >>> b = a.with_quota(0.7)
    >>> b.quota, b.ranchers is a.ranchers
    (0.7, True)

    References
    ----------
    Putnam (1988), pp. 446-447 and note 56. Book: definition ``def-lens`` (chapter 5).
    """

    ranchers: Constituency
    farmers: Constituency
    beef_weight: float
    quota: float
    side: BoxSide = "A"
    beef_law: SmoothLaw | None = None
    citrus_law: SmoothLaw | None = None
    name: str = field(default="")

    def __post_init__(self) -> None:
        check_instance("ranchers", self.ranchers, Constituency)
        check_instance("farmers", self.farmers, Constituency)
        check_text("name", self.name)
        object.__setattr__(self, "beef_weight", check_open_unit("beef_weight", self.beef_weight))
        object.__setattr__(self, "quota", check_quota("quota", self.quota))
        object.__setattr__(self, "side", check_label("side", self.side, BOX_SIDES))
        for nm in ("beef_law", "citrus_law"):
            v = getattr(self, nm)
            if v is not None and not isinstance(v, SmoothLaw):
                raise TypeError(f"{nm} must be a SmoothLaw or None, got {type(v).__name__}")

    @classmethod
    def power(
        cls,
        alpha: float,
        gamma_beef: float,
        gamma_citrus: float,
        quota: float,
        side: BoxSide = "A",
        n: int = DEFAULT_SIZE,
        *,
        name: str = "",
    ) -> TwoIssueConstituency:
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
            Shapes, in :data:`twolevel.GAMMA_RANGE`.
        quota : float
            In (0, 1].
        side : {"A", "B"}
        n : int
            Constituents per issue, 1 to 1,000,000.
        """
        a = check_open_unit("alpha", alpha)
        gb, gc = check_gamma("gamma_beef", gamma_beef), check_gamma("gamma_citrus", gamma_citrus)
        q = check_quota("quota", quota)
        s = check_label("side", side, BOX_SIDES)
        n = check_positive_int("n", n, maximum=1_000_000)
        p = (np.arange(1, n + 1) - 0.5) / n
        ranchers = Constituency(p ** (1.0 / gb), name="ranchers")
        farmers = Constituency(p ** (1.0 / gc), name="farmers")
        return cls(ranchers, farmers, a, q, s, SmoothLaw.power(gb), SmoothLaw.power(gc), name)  # type: ignore[arg-type]

    def with_quota(self, quota: float) -> TwoIssueConstituency:
        """The same constituencies under another quota (the grids can be reused)."""
        return replace(self, quota=check_quota("quota", quota))

    def own_gains(self, beef: npt.ArrayLike, citrus: npt.ArrayLike) -> tuple[Array, Array]:
        """The side's own gains on beef and citrus for package(s) ``(beef, citrus)`` (A's gains)."""
        bb, cc = check_package(beef, citrus)
        return (bb, cc) if self.side == "A" else (1.0 - bb, 1.0 - cc)

    def yes_share(self, beef: npt.ArrayLike, citrus: npt.ArrayLike) -> float | Array:
        r"""Share of the side's weight voting yes on package(s) ``(beef, citrus)``.

        :math:`V_A = \alpha F_\text{beef}(b) + (1-\alpha) F_\text{citrus}(c)`
        (B: evaluated at :math:`1 - b, 1 - c`). ``beef`` and ``citrus`` broadcast.
        """
        gb, gc = self.own_gains(beef, citrus)
        a = self.beef_weight
        out = a * np.asarray(self.ranchers.yes_share(gb)) + (1.0 - a) * np.asarray(self.farmers.yes_share(gc))
        return scalar_or_array(np.asarray(out, dtype=float))  # type: ignore[return-value]

    def ratifies(self, beef: npt.ArrayLike, citrus: npt.ArrayLike) -> bool | npt.NDArray[np.bool_]:
        r"""Whether package(s) pass the side's up-or-down vote: :math:`V_S \ge q_S`."""
        return scalar_or_array(reaches_quota(self.yes_share(beef, citrus), self.quota))  # type: ignore[return-value]

    @cached_property
    def laws(self) -> tuple[SmoothLaw, SmoothLaw]:
        """The (beef, citrus) smooth laws used for gradients."""
        beef = self.beef_law if self.beef_law is not None else SmoothLaw.logistic_kernel(self.ranchers)
        citrus = self.citrus_law if self.citrus_law is not None else SmoothLaw.logistic_kernel(self.farmers)
        return beef, citrus

    def gradient(self, beef: npt.ArrayLike, citrus: npt.ArrayLike) -> tuple[Array, Array]:
        r""":math:`(\partial V/\partial b, \partial V/\partial c)` from the smooth laws.

        For A both components are :math:`\ge 0`, for B :math:`\le 0`. They may be
        infinite on the box edges (power laws with :math:`\gamma < 1`).
        """
        gb, gc = self.own_gains(beef, citrus)
        law_b, law_c = self.laws
        sign = 1.0 if self.side == "A" else -1.0
        a = self.beef_weight
        return sign * a * law_b.density(gb), sign * (1.0 - a) * law_c.density(gc)


def check_side(name: str, constituency: object, expected: str | None = None) -> TwoIssueConstituency:
    """A :class:`TwoIssueConstituency`, of side ``expected`` if given."""
    c = check_instance(name, constituency, TwoIssueConstituency)
    if expected is not None and c.side != expected:
        raise ValueError(f"{name} must be side {expected!r}'s constituency, got side {c.side!r}")
    return c
