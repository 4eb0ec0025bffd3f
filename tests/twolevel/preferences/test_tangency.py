"""Tangency and the contract curve (twolevel.twoissue.contract, p. 447)."""

import numpy as np
from hypothesis import assume, given, settings
from inputs import default_pair, power_pairs

import twolevel as tl


def test_contract_curve_of_the_symmetric_case_is_the_diagonal():
    a, b = default_pair(n=11)
    cc = tl.contract_curve(a, b, 51)
    assert cc.size == 51
    np.testing.assert_allclose(cc.c, cc.b, atol=1e-10)


def test_contract_curve_with_smoothed_empirical_laws_is_close_to_the_exact_one():
    a, b = default_pair(n=1001, alpha=0.6, beta=0.4)
    exact = tl.contract_curve(a, b, 41)
    smooth_a = tl.TwoIssueConstituency(a.ranchers, a.farmers, a.beef_weight, a.quota, "A")  # no laws: kernel smoothing
    smooth_b = tl.TwoIssueConstituency(b.ranchers, b.farmers, b.beef_weight, b.quota, "B")
    approx = tl.contract_curve(smooth_a, smooth_b, 41)
    # The kernel blurs the density's singularity at 0 (near the corners the smoothed sides may
    # not be tangent at all), so compare away from the corners.
    mid = (exact.b > 0.15) & (exact.b < 0.85)
    common = np.isin(exact.b[mid], approx.b)
    assert common.all()
    # Tolerance: the kernel (bandwidth about 0.5 sd n^-1/5) biases the density most where x**0.5
    # is most curved, near 0: up to about 0.04 in c on this range.
    np.testing.assert_allclose(approx.c[np.isin(approx.b, exact.b[mid])], exact.c[mid], atol=0.05)


@settings(max_examples=40, deadline=None)
@given(power_pairs())
def test_contract_curve_points_are_tangencies(pair):
    a, b = pair
    cc = tl.contract_curve(a, b, 31)
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
