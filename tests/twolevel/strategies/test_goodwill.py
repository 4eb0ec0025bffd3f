"""Tests of twolevel.strategies.goodwill: good will as a shift of every constituent, and what it buys."""

import numpy as np
import pytest

import twolevel as tl


def test_goodwill_lowers_every_reservation_value_and_floors_at_zero():
    c = tl.Constituency([0.05, 0.4, 0.9], weights=[1, 2, 3])
    shifted = tl.add_goodwill(c, 0.1)
    assert np.allclose(shifted.reservations, [0.0, 0.3, 0.8]) and np.array_equal(shifted.weights, c.weights)


def test_opposite_popularity_is_the_rally_model_with_a_negative_rally():
    wx, wy = tl.WinSet(0.55, 1.0), tl.WinSet(0.0, 0.7)
    e = tl.opposite_popularity(wx, wy, 0.1, 0.05)
    o = tl.rally_outcome(wx, wy, -0.1, 0.05, "nash")
    assert (e.share_b, e.probability) == (1.0 - o.share, o.probability)
    assert e.room == pytest.approx(0.25)


def test_summit_payoffs_follow_the_formula():
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    s = tl.transaction_benefits(c, 0.6, publicity=0.1, success_bonus=0.3, failure_cost=0.2)
    p = c.ratification_probability(0.6)
    assert s.substantive == pytest.approx(0.1 + p * 0.3 - (1 - p) * 0.2)
    assert s.prefers_publicity == (p < 0.2 / 0.5)


def test_the_even_odds_win_set_is_where_the_cheapest_package_costs_the_budget():
    c = tl.SwingConstituency.uniform(0.6, 100, quota=0.5, mood=0.05)
    w = tl.negotiator_win_set(c, 0.01)
    assert tl.cheapest_package(c, w.lo, 0.5).cost == pytest.approx(0.01, abs=1e-9)
    assert tl.negotiator_win_set(c, 0.0) == tl.WinSet(float(np.sort(c.reservations)[49]), 1.0)


def test_rank_effects_bad_input_names_the_parameter():
    c = tl.SwingConstituency.uniform(0.9, 100, quota=0.6, mood=0.05)
    with pytest.raises(TypeError, match="win_set_y must be a WinSet"):
        tl.rank_effects(c, (0.0, 0.6), 0.1, 0.01)
    with pytest.raises(ValueError, match="goodwill must lie in"):
        tl.opposite_popularity(tl.WinSet(0.5, 1.0), tl.WinSet(0.0, 0.7), 1.5, 0.05)
