r"""Level I negotiators' strategies: how a chief negotiator can enlarge his win-set (pp. 450–452).

"The size of the win-set depends on the strategies of the Level I
negotiators" (p. 450). One idea per module:

- :mod:`~twolevel.strategies.mixed`: mixed motives about one's own win-set, and
  the tactical dilemma of rallying (or "softening up") constituents, as a
  two-period model;
- :mod:`~twolevel.strategies.sidepayments`: probabilistic constituents and
  side-payments valued by their marginal contribution to the probability of
  ratification; the cheapest package reaching a target probability;
- :mod:`~twolevel.strategies.retaliation`: retaliation targeted at the
  uncommitted, and negotiators "moving jointly towards points of tangency"
  in the two-issue box of :mod:`twolevel.preferences`;
- :mod:`~twolevel.strategies.goodwill`: generic good will, the popularity of
  the opposite number, "transaction benefits" and the rank of the negotiator;
- :mod:`~twolevel.strategies.scenario`: the chapter's scenarios.

>>> import twolevel as tl
>>> c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
>>> round(c.ratification_probability(0.6), 2)
0.21
>>> round(tl.cheapest_package(c, 0.6, target=0.9).cost, 3)
0.016
"""

from .goodwill import *
from .goodwill import __all__ as _goodwill
from .mixed import *
from .mixed import __all__ as _mixed
from .retaliation import *
from .retaliation import __all__ as _retaliation
from .scenario import *
from .scenario import __all__ as _scenario
from .sidepayments import *
from .sidepayments import __all__ as _sidepayments

__all__ = [*_sidepayments, *_mixed, *_retaliation, *_goodwill, *_scenario]
