"""Tests of twolevel.viz.institutions (Chapter 6): the institutions figure, its static frames, its live explorer and the paradox figure."""

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import twolevel as tl
from twolevel.viz import (
    InstitutionsFigure,
    institutions_state,
    institutions_static_explorer,
    paradox_figure,
)


def test_state_is_computed_by_the_model():
    s = institutions_state(
        tl.InstitutionsScenario(spread_x=0.9, spread_y=0.6, quota_x=2 / 3, quota_y=0.5, discipline=0.2, autonomy=0.3)
    )
    cx = tl.Constituency.uniform(0.9)
    assert s.outcome.win_set_x == tl.institutional_win_set(cx, 2 / 3, 0.2, 0.3)
    assert s.outcome.win_set_y == tl.win_set(tl.Constituency.uniform(0.6), 0.5, "Y")
    assert s.outcome.share_x == tl.nash_bargaining(tl.overlap(s.outcome.win_set_x, s.outcome.win_set_y))
    assert "no agreement is feasible" in institutions_state(quota_x=1.0).alt_text()


def test_static_explorer_frames_follow_the_model():
    e = institutions_static_explorer()
    assert len(e.frames) == 121 and len({c.name for c in e.controls}) == 2
    assert all(len(c.values) >= 11 for c in e.controls)
    for q in (0.5, 0.75, 1.0):
        for d in (0.0, 0.25, 0.5):
            alt = e.alts[e.index(quota_x=q, discipline=d)]
            assert alt == institutions_state(quota_x=q, discipline=d).alt_text()
    # A stricter rule cannot turn a deadlock into an agreement; discipline cannot do the reverse.
    assert "deadlock" in e.alts[e.index(quota_x=1.0, discipline=0.0)]
    html = e.to_html()
    assert "data:image/webp;base64," in html and "http" not in html.replace("http://www.w3.org", "")


def test_drawing_updates_in_place():
    d = InstitutionsFigure(institutions_state())
    n = len(d.ax.get_children())
    for q in (0.5, 1.0, 0.7):
        d.update(institutions_state(quota_x=q))
        assert len(d.ax.get_children()) == n


def test_one_scenario_object_for_the_state_both_explorers_and_the_paradox_figure():
    s = tl.InstitutionsScenario(spread_x=0.8, spread_y=0.7, quota_y=0.6, discipline=0.1, autonomy=0.2)
    assert institutions_state(s).scenario == s
    assert institutions_state(s, quota_x=0.9).scenario == tl.InstitutionsScenario(
        spread_x=0.8, spread_y=0.7, quota_x=0.9, quota_y=0.6, discipline=0.1, autonomy=0.2
    )
    live = tl.viz.institutions_explorer(s)
    assert live.drawing.state.scenario == s
    assert live.values() == {"quota_x": 0.5, "discipline": 0.1, "autonomy": 0.2}
    static = institutions_static_explorer(s, quotas=(0.5, 1.0), disciplines=(0.0, 0.1))
    assert "[0, 0.8] for X and [0, 0.7] for Y; Y ratifies by 60%" in static.caption
    assert static.alts[static.index()] == institutions_state(s).alt_text()
    with pytest.raises(TypeError, match="InstitutionsScenario has no parameter 'wealth'"):
        institutions_state(s, wealth=1.0)
    with pytest.raises(ValueError, match=r"discipline must lie in \[0, 1\]"):
        tl.viz.institutions_explorer(discipline=2.0)


def test_live_explorer_moves_with_its_sliders():
    e = tl.viz.institutions_explorer(spread_x=0.9, spread_y=0.6)
    e.sliders["quota_x"].value = 0.95
    assert "deadlock" in e.summary.value
    e.sliders["discipline"].value = 0.95
    assert "deadlock" not in e.summary.value and "Agreement at X's share" in e.summary.value


def test_paradox_figure_shows_both_effects():
    a = np.linspace(0, 1, 6)
    fig = paradox_figure(tl.InstitutionsScenario(spread_x=0.9, spread_y=0.7, quota_x=2 / 3), a, trials=500, seed=3)
    top, bottom = fig.axes
    prob, width = (ln.get_ydata() for ln in top.get_lines())
    share = bottom.get_lines()[0].get_ydata()
    assert np.all(np.diff(prob) >= 0) and np.all(np.diff(width) >= 0)
    assert np.all(np.diff(share) <= 1e-12) and share[0] > share[-1]
    with pytest.raises(ValueError, match="autonomies"):
        paradox_figure(autonomies=[1.5])


def test_the_figures_take_the_models_scenario_and_its_outcome():
    """viz defines no InstitutionsScenario of its own: the state is the model scenario's outcome()."""
    assert not hasattr(tl.viz, "InstitutionsScenario")
    s = tl.InstitutionsScenario(quota_x=0.7, discipline=0.1, autonomy=0.4)
    assert institutions_state(s).outcome == s.outcome()
    # Y's side is built once: moving X's levers reuses its win-set (cached by the scenario).
    assert institutions_state(s, quota_x=0.9).outcome.win_set_y is s.outcome().win_set_y


@pytest.mark.parametrize("leader", [0.2, 0.8])
def test_the_decision_makers_reservation_value_counts_in_every_figure(leader):
    """leader_reservation moves X's win-set under autonomy in the state, both explorers and the paradox figure."""
    s = tl.InstitutionsScenario(spread_x=0.9, spread_y=0.7, quota_x=2 / 3, autonomy=0.5, leader_reservation=leader)
    state = institutions_state(s)
    cx = tl.Constituency.uniform(0.9)
    assert state.outcome.win_set_x == tl.institutional_win_set(cx, 2 / 3, 0.0, 0.5, leader)
    assert state.outcome.win_set_x != institutions_state(s, leader_reservation=0.0).outcome.win_set_x
    assert f"own reservation value {leader:.2f}" in state.alt_text()
    static = institutions_static_explorer(s, levers=("quota_x", "autonomy"), quotas=(2 / 3, 1.0), autonomies=(0.5, 1.0))
    assert f"own reservation value {leader:g}" in static.caption
    assert static.alts[static.index()] == state.alt_text()
    live = tl.viz.institutions_explorer(s)
    assert live.drawing.state.outcome == state.outcome
    a = np.array([0.0, 0.5, 1.0])
    fig = paradox_figure(s, a, sample_size=11, trials=300, seed=2)
    prob, width = (ln.get_ydata() for ln in fig.axes[0].get_lines())
    expected = tl.autonomy_agreement_probability(
        0.9, 0.7, 2 / 3, 0.5, autonomy=a, leader_reservation=leader, sample_size=11, trials=300, seed=2
    )
    np.testing.assert_array_equal(prob, expected)
    np.testing.assert_array_equal(width, [institutions_state(s, autonomy=v).outcome.win_set_x.width for v in a])


def test_the_paradox_figure_refuses_a_discipline_its_probability_cannot_show():
    with pytest.raises(ValueError, match=r"^discipline must be 0 in paradox_figure"):
        paradox_figure(autonomies=[0.0, 1.0], trials=10, discipline=0.2)


@pytest.mark.parametrize("held", [0.0, 0.3])
def test_rule_and_autonomy_explorer_holds_discipline_and_follows_the_model(held):
    grid = (0.5, 0.75, 1.0)
    e = institutions_static_explorer(
        spread_y=0.7, levers=("quota_x", "autonomy"), discipline=held, quotas=grid, autonomies=(0.0, 0.5, 1.0)
    )
    assert e.name == "rule-and-autonomy" and [c.name for c in e.controls] == ["quota_x", "autonomy"]
    assert len(e.frames) == 9 and f"{held:.0%} of X's members follow the leader" in e.caption
    for q in grid:
        for a in (0.0, 0.5, 1.0):
            expected = institutions_state(spread_y=0.7, quota_x=q, discipline=held, autonomy=a).alt_text()
            assert e.alts[e.index(quota_x=q, autonomy=a)] == expected
    # The paradox of state strength on the sliders: at unanimity, autonomy turns the deadlock
    # into an agreement, and X's share never rises with autonomy under any rule.
    assert "deadlock" in e.alts[e.index(quota_x=1.0, autonomy=0.0)]
    assert "deadlock" not in e.alts[e.index(quota_x=1.0, autonomy=1.0)]
    for q in grid:
        states = [institutions_state(spread_y=0.7, quota_x=q, discipline=held, autonomy=a) for a in (0.0, 0.5, 1.0)]
        shares = [s.outcome.share_x for s in states]
        known = [s for s in shares if s is not None]
        assert all(b <= a + 1e-12 for a, b in zip(known, known[1:], strict=False))


def test_the_default_pair_is_unchanged_and_the_held_autonomy_counts():
    e = institutions_static_explorer(quotas=(0.5, 1.0), disciplines=(0.0, 0.5), autonomy=0.4)
    assert e.name == "institutions" and [c.name for c in e.controls] == ["quota_x", "discipline"]
    assert e.alts[e.index(quota_x=1.0, discipline=0.0)] == institutions_state(quota_x=1.0, autonomy=0.4).alt_text()
    assert "X's autonomy 0.4" in e.caption


def test_discipline_and_autonomy_pair_starts_at_the_nearest_positions():
    e = institutions_static_explorer(
        levers=("autonomy", "discipline"),
        quota_x=0.9,
        discipline=0.27,
        disciplines=(0.0, 0.25, 0.5),
        autonomies=(0.0, 1.0),
    )
    assert e.name == "autonomy-and-discipline" and "X ratifies by 90%" in e.caption
    assert [c.initial for c in e.controls] == [0.0, 0.25]
    assert e.alts[e.index()] == institutions_state(quota_x=0.9, discipline=0.25).alt_text()


@pytest.mark.parametrize(
    "levers",
    [
        ("quota_x",),
        ("quota_x", "quota_x"),
        ("quota_x", "wealth"),
        ("quota_x", "discipline", "autonomy"),
        "quota_x",
        None,
    ],
)
def test_bad_levers_are_refused_naming_the_parameter(levers):
    accepted = r"\('quota_x', 'discipline', 'autonomy'\)"
    with pytest.raises(ValueError, match=rf"^levers must be two distinct names among {accepted}"):
        institutions_static_explorer(levers=levers, quotas=(0.5, 1.0), disciplines=(0.0, 0.5))
