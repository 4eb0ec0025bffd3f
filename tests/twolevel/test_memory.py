"""No public function's temporaries exceed the working memory (issue 8, "Scale and memory").

Each known offender is run at a moderate size with the bound lowered far
below what its unchunked temporaries would need, and its peak allocation is
measured with ``tracemalloc`` (numpy reports its buffers to it): the peak
stays within the bound plus the result and the inputs' caches, and the
answer is the one computed in a single pass.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import twolevel as tl

MiB = 1 << 20


def peak(func: Callable[[], Any]) -> tuple[Any, int]:
    """The result of ``func()`` and the peak of the memory it allocated, in bytes."""
    tracemalloc.start()
    try:
        out = func()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_working_memory_is_set_and_restored():
    assert tl.get_working_memory() == tl.DEFAULT_WORKING_MEMORY == 512
    with tl.working_memory(3) as mb:
        assert mb == tl.get_working_memory() == 3
        with tl.working_memory(5):
            assert tl.get_working_memory() == 5
        assert tl.get_working_memory() == 3
    assert tl.get_working_memory() == 512
    with pytest.raises(ValueError, match="megabytes"):
        tl.set_working_memory(0)
    with pytest.raises(TypeError, match="megabytes"):
        tl.working_memory(1.5)


def test_approval_share_within_the_bound():
    """Unchunked: 4,001 agreements x 4,001 voters = 16M entries, about 400 MiB of temporaries."""
    voters = tl.SpatialConstituency(np.linspace(0.0, 1.0, 4001))
    x = np.linspace(0.0, 1.0, 4001)
    small = tl.SpatialConstituency(voters.ideals[::40])
    reference = np.array([small.approval_share(v, 0.2) for v in x[:50]])
    with tl.working_memory(2):
        out, used = peak(lambda: voters.approval_share(x, 0.2))
        np.testing.assert_array_equal(small.approval_share(x[:50], 0.2), reference)
    assert used < 2 * MiB + 64 * x.size
    assert out.shape == x.shape and np.all((0 <= out) & (out <= 1))


def test_heterogeneous_iso_vote_grid_within_the_bound():
    ranchers = tl.SpatialConstituency(np.linspace(0.3, 0.5, 20_001))
    farmers = tl.Constituency.uniform(1.0, 20_001)
    whole = tl.heterogeneous_iso_vote_grid(ranchers, 0.1, farmers, 0.7, 101)
    with tl.working_memory(2):
        grid, used = peak(lambda: tl.heterogeneous_iso_vote_grid(ranchers, 0.1, farmers, 0.7, 101))
    # Unchunked: 101 x 20,001 entries of several arrays (about 60 MiB); bounded: 2 MiB plus the grid.
    assert used < 2 * MiB + 4 * grid.values.nbytes + MiB
    np.testing.assert_array_equal(grid.values, whole.values)


def test_contract_curve_of_empirical_sides_within_the_bound():
    """Logistic-kernel laws: each evaluation point costs a row of n temporaries."""
    n = 4001
    a = tl.TwoIssueConstituency(tl.Constituency.kumaraswamy(2, 3, n=n), tl.Constituency.uniform(0.8, n), 0.55, 0.6, "A")
    b = tl.TwoIssueConstituency(tl.Constituency.kumaraswamy(3, 2, n=n), tl.Constituency.uniform(0.9, n), 0.45, 0.6, "B")
    whole = tl.contract_curve(a, b, 11)
    a2, b2 = tl.TwoIssueConstituency(a.ranchers, a.farmers, 0.55, 0.6, "A"), tl.TwoIssueConstituency(
        b.ranchers, b.farmers, 0.45, 0.6, "B"
    )
    with tl.working_memory(4):
        curve, used = peak(lambda: tl.contract_curve(a2, b2, 11))
    # Unchunked: 11 x 181 points x 4,001 constituents x 8 bytes x several temporaries (about 250 MiB).
    assert used < 12 * MiB
    np.testing.assert_allclose(curve.b, whole.b)
    np.testing.assert_allclose(curve.c, whole.c, atol=1e-12)


def test_agreement_probability_within_the_bound():
    """At its largest parameters (10^6 trials x 10,001 constituents) it once asked for 149 GiB at once."""
    with tl.working_memory(1):
        p, used = peak(lambda: tl.agreement_probability([0.3, 0.9], [0.3, 0.9], trials=4000, n=301, seed=3))
    # Unchunked: 2 x 4,000 x 301 uniforms (18 MiB) and their partitioned copies.
    assert used < 2 * MiB
    whole = tl.agreement_probability([0.3, 0.9], [0.3, 0.9], trials=4000, n=301, seed=3)
    # Chunks draw the same law from another stretch of the stream: the same probability within noise.
    np.testing.assert_allclose(p, whole, atol=0.05)
    assert p[0] == 1.0


def test_agreement_probability_in_one_chunk_is_unchanged():
    """Below the bound there is one chunk: the numbers of the book's pages do not move."""
    p = tl.agreement_probability([0.3, 0.9], [0.3, 0.9], 0.5, 0.5, trials=2000, seed=1)
    np.testing.assert_array_equal(p.round(2), [1.0, 0.95])


def test_ratifies_for_y_does_not_sort_again():
    """Y's boundaries are sorted once per constituency and cached, as X's are."""
    c = tl.Constituency.uniform(0.6, 1_000_000)
    tl.ratifies(c, 0.5, 0.5, "Y")
    start = time.perf_counter()
    for _ in range(20):
        tl.ratifies(c, 0.5, 0.5, "Y")
    assert (time.perf_counter() - start) / 20 < 0.02  # a re-sort of 10^6 values takes ~100 ms


def test_profile_win_set_is_linear():
    """400 alternatives and 400 blocs: one pass over the rankings (once 400 x 400 x 400 steps)."""
    alts = [f"P{i}" for i in range(400)]
    rng = np.random.default_rng(0)
    blocs = []
    for _ in range(400):
        order = list(rng.permutation(alts))
        order.insert(int(rng.integers(0, 401)), tl.NO_AGREEMENT)
        blocs.append(tl.Bloc(tuple(order), float(rng.random()) + 0.1))
    profile = tl.Profile(tuple(blocs))
    start = time.perf_counter()
    win = tl.profile_win_set(profile, 0.5)
    assert time.perf_counter() - start < 1.0
    total = sum(b.weight for b in blocs)
    above = {a: 0.0 for a in alts}
    for b in blocs:
        for a in b.accepts:
            above[a] += b.weight
    assert win == frozenset(a for a in alts if above[a] / total >= 0.5 * (1 - tl.TIE_TOLERANCE))
