"""Tests of twolevel.participation: abstention and politicisation (p. 445)."""

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import members, percent_quotas, unit

import twolevel as tl


@settings(max_examples=300, deadline=None)
@given(members, unit, unit, percent_quotas)
def test_politicisation_shrinks_the_win_set_when_it_activates_the_less_worried(rp, lam1, lam2, q):
    """p. 445: activating groups less worried about no-agreement reduces the effective win-set.

    Participation that does not rise with the reservation value means that the newly
    activated are at least as demanding as the already active.
    """
    r = np.array([a for a, _ in rp])
    p = np.array([b for _, b in rp])
    order = np.argsort(r, kind="stable")
    p_sorted = np.sort(p)[::-1]  # the more demanding, the less attentive
    p = np.empty_like(p)
    p[order] = np.maximum(p_sorted, 0.01)
    c = tl.Constituency(r)
    low, high = sorted((lam1, lam2))
    w_low = tl.win_set(tl.politicise(c, p, low), q, "X")
    w_high = tl.win_set(tl.politicise(c, p, high), q, "X")
    assert w_high.width <= w_low.width


def test_wilson_activating_supporters_enlarges_the_win_set():
    # Supporters (low reservation values) are the inattentive ones: politicising helps.
    c = tl.Constituency(np.linspace(0, 1, 101))
    p = np.linspace(0.1, 1.0, 101)  # attention rises with the reservation value
    secret = tl.win_set(tl.politicise(c, p, 0.0), 0.5, "X")
    tour = tl.win_set(tl.politicise(c, p, 1.0), 0.5, "X")
    assert tour.width > secret.width


def test_concentrated_interests_participate_more():
    p = tl.participation_from_stakes([10.0, 0.01], cost_of_acting=0.5)
    assert p[0] > 0.9 and p[1] < 0.05


def test_bad_input():
    c = tl.Constituency([0.2, 0.6])
    with pytest.raises(ValueError, match="one rate per constituent"):
        tl.effective_constituency(c, [0.5])
    with pytest.raises(ValueError, match="positive effective weight"):
        tl.effective_constituency(c, [0.0, 0.0])
    with pytest.raises(ValueError, match=r"participation must lie in \[0.0, 1.0\]"):
        tl.effective_constituency(c, [0.5, 1.5])
    with pytest.raises(ValueError, match=r"level must lie in \[0, 1\]"):
        tl.politicise(c, [0.5, 0.5], -0.1)
    with pytest.raises(ValueError, match=r"cost_of_acting must lie in \(0, 1\]"):
        tl.participation_from_stakes([1.0], 0.0)


def test_chapter_trade_versus_monetary_abstention():
    """Chapter 5: concentrated losers shrink the effective win-set; uniform abstention does not."""
    reservations = np.r_[np.full(10, 0.9), np.linspace(0.0, 0.6, 90)]
    economy = tl.Constituency(reservations)
    whole = tl.win_set(economy, 0.5, "X")
    trade = tl.participation_from_stakes(np.r_[np.full(10, 5.0), np.full(90, 0.05)], 0.2)
    monetary = tl.participation_from_stakes(np.full(100, 0.05), 0.2)
    assert tl.win_set(tl.effective_constituency(economy, trade), 0.5, "X").width < whole.width
    assert tl.win_set(tl.effective_constituency(economy, monetary), 0.5, "X") == whole


@settings(max_examples=300, deadline=None)
@given(members, unit, unit, percent_quotas)
def test_politicisation_never_shrinks_the_win_set_when_it_activates_supporters(rp, lam1, lam2, q):
    r = np.array([a for a, _ in rp])
    p = np.array([b for _, b in rp])
    order = np.argsort(r, kind="stable")
    p_sorted = np.sort(p)  # the more demanding, the more attentive
    p = np.empty_like(p)
    p[order] = np.maximum(p_sorted, 0.01)
    c = tl.Constituency(r)
    low, high = sorted((lam1, lam2))
    assert tl.win_set(tl.politicise(c, p, high), q, "X").width >= tl.win_set(tl.politicise(c, p, low), q, "X").width


def test_chapter_exercise_politicisation_sinks_a_deal():
    """Chapter 5's exercise: a deal at 0.40 passes in a quiet debate and fails once politicised."""
    members = tl.Constituency(np.linspace(0, 0.9, 91))
    doves_attentive = np.where(members.reservations > 0.5, 0.2, 0.9)
    levels = np.linspace(0, 1, 101)
    ratified = [tl.ratifies(tl.politicise(members, doves_attentive, lv), 0.5, 0.40, "X") for lv in levels]
    assert ratified[0] and not ratified[-1]
    first = ratified.index(False)
    assert all(ratified[:first]) and not any(ratified[first:])  # one threshold, no flicker
    assert levels[first] == pytest.approx(0.69)
