"""Tests of twolevel.strategies.retaliation: commitment groups, targeted retaliation, the collusive path."""

import numpy as np
import pytest

import twolevel as tl

SEATS = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)


def test_groups_follow_the_yes_probabilities():
    p = SEATS.yes_probabilities(0.5)
    groups = tl.commitment_groups(SEATS, 0.5, band=0.1)
    assert (groups == "supporters").tolist() == (p >= 0.9).tolist()
    assert (groups == "opponents").tolist() == (p <= 0.1).tolist()


def test_retaliation_is_a_payment_shared_over_the_target_group():
    out = tl.retaliation_outcome(SEATS, 0.5, 0.02, "uncommitted")
    assert out.payments.tolist() == [0.0, 0.0, 0.1, 0.0, 0.0]  # 5 seats' worth on the one uncommitted seat
    assert out.probability == SEATS.ratification_probability(0.5, out.payments)
    assert tl.retaliation_outcome(SEATS, 0.5, 0.02, "everyone").payments.tolist() == [0.02] * 5


def test_the_collusive_path_never_lowers_either_share_and_ends_near_tangency():
    a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.6, side="A", n=101)
    b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.6, side="B", n=101)
    path = tl.collusive_path(a, b, (0.3, 0.6))
    assert np.all(np.diff(path.share_a) >= 0) and np.all(np.diff(path.share_b) >= 0)
    assert path.residual[-1] < 1e-5 <= path.residual[0]


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="target must be one of"):
        tl.retaliation_outcome(SEATS, 0.5, 0.02, "swing")
    with pytest.raises(ValueError, match="band must lie in"):
        tl.commitment_groups(SEATS, 0.5, band=0.5)
