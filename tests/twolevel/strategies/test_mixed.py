"""Tests of twolevel.strategies.mixed: the two-period rally model (the chapter's claims are in test_ch07_claims.py)."""

import numpy as np
import pytest

import twolevel as tl

WX, WY = tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6)


def test_the_agreement_is_the_bargaining_solution_on_the_rallied_overlap():
    for solution in ("nash", "split"):
        o = tl.rally_outcome(WX, WY, 0.1, 0.05, solution)
        assert o.share == tl.bargain(tl.WinSet(0.4, 0.6), solution)


def test_the_probability_is_both_sides_logistic_odds():
    o = tl.rally_outcome(WX, WY, 0.0, 0.05)
    x = (0.3 + 0.6) / 2
    expected = 1 / (1 + np.exp(-(x - 0.3) / 0.05)) / (1 + np.exp(-(0.6 - x) / 0.05))
    assert o.probability == pytest.approx(expected, rel=1e-12)
    assert o.expected_share == pytest.approx(x * expected, rel=1e-12)


def test_deadlock_has_no_share_and_no_chance():
    assert tl.rally_outcome(WX, tl.WinSet.empty(), 0.0, 0.05) == tl.RallyOutcome(0.0, None, 0.0, 0.0)


def test_the_tradeoff_is_one_outcome_per_rally():
    rallies = np.linspace(-0.2, 0.2, 5)
    assert tl.rally_tradeoff(WX, WY, rallies, 0.05, "nash") == [
        tl.rally_outcome(WX, WY, r, 0.05, "nash") for r in rallies
    ]


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="solution must be 'nash' or 'split'"):
        tl.rally_outcome(WX, WY, 0.0, 0.05, solution="kalai")
    with pytest.raises(ValueError, match="rally must lie in"):
        tl.rally_outcome(WX, WY, 1.5, 0.05)
    with pytest.raises(TypeError, match="win_set_x must be a WinSet"):
        tl.rally_outcome((0.3, 1.0), WY, 0.0, 0.05)
