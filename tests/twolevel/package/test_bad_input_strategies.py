"""Bad input to twolevel.strategies: a ValueError/TypeError naming the parameter, never NaN or an overflow warning."""

import math

import numpy as np
import pytest

import twolevel as tl


def _box(side: str) -> tl.TwoIssueConstituency:
    return tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side=side, n=101)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda v: tl.Package(np.array([0.0, 0.1]), cost=v, value=0.05, probability=0.5), "cost"),
        (lambda v: tl.Package(np.array([0.0, 0.1]), cost=0.05, value=0.05, probability=v), "probability"),
        (lambda v: tl.Package([0.0, v], cost=0.05, value=0.05, probability=0.5), "payments"),
        (lambda v: tl.RallyOutcome(v, 0.5, 0.5, 0.25), "rally"),
        (lambda v: tl.RallyOutcome(0.1, v, 0.5, 0.25), "share"),
        (lambda v: tl.PopularityEffect(0.1, v, 0.5, 0.5), "room"),
        (lambda v: tl.SummitPayoff(0.1, v, 0.4), "substantive"),
        (lambda v: tl.RankEffect(tl.WinSet(0.3, 1.0), 0.2, 0.5, v), "probability"),
    ],
)
@pytest.mark.parametrize("value", [math.nan, math.inf, "0.5", True, -2.0])
def test_records_refuse_bad_fields(make, field, value):
    if value == -2.0 and field == "substantive":  # a summit seeking a deal may cost standing
        assert make(value).substantive == -2.0
        return
    with pytest.raises((TypeError, ValueError), match=rf"^{field} must"):
        make(value)


def test_collusive_path_fields_have_one_length():
    with pytest.raises(ValueError, match="beef and citrus"):
        tl.CollusivePath(*(np.array([0.5, 0.6]),), np.array([0.5]), np.array([0.5]), np.array([0.5]), np.array([0.0]))


def test_collusive_path_start_is_any_pair_of_reals():
    a, b = _box("A"), _box("B")
    by_tuple = tl.collusive_path(a, b, (0.2, 0.7), max_steps=20)
    by_array = tl.collusive_path(a, b, np.array([0.2, 0.7]), max_steps=20)
    np.testing.assert_array_equal(by_tuple.beef, by_array.beef)
    np.testing.assert_array_equal(tl.collusive_path(a, b, max_steps=20).beef[:1], [0.5])
    for bad, error in [
        ((0.2, 0.7, 0.1), ValueError),
        (("0.2", "0.7"), TypeError),
        ((0.2, math.nan), ValueError),
        ((0.0, 0.5), ValueError),
    ]:
        with pytest.raises(error, match="^start must"):
            tl.collusive_path(a, b, bad)


def test_opposite_popularity_names_its_win_sets():
    for kwargs, name in [({"win_set_x": None}, "win_set_x"), ({"win_set_y": 0.5}, "win_set_y")]:
        good = {"win_set_x": tl.WinSet(0.55, 1.0), "win_set_y": tl.WinSet(0.0, 0.7), "goodwill": 0.1, "mood": 0.05}
        args = {**good, **kwargs}
        with pytest.raises(TypeError, match=f"^{name} must be a WinSet"):
            tl.opposite_popularity(**args)


def test_huge_finite_payments_give_probabilities_without_overflow_warnings():
    """Near float's limit z/mood is infinite: the seat surely votes yes, and no RuntimeWarning is raised."""
    c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
    big = 3.5e307
    assert tl.across_the_board(c, 0.5, big).probability == 1.0
    assert c.yes_probabilities(0.5, [big] * 5).tolist() == [1.0] * 5
    assert tl.retaliation_outcome(c, 0.5, big, "everyone").probability == 1.0
    with pytest.raises(ValueError, match="^amount must be finite"):
        tl.retaliation_outcome(c, 0.5, 1e308, "uncommitted")  # one seat bears 5e308
