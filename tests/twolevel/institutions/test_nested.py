"""A tree of ratifying bodies (twolevel.institutions.nested, pp. 449-450)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from inputs import constituencies

import twolevel as tl

rules = st.one_of(
    st.floats(0.01, 1.0).map(tl.QuotaRule),
    st.just(tl.simple_majority()),
    st.just(tl.two_thirds()),
    st.just(tl.unanimity()),
)


@st.composite
def trees(draw, depth=3, prefix="n"):
    """A random tree of chambers and bodies with unique names."""
    counter = draw(st.shared(st.just([0]), key=prefix))
    counter[0] += 1
    name = f"{prefix}{counter[0]}"
    if depth == 0 or draw(st.booleans()):
        return tl.Chamber(name, draw(constituencies(max_size=8)), draw(rules))
    k = draw(st.integers(1, 3))
    members = tuple(draw(trees(depth - 1, prefix)) for _ in range(k))
    weights = draw(st.one_of(st.none(), st.lists(st.floats(0.1, 5), min_size=k, max_size=k).map(tuple)))
    return tl.Body(name, draw(rules), members, weights)


def brute_force_ratifies(node, s):
    """Vote by vote, from the leaves up: the tree's verdict on own-side share s."""
    if isinstance(node, tl.Chamber):
        c = node.constituency
        yes = float(c.weights[c.reservations <= s].sum()) / float(c.weights.sum())
        return (
            node.rule.ratifies(c, s)
            if not isinstance(node.rule, tl.QuotaRule)
            else yes >= node.rule.quota * (1 - 1e-12)
        )
    votes = np.array([brute_force_ratifies(m, s) for m in node.members], dtype=float)
    w = np.ones(len(node.members)) if node.weights is None else np.asarray(node.weights)
    share = float((w * votes).sum() / w.sum())
    return share >= node.rule.quota * (1 - 1e-12)


@settings(max_examples=150, deadline=None)
@given(trees(), st.floats(0, 1))
def test_the_trees_win_set_is_the_composition_of_its_parts(tree, s):
    """Composition: the pivot computed from the members' pivots decides each share as a vote-by-vote count."""
    p = tree.pivot()
    assert tl.nested_win_set(tree).contains(s) == (s >= p)
    assert brute_force_ratifies(tree, p)
    if s < p - 1e-9:
        assert not brute_force_ratifies(tree, s)
    if s >= p:
        assert brute_force_ratifies(tree, s)


@settings(max_examples=150, deadline=None)
@given(trees(prefix="a"), st.data(), constituencies(max_size=8), rules)
def test_adding_a_ratifying_level_never_enlarges_the_win_set(tree, data, extra_c, extra_rule):
    node = data.draw(st.sampled_from(tree.names()))
    extra = tl.Chamber("extra level", extra_c, extra_rule)
    bigger = (
        tree.with_level(node, extra) if isinstance(tree, tl.Body) else tl.Body("root", tl.unanimity(), (tree, extra))
    )
    assert bigger.pivot() >= tree.pivot()
    assert tl.nested_win_set(bigger, "Y").width <= tl.nested_win_set(tree, "Y").width


def test_ec_council_example():
    def gov(name, r, rule=None):
        return tl.Chamber(name, tl.Constituency(r), rule or tl.simple_majority())

    france, germany = gov("France", [0.3, 0.5, 0.7]), gov("Germany", [0.1, 0.2, 0.4])
    council = tl.Body("Council", tl.unanimity(), (france, germany))
    assert council.pivot() == 0.5 and council.depth == 1 and council.size == 3
    # Within a coalition government, each party must ratify too (p. 449).
    coalition = council.with_level("Germany", gov("FDP", [0.45, 0.55, 0.6]))
    assert coalition.pivot() == 0.55
    assert coalition.find("Germany & FDP").pivot() == 0.55
    # The same member states under a qualified majority: never stricter than unanimity.
    assert tl.Body("Council", tl.simple_majority(), (france, germany)).pivot() <= council.pivot()


def test_tree_from_spec_builds_the_same_tree():
    spec = {
        "Council": {"rule": tl.unanimity(), "members": ["France", "Germany"], "weights": [10, 10]},
        "France": {"rule": tl.simple_majority(), "constituency": tl.Constituency([0.3, 0.5, 0.7])},
        "Germany": {"rule": tl.two_thirds(), "constituency": tl.Constituency([0.1, 0.2, 0.4])},
    }
    tree = tl.tree_from_spec(spec, "Council")
    assert tree.names() == ("Council", "France", "Germany")
    assert tree.pivot() == 0.5


def test_decomposition_returns_fall_while_bodies_multiply():
    r = tl.decomposition_returns(branching=3, depth=3, replications=40, seed=2)
    assert r.error[-1] == 0.0
    assert np.all(np.diff(r.error) <= 1e-12)
    assert np.all(np.diff(r.gain[1:]) < 0)  # each level corrects less than the one above
    assert np.all(np.diff(r.bodies) > 0)
    # Gain per body modelled falls fast: where decomposition stops paying.
    per_body = r.gain[1:] / np.diff(r.bodies)
    assert np.all(np.diff(per_body) < 0)
    depths = [tl.worthwhile_depth(r, c) for c in (0.0, 1e-4, 1e-3, 1e-2, 1e-1)]
    assert depths == sorted(depths, reverse=True) and depths[0] == len(r.depth) - 1 and depths[-1] == 0
