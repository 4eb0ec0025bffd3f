"""Tests of twolevel.linkage: synergistic issue linkage (pp. 446-448)."""

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import linkage_members, moderate_quotas, unit

import twolevel as tl


def bonn():
    """The chapter's stylised Bonn illustration (not an estimate)."""
    us = tl.LinkageCountry(
        "United States",
        "oil price decontrol",
        own_utility=[1.0] * 40 + [-0.2] * 25 + [-1.0] * 35,
        foreign_benefit=[0.3] * 40 + [0.5] * 25 + [0.3] * 35,
    )
    germany = tl.LinkageCountry(
        "Germany",
        "fiscal stimulus",
        own_utility=[1.0] * 35 + [-0.1] * 20 + [-1.0] * 45,
        foreign_benefit=[0.2] * 35 + [0.3] * 20 + [0.2] * 45,
    )
    return us, germany


def test_bonn_package_ratified_although_each_policy_fails_alone():
    res = tl.linkage_outcome(*bonn())
    assert res.alone == {"United States": False, "Germany": False}
    assert res.linked and res.synergistic
    assert res.support_alone["United States"] == pytest.approx(0.40)
    assert res.support_linked["United States"] == pytest.approx(0.65)
    assert res.switchers["Germany"] == pytest.approx(0.20)


def test_no_domestic_option_does_it():
    # The domestic menu is {status quo, own policy}: without the foreign benefit the
    # policy fails in every country, whichever way it is put to the vote.
    us, de = bonn()
    for c in (us, de):
        assert not c.passes(c.support_alone)
        no_foreign = tl.LinkageCountry(
            c.name, c.policy, c.own_utility, np.zeros(c.own_utility.size), c.weights, c.quota
        )
        assert not no_foreign.passes(no_foreign.support_linked)


@settings(max_examples=200, deadline=None)
@given(linkage_members, linkage_members, moderate_quotas, unit)
def test_linkage_properties(a, b, q, extra):
    c1 = tl.LinkageCountry("one", "p1", [u for u, _ in a], [g for _, g in a], quota=q)
    c2 = tl.LinkageCountry("two", "p2", [u for u, _ in b], [g for _, g in b], quota=q)
    res = tl.linkage_outcome(c1, c2)
    # Benefits from abroad never cost a policy support.
    assert res.support_linked["one"] >= res.support_alone["one"]
    # Without any cross-border benefit there is no synergy.
    z1 = tl.LinkageCountry("one", "p1", c1.own_utility, np.zeros(len(a)), quota=q)
    z2 = tl.LinkageCountry("two", "p2", c2.own_utility, np.zeros(len(b)), quota=q)
    assert not tl.linkage_outcome(z1, z2).synergistic
    # Larger benefits never undo a ratified package.
    if res.linked:
        b1 = tl.LinkageCountry("one", "p1", c1.own_utility, c1.foreign_benefit + extra, quota=q)
        assert tl.linkage_outcome(b1, c2).linked


def test_bad_input():
    with pytest.raises(ValueError, match=r"foreign_benefit must lie in \[0.0"):
        tl.LinkageCountry("x", "p", [1.0], [-1.0])
    with pytest.raises(ValueError, match="one value per constituent"):
        tl.LinkageCountry("x", "p", [1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="own_utility must hold finite"):
        tl.LinkageCountry("x", "p", [float("nan")], [1.0])
    with pytest.raises(ValueError, match="quota must lie"):
        tl.LinkageCountry("x", "p", [1.0], [1.0], quota=0)
    with pytest.raises(ValueError, match="different names"):
        c = tl.LinkageCountry("x", "p", [1.0], [1.0])
        tl.linkage_outcome(c, c)
