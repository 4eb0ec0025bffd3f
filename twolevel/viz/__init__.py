"""Figures and explorers: the only part of :mod:`twolevel` that imports matplotlib or ipywidgets.

- :mod:`twolevel.viz.figure1`: Putnam's Figure 1, drawn from the model.
- :mod:`twolevel.viz.figure2`: Putnam's Figure 2 (two-issue Edgeworth box), drawn from the model.
- :mod:`twolevel.viz.explorers`: live ipywidgets explorers for JupyterLab.
- :mod:`twolevel.viz.frames`: the one helper that keeps a figure interactive in
  the static HTML book (precomputed frames switched by range inputs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..preferences.scenario import Figure2Params
from ..scenario import Figure1Params
from .figure1 import Figure1, Figure1State, figure1_state, figure1_static_explorer, putnam_figure1
from .figure2 import Figure2, Figure2State, figure2_state, figure2_static_explorer, putnam_figure2
from .frames import Control, StaticExplorer, static_explorer
from .figure_institutions import *  # noqa: F403  (chapter 6)
from .figure_institutions import __all__ as _institutions
from .figure_strategies import *  # noqa: F403  (Chapter 7's budget figure)
from .figure_strategies import __all__ as _strategies_all

if TYPE_CHECKING:
    from .explorers import Figure1Explorer, Figure2Explorer

__all__ = [
    "Control",
    "Figure1Params",
    "Figure2Params",
    "Figure1",
    "Figure1State",
    "Figure2",
    "Figure2State",
    "StaticExplorer",
    "figure1_explorer",
    "figure1_state",
    "figure1_static_explorer",
    "figure2_explorer",
    "figure2_state",
    "figure2_static_explorer",
    "putnam_figure1",
    "putnam_figure2",
    "static_explorer",
    *_strategies_all,
]
__all__ += _institutions


def figure1_explorer(params: Figure1Params | None = None, **overrides: float) -> Figure1Explorer:
    """Live ipywidgets explorer of Figure 1 (see :class:`twolevel.viz.explorers.Figure1Explorer`).

    ipywidgets is imported only here, when an explorer is made.

    Examples
    --------
    >>> e = tl.viz.figure1_explorer(quota_y=0.95)
    >>> "deadlock" in e.summary.value
    True

    References
    ----------
    Putnam (1988), Figure 1, p. 441. Book: chapter 4.
    """
    from .explorers import Figure1Explorer

    return Figure1Explorer(params, **overrides)


def figure2_explorer(params: Figure2Params | None = None, **overrides: float) -> Figure2Explorer:
    """Live ipywidgets explorer of Figure 2 (see :class:`twolevel.viz.explorers.Figure2Explorer`).

    ipywidgets is imported only here, when an explorer is made.

    Examples
    --------
    >>> e = tl.viz.figure2_explorer(tl.Figure2Params(quota_b=0.85))
    >>> "deadlock" in e.summary.value
    True

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: chapter 5.
    """
    from .explorers import Figure2Explorer

    return Figure2Explorer(params, **overrides)
