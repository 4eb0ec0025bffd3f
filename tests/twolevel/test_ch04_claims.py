"""Chapter 4's corrected and new claims (issue 6), each a test of the package.

* What is computed is the probability that the win-sets *overlap*, which
  bounds the probability of agreement ("possible only if", p. 438).
* Schelling's effect (p. 440) depends on the bargaining model: with Nash
  bargaining and equal disagreement values, contracting Y's win-set changes
  nothing until Y's constraint binds; with split-the-difference every
  contraction moves the outcome towards Y.
* The conjecture can fail: by deadlock (Figure 1's Y3, p. 441) and, under
  uncertainty, because a proposal on a believed boundary is often rejected
  (note 38, p. 439).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import twolevel as tl

# The chapter's default scenario (its parameters cell).
X = tl.Constituency.uniform(0.6, 1001)
Y = tl.Constituency.uniform(0.9, 1001)
WX = tl.win_set(X, 0.5, "X")


def y_share(rule, q_y: float) -> float | None:
    deal = rule(tl.overlap(WX, tl.win_set(Y, q_y, "Y")))
    return None if deal is None else 1.0 - deal


# --- overlap is necessary, not sufficient: what agreement_probability counts ---


@pytest.mark.parametrize("spreads", [(0.6, 0.9), (0.9, 0.9), (1.0, 0.5)])
def test_agreement_probability_is_the_frequency_of_overlapping_win_sets(spreads):
    """Rebuild each sampled constituency with tl.Constituency and intersect its
    win-sets with tl.overlap: the frequency of a non-empty overlap is exactly
    what tl.agreement_probability returns (same generator, same draws)."""
    s_x, s_y = spreads
    n, trials, seed, q = 21, 300, 3, 2 / 3
    u = np.random.default_rng(seed).random((2, trials, n))
    hits = 0
    for t in range(trials):
        wx = tl.win_set(tl.Constituency(s_x * u[0, t]), q, "X")
        wy = tl.win_set(tl.Constituency(s_y * u[1, t]), q, "Y")
        hits += not tl.overlap(wx, wy).is_empty
    p = float(tl.agreement_probability(s_x, s_y, q, q, sample_size=n, trials=trials, seed=seed))
    assert p == pytest.approx(hits / trials, abs=1e-12)


def test_no_outcome_without_overlap_under_either_rule():
    """An empty overlap leaves nothing to bargain over, whatever the rule."""
    empty = tl.overlap(tl.win_set(X, 0.5, "X"), tl.win_set(Y, 1.0, "Y"))
    assert empty.is_empty
    assert tl.nash_bargaining(empty) is None
    assert tl.split_the_difference(empty) is None


# --- Schelling's effect under two bargaining models (p. 440) ---


def test_chapter_numbers_nash_flat_then_rising_split_always_rising():
    quotas = [0.5, 0.55, 0.6, 2 / 3]
    nash = [y_share(tl.nash_bargaining, q) for q in quotas]
    split = [y_share(tl.split_the_difference, q) for q in quotas]
    # Nash: Y1 = 1 - 0.9 q stays above 1/2 for q <= 5/9, so Y's share stays 1/2.
    assert nash[0] == pytest.approx(0.5) and nash[1] == pytest.approx(0.5)
    assert nash[2] > nash[1] and nash[3] > nash[2]
    assert nash[3] == pytest.approx(0.6, abs=1e-3)
    # Split-the-difference: every contraction moves the midpoint towards Y.
    assert all(b > a for a, b in zip(split, split[1:]))
    assert split[0] == pytest.approx(1 - (0.3 + 0.55) / 2, abs=1e-3)


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 0.5), st.floats(0.5, 1), st.floats(0.5, 1))
def test_nash_with_equal_disagreement_values_ignores_a_slack_contraction(x1, y1a, y1b):
    """While Y's boundary stays at or beyond the even split, Y's win-set can shrink
    without changing the Nash agreement: the relative size of the win-sets
    alone does not move it."""
    a = tl.nash_bargaining(tl.WinSet(x1, max(y1a, y1b)))
    b = tl.nash_bargaining(tl.WinSet(x1, min(y1a, y1b)))
    assert a == b == pytest.approx(0.5)


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 0.45), st.floats(0, 0.5), st.floats(0.01, 0.5))
def test_nash_binding_constraint_gives_y_the_whole_contraction(x1, y1, step):
    """Once Y's boundary is below the even split, the Nash point is Y's boundary:
    each contraction of Y's win-set is a gain of the same size for Y."""
    y1 = max(y1, x1 + step)
    if y1 > 0.5 or y1 - step < x1:
        return
    before = tl.nash_bargaining(tl.WinSet(x1, y1))
    after = tl.nash_bargaining(tl.WinSet(x1, y1 - step))
    assert before == pytest.approx(y1) and after == pytest.approx(y1 - step)


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(1e-3, 1))
def test_split_the_difference_rewards_every_contraction(x1, y1, step):
    """Under split-the-difference Y gains half of every contraction of its win-set."""
    if y1 - step < x1:
        return
    wide = tl.split_the_difference(tl.WinSet(x1, y1))
    narrow = tl.split_the_difference(tl.WinSet(x1, y1 - step))
    assert (1 - narrow) - (1 - wide) == pytest.approx(step / 2)


def test_nash_share_rises_at_rate_one_over_density_when_binding():
    """Proposition: where Y's constraint binds, Y's share is F_Y^{-1}(q_Y); for a
    uniform law on [0, s] the rate is 1/f = s."""
    big_y = tl.Constituency.uniform(0.9, 100_001)
    h = 0.01
    q0 = 0.7
    shares = [1 - tl.nash_bargaining(tl.overlap(WX, tl.win_set(big_y, q, "Y"))) for q in (q0 - h, q0 + h)]
    assert (shares[1] - shares[0]) / (2 * h) == pytest.approx(0.9, rel=1e-3)


def test_deadlock_beyond_the_deadlock_quota_under_both_rules():
    q_dagger = tl.deadlock_quota(X, 0.5, Y)
    assert q_dagger == pytest.approx(7 / 9, abs=2e-3)
    for rule in (tl.nash_bargaining, tl.split_the_difference):
        assert y_share(rule, q_dagger) is not None
        assert y_share(rule, min(1.0, q_dagger + 0.01)) is None


# --- the conjecture under uncertainty (note 38, p. 439) ---


def test_uncertainty_can_reverse_schelling():
    """With sigma = 0.05, raising Y's quota from 1/2 to 0.6 raises Y's share of a
    ratified deal but lowers Y's expected share: the proposal moves onto Y's
    believed boundary and is rejected about half the time."""
    shares = {}
    for q in (0.5, 0.6):
        r = tl.defection_rates(WX.lo, tl.win_set(Y, q, "Y").hi, uncertainty=0.05)
        shares[q] = (1 - r.involuntary) * (1 - r.proposal), 1 - r.proposal
    assert shares[0.6][1] > shares[0.5][1]  # conditional on ratification: Schelling
    assert shares[0.6][0] < shares[0.5][0]  # in expectation: the reverse
    r = tl.defection_rates(WX.lo, tl.win_set(Y, 0.6, "Y").hi, uncertainty=0.05)
    assert r.involuntary == pytest.approx(0.5, abs=0.01)


def test_under_certainty_schelling_holds_in_expectation_too():
    for q_lo, q_hi in ((0.5, 0.6), (0.6, 0.7)):
        lo = tl.defection_rates(WX.lo, tl.win_set(Y, q_lo, "Y").hi, uncertainty=0.0)
        hi = tl.defection_rates(WX.lo, tl.win_set(Y, q_hi, "Y").hi, uncertainty=0.0)
        assert lo.involuntary == hi.involuntary == 0.0
        assert 1 - hi.proposal >= 1 - lo.proposal


def test_shading_the_proposal_inwards_beats_the_boundary_proposal():
    """Critique exercise: with the Nash proposal on Y's believed boundary y1,
    moving it inwards by about one standard deviation raises both sides'
    expected shares (P(ratified) * share)."""
    x1, y1, sigma = WX.lo, tl.win_set(Y, 0.6, "Y").hi, 0.05

    def phi(z: float) -> float:
        return 0.5 * (1 + math.erf(z / math.sqrt(2)))

    def expected(x: float) -> tuple[float, float]:
        p = phi((x - x1) / sigma) * phi((y1 - x) / sigma)
        return p * x, p * (1 - x)

    on_boundary = expected(y1)
    shaded = expected(y1 - sigma)
    assert on_boundary[0] == pytest.approx(
        (1 - tl.defection_rates(x1, y1, sigma).involuntary) * y1
    )
    assert shaded[0] > on_boundary[0] and shaded[1] > on_boundary[1]


# --- a constraint beyond the negotiator's control (Alfonsín and de la Madrid, p. 440) ---


@settings(max_examples=100, deadline=None)
@given(st.floats(0.05, 1), st.floats(0.05, 1), st.sampled_from([0.5, 0.6, 2 / 3]))
def test_weaker_domestic_position_never_lowers_the_share(s_a, s_b, q_y):
    """A Y whose constituents find no-agreement cheaper (a larger spread) has a
    smaller win-set; under complete information its share never falls, and under
    split-the-difference it rises, whether or not anyone chose the constraint."""
    strong, weak = min(s_a, s_b), max(s_a, s_b)
    out = {}
    for name, spread in (("strong", strong), ("weak", weak)):
        feasible = tl.overlap(WX, tl.win_set(tl.Constituency.uniform(spread, 2001), q_y, "Y"))
        out[name] = (tl.nash_bargaining(feasible), tl.split_the_difference(feasible))
    if out["weak"][0] is None:
        return  # the weaker position deadlocks: nothing to divide
    assert 1 - out["weak"][0] >= 1 - out["strong"][0] - 1e-12
    assert 1 - out["weak"][1] >= 1 - out["strong"][1] - 1e-12


def test_chapter_numbers_for_the_uncontrolled_constraint():
    """Chapter 4's demonstration: at a simple majority Y's constraint never binds
    for spreads up to 1, so Nash gives 1/2 throughout; split-the-difference gives
    Y 0.5 -> 0.6 as the spread goes from 0.6 to 1."""
    shares = []
    for spread in (0.6, 0.8, 1.0):
        feasible = tl.overlap(WX, tl.win_set(tl.Constituency.uniform(spread, 1001), 0.5, "Y"))
        shares.append((1 - tl.nash_bargaining(feasible), 1 - tl.split_the_difference(feasible)))
    assert all(n == pytest.approx(0.5) for n, _ in shares)
    assert shares[0][1] == pytest.approx(0.5, abs=1e-3) and shares[-1][1] == pytest.approx(0.6, abs=1e-3)


def test_shading_is_paid_by_x_and_removes_the_expected_share_reversal():
    """Critique exercise, as corrected in review: moving the proposal one
    standard deviation inside Y's believed boundary lowers X's share of a
    ratified deal (X pays the margin) and lifts Y's expected share at the
    two-thirds-like row (y1 = 0.46) above Y's expected share at a simple
    majority (y1 = 0.55, Nash proposal 0.5): the reversal of the chapter's
    expected-share table comes from proposing on the boundary."""
    x1, sigma = WX.lo, 0.05
    y1_majority = tl.win_set(Y, 0.5, "Y").hi
    y1_strict = tl.win_set(Y, 0.6, "Y").hi

    def phi(z: float) -> float:
        return 0.5 * (1 + math.erf(z / math.sqrt(2)))

    majority = tl.defection_rates(x1, y1_majority, sigma)
    strict = tl.defection_rates(x1, y1_strict, sigma)
    y_majority = (1 - majority.involuntary) * (1 - majority.proposal)
    y_boundary = (1 - strict.involuntary) * (1 - strict.proposal)
    assert strict.proposal == pytest.approx(y1_strict)  # on the boundary
    assert y_boundary < y_majority  # the chapter's reversal

    shaded = y1_strict - sigma
    assert shaded < strict.proposal  # X's share of a ratified deal falls
    p = phi((shaded - x1) / sigma) * phi((y1_strict - shaded) / sigma)
    assert p * (1 - shaded) > y_majority  # the reversal disappears


def test_sweet_sour_expected_share_peaks_below_the_deadlock_quota():
    """Exercise 'how far should Y tie its own hands?': with sampled
    constituencies (win-sets known once drawn, Nash bargaining, zero under
    deadlock), Y's expected share peaks at a quota below the population's
    deadlock quota, where sampled win-sets still overlap most of the time."""
    rng = np.random.default_rng(5)
    draws = [
        (tl.win_set(tl.Constituency(0.6 * rng.random(101)), 0.5, "X"),
         tl.Constituency(0.9 * rng.random(101)))
        for _ in range(400)
    ]
    quotas = np.linspace(0.5, 1.0, 21)
    expected, overlap = [], []
    for q_y in quotas:
        deals = [tl.nash_bargaining(tl.overlap(wx, tl.win_set(y, float(q_y), "Y"))) for wx, y in draws]
        expected.append(np.mean([0.0 if d is None else 1 - d for d in deals]))
        overlap.append(np.mean([d is not None for d in deals]))
    best = int(np.argmax(expected))
    q_dagger = tl.deadlock_quota(X, 0.5, Y)
    assert quotas[best] < q_dagger
    assert expected[best] > expected[0]  # tying its hands does pay, up to a point
    assert overlap[best] > 0.5


def test_senate_pivot_moves_from_the_50th_to_the_67th_senator():
    """Chapter 4 (Panama, p. 440): with 100 senators and ties ratifying, a
    simple majority makes the 50th least demanding senator pivotal and a
    two-thirds rule the 67th, so 34 senators can block."""
    senate = tl.Constituency(np.linspace(0.01, 1.0, 100))
    pivotal = {}
    for quota in (0.5, 2 / 3):
        pivotal[quota] = int(np.searchsorted(senate.reservations, senate.pivot(quota))) + 1
    assert pivotal == {0.5: 50, 2 / 3: 67}
    assert 100 - pivotal[2 / 3] + 1 == 34
