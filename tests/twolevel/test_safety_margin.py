"""Tests of twolevel.safety_margin: proposals a margin inside the believed win-sets (note 38)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import uncertainties, unit

import twolevel as tl

margins = st.floats(0.0, 0.3)


@settings(max_examples=300, deadline=None)
@given(unit, unit, uncertainties)
def test_no_margin_is_the_defection_model(x1, y1, sigma):
    assert tl.defection_rates_with_margin(x1, y1, sigma, margin=0.0) == tl.defection_rates(x1, y1, sigma)


@settings(max_examples=300, deadline=None)
@given(unit, unit, margins)
def test_the_proposal_keeps_the_margin_when_the_overlap_allows_it(x1, y1, m):
    x = tl.cautious_proposal(x1, y1, m)
    if x1 > y1:
        assert x is None
    elif y1 - x1 >= 2 * m:
        assert x1 + m - 1e-12 <= x <= y1 - m + 1e-12
        assert x == pytest.approx(min(max(0.5, x1 + m), y1 - m))
    else:
        assert x == pytest.approx((x1 + y1) / 2)  # as far from both edges as the overlap allows


@settings(max_examples=300, deadline=None)
@given(unit, unit, uncertainties)
def test_a_one_sigma_margin_never_raises_the_risk_of_a_boundary_proposal(x1, y1, sigma):
    """On a boundary the proposal fails at least half the time; one sigma inside, less often."""
    on_edge = tl.defection_rates(x1, y1, sigma)
    if on_edge.proposal is None or on_edge.proposal not in (x1, y1) or y1 - x1 < 2 * sigma:
        return
    inside = tl.defection_rates_with_margin(x1, y1, sigma, margin=sigma)
    phi_one = 0.5 * (1 + math.erf(1 / math.sqrt(2)))
    assert on_edge.involuntary >= 0.5 - 1e-12
    # At least one sigma from both edges: ratified with probability >= Phi(1)^2.
    assert inside.involuntary <= 1 - phi_one**2 + 1e-12


def test_outcomes_sum_to_one_and_deadlock_is_kept():
    r = tl.defection_rates_with_margin(0.4, 0.7, 0.05, margin=0.1, reneging_cost=0.5, temptation=1.0)
    assert r.deadlock + r.involuntary + r.voluntary + r.implemented == pytest.approx(1.0)
    assert tl.defection_rates_with_margin(0.7, 0.4, 0.05, margin=0.1).deadlock == 1.0


def test_known_win_sets_never_fail_whatever_the_margin():
    for m in (0.0, 0.05, 0.2):
        assert tl.defection_rates_with_margin(0.65, 0.75, 0.0, margin=m).involuntary == 0.0


def test_bad_margins_are_refused_with_the_parameter_named():
    with pytest.raises(ValueError, match="margin must be >= 0"):
        tl.cautious_proposal(0.3, 0.6, -0.1)
    with pytest.raises(ValueError, match=r"margin must lie in \[0, 1\]"):
        tl.defection_rates_with_margin(0.3, 0.6, 0.05, margin=2.0)
    with pytest.raises(TypeError, match="margin"):
        tl.defection_rates_with_margin(0.3, 0.6, 0.05, margin="0.1")
    with pytest.raises(ValueError, match=r"x1 must lie in \[0, 1\]"):
        tl.cautious_proposal(1.5, 0.6, 0.1)
