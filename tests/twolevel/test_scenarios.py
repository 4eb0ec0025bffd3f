"""Tests of twolevel.scenarios: the figures' parameter objects, validated once, defaults defined once."""

import dataclasses

import pytest
from hypothesis import given, settings
from strategies import bad_quotas, quotas, unit

import twolevel as tl


def test_defaults_are_the_chapters_scenarios():
    assert tl.Figure1Params() == tl.Figure1Params(spread_x=0.6, spread_y=0.9, quota_x=0.5, quota_y=0.5, n=1001)
    p = tl.Figure2Params()
    assert (p.alpha, p.beta, p.gamma_a, p.gamma_b, p.quota_a, p.quota_b) == (0.55, 0.45, 0.5, 0.5, 0.65, 0.65)


def test_parameters_are_keyword_only_and_frozen():
    with pytest.raises(TypeError):
        tl.Figure1Params(0.6, 0.9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tl.Figure1Params().quota_x = 0.7


@settings(max_examples=50, deadline=None)
@given(unit, unit, quotas, quotas)
def test_figure1_constituencies_follow_the_scenario(sx, sy, qx, qy):
    p = tl.Figure1Params(spread_x=sx, spread_y=sy, quota_x=qx, quota_y=qy, n=101)
    x, y = p.constituencies()
    assert x.reservations.max() <= sx and y.reservations.max() <= sy
    assert tl.win_set(x, p.quota_x, "X") == tl.win_set(tl.Constituency.uniform(sx, 101), qx, "X")


@settings(max_examples=50, deadline=None)
@given(bad_quotas)
def test_every_replacement_is_validated_again(q):
    with pytest.raises(ValueError, match="quota_y must"):
        tl.with_overrides(tl.Figure1Params, tl.Figure1Params(), {"quota_y": q})
    with pytest.raises(ValueError, match="quota_a must"):
        dataclasses.replace(tl.Figure2Params(), quota_a=q)


def test_bad_parameters_name_themselves():
    with pytest.raises(TypeError, match="n must be an integer"):
        tl.Figure1Params(n=10.5)
    with pytest.raises(ValueError, match=r"grid must be an integer >= 11 and <= 4001"):
        tl.Figure2Params(grid=5)
    with pytest.raises(TypeError, match="params must be a Figure2Params"):
        tl.with_overrides(tl.Figure2Params, tl.Figure1Params(), {})
    with pytest.raises(TypeError, match="Figure2Params has no parameter 'gamma'"):
        tl.with_overrides(tl.Figure2Params, None, {"gamma": 0.5})


def test_figure2_constituencies_follow_the_scenario():
    a, b = tl.Figure2Params(alpha=0.6, beta=0.3, quota_b=0.7, n=101).constituencies()
    assert (a.side, a.beef_weight, a.quota) == ("A", 0.6, 0.65)
    assert (b.side, b.beef_weight, b.quota) == ("B", 0.3, 0.7)
