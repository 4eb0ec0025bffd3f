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
