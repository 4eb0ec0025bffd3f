r"""Two issues at once: package deals, iso-vote curves and the lens (Figure 2).

Putnam relaxes "the assumption that the negotiations involve only one issue"
(p. 446): a chief negotiator trades "how much to yield on citrus exports to get
a better deal on beef". The tradeoffs "can be analyzed in terms of iso-vote or
'political indifference' curves ... except that the operational measure is
vote loss, not utility loss", in "an illustrative Edgeworth box analysis"
(Figure 2, p. 447). This subpackage makes that box computable, one idea per
module:

- :mod:`~twolevel.twoissue.side`: one side's constituencies and its yes-share
  on a package (:class:`TwoIssueConstituency`);
- :mod:`~twolevel.twoissue.laws`: smooth laws of reservation values, for gradients;
- :mod:`~twolevel.twoissue.grid`: the yes-share on a grid and the win-set on it;
- :mod:`~twolevel.twoissue.curves`: iso-vote curves and the contours A1–A2, B1–B2;
- :mod:`~twolevel.twoissue.lens`: the feasible packages and the lens's corners;
- :mod:`~twolevel.twoissue.contract`: tangency and the contract curve;
- :mod:`~twolevel.twoissue.heterogeneous`: note 56, a heterogeneous issue.

*Parametric family* (:meth:`TwoIssueConstituency.power`): reservation values
with CDF :math:`x^\gamma` on [0, 1]. For :math:`\gamma \le 1` the CDF is
concave, so :math:`V_A` is concave, its upper level sets are convex and the
iso-vote curves bow toward ``BM``: "each curve concave to point AM", as Putnam
draws them. :mod:`twolevel.symbolic_packages` derives the closed forms.

>>> import twolevel as tl
>>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=4001)
>>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=4001)
>>> round(float(a.yes_share(0.36, 0.36)), 2), bool(a.ratifies(0.36, 0.36))
(0.6, True)
>>> feasible = tl.lens(a, b, n=101)
>>> feasible.is_empty, round(feasible.area, 2)
(False, 0.33)
>>> [(round(p, 2), round(q, 2)) for p, q in tl.lens_corners(a, b)]
[(0.05, 0.95), (0.95, 0.05)]
"""

from .._checks import GAMMA_RANGE, GRID_RANGE
from .contract import contract_curve, tangency_residual
from .curves import Curve, contour, iso_vote_curve
from .grid import IsoVoteGrid, iso_vote_grid, win_set_mask
from .heterogeneous import heterogeneous_iso_vote_grid
from .laws import SmoothLaw
from .lens import Lens, lens, lens_corners
from .side import TwoIssueConstituency

__all__ = [
    "GAMMA_RANGE",
    "GRID_RANGE",
    "Curve",
    "IsoVoteGrid",
    "Lens",
    "SmoothLaw",
    "TwoIssueConstituency",
    "contour",
    "contract_curve",
    "heterogeneous_iso_vote_grid",
    "iso_vote_curve",
    "iso_vote_grid",
    "lens",
    "lens_corners",
    "tangency_residual",
    "win_set_mask",
]
