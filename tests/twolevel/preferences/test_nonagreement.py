"""Tests of twolevel.nonagreement: the cost of no-agreement (pp. 442-443)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import percent_quotas, reservation_lists, unit

import twolevel as tl

costs = reservation_lists(40)


@settings(max_examples=200, deadline=None)
@given(costs, unit, percent_quotas)
def test_lowering_every_cost_never_enlarges_the_win_set(k, factor, q):
    """p. 442: 'the lower the cost of no-agreement to constituents, the smaller the win-set'."""
    before = tl.constituency_from_costs(k)
    after = tl.constituency_from_costs(np.asarray(k) * factor)
    assert tl.win_set(after, q, "X").width <= tl.win_set(before, q, "X").width


@settings(max_examples=200, deadline=None)
@given(costs, unit, unit, percent_quotas)
def test_self_sufficiency_shrinks_the_win_set(k, lam1, lam2, q):
    c = tl.constituency_from_costs(k)
    more, less = sorted((lam1, lam2))  # lower dependence = more self-sufficient
    assert (
        tl.win_set(tl.self_sufficient(c, more), q, "X").width <= tl.win_set(tl.self_sufficient(c, less), q, "X").width
    )


def test_self_sufficient_states_make_fewer_and_harder_bargains():
    """p. 443, with the chapter's numbers: a fixed partner and Nash bargaining."""
    base = tl.Constituency.uniform(0.5, 2001)
    wy = tl.win_set(tl.Constituency.uniform(0.6, 2001), 0.6, "Y")
    rooms, deals = [], []
    for dependence in (1.0, 0.8, 0.6, 0.5, 0.4):
        feasible = tl.overlap(tl.win_set(tl.self_sufficient(base, dependence), 0.5, "X"), wy)
        rooms.append(feasible.width)
        deals.append(tl.nash_bargaining(feasible))
    assert rooms == sorted(rooms, reverse=True) and rooms[-1] == 0.0  # less room, then none
    assert deals[0] == deals[1] == pytest.approx(0.5)  # the even split is still inside
    assert 0.5 < deals[2] < deals[3]  # X's own boundary binds: a harder bargain
    assert deals[4] is None


@pytest.mark.parametrize(
    ("z", "i", "q", "pivot"), [(0.2, 0.1, 0.5, (0.5 - 0.1) / 0.7), (0.0, 0.6, 0.5, 0.0), (0.3, 0.0, 0.8, 1.0)]
)
def test_isolationist_mix_closed_form(z, i, q, pivot):
    c = tl.isolationist_mix(z, i, n=20_000)
    assert c.pivot(q) == pytest.approx(pivot, abs=1e-3)


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 0.5), st.floats(0, 0.5), st.floats(0, 0.4), st.floats(0.05, 1))
def test_more_isolationists_or_fewer_internationalists_shrink_the_win_set(z, i, dz, q):
    base = tl.win_set(tl.isolationist_mix(z, i, n=400), q, "X").width
    assert tl.win_set(tl.isolationist_mix(min(z + dz, 1 - i), i, n=400), q, "X").width <= base
    assert tl.win_set(tl.isolationist_mix(z, max(i - dz, 0), n=400), q, "X").width <= base


def test_bad_input():
    with pytest.raises(ValueError, match=r"costs must lie in \[0.0, 1.0\]"):
        tl.constituency_from_costs([0.2, 1.2])
    with pytest.raises(ValueError, match="isolationists \\+ internationalists must be <= 1"):
        tl.isolationist_mix(0.7, 0.6)
    with pytest.raises(ValueError, match=r"dependence must lie in \[0, 1\]"):
        tl.self_sufficient(tl.Constituency([0.5]), 1.5)
    with pytest.raises(TypeError, match="constituency must be a Constituency"):
        tl.self_sufficient([0.5], 0.5)
