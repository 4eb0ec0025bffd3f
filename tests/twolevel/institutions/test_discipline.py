"""Party discipline and the 1986 conference (twolevel.institutions.discipline, p. 449)."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from inputs import constituencies, quotas, unit

import twolevel as tl


@settings(max_examples=200, deadline=None)
@given(constituencies(), quotas, unit, unit, st.sampled_from(["X", "Y"]))
def test_discipline_never_shrinks_the_win_set(c, q, d1, d2, side):
    lo, hi = sorted((d1, d2))
    weak, strong = tl.disciplined_win_set(c, q, lo, side), tl.disciplined_win_set(c, q, hi, side)
    assert strong.width >= weak.width
    assert (strong.lo <= weak.lo) if side == "X" else (strong.hi >= weak.hi)


@settings(max_examples=200, deadline=None)
@given(constituencies(), quotas, unit)
def test_the_disciplined_vote_is_d_plus_the_rest(c, q, d):
    """A share in the win-set gathers d + (1 - d) V(s) >= q; just below its boundary it does not."""
    w = tl.disciplined_win_set(c, q, d)
    s = w.lo
    assert d + (1 - d) * c.yes_share(s) >= q * (1 - 1e-9)
    if s > 0:
        below = float(np.nextafter(s, 0.0))
        assert d + (1 - d) * c.yes_share(below) < q


def test_no_discipline_is_the_plain_win_set_and_full_discipline_carries_everything():
    c = tl.Constituency.uniform(0.9, n=1001)
    assert tl.disciplined_win_set(c, 2 / 3, 0.0) == tl.win_set(c, 2 / 3)
    assert tl.disciplined_win_set(c, 2 / 3, 2 / 3) == tl.WinSet(0.0, 1.0)
    assert tl.disciplined_quota(0.5, 0.5) is None


@pytest.mark.parametrize("solution", ["nash", "split"])
def test_better_discipline_moves_the_bill_toward_the_senate_version(solution):
    """Toward, not past the middle: here the bill stays on the House's side (it ends at or above 0.5).

    Where the bill ends is Chapter 6's claim, tested in ``tests/twolevel/test_ch06_claims.py``.
    """
    house, senate = tl.Constituency.uniform(0.9), tl.Constituency.uniform(0.6)
    bills = [
        tl.conference_outcome(house, senate, 2 / 3, 0.5, discipline_house=d, solution=solution).bill
        for d in (0.0, 0.1, 0.2, 0.3, 0.4)
    ]
    assert all(b is not None for b in bills)
    assert all(b2 <= b1 for b1, b2 in zip(bills, bills[1:], strict=False))
    assert bills[-1] < bills[0]
    assert bills[-1] >= 0.5


@settings(max_examples=100, deadline=None)
@given(st.floats(0.3, 1.0), st.floats(0.3, 1.0), st.floats(0.5, 1.0), st.floats(0.5, 1.0), unit, unit)
def test_house_discipline_never_moves_the_bill_toward_the_house(sh, ss, qh, qs, d1, d2):
    house, senate = tl.Constituency.uniform(sh, n=201), tl.Constituency.uniform(ss, n=201)
    lo, hi = sorted((d1, d2))
    for solution in ("nash", "split"):
        a = tl.conference_outcome(house, senate, qh, qs, lo, 0.0, solution).bill
        b = tl.conference_outcome(house, senate, qh, qs, hi, 0.0, solution).bill
        assume(a is not None)  # deadlock under the weaker discipline: nothing to compare
        assert b is not None and b <= a + 1e-12


def test_discipline_cannot_enlarge_a_win_set_under_unanimity():
    """Exercise ex-discipline-derivation: with q = 1 every undisciplined member keeps a veto."""
    c = tl.Constituency.uniform(0.9, n=1001)
    for d in (0.0, 0.3, 0.9):
        assert tl.disciplined_win_set(c, 1.0, d) == tl.win_set(c, 1.0)
