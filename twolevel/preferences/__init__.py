r"""Level II preferences and coalitions (Chapter 5; Putnam 1988, pp. 442-448).

One idea per module:

- :mod:`~twolevel.preferences.nonagreement`: the cost of no-agreement,
  isolationists and internationalists, self-sufficient states;
- :mod:`~twolevel.preferences.profiles`: finite alternatives, rankings and the
  45-45-10 example of a divided government;
- :mod:`~twolevel.preferences.participation`: participation, abstention and politicisation;
- :mod:`~twolevel.preferences.linkage`: synergistic issue linkage;
- the two-issue box of Figure 2 ("package deals"):
  :mod:`~twolevel.preferences.two_issues` (one side's constituencies and its
  yes-share on a package), :mod:`~twolevel.preferences.smooth_laws` (smooth laws
  of reservation values, for gradients), :mod:`~twolevel.preferences.vote_grid`
  (the yes-share on a grid), :mod:`~twolevel.preferences.iso_vote_curves`
  (iso-vote curves and the contours A1-A2, B1-B2), :mod:`~twolevel.preferences.lens`
  (the feasible packages), :mod:`~twolevel.preferences.tangency` (the contract
  curve), :mod:`~twolevel.preferences.heterogeneous_issue` (note 56);
- :mod:`~twolevel.preferences.box_formulas`: the box's closed forms with sympy
  (loaded on first use of one of its names);
- :mod:`~twolevel.preferences.scenario`: Figure 2's scenario.

Putnam relaxes "the assumption that the negotiations involve only one issue"
(p. 446): a chief negotiator trades "how much to yield on citrus exports to get
a better deal on beef". The tradeoffs "can be analyzed in terms of iso-vote or
'political indifference' curves ... except that the operational measure is
vote loss, not utility loss", in "an illustrative Edgeworth box analysis"
(Figure 2, p. 447). The modules above make that box computable.

*Parametric family* (:meth:`TwoIssueConstituency.power`): reservation values
with CDF :math:`x^\gamma` on [0, 1]. For :math:`\gamma \le 1` the CDF is
concave, so :math:`V_A` is concave, its upper level sets are convex and the
iso-vote curves bow toward ``BM``: "each curve concave to point AM", as Putnam
draws them. :mod:`twolevel.preferences.box_formulas` derives the closed forms.

>>> import twolevel as tl
>>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=4001)
>>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=4001)
>>> round(float(a.yes_share(0.36, 0.36)), 2), bool(a.ratifies(0.36, 0.36))
(0.6, True)
>>> feasible = tl.lens(a, b, resolution=101)
>>> feasible.is_empty, round(feasible.area, 2)
(False, 0.33)
>>> [(round(p, 2), round(q, 2)) for p, q in tl.lens_corners(a, b)]
[(0.05, 0.95), (0.95, 0.05)]
"""

from .._checks import GAMMA_RANGE, RESOLUTION_RANGE
from .heterogeneous_issue import heterogeneous_iso_vote_grid
from .iso_vote_curves import Curve, contour, iso_vote_curve
from .lens import Lens, lens, lens_corners
from .linkage import LinkageCountry, LinkageResult, linkage_outcome
from .nonagreement import constituency_from_costs, isolationist_mix, self_sufficient
from .participation import effective_constituency, participation_from_stakes, politicise
from .profiles import (
    NO_AGREEMENT,
    Bloc,
    DivisionEffect,
    Profile,
    condorcet_winner,
    division_effect,
    profile_win_set,
    putnam_example,
    support,
    united_counterpart,
)
from .scenario import Figure2Params
from .smooth_laws import SmoothLaw
from .tangency import contract_curve, tangency_residual
from .two_issues import TwoIssueConstituency
from .vote_grid import IsoVoteGrid, iso_vote_grid, win_set_mask

__all__ = [
    "GAMMA_RANGE",
    "RESOLUTION_RANGE",
    "NO_AGREEMENT",
    "Bloc",
    "Curve",
    "DivisionEffect",
    "Figure2Params",
    "IsoVoteGrid",
    "Lens",
    "LinkageCountry",
    "LinkageResult",
    "Profile",
    "SmoothLaw",
    "TwoIssueConstituency",
    "condorcet_winner",
    "constituency_from_costs",
    "contour",
    "contract_curve",
    "division_effect",
    "effective_constituency",
    "heterogeneous_iso_vote_grid",
    "isolationist_mix",
    "iso_vote_curve",
    "iso_vote_grid",
    "lens",
    "lens_corners",
    "linkage_outcome",
    "participation_from_stakes",
    "politicise",
    "profile_win_set",
    "putnam_example",
    "self_sufficient",
    "support",
    "tangency_residual",
    "united_counterpart",
    "win_set_mask",
]
