"""Claims of Chapter 5 (pp. 442-448) as tests of the package.

Each test names the sentence of the chapter it backs. The chapter composes
public functions (``tl.``); so do these tests, on the chapter's default
numbers and on random or alternative ones.
"""

from __future__ import annotations

import numpy as np
import pytest

import twolevel as tl

# -- "When division helps" (p. 444): the exact condition ---------------------------------


def _four_blocs(a: float, b: float, i: float, z: float) -> tl.Profile:
    shares = {"A>NA>B": a, "B>NA>A": b, "B>A>NA": i, "NA>A>B": z}
    return tl.Profile.from_shares({k: v for k, v in shares.items() if v > 0})


def test_counterexample_division_loses_a_as_stated():
    # a = .20, b = .25, internationalists .10, isolationists .45, q = 1/2.
    a, b, i, z, q = 0.20, 0.25, 0.10, 0.45, 0.5
    # The stated condition for losing A: A's own bloc plus the internationalists
    # falls short, while both committed blocs plus the internationalists reach it.
    assert a + i < q <= a + b + i
    # The (wrong) earlier wording, "the committed blocs together reach the quota", fails here.
    assert not a + b >= q
    eff = tl.division_effect(_four_blocs(a, b, i, z), q, policy="A")
    assert eff.divided_win_set == frozenset()  # divided: no deal
    assert eff.united_win_set == {"A"}  # united: {A}
    assert eff.p_deal_divided == 0.0 and eff.p_deal_united == 0.5


def test_division_condition_on_random_profiles():
    rng = np.random.default_rng(444)
    for _ in range(500):
        a, b, i, z = rng.dirichlet([1, 1, 1, 1])
        q = float(rng.choice([0.5, 0.6, 2 / 3, 0.75]))
        eff = tl.division_effect(_four_blocs(a, b, i, z), q, policy="A")
        gains_b = bool(b + i >= q and i < q)
        loses_a = bool(a + i < q <= a + b + i)
        assert ("B" in eff.divided_win_set and "B" not in eff.united_win_set) == gains_b
        assert ("A" in eff.united_win_set and "A" not in eff.divided_win_set) == loses_a
        assert eff.p_deal_divided - eff.p_deal_united == pytest.approx((gains_b - loses_a) / 2)
        assert eff.division_helps == (a + i >= q and b + i >= q and i < q)


def test_division_never_helps_if_partner_accepts_only_the_united_policy():
    # Robustness (information): if the partner can ratify only A, division cannot help.
    rng = np.random.default_rng(445)
    for _ in range(200):
        eff = tl.division_effect(_four_blocs(*rng.dirichlet([1, 1, 1, 1])), 0.5,
                                 foreign_acceptable=("A",), policy="A")
        assert not eff.division_helps


# -- Hawks are not isolationists (pp. 443-444) ---------------------------------------------


def _hawks_and_doves(share: float, reservation: float, dove_spread: float = 0.6, n: int = 2000) -> tl.Constituency:
    doves = dove_spread * (np.arange(1, n + 1) - 0.5) / n
    return tl.Constituency(np.r_[reservation, doves], np.r_[share, np.full(n, (1 - share) / n)])


def _negotiate(constituency: tl.Constituency, uncertainty: float = 0.05) -> tuple[tl.WinSet, tl.DefectionRates]:
    wy = tl.win_set(tl.Constituency.uniform(0.5, 2001), 0.5, "Y")
    wx = tl.win_set(constituency, 0.5, "X")
    return wx, tl.defection_rates(wx.lo, wy.hi, uncertainty=uncertainty)


def test_hawks_accept_a_good_enough_deal_so_agreement_survives():
    for share in (0.6, 0.8, 0.95):
        wx, rates = _negotiate(_hawks_and_doves(share, 0.65))
        assert wx.lo == pytest.approx(0.65)  # pivotal hawks: the boundary is their reservation
        assert rates.proposal is not None and rates.deadlock == 0.0
        _, isolationists = _negotiate(_hawks_and_doves(share, 1.0))
        assert isolationists.deadlock == 1.0  # isolationists: no agreement at all


def test_involuntary_risk_rises_then_flattens_once_hawks_are_pivotal():
    shares = np.linspace(0, 0.9, 46)
    risk = np.array([_negotiate(_hawks_and_doves(s, 0.65))[1].involuntary for s in shares])
    assert np.all(np.diff(risk) >= -1e-12)  # never falls as hawks grow
    pivotal = shares > 0.5 + 1e-9  # hawks alone can block under majority rule
    assert np.ptp(risk[pivotal]) < 1e-12  # flat once the hawks are pivotal
    # Once X's boundary passes the even split the proposal sits on it: X alone rejects
    # with probability 1/2, so the risk is at least 1/2.
    assert risk[pivotal].min() >= 0.5
    assert risk[0] < 0.01


def test_hawks_implicit_threat_raises_the_negotiators_share():
    # Panama (p. 444): under Nash, X's share rises with the hawks once X's boundary binds.
    proposals = [_negotiate(_hawks_and_doves(s, 0.65))[1].proposal for s in (0.0, 0.3, 0.45, 0.6)]
    assert proposals[0] == pytest.approx(0.5)
    assert all(p2 >= p1 for p1, p2 in zip(proposals, proposals[1:]))
    assert proposals[-1] == pytest.approx(0.65)


def test_no_involuntary_defection_when_win_sets_are_known():
    # Robustness (information): the hawks' effect on defection needs uncertainty (note 38).
    for share in (0.0, 0.4, 0.6, 0.8):
        assert _negotiate(_hawks_and_doves(share, 0.65), uncertainty=0.0)[1].involuntary == 0.0


# -- Abstention (p. 445, notes 49 and 50) -----------------------------------------------------


def _economy() -> tl.Constituency:
    return tl.Constituency(np.r_[np.full(10, 0.9), np.linspace(0.0, 0.6, 90)])


def _deferring(c: tl.Constituency, rate: float) -> tl.Constituency:
    w = c.weights / c.weights.sum()
    return tl.Constituency(np.r_[c.reservations, 0.0], np.r_[(1 - rate) * w, rate])


@pytest.mark.parametrize("rate", [0.0, 0.3, 0.6, 0.95])
def test_uniform_abstention_changes_nothing_when_abstainers_drop_out(rate):
    economy = _economy()
    whole = tl.win_set(economy, 0.5, "X")
    thinned = tl.win_set(tl.effective_constituency(economy, np.full(economy.size, 1 - rate)), 0.5, "X")
    assert (thinned.lo, thinned.hi) == pytest.approx((whole.lo, whole.hi))


def test_concentrated_interests_shrink_the_trade_win_set():
    # Note 49: who abstains matters; the trade issue's win-set is smaller than everyone's.
    economy = _economy()
    trade = tl.participation_from_stakes(np.r_[np.full(10, 5.0), np.full(90, 0.05)], 0.2)
    monetary = tl.participation_from_stakes(np.full(100, 0.05), 0.2)
    w_trade = tl.win_set(tl.effective_constituency(economy, trade), 0.5, "X")
    w_monetary = tl.win_set(tl.effective_constituency(economy, monetary), 0.5, "X")
    assert w_trade.width < w_monetary.width == pytest.approx(tl.win_set(economy, 0.5, "X").width)


def test_deference_enlarges_the_win_set_and_weakens_the_level_one_hand():
    # Note 50: complexity strengthens the negotiator's hand vis-a-vis his constituents
    # (larger win-set) but, by Schelling's logic, not vis-a-vis the partner.
    economy = _economy()
    partner = tl.win_set(tl.Constituency.uniform(0.6, 2001), 0.5, "Y")
    widths, shares = [], []
    for rate in np.linspace(0, 0.9, 10):
        w = tl.win_set(_deferring(economy, rate), 0.5, "X")
        widths.append(w.width)
        shares.append(tl.split_the_difference(tl.overlap(w, partner)))
    assert all(b >= a for a, b in zip(widths, widths[1:])) and widths[-1] > widths[0]
    assert all(b <= a for a, b in zip(shares, shares[1:])) and shares[-1] < shares[0]


# -- No-agreement as a worsening (p. 442) ----------------------------------------------------


def test_a_worse_no_agreement_never_shrinks_the_win_set():
    costs = np.linspace(0.2, 1.0, 401)
    base = tl.win_set(tl.constituency_from_costs(costs), 0.5, "X")
    for worsening in (0.05, 0.2, 0.5):
        worse = tl.win_set(tl.constituency_from_costs(np.minimum(costs + worsening, 1.0)), 0.5, "X")
        assert worse.lo <= base.lo and worse.width >= base.width
    assert tl.win_set(tl.constituency_from_costs(np.minimum(costs + 0.2, 1.0)), 0.5, "X").width > base.width


# -- Self-sufficient states (p. 443) and the "isolationist countries" misconception -----------


def test_self_sufficiency_harder_bargain_only_once_the_constraint_binds_under_nash():
    x = tl.Constituency.uniform(0.5, 2001)
    wy = tl.win_set(tl.Constituency.uniform(0.6, 2001), 0.5, "Y")
    nash, split = [], []
    for dependence in (1.0, 0.8, 0.6, 0.5):
        feasible = tl.overlap(tl.win_set(tl.self_sufficient(x, dependence), 0.5, "X"), wy)
        nash.append(tl.nash_bargaining(feasible))
        split.append(tl.split_the_difference(feasible))
    assert nash[:2] == [pytest.approx(0.5)] * 2  # Nash point inside: no harder bargain
    assert nash[-1] > nash[1]
    assert all(b > a for a, b in zip(split, split[1:]))  # split: harder at every step


def test_a_less_dependent_country_has_no_isolationists_but_a_smaller_win_set():
    x = tl.Constituency.uniform(0.5, 2001)
    less = tl.self_sufficient(x, 0.5)
    assert not np.any(less.reservations >= 1.0)
    assert tl.win_set(less, 0.5, "X").width < tl.win_set(x, 0.5, "X").width


# -- Synergistic linkage and interdependence (pp. 447-448) ------------------------------------


def test_synergy_is_never_less_frequent_as_interdependence_grows():
    rng = np.random.default_rng(448)
    pairs = [
        [(rng.normal(rng.uniform(-0.6, 0.2), 1.0, 51), rng.exponential(0.5, 51)) for _ in range(2)]
        for _ in range(150)
    ]
    previous = None
    counts = []
    for level in (0.0, 0.25, 0.5, 1.0, 2.0):
        flags = [
            tl.linkage_outcome(
                tl.LinkageCountry("first", "p", u1, level * g1),
                tl.LinkageCountry("second", "p", u2, level * g2),
            ).synergistic
            for (u1, g1), (u2, g2) in pairs
        ]
        if previous is not None:
            assert all(now or not before for before, now in zip(previous, flags))
        previous = flags
        counts.append(sum(flags))
    assert counts[0] == 0 and counts[-1] > counts[1]


def test_without_cross_border_benefits_the_package_is_the_policy_alone():
    # Misconception: synergistic linkage is not a trade-off inside the domestic menu.
    u = np.r_[np.ones(40), np.full(25, -0.2), -np.ones(35)]
    us = tl.LinkageCountry("United States", "decontrol", u, np.zeros(100))
    germany = tl.LinkageCountry("Germany", "stimulus", u, np.full(100, 0.3))
    result = tl.linkage_outcome(us, germany)
    assert result.support_linked["United States"] == result.support_alone["United States"]
    assert not result.synergistic


# -- Review additions: claims of the chapter that had no test of their own ---------------


def test_more_hawks_never_enlarge_the_win_set_on_a_homogeneous_issue():
    # "In the model, more hawks never enlarge the win-set on a homogeneous issue" (p. 444).
    shares = np.linspace(0, 0.95, 39)
    for reservation in (0.55, 0.65, 0.9):
        widths = [tl.win_set(_hawks_and_doves(s, reservation), 0.5, "X").width for s in shares]
        assert all(b <= a + 1e-12 for a, b in zip(widths, widths[1:]))
        assert widths[-1] < widths[0]


def _split_profile(i: float) -> tl.Profile:
    shares = {"A>NA>B": (1 - i) / 2, "B>NA>A": (1 - i) / 2, "B>A>NA": i}
    return tl.Profile.from_shares({k: v for k, v in shares.items() if v > 0})


@pytest.mark.parametrize("q", [0.5, 0.6, 2 / 3, 0.75, 0.9])
def test_two_thirds_exercise_both_policies_iff_internationalists_reach_2q_minus_1(q):
    # Exercise "A two-thirds rule for the divided government": both A and B are in the
    # win-set iff (1 + i)/2 >= q, i.e. i >= 2q - 1 (ties ratify).
    for i in np.linspace(0, 0.95, 96):
        if abs(i - (2 * q - 1)) < 1e-6:
            continue  # the boundary itself is checked below
        both = tl.profile_win_set(_split_profile(i), q) == {"A", "B"}
        assert both == (i >= 2 * q - 1)
    assert tl.profile_win_set(_split_profile(1 / 3), 2 / 3) == {"A", "B"}  # smallest i at q = 2/3
    assert tl.profile_win_set(_split_profile(0.30), 2 / 3) == frozenset()


def test_lens_exercise_contract_curve_favours_each_sides_heavier_issue():
    # Exercise "Build your own two-issue negotiation": A's navy lobby 0.7, B's 0.3, shape 0.5.
    # The contract curve gives A more on seaborne weapons (b) than on airborne ones (c),
    # and more weight for A's navy lobby moves it further that way.
    b_side = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.65, side="B", n=2001)
    curve = tl.contract_curve(tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.65, side="A", n=2001), b_side)
    heavier = tl.contract_curve(tl.TwoIssueConstituency.power(0.8, 0.5, 0.5, quota=0.65, side="A", n=2001), b_side)
    assert curve.size > 100 and np.all(curve.c < curve.b)
    assert np.all(np.interp(curve.b, heavier.b, heavier.c) <= curve.c + 1e-9)


def test_lens_shrinks_towards_the_contract_curve_as_the_quota_rises():
    # "Raise either one and the lens shrinks towards the contract curve" (Figure 2 explorer).
    farthest = []
    for q in (0.6, 0.7, 0.75, 0.76):
        a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=q, side="A", n=2001)
        b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=q, side="B", n=2001)
        curve, feasible = tl.contract_curve(a, b), tl.lens(a, b, resolution=401)
        assert not feasible.is_empty
        assert np.any(np.asarray(a.ratifies(curve.b, curve.c)) & np.asarray(b.ratifies(curve.b, curve.c)))
        rows, cols = np.nonzero(feasible.mask)
        gaps = np.hypot(feasible.b[cols][:, None] - curve.b, feasible.c[rows][:, None] - curve.c)
        farthest.append(gaps.min(axis=1).max())
    assert all(y < x for x, y in zip(farthest, farthest[1:])) and farthest[-1] < 0.1


def test_division_hurts_on_balance_iff_it_loses_a_without_gaining_b():
    # Exercise "Divided governments make more deals": division costs A when a + i < q <= a + b + i,
    # and hurts on balance only if, in addition, b + i < q (or i >= q), so that B is not gained.
    rng = np.random.default_rng(4445)
    for _ in range(500):
        a, b, i, z = rng.dirichlet([1, 1, 1, 1])
        eff = tl.division_effect(_four_blocs(a, b, i, z), 0.5, policy="A")
        loses_a = a + i < 0.5 <= a + b + i
        gains_b = b + i >= 0.5 > i
        assert (eff.p_deal_divided < eff.p_deal_united) == (loses_a and not gains_b)
    # Losing A can be offset by gaining B: e.g. a = .05, b = .50, i = .10, z = .35.
    eff = tl.division_effect(_four_blocs(0.05, 0.50, 0.10, 0.35), 0.5, policy="A")
    assert eff.united_win_set == {"A"} and eff.divided_win_set == {"B"}
    assert eff.p_deal_divided == eff.p_deal_united
