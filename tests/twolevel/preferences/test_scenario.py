"""Tests of twolevel.preferences.scenario: Figure 2's scenario."""

import pytest

import twolevel as tl


def test_defaults_are_the_chapters_scenario():
    p = tl.Figure2Params()
    assert (p.alpha, p.beta, p.gamma_a, p.gamma_b, p.quota_a, p.quota_b) == (0.55, 0.45, 0.5, 0.5, 0.65, 0.65)
    assert (p.n, p.resolution) == (2001, 301)


def test_figure2_constituencies_follow_the_scenario():
    a, b = tl.Figure2Params(alpha=0.6, beta=0.3, quota_b=0.7, n=101).constituencies()
    assert (a.side, a.beef_weight, a.quota, a.ranchers.size) == ("A", 0.6, 0.65, 101)
    assert (b.side, b.beef_weight, b.quota) == ("B", 0.3, 0.7)


def test_bad_parameters_name_themselves():
    with pytest.raises(ValueError, match=r"resolution must be an integer >= 11 and <= 4001"):
        tl.Figure2Params(resolution=5)
    with pytest.raises(ValueError, match="quota_a must"):
        tl.Figure2Params().replace(quota_a=1.5)
    with pytest.raises(TypeError, match="params must be a Figure2Params"):
        tl.with_overrides(tl.Figure2Params, tl.Figure1Params(), {})
    with pytest.raises(TypeError, match="Figure2Params has no parameter 'gamma'"):
        tl.with_overrides(tl.Figure2Params, None, {"gamma": 0.5})
