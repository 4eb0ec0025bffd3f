"""Tests of twolevel.agreement: 'larger win-sets make Level I agreement more likely' (p. 437)."""

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import moderate_quotas, unit

import twolevel as tl


def test_probability_grid_shape_and_range():
    sx = np.linspace(0, 1, 6)[:, None]
    sy = np.linspace(0, 1, 5)[None, :]
    p = tl.agreement_probability(sx, sy, trials=500, sample_size=21)
    assert p.shape == (6, 5)
    assert np.all((p >= 0) & (p <= 1))
    assert p[0, 0] == 1.0  # nobody demands anything: both win-sets are everything


def test_small_win_sets_rarely_overlap():
    # Expected win-sets 1 - 0.9*0.5 = 0.55 each overlap almost surely; 1 - 1*1 = 0 almost never.
    big = tl.agreement_probability(0.9, 0.9, 0.5, 0.5, trials=4000)
    small = tl.agreement_probability(1.0, 1.0, 0.9, 0.9, trials=4000)
    assert big > 0.9 and small < 0.05


def test_reproducible_with_seed():
    a = tl.agreement_probability(0.8, 0.9, trials=1000, seed=3)
    b = tl.agreement_probability(0.8, 0.9, trials=1000, seed=3)
    assert a == b


@settings(max_examples=60, deadline=None)
@given(
    unit,
    unit,
    unit,
    unit,
    moderate_quotas,
    moderate_quotas,
    moderate_quotas,
)
def test_enlarging_either_win_set_never_lowers_the_probability(sx1, sx2, sy1, sy2, qx, qy1, qy2):
    """Shrinking a spread or lowering a quota enlarges that side's win-set; P(overlap) cannot fall."""
    kw = dict(trials=400, sample_size=31, seed=11)
    small_sx, large_sx = max(sx1, sx2), min(sx1, sx2)  # larger spread = smaller win-set
    p_small = tl.agreement_probability(small_sx, sy1, qx, qy1, **kw)
    p_large = tl.agreement_probability(large_sx, sy1, qx, qy1, **kw)
    assert p_large >= p_small
    lo_q, hi_q = sorted((qy1, qy2))
    assert tl.agreement_probability(sx1, sy2, qx, lo_q, **kw) >= tl.agreement_probability(sx1, sy2, qx, hi_q, **kw)


def test_expected_win_set_size():
    assert tl.expected_win_set_size(0.6, 0.5) == pytest.approx([0.7])
