"""Side-payments (twolevel.strategies.sidepayments): marginal values, the exact cheapest package, bad input."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from inputs import anything, outside_unit

import twolevel as tl

seats = st.lists(st.floats(0.0, 1.0), min_size=1, max_size=40)
moods = st.floats(0.01, 0.5)
targets = st.floats(0.0, 0.99)


def swing(draw_r, quota=2 / 3, mood=0.05):
    return tl.SwingConstituency(draw_r, quota=quota, mood=mood)


# -- the model -------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(seats, st.floats(0.05, 1.0), moods, st.floats(0.0, 1.0))
def test_probability_is_the_pivots_yes_probability(r, q, s, x):
    c = tl.SwingConstituency(r, q, s)
    k = c.seats_needed
    z = np.sort(x - np.asarray(r))[::-1]
    assert c.ratification_probability(x) == pytest.approx(1 / (1 + math.exp(-z[k - 1] / s)), abs=1e-12)
    # Exactly k seats are needed: k = ceil(q n).
    assert k == max(1, math.ceil(q * len(r) - 1e-9))


@settings(max_examples=100, deadline=None)
@given(seats, moods, st.floats(0.0, 1.0), st.floats(0.0, 0.5))
def test_marginal_value_matches_recomputation(r, s, x, t):
    c = tl.SwingConstituency(r, 2 / 3, s)
    mv = c.marginal_value(x, t)
    p0 = c.ratification_probability(x)
    for i in range(len(r)):
        pay = np.zeros(len(r))
        pay[i] = t
        assert mv[i] == pytest.approx(c.ratification_probability(x, pay) - p0, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(seats, moods, st.floats(0.0, 1.0), st.floats(1e-4, 0.5))
def test_marginal_value_is_largest_at_the_pivot(r, s, x, t):
    """The pivotal seat's payment is worth at least any other seat's, and committed seats' are 0."""
    c = tl.SwingConstituency(r, 2 / 3, s)
    mv = c.marginal_value(x, t)
    z = c.net_support(x)
    pivot = c.pivot_support(x)
    assert mv.max() == pytest.approx(mv[np.flatnonzero(z == pivot)].max(), abs=1e-15)
    # Committed supporters (above the pivot) and opponents out of reach gain nothing.
    assert np.all(mv[z > pivot] == 0.0)
    assert np.all(mv[z + t <= pivot] == 0.0)
    assert np.all(mv >= 0.0)


def test_swing_voters_against_committed_ones():
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    groups = tl.commitment_groups(c, 0.6)
    mv = c.marginal_value(0.6, 0.05)
    assert mv[groups == "supporters"].max() == 0.0
    assert (
        mv[groups == "opponents"].max() < 1e-12
    )  # at most a rounding error, for a seat the payment lifts to the pivot
    assert mv[groups == "uncommitted"].max() == mv.max() > 0.01


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=1, max_size=4),
    st.sampled_from([0.5, 2 / 3, 1.0]),
    moods,
    st.floats(0.0, 1.0),
    targets,
    st.lists(st.sampled_from([0.5, 1.0, 2.0]), min_size=4, max_size=4),
)
def test_cheapest_package_is_no_dearer_than_brute_force(r, q, s, x, pi, prices):
    c = tl.SwingConstituency(r, q, s)
    prices = prices[: len(r)]
    best = tl.cheapest_package(c, x, pi, prices=prices)
    assert best.probability >= pi - 1e-9
    assert best.cost == pytest.approx(float(np.dot(prices, best.payments)) / len(r))
    grid = np.unique(np.concatenate([np.linspace(0.0, 1.5, 7), best.payments]))
    brute = tl.brute_force_package(c, x, pi, grid=grid, prices=prices)
    assert brute is not None  # the exact package itself is on the grid
    assert best.cost <= brute.cost + 1e-9


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=2, max_size=4), moods, st.floats(0.0, 1.0), targets)
def test_cheapest_package_lower_bound_on_a_coarse_grid(r, s, x, pi):
    # Packages on a coarse grid reaching the target never cost less than the exact one.
    c = tl.SwingConstituency(r, 0.5, s)
    best = tl.cheapest_package(c, x, pi)
    brute = tl.brute_force_package(c, x, pi, grid=np.linspace(0.0, 2.0, 9))
    assume(brute is not None)
    assert best.cost <= brute.cost + 1e-9


@settings(max_examples=60, deadline=None)
@given(seats, moods, st.floats(0.0, 1.0), st.floats(0.0, 2.0))
def test_best_use_of_budget_beats_across_the_board(r, s, x, budget):
    c = tl.SwingConstituency(r, 2 / 3, s)
    targeted = tl.best_use_of_budget(c, x, budget)
    assert targeted.cost <= budget + 1e-9
    spread = tl.across_the_board(c, x, budget)  # the same cost, spread equally over every seat
    assert spread.cost == pytest.approx(budget)
    assert targeted.probability >= spread.probability - 1e-9


def test_targeted_concession_of_lesser_value_beats_across_the_board():
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    board = tl.across_the_board(c, 0.6, 0.05)
    targeted = tl.cheapest_package(c, 0.6, board.probability)
    assert targeted.value < board.value / 4
    assert targeted.probability >= board.probability - 1e-12
    # A concession to committed free-traders (the lowest reservations) does nothing.
    pay = np.zeros(100)
    pay[:20] = 0.25
    assert c.ratification_probability(0.6, pay) == c.ratification_probability(0.6)


def test_net_shares_move_the_cost_across_the_border():
    c = tl.SwingConstituency.uniform(1.0, 100, quota=2 / 3, mood=0.05)
    p = tl.cheapest_package(c, 0.6, 0.9)
    home = tl.net_shares(0.6, p, "domestic")
    abroad = tl.net_shares(0.6, p, "international")
    assert sum(home) == pytest.approx(sum(abroad))
    assert home[0] < abroad[0] and home[1] > abroad[1]


# -- bad input -------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=False))
def test_negative_payments_budgets_and_prices(neg):
    c = tl.SwingConstituency([0.2, 0.5, 0.8], 0.5, 0.1)
    with pytest.raises(ValueError, match="payments must lie in"):
        c.ratification_probability(0.5, [0.0, neg, 0.0])
    with pytest.raises(ValueError, match="budget must be >= 0"):
        tl.best_use_of_budget(c, 0.5, neg)
    with pytest.raises(ValueError, match="prices must lie in"):
        tl.cheapest_package(c, 0.5, 0.5, prices=[1.0, neg, 1.0])
    with pytest.raises(ValueError, match="payment must be >= 0"):
        c.marginal_value(0.5, neg)
    with pytest.raises(ValueError, match="amount must be >= 0"):
        tl.retaliation_outcome(c, 0.5, neg, "uncommitted")
    with pytest.raises(ValueError, match="goodwill must be >= 0"):
        c.with_goodwill(neg)
    with pytest.raises(ValueError, match="value must be >= 0"):
        tl.across_the_board(c, 0.5, neg)


@settings(max_examples=60, deadline=None)
@given(outside_unit)
def test_probabilities_and_shares_outside_the_unit_interval(v):
    c = tl.SwingConstituency([0.2, 0.5, 0.8], 0.5, 0.1)
    with pytest.raises(ValueError, match="target must"):
        tl.cheapest_package(c, 0.5, v)
    with pytest.raises(ValueError, match="deal must"):
        c.ratification_probability(v)
    with pytest.raises(ValueError, match="reservations must"):
        tl.SwingConstituency([0.2, v], 0.5, 0.1)
    with pytest.raises(ValueError, match="quota must"):
        tl.SwingConstituency([0.2], v if v != 1.0 else 1.5, 0.1)


def test_certainty_cannot_be_bought():
    c = tl.SwingConstituency([0.2, 0.5, 0.8], 0.5, 0.1)
    with pytest.raises(ValueError, match=r"target must lie in \[0, 1\).*certainty"):
        tl.cheapest_package(c, 0.5, 1.0)


@settings(max_examples=80, deadline=None)
@given(anything)
def test_fuzzed_arguments_fail_clearly(v):
    c = tl.SwingConstituency([0.2, 0.5, 0.8], 0.5, 0.1)
    calls = [
        lambda: tl.SwingConstituency([0.2, 0.5], 0.5, v),
        lambda: tl.SwingConstituency([0.2, 0.5], v, 0.1),
        lambda: tl.cheapest_package(c, v, 0.5),
        lambda: tl.cheapest_package(c, 0.5, v),
        lambda: tl.best_use_of_budget(c, 0.5, v),
        lambda: c.marginal_value(0.5, v),
        lambda: tl.rally_outcome(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), v, 0.05),
        lambda: tl.rally_outcome(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), 0.0, v),
        lambda: tl.opposite_popularity(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), v, 0.05),
        lambda: tl.negotiator_win_set(c, v),
        lambda: tl.transaction_benefits(c, 0.5, v, 0.1, 0.1),
        lambda: tl.add_goodwill(tl.Constituency([0.3]), v),
    ]
    for call in calls:
        try:
            out = call()
        except (TypeError, ValueError) as exc:
            assert str(exc)  # a message, naming a parameter
            continue
        # Accepted values must give finite results, never NaN.
        for field in getattr(out, "__dict__", {}).values():
            if isinstance(field, float):
                assert math.isfinite(field)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: tl.cheapest_package("c", 0.5, 0.5), "constituency must be a SwingConstituency"),
        (lambda c: tl.cheapest_package(c, 0.5, 0.5, prices=[1.0]), "prices must hold one price per seat"),
        (lambda c: c.ratification_probability(0.5, [0.1]), "payments must hold one payment per seat"),
        (lambda c: tl.SwingConstituency([0.2], 0.5, 0.0), "mood must be > 0"),
        (lambda c: tl.SwingConstituency([], 0.5, 0.1), "reservations must not be empty"),
        (lambda c: tl.retaliation_outcome(c, 0.5, 0.1, "hawks"), "target must be one of"),
        (lambda c: tl.commitment_groups(c, 0.5, band=0.5), "band must lie in"),
        (lambda c: tl.net_shares(0.5, tl.cheapest_package(c, 0.5, 0.5), "abroad"), "source must be"),
        (
            lambda c: tl.brute_force_package(tl.SwingConstituency([0.5] * 8, 0.5, 0.1), 0.5, 0.5, np.linspace(0, 1, 7)),
            "at most 2000000",
        ),
        (
            lambda c: tl.rally_outcome(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), 1.5, 0.05),
            r"rally must lie in \[-1, 1\]",
        ),
        (
            lambda c: tl.rally_outcome(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), 0.0, 0.05, solution="kalai"),
            "solution must be",
        ),
        (lambda c: tl.SwingConstituency.uniform(0.5, 0, 0.5, 0.1), "n must be an integer >= 1"),
    ],
)
def test_bad_input_names_the_parameter(call, message):
    c = tl.SwingConstituency([0.2, 0.5, 0.8], 0.5, 0.1)
    with pytest.raises((TypeError, ValueError), match=message):
        call(c)


@settings(max_examples=100, deadline=None)
@given(seats, st.floats(0.05, 1.0), moods, st.floats(0.0, 1.0), targets)
def test_equal_price_shortcut_matches_the_general_method(r, q, s, x, pi):
    c = tl.SwingConstituency(r, q, s)
    fast = tl.cheapest_package(c, x, pi)
    general = tl.cheapest_package(c, x, pi, prices=np.ones(len(r)))
    assert fast.cost == pytest.approx(general.cost, abs=1e-12)
    assert fast.probability == pytest.approx(general.probability, abs=1e-9)
    assert fast.probability == pytest.approx(c.ratification_probability(x, fast.payments), abs=1e-12)
    assert fast.value == pytest.approx(float(np.mean(fast.payments)), abs=1e-15)
