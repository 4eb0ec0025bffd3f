r"""Chapter 5's scenario: Figure 2's Edgeworth box as a validated parameter object.

>>> import twolevel as tl
>>> p = tl.Figure2Params()
>>> p.quota_a, p.n, p.resolution
(0.65, 2001, 301)
"""

from __future__ import annotations

from dataclasses import dataclass

from .._checks import check_gamma, check_grid_size, check_open_unit, check_quota
from ..scenario import Scenario, check_size, parameter
from .two_issues import TwoIssueConstituency

__all__ = ["Figure2Params"]


@dataclass(frozen=True, kw_only=True)
class Figure2Params(Scenario):
    r"""Figure 2's scenario: two sides of the power family in the Edgeworth box.

    Each side's reservation values have CDF :math:`x^\gamma` on both issues
    (:meth:`twolevel.TwoIssueConstituency.power`). Defaults: each side needs
    65% of its weight; A's ranchers hold 55% of A's votes and B's 45% of B's,
    so the contract curve bends away from the diagonal; :math:`\gamma = 1/2`
    (concave CDFs), and the bold contours cross twice, enclosing a lens as in
    Putnam's drawing.

    Parameters
    ----------
    alpha, beta : float
        Weight of the ranchers (beef voters) in A and in B, in (0, 1).
    gamma_a, gamma_b : float
        Shape of each side's reservation values, in :data:`twolevel.GAMMA_RANGE`;
        smaller is more curved.
    quota_a, quota_b : float
        Ratification quotas in (0, 1].
    n : int
        Constituents per issue and side, 1 to 1,000,000.
    resolution : int
        Grid points per axis for the shaded win-sets, in :data:`twolevel.RESOLUTION_RANGE`.

    Examples
    --------
    >>> import twolevel as tl
    >>> p = tl.Figure2Params(n=501)
    >>> a, b = p.constituencies()
    >>> a.side, b.side, a.quota
    ('A', 'B', 0.65)
    >>> round(tl.lens(a, b, resolution=101).area, 2)
    0.16
    >>> tl.Figure2Params(gamma_a=2.0)
    Traceback (most recent call last):
    ...
    ValueError: gamma_a must lie in [0.05, 1.0] (a concave CDF x**gamma), got 2.0

    References
    ----------
    Putnam (1988), Figure 2 and its discussion, pp. 446-447.
    """

    alpha: float = parameter(0.55, check_open_unit)
    beta: float = parameter(0.45, check_open_unit)
    gamma_a: float = parameter(0.5, check_gamma)
    gamma_b: float = parameter(0.5, check_gamma)
    quota_a: float = parameter(0.65, check_quota)
    quota_b: float = parameter(0.65, check_quota)
    n: int = parameter(2001, check_size)
    resolution: int = parameter(301, check_grid_size)

    def constituencies(self) -> tuple[TwoIssueConstituency, TwoIssueConstituency]:
        """A's and B's Level II (:meth:`twolevel.TwoIssueConstituency.power`)."""
        return (
            TwoIssueConstituency.power(self.alpha, self.gamma_a, self.gamma_a, self.quota_a, "A", self.n),
            TwoIssueConstituency.power(self.beta, self.gamma_b, self.gamma_b, self.quota_b, "B", self.n),
        )
