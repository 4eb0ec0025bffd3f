"""twolevel: the model of Putnam's two-level games, as the book computes it.

A flat public API over small modules, one idea each::

    import twolevel as tl
    x = tl.Constituency.uniform(spread=0.6)
    y = tl.Constituency.uniform(spread=0.9)
    feasible = tl.overlap(tl.win_set(x, 0.5, "X"), tl.win_set(y, 2 / 3, "Y"))
    tl.nash_bargaining(feasible)

The model needs numpy only, and every public name is an attribute of ``tl``.
The one-issue and two-issue models (Chapters 4 and 5) are imported here; the
subpackages of Chapters 6 and 7 (``twolevel.institutions``,
``twolevel.tactics``) load on the first use of one of their names, so that
``import twolevel`` stays light (book/benchmarks.md); the heavy optional
layers load on first use too: ``twolevel.symbolic`` and
``twolevel.symbolic_packages`` (sympy) and ``twolevel.viz`` (matplotlib,
ipywidgets).

>>> import twolevel as tl
>>> round(tl.win_set(tl.Constituency.uniform(0.6, n=1001), 0.5, "X").lo, 2)
0.3
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import (
    agreement,
    bargaining,
    defection,
    linkage,
    memory,
    nonagreement,
    participation,
    profiles,
    scenarios,
    spatial,
    twoissue,
    winsets,
)
from .agreement import *  # noqa: F403
from .bargaining import *  # noqa: F403
from .defection import *  # noqa: F403
from .linkage import *  # noqa: F403
from .memory import *  # noqa: F403
from .nonagreement import *  # noqa: F403
from .participation import *  # noqa: F403
from .profiles import *  # noqa: F403
from .safety_margin import *  # noqa: F403  (Chapter 5: proposals inside the believed win-sets)
from .scenarios import *  # noqa: F403
from .spatial import *  # noqa: F403
from .spatial import SpatialConstituency, reversion_win_set
from .twoissue import *  # noqa: F403
from .twoissue import TwoIssueConstituency
from .winsets import *  # noqa: F403

if TYPE_CHECKING:
    from . import institutions, symbolic, symbolic_packages, tactics, viz
    from .institutions import *  # noqa: F403
    from .tactics import *  # noqa: F403

__version__ = "0.1.0"

# -- names kept for the chapters -------------------------------------------------
# The chapters were written against these names; each is documented here and
# listed in ALIASES so that a chapter can switch to the current name later.

#: Old name of :class:`TwoIssueConstituency` (one side's Level II on two issues).
TwoIssueSide = TwoIssueConstituency


def spatial_win_set(constituency: SpatialConstituency, reversion: float, quota: float) -> WinSet:  # noqa: F405
    """Old argument order of :func:`reversion_win_set` (reversion point before quota).

    ``spatial_win_set(c, reversion, quota)`` is ``reversion_win_set(c, quota, reversion)``:
    every other function takes the constituency, then the quota, then the rest.

    Examples
    --------
    >>> import twolevel as tl
    >>> tl.spatial_win_set(tl.SpatialConstituency([0.1, 0.5, 0.9]), 0.2, 0.5)
    WinSet(0.2, 0.8)

    References
    ----------
    Putnam (1988), note 31 (Shepsle and Weingast's win-set of the status quo), p. 437.
    """
    return reversion_win_set(constituency, quota, reversion)


#: Old name -> current name, for the chapter authors.
ALIASES = {"TwoIssueSide": "TwoIssueConstituency", "spatial_win_set": "reversion_win_set"}

_LAZY = ("symbolic", "symbolic_packages", "viz")

#: Public names of the subpackages loaded on first use (Chapters 6 and 7). Their
#: classes are a third of the package's dataclasses, and building a dataclass is
#: most of what importing this package costs; tests/twolevel/test_imports.py
#: checks these lists against each subpackage's ``__all__``.
_DEFERRED: dict[str, tuple[str, ...]] = {
    "institutions": (
        "AmendmentComparison", "Body", "Chamber", "ConferenceOutcome", "ConsensusNorm",
        "DecompositionReturns", "LeverOutcome", "QuotaRule", "RatificationRule", "RuleOutcome",
        "SeatRule", "WeightedVotes", "autonomous_win_set", "autonomy_agreement_probability",
        "autonomy_share", "committee_expectations", "compare_procedures", "conference_outcome",
        "decomposition_returns", "disciplined_quota", "disciplined_win_set", "institutional_win_set",
        "lever_outcome", "nested_win_set", "piecemeal_mask", "pivot_of", "rule_outcome",
        "rule_win_set", "simple_majority", "tighter_constraint", "tree_from_spec", "two_thirds",
        "unanimity", "worthwhile_depth",
    ),
    "tactics": (
        "CollusivePath", "Package", "PopularityEffect", "RallyOutcome", "RankEffect",
        "SummitPayoff", "SwingConstituency", "across_the_board", "add_goodwill",
        "best_use_of_budget", "brute_force_package", "cheapest_package", "collusive_path",
        "commitment_groups", "negotiator_win_set", "net_shares", "opposite_popularity",
        "rally_outcome", "rally_tradeoff", "rank_effects", "retaliation_outcome",
        "transaction_benefits",
    ),
}
_DEFERRED_OWNER = {name: sub for sub, names in _DEFERRED.items() for name in names}
#: The numpy-only modules imported above, whose public names make up the flat API.
_MODEL_MODULES = tuple(
    m for m in list(globals().values())
    if isinstance(m, ModuleType) and m.__name__.startswith(__name__ + ".") and m.__name__.rsplit(".", 1)[1] not in _LAZY
    and not m.__name__.rsplit(".", 1)[1].startswith("_")
)

__all__ = sorted(
    {name for module in _MODEL_MODULES for name in module.__all__}
    | set(_DEFERRED_OWNER)
    | set(ALIASES)
    | {"ALIASES", *_LAZY}
)


def __getattr__(name: str) -> Any:
    # sympy and matplotlib are heavy: load these subpackages only when used.
    if name in _LAZY:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    sub = name if name in _DEFERRED else _DEFERRED_OWNER.get(name)
    if sub is not None:
        module = importlib.import_module(f".{sub}", __name__)
        globals()[sub] = module
        globals().update({n: getattr(module, n) for n in _DEFERRED[sub]})
        return globals()[name]
    raise AttributeError(f"module 'twolevel' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
