"""Claims of Chapter 5 (pp. 442-448) as tests of the package.

Each test names the sentence of the chapter it backs. The chapter composes
public functions (``tl.``); so do these tests, on the chapter's default
numbers and on random or alternative ones. The chapter's defaults used here:
doves' demands over [0, 0.6], hawks at 0.65 (or spread over [0.6, 0.8]), Y's
demands over [0, 0.5], majority rule, sigma = 0.05 and a margin of 0.05.
"""

from __future__ import annotations

import math

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
        eff = tl.division_effect(_four_blocs(*rng.dirichlet([1, 1, 1, 1])), 0.5, foreign_acceptable=("A",), policy="A")
        assert not eff.division_helps


# -- Hawks are not isolationists (pp. 443-444) ---------------------------------------------


def _hawks_and_doves(
    share: float, reservation: float, dove_spread: float = 0.6, n: int = 2000, spread: tuple[float, float] | None = None
) -> tl.Constituency:
    doves = dove_spread * (np.arange(1, n + 1) - 0.5) / n
    if spread is None:
        return tl.Constituency(np.r_[reservation, doves], np.r_[share, np.full(n, (1 - share) / n)])
    k = 200
    hawks = spread[0] + (spread[1] - spread[0]) * (np.arange(1, k + 1) - 0.5) / k
    return tl.Constituency(np.r_[hawks, doves], np.r_[np.full(k, share / k), np.full(n, (1 - share) / n)])


def _negotiate(
    constituency: tl.Constituency, uncertainty: float = 0.05, margin: float = 0.0
) -> tuple[tl.WinSet, tl.DefectionRates]:
    wy = tl.win_set(tl.Constituency.uniform(0.5, 2001), 0.5, "Y")
    wx = tl.win_set(constituency, 0.5, "X")
    return wx, tl.defection_rates_with_margin(wx.lo, wy.hi, uncertainty, margin=margin)


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
    assert all(p2 >= p1 for p1, p2 in zip(proposals, proposals[1:], strict=False))
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
    assert all(b >= a for a, b in zip(widths, widths[1:], strict=False)) and widths[-1] > widths[0]
    assert all(b <= a for a, b in zip(shares, shares[1:], strict=False)) and shares[-1] < shares[0]


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
    assert all(b > a for a, b in zip(split, split[1:], strict=False))  # split: harder at every step


def test_a_less_dependent_country_has_no_isolationists_but_a_smaller_win_set():
    x = tl.Constituency.uniform(0.5, 2001)
    less = tl.self_sufficient(x, 0.5)
    assert not np.any(less.reservations >= 1.0)
    assert tl.win_set(less, 0.5, "X").width < tl.win_set(x, 0.5, "X").width


# -- Synergistic linkage and interdependence (pp. 447-448) ------------------------------------


def test_synergy_is_never_less_frequent_as_interdependence_grows():
    rng = np.random.default_rng(448)
    pairs = [
        [(rng.normal(rng.uniform(-0.6, 0.2), 1.0, 51), rng.exponential(0.5, 51)) for _ in range(2)] for _ in range(150)
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
            assert all(now or not before for before, now in zip(previous, flags, strict=False))
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
        assert all(b <= a + 1e-12 for a, b in zip(widths, widths[1:], strict=False))
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
    assert all(y < x for x, y in zip(farthest, farthest[1:], strict=False)) and farthest[-1] < 0.1


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


# -- Review 14: the hawks' risk, the decontrol curve, linkage, the new exercises -----------

_GRID = np.linspace(0, 0.95, 96)
_PHI_ONE = 0.5 * (1 + math.erf(1 / math.sqrt(2)))


def _risk(margin: float = 0.0, spread: tuple[float, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """X's believed boundary and the risk of involuntary defection along the chapter's grid of hawk shares."""
    rows = [_negotiate(_hawks_and_doves(s, 0.65, spread=spread), margin=margin) for s in _GRID]
    return np.array([wx.lo for wx, _ in rows]), np.array([r.involuntary for _, r in rows])


def test_the_plateau_at_one_half_comes_from_proposals_on_the_believed_boundary():
    # "The plateau at about one half is an artefact of proposals on the believed boundary":
    # past the even split the risk is at least 1/2 on the edge and at most 1 - Phi(1)^2 with a margin.
    boundary, on_edge = _risk()
    _, cautious = _risk(margin=0.05)
    past_split = boundary >= 0.5
    assert past_split.sum() > 50
    assert on_edge[past_split].min() >= 0.5 - 1e-9 and on_edge[past_split].max() < 0.52
    assert cautious[past_split].max() <= 1 - _PHI_ONE**2 + 1e-9
    assert cautious[past_split].min() == pytest.approx(1 - _PHI_ONE, abs=0.01)  # X's own one-sigma risk
    assert np.all(cautious <= on_edge + 1e-12)


def test_the_flat_stretch_once_hawks_are_pivotal_comes_from_one_shared_demand():
    # "The flat stretch once hawks are pivotal follows from giving every hawk the same demand."
    pivotal = _GRID > 0.5 + 1e-9
    _, one_demand = _risk(margin=0.05)
    boundary, spread = _risk(margin=0.05, spread=(0.6, 0.8))
    assert np.ptp(one_demand[pivotal]) < 1e-12
    assert np.all(np.diff(boundary[pivotal]) > 0)  # each extra hawk raises X's boundary
    assert np.all(np.diff(spread[pivotal]) >= -1e-12) and spread[pivotal][-1] > one_demand[pivotal][0] + 0.1


def test_more_hawks_raise_the_risk_with_or_without_a_margin_only_under_uncertainty():
    # "What survives both choices is Putnam's claim ... as long as the negotiators are unsure" (note 38).
    for margin, spread in ((0.0, None), (0.05, None), (0.05, (0.6, 0.8))):
        _, risk = _risk(margin=margin, spread=spread)
        assert np.all(np.diff(risk) >= -1e-9) and risk[-1] > risk[0] + 0.2
    for share in (0.3, 0.6, 0.9):
        wx, rates = _negotiate(_hawks_and_doves(share, 0.65), uncertainty=0.0, margin=0.05)
        assert rates.involuntary == 0.0


def test_decontrol_support_rises_then_falls_with_the_pace():
    # Figure "decontrol": "gained some votes ... but lost others" (p. 444), the chapter's stylised blocs.
    blocs = tl.SpatialConstituency([0.05, 0.45, 0.95], [35, 30, 35])
    paces = np.linspace(0, 1, 400)
    support = blocs.approval_share(paces, 0.3)
    faster = paces > 0.3
    peak = support[faster].max()
    assert peak == pytest.approx(0.65) and peak >= 0.5
    assert support[-1] == pytest.approx(0.35) and support[-1] < 0.5
    # On a homogeneous issue support never falls as the deal improves.
    yes = tl.Constituency.uniform(0.5, 1001).yes_share(paces)
    assert np.all(np.diff(yes) >= 0)


def test_bonn_silent_allies_fall_short_on_their_own():
    # "The silent allies hold 45% of the weight, and the American demand lies outside the German win-set."
    blocs = {0.05: 20, 0.15: 20, 0.25: 15, 0.50: 10, 0.70: 20, 0.90: 15}
    germany = tl.SpatialConstituency(list(blocs), list(blocs.values()))
    assert germany.approval_share(0.45, 0.10) == pytest.approx(0.45)
    assert not tl.reversion_win_set(germany, 0.5, 0.10).contains(0.45)


@pytest.mark.parametrize("quota", [0.5, 2 / 3, 0.8])
def test_cheaper_no_agreement_never_enlarges_the_win_set_at_any_quota(quota):
    # Robustness row 1: the principle holds under other quotas (prop-cost).
    rng = np.random.default_rng(442)
    for _ in range(100):
        k = rng.uniform(0, 1, 101)
        cheaper = k * rng.uniform(0, 1, 101)
        assert (
            tl.win_set(tl.constituency_from_costs(cheaper), quota, "X").width
            <= tl.win_set(tl.constituency_from_costs(k), quota, "X").width + 1e-12
        )


def test_a_linkage_can_alter_outcomes_without_being_synergistic_in_the_models_sense():
    # "The model's definition is narrower than Putnam's": a package that adds support to policies
    # that pass anyway alters the feasible outcomes but is not synergistic in the model.
    u = np.r_[np.ones(60), np.full(20, -0.2), -np.ones(20)]
    g = np.r_[np.full(60, 0.3), np.full(20, 0.5), np.full(20, 0.3)]
    result = tl.linkage_outcome(tl.LinkageCountry("first", "p", u, g), tl.LinkageCountry("second", "q", u, g))
    assert result.linked and all(result.alone.values())
    assert result.support_linked["first"] > result.support_alone["first"]
    assert not result.synergistic


def test_the_chapters_bonn_package_is_synergistic_at_majority_and_not_at_two_thirds():
    # Linkage table and robustness row 10 (blocs 40/25/35 and 45/10/45, gains 0.5 and 0.3): Germany's
    # 45% in favour are the silent allies of the Bonn table. "Under a two-thirds rule ... the package
    # would fail: 65% in the United States and 55% in Germany fall short of two-thirds."
    def country(name: str, blocs: tuple[int, int, int], gain: float, quota: float) -> tl.LinkageCountry:
        favour, switch, against = blocs
        return tl.LinkageCountry(
            name,
            "p",
            [1.0] * favour + [-0.2] * switch + [-1.0] * against,
            [0.3] * favour + [gain] * switch + [0.3] * against,
            quota=quota,
        )

    for quota, synergistic in ((0.5, True), (2 / 3, False)):
        us, de = country("us", (40, 25, 35), 0.5, quota), country("de", (45, 10, 45), 0.3, quota)
        result = tl.linkage_outcome(us, de)
        assert result.synergistic is synergistic
    assert not result.linked  # at two-thirds the package itself fails
    assert result.support_linked["us"] == pytest.approx(0.65) and result.support_linked["de"] == pytest.approx(0.55)
    us, de = country("us", (40, 25, 35), 0.5, 0.5), country("de", (45, 10, 45), 0.3, 0.5)
    result = tl.linkage_outcome(us, de)
    assert result.support_alone["de"] == pytest.approx(0.45)  # the silent allies' weight
    # "the switchers carry the package only together with those already in favour"
    assert not us.passes(result.switchers["us"]) and not de.passes(result.switchers["de"])


def test_explorer_exercise_the_lens_vanishes_under_stricter_quotas():
    # Exercise "How much stricter ratification can a package deal survive?" (ranchers 55% / 45%, shape 0.5).
    def area(q_a: float, q_b: float) -> float:
        a = tl.TwoIssueConstituency.power(0.55, 0.5, 0.5, quota=q_a, side="A", n=2001)
        b = tl.TwoIssueConstituency.power(0.45, 0.5, 0.5, quota=q_b, side="B", n=2001)
        return tl.lens(a, b, resolution=401).area

    areas = [area(0.65, q) for q in (0.65, 0.7, 0.75, 0.8, 0.85)]
    assert all(y <= x for x, y in zip(areas, areas[1:], strict=False)) and areas[0] > 0.1
    assert areas[-2] == 0.0 and areas[-1] == 0.0
    assert 0 < area(0.7, 0.7) < 0.02 and area(0.75, 0.75) == 0.0


def test_margin_exercise_both_sides_expect_more_with_a_margin():
    # Exercise "How far inside should a cautious negotiator propose?" (x1 0.65, y1 0.75, sigma 0.05).
    margins = np.linspace(0, 0.05, 11)
    rates = [tl.defection_rates_with_margin(0.65, 0.75, 0.05, margin=m) for m in margins]
    ex = np.array([(1 - r.involuntary) * r.proposal for r in rates])
    ey = np.array([(1 - r.involuntary) * (1 - r.proposal) for r in rates])
    assert np.all(np.diff(ex) > 0)  # X's expected share rises up to the middle of the overlap
    assert 0 < int(np.argmax(ey)) < len(margins) - 1  # Y's peaks before it
    assert ex[-1] > ex[0] and ey.max() > ey[0] and ey[-1] > ey[0]
    assert rates[-1].proposal > rates[0].proposal  # the margin moves the deal towards Y's boundary


# -- Second review (issue 14): statements rewritten or added ---------------------------------


def test_self_sufficiency_room_narrows_to_a_single_point_and_then_to_none():
    # "At dependence 0.4 exactly one agreement is left. At dependence 0.3 no agreement is feasible at all."
    x = tl.Constituency.uniform(0.5, 2001)
    wy = tl.win_set(tl.Constituency.uniform(0.6, 2001), 0.5, "Y")
    rooms = []
    for dependence in (1.0, 0.8, 0.6, 0.5, 0.4, 0.3):
        feasible = tl.overlap(tl.win_set(tl.self_sufficient(x, dependence), 0.5, "X"), wy)
        rooms.append(feasible)
    widths = [f.width for f in rooms]
    assert all(b <= a + 1e-12 for a, b in zip(widths, widths[1:], strict=False))  # less dependence, less room
    assert not rooms[4].is_empty and rooms[4].width < 1e-9  # a single point
    assert tl.nash_bargaining(rooms[4]) == pytest.approx(0.70)
    assert rooms[5].is_empty and tl.nash_bargaining(rooms[5]) is None


def test_decontrol_win_set_and_the_slowest_paces():
    # "The slowest paces win only consumers' representatives (35%) ... The paces that reach the quota,
    # from 0.30 to 0.60, are the American win-set."
    blocs = tl.SpatialConstituency([0.05, 0.45, 0.95], [35, 30, 35])
    american = tl.reversion_win_set(blocs, 0.5, 0.3)
    assert (american.lo, american.hi) == pytest.approx((0.3, 0.6))
    assert blocs.approval_share(0.0, 0.3) == pytest.approx(0.35)
    slow = np.linspace(0, 0.29, 30)
    assert np.all(np.asarray(blocs.approval_share(slow, 0.3)) == pytest.approx(0.35))
    # Under a two-thirds quota only the status quo is left.
    assert tl.reversion_win_set(blocs, 2 / 3, 0.3).width == 0.0


def _lens_with_b_quota(q_b: float) -> tl.Lens:
    a = tl.TwoIssueConstituency.power(0.55, 0.5, 0.5, quota=0.65, side="A", n=2001)
    b = tl.TwoIssueConstituency.power(0.45, 0.5, 0.5, quota=q_b, side="B", n=2001)
    return tl.lens(a, b, resolution=401)


def test_explorer_exercise_the_lens_moves_towards_bm_as_bs_quota_rises():
    # "As B's quota rises the lens shrinks towards BM ... from 0.58 of the box at 0.50 to 0.43 at 0.75,
    # and at 0.80 none survives."
    gains = []
    for q_b in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75):
        feasible = _lens_with_b_quota(q_b)
        rows, cols = np.nonzero(feasible.mask)
        gains.append((feasible.b[cols].mean() + feasible.c[rows].mean()) / 2)
    assert all(y < x for x, y in zip(gains, gains[1:], strict=False))
    assert round(gains[0], 2) == 0.58 and round(gains[-1], 2) == 0.43
    assert _lens_with_b_quota(0.8).is_empty


def test_under_the_ratifiable_reading_linkage_alters_outcomes_only_where_some_policy_fails_alone():
    # "If it means ratifiable ... the two nearly coincide": a package of policies that pass alone
    # always passes, so a linkage makes a new outcome ratifiable only where some policy fails alone.
    rng = np.random.default_rng(447)
    for _ in range(300):
        u1, u2 = rng.normal(rng.uniform(-0.6, 0.6), 1.0, 61), rng.normal(rng.uniform(-0.6, 0.6), 1.0, 61)
        g1, g2 = rng.exponential(0.5, 61), rng.exponential(0.5, 61)
        result = tl.linkage_outcome(tl.LinkageCountry("first", "p", u1, g1), tl.LinkageCountry("second", "q", u2, g2))
        if all(result.alone.values()):
            assert result.linked and not result.synergistic
        assert result.synergistic == (result.linked and not all(result.alone.values()))


def test_spread_hawks_exercise_boundary_formula():
    # Exercise "Hawks with spread demands": once pivotal, x1(h) = a + (b - a)(q - (1 - h))/h, rising in h.
    d, a, b, q = 0.6, 0.6, 0.8, 0.5
    n = k = 4000
    doves = d * (np.arange(1, n + 1) - 0.5) / n
    hawks = a + (b - a) * (np.arange(1, k + 1) - 0.5) / k
    previous = -np.inf
    for h in (0.6, 0.7, 0.8, 0.9):
        c = tl.Constituency(np.r_[doves, hawks], np.r_[np.full(n, (1 - h) / n), np.full(k, h / k)])
        x1 = tl.win_set(c, q, "X").lo
        assert x1 == pytest.approx(a + (b - a) * (q - (1 - h)) / h, abs=1e-3)
        assert x1 > previous
        previous = x1
    # One shared demand: the boundary is that demand for every pivotal share.
    for h in (0.6, 0.75, 0.9):
        assert tl.win_set(_hawks_and_doves(h, 0.65), q, "X").lo == pytest.approx(0.65)


def test_division_critique_two_thirds_profiles():
    # Exercise "Divided governments make more deals" under a two-thirds rule: 40/30/10/20 loses the only
    # deal; 30/30/40/0 gains B.
    costs = tl.division_effect(_four_blocs(0.40, 0.30, 0.10, 0.20), 2 / 3, policy="A")
    assert costs.divided_win_set == frozenset() and costs.united_win_set == {"A"}
    assert costs.p_deal_divided < costs.p_deal_united
    helps = tl.division_effect(_four_blocs(0.30, 0.30, 0.40, 0.0), 2 / 3, policy="A")
    assert helps.divided_win_set == {"A", "B"} and helps.united_win_set == {"A"}
    assert helps.division_helps


def test_the_hawks_implicit_threat_and_the_risk_come_from_the_same_constraint():
    # "The model adds that the constraint that wins the better deal is the same one that raises the risk
    # of failure": along the chapter's grid, X's Nash share and the risk rise together.
    boundary, risk = _risk()
    wy = tl.win_set(tl.Constituency.uniform(0.5, 2001), 0.5, "Y")
    shares = np.array([tl.nash_bargaining(tl.overlap(tl.WinSet(x1, 1.0), wy)) for x1 in boundary])
    assert np.all(np.diff(shares) >= -1e-12) and np.all(np.diff(risk) >= -1e-9)
    raised = shares > 0.5 + 1e-9
    assert raised.any() and risk[raised].min() >= 0.5 - 1e-9 and risk[~raised].max() < 0.5
