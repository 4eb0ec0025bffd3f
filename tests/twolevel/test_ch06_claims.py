"""Chapter 6's claims about the model (Level II institutions, pp. 448-450), the ones its core states in words.

The propositions' general properties are tested with the modules they belong
to (``tests/twolevel/institutions/``); here are the claims the chapter makes
in its own words: the blocking minorities of its rules table, the Nash
solution as the core defines it, the conference bill, the coin toss behind
involuntary defection and the expected value behind "warier" partners, the
committees' illustration, where autonomy stops lowering the share, what
decides where decomposition stops, and the assumption the up-or-down result
needs.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import constituencies, quotas, uncertainties, unit

import twolevel as tl

#: The chapter's conferees: House values with law x**1, Senate values with law x**1.2, 30% discipline.
HOUSE = tl.Constituency.kumaraswamy(1.0, 1.0, spread=1.0, n=1001)
SENATE = tl.Constituency.kumaraswamy(1.2, 1.0, spread=1.0, n=1001)


#: The chapter's stylised Senate (100 senators, values evenly over [0, 0.9]) and U.S. constituency.
SENATE_100 = tl.Constituency.uniform(0.9, n=100)
US = tl.Constituency.uniform(0.9, n=1001)


# -- the rules table's blocking minorities (ch06-rules) -----------------------------------------


def test_a_90_percent_consensus_quota_is_blocked_by_11_senators():
    """The table's 90% quota has the pivot of 90 needed seats of 100, so 11 senators block it."""
    assert tl.ConsensusNorm(0.9).pivot(SENATE_100) == tl.SeatRule(100, 90).pivot(SENATE_100)
    assert tl.SeatRule(100, 90).blocking_minority == 11


def test_a_group_veto_is_blocked_by_16_of_the_30_most_demanding_senators():
    """Majority plus a veto for groups of 30%: the pivot is the demanding group's own majority pivot."""
    groups = tuple(int(i >= 70) for i in range(100))
    pivot = tl.ConsensusNorm(0.5, groups, 0.3).pivot(SENATE_100)
    group = tl.Constituency(np.sort(SENATE_100.reservations)[70:])
    assert pivot == tl.SeatRule(30, 15).pivot(group)
    assert tl.SeatRule(30, 15).blocking_minority == 16
    assert pivot > tl.SeatRule(100, 67).pivot(SENATE_100)  # stricter than two-thirds, as the table shows


# -- the Nash solution as the core states it (ch06-tighter) -----------------------------------------


@settings(max_examples=200, deadline=None)
@given(unit, unit)
def test_the_nash_deal_is_the_even_split_if_both_ratify_it_else_the_nearest_deal_both_ratify(x1, y1):
    """ "An even split if both sides would ratify it, otherwise the deal nearest an even split that both
    would ratify, on the boundary of the side that would not"."""
    feasible = tl.overlap(tl.WinSet(x1, 1.0), tl.WinSet(0.0, y1))
    deal = tl.nash_bargaining(feasible)
    if x1 > y1:
        assert deal is None
    elif x1 <= 0.5 <= y1:
        assert deal == pytest.approx(0.5)
    else:
        assert deal == pytest.approx(x1 if x1 > 0.5 else y1)  # the boundary of the side refusing 0.5


# -- the 1986 conference (p. 449; prop-conference) -------------------------------------------


@pytest.mark.parametrize("solution", ["nash", "split"])
def test_the_chapters_conference_ends_closer_to_the_senate_version_once_the_house_is_disciplined(solution):
    """The model reproduces the side on which the bill ended, under both of Chapter 4's rules."""
    assert tl.conference_outcome(HOUSE, SENATE, 0.5, 0.5, discipline_house=0.0, solution=solution).bill is None
    bill = tl.conference_outcome(HOUSE, SENATE, 0.5, 0.5, discipline_house=0.3, solution=solution).bill
    assert bill is not None and bill < 0.5


def test_in_the_chapters_conference_discipline_makes_the_nash_bill_possible_and_moves_only_the_split_bill():
    """ "It then sits at that limit whatever the House's discipline ... Under split-the-difference, more
    House control also pulls the bill toward the Senate"."""
    nash = [
        tl.conference_outcome(HOUSE, SENATE, 0.5, 0.5, discipline_house=d, solution="nash") for d in (0.3, 0.5, 0.8)
    ]
    assert all(o.bill == pytest.approx(o.senate.hi) for o in nash)
    # Strictly while discipline alone cannot carry the delegation (d < its quota 0.5); then it stops.
    split = [
        tl.conference_outcome(HOUSE, SENATE, 0.5, 0.5, discipline_house=d, solution="split").bill
        for d in (0.3, 0.4, 0.45, 0.5, 0.8)
    ]
    assert split[0] > split[1] > split[2] > split[3] == split[4]


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
    """ "Uncertainty about party A's ratification lowers the expected value of the agreement to party B" (p. 453)."""
    known = tl.rule_outcome(tl.RuleScenario(0.9, 0.6, quota, 0.5, uncertainty=0.0, trials=200, seed=1))
    unsure = tl.rule_outcome(tl.RuleScenario(0.9, 0.6, quota, 0.5, uncertainty=0.05, trials=200, seed=1))
    assert known.share_x == unsure.share_x
    assert known.partner_value == pytest.approx(1.0 - known.share_x)
    assert unsure.partner_value < known.partner_value


@pytest.mark.parametrize("quota", [0.5, 2 / 3, 0.75])
def test_the_partners_expected_share_is_its_share_times_the_chance_of_ratification(quota):
    """The table's last row; with known win-sets it still falls with a tighter rule, through the share alone."""
    o = tl.rule_outcome(tl.RuleScenario(0.9, 0.6, quota, 0.5, uncertainty=0.05, trials=200, seed=1))
    assert o.partner_value == pytest.approx((1.0 - o.involuntary) * (1.0 - o.share_x))
    before, after = tl.tighter_constraint(
        tl.RuleScenario(0.9, 0.6, 0.5, 0.5, uncertainty=0.0, trials=200, seed=1), 2 / 3
    )
    assert after.involuntary == before.involuntary == 0.0
    assert (before.partner_value, after.partner_value) == pytest.approx((0.50, 0.40), abs=0.005)


@settings(max_examples=100, deadline=None)
@given(st.floats(0.55, 0.95), st.floats(0.6, 0.9), uncertainties)
def test_a_binding_rule_puts_the_proposal_on_the_believed_boundary_so_it_fails_at_least_half_the_time(sx, sy, sigma):
    """ "It fails whenever the true boundary lies above the believed one: about half the time"."""
    o = tl.rule_outcome(tl.RuleScenario(sx, sy, 2 / 3, 0.5, uncertainty=sigma, trials=50, seed=1))
    x1 = tl.win_set(tl.Constituency.uniform(sx, n=1001), 2 / 3, "X").lo
    if o.share_x is None or x1 <= 0.5:
        return
    assert o.share_x == pytest.approx(x1)
    assert o.involuntary >= 0.5 - 1e-12


def test_a_rule_tightened_into_deadlock_leaves_nothing_to_fail():
    """The model's limit (prop-tighter iii): with no overlap nothing is proposed, so nothing fails."""
    o = tl.rule_outcome(tl.RuleScenario(0.9, 0.6, 0.9, 0.5, uncertainty=0.05, trials=200, seed=1))
    assert o.share_x is None and o.involuntary == 0.0


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
    up = tl.win_set_mask(chamber, resolution=101)
    assert np.any(up & ~tl.piecemeal_mask(chamber, 101))  # the chapter's reading: packages are lost
    assert not np.any(up & ~_whole_chamber_mask(chamber))  # the whole chamber: none is lost


# -- the committees' illustration (ch06-committees) and autonomy (ch06-autonomy) ---------------------


def test_committees_that_lower_every_demand_by_a_fifth_lower_the_two_thirds_pivot_by_a_fifth():
    """The chapter's illustration: the American win-set grows from [0.60, 1] to [0.48, 1]."""
    before = tl.win_set(US, 2 / 3, "X").lo
    after = tl.win_set(tl.committee_expectations(US, 0.2), 2 / 3, "X").lo
    assert after == pytest.approx(0.8 * before)
    assert (round(before, 2), round(after, 2)) == (0.60, 0.48)


@pytest.mark.parametrize("a", [0.0, 0.1, 0.16, 1 / 6 + 1e-9, 0.3, 1.0])
def test_autonomy_stops_lowering_the_share_once_the_win_set_contains_the_even_split(a):
    """The paradox caption: X's share falls to 0.50 and stays there from autonomy 1 - 0.5/p on."""
    p = tl.win_set(US, 2 / 3, "X").lo
    y = tl.win_set(tl.Constituency.uniform(0.7, n=1001), 0.5, "Y")
    share = tl.autonomy_share(US, 2 / 3, a, y)
    if a >= 1 - 0.5 / p:
        assert share == pytest.approx(0.5)
    else:
        assert share == pytest.approx((1 - a) * p) and share > 0.5


def test_under_unanimity_autonomy_first_makes_agreement_feasible_at_1_minus_065_over_09():
    """The Explorer exercise's exact threshold (the explorer's grid shows it at 0.3)."""
    c = tl.Constituency.uniform(0.9, n=1001)
    y = tl.win_set(tl.Constituency.uniform(0.7, n=1001), 0.5, "Y")
    threshold = 1 - y.hi / tl.win_set(c, 1.0, "X").lo
    assert threshold == pytest.approx(0.28, abs=0.005)
    assert tl.overlap(tl.autonomous_win_set(c, 1.0, threshold + 1e-6), y).is_empty is False
    assert tl.overlap(tl.autonomous_win_set(c, 1.0, threshold - 1e-3), y).is_empty is True


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
