"""Bad input gets a clear ValueError/TypeError naming the parameter, never a NaN."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import anything, bad_quotas

import twolevel as tl


@settings(max_examples=100, deadline=None)
@given(bad_quotas)
def test_quota_out_of_range(q):
    c = tl.Constituency([0.2, 0.5])
    with pytest.raises(ValueError, match=r"quota.*\(0, 1\]|quota must be a finite"):
        tl.win_set(c, q, "X")
    with pytest.raises(ValueError, match="quota"):
        tl.ratifies(c, q, 0.5)
    with pytest.raises(ValueError, match="quota"):
        tl.reversion_win_set(tl.SpatialConstituency([0.5]), q, 0.5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(reservations=[]), "reservations must not be empty"),
        (dict(reservations=[0.2, math.nan]), "reservations must hold finite"),
        (dict(reservations=[0.2, 1.5]), r"reservations must lie in \[0.0, 1.0\]"),
        (dict(reservations=[[0.2], [0.3]]), "reservations must be one-dimensional"),
        (dict(reservations="abc"), "reservations must be a sequence"),
        (dict(reservations=[0.2, 0.3], weights=[1, -1]), r"weights must lie in \[0.0"),
        (dict(reservations=[0.2, 0.3], weights=[0, 0]), "weights must have a positive"),
        (dict(reservations=[0.2, 0.3], weights=[1]), "one weight per constituent"),
        (dict(reservations=[0.2, 0.3], weights=[1, math.inf]), "weights must hold finite"),
    ],
)
def test_constituency_rejects(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        tl.Constituency(**kwargs)


def test_spatial_rejects():
    with pytest.raises(ValueError, match="ideals must lie"):
        tl.SpatialConstituency([-0.1, 0.5])
    with pytest.raises(ValueError, match=r"reversion must lie in \[0, 1\]"):
        tl.reversion_win_set(tl.SpatialConstituency([0.5]), 0.5, 1.2)
    with pytest.raises(TypeError, match="reversion must be a real number"):
        tl.reversion_win_set(tl.SpatialConstituency([0.5]), 0.5, "0.2")
    with pytest.raises(TypeError, match="constituency must be a SpatialConstituency"):
        tl.reversion_win_set(tl.Constituency([0.5]), 0.5, 0.2)


def test_other_constructors_and_functions_reject():
    with pytest.raises(ValueError, match="spread must lie in"):
        tl.Constituency.uniform(1.2)
    with pytest.raises(ValueError, match="n must be an integer >= 1"):
        tl.Constituency.uniform(0.5, n=0)
    with pytest.raises(TypeError, match="n must be an integer"):
        tl.Constituency.uniform(0.5, n=2.5)
    with pytest.raises(ValueError, match=r"a must lie in \(0, 50\]"):
        tl.Constituency.kumaraswamy(0, 1)
    with pytest.raises(ValueError, match="side must be 'X' or 'Y'"):
        tl.win_set(tl.Constituency([0.5]), 0.5, "Z")
    with pytest.raises(TypeError, match="constituency must be a Constituency"):
        tl.win_set([0.5], 0.5)
    with pytest.raises(ValueError, match=r"lo must be <= hi"):
        tl.WinSet(0.6, 0.4)
    with pytest.raises(TypeError, match="feasible must be a WinSet"):
        tl.nash_bargaining((0.3, 0.5))
    with pytest.raises(ValueError, match=r"d_x must lie in \[0, 1\]"):
        tl.nash_bargaining(tl.WinSet(0.3, 0.5), d_x=-0.1)
    with pytest.raises(ValueError, match="d_x \\+ d_y must be <= 1"):
        tl.nash_bargaining(tl.WinSet(0.3, 0.5), d_x=0.6, d_y=0.6)
    with pytest.raises(ValueError, match=r"spread_x must lie in \[0.0, 1.0\]"):
        tl.agreement_probability(1.5, 0.5)
    with pytest.raises(ValueError, match="trials must be an integer >= 1"):
        tl.agreement_probability(0.5, 0.5, trials=0)
    with pytest.raises(ValueError, match=r"uncertainty must lie in \[0, 1\]"):
        tl.defection_rates(0.3, 0.6, 2.0)
    with pytest.raises(ValueError, match="temptation must be > 0"):
        tl.defection_rates(0.3, 0.6, 0.1, temptation=0)
    with pytest.raises(ValueError, match="reneging_cost must be >= 0"):
        tl.simulate_defection(0.3, 0.6, 0.1, reneging_cost=-1)
    with pytest.raises(ValueError, match=r"share must lie in \[0, 1\]"):
        tl.Constituency([0.5]).yes_share(1.5)
    with pytest.raises(ValueError, match=r"x must lie in \[0, 1\]"):
        tl.ratifies(tl.Constituency([0.5]), 0.5, [0.2, math.nan])


@settings(max_examples=300, deadline=None)
@given(anything, anything, anything)
def test_fuzz_public_functions_fail_cleanly_or_return_finite(q, d, s):
    """Whatever comes in: a ValueError/TypeError naming a parameter, or a finite answer."""
    c = tl.Constituency([0.1, 0.4, 0.7])
    calls = [
        lambda: tl.win_set(c, q, "X"),
        lambda: tl.nash_bargaining(tl.WinSet(0.2, 0.6), d, s),
        lambda: tl.defection_rates(q, d, s),
        lambda: tl.Constituency.uniform(s, n=11),
        lambda: tl.reversion_win_set(tl.SpatialConstituency([0.3, 0.6]), q, d),
        lambda: tl.agreement_probability(s, d, trials=10, sample_size=5),
    ]
    names = ("quota", "d_x", "d_y", "x1", "y1", "uncertainty", "spread", "reversion", "spread_x", "spread_y")
    for call in calls:
        try:
            out = call()
        except (ValueError, TypeError) as exc:
            assert any(n in str(exc) for n in names), str(exc)
        else:
            values = [out.lo, out.hi] if isinstance(out, tl.WinSet) else out
            if isinstance(out, tl.DefectionRates):
                values = [out.deadlock, out.involuntary, out.voluntary, out.implemented]
            if isinstance(out, tl.Constituency):
                values = out.reservations
            if values is not None:
                assert np.all(np.isfinite(np.asarray(values, dtype=float)))
