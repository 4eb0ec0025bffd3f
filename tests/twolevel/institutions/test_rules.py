"""Ratification rules as objects (twolevel.institutions.rules, pp. 448-449)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import constituencies, quotas

import twolevel as tl


def contains(outer: tl.WinSet, inner: tl.WinSet) -> bool:
    return inner.is_empty or (not outer.is_empty and outer.lo <= inner.lo and inner.hi <= outer.hi)


@settings(max_examples=200, deadline=None)
@given(constituencies(), quotas, quotas, st.sampled_from(["X", "Y"]))
def test_a_stricter_quota_never_enlarges_the_win_set(c, q1, q2, side):
    lo, hi = sorted((q1, q2))
    assert contains(tl.QuotaRule(lo).win_set(c, side), tl.QuotaRule(hi).win_set(c, side))


@settings(max_examples=200, deadline=None)
@given(constituencies(max_size=30))
def test_majority_two_thirds_unanimity_are_nested(c):
    sets = [r.win_set(c) for r in (tl.simple_majority(), tl.two_thirds(), tl.unanimity())]
    assert contains(sets[0], sets[1]) and contains(sets[1], sets[2])
    # Unanimity's pivot is the most demanding member; no rule is stricter.
    assert tl.unanimity().pivot(c) == pytest.approx(float(c.reservations[c.weights > 0].max()))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(1, 40))
def test_seat_rule_is_the_quota_needed_over_seats(data, seats):
    values = data.draw(st.lists(st.floats(0, 1), min_size=seats, max_size=seats))
    needed = data.draw(st.integers(1, seats))
    c = tl.Constituency(values)
    rule = tl.SeatRule(seats, needed)
    assert rule.pivot(c) == tl.QuotaRule(needed / seats).pivot(c)
    assert rule.blocking_minority == seats - needed + 1
    # The blocking minority, voting no, defeats a share just below the pivot.
    s = rule.pivot(c)
    assert rule.ratifies(c, s)
    assert sum(v <= s for v in values) >= needed


def test_thirty_four_senators_can_block():
    senate = tl.SeatRule(100, 67)
    assert senate.blocking_minority == 34
    c = tl.Constituency.uniform(0.9, n=100)
    assert senate.pivot(c) == tl.two_thirds().pivot(c)


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(1, 20), quotas)
def test_weighted_votes_equal_a_constituency_weighted_the_same_way(data, n, q):
    values = data.draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    votes = data.draw(st.lists(st.floats(0.01, 10), min_size=n, max_size=n))
    assert tl.WeightedVotes(votes, q).pivot(tl.Constituency(values)) == tl.QuotaRule(q).pivot(
        tl.Constituency(values, votes)
    )


@settings(max_examples=200, deadline=None)
@given(st.data(), quotas, st.floats(0.05, 1.0), quotas)
def test_consensus_norm_is_never_laxer_than_its_quota(data, q, min_share, within):
    values = data.draw(st.lists(st.floats(0, 1), min_size=2, max_size=30))
    groups = data.draw(st.lists(st.integers(0, 3), min_size=len(values), max_size=len(values)))
    c = tl.Constituency(values)
    norm = tl.ConsensusNorm(q, tuple(groups), min_share, within)
    assert norm.pivot(c) >= tl.QuotaRule(q).pivot(c)
    # A veto for more groups (a lower size threshold) is never laxer.
    assert tl.ConsensusNorm(q, tuple(groups), min_share / 2, within).pivot(c) >= norm.pivot(c)


def test_consensus_gives_a_sizeable_minority_a_veto():
    c = tl.Constituency([0.1, 0.2, 0.3, 0.8, 0.9])
    assert tl.simple_majority().pivot(c) == 0.3
    assert tl.ConsensusNorm(0.5, (0, 0, 0, 1, 1), min_group_share=0.3).pivot(c) == 0.8
    # The same group below the size threshold has no veto.
    assert tl.ConsensusNorm(0.5, (0, 0, 0, 1, 1), min_group_share=0.5).pivot(c) == 0.3


def test_side_y_mirrors_side_x():
    c = tl.Constituency.uniform(0.9, n=101)
    for rule in (tl.simple_majority(), tl.two_thirds(), tl.unanimity()):
        x, y = rule.win_set(c, "X"), rule.win_set(c, "Y")
        assert y.hi == pytest.approx(1 - x.lo) and tl.rule_win_set(c, rule, "X") == x
        assert x == tl.win_set(c, rule.quota, "X")


def test_pivot_of_matches_constituency_pivot():
    rng = np.random.default_rng(3)
    r, w = rng.random(50), rng.random(50) + 0.1
    for q in (0.1, 0.5, 2 / 3, 1.0):
        assert tl.pivot_of(r, w, q) == tl.Constituency(r, w).pivot(q)
