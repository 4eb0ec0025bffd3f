"""twolevel: the model of Putnam's two-level games, as the book computes it.

A flat public API over small modules, one idea each::

    import twolevel as tl
    talks = tl.Negotiation(tl.Constituency.uniform(0.6), tl.Constituency.uniform(0.9), rule_y=2 / 3)
    talks.overlap, talks.outcome("nash"), talks.outcome("split")

*One layout rule*: a flat shared core (constituencies, win-sets and
ratification, bargaining solutions, agreement and defection, scenarios,
configuration, the front door) and one subpackage per part of the article
that the chapters teach (``preferences`` for Chapter 5, ``institutions`` for
Chapter 6, ``strategies`` for Chapter 7; ``uncertainty``, ``reverberation`` and
``negotiator`` next), each with its scenarios in its own ``scenario`` module;
``viz`` draws them. Every public name is an attribute of ``tl``, and the
chapters call only ``tl.*`` (and ``twolevel.viz``).

The model needs numpy only. The core and Chapter 5 are imported here; the
subpackages of Chapters 6 and 7 load on the first use of one of their names,
so that ``import twolevel`` stays light (book/benchmarks.md); the heavy
optional layers load on first use too: the sympy closed forms
(``twolevel.symbolic``, and Chapter 5's :func:`package_formulas` and
:func:`exact_lens_corners`) and ``twolevel.viz`` (matplotlib, ipywidgets).

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
    config,
    defection,
    negotiation,
    preferences,
    safety_margin,
    scenario,
    spatial,
    winsets,
)
from .agreement import *
from .bargaining import *
from .config import *
from .defection import *
from .negotiation import *
from .preferences import *
from .safety_margin import *
from .scenario import *
from .spatial import *
from .winsets import *

if TYPE_CHECKING:
    from . import institutions, strategies, symbolic, viz
    from .institutions import *
    from .preferences.box_formulas import *
    from .strategies import *

__version__ = "0.1.0"

#: The numpy-only modules imported above, whose public names make up the flat API.
_MODEL_MODULES: tuple[ModuleType, ...] = (
    agreement,
    bargaining,
    config,
    defection,
    negotiation,
    preferences,
    safety_margin,
    scenario,
    spatial,
    winsets,
)

#: Modules loaded on first use of the attribute itself (sympy, matplotlib).
_LAZY = ("symbolic", "viz")

#: Public names of the modules loaded on first use of one of their names (Chapters 6 and 7, and
#: Chapter 5's sympy closed forms). Their classes are a third of the package's dataclasses, and
#: building a dataclass is most of what importing this package costs;
#: tests/twolevel/package/test_imports.py checks these lists against each module's ``__all__``.
_DEFERRED: dict[str, tuple[str, ...]] = {
    "institutions": (
        "AmendmentComparison",
        "Body",
        "Chamber",
        "ConferenceOutcome",
        "ConsensusNorm",
        "DecompositionReturns",
        "InstitutionsScenario",
        "LeverOutcome",
        "QuotaRule",
        "RatificationRule",
        "RuleOutcome",
        "RuleScenario",
        "SeatRule",
        "WeightedVotes",
        "autonomous_win_set",
        "autonomy_agreement_probability",
        "autonomy_share",
        "committee_expectations",
        "compare_procedures",
        "conference_outcome",
        "decomposition_returns",
        "disciplined_quota",
        "disciplined_win_set",
        "institutional_win_set",
        "lever_outcome",
        "nested_win_set",
        "piecemeal_mask",
        "pivot_of",
        "rule_outcome",
        "rule_win_set",
        "simple_majority",
        "tighter_constraint",
        "tree_from_spec",
        "two_thirds",
        "unanimity",
        "worthwhile_depth",
    ),
    "strategies": (
        "BudgetScenario",
        "CollusivePath",
        "Package",
        "PopularityEffect",
        "RallyOutcome",
        "RallyScenario",
        "RankEffect",
        "SummitPayoff",
        "SwingConstituency",
        "across_the_board",
        "add_goodwill",
        "best_use_of_budget",
        "brute_force_package",
        "cheapest_package",
        "collusive_path",
        "commitment_groups",
        "negotiator_win_set",
        "net_shares",
        "opposite_popularity",
        "rally_outcome",
        "rally_tradeoff",
        "rank_effects",
        "retaliation_outcome",
        "transaction_benefits",
    ),
    "preferences.box_formulas": ("PackageFormulas", "exact_lens_corners", "package_formulas"),
}
_DEFERRED_OWNER = {name: module for module, names in _DEFERRED.items() for name in names}

__all__ = sorted({name for module in _MODEL_MODULES for name in module.__all__} | set(_DEFERRED_OWNER) | set(_LAZY))


def __getattr__(name: str) -> Any:
    # sympy and matplotlib are heavy: load these modules only when used.
    if name in _LAZY:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    owner = name if name in _DEFERRED else _DEFERRED_OWNER.get(name)
    if owner is not None:
        module = importlib.import_module(f".{owner}", __name__)
        if "." not in owner:
            globals()[owner] = module
        globals().update({n: getattr(module, n) for n in _DEFERRED[owner]})
        return module if name == owner else globals()[name]
    raise AttributeError(f"module 'twolevel' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
