"""Tests of twolevel.viz.share_line: the line of X's shares that Chapters 4 and 6 draw on."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")
from matplotlib.figure import Figure

import twolevel as tl
from twolevel import viz
from twolevel.viz import palette
from twolevel.viz.share_line import share_axis, show_feasible


def test_the_share_axis_runs_from_xm_to_ym():
    fig = Figure()
    ax = fig.add_subplot()
    share_axis(ax, pad=0.05)
    lo, hi = ax.get_xlim()
    assert (lo, hi) == pytest.approx((1.05, -0.05))  # X's share 1 (XM) on the left
    assert [ax.spines[s].get_visible() for s in ("left", "right", "top", "bottom")] == [False, False, False, True]


@pytest.mark.parametrize(("feasible", "shown"), [(tl.WinSet(0.3, 0.55), True), (tl.WinSet.empty(), False)])
def test_show_feasible_shades_the_overlap_or_says_deadlock(feasible, shown):
    ax = Figure().add_subplot()
    band, status = ax.axvspan(0, 0), ax.set_title("")
    assert show_feasible(band, status, feasible) is shown
    assert band.get_visible() is shown
    if shown:
        assert (band.get_x(), band.get_width()) == pytest.approx((0.3, 0.25))
        assert status.get_text() == "Feasible: X's share from 0.30 to 0.55"
        assert status.get_color() == palette.AGREEMENT
    else:
        assert status.get_text().startswith("Deadlock")
        assert status.get_color() == palette.DEADLOCK


@pytest.mark.parametrize("quota", [0.5, 2 / 3, 1.0])
def test_figure1_and_the_institutions_figure_say_the_same_of_the_same_overlap(quota):
    """With no discipline or autonomy, Chapter 6's figure is Figure 1 with X's spread and quotas."""
    s = tl.InstitutionsScenario(spread_x=0.6, spread_y=0.9, quota_y=quota)
    chapter6 = viz.InstitutionsFigure(viz.institutions_state(s))
    chapter4 = viz.Figure1(viz.figure1_state(spread_x=0.6, spread_y=0.9, quota_y=quota))
    assert chapter4.state.feasible == chapter6.state.outcome.feasible
    assert chapter4.status.get_text() == chapter6.status.get_text()
    assert chapter4._band.get_visible() == chapter6._band.get_visible()
