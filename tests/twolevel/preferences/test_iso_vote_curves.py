"""Iso-vote curves and the contours A1-A2, B1-B2 (twolevel.twoissue.curves, Figure 2, p. 447)."""

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import default_pair, power_pairs

import twolevel as tl


def test_contour_is_the_boundary_of_the_win_set():
    for side in default_pair(n=1001, qa=0.65, qb=0.7):
        k = tl.contour(side, 101)
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


@settings(max_examples=40, deadline=None)
@given(power_pairs())
def test_outputs_are_never_nan(pair):
    a, b = pair
    for curve in (tl.contour(a, 21), tl.contour(b, 21), tl.contract_curve(a, b, 21)):
        assert np.all(np.isfinite(curve.b)) and np.all(np.isfinite(curve.c))
        assert np.all((curve.b >= 0) & (curve.b <= 1) & (curve.c >= 0) & (curve.c <= 1))
    for x, y in tl.lens_corners(a, b, 201):
        assert 0 <= x <= 1 and 0 <= y <= 1
    # No bound on the number of corners: sampled (step) contours can cross
    # several times near a tangency, so Figure 2's two corners are not a property.
    res = tl.tangency_residual(a, b, np.linspace(0, 1, 11), np.linspace(0, 1, 11))
    assert np.all(np.isfinite(res))
