"""Tests of twolevel.packages: two-issue packages, iso-vote curves and the lens (Putnam pp. 446-447)."""

import doctest
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import twolevel as tl
import twolevel.packages as tp

# -- strategies ----------------------------------------------------------------

shares = st.floats(0.05, 0.95)
gammas = st.floats(0.2, 1.0)
quotas = st.floats(0.05, 1.0)
unit = st.floats(0.0, 1.0)
reservations = st.lists(st.floats(0, 1), min_size=1, max_size=25)


@st.composite
def empirical_side(draw, side="A"):
    beef = tl.Constituency(draw(reservations))
    citrus = tl.Constituency(draw(reservations))
    return tp.TwoIssueSide(beef, citrus, draw(shares), draw(quotas), side)


@st.composite
def power_pair(draw):
    a = tp.TwoIssueSide.power(draw(shares), draw(gammas), draw(gammas), draw(quotas), "A", n=301)
    b = tp.TwoIssueSide.power(draw(shares), draw(gammas), draw(gammas), draw(quotas), "B", n=301)
    return a, b


def default_pair(n=2001, qa=0.6, qb=0.6, alpha=0.5, beta=0.5, g=0.5):
    return (
        tp.TwoIssueSide.power(alpha, g, g, qa, "A", n=n),
        tp.TwoIssueSide.power(beta, g, g, qb, "B", n=n),
    )


# -- the model -------------------------------------------------------------------


def test_docstring_examples():
    assert doctest.testmod(tp, optionflags=doctest.ELLIPSIS).failed == 0


def test_yes_share_counts_votes_directly():
    rng = np.random.default_rng(7)
    beef, citrus = rng.random(30), rng.random(20)
    wb, wc = rng.random(30) + 0.1, rng.random(20) + 0.1
    for side in ("A", "B"):
        s = tp.TwoIssueSide(tl.Constituency(beef, wb), tl.Constituency(citrus, wc), 0.35, 0.5, side)
        for b, c in rng.random((50, 2)):
            gb, gc = (b, c) if side == "A" else (1 - b, 1 - c)
            expected = 0.35 * wb[beef <= gb].sum() / wb.sum() + 0.65 * wc[citrus <= gc].sum() / wc.sum()
            assert s.yes_share(b, c) == pytest.approx(expected, abs=1e-12)
            assert s.ratifies(b, c) == (expected >= 0.5 * (1 - 1e-12))


def test_vectorised_and_broadcasting():
    a, _ = default_pair(n=101)
    b = np.linspace(0, 1, 5)
    out = a.yes_share(b[:, None], b[None, :])
    assert out.shape == (5, 5)
    assert a.yes_share(1.0, 1.0) == 1.0 and a.yes_share(0.0, 0.0) == 0.0
    assert isinstance(a.ratifies(0.5, 0.5), bool)
    assert a.ratifies(b, 1.0).dtype == bool


def test_power_family_follows_its_cdf():
    n = 1000
    s = tp.TwoIssueSide.power(0.3, 0.5, 0.8, 0.5, "A", n=n)
    x = np.linspace(0, 1, 97)
    expected = 0.3 * x**0.5 + 0.7 * x**0.8
    # Each empirical CDF is within 1/(2n) of x**gamma (midpoint quantile grid).
    assert np.max(np.abs(s.yes_share(x, x) - expected)) <= 1 / (2 * n) + 1e-12
    b = tp.TwoIssueSide.power(0.3, 0.5, 0.8, 0.5, "B", n=n)
    assert np.max(np.abs(b.yes_share(1 - x, 1 - x) - expected)) <= 1 / (2 * n) + 1e-12


def test_grid_is_the_yes_share_and_is_reused_across_quotas():
    a, _ = default_pair(n=501)
    g = tp.iso_vote_grid(a, 41)
    B, C = np.meshgrid(g.b, g.c)
    np.testing.assert_allclose(g.values, a.yes_share(B, C), atol=1e-14)
    m1 = tp.win_set_mask(a, g)
    m2 = tp.win_set_mask(a.with_quota(0.8), g)
    assert m2.sum() < m1.sum() and not (m2 & ~m1).any()
    assert np.array_equal(tp.win_set_mask(a, n=41), m1)


def test_contour_is_the_boundary_of_the_win_set():
    for side in default_pair(n=1001, qa=0.65, qb=0.7):
        k = tp.contour(side, 101)
        assert k.size > 50
        assert np.all(side.ratifies(k.b, k.c))  # on the winning side ...
        step = 1e-9 if side.side == "A" else -1e-9  # ... and minimal: one step toward the rival loses
        worse_b = side.ratifies(np.clip(k.b - step, 0, 1), k.c)
        worse_c = side.ratifies(k.b, np.clip(k.c - step, 0, 1))
        interior = (k.b > 1e-6) & (k.b < 1 - 1e-6) & (k.c > 1e-6) & (k.c < 1 - 1e-6)
        assert np.all(~(worse_b & worse_c)[interior])
        # A1/B1 first (smallest b), on the top or left edge; A2/B2 last, on the right or bottom edge.
        assert np.all(np.diff(k.b) >= 0) and np.all(np.diff(k.c) <= 0)
        assert k.c[0] == pytest.approx(1, abs=1e-9) or k.b[0] == pytest.approx(0, abs=1e-9)
        assert k.b[-1] == pytest.approx(1, abs=1e-9) or k.c[-1] == pytest.approx(0, abs=1e-9)


def test_lens_and_corners_of_the_symmetric_case():
    a, b = default_pair(n=4001)
    # sqrt(b) + sqrt(c) = 1.2 and sqrt(1-b) + sqrt(1-c) = 1.2 meet at u = sqrt(b) solving
    # sqrt(1-u^2) + sqrt(1-(1.2-u)^2) = 1.2.
    lo, hi = 0.9, 1.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if math.sqrt(1 - mid**2) + math.sqrt(1 - (1.2 - mid) ** 2) > 1.2 else (lo, mid)
    corners = tp.lens_corners(a, b)
    assert len(corners) == 2
    assert corners[1] == pytest.approx((lo**2, (1.2 - lo) ** 2), abs=2e-3)
    assert corners[0] == pytest.approx(((1.2 - lo) ** 2, lo**2), abs=2e-3)
    for x, y in corners:  # on both contours, within one constituent's vote
        assert abs(a.yes_share(x, y) - 0.6) <= 2 / 4001
        assert abs(b.yes_share(x, y) - 0.6) <= 2 / 4001
    lens = tp.lens(a, b, 201)
    assert not lens.is_empty and 0.3 < lens.area < 0.37
    # Raising both quotas to 0.7 leaves a sliver; at 0.75 deadlock.
    assert tp.lens(a.with_quota(0.75), b.with_quota(0.75), 201).is_empty
    assert tp.lens_corners(a.with_quota(0.75), b.with_quota(0.75)) == []


def test_uniform_contours_are_straight_and_meet_once():
    a = tp.TwoIssueSide.power(0.6, 1.0, 1.0, 0.5, "A", n=2001)
    b = tp.TwoIssueSide.power(0.3, 1.0, 1.0, 0.5, "B", n=2001)
    k = tp.contour(a, 101)
    # 0.6 b + 0.4 c = 0.5
    assert np.max(np.abs(0.6 * k.b + 0.4 * k.c - 0.5)) < 2e-3
    corners = tp.lens_corners(a, b)
    assert len(corners) == 1
    # 0.6 b + 0.4 c = 0.5 and 0.3 (1 - b) + 0.7 (1 - c) = 0.5 -> b = 1/6 * ..., solve exactly:
    m = np.array([[0.6, 0.4], [0.3, 0.7]])
    exact = np.linalg.solve(m, [0.5, 0.5])
    assert corners[0] == pytest.approx(tuple(exact), abs=2e-3)
    # No interior tangency between straight iso-vote lines of different slopes.
    assert tp.contract_curve(a, b).size == 0


def test_contract_curve_of_the_symmetric_case_is_the_diagonal():
    a, b = default_pair(n=11)
    cc = tp.contract_curve(a, b, 51)
    assert cc.size == 51
    np.testing.assert_allclose(cc.c, cc.b, atol=1e-10)


def test_contract_curve_with_smoothed_empirical_laws_is_close_to_the_exact_one():
    a, b = default_pair(n=1001, alpha=0.6, beta=0.4)
    exact = tp.contract_curve(a, b, 41)
    smooth_a = tp.TwoIssueSide(a.beef, a.citrus, a.beef_weight, a.quota, "A")  # no laws: kernel smoothing
    smooth_b = tp.TwoIssueSide(b.beef, b.citrus, b.beef_weight, b.quota, "B")
    approx = tp.contract_curve(smooth_a, smooth_b, 41)
    # The kernel blurs the density's singularity at 0 (near the corners the smoothed sides may
    # not be tangent at all), so compare away from the corners.
    mid = (exact.b > 0.15) & (exact.b < 0.85)
    common = np.isin(exact.b[mid], approx.b)
    assert common.all()
    # Tolerance: the kernel (bandwidth about 0.5 sd n^-1/5) biases the density most where x**0.5
    # is most curved, near 0: up to about 0.04 in c on this range.
    np.testing.assert_allclose(approx.c[np.isin(approx.b, exact.b[mid])], exact.c[mid], atol=0.05)


def test_smooth_law_without_density_uses_a_central_difference():
    law = tp.SmoothLaw(lambda x: np.asarray(x) ** 0.5)
    x = np.array([0.1, 0.5, 0.9])
    np.testing.assert_allclose(law.density(x), 0.5 * x**-0.5, rtol=1e-5)
    a = tp.TwoIssueSide.power(0.5, 0.5, 0.5, 0.6, "A", n=11)
    b = tp.TwoIssueSide.power(0.5, 0.5, 0.5, 0.6, "B", n=11)
    numeric = tp.TwoIssueSide(a.beef, a.citrus, 0.5, 0.6, "A", law, law)
    np.testing.assert_allclose(tp.contract_curve(numeric, b, 21).c, tp.contract_curve(a, b, 21).c, atol=1e-6)


# -- note 56: heterogeneous issues -----------------------------------------------


def test_heterogeneous_beef_win_set_is_not_a_wedge():
    # Ranchers' ideal beef gains cluster around 0.4; no-agreement leaves them at 0.1.
    ideals = tl.SpatialConstituency(np.linspace(0.3, 0.5, 41))
    citrus = tl.Constituency.uniform(1.0, 201)
    grid = tp.heterogeneous_iso_vote_grid(ideals, 0.1, citrus, 0.7, n=101)
    win = grid.values >= 0.75
    i_mid, i_high = np.searchsorted(grid.b, 0.4), np.searchsorted(grid.b, 0.95)
    j_top = grid.c.size - 1
    assert win[j_top, i_mid]  # (0.4, 1) is ratified ...
    assert not win[j_top, i_high]  # ... but (0.95, 1), northeast of it, is not: A's ranchers think it too much
    # Each row of the win-set is an interval closed on both sides: the contour is closed, not a wedge.
    row = win[j_top]
    on = np.flatnonzero(row)
    assert on[0] > 0 and on[-1] < row.size - 1 and np.all(np.diff(on) == 1)
    # Every rancher's approval set is an interval containing the reversion point, so each row of
    # the win-set is one interval around it. Here no row reaches b = 0 or b = 1 and the bottom row
    # is not empty: the contour V = q is two separate curves, each from the bottom edge to the top.
    g2 = tp.heterogeneous_iso_vote_grid(ideals, 0.1, citrus, 0.8, n=101)
    win2 = g2.values >= 0.75
    for row in win2:
        on = np.flatnonzero(row)
        assert on.size and on[0] > 0 and on[-1] < row.size - 1 and np.all(np.diff(on) == 1)
    # With the lower weight the bottom row is empty: a U-shaped contour with both ends on the top edge.
    assert not win[0].any()
    # The homogeneous side never does this.
    assert np.all(np.diff(tp.iso_vote_grid(default_pair(n=101)[0], 51).values, axis=1) >= 0)


# -- properties ---------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(empirical_side("A"), unit, unit, unit, unit)
def test_a_win_set_is_northeast_closed(side, b, c, db, dc):
    if side.ratifies(b, c):
        assert side.ratifies(b + db * (1 - b), c + dc * (1 - c))


@settings(max_examples=150, deadline=None)
@given(empirical_side("B"), unit, unit, unit, unit)
def test_b_win_set_is_southwest_closed(side, b, c, db, dc):
    if side.ratifies(b, c):
        assert side.ratifies(b * (1 - db), c * (1 - dc))


@settings(max_examples=60, deadline=None)
@given(power_pair(), quotas, quotas)
def test_raising_a_quota_never_enlarges_the_lens(pair, qa2, qb2):
    a, b = pair
    grids = (tp.iso_vote_grid(a, 31), tp.iso_vote_grid(b, 31))
    base = tp.lens(a, b, grids=grids)
    for a2, b2 in ((a.with_quota(max(a.quota, qa2)), b), (a, b.with_quota(max(b.quota, qb2)))):
        tighter = tp.lens(a2, b2, grids=grids)
        assert not (tighter.mask & ~base.mask).any()
        assert tighter.area <= base.area


@settings(max_examples=60, deadline=None)
@given(power_pair())
def test_every_lens_point_is_ratified_by_both(pair):
    a, b = pair
    lens = tp.lens(a, b, 31)
    jj, ii = np.nonzero(lens.mask)
    assert np.all(a.ratifies(lens.b[ii], lens.c[jj])) and np.all(b.ratifies(lens.b[ii], lens.c[jj]))
    jj, ii = np.nonzero(~lens.mask)
    both = a.ratifies(lens.b[ii], lens.c[jj]) & b.ratifies(lens.b[ii], lens.c[jj])
    assert not both.any()
    assert np.isfinite(lens.area) and lens.is_empty == (lens.area == 0)


@settings(max_examples=40, deadline=None)
@given(power_pair())
def test_contract_curve_points_are_tangencies(pair):
    a, b = pair
    cc = tp.contract_curve(a, b, 31)
    assume(cc.size > 0)
    inside = (cc.b > 1e-4) & (cc.b < 1 - 1e-4) & (cc.c > 1e-4) & (cc.c < 1 - 1e-4)
    bb, cc_ = cc.b[inside], cc.c[inside]
    # Gradients of the smooth yes-shares by central differences of the CDFs (not the densities
    # the search used): they must be anti-parallel within the difference error.
    h = 1e-6

    def grad(side, x, y):
        fb, fc = side.laws
        sign = 1.0 if side.side == "A" else -1.0
        gx, gy = (x, y) if side.side == "A" else (1 - x, 1 - y)
        db = (fb.cdf(gx + h) - fb.cdf(gx - h)) / (2 * h)
        dc = (fc.cdf(gy + h) - fc.cdf(gy - h)) / (2 * h)
        return sign * side.beef_weight * db, sign * (1 - side.beef_weight) * dc

    ab, ac = grad(a, bb, cc_)
    xb, xc = grad(b, bb, cc_)
    sine = np.abs(ab * xc - ac * xb) / (np.hypot(ab, ac) * np.hypot(xb, xc))
    assert np.all(sine < 1e-5)
    assert np.all(ab * xb < 0) and np.all(ac * xc < 0)  # anti-parallel: opposite directions


@settings(max_examples=40, deadline=None)
@given(power_pair())
def test_outputs_are_never_nan(pair):
    a, b = pair
    for curve in (tp.contour(a, 21), tp.contour(b, 21), tp.contract_curve(a, b, 21)):
        assert np.all(np.isfinite(curve.b)) and np.all(np.isfinite(curve.c))
        assert np.all((curve.b >= 0) & (curve.b <= 1) & (curve.c >= 0) & (curve.c <= 1))
    for x, y in tp.lens_corners(a, b, 201):
        assert 0 <= x <= 1 and 0 <= y <= 1
    assert len(tp.lens_corners(a, b, 201)) <= 2
    res = tp.tangency_residual(a, b, np.linspace(0, 1, 11), np.linspace(0, 1, 11))
    assert np.all(np.isfinite(res))


# -- bad input -------------------------------------------------------------------------

bad_open_unit = st.one_of(
    st.floats(max_value=0.0), st.floats(min_value=1.0), st.just(math.nan), st.just(math.inf)
)
bad_quota = st.one_of(
    st.floats(max_value=0.0), st.floats(min_value=1.0, exclude_min=True), st.just(math.nan), st.just(-math.inf)
)
bad_gamma = st.one_of(
    st.floats(max_value=0.05, exclude_max=True), st.floats(min_value=1.0, exclude_min=True), st.just(math.nan)
)
not_numbers = st.one_of(st.text(max_size=3), st.none(), st.booleans(), st.lists(st.floats(), max_size=2))


@settings(max_examples=60, deadline=None)
@given(bad_open_unit)
def test_bad_weights_are_rejected(x):
    with pytest.raises(ValueError, match=r"alpha must (lie in the open interval \(0, 1\)|be a finite)"):
        tp.TwoIssueSide.power(x, 0.5, 0.5, 0.5)
    c = tl.Constituency([0.5])
    with pytest.raises(ValueError, match="beef_weight must"):
        tp.TwoIssueSide(c, c, x, 0.5)
    with pytest.raises(ValueError, match="beef_weight must"):
        tp.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 0.1, c, x)


@settings(max_examples=60, deadline=None)
@given(bad_quota)
def test_bad_quotas_are_rejected(q):
    with pytest.raises(ValueError, match=r"quota must (lie in \(0, 1\]|be a finite)"):
        tp.TwoIssueSide.power(0.5, 0.5, 0.5, q)
    a, _ = default_pair(n=11)
    with pytest.raises(ValueError, match="quota must"):
        a.with_quota(q)
    with pytest.raises(ValueError, match="level must"):
        tp.iso_vote_curve(a, q)


@settings(max_examples=60, deadline=None)
@given(bad_gamma)
def test_bad_gammas_are_rejected(g):
    with pytest.raises(ValueError, match=r"gamma_beef must (lie in \[0.05, 1.0\]|be a finite)"):
        tp.TwoIssueSide.power(0.5, g, 0.5, 0.5)
    with pytest.raises(ValueError, match=r"gamma_citrus must"):
        tp.TwoIssueSide.power(0.5, 0.5, g, 0.5)
    with pytest.raises(ValueError, match=r"gamma must"):
        tp.SmoothLaw.power(g)


@settings(max_examples=60, deadline=None)
@given(not_numbers)
def test_non_numbers_are_type_errors(x):
    with pytest.raises(TypeError, match="must be a real number"):
        tp.TwoIssueSide.power(x, 0.5, 0.5, 0.5)
    with pytest.raises(TypeError, match="must be a real number"):
        tp.TwoIssueSide.power(0.5, 0.5, 0.5, x)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.integers(max_value=10), st.integers(min_value=4002)))
def test_grid_sizes_out_of_range(n):
    a, b = default_pair(n=11)
    for fn in (
        lambda: tp.iso_vote_grid(a, n),
        lambda: tp.lens(a, b, n),
        lambda: tp.contour(a, n),
        lambda: tp.lens_corners(a, b, n),
        lambda: tp.contract_curve(a, b, n),
        lambda: tp.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 0.1, a.citrus, 0.5, n),
    ):
        with pytest.raises(ValueError, match=r"n must be an integer >= 11 and <= 4001"):
            fn()


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.floats(max_value=0.0, exclude_max=True), st.floats(min_value=1.0, exclude_min=True),
                 st.just(math.nan)))
def test_packages_outside_the_box_are_rejected(x):
    a, b = default_pair(n=11)
    with pytest.raises(ValueError, match=r"b must lie in \[0, 1\]"):
        a.yes_share(x, 0.5)
    with pytest.raises(ValueError, match=r"c must lie in \[0, 1\]"):
        b.ratifies(0.5, [0.2, x])
    with pytest.raises(ValueError, match=r"b must lie in \[0, 1\]"):
        tp.tangency_residual(a, b, x, 0.5)


def test_other_bad_arguments():
    a, b = default_pair(n=11)
    c = tl.Constituency([0.5])
    with pytest.raises(ValueError, match="side must be 'A' or 'B'"):
        tp.TwoIssueSide.power(0.5, 0.5, 0.5, 0.5, "X")
    with pytest.raises(TypeError, match="beef must be a Constituency"):
        tp.TwoIssueSide([0.5], c, 0.5, 0.5)
    with pytest.raises(TypeError, match="citrus_law must be a SmoothLaw"):
        tp.TwoIssueSide(c, c, 0.5, 0.5, "A", None, "x**2")
    with pytest.raises(ValueError, match="n must be an integer >= 1"):
        tp.TwoIssueSide.power(0.5, 0.5, 0.5, 0.5, n=0)
    with pytest.raises(TypeError, match="b must be a real number or an array"):
        a.yes_share("0.5", 0.5)
    with pytest.raises(ValueError, match="b and c must broadcast"):
        a.yes_share([0.1, 0.2], [0.1, 0.2, 0.3])
    with pytest.raises(TypeError, match="side must be a TwoIssueSide"):
        tp.iso_vote_grid("A")
    with pytest.raises(ValueError, match="a_side must be side 'A'"):
        tp.lens(b, a)
    with pytest.raises(ValueError, match="b_side must be side 'B'"):
        tp.lens_corners(a, a)
    with pytest.raises(TypeError, match="b_side must be a TwoIssueSide"):
        tp.contract_curve(a, None)
    with pytest.raises(ValueError, match="grid was computed for side 'B'"):
        tp.win_set_mask(a, tp.iso_vote_grid(b, 11))
    with pytest.raises(TypeError, match="grid must be an IsoVoteGrid"):
        tp.win_set_mask(a, np.zeros((3, 3)))
    with pytest.raises(ValueError, match="grids must share the same axes"):
        tp.lens(a, b, grids=(tp.iso_vote_grid(a, 11), tp.iso_vote_grid(b, 13)))
    with pytest.raises(TypeError, match="grids must be a pair"):
        tp.lens(a, b, grids=tp.iso_vote_grid(a, 11))
    with pytest.raises(TypeError, match="cdf must be callable"):
        tp.SmoothLaw(0.5)
    with pytest.raises(TypeError, match="pdf must be callable or None"):
        tp.SmoothLaw(np.sqrt, 1.0)
    with pytest.raises(TypeError, match="constituency must be a Constituency"):
        tp.SmoothLaw.logistic_kernel([0.5])
    with pytest.raises(ValueError, match=r"bandwidth must lie in \[0.0001, 1\]"):
        tp.SmoothLaw.logistic_kernel(c, bandwidth=0.0)
    with pytest.raises(TypeError, match="beef must be a SpatialConstituency"):
        tp.heterogeneous_iso_vote_grid(c, 0.1, c, 0.5)
    with pytest.raises(TypeError, match="citrus must be a Constituency"):
        tp.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 0.1, [0.5], 0.5)
    with pytest.raises(ValueError, match=r"reversion must lie in \[0, 1\]"):
        tp.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 1.5, c, 0.5)


def test_chapter5_exercise_lens_vanishes_near_076():
    """Chapter 5's build-your-own-lens exercise: navy lobbies 0.7 / 0.3, shape 0.5."""

    def empty(q: float) -> bool:
        a = tl.TwoIssueSide.power(0.7, 0.5, 0.5, quota=q, side="A")
        b = tl.TwoIssueSide.power(0.3, 0.5, 0.5, quota=q, side="B")
        return tl.lens(a, b, n=401).is_empty

    assert not empty(0.75) and empty(0.78)
    assert not empty(0.76) and empty(0.765)
