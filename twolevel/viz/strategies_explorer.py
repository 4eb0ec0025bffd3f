"""Live ipywidgets explorer of Chapter 7's budget figure (JupyterLab; a kernel is needed).

Importing this module imports ipywidgets; :mod:`twolevel.viz` does not import it.
"""

from __future__ import annotations

from typing import Any

from .explorers import _Explorer
from .figure_strategies import BudgetFigure, BudgetState, budget_state

__all__ = ["BudgetExplorer"]


class BudgetExplorer(_Explorer):
    """The budget figure driven by the budget, the deal, the quota and the mood's scale.

    Parameters
    ----------
    **scenario
        Initial values for :func:`twolevel.viz.budget_state` (``budget``, ``deal``,
        ``quota``, ``mood``, ``spread``, ``seats``).

    Examples
    --------
    >>> from twolevel.viz.strategies_explorer import BudgetExplorer
    >>> e = BudgetExplorer(budget=0.02)
    >>> e.budget.value, bytes(e.image.value[:4])
    (0.02, b'\\x89PNG')

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """

    DPI = 90

    def __init__(self, **scenario: Any):
        self.scenario = dict(scenario)
        start = budget_state(**self.scenario)
        self.drawing = BudgetFigure(start)
        self.budget = self._slider("budget of side-payments", start.budget, 0.0, 0.05)
        self.deal = self._slider("deal (the side's share)", start.deal, 0.3, 0.9)
        self.quota = self._slider("quota", start.constituency.quota, 0.5, 1.0)
        self.mood = self._slider("scale of the mood shock", start.constituency.mood, 0.01, 0.2)
        self._assemble((self.budget, self.deal, self.quota, self.mood))

    def _state(self) -> BudgetState:
        kw = {**self.scenario, "budget": self.budget.value, "deal": self.deal.value,
              "quota": self.quota.value, "mood": self.mood.value}
        return budget_state(**kw)
