"""Tests of twolevel._numerics: the shared numerical helpers (one per job)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import quotas, seeds

from twolevel._numerics import (
    WEIGHT_UNITS,
    bisect,
    crossings,
    lower_weighted_quantile,
    quota_target,
    weight_units,
    weighted_select,
)


def test_bisect_finds_a_root_from_either_end():
    for lo, hi in ((0.0, 2.0), (2.0, 0.0)):
        a, b = bisect(lambda x, lo=lo: (x**2 - 2 < 0) == (lo**2 - 2 < 0), np.array([lo]), np.array([hi]), 60)
        np.testing.assert_allclose(0.5 * (a + b), np.sqrt(2.0), atol=1e-15)


def test_crossings_merge_flicker_and_drop_touches():
    x = np.linspace(0.0, 1.0, 101)
    roots = crossings(lambda t: np.asarray(t) - 0.3137, x, gap=0.0)
    np.testing.assert_allclose(roots, [0.3137], atol=1e-12)
    assert crossings(lambda t: (np.asarray(t) - 0.5) ** 2 + 1e-3, x, gap=0.0).size == 0


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 20_000), seeds, quotas)
def test_selection_gives_the_sorted_answer_bit_for_bit(n, seed, q):
    rng = np.random.default_rng(seed)
    r = np.round(rng.random(n), 3)  # many ties
    units = weight_units(rng.random(n) ** 4 + 1e-9)  # skewed weights
    total = int(units.sum())
    order = np.argsort(r, kind="stable")
    expected = float(lower_weighted_quantile(r[order], np.cumsum(units[order]), q))
    assert weighted_select(r, units, int(quota_target(q, total)), total) == expected


def test_weight_units_are_exact_and_survive_huge_weights():
    units = weight_units(np.array([1e308, 1e308, 1e308]))
    assert units.dtype == np.int64 and len(set(units.tolist())) == 1
    assert abs(int(units.sum()) - WEIGHT_UNITS) <= WEIGHT_UNITS * 1e-15  # float granularity of 2**62 / 3
