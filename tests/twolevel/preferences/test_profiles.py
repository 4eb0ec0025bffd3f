"""Tests of twolevel.profiles: finite alternatives and the 45/45/10 example (pp. 444-445)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import four_types, moderate_quotas, percent_quotas, rankings

import twolevel as tl
from twolevel.preferences.profiles import Bloc, Profile


def test_putnam_divided_example_exactly():
    # 45% A > NA > B, 45% B > NA > A, 10% B > A > NA: both A and B are in the win-set ...
    p = tl.putnam_example(divided=True)
    assert tl.profile_win_set(p, 0.5) == {"A", "B"}
    assert tl.support(p, "A") == pytest.approx(0.55) and tl.support(p, "B") == pytest.approx(0.55)
    # ... although B would win a simple Level-II-only game.
    assert tl.condorcet_winner(p) == "B"


def test_putnam_united_example_exactly():
    # 90% A > NA > B, 10% B > A > NA: only A is in the win-set.
    p = tl.putnam_example(divided=False)
    assert tl.profile_win_set(p, 0.5) == {"A"}
    assert tl.support(p, "B") == pytest.approx(0.10)


def test_division_effect_on_putnams_example():
    eff = tl.division_effect(tl.putnam_example(True), 0.5)
    assert eff.divided_win_set == {"A", "B"}
    assert len(eff.united_win_set) == 1
    assert eff.p_deal_divided == 1.0 and eff.p_deal_united == 0.5 and eff.division_helps


def test_united_counterpart_keeps_no_agreement_in_place():
    p = Profile.from_shares({"B>NA>A": 1, "NA>B>A": 1, "B>A>NA": 1, "A>NA>B": 1})
    u = tl.united_counterpart(p, "A")
    assert [b.ranking for b in u.blocs] == [("A", "NA", "B"), ("NA", "A", "B"), ("A", "B", "NA"), ("A", "NA", "B")]
    assert [b.ranking.index("NA") for b in u.blocs] == [b.ranking.index("NA") for b in p.blocs]


@settings(max_examples=500, deadline=None)
@given(four_types, moderate_quotas)
def test_when_division_helps_exact_characterisation(shares, q):
    """The book's generalisation of p. 445, checked on random profiles.

    Four kinds of bloc: c_A ranks A > NA > B, c_B ranks B > NA > A, i (internationalists)
    B > A > NA, z (isolationists) NA > A > B. The united counterpart commits everyone to A.
    Against a foreign side that can accept A or B (equally likely), division
      gains B  iff the B faction plus the internationalists reach the quota but the
               internationalists alone do not;
      loses A  iff the committed blocs together would reach the quota but the A faction
               plus the internationalists do not;
    and it helps iff it gains without losing: P(divided) - P(united) = (gain - loss) / 2.
    """
    c_a, c_b, i, z = shares
    blocs = {k: v for k, v in {"A>NA>B": c_a, "B>NA>A": c_b, "B>A>NA": i, "NA>A>B": z}.items() if v > 0}
    total = c_a + c_b + i + z
    eff = tl.division_effect(Profile.from_shares(blocs), q, policy="A")

    def reach(weight: float) -> bool:
        return weight / total >= q * (1 - 1e-12)

    gain = reach(c_b + i) and not reach(i)
    loss = reach(c_a + c_b + i) and not reach(c_a + i)
    assert eff.p_deal_divided - eff.p_deal_united == pytest.approx((gain - loss) / 2)
    assert eff.division_helps == (gain and not loss)
    # Putnam's case: each faction plus the internationalists can carry ratification.
    if reach(c_a + i) and reach(c_b + i):
        assert eff.p_deal_divided == 1.0


@pytest.mark.parametrize(
    ("ranking", "message"),
    [
        (("A", "B"), "must include no-agreement"),
        (("A", "NA", "A"), "each alternative once"),
        (("NA",), "at least one alternative"),
        ("A>NA", "sequence of alternative names"),
    ],
)
def test_bad_rankings(ranking, message):
    with pytest.raises((ValueError, TypeError), match=message):
        Bloc(ranking, 1.0)


def test_bad_weights_profiles_and_quotas():
    with pytest.raises(ValueError, match="weight must be > 0"):
        Bloc(("A", "NA"), 0)
    with pytest.raises(ValueError, match="weight must be a finite"):
        Bloc(("A", "NA"), float("nan"))
    with pytest.raises(ValueError, match="blocs must not be empty"):
        Profile(())
    with pytest.raises(ValueError, match="every bloc must rank the same alternatives"):
        Profile((Bloc(("A", "NA"), 1), Bloc(("B", "NA"), 1)))
    with pytest.raises(ValueError, match=r"quota must lie in \(0, 1\]"):
        tl.profile_win_set(tl.putnam_example(), 1.5)
    with pytest.raises(ValueError, match="alternative must be one of"):
        tl.support(tl.putnam_example(), "C")
    with pytest.raises(ValueError, match="foreign_acceptable must be"):
        tl.division_effect(tl.putnam_example(), 0.5, ["C"])


@settings(max_examples=200, deadline=None)
@given(rankings, st.lists(st.floats(0.01, 10), min_size=6, max_size=6), percent_quotas)
def test_win_set_matches_vote_counting_on_random_profiles(rankings, weights, q):
    p = Profile(tuple(Bloc(tuple(r), w) for r, w in zip(rankings, weights[: len(rankings)], strict=True)))
    w = tl.profile_win_set(p, q)
    for a in ("A", "B"):
        yes = sum(b.weight for b in p.blocs if b.ranking.index(a) < b.ranking.index("NA"))
        assert (a in w) == (yes >= q * p.total * (1 - 1e-12))
    # Raising the quota never adds alternatives.
    assert tl.profile_win_set(p, min(1.0, q + 0.1)) <= w


def test_weights_whose_sum_overflows_are_rejected_not_turned_into_nan():
    """Two blocs of weight 1e308: their sum is not finite, so the support would be 0 (and {A} lost)."""
    with pytest.raises(ValueError, match="finite sum"):
        tl.Profile.from_shares({"A>NA": 1e308, "NA>A": 1e308})
    half = tl.Profile.from_shares({"A>NA": 1e307, "NA>A": 1e307})  # the same ratios, rescaled
    assert tl.profile_win_set(half, 0.5) == {"A"}
