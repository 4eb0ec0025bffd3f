"""Tests of twolevel.defection: voluntary versus involuntary defection (pp. 438-440)."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from inputs import uncertainties, unit

import twolevel as tl


def test_certainty_means_no_involuntary_defection():
    """Note 38: with known win-sets no rejected agreement is ever proposed."""
    r = tl.defection_rates(0.3, 0.55, uncertainty=0.0)
    assert r.involuntary == 0.0
    assert tl.simulate_defection(0.3, 0.55, 0.0, trials=1000).involuntary == 0.0


def test_high_reneging_cost_means_no_voluntary_defection():
    """The Bonn 'promise' (p. 438): reneging costs more than it can gain."""
    r = tl.defection_rates(0.3, 0.55, uncertainty=0.05, reneging_cost=1.0, temptation=0.8)
    assert r.voluntary == 0.0 and r.involuntary > 0.0


def test_outcomes_sum_to_one_and_simulation_matches_closed_form():
    for args in [(0.3, 0.55, 0.05, 0.2, 0.5), (0.45, 0.5, 0.1, 0.0, 1.0), (0.2, 0.9, 0.2, 0.9, 1.0)]:
        exact = tl.defection_rates(*args)
        sim = tl.simulate_defection(*args, trials=200_000, seed=1)
        total = exact.deadlock + exact.involuntary + exact.voluntary + exact.implemented
        assert total == pytest.approx(1.0)
        assert sim.involuntary == pytest.approx(exact.involuntary, abs=0.005)
        assert sim.voluntary == pytest.approx(exact.voluntary, abs=0.005)
        assert sim.proposal == exact.proposal


def test_deadlock_when_believed_win_sets_do_not_overlap():
    r = tl.defection_rates(0.6, 0.4, 0.1)
    assert r.deadlock == 1.0 and r.proposal is None


def test_worked_contrast_for_the_chapter():
    # Chapter 4: Y's boundary 0.55 (majority) vs 0.40 (two-thirds), sigma = 0.05.
    wide = tl.defection_rates(0.30, 0.55, 0.05)
    narrow = tl.defection_rates(0.30, 0.40, 0.05)
    assert narrow.involuntary > 3 * wide.involuntary


@settings(max_examples=300, deadline=None)
@given(unit, unit, unit, uncertainties)
def test_shrinking_y_win_set_never_lowers_involuntary_defection(x1, ya, yb, sigma):
    """'The smaller the win-sets, the greater the risk of involuntary defection' (p. 440)."""
    wide_y, narrow_y = max(ya, yb), min(ya, yb)
    assume(narrow_y >= x1)
    wide = tl.defection_rates(x1, wide_y, sigma).involuntary
    narrow = tl.defection_rates(x1, narrow_y, sigma).involuntary
    assert narrow >= wide - 1e-12


@settings(max_examples=300, deadline=None)
@given(unit, unit, unit, uncertainties)
def test_shrinking_x_win_set_never_lowers_involuntary_defection(xa, xb, y1, sigma):
    wide_x, narrow_x = min(xa, xb), max(xa, xb)
    assume(narrow_x <= y1)
    assert (
        tl.defection_rates(narrow_x, y1, sigma).involuntary >= tl.defection_rates(wide_x, y1, sigma).involuntary - 1e-12
    )


def test_voluntary_defection_does_not_depend_on_win_sets_given_ratification():
    a = tl.defection_rates(0.1, 0.9, 0.0, reneging_cost=0.3, temptation=1.0)
    b = tl.defection_rates(0.45, 0.5, 0.0, reneging_cost=0.3, temptation=1.0)
    assert a.voluntary == pytest.approx(b.voluntary) == pytest.approx(1 - 0.3**2)
    assert np.isfinite([a.voluntary, a.involuntary]).all()


def test_the_model_object_and_the_functions_agree():
    """DefectionModel is Chapter 4's scenario: its methods are the two functions, draw for draw."""
    m = tl.DefectionModel(0.3, 0.55, 0.05, 0.8)
    assert m.rates() == tl.defection_rates(0.3, 0.55, 0.05, 0.8)
    assert m.simulate(trials=5000, seed=3) == tl.simulate_defection(0.3, 0.55, 0.05, 0.8, trials=5000, seed=3)
    assert m.replace(y1=0.4).rates() == tl.defection_rates(0.3, 0.4, 0.05, 0.8)
    with pytest.raises(TypeError, match="y1"):
        tl.DefectionModel.from_dict({"x1": 0.3, "uncertainty": 0.05})


def test_rates_at_another_proposal():
    """rates() is rates_at(proposal); a proposal on X's believed boundary fails X's vote half the time."""
    m = tl.DefectionModel(0.3, 0.55, 0.05, 0.8)
    assert m.rates_at(m.proposal) == m.rates()
    on_edge = m.rates_at(0.3)
    assert on_edge.involuntary == pytest.approx(0.5, abs=1e-6)
    assert on_edge.voluntary + on_edge.implemented == pytest.approx(0.5, abs=1e-6)
    assert m.rates_at(None) == tl.DefectionRates(1.0, 0.0, 0.0, 0.0, None)
    with pytest.raises(ValueError, match=r"proposal must lie in \[0, 1\]"):
        m.rates_at(1.5)
    with pytest.raises(TypeError, match="proposal"):
        m.rates_at("0.5")  # type: ignore[arg-type]
