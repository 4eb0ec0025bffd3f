"""Chapter 4's claims about the model, each a test of the package (issues 6 and 14).

* The win-set is read off the constituency: each boundary is where a side's
  yes-share reaches its quota, fixed by one pivotal constituent (the
  chapter's first chart and Figure 1's Y1, Y2, Y3, pp. 437 and 441).
* What is computed is the probability that the win-sets *overlap*, which
  bounds the probability of agreement ("possible only if", p. 438).
* In the defection model, smaller win-sets raise involuntary defection; the
  chance of voluntary defection given ratification does not depend on the
  win-sets, *by assumption* (pp. 438-439, note 38).
* Schelling's effect (p. 440) depends on the bargaining model: with Nash
  bargaining and equal disagreement values, contracting Y's win-set changes
  nothing until Y's constraint binds; with split-the-difference every
  contraction moves the outcome towards Y.
* The claim can fail: by deadlock (Figure 1's Y3, p. 441) and, in the model
  only, under uncertainty, because a proposal on a believed boundary is
  rejected at least half the time; with known win-sets, or with a margin
  from the boundary, that second failure disappears.
* A weaker domestic position (constituents who demand more) raises Y's share
  under Nash bargaining only once Y's constraint binds (Alfonsin and de la
  Madrid, p. 440), and under split-the-difference always.
* Two win-sets, one running from each end of the line of deals, overlap
  exactly when their sizes add up to at least 1 (the chapter's reading of
  its overlap chart).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
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
    assert all(b > a for a, b in zip(split, split[1:], strict=False))
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
    assert on_boundary[0] == pytest.approx((1 - tl.defection_rates(x1, y1, sigma).involuntary) * y1)
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
    """Chapter 4's weak-leader table (Y decides by two-thirds, X's win-set the
    chapter's): as Y's constituents demand up to 0.6, 0.8, 1.0, Y's least
    acceptable share is 0.40, 0.53, 0.67. Nash gives 1/2 while the even split
    is feasible and then Y's boundary (0.533, 0.667): the weak position pays
    under Nash only once Y's constraint binds. Split-the-difference gives
    0.550, 0.617, 0.683: it pays at every step."""
    least, nash, split = [], [], []
    for spread in (0.6, 0.8, 1.0):
        y_win = tl.win_set(tl.Constituency.uniform(spread, 1001), 2 / 3, "Y")
        feasible = tl.overlap(WX, y_win)
        least.append(1 - y_win.hi)
        nash.append(1 - tl.nash_bargaining(feasible))
        split.append(1 - tl.split_the_difference(feasible))
    assert least == pytest.approx([0.4, 0.8 * 2 / 3, 2 / 3], abs=1e-3)
    assert nash[0] == pytest.approx(0.5)  # the even split is feasible: no effect under Nash
    assert nash[1:] == pytest.approx(least[1:])  # binding: Nash gives Y its boundary
    assert nash[0] < nash[1] < nash[2]
    assert split == pytest.approx([0.55, 0.6167, 0.6833], abs=1e-3)


def test_at_a_simple_majority_the_weak_position_does_not_bind_under_nash():
    """Why the chapter's weak-leader table uses a two-thirds rule in Y: at a simple
    majority Y's constraint never binds for spreads up to 1, so Nash shows no
    effect at all, while split-the-difference still gives Y 0.5 -> 0.6."""
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
        (tl.win_set(tl.Constituency(0.6 * rng.random(101)), 0.5, "X"), tl.Constituency(0.9 * rng.random(101)))
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


def test_two_thirds_of_the_senate_makes_the_67th_senator_pivotal():
    """Chapter 4 (Panama, p. 440): with all 100 senators voting, a two-thirds rule
    makes the 67th least demanding senator pivotal, the 67 least demanding
    senators ratify a deal that satisfies him, and the 34 most demanding can
    block it (66 yes votes fall short)."""
    senate = tl.Constituency(np.linspace(0.01, 1.0, 100))
    pivot = senate.pivot(2 / 3)
    pivotal = int(np.searchsorted(senate.reservations, pivot)) + 1
    assert pivotal == 67
    assert senate.votes_for(pivot, "X") == pytest.approx(0.67)
    just_short = senate.reservations[pivotal - 2]  # satisfies only the 66 least demanding
    assert senate.votes_for(just_short, "X") < 2 / 3
    assert 100 - pivotal + 1 == 34


# --- reading the win-set off the constituency (p. 437; the chapter's first chart) ---


def test_boundaries_are_where_the_yes_share_reaches_the_quota():
    """Each boundary is ratified and a deal just beyond it is not: the win-set is
    where a side's yes-share reaches its quota. For the chapter's scenario X1 = 0.3
    and Y's boundary is 1 - 0.9 q (0.55, 0.40, 0.10 for Putnam's Y1, Y2, Y3)."""
    eps = 1e-3
    assert WX.lo == pytest.approx(0.3, abs=1e-3)
    assert X.votes_for(WX.lo, "X") >= 0.5 > X.votes_for(WX.lo - eps, "X")
    for q, expected in ((0.5, 0.55), (2 / 3, 0.40), (1.0, 0.10)):
        y1 = tl.win_set(Y, q, "Y").hi
        assert y1 == pytest.approx(expected, abs=1e-3)
        assert Y.votes_for(y1, "Y") >= q > Y.votes_for(y1 + eps, "Y")


def test_figure1_stages_match_the_chart_and_y3_deadlocks():
    """Figure 1 (p. 441) from the model: Y2 (two-thirds) truncates the feasible range
    in Y's favour, Y3 (unanimity) lies beyond X1."""
    from twolevel import viz

    state = viz.figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=2 / 3)
    for name, q in (("Y1", 0.5), ("Y2", 2 / 3), ("Y3", 1.0)):
        assert state.y_stages[name] == pytest.approx(tl.win_set(Y, q, "Y").hi)
    wide = tl.overlap(WX, tl.win_set(Y, 0.5, "Y"))
    assert state.feasible.lo == wide.lo and state.feasible.hi < wide.hi  # truncated in Y's favour
    assert state.y_stages["Y3"] < state.x1  # deadlock under unanimity


@pytest.mark.parametrize(
    ("quota_x", "feasible", "deadlocked", "limit"),
    [(0.5, 0.75, 0.8, 7 / 9), (2 / 3, 0.6, 2 / 3, 2 / 3)],
)
def test_explorer_exercise_both_sides_tie_their_hands(quota_x, feasible, deadlocked, limit):
    """Explorer exercise: with X at a simple majority Y can go to 0.75 but not 0.80;
    with X at two-thirds, to 0.60 but not 0.67 (the explorer's 1001-member sides);
    the limits are 7/9 and 2/3 for a continuum of constituents."""
    from twolevel import viz

    assert not viz.figure1_state(quota_x=quota_x, quota_y=feasible).feasible.is_empty
    assert viz.figure1_state(quota_x=quota_x, quota_y=deadlocked).feasible.is_empty
    big_x, big_y = tl.Constituency.uniform(0.6, 10_001), tl.Constituency.uniform(0.9, 10_001)
    assert tl.deadlock_quota(big_x, quota_x, big_y) == pytest.approx(limit, abs=2e-4)


def test_stylised_falklands_win_sets_do_not_overlap():
    """The chapter's stylised Falklands/Malvinas (p. 438): spreads of 1 and a 70% rule
    on each side: Britain ratifies only deals giving Britain at least 0.70, Argentina
    only deals giving Britain at most 0.30 (Argentina at least 0.70). No overlap, so
    no agreement is feasible under either rule."""
    side = tl.Constituency.uniform(1.0, 501)
    britain, argentina = tl.win_set(side, 0.7, "X"), tl.win_set(side, 0.7, "Y")
    assert britain.lo == pytest.approx(0.7, abs=2e-3)
    assert argentina.hi == pytest.approx(0.3, abs=2e-3) and 1 - argentina.hi == pytest.approx(0.7, abs=2e-3)
    empty = tl.overlap(britain, argentina)
    assert empty.is_empty
    assert tl.nash_bargaining(empty) is None and tl.split_the_difference(empty) is None


# --- voluntary and involuntary defection (pp. 438-439) ---


def test_involuntary_defection_rises_along_the_chapter_table():
    """The chapter's defection table (sigma 0.05, c 0.8, tau 1): raising Y's quota from
    1/2 to 0.75 raises the risk of involuntary defection at every step."""
    rates = [
        tl.defection_rates(WX.lo, tl.win_set(Y, q, "Y").hi, 0.05, 0.8, 1.0).involuntary
        for q in (0.5, 0.6, 2 / 3, 0.7, 0.75)
    ]
    assert all(b > a for a, b in zip(rates, rates[1:], strict=False))
    assert rates[-1] / rates[0] > 3


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 0.5), st.floats(0.5, 1), st.floats(1e-3, 0.3), st.floats(0, 2), st.floats(0.1, 2))
def test_voluntary_defection_given_ratification_ignores_the_win_sets_by_assumption(x1, y1, sigma, c, tau):
    """Step 3 of the defection model is an assumption, not a finding: given
    ratification, the chance of voluntary defection is 1 - min(1, c/tau)^2, the same
    whatever the win-sets, so the model cannot say whether small win-sets tempt."""
    r = tl.defection_rates(x1, y1, sigma, c, tau)
    assert r.involuntary < 1
    assert r.voluntary / (1 - r.involuntary) == pytest.approx(1 - min(1.0, c / tau) ** 2, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 0.5), st.floats(0, 1), st.floats(0, 1))
def test_known_win_sets_expected_share_never_falls_with_a_tighter_constraint(x1, y1a, y1b):
    """With sigma = 0 every proposal is ratified, so Y's expected share is its share
    and never falls as its win-set contracts: the reversal needs uncertainty."""
    hi, lo = max(y1a, y1b), min(y1a, y1b)
    loose, tight = tl.defection_rates(x1, hi, 0.0), tl.defection_rates(x1, lo, 0.0)
    if tight.proposal is None:
        return
    assert loose.involuntary == tight.involuntary == 0.0
    assert 1 - tight.proposal >= 1 - loose.proposal


def test_spatial_win_set_of_the_five_factions():
    """Going deeper's spatial example (Shepsle and Weingast's win-set of the status
    quo): factions at 0.1, ..., 0.9 and x0 = 0.2 give [0.2, 0.8] under a majority
    (the median at 0.5 mirrors x0) and [0.2, 0.4] under a four-fifths rule, whose
    pivot for moves to the right is the faction at 0.3."""
    factions = tl.SpatialConstituency([0.1, 0.3, 0.5, 0.7, 0.9])
    majority = tl.reversion_win_set(factions, 0.5, 0.2)
    assert (majority.lo, majority.hi) == pytest.approx((0.2, 0.8))
    strict = tl.reversion_win_set(factions, 0.8, 0.2)
    assert (strict.lo, strict.hi) == pytest.approx((0.2, 0.4))


# --- sizes of win-sets and the overlap chart (pp. 437-438) ---


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_win_sets_from_opposite_ends_overlap_iff_their_sizes_sum_to_at_least_one(x1, y1):
    """X's win-set [x1, 1] and Y's [0, y1] overlap exactly when their sizes,
    1 - x1 and y1, add up to at least 1: the chapter's reading of the chart."""
    wx, wy = tl.WinSet(x1, 1.0), tl.WinSet(0.0, y1)
    total = wx.width + wy.width
    assume(abs(total - 1.0) > 1e-9)  # at exactly 1 the float sum cannot decide; the boundary is x1 == y1
    assert (not tl.overlap(wx, wy).is_empty) == (total > 1.0)


@pytest.mark.parametrize("quota", [0.5, 2 / 3, 0.75])
def test_smallest_expected_win_set_on_the_chart_is_one_minus_the_quota(quota):
    """The overlap chart's spreads run from 0 to 1 and the expected size 1 - s q
    falls with the spread, so the axes start at 1 - q (0.33 under two-thirds)."""
    spreads = np.linspace(0.0, 1.0, 41)
    sizes = tl.expected_win_set_size(spreads, quota)
    assert np.all(np.diff(sizes) <= 0)
    assert sizes.min() == pytest.approx(1 - quota)


def test_x_is_easier_to_satisfy_than_y_in_the_chapter_scenario():
    """Spreads of 0.6 in X and 0.9 in Y: at any common quota X's win-set is the
    larger, i.e. X's constituents are easier to satisfy."""
    for q in (0.5, 2 / 3, 0.75, 1.0):
        assert tl.win_set(X, q, "X").width > tl.win_set(Y, q, "Y").width


# --- the proposal on the boundary and the margin exercise (note 38, p. 439) ---


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 0.45), st.floats(0.01, 0.49), st.floats(1e-3, 0.3))
def test_a_proposal_on_y_boundary_fails_at_least_half_the_time(x1, y1, sigma):
    """When Y's believed boundary is below the even split, the Nash proposal sits on
    it, Y's factor is Phi(0) = 1/2 whatever the parameters, and the deal fails
    ratification at least half the time."""
    if y1 < x1:
        return
    r = tl.defection_rates(x1, y1, sigma)
    assert r.proposal == pytest.approx(y1)
    assert r.involuntary >= 0.5 - 1e-12


def test_margin_exercise_both_sides_gain_and_the_reversal_disappears():
    """Formal exercise 'how far from the edge?': with x1 = 0.30, y1 = 0.46,
    sigma = 0.05, X's expected share peaks at a smaller margin than Y's (the
    margin comes out of X's share), both beat the proposal on the edge, and Y's
    best exceeds what Y expects under the looser constraint y1 = 0.55."""
    x1, y1, sigma = 0.30, 0.46, 0.05

    def phi(z: float) -> float:
        return 0.5 * (1 + math.erf(z / math.sqrt(2)))

    margins = np.linspace(0.0, 3 * sigma, 301)
    p = np.array([phi((y1 - m - x1) / sigma) * phi(m / sigma) for m in margins])
    assert p[0] == pytest.approx(1 - tl.defection_rates(x1, y1, sigma).involuntary, abs=1e-12)
    x_expects, y_expects = p * (y1 - margins), p * (1 - y1 + margins)
    assert 0 < margins[x_expects.argmax()] < margins[y_expects.argmax()]
    assert x_expects.max() > x_expects[0] and y_expects.max() > y_expects[0]
    looser = tl.defection_rates(x1, 0.55, sigma)
    assert y_expects.max() > (1 - looser.involuntary) * (1 - looser.proposal)
