"""Tests of twolevel.symbolic: closed forms agree with the numeric model."""

import numpy as np
import pytest
import sympy as sp

import twolevel as tl
from twolevel.symbolic import ratification_formulas


def test_uniform_closed_forms():
    f = ratification_formulas("uniform", "uniform")
    qx, qy = f.q_x, f.q_y
    sx, sy = f.x_family.params[0], f.y_family.params[0]
    assert sp.simplify(f.x1 - qx * sx) == 0
    assert sp.simplify(f.y1 - (1 - qy * sy)) == 0
    assert f.deadlock_quota == sp.Min(1, (1 - qx * sx) / sy)
    assert f.deadlock_quota.subs({qx: 0.5, sx: 0.2, sy: 0.5}) == 1
    # Where Y's constraint binds, Y's share rises at rate s_Y with Y's quota.
    val = f.dy_share_dq_y.subs({qx: 0.5, sx: 0.6, qy: 2 / 3, sy: 0.9})
    assert float(val) == pytest.approx(0.9)


GRID = [
    (qx, qy, sx, sy)
    for qx in (0.3, 0.5, 0.8)
    for qy in (0.5, 2 / 3, 0.9, 1.0)
    for sx in (0.4, 0.9)
    for sy in (0.6, 1.0)
]


@pytest.mark.parametrize("family", ["uniform", "kumaraswamy"])
def test_symbolic_and_numeric_layers_agree_on_a_grid(family):
    f = ratification_formulas(family, family)
    shape = (2.0, 1.5)  # Kumaraswamy a, b for both sides
    x1f, y1f, dqf = f.numeric("x1"), f.numeric("y1"), f.numeric("deadlock_quota")
    n = 20_001
    for qx, qy, sx, sy in GRID:
        if family == "uniform":
            args = (qx, qy, sx, sy)
            cx, cy = tl.Constituency.uniform(sx, n), tl.Constituency.uniform(sy, n)
        else:
            args = (qx, qy, *shape, sx, *shape, sy)
            cx, cy = tl.Constituency.kumaraswamy(*shape, sx, n), tl.Constituency.kumaraswamy(*shape, sy, n)
        wx, wy = tl.win_set(cx, qx, "X"), tl.win_set(cy, qy, "Y")
        assert wx.lo == pytest.approx(x1f(*args), abs=2e-3)
        assert wy.hi == pytest.approx(y1f(*args), abs=2e-3)
        # Overlap condition: symbolic vs numeric (away from the knife edge).
        gap = float(x1f(*args)) - float(y1f(*args))
        if abs(gap) > 5e-3:
            assert tl.overlap(wx, wy).is_empty == (gap > 0)
        dq = float(dqf(*args))
        if 1e-2 < dq < 1 - 1e-2:
            assert tl.deadlock_quota(cx, qx, cy) == pytest.approx(dq, abs=2e-3)


def test_y_share_formula_matches_nash_bargaining():
    f = ratification_formulas("uniform", "uniform")
    share = f.numeric("y_share")
    for qy in np.linspace(0.5, 0.75, 6):
        x, y = tl.Constituency.uniform(0.6, 20_001), tl.Constituency.uniform(0.9, 20_001)
        feasible = tl.overlap(tl.win_set(x, 0.5, "X"), tl.win_set(y, float(qy), "Y"))
        assert 1 - tl.nash_bargaining(feasible) == pytest.approx(float(share(0.5, qy, 0.6, 0.9)), abs=1e-3)


def test_latex_and_bad_arguments():
    f = ratification_formulas("kumaraswamy", "uniform")
    tex = f.latex()
    assert set(tex) == {"X_1", "Y_1", r"q_Y^\dagger", r"\pi_Y", r"\partial \pi_Y / \partial q_Y"}
    assert "a_{X}" in tex["X_1"]
    with pytest.raises(ValueError, match="family must be one of"):
        ratification_formulas("normal")
    with pytest.raises(ValueError, match="name must be one of"):
        f.numeric("nope")
