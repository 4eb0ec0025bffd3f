"""Tests of twolevel.institutions.scenario: Chapter 6's scenarios and what they compute."""

import pytest

import twolevel as tl


def test_the_institutions_scenario_is_lever_outcome_on_its_constituencies():
    s = tl.InstitutionsScenario(quota_x=2 / 3, discipline=0.2, autonomy=0.3)
    x = tl.Constituency.uniform(0.9, tl.DEFAULT_SIZE)
    y = tl.win_set(tl.Constituency.uniform(0.6, tl.DEFAULT_SIZE), 0.5, "Y")
    assert s.win_set_y() == y
    assert s.outcome() == tl.lever_outcome(x, y, 2 / 3, 0.2, 0.3)


def test_the_sides_are_built_once_for_every_setting_of_xs_levers():
    """An explorer moves X's levers: both constituencies and Y's win-set are the same (immutable) objects throughout."""
    s = tl.InstitutionsScenario(spread_x=0.85, spread_y=0.65, n=301)
    moved = s.replace(quota_x=0.9, discipline=0.3, autonomy=0.6, leader_reservation=0.4)
    assert moved.constituency_x() is s.constituency_x() and moved.win_set_y() is s.win_set_y()
    assert s.replace(spread_x=0.8).constituency_x() is not s.constituency_x()
    assert s.replace(quota_y=0.6).win_set_y() != s.win_set_y()
    with pytest.raises(ValueError, match="read-only"):
        s.constituency_x().reservations[0] = 0.5


def test_the_rule_scenario_is_positional_for_the_sides_and_keyword_for_the_rest():
    s = tl.RuleScenario(0.8, 0.5, 0.6, 0.55, trials=10)
    assert (s.spread_x, s.spread_y, s.quota_x, s.quota_y, s.trials) == (0.8, 0.5, 0.6, 0.55, 10)
    with pytest.raises(TypeError):
        tl.RuleScenario(0.8, 0.5, 0.6, 0.55, 0.05)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("uncertainty", 1.5, "uncertainty must lie in"),
        ("temptation", 0.0, "temptation must be > 0"),
        ("sample_size", 20_000, "sample_size must be"),
        ("quota_y", 0.0, "quota_y must lie in"),
    ],
)
def test_bad_parameters_name_themselves(field, value, message):
    with pytest.raises(ValueError, match=message):
        tl.RuleScenario(**{field: value})
    if field == "quota_y":
        with pytest.raises(ValueError, match=message):
            tl.InstitutionsScenario(quota_y=value)
