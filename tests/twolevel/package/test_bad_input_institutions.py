"""Bad input to the institutions models gets a clear error naming the parameter (fuzzed)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import anything, bad_quotas, outside_unit

import twolevel as tl

C = tl.Constituency([0.2, 0.5, 0.8])
_TWO_SIDES = (
    tl.TwoIssueConstituency.power(0.5, 1, 1, 0.5, "A", n=11),
    tl.TwoIssueConstituency.power(0.5, 1, 1, 0.5, "B", n=11),
)


@settings(max_examples=100, deadline=None)
@given(bad_quotas)
def test_rules_refuse_bad_quotas(q):
    for make, name in (
        (lambda: tl.QuotaRule(q), "quota"),
        (lambda: tl.WeightedVotes([1, 1], q), "quota"),
        (lambda: tl.ConsensusNorm(q), "quota"),
        (lambda: tl.ConsensusNorm(0.5, (0, 1), q), "min_group_share"),
        (lambda: tl.ConsensusNorm(0.5, (0, 1), 0.5, q), "within"),
        (lambda: tl.disciplined_win_set(C, q, 0.1), "quota"),
        (lambda: tl.autonomous_win_set(C, q, 0.1), "quota"),
    ):
        with pytest.raises(ValueError, match=name):
            make()


@settings(max_examples=100, deadline=None)
@given(outside_unit)
def test_shares_and_parameters_outside_the_unit_interval(v):
    for make, name in (
        (lambda: tl.disciplined_win_set(C, 0.5, v), "discipline"),
        (lambda: tl.autonomous_win_set(C, 0.5, v), "autonomy"),
        (lambda: tl.autonomous_win_set(C, 0.5, 0.5, v), "leader_reservation"),
        (lambda: tl.autonomy_agreement_probability(0.5, 0.5, autonomy=[v]), "autonomy"),
        (lambda: tl.committee_expectations(C, v), "persuasion"),
        (lambda: tl.RuleScenario(v, 0.5, 0.5), "spread_x"),
        (lambda: tl.simple_majority().ratifies(C, v), "share"),
    ):
        with pytest.raises(ValueError, match=name):
            make()


@settings(max_examples=100, deadline=None)
@given(anything)
def test_wrong_types_are_named(x):
    if isinstance(x, tl.Constituency):
        return
    with pytest.raises(TypeError, match="constituency"):
        tl.simple_majority().pivot(x)
    with pytest.raises(TypeError, match="rule"):
        tl.Chamber("c", C, x)
    with pytest.raises(TypeError, match="tree"):
        tl.nested_win_set(x)
    with pytest.raises(TypeError, match="rule"):
        tl.rule_win_set(C, x)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: tl.SeatRule(0, 0), "seats must be an integer >= 1"),
        (lambda: tl.SeatRule(100, 101), "needed must be an integer >= 1 and <= 100"),
        (lambda: tl.SeatRule(100, 0), "needed must be an integer >= 1"),
        (lambda: tl.SeatRule(3, 2).pivot(tl.Constituency([0.1, 0.2])), "one member per seat"),
        (lambda: tl.SeatRule(2, 2).pivot(tl.Constituency([0.1, 0.2], [1, 2])), "equal weights"),
        (lambda: tl.WeightedVotes([], 0.5), "votes must not be empty"),
        (lambda: tl.WeightedVotes([0, 0], 0.5), "votes must have a positive"),
        (lambda: tl.WeightedVotes([1, -1], 0.5), "votes must lie in"),
        (lambda: tl.WeightedVotes([1, 1], 0.5).pivot(C), "one member per vote"),
        (lambda: tl.ConsensusNorm(0.5, ()), "groups must not be empty"),
        (lambda: tl.ConsensusNorm(0.5, "ab"), "groups must be a sequence"),
        (lambda: tl.ConsensusNorm(0.5, (0, -1)), r"groups\[1\] must be an integer >= 0"),
        (lambda: tl.ConsensusNorm(0.5, (0, 1)).pivot(C), "groups must label every member"),
        (lambda: tl.Body("B", tl.unanimity(), ()), "at least one Chamber or Body"),
        (lambda: tl.Body("B", tl.unanimity(), (C,)), r"members\[0\] of 'B' must be a Chamber or Body"),
        (lambda: tl.Body("B", tl.unanimity(), "xy"), "members of 'B' must be a sequence"),
        (lambda: tl.Body("", tl.unanimity(), (tl.Chamber("c", C, tl.unanimity()),)), "name must be a non-empty"),
        (
            lambda: tl.Body("B", tl.unanimity(), (tl.Chamber("c", C, tl.unanimity()),), weights=(1, 2)),
            "one weight per constituent",
        ),
        (
            lambda: tl.Body("B", tl.unanimity(), (tl.Chamber("B", C, tl.unanimity()),)),
            "node names must be unique",
        ),
        (
            lambda: tl.Body("B", tl.unanimity(), (tl.Chamber("c", C, tl.unanimity()),)).with_level(
                "nope", tl.Chamber("d", C, tl.unanimity())
            ),
            "node must name a body or chamber",
        ),
        (lambda: tl.tree_from_spec({"A": {"rule": tl.unanimity(), "members": ["A"]}}, "A"), "cycle: A -> A"),
        (
            lambda: tl.tree_from_spec(
                {
                    "A": {"rule": tl.unanimity(), "members": ["B"]},
                    "B": {"rule": tl.unanimity(), "members": ["C"]},
                    "C": {"rule": tl.unanimity(), "members": ["A"]},
                },
                "A",
            ),
            "cycle: A -> B -> C -> A",
        ),
        (
            lambda: tl.tree_from_spec(
                {
                    "A": {"rule": tl.unanimity(), "members": ["B", "B"]},
                    "B": {"rule": tl.unanimity(), "constituency": C},
                },
                "A",
            ),
            "member of two bodies",
        ),
        (lambda: tl.tree_from_spec({"A": {"rule": tl.unanimity(), "members": []}}, "A"), "no seats"),
        (lambda: tl.tree_from_spec({"A": {"rule": tl.unanimity(), "members": ["Z"]}}, "A"), "no entry for member 'Z'"),
        (lambda: tl.tree_from_spec({"A": {"rule": tl.unanimity()}}, "A"), "exactly one of 'members'"),
        (lambda: tl.tree_from_spec({"A": {"members": ["B"]}}, "A"), "must give a 'rule'"),
        (lambda: tl.tree_from_spec({"A": {"rule": 0.5, "constituency": C}}, "A"), "rule.*must be a RatificationRule"),
        (
            lambda: tl.tree_from_spec({"A": {"rule": tl.unanimity(), "constituency": C, "seats": 3}}, "A"),
            "unknown keys",
        ),
        (lambda: tl.tree_from_spec({"A": 3}, "A"), r"spec\['A'\] must be a mapping"),
        (lambda: tl.tree_from_spec({}, "A"), "root must name an entry"),
        (lambda: tl.tree_from_spec([1], "A"), "spec must be a mapping"),
        (lambda: tl.decomposition_returns(branching=1), "branching must be an integer >= 2"),
        (lambda: tl.decomposition_returns(branching=10, depth=6), r"branching \*\* \(depth \+ 1\)"),
        (lambda: tl.decomposition_returns(quota=0.0), r"quota must lie in \(0, 1\]"),
        (lambda: tl.decomposition_returns(decay=math.nan), "decay must be a finite"),
        (
            lambda: tl.worthwhile_depth(tl.decomposition_returns(depth=1, replications=2), -1.0),
            "cost_per_body must be >= 0",
        ),
        (lambda: tl.conference_outcome(C, C, solution="kalai"), "solution must be 'nash' or 'split'"),
        (
            lambda: tl.compare_procedures(*[tl.TwoIssueConstituency.power(0.5, 1, 1, 0.5, "A", n=11)] * 2),
            "partner must be the other side",
        ),
        (lambda: tl.compare_procedures(*_TWO_SIDES, resolution=11).area("lens"), "which must be"),  # type: ignore[arg-type]
        (lambda: tl.AmendmentComparison([], [], [], [], [], []), "b must not be empty"),
        (
            lambda: tl.autonomy_agreement_probability(0.5, 0.5, autonomy=[0.5], trials=0),
            "trials must be an integer >= 1",
        ),
    ],
)
def test_malformed_input_is_named(make, message):
    with pytest.raises((ValueError, TypeError), match=message):
        make()


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from("ABCD"), min_size=1, max_size=4), st.data())
def test_fuzzed_specs_either_build_or_fail_clearly(names, data):
    """Random specs with random member links: a tree, or a ValueError/TypeError that names the spec."""
    spec = {}
    for n in set(names):
        if data.draw(st.booleans()):
            spec[n] = {"rule": tl.unanimity(), "constituency": C}
        else:
            spec[n] = {"rule": tl.unanimity(), "members": data.draw(st.lists(st.sampled_from("ABCDE"), max_size=3))}
    root = data.draw(st.sampled_from(sorted(spec)))
    try:
        tree = tl.tree_from_spec(spec, root)
    except (ValueError, TypeError) as exc:
        assert "spec" in str(exc)
    else:
        assert 0.0 <= tree.pivot() <= 1.0
