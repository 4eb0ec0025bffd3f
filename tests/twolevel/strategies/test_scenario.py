"""Tests of twolevel.strategies.scenario: Chapter 7's scenarios and what they compute."""

import numpy as np
import pytest

import twolevel as tl


def test_the_budget_scenario_is_the_chapters_functions_on_its_seats():
    s = tl.BudgetScenario(budget=0.02)
    c = tl.SwingConstituency.uniform(1.0, 100, 2 / 3, 0.05)
    assert np.array_equal(s.constituency().reservations, c.reservations)
    assert s.targeted().probability == tl.best_use_of_budget(c, 0.6, 0.02).probability
    assert s.spread_evenly().probability == tl.across_the_board(c, 0.6, 0.02).probability
    assert s.targeted().probability > s.spread_evenly().probability
    assert s.budgets()[-1] == 0.05
    np.testing.assert_allclose(s.replace(budget=0.1).budgets(5), [0.0, 0.025, 0.05, 0.075, 0.1])


def test_the_seats_are_built_once_for_every_deal_and_budget():
    """The same (immutable) constituency whatever the deal and the budget: what is cached on it is found again."""
    s = tl.BudgetScenario(n=40, quota=0.6)
    assert s.replace(deal=0.7, budget=0.03, max_budget=0.1).constituency() is s.constituency()
    assert s.replace(mood=0.1).constituency() is not s.constituency()
    with pytest.raises(ValueError, match="read-only"):
        s.constituency().reservations[0] = 0.5


def test_the_rally_scenario_is_rally_tradeoff():
    s = tl.RallyScenario(solution="nash", rallies=(-0.1, 0.0, 0.1))
    assert s.tradeoff() == tl.rally_tradeoff(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), [-0.1, 0.0, 0.1], 0.05, "nash")


def test_bad_parameters_name_themselves():
    with pytest.raises(ValueError, match="mood must be > 0"):
        tl.BudgetScenario(mood=0.0)
    with pytest.raises(ValueError, match="solution must be 'nash' or 'split'"):
        tl.RallyScenario(solution="kalai")
    with pytest.raises(TypeError, match="win_set_y must be a WinSet"):
        tl.RallyScenario(win_set_y=(0.0, 0.6))
    with pytest.raises(ValueError, match="rallies must lie in"):
        tl.RallyScenario(rallies=(0.0, 2.0))
