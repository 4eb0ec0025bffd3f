"""Yes-share grids and win-set masks (twolevel.twoissue.grid)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import default_pair

import twolevel as tl


def test_grid_is_the_yes_share_and_is_reused_across_quotas():
    a, _ = default_pair(n=501)
    g = tl.iso_vote_grid(a, 41)
    beef, citrus = np.meshgrid(g.b, g.c)
    np.testing.assert_allclose(g.values, a.yes_share(beef, citrus), atol=1e-14)
    m1 = tl.win_set_mask(a, g)
    m2 = tl.win_set_mask(a.with_quota(0.8), g)
    assert m2.sum() < m1.sum() and not (m2 & ~m1).any()
    assert np.array_equal(tl.win_set_mask(a, resolution=41), m1)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.integers(max_value=10), st.integers(min_value=4002)))
def test_grid_sizes_out_of_range(n):
    a, b = default_pair(n=11)
    for fn in (
        lambda: tl.iso_vote_grid(a, n),
        lambda: tl.lens(a, b, n),
        lambda: tl.contour(a, n),
        lambda: tl.lens_corners(a, b, n),
        lambda: tl.contract_curve(a, b, n),
        lambda: tl.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 0.1, a.farmers, 0.5, n),
    ):
        with pytest.raises(ValueError, match=r"n must be an integer >= 11 and <= 4001"):
            fn()
