r"""Chapter 6's scenarios as validated parameter objects.

- :class:`RuleScenario`: the four consequences of a tighter rule (p. 448),
  taken by :func:`twolevel.rule_outcome` and :func:`twolevel.tighter_constraint`;
- :class:`InstitutionsScenario`: X's three levers (rule, discipline,
  autonomy) against Y's simple-majority win-set (pp. 448-450), the scenario
  of the chapter's institutions figure and explorers.

>>> import twolevel as tl
>>> s = tl.InstitutionsScenario(quota_x=2 / 3)
>>> round(s.outcome().share_x, 2)
0.6
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from functools import lru_cache

from .._checks import check_nonnegative, check_quota, check_seed, check_unit
from ..defection import check_temptation, check_uncertainty
from ..scenario import Scenario, check_size, parameter
from ..winsets import DEFAULT_SIZE, Constituency, WinSet, win_set
from .levers import LeverOutcome, lever_outcome

__all__ = ["RuleScenario", "InstitutionsScenario"]


@lru_cache(maxsize=16)
def _uniform(spread: float, n: int) -> Constituency:
    # Cached (Constituency is immutable): an explorer that moves X's levers builds each side once.
    return Constituency.uniform(spread, n)


@lru_cache(maxsize=16)
def _win_set_y(spread_y: float, quota_y: float, n: int) -> WinSet:
    return win_set(_uniform(spread_y, n), quota_y, "Y")


def _check_sample_size(name: str, value: object) -> int:
    return check_size(name, value, maximum=10_001)


def _check_trials(name: str, value: object) -> int:
    return check_size(name, value, maximum=1_000_000)


@dataclass(frozen=True)
class RuleScenario(Scenario):
    r"""The scenario of p. 448: uniform constituencies on :math:`[0, s]`, X's rule, and what follows from it.

    Parameters
    ----------
    spread_x, spread_y : float
        Upper ends of X's (the United States') and Y's (the partner's) reservation values, in [0, 1].
    quota_x, quota_y : float
        Quotas in (0, 1].
    uncertainty, reneging_cost, temptation : float
        :class:`twolevel.DefectionModel`'s parameters (keyword only).
    n : int
        Constituents per side for the win-sets (the population limit).
    sample_size, trials, seed : int
        :func:`twolevel.agreement_probability`'s sample, replications and seed.

    Examples
    --------
    >>> s = tl.RuleScenario(0.9, 0.6, 0.5, 0.5, trials=1000)
    >>> s.replace(quota_x=2 / 3).quota_x > s.quota_x
    True

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``prop-tighter``.
    """

    spread_x: float = parameter(0.9, check_unit)
    spread_y: float = parameter(0.6, check_unit)
    quota_x: float = parameter(0.5, check_quota)
    quota_y: float = parameter(0.5, check_quota)
    _: KW_ONLY
    uncertainty: float = parameter(0.05, check_uncertainty)
    reneging_cost: float = parameter(1.0, check_nonnegative)
    temptation: float = parameter(1.0, check_temptation)
    n: int = parameter(DEFAULT_SIZE, check_size)
    sample_size: int = parameter(101, _check_sample_size)
    trials: int = parameter(4000, _check_trials)
    seed: int = parameter(0, check_seed)


@dataclass(frozen=True, kw_only=True)
class InstitutionsScenario(Scenario):
    r"""X's institutions against Y's win-set: the scenario of Chapter 6's figure and explorers.

    Both constituencies are uniform on :math:`[0, s]`; Y ratifies by its quota,
    X by its quota, with ``discipline`` and ``autonomy``
    (:func:`twolevel.institutional_win_set`).

    Parameters
    ----------
    spread_x, spread_y : float
        In [0, 1].
    quota_x, quota_y : float
        In (0, 1].
    discipline, autonomy, leader_reservation : float
        X's levers, in [0, 1].
    n : int
        Constituents per side.

    Examples
    --------
    >>> s = tl.InstitutionsScenario(quota_x=1.0)
    >>> s.outcome().feasible.is_empty
    True

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, ``ch06-explorer``.
    """

    spread_x: float = parameter(0.9, check_unit)
    spread_y: float = parameter(0.6, check_unit)
    quota_x: float = parameter(0.5, check_quota)
    quota_y: float = parameter(0.5, check_quota)
    discipline: float = parameter(0.0, check_unit)
    autonomy: float = parameter(0.0, check_unit)
    leader_reservation: float = parameter(0.0, check_unit)
    n: int = parameter(DEFAULT_SIZE, check_size)

    def constituency_x(self) -> Constituency:
        """X's constituency, uniform on :math:`[0, s_X]` (one object per spread and size: cached)."""
        return _uniform(self.spread_x, self.n)

    def win_set_y(self) -> WinSet:
        """Y's win-set under its quota (depends on Y's side only: cached)."""
        return _win_set_y(self.spread_y, self.quota_y, self.n)

    def outcome(self) -> LeverOutcome:
        """Both win-sets, the overlap and both sides' Nash shares (:func:`twolevel.lever_outcome`)."""
        return lever_outcome(
            self.constituency_x(),
            self.win_set_y(),
            self.quota_x,
            self.discipline,
            self.autonomy,
            self.leader_reservation,
        )
