"""Tests of twolevel.preferences.box_formulas: Figure 2's closed forms agree with the numeric model.

Tolerances (n constituents per issue, midpoint quantile grid):

- Each empirical CDF is within 1/(2n) of x**gamma, so the numeric yes-share is within 1/(2n)
  of the closed form, and a point of the numeric contour wins at most one constituent more
  than the quota: |V_closed - q| <= 1/(2n) + (1 - alpha)/n <= 1.5/n on it.
- In c, the numeric contour is F^-1 of an argument within 1/(2n (1 - alpha)) of the exact one
  (1/(2n) from the pivot, alpha/(2n (1 - alpha)) from the beef vote), and x**(1/gamma) is
  (1/gamma)-Lipschitz on [0, 1]: |c_numeric - c_closed| <= 1/(2 n gamma_c (1 - alpha)).
- A corner is where two contours, each off by at most that much vertically, cross with slopes
  s_A and s_B: it moves by at most (d_A + d_B)/|s_A - s_B| in b (checked with a factor 2 margin).
- The contract curve uses the exact densities and bisection to 2**-50 of a logit step: it
  agrees with the closed form to rounding (1e-9).
"""

import subprocess
import sys

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from inputs import gammas, weight_shares

import twolevel.preferences as tp
from twolevel.preferences.box_formulas import exact_lens_corners as lens_corners
from twolevel.preferences.box_formulas import package_formulas

F = package_formulas()
CONTOUR_A, CONTOUR_B = F.numeric("contour_a"), F.numeric("contour_b")
V_A, V_B = F.numeric("v_a"), F.numeric("v_b")
CONTRACT, EQUATION = F.numeric("contract_curve"), F.numeric("contract_equation")


def args(b, alpha, beta, gammas, qa, qb, c=0.5):
    return (b, c, alpha, beta, *gammas, qa, qb)


def sides(alpha, beta, gammas, qa, qb, n):
    gab, gac, gbb, gbc = gammas
    return tp.TwoIssueConstituency.power(alpha, gab, gac, qa, "A", n), tp.TwoIssueConstituency.power(
        beta, gbb, gbc, qb, "B", n
    )


GRID = [
    (alpha, beta, gammas, qa, qb)
    for alpha in (0.35, 0.55)
    for beta in (0.45, 0.7)
    for gammas in ((0.5, 0.5, 0.5, 0.5), (0.4, 0.8, 0.4, 0.8), (0.6, 0.4, 0.9, 0.7), (1.0, 1.0, 1.0, 1.0))
    for qa, qb in ((0.55, 0.6), (0.7, 0.65))
]


def test_import_stays_light():
    code = "import sys, twolevel.preferences; print([m for m in ('sympy', 'matplotlib') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_closed_forms():
    b, c, alpha, beta = F["b"], F["c"], F["alpha"], F["beta"]
    g_ab, g_ac, q_a = F["gamma_Ab"], F["gamma_Ac"], F["q_A"]
    # The contour solves V_A = q_A (where the base of the power is >= 0, i.e. inside the box).
    assert sp.simplify(sp.powdenest(F.v_a.subs(c, F.contour_a), force=True) - q_a) == 0
    assert sp.simplify(sp.powdenest(F.v_b.subs(c, F.contour_b), force=True) - F["q_B"]) == 0
    # Shared exponents: (c/(1-c))^(1-g_c) = L (b/(1-b))^(1-g_b), L = beta(1-alpha)/(alpha(1-beta)).
    cc = F.contract_curve
    lhs = (cc / (1 - cc)) ** (1 - g_ac)
    rhs = beta * (1 - alpha) / (alpha * (1 - beta)) * (b / (1 - b)) ** (1 - g_ab)
    vals = {
        b: sp.Rational(3, 10),
        alpha: sp.Rational(3, 5),
        beta: sp.Rational(2, 5),
        g_ab: sp.Rational(1, 2),
        g_ac: sp.Rational(1, 3),
    }
    assert float(lhs.subs(vals)) == pytest.approx(float(rhs.subs(vals)), rel=1e-12)
    # ... and it satisfies the general tangency equation with shared exponents.
    shared = F.contract_equation.subs({F["gamma_Bb"]: g_ab, F["gamma_Bc"]: g_ac})
    assert abs(float(shared.subs(c, cc).subs(vals))) < 1e-12
    # alpha = beta and gamma_b = gamma_c: the diagonal.
    diag = cc.subs(
        {alpha: sp.Rational(1, 2), beta: sp.Rational(1, 2), g_ab: sp.Rational(1, 2), g_ac: sp.Rational(1, 2)}
    )
    assert sp.simplify(diag - b) == 0
    # Uniform corner: on both straight lines.
    bx, cx = F.uniform_corner
    lines = [F.v_a.subs({g_ab: 1, g_ac: 1}) - q_a, F.v_b.subs({F["gamma_Bb"]: 1, F["gamma_Bc"]: 1}) - F["q_B"]]
    assert all(sp.simplify(eq.subs({b: bx, c: cx})) == 0 for eq in lines)


@pytest.mark.parametrize(("alpha", "beta", "gammas", "qa", "qb"), GRID)
def test_contours_agree_with_the_bound(alpha, beta, gammas, qa, qb):
    n = 4001
    a, b = sides(alpha, beta, gammas, qa, qb, n)
    bs = np.linspace(0, 1, 201)
    for side, closed, w, g_c, q in ((a, CONTOUR_A, alpha, gammas[1], qa), (b, CONTOUR_B, beta, gammas[3], qb)):
        with np.errstate(invalid="ignore"):
            c = closed(*args(bs, alpha, beta, gammas, qa, qb))
        delta = 1 / (2 * n * g_c * (1 - w)) * (1 + 1e-9) + 1e-12
        # The closed form holds where the base of its power is in [0, 1] (the contour is in the box);
        # elsewhere an even root 1/gamma can still return a spurious real number.
        own_b = bs if side.side == "A" else 1 - bs
        g_b = gammas[0] if side.side == "A" else gammas[2]
        base = (q - w * own_b**g_b) / (1 - w)
        ok = (base >= 0) & (base <= 1) & np.isfinite(c) & (c - delta > 0) & (c + delta < 1)
        assert ok.sum() > 20
        better, worse = (c + delta, c - delta) if side.side == "A" else (c - delta, c + delta)
        assert np.all(side.ratifies(bs[ok], better[ok]))
        assert not np.any(side.ratifies(bs[ok], worse[ok]))
        # Points of the numeric contour: the closed-form yes-share is within 1.5/n of the quota.
        k = tp.contour(side, 201)
        v = (V_A if side.side == "A" else V_B)(k.b, k.c, alpha, beta, *gammas, qa, qb)
        assert np.max(np.abs(v - q)) <= 1.5 / n


@pytest.mark.parametrize(("alpha", "beta", "gammas", "qa", "qb"), GRID)
def test_lens_corners_agree(alpha, beta, gammas, qa, qb):
    n = 20_001
    a, b = sides(alpha, beta, gammas, qa, qb, n)
    numeric = tp.lens_corners(a, b, 2001)
    closed = lens_corners(alpha, beta, gammas, qa, qb)
    assert len(numeric) == len(closed)
    for (xn, yn), (xc, yc) in zip(numeric, closed, strict=True):
        h = 1e-6
        sa = (
            CONTOUR_A(*args(xc + h, alpha, beta, gammas, qa, qb))
            - CONTOUR_A(*args(xc - h, alpha, beta, gammas, qa, qb))
        ) / (2 * h)
        sb = (
            CONTOUR_B(*args(xc + h, alpha, beta, gammas, qa, qb))
            - CONTOUR_B(*args(xc - h, alpha, beta, gammas, qa, qb))
        ) / (2 * h)
        d_a = 1 / (2 * n * gammas[1] * (1 - alpha))
        d_b = 1 / (2 * n * gammas[3] * (1 - beta))
        tol_b = 2 * (d_a + d_b) / abs(sa - sb) + 1e-9
        assert xn == pytest.approx(xc, abs=tol_b)
        assert yn == pytest.approx(yc, abs=2 * (d_a + abs(sa) * tol_b) + 1e-9)


def test_uniform_corner_closed_form():
    bx, cx = F.numeric("uniform_corner_b"), F.numeric("uniform_corner_c")
    for alpha, beta, qa, qb in ((0.6, 0.3, 0.5, 0.5), (0.7, 0.4, 0.6, 0.55)):
        m = np.array([[alpha, 1 - alpha], [beta, 1 - beta]])
        exact = np.linalg.solve(m, [qa, 1 - qb])
        got = (bx(0, 0, alpha, beta, 1, 1, 1, 1, qa, qb), cx(0, 0, alpha, beta, 1, 1, 1, 1, qa, qb))
        np.testing.assert_allclose(got, exact, atol=1e-12)
        assert lens_corners(alpha, beta, (1, 1, 1, 1), qa, qb) == [pytest.approx(tuple(exact), abs=1e-12)]
    assert lens_corners(0.5, 0.5, (1, 1, 1, 1), 0.5, 0.5) == []  # parallel lines


@pytest.mark.parametrize("gammas", [(0.5, 0.5), (0.3, 0.7), (0.9, 0.2), (1.0, 0.6)])
@pytest.mark.parametrize(("alpha", "beta"), [(0.5, 0.5), (0.6, 0.4), (0.25, 0.8)])
def test_contract_curve_closed_form_matches_the_numeric_search(gammas, alpha, beta):
    g_b, g_c = gammas
    a = tp.TwoIssueConstituency.power(alpha, g_b, g_c, 0.5, "A", n=11)
    b = tp.TwoIssueConstituency.power(beta, g_b, g_c, 0.5, "B", n=11)
    cc = tp.contract_curve(a, b, 61)
    assert cc.size > 30
    closed = CONTRACT(cc.b, 0, alpha, beta, g_b, g_c, g_b, g_c, 0, 0)
    np.testing.assert_allclose(cc.c, closed, atol=1e-9)


def test_contract_equation_vanishes_on_the_numeric_curve_for_different_exponents():
    gammas = (0.3, 0.6, 0.8, 0.45)
    a = tp.TwoIssueConstituency.power(0.6, gammas[0], gammas[1], 0.5, "A", n=11)
    b = tp.TwoIssueConstituency.power(0.35, gammas[2], gammas[3], 0.5, "B", n=11)
    cc = tp.contract_curve(a, b, 61)
    assert cc.size > 30
    residual = EQUATION(cc.b, cc.c, 0.6, 0.35, *gammas, 0, 0)
    assert np.max(np.abs(residual)) < 1e-8


@settings(max_examples=30, deadline=None)
@given(weight_shares, weight_shares, gammas, st.floats(0.2, 0.8))
def test_symbolic_equals_numeric_contract_curve(alpha, beta, g_b, g_c):
    a = tp.TwoIssueConstituency.power(alpha, g_b, g_c, 0.5, "A", n=11)
    b = tp.TwoIssueConstituency.power(beta, g_b, g_c, 0.5, "B", n=11)
    cc = tp.contract_curve(a, b, 21)
    assume(cc.size > 0)
    np.testing.assert_allclose(cc.c, CONTRACT(cc.b, 0, alpha, beta, g_b, g_c, g_b, g_c, 0, 0), atol=1e-9)


@settings(max_examples=30, deadline=None)
@given(weight_shares, weight_shares, gammas, gammas, st.floats(0.3, 0.95), st.floats(0.3, 0.95))
def test_symbolic_equals_numeric_contours(alpha, beta, g_b, g_c, qa, qb):
    n = 2001
    gammas = (g_b, g_c, g_c, g_b)
    a, b = sides(alpha, beta, gammas, qa, qb, n)
    for side, v, q in ((a, V_A, qa), (b, V_B, qb)):
        k = tp.contour(side, 51)
        if k.size:
            assert np.max(np.abs(v(k.b, k.c, alpha, beta, *gammas, qa, qb) - q)) <= 1.5 / n


def test_latex_numeric_and_bad_arguments():
    tex = F.latex()
    assert len(tex) == 9 and r"\gamma_{Ac}" in tex[r"c_{A_1A_2}(b)"]
    assert package_formulas() is F  # cached
    with pytest.raises(ValueError, match="name must be one of"):
        F.numeric("nope")
    with pytest.raises(KeyError):
        F["nope"]
    with pytest.raises(ValueError, match=r"alpha must lie in the open interval \(0, 1\)"):
        lens_corners(1.0, 0.5, (0.5,) * 4, 0.5, 0.5)
    with pytest.raises(TypeError, match="beta must be a real number"):
        lens_corners(0.5, "0.5", (0.5,) * 4, 0.5, 0.5)
    with pytest.raises(TypeError, match="gammas must be a sequence of 4"):
        lens_corners(0.5, 0.5, 0.5, 0.5, 0.5)
    with pytest.raises(ValueError, match=r"gammas\[2\] must lie in \[0.05, 1.0\]"):
        lens_corners(0.5, 0.5, (0.5, 0.5, 1.5, 0.5), 0.5, 0.5)
    with pytest.raises(ValueError, match=r"quota_b must lie in \(0, 1\]"):
        lens_corners(0.5, 0.5, (0.5,) * 4, 0.5, 0.0)
    with pytest.raises(ValueError, match="scan must be an integer"):
        lens_corners(0.5, 0.5, (0.5,) * 4, 0.5, 0.5, scan=3)
