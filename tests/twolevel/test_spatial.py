"""Tests of twolevel.spatial: a heterogeneous issue, ideal points and a reversion point (note 31, p. 443)."""

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import quotas, spatial_constituencies, unit

import twolevel as tl


def test_reversion_majority_win_set_is_reflection_in_the_median():
    voters = tl.SpatialConstituency([0.1, 0.3, 0.5, 0.7, 0.9])
    # Median 0.5; reversion 0.2: agreements between 0.2 and 2*0.5 - 0.2 = 0.8 win.
    assert tl.reversion_win_set(voters, 0.5, 0.2) == tl.WinSet(0.2, 0.8)
    # Both "too far" and "not far enough" voters exist: 0.85 loses (0.1, 0.3, 0.5 against).
    assert voters.approval_share(0.85, 0.2) == pytest.approx(0.4)


def test_reversion_supermajority_gridlock():
    voters = tl.SpatialConstituency(np.linspace(0, 1, 101))
    # Under a 2/3 rule the pivots sit near 1/3 and 2/3; a reversion point between them cannot be beaten.
    w = tl.reversion_win_set(voters, 2 / 3, 0.5)
    assert w.lo == w.hi == 0.5


@settings(max_examples=150, deadline=None)
@given(spatial_constituencies(), unit, quotas)
def test_reversion_win_set_matches_vote_counting(voters, x0, q):
    w = tl.reversion_win_set(voters, q, x0)
    grid = np.linspace(0, 1, 401)
    share = voters.approval_share(grid, x0)
    inside = w.contains(grid)
    # Every agreement inside wins; every agreement clearly outside loses.
    assert np.all(share[inside] >= q * (1 - 1e-9))
    far = (grid < w.lo - 1e-9) | (grid > w.hi + 1e-9)
    assert np.all(share[far] < q)
    assert w.contains(x0)
