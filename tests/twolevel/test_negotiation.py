"""Tests of twolevel.negotiation: the front door agrees with the functions it is built on."""

import json

import matplotlib
import pytest
from hypothesis import given, settings
from inputs import quotas, unit

import twolevel as tl

matplotlib.use("Agg")


@settings(max_examples=50, deadline=None)
@given(unit, unit, quotas, quotas)
def test_the_front_door_is_the_functions(sx, sy, qx, qy):
    x, y = tl.Constituency.uniform(sx, 101), tl.Constituency.uniform(sy, 101)
    talks = tl.Negotiation(x, y, qx, qy)
    wx, wy = tl.win_set(x, qx, "X"), tl.win_set(y, qy, "Y")
    assert (talks.win_set_x, talks.win_set_y, talks.overlap) == (wx, wy, tl.overlap(wx, wy))
    assert talks.outcomes() == {
        "nash": tl.nash_bargaining(tl.overlap(wx, wy)),
        "split": tl.split_the_difference(tl.overlap(wx, wy)),
    }
    assert talks.is_deadlock == tl.overlap(wx, wy).is_empty


def test_a_rule_object_gives_its_own_win_set():
    senate = tl.Constituency.uniform(0.9, 100)
    talks = tl.Negotiation(tl.Constituency.uniform(0.3), senate, rule_y=tl.SeatRule(100, 67))
    assert talks.win_set_y == tl.SeatRule(100, 67).win_set(senate, "Y") == tl.win_set(senate, 2 / 3, "Y")


def test_scenario_files_in_json_and_yaml(tmp_path):
    scenario = {
        "x": {"uniform": {"spread": 0.6}},
        "y": {"kumaraswamy": {"a": 2, "b": 1, "spread": 0.9}, "rule": "two_thirds"},
    }
    path = tmp_path / "talks.json"
    path.write_text(json.dumps(scenario))
    y = tl.Constituency.kumaraswamy(2, 1, 0.9)
    expected = tl.win_set(y, 2 / 3, "Y")
    assert tl.Negotiation.from_json(path).win_set_y == expected
    assert tl.Negotiation.from_json(json.dumps(scenario)).win_set_y == expected
    yaml_text = (
        "x:\n  uniform: {spread: 0.6}\ny:\n  kumaraswamy: {a: 2, b: 1, spread: 0.9}\n  quota: 0.6666666666666666\n"
    )
    assert tl.Negotiation.from_yaml(yaml_text).win_set_y == expected


@pytest.mark.parametrize(
    ("scenario", "error", "message"),
    [
        ({"x": {"uniform": {"spread": 0.6}}}, ValueError, "exactly the keys 'x' and 'y'"),
        ({"x": {"uniform": {"spread": 0.6}}, "y": {"spread": 0.9}}, ValueError, r"scenario\['y'\] has unknown keys"),
        ({"x": {"uniform": {"spread": 0.6}}, "y": {"uniform": {"spread": 0.9}, "rule": "most"}}, ValueError, "rule"),
        ({"x": {"uniform": {"spread": 0.6}}, "y": {"uniform": {"spread": 1.9}}}, ValueError, "spread must lie in"),
        (
            {"x": {"uniform": {"width": 0.6}}, "y": {"uniform": {"spread": 0.9}}},
            TypeError,
            r"scenario\['x'\]\['uniform'\]",
        ),
        ({"x": {"uniform": {"spread": 0.6}}, "y": {"uniform": {"spread": 0.9}, "quota": 0}}, ValueError, "quota"),
    ],
)
def test_bad_scenarios_name_the_key(scenario, error, message):
    with pytest.raises(error, match=message):
        tl.Negotiation.from_dict(scenario)


def test_bad_sides_name_the_parameter():
    c = tl.Constituency.uniform(0.5)
    with pytest.raises(TypeError, match="constituency_y must be a Constituency"):
        tl.Negotiation(c, [0.1, 0.2])
    with pytest.raises(ValueError, match="rule_x must lie in"):
        tl.Negotiation(c, c, rule_x=1.5)


def test_figure_1_of_the_negotiation():
    talks = tl.Negotiation(tl.Constituency.uniform(0.6), tl.Constituency.uniform(0.9), rule_y=2 / 3)
    fig = talks.figure()
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert {"X1", "Y1", "Y2", "Y3"} <= labels


def test_a_bad_rule_object_fails_when_the_negotiation_is_built():
    """A rule is any object with a win_set method (tl.Rule): one that does not give a WinSet is named at once."""

    class Sloppy:
        def win_set(self, constituency, side="X"):
            return (0.2, 1.0)

    class Unrelated:
        def win_set(self):
            return tl.WinSet(0.0, 1.0)

    c = tl.Constituency.uniform(0.5, 11)
    with pytest.raises(TypeError, match="the win-set of rule_y must be a WinSet"):
        tl.Negotiation(c, c, rule_y=Sloppy())
    with pytest.raises(TypeError, match="rule_x must be a ratification rule"):
        tl.Negotiation(c, c, rule_x=Unrelated())


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{", "source is neither a file nor a JSON scenario"),
        ("[]", "source: scenario must be a dict"),
        ('{"x": {"uniform": {"spread": 2}}, "y": {"uniform": {}}}', r"source: scenario\['x'\]\['uniform'\]: spread"),
    ],
)
def test_bad_json_names_the_source(source, message):
    with pytest.raises((TypeError, ValueError), match=f"^{message}"):
        tl.Negotiation.from_json(source)


def test_unreadable_files_and_bad_yaml_name_the_source(tmp_path):
    with pytest.raises(ValueError, match="^source names a file that cannot be read"):
        tl.Negotiation.from_json(tmp_path / "missing.json")
    with pytest.raises(ValueError, match="^source names a file that cannot be read"):
        tl.Negotiation.from_yaml(tmp_path)  # a directory
    with pytest.raises(ValueError, match="^source is neither a file nor a YAML scenario"):
        tl.Negotiation.from_yaml("x: [")
    with pytest.raises(TypeError, match="^source must be a path or the scenario's text"):
        tl.Negotiation.from_yaml(b"x: 1")
