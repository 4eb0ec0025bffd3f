"""Note 56: a heterogeneous issue in the box (twolevel.twoissue.heterogeneous)."""

import numpy as np
from inputs import default_pair

import twolevel as tl


def test_heterogeneous_beef_win_set_is_not_a_wedge():
    # Ranchers' ideal beef gains cluster around 0.4; no-agreement leaves them at 0.1.
    ideals = tl.SpatialConstituency(np.linspace(0.3, 0.5, 41))
    farmers = tl.Constituency.uniform(1.0, 201)
    grid = tl.heterogeneous_iso_vote_grid(ideals, 0.1, farmers, 0.7, resolution=101)
    win = grid.values >= 0.75
    i_mid, i_high = np.searchsorted(grid.b, 0.4), np.searchsorted(grid.b, 0.95)
    j_top = grid.c.size - 1
    assert win[j_top, i_mid]  # (0.4, 1) is ratified ...
    assert not win[j_top, i_high]  # ... but (0.95, 1), northeast of it, is not: A's ranchers think it too much
    # Each row of the win-set is an interval closed on both sides: the contour is closed, not a wedge.
    row = win[j_top]
    on = np.flatnonzero(row)
    assert on[0] > 0 and on[-1] < row.size - 1 and np.all(np.diff(on) == 1)
    # Every rancher's approval set is an interval containing the reversion point, so each row of
    # the win-set is one interval around it. Here no row reaches b = 0 or b = 1 and the bottom row
    # is not empty: the contour V = q is two separate curves, each from the bottom edge to the top.
    g2 = tl.heterogeneous_iso_vote_grid(ideals, 0.1, farmers, 0.8, resolution=101)
    win2 = g2.values >= 0.75
    for row in win2:
        on = np.flatnonzero(row)
        assert on.size and on[0] > 0 and on[-1] < row.size - 1 and np.all(np.diff(on) == 1)
    # With the lower weight the bottom row is empty: a U-shaped contour with both ends on the top edge.
    assert not win[0].any()
    # The homogeneous side never does this.
    assert np.all(np.diff(tl.iso_vote_grid(default_pair(n=101)[0], 51).values, axis=1) >= 0)
