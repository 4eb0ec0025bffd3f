"""Chapter 6's claims about the model (Level II institutions, pp. 448-450), the ones its core states in words.

The propositions' general properties are tested with the modules they belong
to (``tests/twolevel/institutions/``); here are the claims the chapter makes
in its own words: the conference bill, the expected value behind "warier"
partners, what decides where decomposition stops, and the assumption the
up-or-down result needs.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import twolevel as tl

from strategies import constituencies, quotas

#: The chapter's conferees: House values with law x**1, Senate values with law x**1.2, 30% discipline.
HOUSE = tl.Constituency.kumaraswamy(1.0, 1.0, spread=1.0, n=1001)
SENATE = tl.Constituency.kumaraswamy(1.2, 1.0, spread=1.0, n=1001)


# -- the 1986 conference (p. 449; prop-conference) -------------------------------------------


@pytest.mark.parametrize("solution", ["nash", "split"])
def test_the_chapters_conference_ends_closer_to_the_senate_version_once_the_house_is_disciplined(solution):
    """The model reproduces the side on which the bill ended, under both of Chapter 4's rules."""
    assert tl.conference_outcome(HOUSE, SENATE, 0.5, 0.5, discipline_house=0.0, solution=solution).bill is None
    bill = tl.conference_outcome(HOUSE, SENATE, 0.5, 0.5, discipline_house=0.3, solution=solution).bill
    assert bill is not None and bill < 0.5


@settings(max_examples=150, deadline=None)
@given(constituencies(), constituencies(), quotas, quotas, st.floats(0.0, 1.0))
def test_a_nash_bill_is_closer_to_the_senate_version_iff_the_senate_limit_is_below_the_middle(h, s, qh, qs, d):
    """prop-conference (ii): under Nash, x < 1/2 iff Y1 < 1/2, whatever the House's discipline."""
    o = tl.conference_outcome(h, s, qh, qs, discipline_house=d, solution="nash")
    if o.bill is None:
        return
    assert (o.bill < 0.5) == (o.senate.hi < 0.5)
    assert o.bill == pytest.approx(min(max(0.5, o.house.lo), o.senate.hi))


@settings(max_examples=150, deadline=None)
@given(constituencies(), constituencies(), quotas, quotas, st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_house_discipline_keeps_a_bill_feasible_and_never_moves_it_toward_the_house(h, s, qh, qs, d1, d2):
    """prop-conference (i), under both rules; (iii): the split bill is the midpoint."""
    lo, hi = sorted((d1, d2))
    for solution in ("nash", "split"):
        weak = tl.conference_outcome(h, s, qh, qs, discipline_house=lo, solution=solution)
        strong = tl.conference_outcome(h, s, qh, qs, discipline_house=hi, solution=solution)
        if weak.bill is not None:
            assert strong.bill is not None and strong.bill <= weak.bill + 1e-12
    split = tl.conference_outcome(h, s, qh, qs, discipline_house=hi, solution="split")
    if split.bill is not None:
        assert split.bill == pytest.approx((split.house.lo + split.senate.hi) / 2)


# -- warier partners: the expected value of p. 453 (note 72) ----------------------------------


@pytest.mark.parametrize("quota", [0.5, 2 / 3])
def test_uncertainty_about_ratification_lowers_the_partners_expected_value(quota):
    """"Uncertainty about party A's ratification lowers the expected value of the agreement to party B" (p. 453)."""
    known = tl.rule_outcome(0.9, 0.6, quota, 0.5, uncertainty=0.0, trials=200, seed=1)
    unsure = tl.rule_outcome(0.9, 0.6, quota, 0.5, uncertainty=0.05, trials=200, seed=1)
    assert known.us_share == unsure.us_share
    assert known.partner_value == pytest.approx(1.0 - known.us_share)
    assert unsure.partner_value < known.partner_value


def test_a_rule_tightened_into_deadlock_leaves_nothing_to_fail():
    """The model's limit (prop-tighter iii): with no overlap nothing is proposed, so nothing fails."""
    o = tl.rule_outcome(0.9, 0.6, 0.9, 0.5, uncertainty=0.05, trials=200, seed=1)
    assert o.us_share is None and o.involuntary == 0.0


# -- the up-or-down vote needs the model's assumption about clause voting (prop-up-or-down) ------


def _whole_chamber_mask(chamber, n=101):
    """Clause by clause, the whole chamber votes and members indifferent to a clause vote yes."""
    g = np.linspace(0.0, 1.0, n)
    fb, fc = np.asarray(chamber.ranchers.yes_share(g)), np.asarray(chamber.farmers.yes_share(g))
    a, q = chamber.beef_weight, chamber.quota
    return ((a * fb + (1 - a))[None, :] >= q) & ((a + (1 - a) * fc)[:, None] >= q)


@pytest.mark.parametrize(("alpha", "gamma", "quota"), [(0.5, 0.5, 0.5), (0.5, 1.0, 0.5), (0.3, 0.7, 2 / 3)])
def test_piecemeal_amendment_loses_packages_only_if_each_clause_is_decided_by_its_own_members(alpha, gamma, quota):
    chamber = tl.TwoIssueConstituency.power(alpha, gamma, gamma, quota=quota, side="A", n=1001)
    up = tl.win_set_mask(chamber, n=101)
    assert np.any(up & ~tl.piecemeal_mask(chamber, 101))  # the chapter's reading: packages are lost
    assert not np.any(up & ~_whole_chamber_mask(chamber))  # the whole chamber: none is lost


# -- where decomposition stops paying (p. 450) --------------------------------------------------


def test_the_chosen_depth_maximises_the_error_removed_net_of_the_actors_cost():
    r = tl.decomposition_returns(branching=3, depth=3, decay=0.4, replications=30, seed=1)
    for cost in (0.0, 0.0005, 0.002, 0.01, 1.0):
        net = (r.error[0] - r.error) - cost * (r.bodies - 1)
        best = tl.worthwhile_depth(r, cost)
        assert net[best] == pytest.approx(net.max())
        assert np.all(net[:best] < net.max() - 1e-12)  # ties go to the shallower depth
    assert tl.worthwhile_depth(r, 1.0) == 0


def test_a_levels_shift_of_the_boundary_is_not_the_error_it_removes():
    """The table's last column: the mean shift is at least the fall in mean error, and here larger."""
    r = tl.decomposition_returns(branching=3, depth=3, decay=0.4, replications=50, seed=1)
    removed = r.error[:-1] - r.error[1:]
    assert np.all(r.gain[1:] >= np.abs(removed) - 1e-12)
    assert r.gain[1] > removed[0] + 0.01
