"""Figures and explorers: the only part of :mod:`twolevel` that imports matplotlib (and, on demand, ipywidgets).

**Layout.** One module per part of the article a chapter teaches, named as
the model's part it draws, so that ``viz`` mirrors the package:

- :mod:`twolevel.viz.winsets` (Chapter 4, the shared core: win-sets):
  Putnam's Figure 1;
- :mod:`twolevel.viz.preferences` (Chapter 5, ``twolevel.preferences``):
  Putnam's Figure 2, the Edgeworth box of two-issue packages;
- :mod:`twolevel.viz.institutions` (Chapter 6, ``twolevel.institutions``):
  the rule, discipline and autonomy on one line; the paradox of state strength;
- :mod:`twolevel.viz.strategies` (Chapter 7, ``twolevel.strategies``):
  side-payments, rallies, collusion.

A later chapter adds its module beside them (``uncertainty``,
``reverberation``, ``negotiator``). Each holds, for its figures, a state
computed by the model, a drawing that follows the state, the static chart,
the static explorer and one factory for the live explorer: every one of them
takes the model's scenario for its part (:class:`twolevel.Figure1Params`,
:class:`twolevel.Figure2Params`, :class:`twolevel.InstitutionsScenario`,
:class:`twolevel.BudgetScenario`), with keyword overrides of its fields
validated by :func:`twolevel.with_overrides`. ``viz`` defines no scenario of
its own and re-exports none: a scenario has one name, its ``tl.`` one.

The machinery they share, one concept per module:

- :mod:`twolevel.viz.palette`: every colour a figure draws with;
- :mod:`twolevel.viz.drawing`: the ``State`` and ``Drawing`` protocols, and
  the layout solved once;
- :mod:`twolevel.viz.share_line`: the line of X's shares of Figure 1 and
  the feasible range shaded on it (Chapters 4 and 6);
- :mod:`twolevel.viz.frames`: kernel-free explorers for the static book
  (precomputed frames; the draft switch ``TWOLEVEL_DRAFT_FRAMES``);
- :mod:`twolevel.viz.live`: live explorers for JupyterLab (ipywidgets,
  imported only when a live explorer is made);
- :mod:`twolevel.viz.style`: how charts reach the page (SVG, fitted to a
  phone); applied when this package is imported in an IPython kernel.

The Sphinx side of the static explorers (frames written as files of the
site) is ``book/_ext/tl_frames.py``, beside the book's other extensions.

>>> from twolevel import viz
>>> p = tl.Figure1Params(quota_y=0.9)
>>> viz.figure1_state(p).feasible.is_empty, viz.figure1_state(p, quota_y=0.5).feasible.is_empty
(True, False)
>>> viz.figure1_state(p, quota_y=1.0).alt_text().endswith("deadlock.")
True
"""

from __future__ import annotations

from . import palette
from .drawing import Drawing, State, freeze_layout
from .frames import Control, StaticExplorer, draft_frames, static_explorer
from .institutions import (
    InstitutionsFigure,
    InstitutionsState,
    institutions_explorer,
    institutions_state,
    institutions_static_explorer,
    paradox_figure,
)
from .preferences import Figure2, Figure2State, figure2_explorer, figure2_state, figure2_static_explorer, putnam_figure2
from .strategies import (
    BudgetFigure,
    BudgetState,
    budget_curves,
    budget_explorer,
    budget_state,
    budget_static_explorer,
    collusion_figure,
    marginal_value_figure,
    rally_figure,
)
from .winsets import (
    Y_STAGES,
    Figure1,
    Figure1State,
    figure1_explorer,
    figure1_state,
    figure1_static_explorer,
    putnam_figure1,
)

__all__ = [
    # Chapter 4: Figure 1
    "Figure1State",
    "Figure1",
    "Y_STAGES",
    "figure1_state",
    "putnam_figure1",
    "figure1_static_explorer",
    "figure1_explorer",
    # Chapter 5: Figure 2
    "Figure2State",
    "Figure2",
    "figure2_state",
    "putnam_figure2",
    "figure2_static_explorer",
    "figure2_explorer",
    # Chapter 6
    "InstitutionsState",
    "InstitutionsFigure",
    "institutions_state",
    "institutions_static_explorer",
    "institutions_explorer",
    "paradox_figure",
    # Chapter 7
    "BudgetState",
    "BudgetFigure",
    "budget_curves",
    "budget_state",
    "budget_static_explorer",
    "budget_explorer",
    "rally_figure",
    "marginal_value_figure",
    "collusion_figure",
    # shared
    "palette",
    "Drawing",
    "State",
    "freeze_layout",
    "Control",
    "StaticExplorer",
    "static_explorer",
    "draft_frames",
]


def _in_ipython_kernel() -> bool:
    """Whether this process runs an IPython shell (a kernel, or the IPython terminal)."""
    import sys

    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    return get_ipython() is not None


if _in_ipython_kernel():
    from .style import use as _use_book_style

    _use_book_style()
