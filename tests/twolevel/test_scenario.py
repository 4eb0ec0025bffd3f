"""Tests of twolevel.scenario: the generic Scenario (validated once, replace, dict round trips) and Figure 1's."""

import dataclasses

import pytest
from hypothesis import given, settings
from inputs import bad_quotas, quotas, unit

import twolevel as tl


def test_defaults_are_the_chapters_scenarios():
    assert tl.Figure1Params() == tl.Figure1Params(spread_x=0.6, spread_y=0.9, quota_x=0.5, quota_y=0.5, n=1001)
    assert tl.Figure1Params().n == tl.DEFAULT_SIZE


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
    with pytest.raises(ValueError, match="quota_x must"):
        tl.Figure1Params().replace(quota_x=q)


def test_bad_parameters_name_themselves():
    with pytest.raises(TypeError, match="n must be an integer"):
        tl.Figure1Params(n=10.5)
    with pytest.raises(TypeError, match="params must be a Figure2Params"):
        tl.with_overrides(tl.Figure2Params, tl.Figure1Params(), {})
    with pytest.raises(TypeError, match="Figure2Params has no parameter 'gamma'"):
        tl.with_overrides(tl.Figure2Params, None, {"gamma": 0.5})


def test_replace_and_dict_round_trips_are_generic():
    """One interface for every scenario of the package, not a list of classes."""
    scenarios = [
        tl.Figure1Params(),
        tl.Figure2Params(),
        tl.InstitutionsScenario(),
        tl.RuleScenario(),
        tl.BudgetScenario(),
        tl.RallyScenario(),
        tl.DefectionModel(0.3, 0.55, 0.05),
    ]
    for s in scenarios:
        assert isinstance(s, tl.Scenario)
        assert type(s).from_dict(s.to_dict()) == s
        name = s.parameter_names()[0]
        assert s.replace(**{name: getattr(s, name)}) == s
        with pytest.raises(TypeError, match=f"{type(s).__name__} has no parameter 'nonsense'"):
            s.replace(nonsense=1)
        with pytest.raises(TypeError, match="has no parameter 'nonsense'"):
            type(s).from_dict({"nonsense": 1})


def test_with_overrides_takes_any_scenario_class():
    assert tl.with_overrides(tl.BudgetScenario, None, {"budget": 0.02}).budget == 0.02
    with pytest.raises(TypeError, match="cls must be a Scenario class"):
        tl.with_overrides(dict, None, {})
