r"""Chapter 7's scenarios as validated parameter objects.

- :class:`BudgetScenario`: a side's seats, a deal and a side-payment budget
  (pp. 450-451), the scenario of the chapter's budget figure and explorers;
- :class:`RallyScenario`: both win-sets, the Level II mood and the
  bargaining solution of the tactical dilemma (p. 450).

>>> import twolevel as tl
>>> s = tl.BudgetScenario()
>>> s.constituency().seats_needed, round(s.targeted().probability, 2)
(67, 0.81)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_instance, check_nonnegative, check_quota, check_unit
from ..bargaining import Solution, check_solution
from ..scenario import Scenario, check_size, parameter
from ..winsets import WinSet
from .mixed import RallyOutcome, rally_tradeoff
from .sidepayments import Package, SwingConstituency, _check_mood, across_the_board, best_use_of_budget

__all__ = ["BudgetScenario", "RallyScenario"]


@lru_cache(maxsize=32)
def _swing(spread: float, n: int, quota: float, mood: float) -> SwingConstituency:
    # Cached (SwingConstituency is immutable): the same object for the same seats, so that what is
    # cached on it (the budget figure's curves) is found again when only the deal or the budget moves.
    return SwingConstituency.uniform(spread, n, quota, mood)


def _check_win_set(name: str, value: object) -> WinSet:
    return check_instance(name, value, WinSet)


def _check_rallies(name: str, value: object) -> tuple[float, ...]:
    return tuple(float(v) for v in check_array(name, value, low=-1.0, high=1.0))


@dataclass(frozen=True, kw_only=True)
class BudgetScenario(Scenario):
    r"""A side's ``n`` seats, uniform on :math:`[0, s]`, a deal and a side-payment budget.

    Parameters
    ----------
    spread : float
        Upper end of the seats' reservation values, in [0, 1].
    n : int
        Seats (constituents).
    quota : float
        Share of the seats needed, in (0, 1].
    mood : float
        Scale :math:`s > 0` of the Level II shock.
    deal : float
        The side's share of the stake in the agreement, in [0, 1].
    budget, max_budget : float
        The budget spent, and the largest budget a figure plots; both :math:`\ge 0`.

    Examples
    --------
    >>> s = tl.BudgetScenario(budget=0.0)
    >>> s.targeted().probability == s.spread_evenly().probability
    True

    References
    ----------
    Putnam (1988), pp. 450-451. Book: chapter 7, figure ``fig-budget``.
    """

    spread: float = parameter(1.0, check_unit)
    n: int = parameter(100, check_size)
    quota: float = parameter(2 / 3, check_quota)
    mood: float = parameter(0.05, lambda name, value: _check_mood(value))
    deal: float = parameter(0.6, check_unit)
    budget: float = parameter(0.01, check_nonnegative)
    max_budget: float = parameter(0.05, check_nonnegative)

    def constituency(self) -> SwingConstituency:
        """The seats (:meth:`twolevel.SwingConstituency.uniform`; one object per spread, size, quota and mood: cached)."""
        return _swing(self.spread, self.n, self.quota, self.mood)

    def targeted(self) -> Package:
        """The package that buys the most probability for the budget (:func:`twolevel.best_use_of_budget`)."""
        return best_use_of_budget(self.constituency(), self.deal, self.budget)

    def spread_evenly(self) -> Package:
        """The same money spread over every seat (:func:`twolevel.across_the_board`)."""
        return across_the_board(self.constituency(), self.deal, self.budget)

    def budgets(self, points: int = 41) -> npt.NDArray[np.float64]:
        """``points`` budgets from 0 to the larger of ``budget`` and ``max_budget``, for a figure's curves."""
        return np.linspace(0.0, max(self.max_budget, self.budget), check_size("points", points, minimum=2))


@dataclass(frozen=True, kw_only=True)
class RallyScenario(Scenario):
    r"""The tactical dilemma's scenario: both win-sets, the mood and the bargaining solution.

    Parameters
    ----------
    win_set_x, win_set_y : WinSet
        X's win-set before the rally and Y's.
    mood : float
        Scale :math:`s > 0` of each side's Level II shock.
    rallies : sequence of float
        The rallies :math:`\rho \in [-1, 1]` to compare.
    solution : {"split", "nash"}
        The bargaining solution (:func:`twolevel.bargain`).

    Examples
    --------
    >>> s = tl.RallyScenario()
    >>> best = max(s.tradeoff(), key=lambda o: o.expected_share)
    >>> round(best.rally, 2)
    0.01

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, figure ``fig-rally``.
    """

    win_set_x: WinSet = parameter(WinSet(0.3, 1.0), _check_win_set)
    win_set_y: WinSet = parameter(WinSet(0.0, 0.6), _check_win_set)
    mood: float = parameter(0.05, lambda name, value: _check_mood(value))
    rallies: tuple[float, ...] = parameter(tuple(np.linspace(-0.2, 0.2, 41).tolist()), _check_rallies)
    solution: Solution = parameter("split", check_solution)

    def tradeoff(self) -> list[RallyOutcome]:
        """:func:`twolevel.rally_tradeoff` for the scenario."""
        return rally_tradeoff(self.win_set_x, self.win_set_y, self.rallies, self.mood, self.solution)
