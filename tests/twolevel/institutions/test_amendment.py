"""Up-or-down vote against piecemeal amendment (twolevel.institutions.amendment, p. 448)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import box_quotas, gammas, weight_shares

import twolevel as tl


@settings(max_examples=60, deadline=None)
@given(weight_shares, gammas, gammas, box_quotas, st.sampled_from(["A", "B"]))
def test_piecemeal_amendment_never_enlarges_the_win_set(alpha, gb, gc, q, side):
    ch = tl.TwoIssueConstituency.power(alpha, gb, gc, quota=q, side=side, n=201)
    piece = tl.piecemeal_mask(ch, 41)
    up = tl.win_set_mask(ch, resolution=41)
    assert np.all(piece <= up)


def test_the_guaranteed_vote_enlarges_the_lens():
    a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, side="A", n=1001)
    b = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, side="B", n=1001)
    cmp = tl.compare_procedures(a, b, resolution=101)
    assert cmp.area("piecemeal") < cmp.area("up_or_down")
    assert cmp.area("lens_piecemeal") < cmp.area("lens_up_or_down")
    # A package that trades beef for citrus passes as a whole but not clause by clause.
    i_b, i_c = np.searchsorted(cmp.b, 0.3), np.searchsorted(cmp.c, 0.8)
    assert cmp.up_or_down[i_c, i_b] and not cmp.piecemeal[i_c, i_b]


def test_piecemeal_is_each_issue_at_the_quota():
    a = tl.TwoIssueConstituency.power(0.5, 1.0, 1.0, quota=0.5, n=1001)
    m = tl.piecemeal_mask(a, 11)
    g = np.linspace(0, 1, 11)
    expected = (g[:, None] >= 0.5 - 1e-9) & (g[None, :] >= 0.5 - 1e-9)
    assert np.array_equal(m, expected)


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0.01, 1))
def test_committees_that_lower_expectations_enlarge_the_win_set(p1, p2, q):
    c = tl.Constituency.uniform(0.9, n=201)
    lo, hi = sorted((p1, p2))
    assert tl.win_set(tl.committee_expectations(c, hi), q).lo <= tl.win_set(tl.committee_expectations(c, lo), q).lo
