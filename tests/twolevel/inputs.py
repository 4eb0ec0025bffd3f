"""Hypothesis strategies shared by the property tests: generated constituencies, quotas, rankings and boxes.

Good inputs (constituencies, quotas, shares, two-issue sides) and bad ones
(out-of-range quotas and weights, values that are not numbers) are defined
once here, so that a test states a property, not how to draw its inputs.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import strategies as st

import twolevel as tl

# -- numbers ---------------------------------------------------------------------

#: A share of the stake, an agreement or a package coordinate, in [0, 1].
unit = st.floats(0.0, 1.0)
#: A ratification quota in (0, 1].
quotas = st.floats(min_value=1e-6, max_value=1.0)
#: A quota that is not tiny (two-issue sides, where tiny quotas make every package win).
moderate_quotas = st.floats(0.05, 1.0)
box_quotas = moderate_quotas
#: A quota of at least 1%.
percent_quotas = st.floats(0.01, 1.0)
#: A value of no-agreement for one negotiator (d_X or d_Y), at most half the stake.
disagreement_values = st.floats(0.0, 0.5)
#: The standard deviation of a win-set boundary's error (the defection model's uncertainty).
uncertainties = st.floats(0.001, 0.5)
#: A side on one issue.
sides = st.sampled_from("XY")
#: A seed for numpy's generator.
seeds = st.integers(0, 2**32 - 1)
#: A weight share strictly inside (0, 1), away from the extremes.
weight_shares = st.floats(0.05, 0.95)
#: Shapes of the power family, inside GAMMA_RANGE.
gammas = st.floats(0.2, 1.0)

# -- bad numbers -----------------------------------------------------------------------

bad_quotas = st.one_of(
    st.floats(max_value=0.0), st.floats(min_value=1.0, exclude_min=True), st.just(math.nan), st.just(math.inf)
)
bad_open_unit = st.one_of(st.floats(max_value=0.0), st.floats(min_value=1.0), st.just(math.nan), st.just(math.inf))
bad_gammas = st.one_of(
    st.floats(max_value=0.05, exclude_max=True), st.floats(min_value=1.0, exclude_min=True), st.just(math.nan)
)
outside_unit = st.one_of(
    st.floats(max_value=0.0, exclude_max=True), st.floats(min_value=1.0, exclude_min=True), st.just(math.nan)
)
not_numbers = st.one_of(st.text(max_size=3), st.none(), st.booleans(), st.lists(st.floats(), max_size=2))
anything = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 5), st.text(max_size=3), st.none(), st.booleans()
)

# -- constituencies -----------------------------------------------------------------------


def reservation_lists(max_size: int = 40) -> st.SearchStrategy[list[float]]:
    """Reservation values (or ideal points) in [0, 1]: 1 to ``max_size`` of them."""
    return st.lists(unit, min_size=1, max_size=max_size)


@st.composite
def weighted_points(draw: st.DrawFn, max_size: int = 40) -> tuple[list[float], list[float]]:
    """Positions in [0, 1] with positive weights (ties and very unequal weights included)."""
    values = draw(reservation_lists(max_size))
    weights = draw(st.lists(st.floats(0.01, 10.0), min_size=len(values), max_size=len(values)))
    return values, weights


@st.composite
def constituencies(draw: st.DrawFn, max_size: int = 40, weighted: bool = True) -> tl.Constituency:
    """A constituency on a homogeneous issue, with equal or random weights."""
    if weighted and draw(st.booleans()):
        values, weights = draw(weighted_points(max_size))
        return tl.Constituency(values, weights)
    return tl.Constituency(draw(reservation_lists(max_size)))


@st.composite
def spatial_constituencies(draw: st.DrawFn, max_size: int = 30) -> tl.SpatialConstituency:
    """Constituents with ideal points in [0, 1], equal or random weights."""
    if draw(st.booleans()):
        values, weights = draw(weighted_points(max_size))
        return tl.SpatialConstituency(values, weights)
    return tl.SpatialConstituency(draw(reservation_lists(max_size)))


#: Members as (reservation value, participation or stake) pairs.
members = st.lists(st.tuples(unit, unit), min_size=1, max_size=30)
#: Shares of the four types of constituents of a preference profile (some weight in all).
four_types = st.tuples(unit, unit, unit, unit).filter(lambda t: sum(t) > 0.01)
#: Rankings of two alternatives and no-agreement ("NA"), for random profiles.
rankings = st.lists(st.permutations(["A", "B", "NA"]), min_size=1, max_size=6)
#: A linkage country's members: (own-policy utility, benefit from the other's policy).
linkage_members = st.lists(st.tuples(st.floats(-2, 2), st.floats(0, 2)), min_size=1, max_size=25)

# -- two issues ------------------------------------------------------------------------------


@st.composite
def empirical_sides(draw: st.DrawFn, side: str = "A") -> tl.TwoIssueConstituency:
    """One side's Level II on two issues with arbitrary (empirical) reservation values."""
    ranchers = tl.Constituency(draw(reservation_lists(25)))
    farmers = tl.Constituency(draw(reservation_lists(25)))
    return tl.TwoIssueConstituency(ranchers, farmers, draw(weight_shares), draw(box_quotas), side)


@st.composite
def power_pairs(draw: st.DrawFn, n: int = 301) -> tuple[tl.TwoIssueConstituency, tl.TwoIssueConstituency]:
    """Sides A and B of the power family (concave CDFs)."""
    a = tl.TwoIssueConstituency.power(draw(weight_shares), draw(gammas), draw(gammas), draw(box_quotas), "A", n=n)
    b = tl.TwoIssueConstituency.power(draw(weight_shares), draw(gammas), draw(gammas), draw(box_quotas), "B", n=n)
    return a, b


def default_pair(
    n: int = 2001, qa: float = 0.6, qb: float = 0.6, alpha: float = 0.5, beta: float = 0.5, g: float = 0.5
) -> tuple[tl.TwoIssueConstituency, tl.TwoIssueConstituency]:
    """The symmetric pair used by the worked examples: shape ``g`` on both issues of both sides."""
    return (
        tl.TwoIssueConstituency.power(alpha, g, g, qa, "A", n=n),
        tl.TwoIssueConstituency.power(beta, g, g, qb, "B", n=n),
    )


def as_array(values: list[float]) -> np.ndarray:
    """A float array of drawn values."""
    return np.asarray(values, dtype=float)
