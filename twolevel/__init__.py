"""twolevel: the model of Putnam's two-level games, as the book computes it.

A flat public API over small modules, one idea each::

    import twolevel as tl
    x = tl.Constituency.uniform(spread=0.6)
    y = tl.Constituency.uniform(spread=0.9)
    feasible = tl.overlap(tl.win_set(x, 0.5, "X"), tl.win_set(y, 2 / 3, "Y"))
    tl.nash_bargaining(feasible)

The model needs numpy only. ``twolevel.symbolic`` and ``twolevel.symbolic_packages``
(sympy) and ``twolevel.viz``
(matplotlib, ipywidgets) are imported on first use, so ``import twolevel``
stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

from .agreement import agreement_probability, expected_win_set_size
from .bargaining import nash_bargaining, split_the_difference
from .defection import DefectionRates, defection_rates, simulate_defection
from .linkage import LinkageCountry, LinkageResult, linkage_outcome
from .nonagreement import constituency_from_costs, isolationist_mix, self_sufficient
from .packages import (
    Curve,
    IsoVoteGrid,
    Lens,
    SmoothLaw,
    TwoIssueSide,
    contour,
    contract_curve,
    heterogeneous_iso_vote_grid,
    iso_vote_curve,
    iso_vote_grid,
    lens,
    lens_corners,
    tangency_residual,
    win_set_mask,
)
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
from .winsets import (
    TIE_TOLERANCE,
    Constituency,
    SpatialConstituency,
    WinSet,
    deadlock_quota,
    overlap,
    ratifies,
    spatial_win_set,
    win_set,
)

__version__ = "0.1.0"

__all__ = [
    "NO_AGREEMENT",
    "TIE_TOLERANCE",
    "Bloc",
    "Curve",
    "IsoVoteGrid",
    "Lens",
    "SmoothLaw",
    "TwoIssueSide",
    "contour",
    "contract_curve",
    "heterogeneous_iso_vote_grid",
    "iso_vote_curve",
    "iso_vote_grid",
    "lens",
    "lens_corners",
    "symbolic_packages",
    "tangency_residual",
    "win_set_mask",
    "DivisionEffect",
    "LinkageCountry",
    "LinkageResult",
    "Profile",
    "condorcet_winner",
    "constituency_from_costs",
    "division_effect",
    "effective_constituency",
    "isolationist_mix",
    "linkage_outcome",
    "participation_from_stakes",
    "politicise",
    "profile_win_set",
    "putnam_example",
    "self_sufficient",
    "support",
    "united_counterpart",
    "Constituency",
    "DefectionRates",
    "SpatialConstituency",
    "WinSet",
    "agreement_probability",
    "deadlock_quota",
    "defection_rates",
    "expected_win_set_size",
    "nash_bargaining",
    "overlap",
    "ratifies",
    "simulate_defection",
    "spatial_win_set",
    "split_the_difference",
    "symbolic",
    "viz",
    "win_set",
]

_LAZY = {"symbolic", "symbolic_packages", "viz"}


def __getattr__(name: str) -> Any:
    # sympy and matplotlib are heavy: load these subpackages only when used.
    if name in _LAZY:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'twolevel' has no attribute {name!r}")
