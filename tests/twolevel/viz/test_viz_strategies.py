"""Tests of twolevel.viz.strategies (Chapter 7): the budget figure, its static and live explorers, and the chapter's charts."""

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import twolevel as tl
from twolevel.viz import (
    BudgetFigure,
    budget_curves,
    budget_state,
    budget_static_explorer,
    collusion_figure,
    marginal_value_figure,
    rally_figure,
)
from twolevel.viz.strategies import LABELS


def test_state_is_computed_by_the_model():
    s = budget_state(tl.BudgetScenario(budget=0.02, deal=0.55))
    c = tl.SwingConstituency.uniform(1.0, 100, 2 / 3, 0.05)
    assert s.targeted.probability == tl.best_use_of_budget(c, 0.55, 0.02).probability
    assert s.spread.probability == tl.across_the_board(c, 0.55, 0.02).probability
    assert list(s.groups) == list(tl.commitment_groups(c, 0.55))
    np.testing.assert_array_equal(s.budgets, np.linspace(0.0, 0.05, 41))
    assert s.curve_targeted[0] == pytest.approx(s.base_probability) == s.curve_spread[0]
    assert s.targeted_budgets[0] == 0.0 and s.targeted_budgets[-1] == 0.05
    assert np.all(np.diff(s.curve_targeted) >= -1e-12) and np.all(np.diff(s.targeted_budgets) >= -1e-12)
    # every point of the targeted curve is the model's: the best package for its budget buys its probability
    for b, p in list(zip(s.targeted_budgets, s.curve_targeted, strict=False))[::8]:
        assert tl.best_use_of_budget(c, 0.55, float(b)).probability == pytest.approx(p, abs=1e-9)
    # targeting never buys less than spreading the same money
    assert np.all(np.interp(s.budgets, s.targeted_budgets, s.curve_targeted) >= s.curve_spread - 1e-9)


def test_the_curves_are_computed_once_per_deal_not_once_per_frame():
    """The 41-point curves depend on the deal only: moving the budget reuses them."""
    budget_curves.cache_clear()
    states = [budget_state(budget=b, deal=0.6) for b in (0.0, 0.01, 0.02, 0.03)]
    assert all(s.curve_targeted is states[0].curve_targeted for s in states)
    assert budget_curves.cache_info().misses == 1
    budget_state(budget=0.01, deal=0.65)
    assert budget_curves.cache_info().misses == 2
    with pytest.raises(ValueError, match="read-only"):
        states[0].curve_targeted[0] = 1.0


def test_one_scenario_object_for_the_state_the_figure_and_both_explorers():
    s = tl.BudgetScenario(spread=0.9, n=60, quota=0.6, mood=0.08, deal=0.58, budget=0.02)
    assert budget_state(s).scenario == s
    static = budget_static_explorer(s, budgets=(0.0, 0.02), deals=(0.58, 0.6), dpi=20)
    assert [c.initial for c in static.controls] == [0.02, 0.58]
    assert static.caption.startswith("60 seats, 36 needed")
    assert static.alts[static.index()] == budget_state(s, max_budget=0.02).alt_text()
    live = tl.viz.budget_explorer(s)
    assert live.values() == {"budget": 0.02, "deal": 0.58, "quota": 0.6, "mood": 0.08}
    assert live.drawing.state.constituency.size == 60
    with pytest.raises(TypeError, match="BudgetScenario has no parameter 'initial_budget'"):
        budget_static_explorer(initial_budget=0.01)
    with pytest.raises(ValueError, match="mood must be > 0"):
        budget_state(s, mood=0.0)
    with pytest.raises(TypeError, match="BudgetScenario has no parameter 'seats'"):
        budget_state(seats=60)  # the package's word for a constituency's size is n


def test_the_figures_take_the_models_scenario_and_its_cached_seats():
    """viz defines no BudgetScenario of its own; the state is the scenario's own packages, on its one constituency."""
    assert not hasattr(tl.viz, "BudgetScenario")
    s = tl.BudgetScenario(n=60, quota=0.6, deal=0.58, budget=0.02)
    state = budget_state(s)
    assert state.constituency is s.constituency() is s.replace(budget=0.0, deal=0.6).constituency()
    for shown, model in ((state.targeted, s.targeted()), (state.spread, s.spread_evenly())):
        np.testing.assert_array_equal(shown.payments, model.payments)
        assert (shown.cost, shown.probability) == (model.cost, model.probability)


def test_update_moves_every_artist_and_creates_none():
    d = BudgetFigure(budget_state(budget=0.0, deal=0.5))
    children = [len(ax.get_children()) for ax in d.figure.axes]
    paid = d._paid
    for budget, deal in ((0.02, 0.6), (0.05, 0.7), (0.0, 0.55)):
        d.update(budget_state(budget=budget, deal=deal))
        assert [len(ax.get_children()) for ax in d.figure.axes] == children
        assert d._paid is paid  # one artist for every seat's payment, its heights changed
        order = np.argsort(d.state.constituency.reservations, kind="stable")
        np.testing.assert_allclose(paid.get_data().values, d.state.targeted.payments[order])
    with pytest.raises(ValueError, match="state has 60 seats; this figure was drawn for 100"):
        d.update(budget_state(n=60))


def _overlaps_line(box, line) -> bool:
    """Whether any drawn point of ``line`` falls inside ``box`` (display coordinates)."""
    xy = line.get_transform().transform(line.get_xydata())
    return any(box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1 for x, y in xy)


@pytest.mark.parametrize("deal", [0.5, 0.6, 0.7])
@pytest.mark.parametrize("budget", [0.0, 0.01, 0.05])
def test_no_curve_runs_through_a_legend(deal, budget):
    """Chapter 7's explorer drew its legend across the targeted curve: the legends now sit above the panels."""
    d = BudgetFigure(budget_state(budget=budget, deal=deal))
    fig = d.figure
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        legend = ax.get_legend()
        box = legend.get_window_extent(renderer)
        assert box.y0 >= ax.get_window_extent(renderer).y1 - 1, "the legend is inside the axes"
        for line in ax.get_lines():
            if line.get_visible() and len(line.get_xdata()):
                assert not _overlaps_line(box, line), line.get_label()


def test_slider_labels_are_capitalised_and_shared():
    e = budget_static_explorer(budgets=(0.0, 0.01), deals=(0.55, 0.6), dpi=20)
    live = tl.viz.budget_explorer()
    assert [c.label for c in e.controls] == [LABELS["budget"], LABELS["deal"]]
    assert [w.description for w in live.sliders.values()] == [LABELS[k] for k in ("budget", "deal", "quota", "mood")]
    assert all(label[0].isupper() for label in LABELS.values())


def test_group_labels_fit_their_bands_or_turn():
    d = BudgetFigure(budget_state())
    d.figure.draw_without_rendering()
    renderer = d.figure.canvas.get_renderer()
    for name, band in d._bands.items():
        label = d._band_labels[name]
        if not label.get_visible():
            continue
        lb, bb = label.get_window_extent(renderer), band.get_window_extent(renderer)
        assert bb.x0 - 1 <= lb.x0 and lb.x1 <= bb.x1 + 1, name


def test_the_chapters_other_charts_are_legible_and_stack_no_panels_side_by_side():
    c = tl.SwingConstituency.uniform(1.0, 100, 2 / 3, 0.05)
    a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.6, side="A", n=201)
    b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.6, side="B", n=201)
    figs = [
        rally_figure(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), np.linspace(-0.2, 0.2, 41), 0.05),
        marginal_value_figure(c, 0.6, 0.05),
        collusion_figure(a, b, ((0.5, 0.5),)),
        BudgetFigure(budget_state()).figure,
    ]
    from twolevel.viz.frames import smallest_text_pt

    for fig in figs:
        assert smallest_text_pt(fig) >= 11
        assert fig.get_size_inches()[0] <= 4.75


@pytest.mark.parametrize("deal", [0.5, 0.6, 0.7])
@pytest.mark.parametrize("budget", [0.0, 0.05])
def test_the_pivots_label_never_meets_a_band_label(deal, budget):
    d = BudgetFigure(budget_state(budget=budget, deal=deal))
    d.figure.draw_without_rendering()
    renderer = d.figure.canvas.get_renderer()
    pivot = d._pivot_text.get_window_extent(renderer)
    for name, label in d._band_labels.items():
        if label.get_visible():
            assert not pivot.overlaps(label.get_window_extent(renderer)), name
