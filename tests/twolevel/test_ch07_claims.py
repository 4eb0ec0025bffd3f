"""Chapter 7's claims about the model (Level I negotiators' strategies, pp. 450-452), one test each."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import quotas, reservation_lists

import twolevel as tl

WX, WY = tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6)


# -- mixed motives (p. 450) ----------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["split", "nash"])
def test_rallying_raises_the_share_and_lowers_the_odds(rule):
    out = tl.rally_tradeoff(WX, WY, np.linspace(-0.25, 0.25, 51), mood=0.05, solution=rule)
    shares = [o.share for o in out]
    probs = [o.probability for o in out]
    assert all(b >= a - 1e-12 for a, b in zip(shares, shares[1:], strict=False))
    assert all(b <= a + 1e-12 for a, b in zip(probs, probs[1:], strict=False))
    assert shares[-1] > shares[0] and probs[-1] < probs[0]


def test_the_dilemma_has_an_interior_optimum_under_split_the_difference():
    rallies = np.linspace(-0.3, 0.3, 121)
    out = tl.rally_tradeoff(WX, WY, rallies, mood=0.05)
    best = int(np.argmax([o.expected_share for o in out]))
    assert 0 < best < len(rallies) - 1  # neither all-out rallying nor all-out softening up


def test_the_best_rally_gains_little_while_the_extremes_cost_much():
    """Chapter 7's rally paragraph: in its scenario the best rally beats no rally by a small margin (the curve is
    nearly flat near its peak), while all-out softening up and all-out rallying cost much more."""
    rallies = np.round(np.linspace(-0.3, 0.3, 121), 4)
    out = tl.rally_tradeoff(WX, WY, rallies, mood=0.05)
    best = max(out, key=lambda o: o.expected_share)
    none = tl.rally_outcome(WX, WY, 0.0, mood=0.05)
    assert best.rally == pytest.approx(0.015)
    assert 0 < best.expected_share - none.expected_share < 1e-3
    assert max(out[0].expected_share, out[-1].expected_share) < none.expected_share - 0.1


def test_rallying_past_the_overlap_deadlocks():
    o = tl.rally_outcome(WX, WY, 0.35, mood=0.05)
    assert o.share is None and o.probability == 0.0 and o.expected_share == 0.0


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 0.3), st.floats(-0.2, 0.2), st.floats(0.01, 0.3))
def test_a_larger_win_set_for_the_other_side_never_hurts(extra, rally, mood):
    """The 'unequivocal interest in maximizing the other side's win-set' (p. 450)."""
    small = tl.rally_outcome(WX, WY, rally, mood)
    large = tl.rally_outcome(WX, tl.WinSet(0.0, min(WY.hi + extra, 1.0)), rally, mood)
    assert large.expected_share >= small.expected_share - 1e-12
    assert large.probability >= small.probability - 1e-12


# -- retaliation and collusion (p. 451) ----------------------------------------------------------


@pytest.mark.parametrize("quota, deal", [(1 / 2, 0.5), (2 / 3, 0.6)])  # a fast-track trade bill; a treaty
@pytest.mark.parametrize("amount", [0.005, 0.01, 0.02])
def test_retaliation_is_best_aimed_at_the_uncommitted(quota, deal, amount):
    c = tl.SwingConstituency.uniform(1.0, 100, quota=quota, mood=0.05)
    p = {
        g: tl.retaliation_outcome(c, deal, amount, g).probability
        for g in ("uncommitted", "supporters", "opponents", "everyone")
    }
    base = c.ratification_probability(deal)
    assert p["supporters"] == base  # committed free-traders vote yes anyway
    assert p["uncommitted"] > max(p["everyone"], p["opponents"]) and p["everyone"] > base
    if amount <= 0.01:  # a harm too small to turn a confirmed protectionist
        assert p["opponents"] == base


BOX_A = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.6, side="A", n=1001)
BOX_B = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.6, side="B", n=1001)


@pytest.mark.parametrize("start", [(0.5, 0.5), (0.2, 0.8), (0.8, 0.2), (0.15, 0.1), (0.9, 0.9), (0.6, 0.3)])
def test_collusion_reaches_the_contract_curve_and_helps_both(start):
    path = tl.collusive_path(BOX_A, BOX_B, start)
    assert path.residual[-1] < 1e-5
    assert np.all(np.diff(path.share_a) >= 0) and np.all(np.diff(path.share_b) >= 0)
    # The end point is on the contract curve of Chapter 5: within its sampling step.
    curve = tl.contract_curve(BOX_A, BOX_B, 401)
    assert np.min(np.hypot(curve.b - path.beef[-1], curve.c - path.citrus[-1])) < 0.02


@pytest.mark.parametrize(
    "start, inside",
    [((0.5, 0.5), True), ((0.2, 0.8), True), ((0.6, 0.3), True), ((0.15, 0.1), False), ((0.9, 0.9), False)],
)
def test_a_tangency_reached_from_a_lopsided_start_can_lie_outside_a_win_set(start, inside):
    """Chapter 7's collusion table: 'moving jointly towards' tangency (p. 451) helps both sides at every step,
    but from a start deep in one side's corner the path ends where the other side does not ratify."""
    path = tl.collusive_path(BOX_A, BOX_B, start)
    end = (path.beef[-1], path.citrus[-1])
    both = bool(BOX_A.ratifies(*end)) and bool(BOX_B.ratifies(*end))
    assert both == inside
    if not inside:  # the losing side's yes-share rose, but not to its quota
        loser = BOX_A if not BOX_A.ratifies(*end) else BOX_B
        shares = path.share_a if loser is BOX_A else path.share_b
        assert shares[-1] > shares[0] and loser.yes_share(*end) < loser.quota


# -- good will (pp. 451-452) -----------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(reservation_lists(), quotas, st.floats(0.0, 1.0), st.sampled_from(["X", "Y"]))
def test_goodwill_never_shrinks_the_win_set(r, q, g, side):
    c = tl.Constituency(r)
    before, after = tl.win_set(c, q, side), tl.win_set(tl.add_goodwill(c, g), q, side)
    if not before.is_empty:
        assert not after.is_empty and after.lo <= before.lo + 1e-12 and after.hi >= before.hi - 1e-12


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30), st.floats(0.0, 1.0), st.floats(0.0, 0.3))
def test_goodwill_never_lowers_the_odds_or_the_even_odds_win_set(r, x, g):
    c = tl.SwingConstituency(r, 2 / 3, 0.05)
    assert c.with_goodwill(g).ratification_probability(x) >= c.ratification_probability(x)
    w0, w1 = tl.negotiator_win_set(c, 0.0), tl.negotiator_win_set(c.with_goodwill(g), 0.0)
    assert w0.is_empty or (not w1.is_empty and w1.lo <= w0.lo + 1e-12)


def test_a_deal_beyond_the_shifted_boundary_is_more_likely_to_fail_than_pass():
    """Chapter 7's good-will misconception: with good will g every seat shifts by g (the model's assumption); a deal
    below the shifted win-set's boundary passes with probability below 1/2, and one inside it below 1."""
    swing = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    fixed = tl.Constituency(swing.reservations)
    for g in (0.0, 0.05, 0.1, 0.2):
        boundary = tl.win_set(tl.add_goodwill(fixed, g), 2 / 3, "X").lo
        shifted = swing.with_goodwill(g)
        assert shifted.ratification_probability(boundary - 0.01) < 0.5
        assert 0.5 <= shifted.ratification_probability(boundary + 0.01) < 1.0


def test_goodwill_cannot_guarantee_ratification():
    """Wilson: a deal beyond even the enlarged win-set fails; and no finite good will makes P = 1."""
    c = tl.Constituency.uniform(0.9, 1001)
    enlarged = tl.win_set(tl.add_goodwill(c, 0.2), 2 / 3, "X")
    assert not tl.ratifies(tl.add_goodwill(c, 0.2), 2 / 3, enlarged.lo - 0.01, "X")
    s = tl.SwingConstituency.uniform(0.9, 100, quota=2 / 3, mood=0.05)
    assert s.with_goodwill(0.3).ratification_probability(0.4) < 1.0


@pytest.mark.parametrize("wa", [tl.WinSet(0.3, 1.0), tl.WinSet(0.55, 1.0), tl.WinSet(0.65, 1.0)])
def test_opposite_numbers_popularity_helps_the_other_side(wa):
    wb = tl.WinSet(0.0, 0.7)
    out = [tl.opposite_popularity(wa, wb, g, 0.05) for g in np.linspace(0.0, 0.3, 31)]
    for first, second in zip(out, out[1:], strict=False):
        assert second.room >= first.room - 1e-12
        assert second.probability >= first.probability - 1e-12
        assert second.share_b >= first.share_b - 1e-12
    assert out[-1].room > out[0].room and out[-1].probability > out[0].probability


def test_publicity_summits_pay_when_ratification_is_unlikely():
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    for deal in np.linspace(0.4, 0.9, 26):
        s = tl.transaction_benefits(c, float(deal), publicity=0.1, success_bonus=0.2, failure_cost=0.1)
        assert s.prefers_publicity == (s.probability < 0.1 / (0.2 + 0.1))


def test_counting_the_odds_the_head_gives_the_nation_more_than_the_clerk():
    """Chapter 7's scenario (Senate on a treaty, partner's win-set [0, 0.75], good will 0.1, budget 0.01): the clerk
    wins the larger share, but share times the odds of ratification is larger with the head."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    wp = tl.WinSet(0.0, 0.75)
    head = tl.rank_effects(c, wp, goodwill=0.1, budget=0.01)
    clerk = tl.rank_effects(c, wp, goodwill=0.0, budget=0.0)
    assert clerk.share > head.share
    assert head.share * head.probability > clerk.share * clerk.probability


def test_head_of_government_against_a_mere_clerk():
    c = tl.SwingConstituency.uniform(0.9, 100, quota=0.6, mood=0.05)
    wy = tl.WinSet(0.0, 0.6)
    head = tl.rank_effects(c, wy, goodwill=0.1, budget=0.01)
    clerk = tl.rank_effects(c, wy, goodwill=0.0, budget=0.0)
    assert head.room > clerk.room and head.probability > clerk.probability  # foreigners prefer the head
    assert clerk.share > head.share  # in purely distributive terms the clerk does better


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30), st.floats(0.0, 2.0), st.floats(0.0, 2.0))
def test_a_larger_budget_never_shrinks_the_win_set(r, b1, b2):
    c = tl.SwingConstituency(r, 0.6, 0.05)
    small, large = sorted((b1, b2))
    w_small, w_large = tl.negotiator_win_set(c, small), tl.negotiator_win_set(c, large)
    assert w_small.is_empty or (not w_large.is_empty and w_large.lo <= w_small.lo + 1e-12)


def test_the_rank_effects_probability_is_that_of_the_budget_spent_best():
    """With the budget spent on the cheapest package, X ratifies x with probability Lambda((x - X_1)/s) exactly."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    wy = tl.WinSet(0.0, 0.75)
    for goodwill, budget in ((0.1, 0.01), (0.0, 0.02), (0.05, 0.0)):
        head = tl.rank_effects(c, wy, goodwill=goodwill, budget=budget)
        assert head.share is not None
        own = tl.best_use_of_budget(c.with_goodwill(goodwill), head.share, budget).probability
        partner = 1.0 / (1.0 + np.exp(-(wy.hi - head.share) / c.mood))
        assert head.probability == pytest.approx(own * partner, abs=1e-9)


# -- side-payments: what the chapter says about who is paid (p. 450) ---------------------------------


def test_a_payment_below_the_pivot_is_capped_at_the_next_seat_up():
    """Seats just below the pivot tie with it once the payment exceeds the gap to seat k - 1."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    mv = c.marginal_value(0.6, 0.05)
    z = np.sort(c.net_support(0.6))[::-1]
    capped = 1 / (1 + np.exp(-z[65] / 0.05)) - 1 / (1 + np.exp(-z[66] / 0.05))  # up to seat k - 1 = 66
    order = np.argsort(c.reservations)
    assert mv[order][66:71] == pytest.approx(np.full(5, capped), abs=1e-12)  # ranks 67 to 71 tie
    assert np.all(mv[order][:66] == 0.0)  # committed supporters, above the pivot
    assert np.all(mv[order][71:] < 1e-12)  # out of reach (seat 72 is lifted exactly to the pivot, up to rounding)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.99),
    st.floats(0.05, 5.0),
)
def test_with_equal_prices_the_source_changes_who_pays_not_whom(r, x, target, price):
    """Domestic inducements at any common price pay the same seats the same amounts as payments from abroad."""
    c = tl.SwingConstituency(r, 2 / 3, 0.05)
    abroad = tl.cheapest_package(c, x, target)
    home = tl.cheapest_package(c, x, target, prices=np.full(len(r), price))
    assert home.cost == pytest.approx(price * abroad.cost, rel=1e-9, abs=1e-12)
    assert home.probability >= target - 1e-9
    # The same cost for the payer, whichever k seats are chosen among ties; and the same payments without ties.
    if len(set(r)) == len(r):
        assert home.payments == pytest.approx(abroad.payments, abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30),
    st.floats(0.0, 1.0),
    st.floats(0.01, 0.99),
    quotas,
)
def test_the_cheapest_package_pays_the_pivot_and_the_seats_just_above_it(r, x, target, q):
    """With equal prices the package pays, from the pivot up, the seats whose net support is short of the level
    the target requires, and no one else: a payment to one of them alone is worthless, but lifting the pivot to the
    level means lifting them too."""
    c = tl.SwingConstituency(r, q, 0.05)
    z, pivot = c.net_support(x), c.pivot_support(x)
    level = 0.05 * np.log(target / (1 - target))
    paid = tl.cheapest_package(c, x, target).payments > 0
    eps = 1e-9
    assert np.all(z[paid] >= pivot - eps) and np.all(z[paid] < level + eps)
    assert np.all(paid[(z > pivot + eps) & (z < level - eps)])  # every seat between the pivot and the level
    assert paid.any() == (pivot < level - eps) or abs(pivot - level) <= eps


def test_the_chapters_package_pays_the_pivot_and_the_uncommitted_seats_above_it():
    """The Senate on a treaty, deal 0.6, target 0.9: the level s ln 9 is the committed threshold, so the package pays
    the pivot and the 17 uncommitted seats above it, ranked 50 to 67 by reservation value, and no one else."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    groups = tl.commitment_groups(c, 0.6)
    z = c.net_support(0.6)
    paid = tl.cheapest_package(c, 0.6, 0.9).payments > 0
    above = z > c.pivot_support(0.6)
    pivot = np.isclose(z, c.pivot_support(0.6))
    assert pivot.sum() == 1 and paid[pivot].all() and groups[pivot][0] == "uncommitted"
    assert np.array_equal(paid & ~pivot, above & (groups == "uncommitted"))
    assert paid.sum() == 18
    order = np.argsort(c.reservations, kind="stable")
    assert np.array_equal(np.flatnonzero(paid[order]) + 1, np.arange(50, 68))


def test_a_package_costs_the_average_payment_over_the_seats():
    """The chapter's units: a package's cost is its payments' mean over the seats (paying one senator 0.1 of the
    stake costs 0.001 in a chamber of 100), each payment in shares of the stake."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    for target in (0.5, 0.9, 0.95):
        pkg = tl.cheapest_package(c, 0.6, target)
        assert pkg.cost == pytest.approx(pkg.payments.mean(), rel=1e-12)
    budget = tl.best_use_of_budget(tl.SwingConstituency.uniform(1.0, 100, quota=1 / 2, mood=0.05), 0.5, 0.01)
    assert budget.payments.sum() == pytest.approx(100 * 0.01, rel=1e-6)


def test_the_cheapest_package_pays_the_wavering_seats():
    """In the chapter's chamber the cheapest package for 0.9 pays only uncommitted seats ('wavering Senators');
    for 0.95 it pays some committed supporters too; it never pays a committed opponent."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    groups = tl.commitment_groups(c, 0.6)
    paid = {t: groups[tl.cheapest_package(c, 0.6, t).payments > 0] for t in (0.5, 0.9, 0.95, 0.99)}
    assert paid[0.9].size > 0 and np.all(paid[0.9] == "uncommitted")
    assert np.any(paid[0.95] == "supporters")
    assert not any(np.any(p == "opponents") for p in paid.values())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30), st.floats(0.0, 1.0), st.floats(0.0, 0.99))
def test_the_cheapest_package_never_pays_a_seat_beyond_the_pivot(r, x, target):
    """With equal prices only the k seats of highest net support can be paid."""
    c = tl.SwingConstituency(r, 2 / 3, 0.05)
    z = c.net_support(x)
    pkg = tl.cheapest_package(c, x, target)
    assert np.all(z[pkg.payments > 0] >= c.pivot_support(x))


def test_the_opposite_numbers_popularity_and_the_bargaining_rule():
    """B's share rises at every step of A's good will under split-the-difference, and stops at 1/2 under Nash."""
    wa, wb = tl.WinSet(0.55, 1.0), tl.WinSet(0.0, 0.6)
    gs = np.linspace(0.0, 0.2, 21)
    split = [1.0 - tl.rally_outcome(wa, wb, -g, 0.05, "split").share for g in gs]
    nash = [tl.opposite_popularity(wa, wb, float(g), 0.05).share_b for g in gs]
    assert all(b > a for a, b in zip(split, split[1:], strict=False))
    assert all(b >= a - 1e-12 for a, b in zip(nash, nash[1:], strict=False)) and nash[-1] == pytest.approx(0.5)
    assert nash[0] < 0.5


def test_the_more_uncertain_the_mood_the_less_it_pays_to_rally():
    """The chapter's scenario: the best rally falls as the scale of the Level II shock grows."""
    rallies = np.round(np.linspace(-0.3, 0.3, 121), 4)
    best = [
        max(tl.rally_tradeoff(WX, WY, rallies, m), key=lambda o: o.expected_share).rally for m in (0.025, 0.05, 0.1)
    ]
    assert best[0] > best[1] > best[2]
    assert best[0] > 0 > best[2]  # a calm mood rewards rallying, a noisy one softening up


# -- the chapter's refit: rules that match the institution, and who sits above the pivot -------------------


def test_most_uncommitted_seats_sit_above_the_pivot_where_a_single_payment_is_worthless():
    """The Senate on a treaty (two-thirds, deal 0.6): a payment to one of the 66 seats above the pivot alone adds
    nothing, and those seats include 17 of the 22 uncommitted ones as well as the 49 committed supporters."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    groups = tl.commitment_groups(c, 0.6)
    z = c.net_support(0.6)
    above = z > c.pivot_support(0.6)
    assert above.sum() == c.seats_needed - 1 == 66
    assert np.all(c.marginal_value(0.6, 0.05)[above] == 0.0)
    uncommitted = groups == "uncommitted"
    assert (above & uncommitted).sum() == 17 and uncommitted.sum() == 22
    assert 2 * (above & uncommitted).sum() > uncommitted.sum()  # most of them
    assert (above & (groups == "supporters")).sum() == 49


def test_a_targeted_trade_concession_beats_an_across_the_board_one_under_a_simple_majority():
    """Fast track: a simple majority. A concession aimed at the seats next to the pivot reaches what an
    across-the-board concession of 0.05 reaches for about 1/33 of its value; spent on free-traders, nothing.
    The model's simple majority of 100 is 50 votes: a tie passes."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=1 / 2, mood=0.05)
    assert c.seats_needed == 50
    board = tl.across_the_board(c, 0.5, 0.05)
    matched = tl.cheapest_package(c, 0.5, board.probability)
    assert matched.probability >= board.probability - 1e-12
    assert board.value / matched.value == pytest.approx(100 / 3, rel=1e-6)
    free = np.where(tl.commitment_groups(c, 0.5) == "supporters", 0.05 * 100 / 39, 0.0)
    assert c.ratification_probability(0.5, free) == c.ratification_probability(0.5)


def test_targeting_matters_most_short_of_the_edge_of_ratification():
    """The Explorer exercise: at a budget of 0.01, over the explorer's agreements (0.40 to 0.60 by 0.02) targeted
    minus spread peaks at 0.42, which the chamber would ratify with probability about one in five, and is least at
    0.60; below the range, at 0.30, the gap falls again."""
    c = tl.SwingConstituency.uniform(1.0, 100, quota=1 / 2, mood=0.05)

    def gap(d):
        return tl.best_use_of_budget(c, d, 0.01).probability - tl.across_the_board(c, d, 0.01).probability

    deals = np.round(np.arange(0.40, 0.601, 0.02), 2)
    gaps = [gap(float(d)) for d in deals]
    assert deals[int(np.argmax(gaps))] == pytest.approx(0.42) and int(np.argmin(gaps)) == len(deals) - 1
    assert 0.15 < c.ratification_probability(0.42) < 0.25 < 0.5 < c.ratification_probability(0.6)
    assert gap(0.30) < min(gaps[:5])


def test_a_two_thirds_rule_makes_ratification_dearer_than_a_simple_majority():
    """The computational exercise: raising the odds on a deal of 0.6 to 0.9 costs hundreds of times more, and
    pays many more seats, in a treaty chamber than in a fast-track chamber."""
    cost, paid = {}, {}
    for q in (1 / 2, 2 / 3):
        pkg = tl.cheapest_package(tl.SwingConstituency.uniform(1.0, 100, q, 0.05), 0.6, 0.9)
        cost[q], paid[q] = pkg.cost, int(np.count_nonzero(pkg.payments))
    assert cost[2 / 3] > 100 * cost[1 / 2] > 0 and paid[2 / 3] > 10 * paid[1 / 2] >= 10


def test_under_the_nash_clamp_softening_up_never_lowers_the_expected_share_while_the_split_is_free():
    """The derivation exercise: with X_1 < 1/2 < Y_1, on rallies below 1/2 - X_1 the Nash deal stays at 1/2
    and X's expected share falls as the rally grows; the best rally in the chapter's range is its lower edge."""
    rallies = np.round(np.linspace(-0.3, 0.3, 121), 4)
    out = tl.rally_tradeoff(WX, WY, rallies, mood=0.05, solution="nash")
    free = [o for o in out if o.rally <= 0.5 - WX.lo]
    assert all(o.share == pytest.approx(0.5) for o in free)
    values = [o.expected_share for o in free]
    assert all(b <= a + 1e-12 for a, b in zip(values, values[1:], strict=False))
    assert int(np.argmax([o.expected_share for o in out])) == 0
