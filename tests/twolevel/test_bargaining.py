"""Tests of twolevel.bargaining: the division of gains inside the overlap (p. 440)."""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from inputs import disagreement_values, unit

import twolevel as tl


def test_nash_moves_toward_y_as_y_win_set_contracts():
    # Chapter 4's worked numbers: 0.50 -> 0.40 -> no deal as Y's quota rises.
    x, y = tl.Constituency.uniform(0.6, 100_001), tl.Constituency.uniform(0.9, 100_001)
    wx = tl.win_set(x, 0.5, "X")
    outcomes = [tl.nash_bargaining(tl.overlap(wx, tl.win_set(y, q, "Y"))) for q in (0.5, 2 / 3, 1.0)]
    assert outcomes[0] == pytest.approx(0.5)
    assert outcomes[1] == pytest.approx(0.4, abs=1e-4)
    assert outcomes[2] is None


def test_disagreement_values_shift_the_nash_point():
    assert tl.nash_bargaining(tl.WinSet(0.0, 1.0), d_x=0.2, d_y=0.0) == pytest.approx(0.6)
    assert tl.split_the_difference(tl.WinSet(0.3, 0.55)) == pytest.approx(0.425)
    assert tl.split_the_difference(tl.WinSet.empty()) is None


bounds = st.tuples(unit, unit).map(sorted)


@settings(max_examples=300, deadline=None)
@given(unit, unit, unit, disagreement_values, disagreement_values)
def test_own_contraction_never_lowers_own_share(x1, y1a, y1b, dx, dy):
    """Schelling (p. 440): under complete information, a side whose win-set contracts
    while the overlap stays non-empty never receives less."""
    wide_hi, narrow_hi = max(y1a, y1b), min(y1a, y1b)
    assume(narrow_hi >= x1)  # otherwise the overlap vanishes: that is deadlock, tested elsewhere
    wide = tl.nash_bargaining(tl.WinSet(x1, wide_hi), dx, dy)
    narrow = tl.nash_bargaining(tl.WinSet(x1, narrow_hi), dx, dy)
    assert 1 - narrow >= 1 - wide  # Y's share
    s_wide = tl.split_the_difference(tl.WinSet(x1, wide_hi))
    s_narrow = tl.split_the_difference(tl.WinSet(x1, narrow_hi))
    assert 1 - s_narrow >= 1 - s_wide


@settings(max_examples=200, deadline=None)
@given(bounds, disagreement_values, disagreement_values)
def test_outcome_is_always_ratifiable(lohi, dx, dy):
    lo, hi = lohi
    x = tl.nash_bargaining(tl.WinSet(lo, hi), dx, dy)
    assert lo <= x <= hi
