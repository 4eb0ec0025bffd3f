"""One side on two issues: yes-shares and votes on packages (twolevel.twoissue.side, Putnam pp. 446-447)."""

import numpy as np
import pytest
from hypothesis import given, settings
from inputs import (
    bad_gammas,
    bad_open_unit,
    bad_quotas,
    default_pair,
    empirical_sides,
    not_numbers,
    outside_unit,
    unit,
)

import twolevel as tl


def test_yes_share_counts_votes_directly():
    rng = np.random.default_rng(7)
    beef, citrus = rng.random(30), rng.random(20)
    wb, wc = rng.random(30) + 0.1, rng.random(20) + 0.1
    for side in ("A", "B"):
        s = tl.TwoIssueConstituency(tl.Constituency(beef, wb), tl.Constituency(citrus, wc), 0.35, 0.5, side)
        for b, c in rng.random((50, 2)):
            gb, gc = (b, c) if side == "A" else (1 - b, 1 - c)
            expected = 0.35 * wb[beef <= gb].sum() / wb.sum() + 0.65 * wc[citrus <= gc].sum() / wc.sum()
            assert s.yes_share(b, c) == pytest.approx(expected, abs=1e-12)
            assert s.ratifies(b, c) == (expected >= 0.5 * (1 - 1e-12))


def test_vectorised_and_broadcasting():
    a, _ = default_pair(n=101)
    b = np.linspace(0, 1, 5)
    out = a.yes_share(b[:, None], b[None, :])
    assert out.shape == (5, 5)
    assert a.yes_share(1.0, 1.0) == 1.0 and a.yes_share(0.0, 0.0) == 0.0
    assert isinstance(a.ratifies(0.5, 0.5), bool)
    assert a.ratifies(b, 1.0).dtype == bool


def test_power_family_follows_its_cdf():
    n = 1000
    s = tl.TwoIssueConstituency.power(0.3, 0.5, 0.8, 0.5, "A", n=n)
    x = np.linspace(0, 1, 97)
    expected = 0.3 * x**0.5 + 0.7 * x**0.8
    # Each empirical CDF is within 1/(2n) of x**gamma (midpoint quantile grid).
    assert np.max(np.abs(s.yes_share(x, x) - expected)) <= 1 / (2 * n) + 1e-12
    b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.8, 0.5, "B", n=n)
    assert np.max(np.abs(b.yes_share(1 - x, 1 - x) - expected)) <= 1 / (2 * n) + 1e-12


@settings(max_examples=150, deadline=None)
@given(empirical_sides("A"), unit, unit, unit, unit)
def test_a_win_set_is_northeast_closed(side, b, c, db, dc):
    if side.ratifies(b, c):
        assert side.ratifies(b + db * (1 - b), c + dc * (1 - c))


@settings(max_examples=150, deadline=None)
@given(empirical_sides("B"), unit, unit, unit, unit)
def test_b_win_set_is_southwest_closed(side, b, c, db, dc):
    if side.ratifies(b, c):
        assert side.ratifies(b * (1 - db), c * (1 - dc))


@settings(max_examples=60, deadline=None)
@given(bad_open_unit)
def test_bad_weights_are_rejected(x):
    with pytest.raises(ValueError, match=r"alpha must (lie in the open interval \(0, 1\)|be a finite)"):
        tl.TwoIssueConstituency.power(x, 0.5, 0.5, 0.5)
    c = tl.Constituency([0.5])
    with pytest.raises(ValueError, match="beef_weight must"):
        tl.TwoIssueConstituency(c, c, x, 0.5)
    with pytest.raises(ValueError, match="beef_weight must"):
        tl.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 0.1, c, x)


@settings(max_examples=60, deadline=None)
@given(bad_quotas)
def test_bad_quotas_are_rejected(q):
    with pytest.raises(ValueError, match=r"quota must (lie in \(0, 1\]|be a finite)"):
        tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, q)
    a, _ = default_pair(n=11)
    with pytest.raises(ValueError, match="quota must"):
        a.with_quota(q)
    with pytest.raises(ValueError, match="level must"):
        tl.iso_vote_curve(a, q)


@settings(max_examples=60, deadline=None)
@given(bad_gammas)
def test_bad_gammas_are_rejected(g):
    with pytest.raises(ValueError, match=r"gamma_beef must (lie in \[0.05, 1.0\]|be a finite)"):
        tl.TwoIssueConstituency.power(0.5, g, 0.5, 0.5)
    with pytest.raises(ValueError, match=r"gamma_citrus must"):
        tl.TwoIssueConstituency.power(0.5, 0.5, g, 0.5)
    with pytest.raises(ValueError, match=r"gamma must"):
        tl.SmoothLaw.power(g)


@settings(max_examples=60, deadline=None)
@given(not_numbers)
def test_non_numbers_are_type_errors(x):
    with pytest.raises(TypeError, match="must be a real number"):
        tl.TwoIssueConstituency.power(x, 0.5, 0.5, 0.5)
    with pytest.raises(TypeError, match="must be a real number"):
        tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, x)


@settings(max_examples=60, deadline=None)
@given(outside_unit)
def test_packages_outside_the_box_are_rejected(x):
    a, b = default_pair(n=11)
    with pytest.raises(ValueError, match=r"beef must lie in \[0, 1\]"):
        a.yes_share(x, 0.5)
    with pytest.raises(ValueError, match=r"citrus must lie in \[0, 1\]"):
        b.ratifies(0.5, [0.2, x])
    with pytest.raises(ValueError, match=r"beef must lie in \[0, 1\]"):
        tl.tangency_residual(a, b, x, 0.5)


def test_other_bad_arguments():
    a, b = default_pair(n=11)
    c = tl.Constituency([0.5])
    with pytest.raises(ValueError, match="side must be 'A' or 'B'"):
        tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, 0.5, "X")
    with pytest.raises(TypeError, match="ranchers must be a Constituency"):
        tl.TwoIssueConstituency([0.5], c, 0.5, 0.5)
    with pytest.raises(TypeError, match="citrus_law must be a SmoothLaw"):
        tl.TwoIssueConstituency(c, c, 0.5, 0.5, "A", None, "x**2")
    with pytest.raises(ValueError, match="n must be an integer >= 1"):
        tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, 0.5, n=0)
    with pytest.raises(TypeError, match="beef must be a real number or an array"):
        a.yes_share("0.5", 0.5)
    with pytest.raises(ValueError, match="beef and citrus must broadcast"):
        a.yes_share([0.1, 0.2], [0.1, 0.2, 0.3])
    with pytest.raises(TypeError, match="constituency must be a TwoIssueConstituency"):
        tl.iso_vote_grid("A")
    with pytest.raises(ValueError, match="constituency_a must be side 'A'"):
        tl.lens(b, a)
    with pytest.raises(ValueError, match="constituency_b must be side 'B'"):
        tl.lens_corners(a, a)
    with pytest.raises(TypeError, match="constituency_b must be a TwoIssueConstituency"):
        tl.contract_curve(a, None)
    with pytest.raises(ValueError, match="grid was computed for side 'B'"):
        tl.win_set_mask(a, tl.iso_vote_grid(b, 11))
    with pytest.raises(TypeError, match="grid must be an IsoVoteGrid"):
        tl.win_set_mask(a, np.zeros((3, 3)))
    with pytest.raises(ValueError, match="grids must share the same axes"):
        tl.lens(a, b, grids=(tl.iso_vote_grid(a, 11), tl.iso_vote_grid(b, 13)))
    with pytest.raises(TypeError, match="grids must be a pair"):
        tl.lens(a, b, grids=tl.iso_vote_grid(a, 11))
    with pytest.raises(TypeError, match="cdf must be callable"):
        tl.SmoothLaw(0.5)
    with pytest.raises(TypeError, match="pdf must be callable or None"):
        tl.SmoothLaw(np.sqrt, 1.0)
    with pytest.raises(TypeError, match="constituency must be a Constituency"):
        tl.SmoothLaw.logistic_kernel([0.5])
    with pytest.raises(ValueError, match=r"bandwidth must lie in \[0.0001, 1\]"):
        tl.SmoothLaw.logistic_kernel(c, bandwidth=0.0)
    with pytest.raises(TypeError, match="ranchers must be a SpatialConstituency"):
        tl.heterogeneous_iso_vote_grid(c, 0.1, c, 0.5)
    with pytest.raises(TypeError, match="farmers must be a Constituency"):
        tl.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 0.1, [0.5], 0.5)
    with pytest.raises(ValueError, match=r"reversion must lie in \[0, 1\]"):
        tl.heterogeneous_iso_vote_grid(tl.SpatialConstituency([0.5]), 1.5, c, 0.5)
