"""Level II institutions and the size of the win-set (Putnam 1988, pp. 448-450).

One idea per module:

- :mod:`~twolevel.institutions.rules`: ratification rules as objects (quotas,
  seats, weighted votes, a consensus norm);
- :mod:`~twolevel.institutions.consequences`: the four consequences of a
  tighter rule, from one change of rule;
- :mod:`~twolevel.institutions.amendment`: the up-or-down vote against
  piecemeal amendment; constituents who persuade themselves;
- :mod:`~twolevel.institutions.discipline`: party discipline and the 1986
  tax-reform conference;
- :mod:`~twolevel.institutions.autonomy`: autonomy and the paradox of state strength;
- :mod:`~twolevel.institutions.levers`: the rule, discipline and autonomy together;
- :mod:`~twolevel.institutions.nested`: a tree of ratifying bodies, and where
  decomposing it further stops paying;
- :mod:`~twolevel.institutions.scenario`: the chapter's scenarios.

>>> import twolevel as tl
>>> senate = tl.Constituency.uniform(0.9, n=100)
>>> tl.two_thirds().win_set(senate).width < tl.simple_majority().win_set(senate).width
True
"""

from .amendment import *
from .amendment import __all__ as _amendment
from .autonomy import *
from .autonomy import __all__ as _autonomy
from .consequences import *
from .consequences import __all__ as _consequences
from .discipline import *
from .discipline import __all__ as _discipline
from .levers import *
from .levers import __all__ as _levers
from .nested import *
from .nested import __all__ as _nested
from .rules import *
from .rules import __all__ as _rules
from .scenario import *
from .scenario import __all__ as _scenario

__all__ = [*_rules, *_consequences, *_amendment, *_discipline, *_autonomy, *_levers, *_nested, *_scenario]
