"""Tests of twolevel.winsets: win-sets on one issue (Putnam pp. 437-441)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import quotas, reservation_lists, seeds, sides
from numpy.testing import assert_allclose

import twolevel as tl

reservations = reservation_lists(40)


def brute_force_win_set(c: tl.Constituency, q: float, side: str, grid: np.ndarray) -> np.ndarray:
    """Every grid agreement that the up-or-down vote ratifies, by counting votes directly."""
    out = []
    for x in grid:
        # X's constituent votes yes iff x >= r_i; Y's iff Y's share 1 - x >= r_i, i.e. x <= 1 - r_i.
        votes = c.reservations <= x if side == "X" else x <= 1 - c.reservations
        yes = c.weights[votes].sum()
        out.append(yes >= q * c.weights.sum() * (1 - 1e-12))
    return np.array(out)


def test_worked_numbers_from_the_chapter():
    # Chapter 4: X uniform on [0, 0.6], Y uniform on [0, 0.9].
    x = tl.Constituency.uniform(0.6, n=100_001)
    y = tl.Constituency.uniform(0.9, n=100_001)
    assert tl.win_set(x, 0.5, "X").lo == pytest.approx(0.30, abs=1e-4)
    assert tl.win_set(y, 0.5, "Y").hi == pytest.approx(0.55, abs=1e-4)  # Y1
    assert tl.win_set(y, 2 / 3, "Y").hi == pytest.approx(0.40, abs=1e-4)  # Y2
    assert tl.win_set(y, 1.0, "Y").hi == pytest.approx(0.10, abs=1e-4)  # Y3
    wx = tl.win_set(x, 0.5, "X")
    assert not tl.overlap(wx, tl.win_set(y, 0.5, "Y")).is_empty
    assert not tl.overlap(wx, tl.win_set(y, 2 / 3, "Y")).is_empty
    assert tl.overlap(wx, tl.win_set(y, 1.0, "Y")).is_empty  # deadlock


def test_panama_two_thirds_rule_34_senators_block():
    # 100 senators with distinct reservation values: under a 2/3 quota the 67th
    # least demanding senator is pivotal, so the 34 most demanding can block.
    r = np.linspace(0.01, 1.0, 100)
    senate = tl.Constituency(r)
    assert senate.pivot(2 / 3) == r[66]
    # 33 senators voting no cannot block a deal the 67 least demanding accept ...
    assert tl.ratifies(senate, 2 / 3, r[66], "X")
    # ... but a deal that loses one more senator (34 against) fails.
    assert not tl.ratifies(senate, 2 / 3, r[65], "X")


def test_tie_rule_exactly_reaching_the_quota_ratifies():
    c = tl.Constituency([0.2, 0.4, 0.6, 0.8])
    # At x = 0.4 exactly half the weight says yes: a 1/2 quota is reached.
    assert tl.ratifies(c, 0.5, 0.4, "X")
    assert not tl.ratifies(c, 0.5, 0.39, "X")
    assert tl.win_set(c, 0.5, "X").lo == 0.4


def test_weights_count_not_heads():
    c = tl.Constituency([0.1, 0.9], weights=[1, 3])
    assert tl.win_set(c, 0.5, "X").lo == 0.9  # the heavy, demanding member is pivotal
    assert tl.win_set(c, 0.25, "X").lo == 0.1


@settings(max_examples=200, deadline=None)
@given(reservations, st.lists(st.floats(0.01, 10), min_size=40, max_size=40), quotas, sides)
def test_win_set_is_exactly_the_ratified_agreements(r, w, q, side):
    c = tl.Constituency(r, weights=w[: len(r)])
    ws = tl.win_set(c, q, side)
    grid = np.unique(np.concatenate([np.linspace(0, 1, 201), c.reservations, 1 - c.reservations]))
    assert_allclose(ws.contains(grid), brute_force_win_set(c, q, side, grid))
    assert_allclose(tl.ratifies(c, q, grid, side), brute_force_win_set(c, q, side, grid))


@settings(max_examples=200, deadline=None)
@given(reservations, quotas, quotas, sides)
def test_raising_the_quota_never_enlarges_the_win_set(r, q1, q2, side):
    """Proposition (p. 448 and Figure 1): a larger required majority shrinks the win-set."""
    c = tl.Constituency(r)
    lo_q, hi_q = sorted((q1, q2))
    small, large = tl.win_set(c, hi_q, side), tl.win_set(c, lo_q, side)
    assert small.width <= large.width
    assert small.lo >= large.lo and small.hi <= large.hi  # nested, not just smaller


@settings(max_examples=100, deadline=None)
@given(reservations, st.floats(0, 0.3), quotas)
def test_cheaper_no_agreement_shrinks_the_win_set(r, bump, q):
    """p. 442: 'the lower the cost of no-agreement to constituents, the smaller the win-set'."""
    c = tl.Constituency(r)
    hawks = tl.Constituency(np.minimum(np.asarray(r) + bump, 1.0))
    assert tl.win_set(hawks, q, "X").width <= tl.win_set(c, q, "X").width


def test_large_weighted_constituency_uses_exact_selection():
    rng = np.random.default_rng(7)
    for power in (1, 6, 30):  # increasingly skewed weights exercise the sort fallback
        r, w = rng.random(200_000), rng.random(200_000) ** power
        c = tl.Constituency(r, weights=w)
        o = np.argsort(r, kind="stable")
        cum = np.cumsum(w[o])
        for q in (1e-6, 0.25, 0.5, 2 / 3, 0.999999, 1.0):
            expected = r[o][min(np.searchsorted(cum, q * cum[-1] * (1 - 1e-12)), r.size - 1)]
            assert c.pivot(q) == expected


def test_pivot_is_vectorised_over_quotas():
    c = tl.Constituency.uniform(0.9, n=999)
    qs = np.linspace(0.05, 1, 20)
    assert_allclose(c.pivot(qs), [c.pivot(float(q)) for q in qs])


def test_deadlock_quota_separates_overlap_from_deadlock():
    x, y = tl.Constituency.uniform(0.6, 2001), tl.Constituency.uniform(0.9, 2001)
    qd = tl.deadlock_quota(x, 0.5, y)
    assert qd == pytest.approx(0.7 / 0.9, abs=1e-3)
    wx = tl.win_set(x, 0.5, "X")
    assert not tl.overlap(wx, tl.win_set(y, qd, "Y")).is_empty
    assert tl.overlap(wx, tl.win_set(y, min(qd + 1e-3, 1.0), "Y")).is_empty


def test_overlap_and_winset_basics():
    a, b = tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.55)
    assert tl.overlap(a, b) == tl.WinSet(0.3, 0.55)
    assert tl.overlap(a, tl.WinSet(0.0, 0.1)).is_empty
    assert tl.overlap(tl.WinSet.empty(), a).is_empty
    assert tl.WinSet.empty().width == 0.0
    assert repr(tl.WinSet.empty()) == "WinSet(empty)"
    assert list(a.contains([0.2, 0.3, 1.0])) == [False, True, True]


# -- the tie rule at any size (issue: cumsum rounding broke it from 10^5 constituents) ----------


def boundary_and_outside(w: tl.WinSet, side: str) -> tuple[float, float]:
    """The win-set's boundary and the nearest float just outside it."""
    return (w.lo, np.nextafter(w.lo, -1.0)) if side == "X" else (w.hi, np.nextafter(w.hi, 2.0))


@pytest.mark.parametrize("n", [10**5, 10**6])
@pytest.mark.parametrize("side", ["X", "Y"])
def test_equal_weights_boundary_ratifies_at_large_n(n, side):
    """Putnam's tie rule with 0.1-weights (not exactly representable): half the weight ratifies."""
    c = tl.Constituency((np.arange(1, n + 1) - 0.5) / n, np.full(n, 0.1))
    w = tl.win_set(c, 0.5, side)
    inside, outside = boundary_and_outside(w, side)
    assert tl.ratifies(c, 0.5, inside, side)
    assert not tl.ratifies(c, 0.5, outside, side)
    pivot = (n // 2 - 0.5) / n  # the (n/2)-th constituent brings exactly half the weight
    assert (w.lo if side == "X" else 1 - w.hi) == pytest.approx(pivot, abs=1e-15)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 10**6), seeds, quotas, sides)
def test_win_set_boundary_ratifies_and_just_outside_does_not(n, seed, q, side):
    rng = np.random.default_rng(seed)
    c = tl.Constituency(rng.random(n), rng.random(n) + 0.01)
    w = tl.win_set(c, q, side)
    inside, outside = boundary_and_outside(w, side)
    assert tl.ratifies(c, q, inside, side)
    if 0.0 <= outside <= 1.0:
        assert not tl.ratifies(c, q, outside, side)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 3 * 10**5), seeds, quotas, sides)
def test_results_do_not_depend_on_earlier_calls(n, seed, q, side):
    """A fresh constituency (selection, no sort) and one whose sorted caches are warm agree exactly."""
    rng = np.random.default_rng(seed)
    r, weights = rng.random(n), rng.random(n) + 0.01
    r[: n // 3] = np.round(r[: n // 3], 2)  # ties at the pivot too
    fresh, warm = tl.Constituency(r, weights), tl.Constituency(r, weights)
    warm.yes_share(0.5)
    warm.pivot(np.array([0.3, q]))
    assert tl.win_set(fresh, q, side) == tl.win_set(warm, q, side)
    assert fresh.pivot(q) == warm.pivot(q) == warm.pivot(np.array([q]))[0]
    x = rng.random(50)
    assert np.array_equal(tl.ratifies(fresh, q, x, side), tl.ratifies(warm, q, x, side))


def test_win_set_and_vote_agree_on_every_boundary_of_a_sweep():
    """The issue's probe: 120 boundary cases, each checked before and after other calls."""
    n = 10**5
    c = tl.Constituency((np.arange(1, n + 1) - 0.5) / n, np.full(n, 0.1))
    for q in np.linspace(0.05, 1.0, 60):
        for side in "XY":
            first = tl.win_set(tl.Constituency(c.reservations, c.weights), q, side)
            c.yes_share(0.5)
            assert tl.win_set(c, q, side) == first
            assert tl.ratifies(c, q, boundary_and_outside(first, side)[0], side)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (dict(lo=float("nan"), hi=0.0, is_empty=True), ValueError, "lo must be a finite"),
        (dict(lo=0.2, hi=0.7, is_empty=True), ValueError, r"an empty win-set is WinSet.empty\(\)"),
        (dict(lo="a", hi=0.0, is_empty=True), TypeError, "lo must be a real number"),
        (dict(lo=0.2, hi=0.7, is_empty="yes"), TypeError, "is_empty must be a bool"),
        (dict(lo=0.2, hi=0.7, is_empty=1), TypeError, "is_empty must be a bool"),
    ],
)
def test_win_set_is_validated_even_when_empty(kwargs, error, message):
    with pytest.raises(error, match=message):
        tl.WinSet(**kwargs)


def test_the_empty_win_set_is_one_value():
    assert tl.WinSet(1.0, 0.0, is_empty=np.bool_(True)) == tl.WinSet.empty()
    assert tl.WinSet.empty().width == 0.0 and not tl.WinSet.empty().contains(0.5)
