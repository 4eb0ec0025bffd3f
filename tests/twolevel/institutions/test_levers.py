"""The rule, discipline and autonomy together (twolevel.institutions.levers, pp. 448-450)."""

import pytest
from hypothesis import given, settings
from inputs import constituencies, quotas, unit

import twolevel as tl


@settings(max_examples=200, deadline=None)
@given(constituencies(), quotas, quotas, unit, unit, unit, unit)
def test_each_lever_moves_the_win_set_its_own_way(c, q1, q2, d1, d2, a1, a2):
    (qa, qb), (da, db), (aa, ab) = sorted((q1, q2)), sorted((d1, d2)), sorted((a1, a2))
    lo = lambda q, d, a: tl.institutional_win_set(c, q, d, a).lo  # noqa: E731
    assert lo(qb, da, aa) >= lo(qa, da, aa)  # a stricter rule never enlarges
    assert lo(qa, db, aa) <= lo(qa, da, aa)  # discipline never shrinks
    assert lo(qa, da, ab) <= lo(qa, da, aa)  # autonomy (r_L = 0) never shrinks


@settings(max_examples=200, deadline=None)
@given(constituencies(), quotas, unit, unit)
def test_one_lever_at_a_time_is_that_levers_module(c, q, d, a):
    assert tl.institutional_win_set(c, q, d, 0.0) == tl.disciplined_win_set(c, q, d)
    assert tl.institutional_win_set(c, q, 0.0, a) == tl.autonomous_win_set(c, q, a)
    assert tl.institutional_win_set(c, q) == tl.win_set(c, q)


def test_both_sides_shares_add_up_and_deadlock_has_none():
    us, y = tl.Constituency.uniform(0.9), tl.WinSet(0.0, 0.7)
    o = tl.lever_outcome(us, y, 2 / 3, 0.1, 0.1)
    assert o.share_x + o.share_y == pytest.approx(1.0)
    d = tl.lever_outcome(us, y, 1.0)
    assert d.share_x is None and d.share_y is None and d.feasible.is_empty
