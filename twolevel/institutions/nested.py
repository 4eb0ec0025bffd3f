r"""Several levels of ratification: a tree of ratifying bodies (pp. 449–450).

"Many institutional arrangements require several levels of ratification"
(p. 449): the Council of Ministers must ratify unanimously, each member
government "must, in effect, win ratification for its decision within its own
national arena", and in coalition governments "that process might also
require ratification within each of the parties"; on the American side,
support "from most, if not all, of the major agricultural organizations" and,
within them, "by key interests and regions" (p. 449).

The model
---------
A tree whose leaves are :class:`Chamber` s (a constituency voting by a rule)
and whose inner nodes are :class:`Body` s, whose members are chambers or
bodies. A member body votes yes, as a bloc, on every share its own tree
ratifies. Since every rule is monotone, each node ratifies the shares at or
above its pivot, and a body's pivot is its rule applied to its members'
pivots as if they were reservation values:

.. math::

    p(\text{chamber}) = \rho\bigl(r_1, \dots, r_n\bigr),\qquad
    p(\text{body}) = \rho_\text{body}\bigl(p(m_1), \dots, p(m_k)\bigr).

The win-set of the whole is :math:`[p(\text{root}), 1]` (side X). *Adding a
level* at a node (:meth:`Body.with_level`) makes the node's assent require a
further body's as well (the node and the new body become a unanimous pair);
the node's pivot becomes :math:`\max(p, p_\text{new})`, and since every rule
is monotone in its members' pivots (a quantile is), the root's pivot cannot
fall: **adding a ratifying level never enlarges the win-set**.

Where decomposition stops paying
--------------------------------
:func:`decomposition_returns` measures Putnam's remark that "at some point in
this analytic regress the complexity of further decomposition would outweigh
the advantages" (p. 450) on random hierarchies whose sub-units are more alike
the deeper one goes: the bodies one must model grow as :math:`b^d` with the
depth :math:`d`, while the correction each new level brings to the win-set
shrinks. :func:`worthwhile_depth` picks the depth that maximises the
accuracy gained minus the cost of the bodies modelled. This is the model's
addition, an illustration of the remark, not Putnam's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from .._checks import (
    check_array,
    check_instance,
    check_label,
    check_nonnegative,
    check_positive_int,
    check_seed,
    check_unit,
    check_weights,
)
from .._sampling import generator
from ..winsets import SIDES, Constituency, Side, WinSet
from .rules import RatificationRule, check_rule, pivot_of, unanimity

__all__ = [
    "Chamber",
    "Body",
    "nested_win_set",
    "tree_from_spec",
    "DecompositionReturns",
    "decomposition_returns",
    "worthwhile_depth",
]


def _check_name(name: object, param: str = "name") -> str:
    if not isinstance(name, str) or not name:
        raise TypeError(f"{param} must be a non-empty string, got {name!r}")
    return name


@dataclass(frozen=True)
class Chamber:
    """A leaf: a constituency that ratifies by a rule.

    Parameters
    ----------
    name : str
    constituency : Constituency
    rule : RatificationRule

    Examples
    --------
    >>> ch = tl.Chamber("Bundestag", tl.Constituency([0.2, 0.4, 0.6]), tl.simple_majority())
    >>> ch.pivot(), ch.depth, ch.size
    (0.4, 0, 1)

    References
    ----------
    Putnam (1988), p. 449. Book: chapter 6, ``def-tree``.
    """

    name: str
    constituency: Constituency
    rule: RatificationRule

    def __post_init__(self) -> None:
        _check_name(self.name)
        check_instance("constituency", self.constituency, Constituency)
        check_rule("rule", self.rule)

    def pivot(self) -> float:
        """The smallest own-side share this chamber ratifies."""
        return self.rule.pivot(self.constituency)

    @property
    def depth(self) -> int:
        """Levels below this node (0 for a chamber)."""
        return 0

    @property
    def size(self) -> int:
        """Ratifying bodies in this subtree (chambers and bodies)."""
        return 1

    def names(self) -> tuple[str, ...]:
        """Names of every node of the subtree, root first."""
        return (self.name,)


@dataclass(frozen=True)
class Body:
    r"""An inner node: a body whose members (chambers or bodies) each vote as a bloc.

    Parameters
    ----------
    name : str
    rule : RatificationRule
        How the body aggregates its members' votes (a :class:`QuotaRule`,
        :class:`WeightedVotes` with one vote per member, or :class:`ConsensusNorm`).
    members : sequence of Chamber or Body
        At least one member.
    weights : sequence of float, optional
        One weight per member (default: equal).

    Examples
    --------
    >>> gov = lambda n, r: tl.Chamber(n, tl.Constituency(r), tl.simple_majority())
    >>> council = tl.Body("Council", tl.unanimity(), (gov("F", [0.3, 0.5, 0.7]), gov("D", [0.1, 0.2, 0.4])))
    >>> council.pivot(), council.depth, council.size
    (0.5, 1, 3)

    References
    ----------
    Putnam (1988), p. 449: the Council of Ministers by unanimity, each government in its own arena.
    Book: chapter 6, ``def-tree``.
    """

    name: str
    rule: RatificationRule
    members: tuple[Node, ...]
    weights: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        _check_name(self.name)
        check_rule("rule", self.rule)
        if isinstance(self.members, (str, bytes)) or not isinstance(self.members, Sequence):
            raise TypeError(f"members of {self.name!r} must be a sequence of Chamber or Body")
        members = tuple(self.members)
        if not members:
            raise ValueError(f"members of {self.name!r} must hold at least one Chamber or Body")
        for i, m in enumerate(members):
            if not isinstance(m, (Chamber, Body)):
                raise TypeError(f"members[{i}] of {self.name!r} must be a Chamber or Body, got {type(m).__name__}")
        object.__setattr__(self, "members", members)
        if self.weights is not None:
            w = check_weights(f"weights of {self.name!r}", self.weights, len(members))
            object.__setattr__(self, "weights", tuple(float(x) for x in w))
        names = self.names()
        if len(set(names)) != len(names):
            dup = sorted({n for n in names if names.count(n) > 1})
            raise ValueError(f"node names must be unique in a tree, {dup} appear more than once")

    def member_pivots(self) -> npt.NDArray[np.float64]:
        """Each member's pivot (its reservation value as a bloc)."""
        return np.array([m.pivot() for m in self.members], dtype=float)

    def pivot(self) -> float:
        """The body's rule applied to its members' pivots."""
        w = np.ones(len(self.members)) if self.weights is None else np.asarray(self.weights)
        return self.rule.pivot(Constituency(self.member_pivots(), weights=w, name=self.name))

    @property
    def depth(self) -> int:
        return 1 + max(m.depth for m in self.members)

    @property
    def size(self) -> int:
        return 1 + sum(m.size for m in self.members)

    def names(self) -> tuple[str, ...]:
        return (self.name, *(n for m in self.members for n in m.names()))

    def find(self, name: str) -> Node:
        """The node called ``name`` in this subtree (ValueError if absent)."""
        if self.name == name:
            return self
        for m in self.members:
            if m.name == name:
                return m
            if isinstance(m, Body) and name in m.names():
                return m.find(name)
        raise ValueError(f"node must name a body or chamber of the tree {self.names()}, got {name!r}")

    def with_level(self, node: str, extra: Node) -> Body:
        """A copy of the tree in which ``node``'s assent also needs ``extra``'s.

        ``node`` is replaced by a unanimous pair of itself and ``extra``
        (named ``node + " & " + extra.name``), in the same place.

        Examples
        --------
        >>> gov = lambda n, r: tl.Chamber(n, tl.Constituency(r), tl.simple_majority())
        >>> council = tl.Body("Council", tl.unanimity(), (gov("F", [0.3, 0.5, 0.7]), gov("D", [0.1, 0.2, 0.4])))
        >>> council.with_level("D", gov("D party", [0.55, 0.6])).pivot()
        0.55
        """
        if not isinstance(extra, (Chamber, Body)):
            raise TypeError(f"extra must be a Chamber or Body, got {type(extra).__name__}")
        _check_name(node, "node")
        self.find(node)
        if self.name == node:
            return Body(f"{node} & {extra.name}", unanimity(), (self, extra))
        members: list[Node] = []
        for m in self.members:
            if m.name == node:
                members.append(Body(f"{node} & {extra.name}", unanimity(), (m, extra)))
            elif isinstance(m, Body) and node in m.names():
                members.append(m.with_level(node, extra))
            else:
                members.append(m)
        return replace(self, members=tuple(members))


Node = Chamber | Body


def nested_win_set(tree: Node, side: Side = "X") -> WinSet:
    """The win-set of a tree of ratifying bodies: side X's :math:`[p, 1]` or Y's :math:`[0, 1 - p]`.

    Parameters
    ----------
    tree : Chamber or Body
        The root of the tree of ratifying bodies.
    side : {"X", "Y"}
        X's win-set is :math:`[p, 1]`, Y's :math:`[0, 1 - p]`.

    Returns
    -------
    WinSet

    Examples
    --------
    >>> gov = lambda n, r: tl.Chamber(n, tl.Constituency(r), tl.simple_majority())
    >>> council = tl.Body("Council", tl.unanimity(), (gov("F", [0.3, 0.5, 0.7]), gov("D", [0.1, 0.2, 0.4])))
    >>> tl.nested_win_set(council, "Y")
    WinSet(0, 0.5)

    References
    ----------
    Putnam (1988), pp. 449-450. Book: chapter 6, ``prop-nested``.
    """
    if not isinstance(tree, (Chamber, Body)):
        raise TypeError(f"tree must be a Chamber or Body, got {type(tree).__name__}")
    check_label("side", side, SIDES)
    p = tree.pivot()
    return WinSet(p, 1.0) if side == "X" else WinSet(0.0, 1.0 - p)


def tree_from_spec(spec: Mapping[str, Mapping[str, object]], root: str) -> Node:
    """Build a tree from a flat specification, checking names, shapes and cycles.

    Parameters
    ----------
    spec : mapping of str to mapping
        One entry per node. A chamber: ``{"rule": rule, "constituency": c}``.
        A body: ``{"rule": rule, "members": [names], "weights": [...] (optional)}``.
    root : str
        The name of the root node.

    Returns
    -------
    Chamber or Body
        The root of the tree.

    Examples
    --------
    >>> spec = {
    ...     "Council": {"rule": tl.unanimity(), "members": ["France", "Germany"]},
    ...     "France": {"rule": tl.simple_majority(), "constituency": tl.Constituency([0.3, 0.5, 0.7])},
    ...     "Germany": {"rule": tl.simple_majority(), "constituency": tl.Constituency([0.1, 0.2, 0.4])},
    ... }
    >>> tl.tree_from_spec(spec, "Council").pivot()
    0.5
    >>> tl.tree_from_spec({"A": {"rule": tl.unanimity(), "members": ["A"]}}, "A")
    Traceback (most recent call last):
    ...
    ValueError: spec must be a tree, but it has a cycle: A -> A

    References
    ----------
    Putnam (1988), p. 449. Book: chapter 6, ``def-tree``.
    """
    if not isinstance(spec, Mapping):
        raise TypeError(f"spec must be a mapping from node names to node entries, got {type(spec).__name__}")
    if not isinstance(root, str) or root not in spec:
        raise ValueError(f"root must name an entry of spec {sorted(map(str, spec))}, got {root!r}")
    used: set[str] = set()

    def build(name: str, path: tuple[str, ...]) -> Node:
        if name in path:
            raise ValueError(
                f"spec must be a tree, but it has a cycle: {' -> '.join((*path[path.index(name) :], name))}"
            )
        if name not in spec:
            raise ValueError(f"spec has no entry for member {name!r} of {path[-1]!r}")
        if name in used:
            raise ValueError(f"spec must be a tree, but {name!r} is a member of two bodies")
        used.add(name)
        entry = spec[name]
        if not isinstance(entry, Mapping):
            raise TypeError(f"spec[{name!r}] must be a mapping with 'rule' and 'members' or 'constituency'")
        unknown = set(entry) - {"rule", "members", "weights", "constituency"}
        if unknown:
            raise ValueError(
                f"spec[{name!r}] has unknown keys {sorted(unknown)}; accepted: rule, members, weights, constituency"
            )
        if "rule" not in entry:
            raise ValueError(f"spec[{name!r}] must give a 'rule'")
        rule = check_rule(f"spec[{name!r}]['rule']", entry["rule"])
        has_members, has_const = "members" in entry, "constituency" in entry
        if has_members == has_const:
            raise ValueError(
                f"spec[{name!r}] must give exactly one of 'members' (a body) or 'constituency' (a chamber)"
            )
        if has_const:
            if "weights" in entry:
                raise ValueError(
                    f"spec[{name!r}]: 'weights' belong to a body; give a chamber's weights in its Constituency"
                )
            return Chamber(name, entry["constituency"], rule)  # type: ignore[arg-type]
        members = entry["members"]
        if isinstance(members, (str, bytes)) or not isinstance(members, Sequence):
            raise TypeError(f"spec[{name!r}]['members'] must be a list of node names")
        if not members:
            raise ValueError(f"spec[{name!r}]['members'] must not be empty (a body with no seats)")
        built = tuple(build(check_instance(f"spec[{name!r}]['members'] entry", m, str), (*path, name)) for m in members)
        weights = entry.get("weights")
        return Body(
            name, rule, built, None if weights is None else tuple(check_array(f"spec[{name!r}]['weights']", weights))
        )

    return build(root, ())


# -- where decomposition stops paying ---------------------------------------------


@dataclass(frozen=True)
class DecompositionReturns:
    """What each further level of decomposition costs and brings (averaged over random hierarchies).

    Attributes
    ----------
    depth : ndarray of int
        Levels modelled, 0 (the whole as one actor) to the full depth.
    bodies : ndarray of int
        Actors one must model at that depth (bodies and chambers; at the full
        depth, every chamber's members as well).
    error : ndarray of float
        Mean absolute error of the win-set's boundary against the full decomposition.
    gain : ndarray of float
        Mean absolute change of the boundary brought by that level (0 at depth 0).

    Examples
    --------
    >>> r = tl.decomposition_returns(branching=3, depth=3, replications=20, seed=1)
    >>> r.bodies.tolist(), bool(r.error[-1] == 0.0)
    ([1, 4, 13, 40, 607], True)

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 6, ``ch06-decomposition``.
    """

    depth: npt.NDArray[np.int64]
    bodies: npt.NDArray[np.int64]
    error: npt.NDArray[np.float64]
    gain: npt.NDArray[np.float64]

    def __post_init__(self) -> None:
        size = None
        for name in ("depth", "bodies", "error", "gain"):
            arr = check_array(name, getattr(self, name), low=0.0)
            if name in ("depth", "bodies"):
                if not np.all(arr == np.floor(arr)) or arr.max() > 2**62:
                    raise ValueError(f"{name} must hold non-negative integers, got {arr!r:.80}")
                arr = arr.astype(np.int64)
            if size is None:
                size = arr.size
            elif arr.size != size:
                raise ValueError(f"{name} must have one entry per depth ({size}), got {arr.size}")
            object.__setattr__(self, name, arr)


def _truncated_pivot(
    centres: list[npt.NDArray[np.float64]],
    leaves: npt.NDArray[np.float64],
    quotas: Sequence[float],
    upto: int,
    branching: int,
) -> float:
    """Pivot of the hierarchy when the nodes at depth ``upto`` are treated as single actors."""
    depth = len(centres) - 1
    if upto == depth + 1:
        level = np.array([pivot_of(row, np.ones(row.size), quotas[depth]) for row in leaves])
    else:
        level = centres[upto]
    for d in range(min(upto, depth) - 1, -1, -1):
        groups = level.reshape(-1, branching)
        level = np.array([pivot_of(g, np.ones(branching), quotas[d]) for g in groups])
    return float(level[0])


def decomposition_returns(
    branching: int = 3,
    depth: int = 3,
    *,
    spread: float = 0.3,
    decay: float = 0.4,
    centre: float = 0.5,
    quota: float = 0.5,
    n: int = 21,
    replications: int = 50,
    seed: int = 0,
) -> DecompositionReturns:
    r"""Costs and returns of modelling one more level of a random ratification hierarchy.

    Each body at level :math:`\ell` has ``branching`` sub-units whose positions
    (reservation values) lie within :math:`\pm\,\text{spread}\cdot\text{decay}^{\ell}`
    of the body's own (uniform draws, kept inside [0, 1]); the deepest units are
    chambers of ``n`` members spread over the same band one level down.
    Every body ratifies by ``quota`` of its members. Modelling the hierarchy to
    depth :math:`d` treats each unit at level :math:`d` as a single actor at its
    position. ``decay < 1`` says sub-units are more alike than the units above them.

    Parameters
    ----------
    branching : int
        Sub-units per body, 2 to 10.
    depth : int
        Levels of bodies above the chambers, 1 to 6 (at most 200 000 chambers).
    spread, decay, centre : float
        In [0, 1]: the first level's half-width, the factor per level, the root's position.
    quota : float
        In (0, 1], for every body.
    n : int
        Members (constituents) per chamber, 1 to 1001.
    replications : int
        Random hierarchies averaged, 1 to 1000.
    seed : int

    Returns
    -------
    DecompositionReturns
        One row per modelled depth :math:`0, \dots, \text{depth} + 1` (the last
        models every chamber's members: the full decomposition).

    Examples
    --------
    >>> r = tl.decomposition_returns(branching=3, depth=2, replications=30, seed=0)
    >>> bool(np.all(np.diff(r.gain[1:]) < 0)), r.bodies.tolist()
    (True, [1, 4, 13, 202])

    References
    ----------
    Putnam (1988), p. 450: "the complexity of further decomposition would outweigh the advantages".
    Book: chapter 6, ``ch06-decomposition``.
    """
    b = check_positive_int("branching", branching, minimum=2, maximum=10)
    d_max = check_positive_int("depth", depth, maximum=6)
    if b ** (d_max + 1) > 200_000:
        raise ValueError(f"branching ** (depth + 1) must be <= 200000 (chambers modelled), got {b ** (d_max + 1)}")
    s, k, c0 = check_unit("spread", spread), check_unit("decay", decay), check_unit("centre", centre)
    q = check_unit("quota", quota)
    if q == 0.0:
        raise ValueError("quota must lie in (0, 1] (a share of the members' weight), got 0.0")
    m = check_positive_int("n", n, maximum=1001)
    reps = check_positive_int("replications", replications, maximum=1000)
    seed = check_seed("seed", seed)
    rng = generator(seed)
    quotas = [q] * (d_max + 1)
    levels = d_max + 2
    err = np.zeros((reps, levels))
    gain = np.zeros((reps, levels))
    for r in range(reps):
        centres = [np.array([c0])]
        for lev in range(1, d_max + 1):
            half = s * k ** (lev - 1)
            parent = np.repeat(centres[-1], b)
            centres.append(np.clip(parent + half * rng.uniform(-1.0, 1.0, parent.size), 0.0, 1.0))
        half = s * k**d_max
        # Chambers' members: uniform draws in the band around the chamber's position.
        leaves = np.clip(centres[-1][:, None] + half * rng.uniform(-1.0, 1.0, (centres[-1].size, m)), 0.0, 1.0)
        piv = np.array([_truncated_pivot(centres, leaves, quotas, u, b) for u in range(levels)])
        err[r] = np.abs(piv - piv[-1])
        gain[r, 1:] = np.abs(np.diff(piv))
    depths = np.arange(levels, dtype=np.int64)
    bodies = np.array([sum(b**i for i in range(min(u, d_max) + 1)) for u in range(levels)], dtype=np.int64)
    bodies[-1] += m * b**d_max  # the full decomposition models every chamber's members too
    return DecompositionReturns(depths, bodies, err.mean(axis=0), gain.mean(axis=0))


def worthwhile_depth(returns: DecompositionReturns, cost_per_body: float, value_of_accuracy: float = 1.0) -> int:
    r"""The depth that maximises :math:`v\,(e_0 - e_d) - c\,(\text{bodies}_d - 1)`.

    ``value_of_accuracy`` :math:`v` prices a unit of error removed from the
    win-set's boundary; ``cost_per_body`` :math:`c` the work of modelling one
    more body. Ties go to the shallower depth.

    Parameters
    ----------
    returns : DecompositionReturns
        From :func:`decomposition_returns`.
    cost_per_body : float
        :math:`c \ge 0`.
    value_of_accuracy : float
        :math:`v \ge 0`.

    Returns
    -------
    int
        The best depth (the shallowest among ties).

    Examples
    --------
    >>> r = tl.decomposition_returns(branching=3, depth=3, replications=30, seed=0)
    >>> tl.worthwhile_depth(r, cost_per_body=0.0) >= tl.worthwhile_depth(r, cost_per_body=0.01)
    True

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 6, ``ch06-decomposition``.
    """
    check_instance("returns", returns, DecompositionReturns)
    c = check_nonnegative("cost_per_body", cost_per_body)
    v = check_nonnegative("value_of_accuracy", value_of_accuracy)
    net = v * (returns.error[0] - returns.error) - c * (returns.bodies - 1)
    best = float(net.max())
    return int(np.flatnonzero(net >= best - 1e-12)[0])
