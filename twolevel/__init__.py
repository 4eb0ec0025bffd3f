"""twolevel: the model of Putnam's two-level games, as the book computes it.

A flat public API over small modules, one idea each::

    import twolevel as tl
    x = tl.Constituency.uniform(spread=0.6)
    y = tl.Constituency.uniform(spread=0.9)
    feasible = tl.overlap(tl.win_set(x, 0.5, "X"), tl.win_set(y, 2 / 3, "Y"))
    tl.nash_bargaining(feasible)

The model needs numpy only, and ``import twolevel`` stays light: only the
one-issue core (:mod:`twolevel.winsets`) is imported eagerly, and every other
public name is loaded on first use. ``twolevel.symbolic`` and
``twolevel.symbolic_packages`` (sympy) and ``twolevel.viz`` (matplotlib,
ipywidgets) load only when a chapter touches them.
"""

from __future__ import annotations

import importlib
from typing import Any

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

# Everything else is loaded on first use (SPEC 1-style lazy loading), so that
# `import twolevel` costs little more than `import numpy`: a chapter pays only
# for the modules it touches. `from twolevel import lens` works as usual.
_LAZY_NAMES = {
    "agreement": ("agreement_probability", "expected_win_set_size"),
    "bargaining": ("nash_bargaining", "split_the_difference"),
    "defection": ("DefectionRates", "defection_rates", "simulate_defection"),
    "linkage": ("LinkageCountry", "LinkageResult", "linkage_outcome"),
    "nonagreement": ("constituency_from_costs", "isolationist_mix", "self_sufficient"),
    "packages": (
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
        "tangency_residual",
        "win_set_mask",
    ),
    "participation": ("effective_constituency", "participation_from_stakes", "politicise"),
    "profiles": (
        "NO_AGREEMENT",
        "Bloc",
        "DivisionEffect",
        "Profile",
        "condorcet_winner",
        "division_effect",
        "profile_win_set",
        "putnam_example",
        "support",
        "united_counterpart",
    ),
}
_NAME_TO_MODULE = {name: mod for mod, names in _LAZY_NAMES.items() for name in names}

__version__ = "0.1.0"

_CORE = [
    "TIE_TOLERANCE",
    "Constituency",
    "SpatialConstituency",
    "WinSet",
    "deadlock_quota",
    "overlap",
    "ratifies",
    "spatial_win_set",
    "win_set",
]
_LAZY = {"symbolic", "symbolic_packages", "viz"}
__all__ = sorted(_CORE + list(_NAME_TO_MODULE) + list(_LAZY))


def __getattr__(name: str) -> Any:
    # sympy and matplotlib are heavy: load these subpackages only when used.
    if name in _LAZY:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    if name in _NAME_TO_MODULE:
        value = getattr(importlib.import_module(f".{_NAME_TO_MODULE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'twolevel' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
