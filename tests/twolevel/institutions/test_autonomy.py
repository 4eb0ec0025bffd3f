"""Autonomy and the paradox of state strength (twolevel.institutions.autonomy, pp. 449-450)."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from inputs import constituencies, quotas, unit

import twolevel as tl


@settings(max_examples=200, deadline=None)
@given(constituencies(), quotas, unit, unit)
def test_autonomy_enlarges_the_win_set_of_an_eager_decision_maker(c, q, a1, a2):
    lo, hi = sorted((a1, a2))
    # r_L = 0: the decision-maker values agreement at least as much as any constituent.
    assert tl.autonomous_win_set(c, q, hi).lo <= tl.autonomous_win_set(c, q, lo).lo + 1e-15


@settings(max_examples=200, deadline=None)
@given(constituencies(), quotas, unit, unit, unit, unit, st.sampled_from(["nash", "split"]))
def test_autonomy_never_raises_the_bargaining_share(c, q, a1, a2, y1, r_l, solution):
    lo, hi = sorted((a1, a2))
    other = tl.WinSet(0.0, y1)
    r_l = min(r_l, float(c.pivot(q)))  # an eager decision-maker: r_L <= pivot
    s_lo = tl.autonomy_share(c, q, lo, other, r_l, solution)
    s_hi = tl.autonomy_share(c, q, hi, other, r_l, solution)
    assume(s_lo is not None)
    assert s_hi is not None and s_hi <= s_lo + 1e-12


@settings(max_examples=40, deadline=None)
@given(st.lists(unit, min_size=2, max_size=6), unit, unit, quotas, quotas, st.integers(0, 10))
def test_autonomy_raises_the_probability_of_agreement(alphas, sx, sy, qx, qy, seed):
    a = np.sort(np.asarray(alphas))
    p = tl.autonomy_agreement_probability(sx, sy, qx, qy, autonomy=a, sample_size=21, trials=300, seed=seed)
    assert np.all(np.diff(p) >= 0)


def test_no_autonomy_is_chapter_4s_probability():
    p = tl.autonomy_agreement_probability(0.7, 0.8, 0.5, 2 / 3, autonomy=[0.0], sample_size=51, trials=2000, seed=4)
    q = tl.agreement_probability(0.7, 0.8, 0.5, 2 / 3, sample_size=51, trials=2000, seed=4)
    assert p[0] == pytest.approx(float(q))


def test_with_r_l_zero_autonomy_is_a_smaller_spread():
    c = tl.Constituency.uniform(0.9, n=1001)
    for a in (0.0, 0.25, 0.5):
        assert tl.autonomous_win_set(c, 2 / 3, a).lo == pytest.approx(
            tl.win_set(tl.Constituency.uniform(0.9 * (1 - a), n=1001), 2 / 3).lo
        )


def test_a_demanding_autocrat_shrinks_the_win_set():
    """The model's qualification: r_L above the pivot makes autonomy shrink the win-set."""
    c = tl.Constituency.uniform(0.6, n=1001)
    assert tl.autonomous_win_set(c, 0.5, 0.5, leader_reservation=0.9).lo > tl.win_set(c, 0.5).lo


def test_the_paradox_in_one_scenario():
    x = tl.Constituency.uniform(0.9, n=1001)
    y = tl.win_set(tl.Constituency.uniform(0.6, n=1001), 0.5, "Y")
    shares = [tl.autonomy_share(x, 2 / 3, a, y) for a in (0.0, 0.1, 0.3)]
    probs = tl.autonomy_agreement_probability(0.9, 0.6, 2 / 3, 0.5, autonomy=[0.0, 0.1, 0.3], trials=2000, seed=1)
    assert shares[0] > shares[1] > shares[2] - 1e-12
    assert probs[0] < probs[1] <= probs[2]


def test_a_demanding_autocrat_gains_bargaining_share_from_autonomy():
    """The model's qualification of the paradox (p. 449): it needs r_L at or below the pivot."""
    x = tl.Constituency.uniform(0.9, n=1001)
    y = tl.win_set(tl.Constituency.uniform(0.6, n=1001), 0.5, "Y")
    shares = [tl.autonomy_share(x, 0.5, a, y, leader_reservation=0.65) for a in (0.0, 0.5, 1.0)]
    assert shares[0] < shares[1] < shares[2]
