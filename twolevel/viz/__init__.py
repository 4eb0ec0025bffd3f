"""Figures and explorers: the only part of :mod:`twolevel` that imports matplotlib or ipywidgets.

- :mod:`twolevel.viz.figure1`: Putnam's Figure 1, drawn from the model.
- :mod:`twolevel.viz.figure2`: Putnam's Figure 2 (two-issue Edgeworth box), drawn from the model.
- :mod:`twolevel.viz.explorers`: live ipywidgets explorers for JupyterLab.
- :mod:`twolevel.viz.frames`: the one helper that keeps a figure interactive in
  the static HTML book (precomputed frames switched by range inputs).
"""

from .figure1 import Figure1, Figure1State, figure1_state, figure1_static_explorer, putnam_figure1
from .figure2 import Figure2, Figure2State, figure2_state, figure2_static_explorer, putnam_figure2
from .frames import Control, StaticExplorer, static_explorer

__all__ = [
    "Control",
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
]


def figure1_explorer(**kwargs):  # noqa: ANN003, ANN201 - thin lazy wrapper
    """Live ipywidgets explorer of Figure 1 (see :class:`twolevel.viz.explorers.Figure1Explorer`)."""
    from .explorers import Figure1Explorer

    return Figure1Explorer(**kwargs)


def figure2_explorer(**kwargs):  # noqa: ANN003, ANN201 - thin lazy wrapper
    """Live ipywidgets explorer of Figure 2 (see :class:`twolevel.viz.explorers.Figure2Explorer`)."""
    from .explorers import Figure2Explorer

    return Figure2Explorer(**kwargs)
