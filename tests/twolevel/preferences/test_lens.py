"""The lens of feasible packages and its corners (twolevel.twoissue.lens, p. 446)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import box_quotas, default_pair, power_pairs

import twolevel as tl


def test_lens_and_corners_of_the_symmetric_case():
    a, b = default_pair(n=4001)
    # sqrt(b) + sqrt(c) = 1.2 and sqrt(1-b) + sqrt(1-c) = 1.2 meet at u = sqrt(b) solving
    # sqrt(1-u^2) + sqrt(1-(1.2-u)^2) = 1.2.
    lo, hi = 0.9, 1.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if math.sqrt(1 - mid**2) + math.sqrt(1 - (1.2 - mid) ** 2) > 1.2 else (lo, mid)
    corners = tl.lens_corners(a, b)
    assert len(corners) == 2
    assert corners[1] == pytest.approx((lo**2, (1.2 - lo) ** 2), abs=2e-3)
    assert corners[0] == pytest.approx(((1.2 - lo) ** 2, lo**2), abs=2e-3)
    for x, y in corners:  # on both contours, within one constituent's vote
        assert abs(a.yes_share(x, y) - 0.6) <= 2 / 4001
        assert abs(b.yes_share(x, y) - 0.6) <= 2 / 4001
    lens = tl.lens(a, b, 201)
    assert not lens.is_empty and 0.3 < lens.area < 0.37
    # Raising both quotas to 0.7 leaves a sliver; at 0.75 deadlock.
    assert tl.lens(a.with_quota(0.75), b.with_quota(0.75), 201).is_empty
    assert tl.lens_corners(a.with_quota(0.75), b.with_quota(0.75)) == []


def test_uniform_contours_are_straight_and_meet_once():
    a = tl.TwoIssueConstituency.power(0.6, 1.0, 1.0, 0.5, "A", n=2001)
    b = tl.TwoIssueConstituency.power(0.3, 1.0, 1.0, 0.5, "B", n=2001)
    k = tl.contour(a, 101)
    # 0.6 b + 0.4 c = 0.5
    assert np.max(np.abs(0.6 * k.b + 0.4 * k.c - 0.5)) < 2e-3
    corners = tl.lens_corners(a, b)
    assert len(corners) == 1
    # 0.6 b + 0.4 c = 0.5 and 0.3 (1 - b) + 0.7 (1 - c) = 0.5 -> b = 1/6 * ..., solve exactly:
    m = np.array([[0.6, 0.4], [0.3, 0.7]])
    exact = np.linalg.solve(m, [0.5, 0.5])
    assert corners[0] == pytest.approx(tuple(exact), abs=2e-3)
    # No interior tangency between straight iso-vote lines of different slopes.
    assert tl.contract_curve(a, b).size == 0


@settings(max_examples=60, deadline=None)
@given(power_pairs(), box_quotas, box_quotas)
def test_raising_a_quota_never_enlarges_the_lens(pair, qa2, qb2):
    a, b = pair
    grids = (tl.iso_vote_grid(a, 31), tl.iso_vote_grid(b, 31))
    base = tl.lens(a, b, grids=grids)
    for a2, b2 in ((a.with_quota(max(a.quota, qa2)), b), (a, b.with_quota(max(b.quota, qb2)))):
        tighter = tl.lens(a2, b2, grids=grids)
        assert not (tighter.mask & ~base.mask).any()
        assert tighter.area <= base.area


@settings(max_examples=60, deadline=None)
@given(power_pairs())
def test_every_lens_point_is_ratified_by_both(pair):
    a, b = pair
    lens = tl.lens(a, b, 31)
    jj, ii = np.nonzero(lens.mask)
    assert np.all(a.ratifies(lens.b[ii], lens.c[jj])) and np.all(b.ratifies(lens.b[ii], lens.c[jj]))
    jj, ii = np.nonzero(~lens.mask)
    both = a.ratifies(lens.b[ii], lens.c[jj]) & b.ratifies(lens.b[ii], lens.c[jj])
    assert not both.any()
    assert np.isfinite(lens.area) and lens.is_empty == (lens.area == 0)


def test_chapter5_exercise_lens_vanishes_near_076():
    """Chapter 5's build-your-own-lens exercise: navy lobbies 0.7 / 0.3, shape 0.5."""

    def empty(q: float) -> bool:
        a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=q, side="A", n=2001)
        b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=q, side="B", n=2001)
        return tl.lens(a, b, resolution=401).is_empty

    assert not empty(0.75) and empty(0.78)
    assert not empty(0.76) and empty(0.765)
