"""Smooth laws of reservation values (twolevel.twoissue.laws)."""

import numpy as np
import pytest

import twolevel as tl


def test_smooth_law_without_density_uses_a_central_difference():
    law = tl.SmoothLaw(lambda x: np.asarray(x) ** 0.5)
    x = np.array([0.1, 0.5, 0.9])
    np.testing.assert_allclose(law.density(x), 0.5 * x**-0.5, rtol=1e-5)
    a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, 0.6, "A", n=11)
    b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, 0.6, "B", n=11)
    numeric = tl.TwoIssueConstituency(a.ranchers, a.farmers, 0.5, 0.6, "A", law, law)
    np.testing.assert_allclose(tl.contract_curve(numeric, b, 21).c, tl.contract_curve(a, b, 21).c, atol=1e-6)


@pytest.mark.parametrize("x", [-0.1, 1.5, float("nan"), float("inf"), [0.5, 2.0]])
def test_density_rejects_points_outside_the_unit_interval(x):
    for law in (tl.SmoothLaw.power(0.5), tl.SmoothLaw(lambda v: np.asarray(v) ** 2)):
        with pytest.raises(ValueError, match=r"x must lie in \[0, 1\]"):
            law.density(x)
    with pytest.raises(TypeError, match="x must be a real number"):
        tl.SmoothLaw.power(0.5).density("0.5")


def test_density_never_returns_nan_silently():
    broken = tl.SmoothLaw(np.sqrt, lambda v: np.where(np.asarray(v) > 0.5, np.nan, 1.0), name="broken")
    with pytest.raises(ValueError, match="pdf of the smooth law 'broken' gave a negative or NaN density"):
        broken.density([0.2, 0.8])
    assert tl.SmoothLaw.power(0.5).density(0.0) == np.inf  # documented: infinite at 0 for gamma < 1
